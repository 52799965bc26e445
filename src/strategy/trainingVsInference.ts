import {TOKENS_PER_MILLION} from "../units/si.js";
import {compoundGrowthSeries} from "./growth.js";
import {DAYS_PER_MONTH} from "../units/si.js";
import {checkRanges, type RangeTable} from "../units/range.js";
import {lastResult} from "./lastResult.js";
import {portablePow} from "../uncertainty/portableMath.js";

/**
 * Training vs inference over time: training is a lumpy outlay per model generation, inference a monthly bill that
 * grows with users, tokens per user and agent calls per task.
 *
 * Months are numbered m = 1 … H; t = m - 1 is the number of months elapsed at the start of month m.
 *
 *   generation g = 1, 2, … starts training at month s_g = 1 + (g - 1) × cadence, while s_g <= H
 *   training cost of generation g   C_g = C_1 × k^(g - 1)                                       USD
 *   training spend in month m       Σ_g C_g ÷ R  over the g with s_g <= m < s_g + R  (R = run months)  USD
 *   users(t)                        U_0 × (1 + g_U)^(t/12)                                       users
 *   tokens per user per day (t)     T_0 × (1 + g_T)^(t/12)                                       tokens/user/day
 *   agent calls per task (t)        A_0 × (1 + g_A)^(t/12)                                       multiplier
 *   inference tokens in month m     users × tokens per user per day × agent calls × 30.4375     tokens
 *   serving cost (t)                c_0 × (1 - d)^(t/12)                                         USD per Mtok
 *   inference spend in month m      inference tokens ÷ 10^6 × serving cost                       USD
 *   cumulative spend to month m     I_m = Σ_{i<=m} inference, T_m = Σ_{i<=m} training           USD
 *   first crossover month           first m with I_m > T_m, else null (inference ahead, perhaps only briefly)
 *   training retakes the lead       first m after the first crossover with I_m <= T_m, else null
 *   durable crossover month         first m with I_i > T_i for every i in m … H, else null (training level or ahead
 *                                   at month H): the month inference overtakes training for good
 *   inference lead periods          the maximal runs of consecutive months a … b with I_m > T_m, in order: the first
 *                                   starts at the first crossover and ends the month before training retakes the lead;
 *                                   a last one that ends at H starts at the durable crossover month
 *   inference share                 inference ÷ (inference + training), null when both are 0
 *
 * A run that starts near the horizon is cut at the horizon: only the months inside it are spent.
 */
export interface TrainingVsInferenceInput {
  /** Months simulated, H; an integer in [1, 240]. */
  horizonMonths: number;
  /** Months between the starts of successive generations' training runs; an integer in [1, 120]. */
  generationCadenceMonths: number;
  /** Months each training run lasts, R; its cost is spread evenly over them; an integer in [1, 120]. */
  trainingRunMonths: number;
  /** Training cost of the first generation, C_1, USD; in [0, 1e13]. */
  firstGenerationTrainingCostUsd: number;
  /** Factor k by which each generation's training cost exceeds the previous one's (2.4 = +140%); in [0, 10]. */
  trainingCostGrowthPerGeneration: number;
  /** Users at month 1, U_0, users; in [0, 1e11]. */
  initialUsers: number;
  /** Growth of users per year as a fraction g_U (1 = doubles each year); in [-1, 10]. */
  userGrowthPerYear: number;
  /** Tokens each user causes per day at month 1, before the agent multiplier, T_0, tokens/user/day; in [0, 1e9]. */
  tokensPerUserPerDay: number;
  /** Growth of tokens per user per year as a fraction g_T; in [-1, 10]. */
  tokensPerUserGrowthPerYear: number;
  /** Model calls per user task at month 1, A_0 (1 = plain chat; agents make many calls); in [0, 1e4]. */
  agentCallsPerTask: number;
  /** Growth of agent calls per task per year as a fraction g_A; in [-1, 10]. */
  agentCallsGrowthPerYear: number;
  /** Cost of serving a million tokens at month 1, c_0, USD per Mtok; in [0, 1e4]. */
  servingCostUsdPerMTok: number;
  /** Fraction d by which the serving cost falls each year (0.5 = halves); in [0, 1]. */
  servingCostDeclinePerYear: number;
}

