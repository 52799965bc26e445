import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {fleetCostPerDayUsd, priceList, type PriceMenu} from "../../src/tco/priceList.js";

// DeepSeek, "DeepSeek-V3/R1 Inference System Overview" (github.com/deepseek-ai/open-infra-index,
// 202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md, Feb 2025).
const R1: PriceMenu = {
  inputCacheHitUsdPerMTok: 0.14,
  inputCacheMissUsdPerMTok: 0.55,
  outputUsdPerMTok: 2.19,
  batchShareFraction: 0,
  batchDiscountFraction: 0.5,
  priorityShareFraction: 0,
  priorityPremiumFraction: 0
};
const DEEPSEEK_DAY = {inputTokens: 608e9, cacheHitFraction: 0.563, outputTokens: 168e9, reasoningTokens: 0};

describe("fleet cost per day", () => {
  it("is DeepSeek's $87,072: 226.75 nodes × 8 H800 × $2/GPU-hour × 24 h", () => {
    expect(fleetCostPerDayUsd(226.75 * 8, 2)).toBe(87072);
  });
});

describe("price list", () => {
  it("reproduces DeepSeek's one-day revenue and its 545% cost profit margin", () => {
    // By hand: hits 608B × 0.563 = 342.3B × $0.14 = $47,923; misses 265.7B × $0.55 = $146,133; output 168B × $2.19 =
    // $367,920; total $561,975 against the published $562,027 (DeepSeek rounds 56.3% and the token counts).
    // (561,975 − 87,072) ÷ 87,072 = 5.454: the published "cost profit margin of 545%".
    const r = priceList({menu: R1, mix: DEEPSEEK_DAY, costUsd: 87072});
    expect(r.listRevenueByKindUsd.output).toBeCloseTo(367920, 6);
    expect(r.revenueUsd).toBeCloseTo(561975.36, 2);
    expect(Math.abs(r.revenueUsd / 562027 - 1)).toBeLessThan(0.001);
    expect(Math.abs(r.costProfitMarginFraction! / 5.45 - 1)).toBeLessThan(0.01);
    expect(r.grossMarginFraction).toBeCloseTo(1 - 87072 / 561975.36, 9);
  });

  it("prices the batch tier at the discount and the priority tier at the premium", () => {
    // 1M output tokens at $10: half on batch at −50% ($2.50), a quarter on priority at +100% ($5), a quarter
    // standard ($2.50): $10 in all; cost $4 split 2 / 1 / 1.
    const menu = {
      ...R1,
      outputUsdPerMTok: 10,
      batchShareFraction: 0.5,
      priorityShareFraction: 0.25,
      priorityPremiumFraction: 1
    };
    const r = priceList({
      menu,
      mix: {inputTokens: 0, cacheHitFraction: 0, outputTokens: 1e6, reasoningTokens: 0},
      costUsd: 4
    });
    const byTier = Object.fromEntries(r.tiers.map((t) => [t.tier, t]));
    expect(byTier.standard!.revenueUsd).toBeCloseTo(2.5, 12);
    expect(byTier.batch!.revenueUsd).toBeCloseTo(2.5, 12);
    expect(byTier.priority!.revenueUsd).toBeCloseTo(5, 12);
    expect(byTier.batch!.grossMarginFraction).toBeCloseTo(0.2, 12);
    expect(byTier.priority!.grossMarginFraction).toBeCloseTo(0.8, 12);
    expect(r.grossMarginFraction).toBeCloseTo(0.6, 12);
  });

  it("bills reasoning tokens as output", () => {
    const mix = {inputTokens: 0, cacheHitFraction: 0, outputTokens: 1e6, reasoningTokens: 3e6};
    expect(priceList({menu: R1, mix, costUsd: 1}).revenueUsd).toBeCloseTo(4 * 2.19, 12);
  });

  it("has tiers that sum to the revenue and the cost", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0, max: 1, noNaN: true}),
        fc.double({min: 0, max: 1, noNaN: true}),
        fc.double({min: 0, max: 1, noNaN: true}),
        fc.double({min: 0, max: 1e6, noNaN: true}),
        (batch, priorityOfRest, hit, cost) => {
          const menu = {
            ...R1,
            batchShareFraction: batch,
            priorityShareFraction: (1 - batch) * priorityOfRest,
            priorityPremiumFraction: 0.5
          };
          const r = priceList({menu, mix: {...DEEPSEEK_DAY, cacheHitFraction: hit}, costUsd: cost});
          const revenue = r.tiers.reduce((s, t) => s + t.revenueUsd, 0);
          const tierCost = r.tiers.reduce((s, t) => s + t.costUsd, 0);
          return (
            Math.abs(revenue - r.revenueUsd) <= 1e-9 * r.revenueUsd &&
            Math.abs(tierCost - cost) <= 1e-9 * Math.max(1, cost)
          );
        }
      )
    );
  });

  it("names the field of a bad value", () => {
    expect(() =>
      priceList({menu: {...R1, batchShareFraction: 0.8, priorityShareFraction: 0.5}, mix: DEEPSEEK_DAY, costUsd: 1})
    ).toThrow(/batch and priority shares/);
    expect(() => priceList({menu: R1, mix: {...DEEPSEEK_DAY, cacheHitFraction: 1.5}, costUsd: 1})).toThrow(
      /out of range/
    );
  });
});
