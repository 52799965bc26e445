import {TOKENS_PER_MILLION} from "../units/si.js";
import {compoundGrowthSeries} from "./growth.js";
import {checkRanges, type RangeTable} from "../units/range.js";
import {lastResult} from "./lastResult.js";

/**
 * Model lead vs cost lead: a model lead that decays as competitors catch up, against a structural cost advantage
 * that does not, each alone and together, compared by cumulative gross profit over a horizon.
 *
 * Month m = 1 … H covers t in [m - 1, m] months from the lead's start.
 *
 *   lead strength at t      max(0, 1 - t ÷ T)          (T = catch-up months; 0 when T = 0)            fraction
 *   lead strength, month m  mean over [m - 1, m] = G(m) - G(m - 1), G(t) = t - t²/(2T) for t <= T, T/2 after
 *   market price            P_0 × (1 - d_P)^((m - 1)/12)                                          USD per Mtok
 *   baseline cost           C_0 × (1 - d_C)^((m - 1)/12)                                          USD per Mtok
 *   baseline volume         V_0 × (1 + g)^((m - 1)/12)                                            tokens/month
 *   with a model lead       price × (1 + π × L_m), volume × (1 + σ × L_m)   (π price, σ volume premium)
 *   with a cost lead        cost × (1 - a)                                   (a = cost advantage, for ever)
 *   gross profit            volume ÷ 10^6 × (price - cost)                                        USD per month
 *   scenarios               baseline (neither), model lead only, cost lead only, both
 *   value of a lead         its cumulative gross profit - the baseline's                           USD
 */
export interface MoatInput {
  /** Months evaluated, H; an integer in [1, 240]. */
  horizonMonths: number;
  /** Market price of a million tokens at month 1, P_0, USD per Mtok; in [0, 1e4]. */
  marketPriceUsdPerMTok: number;
  /** Fraction d_P by which the market price falls each year; in [0, 1]. */
  priceDeclinePerYear: number;
  /** A competitor's (and our baseline) cost of a million tokens at month 1, C_0, USD per Mtok; in [0, 1e4]. */
  baselineCostUsdPerMTok: number;
  /** Fraction d_C by which that cost falls each year; in [0, 1]. */
  costDeclinePerYear: number;
  /** Tokens sold per month at month 1 without any lead, V_0, tokens/month; in [0, 1e20]. */
  baselineTokensPerMonth: number;
  /** Growth of that volume per year as a fraction g (1 = doubles each year); in [-1, 10]. */
  volumeGrowthPerYear: number;
  /** Price premium π a full model lead commands, a fraction of the market price; in [0, 10]. */
  modelLeadPricePremiumFraction: number;
  /** Extra volume σ a full model lead wins, a fraction of baseline volume; in [0, 10]. */
  modelLeadVolumeGainFraction: number;
  /** Months T until competitors have fully caught up and the lead is worth nothing; in [0, 240]. */
  catchUpMonths: number;
  /** Structural cost-per-token advantage a, a fraction of the baseline cost; in [0, 1]. */
  costAdvantageFraction: number;
}

/** One month of the four scenarios. */
export interface MoatMonth {
  /** Month number, 1 … H. */
  month: number;
  /** Mean strength of the model lead over the month, L_m, fraction in [0, 1]. */
  leadStrength: number;
  /** Market price, USD per Mtok. */
  marketPriceUsdPerMTok: number;
  /** Baseline cost, USD per Mtok. */
  baselineCostUsdPerMTok: number;
  /** Baseline volume, tokens. */
  baselineTokens: number;
  /** Gross profit with neither lead, USD. */
  baselineGrossProfitUsd: number;
  /** Gross profit with the model lead only, USD. */
  modelLeadGrossProfitUsd: number;
  /** Gross profit with the cost lead only, USD. */
  costLeadGrossProfitUsd: number;
  /** Gross profit with both leads, USD. */
  bothGrossProfitUsd: number;
  /** Cumulative gross profit with neither lead, USD. */
  cumulativeBaselineGrossProfitUsd: number;
  /** Cumulative gross profit with the model lead only, USD. */
  cumulativeModelLeadGrossProfitUsd: number;
  /** Cumulative gross profit with the cost lead only, USD. */
  cumulativeCostLeadGrossProfitUsd: number;
  /** Cumulative gross profit with both leads, USD. */
  cumulativeBothGrossProfitUsd: number;
}

