import {existsSync} from "node:fs";
import {isAbsolute, relative} from "node:path";
import type {Command} from "commander";
import {UserError, UserErrors} from "../../errors/userError.js";
import {checkScenarioFiles, noteUnsourcedKeys} from "../../node/scenarioCheck.js";
import {unreadKeys} from "../../scenario/evaluate/unreadKeys.js";
import {loadCatalogs, noteCatalogOverrides} from "../../node/catalogFiles.js";
import {unsetKeyDefaultsOf, unsetKeyTakes, type UnsetKeyDefault} from "../../scenario/evaluate/unsetKeyDefaults.js";
import {
  findProject,
  isMarkdownPath,
  MARKDOWN_EXTENSION_WORDS,
  ownScenariosDir,
  PACKAGE_ROOT,
  realPath,
  SCENARIOS_DIR,
  unreadScenariosDir
} from "../../node/paths.js";
import {displayPath, scenarioAttemptsIn, scenarioFilesIn, skippedFileSentence} from "../../node/scenarioFiles.js";
import {runScenarioRequest} from "../../node/scenarioRun.js";
import {SCENARIO_METRICS} from "../../scenario/evaluate/evaluateScenario.js";
import {METRIC_INFO} from "../../scenario/evaluate/metricInfo.js";
import {scenarioReferenceMarkdown} from "../../scenario/file/reference.js";
import {scenarioNotes, writtenValueNotes} from "../../scenario/run/scenarioNotes.js";
import {keyUnit, runReport, type RunReport} from "../../scenario/run/runReport.js";
import {displayValue} from "../../scenario/file/displayValue.js";
import {
  absentMetricText,
  DEFAULT_PRICES_NOTE,
  defaultPricesNoteOf,
  flywheelFloorNote,
  vendorShareFootnote,
  formatAssumption,
  missingDrawsText,
  drawsLabel,
  ONE_DRAW_NO_INTERVAL,
  metricFormat,
  PRICE_LIST_METRICS,
  reportMedian,
  setsNoPrices
} from "../../scenario/run/reportFormat.js";
import {DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED} from "../../scenario/run/runScenario.js";
import {MAX_MONTE_CARLO_SAMPLES} from "../../uncertainty/monteCarlo.js";
import {andList} from "../../units/wordList.js";
import {positiveInteger, seedFlag} from "../flags.js";
import {formatNumber, formatTable, wrapProse} from "../table.js";
import {compareByOrigin} from "../../scenario/resolve/originOrder.js";
import {writtenAt, type ValueOrigin} from "../../scenario/resolve/resolveScenario.js";
import {FOOTNOTE_MARKS as MARKS} from "../../scenario/run/footnoteMarks.js";

/** The flywheel's figures that are 0 when the design cycle is at its floor (flywheelFloorNote): both loops are one. */
const FLYWHEEL_FLOOR_METRICS: ReadonlySet<string> = new Set(["flywheelCostReduction", "flywheelUserGain"]);

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A sample count from 1 to MAX_MONTE_CARLO_SAMPLES, as commander's parser. */
function samplesFlag(text: string): number {
  return positiveInteger("--samples", MAX_MONTE_CARLO_SAMPLES)(text);
}

/**
 * Why validate found nothing to check, when it was given no files and `dir` (the scenarios folder it read) has none:
 * the folder, and whether it exists (a folder whose package.json lists token-ledger reads as a report project,
 * data/scenarios/ or not). Empty otherwise.
 */
function noneFound(files: readonly string[], dir: string): string {
  if (files.length || scenarioFilesIn(dir).length) return "";
  return existsSync(dir) ? ` (${displayPath(dir)} has no scenario file)` : ` (${displayPath(dir)} does not exist)`;
}

/**
 * Whose scenarios validate checked with no files named, from a folder outside token-ledger's own and no report
 * project's: the bundled ones, named, and why. From a folder with a misspelt data/scenario/, it said "7 scenario files
 * valid", exit 0, over a file whose batch was 0 (breaker). Empty inside this package's folder or a project.
 */
function bundledChecked(files: readonly string[], dir: string, cwd = process.cwd()): string {
  if (files.length || dir !== SCENARIOS_DIR || findProject(cwd)) return "";
  const inside = relative(realPath(PACKAGE_ROOT), realPath(cwd));
  if (!inside.startsWith("..") && !isAbsolute(inside)) return "";
  return (
    `: token-ledger's own, in ${dir}, as this folder (${cwd}) is no report project and has no data/scenarios/ ` +
    "(name files to check them, or run token-ledger new DIR to start a project)"
  );
}

