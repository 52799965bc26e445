import {percentiles, quantilesOf} from "./quantiles.js";

/**
 * Statistics of a sample held in a Float64Array: count, mean, sd, extremes and percentiles (type 7, quantiles.ts).
 * NaN values (a model that divided 0 by 0 for some draw) are counted and left out; ±Infinity is kept and ordered.
 */

/** Summary of one output (or input) over all samples, in that quantity's unit. */
export interface SummaryStats {
  /** Number of samples summarised (NaN values excluded). */
  count: number;
  /** Number of NaN samples left out. */
  nanCount: number;
  /** Arithmetic mean. */
  mean: number;
  /** Sample standard deviation (divisor count − 1; 0 for a single sample). */
  sd: number;
  /** Smallest value. */
  min: number;
  /** 5th percentile. */
  p5: number;
  /** 25th percentile (lower quartile). */
  p25: number;
  /** Median. */
  p50: number;
  /** 75th percentile (upper quartile). */
  p75: number;
  /** 95th percentile. */
  p95: number;
  /** Largest value. */
  max: number;
}

/** Arithmetic mean of the non-NaN values (NaN when there are none). */
export function mean(values: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count === 0 ? NaN : sum / count;
}

/** Sample standard deviation of the non-NaN values (divisor n − 1, two-pass); 0 for one value, NaN for none. */
export function standardDeviation(values: Float64Array, center = mean(values)): number {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) {
      const d = v - center;
      sum += d * d;
      count++;
    }
  }
  return count === 0 ? NaN : count === 1 ? 0 : Math.sqrt(sum / (count - 1));
}

/** The percentiles that `summarize` and `fan` report. */
export const SUMMARY_PS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

/**
 * Count, mean, sd, min, max and p5/p25/p50/p75/p95 of `values`. Leaves `values` as is unless `inPlace` is true (then
 * it may be reordered and no copy is made: Monte Carlo allows this when it does not return the raw arrays).
 */
export function summarize(values: Float64Array, {inPlace = false}: {inPlace?: boolean} = {}): SummaryStats {
  const m = mean(values);
  const sd = standardDeviation(values, m);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const {count, quantiles} = quantilesOf(values, 0, values.length, SUMMARY_PS, inPlace ? values : undefined);
  const [p5, p25, p50, p75, p95] = quantiles as [number, number, number, number, number];
  return {
    count,
    nanCount: values.length - count,
    mean: m,
    sd,
    min: count ? min : NaN,
    p5,
    p25,
    p50,
    p75,
    p95,
    max: count ? max : NaN
  };
}

/** Fraction of the non-NaN values strictly greater than `threshold` (NaN when there are none). */
export function probabilityAbove(values: Float64Array, threshold: number): number {
  let above = 0;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === v) {
      count++;
      if (v > threshold) above++;
    }
  }
  return count === 0 ? NaN : above / count;
}
