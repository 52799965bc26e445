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

/** A number with a sensible number of significant digits and thousands separators. */
export function formatNumber(value: number | null, digits = 4): string {
  if (value === null) return "—";
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-4)) return value.toExponential(digits - 1);
  const fractionDigits = abs >= 10 ** digits ? 0 : Math.max(0, digits - 1 - Math.floor(Math.log10(abs || 1)));
  return value.toLocaleString("en-US", {maximumFractionDigits: Math.min(fractionDigits, 6)});
}