/**
 * The note when validate checks a working folder's data/scenarios/ that is no project's (paths.ts unreadScenariosDir):
 * its files are checked as if named, against the bundled catalogs and scenarios. It checked the bundled scenarios
 * instead, and said "7 scenario files valid" over a folder whose own file had an error (breaker); then it noted that
 * the folder was not read, and still exited 0 (trial).
 */
function noteNoProject(dir: string): void {
  process.stderr.write(
    `token-ledger: note: checked the files of ${displayPath(dir)} as named files: no package.json at or above this ` +
      "folder lists token-ledger, so it is no report project: its data/*.csv catalogs are not read, and run finds " +
      "these scenarios by path, not by id (token-ledger new DIR starts a project)\n"
  );
}

/** A note per file of the scenarios folder `dir` that looks like a scenario under another ending (scenarioAttemptsIn). */
function noteScenarioAttempts(dir: string): void {
  for (const file of scenarioAttemptsIn(dir))
    process.stderr.write(`token-ledger: note: ${skippedFileSentence(file)}\n`);
}

export function registerScenarioCommands(program: Command): void {
  program
    .command("reference")
    .description("print the scenario file reference (every key with unit, range, default, meaning, source) as Markdown")
    .action(() => {
      process.stdout.write(scenarioReferenceMarkdown() + "\n");
    });

  program
    .command("validate")
    .description(
      "check scenario files, each distribution at its median and at run's draws holding each uncertain key's extremes; print every error as file:line:column: message"
    )
    .argument("[files...]", "scenario files (default: every file in data/scenarios/)")
    .action((files: string[]) => {
      const unread = files.length ? undefined : unreadScenariosDir();
      const dir = unread ?? ownScenariosDir();
      // The folder's files before the note on them: a folder that cannot be read is an error, not a folder checked.
      const paths = files.length ? files : scenarioFilesIn(dir);
      if (unread !== undefined) noteNoProject(unread);
      // x2.mdx, notes.txt, y.yaml beside the scenarios were passed over without a word (breaker).
      if (!files.length) noteScenarioAttempts(dir);
      const {files: checked, errors, library, catalogs} = checkScenarioFiles(paths);
      if (errors.length) throw new UserErrors(errors);
      noteCatalogOverrides();
      // The notes run prints of values written in a likely wrong unit (3 for 3 kW), read from the values alone:
      // validate said only "valid" (tester).
      noteReports(
        checked.flatMap((check) =>
          check.resolved ? [{id: check.resolved.id, notes: writtenValueNotes(check.resolved.values)}] : []
        )
      );
      process.stdout.write(
        `${checked.length} scenario file${checked.length === 1 ? "" : "s"} valid${noneFound(files, dir)}${bundledChecked(files, dir)}\n`
      );
      // A key set without a source is valid, but its pages show "—" where a reader looks for where it comes from; one
      // whose source was copied with its file cites it for a value it was not written for.
      noteUnsourcedKeys(checked, library, catalogs);
    });

  program
    .command("run")
    .description("evaluate a scenario: its resolved assumptions and headline metrics")
    .argument(
      "<scenario>",
      `a scenario id from data/scenarios/ or a path to a Markdown file ending in ${MARKDOWN_EXTENSION_WORDS}`
    )
    .option(
      "--set <path=value>",
      "override an assumption (repeatable), e.g. --set serving.utilization=0.7",
      collect,
      []
    )
    .option("--seed <n>", "seed of the Monte Carlo run", seedFlag(), DEFAULT_SCENARIO_SEED)
    .option(
      "--samples <n>",
      "Monte Carlo samples when an assumption is a distribution",
      samplesFlag,
      DEFAULT_SCENARIO_SAMPLES
    )
    .option("--json", "print one JSON object: scenario, assumptions (base units), metrics and their units, notes")
    .action((scenario: string, options: {set: string[]; seed: number; samples: number; json?: boolean}) => {
      const {resolved, result} = runScenarioRequest({
        scenario,
        sets: options.set,
        samples: options.samples,
        seed: options.seed
      });
      const report = runReport(resolved, result);
      noteCatalogOverrides();
      const notes = scenarioNotes(result.point, report);
      noteReports([{id: report.scenario.id, notes}]);
      process.stdout.write(
        options.json ? JSON.stringify(runJson(report, notes), null, 2) + "\n" : formatRun(report, options.set) + "\n"
      );
    });

  program
    .command("compare")
    .description("assumptions that differ and metrics side by side")
    .argument("<scenarios...>", "two or more scenario ids or paths")
    .option("--seed <n>", "seed of the Monte Carlo runs", seedFlag(), DEFAULT_SCENARIO_SEED)
    .option("--samples <n>", "Monte Carlo samples per scenario", samplesFlag, DEFAULT_SCENARIO_SAMPLES)
    .option("--json", "print one JSON object")
    .action((scenarios: string[], options: {seed: number; samples: number; json?: boolean}) => {
      if (scenarios.length < 2) {
        throw new UserError({
          flag: "SCENARIOS",
          message: "nothing to compare",
          expected: "two or more scenarios",
          found: scenarios.join(" ")
        });
      }
      /** Each scenario compared so far: as named, its file (the real path) and its id. */
      const seen: {scenario: string; file: string; id: string}[] = [];
      const unread: Record<string, string>[] = [];
      const defaults: Record<string, UnsetKeyDefault>[] = [];
      const {hardware} = loadCatalogs();
      const runs = scenarios.map((scenario) => {
        const {resolved, result} = runScenarioRequest({
          scenario,
          sets: [],
          samples: options.samples,
          seed: options.seed,
          // Named as compare's usage line names its arguments (it said SCENARIO; breaker).
          flag: "SCENARIOS"
        });
        // One scenario twice ("base base", or "base data/scenarios/base.md") gives two equal columns; /compare drops
        // a repeat with a notice, the command line says so. Files are compared as real paths: a link to base.md, or
        // data/scenarios/../scenarios/base.md, was taken for a copy keeping base's id (breaker).
        const file = realPath(resolved.file);
        const earlier = seen.find((other) => other.file === file)?.scenario;
        if (earlier !== undefined) {
          throw new UserError({
            flag: "SCENARIOS",
            message:
              scenario === earlier
                ? `${scenario} is named twice`
                : `${scenario} names the same scenario as ${earlier} (${displayPath(file)})`,
            expected: "each scenario once",
            found: scenarios.join(" ")
          });
        }
        // Two files with one id (a copy outside data/scenarios/ keeping `id: base`) give two columns headed alike.
        const sameId = seen.find((other) => other.id === resolved.id);
        if (sameId !== undefined) {
          throw new UserError({
            flag: "SCENARIOS",
            message: `${scenario} has the id ${resolved.id}, as ${sameId.scenario} does`,
            expected: "scenarios with different ids (the columns are headed by id)",
            found: scenarios.join(" "),
            // What to do: a copy compared with its original needs an id of its own (breaker).
            hint: `give ${isMarkdownPath(scenario) || scenario.includes("/") ? scenario : sameId.scenario} an id of its own with \`id:\` in its front matter`
          });
        }
        seen.push({scenario, file, id: resolved.id});
        unread.push(unreadKeys(resolved, {defaults: true}));
        defaults.push(unsetKeyDefaultsOf((path) => resolved.values[path]?.value ?? null, hardware));
        return {report: runReport(resolved, result), point: result.point};
      });
      const reports = runs.map((run) => run.report);
      const comparison = compareReports(reports, unread, defaults);
      noteCatalogOverrides();
      // Each scenario's notes, computed once: on stderr, and in --json in the scenarios' order (for a script). A value
      // is named with the file:line it was written at, its own file's too, so that a note one value gives several
      // scenarios (a parent's and its child's) reads alike, and is written once naming them.
      const notes = runs.map((run) => scenarioNotes(run.point, run.report));
      noteReports(runs.map((run, i) => ({id: run.report.scenario.id, notes: notes[i]!})));
      process.stdout.write(
        options.json
          ? JSON.stringify({...comparison, notes}, null, 2) + "\n"
          : formatComparison(comparison, reports) + "\n"
      );
    });
}

