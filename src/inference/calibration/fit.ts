import {nelderMead} from "fmin";
import {DEFAULT_SERVING_EFFICIENCIES, type ServingEfficiencies} from "../efficiencies.js";
import type {ComparableMeasurement} from "./measurementShape.js";
import {compareMeasurement} from "./predict.js";

/** The efficiencies a fit sets; the collective latency stays at its default (too few measurements isolate it). */
export const FITTED_EFFICIENCIES = [
  "bandwidthFraction",
  "computeFraction",
  "communicationFraction",
  "stepOverheadSeconds"
] as const satisfies readonly (keyof ServingEfficiencies)[];
export type FittedEfficiency = (typeof FITTED_EFFICIENCIES)[number];

/**
 * Fewest measurements a group's parameter set may be fitted on (never one: a fit to one point explains nothing); a
 * group's fit is pulled towards the pooled one (GROUP_PRIOR_WEIGHT), so three can move four parameters a little.
 */
export const MIN_MEASUREMENTS_PER_FIT = 3;

/**
 * Fewest measurements the pooled fit, which has no prior, is fitted on: more than the four parameters it sets (with
 * three or four it fits them exactly: a 0% error and a per-step overhead of 1e-277 s; breaker).
 */
export const MIN_MEASUREMENTS_POOLED_FIT = FITTED_EFFICIENCIES.length + 2;

/**
 * Strength of the pull of a group's efficiencies towards the pooled fit, per squared unit of logit (fractions) or
 * log (seconds): enough to keep a parameter the group's measurements cannot see (bandwidth on compute-bound offline
 * runs) at the pooled value, too weak to overrule what they do see. An assumption.
 */
export const GROUP_PRIOR_WEIGHT = 0.02;

/**
 * Most restarts of the simplex from the best point it reached: a restart builds a fresh simplex there, which moves
 * a search that had shrunk into a valley (or onto the step where a measurement stops fitting in memory) out of it.
 */
export const MAX_RESTARTS = 8;

/**
 * Minimises `loss` with the downhill simplex from each start, each run restarted from its result until a restart
 * improves the loss by less than 1e-9 (at most MAX_RESTARTS times), and returns the best point. One run from one start
 * stopped short of the minimum whenever the start moved: adding 21 A100 rows moved the pooled fit, and a group fit
 * started there (Hopper on vLLM) ended at a bandwidth fraction of 0.35 and a loss of 0.34 where 0.80 gave 0.11.
 * Deterministic: the same starts give the same point.
 */
function minimiseWithRestarts(loss: (x: number[]) => number, starts: readonly number[][]): {x: number[]; fx: number} {
  let best: {x: number[]; fx: number} | null = null;
  const distinct = starts.filter(
    (start, i) => starts.findIndex((other) => other.every((v, j) => v === start[j])) === i
  );
  for (const start of distinct) {
    let run = nelderMead(loss, start, {maxIterations: 120 * start.length, minErrorDelta: 1e-7});
    for (let i = 0; i < MAX_RESTARTS; i++) {
      const next = nelderMead(loss, run.x, {maxIterations: 120 * start.length, minErrorDelta: 1e-7});
      const improved = next.fx < run.fx - 1e-9;
      if (next.fx < run.fx) run = next;
      if (!improved) break;
    }
    if (!best || run.fx < best.fx) best = run;
  }
  return best!;
}

/**
 * Bounded efficiencies ↔ unbounded coordinates the simplex moves in: logit for fractions, log for seconds. A fraction
 * a fit drove to 1 in floating point (or a step overhead to 0) is taken a hair inside its bounds, so that its
 * coordinate stays finite: an infinite start or prior made every point's loss infinite or NaN, and every group fit
 * returned the pooled values unchanged (breaker: 12 bundled rows fitting a communication fraction of exactly 1).
 */
function toCoordinates(e: ServingEfficiencies, names: readonly FittedEfficiency[]): number[] {
  return names.map((name) =>
    name === "stepOverheadSeconds"
      ? Math.log(Math.max(e[name], MIN_STEP_OVERHEAD_SECONDS))
      : logit(Math.min(Math.max(e[name], FRACTION_EPSILON), 1 - FRACTION_EPSILON))
  );
}

/** How far inside (0, 1) a fraction's coordinate is taken, and the least step overhead: finite coordinates. */
const FRACTION_EPSILON = 1e-9;
const MIN_STEP_OVERHEAD_SECONDS = 1e-12;

function fromCoordinates(x: readonly number[], names: readonly FittedEfficiency[], base: ServingEfficiencies) {
  const e = {...base};
  names.forEach((name, i) => {
    e[name] = name === "stepOverheadSeconds" ? Math.exp(x[i]!) : sigmoid(x[i]!);
  });
  return e;
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** What a fit returns: the efficiencies, the loss and the measurements it was fitted on. */
export interface EfficiencyFit {
  efficiencies: ServingEfficiencies;
  /** Mean squared log ratio (model ÷ measured) over the measurements, at the fitted efficiencies. */
  meanSquaredLogRatio: number;
  measurements: number;
}

/**
 * Fits efficiencies to measurements by minimising the mean squared log of model ÷ measured (so 2× too high and 2×
 * too low weigh alike), with the downhill simplex method (Nelder & Mead 1965, fmin's implementation), run from `start`,
 * from `prior` and from the defaults, each restarted until it stops improving (minimiseWithRestarts); the best point
 * wins. `names` are the efficiencies fitted; the others keep their value in `start`. With `prior`, adds GROUP_PRIOR_WEIGHT × the squared
 * distance of the fitted coordinates from the prior's.
 *
 * Throws: Error when given fewer than MIN_MEASUREMENTS_PER_FIT measurements with a prior, or
 * MIN_MEASUREMENTS_POOLED_FIT without (a programming error: callers group and check).
 */
export function fitEfficiencies(
  measurements: readonly ComparableMeasurement[],
  {
    names = FITTED_EFFICIENCIES,
    start = DEFAULT_SERVING_EFFICIENCIES,
    prior
  }: {names?: readonly FittedEfficiency[]; start?: ServingEfficiencies; prior?: ServingEfficiencies} = {}
): EfficiencyFit {
  const least = prior ? MIN_MEASUREMENTS_PER_FIT : MIN_MEASUREMENTS_POOLED_FIT;
  if (measurements.length < least) {
    throw new Error(`a fit needs at least ${least} measurements, got ${measurements.length}`);
  }
  const hints = new Map<string, number>();
  const priorX = prior ? toCoordinates(prior, names) : null;
  const loss = (x: number[]) => {
    const e = fromCoordinates(x, names, start);
    let sum = 0;
    for (const m of measurements) {
      const {ratio, fits} = compareMeasurement(m, e, hints);
      sum += fits && ratio > 0 ? Math.log(ratio) ** 2 : 100;
    }
    let penalty = 0;
    if (priorX) for (let i = 0; i < x.length; i++) penalty += (x[i]! - priorX[i]!) ** 2;
    return sum / measurements.length + GROUP_PRIOR_WEIGHT * penalty;
  };
  const result = minimiseWithRestarts(loss, [
    toCoordinates(start, names),
    ...(prior ? [toCoordinates(prior, names)] : []),
    toCoordinates(DEFAULT_SERVING_EFFICIENCIES, names)
  ]);
  const efficiencies = fromCoordinates(result.x, names, start);
  let sum = 0;
  for (const m of measurements) sum += Math.log(compareMeasurement(m, efficiencies).ratio) ** 2;
  return {efficiencies, meanSquaredLogRatio: sum / measurements.length, measurements: measurements.length};
}
