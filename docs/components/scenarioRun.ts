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

/**
 * A request as the page posts it to its worker: the scenario and catalogs only when they differ from the last ones
 * posted (a page's are the same at every move, and cloning them cost 3–5 ms of main thread per run), else left out.
 */
export interface ScenarioRunMessage {
  id: number;
  request: Omit<ScenarioRunRequest, "resolved" | "catalogs"> &
    Partial<Pick<ScenarioRunRequest, "resolved" | "catalogs">>;
}

/**
 * What the worker does with each message it gets: the run of its request, on the scenario and catalogs of the last
 * message that carried them when this one does not. Throws what runScenarioMessage throws, and an Error when no
 * message has carried them yet.
 */
export function scenarioRunAnswerer(): (message: ScenarioRunMessage) => ScenarioRunReply {
  let last: Pick<ScenarioRunRequest, "resolved" | "catalogs"> | null = null;
  return ({request}) => {
    if (request.resolved && request.catalogs) last = {resolved: request.resolved, catalogs: request.catalogs};
    if (!last) throw new Error("a run without its scenario and catalogs, and none sent before");
    return runScenarioMessage({...request, ...last});
  };
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
