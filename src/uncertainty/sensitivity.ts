import {UserError} from "../errors/userError.js";
import {distributionQuantile} from "./closedForm.js";
import type {Distribution} from "./distribution.js";
import {validateDistribution} from "./interval.js";

/**
 * One-at-a-time sensitivity: a tornado (swing each uncertain input between two percentiles with the others held at the
 * base point) and elasticities at the base point.
 */

export interface TornadoInput<K extends string> {
  /** The uncertain inputs to swing, each with its distribution (a subset of the keys of `base`). */
  inputs: Readonly<Partial<Record<K, Distribution>>>;
  /** The base point: a value for every model input, in its base unit (e.g. the medians or the scenario values). */
  base: Readonly<Record<K, number>>;
  /** The model: one output from one full set of inputs. */
  evaluate: (input: Readonly<Record<K, number>>) => number;
  /** Lower swing percentile as a fraction, in [0, 0.5) (default 0.05). */
  lowQuantile?: number;
  /** Upper swing percentile as a fraction, in (0.5, 1] (default 0.95). */
  highQuantile?: number;
}

/** One bar of a tornado chart. */
export interface TornadoRow<K extends string = string> {
  /** Name of the input swung. */
  input: K;
  /** The input's base value. */
  base: number;
  /** The input's value at the low percentile (p5 by default). */
  low: number;
  /** The input's value at the high percentile (p95 by default). */
  high: number;
  /** Model output with this input at `low`, the others at base. */
  outputAtLow: number;
  /** Model output with this input at `high`, the others at base. */
  outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|. */
  swing: number;
}

export interface TornadoResult<K extends string = string> {
  /** Model output at the base point. */
  outputAtBase: number;
  /** One row per input, by swing descending (ties by input name). */
  rows: TornadoRow<K>[];
}

/** Tornado rows: each input swung from its low to its high percentile, the others at base. */
export function tornado<K extends string>({
  inputs,
  base,
  evaluate,
  lowQuantile = 0.05,
  highQuantile = 0.95
}: TornadoInput<K>): TornadoResult<K> {
  if (!(lowQuantile >= 0 && lowQuantile < 0.5 && highQuantile > 0.5 && highQuantile <= 1)) {
    throw new UserError({
      path: "lowQuantile",
      message: "invalid swing percentiles",
      expected: "0 <= lowQuantile < 0.5 < highQuantile <= 1",
      found: `lowQuantile = ${lowQuantile}, highQuantile = ${highQuantile}`
    });
  }
  const point = {...base} as Record<K, number>;
  const outputAtBase = evaluate(point);
  const rows: TornadoRow<K>[] = [];
  for (const key of Object.keys(inputs) as K[]) {
    const dist = inputs[key] as Distribution;
    validateDistribution(dist, {path: `inputs.${key}`});
    const baseValue = checkBase(base, key);
    const low = distributionQuantile(dist, lowQuantile);
    const high = distributionQuantile(dist, highQuantile);
    point[key] = low;
    const outputAtLow = evaluate(point);
    point[key] = high;
    const outputAtHigh = evaluate(point);
    point[key] = baseValue;
    rows.push({
      input: key,
      base: baseValue,
      low,
      high,
      outputAtLow,
      outputAtHigh,
      swing: Math.abs(outputAtHigh - outputAtLow)
    });
  }
  rows.sort((a, b) => b.swing - a.swing || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  return {outputAtBase, rows};
}

export interface ElasticitiesInput<K extends string> {
  /** The base point: a value for every model input. */
  base: Readonly<Record<K, number>>;
  /** The model: one output from one full set of inputs. */
  evaluate: (input: Readonly<Record<K, number>>) => number;
  /** Inputs to differentiate by (default: every key of `base`). */
  inputs?: readonly K[];
  /** Relative step h of the central difference, x ± h·|x|; in (0, 0.1] (default 1e-4). */
  relativeStep?: number;
}

/** Elasticity of the output with respect to one input at the base point. */
export interface ElasticityRow<K extends string = string> {
  /** Name of the input. */
  input: K;
  /** The input's base value. */
  base: number;
  /**
   * d ln f / d ln x: the % change of the output per 1% change of this input (dimensionless), by central difference
   * (f(x + h) − f(x − h)) / (2h) · x / f(x).
   */
  elasticity: number;
}

/**
 * Elasticities at the base point, by |elasticity| descending (ties by name). Inputs whose base value is 0 are skipped
 * (their elasticity is 0 by definition and says nothing). Throws a UserError if the output at the base is 0 or not
 * finite, where elasticities are undefined.
 */
export function elasticities<K extends string>({
  base,
  evaluate,
  inputs = Object.keys(base) as K[],
  relativeStep = 1e-4
}: ElasticitiesInput<K>): ElasticityRow<K>[] {
  if (!(relativeStep > 0 && relativeStep <= 0.1)) {
    throw new UserError({
      path: "relativeStep",
      message: "invalid relative step",
      expected: "a number in (0, 0.1]",
      found: String(relativeStep)
    });
  }
  const point = {...base} as Record<K, number>;
  const f0 = evaluate(point);
  if (!Number.isFinite(f0) || f0 === 0) {
    throw new UserError({
      path: "base",
      message: "elasticities are undefined where the output is zero or not finite",
      expected: "a finite, non-zero output at the base point",
      found: String(f0)
    });
  }
  const rows: ElasticityRow<K>[] = [];
  for (const key of inputs) {
    const x = checkBase(base, key);
    if (x === 0) continue;
    const h = relativeStep * Math.abs(x);
    point[key] = x + h;
    const up = evaluate(point);
    point[key] = x - h;
    const down = evaluate(point);
    point[key] = x;
    rows.push({input: key, base: x, elasticity: (((up - down) / (2 * h)) * x) / f0});
  }
  rows.sort(
    (a, b) => Math.abs(b.elasticity) - Math.abs(a.elasticity) || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0)
  );
  return rows;
}

function checkBase<K extends string>(base: Readonly<Record<K, number>>, key: K): number {
  const value = base[key];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new UserError({
      path: `base.${key}`,
      message: "missing or non-finite base value",
      expected: "a finite number",
      found: String(value)
    });
  }
  return value;
}
