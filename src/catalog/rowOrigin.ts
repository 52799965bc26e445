// Where a catalog row came from: the file (as messages name it) and the place of each cell a later check may name.
// Kept beside the row, not on it, so that a row's fields, its JSON (`catalog --json`, the site's data) and its
// equality in tests stay those of the catalog's columns. A copy of the row ({...row}) has no origin unless it is
// given one (copyRowOrigin); a message then names the column without its place.
import type {CsvPosition} from "./csvCells.js";

/** A cell of a catalog row: its file and 1-based line and column. */
export interface CellOrigin extends CsvPosition {
  file: string;
}

const origins = new WeakMap<object, Readonly<Record<string, CellOrigin>>>();

/** Records where `row`'s cells are, by column name. */
export function setRowOrigin(row: object, cells: Readonly<Record<string, CellOrigin>>): void {
  origins.set(row, cells);
}

/** Gives `copy` the cell places of `row`, when it has any; returns `copy`. */
export function copyRowOrigin<T extends object>(row: object, copy: T): T {
  const cells = origins.get(row);
  if (cells) origins.set(copy, cells);
  return copy;
}

/** Where `row`'s cell of `column` is, or undefined for a row that was not read from a file. */
export function cellOrigin(row: object, column: string): CellOrigin | undefined {
  return origins.get(row)?.[column];
}

/**
 * The column of `row` as a message names it: `context_tokens at data/models.csv:2:16` for a row read from a file (the
 * project's or the bundled one, as it is named), else `context_tokens in data/models.csv`.
 */
export function catalogCellName(row: object, column: string, file: string): string {
  const at = cellOrigin(row, column);
  return at ? `${column} at ${at.file}:${at.line}:${at.column}` : `${column} in ${file}`;
}

/** The source_title of a row built from a command's flags (--params …, --chip-power …), not read from a file. */
export const COMMAND_LINE_ROW_SOURCE = "command-line flags";
