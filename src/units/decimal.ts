/**
 * The one syntax for a plain number a user types where no unit is allowed (a command-line flag, a catalog cell, a
 * sweep's step count): decimal digits with an optional sign, fraction and exponent. No hex (`0x10`), binary (`0b11`),
 * octal (`0o7`), `Infinity`, `NaN`, thousands separators or empty text, all of which JavaScript's Number() would
 * accept or turn into 0. Underscores between groups of three digits (`1_000_000`) are allowed where `underscores` is set.
 */
export const DECIMAL_NUMERAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * DECIMAL_NUMERAL with underscores between groups of three digits: `1_000_000`, `0.000_001`; not `2_5` (a mistyped
 * 2.5 read as 25, silently; breaker).
 */
const DIGIT_GROUPS = /^[+-]?((\d{1,3}(_\d{3})+|\d+)(\.((\d{3}_)*\d+)?)?|\.(\d{3}_)*\d+)([eE][+-]?\d+)?$/;

/**
 * The number a decimal numeral denotes, or undefined when `text` is not one (see DECIMAL_NUMERAL) or is out of the
 * finite double range (`1e400`, or `1e-400`, which underflows to 0). Surrounding spaces are ignored; with `underscores`, `1_000` reads as 1000; `-0` as 0.
 */
export function readDecimal(text: string, {underscores = false} = {}): number | undefined {
  if (!isDecimalNumeral(text, {underscores})) return undefined;
  // `-0` reads as 0: a negative zero is printed "−0" (an electricity price of −0 USD/kWh, an energy cost of −0.00).
  const value = Number(text.trim().replace(/_/g, "")) + 0;
  return Number.isFinite(value) && !underflows(text, value) ? value : undefined;
}

/**
 * Whether a numeral whose digits are not all zero reads as 0, too small for a double (`1e-400`, `$1e-400`): refused as
 * `1e400` is, not read as a silent 0. `value` is the number it read as.
 */
export function underflows(text: string, value: number): boolean {
  return value === 0 && /[1-9]/.test(text.replace(/[eE].*$/, ""));
}

/** The hint for a number that underflows (underflows): what to write instead. */
export const UNDERFLOW_HINT = "too small for a double: write 0 if zero was meant";

/**
 * Whether `text` is written as a decimal numeral (DECIMAL_NUMERAL; with `underscores`, `1_000` too), whatever its
 * size: `1e400` is one, out of the finite double range, which readDecimal refuses.
 */
export function isDecimalNumeral(text: string, {underscores = false} = {}): boolean {
  return (underscores ? DIGIT_GROUPS : DECIMAL_NUMERAL).test(text.trim());
}
