// Number formats shared by the story pages' inline numbers, KPI badges and chart tooltips, so that a figure reads the
// same everywhere. Three significant digits throughout (formatDisplayNumber from the library).
import {formatDisplayNumber} from "./scenarioPage.js";

export {formatDisplayNumber};

/** "0.987 USD/Mtok". */
export function formatUsdPerMTok(value: number): string {
  return `${formatDisplayNumber(value)} USD/Mtok`;
}

/** "1.60 USD/h" (two decimals below 100, like a price). */
export function formatUsdPerHour(value: number): string {
  return `${Math.abs(value) < 100 ? value.toFixed(2) : formatDisplayNumber(value)} USD/h`;
}

/** Money with a scale word: "$31,120", "$160M", "$2.76B", "$1.2T"; negative as "−$5M". */
export function formatUsd(value: number): string {
  const sign = value < 0 ? "−" : "";
  const v = Math.abs(value);
  if (v >= 1e12) return `${sign}$${formatDisplayNumber(v / 1e12)}T`;
  if (v >= 1e9) return `${sign}$${formatDisplayNumber(v / 1e9)}B`;
  if (v >= 1e6) return `${sign}$${formatDisplayNumber(v / 1e6)}M`;
  return `${sign}$${formatDisplayNumber(v)}`;
}

/** A fraction as a percentage: 0.4401 → "44%"; 0.0531 → "5.31%". */
export function formatPercent(fraction: number): string {
  return `${formatDisplayNumber(fraction * 100)}%`;
}

/** A month number: "month 8"; null → "not within the horizon". */
export function formatMonth(month: number | null): string {
  return month === null ? "not within the horizon" : `month ${formatDisplayNumber(month)}`;
}

/** Large counts with a scale word: 425,421 → "425k", 3.3e6 → "3.3M". */
export function formatCount(value: number): string {
  const v = Math.abs(value);
  if (v >= 1e12) return `${formatDisplayNumber(value / 1e12)}T`;
  if (v >= 1e9) return `${formatDisplayNumber(value / 1e9)}B`;
  if (v >= 1e6) return `${formatDisplayNumber(value / 1e6)}M`;
  if (v >= 1e4) return `${formatDisplayNumber(value / 1e3)}k`;
  return formatDisplayNumber(value);
}

/** Relative change of `value` against `base`: "+3.1%", "−12%", "±0%"; "" when the base is 0 or missing. */
export function formatChange(value: number, base: number | null | undefined): string {
  if (base === null || base === undefined || base === 0 || !Number.isFinite(base)) return "";
  const change = value / base - 1;
  if (Math.abs(change) < 0.0005) return "±0%";
  return `${change > 0 ? "+" : "−"}${formatDisplayNumber(Math.abs(change) * 100)}%`;
}

/** The central value of a report metric: a number, or the Monte Carlo median (p50); null when it does not occur. */
export function reportMedian(
  metric: number | null | {mean: number | null; p5: number | null; p50: number | null; p95: number | null}
): number | null {
  if (metric === null || typeof metric === "number") return metric;
  return metric.p50;
}
