import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {blamedKey, scenarioValueError} from "../../../src/scenario/file/scenarioErrors.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";

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

describe("blamedKey", () => {
  it("prefers a key the file sets to one at its default, and the earlier key on a tie", () => {
    // serving.precision is on line 4 of this file; serving.tensorParallel and serving.batch are at their defaults.
    const resolved = resolve("set", "---\ntitle: t\nserving:\n  precision: bf16\n---\n");
    expect(blamedKey(resolved, ["serving.tensorParallel", "serving.precision"])).toBe("serving.precision");
    expect(blamedKey(resolved, ["serving.tensorParallel", "serving.batch"])).toBe("serving.tensorParallel");
  });
});
