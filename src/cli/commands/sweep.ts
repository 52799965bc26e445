import {availableParallelism} from "node:os";
import type {Command} from "commander";
import {SingleBar} from "cli-progress";
import {catalogIdsOf, loadCatalogs, noteCatalogOverrides} from "../../node/catalogFiles.js";
import {locateScenario} from "../../node/scenarioLibrary.js";
import {MARKDOWN_EXTENSION_WORDS} from "../../node/paths.js";
import {parallelSweepChunks, PARALLEL_SWEEP_MIN_MS} from "../../node/parallelSweep.js";
import {eventLoopTurn} from "../../node/eventLoopTurn.js";
import {openTableFile} from "../../node/tableFileWriter.js";
import {onEndingSignal, tableFormat} from "../../node/writeTable.js";
import {applyOverrides} from "../../scenario/resolve/applyOverrides.js";
import {bindScenario, SCENARIO_METRICS, type ScenarioMetricName} from "../../scenario/evaluate/evaluateScenario.js";
import {METRIC_INFO} from "../../scenario/evaluate/metricInfo.js";
import {keyUnit} from "../../scenario/run/runReport.js";
import {sweepDrawError} from "../../scenario/run/sweepDrawCheck.js";
import {
  markVariedKeys,
  readSweepAxis,
  sweepAxisErrors,
  sweepRequiredColumns,
  writtenAxisEnds
} from "../../scenario/run/sweepScenario.js";
import {sweepNotes, type SweepNote} from "../../scenario/run/sweepNotes.js";
import {scenarioDrawMedianPoint} from "../../scenario/run/scenarioDraws.js";
import {scenarioRunError} from "../../scenario/run/rejectedDraw.js";
import {DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED} from "../../scenario/run/runScenario.js";
import {UserError, UserErrors, userErrorList} from "../../errors/userError.js";
import {displayValue} from "../../scenario/file/displayValue.js";
import {countNoun} from "../../units/countNoun.js";
import {positiveInteger} from "../flags.js";
import {groupThousands} from "../../units/groupThousands.js";
import {isDecimalNumeral} from "../../units/decimal.js";

/** Grids at least this large show a progress bar on a terminal. */
const PROGRESS_BAR_POINTS = 200;

/** `run`'s refusal of a varied key at its grid's first value, as the grid's errors name it: --vary and the point. */
function varyError(refused: UserError | UserErrors, first: ReadonlyMap<string, number>): UserErrors {
  return new UserErrors(
    userErrorList(refused).map(({detail: {path, message, expected, found, hint}}) => {
      const at = `${path}=${displayValue(path!, first.get(path!) ?? null)}`;
      return new UserError({
        flag: "--vary",
        path: path!,
        message: `${message} (at ${at})`,
        ...(expected !== undefined ? {expected} : {}),
        ...(found !== undefined ? {found} : {}),
        ...(hint !== undefined ? {hint} : {})
      });
    })
  );
}

/** The longest a sweep evaluates before it lets a pending signal be handled. */
const PAUSE_MS = 100;

/** The command's options as commander gives them. */
interface SweepOptions {
  /** Absent when no --vary was given. */
  vary?: string[];
  set: string[];
  out: string;
  metrics?: string;
  workers?: number;
}

