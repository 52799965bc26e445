import {displayTextProblem} from "../errors/displayText.js";
import {closestMatch, didYouMean} from "../errors/suggest.js";
import {quotesFound, UserError, UserErrors} from "../errors/userError.js";
import {capErrors} from "../errors/capErrors.js";
import {nulError} from "../errors/nulByte.js";
import {BYTE_ORDER_MARK_HINT} from "../errors/unsafeChars.js";
import {isDecimalNumeral, readDecimal, UNDERFLOW_HINT} from "../units/decimal.js";
import {describeRange, isInRange, type NumberRange} from "../units/range.js";
import {formatNumber, readQuantity, type Dimension} from "../units/quantity.js";
import {orList} from "../units/wordList.js";
import {pointGroupedWhole} from "../units/pointGrouped.js";
import {caseFixedHeader} from "./headerCase.js";
import {headerWithoutNamesError} from "./headerWithoutNames.js";
import {headerSeparatorError, rowSeparatorError} from "./headerSeparator.js";
import {headerOfOtherCatalogError} from "./headerOfOtherCatalog.js";
import {textCellCapError} from "./textCellCaps.js";

/** Where a cell starts in a CSV file: the place an editor jumps to for `file:line:column`. */
export interface CsvPosition {
  /** 1-based line (the header is line 1). */
  line: number;
  /**
   * 1-based character column (UTF-16 code units, as the scenario errors count them) of the cell's first character:
   * the opening quote of a quoted cell, so that `""` escapes and commas inside quotes before it count as written.
   */
  column: number;
}

/** One data record of a catalog CSV: its cells and where each starts in the file. */
export interface CsvRecord {
  /** 1-based line of the file on which the record starts (the header is line 1). */
  line: number;
  /** Raw cells, in header order. */
  cells: string[];
  /** Where each cell starts, in the order of `cells` (a cell after a multi-line quoted cell is on a later line). */
  positions: CsvPosition[];
  /** Just past the record's last character: where a missing cell would go. */
  end: CsvPosition;
  /**
   * The record's first quoted cell with text after its closing quote (`"NVIDIA H100" SXM5`): the cell's index, its
   * closing quote's place, and that text to the next comma or line break. d3-dsv takes the character after a closing
   * quote as the delimiter, whatever it is, so the text is read as the next cell and the row's later cells shift.
   */
  afterQuote?: {index: number; at: CsvPosition; text: string};
  /**
   * The record as written in the file, quotes and separators kept: a row separated by ';' whose first cell is quoted
   * (`"h100";…`) has its first ';' taken for a delimiter by d3-dsv, so its cells joined again lose it
   * (rowSeparatorError). Absent on a record not read from a file.
   */
  source?: string;
}

/**
 * Splits catalog CSV text into records that know the line they start on, and drops blank lines. A leading
 * byte-order mark is ignored. The rules are d3-dsv's csvParseRows (RFC 4180 with its leniencies: a quote opens a
 * quoted cell only as a cell's first character, so a stray quote inside a cell is a literal character), read in one
 * pass that also counts lines, so a record's line cannot drift from its cells (a separate quote count once did, after
 * a stray quote followed by a multi-line quoted cell).
 *
 * @throws UserError at the opening quote of a quoted cell that is never closed. d3-dsv reads such a cell to the end of
 *   the file, so every later row vanished into it and the error was "wrong number of cells" at a line after the last
 *   one, or past the end of a line.
 */
export function readCsvRecords(
  text: string,
  {file}: {file: string}
): {header: CsvRecord | undefined; records: CsvRecord[]} {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // A NUL read as part of its cell (`70\00` was "not a number … found "70\u00000""; tester): one error at the first,
  // as a scenario file's (nulError), named by the cell it is in.
  const nul = nulError(clean, (line, column) => {
    const name = columnNameAt(clean, line, column);
    return {file, line, column, ...(name ? {path: name} : {})};
  });
  if (nul) throw nul;
  const loneReturn = strayReturnOffset(clean);
  if (loneReturn >= 0) throw strayReturnError(clean, loneReturn, file);
  const {rows: all, unterminated} = parseCsvRows(clean);
  const nonBlank = all.filter((record) => !(record.cells.length === 1 && record.cells[0]!.trim() === ""));
  const [header, ...records] = nonBlank;
  if (unterminated) {
    // The unclosed cell is the last cell of the last record (it runs to the end of the text); its column's name is
    // the header's cell at the same index, unless it is in the header itself.
    const last = nonBlank.at(-1)!;
    const name = last === header ? undefined : header?.cells[last.cells.length - 1];
    throw new UserError({
      file,
      ...unterminated,
      ...(name !== undefined ? {path: name.trim()} : {}),
      message: "unterminated quoted cell",
      expected: 'a closing " (a quote inside a quoted cell is written "")',
      found: "the end of the file",
      hint: "a cell that starts with a quote runs to the next lone quote"
    });
  }
  return {header, records};
}

/**
 * Offset of the first carriage return not followed by a line feed, in text whose rows end in \n or \r\n; -1 if
 * there is none, or if the header row ends in \r alone: a file of \r rows (old Mac files, Excel's "CSV (Macintosh)",
 * whose quoted cells may hold \n), which d3-dsv reads as rows. The header's end decides, as it holds no quoted line
 * break (an \n anywhere in a file of \r rows refused it; breaker).
 */
function strayReturnOffset(text: string): number {
  const firstBreak = /[\r\n]/.exec(text);
  if (!firstBreak || (text[firstBreak.index] === "\r" && text[firstBreak.index + 1] !== "\n")) return -1;
  const match = /\r(?!\n)/.exec(text);
  return match ? match.index : -1;
}

