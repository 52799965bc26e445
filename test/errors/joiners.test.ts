// Zero-width joiners in real text (src/errors/joiners.ts). Sources: UTS #51 ED-16 and UAX #29 GB11 (emoji ZWJ
// sequences), UAX #31 section 2.3 rules A1 (ZWNJ breaking a cursive connection), A2 (ZWNJ after a virama) and B (ZWJ
// after a virama); plus this project's own refusals: never first, last, doubled, beside a space or an ASCII character.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {joinerAllowed, joinersAllowed} from "../../src/errors/joiners.js";

const ZWJ = "\u200d";
const ZWNJ = "\u200c";

describe("joinersAllowed", () => {
  it.each([
    ["an emoji ZWJ sequence (UTS #51, GB11)", "Team 👩‍💻"],
    ["a flag sequence with a variation selector before the ZWJ", "🏳️‍🌈"],
    ["a family of four emoji", "👨‍👩‍👧‍👦"],
    ["Persian ZWNJ between two dual-joining letters (A1)", "می‌خواهم"],
    ["Persian ZWNJ before a plural suffix (A1)", "کتاب‌ها"],
    ["Persian ZWNJ after a letter with a mark (A1, $T*)", "خانهٔ‌ما"],
    ["Devanagari ZWNJ after a virama (A2)", "क्‌ष"],
    ["Devanagari ZWJ after a virama (B)", "क्‍ष"],
    ["Sinhala ZWJ after the al-lakuna (B)", "ශ්‍රී"],
    ["Bengali ZWJ after a virama (B)", "র্‍য"]
  ])("allows %s", (_, text) => {
    expect(joinersAllowed(text)).toBe(true);
  });

  it.each([
    ["a joiner first", `${ZWJ}👩`],
    ["a joiner last", `👩${ZWJ}`],
    ["a joiner last after a virama (Malayalam's old chillu, now U+0D7A–U+0D7F)", `ന്${ZWJ}`],
    ["two joiners", `👩${ZWJ}${ZWJ}💻`],
    ["a ZWNJ doubled in Persian", `می${ZWNJ}${ZWNJ}خواهم`],
    ["a joiner beside a space", `👩${ZWJ} 💻`],
    ["a ZWNJ beside a space in Persian", `می ${ZWNJ}خواهم`],
    ["a joiner hidden in an ASCII id", `ba${ZWJ}se`],
    ["a ZWNJ hidden in an ASCII id", `ba${ZWNJ}se`],
    ["a joiner between Latin letters", `café${ZWJ}ö`],
    ["a joiner between accented letters and a combining mark", `é${ZWJ}\u0301`],
    ["a ZWJ between Arabic letters (not in UAX #31)", `می${ZWJ}خواهم`],
    ["a ZWNJ in an emoji sequence", `👩${ZWNJ}💻`],
    ["a ZWNJ between Devanagari letters with no virama (A2 needs one)", `क${ZWNJ}ष`],
    ["a ZWNJ between Persian and Devanagari", `ی${ZWNJ}क`],
    ["a ZWJ after a virama with no letter after it", `क्${ZWJ}👩`],
    ["a ZWJ between an emoji and a letter", `👩${ZWJ}क`]
  ])("refuses %s", (_, text) => {
    expect(joinersAllowed(text)).toBe(false);
  });

  it("refuses a joiner beside any ASCII character or space, whatever is on its other side", () => {
    const ascii = fc.integer({min: 0, max: 0x7f}).map((code) => String.fromCharCode(code));
    const other = fc.constantFrom("👩", "💻", "ی", "خ", "क्", "ष", "ශ්", "ර", "\u00a0", "\u3000");
    fc.assert(
      fc.property(ascii, other, fc.constantFrom(ZWJ, ZWNJ), fc.boolean(), (a, b, joiner, asciiFirst) => {
        expect(joinersAllowed(asciiFirst ? `${a}${joiner}${b}` : `${b}${joiner}${a}`)).toBe(false);
      })
    );
  });

  it("refuses a joiner at either end of any text, and two joiners side by side", () => {
    const joiner = fc.constantFrom(ZWJ, ZWNJ);
    fc.assert(
      fc.property(fc.string({unit: "grapheme"}), joiner, joiner, (text, first, second) => {
        expect(joinersAllowed(`${first}${text}`)).toBe(false);
        expect(joinersAllowed(`${text}${first}`)).toBe(false);
        expect(joinersAllowed(`${text}${first}${second}${text}`)).toBe(false);
      })
    );
  });

  it("allows any emoji ZWJ sequence and keeps deciding the same way inside longer text", () => {
    const emoji = fc.constantFrom("👩", "👨", "💻", "🔬", "🌈", "🏳️", "❤️", "🧑", "🤝");
    fc.assert(
      fc.property(emoji, emoji, fc.constantFrom("", "Team ", "ابن "), (a, b, prefix) => {
        expect(joinersAllowed(`${prefix}${a}${ZWJ}${b}`)).toBe(true);
      })
    );
  });

  it("answers false for an index that is not a joiner", () => {
    expect(joinerAllowed("👩‍💻", 0)).toBe(false);
    expect(joinerAllowed("👩‍💻", 2)).toBe(true);
  });
});