/**
 * Where `run`'s table says a value comes from: the flag, the file:line, "default", or, for a default a `null` took the
 * key back to, "default, unset at file:line" or "default, unset by --set".
 */
export function runOrigin(origin: ValueOrigin): string {
  if (origin.kind === "default") {
    const {unset} = origin;
    if (!unset) return "default";
    return unset.kind === "override"
      ? `default, unset by ${unset.flag}`
      : `default, unset at ${unset.file}:${unset.line}`;
  }
  return origin.kind === "override" ? origin.flag : `${origin.file}:${origin.line}`;
}

export interface Comparison {
  scenarios: string[];
  /** Assumptions whose values differ between the scenarios: path → one value per scenario (base units). */
  differingAssumptions: Record<string, RunReport["assumptions"][string]["value"][]>;
  /**
   * Of the differing assumptions, those a scenario does not read, set, at its default or unset ("—"): path → per
   * scenario, why (as `run --json`'s `unused`), or null where it is read. Only paths with at least one unread value.
   */
  notUsed: Record<string, (string | null)[]>;
  /**
   * Of the differing assumptions, those a scenario leaves unset and that follow another key when unset (schema
   * `follows`): path → per scenario, the key whose value it lists (null where the scenario sets it). A scenario that
   * moves serving.hardware moves its training run too, and the comparison says why training costs moved.
   */
  follows: Record<string, (string | null)[]>;
  /**
   * Of the differing assumptions, those a scenario leaves unset and that the model resolves to one value
   * (unsetKeyDefaults.ts: serving.kvCache, serving.stack, …): path → per scenario, why its listed value is the one it
   * takes ("default for fp8 weights"), null where the scenario sets it. Two scenarios alike once resolved (an fp8 cache
   * set beside one left unset under fp8 weights) do not differ, and the key is not listed.
   */
  defaults: Record<string, (string | null)[]>;
  /**
   * Of the differing assumptions, those a scenario leaves unset ("—", null) whose figure the model computes instead
   * (UNSET_KEY_INSTEAD: fleet.chips is "sized by the serving model"): path → per scenario, what it uses, null where
   * the scenario sets the key or nothing takes its place.
   */
  instead: Record<string, (string | null)[]>;
  /** Every metric: name → one value per scenario (point, or Monte Carlo summary). */
  metrics: Record<string, RunReport["metrics"][keyof RunReport["metrics"]][]>;
  /** The base unit of each differing assumption ("" for an id or a choice), as `run --json`'s assumptions give it. */
  assumptionUnits: Record<string, string>;
  /** The unit of each metric (METRIC_INFO: "USD/Mtok", "USD", "month", …), as `run --json`'s metricUnits. */
  metricUnits: Record<string, string>;
}

