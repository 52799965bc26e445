// A failed site build says what to do where Framework's text shows it: a project built before `npm install` failed
// with "Cannot find package 'token-ledger' imported from …" cut at the found text's length, and no word of npm install
// (breaker).
import {describe, expect, it} from "vitest";
import {buildFailureHint} from "../../../src/node/site/build.js";

describe("buildFailureHint", () => {
  it("tells a package the pages import that is not installed to run npm install in the project", () => {
    const failure = "Unexpected error: Cannot find package 'token-ledger' imported from /tmp/bp/observablehq.config.js";
    expect(buildFailureHint(failure, "/tmp/bp")).toBe(
      "the package token-ledger is not installed: run npm install in /tmp/bp"
    );
    expect(buildFailureHint("Cannot find module '@observablehq/plot'", "/p")).toBe(
      "the package @observablehq/plot is not installed: run npm install in /p"
    );
  });

  it("says nothing for a missing file (a relative or absolute path) or another failure", () => {
    expect(buildFailureHint("Cannot find module './components/x.js'", "/p")).toBeUndefined();
    expect(buildFailureHint("Cannot find module '/p/docs/x.js'", "/p")).toBeUndefined();
    expect(buildFailureHint("SyntaxError: Unexpected token", "/p")).toBeUndefined();
  });
});
