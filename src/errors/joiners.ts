/**
 * Where a zero-width joiner (U+200D, ZWJ) or non-joiner (U+200C, ZWNJ) is part of real text, and so may be shown as
 * written (displayText.ts) and printed raw in a message (userError.ts). Anywhere else it draws nothing and only makes
 * two strings that look alike differ, so it is refused or escaped like the other zero-width characters.
 *
 * Sources of the rules:
 * - Emoji: UTS #51 (Unicode Emoji), ED-16 "emoji zwj sequence", and UAX #29 rule GB11, under which an emoji ZWJ
 *   sequence (👩‍💻 = U+1F469 U+200D U+1F4BB) is one extended grapheme cluster.
 * - Letters: UAX #31 (Unicode Identifiers and Syntax), section 2.3 "Layout and Format Control Characters":
 *   A1, ZWNJ breaking a cursive connection, /$LJ $T* ZWNJ $T* $RJ/ (Persian "می‌خواهم");
 *   A2, ZWNJ in a conjunct context, /$L $M* $V $M₁* ZWNJ/ (Devanagari "क्‌ष", a half form instead of a conjunct);
 *   B, ZWJ in a conjunct context, /$L $M* $V $M₁* ZWJ/ (Sinhala "ශ්‍රී", Devanagari "क्‍ष").
 *
 * Where this differs from those rules:
 * - Stricter, everywhere: a joiner is never first or last, never beside another joiner, a space or an ASCII character
 *   (a hidden joiner in "base" or between Latin letters is a spoof, not writing). A2 and B also need a letter after the
 *   joiner (UAX #31 asks only for what comes before), and allow no marks between the virama and the joiner ($M₁).
 * - Looser, in A1: JavaScript has no Joining_Type property, so $LJ and $RJ are any letter of a cursive-joining script
 *   (ArabicShaping.txt: Arabic, Syriac, N'Ko, Mandaic, Mongolian, Phags-pa, Manichaean, Psalter Pahlavi, Adlam), and
 *   $T is a nonspacing or enclosing mark. A ZWNJ after a right-joining letter (alef, dal, reh, waw), where it changes
 *   nothing, is let through.
 * - $V, the viramas (Canonical_Combining_Class 9), has no regular-expression property either: VIRAMAS lists them, from
 *   UnicodeData.txt 14.0.
 */

import {JOINER_CHARS} from "./unsafeChars.js";

const ZWNJ = "\u200c";
const ZWJ = "\u200d";

/** How far, in UTF-16 code units, a rule looks on each side of a joiner (marks on one letter are far fewer). */
const WINDOW = 32;

/** Canonical_Combining_Class = 9 (Virama) in UnicodeData.txt 14.0: Brahmic scripts' viramas, halants and killers. */
const VIRAMAS = new Set(
  [
    0x094d, 0x09cd, 0x0a4d, 0x0acd, 0x0b4d, 0x0bcd, 0x0c4d, 0x0ccd, 0x0d3b, 0x0d3c, 0x0d4d, 0x0dca, 0x0e3a, 0x0eba,
    0x0f84, 0x1039, 0x103a, 0x1714, 0x1715, 0x1734, 0x17d2, 0x1a60, 0x1b44, 0x1baa, 0x1bab, 0x1bf2, 0x1bf3, 0x2d7f,
    0xa806, 0xa82c, 0xa8c4, 0xa953, 0xa9c0, 0xaaf6, 0xabed, 0x10a3f, 0x11046, 0x11070, 0x1107f, 0x110b9, 0x11133,
    0x11134, 0x111c0, 0x11235, 0x112ea, 0x1134d, 0x11442, 0x114c2, 0x115bf, 0x1163f, 0x116b6, 0x1172b, 0x11839, 0x1193d,
    0x1193e, 0x119e0, 0x11a34, 0x11a47, 0x11a99, 0x11c3f, 0x11d44, 0x11d45, 0x11d97
  ].map((code) => String.fromCodePoint(code))
);

const JOINERS = new RegExp(`[${JOINER_CHARS}]`, "g");
const LETTER = /^\p{L}$/u;
const MARK = /^[\p{Mn}\p{Me}]$/u;
const NONSPACING = /^\p{Mn}$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
/** Scripts with cursive joining (ArabicShaping.txt), named as every engine that runs the site knows them. */
const CURSIVE =
  /^[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mandaic}\p{Script=Mongolian}\p{Script=Phags_Pa}\p{Script=Manichaean}\p{Script=Psalter_Pahlavi}\p{Script=Adlam}]$/u;
/** Neighbours that make a joiner a spoof whatever the rules say: a joiner, a space, an ASCII character. */
const NOT_BESIDE = /^[\u200c\u200d\s\p{Z}\u0000-\u007f]$/u;

const graphemes = new Intl.Segmenter(undefined, {granularity: "grapheme"});

/**
 * True when the joiner at `index` of `text` (a UTF-16 index of U+200C or U+200D) is part of real text: in an emoji
 * ZWJ sequence, or between two letters as UAX #31 A1, A2 or B allows (see the top of this file).
 */
export function joinerAllowed(text: string, index: number): boolean {
  const joiner = text[index];
  if (joiner !== ZWJ && joiner !== ZWNJ) return false;
  const before = [...text.slice(Math.max(0, index - WINDOW), index)];
  const after = [...text.slice(index + 1, index + 1 + WINDOW)];
  const prev = before.at(-1);
  const next = after[0];
  if (prev === undefined || next === undefined || NOT_BESIDE.test(prev) || NOT_BESIDE.test(next)) return false;
  if (joiner === ZWJ && PICTOGRAPH.test(next) && joinsCluster(text, index)) return true;
  if (afterVirama(before) && LETTER.test(next)) return true;
  return joiner === ZWNJ && cursiveLetter(lastUnmarked(before)) && cursiveLetter(after.find((c) => !MARK.test(c)));
}

/** True when every joiner in `text` is allowed: the text holds no hidden joiner. */
export function joinersAllowed(text: string): boolean {
  for (const match of text.matchAll(JOINERS)) if (!joinerAllowed(text, match.index)) return false;
  return true;
}

/** UAX #31 A2 and B's context: a letter, nonspacing marks, then a virama, ending right before the joiner. */
function afterVirama(before: string[]): boolean {
  if (!VIRAMAS.has(before.at(-1) ?? "")) return false;
  let i = before.length - 2;
  while (i >= 0 && NONSPACING.test(before[i] ?? "") && !VIRAMAS.has(before[i] ?? "")) i--;
  return LETTER.test(before[i] ?? "");
}

/** The last character of `chars` that is not a mark (A1's $T*), if any. */
function lastUnmarked(chars: string[]): string | undefined {
  for (let i = chars.length - 1; i >= 0; i--) if (!MARK.test(chars[i] ?? "")) return chars[i];
  return undefined;
}

function cursiveLetter(char: string | undefined): boolean {
  return char !== undefined && LETTER.test(char) && CURSIVE.test(char);
}

/** True when the ZWJ at `index` is inside a grapheme cluster, not at its end: it joins what follows (GB11). */
function joinsCluster(text: string, index: number): boolean {
  const start = Math.max(0, index - WINDOW);
  const local = index - start;
  const cluster = graphemes.segment(text.slice(start, index + 1 + WINDOW)).containing(local);
  return cluster !== undefined && cluster.index + cluster.segment.length > local + 1;
}