/**
 * The error for a carriage return alone in a file whose rows end in \n or \r\n (pasted text, an editor's stray ^M):
 * read as a row end, it split its row in two and gave two "wrong number of cells" errors with a hint about commas
 * (breaker). Placed by \n lines, as editors that show ^M count them, and named by the cell it is in.
 */
function strayReturnError(text: string, offset: number, file: string): UserError {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  const column = offset - (before.lastIndexOf("\n") + 1) + 1;
  const name = columnNameAt(text, line, column);
  return new UserError({
    file,
    line,
    column,
    ...(name ? {path: name} : {}),
    message: "carriage return alone",
    expected: "lines that end in \\n or \\r\\n, as this file's header does",
    found: "a lone carriage return (\\r)",
    hint: "delete it: an editor shows it as ^M or as a line break, and outside quotes it ends the row, splitting it in two"
  });
}

/**
 * The header's name of the column whose cell holds `line`:`column` (lines counted at \n), or undefined in the header
 * or outside every cell.
 */
function columnNameAt(text: string, line: number, column: number): string | undefined {
  // The same text with every lone \r as a space keeps every offset, so its rows say which cell holds the place.
  const rows = parseCsvRows(text.replace(/\r(?!\n)/g, " ")).rows;
  const header = rows[0];
  const row = rows.find(
    (r) => r.line <= line && r.end.line >= line && (r.line < line || r.positions[0]!.column <= column)
  );
  if (!row || row === header) return undefined;
  let index = -1;
  row.positions.forEach((p, i) => {
    if (p.line < line || (p.line === line && p.column <= column)) index = i;
  });
  return index >= 0 ? header?.cells[index]?.trim() : undefined;
}

const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;
const COMMA = 44;

/**
 * The rows of CSV text with the 1-based line and column each cell starts on: the same cells as d3-dsv's csvParseRows
 * (its token loop, transcribed), with line breaks (\n, \r\n, \r) counted as the cursor passes them.
 */
function parseCsvRows(text: string): {rows: CsvRecord[]; unterminated: CsvPosition | undefined} {
  const rows: CsvRecord[] = [];
  // Where a quoted cell opens that no lone quote closes (it reads to the end of the text).
  let unterminated: CsvPosition | undefined;
  let n = text.length;
  let at = 0;
  let eof = n <= 0;
  let eol = false;
  if (text.charCodeAt(n - 1) === NEWLINE) --n;
  if (text.charCodeAt(n - 1) === RETURN) --n;
  // Line (and the offset its first character has) of offset `counted`, advanced lazily to any later offset.
  let counted = 0;
  let line = 1;
  let lineStart = 0;
  const positionAt = (offset: number): CsvPosition => {
    for (; counted < offset; counted++) {
      const c = text.charCodeAt(counted);
      if (c === NEWLINE || (c === RETURN && text.charCodeAt(counted + 1) !== NEWLINE)) {
        line++;
        lineStart = counted + 1;
      }
    }
    return {line, column: offset - lineStart + 1};
  };
  // Offset just past the raw text (closing quote included) of the cell the last token() call read.
  let cellEnd = 0;
  // When that cell is quoted and text follows its closing quote, where that text starts (else -1).
  let strayAfter = -1;
  const EOF = Symbol("eof");
  const EOL = Symbol("eol");
  const token = (): string | typeof EOF | typeof EOL => {
    if (eof) return EOF;
    if (eol) {
      eol = false;
      return EOL;
    }
    const j = at;
    let i: number;
    let c: number;
    strayAfter = -1;
    if (text.charCodeAt(j) === QUOTE) {
      while ((at++ < n && text.charCodeAt(at) !== QUOTE) || text.charCodeAt(++at) === QUOTE);
      // A closing quote leaves `at` just past it, at most n; the scan runs past n only when there is none.
      if (at > n) unterminated = positionAt(j);
      if ((cellEnd = i = at) >= n) eof = true;
      else if ((c = text.charCodeAt(at++)) === NEWLINE) eol = true;
      else if (c === RETURN) {
        eol = true;
        if (text.charCodeAt(at) === NEWLINE) ++at;
      } else if (c !== COMMA) strayAfter = i;
      return text.slice(j + 1, i - 1).replace(/""/g, '"');
    }
    while (at < n) {
      i = at;
      c = text.charCodeAt(at++);
      if (c === NEWLINE) eol = true;
      else if (c === RETURN) {
        eol = true;
        if (text.charCodeAt(at) === NEWLINE) ++at;
      } else if (c !== COMMA) continue;
      cellEnd = i;
      return text.slice(j, i);
    }
    eof = true;
    cellEnd = n;
    return text.slice(j, n);
  };
  for (;;) {
    let start = at;
    const recordStart = at;
    let t = token();
    if (t === EOF) break;
    const cells: string[] = [];
    const positions: CsvPosition[] = [];
    let end = start;
    let afterQuote: CsvRecord["afterQuote"];
    while (t !== EOL && t !== EOF) {
      cells.push(t);
      positions.push(positionAt(start));
      if (strayAfter >= 0 && afterQuote === undefined) {
        const stray = /[^,\r\n]*/y;
        stray.lastIndex = strayAfter;
        const after = stray.exec(text)![0].slice(0, n - strayAfter);
        afterQuote = {index: cells.length - 1, at: positionAt(strayAfter - 1), text: after};
      }
      end = cellEnd;
      start = at;
      t = token();
    }
    rows.push({
      line: positions[0]!.line,
      cells,
      positions,
      end: positionAt(end),
      ...(afterQuote ? {afterQuote} : {}),
      source: text.slice(recordStart, end)
    });
  }
  return {rows, unterminated};
}