/** Each metric's unit (METRIC_INFO), for a JSON output whose metrics are bare numbers. */
function metricUnits(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, METRIC_INFO[name as keyof typeof METRIC_INFO].unit]));
}

/**
 * `run --json`: the report with `metricUnits` after its metrics (a metric is a bare number or a summary of numbers;
 * its unit was only in its name; modeller trial), and last the scenario's notes (scenarioNotes: what stderr says; a
 * script reading --json lost them, a serving layout the model is not calibrated on among them; trial).
 */
export function runJson(
  report: RunReport,
  notes: readonly string[]
): RunReport & {metricUnits: Record<string, string>; notes: readonly string[]} {
  const {scenario, assumptions, metrics, ...rest} = report;
  return {scenario, assumptions, metrics, metricUnits: metricUnits(Object.keys(metrics)), ...rest, notes};
}

/**
 * The comparison of several runs. `unread`, one per report: the keys each scenario's evaluation does not read, set or
 * not (unreadKeys with defaults), marked in `notUsed`. `defaults`, one per report: the value each key it leaves unset
 * takes (unsetKeyDefaultsOf), compared and listed in its place.
 */
export function compareReports(
  reports: RunReport[],
  unread: readonly Record<string, string>[],
  defaults: readonly Readonly<Record<string, UnsetKeyDefault>>[]
): Comparison {
  const differingAssumptions: Comparison["differingAssumptions"] = {};
  const follows: Comparison["follows"] = {};
  const defaulted: Comparison["defaults"] = {};
  const instead: Comparison["instead"] = {};
  for (const path of Object.keys(reports[0]!.assumptions)) {
    // An unset key that follows another takes that key's value (bindScenario), and one the model resolves (an fp8 KV
    // cache under fp8 weights) the value it resolves to: compare those (unsetKeyTakes). Not where the scenario's
    // evaluation does not read the key: it is compared at its own value, "—" unset, as `run --json` gives it. A prefill
    // replica's tensor-parallel degree under shared prefill, which reads none, read "8 ‡ | 16 ‡" beside the
    // serving.tensorParallel it follows, a second difference neither scenario models.
    const takes = reports.map((report, i) =>
      unread[i]?.[path] === undefined
        ? unsetKeyTakes(path, (key) => report.assumptions[key]?.value, defaults[i] ?? {})
        : null
    );
    const source = takes.map((taken) => (taken?.kind === "follows" ? taken.path : null));
    const resolved = takes.map((taken) => (taken?.kind === "default" ? taken : null));
    const values = reports.map((report, i) => {
      const taken = takes[i];
      return taken?.kind === "follows" || taken?.kind === "default"
        ? taken.value
        : (report.assumptions[path]?.value ?? null);
    });
    const keys = new Set(values.map((value) => JSON.stringify(value)));
    if (keys.size > 1) {
      differingAssumptions[path] = values;
      if (source.some((key) => key !== null)) follows[path] = source;
      if (resolved.some((value) => value !== null)) defaulted[path] = resolved.map((value) => value?.note ?? null);
      const computed = takes.map((taken) => (taken?.kind === "none" ? (taken.instead ?? null) : null));
      if (computed.some((note) => note !== null)) instead[path] = computed;
    }
  }
  // A difference in a value one scenario does not read is no difference in what it models: say which (a die area
  // compared beside a unit cost that sets the price read as a reason the scenarios differ; breaker).
  const notUsed: Comparison["notUsed"] = {};
  for (const path of Object.keys(differingAssumptions)) {
    // "—" included: a key its evaluation does not read takes nothing (above), and "—" alone was footnoted "the key's
    // default applies", where none does (serving.prefillTensorParallel under shared prefill beside a disaggregated one).
    const why = reports.map((_, i) => unread[i]?.[path] ?? null);
    if (why.some((reason) => reason !== null)) notUsed[path] = why;
  }
  const metrics: Comparison["metrics"] = {};
  for (const name of SCENARIO_METRICS) metrics[name] = reports.map((report) => report.metrics[name]);
  const assumptionUnits = Object.fromEntries(Object.keys(differingAssumptions).map((path) => [path, keyUnit(path)]));
  return {
    scenarios: reports.map((report) => report.scenario.id),
    differingAssumptions,
    notUsed,
    follows,
    defaults: defaulted,
    instead,
    metrics,
    assumptionUnits,
    metricUnits: metricUnits(Object.keys(metrics))
  };
}

