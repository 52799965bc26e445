import {EXAMPLE_TRAINING_VS_INFERENCE_INPUT} from "./fixtures.js";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  spendByYear,
  TRAINING_VS_INFERENCE_RANGES,
  trainingVsInference,
  type TrainingVsInferenceInput
} from "../../src/strategy/trainingVsInference.js";
import {expectAllFinite, expectClose, outOfRangeValues, recordIn, userErrorOf} from "./helpers.js";
import {plainNumber} from "../../src/units/range.js";

/** 30.4375 days a month (src/strategy/growth.ts), so one user at this rate causes 10^6 tokens a month. */
const ONE_MTOK_PER_MONTH_PER_DAY = 1e6 / 30.4375;

/**
 * The hand case: H = 6 months, a generation every 3 months, each run 2 months, C_1 = $100, ×2 per generation.
 * One user, 10^6 tokens a month, one call per task, $30 per Mtok, nothing grows.
 */
const HAND: TrainingVsInferenceInput = {
  horizonMonths: 6,
  generationCadenceMonths: 3,
  trainingRunMonths: 2,
  firstGenerationTrainingCostUsd: 100,
  trainingCostGrowthPerGeneration: 2,
  initialUsers: 1,
  userGrowthPerYear: 0,
  tokensPerUserPerDay: ONE_MTOK_PER_MONTH_PER_DAY,
  tokensPerUserGrowthPerYear: 0,
  agentCallsPerTask: 1,
  agentCallsGrowthPerYear: 0,
  servingCostUsdPerMTok: 30,
  servingCostDeclinePerYear: 0
};

const anyInput = recordIn(TRAINING_VS_INFERENCE_RANGES) as unknown as fc.Arbitrary<TrainingVsInferenceInput>;

describe("trainingVsInference", () => {
  it("matches a case computed by hand", () => {
    const r = trainingVsInference(HAND);
    // Generation 1 starts in month 1 and costs $100 over months 1-2 ($50 each); generation 2 starts in month 4
    // and costs $200 over months 4-5 ($100 each); generation 3 would start in month 7, beyond the horizon.
    expect(r.generations).toEqual([
      {generation: 1, startMonth: 1, releaseMonth: 3, trainingCostUsd: 100},
      {generation: 2, startMonth: 4, releaseMonth: 6, trainingCostUsd: 200}
    ]);
    expect(r.months.map((m) => m.trainingSpendUsd)).toEqual([50, 50, 0, 100, 100, 0]);
    // Inference: 1 user × 10^6 tokens a month × $30 per Mtok = $30 a month.
    r.months.forEach((m) => expectClose(m.inferenceSpendUsd, 30));
    // Cumulative training 50, 100, 100, 200, 300, 300 against inference 30, 60, 90, 120, 150, 180: never crosses.
    expect(r.months.map((m) => m.cumulativeTrainingSpendUsd)).toEqual([50, 100, 100, 200, 300, 300]);
    expectClose(r.months[5]!.cumulativeInferenceSpendUsd, 180);
    expect(r.crossoverMonth).toBeNull();
    // Shares: month 1 30 ÷ (30 + 50) = 0.375; month 3 has no training, so 1; overall 180 ÷ 480 = 0.375.
    expectClose(r.months[0]!.inferenceShare!, 0.375);
    expect(r.months[2]!.inferenceShare).toBe(1);
    expectClose(r.inferenceShareOfTotal!, 0.375);
    expect(r.months.map((m) => m.generationsStarted)).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it("finds the crossover month by hand", () => {
    // Two agent calls per task: inference $60 a month, and 60 > 50 already in month 1.
    expect(trainingVsInference({...HAND, agentCallsPerTask: 2}).crossoverMonth).toBe(1);
    // 1.5 calls per task: $45 a month, cumulative 45 < 50, 90 < 100, 135 > 100 in month 3.
    expect(trainingVsInference({...HAND, agentCallsPerTask: 1.5}).crossoverMonth).toBe(3);
    // $45 per Mtok: 45, 90, 135 > 100 in month 3.
    expect(trainingVsInference({...HAND, servingCostUsdPerMTok: 45}).crossoverMonth).toBe(3);
  });

  it("grows each factor at its own yearly rate", () => {
    const r = trainingVsInference({
      ...HAND,
      horizonMonths: 13,
      userGrowthPerYear: 1,
      tokensPerUserGrowthPerYear: 0.5,
      agentCallsGrowthPerYear: 3,
      servingCostDeclinePerYear: 0.5
    });
    const month13 = r.months[12]!;
    // After 12 months: users ×2, tokens per user ×1.5, agent calls ×4, cost ×0.5.
    expectClose(month13.users, 2);
    expectClose(month13.tokensPerUserPerDay, 1.5 * ONE_MTOK_PER_MONTH_PER_DAY);
    expectClose(month13.agentCallsPerTask, 4);
    expectClose(month13.servingCostUsdPerMTok, 15);
    // 2 × 1.5 × 4 = 12 Mtok at $15 = $180.
    expectClose(month13.inferenceSpendUsd, 180);
  });

  it("cuts a training run at the horizon", () => {
    const r = trainingVsInference({...HAND, horizonMonths: 4});
    expect(r.months.map((m) => m.trainingSpendUsd)).toEqual([50, 50, 0, 100]);
    expect(r.totalTrainingSpendUsd).toBe(200);
  });

  it("more agent calls per task never bring the crossover later", () => {
    fc.assert(
      fc.property(anyInput, fc.double({min: 1, max: 100, noNaN: true}), (input, factor) => {
        const more = {...input, agentCallsPerTask: Math.min(1e4, input.agentCallsPerTask * factor)};
        const before = trainingVsInference(input).crossoverMonth ?? Infinity;
        const after = trainingVsInference(more).crossoverMonth ?? Infinity;
        expect(after).toBeLessThanOrEqual(before);
      }),
      {numRuns: 150}
    );
  });

  it("the default crossover moves earlier with more agent calls", () => {
    const base = trainingVsInference(EXAMPLE_TRAINING_VS_INFERENCE_INPUT).crossoverMonth!;
    const more = trainingVsInference({...EXAMPLE_TRAINING_VS_INFERENCE_INPUT, agentCallsPerTask: 4}).crossoverMonth!;
    expect(base).toBeGreaterThan(1);
    expect(more).toBeLessThan(base);
  });

  it("cumulative sums equal the sum of the months, and shares stay in [0, 1]", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const r = trainingVsInference(input);
        expectAllFinite(r);
        expect(r.months).toHaveLength(input.horizonMonths);
        const training = r.months.reduce((sum, m) => sum + m.trainingSpendUsd, 0);
        expectClose(r.totalTrainingSpendUsd, training, 1e-9);
        for (const m of r.months) {
          for (const share of [m.inferenceShare, m.cumulativeInferenceShare]) {
            if (share !== null) expect(share >= 0 && share <= 1).toBe(true);
          }
        }
      }),
      {numRuns: 150}
    );
  });

  it("handles zero demand and zero training without NaN", () => {
    const none = trainingVsInference({...HAND, initialUsers: 0, firstGenerationTrainingCostUsd: 0});
    expectAllFinite(none);
    expect(none.crossoverMonth).toBeNull();
    expect(none.inferenceShareOfTotal).toBeNull();
    expect(none.months[0]!.inferenceShare).toBeNull();
    // Demand but no training: inference leads from month 1.
    expect(trainingVsInference({...HAND, firstGenerationTrainingCostUsd: 0}).crossoverMonth).toBe(1);
    // Rates of -1 (everything vanishes after month 1) are allowed and finite.
    expectAllFinite(trainingVsInference({...HAND, userGrowthPerYear: -1, servingCostDeclinePerYear: 1}));
  });

  it("is deterministic", () => {
    expect(trainingVsInference(EXAMPLE_TRAINING_VS_INFERENCE_INPUT)).toEqual(
      trainingVsInference(structuredClone(EXAMPLE_TRAINING_VS_INFERENCE_INPUT))
    );
  });

  describe.each(Object.entries(TRAINING_VS_INFERENCE_RANGES))("rejects an out-of-range %s", (key, range) => {
    it.each(outOfRangeValues(range).map((v) => [v]))("%s", (value) => {
      const error = userErrorOf(() => trainingVsInference({...EXAMPLE_TRAINING_VS_INFERENCE_INPUT, [key]: value}));
      expect(error.message).toContain(`${key}: out of range: expected a`);
      // A number as a person writes it: from 10⁹ in exponent notation, as the range's bounds (2e13, not 20000000000000).
      const found =
        typeof value === "string"
          ? JSON.stringify(value)
          : typeof value === "number"
            ? plainNumber(value)
            : String(value);
      expect(error.message).toContain(`found ${found}`);
    });
  });

  it("names the parameter, its range and the value in the message", () => {
    const error = userErrorOf(() => trainingVsInference({...EXAMPLE_TRAINING_VS_INFERENCE_INPUT, horizonMonths: 2.5}));
    expect(error.message).toBe("horizonMonths: out of range: expected an integer in [1, 240], found 2.5");
  });
});

