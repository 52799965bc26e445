import {UserError} from "./userError.js";
import {andList} from "../units/wordList.js";

/** The most errors one file reports; past it, one last line says how many more there are. */
export const MAX_ERRORS_PER_FILE = 50;

/**
 * The first MAX_ERRORS_PER_FILE errors, and a line counting the rest, placed at the first of them, so that a huge bad
 * file prints a short list: a scenario file, and a catalog or measurements CSV (a measurements file of garbage printed
 * 44,000 lines; breaker). The last line says whether the rest are of the kinds shown, or names the other kinds.
 * `file` names the file for that line when the first error left off has none.
 */
export function capErrors(errors: readonly UserError[], file?: string): UserError[] {
  if (errors.length <= MAX_ERRORS_PER_FILE) return [...errors];
  const shown = errors.slice(0, MAX_ERRORS_PER_FILE);
  const next = errors[MAX_ERRORS_PER_FILE]!.detail;
  const rest = errors.length - MAX_ERRORS_PER_FILE;
  const shownKinds = new Set(shown.map((error) => error.detail.message));
  const otherKinds = [...new Set(errors.slice(MAX_ERRORS_PER_FILE).map((error) => error.detail.message))].filter(
    (kind) => !shownKinds.has(kind)
  );
  const others =
    otherKinds.length === 0
      ? "the rest are of the kinds above"
      : `the rest include ${andList(otherKinds.slice(0, 3).map((kind) => `"${kind}"`))}` +
        (otherKinds.length > 3 ? ` and ${otherKinds.length - 3} more kinds` : "");
  const where = next.file ?? file;
  return [
    ...shown,
    new UserError({
      ...(where !== undefined ? {file: where} : {}),
      line: next.line ?? 1,
      column: next.column ?? 1,
      message: `${rest} more error${rest === 1 ? "" : "s"} not shown, the first here`,
      expected: "a file with fewer problems",
      found: `${errors.length} errors`,
      hint: `fix the ones above first; ${others}`
    })
  ];
}
