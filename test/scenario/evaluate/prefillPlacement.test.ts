import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {runCli} from "../../cli/runCli.js";

const dir = mkdtempSync(join(tmpdir(), "prefill-placement-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const scenario = (name: string, body: string) => {
  const file = join(dir, `${name}.md`);
  writeFileSync(file, `---\n${body}---\n`);
  return file;
};
const metrics = async (args: string[]) => {
  const {code, stdout, stderr} = await runCli(["run", ...args, "--json", "--samples", "20"]);
  return {code, stderr, metrics: code === 0 ? JSON.parse(stdout).metrics : null};
};

describe("serving.prefill: prefill on chips of its own, in a scenario", () => {
  it("prices input tokens at the prefill replica's rate, on its layout, and leaves decode as it was", async () => {
    const shared = await metrics(["deepseek-one-day", "--set", "serving.prefill=shared"]);
    const apart = await metrics(["deepseek-one-day"]);
    expect(apart.code).toBe(0);
    // Decode is the same replica either way; prefill on EP32 nodes (deepseek-one-day's prefill keys) is faster per
    // chip than on the EP144 decode GPUs, whose all-to-all reaches more nodes (communication.ts forwarded).
    expect(apart.metrics.costPerMillionOutputTokensUsd.p50).toBe(shared.metrics.costPerMillionOutputTokensUsd.p50);
    expect(apart.metrics.costPerMillionInputTokensUsd.p50).toBeLessThan(
      shared.metrics.costPerMillionInputTokensUsd.p50
    );
    expect(apart.metrics.fleetUtilizationNeeded.p50).toBeLessThan(shared.metrics.fleetUtilizationNeeded.p50);
  });

  it("sweeps the prefill step: a larger step costs less per input token and waits longer for the first token", async () => {
    const out = join(dir, "step.csv");
    const {code, stderr} = await runCli([
      "sweep",
      "deepseek-one-day",
      "--vary",
      "serving.prefillTokensPerChip=2048:32768:3",
      "--metrics",
      "costPerMillionInputTokensUsd,timeToFirstTokenSeconds",
      "--out",
      out
    ]);
    expect(code, stderr).toBe(0);
    const rows = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",").map(Number));
    expect(rows.map((row) => row[0])).toEqual([2048, 17408, 32768]);
    // Each larger step spreads the weights' reads and the step's fixed time over more tokens, and a prompt waits for
    // the whole step (the metric is ServingResult.timeToFirstTokenSeconds, the step that carries the prompt).
    expect(rows[1]![1]!).toBeLessThan(rows[0]![1]!);
    expect(rows[2]![1]!).toBeLessThan(rows[1]![1]!);
    expect(rows[1]![2]!).toBeGreaterThan(rows[0]![2]!);
    expect(rows[2]![2]!).toBeGreaterThan(rows[1]![2]!);
  });

  it("an unset prefill degree is the decode replica's (the schema's follows)", async () => {
    const file = scenario(
      "follows",
      "extends: base\nserving.prefill: disaggregated\nserving.prefillTokensPerChip: 16384\n"
    );
    // base decodes at TP8 on 64 prompts of 2,048 tokens: a step of 16,384 tokens per chip × 8 chips ÷ 2,048 is the
    // same 64 prompts, so the figures are the shared ones but for the speed a user sees.
    const apart = await metrics([file]);
    const shared = await metrics(["base"]);
    expect(apart.stderr).toBe("");
    expect(apart.metrics.costPerMillionInputTokensUsd.p50).toBeCloseTo(
      shared.metrics.costPerMillionInputTokensUsd.p50,
      9
    );
    expect(apart.metrics.outputTokensPerSecondPerChip.p50).toBeCloseTo(
      shared.metrics.outputTokensPerSecondPerChip.p50,
      9
    );
  });

  it("says a prefill layout that cannot shard the model at its key's line", async () => {
    const file = scenario(
      "bad-layout",
      "extends: base\nserving.prefill: disaggregated\nserving.prefillTensorParallel: 3\n"
    );
    const {code, stderr} = await metrics([file]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${file}:4:32: serving.prefillTensorParallel: the prefill replica: tensor parallelism 3 cannot shard`
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("says a prefill replica too small for the weights at its key's line", async () => {
    const file = scenario("too-small", "extends: deepseek-one-day\nserving.prefillExpertParallel: 4\n");
    const {code, stderr} = await metrics([file]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${file}:3:32: serving.prefillExpertParallel: a prefill replica of 4 chips (TP 1 × EP 4) does not hold the model`
    );
    // DeepSeek-V3's 720.6 GB of FP8 weights on 80 GB H800s at the default 10% reserve (72 GB each): 10 chips hold
    // 720 GB, 11 hold the weights and a prompt.
    expect(stderr).toContain(
      "expected a prefill expert-parallel degree of at least 11, the smallest that holds the model"
    );
  });

  it("refuses a prefill layout set at least as directly as a shared serving.prefill: it would change nothing", async () => {
    const file = scenario("unused", "extends: base\nserving.prefillTokensPerChip: 8192\n");
    const inFile = await runCli(["validate", file]);
    expect(inFile.code).toBe(1);
    expect(inFile.stderr).toContain(
      `${file}:3:31: serving.prefillTokensPerChip: lays out a prefill replica of its own, but serving.prefill is ` +
        "shared: the decode replica prefills: expected serving.prefill: disaggregated with serving.prefillTokensPerChip, " +
        "or no serving.prefillTokensPerChip, found serving.prefillTokensPerChip 8192 with serving.prefill shared (the default)"
    );
    const set = await runCli(["run", "base", "--set", "serving.prefillExpertParallel=2"]);
    expect(set.code).toBe(1);
    expect(set.stderr).toMatch(/--set: serving\.prefillExpertParallel: lays out a prefill replica of its own/);
    // A sweep varying it wrote identical rows (breaker).
    const sweep = await runCli([
      "sweep",
      "base",
      "--vary",
      "serving.prefillTokensPerChip=1000:20000:3",
      "--out",
      join(dir, "s.csv")
    ]);
    expect(sweep.code).toBe(1);
    expect(sweep.stderr).toMatch(/serving\.prefillTokensPerChip.*lays out a prefill replica of its own/);
  });

  it("lists an inherited prefill layout under a child's shared serving.prefill apart, as not used", async () => {
    const file = scenario("child-shared", "extends: deepseek-one-day\nserving.prefill: shared\n");
    const {code, stdout} = await runCli(["run", file, "--samples", "20"]);
    expect(code).toBe(0);
    const [used, unused] = stdout.split("Set but not used (what is used instead, in the last column):");
    expect(used).not.toContain("serving.prefillExpertParallel");
    expect(unused).toMatch(/serving\.prefillExpertParallel .*serving\.prefill is shared: the decode replica prefills/);
    const json = JSON.parse((await runCli(["run", file, "--samples", "20", "--json"])).stdout);
    expect(json.assumptions["serving.prefillExpertParallel"].unused).toMatch(/^serving\.prefill is shared/);
  });

  it("blames a dense model under an inherited expert-parallel prefill on the model, naming the prefill key", async () => {
    const file = scenario(
      "dense-child",
      "extends: deepseek-one-day\nserving.model: llama-3.1-70b\nserving.tensorParallel: 2\nserving.expertParallel: 1\n"
    );
    const {code, stderr} = await runCli(["run", file, "--samples", "20"]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${file}:3:`);
    expect(stderr).toContain("serving.model: the prefill replica: llama-3.1-70b is dense");
    expect(stderr).toContain("serving.prefillExpertParallel 32");
  });

  it("blames a prefill step too large for 99%-cached prompts on the cache-hit share, not the batch", async () => {
    const {code, stderr} = await runCli(["run", "deepseek-one-day", "--set", "serving.cacheHit=0.99"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^token-ledger: --set: serving\.cacheHit: a prefill step of 16,384 new tokens per chip/);
    expect(stderr).toMatch(
      /expected a lower serving\.cacheHit, or serving\.prefillTokensPerChip at most [\d,]+ new tokens/
    );
    expect(stderr).not.toContain("serving.batch");
  });

  it("reads an inherited prefill layout without a word once serving.prefill is disaggregated", async () => {
    const json = JSON.parse((await runCli(["run", "deepseek-one-day", "--samples", "20", "--json"])).stdout);
    expect(json.assumptions["serving.prefillExpertParallel"].unused).toBeUndefined();
  });
});
