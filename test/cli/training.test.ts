import {describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";

describe("token-ledger training", () => {
  it("reports FLOPs, chip-hours, days, energy and cost as JSON", async () => {
    const {code, stdout} = await runCli([
      "training",
      "--model",
      "llama-3.1-405b",
      "--tokens",
      "15.6e12",
      "--hardware",
      "h100-sxm",
      "--chips",
      "16384",
      "--mfu",
      "0.38",
      "--json"
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    // 6 × 405.85e9 (data/models.csv, from config.json) × 15.6e12 = 3.799e25 FLOPs
    expect(r.flops).toBeCloseTo(6 * 405.85e9 * 15.6e12, -20);
    expect(r.chipHours).toBeCloseTo(r.flops / (989.4e12 * 0.38 * 3600), 0);
    expect(r.wallClockDays).toBeCloseTo(r.chipHours / 16384 / 24, 9);
    expect(r.costOwnedUsd).toBeGreaterThan(0);
    expect(r.costRentedUsd).toBeCloseTo(r.chipHours * 2.99, 0); // catalog hourly price of h100-sxm
  });

  it.each([
    [
      ["--mfu", "0"],
      "--mfu: out of range: expected a number in [0.01, 1] (Training MFU, the range of training.mfu), found 0"
    ],
    [
      ["--mfu", "1.2"],
      "--mfu: out of range: expected a number in [0.01, 1] (Training MFU, the range of training.mfu), found 1.2"
    ],
    [["--tokens", "-1"], "--tokens: out of range"],
    [["--chips", "0"], "--chips: out of range"],
    [["--model", "gpt3"], "--model: unknown model id 'gpt3'"]
  ])("rejects %j", async (flag, message) => {
    const args = [
      "training",
      "--model",
      "gpt-3-175b",
      "--tokens",
      "3e11",
      "--hardware",
      "a100-sxm-80gb",
      "--chips",
      "1024",
      "--mfu",
      "0.4"
    ];
    const at = args.indexOf(flag[0]!);
    args.splice(at, 2, flag[0]!, flag[1]!);
    const {code, stderr} = await runCli(args);
    expect(code).toBe(1);
    expect(stderr).toContain(message);
  });
});
