import {loadCatalogs} from "./catalogFiles.js";
import {loadScenarioLibrary} from "./scenarioFiles.js";
import {bindScenario} from "../scenario/evaluate/evaluateScenario.js";
import {runScenario, DEFAULT_SCENARIO_SEED} from "../scenario/run/runScenario.js";
import {runReport, type RunReport} from "../scenario/run/runReport.js";
import type {ResolvedScenario} from "../scenario/resolve/resolveScenario.js";
import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";

/** Monte Carlo samples of the static first render; pages re-run with their own count when a control moves. */
export const SITE_SAMPLES = 1000;

/** What the site's pages read for their first render: catalogs, every resolved scenario and its evaluation. */
export interface SiteData {
  hardware: Hardware[];
  models: ModelArchitecture[];
  /** Scenario ids, sorted, with "base" first when present. */
  scenarioIds: string[];
  scenarios: Record<string, SiteScenario>;
}

export interface SiteScenario {
  /** The resolved scenario: pages pass it (with edited values) to bindScenario/evaluateScenarioPoint in the browser. */
  resolved: ResolvedScenario;
  /** `run --json` of the scenario at SITE_SAMPLES samples and the default seed. */
  report: RunReport;
}

/** Builds the site's static data from data/ (node only: it reads the files). */
export function buildSiteData(): SiteData {
  const catalogs = loadCatalogs();
  const library = loadScenarioLibrary();
  const ids = [...library.index.ids].sort((a, b) => (a === "base" ? -1 : b === "base" ? 1 : a.localeCompare(b)));
  const scenarios: Record<string, SiteScenario> = {};
  for (const id of ids) {
    const resolved = library.resolve(id);
    const result = runScenario(bindScenario(resolved, catalogs), {samples: SITE_SAMPLES, seed: DEFAULT_SCENARIO_SEED});
    scenarios[id] = {resolved, report: runReport(resolved, result)};
  }
  return {hardware: catalogs.hardware, models: catalogs.models, scenarioIds: ids, scenarios};
}