/** The moat's figures over the horizon without the monthly series (moatSummary): what its headline metrics read. */
export type MoatSummary = Omit<MoatResult, "months">;

export interface MoatResult {
  /** The monthly series, months 1 … H. */
  months: MoatMonth[];
  /** Cumulative gross profit with neither lead, USD. */
  baselineGrossProfitUsd: number;
  /** Cumulative gross profit with the model lead only, USD. */
  modelLeadGrossProfitUsd: number;
  /** Cumulative gross profit with the cost lead only, USD. */
  costLeadGrossProfitUsd: number;
  /** Cumulative gross profit with both, USD. */
  bothGrossProfitUsd: number;
  /** Model lead only minus baseline, USD. */
  modelLeadValueUsd: number;
  /** Cost lead only minus baseline, USD. */
  costLeadValueUsd: number;
  /** Both minus baseline, USD. */
  bothValueUsd: number;
  /** Which lead is worth more over the horizon. */
  largerMoat: "model" | "cost" | "equal";
  /** First month in which the cost lead's cumulative value exceeds the model lead's; null if none. */
  costLeadOvertakesMonth: number | null;
}

export const MOAT_RANGES: RangeTable<MoatInput> = {
  horizonMonths: {min: 1, max: 240, integer: true},
  marketPriceUsdPerMTok: {min: 0, max: 1e4},
  priceDeclinePerYear: {min: 0, max: 1},
  baselineCostUsdPerMTok: {min: 0, max: 1e4},
  costDeclinePerYear: {min: 0, max: 1},
  baselineTokensPerMonth: {min: 0, max: 1e20},
  volumeGrowthPerYear: {min: -1, max: 10},
  modelLeadPricePremiumFraction: {min: 0, max: 10},
  modelLeadVolumeGainFraction: {min: 0, max: 10},
  catchUpMonths: {min: 0, max: 240},
  costAdvantageFraction: {min: 0, max: 1}
};

/** Throws a UserError naming the first out-of-range field. */
export function checkMoatInput(input: MoatInput): void {
  checkRanges(input, MOAT_RANGES);
}

/** ∫_0^t max(0, 1 - s/T) ds; 0 when T = 0. */
function leadIntegral(t: number, catchUpMonths: number): number {
  if (catchUpMonths <= 0) return 0;
  if (t >= catchUpMonths) return catchUpMonths / 2;
  return t - (t * t) / (2 * catchUpMonths);
}

/** Mean lead strength over month m, i.e. over [m - 1, m], fraction in [0, 1]. */
export function leadStrengthInMonth(month: number, catchUpMonths: number): number {
  if (month - 1 >= catchUpMonths) return 0;
  const strength = leadIntegral(month, catchUpMonths) - leadIntegral(month - 1, catchUpMonths);
  return Math.min(1, Math.max(0, strength));
}

export function moat(input: MoatInput): MoatResult {
  checkMoatInput(input);
  const months: MoatMonth[] = [];
  // The summary with the series added, not spread into a new object: the spread cost a run ~5 µs a draw (measured).
  return Object.assign(simulateMoat(input, months), {months});
}

/** moat without the monthly series: the same figures (the same loop), for a sweep that reads only the totals. */
export function moatSummary(input: MoatInput): MoatSummary {
  checkMoatInput(input);
  return simulateMoat(input, null);
}

/**
 * The market side of the moat for t = month − 1 = 0 … H − 1, which does not depend on the cost per token: lead
 * strength, price, volume and the model lead's price and volume (in millions of tokens). The last call's is kept and
 * shared (a sweep of utilisation or electricity asks for the same at every point).
 */
