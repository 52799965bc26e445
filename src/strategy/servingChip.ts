import {chipHourCost, type ChipHourCostInput, type ChipHourCostResult} from "../tco/chipHourCost.js";
import {costPerMillionTokensBreakdown, tokensPerChipHour, type CostPerTokenBreakdown} from "../tco/costPerToken.js";
import {UserError} from "../errors/userError.js";
import {checkRange, checkRanges, type RangeTable} from "../units/range.js";

/**
 * One accelerator as a serving fleet sees it: what an hour of it costs (the TCO inputs) and how many tokens it
 * serves in that hour. The strategy models take one of these for merchant hardware and one for custom silicon.
 *
 *   cost per million tokens = chip-hour cost ÷ (tokens/s × 3600 × utilisation) × 10^6      (src/tco/costPerToken.ts)
 */
export interface ServingChipInput {
  /** Cost inputs of one accelerator-hour; `vendorGrossMarginFraction` is the margin of whoever sells the chip. */
  chipHour: ChipHourCostInput;
  /** Tokens per second one accelerator produces while busy, tokens/s; in [0.001, 1e9]. */
  tokensPerSecondPerChip: number;
  /** Fraction of the hour the accelerator is busy serving; in [0.01, 1]. */
  utilizationFraction: number;
}

export interface ServingChipCostResult {
  /** The chip-hour cost and its parts, USD per chip-hour. */
  chipHour: ChipHourCostResult;
  /** Tokens one accelerator serves in an hour at its utilisation, tokens. */
  tokensPerChipHour: number;
  /** Cost per million tokens, USD, split by component (sums to `total`), with the vendor's margin inside it. */
  perMTok: CostPerTokenBreakdown;
  /** Tokens per second per W of accelerator board power while busy, tokens/s/W. */
  tokensPerSecondPerW: number;
}

/** Valid ranges of the TCO inputs (the units are in src/tco/chipHourCost.ts); finite upper bounds keep outputs finite. */
export const CHIP_HOUR_COST_RANGES: RangeTable<ChipHourCostInput> = {
  chipPriceUsd: {min: 1, max: 1e7},
  systemOverheadFraction: {min: 0, max: 100},
  chipPowerW: {min: 1, max: 1e5},
  hostPowerFraction: {min: 0, max: 100},
  averageDrawFraction: {min: 0, max: 1, minExclusive: true},
  pue: {min: 1, max: 10},
  electricityUsdPerKwh: {min: 0, max: 100},
  facilityCapexUsdPerMw: {min: 0, max: 1e9},
  facilityLifeYears: {min: 1, max: 100},
  costOfCapitalPerYear: {min: 0, max: 1},
  usefulLifeYears: {min: 0.5, max: 50},
  operationsUsdPerChipHour: {min: 0, max: 1e4},
  vendorGrossMarginFraction: {min: 0, max: 1, maxExclusive: true}
};

/** Throws a UserError naming `prefix.field` unless every field of `chip` is in range. */
export function checkServingChip(chip: ServingChipInput, prefix: string): void {
  if (typeof chip !== "object" || chip === null) {
    throw new UserError({path: prefix, message: "missing", expected: "a serving chip object", found: String(chip)});
  }
  if (typeof chip.chipHour !== "object" || chip.chipHour === null) {
    const found = String(chip.chipHour);
    throw new UserError({path: `${prefix}.chipHour`, message: "missing", expected: "chip-hour cost inputs", found});
  }
  checkRanges(chip.chipHour, CHIP_HOUR_COST_RANGES, `${prefix}.chipHour`);
  checkRange(`${prefix}.tokensPerSecondPerChip`, chip.tokensPerSecondPerChip, {min: 0.001, max: 1e9});
  checkRange(`${prefix}.utilizationFraction`, chip.utilizationFraction, {min: 0.01, max: 1});
}

