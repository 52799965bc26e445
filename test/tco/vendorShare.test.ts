import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {chipHourCost} from "../../src/tco/chipHourCost.js";
import {vendorMarginPerToken, vendorShare} from "../../src/tco/vendorShare.js";
import {costPerMillionTokensBreakdown} from "../../src/tco/costPerToken.js";
import {tokenCostWaterfall} from "../../src/tco/tokenCostWaterfall.js";
import {arbitraryOwnership, HAND_CASE} from "./fixtures.js";

describe("vendorShare", () => {
  it("works the hand case", () => {
    // Gross profit 30,000 × 0.75 = 22,500 USD. IT capital 30,000 × 1.25 = 37,500; IT power 0.7 × 1.82 = 1.274 kW,
    // facility 1.274e-3 MW × 12e6 = 15,288 → capex 52,788 and share 22,500 / 52,788 = 0.4262.
    const r = vendorShare(HAND_CASE);
    expect(r.grossProfitUsdPerChip).toBe(22500);
    expect(r.ofDataCentreCapex).toBeCloseTo(22500 / (37500 + 15288), 6);
    const hour = chipHourCost(HAND_CASE);
    expect(r.ofTokenCost).toBeCloseTo(hour.vendorMarginUsdPerChipHour / hour.totalUsdPerChipHour, 12);
  });

  it("reproduces Bernstein's ~29% of AI data-centre cost once the vendor's margin applies to its own revenue only", () => {
    // Bernstein via investing.com (facts.md §5): GB200 NVL72 rack ~$5.9M = $3.4M compute hardware + $2.5M physical
    // infrastructure, ~120 kW; NVIDIA's gross profit ~29% of the total at ~70% gross margin. Its revenue is then
    // 0.29 × 5.9M / 0.7 = $2.444M, 72% of the compute hardware; the other $0.956M (servers' other parts, assembly)
    // is system overhead: 0.956 / 2.444 = 0.391. Facility: $2.5M / 0.12 MW = $20.83M/MW.
    const revenuePerGpu = (0.29 * 5.9e6) / 0.7 / 72;
    const r = vendorShare({
      ...HAND_CASE,
      chipPriceUsd: revenuePerGpu,
      systemOverheadFraction: (3.4e6 - 72 * revenuePerGpu) / (72 * revenuePerGpu),
      chipPowerW: 1200,
      hostPowerFraction: 120_000 / 72 / 1200 - 1,
      facilityCapexUsdPerMw: 2.5e6 / 0.12,
      vendorGrossMarginFraction: 0.7
    });
    expect(r.ofDataCentreCapex).toBeCloseTo(0.29, 3);
    // Charged on the whole $3.4M compute hardware instead, the same margin is 0.7 × 3.4 / 5.9 = 40% of the capex.
    const whole = vendorShare({
      ...HAND_CASE,
      chipPriceUsd: 3.4e6 / 72,
      systemOverheadFraction: 0,
      chipPowerW: 1200,
      hostPowerFraction: 120_000 / 72 / 1200 - 1,
      facilityCapexUsdPerMw: 2.5e6 / 0.12,
      vendorGrossMarginFraction: 0.7
    });
    expect(whole.ofDataCentreCapex).toBeCloseTo((0.7 * 3.4) / 5.9, 3);
  });

  it("each share lies in [0, margin] (property)", () => {
    fc.assert(
      fc.property(arbitraryOwnership(), (input) => {
        const r = vendorShare(input);
        for (const share of [r.ofTokenCost, r.ofDataCentreCapex, r.ofLifetimeSpend]) {
          expect(share).toBeGreaterThanOrEqual(0);
          expect(share).toBeLessThanOrEqual(input.vendorGrossMarginFraction + 1e-12);
        }
      })
    );
  });
});

describe("vendorMarginPerToken", () => {
  it("works the hand case in its three steps", () => {
    // Margin 30,000 × 0.75 = 22,500 USD. At 1,000 tokens/s busy every hour of 5 years: 1,000 × 3,600 × 8,766 × 5 =
    // 1.57788e11 tokens, so 22,500 ÷ 1.57788e11 × 10⁶ = 0.142596 USD/Mtok. CRF(10%, 5) = 0.1 × 1.1⁵ ÷ (1.1⁵ − 1) =
    // 0.263797, × 5 = 1.318987. At 50% busy: 0.142596 × 1.318987 ÷ 0.5 = 0.376165 USD/Mtok.
    const r = vendorMarginPerToken(HAND_CASE, {tokensPerSecondPerChip: 1000, utilizationFraction: 0.5});
    expect(r.marginUsdPerChip).toBe(22500);
    expect(r.fullUseUsdPerMTok).toBeCloseTo(0.142596, 6);
    expect(r.capitalFactor).toBeCloseTo(1.318987, 6);
    expect(r.usdPerMTok).toBeCloseTo(0.376165, 5);
    // At a zero cost of capital, paying for the chip adds nothing to writing it off.
    expect(
      vendorMarginPerToken(
        {...HAND_CASE, costOfCapitalPerYear: 0},
        {tokensPerSecondPerChip: 1000, utilizationFraction: 1}
      ).capitalFactor
    ).toBeCloseTo(1, 12);
  });

  it("ends at the inference tax per token and starts at the waterfall's seller's-margin bar (property)", () => {
    fc.assert(
      fc.property(
        arbitraryOwnership(),
        fc.double({min: 1, max: 1e5, noNaN: true}),
        fc.double({min: 0.05, max: 1, noNaN: true}),
        (input, tokensPerSecondPerChip, utilizationFraction) => {
          const throughput = {tokensPerSecondPerChip, utilizationFraction};
          const r = vendorMarginPerToken(input, throughput);
          const breakdown = costPerMillionTokensBreakdown(chipHourCost(input), throughput);
          expect(r.usdPerMTok).toBeCloseTo(breakdown.vendorMargin, 9);
          expect(r.tokenCostUsdPerMTok).toBeCloseTo(breakdown.total, 9);
          expect(r.shareOfTokenCost).toBeCloseTo(vendorShare(input).ofTokenCost, 12);
          const fall = tokenCostWaterfall({chipHour: input, builtUpUsd: null, listPriceUsdPerMTok: 1, ...throughput});
          expect(r.fullUseUsdPerMTok).toBeCloseTo(fall.barsUsdPerMTok.sellerMargin, 9);
        }
      )
    );
  });

  it("refuses a throughput or utilisation it cannot divide by", () => {
    expect(() => vendorMarginPerToken(HAND_CASE, {tokensPerSecondPerChip: 0, utilizationFraction: 0.5})).toThrow(
      "tokens per second per chip: expected a finite number > 0, found 0"
    );
    // An infinite throughput made every step 0 (breaker).
    expect(() => vendorMarginPerToken(HAND_CASE, {tokensPerSecondPerChip: Infinity, utilizationFraction: 0.5})).toThrow(
      "tokens per second per chip: expected a finite number > 0, found Infinity"
    );
    expect(() => vendorMarginPerToken(HAND_CASE, {tokensPerSecondPerChip: 10, utilizationFraction: 60})).toThrow(
      "utilisation: expected a fraction in (0, 1], found 60"
    );
  });
});
