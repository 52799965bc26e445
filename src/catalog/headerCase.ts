import {UserError} from "../errors/userError.js";
import type {CsvPosition} from "./csvCells.js";

/** How many names a header-case error lists before "…". */
const LISTED = 6;

/**
 * A catalog CSV header's names (`found`, trimmed) with each that is one of `expected` in another case (`ID`,
 * `Power_W`) spelled as expected, and one error at the first of them naming them with their spelling; no error when
 * there is none. Each was its own "unknown column … did you mean id?", 28 for a header in capitals (breaker). A name
 * whose spelling the header also has is left as written (the header's other checks name it).
 */
export function caseFixedHeader(
  found: readonly string[],
  expected: readonly string[],
  file: string,
  at: (index: number) => CsvPosition
): {names: string[]; error?: UserError} {
  const spelling = (name: string) =>
    expected.includes(name) ? undefined : expected.find((e) => e.toLowerCase() === name.toLowerCase());
  const fixed = found.flatMap((name, i) => {
    const meant = spelling(name);
    return meant === undefined || found.includes(meant) ? [] : [{i, name, meant}];
  });
  const names = found.map((name, i) => fixed.find((f) => f.i === i)?.meant ?? name);
  if (fixed.length === 0) return {names};
  const list = (key: "name" | "meant") =>
    fixed
      .slice(0, LISTED)
      .map((f) => `'${f[key]}'`)
      .concat(fixed.length > LISTED ? ["…"] : [])
      .join(", ");
  const error = new UserError({
    file,
    ...at(fixed[0]!.i),
    message: `${fixed.length} column name${fixed.length === 1 ? "" : "s"} in another case`,
    expected: list("meant"),
    found: list("name"),
    hint: "column names are case-sensitive"
  });
  return {names, error};
}