const marketSeries = lastResult(
  (
    horizonMonths: number,
    marketPriceUsdPerMTok: number,
    priceDeclinePerYear: number,
    baselineTokensPerMonth: number,
    volumeGrowthPerYear: number,
    modelLeadPricePremiumFraction: number,
    modelLeadVolumeGainFraction: number,
    catchUpMonths: number
  ) => {
    const priceDecline = compoundGrowthSeries(-priceDeclinePerYear, horizonMonths);
    const volumeGrowth = compoundGrowthSeries(volumeGrowthPerYear, horizonMonths);
    const series = {
      leadStrength: [] as number[],
      price: [] as number[],
      tokens: [] as number[],
      leadPrice: [] as number[],
      leadMillions: [] as number[],
      millions: [] as number[]
    };
    for (let month = 1; month <= horizonMonths; month++) {
      const t = month - 1;
      const leadStrength = leadStrengthInMonth(month, catchUpMonths);
      const price = marketPriceUsdPerMTok * priceDecline[t]!;
      const tokens = baselineTokensPerMonth * volumeGrowth[t]!;
      series.leadStrength.push(leadStrength);
      series.price.push(price);
      series.tokens.push(tokens);
      series.leadPrice.push(price * (1 + modelLeadPricePremiumFraction * leadStrength));
      series.leadMillions.push((tokens * (1 + modelLeadVolumeGainFraction * leadStrength)) / TOKENS_PER_MILLION);
      series.millions.push(tokens / TOKENS_PER_MILLION);
    }
    return series;
  }
);

/** The four scenarios month by month, each month pushed onto `months` unless it is null. Does not validate. */
function simulateMoat(input: MoatInput, months: MoatMonth[] | null): MoatSummary {
  let baseline = 0;
  let modelLead = 0;
  let costLead = 0;
  let both = 0;
  // The values are summed month by month, not taken as differences of the sums, to avoid cancellation.
  let modelLeadValueUsd = 0;
  let costLeadValueUsd = 0;
  let bothValueUsd = 0;
  let costLeadOvertakesMonth: number | null = null;
  const market = marketSeries(
    input.horizonMonths,
    input.marketPriceUsdPerMTok,
    input.priceDeclinePerYear,
    input.baselineTokensPerMonth,
    input.volumeGrowthPerYear,
    input.modelLeadPricePremiumFraction,
    input.modelLeadVolumeGainFraction,
    input.catchUpMonths
  );
  const costDecline = compoundGrowthSeries(-input.costDeclinePerYear, input.horizonMonths);
  for (let month = 1; month <= input.horizonMonths; month++) {
    const t = month - 1;
    const leadStrength = market.leadStrength[t]!;
    const price = market.price[t]!;
    const cost = input.baselineCostUsdPerMTok * costDecline[t]!;
    const tokens = market.tokens[t]!;
    const leadPrice = market.leadPrice[t]!;
    const leadMillions = market.leadMillions[t]!;
    const millions = market.millions[t]!;
    const advantagedCost = cost * (1 - input.costAdvantageFraction);
    const baselineGrossProfitUsd = millions * (price - cost);
    const modelLeadGrossProfitUsd = leadMillions * (leadPrice - cost);
    const costLeadGrossProfitUsd = millions * (price - advantagedCost);
    const bothGrossProfitUsd = leadMillions * (leadPrice - advantagedCost);
    baseline += baselineGrossProfitUsd;
    modelLead += modelLeadGrossProfitUsd;
    costLead += costLeadGrossProfitUsd;
    both += bothGrossProfitUsd;
    modelLeadValueUsd += modelLeadGrossProfitUsd - baselineGrossProfitUsd;
    costLeadValueUsd += costLeadGrossProfitUsd - baselineGrossProfitUsd;
    bothValueUsd += bothGrossProfitUsd - baselineGrossProfitUsd;
    if (costLeadOvertakesMonth === null && costLeadValueUsd > modelLeadValueUsd) costLeadOvertakesMonth = month;
    months?.push({
      month,
      leadStrength,
      marketPriceUsdPerMTok: price,
      baselineCostUsdPerMTok: cost,
      baselineTokens: tokens,
      baselineGrossProfitUsd,
      modelLeadGrossProfitUsd,
      costLeadGrossProfitUsd,
      bothGrossProfitUsd,
      cumulativeBaselineGrossProfitUsd: baseline,
      cumulativeModelLeadGrossProfitUsd: modelLead,
      cumulativeCostLeadGrossProfitUsd: costLead,
      cumulativeBothGrossProfitUsd: both
    });
  }
  return {
    baselineGrossProfitUsd: baseline,
    modelLeadGrossProfitUsd: modelLead,
    costLeadGrossProfitUsd: costLead,
    bothGrossProfitUsd: both,
    modelLeadValueUsd,
    costLeadValueUsd,
    bothValueUsd,
    largerMoat:
      modelLeadValueUsd > costLeadValueUsd ? "model" : costLeadValueUsd > modelLeadValueUsd ? "cost" : "equal",
    costLeadOvertakesMonth
  };
}
