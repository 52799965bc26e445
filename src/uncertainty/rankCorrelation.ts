import {UserError} from "../errors/userError.js";
import {standardNormalQuantile} from "./normal.js";
import type {Rng} from "./rng.js";

/**
 * Rank correlation between sampled inputs by the Iman–Conover method (R. L. Iman and W. J. Conover, "A
 * distribution-free approach to inducing rank correlation among input variables", Communications in Statistics –
 * Simulation and Computation 11(3), 1982). Each column is only reordered, so every marginal distribution keeps exactly
 * the values that were sampled; only which values meet in one sample changes.
 *
 * Method: give each column a random permutation of the van der Waerden scores Φ⁻¹(r / (n+1)); measure their
 * correlation E; transform the scores by P·Q⁻¹, where C = P·Pᵀ is the target (Pearson) correlation and E = Q·Qᵀ
 * (Cholesky), so their correlation becomes C; then reorder each column so its ranks match the transformed scores.
 * A target Spearman ρ becomes the Pearson correlation 2·sin(πρ/6) of the normal scores (Pearson 1907, exact for a
 * bivariate normal).
 */

/** A target rank correlation between two named inputs. */
export interface RankCorrelation<K extends string = string> {
  /** One input's name. */
  a: K;
  /** The other input's name (≠ a). */
  b: K;
  /** Target Spearman rank correlation, in (−1, 1). */
  spearman: number;
}

export interface ImanConoverInput {
  /** Sample columns, all of the same length n ≥ 2; reordered in place. */
  columns: readonly Float64Array[];
  /**
   * Target Spearman correlations, k × k with k = columns.length: symmetric, 1 on the diagonal, and positive definite
   * once converted to Pearson.
   */
  spearman: readonly (readonly number[])[];
  /** RNG for the score permutations. */
  rng: Rng;
}

/** Reorders `columns` in place so their rank correlations approach `spearman` (Iman–Conover). */
export function imanConover({columns, spearman, rng}: ImanConoverInput): void {
  const k = columns.length;
  if (k < 2) return;
  const n = columns[0]!.length;
  if (n < 2) return;
  const target: number[][] = [];
  for (let i = 0; i < k; i++) {
    target.push([]);
    for (let j = 0; j < k; j++) target[i]!.push(i === j ? 1 : 2 * Math.sin((Math.PI * spearman[i]![j]!) / 6));
  }
  const p = cholesky(target);
  if (!p) {
    throw new UserError({
      path: "correlations",
      message: "the rank correlations are not consistent with each other",
      expected: "a positive definite correlation matrix",
      found: JSON.stringify(spearman)
    });
  }

  const scoreBase = new Float64Array(n);
  for (let r = 0; r < n; r++) scoreBase[r] = standardNormalQuantile((r + 1) / (n + 1));
  const scores: Float64Array[] = [];
  for (let j = 0; j < k; j++) {
    const s = scoreBase.slice();
    for (let i = n - 1; i > 0; i--) {
      const m = Math.floor(rng() * (i + 1));
      const t = s[i]!;
      s[i] = s[m]!;
      s[m] = t;
    }
    scores.push(s);
  }
  const q = cholesky(correlationMatrix(scores));
  // Sample correlations of independent permutations are near 0; E is singular only for tiny n. Then skip E's
  // correction (use Q = I), which still induces C in expectation.
  const qInverse = q ? invertLower(q) : identity(k);
  const m = multiplyLower(p, qInverse);

  const transformed = new Float64Array(n);
  const order = new Uint32Array(n);
  for (let j = 0; j < k; j++) {
    transformed.fill(0);
    for (let c = 0; c <= j; c++) {
      const w = m[j]![c]!;
      const s = scores[c]!;
      for (let i = 0; i < n; i++) transformed[i]! += w * s[i]!;
    }
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((x, y) => transformed[x]! - transformed[y]! || x - y);
    const column = columns[j]!;
    const sortedValues = column.slice().sort();
    for (let r = 0; r < n; r++) column[order[r]!] = sortedValues[r]!;
  }
}

/** Spearman rank correlation of two equal-length samples (Pearson correlation of their ranks; ties share ranks). */
export function spearmanCorrelation(x: Float64Array, y: Float64Array): number {
  return pearson(ranks(x), ranks(y));
}

/** 1-based ranks, ties given their average rank. */
function ranks(values: Float64Array): Float64Array {
  const n = values.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => values[a]! - values[b]! || a - b);
  const out = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i + 1;
    while (j < n && values[order[j]!] === values[order[i]!]) j++;
    const rank = (i + j + 1) / 2;
    for (let t = i; t < j; t++) out[order[t]!] = rank;
    i = j;
  }
  return out;
}

function pearson(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

function correlationMatrix(columns: readonly Float64Array[]): number[][] {
  const k = columns.length;
  const out: number[][] = [];
  for (let i = 0; i < k; i++) out.push(new Array<number>(k).fill(1));
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const r = pearson(columns[i]!, columns[j]!);
      out[i]![j] = r;
      out[j]![i] = r;
    }
  }
  return out;
}

/** Lower-triangular L with L·Lᵀ = a, or undefined when a is not (numerically) positive definite. */
function cholesky(a: readonly (readonly number[])[]): number[][] | undefined {
  const k = a.length;
  const l: number[][] = [];
  for (let i = 0; i < k; i++) l.push(new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let c = 0; c < j; c++) sum -= l[i]![c]! * l[j]![c]!;
      if (i === j) {
        if (!(sum > 1e-12)) return undefined;
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  return l;
}

function invertLower(l: readonly (readonly number[])[]): number[][] {
  const k = l.length;
  const inv: number[][] = [];
  for (let i = 0; i < k; i++) inv.push(new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    inv[i]![i] = 1 / l[i]![i]!;
    for (let j = 0; j < i; j++) {
      let sum = 0;
      for (let c = j; c < i; c++) sum += l[i]![c]! * inv[c]![j]!;
      inv[i]![j] = -sum / l[i]![i]!;
    }
  }
  return inv;
}

function multiplyLower(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number[][] {
  const k = a.length;
  const out: number[][] = [];
  for (let i = 0; i < k; i++) {
    out.push(new Array<number>(k).fill(0));
    for (let j = 0; j <= i; j++) {
      let sum = 0;
      for (let c = j; c <= i; c++) sum += a[i]![c]! * b[c]![j]!;
      out[i]![j] = sum;
    }
  }
  return out;
}

function identity(k: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < k; i++) out.push(Array.from({length: k}, (_, j) => (i === j ? 1 : 0)));
  return out;
}
