import {UserError} from "../errors/userError.js";
import {portableExp, portableLog} from "./portableMath.js";

/**
 * A quantile sketch with a relative error bound: logarithmic buckets, as DDSketch (Masson, Rim & Lee, "DDSketch: a
 * fast and fully-mergeable quantile sketch with relative-error guarantees", VLDB 2019, §2). With γ = (1 + α) ÷ (1 − α),
 * a value x > 0 goes to bucket i = ⌈log_γ x⌉, which holds (γ^(i−1), γ^i]; its representative 2γ^i ÷ (γ + 1) lies
 * within a relative α of every value in the bucket. Negative values are kept the same way by magnitude, and zero apart
 * (exactly). The buckets of one sign are a dense array of counts spanning the indices seen, so memory is
 * 4 bytes × ln(max|x| ÷ min|x|) ÷ ln γ per sign (about 9,200 buckets, 37 KB, for four decades at α = 5e-4), whatever
 * the number of values.
 *
 * Error bound (tested in test/uncertainty/quantileSketch.test.ts against the exact type-7 quantiles): the sketch
 * knows each value's bucket exactly, so its k-th order statistic is within a relative α of the exact one, x_(k);
 * `quantile(p)` interpolates as type 7 does (quantiles.ts) between the estimates of x_(⌊h⌋) and x_(⌈h⌉), h = (n − 1)p,
 * so |estimate − exact| ≤ α × max(|x_(⌊h⌋)|, |x_(⌈h⌉)|) (plus a few ulps of the logarithm at a bucket's edge).
 * The result depends only on the multiset of values added (not their order), and uses portableLog/portableExp, so it
 * is the same bit for bit in Node and in a browser.
 */
export class QuantileSketch {
  /** Relative accuracy α, in (0, 0.5). */
  readonly relativeAccuracy: number;
  readonly #gamma: number;
  readonly #lnGamma: number;
  readonly #positive = new DenseCounts();
  readonly #negative = new DenseCounts();
  #zeros = 0;
  #count = 0;
  #min = Infinity;
  #max = -Infinity;

  /** Throws a UserError unless 0 < relativeAccuracy < 0.5. */
  constructor(relativeAccuracy: number) {
    if (!(relativeAccuracy > 0 && relativeAccuracy < 0.5)) {
      throw new UserError({
        path: "relativeAccuracy",
        message: "out of range",
        expected: "a number in (0, 0.5)",
        found: String(relativeAccuracy)
      });
    }
    this.relativeAccuracy = relativeAccuracy;
    this.#gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy);
    this.#lnGamma = portableLog(this.#gamma);
  }

  /** Values added (NaN is left out, as the exact quantiles leave it out). */
  get count(): number {
    return this.#count;
  }

  /** The smallest and the largest value added (Infinity and −Infinity when none was). */
  get min(): number {
    return this.#min;
  }
  get max(): number {
    return this.#max;
  }

