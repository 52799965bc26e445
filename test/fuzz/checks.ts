// One fuzz case run through what a user would run it through, and what came of it (issue 18). The promises checked:
// a valid result with finite numbers, or errors that are each one line with a location (file:line:column inside the
// file, or the flag or share-link setting); no crash (an error that is not a user error), no hang, no non-finite
// number, no error at the wrong line, no partial or temporary file left behind.
import {mkdirSync, readdirSync, rmSync} from "node:fs";
import {join} from "node:path";
import {parseHardwareCsv} from "../../src/catalog/parseHardwareCsv.js";
import {parseModelsCsv} from "../../src/catalog/parseModelsCsv.js";
import {isUserError, UserError, userErrorList} from "../../src/errors/userError.js";
import {calibratedEfficiencies} from "../../src/inference/calibratedEfficiencies.js";
import {DEFAULT_HBM_RESERVE_FRACTION} from "../../src/inference/memoryFit.js";
import {peakFlopsPerS} from "../../src/inference/precision.js";
import {run} from "../../src/cli/main.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {bindScenario} from "../../src/scenario/evaluate/evaluateScenario.js";
import {catalogChipHour, sharedOwnership} from "../../src/scenario/evaluate/ownershipInput.js";
import {parseScenario, type ParsedScenario} from "../../src/scenario/file/parseScenario.js";
import {SCENARIO_KEY_PATHS, schemaDefaults} from "../../src/scenario/file/schema.js";
import {resolveScenario, type ResolvedScenario} from "../../src/scenario/resolve/resolveScenario.js";
import {scenarioIndex} from "../../src/scenario/resolve/scenarioIndex.js";
import {runReport, type RunReport} from "../../src/scenario/run/runReport.js";
import {DEFAULT_SCENARIO_SEED, runScenario} from "../../src/scenario/run/runScenario.js";
import {evaluateServing} from "../../src/tco/evaluateServing.js";
import {scenarioPageCheck, settledScenarioPageState} from "../../docs/components/scenarioPage.js";
import {applyShareSets, parseShareQuery} from "../../docs/components/urlState.js";
import {
  mutateCatalog,
  mutateScenario,
  SCENARIO_TEXTS,
  type CatalogCase,
  type ScenarioCase,
  type ShareCase
} from "./cases.js";

/** What came of one case. `valid` and `located` keep the promises; every other outcome breaks one. */
export type Outcome = "valid" | "located" | "crash" | "hang" | "nonFinite" | "misplaced" | "leftover";

export const OUTCOMES: readonly Outcome[] = ["valid", "located", "crash", "hang", "nonFinite", "misplaced", "leftover"];

export interface CaseResult {
  outcome: Outcome;
  /** What broke a promise (the error, the value, the file), for the report. */
  detail?: string;
}

/** A case taking longer than this, in ms, counts as a hang even if it finishes. */
export const HANG_MS = 10_000;

/** Monte Carlo samples of a fuzz case's run (the page's 1,000 would only make the suite slower, not stricter). */
export const FUZZ_SAMPLES = 40;

const CATALOGS = loadCatalogs();
const PARSED: ParsedScenario[] = SCENARIO_TEXTS.map((source) => parseScenario(source));
const LINE_COUNTS = new Map(SCENARIO_TEXTS.map((source) => [source.file, source.text.split("\n").length]));
const index = scenarioIndex(PARSED);
const RESOLVED = new Map<string, ResolvedScenario>(
  PARSED.map((p) => [p.id, resolveScenario(p.id, index.lookup, index.ids)])
);
const REPORTS = new Map<string, RunReport>(
  [...RESOLVED].map(([id, resolved]) => [
    id,
    runReport(
      resolved,
      runScenario(bindScenario(resolved, CATALOGS), {samples: FUZZ_SAMPLES, seed: DEFAULT_SCENARIO_SEED})
    )
  ])
);

