import type {Hardware} from "../../catalog/hardware.js";
import {blendedTokensPerSecondPerChip} from "../../tco/blendedThroughput.js";
import {costPerMillionTokensUsd} from "../../tco/costPerToken.js";
import {evaluateServing} from "../../tco/evaluateServing.js";
import {tokensPerSecondPerMw} from "../../tco/tokensPerMw.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import type {BoundScenario} from "./bindScenario.js";
import {num} from "./modelKeys.js";
import {catalogChipHour, merchantChipPriceUsd, sharedOwnership} from "./ownershipInput.js";
import {servingInput} from "./servingInput.js";

/** Tensor-parallel degrees tried, smallest first, when a chip is compared on the scenario's model and batch. */
export const COMPARISON_TENSOR_PARALLEL = [1, 2, 4, 8, 16, 32] as const;

/** One catalog chip serving the scenario's model under the scenario's ownership assumptions. */
export interface ChipComparisonRow {
  /** Catalog id. */
  id: string;
  /** Catalog name. */
  name: string;
  /** Purchase price used, USD: hardware.price for the scenario's own chip when set, else the catalog's. */
  priceUsd: number;
  /**
   * Blended cost of a million tokens on owned chips, input and output in the proportion demand.inputShare, USD: the
   * scenario's headline costPerMillionTokensUsd, computed for this chip.
   */
  costUsdPerMTok: number;
  /** Blended tokens (input and output) per second per chip, each phase at its own rate (blendedThroughput.ts). */
  tokensPerSecondPerChip: number;
  /** Blended tokens per second per MW of facility power: the scenario's tokensPerSecondPerMw, for this chip. */
  tokensPerSecondPerMw: number;
  /** The smallest tensor-parallel degree (of COMPARISON_TENSOR_PARALLEL) that holds the scenario's batch. */
  tensorParallel: number;
}

/**
 * Every chip of `hardware` that has a purchase price, serving the scenario's model at the scenario's precision,
 * batch and request shape, at its own family's calibrated efficiencies for serving.stack (each chip's default stack
 * when the scenario sets none: scenarioStack), on the smallest tensor-parallel degree that holds the batch, owned
 * under the scenario's power and finance keys at finance.vendorGrossMargin. A chip that cannot run the configuration
 * at any degree (no such precision, serving.stack does not run on it (stackChips.ts), or the batch never fits) is left
 * out. Rows in catalog order. Each chip is measured as the scenario's headline metrics measure its own (blended tokens
 * at demand.inputShare, metrics.ts), so the scenario's chip reads the same cost per token and tokens per MW here as on
 * every page when its tensor-parallel degree is the smallest that fits.
 *
 * Input: a bound scenario and one point of it (e.g. scenarioMedianPoint); the catalog's hardware rows.
 * Output: one ChipComparisonRow per chip that can serve. Throws only what servingInput throws for the scenario's own
 * chip's precision (a scenario that evaluates cannot).
 */
export function compareServingChips(
  bound: BoundScenario,
  point: ScenarioPoint,
  hardware: readonly Hardware[]
): ChipComparisonRow[] {
  const shared = sharedOwnership(point);
  const margin = num(point["finance.vendorGrossMargin"], "finance.vendorGrossMargin");
  const utilizationFraction = num(point["serving.utilization"], "serving.utilization");
  const inputShare = num(point["demand.inputShare"], "demand.inputShare");
  const rows: ChipComparisonRow[] = [];
  for (const chip of hardware) {
    const priceUsd = chip.id === bound.hardware.id ? merchantChipPriceUsd(bound, point) : chip.priceUsd;
    if (priceUsd === null) continue;
    const {input, efficiencies} = servingInput(bound, point, chip);
    for (const tensorParallel of COMPARISON_TENSOR_PARALLEL) {
      const result = evaluateServing({
        ...input,
        efficiencies,
        tensorParallel,
        ownership: catalogChipHour(shared, chip, priceUsd, margin),
        utilizationFraction,
        rentedUsdPerChipHour: null
      });
      if (result.ok) {
        const blended = blendedTokensPerSecondPerChip({
          inputShare,
          prefillTokensPerSecondPerChip: result.serving.prefillTokensPerSecondPerChip,
          decodeTokensPerSecondPerChip: result.serving.decodeTokensPerSecondPerChip
        });
        rows.push({
          id: chip.id,
          name: chip.name,
          priceUsd,
          costUsdPerMTok: costPerMillionTokensUsd({
            chipHourCostUsd: result.cost.chipHour.totalUsdPerChipHour,
            tokensPerSecondPerChip: blended,
            utilizationFraction
          }),
          tokensPerSecondPerChip: blended,
          tokensPerSecondPerMw: tokensPerSecondPerMw({
            tokensPerSecondPerChip: blended,
            utilizationFraction,
            facilityPowerKwPerChip: result.cost.chipHour.facilityPowerKw
          }),
          tensorParallel
        });
        break;
      }
      if (result.problem.setting !== "tensorParallel") break;
    }
  }
  return rows;
}