/**
 * Checks that a header is exactly `expected`, in order. Returns every problem at once: one error per missing,
 * unexpected or duplicate column, and one per group of columns out of order (a swap); an empty list means the header
 * is right. A header separated by ';', tabs or another character is one error saying so (headerSeparatorError), as
 * is another catalog's header (headerOfOtherCatalogError), and its names in another case one error naming them
 * (caseFixedHeader).
 */
export function checkHeader(header: CsvRecord | undefined, expected: readonly string[], file: string): UserError[] {
  if (!header) {
    return [
      new UserError({
        file,
        line: 1,
        column: 1,
        message: "empty file",
        expected: `a header row: ${expected.join(",")}`,
        found: "nothing"
      })
    ];
  }
  // Cells split at commas, none of them a column's name: a row where the header belongs, or a file of other columns.
  // Before the separator's check, which took a row's `hbm_gib;system_overhead` for a header separated by ';'.
  const unnamed = header.cells.length > 1 ? headerWithoutNamesError(header, expected, file) : undefined;
  if (unnamed) return [unnamed];
  // Separated by ';' or tabs: that one error, not one per column.
  const separated = headerSeparatorError(header, expected, file);
  if (separated) return [separated];
  // Another catalog's header (data/models.csv's in hardware.csv): that one error, not one per column.
  const other = headerOfOtherCatalogError(header, expected, file);
  if (other) return [other];
  // One cell that is no column's name and no header separated otherwise (a line of text): that one error too.
  const word = headerWithoutNamesError(header, expected, file);
  if (word) return [word];
  // Its cells after the quote are shifted: that one error, not one per cell read out of place.
  if (header.afterQuote) return [afterQuoteError(header.afterQuote, file, undefined)];
  // The header cell at field index i, or the end of the header for a field past its last cell.
  const at = (i: number): CsvPosition => header.positions[i] ?? header.end;
  // Names in another case (`ID`) are one error, then checked as spelled right.
  const {names: found, error: caseError} = caseFixedHeader(
    header.cells.map((cell) => cell.trim()),
    expected,
    file,
    at
  );
  const errors: UserError[] = caseError ? [caseError] : [];
  const missing = expected.filter((name) => !found.includes(name));
  // An empty header cell where a missing column belongs is one error, that column's name left out: it was two, a
  // missing column and an unexpected '' (breaker).
  const blankFor = new Map<number, string>();
  found.forEach((name, i) => {
    if (name === "" && expected[i] !== undefined && missing.includes(expected[i]!)) blankFor.set(i, expected[i]!);
  });
  // A header cell that is no column's but a typo of a missing one (`graph_captur`) is one error, that column offered:
  // it was two, a missing column and an unexpected one (breaker). Each missing column is offered once, first come.
  const misspelt = new Map<number, string>();
  found.forEach((name, i) => {
    if (name === "" || expected.includes(name) || blankFor.has(i)) return;
    const taken = new Set([...blankFor.values(), ...misspelt.values()]);
    const meant = closestMatch(
      name,
      missing.filter((column) => !taken.has(column))
    );
    if (meant !== undefined) misspelt.set(i, meant);
  });
  for (const name of missing) {
    if ([...blankFor.values(), ...misspelt.values()].includes(name)) continue;
    errors.push(
      new UserError({
        file,
        ...at(expected.indexOf(name)),
        path: name,
        message: "missing column",
        expected: `column '${name}' at position ${expected.indexOf(name) + 1}`,
        found: "no such column"
      })
    );
  }
  found.forEach((name, i) => {
    if (blankFor.has(i)) {
      errors.push(
        new UserError({
          file,
          ...at(i),
          path: blankFor.get(i)!,
          message: "empty column header",
          expected: `column '${blankFor.get(i)}' at position ${i + 1}`,
          found: "an empty header cell"
        })
      );
    } else if (misspelt.has(i)) {
      const meant = misspelt.get(i)!;
      errors.push(
        new UserError({
          file,
          ...at(i),
          path: name,
          message: "unknown column",
          expected: `column '${meant}' at position ${expected.indexOf(meant) + 1}`,
          found: `'${name}'`,
          hint: didYouMean(name, [meant])
        })
      );
    } else if (!expected.includes(name)) {
      errors.push(
        new UserError({
          file,
          ...at(i),
          path: name,
          message: "unexpected column",
          expected: `only the columns ${expected.join(",")}`,
          found: `'${name}'`
        })
      );
    } else if (found.indexOf(name) !== i) {
      errors.push(
        new UserError({
          file,
          ...at(i),
          path: name,
          message: "duplicate column",
          // What was expected, as the other header errors say it (it had none; trial).
          expected: `each column once ('${name}' is already at position ${found.indexOf(name) + 1})`,
          found: `'${name}'`
        })
      );
    }
  });
  // Columns out of order, beside any missing, unexpected or duplicate one (a header with a column missing and two
  // swapped said only the missing one, and the swap once that was fixed; breaker): the expected columns the header has,
  // each at its first cell, against the order expected lists them in. Two columns each in the other's place are one
  // error naming both ("columns swapped"); of the rest, the longest run already in order stays and each other column is
  // an error at its cell naming where it belongs. The error named the column expected at the cell, which for two
  // non-adjacent columns swapped was the column itself ("expected 'model' …, found 'model'"; breaker).
  const present = found.flatMap((name, i) => (expected.includes(name) && found.indexOf(name) === i ? [{name, i}] : []));
  const order = expected.filter((name) => present.some((p) => p.name === name));
  const written = `(header: ${expected.join(",")})`;
  const slotOf = (name: string): number => present.findIndex((p) => p.name === name);
  const swapped = new Set<number>();
  present.forEach(({name, i}, k) => {
    if (name === order[k] || swapped.has(k)) return;
    const j = slotOf(order[k]!);
    if (present[j]!.name !== order[k] || order[j] !== name) return;
    swapped.add(k).add(j);
    const other = present[j]!;
    errors.push(
      new UserError({
        file,
        ...at(i),
        path: name,
        message: `columns '${name}' and '${other.name}' swapped`,
        expected: `'${other.name}' at position ${expected.indexOf(other.name) + 1} and '${name}' at position ${expected.indexOf(name) + 1} ${written}`,
        found: `'${name}' at position ${i + 1} and '${other.name}' at position ${other.i + 1}`
      })
    );
  });
  // The rest with each swapped pair put back: a column not in the longest run in order is out of place.
  const rest = present.map((p, k) => (swapped.has(k) ? {name: order[k]!, i: p.i, moved: true} : {...p, moved: false}));
  const inOrder = longestIncreasing(rest.map(({name}) => expected.indexOf(name)));
  rest.forEach(({name, i, moved}, k) => {
    if (inOrder.has(k) || moved) return;
    const want = expected.indexOf(name);
    // Where it belongs, beside a column in place (one of a swap is not where the header has it).
    const anchors = rest.filter((r, m) => inOrder.has(m) && !r.moved);
    const next = anchors.find((r) => expected.indexOf(r.name) > want);
    const previous = anchors.filter((r) => expected.indexOf(r.name) < want).at(-1);
    const where = next ? `before '${next.name}'` : previous ? `after '${previous.name}'` : `at position ${want + 1}`;
    errors.push(
      new UserError({
        file,
        ...at(i),
        path: name,
        message: "column out of place",
        expected: `'${name}' ${where} ${written}`,
        found: `'${name}' at position ${i + 1}`
      })
    );
  });
  return errors;
}

