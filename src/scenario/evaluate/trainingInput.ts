import {peakFlopsPerS} from "../../inference/precision.js";
import {supportedPrecisions} from "../../inference/servingChecks.js";
import {chipHourCost} from "../../tco/chipHourCost.js";
import type {TrainingRunInput} from "../../training/trainingRun.js";
import {scenarioValueError} from "../file/scenarioErrors.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import type {BoundScenario} from "./bindScenario.js";
import {computedFrom, num, type ModelKeys} from "./modelKeys.js";
import {chipHourInput, type SharedOwnership} from "./ownershipInput.js";

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
  activeParams: "training.model",
  tokens: "training.tokens",
  peakFlopsPerS: "training.hardware",
  mfu: "training.mfu",
  chips: "training.chips",
  itPowerKwPerChip: "training.hardware",
  averageDrawFraction: "(power.averageDraw)",
  pue: "power.pue",
  ownedUsdPerChipHour: computedFrom("training.hardware", "hardware.price", "finance.vendorGrossMargin"),
  rentedUsdPerChipHour: "training.hardware"
};

/**
 * One training run of training.model on an owned cluster of training.hardware: 6·N·D FLOPs at training.mfu of the
 * chip's BF16 peak, each chip-hour costed like the serving chips but at full power draw (training runs flat out).
 * The training chip's price is the merchant price when it is the serving chip (so hardware.price applies), else the
 * catalog's; a chip with no price or no BF16 peak is an error at training.hardware.
 */
export function trainingRunInput(
  bound: BoundScenario,
  point: ScenarioPoint,
  shared: SharedOwnership,
  merchantChipPriceUsd: number
): TrainingRunInput {
  const {trainingHardware, hardware} = bound;
  const peak = peakFlopsPerS(trainingHardware, "bf16");
  const price = trainingHardware === hardware ? merchantChipPriceUsd : (trainingHardware.priceUsd ?? null);
  if (price === null || peak === null) {
    throw scenarioValueError(bound.resolved, "training.hardware", {
      message: `${trainingHardware.id} has no purchase price in data/hardware.csv to cost a training run`,
      expected: `a training.hardware with a catalog price (supported precisions: ${supportedPrecisions(trainingHardware).join(", ")})`,
      found: trainingHardware.id
    });
  }
  const margin = num(point["finance.vendorGrossMargin"], "finance.vendorGrossMargin");
  const hour = chipHourCost({...chipHourInput(shared, price, trainingHardware.powerW, margin), averageDrawFraction: 1});
  return {
    activeParams: bound.trainingModel.activeParams,
    tokens: num(point["training.tokens"], "training.tokens"),
    peakFlopsPerS: peak,
    mfu: num(point["training.mfu"], "training.mfu"),
    chips: num(point["training.chips"], "training.chips"),
    itPowerKwPerChip: hour.itPowerKw,
    averageDrawFraction: 1,
    pue: shared.pue,
    ownedUsdPerChipHour: hour.totalUsdPerChipHour,
    rentedUsdPerChipHour: trainingHardware.hourlyPriceUsd
  };
}
