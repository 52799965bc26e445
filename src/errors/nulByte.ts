import {UserError, type UserErrorLocation} from "./userError.js";
import {truncate} from "./truncate.js";
import {utf16Error} from "./utf16.js";

/**
 * Where the first of `offsets` (at least one) is in `text`, lines counted at LF, and what an error found there: `what`
 * after the text before it on its line (or at the start of the line), then how many more there are and where the
 * next is.
 */
export function strayFound(text: string, offsets: readonly number[], what: string) {
  const place = (offset: number) => {
    const before = text.slice(0, offset);
    const start = before.lastIndexOf("\n") + 1;
    return {line: before.split("\n").length, column: offset - start + 1, before: text.slice(start, offset)};
  };
  const {line, column, before} = place(offsets[0]!);
  const after =
    before.trim() === "" ? `at the start of line ${line}` : `after ${JSON.stringify(truncate(before.trim()))}`;
  const next = offsets[1] === undefined ? undefined : place(offsets[1]);
  const more = next && `, then ${offsets.length - 1} more, the next at line ${next.line}, column ${next.column}`;
  const then = next && offsets.length === 2 ? `, then 1 more at line ${next.line}, column ${next.column}` : more;
  return {line, column, found: `${what} ${after}${then ?? ""}`};
}

/**
 * The error for a NUL character (\0) in a text file a user writes (a scenario, a catalog CSV), at the first one;
 * undefined when there is none. No text file holds one: a binary file, a corrupted one, or one saved as UTF-16 (a NUL
 * beside every ASCII letter). It read as whatever the value around it was refused for (`batch: 6\04` was "wrong unit",
 * a CSV's `70\00` "not a number"; testers). A file in UTF-16 is utf16Error's one error, at its start. `at` gives the
 * error's place from its line and column (the file, and whatever else the caller knows there, such as a CSV cell's
 * column name).
 */
export function nulError(text: string, at: (line: number, column: number) => UserErrorLocation): UserError | undefined {
  const nuls = [...text.matchAll(/\0/g)].map((match) => match.index);
  if (nuls.length === 0) return undefined;
  // A file saved as UTF-16 without a byte-order mark: one error naming the encoding.
  const units = Array.from(text.slice(0, 64), (char) => char.charCodeAt(0));
  const utf16 = utf16Error(units, at(1, 1));
  if (utf16) return utf16;
  const {line, column, found} = strayFound(text, nuls, "a NUL");
  return new UserError({
    ...at(line, column),
    message: "a NUL byte (\\0), as in a binary or corrupted file",
    expected: "a text file in UTF-8",
    found,
    hint:
      "delete it in a text editor, or restore the file; a file saved as UTF-16 has one beside every letter: " +
      "save it as UTF-8"
  });
}