/**
 * A metric as the site's cards write it: the number itself, or the median of the draws with the 90% interval between
 * p5 and p95 ("2.06 USD/Mtok [1.58–2.61 USD/Mtok]", "$3.07B [$1.61–4.68B]"); absentMetricText when it does not
 * occur. `separator` goes between the median, its interval and the share of draws without it: a space in `run`'s
 * table, a line break in `compare`'s, whose columns would otherwise be as wide as two figures each.
 */
function formatMetric(
  name: keyof typeof METRIC_INFO,
  metrics: RunReport["metrics"],
  separator = " ",
  noteSeparator = separator
): string {
  const value = metrics[name];
  const format = metricFormat(name);
  // A value that does not occur reads as the pages write it.
  const absent = absentMetricText(name, metrics);
  if (value === null) return absent;
  if (typeof value === "number") return format(value);
  if (value.p50 === null) return absent;
  const never = value.nullShare > 0 ? `${noteSeparator}(${missingDrawsText(name, value.nullShare)})` : "";
  // Where every draw gives the same figure (a metric the uncertain keys do not reach), the interval says nothing.
  const spread = value.p5 !== null && value.p95 !== null && format(value.p5) !== format(value.p95);
  const interval = spread ? `${separator}[${format.range(value.p5!, value.p95!)}]` : "";
  const central = reportMedian(value);
  // Most draws never reach it: no central month; the interval is of the draws that do.
  if (central === null)
    return `—${never};${separator}${spread ? format.range(value.p5!, value.p95!) : format(value.p5!)} in the others`;
  // The median at its interval's scale ("$0.950M [$0.700–1.20M]", not "$950,000 [$0.700–1.20M]").
  return `${spread ? format.within(central, value.p5!, value.p95!) : format(central)}${interval}${never}`;
}

/**
 * Widest a metric's label column is in `run`'s table (`compare`'s, beside two or more columns of figures): a longer
 * label wraps onto a second line, so that the table reads in about 100 columns (the longest label, 96 characters, made
 * it 138 wide, and `compare base asic-9-months` 204).
 */
const RUN_LABEL_WIDTH = 52;
const COMPARE_LABEL_WIDTH = 40;

