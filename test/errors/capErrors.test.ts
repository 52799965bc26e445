import {describe, expect, it} from "vitest";
import {capErrors, MAX_ERRORS_PER_FILE} from "../../src/errors/capErrors.js";
import {UserError} from "../../src/errors/userError.js";

const error = (line: number, message: string) =>
  new UserError({file: "m.csv", line, column: 1, message, expected: "x", found: "y"});

describe("capErrors", () => {
  it("keeps a short list whole", () => {
    const errors = [error(2, "bad id")];
    expect(capErrors(errors)).toEqual(errors);
  });

  it("names the kinds of the rest that are not among those shown", () => {
    const errors = [
      ...Array.from({length: MAX_ERRORS_PER_FILE}, (_, i) => error(i + 2, "bad id")),
      error(60, "bad id"),
      error(61, "bad date"),
      error(62, "bad URL")
    ];
    const capped = capErrors(errors);
    expect(capped).toHaveLength(MAX_ERRORS_PER_FILE + 1);
    expect(capped.at(-1)!.message).toBe(
      "m.csv:60:1: 3 more errors not shown, the first here: expected a file with fewer problems, found 53 errors " +
        '(fix the ones above first; the rest include "bad date" and "bad URL")'
    );
  });
});
