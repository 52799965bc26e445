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
import {fieldDimension, plainNumber} from "../../src/units/range.js";

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
    expect(r.firstCrossoverMonth).toBeNull();
    expect(r.trainingRetakesLeadMonth).toBeNull();
    expect(r.durableCrossoverMonth).toBeNull();
    // Shares: month 1 30 ÷ (30 + 50) = 0.375; month 3 has no training, so 1; overall 180 ÷ 480 = 0.375.
    expectClose(r.months[0]!.inferenceShare!, 0.375);
    expect(r.months[2]!.inferenceShare).toBe(1);
    expectClose(r.inferenceShareOfTotal!, 0.375);
    expect(r.months.map((m) => m.generationsStarted)).toEqual([1, 1, 1, 2, 2, 2]);
  });

  it("finds the first crossover month by hand", () => {
    // Two agent calls per task: inference $60 a month, and 60 > 50 already in month 1; cumulative 60n against training
    // 50, 100, 100, 200, 300, 300: 120 > 100, 180 > 100, 240 > 200, then 300 against 300 in month 5: not ahead (≤ 300 in floating point, the monthly $60 being
    // 10^6 ÷ 30.4375 × 30.4375 tokens), so training has the lead back.
    const two = trainingVsInference({...HAND, agentCallsPerTask: 2});
    expect(two.firstCrossoverMonth).toBe(1);
    expect(two.trainingRetakesLeadMonth).toBe(5);
    // 1.5 calls per task: $45 a month, cumulative 45 < 50, 90 < 100, 135 > 100 in month 3.
    expect(trainingVsInference({...HAND, agentCallsPerTask: 1.5}).firstCrossoverMonth).toBe(3);
    // $45 per Mtok: 45, 90, 135 > 100 in month 3.
    expect(trainingVsInference({...HAND, servingCostUsdPerMTok: 45}).firstCrossoverMonth).toBe(3);
  });

  describe("first crossover, training taking the lead back, and the crossover for good, by hand", () => {
    // Every sum below is exact in binary floating point. One user × 10^6 tokens a day × 1 call × 30.4375 days =
    // 30.4375 Mtok a month (30.4375 = 487/16), so at c USD per Mtok inference costs c × X a month, X = $30.4375.
    // Training: one-month runs (R = 1) every 3 months, the first 4X = $121.75, ×2 per generation: 4X in month 1 and
    // 8X in month 4 (generation 3 would start in month 7), so cumulative training T = 4, 4, 4, 12, 12, 12 (in X) over
    // H = 6 months. Cumulative inference I = c, 2c, …, 6c (in X).
    const X = 30.4375;
    const TWO_RUNS: TrainingVsInferenceInput = {
      ...HAND,
      generationCadenceMonths: 3,
      trainingRunMonths: 1,
      firstGenerationTrainingCostUsd: 4 * X,
      tokensPerUserPerDay: 1e6,
      servingCostUsdPerMTok: 1
    };
    /** The three months for inference at c X a month. */
    const months = (input: TrainingVsInferenceInput) => {
      const r = trainingVsInference(input);
      return {first: r.firstCrossoverMonth, retake: r.trainingRetakesLeadMonth, durable: r.durableCrossoverMonth};
    };

    it("uses exact sums", () => {
      const r = trainingVsInference({...TWO_RUNS, servingCostUsdPerMTok: 1.5});
      expect(r.months.map((m) => m.cumulativeTrainingSpendUsd / X)).toEqual([4, 4, 4, 12, 12, 12]);
      expect(r.months.map((m) => m.cumulativeInferenceSpendUsd / X)).toEqual([1.5, 3, 4.5, 6, 7.5, 9]);
    });

    it("a transient crossing: ahead between runs, behind at the end", () => {
      // c = 1.5: I = 1.5, 3, 4.5, 6, 7.5, 9 against T = 4, 4, 4, 12, 12, 12. Ahead first in month 3 (4.5 > 4), behind
      // again in month 4 (6 < 12) when the second run lands, and still behind in month 6 (9 < 12): no crossing for good.
      expect(months({...TWO_RUNS, servingCostUsdPerMTok: 1.5})).toEqual({first: 3, retake: 4, durable: null});
    });

    it("a durable crossing after a transient one", () => {
      // c = 2.5: I = 2.5, 5, 7.5, 10, 12.5, 15 against T = 4, 4, 4, 12, 12, 12. Ahead in month 2 (5 > 4), behind in
      // month 4 (10 < 12), ahead again in month 5 (12.5 > 12) and in month 6 (15 > 12): for good from month 5.
      expect(months({...TWO_RUNS, servingCostUsdPerMTok: 2.5})).toEqual({first: 2, retake: 4, durable: 5});
    });

    it("a durable crossing from the first pass", () => {
      // c = 6: I = 6, 12, 18, 24, 30, 36 against T = 4, 4, 4, 12, 12, 12: ahead in every month (month 4: 24 > 12), so
      // the first pass is the crossing for good and training never takes the lead back.
      expect(months({...TWO_RUNS, servingCostUsdPerMTok: 6})).toEqual({first: 1, retake: null, durable: 1});
    });

    it("a crossing that happens only in the last month", () => {
      // One generation (cadence 120 months > H = 5): T = 4 in every month. c = 0.875: I = 0.875, 1.75, 2.625, 3.5,
      // 4.375; only month 5 has I > T (4.375 > 4), and it is the horizon's last month: first = durable = 5 = H.
      const one = {...TWO_RUNS, horizonMonths: 5, generationCadenceMonths: 120, servingCostUsdPerMTok: 0.875};
      expect(months(one)).toEqual({first: 5, retake: null, durable: 5});
    });

    it("never", () => {
      // c = 0.5: I = 0.5, 1, 1.5, 2, 2.5, 3 against T = 4, 4, 4, 12, 12, 12: behind in every month.
      expect(months({...TWO_RUNS, servingCostUsdPerMTok: 0.5})).toEqual({first: null, retake: null, durable: null});
    });

    it("agrees with the series in every case: ahead from the durable month on, not ahead the month before", () => {
      fc.assert(
        fc.property(anyInput, (input) => {
          const r = trainingVsInference(input);
          const ahead = r.months.map((m) => m.cumulativeInferenceSpendUsd > m.cumulativeTrainingSpendUsd);
          const durable = r.durableCrossoverMonth;
          if (durable === null) expect(ahead.at(-1)).toBe(false);
          else {
            expect(ahead.slice(durable - 1).every(Boolean)).toBe(true);
            if (durable > 1) expect(ahead[durable - 2]).toBe(false);
          }
          expect(r.firstCrossoverMonth).toBe(ahead.includes(true) ? ahead.indexOf(true) + 1 : null);
          const first = r.firstCrossoverMonth;
          const back = first === null ? -1 : ahead.indexOf(false, first - 1);
          expect(r.trainingRetakesLeadMonth).toBe(back === -1 ? null : back + 1);
        }),
        {numRuns: 150}
      );
    });

    it("names every period inference is ahead: a lead taken back twice (base's shape)", () => {
      // A third run: H = 9, T = 4, 4, 4, 12, 12, 12, 28, 28, 28 (in X; generation 3 costs 16X in month 7). c = 2.5:
      // I = 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20, 22.5. Ahead in months 2–3 (5 > 4, 7.5 > 4), behind in month 4
      // (10 < 12), ahead again in months 5–6 (12.5 > 12, 15 > 12), behind from month 7 (17.5 < 28) to the end.
      const r = trainingVsInference({...TWO_RUNS, horizonMonths: 9, servingCostUsdPerMTok: 2.5});
      expect(r.months.map((m) => m.cumulativeTrainingSpendUsd / X)).toEqual([4, 4, 4, 12, 12, 12, 28, 28, 28]);
      expect(r.inferenceLeadPeriods).toEqual([
        {fromMonth: 2, toMonth: 3},
        {fromMonth: 5, toMonth: 6}
      ]);
      expect(months({...TWO_RUNS, horizonMonths: 9, servingCostUsdPerMTok: 2.5})).toEqual({
        first: 2,
        retake: 4,
        durable: null
      });
      // H = 6, the same c: the second lead (months 5–6) lasts to the end, the crossing for good.
      expect(trainingVsInference({...TWO_RUNS, servingCostUsdPerMTok: 2.5}).inferenceLeadPeriods).toEqual([
        {fromMonth: 2, toMonth: 3},
        {fromMonth: 5, toMonth: 6}
      ]);
      // c = 6: ahead in every month, one period 1–6; c = 0.5: never ahead, none.
      expect(trainingVsInference({...TWO_RUNS, servingCostUsdPerMTok: 6}).inferenceLeadPeriods).toEqual([
        {fromMonth: 1, toMonth: 6}
      ]);
      expect(trainingVsInference({...TWO_RUNS, servingCostUsdPerMTok: 0.5}).inferenceLeadPeriods).toEqual([]);
    });

    it("its lead periods are the months ahead in the series, and agree with the three months", () => {
      fc.assert(
        fc.property(anyInput, (input) => {
          const r = trainingVsInference(input);
          const ahead = r.months.map((m) => m.cumulativeInferenceSpendUsd > m.cumulativeTrainingSpendUsd);
          const fromPeriods = r.months.map(() => false);
          let previousTo = -1;
          for (const {fromMonth, toMonth} of r.inferenceLeadPeriods) {
            // In order, each at least one month after the previous one's end (none adjacent).
            expect(fromMonth).toBeGreaterThan(previousTo + 1);
            expect(toMonth).toBeGreaterThanOrEqual(fromMonth);
            for (let m = fromMonth; m <= toMonth; m++) fromPeriods[m - 1] = true;
            previousTo = toMonth;
          }
          expect(fromPeriods).toEqual(ahead);
          const [firstLead] = r.inferenceLeadPeriods;
          const lastLead = r.inferenceLeadPeriods.at(-1);
          expect(firstLead?.fromMonth ?? null).toBe(r.firstCrossoverMonth);
          if (r.trainingRetakesLeadMonth !== null) expect(firstLead!.toMonth + 1).toBe(r.trainingRetakesLeadMonth);
          expect(lastLead?.toMonth === input.horizonMonths ? lastLead.fromMonth : null).toBe(r.durableCrossoverMonth);
        }),
        {numRuns: 150}
      );
    });

    it("equal at the end is not a crossing for good", () => {
      // One generation, H = 4, c = 1: I = 1, 2, 3, 4 against T = 4: level in month 4, never above.
      const level = {...TWO_RUNS, horizonMonths: 4, generationCadenceMonths: 120};
      expect(months(level)).toEqual({first: null, retake: null, durable: null});
      // c = 2 with both runs: I = 2, 4, 6, 8, 10, 12 against T = 4, 4, 4, 12, 12, 12. Level in month 2 (4 = 4, not
      // ahead), ahead in month 3 (6 > 4), behind in month 4 (8 < 12), level in month 6 (12 = 12): no crossing for good.
      expect(months({...TWO_RUNS, servingCostUsdPerMTok: 2})).toEqual({first: 3, retake: 4, durable: null});
    });
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

  it("more agent calls per task never bring the first crossover or the crossover for good later", () => {
    fc.assert(
      fc.property(anyInput, fc.double({min: 1, max: 100, noNaN: true}), (input, factor) => {
        const more = {...input, agentCallsPerTask: Math.min(1e4, input.agentCallsPerTask * factor)};
        const before = trainingVsInference(input);
        const after = trainingVsInference(more);
        expect(after.firstCrossoverMonth ?? Infinity).toBeLessThanOrEqual(before.firstCrossoverMonth ?? Infinity);
        expect(after.durableCrossoverMonth ?? Infinity).toBeLessThanOrEqual(before.durableCrossoverMonth ?? Infinity);
      }),
      {numRuns: 150}
    );
  });

  it("the default first crossover moves earlier with more agent calls", () => {
    const base = trainingVsInference(EXAMPLE_TRAINING_VS_INFERENCE_INPUT).firstCrossoverMonth!;
    const more = trainingVsInference({
      ...EXAMPLE_TRAINING_VS_INFERENCE_INPUT,
      agentCallsPerTask: 4
    }).firstCrossoverMonth!;
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
    expect(none.firstCrossoverMonth).toBeNull();
    expect(none.durableCrossoverMonth).toBeNull();
    expect(none.inferenceShareOfTotal).toBeNull();
    expect(none.months[0]!.inferenceShare).toBeNull();
    // Demand but no training: inference leads from month 1.
    const noTraining = trainingVsInference({...HAND, firstGenerationTrainingCostUsd: 0});
    expect([noTraining.firstCrossoverMonth, noTraining.durableCrossoverMonth]).toEqual([1, 1]);
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
      expect(error.message).toContain(
        `${key}: ${typeof value === "number" ? "out of range" : "not a number"}: expected a`
      );
      // A number as a person writes it: from 10⁹ in exponent notation, as the range's bounds (2e13, not 20000000000000).
      const found =
        typeof value === "string"
          ? JSON.stringify(value)
          : typeof value === "number"
            ? plainNumber(value)
            : String(value);
      // A field whose name gives its unit (…Usd, …UsdPerMTok) is written in it: checked literally below.
      if (!(fieldDimension(key) && typeof value === "number" && Number.isFinite(value))) {
        expect(error.message).toContain(`found ${found}`);
      }
    });
  });

  it("writes a money or price field's range and value in its unit", () => {
    const message = (key: string, value: number) =>
      userErrorOf(() => trainingVsInference({...EXAMPLE_TRAINING_VS_INFERENCE_INPUT, [key]: value})).message;
    // TRAINING_VS_INFERENCE_RANGES: firstGenerationTrainingCostUsd [0, 1e13] = [$0, $10,000B]; 2e13 = $20,000B.
    expect(message("firstGenerationTrainingCostUsd", 2e13)).toBe(
      "firstGenerationTrainingCostUsd: out of range: expected an amount of money in [$0, $10,000B], found $20,000B"
    );
    expect(message("firstGenerationTrainingCostUsd", -1)).toContain("found -$1");
    // servingCostUsdPerMTok [0, 1e4] USD/Mtok.
    expect(message("servingCostUsdPerMTok", 20000)).toBe(
      "servingCostUsdPerMTok: out of range: expected a price per million tokens in [0 USD/Mtok, 10,000 USD/Mtok], " +
        "found 20,000 USD/Mtok"
    );
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
