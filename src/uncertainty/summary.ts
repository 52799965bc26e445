import {UserError} from "../errors/userError.js";

/**
 * Statistics of a sample held in a Float64Array. Percentiles are Hyndman & Fan (1996) type 7 (linear interpolation
 * between order statistics, the default of R, NumPy and d3.quantile). NaN values (a model that divided 0 by 0 for some
 * draw) are counted and left out; ±Infinity is kept and ordered.
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

/** A sorted copy of `values` (ascending, NaN last), by the engine's native Float64Array sort. */
export function sortedCopy(values: Float64Array): Float64Array {
  return values.slice().sort();
}

/** Number of non-NaN values at the front of an ascending sorted array (NaN sorts last). */
function countOrdered(sorted: Float64Array): number {
  let n = sorted.length;
  while (n > 0 && Number.isNaN(sorted[n - 1]!)) n--;
  return n;
}

/**
 * Type-7 quantile of the first `count` values of an ascending `sorted` array, for p in [0, 1]: with h = (count−1)·p,
 * x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]). NaN when count is 0 or p is outside [0, 1].
 */
export function quantileSorted(sorted: Float64Array, p: number, count = countOrdered(sorted)): number {
  if (count === 0 || !(p >= 0 && p <= 1)) return NaN;
  const h = (count - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  if (lo + 1 >= count) return a;
  const b = sorted[lo + 1]!;
  const frac = h - lo;
  return frac === 0 ? a : a + frac * (b - a);
}

/**
 * Type-7 percentiles of `values` at each p in `ps` (fractions in [0, 1]), NaN values left out. Leaves `values` as is;
 * finds the order statistics it needs by bucketing (or, for small or unbounded samples, quickselect on a copy) instead
 * of sorting, which gives the same values in O(n).
 */
export function percentiles(values: Float64Array, ps: readonly number[]): number[] {
  return quantilesOf(values, 0, values.length, ps).quantiles;
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
const SUMMARY_PS = [0.05, 0.25, 0.5, 0.75, 0.95] as const;

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

/** Below this many values, quickselect on a copy is faster than bucketing. */
const BUCKETING_MIN_COUNT = 512;

/** About this many values are read to guess the range of a bucketed sample. */
const RANGE_GUESS_VALUES = 256;

/** Number of non-NaN values, and type-7 quantiles at `ps` of them. */
interface RangeQuantiles {
  count: number;
  quantiles: number[];
}

/**
 * Type-7 quantiles at each p of the non-NaN values of values[from..to). The order statistics are found by bucketing,
 * which reads the range without changing it:
 *  1. the range of about 256 evenly spaced values is the buckets' span (a guess: what falls outside goes to the
 *     first or last bucket, so the bucket index stays monotone in the value and ±Infinity needs no special case);
 *  2. one pass stores each value's bucket (about four values per bucket) and counts them;
 *  3. the cumulative counts name the bucket that holds each needed rank;
 *  4. a second pass gathers just those buckets' values, where quickselect finishes.
 * On 10,000 values this is about a third of quickselect's time. Small ranges, and ranges whose guessed span is empty,
 * are scanned exactly: all-equal ranges need no selection; the rest are copied (to `scratch` when given, which may be
 * `values` itself when the caller lets it be reordered) and quickselected.
 */
function quantilesOf(
  values: Float64Array,
  from: number,
  to: number,
  ps: readonly number[],
  scratch?: Float64Array
): RangeQuantiles {
  const length = to - from;
  if (length >= BUCKETING_MIN_COUNT) {
    const stride = Math.floor(length / RANGE_GUESS_VALUES);
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = from; i < to; i += stride) {
      const v = values[i]!;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const buckets = Math.min(1 << 14, length >> 2);
    const scale = buckets / (hi - lo);
    if (Number.isFinite(lo) && Number.isFinite(hi) && hi > lo && Number.isFinite(scale)) {
      return bucketedQuantiles(values, from, to, ps, lo, buckets, scale);
    }
  }
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (v === v) {
      count++;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (count === 0) return {count, quantiles: ps.map(() => NaN)};
  const ranks = neededRanks(count, ps);
  if (min === max) return {count, quantiles: interpolate(count, ps, ranks, new Float64Array(ranks.length).fill(min))};
  const work = scratch ?? new Float64Array(count);
  let n = 0;
  for (let i = from; i < to; i++) {
    const v = values[i]!;
    if (v === v) work[n++] = v;
  }
  selectRanks(work, 0, count - 1, ranks, 0, ranks.length - 1);
  return {
    count,
    quantiles: interpolate(
      count,
      ps,
      ranks,
      Float64Array.from(ranks, (rank) => work[rank]!)
    )
  };
}

/** Type-7 quantiles at `ps` of `count` values, from the order statistics `statistics[j]` of rank `ranks[j]`. */
function interpolate(
  count: number,
  ps: readonly number[],
  ranks: readonly number[],
  statistics: Float64Array
): number[] {
  const at = (rank: number) => statistics[ranks.indexOf(rank)]!;
  return ps.map((p) => {
    if (!(p >= 0 && p <= 1)) return NaN;
    const h = (count - 1) * p;
    const lo = Math.floor(h);
    const a = at(lo);
    const frac = h - lo;
    return frac === 0 || lo + 1 >= count ? a : a + frac * (at(lo + 1) - a);
  });
}

/** The order statistics (0-based ranks, ascending, no repeats) that type-7 quantiles at `ps` of `count` values need. */
function neededRanks(count: number, ps: readonly number[]): number[] {
  const needed = new Set<number>();
  for (const p of ps) {
    if (!(p >= 0 && p <= 1)) continue;
    const lo = Math.floor((count - 1) * p);
    needed.add(lo);
    if (lo + 1 < count) needed.add(lo + 1);
  }
  return [...needed].sort((a, b) => a - b);
}

/** Bucket index of each value of the last bucketed range (reused: bucketing runs on one thread, one range at a time). */
let bucketOf = new Uint16Array(0);

/**
 * Steps 2–4 of quantilesOf: `buckets` buckets of width 1 ÷ scale from lo, the first and last also holding what lies
 * beyond them; NaN goes to the uncounted bucket `buckets`.
 */
function bucketedQuantiles(
  values: Float64Array,
  from: number,
  to: number,
  ps: readonly number[],
  lo: number,
  buckets: number,
  scale: number
): RangeQuantiles {
  const length = to - from;
  if (bucketOf.length < length) bucketOf = new Uint16Array(length);
  const index = bucketOf;
  const counts = new Int32Array(buckets + 1);
  countBuckets(values, from, to, lo, scale, index, counts);
  const count = length - counts[buckets]!;
  if (count === 0) return {count, quantiles: ps.map(() => NaN)};
  const ranks = neededRanks(count, ps);
  // Walk the cumulative counts: the bucket of each rank, its values' rank offset, and where they go in `gathered`.
  const slotOfBucket = new Int32Array(buckets + 1).fill(-1);
  const slotStart: number[] = [];
  const slotRankOffset: number[] = [];
  const rankSlot: number[] = [];
  let before = 0;
  let gatheredLength = 0;
  let b = 0;
  for (const rank of ranks) {
    while (before + counts[b]! <= rank) before += counts[b++]!;
    if (slotOfBucket[b] === -1) {
      slotOfBucket[b] = slotStart.length;
      slotStart.push(gatheredLength);
      slotRankOffset.push(before);
      gatheredLength += counts[b]!;
    }
    rankSlot.push(slotOfBucket[b]!);
  }
  const gathered = new Float64Array(gatheredLength);
  const next = Int32Array.from(slotStart);
  gatherBuckets(values, from, to, index, slotOfBucket, next, gathered);
  const statistics = new Float64Array(ranks.length);
  for (let slot = 0; slot < slotStart.length; slot++) {
    const start = slotStart[slot]!;
    const local: number[] = [];
    ranks.forEach((rank, j) => {
      if (rankSlot[j] === slot) local.push(start + rank - slotRankOffset[slot]!);
    });
    selectRanks(gathered, start, next[slot]! - 1, local, 0, local.length - 1);
    ranks.forEach((rank, j) => {
      if (rankSlot[j] === slot) statistics[j] = gathered[start + rank - slotRankOffset[slot]!]!;
    });
  }
  return {count, quantiles: interpolate(count, ps, ranks, statistics)};
}

// The two passes over the values are functions of their own, so that V8 optimises each loop whole: inside
// bucketedQuantiles, an on-stack-replaced loop deoptimised at the cold code after it on every call (--trace-deopt).

/** Stores each value's bucket in index[i − from] and counts it; NaN goes to the last entry of `counts`. */
function countBuckets(
  values: Float64Array,
  from: number,
  to: number,
  lo: number,
  scale: number,
  index: Uint16Array,
  counts: Int32Array
): void {
  const nanBucket = counts.length - 1;
  const last = nanBucket - 1;
  for (let i = from, j = 0; i < to; i++, j++) {
    const v = values[i]!;
    // Clamped with conditionals: a third faster here than Math.min/Math.max (measured on V8, 10,000 values).
    let x = (v - lo) * scale;
    x = x < 0 ? 0 : x > last ? last : x;
    const b = v === v ? x | 0 : nanBucket;
    index[j] = b;
    counts[b]!++;
  }
}

/** Copies each value whose bucket has a slot (≥ 0) to gathered[next[slot]++]. */
function gatherBuckets(
  values: Float64Array,
  from: number,
  to: number,
  index: Uint16Array,
  slotOfBucket: Int32Array,
  next: Int32Array,
  gathered: Float64Array
): void {
  for (let i = from, j = 0; i < to; i++, j++) {
    const slot = slotOfBucket[index[j]!]!;
    if (slot >= 0) gathered[next[slot]!++] = values[i]!;
  }
}

/** Puts every rank in ranks[rLo..rHi] (sorted, within [left, right]) in its sorted position of a[left..right]. */
function selectRanks(
  a: Float64Array,
  left: number,
  right: number,
  ranks: readonly number[],
  rLo: number,
  rHi: number
): void {
  if (rLo > rHi) return;
  const mid = (rLo + rHi) >> 1;
  const k = ranks[mid]!;
  select(a, left, right, k);
  selectRanks(a, left, k - 1, ranks, rLo, mid - 1);
  selectRanks(a, k + 1, right, ranks, mid + 1, rHi);
}

/**
 * Quickselect: afterwards a[k] holds the value it would have if a[left..right] were sorted, with no larger value
 * before it and no smaller one after it. Median-of-three pivot and a branch-free Lomuto partition (random data makes
 * a partition's comparisons unpredictable, and mispredicted branches cost more than the extra stores: measured 5 ns
 * per element for a median of 100,000 values, against 19 ns with Hoare's partition and 88 ns for a full sort). When the
 * pivot is the smallest value its copies are gathered in a second pass, so ties cannot make it quadratic; after
 * 64 + 4·log2(n) rounds the remaining range is sorted instead, so the worst case stays O(n log n).
 */
function select(a: Float64Array, left: number, right: number, k: number): void {
  if (k === left || k === right) {
    // The smallest or largest value: one scan (this is how ⌊h⌋+1 is found once ⌊h⌋ is in place).
    let best = k;
    for (let m = left; m <= right; m++) if (k === left ? a[m]! < a[best]! : a[m]! > a[best]!) best = m;
    swap(a, k, best);
    return;
  }
  let rounds = 64 + 4 * Math.ceil(Math.log2(right - left + 2));
  while (right - left >= 16) {
    if (--rounds < 0) break;
    const mid = (left + right) >>> 1;
    if (a[mid]! < a[left]!) swap(a, mid, left);
    if (a[right]! < a[left]!) swap(a, right, left);
    if (a[right]! < a[mid]!) swap(a, right, mid);
    const pivot = a[mid]!;
    swap(a, mid, right);
    let i = left;
    for (let j = left; j < right; j++) {
      const v = a[j]!;
      a[j] = a[i]!;
      a[i] = v;
      i += +(v < pivot);
    }
    swap(a, i, right);
    // Now a[left..i) < pivot = a[i] <= a(i..right].
    if (k === i) return;
    if (k < i) {
      right = i - 1;
    } else if (i === left) {
      let j = i + 1;
      for (let m = i + 1; m <= right; m++) {
        const v = a[m]!;
        a[m] = a[j]!;
        a[j] = v;
        j += +(v <= pivot);
      }
      // a[i..j) all equal the pivot.
      if (k < j) return;
      left = j;
    } else {
      left = i + 1;
    }
  }
  if (right > left) a.subarray(left, right + 1).sort();
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
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
