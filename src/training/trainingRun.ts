import {HOURS_PER_DAY, KILO, SECONDS_PER_HOUR} from "../units/si.js";
import {checkFiniteResult, checkNullableRange, checkRanges, type NumberRange, type RangeTable} from "../units/range.js";

/**
 * A pre-training run, steady state and whole run.
 *
 *   steady-state chip-hours = FLOPs ÷ (peak FLOP/s × MFU × 3600)         MFU: the steady-state throughput a paper reports
 *   whole-run chip-hours    = steady-state chip-hours ÷ goodput         goodput: the share of the run's chip time that
 *                                                                       trains (failures, restarts, checkpoint reloads,
 *                                                                       evaluation and the slower phases lose the rest)
 *   days                    = chip-hours ÷ chips ÷ 24
 *   energy MWh              = whole-run chip-hours × IT kW per chip × average draw × PUE ÷ 1000
 *   cost owned              = chip-hours × cost of an owned chip-hour;  cost rented = chip-hours × hourly price
 *
 * FLOPs come from trainingFlops (6·N·D plus causal attention). The owned chip-hour must be priced at the same
 * average draw and PUE as the energy here (one energy convention: the chip-hour's energy part × chip-hours is
 * `energyMwh` × price).
 */
export interface TrainingRunInput {
  /** Training FLOPs (trainingFlops().totalFlops); > 0. */
  flops: number;
  /** Dense peak of one chip in the training precision, FLOP/s; > 0. */
  peakFlopsPerS: number;
  /** Model FLOPs utilisation in steady state: achieved model FLOP/s ÷ peak; in (0, 1]. */
  mfu: number;
  /** Share of the run's chip time that does useful training (effective training time); in [0.05, 1]. */
  goodputFraction: number;
  /** Chips in the cluster; integer >= 1. */
  chips: number;
  /** IT power per chip including its host share, kW; > 0. */
  itPowerKwPerChip: number;
  /** Average draw as a fraction of peak IT power; in (0, 1]. */
  averageDrawFraction: number;
  /** Power usage effectiveness; >= 1. */
  pue: number;
  /** Cost of an owned chip-hour (from chipHourCost, at the same draw and PUE), USD; >= 0. */
  ownedUsdPerChipHour: number;
  /** Rental price of a chip-hour, USD; null when none is known. */
  rentedUsdPerChipHour: number | null;
}

/** Ranges the training-run inputs that scenario keys set must lie in (test/scenario/evaluate/keyAgreement.test.ts). */
export const TRAINING_RUN_RANGES = {
  goodputFraction: {min: 0.05, max: 1}
} as const satisfies Partial<RangeTable<TrainingRunInput>>;

/**
 * Default goodput: Meta reports "higher than 90% effective training time" for Llama 3 405B pre-training on 16K H100s
 * (Dubey et al. 2024, "The Llama 3 Herd of Models", arXiv 2407.21783, §3.3.4 Reliability and Operational
 * Challenges). Not fitted to any run.
 */
export const DEFAULT_GOODPUT_FRACTION = 0.9;

export interface TrainingRunResult {
  /** Training FLOPs, FLOP. */
  flops: number;
  /** Chip-hours at the steady-state MFU, as if nothing ever stopped. */
  steadyStateChipHours: number;
  /** Whole-run chip-hours: steady state ÷ goodput (what papers and model cards publish). */
  chipHours: number;
  /** Steady-state wall-clock days. */
  steadyStateDays: number;
  /** Whole-run wall-clock days. */
  wallClockDays: number;
  /** Facility energy of the whole run, MWh. */
  energyMwh: number;
  /** Whole-run cost on owned chips, USD. */
  costOwnedUsd: number;
  /** Steady-state cost on owned chips, USD. */
  costOwnedSteadyStateUsd: number;
  /** Whole-run cost on rented chips, USD; null when no rental price is known. */
  costRentedUsd: number | null;
}

/** Finite and above 0. */
const POSITIVE: NumberRange = {min: 0, max: Infinity, minExclusive: true, maxExclusive: true};

/**
 * Every numeric input's range as its docstring gives it (TRAINING_RUN_RANGES: the ones a scenario key's range must
 * equal). trainingRun checks them: from a script an MFU of 41 (for 41%) priced the run 100 times too cheap, 0 chips
 * gave Infinity days, a missing field NaN.
 */