/** One month of the training-vs-inference series. */
export interface TrainingVsInferenceMonth {
  /** Month number, 1 … H. */
  month: number;
  /** Generations whose training has started by this month, count. */
  generationsStarted: number;
  /** Training spend in the month, USD. */
  trainingSpendUsd: number;
  /** Inference spend in the month, USD. */
  inferenceSpendUsd: number;
  /** Tokens served in the month, tokens. */
  inferenceTokens: number;
  /** Users in the month, users. */
  users: number;
  /** Tokens per user per day before the agent multiplier, tokens/user/day. */
  tokensPerUserPerDay: number;
  /** Agent calls per task, multiplier. */
  agentCallsPerTask: number;
  /** Serving cost in the month, USD per million tokens. */
  servingCostUsdPerMTok: number;
  /** Training spend up to and including this month, USD. */
  cumulativeTrainingSpendUsd: number;
  /** Inference spend up to and including this month, USD. */
  cumulativeInferenceSpendUsd: number;
  /** Inference ÷ (inference + training) in the month, fraction in [0, 1]; null when both are 0. */
  inferenceShare: number | null;
  /** The same share of cumulative spend, fraction in [0, 1]; null when both are 0. */
  cumulativeInferenceShare: number | null;
}

/** One model generation's training run. */
export interface TrainingGeneration {
  /** Generation number, 1-based. */
  generation: number;
  /** Month its training starts. */
  startMonth: number;
  /** Month after its last training month (when it can be released), which may lie beyond the horizon. */
  releaseMonth: number;
  /** Its full training cost, USD (the part inside the horizon may be less). */
  trainingCostUsd: number;
}

/** One period in which cumulative inference spend is above cumulative training spend (I_m > T_m). */
export interface InferenceLeadPeriod {
  /** First month inference is ahead, month number in 1 … H. */
  fromMonth: number;
  /** Last month inference is ahead (inclusive), month number in fromMonth … H; H when it is ahead to the end. */
  toMonth: number;
}

/** The spend's figures over the horizon without the monthly series (trainingVsInferenceSummary). */
export type TrainingVsInferenceSummary = Omit<TrainingVsInferenceResult, "months">;

export interface TrainingVsInferenceResult {
  /** The monthly series, months 1 … H. */
  months: TrainingVsInferenceMonth[];
  /** The generations that start within the horizon. */
  generations: TrainingGeneration[];
  /**
   * Month inference overtakes training for good: the first month m from which cumulative inference spend exceeds
   * cumulative training spend in every month m … H; null when training is level or ahead at month H. Equals
   * firstCrossoverMonth when no later training run takes the lead back.
   */
  durableCrossoverMonth: number | null;
  /**
   * First month in which cumulative inference spend exceeds cumulative training spend, whether or not it stays ahead
   * (inference can pass one generation's run and be passed again by the next, dearer one); null if it never does.
   */
  firstCrossoverMonth: number | null;
  /**
   * First month after firstCrossoverMonth in which cumulative inference spend is no longer above cumulative training
   * spend (a later run has brought training level or ahead again); null when the first crossover is durable or there
   * is none.
   */
  trainingRetakesLeadMonth: number | null;
  /**
   * Every period in which cumulative inference spend is above cumulative training spend, in month order: each a run of
   * consecutive months, none adjacent to another (a month with training level or ahead lies between two). Empty when
   * inference is never ahead. The first starts at firstCrossoverMonth and ends the month before
   * trainingRetakesLeadMonth; when durableCrossoverMonth is not null the last starts there and ends at month H. Those
   * between are the leads inference takes again and loses again to a later, dearer training run.
   */
  inferenceLeadPeriods: InferenceLeadPeriod[];
  /** Training spend over the horizon, USD. */
  totalTrainingSpendUsd: number;
  /** Inference spend over the horizon, USD. */
  totalInferenceSpendUsd: number;
  /** Inference's share of all spend over the horizon, fraction; null when nothing is spent. */
  inferenceShareOfTotal: number | null;
}

export const TRAINING_VS_INFERENCE_RANGES: RangeTable<TrainingVsInferenceInput> = {
  horizonMonths: {min: 1, max: 240, integer: true},
  generationCadenceMonths: {min: 1, max: 120, integer: true},
  trainingRunMonths: {min: 1, max: 120, integer: true},
  firstGenerationTrainingCostUsd: {min: 0, max: 1e13},
  trainingCostGrowthPerGeneration: {min: 0, max: 10},
  initialUsers: {min: 0, max: 1e11},
  userGrowthPerYear: {min: -1, max: 10},
  tokensPerUserPerDay: {min: 0, max: 1e9},
  tokensPerUserGrowthPerYear: {min: -1, max: 10},
  agentCallsPerTask: {min: 1, max: 1e4},
  agentCallsGrowthPerYear: {min: -1, max: 10},
  servingCostUsdPerMTok: {min: 0, max: 1e4},
  servingCostDeclinePerYear: {min: 0, max: 1}
};

