import {spawnSync} from "node:child_process";
import {describe, expect, it} from "vitest";
import {catalogIdsOf, loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {applyOverrides} from "../../../src/scenario/resolve/applyOverrides.js";
import {shellWord} from "../../../src/errors/shellWord.js";
import {setAsTyped} from "../../../src/scenario/resolve/setAsTyped.js";

/** The arguments a POSIX shell (sh, history expansion off as in a script) passes for `words`. */
function shellArguments(words: string): string[] {
  const result = spawnSync("sh", ["-c", `for a in ${words}; do printf '%s\\0' "$a"; done`], {encoding: "utf8"});
  expect(result.stderr).toBe("");
  return result.stdout.split("\0").slice(0, -1);
}

function errorOf(sets: string[]): string {
  try {
    applyOverrides(loadScenarioLibrary().resolve("base"), sets, "--set", catalogIdsOf(loadCatalogs()));
  } catch (error) {
    return (error as Error).message;
  }
  return "";
}

describe("shellWord", () => {
  it.each([
    "serving.batch=32",
    "serving.utilization=0.4 to 0.6",
    "serving.hardware=it's",
    "serving.hardware='[h100]'",
    "serving.hardware=[h100 $HOME]",
    "serving.hardware='[it''s, $x]'",
    'a!b `x` "q" \\n'
  ])("gives %s back from the shell as one argument", (text) => {
    expect(shellArguments(shellWord(text))).toEqual([text]);
  });
});

describe("setAsTyped", () => {
  it("writes a link's set as the address bar shows it, unquoted", () => {
    expect(setAsTyped("URL", "serving.hardware", "'[h100]'")).toBe("set=serving.hardware='[h100]'");
  });
});

// Every --set a hint offers, pasted into a shell, is one argument, which reads or gives the next error, not the same
// one. The hints wrote the set for YAML alone (serving.hardware='[h100]'), which the shell strips of its quotes to the
// list refused again, wrote `0.4 to 0.6` unquoted (three arguments) and `it's` unquoted (the shell waits for a quote),
// and offered `"64]`, the unclosed list's last item with its quote, as a value to try (breaker).
describe("a --set hint pasted into a shell", () => {
  it.each([
    // [set typed, --set offered by its hint, the argument the shell gives, the error that argument gives]
    ["serving.hardware=[h100", `--set "serving.hardware='[h100]'"`, "serving.hardware='[h100]'", "not a catalog id"],
    ["serving.hardware=[it's", `--set "serving.hardware=it's"`, "serving.hardware=it's", "not a catalog id"],
    [
      "serving.hardware=[h100 $HOME",
      `--set 'serving.hardware='\\''[h100 $HOME]'\\'''`,
      "serving.hardware='[h100 $HOME]'",
      "not a catalog id"
    ],
    ["serving.hardware=- h100", `--set "serving.hardware='- h100'"`, "serving.hardware='- h100'", "not a catalog id"],
    ["serving.stack=vllm: 1", `--set "serving.stack='vllm: 1'"`, "serving.stack='vllm: 1'", "not one of the choices"],
    ["serving.utilization=[0.4, 0.6]", "--set 'serving.utilization=0.4 to 0.6'", "serving.utilization=0.4 to 0.6", ""],
    ["serving.hardware=[it's, $x", `--set 'serving.hardware=$x'`, "serving.hardware=$x", "not a catalog id"],
    [
      'serving.batch=[32, "64',
      `--set 'serving.batch='\\''[32, "64]'\\'''`,
      `serving.batch='[32, "64]'`,
      "serving.batch: not a number"
    ]
  ])("%s offers %s, which the shell reads as one argument", (set, offered, argument, next) => {
    const first = errorOf([set]);
    expect(first).toContain(offered);
    expect(shellArguments(offered.slice("--set ".length))).toEqual([argument]);
    const then = errorOf([argument]);
    expect(then).toContain(next);
    expect(then).not.toBe(first);
  });

  it('offers no item of an unclosed list that does not read closed ([32, "64 offered --set serving.batch="64])', () => {
    expect(errorOf(['serving.batch=[32, "64'])).not.toContain('"64])');
  });
});