  /** Adds one value; NaN is ignored, ±Infinity is an error (no bucket holds it). */
  add(x: number): void {
    if (x !== x) return;
    this.#count++;
    if (x < this.#min) this.#min = x;
    if (x > this.#max) this.#max = x;
    if (x === 0) this.#zeros++;
    else if (x > 0) this.#positive.add(this.#index(x));
    else this.#negative.add(this.#index(-x));
  }

  #index(magnitude: number): number {
    if (magnitude === Infinity) {
      throw new UserError({path: "value", message: "not finite", expected: "a finite number", found: "Infinity"});
    }
    return Math.ceil(portableLog(magnitude) / this.#lnGamma);
  }

  /** The bucket `add` puts x in (x not NaN): its sign and, for x ≠ 0, its index (the bucket holds (γ^(i−1), γ^i]). */
  bucketOf(x: number): SketchBucket {
    if (x === 0) return {sign: 0, index: 0};
    return x > 0 ? {sign: 1, index: this.#index(x)} : {sign: -1, index: this.#index(-x)};
  }

  /**
   * Where the k-th smallest value added lies (0-based, k < count): its bucket, how many values lie in the buckets
   * below it (so it is the (k − below)-th smallest of the bucket's), and how many the bucket holds. Values that fall
   * in the same bucket again (bucketOf) are the same values: exactQuantiles.ts finds the exact order statistic so.
   */
  locateRank(k: number): {bucket: SketchBucket; below: number; count: number} {
    const negatives = this.#negative.total;
    if (k < negatives) {
      // Negatives in increasing order are magnitudes in decreasing order: the buckets of larger magnitude come first.
      const at = this.#negative.locate(negatives - 1 - k);
      return {bucket: {sign: -1, index: at.index}, below: negatives - at.below - at.count, count: at.count};
    }
    if (k < negatives + this.#zeros) return {bucket: {sign: 0, index: 0}, below: negatives, count: this.#zeros};
    const at = this.#positive.locate(k - negatives - this.#zeros);
    return {bucket: {sign: 1, index: at.index}, below: negatives + this.#zeros + at.below, count: at.count};
  }

  /** The magnitudes (γ^(i−1), γ^i] bucket i holds, before the rounding of the logarithm at its edges. */
  bucketEdges(index: number): [number, number] {
    return [portableExp((index - 1) * this.#lnGamma), portableExp(index * this.#lnGamma)];
  }

  #representative(index: number): number {
    return (2 * portableExp(index * this.#lnGamma)) / (this.#gamma + 1);
  }

  /** The estimate of the k-th smallest value (0-based, k < count). */
  #orderStatistic(k: number): number {
    let rank = k;
    const negatives = this.#negative.total;
    if (rank < negatives) {
      // Negatives in increasing order are magnitudes in decreasing order.
      return -this.#representative(this.#negative.indexOfRank(negatives - 1 - rank));
    }
    rank -= negatives;
    if (rank < this.#zeros) return 0;
    rank -= this.#zeros;
    return this.#representative(this.#positive.indexOfRank(rank));
  }

  /** The type-7 quantile at each p in [0, 1] (NaN when nothing was added), within the bound stated above. */
  quantiles(ps: readonly number[]): number[] {
    const n = this.#count;
    return ps.map((p) => {
      if (n === 0) return NaN;
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      const low = this.#orderStatistic(lo);
      if (h === lo) return low;
      return low + (h - lo) * (this.#orderStatistic(lo + 1) - low);
    });
  }
}

/** A bucket of a QuantileSketch: the sign of its values (0: the zeros) and its index (bucketOf). */
export interface SketchBucket {
  sign: -1 | 0 | 1;
  index: number;
}

/** Counts per integer bucket index over a contiguous, growing range of indices. */
class DenseCounts {
  #counts = new Uint32Array(0);
  #offset = 0;
  total = 0;

  add(index: number): void {
    let at = index - this.#offset;
    if (at < 0 || at >= this.#counts.length) at = this.#grow(index);
    this.#counts[at]!++;
    this.total++;
  }

  #grow(index: number): number {
    const length = this.#counts.length;
    if (length === 0) {
      this.#counts = new Uint32Array(64);
      this.#offset = index - 32;
      return index - this.#offset;
    }
    const low = Math.min(this.#offset, index);
    const high = Math.max(this.#offset + length - 1, index);
    // Grow by at least half again, on the side that is short, so n adds cost O(n) copies in all.
    const span = Math.max(high - low + 1, length + (length >> 1));
    const offset = index < this.#offset ? high - span + 1 : low;
    const counts = new Uint32Array(span);
    counts.set(this.#counts, this.#offset - offset);
    this.#counts = counts;
    this.#offset = offset;
    return index - offset;
  }

  /** The bucket index that holds rank k (0-based, increasing index), the count below that bucket and in it. */
  locate(k: number): {index: number; below: number; count: number} {
    let seen = 0;
    const counts = this.#counts;
    for (let at = 0; at < counts.length; at++) {
      const count = counts[at]!;
      if (seen + count > k) return {index: at + this.#offset, below: seen, count};
      seen += count;
    }
    throw new Error(`rank ${k} beyond the ${this.total} values counted`);
  }

  /** The bucket index that holds the value of rank k (0-based) in increasing order of index. */
  indexOfRank(k: number): number {
    let seen = 0;
    const counts = this.#counts;
    for (let at = 0; at < counts.length; at++) {
      seen += counts[at]!;
      if (seen > k) return at + this.#offset;
    }
    throw new Error(`rank ${k} beyond the ${this.total} values counted`);
  }
}