/** Throws a UserError naming the first out-of-range field. */
export function checkTrainingVsInferenceInput(input: TrainingVsInferenceInput): void {
  checkRanges(input, TRAINING_VS_INFERENCE_RANGES);
}

const share = (part: number, other: number): number | null => (part + other > 0 ? part / (part + other) : null);

export function trainingVsInference(input: TrainingVsInferenceInput): TrainingVsInferenceResult {
  checkTrainingVsInferenceInput(input);
  const months: TrainingVsInferenceMonth[] = [];
  // The summary with the series added, not spread into a new object: the spread cost a run ~5 µs a draw (measured).
  return Object.assign(simulateSpend(input, months), {months});
}

/** trainingVsInference without the monthly series: the same figures (the same loop), for a sweep of its totals. */
export function trainingVsInferenceSummary(input: TrainingVsInferenceInput): TrainingVsInferenceSummary {
  checkTrainingVsInferenceInput(input);
  return simulateSpend(input, null);
}

/**
 * The demand side of the spend for t = month − 1 = 0 … H − 1, which does not depend on the cost per token: users,
 * tokens per user per day, agent calls per task, inference tokens and the same in millions. The last call's is kept
 * and shared (a sweep of utilisation or electricity asks for the same at every point).
 */
const demandSeries = lastResult(
  (
    horizon: number,
    initialUsers: number,
    userGrowthPerYear: number,
    initialTokensPerUserPerDay: number,
    tokensPerUserGrowthPerYear: number,
    initialAgentCallsPerTask: number,
    agentCallsGrowthPerYear: number
  ) => {
    const userGrowth = compoundGrowthSeries(userGrowthPerYear, horizon);
    const tokensPerUserGrowth = compoundGrowthSeries(tokensPerUserGrowthPerYear, horizon);
    const agentCallsGrowth = compoundGrowthSeries(agentCallsGrowthPerYear, horizon);
    const series = {
      users: [] as number[],
      tokensPerUserPerDay: [] as number[],
      agentCallsPerTask: [] as number[],
      inferenceTokens: [] as number[],
      inferenceMillions: [] as number[]
    };
    for (let t = 0; t < horizon; t++) {
      const users = initialUsers * userGrowth[t]!;
      const tokensPerUserPerDay = initialTokensPerUserPerDay * tokensPerUserGrowth[t]!;
      const agentCallsPerTask = initialAgentCallsPerTask * agentCallsGrowth[t]!;
      const inferenceTokens = users * tokensPerUserPerDay * agentCallsPerTask * DAYS_PER_MONTH;
      series.users.push(users);
      series.tokensPerUserPerDay.push(tokensPerUserPerDay);
      series.agentCallsPerTask.push(agentCallsPerTask);
      series.inferenceTokens.push(inferenceTokens);
      series.inferenceMillions.push(inferenceTokens / TOKENS_PER_MILLION);
    }
    return series;
  }
);

