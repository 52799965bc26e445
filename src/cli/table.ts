import {formatDisplayNumber} from "../scenario/run/reportFormat.js";
import {formatNumber as formatFileNumber} from "../units/quantity.js";

/** A plain aligned text table: first column left-aligned, the others right-aligned (numbers). */
export function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
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
