import {TOKENS_PER_MILLION} from "../units/si.js";
import {capitalRecoveryFactor} from "./capitalRecovery.js";
import {chipHourCost, type ChipHourCostInput, type ChipHourCostResult} from "./chipHourCost.js";
import {tokensPerChipHour} from "./costPerToken.js";

/**
 * Where each dollar of a million tokens' list price goes, from the silicon up (the "inference tax" waterfall):
 *
 *   die, HBM, packaging and test   the chip's built-up manufacturing cost (src/silicon/chipUnitCost.ts), depreciated
 *   other cost of sales            price × (1 − seller's margin) − built-up cost: what the seller's reported cost of
 *                                  sales holds beyond the parts (yield loss, warranty, logistics); 0 for a chip bought
 *                                  at its built-up cost
 *   seller's gross margin          price × margin (the merchant vendor's, or the design partner's)
 *   server and network             the chip's share of servers and network, depreciated
 *   facility                       its share of the building, power and cooling, depreciated over the facility life
 *   power                          electricity at average draw × PUE
 *   cost of capital                the return on all three capital items (capital × (CRF − 1 ÷ life))
 *   operations                     staff, maintenance, software per chip-hour
 *   idle capacity                  what the idle hours add: cost at utilisation u − cost at full use, = cost × (1 − u)
 *   provider margin                list price − every cost above (negative when tokens sell below cost)
 *
 * Each bar is USD per million tokens: a per-hour part ÷ tokens per busy chip-hour at full use (the idle bar carries
 * the rest). The cost bars sum to costPerMillionTokensUsd (costPerToken.ts) of the same chip-hour at utilisation u;
 * with the provider margin, every bar sums to the list price exactly (the margin is the remainder).
 */
export interface WaterfallInput {
  /** The chip's ownership (chipHourCost.ts): its price is what the serving lab pays per chip. */
  chipHour: ChipHourCostInput;
  /**
   * The chip's built-up manufacturing cost by part, USD per chip, each >= 0; null when the chip has not been built up
   * (its whole cost of sales is then the "other cost of sales" bar).
   */
  builtUpUsd: {logicDie: number; hbm: number; packagingAndTest: number} | null;
  /** Tokens per second one chip serves while busy; > 0. */
  tokensPerSecondPerChip: number;
  /** Fraction of hours the chip is busy; in (0, 1]. */
  utilizationFraction: number;
  /** List price of a million tokens, USD; >= 0. */
  listPriceUsdPerMTok: number;
}

/** The bars, in waterfall order; they sum to the list price. */
export const WATERFALL_BARS = [
  "logicDie",
  "hbm",
  "packagingAndTest",
  "otherCostOfSales",
  "sellerMargin",
  "serverNetwork",
  "facility",
  "power",
  "costOfCapital",
  "operations",
  "idleCapacity",
  "providerMargin"
] as const;
export type WaterfallBar = (typeof WATERFALL_BARS)[number];

export interface WaterfallResult {
  /** USD per million tokens by bar; every bar sums to listPriceUsdPerMTok. */
  barsUsdPerMTok: Record<WaterfallBar, number>;
  /** Every bar but the provider margin: the cost of a million tokens at the utilisation. */
  costUsdPerMTok: number;
  listPriceUsdPerMTok: number;
  chipHour: ChipHourCostResult;
}

/**
 * Throws: RangeError for a non-positive throughput, a utilisation outside (0, 1], or a negative built-up part.
 */
export function tokenCostWaterfall(input: WaterfallInput): WaterfallResult {
  if (!(input.tokensPerSecondPerChip > 0)) {
    throw new RangeError(`tokens per second per chip: expected > 0, found ${input.tokensPerSecondPerChip}`);
  }
  if (!(input.utilizationFraction > 0 && input.utilizationFraction <= 1)) {
    throw new RangeError(`utilisation: expected a fraction in (0, 1], found ${input.utilizationFraction}`);
  }
  for (const [part, usd] of Object.entries(input.builtUpUsd ?? {})) {
    if (!(usd >= 0)) throw new RangeError(`built-up ${part}: expected USD >= 0, found ${usd}`);
  }
  const hour = chipHourCost(input.chipHour);
  const {chipPriceUsd, costOfCapitalPerYear, usefulLifeYears, facilityLifeYears} = input.chipHour;
  // USD per busy chip-hour at full use → USD per million tokens.
  const fullUseTokensPerHour = tokensPerChipHour({
    tokensPerSecondPerChip: input.tokensPerSecondPerChip,
    utilizationFraction: 1
  });
  const perMTok = (usdPerHour: number) => (usdPerHour / fullUseTokensPerHour) * TOKENS_PER_MILLION;
  // Straight-line depreciation per hour of each capital item: its capital charge × (1 ÷ life) ÷ CRF.
  const itDepreciation = depreciationShare(costOfCapitalPerYear, usefulLifeYears);
  const facilityDepreciation = depreciationShare(costOfCapitalPerYear, facilityLifeYears);
  // The chip's depreciation per hour, shared out over its price: built-up parts, other cost of sales, seller's margin.
  const chipDepreciationUsdPerHourPerUsd =
    chipPriceUsd > 0 ? (hour.chipCapitalUsdPerChipHour * itDepreciation) / chipPriceUsd : 0;
  const {logicDie, hbm, packagingAndTest} = input.builtUpUsd ?? {logicDie: 0, hbm: 0, packagingAndTest: 0};
  const sellerMarginUsd = chipPriceUsd * input.chipHour.vendorGrossMarginFraction;
  const otherCostOfSalesUsd = chipPriceUsd - sellerMarginUsd - logicDie - hbm - packagingAndTest;
  const ofPrice = (usd: number) => perMTok(usd * chipDepreciationUsdPerHourPerUsd);
  const fullUseCost = perMTok(hour.totalUsdPerChipHour);
  const costUsdPerMTok = fullUseCost / input.utilizationFraction;
  const bars = {
    logicDie: ofPrice(logicDie),
    hbm: ofPrice(hbm),
    packagingAndTest: ofPrice(packagingAndTest),
    otherCostOfSales: ofPrice(otherCostOfSalesUsd),
    sellerMargin: ofPrice(sellerMarginUsd),
    serverNetwork: perMTok(hour.systemCapitalUsdPerChipHour * itDepreciation),
    facility: perMTok(hour.facilityCapitalUsdPerChipHour * facilityDepreciation),
    power: perMTok(hour.energyUsdPerChipHour),
    costOfCapital: perMTok(hour.costOfCapitalUsdPerChipHour),
    operations: perMTok(hour.operationsUsdPerChipHour),
    idleCapacity: costUsdPerMTok - fullUseCost,
    providerMargin: 0
  };
  const costSum = WATERFALL_BARS.reduce((sum, bar) => sum + bars[bar], 0);
  bars.providerMargin = input.listPriceUsdPerMTok - costSum;
  return {barsUsdPerMTok: bars, costUsdPerMTok, listPriceUsdPerMTok: input.listPriceUsdPerMTok, chipHour: hour};
}

/** The share of a capital charge (capital × CRF) that is straight-line depreciation: (1 ÷ life) ÷ CRF. */
function depreciationShare(costOfCapitalPerYear: number, lifeYears: number): number {
  return 1 / (capitalRecoveryFactor({ratePerPeriod: costOfCapitalPerYear, periods: lifeYears}) * lifeYears);
}
