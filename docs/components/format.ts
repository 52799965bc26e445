// The pages' formatters are the library's (src/scenario/run/reportFormat.ts), so a figure reads the same on every
// page and in `token-ledger run`; on top, the two only a page needs: a ratio's, and an axis's ticks.
import {formatDisplayNumber, formatPriceNumber} from "../lib/scenario/run/reportFormat.js";

export * from "../lib/scenario/run/reportFormat.js";

/**
 * A ratio ("model ÷ measured", "× an H100"): three significant digits, a whole one too, so a median of 1 reads "1.00"
 * beside "0.994" (formatDisplayNumber writes a whole number whole: "1").
 */
export const formatRatio = formatPriceNumber;

/** The number in a formatted tick: its digits, grouping commas and decimals ("1,235", "1.80" of "$1.80B"). */
const TICK_NUMBER = /\d[\d,]*(?:\.(\d+))?/;

/**
 * Plot's `tickFormat` for an axis whose ticks `format` writes one by one (formatDisplayNumber, formatUsd…): the ticks
 * of one scale word share one number of decimals, the fewest that write every tick ("1.0", "1.2" … "1.8", not "1"
 * beside "1.80", whose three significant digits gave a whole tick no decimals; "$1.0B", "$1.5B" beside "$500M").
 * Only zeros are added or removed, so no tick is rounded differently. Plot calls it with each tick, its index and all
 * the ticks.
 */
export function axisTickFormat(
  format: (value: number) => string = formatDisplayNumber
): (value: number, index?: number, ticks?: readonly number[]) => string {
  let last: {ticks: readonly number[]; texts: string[]} | null = null;
  return (value, index, ticks) => {
    if (!ticks || index === undefined || ticks[index] !== value) return format(value);
    if (last?.ticks !== ticks) last = {ticks, texts: sameDecimals(ticks.map((tick) => format(tick)))};
    return last.texts[index]!;
  };
}

/** Texts of one scale (the text around the number: "$…B", "…%") written with the same number of decimals. */
export function sameDecimals(texts: readonly string[]): string[] {
  const parts = texts.map((text) => {
    const match = /[eE]/.test(text) ? null : TICK_NUMBER.exec(text);
    if (!match) return null;
    const decimals = (match[1] ?? "").replace(/0+$/, "");
    const scale = text.slice(0, match.index) + "\u0000" + text.slice(match.index + match[0].length);
    return {match, whole: match[0].split(".")[0]!, decimals, scale};
  });
  const needed = new Map<string, number>();
  for (const part of parts) {
    if (part) needed.set(part.scale, Math.max(needed.get(part.scale) ?? 0, part.decimals.length));
  }
  return texts.map((text, i) => {
    const part = parts[i];
    if (!part) return text;
    const count = needed.get(part.scale)!;
    const number = count ? `${part.whole}.${part.decimals.padEnd(count, "0")}` : part.whole;
    return text.slice(0, part.match.index) + number + text.slice(part.match.index + part.match[0].length);
  });
}
