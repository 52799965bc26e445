// A headline figure for inline use: "0.987 USD/Mtok (+3% vs the start)". The element keeps the raw number in data-value so
// that tests compare numbers, not text. Plain DOM (no htl), so it types without a declaration shim.
import {formatChange, formatMonthsChange, formatPointsChange, requireNumber} from "./format.js";

export interface KpiOptions {
  /** Formats the value, unit included ("0.987 USD/Mtok"); default three significant digits. */
  format?: (value: number) => string;
  /**
   * The value to compare against: the figure the page showed before a control moved (a chapter's static median), so
   * the change reads against what the reader saw. The badge shows "(+x% vs the start)" when given and different.
   */
  base?: number | null;
  /** Words after the change, default "vs the start" ("vs base" read as the base scenario). */
  baseLabel?: string;
  /** data-testid of the element. */
  testid?: string;
  /** Text for a value that does not occur (null), default "—". */
  missing?: string;
  /** Tooltip. */
  title?: string;
  /**
   * How the change against `base` reads: "relative" ("+3.1%", the default); for a count of months, "months"
   * ("3 months earlier", "2 months later"): a percentage of a month number means nothing to a reader; for a share,
   * "points" ("+3.3 points": 33% → 36% is not "+10%").
   */
  change?: "relative" | "months" | "points";
}

const CHANGE_FORMATS = {relative: formatChange, months: formatMonthsChange, points: formatPointsChange} as const;

/** The fraction a percentage reads as ("34%" → 0.34, "5.3%" → 0.053, "−12%" → −0.12); null for any other text. */
export function shownFraction(text: string): number | null {
  const match = /^([−-]?)([\d,]*\.?\d+)%$/.exec(text.trim());
  if (!match) return null;
  return ((match[1] ? -1 : 1) * Number(match[2]!.replace(/,/g, ""))) / 100;
}

export function Kpi(
  value: number | null,
  {
    format = (v) => String(Number(v.toPrecision(3))),
    base,
    baseLabel = "vs the start",
    testid,
    missing = "—",
    title,
    change: changeKind = "relative"
  }: KpiOptions = {}
): HTMLElement {
  // null is a figure that does not exist ("—"); anything else but a number is a page's mistake, named (format.ts).
  if (value !== null) requireNumber(value);
  const span = document.createElement("span");
  span.className = "story-kpi";
  if (testid) span.dataset.testid = testid;
  span.dataset.value = value === null ? "" : String(value);
  if (title) span.title = title;
  const strong = document.createElement("strong");
  strong.textContent = value === null ? missing : format(value);
  span.append(strong);
  // A share's change in points is between the two figures as shown: "33% (−0.11 points)" read beside a start of "34%"
  // (reader's audit); shown at whole percents it is "−1 point", and no change where both read "34%".
  const asShown = (v: number) => (changeKind === "points" ? (shownFraction(format(v)) ?? v) : v);
  const change =
    value === null
      ? ""
      : CHANGE_FORMATS[changeKind](asShown(value), base === null || base === undefined ? base : asShown(base));
  if (change && change !== "±0%") {
    const note = document.createElement("span");
    note.className = "story-kpi-change";
    note.textContent = ` (${change} ${baseLabel})`;
    span.append(note);
  }
  return span;
}
