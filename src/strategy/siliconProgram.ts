import {HOURS_PER_MONTH, HOURS_PER_YEAR, TOKENS_PER_MILLION} from "../units/si.js";
import {compoundGrowthSeries, discountSeries} from "./growth.js";
import {DAYS_PER_MONTH} from "../units/si.js";
import {checkServingChip, servingChipCost, type ServingChipCostResult, type ServingChipInput} from "./servingChip.js";
import {checkRanges, type RangeTable} from "../units/range.js";
import {lastResult} from "./lastResult.js";

/**
 * A custom inference silicon program against staying on merchant GPUs, month by month.
 *
 * Time t is in months from the program's start; month m = 1 … H covers t in [m - 1, m]. Month 0 is the start.
 *
 *   cost per Mtok, each chip   c = chip-hour cost ÷ (tokens/s × 3600 × utilisation) × 10^6     USD per Mtok
 *                              (chip capital enters as a capital charge per hour, so the NPV counts only the NRE
 *                              as a lump and the per-token savings)
 *   deployed                   c_custom < c_merchant (a chip that is not cheaper is never deployed)
 *   NRE                        paid in full at month 0 (the go decision commits design, masks and software), plus
 *                              the expected cost of a respin, p × respin cost (a second mask set; counted at month 0)
 *   respin                     with probability p the first silicon fails and the chip serves R months later: every
 *                              month's custom share below is (1 - p) × share(cycle) + p × share(cycle + R), so the
 *                              cash flows, NPV and payback are their expected values over the two outcomes (at most one
 *                              respin: "most successful designs are productized on the second silicon spin", Siemens
 *                              EDA / Wilson Research Group 2020 and 2022 functional verification studies)
 *   demand in month m          D_0 × 30.4375 × (1 + g)^((m - 1)/12)                                   tokens
 *   cost factor in month m     (1 - d)^((m - 1)/12): both chips' cost per token falls at the scenario's serving
 *                              cost decline d (the spend and the inference tax use the same factor), and so does
 *                              the saving
 *   custom capacity at t       clamp((t - cycle) ÷ ramp, 0, 1)   (a step at t = cycle when ramp = 0)  fraction
 *   custom share in month m    the mean of custom capacity over [m - 1, m]; 0 when not deployed      fraction
 *                              (before the chip is ready, and for the rest of the ramp, demand is on merchant)
 *   savings in month m         demand × share ÷ 10^6 × (c_merchant - c_custom) × cost factor         USD
 *   cash flow                  -NRE at month 0; savings in month m                                   USD
 *   NPV                        Σ_m cash flow_m × (1 + r)^(-m/12)                                     USD
 *   value of a month of cycle  NPV(cycle) - NPV(cycle + 1), same demand and horizon                  USD
 *   payback month              first m with Σ_{i<=m} cash flow_i >= 0, else null (discounted: the same on PV)
 *   break-even tokens          NRE ÷ ((c_merchant - c_custom) ÷ 10^6), at the start's costs          tokens
 *   break-even chips           break-even tokens ÷ (custom tokens per chip-hour × 8766 × useful life) chips
 *   break-even demand          the D_0 at which NPV = 0 (NPV is linear in D_0)                       tokens/day
 *   chips in month m           tokens on that chip ÷ (tokens per chip-hour × 730.5)                  chips
 *
 * A horizon shorter than the cycle gives NPV = -NRE and no payback; a zero demand the same.
 */