/** The first number in `value` (deeply) that is not finite, as a path, or undefined. */
export function nonFinitePath(value: unknown, path = ""): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${path}=${value}`;
  if (value instanceof Float64Array || value instanceof Float32Array) {
    const i = value.findIndex((v) => !Number.isFinite(v) && !Number.isNaN(v));
    return i < 0 ? undefined : `${path}[${i}]`;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nonFinitePath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const found = nonFinitePath(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

function crash(error: unknown): CaseResult {
  const text = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ""}` : String(error);
  return {outcome: "crash", detail: text.slice(0, 2000)};
}

/**
 * Classifies what a library call threw: a crash unless every error is a UserError whose message is one line and which
 * is located (a flag, or a file with a line inside it); misplaced when `expectLine` says where an error about a key
 * must be and it is elsewhere.
 */
function classifyThrown(
  error: unknown,
  lineCount: (file: string) => number | undefined,
  expectLine: (error: UserError) => number | undefined = () => undefined
): CaseResult {
  if (!isUserError(error)) return crash(error);
  for (const e of userErrorList(error)) {
    const {file, line, flag} = e.detail;
    if (e.message.includes("\n")) return {outcome: "misplaced", detail: `two lines: ${e.message}`};
    if (flag) continue;
    const lines = file === undefined ? undefined : lineCount(file);
    if (file === undefined || line === undefined || lines === undefined || line < 1 || line > lines) {
      return {outcome: "misplaced", detail: `unlocated or outside the file: ${e.message}`};
    }
    const expected = expectLine(e);
    if (expected !== undefined && expected !== line) {
      return {outcome: "misplaced", detail: `expected line ${expected}: ${e.message}`};
    }
  }
  return {outcome: "located"};
}

// ---------------------------------------------------------------------------------------------------------------