/**
 * The indices of a longest strictly increasing subsequence of `values` (patience sorting); of equally long ones, the
 * one whose values are least at each step, so that of two swapped columns the later-expected one is out of place.
 */
function longestIncreasing(values: readonly number[]): Set<number> {
  // tails[l]: index of the least value ending an increasing run of length l + 1; previous: the run's index before.
  const tails: number[] = [];
  const previous: number[] = [];
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    previous[i] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

/** Lowercase kebab-case, dots allowed inside a segment for version numbers (`llama-3.1-8b`). */
const KEBAB_ID = /^[a-z0-9]+(\.[a-z0-9]+)*(-[a-z0-9]+(\.[a-z0-9]+)*)*$/;

/**
 * A numeric column's unit, for a cell written with one (`700W` in power_w, `80GB` in hbm_gb): the dimension a unit of
 * it reads in (readQuantity), the factor from the column's unit to the dimension's base unit (hbm_gb: 1e9 bytes per
 * GB) and how a hint names the unit after "a plain number" (`in GB`, `as a fraction of the chip's price`).
 */
export interface CellUnit {
  dimension: Dimension;
  factor: number;
  label: string;
}

/**
 * The plain numbers a numeric cell likely means, when it is written as a catalog cell is not (`７００`, `3,35`, `700W`,
 * `$31,120`, `1\u00a0000`, `31k`), each one `accepts` takes (the column's range, whole if it must be), or none. What
 * readQuantity offers for the text as a plain number and as the column's quantity (its ASCII digits, its decimal point,
 * its grouping fixed), the text with its unit read and converted to the column's (`0.7 kW` → 700 in power_w) and a
 * number with a count's scale letter read as that count (`31k` → 31000, `31K` too, in any column); for
 * one comma before three digits (`3,350`), both the thousands and the decimal reading, for `accepts` to choose from
 * (not after a dollar: `$31,120` is money's grouping).
 */
export function plainNumbersMeant(
  cell: string,
  unit: CellUnit | undefined,
  accepts: (value: number) => boolean
): number[] {
  const texts = [cell];
  for (const dimension of unit === undefined ? ["plain" as const] : ["plain" as const, unit.dimension]) {
    const reading = readQuantity(cell, dimension);
    if (!reading.ok) texts.push(...(reading.offers ?? []).map((offer) => offer.text));
  }
  if (/^[+-]?\d{1,3},\d{3}\b/.test(cell)) texts.push(cell.replace(",", "."));
  const values = texts.flatMap((text) => {
    const plain = readQuantity(text, "plain");
    if (plain.ok && plain.unit === "") return [plain.value];
    const quantity = unit === undefined ? undefined : readQuantity(text, unit.dimension);
    if (quantity?.ok && quantity.unit !== "") return [scaled(quantity.value, 1 / unit!.factor)];
    // An amount of money in a cost-per-hour cell (hourly_usd `$2.99`) is the hourly amount meant: it was offered
    // nothing where price_usd's `$31k` was offered 31000 (tester).
    const money = unit?.dimension === "usdPerHour" ? readQuantity(text, "money") : undefined;
    if (money?.ok && money.unit !== "") return [scaled(money.value, 1 / unit!.factor)];
    // A number with a count's scale letter (`31k`, `1.2M`; `31K` a thousand too, as money writes it), in any column:
    // price_usd's `31k` was offered nothing where `$31,120` was offered 31120 (breaker).
    const count = /\d\s?[kKMBT]$/.test(text.trim()) ? readQuantity(text.trim().replace(/K$/, "k"), "count") : undefined;
    return count?.ok && count.unit !== "" ? [count.value] : [];
  });
  return [...new Set(values)].filter(accepts);
}

/**
 * The error of a record whose cells are not one per column of `columns`, undefined for one whose are: text after a
 * closing quote (the row's later cells shifted), a quote left open that a later line's quote closed, or a wrong number
 * of cells. Such a row's cells are not read, nor noted (hardwareCellNotes): a cell read there may be its neighbour's.
 */
export function recordShapeError(record: CsvRecord, columns: readonly string[], file: string): UserError | undefined {
  // A blank row as a spreadsheet saves it (`,,,,`) was one "missing value" per column, or "wrong number of cells" with
  // fewer commas (breaker): one error. A line with nothing on it is no record (readCsvRecords skips it).
  if (record.cells.length > 1 && record.cells.every((cell) => cell.trim() === "")) {
    return new UserError({
      file,
      ...record.positions[0]!,
      message: "empty row",
      expected: `a row of ${columns.length} cells with values, or no line`,
      found: `${record.cells.length} empty cells`,
      hint: "delete the line: a spreadsheet saves a blank row as commas"
    });
  }
  const wrongCount = record.cells.length !== columns.length;
  // A quoted cell over several lines where none was meant: a quote left open that a later cell's quote closed
  // (`…,"989.4,…` read as one cell to the next line's quote). It was "wrong number of cells" where the record ends,
  // with a hint (breaker), then still read so (tester): it is the open quote's error, at the quote. The rule: a quoted
  // cell over lines whose first line holds a comma, the rest of its row swallowed; a note meant to run over lines whose
  // first line has a comma, in a row with a cell too many or too few, is misread as one.
  const spanning = record.cells.findIndex((cell) => cell.includes("\n"));
  const at = spanning >= 0 ? record.positions[spanning] : undefined;
  if (wrongCount && at !== undefined && /^[^\n]*,/.test(record.cells[spanning]!)) {
    const closed = at.line + record.cells[spanning]!.split("\n").length - 1;
    return new UserError({
      file,
      ...at,
      path: columns[spanning]!,
      message: "unterminated quoted cell",
      expected: `a closing " on line ${at.line} (a quote inside a quoted cell is written "")`,
      found:
        `the next quote only on line ${closed}, ` +
        `so the row read ${record.cells.length} cells, not ${columns.length}`,
      hint: "a cell that starts with a quote runs to the next lone quote"
    });
  }
  // `"NVIDIA H100" SXM5`: d3-dsv reads ` SXM5` as the next cell, so the row read a cell too many and the error was
  // "wrong number of cells … (quote cells that contain commas)" at the row's end (tester). After the open quote's
  // error above, as a quote left open and closed by a later line's quote has text after that one.
  // A row separated by ';' whose first cell is quoted (`"h100-sxm";NVIDIA H100;…`) has text after that quote, and is
  // told its separator, not that text (it read "text after a closing quote … found ';NVIDIA H100…'"; breaker).
  if (record.afterQuote) {
    return (
      rowSeparatorError(record, columns, file) ??
      afterQuoteError(record.afterQuote, file, columns[record.afterQuote.index])
    );
  }
  if (!wrongCount) return undefined;
  // A row separated by ';' or tabs under a comma header (`h100-sxm;NVIDIA H100;…`) read "found 1 (quote cells that
  // contain commas)" (breaker): said so, as a header separated so is.
  const separated = rowSeparatorError(record, columns, file);
  if (separated !== undefined) return separated;
  // ` "NVIDIA H100, SXM5"`: a quote after a space is a literal character (d3-dsv opens a quoted cell only at a cell's
  // first character), so the comma inside splits the cell; "quote cells that contain commas" was no help (tester).
  const spaced = record.cells.findIndex((cell) => /^[ \t]+"/.test(cell));
  const cell = spaced >= 0 ? record.positions[spaced]! : undefined;
  // The quote itself, past the spaces before it (an unquoted cell is on one line).
  const quote = cell && {line: cell.line, column: cell.column + /^[ \t]+/.exec(record.cells[spaced]!)![0].length};
  return new UserError({
    file,
    // The first cell too many, or the end of the record when cells are missing.
    ...(record.positions[columns.length] ?? record.end),
    message: "wrong number of cells",
    expected: `${columns.length} cells (one per header column)`,
    found: `${record.cells.length}`,
    hint:
      at !== undefined
        ? `the cell at line ${at.line}, column ${at.column} is quoted over ` +
          `${record.cells[spanning]!.split("\n").length} lines: is its closing quote missing?`
        : quote !== undefined
          ? `the quote at line ${quote.line}, column ${quote.column} ` +
            "opens no quoted cell, as a space is before it, so a comma after it ends the cell: delete the space"
          : "quote cells that contain commas"
  });
}

/**
 * The error for text after a quoted cell's closing quote (CsvRecord.afterQuote), at the quote: `path` names the cell's
 * column (none in the header).
 */
function afterQuoteError(
  {at, text}: NonNullable<CsvRecord["afterQuote"]>,
  file: string,
  path: string | undefined
): UserError {
  return new UserError({
    file,
    ...at,
    ...(path !== undefined ? {path} : {}),
    message: "text after a closing quote",
    expected: "a comma or the end of the row after a quoted cell",
    // As written, its spaces kept (` SXM5`), cut past 40 characters.
    found: `'${text.length > 40 ? `${text.slice(0, 39)}…` : text}'`,
    hint: 'a quote inside a quoted cell is written ""'
  });
}

/**
 * Reads the cells of one record by column name, collecting every bad cell as a UserError instead of stopping at
 * the first. Readers return `undefined` for a bad cell; callers build the row only when no error was recorded.
 */
export class CellReader<Column extends string> {
  readonly errors: UserError[] = [];
  private readonly columns: readonly Column[];
  private readonly file: string;
  private readonly ranges: Partial<Readonly<Record<Column, NumberRange>>>;
  private readonly units: Partial<Readonly<Record<Column, CellUnit>>>;
  private record: CsvRecord = {line: 0, cells: [], positions: [], end: {line: 0, column: 0}};

  /**
   * `ranges` gives the physical range of numeric columns, in the column's own unit (TFLOP/s, GB): a cell outside it
   * is an error at its line and column, so that no unit conversion downstream overflows to Infinity or underflows to 0.
   */
  constructor(
    columns: readonly Column[],
    file: string,
    ranges: Partial<Readonly<Record<Column, NumberRange>>> = {},
    units: Partial<Readonly<Record<Column, CellUnit>>> = {}
  ) {
    this.columns = columns;
    this.file = file;
    this.ranges = ranges;
    this.units = units;
  }

  /**
   * Starts reading `record`; returns false (after recording recordShapeError's error) if its cells are not one per
   * column, or (after recording an error for each) if a cell is longer than its column's cap (textCellCapError): such
   * a row is not read, so that no other error quotes the cell, nor a note (a 5 MB name passed; breaker).
   */
  start(record: CsvRecord): boolean {
    this.record = record;
    const error = recordShapeError(record, this.columns, this.file);
    if (error) {
      this.errors.push(error);
      return false;
    }
    const long = this.columns.flatMap((column, i) => {
      const capError = textCellCapError(this.raw(column), column, record.positions[i] ?? record.end, this.file);
      return capError ? [capError] : [];
    });
    this.errors.push(...long);
    return long.length === 0;
  }

  /** 1-based line of the current record. */
  get line(): number {
    return this.record.line;
  }

  /** Where the cell of `column` starts in the current record (line and character column, 1-based). */
  positionOf(column: Column): CsvPosition {
    return this.record.positions[this.columns.indexOf(column)] ?? this.record.end;
  }

  /** The trimmed cell, possibly empty. */
  raw(column: Column): string {
    return (this.record.cells[this.columns.indexOf(column)] ?? "").trim();
  }

  /** Records an error about the cell in `column` of the current record. */
  fail(column: Column, message: string, expected: string, found: string = this.quoted(column), hint?: string): void {
    this.errors.push(
      new UserError({
        file: this.file,
        ...this.positionOf(column),
        path: column,
        message,
        expected,
        found,
        ...(hint ? {hint} : {})
      })
    );
  }

  /**
   * A required, non-empty text cell, shown as written (a chip's name on the pages and in the CLI): a control,
   * direction-changing or zero-width character is refused as in a scenario's title (a U+202E in a name passed;
   * breaker). A line break is refused too, unless `lines` allows it (a quoted source title may span lines): a name
   * quoted over two lines passed, and was shown on one (trial).
   */
  text(column: Column, {lines = false}: {lines?: boolean} = {}): string | undefined {
    const value = this.raw(column);
    if (value === "") {
      this.fail(column, "missing value", "a non-empty cell", "an empty cell");
      return undefined;
    }
    if (!lines && /[\r\n]/.test(value)) {
      // Found as written, its line break escaped (`"NVIDIA\nH100"`).
      this.fail(column, `${/^[aeiou]/i.test(column) ? "an" : "a"} ${column} over several lines`, "one line of text");
      return undefined;
    }
    const problem = displayTextProblem(column, value.replace(/\r\n/g, "\n"), {lines});
    if (problem) {
      this.fail(column, problem.message, "text a reader sees as written", problem.found);
      return undefined;
    }
    return value;
  }

  /** A required lowercase kebab-case id. */
  id(column: Column): string | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    if (!KEBAB_ID.test(value)) {
      this.fail(column, "bad id", "lowercase kebab-case such as 'h100-sxm' or 'llama-3.1-8b'");
      return undefined;
    }
    return value;
  }

  /**
   * A required number > 0 (integer if `integer`); `aboveHint`, when given, is the hint of a number above the column's
   * range (optionalPositive).
   */
  positive(
    column: Column,
    {integer = false, aboveHint}: {integer?: boolean; aboveHint?: string | null} = {}
  ): number | undefined {
    // A cell of a byte-order mark alone is that mark's error (optionalPositive), not an empty cell.
    if (this.raw(column) === "" && !this.hasByteOrderMark(column)) {
      this.fail(column, "missing value", integer ? "a whole number > 0" : "a number > 0", "an empty cell");
      return undefined;
    }
    return this.optionalPositive(column, {integer, aboveHint}) ?? undefined;
  }

  /**
   * An optional number > 0: null when the cell is empty, undefined (with an error recorded) when it is bad.
   * `aboveHint`, when given (not null), is the hint of a number above the column's range: a figure in the next-smaller
   * unit (farAboveCellSentence: fp8_tflops 1979000 read "out of range" alone; breaker).
   */
  optionalPositive(
    column: Column,
    {integer = false, aboveHint}: {integer?: boolean; aboveHint?: string | null} = {}
  ): number | null | undefined {
    const value = this.raw(column);
    const expected = integer ? "a whole number > 0" : "a number > 0";
    if (this.byteOrderMark(column, expected)) return undefined;
    if (value === "") return null;
    const n = readDecimal(value) ?? NaN;
    if (!Number.isFinite(n)) {
      if (this.tooLarge(column, value, expected, integer)) return undefined;
      const hint = this.plainHint(column, value, (v) => v > 0 && (!integer || Number.isInteger(v)));
      this.fail(
        column,
        "not a number",
        `${expected} (plain decimal, no units or thousands separators)`,
        undefined,
        hint
      );
      return undefined;
    }
    if (integer && !Number.isInteger(n)) {
      this.fail(column, "not a whole number", expected);
      return undefined;
    }
    const range = this.ranges[column];
    // `1.000` in a whole-number cell read as 1, silently, where a thousand may be meant: refused as a key or flag
    // refuses it (pointGroupedWhole; breaker).
    const grouped = integer
      ? pointGroupedWhole(value, (v) => Number.isInteger(v) && v > 0 && (range === undefined || isInRange(v, range)))
      : undefined;
    if (grouped) {
      this.fail(column, grouped.message, expected, undefined, grouped.hint);
      return undefined;
    }
    if (n <= 0) {
      // The column's own range where it has one (vocab_size 0 read "a whole number > 0", its range is [256, 1e8]).
      this.fail(
        column,
        "out of range",
        range ? `${describeRange({...range, integer})} (the physical range of ${column})` : expected
      );
      return undefined;
    }
    if (range !== undefined && !isInRange(n, range)) {
      // A count written in the column's base unit where the column is in a multiple of it (params_b of 7e9: in
      // billions, 7), told the number in the column's unit (it read "out of range" alone; new-user trial).
      const unit = this.units[column];
      const scaled = unit && unit.factor > 1 ? n / unit.factor : NaN;
      const hint = isInRange(scaled, range)
        ? `the cell is ${unit!.label}: write ${formatNumber(scaled)}`
        : n > range.max
          ? (aboveHint ?? undefined)
          : undefined;
      this.fail(
        column,
        "out of range",
        `${describeRange({...range, integer})} (the physical range of ${column})`,
        undefined,
        hint
      );
      return undefined;
    }
    return n;
  }

  /** Whether the cell of `column`, as written (untrimmed), holds a byte-order mark (U+FEFF). */
  private hasByteOrderMark(column: Column): boolean {
    return (this.record.cells[this.columns.indexOf(column)] ?? "").includes("\uFEFF");
  }

  /**
   * Records the error for a numeric cell holding a byte-order mark (U+FEFF) anywhere, and true; false for one that
   * holds none. trim() and readDecimal take the mark for a space, so `\uFEFF1979` read as 1979 and `700\uFEFF` as 700
   * (breaker), where a scenario file's value and a flag's refuse it: said as checkFlagValues says it ("invisible
   * character", BYTE_ORDER_MARK_HINT), found the cell as written with the mark escaped (`"\ufeff1979"`).
   */
  private byteOrderMark(column: Column, expected: string): boolean {
    if (!this.hasByteOrderMark(column)) return false;
    // Spaces at the ends trimmed, not the mark (truncate's rule): found "\ufeff1979", not "1979".
    const written = (this.record.cells[this.columns.indexOf(column)] ?? "").replace(/^[^\S\uFEFF]+|[^\S\uFEFF]+$/g, "");
    this.fail(column, "invisible character", `${expected} with no byte-order mark`, written, BYTE_ORDER_MARK_HINT);
    return true;
  }

  /**
   * The hint for a numeric cell that is no plain decimal but likely means one (plainNumbersMeant): "the cell takes a
   * plain number in W: write 700"; each number offered is in the column's range and `accepts` takes it. Undefined
   * when none is.
   */
  private plainHint(column: Column, value: string, accepts: (value: number) => boolean): string | undefined {
    const range = this.ranges[column];
    const unit = this.units[column];
    const meant = plainNumbersMeant(value, unit, (v) => accepts(v) && (range === undefined || isInRange(v, range)));
    if (meant.length === 0) return undefined;
    return `the cell takes a plain number${unit ? ` ${unit.label}` : ""}: write ${orList(meant.map(formatNumber))}`;
  }

  /**
   * Records the error for a decimal numeral past the largest double (`1e400`) or below the least (`1e-400`, told it
   * underflows), which readDecimal refuses as it refuses
   * text: said to be too large, with the column's range (else `unranged`), and true; false for a cell that is no
   * numeral. It read "not a number … (plain decimal…)", though it is one and exponents are taken (`3.35e0`; breaker).
   */
  private tooLarge(column: Column, value: string, unranged: string, integer = false): boolean {
    if (!isDecimalNumeral(value)) return false;
    const range = this.ranges[column];
    const expected = range ? `${describeRange({...range, integer})} (the physical range of ${column})` : unranged;
    // `1e-400` underflows to 0: too small, not large (readDecimal refuses it, as it refuses `1e400`).
    if (Number.isFinite(Number(value.trim())))
      this.fail(column, "number too small", expected, undefined, UNDERFLOW_HINT);
    // `-1e400` is a number below every column's range, not a large one.
    else if (value.trim().startsWith("-")) this.fail(column, "out of range", expected);
    else {
      const hint = "it overflows: past the largest number a double holds, about 1.8e308";
      this.fail(column, "number too large", expected, undefined, hint);
    }
    return true;
  }

  /** A required number >= 0 (a fraction that may be zero, such as an overhead). */
  nonNegative(column: Column): number | undefined {
    const value = this.raw(column);
    if (this.byteOrderMark(column, "a number >= 0")) return undefined;
    const n = readDecimal(value) ?? NaN;
    if (value !== "" && !Number.isFinite(n) && this.tooLarge(column, value, "a number >= 0")) return undefined;
    if (value === "" || !Number.isFinite(n) || n < 0) {
      // Named as optionalPositive names them ("abc" read "out of range"; breaker), with the column's range if any.
      const range = this.ranges[column];
      const hint = value === "" || Number.isFinite(n) ? undefined : this.plainHint(column, value, (v) => v >= 0);
      this.fail(
        column,
        value === "" ? "missing value" : Number.isFinite(n) ? "out of range" : "not a number",
        `${range ? describeRange(range) : "a number >= 0"} (plain decimal, no units or thousands separators)`,
        undefined,
        hint
      );
      return undefined;
    }
    // The column's physical range too, as optionalPositive checks it (system_overhead 1e6 passed here and failed at
    // `run`, blamed on a scenario's default; breaker).
    const range = this.ranges[column];
    if (range !== undefined && !isInRange(n, range)) {
      this.fail(column, "out of range", `${describeRange(range)} (the physical range of ${column})`);
      return undefined;
    }
    return n;
  }

  /**
   * A required cell that must be one of `choices`, written exactly: the one reader of every catalog's choice columns.
   * An empty cell is "missing value", another value `unknown` (default "unknown <column>"); both list the choices, and
   * the hint is a did-you-mean when one is close (a capital, a typo, padding: "Yes" for yes), else `help`. Measurements'
   * columns listed nothing for an empty cell and offered nothing for "Yes" (breaker).
   */
  choice<T extends string>(
    column: Column,
    choices: readonly T[],
    {unknown = `unknown ${column.replace(/_/g, " ")}`, help}: {unknown?: string; help?: string} = {}
  ): T | undefined {
    const value = this.raw(column);
    if ((choices as readonly string[]).includes(value)) return value as T;
    this.fail(
      column,
      value === "" ? "missing value" : unknown,
      `one of ${choices.join(", ")}`,
      undefined,
      (value === "" ? undefined : didYouMean(value, choices)) ?? help
    );
    return undefined;
  }

  /** A required `true` or `false` (a choice: "True" is told its spelling). */
  boolean(column: Column): boolean | undefined {
    const value = this.choice(column, ["true", "false"], {unknown: "not a boolean"});
    return value === undefined ? undefined : value === "true";
  }

  /** A required https:// URL. */
  httpsUrl(column: Column): string | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    if (!/^https:\/\/\S+$/.test(value)) {
      this.fail(column, "bad URL", "a URL starting with https://");
      return undefined;
    }
    return value;
  }

  /**
   * The cell as a message's found value: in single quotes (`'abc'`), or bare when it holds a character a message
   * escapes or has spaces at its ends, which quoteFound then quotes and escapes once (`"5\t00"`, not `"'5\t00'"`;
   * `"full\u2011mesh"`).
   */
  private quoted(column: Column): string {
    const value = this.raw(column);
    if (value === "") return "an empty cell";
    return quotesFound(value) ? value : `'${value}'`;
  }
}

