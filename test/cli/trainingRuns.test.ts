import {describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";

describe("token-ledger training-runs", () => {
  it("writes MFU and goodput as percentages, as /model-accuracy's table does (it wrote 0.410 and 0.400 there)", async () => {
    const {code, stdout} = await runCli(["training-runs"]);
    expect(code).toBe(0);
    // The schema's training.goodput 0.9, as a percentage.
    expect(stdout.split("\n")[0]).toMatch(/÷ goodput 90%$/);
    // data/training-runs.csv: llama-3.1-405b reports MFU 0.41 → "41%"; its 30.84M published chip-hours imply
    // 0.41 × 30,107,205 tool chip-hours ÷ 30,840,000 = 0.400 → "40%".
    const llama = stdout.split("\n").find((line) => line.startsWith("llama-3.1-405b "));
    // Each MFU beside the precision whose peak it is of (the run's training precision, bf16 for Llama 3.1 405B).
    expect(llama?.split(/\s{2,}/).slice(4)).toEqual(["41% bf16", "30,107,205", "0.976", "40% bf16"]);
    // A run that reports no MFU shows its implied one only: data/training-runs.csv's deepseek-v3 (2.664M H800 hours).
    const deepseek = stdout.split("\n").find((line) => line.startsWith("deepseek-v3 "));
    // Of the FP8 peak, DeepSeek-V3's training precision: half the 43.8% of the BF16 peak deepseek-one-day quotes.
    expect(deepseek).toMatch(/—\s+22% fp8$/);
    expect(stdout).toMatch(/imply at goodput 90%\./);
  });
});
