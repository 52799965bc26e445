import type {Hardware} from "../catalog/hardware.js";
import {UserError} from "../errors/userError.js";
import type {ModelArchitecture} from "../catalog/model.js";
import {PRECISIONS, peakFlopsPerS, type Precision} from "../inference/precision.js";
import {TERA} from "../units/si.js";
import type {PublishedRun} from "./publishedRun.js";
import {impliedMfu, publishedRunFlops} from "./trainingRunsReport.js";
import {CellReader, readCatalogRows, scaled} from "../catalog/csvCells.js";
import {MODEL_CELL_RANGES} from "../catalog/parseModelsCsv.js";
import {TRAINING_RUN_COLUMNS} from "../catalog/catalogColumns.js";
import {exponentNotation, formatBound, formatRange, isInRange, type NumberRange} from "../units/range.js";
import {formatFlops} from "../units/flops.js";

export {TRAINING_RUN_COLUMNS};

export type TrainingRunColumn = (typeof TRAINING_RUN_COLUMNS)[number];

/**
 * The physical range of each numeric column, in the column's unit, as MODEL_CELL_RANGES gives models.csv's: far beyond
 * any published run, finite so that no product overflows. tokens_t is models.csv's training_tokens_t range (1e17 tokens
 * at most: 1e300 read as Infinity and failed without a position; breaker); chips and sequence_tokens those of a
 * cluster and a context window. chip_hours is bounded by the MFU it implies instead (checkImpliedMfu).
 */
export const TRAINING_RUN_CELL_RANGES = {
  chips: {min: 1, max: 1e8},
  tokens_t: MODEL_CELL_RANGES.training_tokens_t,
  sequence_tokens: MODEL_CELL_RANGES.context_tokens
} as const satisfies Partial<Record<TrainingRunColumn, NumberRange>>;

/** Tokens per "trillion" in tokens_t. */
const TOKENS_PER_TRILLION = 1e12;

/**
 * Least steady-state MFU a row's chip_hours may imply at goodput 1 (all of the hours training): 1%, a tenth of the
 * least any bundled run implies (Llama 4 Maverick's 0.13; the others 0.16–0.49). Fewer FLOPs per chip-hour is hours a
 * hundred times what the run needed at the chip's peak: a typo or a unit slip (1e20 implied an MFU of 1e-13 and moved
 * the report's median error from 13% to 20%; breaker).
 */
export const MIN_IMPLIED_MFU = 0.01;

/** The catalogs a run's chip_hours are checked against: its model's FLOPs on its chip's peak. */
export interface TrainingRunCatalogs {
  models: readonly ModelArchitecture[];
  hardware: readonly Hardware[];
}

/**
 * Parses and validates data/training-runs.csv: published runs (model, chip, precision, chips, tokens in trillions,
 * sequence length, published chip-hours, MFU where reported with its basis, what the hours include, source). Every
 * bad cell is reported at once as a UserErrors naming file, line, column and column name; model and hardware ids are
 * checked against the catalogs given.
 *
 * With `catalogs`, each row's chip_hours must imply a steady-state MFU (trainingRunsReport's implied MFU, at goodput 1:
 * FLOPs ÷ (peak × chip-hours × 3600)) from MIN_IMPLIED_MFU to 1: more than 1 is hours too few to train the run's FLOPs
 * at the chip's full peak (chip_hours 1 for Llama 3.1 405B implied an MFU of 11 million; breaker). Goodput 1 is the
 * most hours can do, so a row never fails for the goodput a report is run at. The run's chip must have a peak in its
 * precision.
 */
export function parseTrainingRunsCsv(
  text: string,
  {
    file,
    modelIds,
    hardwareIds,
    catalogs
  }: {file: string; modelIds: readonly string[]; hardwareIds: readonly string[]; catalogs?: TrainingRunCatalogs}
): PublishedRun[] {
  const runs = readCatalogRows(text, {
    file,
    columns: TRAINING_RUN_COLUMNS,
    ranges: TRAINING_RUN_CELL_RANGES,
    readRow: (cells) => readRow(cells, modelIds, hardwareIds, catalogs)
  });
  // The runs with an MFU are the ones the training model is compared with: with none, `training-runs` and the model
  // accuracy page gave a median error of NaN% over "the 0 runs" and exited 0 (header alone, or every mfu cleared;
  // breaker). Pointed at the header's mfu cell, which quotes nothing (readCatalogRows checked the header's names).
  if (!runs.some((run) => run.mfu !== null)) {
    const header = text
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/, 1)[0]!
      .split(",");
    throw new UserError({
      file,
      line: 1,
      column: header.slice(0, header.indexOf("mfu")).reduce((sum, cell) => sum + cell.length + 1, 1),
      path: "mfu",
      message: "no run reports an MFU",
      expected: "at least one row with an mfu cell (the runs the training model is compared with)",
      found: runs.length ? `${runs.length} row${runs.length === 1 ? "" : "s"}, every mfu cell empty` : "no rows"
    });
  }
  return runs;
}

