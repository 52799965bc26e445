// Where a catalog row came from: a file (as messages name it), with the place of each cell a later check may name, or a
// command's flags (--params …, --context-window …), with no cell places. Kept beside the row, not on it, so that a
// row's fields, its JSON (`catalog --json`, the site's data) and its equality in tests stay those of the catalog's
// columns. A copy of the row ({...row}) has no origin unless it is given one (copyRowOrigin); a message then names the
// column without its place.
import type {CsvPosition} from "./csvCells.js";

/** A cell of a catalog row: its file and 1-based line and column. */
export interface CellOrigin extends CsvPosition {
  file: string;
}

/** Where a row came from: a catalog file's cells (by column name), or a command's flags. */
type RowOrigin = {from: "file"; cells: Readonly<Record<string, CellOrigin>>} | {from: "flags"};

const origins = new WeakMap<object, RowOrigin>();

/** Records where `row`'s cells are, by column name. */
export function setRowOrigin(row: object, cells: Readonly<Record<string, CellOrigin>>): void {
  origins.set(row, {from: "file", cells});
}

/** Records that `row` was built from a command's flags, not read from a file; returns `row`. */
export function setFlagsOrigin<T extends object>(row: T): T {
  origins.set(row, {from: "flags"});
  return row;
}

/** Gives `copy` the origin of `row`, when it has one; returns `copy`. */
export function copyRowOrigin<T extends object>(row: object, copy: T): T {
  const origin = origins.get(row);
  if (origin) origins.set(copy, origin);
  return copy;
}

/** Where `row`'s cell of `column` is, or undefined for a row that was not read from a file. */
export function cellOrigin(row: object, column: string): CellOrigin | undefined {
  const origin = origins.get(row);
  return origin?.from === "file" ? origin.cells[column] : undefined;
}

/** Whether `row` was built from a command's flags (setFlagsOrigin), whatever its fields say. */
export function isFromFlags(row: object): boolean {
  return origins.get(row)?.from === "flags";
}

/**
 * The column of `row` as a message names it: `context_tokens at data/models.csv:2:16` for a row read from a file (the
 * project's or the bundled one, as it is named), else `context_tokens in data/models.csv`.
 */
export function catalogCellName(row: object, column: string, file: string): string {
  const at = cellOrigin(row, column);
  return at ? `${column} at ${at.file}:${at.line}:${at.column}` : `${column} in ${file}`;
}

/**
 * The source_title of a row built from a command's flags (--params …, --chip-power …), as `--json` shows it. Text only:
 * whether a row came from flags is its origin's (isFromFlags), as a file's row may have any title.
 */
export const COMMAND_LINE_ROW_SOURCE = "command-line flags";
