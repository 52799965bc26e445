import {UserError} from "../errors/userError.js";
import {percentiles, quantilesOf} from "./quantiles.js";
import {SUMMARY_PS} from "./summary.js";

/**
 * Fan charts: percentiles across samples of a time series at each step (type 7, quantiles.ts), from a samples × steps
 * array in either layout or from a model that fills one step of every sample at a time.
 */

/** One step of a fan chart: percentiles across samples of a time series at that step. */
export interface FanRow {
  /** 0-based step index. */
  step: number;
  /** 5th percentile across samples. */
  p5: number;
  /** 25th percentile across samples. */
  p25: number;
  /** Median across samples. */
  p50: number;
  /** 75th percentile across samples. */
  p75: number;
  /** 95th percentile across samples. */
  p95: number;
}

export interface FanInput {
  /**
   * samples × steps values. Sample-major (the default): the value of sample s at step t is values[s · steps + t];
   * step-major: values[t · samples + s].
   */
  values: Float64Array;
  /**
   * How `values` is laid out. Step-major is faster (each step's samples are contiguous and read in place); a model
   * that fills one time series per sample writes step-major by striding its writes, which stays cache-friendly.
   */
  layout?: "sample-major" | "step-major";
  /** Number of samples (rows); a positive integer. */
  samples: number;
  /** Number of time steps (columns); a positive integer. values.length must equal samples × steps. */
  steps: number;
}

/** A time series given one step at a time: `fillColumn(t, column)` writes every sample's value at step t. */
export interface FanColumnsInput {
  /** Number of samples; a positive integer (the length of the column each call fills). */
  samples: number;
  /** Number of time steps; a positive integer. */
  steps: number;
  /**
   * Writes the value of each sample s at step t to column[s], every s. Called once per step, for t = 0, 1, …, steps − 1
   * in that order, so a model may advance per-sample state from one call to the next (kept in its own arrays: two
   * column buffers alternate, so `column` holds step t − 2's values, not t − 1's, when the call starts).
   */
  fillColumn: (step: number, column: Float64Array) => void;
}

/**
 * The fan of a series that a model can compute one step at a time across all samples (e.g. a cash flow that is a
 * per-sample constant plus a per-sample rate times a per-month exposure): no samples × steps array is ever held, so
 * the fan costs one column of memory and each step's values are read where they were written.
 */
export function fanOfColumns({samples, steps, fillColumn}: FanColumnsInput): FanRow[] {
  checkFanShape(samples, steps);
  let column = new Float64Array(samples);
  let previous = new Float64Array(samples);
  const rows: FanRow[] = [];
  for (let t = 0; t < steps; t++) {
    fillColumn(t, column);
    // A step whose values are those of the step before (a cash flow before the first saving, a plateau) has its
    // percentiles: comparing costs a twentieth of bucketing.
    const last = rows[t - 1];
    rows.push(last && sameValues(column, previous) ? {...last, step: t} : fanRow(t, column, 0, samples));
    [column, previous] = [previous, column];
  }
  return rows;
}

/** True when a and b (same length) hold the same values in the same places: NaN equals NaN, 0 does not equal −0. */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y ? !(x !== x && y !== y) : x === 0 && 1 / x !== 1 / y) return false;
  }
  return true;
}

/** The fan row of step t from the values in values[from..to). */
function fanRow(step: number, values: Float64Array, from: number, to: number): FanRow {
  const [p5, p25, p50, p75, p95] = quantilesOf(values, from, to, SUMMARY_PS).quantiles as [
    number,
    number,
    number,
    number,
    number
  ];
  return {step, p5, p25, p50, p75, p95};
}

function checkFanShape(samples: number, steps: number): void {
  if (!Number.isInteger(samples) || samples < 1 || !Number.isInteger(steps) || steps < 1) {
    throw new UserError({
      path: "samples",
      message: "invalid fan shape",
      expected: "positive integer samples and steps",
      found: `samples = ${samples}, steps = ${steps}`
    });
  }
}

/** Per-step p5/p25/p50/p75/p95 across samples of a time series (for fan charts); NaN values are left out. */
export function fan({values, samples, steps, layout = "sample-major"}: FanInput): FanRow[] {
  checkFanShape(samples, steps);
  if (values.length !== samples * steps) {
    throw new UserError({
      path: "values",
      message: "fan values have the wrong length",
      expected: `samples × steps = ${samples * steps}`,
      found: String(values.length)
    });
  }
  if (layout === "step-major") {
    return Array.from({length: steps}, (_, t) => fanRow(t, values, t * samples, (t + 1) * samples));
  }
  return fanOfColumns({
    samples,
    steps,
    fillColumn: (t, column) => {
      for (let s = 0; s < samples; s++) column[s] = values[s * steps + t]!;
    }
  });
}
