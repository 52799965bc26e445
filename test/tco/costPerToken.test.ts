import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {CHIP_HOUR_COMPONENTS, chipHourCost, type ChipHourCostInput} from "../../src/tco/chipHourCost.js";
import {
  costPerMillionTokensBreakdown,
  costPerMillionTokensUsd,
  type CostPerTokenInput
} from "../../src/tco/costPerToken.js";
import {arbitraryOwnership, HAND_CASE} from "./fixtures.js";

const throughput = fc.record({
  tokensPerSecondPerChip: fc.double({min: 1, max: 50_000, noNaN: true}),
  utilizationFraction: fc.double({min: 0.01, max: 1, noNaN: true})
});

function cost(ownership: ChipHourCostInput, t: {tokensPerSecondPerChip: number; utilizationFraction: number}): number {
  return costPerMillionTokensUsd({chipHourCostUsd: chipHourCost(ownership).totalUsdPerChipHour, ...t});
}

describe("costPerMillionTokensUsd", () => {
  it("computes a case by hand", () => {
    // 2 USD/h ÷ (1,000 tok/s × 3600 s × 0.5) × 1e6 = 2 / 1.8e6 × 1e6 = 1.1111 USD/Mtok
    expect(
      costPerMillionTokensUsd({chipHourCostUsd: 2, tokensPerSecondPerChip: 1000, utilizationFraction: 0.5})
    ).toBeCloseTo(1.11111, 5);
  });

  it("throws a UserError, not Infinity, for a chip-hour cost in range that overflows the result", () => {
    const input = {chipHourCostUsd: 1e306, tokensPerSecondPerChip: 0.001, utilizationFraction: 0.01};
    expect(() => costPerMillionTokensUsd(input)).toThrow(
      /^chipHourCostUsd, tokensPerSecondPerChip, utilizationFraction: inputs too extreme together/
    );
    expect(costPerMillionTokensUsd({...input, chipHourCostUsd: 1e270})).toBeLessThan(Infinity);
  });

  it("halves when utilisation doubles", () => {
    fc.assert(
      fc.property(arbitraryOwnership(), throughput, (ownership, t) => {
        const u = Math.min(t.utilizationFraction, 0.5);
        expect(cost(ownership, {...t, utilizationFraction: 2 * u})).toBeCloseTo(
          cost(ownership, {...t, utilizationFraction: u}) / 2,
          9
        );
      })
    );
  });

  it.each([
    ["electricity price", "electricityUsdPerKwh"],
    ["chip price", "chipPriceUsd"],
    ["cost of capital", "costOfCapitalPerYear"]
  ] as const)("rises with %s", (_label, key) => {
    fc.assert(
      fc.property(
        arbitraryOwnership(),
        throughput,
        fc.double({min: 1.01, max: 3, noNaN: true}),
        (ownership, t, factor) => {
          // a zero price or rate stays zero when multiplied, so start from a positive one
          const base = Math.max(ownership[key], 0.01);
          const higher = {...ownership, [key]: base * factor};
          expect(cost(higher, t)).toBeGreaterThan(cost({...ownership, [key]: base}, t));
        }
      )
    );
  });

  it("falls with utilisation and with throughput", () => {
    fc.assert(
      fc.property(
        arbitraryOwnership(),
        throughput,
        fc.double({min: 1.01, max: 3, noNaN: true}),
        (ownership, t, factor) => {
          const base = cost(ownership, t);
          const faster = cost(ownership, {...t, tokensPerSecondPerChip: t.tokensPerSecondPerChip * factor});
          expect(faster).toBeLessThan(base);
          expect(faster / base).toBeCloseTo(1 / factor, 9);
          const u = Math.min(1, t.utilizationFraction * factor);
          // Near full utilisation the capped increase can be a rounding step; only test a real increase.
          if (u > t.utilizationFraction * (1 + 1e-9)) {
            const busier = cost(ownership, {...t, utilizationFraction: u});
            expect(busier).toBeLessThan(base);
            expect(busier / base).toBeCloseTo(t.utilizationFraction / u, 9);
          }
        }
      )
    );
  });
});

describe("costPerMillionTokensBreakdown", () => {
  it("has components that sum to the total, and a vendor share inside the chip capital", () => {
    fc.assert(
      fc.property(arbitraryOwnership(), throughput, (ownership, t) => {
        const b = costPerMillionTokensBreakdown(chipHourCost(ownership), t);
        const sum = CHIP_HOUR_COMPONENTS.reduce((s, c) => s + b[c], 0);
        expect(sum).toBeCloseTo(b.total, 6);
        expect(b.total).toBeCloseTo(cost(ownership, t), 6);
        expect(b.vendorMargin).toBeLessThanOrEqual(b.chipCapital + 1e-12);
        expect(b.vendorMarginShare).toBeGreaterThanOrEqual(0);
        expect(b.vendorMarginShare).toBeLessThan(1);
      })
    );
  });

  it("gives the vendor margin share by hand", () => {
    // share = chip capital × 0.75 / total
    const chipHour = chipHourCost(HAND_CASE);
    const b = costPerMillionTokensBreakdown(chipHour, {tokensPerSecondPerChip: 1000, utilizationFraction: 1});
    expect(b.vendorMarginShare).toBeCloseTo(
      (chipHour.chipCapitalUsdPerChipHour * 0.75) / chipHour.totalUsdPerChipHour,
      12
    );
  });
});

describe("costPerMillionTokensUsd input checks", () => {
  const ok = {chipHourCostUsd: 2, tokensPerSecondPerChip: 1000, utilizationFraction: 0.6};

  it("throws a UserError naming the field, its range and the value", () => {
    // 60 meant as 60% priced tokens 100 times too cheap: 2 ÷ (1000 × 3600 × 60) × 10⁶ = 0.00926 USD/Mtok.
    expect(() => costPerMillionTokensUsd({...ok, utilizationFraction: 60})).toThrow(
      "utilizationFraction: out of range: expected a number in [0.01, 1], found 60"
    );
    expect(() => costPerMillionTokensUsd({...ok, tokensPerSecondPerChip: NaN})).toThrow(
      /^tokensPerSecondPerChip: out of range: expected a number in \[0\.001, 1,000,000,000\], found NaN/
    );
    expect(() => costPerMillionTokensUsd({...ok, chipHourCostUsd: -2})).toThrow(/^chipHourCostUsd: out of range/);
    expect(() => costPerMillionTokensUsd({...ok, tokensPerSecondPerChip: 0})).toThrow(/^tokensPerSecondPerChip/);
  });

  it("takes a chip-hour cost of 0 (a rented chip priced at 0)", () => {
    expect(costPerMillionTokensUsd({...ok, chipHourCostUsd: 0})).toBe(0);
  });
});

describe("the checked library calls without an input object", () => {
  it("throw a UserError saying the input is missing, not a TypeError (breaker: chipHourCost(undefined))", () => {
    expect(() => costPerMillionTokensUsd(undefined as unknown as CostPerTokenInput)).toThrow(
      "input: missing: expected an object of a chip-hour cost, tokens per second and utilisation (CostPerTokenInput), found undefined"
    );
    expect(() => chipHourCost(null as unknown as ChipHourCostInput)).toThrow(
      "input: missing: expected an object of chip-hour cost inputs (ChipHourCostInput), found null"
    );
  });
});
