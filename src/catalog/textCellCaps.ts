import {truncate} from "../errors/truncate.js";
import {UserError} from "../errors/userError.js";
import {groupThousands} from "../units/groupThousands.js";
import type {CsvPosition} from "./csvCells.js";

/**
 * Longest id a catalog cell takes, in characters: the `id` column, and the columns that name another catalog's row
 * (`hardware`, `model` in data/measurements.csv and data/training-runs.csv). An id is typed on the command line
 * (`--hardware h100-sxm`) and printed in every table's first column; a 100,000-character one passed and filled both
 * (breaker). 100 is more than anyone types; the longest bundled id is 54 characters (data/measurements.csv), 21 in
 * data/hardware.csv and 17 in data/models.csv (test/catalog/textCellCaps.test.ts checks every bundled cell).
 */
export const ID_MAX_CHARS = 100;

/**
 * Longest `name` a catalog cell takes, in characters: a name labels a chart's marks and legend and a table's rows,
 * where a 5 MB name passed and flooded every page (breaker). 120 is a line of this project's prose; the longest
 * bundled name is 59 characters (data/models.csv).
 */
export const NAME_MAX_CHARS = 120;

/**
 * Longest cell of any other column, in characters: free text read by people (notes, quotes, sources, `includes`), and
 * every other cell, which is a number, a choice or a URL and far shorter. 10,000 is a few screens of text; the longest
 * bundled cell is 3,246 characters (a data/measurements.csv note), the longest source 1,016 (data/hardware.csv).
 */
export const TEXT_MAX_CHARS = 10_000;

/** The cap of a catalog column's cells, by its name (ID_MAX_CHARS, NAME_MAX_CHARS, TEXT_MAX_CHARS). */
export function textCellCap(column: string): {max: number; why: string} {
  if (column === "id" || column === "hardware" || column === "model")
    return {max: ID_MAX_CHARS, why: "an id is typed on the command line"};
  if (column === "name") return {max: NAME_MAX_CHARS, why: "a name labels charts and tables"};
  return {max: TEXT_MAX_CHARS, why: "a cell is read by people, on pages and in tables"};
}

/**
 * The error for a catalog cell longer than its column's cap (textCellCap), undefined for one within it: at the cell,
 * naming the cap and the length found, with the start of the text. `value` is the cell as read, trimmed.
 */
export function textCellCapError(value: string, column: string, at: CsvPosition, file: string): UserError | undefined {
  const {max, why} = textCellCap(column);
  if (value.length <= max) return undefined;
  return new UserError({
    file,
    ...at,
    path: column,
    message: "cell too long",
    expected: `at most ${groupThousands(max)} characters (${why})`,
    found: `${groupThousands(value.length)} characters, starting '${truncate(value, 40)}'`
  });
}
