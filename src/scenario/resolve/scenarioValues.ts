import type {Distribution} from "../../uncertainty/distribution.js";
import {distributionQuantile} from "../../uncertainty/closedForm.js";
import type {ResolvedScenario} from "./resolveScenario.js";

/** One value per key: numbers in base units, strings for ids and choices, null for an unset optional key. */
export type ScenarioPoint = Record<string, number | string | null>;

/** A key's resolved value that is a distribution (an object with a kind), not a number, a text or null. */
export function isDistribution(value: unknown): value is Distribution {
  return typeof value === "object" && value !== null && "kind" in value;
}

/** The keys whose value is a distribution, with it. */
export function scenarioDistributions(resolved: ResolvedScenario): Record<string, Distribution> {
  const out: Record<string, Distribution> = {};
  for (const [path, {value}] of Object.entries(resolved.values)) if (isDistribution(value)) out[path] = value;
  return out;
}

/**
 * Every key at a single value: a distribution at its median (p50), so that a skewed lognormal is represented by its
 * typical value rather than pulled up by its tail. Charts of a scenario's series use this point.
 */
export function scenarioMedianPoint(resolved: ResolvedScenario): ScenarioPoint {
  const out: ScenarioPoint = {};
  for (const [path, {value}] of Object.entries(resolved.values)) {
    out[path] = isDistribution(value) ? distributionQuantile(value, 0.5) : value;
  }
  return out;
}
