import {dsvFormat} from "d3-dsv";
import {truncate} from "../errors/truncate.js";
import {UserError} from "../errors/userError.js";
import type {CsvRecord} from "./csvCells.js";

/** Separators a spreadsheet writes instead of commas, and how a message names them; any other is named quoted. */
const OTHER_SEPARATORS = [
  [";", "semicolons (;)"],
  ["\t", "tabs"]
] as const;

/** What headerSeparatorError and rowSeparatorError advise: the file saved again with commas. */
const SAVE_WITH_COMMAS = "save the file as comma-separated CSV, in Excel as CSV UTF-8 (Comma delimited)";

/**
 * The characters a header may be separated by instead of commas: OTHER_SEPARATORS, then any other in it that is not a
 * letter, digit, `_`, space, comma or quote (`|`, `:`): a header separated by '|' was 29 errors (breaker).
 */
function separatorsOf(header: CsvRecord): [string, string][] {
  const others = [...new Set(header.cells.join("").match(/[^\p{L}\p{N}_\s,"]/gu) ?? [])]
    .filter((char) => !OTHER_SEPARATORS.some(([separator]) => separator === char))
    .map((char): [string, string] => [char, `'${char}'`]);
  return [...OTHER_SEPARATORS.map(([separator, word]): [string, string] => [separator, word]), ...others];
}

/**
 * The error for a catalog CSV's header separated by another character than commas: Excel saves CSV with ';' in many
 * locales, and "Text (Tab delimited)" with tabs. It reads as one column (`id;name;…`), which was an unexpected column
 * and every expected one missing, 29 errors and no word about the separator (breaker); so was one separated by '|'.
 * The header is taken to be
 * separated so when more of `expected`'s names, in any case, are among its cells split at the separator than among its
 * cells; undefined for any other header.
 */
export function headerSeparatorError(
  header: CsvRecord,
  expected: readonly string[],
  file: string
): UserError | undefined {
  const lowercase = expected.map((name) => name.toLowerCase());
  const known = (names: readonly string[]) => names.filter((name) => lowercase.includes(name.toLowerCase())).length;
  const byCommas = known(header.cells.map((cell) => cell.trim()));
  for (const [separator, word] of separatorsOf(header)) {
    const names = header.cells.flatMap((cell) => cell.split(separator)).map((name) => name.trim());
    if (known(names) <= byCommas) continue;
    const [first, last] = [names[0]!, names.at(-1)!].map((name) => `'${truncate(name, 30)}'`);
    // Names in another case too (`ID;NAME;…`) are said in the one error: it named the separator only (breaker).
    const cased = names.filter((name) => !expected.includes(name) && lowercase.includes(name.toLowerCase())).length;
    const inCase = cased === 0 ? "" : `, and ${cased} of its names in another case (column names are case-sensitive)`;
    return new UserError({
      file,
      ...header.positions[0]!,
      message: `header separated by ${word}, not commas${inCase}`,
      expected: `the columns separated by commas (${expected.join(",")})`,
      found: `${names.length} column names separated by ${word}, ${first} to ${last}`,
      hint: SAVE_WITH_COMMAS
    });
  }
  return undefined;
}

/**
 * The error for a catalog CSV's data row separated by semicolons or tabs (OTHER_SEPARATORS) under a header separated
 * by commas: a row pasted from a file Excel saved with ';'. It was "wrong number of cells … found 1 (quote cells that
 * contain commas)" (breaker). The row is taken to be separated so when its text (as written, CsvRecord.source, else its
 * cells joined by the commas they were split at), split at the separator by the CSV rules, is one cell per column of
 * `columns`, its first cell quoted or not (`"h100-sxm";…`): an unquoted cell that holds a comma, as a ';'-separated
 * file writes one, is one cell too. Undefined for any other row.
 */
export function rowSeparatorError(record: CsvRecord, columns: readonly string[], file: string): UserError | undefined {
  // As written where known: d3-dsv takes the character after a quoted cell's closing quote for a delimiter, so the
  // first ';' of `"h100-sxm";…` is in no cell.
  const text = record.source ?? record.cells.join(",");
  for (const [separator, word] of OTHER_SEPARATORS) {
    if (!text.includes(separator)) continue;
    const rows = dsvFormat(separator).parseRows(text);
    if (rows.length !== 1 || rows[0]!.length !== columns.length) continue;
    return new UserError({
      file,
      ...record.positions[0]!,
      message: `row separated by ${word}, not commas`,
      expected: `${columns.length} cells separated by commas, as the header's columns are`,
      found: `${columns.length} cells separated by ${word}`,
      hint: SAVE_WITH_COMMAS
    });
  }
  return undefined;
}
