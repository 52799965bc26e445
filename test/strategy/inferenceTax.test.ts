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
 * margin, $1 an hour of servers, nothing else, serving 10^6 tokens an hour. 2 Mtok in year 1, doubling.
 */
const HAND: InferenceTaxInput = {
  merchant: simpleChip({chipUsdPerHour: 1, vendorMargin: 0.75, systemUsdPerHour: 1}),
  inHouseMarginFraction: 0,
  tokensPerYear: 2e6,
  tokenVolumeGrowthPerYear: 1,
  horizonYears: 3
};

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
    // 2 Mtok × $0.75 = $1.50 recovered in year 1, then $3 and $6: $10.50 in all.
    expectClose(r.recoveredUsdPerYear, 1.5);
    expect(r.years.map((y) => y.year)).toEqual([1, 2, 3]);
    [1.5, 3, 6].forEach((usd, i) => expectClose(r.years[i]!.recoveredUsd, usd));
    [1.5, 4.5, 10.5].forEach((usd, i) => expectClose(r.years[i]!.cumulativeRecoveredUsd, usd));
    expectClose(r.totalRecoveredUsd, 10.5);
    // 2 × 10^6 tokens ÷ (10^6 tokens an hour × 8,766 hours) chips.
    expectClose(r.chipsForTokensPerYear, 2 / 8766);
    expectClose(r.years[0]!.merchantSpendUsd, 4);
    expectClose(r.years[0]!.inHouseSpendUsd, 2.5);
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
      expect(error.message).toContain(`${key}: out of range: expected a`);
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
