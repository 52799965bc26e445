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

export function capitalRecoveryFactor({ratePerPeriod: r, periods: n}: CapitalRecoveryInput): number {
  // Written as r / (1 − (1+r)^−n) with log1p/expm1, which keeps full precision as r → 0; below 1e-8 the first-order
  // series (1/n)(1 + (n+1)r/2) is exact to double precision and avoids 0/0.
  if (r < 1e-8) return (1 / n) * (1 + ((n + 1) * r) / 2);
  return r / -portableExpm1(-n * portableLog1p(r));
}
