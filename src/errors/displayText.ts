/**
 * Text a user gives to be shown as it is written (a scenario's `title:`, `label:`, `description:`, a new project's
 * --title, a catalog's text cells): on every page, on
 * /compare's charts and in the CLI. Characters a reader cannot see, or that reorder what they see, are refused.
 */

import {joinerAllowed} from "./joiners.js";
import {BIDI_CHARS, CONTROL_CHARS, INVISIBLE_CHARS, JOINER_CHARS} from "./unsafeChars.js";

/** One character of a kind refused in shown text: why, and the character as a reader can name it (`U+202E`). */
export interface DisplayTextProblem {
  /** The error message, like "a label with a direction-changing character". */
  message: string;
  /** The first refused character and where it is among the text's characters (1-based): `U+202E at character 4`. */
  found: string;
}

// The kinds of src/errors/unsafeChars.ts, the characters userError.ts escapes in messages; a line feed is allowed
// where `lines` is set (a description may span lines).
const CONTROL = new RegExp(`[${CONTROL_CHARS}]`, "u");
const BIDI = new RegExp(`[${BIDI_CHARS}]`, "u");
const INVISIBLE = new RegExp(`[${INVISIBLE_CHARS}]`, "u");
const JOINER = new RegExp(`[${JOINER_CHARS}]`, "u");

/**
 * The first problem with `text` as shown text for `key`, or undefined when it may be shown: a control character
 * (C0, C1 and DEL; a line feed only where `lines` allows line breaks), a direction-changing character, or a
 * zero-width character (a zero-width joiner or non-joiner only where it is not part of an emoji sequence or of a
 * word that uses it: joiners.ts). An empty or blank value is reported by the caller as missing.
 */
export function displayTextProblem(
  key: string,
  text: string,
  {lines = false}: {lines?: boolean} = {}
): DisplayTextProblem | undefined {
  const chars = [...text];
  for (let i = 0, offset = 0; i < chars.length; offset += (chars[i] ?? "").length, i++) {
    const char = chars[i] ?? "";
    const kind =
      char === "\n" && lines
        ? undefined
        : CONTROL.test(char)
          ? "a control character"
          : BIDI.test(char)
            ? "a direction-changing character"
            : INVISIBLE.test(char) || (JOINER.test(char) && !joinerAllowed(text, offset))
              ? "a zero-width character"
              : undefined;
    if (kind !== undefined)
      return {
        message: `${/^[aeiou]/i.test(key) ? "an" : "a"} ${key} with ${kind}`,
        found: `${codePoint(char)} at character ${i + 1}`
      };
  }
  return undefined;
}

const NAMES: Record<string, string> = {
  "\t": "tab",
  "\n": "line break",
  "\r": "carriage return",
  "\u2028": "line separator",
  "\u2029": "paragraph separator"
};

/** `U+202E` for a character, with the name of the common ones: `U+0009 tab`. */
function codePoint(char: string): string {
  const hex = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  return NAMES[char] ? `${hex} ${NAMES[char]}` : hex;
}

const graphemes = new Intl.Segmenter(undefined, {granularity: "grapheme"});

/**
 * The characters a reader sees in `text`: grapheme clusters, so that an "é" written as "e" and a combining accent,
 * or a flag of two code points, counts as one. This is what a label's length limit counts.
 */
export function visibleLength(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}
