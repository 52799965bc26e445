import {readDecimal} from "../../units/decimal.js";
import {UserError, UserErrors} from "../../errors/userError.js";
import {readQuantity, type Dimension} from "../../units/quantity.js";
import {evaluateScenarioPoint, SCENARIO_METRICS, type BoundScenario} from "../evaluate/evaluateScenario.js";
import {formatRange, isInRange} from "../../units/range.js";
import {isQuantityKey, keyRange, SCENARIO_KEY_PATHS, scenarioKey} from "../file/schema.js";
import {scenarioMedianPoint} from "../resolve/scenarioValues.js";
import {didYouMean} from "../../errors/suggest.js";

/** One axis of a sweep: a numeric key and the values it takes, in base units. */
export interface SweepAxisSpec {
  path: string;
  values: number[];
}

/** Largest grid a sweep evaluates (all axes multiplied): 1,000,000 points, minutes of work at ~0.3 ms a point. */
export const MAX_SWEEP_POINTS = 1_000_000;

/**
 * Reads `path=FROM:TO:STEPS` (STEPS evenly spaced values from FROM to TO inclusive; FROM and TO may carry units:
 * `power.electricity=0.04 USD/kWh:0.12 USD/kWh:9`). Every value must lie in the key's range (and be whole for an
 * integer key). Errors name the flag, the key, what was expected and what was found.
 */
export function parseSweepAxis(text: string, flag = "--vary"): SweepAxisSpec {
  const equals = text.indexOf("=");
  const expected = "path=FROM:TO:STEPS, like serving.utilization=0.3:0.9:7";
  if (equals < 0) throw new UserError({flag, message: "missing =", expected, found: text});
  const path = text.slice(0, equals).trim();
  const def = scenarioKey(path);
  if (!def) {
    const hint = didYouMean(path, SCENARIO_KEY_PATHS);
    throw new UserError({
      flag,
      path,
      message: "unknown key",
      expected: "a scenario key path",
      found: path || '""',
      ...(hint ? {hint} : {})
    });
  }
  if (!isQuantityKey(def)) {
    throw new UserError({flag, path, message: "not a numeric key", expected: "a key with a number value", found: path});
  }
  const parts = text.slice(equals + 1).split(":");
  if (parts.length !== 3) throw new UserError({flag, path, message: "malformed range", expected, found: text});
  const [fromText, toText, stepsText] = parts.map((part) => part.trim()) as [string, string, string];
  const read = (written: string) => {
    const reading = readQuantity(written, def.type as Dimension);
    if (!reading.ok)
      throw new UserError({flag, path, message: "bad value", expected: reading.expected, found: reading.found});
    return reading.value;
  };
  const from = read(fromText);
  const to = read(toText);
  const steps = readDecimal(stepsText) ?? NaN;
  if (!Number.isInteger(steps) || steps < 1 || steps > 10_000) {
    throw new UserError({
      flag,
      path,
      message: "bad step count",
      expected: "a whole number of steps from 1 to 10000",
      found: stepsText
    });
  }
  if (steps === 1 && from !== to) {
    throw new UserError({
      flag,
      path,
      message: "one step cannot span a range",
      expected: "FROM equal to TO, or 2 or more steps",
      found: text
    });
  }
  // The last value is TO exactly: FROM + (TO − FROM) can round past TO (0.3 + 0.6 = 0.9000000000000001).
  const values = Array.from({length: steps}, (_, i) => (i === steps - 1 ? to : from + ((to - from) * i) / (steps - 1)));
  const range = keyRange(def);
  // The range is an interval, so the ends decide; report the end as written rather than a rounded grid value.
  const ends: [number, string][] = [
    [from, fromText],
    [to, toText]
  ];
  const outside = ends.find(([value]) => !isInRange(value, range));
  const fraction = def.integer === true ? values.find((value) => !Number.isInteger(value)) : undefined;
  if (outside !== undefined || fraction !== undefined) {
    throw new UserError({
      flag,
      path,
      message: outside !== undefined ? "value out of range" : "not a whole number",
      expected: `${def.integer ? "whole numbers" : "values"} in ${formatRange(range, isQuantityKey(def) ? def.type : undefined)}`,
      found: String(outside !== undefined ? outside[1] : fraction)
    });
  }
  return {path, values};
}

export interface SweepScenarioInput {
  bound: BoundScenario;
  axes: readonly SweepAxisSpec[];
  /** Called after each grid point with the number done and the total (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Evaluates the scenario at every point of the grid (every combination of the axes' values), each other key at the
 * median of its distribution. One row per point: the varied keys (base units), then every metric (null where it
 * does not occur within the horizon).
 */
export function sweepScenario({bound, axes, onProgress}: SweepScenarioInput): Record<string, number | null>[] {
  if (axes.length === 0) {
    throw new UserError({
      flag: "--vary",
      message: "nothing to sweep",
      expected: "at least one --vary path=FROM:TO:STEPS",
      found: "none"
    });
  }
  const paths = axes.map((axis) => axis.path);
  const duplicate = paths.find((path, i) => paths.indexOf(path) !== i);
  if (duplicate) {
    throw new UserError({
      flag: "--vary",
      path: duplicate,
      message: "key varied twice",
      expected: "each key once",
      found: duplicate
    });
  }
  const total = axes.reduce((product, axis) => product * axis.values.length, 1);
  if (total > MAX_SWEEP_POINTS) {
    throw new UserError({
      flag: "--vary",
      message: "grid too large",
      expected: `at most ${MAX_SWEEP_POINTS} points`,
      found: String(total)
    });
  }
  const base = scenarioMedianPoint(bound.resolved);
  const rows: Record<string, number | null>[] = [];
  const errors: UserError[] = [];
  const index = axes.map(() => 0);
  for (let done = 0; done < total; done++) {
    const point = {...base};
    const row: Record<string, number | null> = {};
    axes.forEach((axis, a) => {
      const value = axis.values[index[a]!]!;
      point[axis.path] = value;
      row[axis.path] = value;
    });
    try {
      const {metrics} = evaluateScenarioPoint(bound, point);
      for (const name of SCENARIO_METRICS) row[name] = metrics[name];
      rows.push(row);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const at = axes.map((axis) => `${axis.path}=${row[axis.path]}`).join(", ");
      const {path, message, expected, found} = error.detail;
      // A problem with a varied key is the --vary flag's, not the line of the file that set the key's base value.
      errors.push(
        path !== undefined && paths.includes(path)
          ? new UserError({flag: "--vary", path, message: `${message} (at ${at})`, expected, found})
          : new UserError({...error.detail, message: `${message} (at ${at})`})
      );
      if (errors.length >= 5) break;
    }
    onProgress?.(done + 1, total);
    for (let a = axes.length - 1; a >= 0; a--) {
      index[a]! += 1;
      if (index[a]! < axes[a]!.values.length) break;
      index[a] = 0;
    }
  }
  if (errors.length) throw new UserErrors(errors);
  return rows;
}
