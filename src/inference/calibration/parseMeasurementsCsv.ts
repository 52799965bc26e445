import {KV_CACHE_DTYPES, PRECISIONS} from "../precision.js";
import {OUTPUT_TOKENS_CV_RANGE} from "../inflightLength.js";
import {UserError} from "../../errors/userError.js";
import {CellReader, readCatalogRows, readCsvRecords, throwIfAny, type CellUnit} from "../../catalog/csvCells.js";
import {
  GRAPH_CAPTURES,
  MEASUREMENT_PHASES,
  MEASUREMENT_SCENARIOS,
  SOFTWARE_STACKS,
  type Measurement,
  type MeasurementPhase
} from "./measurement.js";

/** The columns of data/measurements.csv, exactly and in order. */
export const MEASUREMENT_COLUMNS = [
  "id",
  "hardware",
  "chips",
  "model",
  "precision",
  "kv_cache_dtype",
  "tensor_parallel",
  "expert_parallel",
  "scenario",
  "phase",
  "input_tokens",
  "output_tokens",
  "output_tokens_cv",
  "concurrency",
  "max_batch",
  "software",
  "stack",
  "graph_capture",
  "input_tokens_per_s_per_chip",
  "output_tokens_per_s_per_chip",
  "output_tokens_per_s_per_user",
  "ttft_s",
  "tpot_s",
  "date",
  "source_title",
  "source_url",
  "quote",
  "notes"
] as const;

export type MeasurementColumn = (typeof MEASUREMENT_COLUMNS)[number];
type Column = MeasurementColumn;

/**
 * The columns a project's measurements file (`calibration --measurements FILE`) may lack, written before them:
 * `graph_capture` (its rows take "unknown", as a row that does not say; it was refused as a missing column, where an
 * older data/hardware.csv loads with a note; breaker), `input_tokens_per_s_per_chip` (written before prefill
 * measurements: its rows are whole or decode ones, which leave it empty), `max_batch` (written before the engine's
 * cap was recorded: its rows take none, as a row that leaves it empty), `output_tokens_cv` (written before the
 * spread of output lengths was recorded: its rows take none, every request the same length, as an empty cell does)
 * and `kv_cache_dtype` (written before the KV cache's format was recorded: its rows take their precision's default,
 * as an empty cell does).
 */
export const OPTIONAL_MEASUREMENT_COLUMNS: readonly MeasurementColumn[] = [
  "graph_capture",
  "input_tokens_per_s_per_chip",
  "max_batch",
  "output_tokens_cv",
  "kv_cache_dtype"
];

/**
 * The columns of a data/measurements.csv written before the `graph_capture` column (and so before
 * `input_tokens_per_s_per_chip` and `max_batch`): MEASUREMENT_COLUMNS without them.
 */
export const MEASUREMENT_COLUMNS_WITHOUT_GRAPH_CAPTURE: readonly MeasurementColumn[] = MEASUREMENT_COLUMNS.filter(
  (c) => !OPTIONAL_MEASUREMENT_COLUMNS.includes(c)
);

/**
 * The columns a header (its raw cells) is read with: MEASUREMENT_COLUMNS without some of OPTIONAL_MEASUREMENT_COLUMNS
 * when it is exactly that (a file written before them), else MEASUREMENT_COLUMNS, so that any other header's errors
 * name the header to write.
 */
export function measurementColumnsOf(header: readonly string[] | undefined): readonly MeasurementColumn[] {
  const written = header?.map((cell) => cell.trim()).join(",");
  const older = OPTIONAL_MEASUREMENT_COLUMNS.reduce<MeasurementColumn[][]>(
    (subsets, column) => [...subsets, ...subsets.map((subset) => [...subset, column])],
    [[]]
  ).map((left) => MEASUREMENT_COLUMNS.filter((c) => !left.includes(c)));
  return older.find((columns) => columns.join(",") === written) ?? MEASUREMENT_COLUMNS;
}

/**
 * A user error about one cell of a measurements row: file, the cell's line and character column, the column's name,
 * and the problem.
 */