/**
 * Widest a value is on one line in `run`'s table: a longer one puts its interval and the share of draws without it on
 * lines of their own ("— (none within the horizon in 97% of draws); month 50–60 in the others" made the table 124
 * columns wide).
 */
const RUN_VALUE_WIDTH = 56;

/** A metric's value in `run`'s table: on one line, or on several when it would be wider than RUN_VALUE_WIDTH. */
function runMetricText(name: keyof typeof METRIC_INFO, metrics: RunReport["metrics"]): string {
  const text = formatMetric(name, metrics);
  if (text.length <= RUN_VALUE_WIDTH) return text;
  // The note alone on a line of its own, when the value and its interval then fit ("57% [45–67%]" was split from
  // its interval onto three lines; breaker), else every part on its own.
  const noteBelow = formatMetric(name, metrics, " ", "\n");
  return noteBelow.split("\n").every((line) => line.length <= RUN_VALUE_WIDTH)
    ? noteBelow
    : formatMetric(name, metrics, "\n");
}

function formatRun(report: RunReport, sets: readonly string[]): string {
  const noPrices = setsNoPrices(report.assumptions);
  const floorNote = flywheelFloorNote(report.assumptions);
  const shareNote = vendorShareFootnote(report.assumptions, report.metrics);
  // The header's lines wrap at proseWidth() (100 columns, or a narrower terminal's), as the table below reads in about
  // 110 columns (an "uncertain:" line of three keys ran to 124; trial).
  const lines = [wrapProse(`${report.scenario.title} (${report.scenario.id}, ${report.scenario.file})`)];
  if (report.scenario.chain.length > 1) lines.push(wrapProse(`extends: ${report.scenario.chain.slice(1).join(" → ")}`));
  if (report.monteCarlo) {
    lines.push(
      wrapProse(
        `uncertain: ${report.uncertainKeys.join(", ")}; ` +
          drawsLabel(report.monteCarlo.samples, report.monteCarlo.seed)
      )
    );
  }
  lines.push("");
  lines.push(
    formatTable(
      ["metric", "value"],
      SCENARIO_METRICS.map((name) => [
        METRIC_INFO[name].label +
          (noPrices && PRICE_LIST_METRICS.has(name) ? ` ${MARKS.defaultPrices}` : "") +
          (floorNote && FLYWHEEL_FLOOR_METRICS.has(name) ? ` ${MARKS.flywheelFloor}` : "") +
          (shareNote?.metrics.includes(name) ? ` ${MARKS.vendorShare}` : ""),
        runMetricText(name, report.metrics)
      ]),
      {firstColumnWidth: RUN_LABEL_WIDTH}
    )
  );
  // Each note under its one mark (FOOTNOTE_MARKS), as `compare` and the pages mark it.
  if (noPrices) lines.push("", `${MARKS.defaultPrices} ${DEFAULT_PRICES_NOTE}.`);
  if (floorNote)
    lines.push("", wrapProse(`${MARKS.flywheelFloor} The flywheel's cost per token and users, ${floorNote}.`));
  if (shareNote) lines.push("", wrapProse(`${MARKS.vendorShare} ${shareNote.text}.`));
  lines.push("");
  lines.push("Assumptions set by the scenario or on the command line:");
  lines.push("");
  // As the files that set them read (compareByOrigin): the --set keys as typed, then each file's keys by line.
  const byOrigin = compareByOrigin(report.scenario.chain, sets);
  // A key a `null` took back to its default is listed too: the file or flag wrote it.
  const set = Object.entries(report.assumptions)
    .filter(([, a]) => writtenAt(a.origin) !== undefined)
    .sort(([pathA, a], [pathB, b]) => byOrigin({path: pathA, origin: a.origin}, {path: pathB, origin: b.origin}));
  // A key a null took back that the model resolves (unsetKeyDefaultsOf) or that follows another key (schema `follows`)
  // shows the value it takes, as compare and the pages show it: `serving.kvCache: null` under fp8 weights read "—"
  // where the model ran an FP8 cache, and `training.model: null` "—" where the run is serving.model's (breaker).
  const defaults = unsetKeyDefaultsOf((path) => report.assumptions[path]?.value ?? null, loadCatalogs().hardware);
  // The key it follows by its path, as the other rows name keys.
  const valueText = (path: string, a: (typeof set)[number][1]) => {
    const own = formatAssumption(path, a.value);
    if (a.unused !== undefined) return own;
    const taken = unsetKeyTakes(path, (key) => report.assumptions[key]?.value, defaults);
    if (taken?.kind === "default") return `${formatAssumption(path, taken.value)} (${taken.note})`;
    if (taken?.kind === "follows") return `${formatAssumption(taken.path, taken.value)} (as ${taken.path})`;
    // `--set fleet.chips=null` read "—" with no word that the serving model sizes the fleet.
    if (taken?.kind === "none" && taken.instead !== undefined) return `${own} (${taken.instead})`;
    return own;
  };
  const row = ([path, a]: (typeof set)[number]) => [
    path,
    // As the pages' assumptions tables write it, with its unit ("45–75% (90% interval)" for base.md's "0.45 to 0.75",
    // "3–12 months (90% interval)" where a bare "3 to 12" said no unit); --json has each value as written.
    valueText(path, a),
    runOrigin(a.origin)
  ];
  lines.push(formatTable(["key", "value", "from"], set.filter(([, a]) => a.unused === undefined).map(row)));
  // Keys set (often inherited) that the evaluation does not read (unreadKeys): why, in the last column.
  const unused = set.filter(([, a]) => a.unused !== undefined);
  if (unused.length > 0) {
    lines.push("", "Set but not used (what is used instead, in the last column):", "");
    lines.push(
      formatTable(
        ["key", "value", "from", "why"],
        unused.map((entry) => [...row(entry), entry[1].unused!])
      )
    );
  }
  return lines.join("\n");
}

