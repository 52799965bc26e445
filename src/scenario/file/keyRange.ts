import {formatQuantity, type Dimension} from "../../units/quantity.js";

/** The values a scenario key accepts, in its base unit: an interval with open or closed ends. */
export interface KeyRange {
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
}

/** Every finite number. */
export const ANY_NUMBER: KeyRange = {min: -Infinity, max: Infinity, minInclusive: false, maxInclusive: false};

const INTERVAL = /^\s*([[(])\s*([^,]+?)\s*,\s*([^,]+?)\s*([\])])\s*$/;

/**
 * Reads interval notation in base units: `[0, 1]`, `(0, 1]`, `[1, ∞)`, `(-∞, ∞)`. Used on the schema table when the
 * module loads; a malformed range is a programming error, so it throws a plain Error.
 */
export function parseRange(text: string): KeyRange {
  const match = INTERVAL.exec(text);
  const min = match ? bound(match[2] ?? "") : NaN;
  const max = match ? bound(match[3] ?? "") : NaN;
  if (!match || Number.isNaN(min) || Number.isNaN(max) || !(min <= max)) {
    throw new Error(`malformed range ${JSON.stringify(text)}: expected interval notation like "(0, 1]"`);
  }
  return {min, max, minInclusive: match[1] === "[", maxInclusive: match[4] === "]"};
}

function bound(text: string): number {
  if (text === "∞" || text === "+∞") return Infinity;
  if (text === "-∞" || text === "−∞") return -Infinity;
  return text.trim() === "" ? NaN : Number(text);
}

export function inRange(value: number, range: KeyRange): boolean {
  const aboveMin = range.minInclusive ? value >= range.min : value > range.min;
  const belowMax = range.maxInclusive ? value <= range.max : value < range.max;
  return aboveMin && belowMax;
}

/** `(0, 1]`, or with a dimension `(0 W, ∞)`: each finite end formatted in the dimension's display unit. */
export function formatRange(range: KeyRange, dimension?: Dimension): string {
  const end = (value: number) =>
    value === Infinity
      ? "∞"
      : value === -Infinity
        ? "-∞"
        : dimension
          ? formatQuantity(value, dimension)
          : String(value);
  return `${range.minInclusive ? "[" : "("}${end(range.min)}, ${end(range.max)}${range.maxInclusive ? "]" : ")"}`;
}

/** True when the range admits only values >= 0 (a lognormal fits a 90% interval of such a key). */
export function isNonNegative(range: KeyRange): boolean {
  return range.min >= 0;
}