export interface SiliconProgramInput {
  /** The merchant GPU that serves demand until (and unless) the custom chip takes over. */
  merchant: ServingChipInput;
  /**
   * The custom chip: `chipHour.chipPriceUsd` is its unit cost, `chipHour.chipPowerW` its power (perf/W follows with
   * `tokensPerSecondPerChip`), `utilizationFraction` its achievable utilisation, and
   * `chipHour.vendorGrossMarginFraction` a design partner's margin (0 = at cost).
   */
  custom: ServingChipInput;
  /** One-off cost of the program (design, IP, masks, software, bring-up), USD; in [0, 1e11]. */
  nreUsd: number;
  /** Months from the go decision until the first custom chips serve traffic; in [0, 240]. */
  designCycleMonths: number;
  /** Months over which custom capacity ramps linearly from 0 to all of demand; in [0, 120]. */
  deploymentRampMonths: number;
  /** Probability p that the first silicon needs a respin; in [0, 1]. 0: nreUsd and the cycle already include any. */
  respinProbability: number;
  /** Months R a respin adds to the design cycle; in [0, 60]. */
  respinMonths: number;
  /** What a respin costs (a second mask set), USD; in [0, 1e10]. */
  respinCostUsd: number;
  /** Tokens served per day at month 1, D_0, tokens/day; in [0, 1e18]. */
  demandTokensPerDay: number;
  /** Growth of demand per year as a fraction g (1 = doubles each year); in [-1, 10]. */
  demandGrowthPerYear: number;
  /** Decline of both chips' cost per token per year, a fraction d (0.2 = 20% cheaper each year); in [0, 1]. */
  costDeclinePerYear: number;
  /** Discount rate r per year, a fraction; in [0, 1]. */
  discountRatePerYear: number;
  /** Months evaluated, H; an integer in [1, 240]. */
  horizonMonths: number;
}

/** One month of the program's cash flows. Month 0 is the start: it carries the NRE and no demand. */
export interface SiliconProgramMonth {
  /** Month number, 0 … H. */
  month: number;
  /** Tokens demanded in the month, tokens. */
  demandTokens: number;
  /** Share of the month's demand served on the custom chip, fraction in [0, 1]. */
  customShare: number;
  /** Tokens served on merchant GPUs, tokens. */
  merchantTokens: number;
  /** Tokens served on the custom chip, tokens. */
  customTokens: number;
  /** Merchant GPUs busy in the month, chips (fractional). */
  merchantChips: number;
  /** Custom chips busy in the month, chips (fractional). */
  customChips: number;
  /** What all of demand would cost on merchant GPUs, USD. */
  baselineSpendUsd: number;
  /** Spend on merchant GPUs, USD. */
  merchantSpendUsd: number;
  /** Spend on the custom chip, USD. */
  customSpendUsd: number;
  /** baseline - merchant - custom spend, USD. */
  savingsUsd: number;
  /** NRE paid in the month, USD. */
  nreUsd: number;
  /** savings - NRE, USD. */
  netCashFlowUsd: number;
  /** (1 + r)^(-m/12). */
  discountFactor: number;
  /** Cost per token this month relative to the start, (1 - d)^((m - 1)/12); 1 at month 0. */
  costFactor: number;
  /** net cash flow × discount factor, USD. */
  discountedCashFlowUsd: number;
  /** Net cash flow up to and including this month, USD. */
  cumulativeCashFlowUsd: number;
  /** Discounted cash flow up to and including this month (the NPV so far), USD. */
  cumulativeDiscountedCashFlowUsd: number;
}

/** The NPV the same program would have at another design cycle, for an "NPV vs cycle" chart. */
export interface SiliconProgramCyclePoint {
  /** Design cycle, months. */
  designCycleMonths: number;
  /** NPV at that cycle, same horizon and demand, USD. */
  npvUsd: number;
}

/**
 * The program's figures without its series (siliconProgramSummary): the monthly cash flows and the NPV at every
 * design cycle are left out; every other figure is the same double siliconProgram gives.
 */
export type SiliconProgramSummary = Omit<SiliconProgramResult, "months" | "npvByDesignCycle">;