/**
 * Most scenarios side by side in one of `compare`'s tables: more are shown in further tables of as many each, the
 * labels repeated, so that the output reads in about 110 columns (six scenarios made one table 236 columns wide).
 */
const COMPARE_SCENARIOS_PER_TABLE = 3;

function formatComparison(comparison: Comparison, reports: readonly RunReport[]): string {
  // As run's table and /compare write them, with units ("1.80 USD/h", "45–75% (90% interval)"; it wrote "1.3 USD/h"
  // beside run's "1.30 USD/h" and distributions in file notation; trial). A value an unset key takes from the key it
  // follows is marked (the footnote names the key); so is a key its scenario does not read. One the model resolves
  // when unset says so beside its value ("fp8 (default for fp8 weights)": it read "—" beside another's "fp8").
  const assumptionCell = (path: string, value: RunReport["assumptions"][string]["value"], i: number) =>
    formatAssumption(path, value) +
    (comparison.defaults[path]?.[i] ? ` (${comparison.defaults[path][i]})` : "") +
    (comparison.instead[path]?.[i] ? ` (${comparison.instead[path][i]})` : "") +
    (comparison.follows[path]?.[i] ? ` ${MARKS.followedKey}` : "") +
    (comparison.notUsed[path]?.[i] ? ` ${MARKS.notRead}` : "");
  const followed = Object.entries(comparison.follows).map(([path, keys]) => `${path} is ${keys.find(Boolean)}'s`);
  const anyNotUsed = Object.keys(comparison.notUsed).length > 0;
  // A price-list metric of a scenario that sets no prices is at the default list: starred, as `run` stars it (the
  // comparison printed it bare; trial).
  const noPrices = reports.map((report) => setsNoPrices(report.assumptions));
  // A flywheel saving of 0% at the design-cycle floor is marked as `run` marks it: it printed a bare "0%" beside run's
  // explained one (new-user trial).
  const floorNotes = reports.map((report) => flywheelFloorNote(report.assumptions));
  // The inference tax and the vendor's shares (vendorShareFootnote), marked as `run` marks them (they were ¶ here, ‡ in
  // `run`: new-user trial): compare printed two equal shares with no word (helper-165 left it).
  const shareNotes = reports.map((report) => vendorShareFootnote(report.assumptions, report.metrics));
  const metricCell = (name: (typeof SCENARIO_METRICS)[number], i: number) =>
    // The marks beside the median, on the cell's first line.
    formatMetric(name, reports[i]!.metrics, "\n").replace(
      /^[^\n]*/,
      (first) =>
        first +
        (noPrices[i] && PRICE_LIST_METRICS.has(name) ? ` ${MARKS.defaultPrices}` : "") +
        (floorNotes[i] && FLYWHEEL_FLOOR_METRICS.has(name) ? ` ${MARKS.flywheelFloor}` : "") +
        (shareNotes[i]?.metrics.includes(name) ? ` ${MARKS.vendorShare}` : "")
    );
  const groups: number[][] = [];
  for (let i = 0; i < comparison.scenarios.length; i += COMPARE_SCENARIOS_PER_TABLE) {
    groups.push(comparison.scenarios.slice(i, i + COMPARE_SCENARIOS_PER_TABLE).map((_, j) => i + j));
  }
  const ids = (group: number[]) => group.map((i) => comparison.scenarios[i]!);
  const paths = Object.keys(comparison.differingAssumptions);
  const assumptionTables = groups.map((group) =>
    formatTable(
      ["key", ...ids(group)],
      paths.map((path) => [
        path,
        ...group.map((i) => assumptionCell(path, comparison.differingAssumptions[path]![i]!, i))
      ])
    )
  );
  const metricTables = groups.map((group) =>
    formatTable(
      ["", ...ids(group)],
      SCENARIO_METRICS.map((name) => [METRIC_INFO[name].label, ...group.map((i) => metricCell(name, i))]),
      {firstColumnWidth: COMPARE_LABEL_WIDTH}
    )
  );
  return [
    "Assumptions that differ:",
    "",
    paths.length ? assumptionTables.join("\n\n") : "(none)",
    ...(followed.length
      ? ["", wrapProse(`${MARKS.followedKey} not set: the value of the key it follows (${followed.join("; ")})`)]
      : []),
    // What a bare dash stands for (serving.stack, hardware.price unset read "—" with nothing to say why; trial): a key
    // of default null, which no one value replaces. A dash marked † is a key nothing reads; one the model computes in
    // its place says what beside it ("— (sized by the serving model)"): base's fleet.chips read "the key's default
    // applies", where it has none and the fleet is sized from the demand (tester).
    ...(paths.some((path) =>
      comparison.differingAssumptions[path]!.some(
        (value, i) => value === null && !comparison.notUsed[path]?.[i] && !comparison.instead[path]?.[i]
      )
    )
      ? ["", wrapProse("— not set: no one value takes its place (`token-ledger reference` says what the model uses)")]
      : []),
    ...(anyNotUsed
      ? [
          "",
          wrapProse(
            `${MARKS.notRead} not read by that scenario: another description of the custom chip wins, or a prefill ` +
              "replica's key under " +
              "shared prefill (--json: notUsed says why)"
          )
        ]
      : []),
    "",
    // One draw gives no interval: said so, where the header promised one (tester), in run's words (drawsLabel).
    reports.some((report) => report.monteCarlo?.samples === 1)
      ? wrapProse(`Metrics (1 draw where uncertain): ${ONE_DRAW_NO_INTERVAL}.`)
      : "Metrics (the median of the draws [5th–95th percentile] where uncertain):",
    "",
    metricTables.join("\n\n"),
    ...comparison.scenarios.flatMap((id, i) =>
      floorNotes[i]
        ? ["", wrapProse(`${MARKS.flywheelFloor} ${id}: the flywheel's cost per token and users, ${floorNotes[i]}.`)]
        : []
    ),
    // Each text once, naming the scenarios it holds for (the share of capex's figures differ by scenario).
    ...[...new Set(shareNotes.map((note) => note?.text).filter((text) => text !== undefined))].flatMap((text) => [
      "",
      wrapProse(
        `${MARKS.vendorShare} ${andList(comparison.scenarios.filter((_, i) => shareNotes[i]?.text === text))}: ${text}.`
      )
    ]),
    // Said of the starred columns, not "this scenario" (three scenarios read "this scenario sets no prices"; trial).
    ...(noPrices.some(Boolean)
      ? [
          "",
          wrapProse(
            `${MARKS.defaultPrices} ${defaultPricesNoteOf(comparison.scenarios.filter((_, i) => noPrices[i]))}.`
          )
        ]
      : [])
  ].join("\n");
}

/**
 * Writes the notes of each scenario (scenarioNotes: the same a scenario page shows), if any, to stderr, naming the
 * scenario (stdout stays the report alone); a note several scenarios share is written once, naming them all
 * (`note: ch, p1: …`: compare wrote it once per scenario; tester).
 */
function noteReports(runs: readonly {id: string; notes: readonly string[]}[]): void {
  const ids = new Map<string, string[]>();
  for (const {id, notes} of runs) {
    for (const note of notes) ids.set(note, [...(ids.get(note) ?? []), id]);
  }
  for (const [note, named] of ids)
    process.stderr.write(`token-ledger: note: ${[...new Set(named)].join(", ")}: ${note}\n`);
}
