import {EXAMPLE_SILICON_PROGRAM_INPUT} from "./fixtures.js";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  customShareInMonth,
  SILICON_PROGRAM_RANGES,
  siliconProgram,
  type SiliconProgramInput,
  type SiliconProgramResult
} from "../../src/strategy/siliconProgram.js";
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

/** Tokens a day that make 10^6 tokens in a 30.4375-day month. */
const ONE_MTOK_PER_MONTH = 1e6 / 30.4375;

/**
 * The hand case: merchant $1 per Mtok ($1 an hour, 10^6 tokens an hour), custom $0.40 per Mtok, so $0.60 saved per
 * Mtok; 1 Mtok of demand a month, flat; NRE $1; a 2-month cycle and a 2-month ramp; no discounting; 6 months.
 */
const HAND: SiliconProgramInput = {
  merchant: simpleChip({chipUsdPerHour: 1, vendorMargin: 0.75}),
  custom: simpleChip({chipUsdPerHour: 0.4, vendorMargin: 0}),
  nreUsd: 1,
  designCycleMonths: 2,
  deploymentRampMonths: 2,
  // No respin: nreUsd and the cycle include any (the respin keys' default).
  respinProbability: 0,
  respinMonths: 0,
  respinCostUsd: 0,
  demandTokensPerDay: ONE_MTOK_PER_MONTH,
  demandGrowthPerYear: 0,
  costDeclinePerYear: 0,
  discountRatePerYear: 0,
  horizonMonths: 6
};

const anyInput: fc.Arbitrary<SiliconProgramInput> = fc
  .tuple(anyServingChip, anyServingChip, recordIn(SILICON_PROGRAM_RANGES))
  .map(([merchant, custom, rest]) => ({...(rest as unknown as SiliconProgramInput), merchant, custom}));

/** Programs that are worth modelling: a custom chip cheaper than the merchant one, on realistic chips. */
const cheaperCustom: fc.Arbitrary<SiliconProgramInput> = fc
  .record({
    customCostFraction: fc.double({min: 0.05, max: 0.95, noNaN: true}),
    nreUsd: fc.double({min: 0, max: 2e9, noNaN: true}),
    designCycleMonths: fc.double({min: 0, max: 60, noNaN: true}),
    deploymentRampMonths: fc.double({min: 0, max: 24, noNaN: true}),
    demandTokensPerDay: fc.double({min: 0, max: 1e14, noNaN: true}),
    demandGrowthPerYear: fc.double({min: -0.5, max: 3, noNaN: true}),
    discountRatePerYear: fc.double({min: 0, max: 0.5, noNaN: true}),
    horizonMonths: fc.integer({min: 1, max: 120})
  })
  .map(({customCostFraction, ...rest}) => ({
    ...EXAMPLE_SILICON_PROGRAM_INPUT,
    ...rest,
    custom: simpleChip({chipUsdPerHour: customCostFraction, vendorMargin: 0})
  }));

/** A tolerance for comparing NPVs of the same program: rounding on sums as large as its NRE and spend. */
function npvTolerance(input: SiliconProgramInput, r: SiliconProgramResult): number {
  const spend = r.months.reduce((sum, m) => sum + m.baselineSpendUsd, 0);
  return 1e-9 * (input.nreUsd + spend) + 1e-9;
}

