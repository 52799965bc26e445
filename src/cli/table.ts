import {formatDisplayNumber} from "../scenario/run/reportFormat.js";
import {formatNumber as formatFileNumber} from "../units/quantity.js";

export interface FormatTableOptions {
  /**
   * Widest the first column may be, in characters: a longer cell wraps at spaces onto lines of its own, indented by two
   * (default: no limit). The other cells stay on the row's first line, so a label reads beside its value.
   */
  firstColumnWidth?: number;
}

/**
 * A plain aligned text table: first column left-aligned, the others right-aligned (numbers). A cell may hold several
 * lines ("\n"), each aligned in its column; a row is as tall as its tallest cell.
 */
export function formatTable(header: string[], rows: string[][], {firstColumnWidth}: FormatTableOptions = {}): string {
  const cellLines = (row: string[]) =>
    row.map((cell, i) =>
      i === 0 && firstColumnWidth !== undefined ? wrapWords(cell, firstColumnWidth) : cell.split("\n")
    );
  const all = [header, ...rows].map(cellLines);
  const widths = header.map((_, i) => Math.max(...all.flatMap((row) => (row[i] ?? [""]).map((line) => line.length))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  const lines = (row: string[][]) =>
    Array.from({length: Math.max(...row.map((cell) => cell.length))}, (_, k) =>
      line(header.map((_, i) => row[i]?.[k] ?? ""))
    );
  const [head, ...body] = all;
  return [...lines(head!), widths.map((w) => "-".repeat(w)).join("  "), ...body.flatMap(lines)].join("\n");
}

/**
 * `text` in lines of at most `width` characters, broken at spaces (a word longer than `width` keeps a line of its own),
 * every line after the first indented by `indent` spaces.
 */
function wrapWords(text: string, width: number, indent = 2): string[] {
  const lines: string[] = [];
  const pad = " ".repeat(indent);
  let current = "";
  for (const word of text.split(" ")) {
    const lead = lines.length > 0 ? pad : "";
    if (current !== "" && lead.length + current.length + 1 + word.length > width) {
      lines.push(lead + current);
      current = word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  lines.push((lines.length > 0 ? pad : "") + current);
  return lines;
}

/** Widest a line of the command line's prose is (a title, a note under a table), in characters. */
export const PROSE_WIDTH = 100;

/** Narrowest a terminal's width makes the prose: below it, lines of a word or two would read worse than the wrap. */
const NARROWEST_PROSE = 40;

/**
 * The width prose wraps at: PROSE_WIDTH, or a narrower terminal's width (stdout's columns, at least NARROWEST_PROSE),
 * so that the terminal does not break a wrapped line again mid-word (an 80-column terminal split every line of
 * `inference`'s notes in two). Output to a file or a pipe keeps PROSE_WIDTH, the same on every machine.
 */
export function proseWidth(stream: {isTTY?: boolean; columns?: number} = process.stdout): number {
  const columns = stream.isTTY ? stream.columns : undefined;
  return columns && columns > 0 ? Math.max(NARROWEST_PROSE, Math.min(PROSE_WIDTH, columns)) : PROSE_WIDTH;
}

/**
 * A paragraph in lines of at most `width` characters (default proseWidth()), broken at spaces (`inference`'s title
 * and notes ran to 234 columns on one line).
 */
export function wrapProse(text: string, width = proseWidth()): string {
  return wrapWords(text, width, 0).join("\n");
}

/** Label / value / unit rows, for one result. */
export function formatKeyValues(rows: [label: string, value: string, unit: string][]): string {
  const labelWidth = Math.max(...rows.map(([label]) => label.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  return rows
    .map(([label, value, unit]) => `${label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}  ${unit}`.trimEnd())
    .join("\n");
}

/**
 * A computed figure, by the project's one digit rule (formatDisplayNumber, as `run` and the site write it): three
 * significant digits with their zeros (328.6 → "329", 0.1 → "0.100"), every integer digit grouped (184,098), a plain
 * whole number whole (118), E notation when tiny or huge (3.13E−9); null → "—".
 */
export function formatNumber(value: number | null): string {
  return value === null ? "—" : formatDisplayNumber(value);
}

/**
 * A value a catalog states (data/hardware.csv, data/models.csv), as its file writes it: up to 12 significant digits,
 * no binary noise (989.4 TFLOP/s, not the computed figures' "989"); null → "—".
 */
export function formatStatedNumber(value: number | null): string {
  return value === null ? "—" : formatFileNumber(value);
}
