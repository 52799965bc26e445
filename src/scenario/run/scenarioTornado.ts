import type {Distribution} from "../../uncertainty/distribution.js";
import {tornado, type TornadoRow} from "../../uncertainty/sensitivity.js";
import {evaluateScenarioPoint, type BoundScenario, type ScenarioEvaluation} from "../evaluate/evaluateScenario.js";
import {clampToRange} from "./scenarioDraws.js";
import {keyRange, scenarioKey} from "../file/schema.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";

/** How a tornado row's swing was chosen. */
export type SwingKind = "p5–p95" | "±20%";

export interface ScenarioTornadoRow extends TornadoRow {
  /** "p5–p95" for a key the scenario gives a distribution, "±20%" for a point value swung 20% either way. */
  swingKind: SwingKind;
}

export interface ScenarioTornadoInput {
  bound: BoundScenario;
  /** The point (every key at one value, base units), e.g. the median with the page's controls applied. */
  point: ScenarioPoint;
  /** The metric, from a full evaluation. */
  metric: (evaluation: ScenarioEvaluation) => number;
  /** Keys swung from their p5 to their p95 (their distributions). */
  distributions: Readonly<Record<string, Distribution>>;
  /** Keys held at a point value, swung by ±`relativeSwing` (clamped to the key's range). */
  pointKeys: readonly string[];
  /** Relative swing of the point keys (default 0.2). */
  relativeSwing?: number;
}

export interface ScenarioTornadoResult {
  outputAtBase: number;
  /** By swing descending (ties by key). */
  rows: ScenarioTornadoRow[];
}

/**
 * One-at-a-time sensitivity of a scenario metric, each end evaluated by the whole scenario (evaluateScenarioPoint):
 * the keys with a distribution swing from its p5 to its p95 (tornado() of src/uncertainty/sensitivity.ts); the point
 * keys swing ±20% (a uniform distribution over [0.8x, 1.2x] read at its 0 and 1 quantiles), clamped to their range.
 * Each key inside the point keeps its value when it is not the one swung. About 0.3 ms per evaluation.
 */
export function scenarioTornado(input: ScenarioTornadoInput): ScenarioTornadoResult {
  const {bound, point, metric, distributions, pointKeys, relativeSwing = 0.2} = input;
  const work: ScenarioPoint = {...point};
  const numericBase = (keys: readonly string[]) =>
    Object.fromEntries(keys.map((key) => [key, point[key] as number])) as Record<string, number>;
  // Every evaluation starts from the point: a key swung in one call is back at its value in the next.
  const evaluate = (x: Readonly<Record<string, number>>) => {
    for (const key of swept) work[key] = point[key]!;
    for (const key of Object.keys(x)) work[key] = clampToRange(x[key]!, keyRange(scenarioKey(key)!));
    return metric(evaluateScenarioPoint(bound, work));
  };
  const uncertainKeys = Object.keys(distributions);
  const swept = [...uncertainKeys, ...pointKeys];
  const uncertain = tornado({inputs: distributions, base: numericBase(uncertainKeys), evaluate});
  const swingKeys = pointKeys.filter((key) => typeof point[key] === "number" && point[key] !== 0);
  const swings = Object.fromEntries(
    swingKeys.map((key) => {
      const x = point[key] as number;
      const [a, b] = [x * (1 - relativeSwing), x * (1 + relativeSwing)];
      return [key, {kind: "uniform", min: Math.min(a, b), max: Math.max(a, b)} satisfies Distribution];
    })
  );
  const swung = tornado({
    inputs: swings,
    base: numericBase(swingKeys),
    evaluate,
    lowQuantile: 0,
    highQuantile: 1
  });
  // The clamped values actually used.
  const clamp = (key: string, v: number) => clampToRange(v, keyRange(scenarioKey(key)!));
  const rows: ScenarioTornadoRow[] = [
    ...uncertain.rows.map((row) => ({...row, swingKind: "p5–p95" as const})),
    ...swung.rows.map((row) => ({
      ...row,
      low: clamp(row.input, row.low),
      high: clamp(row.input, row.high),
      swingKind: "±20%" as const
    }))
  ];
  rows.sort((a, b) => b.swing - a.swing || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0));
  return {outputAtBase: uncertain.outputAtBase, rows};
}
