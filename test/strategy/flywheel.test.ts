import {EXAMPLE_FLYWHEEL_INPUT} from "./fixtures.js";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {FLYWHEEL_RANGES, flywheel, simulateFlywheel, type FlywheelInput} from "../../src/strategy/flywheel.js";
import {expectAllFinite, expectClose, outOfRangeValues, recordIn, userErrorOf} from "./helpers.js";

/**
 * The hand case, 4 months: U_0 = 100 users of N_0 = 200 (cap 800), adoption 0.5 a month, ε = 1; each user causes
 * 10^0 tokens a month (1/30.4375 a day), all kept as data (f = 1), D_0 = 0, D_ref = 100, q = 1 point per doubling;
 * design cycle L_0 = 5 months, L_min = 3, k = 1; cost $1 per Mtok, halved by each chip generation.
 */
const HAND: FlywheelInput = {
  horizonMonths: 4,
  initialUsers: 100,
  initialAddressableUsers: 200,
  addressableUsersCap: 800,
  adoptionRatePerMonth: 0.5,
  addressableUsersElasticityToCost: 1,
  tokensPerUserPerDay: 1 / 30.4375,
  dataCaptureFraction: 1,
  initialDataTokens: 0,
  referenceDataTokens: 100,
  qualityGainPerDataDoubling: 1,
  designCycleShorteningPerQualityPoint: 1,
  baseDesignCycleMonths: 5,
  minDesignCycleMonths: 3,
  initialCostUsdPerMTok: 1,
  costReductionPerChipGeneration: 0.5
};

const anyInput: fc.Arbitrary<FlywheelInput> = (recordIn(FLYWHEEL_RANGES) as unknown as fc.Arbitrary<FlywheelInput>).map(
  (input) => ({
    ...input,
    // Respect the ranges that depend on other fields.
    initialUsers: (input.initialUsers / 1e11) * input.initialAddressableUsers,
    addressableUsersCap: Math.max(input.addressableUsersCap, input.initialAddressableUsers),
    minDesignCycleMonths: Math.min(input.minDesignCycleMonths, input.baseDesignCycleMonths)
  })
);

