import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {blamedKey, scenarioErrorAtCause, scenarioValueError} from "../../../src/scenario/file/scenarioErrors.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {applyOverrides} from "../../../src/scenario/resolve/applyOverrides.js";

const dir = mkdtempSync(join(tmpdir(), "token-ledger-errors-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function resolve(name: string, text: string) {
  const path = join(dir, `${name}.md`);
  writeFileSync(path, text);
  return loadScenarioLibrary([path]).resolve(name);
}

describe("scenarioValueError", () => {
  it("places a key left at its default at line 1 of the scenario's file, and says it is the default", () => {
    const resolved = resolve("plain", "---\ntitle: t\n---\n");
    const error = scenarioValueError(resolved, "serving.tensorParallel", {message: "m", expected: "e", found: "f"});
    expect(error.detail).toMatchObject({
      file: resolved.file,
      line: 1,
      column: 1,
      path: "serving.tensorParallel",
      message: "m (serving.tensorParallel is at its default: set it in this file's front matter)"
    });
  });
});

// `--set serving.batch=64,128` reads as 64128 (a comma before three digits groups thousands), and was told only "a
// batch of 64,128 does not fit in memory … found 64,128", far from the comma and with no word of the reading (helper
// item). The message says how it was read; the hint a list gets is offered when each part is a value on its own.
describe("scenarioValueError on an override written with grouping commas", () => {
  const base = () => resolve("grouped", "---\ntitle: t\n---\n");
  const detail = {message: "does not fit", expected: "at most 372", found: "64,128"};

  it("says how 64,128 was read, with the list hint, in --set's words and in a link's", () => {
    const error = scenarioValueError(applyOverrides(base(), ["serving.batch=64,128"]), "serving.batch", detail);
    expect(error.detail).toMatchObject({
      flag: "--set",
      message: "does not fit (64,128 was read as 64128)",
      // sweep's FROM:TO:STEPS for 64 and 128 is 64:128:2 (severalValues.ts, severalValuesHint).
      hint:
        "--set takes one value: to try several, sweep --vary serving.batch=64:128:2, or one run per value " +
        "(--set serving.batch=64, then --set serving.batch=128)"
    });
    const link = scenarioValueError(applyOverrides(base(), ["serving.batch=64,128"], "URL"), "serving.batch", detail);
    expect(link.detail).toMatchObject({
      flag: "URL",
      message: "does not fit (64,128 was read as 64128)",
      hint: "a link sets one value per key: to try several, one link per value (set=serving.batch=64, then set=serving.batch=128)"
    });
  });

  it("says how 1,000 was read, with no list hint (000 is no value anyone lists), and keeps a hint the check gave", () => {
    const resolved = applyOverrides(base(), ["serving.batch=1,000"]);
    const error = scenarioValueError(resolved, "serving.batch", {...detail, found: "1,000", hint: "h"});
    expect(error.detail).toMatchObject({message: "does not fit (1,000 was read as 1000)", hint: "h"});
  });

  it("says nothing more of a value written without a grouping comma", () => {
    const resolved = applyOverrides(base(), ["serving.batch=64128"]);
    expect(scenarioValueError(resolved, "serving.batch", detail).detail).toEqual({
      ...detail,
      flag: "--set",
      path: "serving.batch"
    });
  });
});

describe("scenarioValueError on a key written null", () => {
  // parent.md sets serving.tensorParallel: 8 (line 3); child.md takes it back with null (line 4, column 19, after
  // "  tensorParallel: "), so the key has its schema default (2) and the child's null is what changed it.
  writeFileSync(join(dir, "tp-parent.md"), "---\nserving:\n  tensorParallel: 8\n---\n");
  const child = () => resolve("tp-child", "---\nextends: tp-parent\nserving:\n  tensorParallel: null\n---\n");

  it("places the error at the null, not line 1 of the file, and says the key is at its default", () => {
    const resolved = child();
    const error = scenarioValueError(resolved, "serving.tensorParallel", {message: "m", expected: "e", found: "f"});
    expect(error.detail).toMatchObject({
      file: resolved.file,
      line: 4,
      column: 19,
      path: "serving.tensorParallel",
      message: "m (serving.tensorParallel is at its default: written null)"
    });
  });

  it("places it at the flag for --set path=null", () => {
    const parent = loadScenarioLibrary([join(dir, "tp-parent.md")]).resolve("tp-parent");
    const resolved = applyOverrides(parent, ["serving.tensorParallel=null"]);
    const error = scenarioValueError(resolved, "serving.tensorParallel", {message: "m", expected: "e", found: "f"});
    expect(error.detail).toMatchObject({flag: "--set", path: "serving.tensorParallel"});
    expect(error.detail.file).toBeUndefined();
  });

  it("is blamed, as a value written in the file is, over a parent's value", () => {
    // tp-parent.md's serving.tensorParallel is hidden; put serving.batch in the parent to compete with the null.
    writeFileSync(join(dir, "b-parent.md"), "---\nserving:\n  batch: 64\n  tensorParallel: 8\n---\n");
    const resolved = resolve("b-child", "---\nextends: b-parent\nserving:\n  tensorParallel: ~\n---\n");
    expect(blamedKey(resolved, ["serving.batch", "serving.tensorParallel"])).toBe("serving.tensorParallel");
  });
});

describe("blamedKey", () => {
  it("prefers a key the file sets to one at its default, and the earlier key on a tie", () => {
    // serving.precision is on line 4 of this file; serving.tensorParallel and serving.batch are at their defaults.
    const resolved = resolve("set", "---\ntitle: t\nserving:\n  precision: bf16\n---\n");
    expect(blamedKey(resolved, ["serving.tensorParallel", "serving.precision"])).toBe("serving.precision");
    expect(blamedKey(resolved, ["serving.tensorParallel", "serving.batch"])).toBe("serving.tensorParallel");
  });
});

describe("scenarioErrorAtCause on a key written null", () => {
  it("places the error at the null, names the other key's file, and finds the default", () => {
    // b-parent.md (above) sets serving.batch 64 and serving.tensorParallel 8; the child's line 4 takes the second back
    // to its schema default, 2.
    const resolved = resolve("c-child", "---\nextends: b-parent\nserving:\n  tensorParallel: null\n---\n");
    const error = scenarioErrorAtCause(resolved, ["serving.batch", "serving.tensorParallel"], {
      message: "m",
      expected: "e",
      found: "f"
    });
    expect(error.detail).toMatchObject({
      file: resolved.file,
      line: 4,
      path: "serving.tensorParallel",
      // serving.batch is on line 3 of b-parent.md, another file than the null's: named, as a value written there is.
      message:
        `m, with serving.batch 64 (from ${join(dir, "b-parent.md")}:3) ` +
        "(serving.tensorParallel is at its default: written null)",
      found: "2"
    });
  });
});
