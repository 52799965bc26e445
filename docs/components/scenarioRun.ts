import {applyOverrides} from "../lib/scenario/resolve/applyOverrides.js";
import {bindScenario, type ScenarioCatalogs} from "../lib/scenario/evaluate/evaluateScenario.js";
import type {ResolvedScenario} from "../lib/scenario/resolve/resolveScenario.js";
import type {RunReport} from "../lib/scenario/run/runReport.js";
import {runScenario} from "../lib/scenario/run/runScenario.js";

/**
 * A scenario page's Monte Carlo as a message: what the page sends (to a Web Worker, scenarioRunWorker.ts, or to
 * itself where no worker can start) and what comes back. Only plain data crosses, so the worker's numbers are the
 * ones `runScenarioMessage` computes here, bit for bit (structured clone copies doubles exactly).
 */
export interface ScenarioRunRequest {
  /** The page's scenario as the build resolved it (site.json), before the page's sets. */
  resolved: ResolvedScenario;
  catalogs: ScenarioCatalogs;
  /** `path=value` sets in scenario-file notation, applied with applyOverrides under `flag`. */
  sets: readonly string[];
  /** The flag errors and origins name ("URL" on a page, urlState.ts SHARE_FLAG). */
  flag: string;
  samples: number;
  seed: number;
}

/** The uncertain part of a page's state: the metrics' summaries and the series' bands (runScenario). */
export type ScenarioRunReply = Pick<RunReport, "metrics" | "uncertainKeys" | "bands">;

/**
 * Applies the sets and runs the scenario's Monte Carlo (runScenario): what `token-ledger run SCENARIO --set …
 * --samples N --seed S` prints as metrics, uncertainKeys and bands. Throws what applyOverrides or runScenario throws
 * (a UserError naming the set or the key).
 */
export function runScenarioMessage(request: ScenarioRunRequest): ScenarioRunReply {
  const edited = applyOverrides(request.resolved, request.sets, request.flag);
  const run = runScenario(bindScenario(edited, request.catalogs), {samples: request.samples, seed: request.seed});
  return {metrics: run.metrics, uncertainKeys: run.uncertainKeys, bands: run.bands};
}
