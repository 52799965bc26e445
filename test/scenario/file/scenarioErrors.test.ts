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