/** A mutated scenario file through parse, resolve (with the bundled parents), bind and a seeded Monte Carlo. */
export function checkScenarioCase(c: ScenarioCase): CaseResult {
  const mutated = mutateScenario(c);
  const lineCount = (file: string) =>
    file === mutated.file ? mutated.text.split(/\r\n|\r|\n/).length + 1 : LINE_COUNTS.get(file);
  try {
    const parsed = parseScenario({file: mutated.file, text: mutated.text});
    const others = PARSED.filter((p) => p.file !== mutated.file);
    const own = scenarioIndex([...others, parsed]);
    const resolved = resolveScenario(parsed.id, own.lookup, own.ids);
    const result = runScenario(bindScenario(resolved, CATALOGS), {samples: FUZZ_SAMPLES, seed: DEFAULT_SCENARIO_SEED});
    const report = runReport(resolved, result);
    const bad = nonFinitePath({metrics: report.metrics, bands: report.bands, assumptions: report.assumptions});
    return bad ? {outcome: "nonFinite", detail: bad} : {outcome: "valid"};
  } catch (error) {
    // An error about a key this case set, in this file, is on the line the case wrote it on.
    // ("key set twice" is reported at the second time, wherever the case wrote it.)
    return classifyThrown(error, lineCount, (e) =>
      e.detail.file === mutated.file && e.detail.path !== undefined && e.detail.message !== "key set twice"
        ? mutated.setLines.get(e.detail.path)
        : undefined
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * A command line run in-process (output captured) from the repository root: exit 0 with no NaN or Infinity in what
 * it printed, or exit 1 with one `token-ledger: …` line per error, each naming a flag, a file:line:column or the
 * command. `--out` files go to `outDir`, which must be left with no temporary file and, after a failure, no output.
 */
export async function checkCliCase(argv: readonly string[], outDir: string): Promise<CaseResult> {
  rmSync(outDir, {recursive: true, force: true});
  mkdirSync(outDir, {recursive: true});
  const args = argv.map((arg) => arg.replace(/^OUT\./, `${outDir}/out.`));
  // Keep Monte Carlo runs short: a case that does not choose its sample count gets a small one.
  if ((args[0] === "run" || args[0] === "compare") && !args.includes("--samples")) args.push("--samples", "20");
  let stdout = "";
  let stderr = "";
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => (
    (stdout += String(chunk)),
    true
  )) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => (
    (stderr += String(chunk)),
    true
  )) as typeof process.stderr.write;
  let code: number;
  try {
    code = await run(args);
  } catch (error) {
    return crash(error);
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
  const left = readdirSync(outDir);
  if (left.some((name) => name.endsWith(".tmp")))
    return {outcome: "leftover", detail: `${left.join(", ")} after ${JSON.stringify(args)}`};
  if (code === 0) {
    // Printed numbers only: JSON's strings (the catalog's sources name AMD's "Infinity Fabric") are left out.
    if (/\bNaN\b|\bInfinity\b/.test(stdout.replace(/"(?:[^"\\]|\\.)*"/g, '""')))
      return {outcome: "nonFinite", detail: `${JSON.stringify(args)}: ${stdout.slice(0, 500)}`};
    return {outcome: "valid"};
  }
  if (left.length)
    return {outcome: "leftover", detail: `partial output ${left.join(", ")} after ${JSON.stringify(args)}`};
  // Commander's usage text for a missing command is help, not an error message.
  if (stderr.startsWith("Usage:")) return {outcome: "located"};
  const lines = stderr.trimEnd().split("\n");
  for (const line of lines) {
    if (!line.startsWith("token-ledger: ") || /^\s+at /.test(line)) {
      return {outcome: "crash", detail: `${JSON.stringify(args)}: ${stderr.slice(0, 1000)}`};
    }
    const message = line.slice("token-ledger: ".length);
    // A note (a bare --chip-price under $1,000, read as the flag was parsed) is no error: the error follows it.
    if (message.startsWith("note: ")) continue;
    const located =
      /^-\S*: /.test(message) || // a flag, as the user wrote it
      /^-.*?: unknown option of /.test(message) || // an unknown one with spaces in it
      /^[^:\s][^:]*:\d+(:\d+)?: /.test(message) || // file:line:column
      /^(unknown command|missing argument of|too many arguments for|cannot write the output)/.test(message) ||
      /^(SCENARIOS?|<\w+>): /.test(message) || // a command's argument
      // A file that cannot be read, is no Markdown or is written with a trailing slash (its name may hold ":") has no
      // line.
      FILE_WITHOUT_LINE.test(message);
    if (!located) return {outcome: "misplaced", detail: `${JSON.stringify(args)}: ${line}`};
  }
  return {outcome: "located"};
}

/** An error of a given file as a whole, named by the file without a line: `base.md: no such file: …`. */
const FILE_WITHOUT_LINE = new RegExp(
  "^.+?: (cannot read the file|no such file|a directory, not a scenario file|not a Markdown file|" +
    "a file written with a trailing slash): "
);

// ---------------------------------------------------------------------------------------------------------------

const DEFAULTS = schemaDefaults();

/**
 * A catalog with some cells of one row replaced, parsed as the loaders parse it; when it loads, the changed row is
 * served (a chip: llama-3.1-8b on it; a model: on h100-sxm) at the scenario defaults, whose figures must be finite.
 * A value the catalog accepts but a model rejects counts as misplaced (the model's error would blame a scenario key).
 */
export function checkCatalogCase(c: CatalogCase): CaseResult {
  const {file, text, line} = mutateCatalog(c);
  const lines = text.split(/\r\n|\r|\n/).length + 1;
  const shifts = c.cells.some((cell) => /["\r\n]/.test(cell.value));
  let hardware = CATALOGS.hardware;
  let models = CATALOGS.models;
  try {
    if (c.catalog === "hardware") hardware = parseHardwareCsv(text, {file});
    else models = parseModelsCsv(text, {file});
  } catch (error) {
    return classifyThrown(
      error,
      (f) => (f === file ? lines : undefined),
      // A bad cell is reported on its row, unless a quote or line break moved the rows, or an id now repeats one
      // (the repeat is reported at the later of the two rows).
      (e) => (shifts || e.detail.path === "id" || e.detail.message === "wrong number of cells" ? undefined : line)
    );
  }
  const row = c.row;
  const chip = c.catalog === "hardware" ? hardware[row] : CATALOGS.hardware.find((h) => h.id === "h100-sxm");
  const model = c.catalog === "models" ? models[row] : CATALOGS.models.find((m) => m.id === "llama-3.1-8b");
  if (!chip || !model) return {outcome: "valid"};
  try {
    const precision = peakFlopsPerS(chip, "fp8") !== null ? "fp8" : "bf16";
    const evaluated = evaluateServing({
      hardware: chip,
      model,
      precision,
      batchSize: DEFAULTS["serving.batch"] as number,
      inputTokens: DEFAULTS["serving.inputTokens"] as number,
      outputTokens: DEFAULTS["serving.outputTokens"] as number,
      cacheHitFraction: DEFAULTS["serving.cacheHit"] as number,
      tensorParallel: 8,
      expertParallel: 1,
      stack: "trtllm",
      hbmReserveFraction: null,
      efficiencies: calibratedEfficiencies(chip, "trtllm").efficiencies,
      ownership: catalogChipHour(sharedOwnership(DEFAULTS), chip, chip.priceUsd ?? 30000, 0.75),
      utilizationFraction: 0.6,
      rentedUsdPerChipHour: null
    });
    if (!evaluated.ok) return {outcome: "located"};
    const bad = nonFinitePath({serving: evaluated.serving, cost: evaluated.cost});
    return bad ? {outcome: "nonFinite", detail: `${file}:${line}: ${bad}`} : {outcome: "valid"};
  } catch (error) {
    if (isUserError(error))
      return {outcome: "misplaced", detail: `accepted at load, rejected by a model: ${error.message}`};
    return crash(error);
  }
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * A share link opened on a scenario page: its sets are read and checked as the page checks them, then the page's
 * state is computed as the page computes it. The state must settle without a failure (the check ran what the page
 * runs), with finite metrics; every ignored setting is listed with a one-line reason naming the link's setting.
 */
export function checkShareCase(c: ShareCase): CaseResult {
  const resolved = RESOLVED.get(c.scenario)!;
  const report = REPORTS.get(c.scenario)!;
  try {
    const query = parseShareQuery(c.query);
    const state = applyShareSets(resolved, query.sets, {check: scenarioPageCheck(CATALOGS, {samples: FUZZ_SAMPLES})});
    const page = settledScenarioPageState(report, resolved, CATALOGS, state.applied, {samples: FUZZ_SAMPLES});
    if (page.failure !== null)
      return {outcome: "misplaced", detail: `passed the link check, failed on the page: ${page.failure}`};
    const bad = nonFinitePath({metrics: page.metrics, bands: page.bands});
    if (bad) return {outcome: "nonFinite", detail: `${c.query}: ${bad}`};
    const ignored = [...query.ignored, ...state.ignored];
    for (const {reason} of ignored) {
      if (reason.includes("\n")) return {outcome: "misplaced", detail: `two lines: ${reason}`};
    }
    // Each reason is about a setting of the link: the one ignored, which the notice prints before the reason (so the
    // reason does not name it again), or one applied before it that it conflicts with, named first (serving.inputTokens
    // when serving.outputTokens makes the request longer than the model's window). Never "URL:" or another key.
    const paths = query.sets.map((set) => set.slice(0, set.indexOf("=")).trim());
    for (const {set, reason} of state.ignored) {
      const named = /^(?:clashes with )?([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)[:,]/.exec(reason)?.[1];
      const keyNamed = named !== undefined && SCENARIO_KEY_PATHS.includes(named);
      if (reason.startsWith("URL") || (keyNamed && !paths.includes(named))) {
        return {outcome: "misplaced", detail: `${set}: ${reason}`};
      }
    }
    return {outcome: ignored.length ? "located" : "valid"};
  } catch (error) {
    return crash(error);
  }
}

/** A fresh folder for a CLI case's output files. */
export function caseFolder(root: string, kind: string): string {
  return join(root, kind);
}
