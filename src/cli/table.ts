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

/** `text` in lines of at most `width` characters, broken at spaces, every line after the first indented by two. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    const indent = lines.length > 0 ? "  " : "";
    if (current !== "" && indent.length + current.length + 1 + word.length > width) {
      lines.push(indent + current);
      current = word;
    } else current = current === "" ? word : `${current} ${word}`;
  }
  lines.push((lines.length > 0 ? "  " : "") + current);
  return lines;
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
