import fc from "fast-check";
import {expect} from "vitest";
import type {ChipHourCostInput} from "../../src/tco/chipHourCost.js";
import {CHIP_HOUR_COST_RANGES, type ServingChipInput} from "../../src/strategy/servingChip.js";
import type {NumberRange, RangeTable} from "../../src/units/range.js";
import {isUserError} from "../../src/errors/userError.js";

/** Hours in a Julian year (src/units/si.ts): a chip priced at this many USD, recovered over one year at 0%, costs $1/h. */
export const HOURS_PER_YEAR = 8766;

/**
 * A chip whose hour costs exactly what is easy to write down: price ÷ 8766 of chip capital (r = 0, one-year life)
 * plus `systemUsdPerHour`, and nothing else; 2500/9 tokens/s at full utilisation = 10^6 tokens per hour.
 */
export function simpleChip(options: {
  chipUsdPerHour: number;
  vendorMargin: number;
  systemUsdPerHour?: number;
}): ServingChipInput {
  const chipPriceUsd = options.chipUsdPerHour * HOURS_PER_YEAR;
  const chipHour: ChipHourCostInput = {
    chipPriceUsd,
    systemOverheadFraction: (options.systemUsdPerHour ?? 0) / options.chipUsdPerHour,
    chipPowerW: 100,
    hostPowerFraction: 0,
    averageDrawFraction: 1,
    pue: 1,
    electricityUsdPerKwh: 0,
    facilityCapexUsdPerMw: 0,
    facilityLifeYears: 10,
    costOfCapitalPerYear: 0,
    usefulLifeYears: 1,
    operationsUsdPerChipHour: 0,
    vendorGrossMarginFraction: options.vendorMargin
  };
  return {chipHour, tokensPerSecondPerChip: 2500 / 9, utilizationFraction: 1};
}

/** A fast-check arbitrary for one number anywhere in `range` (bounds included unless exclusive). */
export function numberIn(range: NumberRange): fc.Arbitrary<number> {
  if (range.integer) {
    const min = Math.ceil(range.minExclusive ? range.min + 1 : range.min);
    const max = Math.floor(range.maxExclusive ? range.max - 1 : range.max);
    return fc.integer({min, max});
  }
  return fc.double({
    min: range.min,
    max: range.max,
    minExcluded: range.minExclusive ?? false,
    maxExcluded: range.maxExclusive ?? false,
    noNaN: true,
    noDefaultInfinity: true
  });
}

/** An arbitrary object with every field of a range table drawn from its range. */
export function recordIn<T>(ranges: RangeTable<T>): fc.Arbitrary<Record<string, number>> {
  const fields: Record<string, fc.Arbitrary<number>> = {};
  for (const [key, range] of Object.entries(ranges) as [string, NumberRange][]) fields[key] = numberIn(range);
  return fc.record(fields);
}

/** Any serving chip with every field in range. */
export const anyServingChip: fc.Arbitrary<ServingChipInput> = fc.record({
  chipHour: recordIn(CHIP_HOUR_COST_RANGES) as unknown as fc.Arbitrary<ChipHourCostInput>,
  tokensPerSecondPerChip: numberIn({min: 0.001, max: 1e9}),
  utilizationFraction: numberIn({min: 0.01, max: 1})
});

/** Every number anywhere inside `value` is finite (nulls and booleans are fine); names the first offender. */
export function expectAllFinite(value: unknown, path = "result"): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) expect.fail(`${path} is ${value}`);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  if (ArrayBuffer.isView(value)) {
    for (const [i, v] of Array.from(value as unknown as ArrayLike<number>).entries())
      expectAllFinite(v, `${path}[${i}]`);
    return;
  }
  for (const [key, child] of Object.entries(value)) expectAllFinite(child, `${path}.${key}`);
}

/** Calls `run` and returns the UserError it throws (failing if it throws nothing or something else). */
export function userErrorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  return expect.fail("expected a UserError, but nothing was thrown");
}

/** Values just outside `range` (and not numbers at all) that every range check must reject. */
export function outOfRangeValues(range: NumberRange): unknown[] {
  const values: unknown[] = [NaN, Infinity, "1"];
  if (range.min !== -Infinity)
    values.push(range.minExclusive ? range.min : range.min - Math.max(1, Math.abs(range.min)));
  if (range.max !== Infinity)
    values.push(range.maxExclusive ? range.max : range.max + Math.max(1, Math.abs(range.max)));
  if (range.integer) values.push(range.min + 0.5);
  return values;
}

/** Relative-or-absolute closeness for derived values of any size. */
export function expectClose(actual: number, expected: number, relative = 1e-12): void {
  const tolerance = relative * Math.max(1, Math.abs(expected));
  if (Math.abs(actual - expected) > tolerance)
    expect.fail(`expected ${actual} to be within ${tolerance} of ${expected}`);
}
