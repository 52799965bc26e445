import {portableExp, portableLog1p} from "../uncertainty/portableMath.js";
/**
 * Die yield: the share of dies with no killer defect, from die area and defect density.
 *
 *   negative binomial   Y = (1 + A·D0 / α)^−α
 *   Poisson             Y = exp(−A·D0)            (the limit α → ∞: defects scattered independently)
 *
 * A is the die area (cm²), D0 the defect density (defects per cm²) and α the clustering parameter: small α means
 * defects cluster, so more dies escape them than Poisson predicts. Stapper, "Modeling of defects in integrated circuit
 * photolithographic patterns", IBM J. Res. Dev. 28(4), 1984; Cunningham, "The use and evaluation of yield models in
 * integrated circuit manufacturing", IEEE Trans. Semicond. Manuf. 3(2), 1990.
 *
 * Check: A = 8.4 cm², D0 = 0.2 /cm², α = 3: (1 + 1.68/3)^−3 = 1.56^−3 = 0.263.
 */
export interface DieYieldInput {
  /** Die area, cm² (mm² ÷ 100); > 0. */
  dieAreaCm2: number;
  /** Killer defects per cm²; >= 0. */
  defectDensityPerCm2: number;
  /** Clustering parameter α; > 0. Infinity gives the Poisson model. */
  clusteringAlpha: number;
}

/**
 * Share (0–1] of dies that work.
 *
 * Throws: RangeError for a non-positive area, a negative or non-finite defect density, or a non-positive α.
 */
export function dieYield({dieAreaCm2, defectDensityPerCm2, clusteringAlpha}: DieYieldInput): number {
  if (!(dieAreaCm2 > 0) || !Number.isFinite(dieAreaCm2)) {
    throw new RangeError(`die area: expected a positive area in cm², found ${dieAreaCm2}`);
  }
  if (!(defectDensityPerCm2 >= 0) || !Number.isFinite(defectDensityPerCm2)) {
    throw new RangeError(`defect density: expected defects per cm² >= 0, found ${defectDensityPerCm2}`);
  }
  if (!(clusteringAlpha > 0)) {
    throw new RangeError(`clustering α: expected a number > 0 (Infinity for Poisson), found ${clusteringAlpha}`);
  }
  const defectsPerDie = dieAreaCm2 * defectDensityPerCm2;
  if (clusteringAlpha === Infinity) return portableExp(-defectsPerDie);
  // (1 + x/α)^−α = exp(−α · log1p(x/α)), which stays accurate for large α (it tends to exp(−x)).
  return portableExp(-clusteringAlpha * portableLog1p(defectsPerDie / clusteringAlpha));
}

/** Poisson yield exp(−A·D0): dieYield with α = ∞. */
export function poissonYield(dieAreaCm2: number, defectDensityPerCm2: number): number {
  return dieYield({dieAreaCm2, defectDensityPerCm2, clusteringAlpha: Infinity});
}
