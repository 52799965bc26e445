import {UserError} from "../errors/userError.js";
import {CATALOG_COLUMNS} from "./catalogColumns.js";
import type {CsvRecord} from "./csvCells.js";

/**
 * The error for a catalog CSV whose header is another catalog's (CATALOG_COLUMNS): data/models.csv's header in
 * data/hardware.csv was 38 errors, a missing or unexpected column each (breaker). The header is taken to be another
 * catalog's when more than half of its names (in any case) are that catalog's columns and not `expected`'s, or when
 * all of them are that catalog's and at least a quarter not `expected`'s (a catalog sharing many columns with
 * `expected`'s, as training-runs.csv with measurements.csv); undefined for any other header. `expected`'s catalog
 * is the one whose columns hold all of them, else the file's own name.
 */
export function headerOfOtherCatalogError(
  header: CsvRecord,
  expected: readonly string[],
  file: string
): UserError | undefined {
  const names = header.cells.map((cell) => cell.trim().toLowerCase()).filter((name) => name !== "");
  const catalog = Object.keys(CATALOG_COLUMNS).find((name) =>
    expected.every((column) => CATALOG_COLUMNS[name]!.includes(column))
  );
  const fileName = file.split(/[\\/]/).at(-1)!;
  for (const [name, columns] of Object.entries(CATALOG_COLUMNS)) {
    // A file of no catalog (calibration's --measurements) is checked against every catalog, whatever its name:
    // data/hardware.csv given as --measurements was 47 errors, a missing or unexpected column each (breaker).
    if (name === catalog) continue;
    const catalogGiven = catalog === undefined && fileName === name;
    const own = catalog ?? (catalogGiven ? "the file this command reads" : fileName);
    const theirs = names.filter((n) => columns.includes(n) && !expected.includes(n));
    // Or every name is theirs, a quarter of them theirs only: data/training-runs.csv shares 8 of its 14 columns with
    // measurements.csv (id, model, hardware, …), and as --measurements it was 28 errors (tester).
    const wholly = names.every((n) => columns.includes(n)) && theirs.length * 4 >= names.length;
    if (theirs.length * 2 <= names.length && !wholly) continue;
    return new UserError({
      file,
      ...header.positions[0]!,
      message: `this is the header of data/${name}, not of ${own}`,
      expected: `the columns ${expected.join(",")}`,
      found: `${names.length} column names, ${theirs.length} of them data/${name}'s only ('${theirs[0]}', …)`,
      hint: catalogGiven
        ? `data/${name} is a catalog: name a file with these columns`
        : `put these rows in data/${name}`
    });
  }
  return undefined;
}
