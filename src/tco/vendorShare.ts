import {HOURS_PER_YEAR, KILO, TOKENS_PER_MILLION} from "../units/si.js";
import {_costPerMillionTokensUsd, tokensPerChipHour} from "./costPerToken.js";
import {capitalRecoveryFactor} from "./capitalRecovery.js";
import {chipHourCost, type ChipHourCostInput, type ChipHourCostResult} from "./chipHourCost.js";

/**
 * The hardware vendor's gross profit on one chip, as a share of three different totals, so that the model's figure
 * can be set beside public estimates that use different denominators:
 *
 *   gross profit                = chip price × vendor gross margin                                   USD per chip
 *   share of token cost         = vendor margin per chip-hour ÷ total cost per chip-hour             (chipHourCost:
 *                                 capital annualised at the cost of capital, energy, operations, facility)
 *   share of data-centre capex  = gross profit ÷ (chip price × (1 + system overhead)
 *                                                 + facility capex per MW × IT MW per chip)           (what Bernstein's
 *                                 "~29% of total AI data-center cost" divides by: rack hardware + infrastructure)
 *   share of lifetime spend     = gross profit ÷ (IT capital + facility capex × useful life ÷ facility life
 *                                 + (energy + operations) per hour × 8,766 × useful life)            undiscounted
 *
 * Bernstein (Stacy Rasgon, via investing.com): NVIDIA's gross profit is ~29% of the cost of an AI data
 * centre at ~70% gross margin, on a GB200 NVL72 rack of ~$5.9M = $3.4M compute hardware + $2.5M infrastructure.
 */
export interface VendorShareResult {
  /** Vendor gross profit per chip, USD. */
  grossProfitUsdPerChip: number;
  /** Share (0–1) of the annualised cost per chip-hour, hence of each token's cost. */
  ofTokenCost: number;
  /** Share (0–1) of the up-front capital: chip, its server and network, its share of the facility. */
  ofDataCentreCapex: number;
  /** Share (0–1) of the undiscounted spend over the chip's useful life. */
  ofLifetimeSpend: number;
}

/**
 * The vendor's gross profit per chip and its three shares (formulas above) for one chip's chip-hour inputs.
 * `hour`: the chip-hour cost of `input` when the caller has computed it (the inference tax has; computing and checking
 * it again cost a sweep point 0.3 µs); taken as given, not checked.
 *
 * Throws: chipHourCost's UserError naming the first field of `input` out of its range, when `hour` is not given.
 */
export function vendorShare(
  input: ChipHourCostInput,
  hour: ChipHourCostResult = chipHourCost(input)
): VendorShareResult {
  const grossProfitUsdPerChip = input.chipPriceUsd * input.vendorGrossMarginFraction;
  const itCapitalUsd = input.chipPriceUsd * (1 + input.systemOverheadFraction);
  const facilityUsd = (hour.itPowerKw / KILO) * input.facilityCapexUsdPerMw;
  const runningUsd =
    (hour.energyUsdPerChipHour + hour.operationsUsdPerChipHour) * HOURS_PER_YEAR * input.usefulLifeYears;
  const lifetimeUsd = itCapitalUsd + (facilityUsd * input.usefulLifeYears) / input.facilityLifeYears + runningUsd;
  return {
    grossProfitUsdPerChip,
    ofTokenCost: hour.totalUsdPerChipHour > 0 ? hour.vendorMarginUsdPerChipHour / hour.totalUsdPerChipHour : 0,
    ofDataCentreCapex: grossProfitUsdPerChip / (itCapitalUsd + facilityUsd),
    ofLifetimeSpend: grossProfitUsdPerChip / lifetimeUsd
  };
}