/**
 * `value × factor` rounded to 15 significant digits, so that unit conversions of decimal cells do not leave binary
 * noise (8.03 × 1e9 is 8029999999.999999 in floating point; this returns 8030000000).
 */
export function scaled(value: number, factor: number): number {
  return Number((value * factor).toPrecision(15));
}

/**
 * Throws the collected errors at once (UserErrors) in file order (line, then column), the first MAX_ERRORS_PER_FILE
 * and a line counting the rest (capErrors), or nothing if none.
 */
export function throwIfAny(errors: UserError[]): void {
  if (errors.length === 0) return;
  const key = (e: UserError) => [e.detail.line ?? Infinity, e.detail.column ?? Infinity] as const;
  const sorted = [...errors].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
  throw new UserErrors(capErrors(sorted));
}

/** Reports the second and later uses of an id at its cell (`idAt`, from CellReader.positionOf), pointing at the first. */
export function checkUniqueIds(rows: readonly {id: string; idAt: CsvPosition}[], file: string): UserError[] {
  const firstLine = new Map<string, number>();
  const errors: UserError[] = [];
  for (const {id, idAt} of rows) {
    const first = firstLine.get(id);
    if (first === undefined) firstLine.set(id, idAt.line);
    else {
      errors.push(
        new UserError({
          file,
          ...idAt,
          path: "id",
          message: "duplicate id",
          expected: "an id used once",
          found: `'${id}'`,
          hint: `first used on line ${first}`
        })
      );
    }
  }
  return errors;
}

