// Issue 18, item 7: a user error is one printable line, whatever the found value holds.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {formatUserError, MAX_FOUND_CHARS, quoteFound} from "../../src/errors/userError.js";

describe("quoteFound", () => {
  it.each([
    ["700 W", "700 W"],
    ["1\r2", '"1\\r2"'],
    ["a\u202eb", '"a\\u202eb"'],
    // The Arabic letter mark changes direction too: a label refuses it (displayText.ts), and a message escapes it.
    ["a\u061cb", '"a\\u061cb"'],
    ["h100\ufff9", '"h100\\ufff9"'],
    ["nul\u0000", '"nul\\u0000"'],
    [" padded ", '" padded "'],
    ["\uFEFF---", '"\\ufeff---"'],
    // A joiner that is part of the text (joiners.ts) is shown as written, one that hides in it is escaped.
    ["Team 👩\u200d💻", "Team 👩\u200d💻"],
    ["می\u200cخواهم", "می\u200cخواهم"],
    ["ba\u200dse", '"ba\\u200dse"'],
    ["👩\u200d\u200d💻", '"👩\\u200d\\u200d💻"'],
    ["\u200c", '"\\u200c"'],
    // A character drawn as a commoner one is escaped, so that the value differs from its did-you-mean (breaker).
    ["full\u2011mesh", '"full\\u2011mesh"'],
    ["\u22125%", '"\\u22125%"'],
    ["\u20135%", '"\\u20135%"'],
    ["12\u00a0kW", '"12\\u00a0kW"']
  ])("%j → %s", (found, shown) => {
    expect(quoteFound(found)).toBe(shown);
  });

  it("cuts a long value and gives its length", () => {
    expect(quoteFound("9".repeat(1000))).toBe(`${"9".repeat(MAX_FOUND_CHARS - 1)}… (1000 characters)`);
  });
});

describe("formatUserError", () => {
  it("cuts a long value in the hint as quoteFound cuts a found value (breaker: printed whole)", () => {
    const long = "9".repeat(200);
    const text = formatUserError({message: "not a number", found: long, hint: `did you mean ${long}.5?`});
    expect(text).toBe(
      `not a number: found ${"9".repeat(79)}… (200 characters) (did you mean ${"9".repeat(79)}… (202 characters)?)`
    );
    // A short value is as written.
    expect(formatUserError({message: "m", hint: "did you mean 1.5?"})).toBe("m (did you mean 1.5?)");
  });

  it("is one line of printable characters, at most a few hundred long, for any text in any part", () => {
    fc.assert(
      fc.property(fc.string({maxLength: 3000, unit: "binary"}), fc.string({unit: "binary"}), (found, path) => {
        const line = formatUserError({file: "f.md", line: 1, column: 1, path, message: "bad", expected: "x", found});
        expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        expect(line.length).toBeLessThan(1200);
      })
    );
  });
});

describe("quoteFound: cut escapes", () => {
  it("never cuts an escape in two, leaving a lone backslash (500 en dashes)", () => {
    const quoted = quoteFound("\u2013".repeat(500));
    expect(quoted).toBe(`"${"\\u2013".repeat(13)}…" (500 characters)`);
  });
});
