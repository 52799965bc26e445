import {isUserError, userErrorList} from "../errors/userError.js";
import {dataVersion} from "./dataVersion.js";
import {checkScenarioFiles} from "./scenarioCheck.js";
import {bindScenario} from "../scenario/evaluate/evaluateScenario.js";
import {runScenario, DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED} from "../scenario/run/runScenario.js";
import {runReport, type RunReport} from "../scenario/run/runReport.js";
import type {ResolvedScenario} from "../scenario/resolve/resolveScenario.js";
import {sortScenarioIds} from "../scenario/resolve/scenarioOrder.js";
import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import {problemsByFile} from "./sitePages.js";

/** Monte Carlo samples of the static first render; pages re-run with their own count when a control moves. */
export const SITE_SAMPLES = DEFAULT_SCENARIO_SAMPLES;

/** What the site's pages read for their first render: catalogs, every resolved scenario and its evaluation. */
export interface SiteData {
  hardware: Hardware[];
  models: ModelArchitecture[];
  /** Ids of the scenarios that passed their checks, in listing order (scenarioOrder.ts: "base" first, then natural). */
  scenarioIds: string[];
  scenarios: Record<string, SiteScenario>;
  /** Every file in error (a scenario file, or a catalog with the file it names), with `validate`'s messages. */
  problems: SiteProblem[];
  /** The fingerprint of data/ this was built from (src/node/dataVersion.ts). */
  dataVersion: string;
}

/** A file with errors: the site leaves its scenario out and shows these where the author looks. */
export interface SiteProblem {
  /** The file as `validate` names it, e.g. `data/scenarios/base.md` or `data/hardware.csv`. */
  file: string;
  /** The scenario id the file defines (its base name when unreadable); undefined for a catalog. */
  id: string | undefined;
  /** One line per error, `file:line:column: key: what: expected X, found Y`. */
  messages: string[];
}

export interface SiteScenario {
  /** The resolved scenario: pages pass it (with edited values) to bindScenario/evaluateScenarioPoint in the browser. */
  resolved: ResolvedScenario;
  /** `run --json` of the scenario at SITE_SAMPLES samples and the default seed. */
  report: RunReport;
}

/**
 * Builds the site's static data from data/ (node only: it reads the files). A scenario file with errors is left out
 * and listed in `problems`, so one broken file never breaks the other pages; errors in a catalog leave no scenario.
 */
export function buildSiteData(): SiteData {
  const check = checkScenarioFiles();
  const problems: SiteProblem[] = [];
  for (const {file, messages} of problemsByFile(check.catalogErrors)) problems.push({file, id: undefined, messages});
  for (const file of check.files) {
    if (file.errors.length) problems.push({file: file.file, id: file.id, messages: file.errors.map((e) => e.message)});
  }
  const catalogs = check.catalogs ?? {hardware: [], models: []};
  const ids = sortScenarioIds(check.library.index.ids);
  const scenarios: Record<string, SiteScenario> = {};
  for (const id of ids) {
    const resolved = check.library.resolve(id);
    try {
      const result = runScenario(bindScenario(resolved, catalogs), {
        samples: SITE_SAMPLES,
        seed: DEFAULT_SCENARIO_SEED
      });
      scenarios[id] = {resolved, report: runReport(resolved, result)};
    } catch (error) {
      // A draw of the Monte Carlo can fail where the median passed (a range that reaches an impossible value).
      if (!isUserError(error)) throw error;
      const messages = userErrorList(error).map((e) => e.message);
      problems.push({file: resolved.file, id, messages});
    }
  }
  const valid = ids.filter((id) => scenarios[id]);
  return {
    hardware: catalogs.hardware,
    models: catalogs.models,
    scenarioIds: valid,
    scenarios,
    problems,
    dataVersion: dataVersion()
  };
}
