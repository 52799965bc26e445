// `run` with a key taken back to its default by `null`, in a child file and with --set: what it computes and shows.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {oneErrorLine, runCli} from "./runCli.js";

const FEW = ["--samples", "50"];
const dir = mkdtempSync(join(tmpdir(), "tl-unset-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

// deepseek-one-day sets serving.precision: fp8 and serving.kvCache: bf16 (data/scenarios/deepseek-one-day.md). Line 4
// of the child takes the cache back: unset, the cache takes the weights' default, FP8 under fp8 weights (the schema's
// serving.kvCache meaning; src/inference/precision.ts).
const child = join(dir, "ds-default-kv.md");
writeFileSync(child, "---\nextends: deepseek-one-day\nserving:\n  kvCache: null\n---\n");

async function runJson(args: string[]) {
  const {code, stdout, stderr} = await runCli(["run", ...args, "--json", ...FEW]);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout);
}

describe("run with null", () => {
  it("computes what the weights' default cache format gives, not the parent's bf16", async () => {
    const unset = await runJson([child]);
    const fp8 = await runJson(["deepseek-one-day", "--set", "serving.kvCache=fp8"]);
    const bf16 = await runJson(["deepseek-one-day"]);
    expect(unset.metrics).toEqual(fp8.metrics);
    expect(unset.metrics).not.toEqual(bf16.metrics);
    expect(unset.assumptions["serving.kvCache"]).toMatchObject({
      value: null,
      origin: {kind: "default", unset: {kind: "file", scenario: "ds-default-kv", file: child, line: 4}}
    });
  });

  it("lists the key with its default and where it was unset; --set serving.kvCache=null does the same", async () => {
    const row = (stdout: string) => stdout.split("\n").find((line) => line.startsWith("serving.kvCache "));
    const fromFile = await runCli(["run", child, ...FEW]);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    // "—": the key unset, as `run` writes an unset key's value.
    expect(row(fromFile.stdout)).toMatch(new RegExp(`^serving\\.kvCache +— +default, unset at ${child}:4$`));
    const fromFlag = await runCli(["run", "deepseek-one-day", "--set", "serving.kvCache=null", ...FEW]);
    expect(fromFlag.code, fromFlag.stderr).toBe(0);
    expect(row(fromFlag.stdout)).toMatch(/^serving\.kvCache +— +default, unset by --set$/);
    const flagJson = await runJson(["deepseek-one-day", "--set", "serving.kvCache=null"]);
    const fileJson = await runJson([child]);
    expect(flagJson.metrics).toEqual(fileJson.metrics);
  });
});

describe("an error a null causes", () => {
  it("is placed at the null, not at the parent's line of another key", async () => {
    // base.md sets serving.tensorParallel: 8; null takes it back to the schema default, 2 H100s, which cannot hold
    // Llama 3.1 405B's FP8 weights. It read "data/scenarios/base.md:9:10: serving.batch: the model does not fit …".
    const file = join(dir, "base-tp-null.md");
    writeFileSync(file, "---\nextends: base\nserving:\n  tensorParallel: null\n---\n");
    // Line 4, column 19: after "  tensorParallel: ".
    expect(await oneErrorLine(["run", file, ...FEW])).toMatch(
      new RegExp(
        `^${file}:4:19: serving\\.tensorParallel: the model does not fit: ` +
          `.*\\(serving\\.tensorParallel is at its default: written null\\)`
      )
    );
    expect(await oneErrorLine(["run", "base", "--set", "serving.tensorParallel=null", ...FEW])).toMatch(
      /^--set: serving\.tensorParallel: the model does not fit: /
    );
  });
});

describe("sweep with --set path=null", () => {
  it("refuses a key both varied and set to null, as one set to a value", async () => {
    const out = join(dir, "sweep.csv");
    expect(
      await oneErrorLine([
        "sweep",
        "base",
        "--set",
        "serving.batch=null",
        "--vary",
        "serving.batch=16:64:2",
        "--out",
        out
      ])
    ).toBe(
      "--vary: serving.batch: key both varied and set: expected each key either varied (--vary) or set (--set), not " +
        "both, found --vary serving.batch=16:64:2 and --set serving.batch=null"
    );
  });
});
