import * as aq from "arquero";
import type {ColumnTable} from "arquero";
import {UserError} from "../errors/userError.js";
import {groupThousands} from "../units/groupThousands.js";
import {describeFound, isPlainObject} from "../units/range.js";

/**
 * Sweeps: evaluate any model over a grid of one or two of its numeric inputs and return an arquero table, so that
 * a page or a user can chart a sensitivity without writing loops.
 *
 *   rows     one per point of the grid: every value of the first axis × every value of the second (first axis
 *            outermost, values in the order given)
 *   columns  one per varied path (named by the path, e.g. "merchant.chipHour.vendorGrossMarginFraction"), then one
 *            per metric that `evaluate` returns, in the order they first appear
 *   input    a structured clone of `base` with each varied path set to the point's value; `base` is never changed
 *   metrics  a metric missing from some point's result, or not a finite number there, is null in that row
 */
export interface SweepAxis {
  /** Dotted path of a numeric field of `base` ("designCycleMonths", "merchant.chipHour.chipPriceUsd"). */
  path: string;
  /** Values to try, in order; finite numbers, at least one. */
  values: readonly number[];
}

/**
 * Largest grid a sweep evaluates (all axes multiplied), this function's and `token-ledger sweep`'s: 1,000,000 points,
 * minutes of work at ~0.3 ms a scenario point (two axes of a million values each ran this function out of heap after
 * 45 s; breaker).
 */
export const MAX_SWEEP_POINTS = 1_000_000;

/** What `evaluate` returns: named scalar metrics; null for "none" (e.g. a payback month that never comes). */
export type SweepMetrics = Record<string, number | null>;

export interface SweepInput<T extends object> {
  /**
   * The input every point starts from: one built by hand, or a scenario's (`new ScenarioStages(bound,
   * scenarioMedianPoint(bound.resolved)).siliconInput`, as the README's example); plain data, not changed.
   */
  base: T;
  /** One or two axes to vary; their paths must differ. */
  vary: readonly [SweepAxis] | readonly [SweepAxis, SweepAxis];
  /** The model run at each point, reduced to the metrics to chart. */
  evaluate: (input: T) => SweepMetrics;
}

/** Every dotted path in `value` that leads to a number, in depth-first order ("a", "b.c", "list.0"). */
export function numericPaths(value: unknown, prefix = ""): string[] {
  if (typeof value === "number") return prefix ? [prefix] : [];
  if (typeof value !== "object" || value === null) return [];
  const paths: string[] = [];
  for (const [key, child] of Object.entries(value))
    paths.push(...numericPaths(child, prefix ? `${prefix}.${key}` : key));
  return paths;
}

