import {UserError} from "../errors/userError.js";
import {describeRange} from "../units/range.js";

/**
 * `steps` evenly spaced numbers from `from` to `to`, both included (one step gives [from]); the ends are exactly
 * `from` and `to`. Throws a UserError unless `steps` is an integer in [1, 100,000] and both ends are finite.
 *
 * Each value between the ends is the shortest decimal (fewest places after the point) within a tolerance of the
 * computed one, so that a grid a user writes in decimals comes back in the same decimals: 0.04:0.12:5 gives 0.08
 * and 0.1, not 0.07999999999999999 and 0.09999999999999999 (what the arithmetic gives in binary floating point), and a sweep's
 * CSV or JSON shows them as written. The tolerance is 1e-12 of the larger end (about 12 significant digits, far above
 * the few units in the last place the arithmetic errs by), capped at 1e-6 of a step, so a value moves by at most a
 * millionth of a step and the grid stays in order and strictly inside its ends. A value with no short decimal (a
 * third) is kept to about 12 significant digits: linspace(0, 1, 4) gives 0.333333333333.
 */
export function linspace(from: number, to: number, steps: number): number[] {
  for (const [path, value] of [
    ["from", from],
    ["to", to]
  ] as const) {
    if (!Number.isFinite(value))
      throw new UserError({path, message: "not a number", expected: "a finite number", found: String(value)});
  }
  if (!Number.isInteger(steps) || steps < 1 || steps > 100_000) {
    throw new UserError({
      path: "steps",
      message: "out of range",
      expected: describeRange({min: 1, max: 100_000, integer: true}),
      found: String(steps)
    });
  }
  if (steps === 1) return [from];
  if (from === to) return Array.from({length: steps}, () => from);
  // Each end divided first, so that ±1.7e308 does not overflow.
  const stepSize = Math.abs(to / (steps - 1) - from / (steps - 1));
  const tolerance = Math.min(1e-12 * Math.max(Math.abs(from), Math.abs(to)), 1e-6 * stepSize);
  const values: number[] = [from];
  for (let i = 1; i < steps - 1; i++)
    values.push(shortestDecimal(from * (1 - i / (steps - 1)) + to * (i / (steps - 1)), tolerance));
  values.push(to);
  return values;
}

/**
 * The number with the fewest significant decimal digits within `tolerance` (> 0) of `value`, +0 for −0; else `value`.
 * A large value is rounded to tens, hundreds, … as far as the tolerance allows: 4e15:1e15:4 gives 3e15, where the
 * arithmetic gives 3000000000000001 and whole numbers alone kept it (breaker, helper-224).
 */
function shortestDecimal(value: number, tolerance: number): number {
  // Rounding to `places` moves a value by at most half of 10^−places, so the search runs from the coarsest rounding
  // that can be within the tolerance to the finest it needs.
  const enough = Math.min(100, Math.max(0, Math.ceil(-Math.log10(2 * tolerance))));
  const coarsest = Math.min(0, -Math.floor(Math.log10(2 * tolerance)));
  for (let places = coarsest; places <= enough; places++) {
    const unit = 10 ** -places;
    const candidate = places >= 0 ? Number(value.toFixed(places)) : Math.round(value / unit) * unit;
    if (Math.abs(candidate - value) <= tolerance) return candidate + 0;
  }
  return value;
}
