import {existsSync, lstatSync, readFileSync} from "node:fs";
import {relative, resolve} from "node:path";
import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import {checkHeader, readCsvRecords, recordShapeError, type CsvRecord} from "../catalog/csvCells.js";
import {isUserError, UserError, userErrorList} from "../errors/userError.js";
import {hardwareColumnsOf, hasFamilyColumn, hasTopologyColumn, parseHardwareCsv} from "../catalog/parseHardwareCsv.js";
import {SCALE_UP_TOPOLOGIES} from "../catalog/scaleUpTopology.js";
import {CHIP_FAMILIES} from "../catalog/chipFamily.js";
import {MODEL_COLUMNS, parseModelsCsv} from "../catalog/parseModelsCsv.js";
import {DATA_DIR, findProject} from "./paths.js";
import {parseTrainingRunsCsv} from "../training/parseTrainingRunsCsv.js";
import type {PublishedRun} from "../training/publishedRun.js";
import {readCsvText} from "./readText.js";
import {catalogNoteWritten, writeCatalogNote} from "./catalogNoteLog.js";
import type {CatalogIds} from "../scenario/file/readValue.js";
import {BARE_BELOW_USD, THOUSANDS_MONEY_KEYS} from "../scenario/run/bareMoneyNote.js";
import {billionsInTrillionsSentence} from "../catalog/trainingTokensCell.js";
import {thousandsContextSentence} from "../catalog/contextTokensCell.js";
import {barePercentSentence} from "../scenario/run/barePercentNote.js";
import {farBelowCellSentence, LEAST_BUNDLED_FIGURES, type LeastBundledColumn} from "../catalog/leastBundledFigures.js";
import {
  farAboveCellSentence,
  MOST_BUNDLED_FIGURES,
  PAIRED_FIGURE,
  type MostBundledColumn
} from "../catalog/mostBundledFigures.js";
import {notedNumberText} from "../catalog/notedCellNumber.js";

export interface Catalogs {
  hardware: Hardware[];
  models: ModelArchitecture[];
}

