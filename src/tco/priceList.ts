import {UserError} from "../errors/userError.js";
import {checkRange, formatBeyondBound, type NumberRange} from "../units/range.js";
import {HOURS_PER_DAY, TOKENS_PER_MILLION} from "../units/si.js";

/**
 * A provider's price menu applied to a workload's tokens, against what serving them cost:
 *
 *   list revenue   = cache-hit input × hit price + cache-miss input × miss price + (output + reasoning) × output price
 *   tier revenue   = list revenue × tier share × tier multiplier   (standard 1; batch 1 − discount; priority 1 + premium)
 *   tier cost      = cost × tier share                             (every tier serves the same token mix)
 *   gross margin   = (revenue − cost) ÷ revenue, per tier and blended
 *   cost profit margin = (revenue − cost) ÷ cost                  (DeepSeek's "cost profit margin", Feb 2025)
 *
 * Reasoning tokens are billed as output tokens (OpenAI and DeepSeek bill reasoning tokens at the output price). Token
 * counts and cost cover the same period (a request, a day).
 */
export interface PriceMenu {
  /** Price of an input token found in the prefix cache, USD per million; >= 0. */
  inputCacheHitUsdPerMTok: number;
  /** Price of an input token not in the cache, USD per million; >= 0. */
  inputCacheMissUsdPerMTok: number;
  /** Price of an output (or reasoning) token, USD per million; >= 0. */
  outputUsdPerMTok: number;
  /** Share of tokens sold on the batch tier, fraction; in [0, 1]. */
  batchShareFraction: number;
  /** Batch tier discount off the list price, fraction; in [0, 1]. */
  batchDiscountFraction: number;
  /** Share of tokens sold on the priority tier, fraction; in [0, 1], with batch share + priority share <= 1. */
  priorityShareFraction: number;
  /** Priority tier premium over the list price, fraction; >= 0. */
  priorityPremiumFraction: number;
}

export interface TokenMix {
  /** Input (prompt) tokens, cache hits included; >= 0. */
  inputTokens: number;
  /** Share of input tokens found in the prefix cache; in [0, 1]. */
  cacheHitFraction: number;
  /** Output tokens the user sees; >= 0. */
  outputTokens: number;
  /** Reasoning tokens, billed as output; >= 0. */
  reasoningTokens: number;
}

export interface PriceListInput {
  menu: PriceMenu;
  mix: TokenMix;
  /** What serving the mix cost, USD; >= 0. */
  costUsd: number;
}

export const PRICE_LIST_RANGES = {
  inputCacheHitUsdPerMTok: {min: 0, max: 1000},
  inputCacheMissUsdPerMTok: {min: 0, max: 1000},
  outputUsdPerMTok: {min: 0, max: 1000},
  batchShareFraction: {min: 0, max: 1},
  batchDiscountFraction: {min: 0, max: 1},
  priorityShareFraction: {min: 0, max: 1},
  priorityPremiumFraction: {min: 0, max: 10},
  tokens: {min: 0, max: 1e18},
  cacheHitFraction: {min: 0, max: 1},
  costUsd: {min: 0, max: 1e18}
} as const satisfies Record<string, NumberRange>;

export const PRICE_TIERS = ["standard", "batch", "priority"] as const;
export type PriceTier = (typeof PRICE_TIERS)[number];

export interface TierResult {
  tier: PriceTier;
  /** Share of the tokens sold on this tier. */
  shareFraction: number;
  revenueUsd: number;
  costUsd: number;
  /** (revenue − cost) ÷ revenue; null when the tier earns nothing. */
  grossMarginFraction: number | null;
}

export interface PriceListResult {
  /** Revenue at list prices before tiers, by kind of token, USD; the three sum to listRevenueUsd. */
  listRevenueByKindUsd: {cacheHitInput: number; cacheMissInput: number; output: number};
  listRevenueUsd: number;
  /** Revenue after tier discounts and premiums, USD: the sum of the tiers'. */
  revenueUsd: number;
  costUsd: number;
  tiers: TierResult[];
  /** (revenue − cost) ÷ revenue; null when there is no revenue. */
  grossMarginFraction: number | null;
  /** (revenue − cost) ÷ cost; null when nothing was spent. */
  costProfitMarginFraction: number | null;
}

/**
 * Throws: UserError naming the field for a value out of PRICE_LIST_RANGES, or tier shares that sum above 1.
 */
