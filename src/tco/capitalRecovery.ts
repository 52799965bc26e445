import {portableExpm1, portableLog1p} from "../uncertainty/portableMath.js";
/**
 * Capital recovery factor: the constant payment per period that repays 1 unit of capital, with interest, over n
 * periods: r(1+r)^n / ((1+r)^n - 1). At r = 0 it is 1/n (straight-line). Standard annuity formula, e.g. Brealey,
 * Myers & Allen, "Principles of Corporate Finance", ch. 2 (annuities).
 */
export interface CapitalRecoveryInput {
  /** Cost of capital per period, as a fraction (0.1 = 10% a year); >= 0. */
  ratePerPeriod: number;
  /** Number of periods the capital is recovered over (useful life in years); > 0. */
  periods: number;
}

/**
 * The last few factors computed, by (rate, periods): a sweep or a Monte Carlo draw asks for the same few pairs (the IT
 * life and the facility life at one cost of capital) at every point, and the log1p/expm1 pair is most of a chip-hour's
 * cost. A pure function's memo: the result is the same number either way.
 */
const RECENT_SIZE = 4;
const recentRate = new Float64Array(RECENT_SIZE).fill(NaN);
const recentPeriods = new Float64Array(RECENT_SIZE).fill(NaN);
const recentFactor = new Float64Array(RECENT_SIZE);
let recentNext = 0;

/**
 * r(1+r)^n / ((1+r)^n − 1) for `ratePerPeriod` r ≥ 0 and `periods` n > 0 (units: per period; returns a fraction of the
 * capital per period). No errors are raised; callers validate r and n.
 */
export function capitalRecoveryFactor({ratePerPeriod: r, periods: n}: CapitalRecoveryInput): number {
  for (let i = 0; i < RECENT_SIZE; i++) if (recentRate[i] === r && recentPeriods[i] === n) return recentFactor[i]!;
  const factor = computeCapitalRecoveryFactor(r, n);
  recentRate[recentNext] = r;
  recentPeriods[recentNext] = n;
  recentFactor[recentNext] = factor;
  recentNext = (recentNext + 1) % RECENT_SIZE;
  return factor;
}

function computeCapitalRecoveryFactor(r: number, n: number): number {
  // Written as r / (1 − (1+r)^−n) with log1p/expm1, which keeps full precision as r → 0; below 1e-8 the first-order
  // series (1/n)(1 + (n+1)r/2) is exact to double precision and avoids 0/0.
  if (r < 1e-8) return (1 / n) * (1 + ((n + 1) * r) / 2);
  return r / -portableExpm1(-n * portableLog1p(r));
}
