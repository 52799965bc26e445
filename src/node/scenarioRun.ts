import {applyOverrides} from "../scenario/resolve/applyOverrides.js";
import {bindScenario} from "../scenario/evaluate/evaluateScenario.js";
import type {ResolvedScenario} from "../scenario/resolve/resolveScenario.js";
import {runScenario, type ScenarioRunResult} from "../scenario/run/runScenario.js";
import {loadCatalogs} from "./catalogFiles.js";
import {locateScenario} from "./scenarioLibrary.js";

export interface ScenarioRunRequest {
  /** An id of data/scenarios/ or a path to a .md file. */
  scenario: string;
  /** `path=value` overrides. */
  sets: readonly string[];
  samples: number;
  seed: number;
  /** The command-line argument the scenario came from, as errors name it (default SCENARIO; compare's SCENARIOS). */
  flag?: string;
}

/** Finds, resolves, overrides, binds and runs one scenario: the whole of `token-ledger run` but the printing. */
export function runScenarioRequest(request: ScenarioRunRequest): {
  resolved: ResolvedScenario;
  result: ScenarioRunResult;
} {
  const {id, library} = locateScenario(request.scenario, request.flag);
  const resolved = applyOverrides(library.resolve(id), request.sets);
  const bound = bindScenario(resolved, loadCatalogs());
  return {resolved, result: runScenario(bound, {samples: request.samples, seed: request.seed})};
}
