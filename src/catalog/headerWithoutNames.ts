import {truncate} from "../errors/truncate.js";
import {UserError} from "../errors/userError.js";
import type {CsvRecord} from "./csvCells.js";

/**
 * The error for a catalog CSV whose first line names none of `expected`'s columns, in any case: the header line
 * deleted, so that the first row stood in for it, or a file of other columns. That was one error per column, each
 * missing and each cell unexpected (38 for data/models.csv without its header, 31 for `a,b,c` as calibration's
 * --measurements), or for data/hardware.csv's first row "header separated by semicolons", for a cell of it that lists
 * two columns (`hbm_gib;system_overhead`; breaker). A first line of as many cells as `expected` is said to read as a
 * row. Undefined when any cell names a column.
 */
export function headerWithoutNamesError(
  header: CsvRecord,
  expected: readonly string[],
  file: string
): UserError | undefined {
  const lowercase = expected.map((name) => name.toLowerCase());
  const cells = header.cells.map((cell) => cell.trim());
  if (cells.some((cell) => lowercase.includes(cell.toLowerCase()))) return undefined;
  const count = `${cells.length} cell${cells.length === 1 ? "" : "s"}`;
  const first = `'${truncate(cells[0]!, 24)}'${cells.length > 1 ? ", …" : ""}`;
  return new UserError({
    file,
    ...header.positions[0]!,
    message: "no column names on the first line",
    expected: `the header ${expected.join(",")}`,
    // The first cell only: the found part of a message is cut at 60 characters.
    found: `${count}, none a column name (${first})`,
    hint: cells.length === expected.length ? "line 1 reads as a row: put the header line above it" : undefined
  });
}