export interface SiliconProgramResult {
  /** Cost per million tokens on merchant GPUs, USD. */
  merchantCostUsdPerMTok: number;
  /** Cost per million tokens on the custom chip, USD. */
  customCostUsdPerMTok: number;
  /** c_custom ÷ c_merchant, ratio. */
  customCostRelativeToMerchant: number;
  /** Custom tokens/s per W ÷ merchant tokens/s per W, ratio. */
  perfPerWattRelativeToMerchant: number;
  /** True when the custom chip is cheaper per token, so that it is deployed. */
  deployed: boolean;
  /** c_merchant - c_custom when deployed, else 0, USD per Mtok. */
  savingsUsdPerMTok: number;
  /** Net present value at month 0, USD. */
  npvUsd: number;
  /** NRE paid at month 0: nreUsd + respin probability × respin cost, USD. */
  expectedNreUsd: number;
  /** NPV(cycle) - NPV(cycle + 1): what one month less of design cycle is worth, USD (>= 0). */
  valueOfOneMonthOfCycleUsd: number;
  /** First month with non-negative cumulative cash flow; null if none within the horizon. */
  paybackMonth: number | null;
  /** First month with non-negative cumulative discounted cash flow; null if none within the horizon. */
  discountedPaybackMonth: number | null;
  /** Tokens on the custom chip whose savings pay the NRE (undiscounted); null when it saves nothing. */
  breakEvenTokens: number | null;
  /** Custom chips, each serving for its useful life, that serve the break-even tokens; null when no saving. */
  breakEvenCustomChips: number | null;
  /** Demand at month 1 at which the NPV over this horizon is 0, tokens/day; null when no demand would do. */
  breakEvenDemandTokensPerDay: number | null;
  /** Custom chips busy in the last month, chips. */
  customChipsAtHorizonEnd: number;
  /** Merchant GPUs that would serve the last month's demand alone, chips. */
  merchantOnlyChipsAtHorizonEnd: number;
  /** Savings over the horizon, undiscounted, USD. */
  totalSavingsUsd: number;
  /** The merchant GPU's costs. */
  merchantCost: ServingChipCostResult;
  /** The custom chip's costs. */
  customCost: ServingChipCostResult;
  /** The monthly series, months 0 … H. */
  months: SiliconProgramMonth[];
  /** NPV at every whole design cycle from 0 to H months, same demand and horizon. */
  npvByDesignCycle: SiliconProgramCyclePoint[];
}

export const SILICON_PROGRAM_RANGES: RangeTable<SiliconProgramInput> = {
  nreUsd: {min: 0, max: 1e11},
  designCycleMonths: {min: 0, max: 240},
  deploymentRampMonths: {min: 0, max: 120},
  respinProbability: {min: 0, max: 1},
  respinMonths: {min: 0, max: 60},
  respinCostUsd: {min: 0, max: 1e10},
  demandTokensPerDay: {min: 0, max: 1e18},
  demandGrowthPerYear: {min: -1, max: 10},
  costDeclinePerYear: {min: 0, max: 1},
  discountRatePerYear: {min: 0, max: 1},
  horizonMonths: {min: 1, max: 240, integer: true}
};

/** Throws a UserError naming the first out-of-range field. */
export function checkSiliconProgramInput(input: SiliconProgramInput): void {
  checkServingChip(input.merchant, "merchant");
  checkServingChip(input.custom, "custom");
  checkRanges(input, SILICON_PROGRAM_RANGES);
}

/** ∫ from -∞ to t of clamp((s - start) ÷ ramp, 0, 1) ds: the capacity-months delivered by time t. */
function capacityMonths(t: number, start: number, ramp: number): number {
  if (t <= start) return 0;
  if (t >= start + ramp) return ramp / 2 + (t - start - ramp);
  return ((t - start) * (t - start)) / (2 * ramp);
}

