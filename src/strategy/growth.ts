import {HOURS_PER_DAY, HOURS_PER_MONTH, MONTHS_PER_YEAR} from "../units/si.js";

/** Average days in a month: one twelfth of a Julian year, 30.4375 days. */
export const DAYS_PER_MONTH = HOURS_PER_MONTH / HOURS_PER_DAY;

/**
 * (1 + ratePerYear)^(months ÷ 12): the multiplier after `months` of compound growth at `ratePerYear` (a fraction:
 * 1 = doubles each year, -0.5 = halves). At a rate of -1 it is 1 at month 0 and 0 afterwards; never NaN for a
 * rate >= -1.
 */
export function compoundGrowthFactor(ratePerYear: number, months: number): number {
  return Math.pow(1 + ratePerYear, months / MONTHS_PER_YEAR);
}

/** Growth series already computed, by rate and length (bounded: cleared when it reaches GROWTH_SERIES_CACHE_SIZE). */
const growthSeriesCache = new Map<string, Float64Array>();
const GROWTH_SERIES_CACHE_SIZE = 256;

/**
 * compoundGrowthFactor(ratePerYear, t) for t = 0, 1, …, months − 1, the same doubles. A Monte Carlo evaluates the
 * models once per draw with most rates unchanged, so the series are kept (by rate and length) and shared: treat the
 * array as read-only.
 */
export function compoundGrowthSeries(ratePerYear: number, months: number): Float64Array {
  const key = `${ratePerYear}|${months}`;
  let series = growthSeriesCache.get(key);
  if (series === undefined) {
    series = new Float64Array(Math.max(0, months));
    for (let t = 0; t < series.length; t++) series[t] = compoundGrowthFactor(ratePerYear, t);
    if (growthSeriesCache.size >= GROWTH_SERIES_CACHE_SIZE) growthSeriesCache.clear();
    growthSeriesCache.set(key, series);
  }
  return series;
}

/** discountFactor(ratePerYear, m) for m = 0, 1, …, months: the same doubles, kept and shared like the growth series. */
export function discountSeries(discountRatePerYear: number, months: number): Float64Array {
  const key = `discount|${discountRatePerYear}|${months}`;
  let series = growthSeriesCache.get(key);
  if (series === undefined) {
    series = new Float64Array(Math.max(0, months + 1));
    for (let m = 0; m < series.length; m++) series[m] = discountFactor(discountRatePerYear, m);
    if (growthSeriesCache.size >= GROWTH_SERIES_CACHE_SIZE) growthSeriesCache.clear();
    growthSeriesCache.set(key, series);
  }
  return series;
}

/** Discount factor for a cash flow `months` after the start at an annual rate: (1 + r)^(-months ÷ 12). */
export function discountFactor(discountRatePerYear: number, months: number): number {
  return Math.pow(1 + discountRatePerYear, -months / MONTHS_PER_YEAR);
}
