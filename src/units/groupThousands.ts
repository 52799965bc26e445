/**
 * One formatter per number of decimals: Number.prototype.toLocaleString with options builds a new Intl.NumberFormat on
 * every call (~30 µs), and a scenario page formats every assumption on each slider move (issue #17's long tasks).
 */
const GROUPED: Intl.NumberFormat[] = [];

/**
 * A number written exactly, its thousands grouped with commas, as messages state a count or a bound:
 * groupThousands(2000000) → "2,000,000", groupThousands(9007199254740991) → "9,007,199,254,740,991",
 * groupThousands(102512.5, 1) → "102,512.5". The one home of that idiom (Intl's en-US grouping); a scaled reading
 * ("2M", "$1.93M") is reportFormat.ts's formatCount and formatUsd.
 *
 * @param value Any finite number.
 * @param maximumFractionDigits Decimals kept at most (default 3, Intl's), trailing zeros dropped.
 * @returns The grouped text, "−" written as "-" (as typed on a command line).
 */
export function groupThousands(value: number, maximumFractionDigits = 3): string {
  return (GROUPED[maximumFractionDigits] ??= new Intl.NumberFormat("en-US", {maximumFractionDigits})).format(value);
}
