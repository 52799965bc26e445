import {PRECISIONS, type Precision} from "../inference/precision.js";
import type {PublishedRun} from "./publishedRun.js";
import {CellReader, readCatalogRows, scaled} from "../catalog/csvCells.js";

/** The columns of data/training-runs.csv, exactly and in order. */
export const TRAINING_RUN_COLUMNS = [
  "id",
  "model",
  "hardware",
  "precision",
  "chips",
  "tokens_t",
  "sequence_tokens",
  "chip_hours",
  "mfu",
  "mfu_basis",
  "includes",
  "source_title",
  "source_url",
  "notes"
] as const;

export type TrainingRunColumn = (typeof TRAINING_RUN_COLUMNS)[number];

/** Tokens per "trillion" in tokens_t. */
const TOKENS_PER_TRILLION = 1e12;

/**
 * Parses and validates data/training-runs.csv: published runs (model, chip, precision, chips, tokens in trillions,
 * sequence length, published chip-hours, MFU where reported with its basis, what the hours include, source). Every
 * bad cell is reported at once as a UserErrors naming file, line, column and column name; model and hardware ids are
 * checked against the catalogs given.
 */
export function parseTrainingRunsCsv(
  text: string,
  {file, modelIds, hardwareIds}: {file: string; modelIds: readonly string[]; hardwareIds: readonly string[]}
): PublishedRun[] {
  return readCatalogRows(text, {
    file,
    columns: TRAINING_RUN_COLUMNS,
    readRow: (cells) => readRow(cells, modelIds, hardwareIds)
  });
}

function readRow(
  cells: CellReader<TrainingRunColumn>,
  modelIds: readonly string[],
  hardwareIds: readonly string[]
): PublishedRun | undefined {
  const id = cells.id("id");
  const model = catalogId(cells, "model", modelIds, "data/models.csv");
  const hardware = catalogId(cells, "hardware", hardwareIds, "data/hardware.csv");
  const precision = cells.text("precision");
  if (precision !== undefined && !(PRECISIONS as readonly string[]).includes(precision)) {
    cells.fail("precision", "unknown precision", `one of ${PRECISIONS.join(", ")}`);
  }
  const chips = cells.optionalPositive("chips", {integer: true});
  const tokensT = cells.positive("tokens_t");
  const sequenceTokens = cells.optionalPositive("sequence_tokens", {integer: true});
  const chipHours = cells.positive("chip_hours");
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
