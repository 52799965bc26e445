import {EXAMPLE_MOAT_INPUT} from "./fixtures.js";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {leadStrengthInMonth, MOAT_RANGES, moat, type MoatInput} from "../../src/strategy/moat.js";
import {expectAllFinite, expectClose, outOfRangeValues, recordIn, userErrorOf} from "./helpers.js";

/**
 * The hand case: price $2 and cost $1 per Mtok, 1 Mtok a month, nothing grows or falls, for 3 months; a model lead
 * worth +50% on price that competitors erase in T = 2 months; a cost lead of 50%.
 */
const HAND: MoatInput = {
  horizonMonths: 3,
  marketPriceUsdPerMTok: 2,
  priceDeclinePerYear: 0,
  baselineCostUsdPerMTok: 1,
  costDeclinePerYear: 0,
  baselineTokensPerMonth: 1e6,
  volumeGrowthPerYear: 0,
  modelLeadPricePremiumFraction: 0.5,
  modelLeadVolumeGainFraction: 0,
  catchUpMonths: 2,
  costAdvantageFraction: 0.5
};

const anyInput = recordIn(MOAT_RANGES) as unknown as fc.Arbitrary<MoatInput>;

describe("moat", () => {
  it("matches a case computed by hand", () => {
    const r = moat(HAND);
    // Lead strength 1 - t/2 averaged over each month: [0, 1] → 0.75, [1, 2] → 0.25, [2, 3] → 0.
    expect(r.months.map((m) => m.leadStrength)).toEqual([0.75, 0.25, 0]);
    // Baseline: 1 Mtok × ($2 - $1) = $1 a month, $3 in all.
    expectClose(r.baselineGrossProfitUsd, 3);
    // Model lead: prices 2 × 1.375 = 2.75, 2 × 1.125 = 2.25, 2 → profits 1.75 + 1.25 + 1 = $4.
    [1.75, 1.25, 1].forEach((usd, i) => expectClose(r.months[i]!.modelLeadGrossProfitUsd, usd));
    expectClose(r.modelLeadGrossProfitUsd, 4);
    // Cost lead: cost $0.50 → $1.50 a month, $4.50 in all.
    expectClose(r.costLeadGrossProfitUsd, 4.5);
    // Both: 2.75 - 0.5 + 2.25 - 0.5 + 2 - 0.5 = $5.50.
    expectClose(r.bothGrossProfitUsd, 5.5);
    expectClose(r.modelLeadValueUsd, 1);
    expectClose(r.costLeadValueUsd, 1.5);
    expectClose(r.bothValueUsd, 2.5);
    expect(r.largerMoat).toBe("cost");
    // Cumulative values: model 0.75, 1.00, 1.00; cost 0.50, 1.00, 1.50 → the cost lead passes it in month 3.
    expect(r.costLeadOvertakesMonth).toBe(3);
    [3, 4, 4.5, 5.5].forEach((usd, i) => {
      const last = r.months[2]!;
      const cumulative = [
        last.cumulativeBaselineGrossProfitUsd,
        last.cumulativeModelLeadGrossProfitUsd,
        last.cumulativeCostLeadGrossProfitUsd,
        last.cumulativeBothGrossProfitUsd
      ];
      expectClose(cumulative[i]!, usd);
    });
  });

  it("adds a volume premium by hand", () => {
    // σ = 1: month 1 sells 1 × (1 + 0.75) = 1.75 Mtok at 2.75 - 1 = $1.75 → $3.0625.
    const r = moat({...HAND, modelLeadVolumeGainFraction: 1});
    expectClose(r.months[0]!.modelLeadGrossProfitUsd, 3.0625);
  });

  it("averages the decay over each month, continuously in T", () => {
    // T = 0.5: strength 1 - 2t on [0, 0.5], mean over month 1 = 0.25.
    expectClose(leadStrengthInMonth(1, 0.5), 0.25);
    expect(leadStrengthInMonth(2, 0.5)).toBe(0);
    expect(leadStrengthInMonth(1, 0)).toBe(0);
    expectClose(leadStrengthInMonth(1, 1e-9), 0.5e-9);
  });

  it("a catch-up time of zero leaves the model lead worth nothing", () => {
    const r = moat({...EXAMPLE_MOAT_INPUT, catchUpMonths: 0});
    expect(r.modelLeadValueUsd).toBe(0);
    expect(r.modelLeadGrossProfitUsd).toBe(r.baselineGrossProfitUsd);
    expect(r.bothGrossProfitUsd).toBe(r.costLeadGrossProfitUsd);
    expect(r.costLeadOvertakesMonth).toBe(1);
    expectAllFinite(r);
  });

  it("a slower catch-up makes the model lead worth more (when tokens sell above cost)", () => {
    fc.assert(
      fc.property(anyInput, fc.double({min: 0, max: 240, noNaN: true}), (input, other) => {
        fc.pre(input.marketPriceUsdPerMTok >= input.baselineCostUsdPerMTok);
        fc.pre(input.priceDeclinePerYear <= input.costDeclinePerYear);
        const [fast, slow] = [Math.min(input.catchUpMonths, other), Math.max(input.catchUpMonths, other)];
        const fastValue = moat({...input, catchUpMonths: fast}).modelLeadValueUsd;
        const slowValue = moat({...input, catchUpMonths: slow}).modelLeadValueUsd;
        expect(slowValue).toBeGreaterThanOrEqual(fastValue * (1 - 1e-12));
      }),
      {numRuns: 150}
    );
  });

  it("a larger cost advantage is worth more, and adding it to a model lead never hurts", () => {
    fc.assert(
      fc.property(anyInput, fc.double({min: 0, max: 1, noNaN: true}), (input, other) => {
        const [small, large] = [
          Math.min(input.costAdvantageFraction, other),
          Math.max(input.costAdvantageFraction, other)
        ];
        const a = moat({...input, costAdvantageFraction: small});
        const b = moat({...input, costAdvantageFraction: large});
        expect(b.costLeadValueUsd).toBeGreaterThanOrEqual(a.costLeadValueUsd);
        expect(b.costLeadValueUsd).toBeGreaterThanOrEqual(0);
        expect(b.bothGrossProfitUsd).toBeGreaterThanOrEqual(b.modelLeadGrossProfitUsd);
      }),
      {numRuns: 150}
    );
  });

  it("never returns NaN or Infinity", () => {
    fc.assert(
      fc.property(anyInput, (input) => expectAllFinite(moat(input))),
      {numRuns: 150}
    );
  });

  it("handles zero volume", () => {
    const r = moat({...EXAMPLE_MOAT_INPUT, baselineTokensPerMonth: 0});
    expect(r.bothGrossProfitUsd).toBe(0);
    expect(r.largerMoat).toBe("equal");
    expect(r.costLeadOvertakesMonth).toBeNull();
  });

  it("on the defaults the cost lead is the larger moat over three years", () => {
    const r = moat(EXAMPLE_MOAT_INPUT);
    expect(r.largerMoat).toBe("cost");
    expect(r.months[0]!.modelLeadGrossProfitUsd).toBeGreaterThan(r.months[0]!.costLeadGrossProfitUsd);
    expect(r.costLeadOvertakesMonth).toBeGreaterThan(1);
  });

  it("is deterministic", () => {
    expect(moat(EXAMPLE_MOAT_INPUT)).toEqual(moat(structuredClone(EXAMPLE_MOAT_INPUT)));
  });

  describe.each(Object.entries(MOAT_RANGES))("rejects an out-of-range %s", (key, range) => {
    it.each(outOfRangeValues(range).map((v) => [v]))("%s", (value) => {
      const error = userErrorOf(() => moat({...EXAMPLE_MOAT_INPUT, [key]: value}));
      expect(error.message).toContain(
        `${key}: ${typeof value === "number" ? "out of range" : "not a number"}: expected a`
      );
    });
  });

  it("names the parameter, its range and the value in the message", () => {
    expect(userErrorOf(() => moat({...EXAMPLE_MOAT_INPUT, catchUpMonths: -1})).message).toBe(
      "catchUpMonths: out of range: expected a number in [0, 240], found -1"
    );
  });
});
