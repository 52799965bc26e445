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
    // The value the model takes, as compare and the pages show it: FP8, the default for deepseek-one-day's fp8 weights
    // (serving.kvCache's meaning in the schema; src/inference/precision.ts). It read "—".
    expect(row(fromFile.stdout)).toMatch(
      new RegExp(`^serving\\.kvCache +fp8 \\(default for fp8 weights\\) +default, unset at ${child}:4$`)
    );
    const fromFlag = await runCli(["run", "deepseek-one-day", "--set", "serving.kvCache=null", ...FEW]);
    expect(fromFlag.code, fromFlag.stderr).toBe(0);
    expect(row(fromFlag.stdout)).toMatch(
      /^serving\.kvCache +fp8 \(default for fp8 weights\) +default, unset by --set$/
    );
    // training.model unset follows serving.model (schema `follows`), deepseek-one-day's deepseek-v3: it read "—".
    const follows = await runCli(["run", "deepseek-one-day", "--set", "training.model=null", ...FEW]);
    expect(follows.stdout.split("\n").find((line) => line.startsWith("training.model "))).toMatch(
      /^training\.model +deepseek-v3 \(as serving\.model\) +default, unset by --set$/
    );
    const flagJson = await runJson(["deepseek-one-day", "--set", "serving.kvCache=null"]);
    const fileJson = await runJson([child]);
    expect(flagJson.metrics).toEqual(fileJson.metrics);
  });
});

