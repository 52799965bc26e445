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
 * Characters that draw nothing: the soft hyphen (U+00AD), the Mongolian vowel separator (U+180E), the zero-width space
 * (U+200B), the word joiner and invisible operators (U+2060–U+2064), the deprecated format
 * characters (U+206A–U+206F), the Hangul fillers (U+3164, U+FFA0), the byte-order mark (U+FEFF) and the interlinear
 * annotation marks (U+FFF9–U+FFFB). The zero-width non-joiner and joiner (U+200C, U+200D) draw nothing either, but
 * are part of Persian, Indic and emoji text: joiners.ts says where they are, and they count as these anywhere else.
 */
export const INVISIBLE_CHARS =
  "\\u00ad\\u180e\\u200b\\u2060-\\u2064\\u206a-\\u206f\\u3164\\uffa0\\ufeff\\ufff9-\\ufffb";

/**
 * The hint for a byte-order mark (U+FEFF) in a value, which trim() and \s take for a space and so read past: said by
 * readQuantity (a scenario value, `batch: "\uFEFF64"`) and by checkFlagValues (any flag's value, `--batch \uFEFF64`).
 */
export const BYTE_ORDER_MARK_HINT = "a byte-order mark (U+FEFF), invisible in most editors, is in the value: remove it";

/** The zero-width non-joiner and joiner (U+200C, U+200D): unsafe only where joiners.ts says they are not real text. */
export const JOINER_CHARS = "\\u200c\\u200d";

/**
 * Characters that draw as another, commoner one: dashes drawn as a hyphen-minus (the hyphen U+2010, non-breaking hyphen
 * U+2011, figure dash U+2012, en dash U+2013, minus sign U+2212, small and fullwidth hyphen-minus U+FE63, U+FF0D) and
 * spaces drawn as a space (no-break U+00A0, the typographic spaces U+2000–U+200A, narrow no-break U+202F, medium
 * mathematical U+205F, ideographic U+3000). Safe to print, but a found value with one can look like the value its
 * did-you-mean offers (`full\u2011mesh`, with U+2011, beside `full-mesh`; breaker), so a message escapes them in what it found.
 */
const LOOKALIKE_DASH_CHARS = "\\u2010-\\u2013\\u2212\\ufe63\\uff0d";
const LOOKALIKE_SPACE_CHARS = "\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000";
export const LOOKALIKE_CHARS = LOOKALIKE_DASH_CHARS + LOOKALIKE_SPACE_CHARS;

const LOOKALIKE_DASHES = new RegExp(`[${LOOKALIKE_DASH_CHARS}]`, "g");
const LOOKALIKE_SPACES = new RegExp(`[${LOOKALIKE_SPACE_CHARS}]`, "g");

/**
 * `text` with each look-alike character (LOOKALIKE_CHARS) as the ASCII character it draws as: the dashes as a
 * hyphen-minus, the spaces as a space. What a did-you-mean compares, so that `h100\u2011sxm` (a non-breaking hyphen
 * pasted from a document) is offered `h100-sxm` (breaker).
 */
export function foldLookalikes(text: string): string {
  return text.replace(LOOKALIKE_DASHES, "-").replace(LOOKALIKE_SPACES, " ");
}

/**
 * The name of a dash or space a message names when it stands for an ASCII one (`—batch`, `1\u00a0000`): "an em dash",
 * "a no-break space"; undefined for another character.
 */
export function lookalikeName(char: string): string | undefined {
  return LOOKALIKE_NAMES[char];
}

const LOOKALIKE_NAMES: Readonly<Record<string, string>> = {
  "\u2010": "a Unicode hyphen (U+2010)",
  "\u2011": "a non-breaking hyphen",
  "\u2012": "a figure dash",
  "\u2013": "an en dash",
  "\u2014": "an em dash",
  "\u2015": "a horizontal bar",
  "\u2212": "a minus sign (U+2212)",
  "\ufe63": "a small hyphen-minus",
  "\uff0d": "a fullwidth hyphen-minus",
  "\u00a0": "a no-break space",
  "\u2009": "a thin space",
  "\u202f": "a narrow no-break space",
  "\u2007": "a figure space",
  "\u3000": "an ideographic space"
};
