import {isInRange, type NumberRange} from "../../units/range.js";

/** The nearest values of a key, either side of one that fails a check, at which the check passes. */
export interface WorkableValues {
  /** The largest passing value below the failing one (absent when the range's lower end fails too). */
  atMost?: number;
  /** The smallest passing value above the failing one (absent when the range's upper end fails too). */
  atLeast?: number;
}

/** Halvings of an interval before the search stops (2⁻⁶⁰ of the interval: below a double's precision). */
const MAX_HALVINGS = 60;

/**
 * Where a check on a key changes from pass to fail, either side of a value `failing` at which it fails, within the
 * key's `range` (an integer key's whole numbers when `integer`): the largest passing value below `failing` when the
 * range's lower end passes, and the smallest above it when the upper end passes, each found by bisection. The check
 * is assumed to change once between an end and `failing` (a model input that grows or shrinks with the key, as a
 * custom chip's system overhead with finance.systemOverhead); each value returned passes the check, whatever it is.
 * An excluded end is stood in for by a value just inside it; an infinite end is not searched. Used for errors
 * about a model input computed from several keys, so that they can say what the user's key should be
 * (modelErrorAtKey), not only what the computed input was.
 *
 * Input: `failing` a value of the key in `range` (base units); `passes(value)` true when the model accepts the point
 * with the key at `value` (it must not throw). Output: the values found, in base units, rounded to the fewest
 * significant digits (from 3) that still pass and stay on their side of `failing`; {} when neither end passes.
 */
export function workableValues(
  failing: number,
  range: NumberRange,
  integer: boolean,
  passes: (value: number) => boolean
): WorkableValues {
  const result: WorkableValues = {};
  const allowed = (value: number) => isInRange(value, range) && passes(value);
  // An excluded end's stand-in: a millionth of the range's width inside it (the nearest double to 0 is 5e-324, which
  // a model reading mm² as cm² takes for 0; a die area in (0, 858 mm²]).
  const width = range.max - range.min;
  const low = insideEnd(range.min, range.minExclusive === true, +1, integer, width);
  const high = insideEnd(range.max, range.maxExclusive === true, -1, integer, width);
  // A boundary within a billionth of the range's width of its end is that end, where the end passes: a model's
  // tolerance (a sum ≤ 1 + 1e-12) put "at most 9.99e-13" where 0 was meant (second-round breaker).
  const snap = (value: number, end: number | undefined) =>
    end !== undefined && Number.isFinite(width) && Math.abs(value - end) <= width * 1e-9 ? end : value;
  if (low !== undefined && low < failing && passes(low)) {
    const found = snap(boundary(low, failing, integer, passes), low);
    result.atMost = found === low ? low : shortest(found, failing, -1, integer, allowed);
  }
  if (high !== undefined && high > failing && passes(high)) {
    const found = snap(boundary(high, failing, integer, passes), high);
    result.atLeast = found === high ? high : shortest(found, failing, +1, integer, allowed);
  }
  return result;
}

/**
 * The range's end, or a value just inside it (`inward` +1 for the lower end) when it is excluded: a millionth of the
 * range's `width` (a millionth of the end itself for an unbounded range). Undefined for an infinite end.
 */
function insideEnd(
  end: number,
  excluded: boolean,
  inward: 1 | -1,
  integer: boolean,
  width: number
): number | undefined {
  if (!Number.isFinite(end)) return undefined;
  if (!excluded) return integer ? (inward > 0 ? Math.ceil(end) : Math.floor(end)) : end;
  if (integer) return inward > 0 ? Math.floor(end) + 1 : Math.ceil(end) - 1;
  const step = Number.isFinite(width) ? width * 1e-6 : Math.abs(end) * 1e-6;
  return step > 0 ? end + inward * step : undefined;
}

/** The passing value nearest `failing` between `pass` (passes) and `failing` (fails), by bisection. */
function boundary(pass: number, failing: number, integer: boolean, passes: (value: number) => boolean): number {
  let good = pass;
  let bad = failing;
  for (let i = 0; i < MAX_HALVINGS; i++) {
    const middle = integer ? Math.trunc((good + bad) / 2) : good + (bad - good) / 2;
    if (middle === good || middle === bad) break;
    if (passes(middle)) good = middle;
    else bad = middle;
  }
  return good;
}

/**
 * `value` (which passes) at the fewest significant digits from 3 that still pass within the range, rounded away from `failing`
 * (`away` −1: down): 19.23… is offered as 19.2, not 19.23076923, nor 19.3, which would fail.
 */
function shortest(
  value: number,
  failing: number,
  away: 1 | -1,
  integer: boolean,
  passes: (value: number) => boolean
): number {
  for (let digits = 3; digits < 16; digits++) {
    const scale = 10 ** (Math.floor(Math.log10(Math.abs(value) || 1)) - digits + 1);
    let rounded = (away < 0 ? Math.floor(value / scale) : Math.ceil(value / scale)) * scale;
    rounded = Number(rounded.toPrecision(digits));
    if (integer) rounded = away < 0 ? Math.floor(rounded) : Math.ceil(rounded);
    const beyond = away < 0 ? rounded < failing && rounded <= value : rounded > failing && rounded >= value;
    if (beyond && passes(rounded)) return rounded;
  }
  return value;
}
