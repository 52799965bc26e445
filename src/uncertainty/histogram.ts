import {UserError} from "../errors/userError.js";

/** Equal-width histograms of a sample held in a Float64Array. */

/** One bin of a histogram: values in [x0, x1) (the last bin also holds x1). */
export interface HistogramRow {
  /** Lower edge of the bin. */
  x0: number;
  /** Upper edge of the bin. */
  x1: number;
  /** Number of values in the bin. */
  count: number;
}

export interface HistogramOptions {
  /** Number of equal-width bins; a positive integer. */
  bins: number;
  /** Lower edge of the first bin; defaults to the smallest finite value. Values below it are not counted. */
  min?: number;
  /** Upper edge of the last bin; defaults to the largest finite value. Values above it are not counted. */
  max?: number;
}

/**
 * Equal-width histogram of the finite values between min and max (by default the data's finite range). When all
 * values are equal there is one bin of zero width holding them all.
 */
export function histogram(values: Float64Array, {bins, min, max}: HistogramOptions): HistogramRow[] {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new UserError({
      path: "bins",
      message: "invalid bin count",
      expected: "a positive integer",
      found: String(bins)
    });
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  const x0 = min ?? lo;
  const x1 = max ?? hi;
  if (!Number.isFinite(x0) || !Number.isFinite(x1)) return [];
  if (!(x0 <= x1)) {
    throw new UserError({
      path: "min",
      message: "histogram range is inverted",
      expected: "min <= max",
      found: `min = ${x0}, max = ${x1}`
    });
  }
  const nBins = x0 === x1 ? 1 : bins;
  const counts = new Float64Array(nBins);
  const scale = x0 === x1 ? 0 : nBins / (x1 - x0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v >= x0 && v <= x1) {
      const b = Math.min(nBins - 1, Math.floor((v - x0) * scale));
      counts[b]!++;
    }
  }
  const width = (x1 - x0) / nBins;
  const rows: HistogramRow[] = [];
  for (let b = 0; b < nBins; b++) {
    rows.push({x0: x0 + b * width, x1: b === nBins - 1 ? x1 : x0 + (b + 1) * width, count: counts[b]!});
  }
  return rows;
}