/**
 * The rows of a catalog CSV whose rows each have an `id` (hardware, models, measurements, training runs): the header
 * checked against `columns` (or the columns `columns(header)` picks, for a file with an optional column), then each
 * record read by `readRow` from a CellReader started on it, blank lines skipped. A row is kept only when reading it
 * added no error. Throws a UserErrors with every bad header cell, every bad cell and every second use of an id at once,
 * in file order (line, then column), each naming the file, line, column and column name.
 */
export function readCatalogRows<Column extends string, Row extends {id: string}>(
  text: string,
  {
    file,
    columns,
    ranges,
    units,
    readRow
  }: {
    file: string;
    columns: readonly Column[] | ((header: CsvRecord | undefined) => readonly Column[]);
    ranges?: Partial<Readonly<Record<Column, NumberRange>>>;
    /** The unit of numeric columns, for a cell written with one to be offered its plain number (CellUnit). */
    units?: Partial<Readonly<Record<Column, CellUnit>>>;
    /** One row from the record `cells` is on (undefined when a cell it needs is bad), given the header's columns. */
    readRow: (cells: CellReader<Column>, columns: readonly Column[]) => Row | undefined;
  }
): Row[] {
  const {header, records} = readCsvRecords(text, {file});
  const chosen = typeof columns === "function" ? columns(header) : columns;
  throwIfAny(checkHeader(header, chosen, file));
  const cells = new CellReader<Column>(chosen, file, ranges, units);
  const rows: Row[] = [];
  const ids: {id: string; idAt: CsvPosition}[] = [];
  for (const record of records) {
    if (!cells.start(record)) continue;
    const before = cells.errors.length;
    const row = readRow(cells, chosen);
    if (row && cells.errors.length === before) {
      rows.push(row);
      // The id's cell (a row with an id has an id column).
      ids.push({id: row.id, idAt: cells.positionOf("id" as Column)});
    }
  }
  throwIfAny([...cells.errors, ...checkUniqueIds(ids, file)]);
  return rows;
}
