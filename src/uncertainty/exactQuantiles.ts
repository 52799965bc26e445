import type {QuantileSketch, SketchBucket} from "./quantileSketch.js";
import {neededRanks} from "./quantiles.js";

/**
 * Exact type-7 quantiles of a stream seen twice, in memory bounded by the values near the quantiles: the first pass
 * fills a QuantileSketch (which knows exactly how many values lie in each of its logarithmic buckets), the second
 * pass, over the same values in any order, keeps only the values that fall in the buckets holding the needed order
 * statistics. Sorting those gives the order statistics themselves, so the quantiles are those quantiles.ts finds
 * with every value held (the same interpolation, x_(⌊h⌋) + (h − ⌊h⌋)(x_(⌊h⌋+1) − x_(⌊h⌋)), h = (n − 1)p).
 *
 * Memory: `heldValues` doubles, the count of the needed buckets, known before the second pass (a bucket spans a
 * relative 2α of the value, so for a continuous distribution it holds a small share of the values; all of a step's
 * values when they are nearly equal, and none when they are all equal, since min = max gives the answer at once).
 */
export class ExactQuantiles {
  readonly #sketch: QuantileSketch;
  readonly #ps: readonly number[];
  readonly #count: number;
  /** The needed buckets, each with the values that fell in it during the second pass. */
  readonly #targets: Target[] = [];
  /** Magnitudes outside [lowest, highest] (widened) fall in no needed bucket: skipped without a logarithm. */
  #lowest = Infinity;
  #highest = -Infinity;
  #zero: Target | undefined;

  /** The quantiles at `ps` (fractions in [0, 1]) of the values `sketch` was filled with. */
  constructor(sketch: QuantileSketch, ps: readonly number[]) {
    this.#sketch = sketch;
    this.#ps = ps;
    this.#count = sketch.count;
    if (this.#count === 0 || sketch.min === sketch.max) return;
    for (const rank of neededRanks(this.#count, ps)) {
      const {bucket, below, count} = sketch.locateRank(rank);
      if (this.#targets.some((t) => t.bucket.sign === bucket.sign && t.bucket.index === bucket.index)) continue;
      const target: Target = {bucket, below, count, values: null, held: 0};
      this.#targets.push(target);
      if (bucket.sign === 0) this.#zero = target;
      else {
        const [low, high] = sketch.bucketEdges(bucket.index);
        this.#lowest = Math.min(this.#lowest, low * (1 - 1e-9));
        this.#highest = Math.max(this.#highest, high * (1 + 1e-9));
      }
    }
  }

  #result: number[] | undefined;

  /** Doubles the second pass holds (the needed buckets' counts), from its first add until quantiles(). */
  get heldValues(): number {
    return this.#targets.reduce((sum, target) => sum + target.count, 0);
  }

  /** The second pass: each value the sketch was filled with, once, in any order (NaN is ignored, as it was). */
  add(x: number): void {
    if (this.#targets.length === 0 || x !== x) return;
    if (x === 0) {
      if (this.#zero) keep(this.#zero, x);
      return;
    }
    const magnitude = x < 0 ? -x : x;
    if (magnitude < this.#lowest || magnitude > this.#highest) return;
    const bucket = this.#sketch.bucketOf(x);
    for (const target of this.#targets) {
      if (target.bucket.sign === bucket.sign && target.bucket.index === bucket.index) {
        keep(target, x);
        return;
      }
    }
  }

  /**
   * The exact type-7 quantiles at `ps` (NaN when no value was added), after the second pass; the values held are
   * released (later calls return the same numbers).
   */
  quantiles(): number[] {
    return (this.#result ??= this.#compute());
  }

  #compute(): number[] {
    const n = this.#count;
    if (n === 0) return this.#ps.map(() => NaN);
    if (this.#sketch.min === this.#sketch.max) return this.#ps.map(() => this.#sketch.min);
    const sorted = this.#targets.map((target) => {
      if (target.held !== target.count) {
        throw new Error(`second pass saw ${target.held} of the ${target.count} values of a bucket`);
      }
      const values = target.values!.sort();
      target.values = null;
      return values;
    });
    const at = (rank: number) => {
      const j = this.#targets.findIndex((t) => rank >= t.below && rank < t.below + t.count);
      return sorted[j]![rank - this.#targets[j]!.below]!;
    };
    return this.#ps.map((p) => {
      if (!(p >= 0 && p <= 1)) return NaN;
      const h = (n - 1) * p;
      const lo = Math.floor(h);
      const a = at(lo);
      const frac = h - lo;
      return frac === 0 || lo + 1 >= n ? a : a + frac * (at(lo + 1) - a);
    });
  }
}

interface Target {
  bucket: SketchBucket;
  /** Values in the buckets below this one. */
  below: number;
  /** Values in this bucket. */
  count: number;
  /** Room for every value of the bucket (allocated by the second pass's first value); the first `held` are filled. */
  values: Float64Array | null;
  held: number;
}

function keep(target: Target, x: number): void {
  const values = (target.values ??= new Float64Array(target.count));
  if (target.held < target.count) values[target.held] = x;
  target.held++;
}