function readRow(
  cells: CellReader<TrainingRunColumn>,
  modelIds: readonly string[],
  hardwareIds: readonly string[],
  catalogs: TrainingRunCatalogs | undefined
): PublishedRun | undefined {
  const id = cells.id("id");
  const model = catalogId(cells, "model", modelIds, "data/models.csv");
  const hardware = catalogId(cells, "hardware", hardwareIds, "data/hardware.csv");
  const precision = cells.choice("precision", PRECISIONS);
  const chips = cells.optionalPositive("chips", {integer: true});
  const tokensT = cells.positive("tokens_t");
  const sequenceTokens = cells.optionalPositive("sequence_tokens", {integer: true});
  const chipHours = cells.positive("chip_hours");
  if (catalogs && model !== undefined && hardware !== undefined && tokensT !== undefined) {
    if (sequenceTokens !== undefined && chipHours !== undefined && isPrecision(precision)) {
      const run = {tokens: scaled(tokensT, TOKENS_PER_TRILLION), sequenceTokens, chipHours};
      checkImpliedMfu(
        cells,
        run,
        precision,
        catalogs.models.find((m) => m.id === model),
        catalogs.hardware.find((h) => h.id === hardware)
      );
    }
  }
  const mfu = cells.optionalPositive("mfu");
  if (mfu !== null && mfu !== undefined && mfu > 1) cells.fail("mfu", "out of range", "a fraction in (0, 1]");
  const mfuBasis = cells.raw("mfu_basis");
  if (mfu !== null && mfu !== undefined && mfuBasis === "") {
    cells.fail("mfu_basis", "missing value", "where the reported MFU comes from, whenever mfu is set", "an empty cell");
  }
  const includes = cells.text("includes");
  const sourceTitle = cells.text("source_title");
  const sourceUrl = cells.httpsUrl("source_url");
  const notes = cells.raw("notes");
  if (
    id === undefined ||
    model === undefined ||
    hardware === undefined ||
    precision === undefined ||
    chips === undefined ||
    tokensT === undefined ||
    sequenceTokens === undefined ||
    chipHours === undefined ||
    mfu === undefined ||
    includes === undefined ||
    sourceTitle === undefined ||
    sourceUrl === undefined
  ) {
    return undefined;
  }
  return {
    id,
    model,
    hardware,
    precision: precision as Precision,
    chips,
    tokens: scaled(tokensT, TOKENS_PER_TRILLION),
    sequenceTokens,
    chipHours,
    mfu,
    mfuBasis,
    includes,
    sourceTitle,
    sourceUrl,
    notes
  };
}

function catalogId(
  cells: CellReader<TrainingRunColumn>,
  column: "model" | "hardware",
  ids: readonly string[],
  catalog: string
): string | undefined {
  const value = cells.text(column);
  if (value === undefined) return undefined;
  if (!ids.includes(value)) {
    cells.fail(column, `unknown ${column} id`, `an id of ${catalog}`);
    return undefined;
  }
  return value;
}

function isPrecision(value: string | undefined): value is Precision {
  return value !== undefined && (PRECISIONS as readonly string[]).includes(value);
}

/**
 * The range each of the two cells that make a run's implied MFU usually takes, in the column's unit: the bundled runs'
 * (0.3–22 trillion tokens, 184,320–30,840,000 chip-hours) widened about thirtyfold each way. A cell outside its
 * range, beside one inside it, is the likelier typo when the MFU they imply is impossible (checkImpliedMfu).
 */
export const USUAL_RUN_RANGES = {
  tokens_t: {min: 0.01, max: 1000},
  chip_hours: {min: 1000, max: 1e9}
} as const satisfies Partial<Record<TrainingRunColumn, NumberRange>>;

/**
 * Records an error when tokens_t and chip_hours imply an MFU outside [MIN_IMPLIED_MFU, 1] at goodput 1 (FLOPs from
 * tokens_t, on chip_hours of the chip's peak), or at precision when the chip has no peak in it (the report threw a
 * plain Error for it). Either cell may be the one mistyped (a tokens_t of 0.00001 was blamed on chip_hours, the cell
 * the user had not changed; breaker), so the message names both with their values and what each would need, and is
 * placed at the one outside its usual range (USUAL_RUN_RANGES) when only one is, said to be the likelier off; else at
 * chip_hours.
 */