export function priceList({menu, mix, costUsd}: PriceListInput): PriceListResult {
  checkRange("menu.inputCacheHitUsdPerMTok", menu.inputCacheHitUsdPerMTok, PRICE_LIST_RANGES.inputCacheHitUsdPerMTok);
  checkRange(
    "menu.inputCacheMissUsdPerMTok",
    menu.inputCacheMissUsdPerMTok,
    PRICE_LIST_RANGES.inputCacheMissUsdPerMTok
  );
  checkRange("menu.outputUsdPerMTok", menu.outputUsdPerMTok, PRICE_LIST_RANGES.outputUsdPerMTok);
  checkRange("menu.batchShareFraction", menu.batchShareFraction, PRICE_LIST_RANGES.batchShareFraction);
  checkRange("menu.batchDiscountFraction", menu.batchDiscountFraction, PRICE_LIST_RANGES.batchDiscountFraction);
  checkRange("menu.priorityShareFraction", menu.priorityShareFraction, PRICE_LIST_RANGES.priorityShareFraction);
  checkRange("menu.priorityPremiumFraction", menu.priorityPremiumFraction, PRICE_LIST_RANGES.priorityPremiumFraction);
  checkRange("mix.inputTokens", mix.inputTokens, PRICE_LIST_RANGES.tokens);
  checkRange("mix.outputTokens", mix.outputTokens, PRICE_LIST_RANGES.tokens);
  checkRange("mix.reasoningTokens", mix.reasoningTokens, PRICE_LIST_RANGES.tokens);
  checkRange("mix.cacheHitFraction", mix.cacheHitFraction, PRICE_LIST_RANGES.cacheHitFraction);
  checkRange("costUsd", costUsd, PRICE_LIST_RANGES.costUsd);
  const standardShare = 1 - menu.batchShareFraction - menu.priorityShareFraction;
  if (standardShare < -1e-12) {
    throw new UserError({
      path: "menu.tierShares",
      message: "batch and priority shares exceed all tokens",
      expected: "batch share + priority share <= 1",
      // As a person writes it, with the digits that tell it from 1 (formatBeyondBound): 0.7 + 0.6 is 1.2999999999999998
      // in binary floating point, and a draw's sum read "1.20323262519" (breaker).
      found: formatBeyondBound(menu.batchShareFraction + menu.priorityShareFraction, 1)
    });
  }
  const hitTokens = mix.inputTokens * mix.cacheHitFraction;
  const missTokens = mix.inputTokens - hitTokens;
  const listRevenueByKindUsd = {
    cacheHitInput: (hitTokens * menu.inputCacheHitUsdPerMTok) / TOKENS_PER_MILLION,
    cacheMissInput: (missTokens * menu.inputCacheMissUsdPerMTok) / TOKENS_PER_MILLION,
    output: ((mix.outputTokens + mix.reasoningTokens) * menu.outputUsdPerMTok) / TOKENS_PER_MILLION
  };
  const listRevenueUsd =
    listRevenueByKindUsd.cacheHitInput + listRevenueByKindUsd.cacheMissInput + listRevenueByKindUsd.output;
  const tier = (name: PriceTier, shareFraction: number, multiplier: number): TierResult => {
    const revenueUsd = listRevenueUsd * shareFraction * multiplier;
    const tierCostUsd = costUsd * shareFraction;
    return {
      tier: name,
      shareFraction,
      revenueUsd,
      costUsd: tierCostUsd,
      grossMarginFraction: revenueUsd > 0 ? (revenueUsd - tierCostUsd) / revenueUsd : null
    };
  };
  const tiers = [
    tier("standard", Math.max(0, standardShare), 1),
    tier("batch", menu.batchShareFraction, 1 - menu.batchDiscountFraction),
    tier("priority", menu.priorityShareFraction, 1 + menu.priorityPremiumFraction)
  ];
  const revenueUsd = tiers.reduce((sum, t) => sum + t.revenueUsd, 0);
  return {
    listRevenueByKindUsd,
    listRevenueUsd,
    revenueUsd,
    costUsd,
    tiers,
    grossMarginFraction: revenueUsd > 0 ? (revenueUsd - costUsd) / revenueUsd : null,
    costProfitMarginFraction: costUsd > 0 ? (revenueUsd - costUsd) / costUsd : null
  };
}

/**
 * Daily cost of a fleet: chips × USD per chip-hour × 24 h. DeepSeek (Feb 2025): 226.75 nodes × 8 H800 × $2 × 24 =
 * $87,072.
 */
export function fleetCostPerDayUsd(chips: number, usdPerChipHour: number): number {
  return chips * usdPerChipHour * HOURS_PER_DAY;
}