/**
 * How the vendor's gross margin on a chip's price becomes its share of a token's cost: the margin per chip, written off
 * at full use (tokenCostWaterfall's seller's-margin bar, chapter 4's), times a capital factor and divided by the
 * utilisation, ending at costPerMillionTokensBreakdown's `vendorMargin` (the inference tax per token of chapter 3),
 * so that "75% of the GPU's price", "0.34 USD/Mtok" and "38% of each token's cost" read as one figure seen three ways:
 *
 *   margin per chip          = chip price × vendor gross margin                                        USD
 *   written off at full use  = margin per chip ÷ (useful life × 8,766 h) ÷ tokens per busy chip-hour × 10⁶  USD/Mtok
 *   × capital factor         = CRF(cost of capital, life) × life: the return on the money as well as its recovery
 *   ÷ utilisation            = the idle hours, which the chip is paid for too                        → USD/Mtok
 *
 * Input: the chip's chip-hour inputs (ChipHourCostInput), its `tokensPerSecondPerChip` while busy (finite, > 0) and its
 * `utilizationFraction` in (0, 1]; `hour` as for vendorShare: chipHourCost(input) when the caller has it, taken as
 * given, and `input` then not checked either (a caller passing `hour` has checked `input` to compute it). Output in
 * USD, USD/Mtok and ratios.
 * Throws: chipHourCost's UserError for chip-hour inputs out of range when `hour` is not given; a RangeError for a
 * throughput that is not finite and positive, or a utilisation outside (0, 1].
 */
export function vendorMarginPerToken(
  input: ChipHourCostInput,
  throughput: {tokensPerSecondPerChip: number; utilizationFraction: number},
  hour: ChipHourCostResult = chipHourCost(input)
): VendorMarginPerToken {
  const {tokensPerSecondPerChip, utilizationFraction} = throughput;
  if (!(tokensPerSecondPerChip > 0 && Number.isFinite(tokensPerSecondPerChip))) {
    throw new RangeError(`tokens per second per chip: expected a finite number > 0, found ${tokensPerSecondPerChip}`);
  }
  if (!(utilizationFraction > 0 && utilizationFraction <= 1)) {
    throw new RangeError(`utilisation: expected a fraction in (0, 1], found ${utilizationFraction}`);
  }
  const marginUsdPerChip = input.chipPriceUsd * input.vendorGrossMarginFraction;
  const fullUseTokensPerLife =
    tokensPerChipHour({tokensPerSecondPerChip, utilizationFraction: 1}) * HOURS_PER_YEAR * input.usefulLifeYears;
  const fullUseUsdPerMTok = (marginUsdPerChip / fullUseTokensPerLife) * TOKENS_PER_MILLION;
  const capitalFactor =
    capitalRecoveryFactor({ratePerPeriod: input.costOfCapitalPerYear, periods: input.usefulLifeYears}) *
    input.usefulLifeYears;
  const usdPerMTok = (fullUseUsdPerMTok * capitalFactor) / utilizationFraction;
  const tokenCostUsdPerMTok = _costPerMillionTokensUsd({chipHourCostUsd: hour.totalUsdPerChipHour, ...throughput});
  return {
    marginUsdPerChip,
    fullUseUsdPerMTok,
    capitalFactor,
    utilizationFraction,
    usdPerMTok,
    tokenCostUsdPerMTok,
    shareOfTokenCost: tokenCostUsdPerMTok > 0 ? usdPerMTok / tokenCostUsdPerMTok : 0
  };
}

/** vendorMarginPerToken's steps (formula above). */
export interface VendorMarginPerToken {
  /** Chip price × vendor gross margin, USD per chip. */
  marginUsdPerChip: number;
  /** The margin written off straight-line over the useful life with the chip busy every hour, USD/Mtok. */
  fullUseUsdPerMTok: number;
  /** CRF × useful life (≥ 1; 1 at a zero cost of capital): what paying for capital adds to writing it off. */
  capitalFactor: number;
  /** The share of hours the chip is busy, which divides the cost of each token. */
  utilizationFraction: number;
  /** fullUseUsdPerMTok × capitalFactor ÷ utilizationFraction: the vendor's margin in each token, USD/Mtok. */
  usdPerMTok: number;
  /** The whole cost of a token on this chip at this utilisation (chipHourCost's total), USD/Mtok. */
  tokenCostUsdPerMTok: number;
  /** usdPerMTok ÷ tokenCostUsdPerMTok: vendorShare's ofTokenCost, the inference tax's share. */
  shareOfTokenCost: number;
}
