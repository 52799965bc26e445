import {groupThousands} from "./groupThousands.js";
import {unitFactorOf} from "./quantity.js";

/**
 * A number whose digits are grouped in threes with points, as a European writes a thousand (`1.000`, `16.384`,
 * `1.000.000`), then an optional unit: sign, digits, unit.
 */
const POINT_GROUPED = /^\s*(\+?)(\d{1,3}(?:\.\d{3})+)(?![\d.eE_,])\s*(.*?)\s*$/;

/** The words of a round count a hint says was meant ("a thousand" for 1000), else undefined. */
const ROUND_WORDS = new Map([
  [1e3, "a thousand"],
  [1e6, "a million"],
  [1e9, "a billion"]
]);

/**
 * Why a whole-number key or flag refuses `written`, a value with its digits grouped by points (`1.000`, `16.384`,
 * `1.000.000`), where a decimal reading would silently take `1.000` as 1 (breaker: `--batch 1.000`, `--samples
 * 1.000` ran with 1): the error's message and a hint offering what was likely meant, `1` (the decimal reading, when
 * whole) and `1000 (1,000)` (the thousands), each only where `accepts` takes it (`accepts(value)`: in the key's
 * range), so a hint holds when pasted back. Undefined when `written` is not so grouped, or its unit (`unitFactor`:
 * the unit's factor to the base unit, `16.384k` is 16384 tokens) scales it.
 */
export function pointGroupedWhole(
  written: string,
  accepts: (value: number) => boolean,
  unitFactor: (unit: string) => number | undefined = unitFactorOf(undefined)
): {message: string; hint: string} | undefined {
  const match = POINT_GROUPED.exec(written);
  if (!match) return undefined;
  const [, sign = "", digits = "", unit = ""] = match;
  if (unitFactor(unit) !== 1) return undefined;
  // One token, not `1 tokens`.
  const singular = unit.endsWith("s") && unitFactor(unit.slice(0, -1)) === 1 ? unit.slice(0, -1) : unit;
  const withUnit = (number: string) => `${sign}${number}${unit === "" ? "" : ` ${number === "1" ? singular : unit}`}`;
  const decimal = Number(digits.split(".").length === 2 ? digits : NaN);
  const thousands = Number(digits.replace(/\./g, ""));
  const offers: string[] = [];
  const whole = Number.isInteger(decimal) && accepts(decimal);
  if (whole) offers.push(withUnit(String(decimal)));
  if (accepts(thousands)) {
    const grouped = `${withUnit(String(thousands))} (${withUnit(groupThousands(thousands))})`;
    offers.push(whole ? `${grouped} if ${ROUND_WORDS.get(thousands) ?? groupThousands(thousands)} was meant` : grouped);
  }
  const hint = "a whole number is written without a point";
  return {
    message: "a point in a whole number",
    hint: offers.length === 0 ? hint : `${hint}: write ${offers.join(", or ")}`
  };
}
