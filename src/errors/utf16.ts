import {UserError, type UserErrorLocation} from "./userError.js";

/**
 * How a file saved as UTF-16 shows in its first bytes (or its first characters read as UTF-8), undefined for another:
 * its byte-order mark (0xFF 0xFE little-endian, 0xFE 0xFF big-endian), else a NUL beside every letter (ASCII in UTF-16
 * is its byte and a 0, after it in little-endian, before it in big-endian) over the first 32 pairs, at least half of
 * them NUL and no NUL on the other side.
 */
export function utf16Found(units: ArrayLike<number>): string | undefined {
  if (units[0] === 0xff && units[1] === 0xfe) return "a UTF-16 little-endian byte-order mark";
  if (units[0] === 0xfe && units[1] === 0xff) return "a UTF-16 big-endian byte-order mark";
  const pairs = Math.min(32, Math.floor(units.length / 2));
  const nuls = (side: number) =>
    Array.from({length: pairs}, (_, i) => units[2 * i + side] === 0).filter(Boolean).length;
  const [first, second] = [nuls(0), nuls(1)];
  if (pairs < 2 || (first > 0 && second > 0) || Math.max(first, second) * 2 < pairs) return undefined;
  return `UTF-16 ${second > 0 ? "little" : "big"}-endian without a byte-order mark (a NUL byte beside every letter)`;
}

/**
 * The error for a text file a user writes (a scenario, a catalog CSV) saved as UTF-16, at `at` (its start), when
 * `units` (utf16Found) show it is one: one error naming the encoding, where it was "not UTF-8 … byte 0xFF" (with a
 * byte-order mark) or "a NUL byte …, as in a binary or corrupted file" (breaker).
 */
export function utf16Error(units: ArrayLike<number>, at: UserErrorLocation): UserError | undefined {
  const found = utf16Found(units);
  if (found === undefined) return undefined;
  return new UserError({
    ...at,
    message: "UTF-16 text, not UTF-8",
    expected: "a text file in UTF-8",
    found,
    hint: /\.csv$/i.test(at.file ?? "")
      ? "save it as UTF-8: in Excel as CSV UTF-8 (Comma delimited), in an editor from its encoding menu"
      : "save it as UTF-8 from your editor's encoding menu"
  });
}