describe("flywheel", () => {
  it("matches a case computed by hand", () => {
    const {closed, open} = flywheel(HAND);
    // Month 1: L = 5/(1 + 0) = 5, P = 0.2, no chip yet, c = 1, N = 200;
    // U = 100 + 0.5 × 100 × (1 - 100/200) = 125; T = 125; D = 125; Q = 1 + log2((125 + 100)/100) = 1 + log2(2.25).
    const m1 = closed[1]!;
    expect(m1.designCycleMonths).toBe(5);
    expectClose(m1.chipDesignProgress, 0.2);
    expect(m1.users).toBe(125);
    expectClose(m1.tokensServed, 125);
    expectClose(m1.modelQuality, 1 + Math.log2(2.25));
    // Month 2: 5/(1 + log2(2.25)) = 2.30 < 3, so L = L_min = 3 from now on; P = 0.2 + 1/3.
    // U = 125 + 0.5 × 125 × (1 - 125/200) = 148.4375.
    expect(closed[2]!.designCycleMonths).toBe(3);
    expectClose(closed[2]!.users, 148.4375);
    // Month 3: U = 148.4375 + 0.5 × 148.4375 × (1 - 148.4375/200) = 167.572021484375; P = 0.2 + 2/3.
    const u3 = 167.572021484375;
    expectClose(closed[3]!.users, u3);
    expectClose(closed[3]!.dataTokens, 125 + 148.4375 + u3, 1e-9);
    expect(closed[3]!.chipGeneration).toBe(0);
    // Month 4: P = 0.2 + 1 = 1.2 → the first chip ships, c = $0.50, and N = 200 × (1/0.5)^1 = 400;
    // U = u3 + 0.5 × u3 × (1 - u3/400).
    expect(closed[4]!.chipGeneration).toBe(1);
    expect(closed[4]!.costUsdPerMTok).toBe(0.5);
    expect(closed[4]!.addressableUsers).toBe(400);
    expectClose(closed[4]!.users, u3 + 0.5 * u3 * (1 - u3 / 400));
    // Open loop (link 1 cut): L = 5 throughout, P = 0.8 by month 4: no chip, so c = $1 and N = 200 × 1^1 = 200 though
    // the market answers the cost, and the same users until month 4, when U = u3 + 0.5 × u3 × (1 - u3/200).
    expect(open.map((m) => m.designCycleMonths)).toEqual([5, 5, 5, 5, 5]);
    expect(open[4]!.chipGeneration).toBe(0);
    expect(open[4]!.costUsdPerMTok).toBe(1);
    expectClose(open[3]!.users, u3);
    expectClose(open[4]!.users, u3 + 0.5 * u3 * (1 - u3 / 200));
  });

  it("reports the difference between the loops", () => {
    const r = flywheel(HAND);
    expect(r.closedFinalCostUsdPerMTok).toBe(0.5);
    expect(r.openFinalCostUsdPerMTok).toBe(1);
    expect(r.costReductionFromLoopFraction).toBe(0.5);
    expect(r.extraChipGenerations).toBe(1);
    // The closed loop's first chip ships in month 4 (the hand case above); the open loop ships none (P = 0.8).
    expect(r.closedLastGenerationMonth).toBe(4);
    expect(r.openLastGenerationMonth).toBeNull();
    expectClose(r.userGainFromLoopFraction!, r.closedFinalUsers / r.openFinalUsers - 1);
    expect(r.months).toHaveLength(5);
    expect(r.months[4]).toMatchObject({closedCostUsdPerMTok: 0.5, openCostUsdPerMTok: 1});
  });

  it("ships a chip every L_0 months exactly, without drift", () => {
    // 18 additions of 1/18 fall a hair short of 1 in floating point; the first chip still ships in month 18.
    const r = simulateFlywheel(
      {...HAND, horizonMonths: 36, baseDesignCycleMonths: 18, minDesignCycleMonths: 18},
      {qualityShortensDesignCycle: false, lowerCostGrowsUsers: false}
    );
    expect(r[17]!.chipGeneration).toBe(0);
    expect(r[18]!.chipGeneration).toBe(1);
    expect(r[36]!.chipGeneration).toBe(2);
    // The month the latest generation shipped: none before month 18, then 18, then 36.
    expect(r[17]!.lastGenerationMonth).toBeNull();
    expect(r[35]!.lastGenerationMonth).toBe(18);
    expect(r[36]!.lastGenerationMonth).toBe(36);
  });

  it("closing the loop never leaves cost per token higher than the open loop", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const r = flywheel(input);
        expectAllFinite(r);
        for (const m of r.months) {
          expect(m.closedCostUsdPerMTok).toBeLessThanOrEqual(m.openCostUsdPerMTok);
          expect(m.closedChipGeneration).toBeGreaterThanOrEqual(m.openChipGeneration);
          expect(m.closedDesignCycleMonths).toBeLessThanOrEqual(m.openDesignCycleMonths);
          expect(m.closedUsers).toBeGreaterThanOrEqual(m.openUsers * (1 - 1e-12));
        }
      }),
      {numRuns: 100}
    );
  });

  it("with both links at zero strength the loops are identical", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const weak = {...input, designCycleShorteningPerQualityPoint: 0, addressableUsersElasticityToCost: 0};
        const r = flywheel(weak);
        expect(r.closed).toEqual(r.open);
      }),
      {numRuns: 50}
    );
  });

  it("when models cannot shorten chip design, the loops are identical, users included (reader audit)", () => {
    // The open loop cuts link 1 only: cheaper chips on their own schedule widen both loops' markets alike, so a design
    // cycle at its floor (asic-9-months: 0% cost saved) gains no users either (it read +146%, both links cut).
    fc.assert(
      fc.property(anyInput, (input) => {
        for (const weak of [
          {...input, minDesignCycleMonths: input.baseDesignCycleMonths},
          {...input, designCycleShorteningPerQualityPoint: 0}
        ]) {
          const r = flywheel(weak);
          expect(r.closed).toEqual(r.open);
          if (r.userGainFromLoopFraction !== null) expect(r.userGainFromLoopFraction).toBe(0);
        }
      }),
      {numRuns: 50}
    );
  });

  it("on the defaults the closed loop ends with cheaper tokens and more users", () => {
    const r = flywheel(EXAMPLE_FLYWHEEL_INPUT);
    expect(r.closedFinalCostUsdPerMTok).toBeLessThan(r.openFinalCostUsdPerMTok);
    expect(r.closedFinalUsers).toBeGreaterThan(r.openFinalUsers);
    expect(r.extraChipGenerations).toBeGreaterThan(0);
  });

  it("handles zero users without NaN", () => {
    const r = flywheel({...EXAMPLE_FLYWHEEL_INPUT, initialUsers: 0});
    expectAllFinite(r);
    expect(r.closedFinalUsers).toBe(0);
    expect(r.userGainFromLoopFraction).toBeNull();
    // No data, so quality stays 1 and the loop changes nothing.
    expect(r.closedFinalCostUsdPerMTok).toBe(r.openFinalCostUsdPerMTok);
    expectAllFinite(flywheel({...EXAMPLE_FLYWHEEL_INPUT, initialCostUsdPerMTok: 0}));
  });

  it("is deterministic", () => {
    expect(flywheel(EXAMPLE_FLYWHEEL_INPUT)).toEqual(flywheel(structuredClone(EXAMPLE_FLYWHEEL_INPUT)));
  });

  describe.each(Object.entries(FLYWHEEL_RANGES))("rejects an out-of-range %s", (key, range) => {
    it.each(outOfRangeValues(range).map((v) => [v]))("%s", (value) => {
      const error = userErrorOf(() => flywheel({...EXAMPLE_FLYWHEEL_INPUT, [key]: value}));
      expect(error.message).toContain(
        `${key}: ${typeof value === "number" ? "out of range" : "not a number"}: expected a`
      );
    });
  });

  it("rejects values outside ranges that depend on other fields, naming both", () => {
    expect(userErrorOf(() => flywheel({...EXAMPLE_FLYWHEEL_INPUT, initialUsers: 4e8})).message).toBe(
      "initialUsers: out of range: expected a number in [0, 300,000,000] (initialAddressableUsers = 300,000,000), found 400000000"
    );
    expect(userErrorOf(() => flywheel({...EXAMPLE_FLYWHEEL_INPUT, minDesignCycleMonths: 24})).message).toBe(
      "minDesignCycleMonths: out of range: expected a number in [3, 18] (baseDesignCycleMonths = 18), found 24"
    );
    expect(userErrorOf(() => flywheel({...EXAMPLE_FLYWHEEL_INPUT, addressableUsersCap: 1e8})).message).toContain(
      "addressableUsersCap: out of range"
    );
  });

  it("simulateFlywheel checks its own input too, and gives the rows flywheel compares", () => {
    const links = {qualityShortensDesignCycle: true, lowerCostGrowsUsers: true};
    expect(userErrorOf(() => simulateFlywheel({...EXAMPLE_FLYWHEEL_INPUT, horizonMonths: 0}, links)).message).toContain(
      "horizonMonths: out of range"
    );
    expect(
      userErrorOf(() => simulateFlywheel({...EXAMPLE_FLYWHEEL_INPUT, minDesignCycleMonths: 24}, links)).message
    ).toBe("minDesignCycleMonths: out of range: expected a number in [3, 18] (baseDesignCycleMonths = 18), found 24");
    const result = flywheel(EXAMPLE_FLYWHEEL_INPUT);
    expect(simulateFlywheel(EXAMPLE_FLYWHEEL_INPUT, links)).toEqual(result.closed);
    const open = {qualityShortensDesignCycle: false, lowerCostGrowsUsers: true};
    expect(simulateFlywheel(EXAMPLE_FLYWHEEL_INPUT, open)).toEqual(result.open);
  });
});