/** Chip-hour cost, tokens per chip-hour and cost per million tokens of one serving accelerator. Does not validate. */
export function servingChipCost(chip: ServingChipInput): ServingChipCostResult {
  const hour = chipHourCost(chip.chipHour);
  const throughput = {
    tokensPerSecondPerChip: chip.tokensPerSecondPerChip,
    utilizationFraction: chip.utilizationFraction
  };
  return {
    chipHour: hour,
    tokensPerChipHour: tokensPerChipHour(throughput),
    perMTok: costPerMillionTokensBreakdown(hour, throughput),
    tokensPerSecondPerW: chip.tokensPerSecondPerChip / chip.chipHour.chipPowerW
  };
}

/**
 * A current merchant GPU serving a mid-size model, bought from its vendor at list price. Every figure is an
 * indicative assumption for the default scenario; the scenario layer overrides them.
 */
export const DEFAULT_MERCHANT_GPU: ServingChipInput = {
  chipHour: {
    // Assumption: ~USD 30,000 per H100-class GPU, the widely reported 2024 street price (press estimates).
    chipPriceUsd: 30_000,
    // Assumption: servers, NICs, switches and storage ≈ 60% of the GPU price (an 8-GPU server at ~USD 380k all-in).
    systemOverheadFraction: 0.6,
    // NVIDIA H100 SXM5 datasheet: up to 700 W TDP.
    chipPowerW: 700,
    // NVIDIA DGX H100 datasheet: 10.2 kW max for 8 × 700 W GPUs, so host and network add ~80% of GPU power.
    hostPowerFraction: 0.8,
    // Assumption: average draw 70% of peak over a year of serving.
    averageDrawFraction: 0.7,
    // Assumption: PUE 1.2, between hyperscale (~1.1, Google 2024 environmental report) and industry average (~1.5).
    pue: 1.2,
    // Assumption: USD 0.06/kWh, a large-buyer industrial power price in the US.
    electricityUsdPerKwh: 0.06,
    // Assumption: USD 10M per MW of IT load for shell, power and cooling (industry estimates USD 8-12M/MW).
    facilityCapexUsdPerMw: 10_000_000,
    // Assumption: a data-centre shell is recovered over 15 years.
    facilityLifeYears: 15,
    // Assumption: 10% a year cost of capital.
    costOfCapitalPerYear: 0.1,
    // Assumption: accelerators are recovered over 5 years.
    usefulLifeYears: 5,
    // Assumption: USD 0.25 per GPU-hour for staff, maintenance, software and support.
    operationsUsdPerChipHour: 0.25,
    // NVIDIA Form 10-K for fiscal 2025: GAAP gross margin 75.0% (company-wide).
    vendorGrossMarginFraction: 0.75
  },
  // Assumption: 2,000 output tokens/s per GPU for a batched ~70B-parameter model at moderate latency.
  tokensPerSecondPerChip: 2_000,
  // Assumption: the fleet is busy 60% of the hour (diurnal load, headroom, failures).
  utilizationFraction: 0.6
};

/**
 * A hypothetical in-house inference ASIC of the same generation, bought at cost. Every figure is an assumption,
 * stated relative to DEFAULT_MERCHANT_GPU: one third of the unit price, 500 W instead of 700 W for the same
 * tokens/s (1.4 × perf/W), and higher utilisation on a single in-house workload.
 */
export const DEFAULT_CUSTOM_ASIC: ServingChipInput = {
  chipHour: {
    ...DEFAULT_MERCHANT_GPU.chipHour,
    // Assumption: USD 10,000 unit cost (die, HBM, packaging, test), about the bill of materials of a merchant GPU.
    chipPriceUsd: 10_000,
    // Assumption: the same USD 15,000 of servers and network per chip as a cheaper host: 150% of its price.
    systemOverheadFraction: 1.5,
    // Assumption: 500 W board power.
    chipPowerW: 500,
    // Assumption: bought at cost; set to a design partner's margin (e.g. 0.3) to model one.
    vendorGrossMarginFraction: 0
  },
  // Assumption: the same 2,000 tokens/s as the merchant GPU on the model it was designed for.
  tokensPerSecondPerChip: 2_000,
  // Assumption: 70% utilisation serving one in-house workload.
  utilizationFraction: 0.7
};