describe("null on a key the evaluation does not read", () => {
  it("lists it apart, as not used, at '—' (not at the key it would follow), in the table and in --json", async () => {
    // base.md sets neither serving.prefill (the schema's default: shared) nor serving.prefillTensorParallel, which
    // follows serving.tensorParallel (8 in base.md) but is read only under disaggregated prefill (unreadKeys.ts). The
    // null took nothing back: it listed "8 (as serving.tensorParallel)" among the keys used, where compare and the
    // pages show "—".
    const args = ["base", "--set", "serving.prefillTensorParallel=null"];
    const {code, stdout, stderr} = await runCli(["run", ...args, ...FEW]);
    expect(code, stderr).toBe(0);
    const [used, unused] = stdout.split("Set but not used (what is used instead, in the last column):");
    expect(used).not.toContain("serving.prefillTensorParallel");
    expect(unused).toMatch(
      /^serving\.prefillTensorParallel +— +default, unset by --set +serving\.prefill is shared: the decode replica/m
    );
    const json = await runJson(args);
    expect(json.assumptions["serving.prefillTensorParallel"]).toMatchObject({
      value: null,
      origin: {kind: "default", unset: {kind: "override", flag: "--set"}},
      unused: expect.stringMatching(/^serving\.prefill is shared/)
    });
    // A default nothing wrote is not the scenario's to list: without the flag the key has no `unused`, no row.
    const plain = await runJson(["base"]);
    expect(plain.assumptions["serving.prefillTensorParallel"]).not.toHaveProperty("unused");
    expect((await runCli(["run", "base", ...FEW])).stdout).not.toContain("serving.prefillTensorParallel");
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

describe("null on one of the custom chip's two required specs", () => {
  // The parent gives the custom chip by its specs (silicon.bf16Flops and silicon.hbmBandwidth are both required, with
  // fp8Flops for base's fp8 serving: customChipSpec.ts); the child takes one back.
  const parent = join(dir, "spec-parent.md");
  writeFileSync(
    parent,
    "---\nid: spec-parent\nextends: base\nsilicon:\n  bf16Flops: 1000 TFLOP/s\n  fp8Flops: 2000 TFLOP/s\n" +
      "  hbmBandwidth: 5 TB/s\n---\n"
  );

  it("is told at the null, with the other specs to take back too", async () => {
    const file = join(dir, "spec-child.md");
    writeFileSync(file, "---\nextends: spec-parent\nsilicon.hbmBandwidth: null\n---\n");
    // It read "spec-parent.md:5:14: silicon.bf16Flops: a custom chip … needs silicon.hbmBandwidth": the parent's line.
    // Line 3, column 23: after "silicon.hbmBandwidth: ".
    expect(await oneErrorLine(["run", file, ...FEW])).toBe(
      `${file}:3:23: silicon.hbmBandwidth: a custom chip given by its specs needs silicon.hbmBandwidth ` +
        "(silicon.hbmBandwidth is at its default: written null): expected silicon.bf16Flops and " +
        "silicon.hbmBandwidth with the other specs, found silicon.bf16Flops without silicon.hbmBandwidth (to leave " +
        "the custom chip to silicon.chip or silicon.relativeThroughput, take back its other specs too: " +
        "silicon.bf16Flops: null, silicon.fp8Flops: null)"
    );
    const flagged = await oneErrorLine(["run", parent, "--set", "silicon.bf16Flops=null", ...FEW]);
    expect(flagged).toMatch(/^--set: silicon\.bf16Flops: a custom chip given by its specs needs silicon\.bf16Flops /);
    expect(flagged).toMatch(
      /take back its other specs too: --set silicon\.fp8Flops=null, --set silicon\.hbmBandwidth=null\)$/
    );
  });
});

describe("null on silicon.chip under a parent's silicon.servingFactor", () => {
  it("is told at the null, with the factor to take back too; in a file that sets both, at the factor", async () => {
    // silicon.servingFactor scales a chip given by silicon.chip or its specs (customChipSpec.ts); without one it is an
    // error. It read "chip-parent.md:6:18: silicon.servingFactor: …", the parent's line, for the child's null.
    const parent = join(dir, "chip-parent.md");
    writeFileSync(
      parent,
      "---\nid: chip-parent\nextends: base\nsilicon:\n  chip: custom-inference-asic\n  servingFactor: 0.9\n---\n"
    );
    const child = join(dir, "chip-child.md");
    writeFileSync(child, "---\nextends: chip-parent\nsilicon.chip: null\n---\n");
    const message = "silicon.servingFactor scales a custom chip given by silicon.chip or its specs, and none is given";
    const expected = "expected silicon.chip or inline specs (silicon.bf16Flops, silicon.hbmBandwidth) beside it";
    // Line 3, column 15: after "silicon.chip: ".
    expect(await oneErrorLine(["run", child, ...FEW])).toBe(
      `${child}:3:15: silicon.chip: ${message} (silicon.chip is at its default: written null): ${expected}, ` +
        "found silicon.servingFactor 0.9 (take silicon.servingFactor back too: silicon.servingFactor: null)"
    );
    expect(await oneErrorLine(["run", parent, "--set", "silicon.chip=null", ...FEW])).toMatch(
      /^--set: silicon\.chip: .*\(take silicon\.servingFactor back too: --set silicon\.servingFactor=null\)$/
    );
    // One file writing both: the null hides nothing, the factor is what is wrong (line 5, column 18), as before.
    const both = join(dir, "chip-both.md");
    writeFileSync(both, "---\nextends: base\nsilicon:\n  chip: null\n  servingFactor: 0.9\n---\n");
    expect(await oneErrorLine(["run", both, ...FEW])).toBe(
      `${both}:5:18: silicon.servingFactor: ${message}: ${expected}, found 0.9`
    );
  });
});

describe("serving.prefill: null under a parent that disaggregates", () => {
  it("is the child's choice of shared, as `shared` written there is: the layout keys are not read", async () => {
    // deepseek-one-day sets serving.prefill: disaggregated and the prefill replica's layout (lines 13 to 15); the
    // schema's default is shared. Three errors at those lines read "lays out a prefill replica of its own, but
    // serving.prefill is shared", where a child writing `shared` has them listed as not used (unreadKeys.ts).
    const unset = join(dir, "ds-prefill-null.md");
    writeFileSync(unset, "---\nextends: deepseek-one-day\nserving.prefill: null\n---\n");
    const shared = join(dir, "ds-prefill-shared.md");
    writeFileSync(shared, "---\nextends: deepseek-one-day\nserving.prefill: shared\n---\n");
    const a = await runJson([unset]);
    const b = await runJson([shared]);
    expect(a.metrics).toEqual(b.metrics);
    for (const path of [
      "serving.prefillTensorParallel",
      "serving.prefillExpertParallel",
      "serving.prefillTokensPerChip"
    ]) {
      expect(a.assumptions[path].unused).toBe(b.assumptions[path].unused);
      expect(a.assumptions[path].unused).toMatch(/^serving\.prefill is shared/);
    }
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