describe("spendByYear", () => {
  it("sums the hand case's months by year, the last year short", () => {
    // HAND over 18 months: generations start in months 1, 4, 7, 10, 13, 16 at $100 × 2^(g−1), each over 2 months, so
    // year 1 holds generations 1-4 in full (100 + 200 + 400 + 800 = $1,500) and year 2 (6 months) generations 5 and 6
    // (1,600 + 3,200 = $4,800). Inference is $30 a month: $360 in year 1, $180 in year 2.
    const years = spendByYear(trainingVsInference({...HAND, horizonMonths: 18}));
    expect(years.map((y) => [y.year, y.months])).toEqual([
      [1, 12],
      [2, 6]
    ]);
    expectClose(years[0]!.trainingSpendUsd, 1500);
    expectClose(years[1]!.trainingSpendUsd, 4800);
    expectClose(years[0]!.inferenceSpendUsd, 360);
    expectClose(years[1]!.inferenceSpendUsd, 180);
    expectClose(years[0]!.inferenceTokens, 12e6);
    expectClose(years[0]!.inferenceShare!, 360 / 1860);
  });

  it("adds up to the horizon's totals for any input", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const r = trainingVsInference(input);
        const years = spendByYear(r);
        expect(years.reduce((n, y) => n + y.months, 0)).toBe(input.horizonMonths);
        const training = years.reduce((sum, y) => sum + y.trainingSpendUsd, 0);
        const inference = years.reduce((sum, y) => sum + y.inferenceSpendUsd, 0);
        expect(Math.abs(training - r.totalTrainingSpendUsd)).toBeLessThanOrEqual(1e-9 * r.totalTrainingSpendUsd);
        expect(Math.abs(inference - r.totalInferenceSpendUsd)).toBeLessThanOrEqual(1e-9 * r.totalInferenceSpendUsd);
      })
    );
  });
});
