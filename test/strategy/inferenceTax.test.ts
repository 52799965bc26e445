import {EXAMPLE_INFERENCE_TAX_INPUT} from "./fixtures.js";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {INFERENCE_TAX_RANGES, inferenceTax, type InferenceTaxInput} from "../../src/strategy/inferenceTax.js";
import {CHIP_HOUR_COST_RANGES} from "../../src/strategy/servingChip.js";
import {
  anyServingChip,
  expectAllFinite,
  expectClose,
  numberIn,
  outOfRangeValues,
  recordIn,
  simpleChip,
  userErrorOf
} from "./helpers.js";

/**
 * The hand case: a merchant chip whose capital is $1 an hour (price $8,766, 0% over one year) with a 75% vendor
 * margin, $1 an hour of servers, nothing else, serving 10^6 tokens an hour. Demand starts at a rate of 2 Mtok a
 * year (2/12 Mtok in month 1) and doubles each year, compounding monthly; the cost per token does not fall.
 */
const HAND: InferenceTaxInput = {
  merchant: simpleChip({chipUsdPerHour: 1, vendorMargin: 0.75, systemUsdPerHour: 1}),
  inHouseMarginFraction: 0,
  tokensPerYear: 2e6,
  tokenVolumeGrowthPerYear: 1,
  costDeclinePerYear: 0,
  horizonMonths: 36
};

/** Σ_{t=0}^{11} q^(t/12) = (q − 1) ÷ (q^(1/12) − 1): one year of monthly compounding at yearly factor q. */
const yearSum = (q: number) => (q - 1) / (Math.pow(q, 1 / 12) - 1);

const anyInput: fc.Arbitrary<InferenceTaxInput> = fc
  .tuple(anyServingChip, recordIn(INFERENCE_TAX_RANGES))
  .map(([merchant, rest]) => ({...(rest as unknown as InferenceTaxInput), merchant}));

