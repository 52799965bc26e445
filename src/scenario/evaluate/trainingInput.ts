import type {Hardware} from "../../catalog/hardware.js";
import type {ModelArchitecture} from "../../catalog/model.js";
import {peakFlopsPerS, type Precision} from "../../inference/precision.js";
import {supportedPrecisions} from "../../inference/servingChecks.js";
import {chipHourCost, type ChipHourCostResult} from "../../tco/chipHourCost.js";
import {attentionShape} from "../../training/attentionShape.js";
import {trainingFlops, type TrainingFlopsResult} from "../../training/trainingFlops.js";
import type {TrainingRunInput} from "../../training/trainingRun.js";
import {scenarioValueError} from "../file/scenarioErrors.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import type {BoundScenario} from "./bindScenario.js";
import {computedFrom, num, type ModelKeys} from "./modelKeys.js";
import {catalogChipHour, type SharedOwnership} from "./ownershipInput.js";
import {groupThousands} from "../../units/groupThousands.js";
import {catalogCellName} from "../../catalog/rowOrigin.js";
import {countNoun} from "../../units/countNoun.js";

/** The keys a training run's cost is computed from (its chip-hours and the owned chip-hour's price). */
export const TRAINING_COST_KEYS = [
  "training.tokens",
  "training.model",
  "training.hardware",
  "training.mfu",
  "hardware.price",
  "finance.vendorGrossMargin"
] as const;

/** The training-run model's inputs → scenario keys (src/training/trainingRun.ts). */
export const TRAINING_KEYS: ModelKeys = {
  flops: "(training.tokens)",
  peakFlopsPerS: "training.hardware",
  mfu: "training.mfu",
  goodputFraction: "training.goodput",
  chips: "training.chips",
  itPowerKwPerChip: "training.hardware",
  averageDrawFraction: "(power.averageDraw)",
  pue: "power.pue",
  ownedUsdPerChipHour: computedFrom("training.hardware", "hardware.price", "finance.vendorGrossMargin"),
  rentedUsdPerChipHour: "training.hardware"
};

/**
 * The energy convention of every training figure (CLI, scenarios, site, training-runs report): a training cluster
 * runs flat out, so its chip-hours are priced and its energy counted at full peak IT power (chip + host share,
 * data/hardware.csv system_power_w) × PUE. Serving fleets use power.averageDraw instead. Assumption; Epoch AI's method
 * (src/tco/epochTrainingCost.ts) uses 0.75 of server TDP instead, and says so.
 */
export const TRAINING_AVERAGE_DRAW_FRACTION = 1;

/** What a training run is priced from, whatever supplies it (a scenario, the CLI's flags, a catalog row). */
export interface TrainingSetup {
  /** The model: active parameters and the attention shape fields. */
  model: Pick<ModelArchitecture, "activeParams" | "layers" | "attentionHeads" | "headDim" | "mlaRopeDim">;
  /** The chip (catalog row or one built from flags). */
  hardware: Hardware;
  precision: Precision;
  /** Training tokens; > 0. */
  tokens: number;
  /** Training sequence length, tokens; null leaves the attention term out. */
  sequenceTokens: number | null;
  /** Steady-state MFU; in (0, 1]. */
  mfu: number;
  /** Effective training time; in [0.05, 1]. */
  goodputFraction: number;
  /** Cluster size; integer >= 1. */
  chips: number;
  /** Purchase price per chip, USD; null when none is known (no owned cost). */
  chipPriceUsd: number | null;
  /** Rental price per chip-hour, USD; null when none is known. */
  rentedUsdPerChipHour: number | null;
  /** Shared ownership assumptions (power, facility, finance). */
  shared: SharedOwnership;
  /** The chip vendor's gross margin; in [0, 1). */
  vendorGrossMarginFraction: number;
}

export interface TrainingSetupResult {
  input: TrainingRunInput;
  flops: TrainingFlopsResult;
  /** The owned chip-hour at full draw; null without a price. */
  chipHour: ChipHourCostResult | null;
}

/**
 * A training run's model input from a setup: FLOPs (6·N·D plus causal attention), the precision's dense peak, and
 * an owned chip-hour at the training energy convention (TRAINING_AVERAGE_DRAW_FRACTION × peak IT power × PUE).
 * Returns null when the chip lacks the precision (callers name the flag or key).
 */