export function measurementCellError(
  file: string,
  measurement: Pick<Measurement, "positions">,
  column: MeasurementColumn,
  problem: {message: string; expected: string; found: string; hint?: string}
): UserError {
  return new UserError({
    file,
    ...measurement.positions[MEASUREMENT_COLUMNS.indexOf(column)]!,
    path: column,
    ...problem
  });
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Parses and validates data/measurements.csv: one published serving measurement per row (columns in
 * MEASUREMENT_COLUMNS; units in the column names: tokens, tokens/s, seconds). Catalog ids are checked later, against
 * the catalogs, by the calibration (src/calibration/bindMeasurements.ts).
 *
 * The throughput a row states follows its phase: a prefill row states input_tokens_per_s_per_chip (prompt tokens
 * prefilled per second per chip, no prefix-cache hits) and leaves output_tokens_per_s_per_chip, output_tokens,
 * output_tokens_per_s_per_user and tpot_s empty (it generates no tokens to count or time); a whole or decode row
 * states output_tokens_per_s_per_chip and leaves input_tokens_per_s_per_chip empty. Either the other way is an error
 * at the cell.
 *
 * Input: the file's text and its path (for messages). Output: the rows in file order.
 * Throws: UserErrors naming file, line, column and column name of every bad cell (wrong header, wrong cell count,
 * not a number, a word outside its list, a bad month or URL, a duplicate id). A `date` after the current month
 * (latestMonth of `now`, the time of the call unless given: tests pass one) is an error: no measurement is published
 * before it is made (2099-01 passed; breaker).
 *
 * A file without the `graph_capture`, `input_tokens_per_s_per_chip`, `max_batch`, `output_tokens_cv` or
 * `kv_cache_dtype` column (OPTIONAL_MEASUREMENT_COLUMNS: a project's file written before them) is read too: every
 * row's graph_capture "unknown" (the caller prints a note: measurementFiles.ts), every row's input rate, engine cap,
 * output CV and KV format null. With `allColumns` (the package's own data/measurements.csv,
 * never older than the code) every column is required.
 */
/**
 * The unit of the count and token columns, for a cell written with one (`2k` input tokens, `8 chips`): offered as the
 * plain number the column takes (CellUnit). The rates and times have no unit a cell may carry: a cell of them is
 * offered its plain number only for a look-alike (`３.５`, `3,5`).
 */
const MEASUREMENT_CELL_UNITS = {
  chips: {dimension: "count", factor: 1, label: "in chips"},
  tensor_parallel: {dimension: "count", factor: 1, label: "in chips"},
  expert_parallel: {dimension: "count", factor: 1, label: "in chips"},
  input_tokens: {dimension: "tokens", factor: 1, label: "in tokens"},
  output_tokens: {dimension: "tokens", factor: 1, label: "in tokens"},
  concurrency: {dimension: "count", factor: 1, label: "in requests"}
} as const satisfies Partial<Record<Column, CellUnit>>;

export function parseMeasurementsCsv(
  text: string,
  {file, now = new Date(), allColumns = false}: {file: string; now?: Date; allColumns?: boolean}
): Measurement[] {
  const latest = latestMonth(now);
  if (!allColumns) throwIfAny(prefillWithoutInputColumn(text, file));
  return readCatalogRows(text, {
    file,
    columns: (header) => (allColumns ? MEASUREMENT_COLUMNS : measurementColumnsOf(header?.cells)),
    units: MEASUREMENT_CELL_UNITS,
    ranges: {output_tokens_cv: OUTPUT_TOKENS_CV_RANGE},
    readRow: (cells, columns) =>
      readRow(cells, latest, {
        graphCapture: columns.includes("graph_capture"),
        outputTokensCv: columns.includes("output_tokens_cv"),
        kvCacheDtype: columns.includes("kv_cache_dtype")
      })
  });
}

/**
 * The error for a file without the input_tokens_per_s_per_chip column (a header measurementColumnsOf reads without
 * it) that has phase prefill rows, which state their throughput there: one, at the header cell where the column
 * belongs, naming the rows' lines (it was one per prefill row, "missing value" at the line's last character, where
 * no such cell is; breaker). Empty when the column is there or no row is a prefill one.
 */
function prefillWithoutInputColumn(text: string, file: string): UserError[] {
  const {header, records} = readCsvRecords(text, {file});
  const columns = measurementColumnsOf(header?.cells);
  const column = "input_tokens_per_s_per_chip";
  if (!header || columns.includes(column)) return [];
  const phaseAt = columns.indexOf("phase");
  const lines = records.filter((r) => r.cells[phaseAt]?.trim().toLowerCase() === "prefill").map((r) => r.line);
  if (lines.length === 0) return [];
  const previous = columns.filter((c) => MEASUREMENT_COLUMNS.indexOf(c) < MEASUREMENT_COLUMNS.indexOf(column)).at(-1)!;
  return [
    new UserError({
      file,
      ...(header.positions[columns.indexOf(previous) + 1] ?? header.end),
      path: column,
      message: `missing column, which phase prefill rows need (${lineRanges(lines)})`,
      expected: `column '${column}' after '${previous}' (a prefill row's prompt tokens per second per chip)`,
      found: "no such column"
    })
  ];
}

/** Ascending line numbers as runs: "line 62", "lines 62–67", "lines 62–67, 70". */
function lineRanges(lines: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const line of lines) {
    const last = runs.at(-1);
    if (last && line === last[1] + 1) last[1] = line;
    else runs.push([line, line]);
  }
  const text = runs.map(([from, to]) => (from === to ? `${from}` : `${from}\u2013${to}`)).join(", ");
  return `${lines.length === 1 ? "line" : "lines"} ${text}`;
}

/**
 * The latest month it is anywhere at `now`, YYYY-MM: the month in UTC 14 hours on (UTC+14, Kiribati's, is the
 * furthest ahead any clock runs), so that a measurement dated by its local month on the 1st is never refused.
 */
export function latestMonth(now: Date): string {
  const ahead = new Date(now.getTime() + 14 * 60 * 60 * 1000);
  return `${ahead.getUTCFullYear()}-${String(ahead.getUTCMonth() + 1).padStart(2, "0")}`;
}

function readRow(
  cells: CellReader<Column>,
  latest: string,
  written: {graphCapture: boolean; outputTokensCv: boolean; kvCacheDtype: boolean}
): Measurement | undefined {
  const phase = cells.choice("phase", MEASUREMENT_PHASES);
  const row = {
    id: cells.id("id"),
    line: cells.line,
    positions: MEASUREMENT_COLUMNS.map((column) => cells.positionOf(column)),
    hardware: cells.id("hardware"),
    chips: cells.positive("chips", {integer: true}),
    model: cells.id("model"),
    precision: cells.choice("precision", PRECISIONS),
    kvCacheDtype:
      written.kvCacheDtype && cells.raw("kv_cache_dtype") !== ""
        ? cells.choice("kv_cache_dtype", KV_CACHE_DTYPES)
        : null,
    tensorParallel: cells.optionalPositive("tensor_parallel", {integer: true}),
    expertParallel: cells.optionalPositive("expert_parallel", {integer: true}),
    scenario: cells.choice("scenario", MEASUREMENT_SCENARIOS),
    phase,
    inputTokens: cells.optionalPositive("input_tokens"),
    outputTokens:
      phase === "prefill" ? emptyForPrefill(cells, "output_tokens") : cells.optionalPositive("output_tokens"),
    outputTokensCv: !written.outputTokensCv
      ? null
      : phase === "prefill"
        ? emptyForPrefill(cells, "output_tokens_cv")
        : cells.raw("output_tokens_cv") === ""
          ? null
          : cells.nonNegative("output_tokens_cv"),
    concurrency: cells.optionalPositive("concurrency", {integer: true}),
    maxBatch: cells.optionalPositive("max_batch", {integer: true}),
    software: cells.text("software"),
    stack: cells.choice("stack", SOFTWARE_STACKS),
    graphCapture: written.graphCapture ? cells.choice("graph_capture", GRAPH_CAPTURES) : "unknown",
    ...throughputs(cells, phase),
    outputTokensPerSecondPerUser:
      phase === "prefill"
        ? emptyForPrefill(cells, "output_tokens_per_s_per_user")
        : cells.optionalPositive("output_tokens_per_s_per_user"),
    timeToFirstTokenSeconds: cells.optionalPositive("ttft_s"),
    timePerOutputTokenSeconds:
      phase === "prefill" ? emptyForPrefill(cells, "tpot_s") : cells.optionalPositive("tpot_s"),
    date: month(cells, latest),
    sourceTitle: cells.text("source_title"),
    sourceUrl: cells.httpsUrl("source_url"),
    quote: cells.text("quote"),
    notes: cells.raw("notes")
  };
  // A spread of answer lengths with no mean length to spread: the model would run the row at one output token, the
  // spread unused (breaker: a decode row's 1.5 was taken and changed nothing).
  if (typeof row.outputTokensCv === "number" && row.outputTokens === null) {
    cells.fail(
      "output_tokens_cv",
      "output_tokens_cv without output_tokens",
      "an empty cell, or output_tokens (the mean answer length this spreads) on the row too"
    );
    return undefined;
  }
  for (const value of Object.values(row)) if (value === undefined) return undefined;
  return row as Measurement;
}

/**
 * The measured throughputs per chip, by phase: a prefill row's input rate (its output rate empty), a whole or decode
 * row's output rate (its input rate empty). A row whose phase is bad has both read as optional, so that their own
 * errors are still found.
 */
function throughputs(
  cells: CellReader<Column>,
  phase: MeasurementPhase | undefined
): {inputTokensPerSecondPerChip: number | null | undefined; outputTokensPerSecondPerChip: number | null | undefined} {
  if (phase === "prefill") {
    return {
      inputTokensPerSecondPerChip: cells.positive("input_tokens_per_s_per_chip"),
      outputTokensPerSecondPerChip: emptyForPrefill(cells, "output_tokens_per_s_per_chip")
    };
  }
  if (phase === undefined) {
    return {
      inputTokensPerSecondPerChip: cells.optionalPositive("input_tokens_per_s_per_chip"),
      outputTokensPerSecondPerChip: cells.optionalPositive("output_tokens_per_s_per_chip")
    };
  }
  let input: number | null | undefined = null;
  if (cells.raw("input_tokens_per_s_per_chip") !== "") {
    cells.fail(
      "input_tokens_per_s_per_chip",
      `input tokens per second on a ${phase} row`,
      "an empty cell: a whole or decode row states output_tokens_per_s_per_chip; prompt tokens per second are a " +
        "prefill row's",
      undefined,
      "for a prefill measurement write phase prefill"
    );
    input = undefined;
  }
  return {
    inputTokensPerSecondPerChip: input,
    outputTokensPerSecondPerChip: cells.positive("output_tokens_per_s_per_chip")
  };
}

/**
 * A cell a prefill row leaves empty (null), or undefined with an error: a prefill measurement generates no output
 * tokens, so it has no output count, rate or time per output token.
 */
function emptyForPrefill(cells: CellReader<Column>, column: Column): null | undefined {
  if (cells.raw(column) === "") return null;
  cells.fail(
    column,
    `${column} on a prefill row`,
    "an empty cell: a prefill measurement generates no output tokens (its throughput is input_tokens_per_s_per_chip)"
  );
  return undefined;
}

/** The earliest month a measurement may be dated: before it, no LLM serving measurement was published. */
export const EARLIEST_MONTH = "2015-01";

/**
 * The YYYY-MM month a date cell that is not one likely means, or undefined: a day written too (`2026-12-05`, as a date
 * column often takes; `day` true), a slash, dot or dash look-alike for the hyphen (`2024/08`, `2024\u201108`), a
 * month without its zero (`2024-8`) or the month first (`08-2024`). They were told only the format (breaker).
 */
function monthMeant(value: string): {month: string; day: boolean} | undefined {
  const text = value.replace(/[\u2010-\u2015\u2212/.]/g, "-");
  const pad = (month: string) => month.padStart(2, "0");
  const valid = (month: string) => Number(month) >= 1 && Number(month) <= 12;
  const yearFirst = /^(\d{4})-(\d{1,2})(-\d{1,2})?$/.exec(text);
  if (yearFirst && valid(yearFirst[2]!)) {
    return {month: `${yearFirst[1]}-${pad(yearFirst[2]!)}`, day: yearFirst[3] !== undefined};
  }
  const monthFirst = /^(\d{1,2})-(\d{4})$/.exec(text);
  if (monthFirst && valid(monthFirst[1]!)) return {month: `${monthFirst[2]}-${pad(monthFirst[1]!)}`, day: false};
  return undefined;
}

/** The `date` cell: a month as YYYY-MM, from EARLIEST_MONTH, not after `latest` (latestMonth). */
function month(cells: CellReader<Column>, latest: string): string | undefined {
  const value = cells.text("date");
  if (value === undefined) return undefined;
  if (!MONTH.test(value)) {
    const meant = monthMeant(value);
    cells.fail(
      "date",
      "bad date",
      "a month as YYYY-MM, e.g. 2025-04",
      undefined,
      meant === undefined ? undefined : `${meant.day ? "the column holds the month only: " : ""}write ${meant.month}`
    );
    return undefined;
  }
  // A month before any published LLM serving measurement is a mistyped year (1899-01 was accepted; breaker).
  if (value < EARLIEST_MONTH) {
    cells.fail(
      "date",
      "date too early",
      `a month from ${EARLIEST_MONTH} (before any published LLM serving measurement) to the current month (${latest})`,
      undefined,
      "is the year mistyped?"
    );
    return undefined;
  }
  // Zero-padded YYYY-MM months order as strings do.
  if (value > latest) {
    cells.fail(
      "date",
      "date in the future",
      `the month the measurement was published, at latest the current month (${latest})`,
      undefined,
      "is the year or the month mistyped?"
    );
    return undefined;
  }
  return value;
}