/** The spend month by month, each month pushed onto `months` unless it is null. Does not validate. */
function simulateSpend(
  input: TrainingVsInferenceInput,
  months: TrainingVsInferenceMonth[] | null
): TrainingVsInferenceSummary {
  const horizon = input.horizonMonths;
  const generations: TrainingGeneration[] = [];
  for (let start = 1, g = 1; start <= horizon; start += input.generationCadenceMonths, g++) {
    generations.push({
      generation: g,
      startMonth: start,
      releaseMonth: start + input.trainingRunMonths,
      trainingCostUsd: input.firstGenerationTrainingCostUsd * portablePow(input.trainingCostGrowthPerGeneration, g - 1)
    });
  }
  // A plain array, not a Float64Array: cheaper to allocate once per Monte Carlo draw, and it holds the same doubles.
  const trainingByMonth = new Array<number>(horizon + 1).fill(0);
  for (const gen of generations) {
    const perMonth = gen.trainingCostUsd / input.trainingRunMonths;
    for (let m = gen.startMonth; m < gen.releaseMonth && m <= horizon; m++) trainingByMonth[m]! += perMonth;
  }

  let cumulativeTraining = 0;
  let cumulativeInference = 0;
  let firstCrossoverMonth: number | null = null;
  let trainingRetakesLeadMonth: number | null = null;
  // The last month with inference not ahead (I_m <= T_m); 0 while there is none, so durable = lastBehind + 1.
  let lastMonthNotAhead = 0;
  // The periods inference is ahead; the last one's toMonth moves on while it stays ahead.
  const inferenceLeadPeriods: InferenceLeadPeriod[] = [];
  const demand = demandSeries(
    horizon,
    input.initialUsers,
    input.userGrowthPerYear,
    input.tokensPerUserPerDay,
    input.tokensPerUserGrowthPerYear,
    input.agentCallsPerTask,
    input.agentCallsGrowthPerYear
  );
  const servingCostDecline = compoundGrowthSeries(-input.servingCostDeclinePerYear, horizon);
  for (let month = 1; month <= horizon; month++) {
    const t = month - 1;
    const servingCostUsdPerMTok = input.servingCostUsdPerMTok * servingCostDecline[t]!;
    const inferenceTokens = demand.inferenceTokens[t]!;
    const inferenceSpendUsd = demand.inferenceMillions[t]! * servingCostUsdPerMTok;
    const trainingSpendUsd = trainingByMonth[month]!;
    cumulativeTraining += trainingSpendUsd;
    cumulativeInference += inferenceSpendUsd;
    if (cumulativeInference > cumulativeTraining) {
      if (firstCrossoverMonth === null) firstCrossoverMonth = month;
      if (lastMonthNotAhead === month - 1) inferenceLeadPeriods.push({fromMonth: month, toMonth: month});
      else inferenceLeadPeriods[inferenceLeadPeriods.length - 1]!.toMonth = month;
    } else {
      lastMonthNotAhead = month;
      if (firstCrossoverMonth !== null && trainingRetakesLeadMonth === null) trainingRetakesLeadMonth = month;
    }
    months?.push({
      month,
      generationsStarted: Math.floor(t / input.generationCadenceMonths) + 1,
      trainingSpendUsd,
      inferenceSpendUsd,
      inferenceTokens,
      users: demand.users[t]!,
      tokensPerUserPerDay: demand.tokensPerUserPerDay[t]!,
      agentCallsPerTask: demand.agentCallsPerTask[t]!,
      servingCostUsdPerMTok,
      cumulativeTrainingSpendUsd: cumulativeTraining,
      cumulativeInferenceSpendUsd: cumulativeInference,
      inferenceShare: share(inferenceSpendUsd, trainingSpendUsd),
      cumulativeInferenceShare: share(cumulativeInference, cumulativeTraining)
    });
  }
  return {
    generations,
    durableCrossoverMonth: lastMonthNotAhead < horizon ? lastMonthNotAhead + 1 : null,
    firstCrossoverMonth,
    trainingRetakesLeadMonth,
    inferenceLeadPeriods,
    totalTrainingSpendUsd: cumulativeTraining,
    totalInferenceSpendUsd: cumulativeInference,
    inferenceShareOfTotal: share(cumulativeInference, cumulativeTraining)
  };
}

/** Spend in one year of the horizon: months 12(y − 1) + 1 … 12y (the last year may be shorter). */
export interface SpendYear {
  /** Year number, 1-based. */
  year: number;
  /** Months in it: 12, or fewer for the last year of a horizon that is not whole years. */
  months: number;
  /** Training spend in the year, USD. */
  trainingSpendUsd: number;
  /** Inference spend in the year, USD. */
  inferenceSpendUsd: number;
  /** Tokens served in the year. */
  inferenceTokens: number;
  /** Inference's share of the year's spend, fraction; null when nothing is spent. */
  inferenceShare: number | null;
}

/**
 * The monthly series summed by year, so a year of the model can be set beside a lab's reported annual spend (Epoch AI
 * reports OpenAI's 2024 compute as annual figures). Input: trainingVsInference()'s result; output one row per year,
 * in order. Computed on demand rather than in trainingVsInference(), which runs once per Monte Carlo draw.
 */
export function spendByYear(result: TrainingVsInferenceResult): SpendYear[] {
  const years: SpendYear[] = [];
  for (const m of result.months) {
    const year = Math.ceil(m.month / 12);
    let row = years[year - 1];
    if (!row) {
      row = {year, months: 0, trainingSpendUsd: 0, inferenceSpendUsd: 0, inferenceTokens: 0, inferenceShare: null};
      years.push(row);
    }
    row.months++;
    row.trainingSpendUsd += m.trainingSpendUsd;
    row.inferenceSpendUsd += m.inferenceSpendUsd;
    row.inferenceTokens += m.inferenceTokens;
  }
  for (const row of years) row.inferenceShare = share(row.inferenceSpendUsd, row.trainingSpendUsd);
  return years;
}
