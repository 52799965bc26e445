import {portableExp, portableLog} from "./portableMath.js";
import {UserError, type UserErrorLocation} from "../errors/userError.js";
import type {Distribution} from "./distribution.js";
import {Z_95} from "./normal.js";

/**
 * An author's 90% interval: the value is below p5 with probability 5% and below p95 with probability 95%. Both are in
 * the assumption's base unit.
 */
export interface Interval90 {
  /** 5th percentile; finite, < p95 (and > 0 for a lognormal). */
  p5: number;
  /** 95th percentile; finite, > p5. */
  p95: number;
}

/** A closed range [min, max] for a uniform assumption. */
export interface Range {
  /** Lower bound; finite, < max. */
  min: number;
  /** Upper bound; finite, > min. */
  max: number;
}

/**
 * The lognormal whose 5th and 95th percentiles are p5 and p95: mu = (ln p5 + ln p95) / 2 and
 * sigma = (ln p95 − ln p5) / (2 · 1.6448536269514722). The median is √(p5 · p95). Throws a UserError at `where` unless
 * 0 < p5 < p95, both finite.
 */
export function lognormalFromInterval({p5, p95}: Interval90, where: UserErrorLocation = {}): Distribution {
  checkInterval(p5, p95, where);
  if (!(p5 > 0)) {
    throw new UserError({
      ...where,
      message: "a lognormal needs positive values",
      expected: "p5 > 0",
      found: `p5 = ${p5}`
    });
  }
  const lnP5 = portableLog(p5);
  const lnP95 = portableLog(p95);
  return {kind: "lognormal", mu: (lnP5 + lnP95) / 2, sigma: (lnP95 - lnP5) / (2 * Z_95)};
}

/** The normal whose 5th and 95th percentiles are p5 and p95: mean = (p5 + p95) / 2, sd = (p95 − p5) / (2 · z95). */
export function normalFromInterval({p5, p95}: Interval90, where: UserErrorLocation = {}): Distribution {
  checkInterval(p5, p95, where);
  return {kind: "normal", mean: (p5 + p95) / 2, sd: (p95 - p5) / (2 * Z_95)};
}

/** The uniform on [min, max]; throws a UserError at `where` unless min < max, both finite. */
export function uniformFromRange({min, max}: Range, where: UserErrorLocation = {}): Distribution {
  return validateDistribution({kind: "uniform", min, max}, where);
}

/**
 * Checks a distribution's parameters and returns it unchanged, or throws a UserError at `where` naming the bad
 * parameter: every parameter finite; uniform min < max; normal sd > 0; lognormal sigma > 0 (and mu finite, so the
 * values are positive); triangular min <= mode <= max with min < max.
 */
export function validateDistribution(dist: Distribution, where: UserErrorLocation = {}): Distribution {
  const fail = (message: string, expected: string, found: string): never => {
    throw new UserError({...where, message, expected, found});
  };
  const finite = (name: string, value: number): void => {
    if (typeof value !== "number" || !Number.isFinite(value))
      fail(`${dist.kind} ${name} is not a finite number`, "a finite number", String(value));
  };
  switch (dist.kind) {
    case "point":
      finite("value", dist.value);
      break;
    case "uniform":
      finite("min", dist.min);
      finite("max", dist.max);
      if (!(dist.min < dist.max))
        fail("uniform bounds are inverted or equal", "min < max", `min = ${dist.min}, max = ${dist.max}`);
      break;
    case "normal":
      finite("mean", dist.mean);
      finite("sd", dist.sd);
      if (!(dist.sd > 0)) fail("normal sd must be positive", "sd > 0", `sd = ${dist.sd}`);
      break;
    case "lognormal":
      finite("mu", dist.mu);
      finite("sigma", dist.sigma);
      if (!(dist.sigma > 0)) fail("lognormal sigma must be positive", "sigma > 0", `sigma = ${dist.sigma}`);
      break;
    case "triangular":
      finite("min", dist.min);
      finite("mode", dist.mode);
      finite("max", dist.max);
      if (!(dist.min < dist.max))
        fail("triangular bounds are inverted or equal", "min < max", `min = ${dist.min}, max = ${dist.max}`);
      if (!(dist.min <= dist.mode && dist.mode <= dist.max)) {
        fail(
          "triangular mode lies outside [min, max]",
          "min <= mode <= max",
          `min = ${dist.min}, mode = ${dist.mode}, max = ${dist.max}`
        );
      }
      break;
    default:
      fail(
        "unknown distribution kind",
        "point, uniform, normal, lognormal or triangular",
        String((dist as {kind: unknown}).kind)
      );
  }
  return dist;
}

function checkInterval(p5: number, p95: number, where: UserErrorLocation): void {
  for (const [name, value] of [
    ["p5", p5],
    ["p95", p95]
  ] as const) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new UserError({
        ...where,
        message: `${name} is not a finite number`,
        expected: "a finite number",
        found: String(value)
      });
    }
  }
  if (!(p5 < p95)) {
    throw new UserError({
      ...where,
      message: "90% interval is inverted or empty",
      expected: "p5 < p95",
      found: `p5 = ${p5}, p95 = ${p95}`,
      hint: p5 === p95 ? "use a point value for a known quantity" : "swap the bounds"
    });
  }
}