export function registerSweep(program: Command): void {
  program
    .command("sweep")
    .description(
      "evaluate a scenario over a grid of one or more assumptions and write one row per point; then write run's " +
        "notes, checked at the grid's corners, on stderr"
    )
    .argument(
      "<scenario>",
      `a scenario id from data/scenarios/ or a path to a Markdown file ending in ${MARKDOWN_EXTENSION_WORDS}`
    )
    .option(
      "--vary <path=FROM:TO:STEPS>",
      "required: an axis of the grid (repeatable; several form every combination), e.g. --vary " +
        "silicon.designCycle=6:36:31",
      // No default: help would read "(default: none)" beside "required" (docs check).
      (v: string, p: string[] = []) => [...p, v]
    )
    .option(
      "--metrics <names>",
      "comma-separated metrics to write (default: all); only the models they need run, e.g. costPerMillionTokensUsd"
    )
    .option(
      "--set <path=value>",
      "override an assumption first (repeatable)",
      (v: string, p: string[]) => [...p, v],
      []
    )
    .requiredOption("--out <file>", "required: output file, .csv, .json or .parquet (written whole, or not at all)")
    .option(
      "--workers <n>",
      `threads that evaluate a long sweep (one whose first block says the rest takes over ${PARALLEL_SWEEP_MIN_MS / 1000} s), ` +
        `default the machine's cores (${availableParallelism()}); 1 evaluates on the main thread only`,
      positiveInteger("--workers", 256)
    )
    // Every name --metrics takes, with its unit (an unknown name's error points here: the list is too long for it).
    .addHelpText(
      "after",
      `\nMetrics (--metrics), each with its column's unit (a fraction is a part of a whole,\na ratio may exceed 1):\n` +
        `${SCENARIO_METRICS.map((name) => `  ${name.padEnd(40)} ${metricUnitWords(name)}`).join("\n")}\n`
    )
    .action(async (scenario: string, options: SweepOptions) => {
      const format = tableFormat(options.out);
      const vary = options.vary ?? [];
      if (vary.length === 0) {
        throw new UserError({
          flag: "--vary",
          message: "nothing to sweep",
          expected: "at least one --vary path=FROM:TO:STEPS",
          found: "none"
        });
      }
      const readings = vary.map((text) => readSweepAxis(text));
      const axes = readings.map(({axis}) => axis);
      const metrics =
        options.metrics === undefined
          ? undefined
          : (options.metrics.split(",").map((name) => name.trim()) as ScenarioMetricName[]);
      const {id, library} = locateScenario(scenario);
      const catalogs = loadCatalogs();
      // Bound with its varied keys marked as set (markVariedKeys): a key the sweep varies counts for the checks of how
      // the keys go together, as a --set of it would (`--set silicon.bf16Flops=… --vary silicon.hbmBandwidth=…` was
      // refused as a chip given by its specs without silicon.hbmBandwidth; breaker).
      const overridden = applyOverrides(library.resolve(id), options.set, "--set", catalogIdsOf(catalogs));
      noteCatalogOverrides();
      const resolved = markVariedKeys(overridden, axes);
      const bound = bindScenario(resolved, catalogs);
      // A scenario `run` (with the same --set) refuses is refused here with run's message, before any file is opened:
      // every one of run's draws (a draw fails through two keys together; breaker), with each varied key at its grid's
      // first value, as `run --set` of that value would have it: the sweep sets the key at every point and never draws
      // it (its own distribution, or its median, was blamed though every grid point was valid; breaker).
      const first = new Map(axes.map((axis) => [axis.path, axis.values[0]!]));
      const checked = {
        ...resolved,
        values: Object.fromEntries(
          Object.entries(resolved.values).map(([path, value]) => [
            path,
            first.has(path) ? {...value, value: first.get(path)!} : value
          ])
        )
      };
      const refused = scenarioRunError(bindScenario(checked, catalogs), {
        samples: DEFAULT_SCENARIO_SAMPLES,
        seed: DEFAULT_SCENARIO_SEED,
        everyDraw: true
      });
      // An error about a varied key at its grid's first value is the grid's: the grid's own evaluation lists every
      // failing point and blames --vary. Refused here, it blamed the file's line of the key's base value, in one order
      // (`serving.batch=1024:64:4` named base.md:9, `64:1024:4` --vary; breaker). Should every point evaluate (the
      // refusal came from a draw of another key), it is still refused, after the grid, naming --vary.
      const deferred = refused && userErrorList(refused).every((e) => first.has(e.detail.path ?? "")) ? refused : null;
      if (refused && !deferred) throw refused;
      // run's draws at the grid's other corners, the first failing value of each axis found when one is refused: checked
      // at the first values alone, a grid whose later points `run --set` refuses for a draw was written (breaker).
      const drawn = deferred
        ? undefined
        : sweepDrawError(bound, axes, {samples: DEFAULT_SCENARIO_SAMPLES, seed: DEFAULT_SCENARIO_SEED});
      if (drawn) throw drawn;
      // A grid with points between whole numbers is told so after its ends are checked: its step count would keep an
      // end that fails (sweepAxisErrors).
      const axisErrors = sweepAxisErrors({bound, readings, metrics});
      if (axisErrors.length === 1) throw axisErrors[0];
      if (axisErrors.length > 1) throw new UserErrors(axisErrors);
      const total = axes.reduce((product, axis) => product * axis.values.length, 1);
      const bar =
        process.stderr.isTTY && total >= PROGRESS_BAR_POINTS
          ? new SingleBar({
              format: "sweep [{bar}] {percentage}% | {value}/{total} points | ETA {eta}s",
              stream: process.stderr
            })
          : null;
      let shown = 0;
      // A bar redrawn at every point would cost more than the points: redraw every 1,000 (and at the end).
      const onProgress = bar
        ? (done: number) => (done - shown >= 1000 || done === total) && bar.update((shown = done))
        : undefined;
      // Pause the evaluation at least every PAUSE_MS to let a signal be handled within a block, not only between blocks.
      let pauseAt = performance.now() + PAUSE_MS;
      const shouldPause = () => performance.now() >= pauseAt;
      const {columns, chunks} = parallelSweepChunks({
        bound,
        axes,
        metrics,
        onProgress,
        shouldPause,
        ...(options.workers !== undefined ? {workers: options.workers} : {})
      });
      const units: Record<string, string> = {};
      for (const name of columns) {
        units[name] = name in METRIC_INFO ? METRIC_INFO[name as ScenarioMetricName].unit : keyUnit(name);
      }
      const file = openTableFile(options.out, format, {
        columns,
        requiredColumns: sweepRequiredColumns(columns),
        metadata: {"token-ledger.units": JSON.stringify(units), "token-ledger.scenario": id}
      });
      // SIGINT (Ctrl-C), SIGQUIT (Ctrl-\), SIGTERM or SIGHUP between blocks stops the bar; the file's own handler
      // removes the temporary file, and the process exits with 128 + the signal's number (writeTable.ts,
      // onEndingSignal).
      const forgetBar = bar ? onEndingSignal(() => bar.stop()) : () => {};
      let rows = 0;
      bar?.start(total, 0);
      try {
        for await (const chunk of chunks) {
          // A pause (an empty block, rows 0) has nothing to write.
          if (chunk.rows > 0) file.append(chunk.rows, chunk.values);
          rows += chunk.rows;
          // Let a pending signal be handled between blocks and at each pause (the evaluation itself is synchronous).
          await eventLoopTurn();
          pauseAt = performance.now() + PAUSE_MS;
        }
        // A signal that came during the last block is handled here, before the rename: never "wrote …" after Ctrl-C.
        await eventLoopTurn();
        if (deferred) throw varyError(deferred, first);
        file.finish();
        // The notes `run` gives, at the grid's corners, once the file is whole (none for a sweep that failed).
        const base = scenarioDrawMedianPoint(bound.resolved, {
          samples: DEFAULT_SCENARIO_SAMPLES,
          seed: DEFAULT_SCENARIO_SEED
        });
        for (const note of sweepNotes(bound, axes, base)) process.stderr.write(noteLine(id, note));
      } catch (error) {
        file.abort();
        throw error;
      } finally {
        bar?.stop();
        forgetBar();
      }
      process.stdout.write(
        `wrote ${countNoun(groupThousands(rows), "row")} × ${countNoun(columns.length, "column")} to ${options.out}\n` +
          axes.map(baseUnitLine).join("")
      );
    });
}

