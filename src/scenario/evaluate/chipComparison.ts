import type {Hardware} from "../../catalog/hardware.js";
import {evaluateServing} from "../../tco/evaluateServing.js";
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
  /** Cost of a million output tokens on owned chips, charged all the chip time of whole requests (prefill included), USD. */
  costUsdPerMTok: number;
  /** Output tokens per second per chip over whole requests, prefill included. */
  tokensPerSecondPerChip: number;
  /** Output tokens per second per MW of facility power, whole requests. */
  tokensPerSecondPerMw: number;
  /** The smallest tensor-parallel degree (of COMPARISON_TENSOR_PARALLEL) that holds the scenario's batch. */
  tensorParallel: number;
}

/**
 * Every chip of `hardware` that has a purchase price, serving the scenario's model at the scenario's precision,
 * batch and request shape, at its own family's calibrated efficiencies for serving.stack, on the smallest tensor-parallel degree that holds the batch, owned under the scenario's power
 * and finance keys at finance.vendorGrossMargin. A chip that cannot run the configuration at any degree (no such
 * precision, or the batch never fits) is left out. Rows in catalog order.
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
        rows.push({
          id: chip.id,
          name: chip.name,
          priceUsd,
          costUsdPerMTok: result.cost.costPerMillionOutputTokensAllInUsd,
          tokensPerSecondPerChip: result.serving.outputTokensPerSecondPerChip,
          tokensPerSecondPerMw: result.cost.outputTokensPerSecondPerMw,
          tensorParallel
        });
        break;
      }
      if (result.problem.setting !== "tensorParallel") break;
    }
  }
  return rows;
}