/** Sets the number at a dotted path of a plain object in place; the path must already lead to a number. */
function setPath(target: object, path: string, value: number): void {
  const keys = path.split(".");
  let node = target as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

function checkAxes<T extends object>(base: T, vary: readonly SweepAxis[]): void {
  if (vary.length < 1 || vary.length > 2) {
    const found = String(vary.length);
    throw new UserError({path: "vary", message: "wrong number of axes", expected: "1 or 2 axes", found});
  }
  const valid = numericPaths(base);
  vary.forEach((axis, i) => {
    if (!valid.includes(axis.path)) {
      throw new UserError({
        path: `vary[${i}].path`,
        message: "unknown parameter",
        expected: "the path of a numeric field of the base input",
        found: JSON.stringify(axis.path),
        hint: valid.length ? `valid paths: ${valid.join(", ")}` : "base has no number field (a Map's entries are none)"
      });
    }
    if (!Array.isArray(axis.values)) {
      // A string ("0.5") threw "axis.values.forEach is not a function" (modeller's trial).
      const found = typeof axis.values === "string" ? JSON.stringify(axis.values) : String(axis.values);
      throw new UserError({path: `vary[${i}].values`, message: "not a list", expected: "an array of numbers", found});
    }
    if (axis.values.length === 0) {
      throw new UserError({path: `vary[${i}].values`, message: "empty", expected: "at least one value", found: "[]"});
    }
    // Every index, holes too ([1, , 3]: forEach skips a hole, which then swept as undefined; breaker).
    for (let j = 0; j < axis.values.length; j++) {
      const value = axis.values[j];
      if (typeof value !== "number" || !Number.isFinite(value)) {
        const found = String(value);
        throw new UserError({
          path: `vary[${i}].values[${j}]`,
          message: "not a number",
          expected: "a finite number",
          found
        });
      }
    }
  });
  const points = vary.reduce((product, axis) => product * axis.values.length, 1);
  if (points > MAX_SWEEP_POINTS) {
    throw new UserError({
      path: "vary",
      message: "grid too large",
      expected: `at most ${groupThousands(MAX_SWEEP_POINTS)} points (all axes multiplied)`,
      found: `${groupThousands(points)} points`
    });
  }
  if (vary.length === 2 && vary[0]!.path === vary[1]!.path) {
    const found = JSON.stringify(vary[1]!.path);
    throw new UserError({
      path: "vary[1].path",
      message: "repeated axis",
      expected: "a path other than vary[0]'s",
      found
    });
  }
}

/**
 * `evaluate` at every point of a grid of one or two numeric inputs of `base` (the shapes are SweepAxis's comment's).
 *
 * @param input `base` (plain data, cloned per point and never changed), `vary` (one or two SweepAxis: a dotted path
 *   of a number in `base`, in that field's own unit, e.g. nreUsd in US dollars, and the values to try) and `evaluate`
 *   (the model at one point, returning an object of named metrics, SweepMetrics).
 * @returns An arquero ColumnTable: one row per point (first axis outermost), a column per varied path with the value
 *   tried, then a column per metric in the order first returned; a metric missing or not finite at a point is null.
 * @throws UserError naming `vary`, `vary[i].path` or `vary[i].values` for no axis or more than two, a path that is not
 *   a number of `base` (listing the valid paths), no value or a value not finite, a grid over MAX_SWEEP_POINTS or one
 *   path twice; naming `input`, `base`, `evaluate` or `vary` when one is left out or of another type; naming
 *   `evaluate` for a result that is not a plain object of metrics (a Promise, a Map), a metric neither a number nor
 *   null, or a metric named like a varied path.
 *   An error `evaluate` throws (a model's UserError for a value out of its range) passes through.
 */
export function sweep<T extends object>(input: SweepInput<T>): ColumnTable {
  checkInput(input);
  const {base, vary, evaluate} = input;
  checkAxes(base, vary);
  const axisPaths = vary.map((axis) => axis.path);
  const points: number[][] = [];
  for (const first of vary[0].values) {
    if (vary.length === 2) for (const second of vary[1]!.values) points.push([first, second]);
    else points.push([first]);
  }
  const results = points.map((point) => {
    const variant = structuredClone(base);
    point.forEach((value, i) => setPath(variant, axisPaths[i]!, value));
    return checkMetrics(evaluate(variant), point, axisPaths);
  });
  const metricNames: string[] = [];
  for (const metrics of results)
    for (const name of Object.keys(metrics)) if (!metricNames.includes(name)) metricNames.push(name);
  for (const name of metricNames) {
    if (axisPaths.includes(name)) {
      const found = JSON.stringify(name);
      throw new UserError({
        path: "evaluate",
        message: "metric named like a varied path",
        expected: "a distinct name",
        found
      });
    }
  }
  const columns: Record<string, (number | null)[]> = {};
  axisPaths.forEach((path, i) => (columns[path] = points.map((point) => point[i]!)));
  for (const name of metricNames) {
    columns[name] = results.map((metrics) => {
      const value = metrics[name];
      return typeof value === "number" && Number.isFinite(value) ? value : null;
    });
  }
  return aq.table(columns, [...axisPaths, ...metricNames]);
}

/**
 * `result` when it is a plain object of metrics, each a number or null; else a UserError naming `evaluate` and the
 * point. An evaluate returning a bare number, `(i) => siliconProgram(i).npvUsd`, gave a table of the varied column
 * alone, no error (modeller trial); so did an async evaluate's Promise, a Map and a Date, and a metric of text or an
 * object was an empty column (breaker).
 */
function checkMetrics(result: unknown, point: readonly number[], axisPaths: readonly string[]): SweepMetrics {
  // Written only for an error: a sweep's points are many.
  const at = () => axisPaths.map((path, i) => `${path}=${point[i]}`).join(", ");
  const expected = "an object of named numbers, like (input) => ({npvUsd: siliconProgram(input).npvUsd})";
  if (!isPlainObject(result)) {
    const promise = typeof (result as {then?: unknown} | null)?.then === "function";
    throw new UserError({
      path: "evaluate",
      message: `returned no object of metrics at ${at()}`,
      expected,
      found: promise ? "a Promise" : result instanceof Map ? "a Map" : describeFound(result),
      ...(promise
        ? {hint: "sweep does not wait: evaluate must return its metrics, not an async function's Promise"}
        : {})
    });
  }
  for (const [name, value] of Object.entries(result as object)) {
    if (typeof value === "number" || value === null || value === undefined) continue;
    throw new UserError({
      path: `evaluate`,
      message: `metric ${JSON.stringify(name)} is no number at ${at()}`,
      expected: `${expected}, or null where a metric has no value`,
      found: describeFound(value)
    });
  }
  return result as SweepMetrics;
}

/**
 * Throws a UserError naming `input`, `base`, `evaluate` or `vary` unless `input` is an object with a base, an evaluate
 * function and a list of axes: each left out read a TypeError ("evaluate is not a function", "vary.forEach is not a
 * function", "Cannot destructure property 'base' of 'input'"; breaker).
 */
function checkInput(input: unknown): void {
  const expected = "{base, vary: [{path, values}], evaluate}";
  if (typeof input !== "object" || input === null) {
    throw new UserError({path: "input", message: "missing", expected, found: describeFound(input)});
  }
  const {base, vary, evaluate} = input as Partial<SweepInput<object>>;
  if (typeof base !== "object" || base === null) {
    throw new UserError({
      path: "base",
      message: "missing",
      expected: "the input object to vary",
      found: describeFound(base)
    });
  }
  if (typeof evaluate !== "function") {
    const found = describeFound(evaluate);
    throw new UserError({
      path: "evaluate",
      message: "not a function",
      expected: "(input) => ({metric: number})",
      found
    });
  }
  const axes = Array.isArray(vary) ? vary : [];
  const bad = axes.findIndex((axis) => typeof axis !== "object" || axis === null);
  if (!Array.isArray(vary) || bad >= 0) {
    throw new UserError({
      path: bad >= 0 ? `vary[${bad}]` : "vary",
      message: bad >= 0 ? "not an axis" : "not a list of axes",
      expected: 'one or two axes, like [{path: "nreUsd", values: [1e8, 2e8]}]',
      found: describeFound(bad >= 0 ? axes[bad] : vary)
    });
  }
}