/**
 * A metric's unit as `sweep --help` lists it: the unit its column is written in (metricInfo.ts), and for a fraction or
 * a ratio how run, compare and the pages print it. inferenceShareOfSpend read "fraction" and costProfitMargin "ratio",
 * though both print as percentages: "fraction, printed as %", "ratio, printed as %" ("ratio, printed as ×" for
 * siliconRelativeThroughput).
 */
export function metricUnitWords(name: ScenarioMetricName): string {
  const {unit, displayUnit} = METRIC_INFO[name];
  if (displayUnit === unit || (displayUnit !== "%" && displayUnit !== "×")) return unit;
  return `${unit}, printed as ${displayUnit}`;
}

/**
 * For an axis written with units (`power.electricity=20 USD/MWh:100 USD/MWh:5`), a line saying its column is in the
 * key's base unit, with the ends as written there (an author read 0.02…0.1 in a column given in USD/MWh; new-user
 * trial); "" for an axis of bare numbers, which are already in the base unit.
 */
function baseUnitLine(axis: {path: string; values: readonly number[]; written?: string}): string {
  const ends = writtenAxisEnds(axis);
  if (ends.every((end) => isDecimalNumeral(end))) return "";
  const first = displayNumber(axis.values[0]!);
  const last = displayNumber(axis.values.at(-1)!);
  return `${axis.path} is written in its base unit, ${keyUnit(axis.path)}: ${first} to ${last} (given as ${ends.join(" to ")})\n`;
}

/** Corners a note line names before it says "and N more corners". */
const NOTE_CORNERS_SHOWN = 3;

/**
 * A sweep note as `run` writes one ("token-ledger: note: ID: …"), with the corners of the grid it holds at when not
 * every one: "token-ledger: note: deepseek-one-day at serving.batch=4096: …".
 */
function noteLine(id: string, {note, at}: SweepNote): string {
  if (at === null) return `token-ledger: note: ${id}: ${note}\n`;
  const corners = at.slice(0, NOTE_CORNERS_SHOWN).map((corner) =>
    Object.entries(corner)
      .map(([path, value]) => `${path}=${displayNumber(value)}`)
      .join(", ")
  );
  const more = at.length - corners.length;
  const where = corners.join(" and at ") + (more > 0 ? ` and ${countNoun(more, "more corner")}` : "");
  return `token-ledger: note: ${id} at ${where}: ${note}\n`;
}

/** A grid value as a file writes it (String(n)), rounded to 12 significant digits. */
function displayNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}