function checkImpliedMfu(
  cells: CellReader<TrainingRunColumn>,
  run: Pick<PublishedRun, "tokens" | "sequenceTokens" | "chipHours">,
  precision: Precision,
  model: ModelArchitecture | undefined,
  chip: Hardware | undefined
): void {
  if (model === undefined || chip === undefined) return;
  const peak = peakFlopsPerS(chip, precision);
  if (peak === null) {
    cells.fail(
      "precision",
      "no peak in this precision",
      `a precision ${chip.id} has a dense peak in (data/hardware.csv)`
    );
    return;
  }
  const flops = publishedRunFlops(run, model);
  const mfu = impliedMfu(flops, peak, run.chipHours, 1);
  if (mfu <= 1 && mfu >= MIN_IMPLIED_MFU) return;
  const few = mfu > 1;
  const bound = few ? 1 : MIN_IMPLIED_MFU;
  const tokensT = cells.raw("tokens_t");
  const chipHours = cells.raw("chip_hours");
  // FLOPs, and so the implied MFU, are proportional to the tokens (6·N·D and the attention term alike): the MFU is
  // the bound at tokens_t × bound ÷ MFU, or at chip_hours × MFU ÷ bound.
  const tokensAtBound = (run.tokens / TOKENS_PER_TRILLION) * (bound / mfu);
  const hoursAtBound = run.chipHours * (mfu / bound);
  const outside = (["tokens_t", "chip_hours"] as const).filter((column) => {
    const value = column === "tokens_t" ? run.tokens / TOKENS_PER_TRILLION : run.chipHours;
    return !isInRange(value, USUAL_RUN_RANGES[column]);
  });
  const likelier = outside.length === 1 ? outside[0]! : undefined;
  const usual = (column: keyof typeof USUAL_RUN_RANGES) =>
    `${readable(USUAL_RUN_RANGES[column].min)}–${readable(USUAL_RUN_RANGES[column].max)}`;
  // A tokens_t offered only inside its physical range: chip_hours 1e30 was offered "tokens_t at least 1.4e+22", past
  // its 100,000 trillion, and chip_hours 0.5 "at most 7.02e-7", under its 0.000001 (breaker).
  const tokensRange = TRAINING_RUN_CELL_RANGES.tokens_t;
  const tokensOffer = isInRange(tokensAtBound, tokensRange)
    ? `tokens_t ${few ? "at most" : "at least"} ${readable(tokensAtBound)}`
    : `no tokens_t in its range ${formatRange(tokensRange)} fits (it would need ${few ? "at most" : "at least"} ` +
      `${readable(tokensAtBound)})`;
  const question = few
    ? likelier === "tokens_t"
      ? "extra in tokens_t, or missing from chip_hours"
      : "missing from chip_hours, or extra in tokens_t"
    : likelier === "tokens_t"
      ? "missing from tokens_t, or extra in chip_hours"
      : "extra in chip_hours, or missing from tokens_t";
  const hint =
    likelier === undefined
      ? `check both: ${outside.length === 2 ? "each is outside" : "each is within"} its usual range (tokens_t ` +
        `${usual("tokens_t")} trillion, chip_hours ${usual("chip_hours")}); `
      : `${likelier} is likelier the cell off: ${likelier === "tokens_t" ? tokensT : chipHours} is outside its usual range ` +
        `(${likelier === "tokens_t" ? `${usual("tokens_t")} trillion tokens` : `${usual("chip_hours")} chip-hours`}), ` +
        `${likelier === "tokens_t" ? `chip_hours ${chipHours}` : `tokens_t ${tokensT}`} within its own; `;
  cells.fail(
    likelier ?? "chip_hours",
    few ? "tokens_t and chip_hours imply an MFU above 1" : "tokens_t and chip_hours imply an MFU under 1%",
    `an implied MFU from ${MIN_IMPLIED_MFU} to 1 (FLOPs, ${formatFlops(flops)} from tokens_t, ÷ (${chip.id} ` +
      `${precision} peak ${peak / TERA} TFLOP/s × ` +
      `chip_hours × 3600 s)): with tokens_t ${tokensT}, chip_hours ${few ? "at least" : "at most"} ` +
      `${readable(hoursAtBound)}; with chip_hours ${chipHours}, ${tokensOffer}`,
    `MFU ${readable(mfu)} from tokens_t ${tokensT} and chip_hours ${chipHours}`,
    `${hint}the implied MFU is at goodput 1, all of the hours training; is a digit or a unit (thousands, millions) ` +
      `${question}?`
  );
}

/**
 * 3 significant digits, as the ranges write a number (formatBound: thousands separators, 11,100,000; from 10^12 in
 * exponent notation, 1e20), and under 0.0001 in exponent notation too (2.31e-7). One formatter for every number of the
 * message: an MFU read "0.0000036" in one and "2.31e-7" in another, as JavaScript switches at 10^-6, and 1.4e+22 kept
 * its "+" (breaker).
 */
function readable(x: number): string {
  const rounded = Number(x.toPrecision(3));
  return rounded !== 0 && Math.abs(rounded) < 1e-4 ? exponentNotation(rounded) : formatBound(rounded);
}
