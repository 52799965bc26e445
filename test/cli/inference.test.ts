import {describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";

const base = ["inference", "--hardware", "h100-sxm", "--model", "llama-3.1-8b"];

describe("token-ledger inference", () => {
  it("prints one JSON object with the documented keys", async () => {
    const {code, stdout, stderr} = await runCli([...base, "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    for (const key of [
      "tokensPerSecondPerChip",
      "timePerOutputTokenSeconds",
      "timeToFirstTokenSeconds",
      "chipHourCostUsd",
      "costPerMillionOutputTokensUsd",
      "costPerMillionInputTokensUsd",
      "ownedChipHourBreakdownUsd",
      "vendorMarginShare",
      "outputTokensPerSecondPerMw"
    ]) {
      expect(result, key).toHaveProperty(key);
    }
    const parts = Object.values(result.ownedChipHourBreakdownUsd as Record<string, number>);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(result.chipHourCostUsd, 9);
  });

  it("prints an aligned table with units", async () => {
    const {code, stdout} = await runCli(base);
    expect(code).toBe(0);
    expect(stdout).toMatch(/throughput per chip\s+[\d,.]+\s+output tokens\/s/);
    expect(stdout).toMatch(/cost per million output tokens\s+[\d.]+\s+USD\/Mtok/);
  });

  it("prices rented chips at the catalog's hourly price", async () => {
    const {code, stdout} = await runCli([
      "inference",
      "--hardware",
      "tpu-v6e",
      "--model",
      "llama-3.1-8b",
      "--rent",
      "--json"
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.owned).toBe(false);
    expect(result.chipHourCostUsd).toBe(2.7);
    expect(result.ownedChipHourCostUsd).toBeNull();
  });

  it.each([
    [["--hardware", "h10"], "--hardware: unknown hardware id 'h10'", /did you mean 'h100-sxm'/],
    [["--model", "llama-3-70b"], "--model: unknown model id 'llama-3-70b'", /llama-3\.1-70b/],
    [["--batch", "0"], "--batch: out of range: expected a whole number >= 1, found 0", null],
    [["--batch", "-4"], "--batch: out of range", null],
    [["--batch", "2.5"], "--batch: out of range: expected a whole number >= 1, found 2.5", null],
    [["--batch", "abc"], '--batch: not a finite number: expected a whole number >= 1, found "abc"', null],
    [["--electricity", "Infinity"], "--electricity: not a finite number", null],
    [["--electricity", "NaN"], "--electricity: not a finite number", null],
    [["--electricity", "-0.1"], "--electricity: out of range: expected a number >= 0, found -0.1", null],
    [["--utilization", "0"], "--utilization: out of range: expected a fraction in (0, 1], found 0", null],
    [["--utilization", "1.5"], "--utilization: out of range: expected a fraction in (0, 1], found 1.5", null],
    [["--pue", "0.9"], "--pue: out of range: expected a number >= 1, found 0.9", null],
    [["--precision", "int4"], "--precision: not a valid choice: expected one of bf16, fp8, fp4, found int4", null],
    [
      ["--batch", "5000"],
      "--batch: a batch of 5000 does not fit in memory",
      /expected at most \d+, the largest batch that fits/
    ]
  ])("rejects %j with a clear message and exit 1", async (flags, message, pattern) => {
    const args = [...base];
    for (let i = 0; i < flags.length; i += 2) {
      const at = args.indexOf(flags[i]!);
      if (at >= 0) args.splice(at, 2);
      args.push(flags[i]!, flags[i + 1]!);
    }
    const {code, stdout, stderr} = await runCli(args);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    if (pattern) expect(stderr).toMatch(pattern);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("says a model that does not fit needs more chips per replica", async () => {
    // Llama 3.1 405B in BF16: 811.7 GB of weights + 1.1 GB KV ÷ 72 GB usable per H100 (80 GB less 10%) → 12 chips
    const {code, stderr} = await runCli(["inference", "--hardware", "h100-sxm", "--model", "llama-3.1-405b"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--tp: the model does not fit: .* expected at least 12 chips per replica/);
  });

  it("rejects a precision the chip lacks and lists the ones it has", async () => {
    const {code, stderr} = await runCli([
      "inference",
      "--hardware",
      "tpu-v5e",
      "--model",
      "llama-3.1-8b",
      "--precision",
      "fp8"
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("--precision: tpu-v5e has no fp8 support: expected one of bf16, found fp8");
  });

  it("asks for a chip price when the catalog has none", async () => {
    const {code, stderr} = await runCli(["inference", "--hardware", "tpu-v5p", "--model", "llama-3.1-8b"]);
    expect(code).toBe(1);
    expect(stderr).toContain("--chip-price: tpu-v5p has no published purchase price");
  });
});
