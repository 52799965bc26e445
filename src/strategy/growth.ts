import {MONTHS_PER_YEAR} from "../units/si.js";
import {portablePow} from "../uncertainty/portableMath.js";

/**
 * (1 + ratePerYear)^(months ÷ 12): the multiplier after `months` of compound growth at `ratePerYear` (a fraction:
 * 1 = doubles each year, -0.5 = halves). At a rate of -1 it is 1 at month 0 and 0 afterwards; never NaN for a
 * rate >= -1.
 */
export function compoundGrowthFactor(ratePerYear: number, months: number): number {
  return portablePow(1 + ratePerYear, months / MONTHS_PER_YEAR);
}

/**
 * Series already computed, by kind, length and rate. Numbers are the keys (a Map compares them as SameValueZero: 0 and
 * -0 are one key, and give the same series). Bounded: cleared when it holds GROWTH_SERIES_CACHE_SIZE series.
 */
const growthSeriesCache = new Map<number, Map<number, Float64Array>>();
const discountSeriesCache = new Map<number, Map<number, Float64Array>>();
const GROWTH_SERIES_CACHE_SIZE = 256;
let cachedSeriesCount = 0;

function cachedSeries(cache: Map<number, Map<number, Float64Array>>, length: number, rate: number) {
  return cache.get(length)?.get(rate);
}

function keepSeries(cache: Map<number, Map<number, Float64Array>>, length: number, rate: number, series: Float64Array) {
  if (cachedSeriesCount >= GROWTH_SERIES_CACHE_SIZE) {
    growthSeriesCache.clear();
    discountSeriesCache.clear();
    cachedSeriesCount = 0;
  }
  let byRate = cache.get(length);
  if (byRate === undefined) cache.set(length, (byRate = new Map()));
  byRate.set(rate, series);
  cachedSeriesCount++;
}

/**
 * compoundGrowthFactor(ratePerYear, t) for t = 0, 1, …, months − 1, the same doubles. A Monte Carlo evaluates the
 * models once per draw with most rates unchanged, so the series are kept (by rate and length) and shared: treat the
 * array as read-only.
 */
export function compoundGrowthSeries(ratePerYear: number, months: number): Float64Array {
  const length = Math.max(0, months);
  let series = cachedSeries(growthSeriesCache, length, ratePerYear);
  if (series === undefined) {
    series = new Float64Array(length);
    for (let t = 0; t < length; t++) series[t] = compoundGrowthFactor(ratePerYear, t);
    keepSeries(growthSeriesCache, length, ratePerYear, series);
  }
  return series;
}

/** discountFactor(ratePerYear, m) for m = 0, 1, …, months: the same doubles, kept and shared like the growth series. */
export function discountSeries(discountRatePerYear: number, months: number): Float64Array {
  const length = Math.max(0, months + 1);
  let series = cachedSeries(discountSeriesCache, length, discountRatePerYear);
  if (series === undefined) {
    series = new Float64Array(length);
    for (let m = 0; m < length; m++) series[m] = discountFactor(discountRatePerYear, m);
    keepSeries(discountSeriesCache, length, discountRatePerYear, series);
  }
  return series;
}

/** Discount factor for a cash flow `months` after the start at an annual rate: (1 + r)^(-months ÷ 12). */
export function discountFactor(discountRatePerYear: number, months: number): number {
  return portablePow(1 + discountRatePerYear, -months / MONTHS_PER_YEAR);
}
