/**
 * Characters that must not reach a reader or a terminal as they are, by kind: the one home of the sets that
 * userError.ts escapes in messages and displayText.ts refuses in a scenario's shown text (`title:`, `label:`).
 * Each is the body of a regular-expression character class.
 */

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators (U+2028, U+2029). */
export const CONTROL_CHARS = "\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029";

/**
 * Bidirectional controls, which can make a line read backwards: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069), the left-to-right and right-to-left marks (U+200E, U+200F) and the Arabic letter mark (U+061C).
 */
export const BIDI_CHARS = "\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c";

/**
 * Characters that draw nothing: the soft hyphen (U+00AD), the Mongolian vowel separator (U+180E), zero-width space and
 * (non-)joiners (U+200B–U+200D), the word joiner and invisible operators (U+2060–U+2064), the deprecated format
 * characters (U+206A–U+206F), the Hangul fillers (U+3164, U+FFA0), the byte-order mark (U+FEFF) and the interlinear
 * annotation marks (U+FFF9–U+FFFB).
 */
export const INVISIBLE_CHARS =
  "\\u00ad\\u180e\\u200b-\\u200d\\u2060-\\u2064\\u206a-\\u206f\\u3164\\uffa0\\ufeff\\ufff9-\\ufffb";
