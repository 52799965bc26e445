import {distance} from "fastest-levenshtein";
import {UserError} from "../errors/userError.js";

/**
 * The `n` candidates closest to `word`, best first, compared case-insensitively. The score is the Levenshtein
 * distance to the whole candidate, or to the candidate's first `word.length` characters plus 0.5 if that is
 * smaller, so that a truncated id (`h10`) ranks its completions (`h100-sxm`) first. Ties go to the smaller
 * whole-word distance, then alphabetical order.
 */
export function closestMatches(word: string, candidates: readonly string[], n = 3): string[] {
  const w = word.toLowerCase();
  const scored = [...new Set(candidates)].map((candidate) => {
    const c = candidate.toLowerCase();
    const whole = distance(w, c);
    const prefix = c.length > w.length ? distance(w, c.slice(0, w.length)) + 0.5 : whole;
    return {candidate, score: Math.min(whole, prefix), whole};
  });
  scored.sort(
    (a, b) =>
      a.score - b.score || a.whole - b.whole || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0)
  );
  return scored.slice(0, Math.max(0, n)).map((s) => s.candidate);
}

/**
 * The row whose id is `id`. Throws a UserError "unknown hardware id 'h10'" whose hint lists the three closest ids;
 * `flag` names the command-line flag that carried the id, if any.
 */
export function findById<T extends {id: string}>(
  rows: readonly T[],
  id: string,
  what: "hardware" | "model",
  flag?: string
): T {
  const row = rows.find((r) => r.id === id);
  if (row) return row;
  const ids = rows.map((r) => r.id);
  const close = closestMatches(id, ids, 3);
  throw new UserError({
    message: `unknown ${what} id '${id}'`,
    ...(flag ? {flag} : {}),
    expected: `one of the ${ids.length} ${what} ids in the catalog`,
    ...(close.length ? {hint: `did you mean ${orList(close.map((c) => `'${c}'`))}?`} : {})
  });
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