/** A project's catalog row whose id is a bundled row's: the project's row is the one used. */
export interface CatalogOverride {
  /** The project's catalog file, as the user would write it (`data/hardware.csv`). */
  file: string;
  /** 1-based line of the project's row. */
  line: number;
  id: string;
  /** The bundled file whose row it replaces. */
  bundledFile: string;
  /** One line for the build and `validate` to print: `data/hardware.csv:3:1: id 'h100-sxm' overrides …`. */
  message: string;
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

/** The catalog files read for `name` (hardware.csv or models.csv): the bundled one, then the project's when it has one. */
export function catalogPaths(name: "hardware.csv" | "models.csv"): string[] {
  const project = findProject();
  const own = project ? resolve(project.dataDir, name) : undefined;
  // A link to a missing file is there too (existsSync follows it and said no: its rows vanished without a word;
  // second-round breaker): reading it is then an error naming it.
  return [resolve(DATA_DIR, name), ...(own && (existsSync(own) || isLink(own)) ? [own] : [])];
}

/** Whether `path` is a symbolic link, whatever it points to. */
function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * Reads catalog files in order and merges their rows by id: a later file's row replaces an earlier one's (kept at the
 * earlier row's place), a new id is appended. Each file is validated on its own (file:line:column, a duplicate id
 * inside one file is an error); the first file in error stops the load, and so does a first file of its header alone
 * (`rowWord` names what a row is in the error: "accelerator").
 */
function loadMerged<Row extends {id: string}>(
  paths: readonly string[],
  parse: (text: string, file: string, earlier: ReadonlyMap<string, Row>, first: boolean) => Row[],
  rowWord: string
) {
  const rows = new Map<string, Row>();
  paths.forEach((path, index) => {
    const file = displayPath(path);
    const parsed = parse(readCatalogText(path), file, rows, index === 0);
    // The first file is the catalog the others add to: with its header alone, `catalog hardware` printed an empty
    // table and every scenario's id was "unknown" (helper item). A project's file may hold its header alone, as
    // `token-ledger new` writes it: it adds no row.
    if (index === 0 && parsed.length === 0) {
      throw new UserError({
        file,
        message: "no rows",
        expected: `at least one row below the header, one ${rowWord} each`,
        found: "the header alone"
      });
    }
    for (const row of parsed) rows.set(row.id, row);
  });
  return [...rows.values()];
}

/** A catalog file's text (readCsvText: a UserError naming the file when it cannot be read). */
function readCatalogText(path: string, file = displayPath(path)): string {
  return readCsvText(path, file, "catalog");
}

/**
 * The accelerator catalog: data/hardware.csv of the package, with the project's data/hardware.csv rows added (a row
 * with a bundled id replaces the bundled row). A file without the `family` column (a project's, written before it)
 * gives a row the family of the earlier files' row of its id, else "other" (noteCatalogOverrides says so); one without
 * the `scale_up_topology` column, the topology of that row, else switch (what every domain was before the column).
 * The first file (the package's own) has no such tolerance: it is as new as the code, so a column missing from it is
 * an error naming the column, not a silent default.
 *
 * @param paths The files to read, merged in order (default: `catalogPaths("hardware.csv")`).
 * @throws UserErrors naming file:line:column of every bad cell of the first file in error.
 */
export function loadHardware(paths: string | readonly string[] = catalogPaths("hardware.csv")): Hardware[] {
  return loadMerged(
    typeof paths === "string" ? [paths] : paths,
    (text, file, earlier, first) =>
      parseHardwareCsv(text, {
        file,
        familyOf: (id) => earlier.get(id)?.family,
        topologyOf: (id) => earlier.get(id)?.scaleUpTopology,
        allColumns: first
      }),
    "accelerator"
  );
}

/**
 * The model catalog: data/models.csv of the package, with the project's data/models.csv rows added (a row with a
 * bundled id replaces the bundled row).
 *
 * @param paths The files to read, merged in order (default: `catalogPaths("models.csv")`).
 * @throws UserErrors naming file:line:column of every bad cell of the first file in error.
 */
export function loadModels(paths: string | readonly string[] = catalogPaths("models.csv")): ModelArchitecture[] {
  return loadMerged(typeof paths === "string" ? [paths] : paths, (text, file) => parseModelsCsv(text, {file}), "model");
}

export function loadCatalogs(): Catalogs {
  return {hardware: loadHardware(), models: loadModels()};
}

/** Each catalog's ids, for `--set`'s hint to offer only an id (applyOverrides' `catalogIds`). */
export function catalogIdsOf(catalogs: Catalogs): {hardware: string[]; models: string[]} {
  return {hardware: catalogs.hardware.map((row) => row.id), models: catalogs.models.map((row) => row.id)};
}

/**
 * The catalogs' ids, read when first asked and then kept: for a scenario file's id hint (parseScenario's
 * `catalogIds`), read before the command loads the catalogs. Undefined when a catalog does not read: the command that
 * loads it reports its errors, and the hint offers the id's lowercase form.
 */
export function lazyCatalogIds(): () => CatalogIds | undefined {
  let ids: CatalogIds | undefined;
  let read = false;
  return () => {
    if (!read) {
      read = true;
      try {
        ids = catalogIdsOf(loadCatalogs());
      } catch (error) {
        if (!isUserError(error)) throw error;
      }
    }
    return ids;
  };
}

/**
 * The project's catalog rows that replace bundled rows of the same id (none outside a project). Reads the files'
 * ids only; a file that does not parse is reported by loadHardware/loadModels, not here.
 *
 * @returns One entry per replaced row, hardware first, in file order.
 */
export function catalogOverrides(): CatalogOverride[] {
  const overrides: CatalogOverride[] = [];
  for (const name of ["hardware.csv", "models.csv"] as const) {
    const own = projectCatalogFile(name);
    if (!own) continue;
    for (const record of own.records) {
      const id = record.cells[0]?.trim() ?? "";
      if (!own.bundledIds.has(id)) continue;
      overrides.push({
        file: own.file,
        line: record.line,
        id,
        bundledFile: own.bundledFile,
        message: `${own.file}:${record.line}:1: id '${id}' overrides the bundled row of ${own.bundledFile}`
      });
    }
  }
  return overrides;
}

/** A project's catalog file beside the bundled one: its header and rows, and the bundled file's ids. */
interface ProjectCatalogFile {
  file: string;
  header: CsvRecord | undefined;
  records: CsvRecord[];
  bundledFile: string;
  bundledIds: ReadonlySet<string | undefined>;
}

/**
 * The project's `name` read for the notes (header and cells only), or undefined outside a project, without the file,
 * or for a file that does not parse as CSV (an unterminated quote: loadHardware and loadModels report it).
 */
function projectCatalogFile(name: "hardware.csv" | "models.csv"): ProjectCatalogFile | undefined {
  const [bundled, own] = catalogPaths(name);
  if (!bundled || !own) return undefined;
  const bundledFile = displayPath(bundled);
  const bundledIds = new Set(
    readCsvRecords(readFileSync(bundled, "utf8"), {file: bundledFile}).records.map((r) => r.cells[0]?.trim())
  );
  const file = displayPath(own);
  try {
    const {header, records} = readCsvRecords(readCatalogText(own, file), {file});
    return {file, header, records, bundledFile, bundledIds};
  } catch (error) {
    if (isUserError(error)) return undefined;
    throw error;
  }
}

/**
 * The note for a project's data/hardware.csv that has no `family` column (written before it) and adds chips of its
 * own: such a chip is of family "other", priced with the pooled calibration, where its row could name its family.
 * Undefined outside a project, for a file with the column, or when every row's id is a bundled one (which keeps the
 * bundled row's family). Reads the header and ids only; a file that does not parse is reported by loadHardware.
 */
export function hardwareFamilyNote(): string | undefined {
  const found = newChipsWithoutColumn(hasFamilyColumn);
  if (!found) return undefined;
  const {own, newIds} = found;
  const [chips, take, are] = newIds.length === 1 ? ["chip", "takes", "is"] : ["chips", "take", "are"];
  return (
    `${own.file}:1:1: no 'family' column, so its new ${chips} (${newIds.join(", ")}) ${take} family 'other' and ` +
    `${are} priced with the pooled calibration; to use a family's fitted efficiencies, add a 'family' column after ` +
    `'kind' holding one of ${CHIP_FAMILIES.join(", ")} on every row`
  );
}

/**
 * The note for a project's data/hardware.csv that has no `scale_up_topology` column (written before it) and adds chips
 * of its own: such a chip is wired as a switch, every collective getting its whole scale-up bandwidth, where a fully
 * connected mesh (MI300X's) gives a group of fewer chips fewer links (communication.ts). Undefined outside a project,
 * for a file with the column, or when every row's id is a bundled one (which keeps the bundled row's topology).
 */
export function hardwareTopologyNote(): string | undefined {
  const found = newChipsWithoutColumn(hasTopologyColumn);
  if (!found) return undefined;
  const {own, newIds} = found;
  const [chips, are] = newIds.length === 1 ? ["chip", "is"] : ["chips", "are"];
  return (
    `${own.file}:1:1: no 'scale_up_topology' column, so its new ${chips} (${newIds.join(", ")}) ${are} wired as ` +
    `'switch' (a tensor-parallel group of any size gets the whole scale-up bandwidth); for a fully connected mesh, ` +
    `where a group of t chips has t − 1 links (MI300X), add a 'scale_up_topology' column after 'scale_up_chips' ` +
    `holding one of ${SCALE_UP_TOPOLOGIES.join(", ")} on every row`
  );
}

/**
 * A project's data/hardware.csv whose header lacks a column (`hasColumn` false) and the ids of its rows that are not
 * bundled ones (a bundled id keeps the bundled row's cell); undefined outside a project, for a file with the column,
 * or when it adds no chip. Reads the header and ids only.
 */
function newChipsWithoutColumn(
  hasColumn: (header: readonly string[] | undefined) => boolean
): {own: ProjectCatalogFile; newIds: string[]} | undefined {
  const own = projectCatalogFile("hardware.csv");
  if (!own || hasColumn(own.header?.cells)) return undefined;
  const newIds = own.records.map((r) => r.cells[0]?.trim() ?? "").filter((id) => !own.bundledIds.has(id));
  return newIds.length === 0 ? undefined : {own, newIds};
}

/**
 * Notes for a project's data/hardware.csv rows whose price_usd is under $1,000, where a chip costs thousands (the
 * scenario keys' bare-money rule, bareMoneyNote.ts): `31.12` written for $31.12k priced tokens at a quarter of the
 * cost with no word (session 31's breaker); whose system_overhead is a bare whole number from 2 to 100, a
 * percentage likely meant (barePercentNote.ts); and whose bf16_tflops, scale_up_gbps, power_w or system_power_w is
 * under a tenth of any bundled chip's, the next-larger unit likely meant (leastBundledFigures.ts: a scale_up_gbps of
 * 0.45 for 0.45 TB/s priced tokens at 29.6 USD/Mtok against 0.874 with no word; breaker); and whose bf16_tflops is
 * over ten times any bundled chip's, GFLOP/s likely meant (mostBundledFigures.ts). Notes, not errors: an edge chip may
 * cost or draw that. None for a cell in error (cellsInError): its error says it already, and a bf16_tflops above
 * fp8_tflops had its error's hint repeated by a note at the same cell (breaker). Empty outside a project.
 */
export function hardwareCellNotes(): string[] {
  const own = projectCatalogFile("hardware.csv");
  return own ? hardwareCellNotesIn(own, cellsInError(loadHardware, own.file)) : [];
}

/**
 * The cells of `file` that `load` (loadHardware, loadModels) reports an error at, as `line:column`: a cell's note is
 * not given beside its error. Empty when it loads.
 */
function cellsInError(load: () => unknown, file: string): ReadonlySet<string> {
  try {
    load();
    return new Set();
  } catch (error) {
    const errors = userErrorList(error).filter(({detail}) => detail.file === file);
    return new Set(errors.map(({detail}) => `${detail.line}:${detail.column}`));
  }
}

/**
 * hardwareCellNotes of a hardware.csv read as records (`file` as messages name it). None for a row whose cells are not
 * one per column (recordShapeError: text after a closing quote, a cell too many or too few), nor for any row of a file
 * whose header is in error (columns swapped, missing, …): their cells may be their neighbours', so a note described
 * one shifted into another column (`price_usd 700 is $700 …` for power_w's 700) beside the row's error (tester).
 */
function hardwareCellNotesIn(
  own: {
    file: string;
    header: CsvRecord | undefined;
    records: readonly CsvRecord[];
  },
  inError: ReadonlySet<string>
): string[] {
  const columns = hardwareColumnsOf(own.header?.cells);
  if (checkHeader(own.header, columns, own.file).length > 0) return [];
  // A column's index in the file's header, −1 when the file has no such column.
  const columnIndex = (name: string) => own.header?.cells.findIndex((cell) => cell.trim() === name) ?? -1;
  const column = columnIndex("price_usd");
  const overhead = columnIndex("system_overhead");
  // Each of `names` the file has, with its index.
  const present = <N extends string>(names: readonly N[]) =>
    names.flatMap((name) => {
      const index = columnIndex(name);
      return index < 0 ? [] : [[name, index] as const];
    });
  const figures = present(Object.keys(LEAST_BUNDLED_FIGURES) as LeastBundledColumn[]);
  const mostFigures = present(Object.keys(MOST_BUNDLED_FIGURES) as MostBundledColumn[]);
  return own.records.flatMap((record) => {
    if (recordShapeError(record, columns, own.file) !== undefined) return [];
    const notes: string[] = [];
    // A note at its cell, none for a cell in error.
    const note = (index: number, sentence: string) => {
      const {line, column: at} = record.positions[index] ?? record.end;
      if (!inError.has(`${line}:${at}`)) notes.push(`${own.file}:${line}:${at}: ${sentence}`);
    };
    const price = column < 0 ? "" : (record.cells[column]?.trim() ?? "");
    const usd = Number(price);
    if (price !== "" && usd > 0 && usd < BARE_BELOW_USD) {
      const written = notedNumberText(price);
      note(
        column,
        `price_usd ${written} is $${written} (the column is in US dollars), where ` +
          `${THOUSANDS_MONEY_KEYS["hardware.price"]!.costs}: write ${Number((usd * 1000).toPrecision(12))} if $${written}k was meant`
      );
    }
    // A system_overhead of 50 is 5,000% of the chip's price (the column is finance.systemOverhead's fraction), where
    // 50% was likely meant: it priced tokens at 23.0 USD/Mtok against 0.874 with no word (breaker).
    const share = overhead < 0 ? "" : (record.cells[overhead]?.trim() ?? "");
    const percent = barePercentSentence("finance.systemOverhead", share, Number(share), {
      name: "system_overhead",
      plainNumber: true
    });
    if (percent !== null) note(overhead, percent.replace(/\.$/, ""));
    for (const [name, index] of figures) {
      const sentence = farBelowCellSentence(name, record.cells[index] ?? "");
      if (sentence !== null) note(index, sentence);
    }
    // A bf16_tflops or fp8_tflops far above any chip's, likely GFLOP/s (989400 for the H100's 989.4; breaker).
    for (const [name, index] of mostFigures) {
      // Offered only when plausible beside the row's other peak, as the cell's error offers it.
      const pair = record.cells[columnIndex(PAIRED_FIGURE[name])] ?? "";
      const above = farAboveCellSentence(name, record.cells[index] ?? "", pair);
      if (above !== null) note(index, above);
    }
    return notes;
  });
}

/**
 * Notes for a project's data/models.csv rows whose training_tokens_t (trillions) is 1,000 or more, where a model
 * card's billions were likely written (bareTokensNote.ts: `15000` for 15,000B is 15,000T tokens, which moves no
 * price per token but reads as a corpus a thousand times too large), or under a tenth of any published run's (`0.015`
 * is 15B tokens, where 15T may be meant): trainingTokensCell.ts; and whose context_tokens is under 512, a window
 * likely written in thousands (`128` for 128k: contextTokensCell.ts). Empty outside a project. None for a row whose
 * cells are not one per column, nor for any row of a file whose header is in error, as hardwareCellNotes: a row with
 * a cell too many had context_tokens' 4096 noted as `training_tokens_t 4096 is 4,096T tokens` (breaker); nor for a
 * cell in error (cellsInError).
 */
export function modelCellNotes(): string[] {
  const own = projectCatalogFile("models.csv");
  if (!own || checkHeader(own.header, MODEL_COLUMNS, own.file).length > 0) return [];
  const noted = [
    [MODEL_COLUMNS.indexOf("context_tokens"), thousandsContextSentence],
    [MODEL_COLUMNS.indexOf("training_tokens_t"), billionsInTrillionsSentence]
  ] as const;
  const inError = cellsInError(loadModels, own.file);
  return own.records.flatMap((record) => {
    if (recordShapeError(record, MODEL_COLUMNS, own.file) !== undefined) return [];
    return noted.flatMap(([column, sentenceOf]) => {
      const sentence = sentenceOf(record.cells[column] ?? "");
      if (sentence === null) return [];
      const {line, column: at} = record.positions[column] ?? record.end;
      return inError.has(`${line}:${at}`) ? [] : [`${own.file}:${line}:${at}: ${sentence}`];
    });
  });
}

/**
 * data/training-runs.csv (published training runs), its model and hardware ids checked against the catalogs, and each
 * run's chip_hours against its model's FLOPs on its chip (parseTrainingRunsCsv).
 */
export function loadTrainingRuns(catalogs: Catalogs, path = resolve(DATA_DIR, "training-runs.csv")): PublishedRun[] {
  return parseTrainingRunsCsv(readCatalogText(path), {
    file: displayPath(path),
    modelIds: catalogs.models.map((m) => m.id),
    hardwareIds: catalogs.hardware.map((h) => h.id),
    catalogs
  });
}

/**
 * Writes one `token-ledger: note:` line to stderr per project row that replaces a bundled row, so that a figure that
 * differs from the bundled catalog's says why (validate, build, run, compare, catalog); then, for a project's
 * data/hardware.csv without the `family` column, one line saying that its new chips take the pooled calibration, and
 * without the `scale_up_topology` column, one saying they are wired as a switch; then one per cell hardwareCellNotes
 * notes (a chip priced under $1,000, a figure far below any bundled chip's, …).
 */
export function noteCatalogOverrides(): void {
  for (const note of catalogNotes()) writeCatalogNote(note);
}

/**
 * After a command's errors, the catalog notes noteCatalogOverrides writes on success, less those already written (a
 * command that noted them before it failed, or noteOverridesBehind's overrides): a scenario's error dropped them, the
 * notes that would explain it (power_w 1.2 for 1.2 kW; tester).
 */
export function noteCatalogAfterErrors(): void {
  let notes: string[];
  try {
    notes = catalogNotes();
  } catch {
    return; // A project catalog that cannot be read has its own error above.
  }
  for (const note of notes) if (!catalogNoteWritten(note)) writeCatalogNote(note);
}

/**
 * The catalog notes, in noteCatalogOverrides' order: overrides, the family and topology notes, the cells' notes
 * (hardware.csv's, then models.csv's).
 */
function catalogNotes(): string[] {
  return [
    ...catalogOverrides().map((override) => override.message),
    ...[hardwareFamilyNote(), hardwareTopologyNote()].filter((note) => note !== undefined),
    ...hardwareCellNotes(),
    ...modelCellNotes()
  ];
}