export const TRAINING_RUN_INPUT_RANGES: RangeTable<TrainingRunInput> = {
  flops: POSITIVE,
  peakFlopsPerS: POSITIVE,
  mfu: {min: 0, max: 1, minExclusive: true},
  goodputFraction: TRAINING_RUN_RANGES.goodputFraction,
  chips: {min: 1, max: Infinity, maxExclusive: true, integer: true},
  itPowerKwPerChip: POSITIVE,
  averageDrawFraction: {min: 0, max: 1, minExclusive: true},
  pue: {min: 1, max: Infinity, maxExclusive: true},
  ownedUsdPerChipHour: {min: 0, max: Infinity, maxExclusive: true}
};

/**
 * The run's FLOPs, chip-hours, days, energy and cost (formulas above). Throws a UserError naming the field of an input
 * outside TRAINING_RUN_INPUT_RANGES, or a rented price that is neither null nor a finite number >= 0. The ranges are
 * open at 0 and unbounded above, as a run's size has no natural limit, so inputs each in range may still overflow
 * together (an MFU of 5e-324, 10^300 FLOPs): a result that is not finite throws a UserError naming the inputs of its
 * formula and their values (checkFiniteResult), never Infinity.
 */
export function trainingRun(input: TrainingRunInput): TrainingRunResult {
  checkRanges(input, TRAINING_RUN_INPUT_RANGES);
  const rentedRange = TRAINING_RUN_INPUT_RANGES.ownedUsdPerChipHour;
  checkNullableRange("rentedUsdPerChipHour", input.rentedUsdPerChipHour, rentedRange, "no rented price");
  const steadyStateChipHours = input.flops / (input.peakFlopsPerS * input.mfu * SECONDS_PER_HOUR);
  const chipHours = steadyStateChipHours / input.goodputFraction;
  const energyMwh = (chipHours * input.itPowerKwPerChip * input.averageDrawFraction * input.pue) / KILO;
  const costOwnedUsd = chipHours * input.ownedUsdPerChipHour;
  const costRentedUsd = input.rentedUsdPerChipHour === null ? null : chipHours * input.rentedUsdPerChipHour;
  // Days divide finite chip-hours by at least one chip, and the steady-state figures are at most the whole run's.
  if (!Number.isFinite(costOwnedUsd + energyMwh + (costRentedUsd ?? 0))) checkTrainingRunFinite(input, chipHours);
  return {
    flops: input.flops,
    steadyStateChipHours,
    chipHours,
    steadyStateDays: steadyStateChipHours / input.chips / HOURS_PER_DAY,
    wallClockDays: chipHours / input.chips / HOURS_PER_DAY,
    energyMwh,
    costOwnedUsd,
    costOwnedSteadyStateUsd: steadyStateChipHours * input.ownedUsdPerChipHour,
    costRentedUsd
  };
}

/** Throws checkFiniteResult's error for the first of the run's results that is not finite, naming its inputs. */
function checkTrainingRunFinite(input: TrainingRunInput, chipHours: number): void {
  const {flops, peakFlopsPerS, mfu, goodputFraction, itPowerKwPerChip, averageDrawFraction, pue} = input;
  const hoursInputs = {flops, peakFlopsPerS, mfu, goodputFraction};
  checkFiniteResult(chipHours, "chip-hours = flops ÷ (peakFlopsPerS × mfu × 3600) ÷ goodputFraction", hoursInputs);
  checkFiniteResult(
    (chipHours * itPowerKwPerChip * averageDrawFraction * pue) / KILO,
    "energy = chip-hours × itPowerKwPerChip × averageDrawFraction × pue ÷ 1000",
    {...hoursInputs, itPowerKwPerChip, averageDrawFraction, pue}
  );
  checkFiniteResult(chipHours * input.ownedUsdPerChipHour, "owned cost = chip-hours × ownedUsdPerChipHour", {
    ...hoursInputs,
    ownedUsdPerChipHour: input.ownedUsdPerChipHour
  });
  const rented = input.rentedUsdPerChipHour ?? 0;
  checkFiniteResult(chipHours * rented, "rented cost = chip-hours × rentedUsdPerChipHour", {
    ...hoursInputs,
    rentedUsdPerChipHour: rented
  });
}