describe("siliconProgram", () => {
  it("lets the saving fall with the cost per token, month by month, by hand", () => {
    // The hand case with costs halving each year (d = 0.5): month m's saving is the flat case's × 0.5^((m - 1)/12).
    const r = siliconProgram({...HAND, costDeclinePerYear: 0.5});
    const flat = [0, 0, 0, 0.15, 0.45, 0.6, 0.6];
    flat.forEach((usd, m) => expectClose(r.months[m]!.savingsUsd, m === 0 ? 0 : usd * Math.pow(0.5, (m - 1) / 12)));
    // Spend falls the same way, tokens do not.
    expectClose(r.months[6]!.baselineSpendUsd, 1 * Math.pow(0.5, 5 / 12));
    expectClose(r.months[6]!.demandTokens, 1e6);
    // NPV (r = 0) is -1 plus the savings; the value of a month is the cycle-3 case's lost savings, also declined.
    const savings = flat.reduce((sum, usd, m) => sum + (m === 0 ? 0 : usd * Math.pow(0.5, (m - 1) / 12)), 0);
    expectClose(r.npvUsd, -1 + savings);
    expectClose(r.npvByDesignCycle[2]!.npvUsd, r.npvUsd);
  });

  it("matches a case computed by hand", () => {
    const r = siliconProgram(HAND);
    expectClose(r.merchantCostUsdPerMTok, 1);
    expectClose(r.customCostUsdPerMTok, 0.4);
    expectClose(r.savingsUsdPerMTok, 0.6);
    expect(r.deployed).toBe(true);
    // Custom capacity ramps from 0 at month 2 to 1 at month 4; the mean over each month is
    // month 1: 0, 2: 0, 3: mean of (t - 2)/2 on [2, 3] = 0.25, 4: on [3, 4] = 0.75, 5: 1, 6: 1.
    expect(r.months.map((m) => m.customShare)).toEqual([0, 0, 0, 0.25, 0.75, 1, 1]);
    // Savings: 1 Mtok × share × $0.60 = 0, 0, 0.15, 0.45, 0.60, 0.60.
    [0, 0, 0, 0.15, 0.45, 0.6, 0.6].forEach((usd, m) => expectClose(r.months[m]!.savingsUsd, usd));
    // Cumulative: -1 (NRE at month 0), -1, -1, -0.85, -0.40, +0.20, +0.80: payback in month 5.
    [-1, -1, -1, -0.85, -0.4, 0.2, 0.8].forEach((usd, m) => expectClose(r.months[m]!.cumulativeCashFlowUsd, usd));
    expect(r.paybackMonth).toBe(5);
    expect(r.discountedPaybackMonth).toBe(5);
    // NPV at r = 0: -1 + 1.80 = 0.80.
    expectClose(r.npvUsd, 0.8);
    // A 3-month cycle: shares 0, 0, 0, 0.25, 0.75, 1 → savings 1.20 → NPV 0.20; one month is worth 0.60.
    expectClose(r.valueOfOneMonthOfCycleUsd, 0.6);
    expectClose(r.npvByDesignCycle[3]!.npvUsd, 0.2);
    expectClose(r.npvByDesignCycle[2]!.npvUsd, r.npvUsd);
    // Break-even: $1 ÷ $0.60 per 10^6 tokens = 1.667 × 10^6 tokens, served by 1.667e6 ÷ (10^6 × 8,766 × 1 year)
    // chips over their life; and NPV = -1 + D × 1.80 ÷ D_0 is 0 at D = D_0 ÷ 1.8.
    expectClose(r.breakEvenTokens!, 1e6 / 0.6, 1e-9);
    expectClose(r.breakEvenCustomChips!, 1e6 / 0.6 / (1e6 * 8766), 1e-9);
    expectClose(r.breakEvenDemandTokensPerDay!, ONE_MTOK_PER_MONTH / 1.8, 1e-9);
    // Chips busy in month 5: 10^6 tokens ÷ (10^6 tokens an hour × 730.5 hours).
    expectClose(r.months[5]!.customChips, 1 / 730.5);
    expectClose(r.months[3]!.merchantChips, 0.75 / 730.5);
    expectClose(r.merchantOnlyChipsAtHorizonEnd, 1 / 730.5);
  });

  it("discounts each month at (1 + r)^(m/12) by hand", () => {
    const r = siliconProgram({...HAND, discountRatePerYear: 0.1});
    const expected =
      -1 + 0.15 / 1.1 ** (3 / 12) + 0.45 / 1.1 ** (4 / 12) + 0.6 / 1.1 ** (5 / 12) + 0.6 / 1.1 ** (6 / 12);
    expectClose(r.npvUsd, expected);
    expectClose(r.months[6]!.discountFactor, 1 / 1.1 ** 0.5);
    // Discounted cumulative at month 5: -1 + 0.15/1.1^0.25 + 0.45/1.1^(1/3) + 0.6/1.1^(5/12) ≈ 0.170 > 0.
    expect(r.discountedPaybackMonth).toBe(5);
  });

  it("ramps instantly with a zero ramp and a fractional cycle", () => {
    // Cycle 2.5, no ramp: month 3 covers [2, 3], half of it after the chip arrives.
    expect([1, 2, 3, 4].map((m) => customShareInMonth(m, 2.5, 0))).toEqual([0, 0, 0.5, 1]);
    expect([1, 2, 3].map((m) => customShareInMonth(m, 0, 0))).toEqual([1, 1, 1]);
  });

  it("a shorter design cycle never lowers NPV", () => {
    fc.assert(
      fc.property(anyInput, fc.double({min: 0, max: 240, noNaN: true}), (input, other) => {
        const [short, long] = [Math.min(input.designCycleMonths, other), Math.max(input.designCycleMonths, other)];
        const shortResult = siliconProgram({...input, designCycleMonths: short});
        const npvLong = siliconProgram({...input, designCycleMonths: long}).npvUsd;
        expect(shortResult.npvUsd).toBeGreaterThanOrEqual(npvLong - npvTolerance(input, shortResult));
      }),
      {numRuns: 100}
    );
    fc.assert(
      fc.property(cheaperCustom, (input) => {
        const r = siliconProgram(input);
        expect(r.valueOfOneMonthOfCycleUsd).toBeGreaterThanOrEqual(-npvTolerance(input, r));
        for (let i = 1; i < r.npvByDesignCycle.length; i++) {
          expect(r.npvByDesignCycle[i - 1]!.npvUsd).toBeGreaterThanOrEqual(
            r.npvByDesignCycle[i]!.npvUsd - npvTolerance(input, r)
          );
        }
      }),
      {numRuns: 100}
    );
  });

  it("weights a respin by hand: half the time the chip is 2 months late and a second $1 mask set is bought", () => {
    const r = siliconProgram({...HAND, respinProbability: 0.5, respinMonths: 2, respinCostUsd: 1});
    // First time: shares 0, 0, 0.25, 0.75, 1, 1 (above); after a respin (cycle 4): 0, 0, 0, 0, 0.25, 0.75.
    // Expected: 0, 0, 0.125, 0.375, 0.625, 0.875.
    [0, 0, 0, 0.125, 0.375, 0.625, 0.875].forEach((share, m) => expectClose(r.months[m]!.customShare, share));
    // NRE at month 0: 1 + 0.5 × 1 = 1.5; savings 0.6 × (0.125 + 0.375 + 0.625 + 0.875) = 1.2; NPV −0.3, which is
    // 0.5 × 0.8 (first time, as above) + 0.5 × (−2 + 0.6) (respin: NRE 2, shares summing to 1).
    expectClose(r.expectedNreUsd, 1.5);
    expectClose(r.npvUsd, -0.3);
    expect(r.paybackMonth).toBeNull();
  });

  it("a respin's NPV is the probability-weighted NPV of its two outcomes", () => {
    fc.assert(
      fc.property(
        cheaperCustom,
        fc.double({min: 0, max: 1, noNaN: true}),
        fc.double({min: 0, max: 12, noNaN: true}),
        fc.double({min: 0, max: 1e8, noNaN: true}),
        (input, p, months, cost) => {
          const plain = {...input, respinProbability: 0, respinMonths: 0, respinCostUsd: 0};
          const r = siliconProgram({...plain, respinProbability: p, respinMonths: months, respinCostUsd: cost});
          const first = siliconProgram(plain);
          const late = siliconProgram({
            ...plain,
            designCycleMonths: input.designCycleMonths + months,
            nreUsd: input.nreUsd + cost
          });
          const expected = (1 - p) * first.npvUsd + p * late.npvUsd;
          expect(Math.abs(r.npvUsd - expected)).toBeLessThanOrEqual(npvTolerance(input, r) + 1e-9 * cost);
        }
      ),
      {numRuns: 100}
    );
  });

  it("the NPV-by-cycle curve equals running the model at each cycle", () => {
    fc.assert(
      fc.property(cheaperCustom, fc.nat(), (input, pick) => {
        const r = siliconProgram(input);
        const cycle = pick % (input.horizonMonths + 1);
        const direct = siliconProgram({...input, designCycleMonths: cycle});
        expect(r.npvByDesignCycle[cycle]!.designCycleMonths).toBe(cycle);
        expect(Math.abs(r.npvByDesignCycle[cycle]!.npvUsd - direct.npvUsd)).toBeLessThanOrEqual(npvTolerance(input, r));
      }),
      {numRuns: 100}
    );
  });

  it("values a month of cycle as the NPV at the cycle minus the NPV at one month more", () => {
    fc.assert(
      fc.property(cheaperCustom, (input) => {
        const r = siliconProgram(input);
        const later = siliconProgram({...input, designCycleMonths: input.designCycleMonths + 1});
        const tolerance = npvTolerance(input, r);
        expect(Math.abs(r.valueOfOneMonthOfCycleUsd - (r.npvUsd - later.npvUsd))).toBeLessThanOrEqual(2 * tolerance);
      }),
      {numRuns: 100}
    );
    const notDeployed = siliconProgram({...HAND, custom: simpleChip({chipUsdPerHour: 2, vendorMargin: 0})});
    expect(notDeployed.valueOfOneMonthOfCycleUsd).toBe(0);
    expect(notDeployed.months.every((m) => m.customShare === 0 && m.discountFactor > 0)).toBe(true);
  });

  it("compares 9, 18 and 36 months directly on the same demand and horizon", () => {
    const r = siliconProgram(EXAMPLE_SILICON_PROGRAM_INPUT);
    const [n9, n18, n36] = [9, 18, 36].map((cycle) => r.npvByDesignCycle[cycle]!.npvUsd);
    expect(n9!).toBeGreaterThan(n18!);
    expect(n18!).toBeGreaterThan(n36!);
    expectClose(n18!, r.npvUsd, 1e-12);
    // Running the model at 9 months gives the same number as the curve.
    expectClose(siliconProgram({...EXAMPLE_SILICON_PROGRAM_INPUT, designCycleMonths: 9}).npvUsd, n9!, 1e-12);
  });

  it("more demand and less NRE never lower NPV; the cash flows sum to it", () => {
    fc.assert(
      fc.property(cheaperCustom, fc.double({min: 1, max: 10, noNaN: true}), (input, factor) => {
        const r = siliconProgram(input);
        const more = siliconProgram({...input, demandTokensPerDay: input.demandTokensPerDay * factor});
        const cheaper = siliconProgram({...input, nreUsd: input.nreUsd / factor});
        expect(more.npvUsd).toBeGreaterThanOrEqual(r.npvUsd - npvTolerance(input, r));
        expect(cheaper.npvUsd).toBeGreaterThanOrEqual(r.npvUsd);
        const sum = r.months.reduce((s, m) => s + m.discountedCashFlowUsd, 0);
        expectClose(sum, r.npvUsd, 1e-9);
        for (const m of r.months) {
          const difference = m.baselineSpendUsd - m.merchantSpendUsd - m.customSpendUsd;
          expect(Math.abs(difference - m.savingsUsd)).toBeLessThanOrEqual(1e-12 * Math.max(1, m.baselineSpendUsd));
        }
      }),
      {numRuns: 100}
    );
  });

  it("never returns NaN or Infinity", () => {
    fc.assert(
      fc.property(anyInput, (input) => expectAllFinite(siliconProgram(input))),
      {numRuns: 150}
    );
  });

  it("a horizon shorter than the design cycle gives -NRE and no payback", () => {
    const r = siliconProgram({...EXAMPLE_SILICON_PROGRAM_INPUT, horizonMonths: 12, designCycleMonths: 18});
    expect(r.npvUsd).toBe(-EXAMPLE_SILICON_PROGRAM_INPUT.nreUsd);
    expect(r.paybackMonth).toBeNull();
    expect(r.discountedPaybackMonth).toBeNull();
    expect(r.valueOfOneMonthOfCycleUsd).toBe(0);
    expect(r.breakEvenDemandTokensPerDay).toBeNull();
    expect(r.months.every((m) => m.customShare === 0)).toBe(true);
    expectAllFinite(r);
  });

  it("zero demand gives -NRE, zero chips and a finite break-even", () => {
    const r = siliconProgram({...EXAMPLE_SILICON_PROGRAM_INPUT, demandTokensPerDay: 0});
    expect(r.npvUsd).toBe(-EXAMPLE_SILICON_PROGRAM_INPUT.nreUsd);
    expect(r.paybackMonth).toBeNull();
    expect(r.customChipsAtHorizonEnd).toBe(0);
    expect(r.breakEvenTokens).toBeGreaterThan(0);
    // The demand that would break even does not depend on the demand given.
    expectClose(
      r.breakEvenDemandTokensPerDay!,
      siliconProgram(EXAMPLE_SILICON_PROGRAM_INPUT).breakEvenDemandTokensPerDay!,
      1e-9
    );
    expectAllFinite(r);
  });

  it("a zero discount rate gives NPV = total savings - NRE", () => {
    const r = siliconProgram({...EXAMPLE_SILICON_PROGRAM_INPUT, discountRatePerYear: 0});
    expectClose(r.npvUsd, r.totalSavingsUsd - EXAMPLE_SILICON_PROGRAM_INPUT.nreUsd, 1e-12);
    expect(r.paybackMonth).toBe(r.discountedPaybackMonth);
  });

  it("does not deploy a custom chip that is dearer per token", () => {
    const r = siliconProgram({...HAND, custom: simpleChip({chipUsdPerHour: 2, vendorMargin: 0})});
    expect(r.deployed).toBe(false);
    expect(r.npvUsd).toBe(-1);
    expect(r.breakEvenTokens).toBeNull();
    expect(r.breakEvenCustomChips).toBeNull();
    expect(r.breakEvenDemandTokensPerDay).toBeNull();
    expect(r.months.every((m) => m.customTokens === 0)).toBe(true);
  });

  it("with no NRE it pays back at once", () => {
    const r = siliconProgram({...HAND, nreUsd: 0});
    expect(r.paybackMonth).toBe(0);
    expect(r.breakEvenTokens).toBe(0);
    expect(r.breakEvenDemandTokensPerDay).toBe(0);
  });

  it("is deterministic", () => {
    expect(siliconProgram(EXAMPLE_SILICON_PROGRAM_INPUT)).toEqual(
      siliconProgram(structuredClone(EXAMPLE_SILICON_PROGRAM_INPUT))
    );
  });

  describe.each(Object.entries(SILICON_PROGRAM_RANGES))("rejects an out-of-range %s", (key, range) => {
    it.each(outOfRangeValues(range).map((v) => [v]))("%s", (value) => {
      const error = userErrorOf(() => siliconProgram({...EXAMPLE_SILICON_PROGRAM_INPUT, [key]: value}));
      expect(error.message).toContain(
        `${key}: ${typeof value === "number" ? "out of range" : "not a number"}: expected a`
      );
    });
  });

  it("names the parameter, its range and the value in the message", () => {
    expect(
      userErrorOf(() => siliconProgram({...EXAMPLE_SILICON_PROGRAM_INPUT, discountRatePerYear: 1.7})).message
    ).toBe("discountRatePerYear: out of range: expected a number in [0, 1], found 1.7");
    const custom = structuredClone(EXAMPLE_SILICON_PROGRAM_INPUT.custom);
    custom.chipHour.chipPowerW = -5;
    expect(userErrorOf(() => siliconProgram({...EXAMPLE_SILICON_PROGRAM_INPUT, custom})).message).toBe(
      "custom.chipHour.chipPowerW: out of range: expected a number in [1, 100,000], found -5"
    );
  });

  it("accepts every in-range design cycle", () => {
    fc.assert(
      fc.property(numberIn(SILICON_PROGRAM_RANGES.designCycleMonths), (cycle) => {
        expect(() => siliconProgram({...HAND, designCycleMonths: cycle})).not.toThrow();
      }),
      {numRuns: 50}
    );
  });
});
