import {HOURS_PER_DAY, KILO, SECONDS_PER_HOUR} from "../units/si.js";

/**
 * A pre-training run from the standard compute estimate (Kaplan et al. 2020, "Scaling Laws for Neural Language
 * Models", arXiv 2001.08361, §2.1: C ≈ 6·N·D, with N the parameters each token uses, so active params for MoE):
 *   FLOPs       = 6 × N × D
 *   chip-hours  = FLOPs ÷ (peak FLOP/s × MFU × 3600)
 *   days        = chip-hours ÷ chips ÷ 24
 *   energy MWh  = chip-hours × IT kW per chip × average draw × PUE ÷ 1000
 *   cost owned  = chip-hours × cost of an owned chip-hour;  cost rented = chip-hours × hourly rental price
 */
export interface TrainingRunInput {
  /** Parameters used per token (active params for MoE); > 0. */
  activeParams: number;
  /** Training tokens; > 0. */
  tokens: number;
  /** Dense peak of one chip in the training precision, FLOP/s; > 0. */
  peakFlopsPerS: number;
  /** Model FLOPs utilisation: achieved 6ND FLOP/s ÷ peak; in (0, 1]. */
  mfu: number;
  /** Chips in the cluster; integer >= 1. */
  chips: number;
  /** IT power per chip including its host share, kW; > 0. */
  itPowerKwPerChip: number;
  /** Average draw as a fraction of peak IT power; in (0, 1]. */
  averageDrawFraction: number;
  /** Power usage effectiveness; >= 1. */
  pue: number;
  /** Cost of an owned chip-hour (from chipHourCost), USD; >= 0. */
  ownedUsdPerChipHour: number;
  /** Rental price of a chip-hour, USD; null when none is known. */
  rentedUsdPerChipHour: number | null;
}

export interface TrainingRunResult {
  flops: number;
  chipHours: number;
  wallClockDays: number;
  energyMwh: number;
  costOwnedUsd: number;
  /** Null when no rental price is known. */
  costRentedUsd: number | null;
}

/** Training FLOPs ≈ 6 × N × D (Kaplan et al. 2020). */
export function trainingFlops(activeParams: number, tokens: number): number {
  return 6 * activeParams * tokens;
}

export function trainingRun(input: TrainingRunInput): TrainingRunResult {
  const flops = trainingFlops(input.activeParams, input.tokens);
  const chipHours = flops / (input.peakFlopsPerS * input.mfu * SECONDS_PER_HOUR);
  const energyMwh = (chipHours * input.itPowerKwPerChip * input.averageDrawFraction * input.pue) / KILO;
  return {
    flops,
    chipHours,
    wallClockDays: chipHours / input.chips / HOURS_PER_DAY,
    energyMwh,
    costOwnedUsd: chipHours * input.ownedUsdPerChipHour,
    costRentedUsd: input.rentedUsdPerChipHour === null ? null : chipHours * input.rentedUsdPerChipHour
  };
}