describe("inferenceTax", () => {
  it("matches a case computed by hand", () => {
    const r = inferenceTax(HAND);
    // Merchant: $1 chip + $1 servers = $2 an hour over 10^6 tokens = $2 per Mtok, of which 0.75 × $1 = $0.75 is
    // the vendor's margin: a share of 0.75 ÷ 2 = 0.375.
    expectClose(r.merchantCostUsdPerMTok, 2);
    expectClose(r.vendorMarginUsdPerMTok, 0.75);
    expectClose(r.vendorMarginShare, 0.375);
    // In house at cost: the chip costs 8,766 × 0.25 = $2,191.50, i.e. $0.25 an hour; servers stay $1 an hour.
    expectClose(r.inHouseChipHour.chipPriceUsd, 2191.5);
    expectClose(r.inHouseChipHour.systemOverheadFraction, 4);
    expectClose(r.inHouseCostUsdPerMTok, 1.25);
    // Tax = 2 - 1.25 = $0.75 per Mtok, 37.5% of the merchant cost.
    expectClose(r.taxUsdPerMTok, 0.75);
    expectClose(r.taxShare, 0.375);
    // Year 1 serves 2/12 Mtok × Σ 2^(t/12) = 2/12 × 16.817 = 2.803 Mtok; × $0.75 = $2.10 recovered, then twice and
    // four times that: 7 × year 1 in all.
    const year1Mtok = (2 / 12) * yearSum(2);
    expectClose(year1Mtok, 2.80286, 1e-5);
    expectClose(r.recoveredUsdPerYear, year1Mtok * 0.75);
    expect(r.years.map((y) => [y.year, y.months])).toEqual([
      [1, 12],
      [2, 12],
      [3, 12]
    ]);
    [1, 2, 4].forEach((k, i) => expectClose(r.years[i]!.recoveredUsd, k * year1Mtok * 0.75));
    [1, 3, 7].forEach((k, i) => expectClose(r.years[i]!.cumulativeRecoveredUsd, k * year1Mtok * 0.75));
    expectClose(r.totalRecoveredUsd, 7 * year1Mtok * 0.75);
    // 2 × 10^6 tokens ÷ (10^6 tokens an hour × 8,766 hours) chips at the start's rate.
    expectClose(r.chipsForTokensPerYear, 2 / 8766);
    expectClose(r.years[0]!.merchantSpendUsd, year1Mtok * 2);
    expectClose(r.years[0]!.inHouseSpendUsd, year1Mtok * 1.25);
  });

  it("applies the cost decline month by month, and ends a partial last year at the horizon", () => {
    // No growth; the cost halves each year (d = 0.5): year 1's cost-weighted Mtok = 2/12 × Σ 0.5^(t/12).
    const r = inferenceTax({...HAND, tokenVolumeGrowthPerYear: 0, costDeclinePerYear: 0.5, horizonMonths: 18});
    const year1 = (2 / 12) * yearSum(0.5);
    expectClose(year1, 1.48476, 1e-5);
    expectClose(r.years[0]!.recoveredUsd, year1 * 0.75);
    // Year 2 has 6 months (12 … 17): 2/12 × Σ_{t=12}^{17} 0.5^(t/12) = 2/12 × 0.5 × (1 − 0.5^(1/2)) ÷ (1 − 0.5^(1/12)).
    const year2 = (2 / 12) * 0.5 * ((1 - Math.sqrt(0.5)) / (1 - Math.pow(0.5, 1 / 12)));
    expect(r.years.map((y) => y.months)).toEqual([12, 6]);
    expectClose(r.years[1]!.recoveredUsd, year2 * 0.75);
    // Tokens do not fall with the cost: 2/12 Mtok a month.
    expectClose(r.years[1]!.tokens, 1e6);
  });

  it("subtracts a design partner's margin by hand", () => {
    // Partner margin 0.5: the $2,191.50 chip is sold for $4,383 ($0.50 an hour), of which $0.25 is margin.
    const r = inferenceTax({...HAND, inHouseMarginFraction: 0.5});
    expectClose(r.inHouseChipHour.chipPriceUsd, 4383);
    expectClose(r.inHouseCostUsdPerMTok, 1.5);
    expectClose(r.taxUsdPerMTok, 0.5);
  });

  it("stacks each fleet's components to its total", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const r = inferenceTax(input);
        expectAllFinite(r);
        for (const [fleet, total] of [
          ["merchant", r.merchantCostUsdPerMTok],
          ["inHouse", r.inHouseCostUsdPerMTok]
        ] as const) {
          const sum = r.stack.filter((row) => row.fleet === fleet).reduce((s, row) => s + row.usdPerMTok, 0);
          expectClose(sum, total, 1e-9);
        }
        // The tax is the difference of the totals (up to rounding on the totals).
        const difference = r.merchantCostUsdPerMTok - r.inHouseCostUsdPerMTok;
        const scale = Math.max(1, r.merchantCostUsdPerMTok, r.inHouseCostUsdPerMTok);
        expect(Math.abs(r.taxUsdPerMTok - difference)).toBeLessThanOrEqual(1e-12 * scale);
      }),
      {numRuns: 150}
    );
  });

  it("a higher vendor margin raises the tax, in USD and as a share", () => {
    const margin = numberIn(CHIP_HOUR_COST_RANGES.vendorGrossMarginFraction);
    fc.assert(
      fc.property(anyInput, margin, margin, (input, a, b) => {
        fc.pre(a !== b);
        const [low, high] = a < b ? [a, b] : [b, a];
        const withMargin = (m: number) =>
          inferenceTax({
            ...input,
            merchant: {...input.merchant, chipHour: {...input.merchant.chipHour, vendorGrossMarginFraction: m}}
          });
        const lowTax = withMargin(low);
        const highTax = withMargin(high);
        expect(highTax.taxUsdPerMTok).toBeGreaterThanOrEqual(lowTax.taxUsdPerMTok);
        expect(highTax.taxShare).toBeGreaterThanOrEqual(lowTax.taxShare);
        expect(highTax.vendorMarginUsdPerMTok).toBeGreaterThanOrEqual(lowTax.vendorMarginUsdPerMTok);
      }),
      {numRuns: 150}
    );
    // And strictly on the default fleet.
    const at = (m: number) =>
      inferenceTax({
        ...EXAMPLE_INFERENCE_TAX_INPUT,
        merchant: {
          ...EXAMPLE_INFERENCE_TAX_INPUT.merchant,
          chipHour: {...EXAMPLE_INFERENCE_TAX_INPUT.merchant.chipHour, vendorGrossMarginFraction: m}
        }
      }).taxUsdPerMTok;
    expect(at(0.6)).toBeLessThan(at(0.75));
  });

  it("recovers nothing from a vendor with no margin, and nothing at zero volume", () => {
    const noMargin = inferenceTax({...HAND, merchant: simpleChip({chipUsdPerHour: 1, vendorMargin: 0})});
    expect(noMargin.taxUsdPerMTok).toBe(0);
    expect(noMargin.taxShare).toBe(0);
    const noVolume = inferenceTax({...HAND, tokensPerYear: 0});
    expectAllFinite(noVolume);
    expect(noVolume.totalRecoveredUsd).toBe(0);
    expect(noVolume.chipsForTokensPerYear).toBe(0);
  });

  it("is deterministic", () => {
    expect(inferenceTax(EXAMPLE_INFERENCE_TAX_INPUT)).toEqual(
      inferenceTax(structuredClone(EXAMPLE_INFERENCE_TAX_INPUT))
    );
  });

  describe.each(Object.entries(INFERENCE_TAX_RANGES))("rejects an out-of-range %s", (key, range) => {
    it.each(outOfRangeValues(range).map((v) => [v]))("%s", (value) => {
      const error = userErrorOf(() => inferenceTax({...EXAMPLE_INFERENCE_TAX_INPUT, [key]: value}));
      expect(error.message).toContain(
        `${key}: ${typeof value === "number" ? "out of range" : "not a number"}: expected a`
      );
    });
  });

  it("names nested chip fields in the message", () => {
    const input = structuredClone(EXAMPLE_INFERENCE_TAX_INPUT);
    input.merchant.chipHour.vendorGrossMarginFraction = 1.7;
    expect(userErrorOf(() => inferenceTax(input)).message).toBe(
      "merchant.chipHour.vendorGrossMarginFraction: out of range: expected a number in [0, 1), found 1.7"
    );
    const slow = {
      ...EXAMPLE_INFERENCE_TAX_INPUT,
      merchant: {...EXAMPLE_INFERENCE_TAX_INPUT.merchant, utilizationFraction: 0}
    };
    expect(userErrorOf(() => inferenceTax(slow)).message).toBe(
      "merchant.utilizationFraction: out of range: expected a number in [0.01, 1], found 0"
    );
  });
});
