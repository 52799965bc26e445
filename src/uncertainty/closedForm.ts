import {portableExp, portableLog} from "./portableMath.js";
import type {Distribution} from "./distribution.js";
import {standardNormalCdf, standardNormalQuantile} from "./normal.js";

/**
 * Closed-form mean, standard deviation, quantile and CDF of each distribution kind: the reference that sampled
 * statistics are tested against, and the p5/p95 that sensitivity analysis swings an input between. Parameters are
 * assumed valid (see `validateDistribution`).
 */

/** The mean E[X], in the distribution's unit. */
export function distributionMean(dist: Distribution): number {
  switch (dist.kind) {
    case "point":
      return dist.value;
    case "uniform":
      return (dist.min + dist.max) / 2;
    case "normal":
      return dist.mean;
    case "lognormal":
      return portableExp(dist.mu + (dist.sigma * dist.sigma) / 2);
    case "triangular":
      return (dist.min + dist.mode + dist.max) / 3;
  }
}

/** The standard deviation √Var[X], in the distribution's unit. */
export function distributionSd(dist: Distribution): number {
  switch (dist.kind) {
    case "point":
      return 0;
    case "uniform":
      return (dist.max - dist.min) / Math.sqrt(12);
    case "normal":
      return dist.sd;
    case "lognormal": {
      const s2 = dist.sigma * dist.sigma;
      return Math.sqrt(Math.expm1(s2)) * portableExp(dist.mu + s2 / 2);
    }
    case "triangular": {
      const {min: a, mode: c, max: b} = dist;
      return Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
    }
  }
}

/** The p-quantile (inverse CDF) for p in [0, 1]; NaN outside. */
export function distributionQuantile(dist: Distribution, p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  switch (dist.kind) {
    case "point":
      return dist.value;
    case "uniform":
      return dist.min + (dist.max - dist.min) * p;
    case "normal":
      return dist.mean + dist.sd * standardNormalQuantile(p);
    case "lognormal":
      return portableExp(dist.mu + dist.sigma * standardNormalQuantile(p));
    case "triangular":
      return triangularInverseCdf(dist.min, dist.mode, dist.max, p);
  }
}

/** P(X <= x). */
export function distributionCdf(dist: Distribution, x: number): number {
  if (Number.isNaN(x)) return NaN;
  switch (dist.kind) {
    case "point":
      return x >= dist.value ? 1 : 0;
    case "uniform":
      return x <= dist.min ? 0 : x >= dist.max ? 1 : (x - dist.min) / (dist.max - dist.min);
    case "normal":
      return standardNormalCdf((x - dist.mean) / dist.sd);
    case "lognormal":
      return x <= 0 ? 0 : standardNormalCdf((portableLog(x) - dist.mu) / dist.sigma);
    case "triangular": {
      const {min: a, mode: c, max: b} = dist;
      if (x <= a) return 0;
      if (x >= b) return 1;
      return x <= c ? ((x - a) * (x - a)) / ((b - a) * (c - a)) : 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
    }
  }
}

/**
 * The triangular inverse CDF at u in [0, 1]: min + √(u (max−min)(mode−min)) below the mode's CDF value
 * (mode−min)/(max−min), max − √((1−u)(max−min)(max−mode)) above it. The sampler uses the same formula.
 */
export function triangularInverseCdf(min: number, mode: number, max: number, u: number): number {
  const width = max - min;
  return u < (mode - min) / width
    ? min + Math.sqrt(u * (width * (mode - min)))
    : max - Math.sqrt((1 - u) * (width * (max - mode)));
}