export function trainingSetupInput(setup: TrainingSetup): TrainingSetupResult | null {
  const peak = peakFlopsPerS(setup.hardware, setup.precision);
  if (peak === null) return null;
  const flops = trainingFlops({
    activeParams: setup.model.activeParams,
    tokens: setup.tokens,
    attention: attentionShape(setup.model, setup.sequenceTokens)
  });
  const hourInput = catalogChipHour(
    setup.shared,
    setup.hardware,
    setup.chipPriceUsd ?? 0,
    setup.vendorGrossMarginFraction
  );
  // The training convention's draw on this fresh input (a spread of `shared` with the draw cost a microsecond a call).
  hourInput.averageDrawFraction = TRAINING_AVERAGE_DRAW_FRACTION;
  const hour = chipHourCost(hourInput);
  return {
    flops,
    chipHour: setup.chipPriceUsd === null ? null : hour,
    input: {
      flops: flops.totalFlops,
      peakFlopsPerS: peak,
      mfu: setup.mfu,
      goodputFraction: setup.goodputFraction,
      chips: setup.chips,
      itPowerKwPerChip: hour.itPowerKw,
      averageDrawFraction: TRAINING_AVERAGE_DRAW_FRACTION,
      pue: setup.shared.pue,
      ownedUsdPerChipHour: setup.chipPriceUsd === null ? 0 : hour.totalUsdPerChipHour,
      rentedUsdPerChipHour: setup.rentedUsdPerChipHour
    }
  };
}

/**
 * training.sequenceLength, tokens, at most training.model's context window: above it, an error at the key (10M tokens
 * on Llama 3.1 405B's 131,072 passed `validate`, the attention term swamping 6·N·D; breaker), at the front matter when
 * the default (8,192) is what exceeds a short window (GPT-3's 2,048): capped there without a word, the assumptions
 * would show 8,192 for a run computed at 2,048 (breaker). The `training` command caps its default and prints it.
 */
function trainingSequenceTokens(bound: BoundScenario, point: ScenarioPoint): number {
  const requested = num(point["training.sequenceLength"], "training.sequenceLength");
  const context = bound.trainingModel.contextTokens;
  if (requested <= context) return requested;
  const contextCell = catalogCellName(bound.trainingModel, "context_tokens", "data/models.csv");
  throw scenarioValueError(bound.resolved, "training.sequenceLength", {
    message: `longer than ${bound.trainingModel.id}'s context window`,
    expected: `at most ${countNoun(groupThousands(context), "token")} (${contextCell})`,
    found: groupThousands(requested)
  });
}

/**
 * One training run of training.model on an owned cluster of training.hardware: 6·N·D plus causal attention at
 * training.sequenceLength, at training.mfu of the chip's BF16 peak and training.goodput, each chip-hour costed like
 * the serving chips but at full power draw (TRAINING_AVERAGE_DRAW_FRACTION). The training chip's price is the
 * merchant price when it is the serving chip (so hardware.price applies), else the catalog's; a chip with no price or
 * no BF16 peak is an error at training.hardware.
 */
export function trainingRunInput(
  bound: BoundScenario,
  point: ScenarioPoint,
  shared: SharedOwnership,
  merchantChipPriceUsd: number
): TrainingRunInput {
  const {trainingHardware, hardware} = bound;
  const price = trainingHardware === hardware ? merchantChipPriceUsd : (trainingHardware.priceUsd ?? null);
  const setup =
    price === null
      ? null
      : trainingSetupInput({
          model: bound.trainingModel,
          hardware: trainingHardware,
          precision: "bf16",
          tokens: num(point["training.tokens"], "training.tokens"),
          sequenceTokens: trainingSequenceTokens(bound, point),
          mfu: num(point["training.mfu"], "training.mfu"),
          goodputFraction: num(point["training.goodput"], "training.goodput"),
          chips: num(point["training.chips"], "training.chips"),
          chipPriceUsd: price,
          rentedUsdPerChipHour: trainingHardware.hourlyPriceUsd,
          shared,
          vendorGrossMarginFraction: num(point["finance.vendorGrossMargin"], "finance.vendorGrossMargin")
        });
  if (setup === null) {
    throw scenarioValueError(bound.resolved, "training.hardware", {
      message: `${trainingHardware.id} has no purchase price in data/hardware.csv to cost a training run`,
      expected: `a training.hardware with a catalog price (supported precisions: ${supportedPrecisions(trainingHardware).join(", ")})`,
      found: trainingHardware.id
    });
  }
  return setup.input;
}
