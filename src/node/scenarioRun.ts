import {applyOverrides} from "../scenario/resolve/applyOverrides.js";
import {bindScenario} from "../scenario/evaluate/evaluateScenario.js";
import type {ResolvedScenario} from "../scenario/resolve/resolveScenario.js";
import {
  DEFAULT_SCENARIO_SAMPLES,
  DEFAULT_SCENARIO_SEED,
  runScenario,
  type ScenarioRunResult
} from "../scenario/run/runScenario.js";
import {catalogIdsOf, loadCatalogs} from "./catalogFiles.js";
import {narrativeErrors} from "../scenario/narrative/narrative.js";
import {locateScenario} from "./scenarioLibrary.js";
import {UserError} from "../errors/userError.js";
import {describeFound} from "../units/range.js";
import {glossaryAnchors} from "./glossary.js";
import {MARKDOWN_EXTENSION_WORDS} from "./paths.js";

export interface ScenarioRunRequest {
  /** An id of data/scenarios/ or a path to a Markdown file (.md or .markdown: MARKDOWN_EXTENSIONS). */
  scenario: string;
  /** `path=value` overrides, as `--set` takes them (default none). */
  sets?: readonly string[];
  /** Monte Carlo samples when an assumption is a distribution (default DEFAULT_SCENARIO_SAMPLES, as `run`'s). */
  samples?: number;
  /** The Monte Carlo's seed (default DEFAULT_SCENARIO_SEED, as `run`'s). */
  seed?: number;
  /** The command-line argument the scenario came from, as errors name it (default SCENARIO; compare's SCENARIOS). */
  flag?: string;
}

/**
 * Finds, resolves, overrides, binds and runs one scenario: the whole of `token-ledger run` but the printing. With
 * only `scenario` given it is `run SCENARIO`'s numbers (a script left out `sets` and read "sets is not iterable";
 * modeller trial).
 *
 * @returns The resolved scenario (values in base units, with where each was set) and the run's metrics and bands.
 * @throws UserError or UserErrors (several at once, each in `.errors`: every bad override of one request) for an
 * unknown scenario, a bad override or a scenario the models cannot evaluate, as `run` prints.
 */
export function runScenarioRequest(request: ScenarioRunRequest): {
  resolved: ResolvedScenario;
  result: ScenarioRunResult;
} {
  checkRequest(request);
  const {id, library} = locateScenario(request.scenario, request.flag);
  const catalogs = loadCatalogs();
  const resolved = applyOverrides(library.resolve(id), request.sets ?? [], "--set", catalogIdsOf(catalogs));
  noteNarrativeErrors(resolved);
  const bound = bindScenario(resolved, catalogs);
  const samples = request.samples ?? DEFAULT_SCENARIO_SAMPLES;
  return {resolved, result: runScenario(bound, {samples, seed: request.seed ?? DEFAULT_SCENARIO_SEED})};
}

/**
 * Throws a UserError naming `scenario` or `sets` of a request a script built wrong: a scenario that is not text (read
 * "Cannot read properties of undefined (reading 'endsWith')"), sets that are not a list of strings (one string was
 * read letter by letter, "--set: missing =: … found s"; {} read "sets is not iterable"; breaker).
 */
function checkRequest(request: ScenarioRunRequest): void {
  if (typeof request?.scenario !== "string") {
    const expected =
      "a scenario id of data/scenarios/ or a path to a Markdown file ending in " +
      `${MARKDOWN_EXTENSION_WORDS}, as text`;
    throw new UserError({path: "scenario", message: "not text", expected, found: describeFound(request?.scenario)});
  }
  const sets: unknown = request.sets;
  if (sets != null && (!Array.isArray(sets) || sets.some((set) => typeof set !== "string"))) {
    const expected = 'a list of path=value texts, like ["serving.utilization=0.7"]';
    throw new UserError({path: "sets", message: "not a list of texts", expected, found: describeFound(sets)});
  }
}

/**
 * Writes a `token-ledger: note:` line to stderr for each error in the scenario's narrative (a live value naming no
 * metric or key, a script tag): the figures do not depend on it, so `run` goes on, but `validate` and the site's
 * build fail on it (run printed nothing of it and exited 0; author trial).
 */
function noteNarrativeErrors(resolved: ResolvedScenario): void {
  for (const error of narrativeErrors(resolved, glossaryAnchors())) {
    process.stderr.write(
      `token-ledger: note: ${error.message}; the figures do not read the narrative, so run goes on, but validate fails on it\n`
    );
  }
}