/** Mean custom capacity over month m, i.e. over [m - 1, m], exactly 0 or 1 outside the ramp. */
export function customShareInMonth(month: number, designCycleMonths: number, deploymentRampMonths: number): number {
  if (month <= designCycleMonths) return 0;
  if (month - 1 >= designCycleMonths + deploymentRampMonths) return 1;
  const share =
    capacityMonths(month, designCycleMonths, deploymentRampMonths) -
    capacityMonths(month - 1, designCycleMonths, deploymentRampMonths);
  return Math.min(1, Math.max(0, share));
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/**
 * An array of n zeros. A plain array of numbers rather than a Float64Array: the model runs once per Monte Carlo draw,
 * and a small typed array costs several times as much to allocate (its buffer lives outside the JS heap).
 */
const zeros = (n: number): number[] => new Array<number>(n).fill(0);

interface Context {
  input: SiliconProgramInput;
  /** nreUsd + respin probability × respin cost, USD. */
  nreUsd: number;
  merchantUsdPerToken: number;
  customUsdPerToken: number;
  savingsUsdPerToken: number;
  deployed: boolean;
  /** demand[m] × cost factor[m]: each month's tokens valued at that month's cost, m = 1 … H (index 0 unused). */
  demand: readonly number[];
  /** discount[m] = (1 + r)^(-m/12), m = 0 … H (discountSeries: shared, read-only). */
  discount: Float64Array;
}

/**
 * The expected custom share of each month m = 0 … H (index 0 unused) at a first-time design cycle:
 * (1 - p) × customShareInMonth(m, cycle, ramp) + p × customShareInMonth(m, cycle + R, ramp); all 0 when not deployed.
 */
function customShares(ctx: Context, designCycleMonths: number): readonly number[] {
  const {horizonMonths: H, deploymentRampMonths: ramp, respinProbability: p, respinMonths: R} = ctx.input;
  if (!ctx.deployed) return noShares(H);
  return expectedShares(designCycleMonths, ramp, p, R, H);
}

/** H + 1 zeros (shared, read-only); the last call's kept. */
const noShares = lastResult((H: number) => zeros(H + 1));

/**
 * The expected custom share of each month m = 0 … H (index 0 unused) of a deployed chip, as customShares; the last two
 * calls' kept and shared: the summary asks for the design cycle and the cycle + 1 at every point of a sweep (one kept
 * recomputed both at every point: a sixth of the program's time).
 */
const expectedShares = lastResult(
  (designCycleMonths: number, ramp: number, p: number, R: number, H: number): readonly number[] => {
    const shares = zeros(H + 1);
    for (let m = 1; m <= H; m++) {
      const first = customShareInMonth(m, designCycleMonths, ramp);
      shares[m] = p === 0 ? first : (1 - p) * first + p * customShareInMonth(m, designCycleMonths + R, ramp);
    }
    return shares;
  },
  2
);

/**
 * The demand side of the program, which does not depend on either chip's cost, for m = 1 … H (index 0 unused): the
 * last call's kept and shared (a sweep of utilisation or electricity asks for the same at every point).
 *   demand[m]              D_0 × 30.4375 × (1 + g)^((m - 1)/12), tokens
 *   unitDemand[m]          cost-weighted tokens in month m per token/day of demand at month 1 (NPV is linear in it)
 *   costWeightedDemand[m]  demand[m] × costFactor[m - 1]: valued at each month's cost, what the present values sum
 */
const demandSeries = lastResult(
  (demandTokensPerDay: number, demandGrowthPerYear: number, costDeclinePerYear: number, H: number) => {
    const demand = zeros(H + 1);
    const unitDemand = zeros(H + 1);
    const costWeightedDemand = zeros(H + 1);
    const demandGrowth = compoundGrowthSeries(demandGrowthPerYear, H);
    const costFactor = compoundGrowthSeries(-costDeclinePerYear, H);
    for (let m = 1; m <= H; m++) {
      unitDemand[m] = DAYS_PER_MONTH * demandGrowth[m - 1]! * costFactor[m - 1]!;
      demand[m] = demandTokensPerDay * DAYS_PER_MONTH * demandGrowth[m - 1]!;
      costWeightedDemand[m] = demand[m]! * costFactor[m - 1]!;
    }
    return {demand, unitDemand, costFactor, costWeightedDemand};
  }
);

/**
 * Σ_m demand_m × share_m × saving per token × discount_m: the present value of the savings, USD; `shares` from
 * customShares.
 */
function presentValueOfSavings(ctx: Context, demand: readonly number[], shares: readonly number[]): number {
  let pv = 0;
  if (!ctx.deployed) return pv;
  for (let m = 1; m <= ctx.input.horizonMonths; m++) {
    pv += demand[m]! * shares[m]! * ctx.savingsUsdPerToken * ctx.discount[m]!;
  }
  return pv;
}

function npvAtCycle(ctx: Context, shares: readonly number[]): number {
  return -ctx.nreUsd + presentValueOfSavings(ctx, ctx.demand, shares);
}

/**
 * NPV at every whole design cycle 0 … H in O(H × ramp) rather than O(H²): at a whole cycle c the custom share in
 * month c + k depends on k alone, and is 1 once k - 1 >= ramp, so the tail is a suffix sum of full-share savings.
 */
function npvCurve(ctx: Context): SiliconProgramCyclePoint[] {
  const H = ctx.input.horizonMonths;
  const ramp = ctx.input.deploymentRampMonths;
  const points: SiliconProgramCyclePoint[] = [];
  if (!ctx.deployed) {
    for (let cycle = 0; cycle <= H; cycle++) points.push({designCycleMonths: cycle, npvUsd: -ctx.nreUsd});
    return points;
  }
  if (ctx.input.respinProbability > 0) {
    // A fractional respin delay breaks the whole-cycle shortcut below: each cycle's expected shares, O(H²).
    for (let cycle = 0; cycle <= H; cycle++) {
      points.push({designCycleMonths: cycle, npvUsd: npvAtCycle(ctx, customShares(ctx, cycle))});
    }
    return points;
  }
  const fullSavings = zeros(H + 2);
  for (let m = 1; m <= H; m++) fullSavings[m] = ctx.demand[m]! * ctx.savingsUsdPerToken * ctx.discount[m]!;
  const suffix = zeros(H + 2);
  for (let m = H; m >= 1; m--) suffix[m] = suffix[m + 1]! + fullSavings[m]!;
  const partialMonths = Math.ceil(ramp);
  const partialShares: number[] = [];
  for (let k = 1; k <= partialMonths; k++) partialShares.push(customShareInMonth(k, 0, ramp));
  for (let cycle = 0; cycle <= H; cycle++) {
    let pv = 0;
    for (let k = 1; k <= partialMonths && cycle + k <= H; k++) pv += fullSavings[cycle + k]! * partialShares[k - 1]!;
    const firstFull = cycle + partialMonths + 1;
    if (firstFull <= H) pv += suffix[firstFull]!;
    points.push({designCycleMonths: cycle, npvUsd: -ctx.nreUsd + pv});
  }
  return points;
}

export function siliconProgram(input: SiliconProgramInput): SiliconProgramResult {
  checkSiliconProgramInput(input);
  const months: SiliconProgramMonth[] = [];
  const {summary, ctx} = simulateProgram(input, months);
  // The summary with the series added, not spread into a new object: the spread cost a run ~5 µs a draw (measured).
  return Object.assign(summary, {months, npvByDesignCycle: npvCurve(ctx)});
}

/** siliconProgram without the monthly series and the NPV curve (the same loop), for a sweep of its totals. */
export function siliconProgramSummary(input: SiliconProgramInput): SiliconProgramSummary {
  checkSiliconProgramInput(input);
  return simulateProgram(input, null).summary;
}

/** The program month by month, each month pushed onto `months` unless it is null. Does not validate. */
function simulateProgram(
  input: SiliconProgramInput,
  months: SiliconProgramMonth[] | null
): {summary: SiliconProgramSummary; ctx: Context} {
  const merchantCost = servingChipCost(input.merchant);
  const customCost = servingChipCost(input.custom);
  const merchantCostUsdPerMTok = merchantCost.perMTok.total;
  const customCostUsdPerMTok = customCost.perMTok.total;
  const deployed = customCostUsdPerMTok < merchantCostUsdPerMTok;
  const savingsUsdPerMTok = deployed ? merchantCostUsdPerMTok - customCostUsdPerMTok : 0;
  const H = input.horizonMonths;
  const {demand, unitDemand, costFactor, costWeightedDemand} = demandSeries(
    input.demandTokensPerDay,
    input.demandGrowthPerYear,
    input.costDeclinePerYear,
    H
  );
  // Shared and read-only; discount[0] = (1 + r)^-0 = 1.
  const discount = discountSeries(input.discountRatePerYear, H);
  const nreUsd = input.nreUsd + input.respinProbability * input.respinCostUsd;
  const ctx: Context = {
    input,
    nreUsd,
    merchantUsdPerToken: merchantCostUsdPerMTok / TOKENS_PER_MILLION,
    customUsdPerToken: customCostUsdPerMTok / TOKENS_PER_MILLION,
    savingsUsdPerToken: savingsUsdPerMTok / TOKENS_PER_MILLION,
    deployed,
    demand: costWeightedDemand,
    discount
  };

  const merchantTokensPerChipMonth = merchantCost.tokensPerChipHour * HOURS_PER_MONTH;
  const customTokensPerChipMonth = customCost.tokensPerChipHour * HOURS_PER_MONTH;
  const shares = customShares(ctx, input.designCycleMonths);
  let cumulative = -nreUsd;
  let cumulativeDiscounted = -nreUsd;
  let totalSavingsUsd = 0;
  let paybackMonth: number | null = cumulative >= 0 ? 0 : null;
  let discountedPaybackMonth: number | null = paybackMonth;
  months?.push({
    month: 0,
    demandTokens: 0,
    customShare: 0,
    merchantTokens: 0,
    customTokens: 0,
    merchantChips: 0,
    customChips: 0,
    baselineSpendUsd: 0,
    merchantSpendUsd: 0,
    customSpendUsd: 0,
    savingsUsd: 0,
    nreUsd: nreUsd,
    netCashFlowUsd: -nreUsd,
    discountFactor: 1,
    costFactor: 1,
    discountedCashFlowUsd: -nreUsd,
    cumulativeCashFlowUsd: cumulative,
    cumulativeDiscountedCashFlowUsd: cumulativeDiscounted
  });
  // Month H's tokens, for the chips at the horizon's end (month 0's when H = 0).
  let lastDemandTokens = 0;
  let lastCustomTokens = 0;
  for (let m = 1; m <= H; m++) {
    const demandTokens = demand[m]!;
    const customShare = shares[m]!;
    const customTokens = demandTokens * customShare;
    const merchantTokens = demandTokens - customTokens;
    const cost = costFactor[m - 1]!;
    const savingsUsd = customTokens * ctx.savingsUsdPerToken * cost;
    const df = discount[m]!;
    const discountedCashFlowUsd = savingsUsd * df;
    cumulative += savingsUsd;
    cumulativeDiscounted += discountedCashFlowUsd;
    totalSavingsUsd += savingsUsd;
    if (paybackMonth === null && cumulative >= 0) paybackMonth = m;
    if (discountedPaybackMonth === null && cumulativeDiscounted >= 0) discountedPaybackMonth = m;
    lastDemandTokens = demandTokens;
    lastCustomTokens = customTokens;
    months?.push({
      month: m,
      demandTokens,
      customShare,
      merchantTokens,
      customTokens,
      merchantChips: merchantTokens / merchantTokensPerChipMonth,
      customChips: customTokens / customTokensPerChipMonth,
      baselineSpendUsd: demandTokens * ctx.merchantUsdPerToken * cost,
      merchantSpendUsd: merchantTokens * ctx.merchantUsdPerToken * cost,
      customSpendUsd: customTokens * ctx.customUsdPerToken * cost,
      savingsUsd,
      nreUsd: 0,
      netCashFlowUsd: savingsUsd,
      discountFactor: df,
      costFactor: cost,
      discountedCashFlowUsd,
      cumulativeCashFlowUsd: cumulative,
      cumulativeDiscountedCashFlowUsd: cumulativeDiscounted
    });
  }

  // NPV is linear in demand: NPV = -NRE + D_0 × (PV of the savings per token/day of initial demand).
  const pvPerUnitDemand = presentValueOfSavings(ctx, unitDemand, shares);
  const breakEvenTokens = deployed ? finiteOrNull(nreUsd / ctx.savingsUsdPerToken) : null;
  const customLifeTokens = customCost.tokensPerChipHour * HOURS_PER_YEAR * input.custom.chipHour.usefulLifeYears;
  const npvUsd = cumulativeDiscounted;
  const summary: SiliconProgramSummary = {
    merchantCostUsdPerMTok,
    customCostUsdPerMTok,
    customCostRelativeToMerchant: customCostUsdPerMTok / merchantCostUsdPerMTok,
    perfPerWattRelativeToMerchant: customCost.tokensPerSecondPerW / merchantCost.tokensPerSecondPerW,
    deployed,
    savingsUsdPerMTok,
    npvUsd,
    expectedNreUsd: nreUsd,
    valueOfOneMonthOfCycleUsd:
      npvAtCycle(ctx, shares) - npvAtCycle(ctx, customShares(ctx, input.designCycleMonths + 1)),
    paybackMonth,
    discountedPaybackMonth,
    breakEvenTokens,
    breakEvenCustomChips: breakEvenTokens === null ? null : finiteOrNull(breakEvenTokens / customLifeTokens),
    breakEvenDemandTokensPerDay: pvPerUnitDemand > 0 ? finiteOrNull(nreUsd / pvPerUnitDemand) : null,
    customChipsAtHorizonEnd: lastCustomTokens / customTokensPerChipMonth,
    merchantOnlyChipsAtHorizonEnd: lastDemandTokens / merchantTokensPerChipMonth,
    totalSavingsUsd,
    merchantCost,
    customCost
  };
  return {summary, ctx};
}
