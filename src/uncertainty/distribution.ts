/**
 * An uncertain assumption. Every variant is in the assumption's base unit (the same unit as a point value of that
 * key). Authors may give a lognormal, normal or uniform by its 90% interval (p5, p95); the scenario layer converts
 * that into these parameters once, when values enter, so samplers only see the canonical form below.
 */
export type Distribution =
  /** A single known value. */
  | {kind: "point"; value: number}
  /** Uniform on [min, max], min < max. */
  | {kind: "uniform"; min: number; max: number}
  /** Normal with mean and standard deviation sd > 0. */
  | {kind: "normal"; mean: number; sd: number}
  /** Lognormal: ln(X) ~ Normal(mu, sigma), sigma > 0; X > 0. */
  | {kind: "lognormal"; mu: number; sigma: number}
  /** Triangular on [min, max] with mode, min <= mode <= max, min < max. */
  | {kind: "triangular"; min: number; mode: number; max: number};

export type DistributionKind = Distribution["kind"];
