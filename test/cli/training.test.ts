import {describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";
import {bundledModelCell} from "../catalog/cellColumn.js";
import {runTraining} from "../../src/cli/commands/training.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "../../src/scenario/resolve/scenarioValues.js";

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
    // 6 × 405.85e9 (data/models.csv, from config.json) × 15.6e12 = 3.799e25 FLOPs, plus causal attention at the
    // schema's 8,192-token sequence: 3 × 126 layers × 128 heads × 8192 × (128 + 128) × 15.6e12 = 1.583e24
    expect(r.parameterFlops).toBeCloseTo(6 * 405.85e9 * 15.6e12, -20);
    expect(r.attentionFlops).toBeCloseTo(3 * 126 * 128 * 8192 * 256 * 15.6e12, -18);
    expect(r.flops).toBe(r.parameterFlops + r.attentionFlops);
    expect(r.steadyStateChipHours).toBeCloseTo(r.flops / (989.4e12 * 0.38 * 3600), 0);
    // whole run = steady state ÷ the schema's goodput 0.9 (Llama 3: "higher than 90% effective training time")
    expect(r.goodputFraction).toBe(0.9);
    expect(r.chipHours).toBeCloseTo(r.steadyStateChipHours / 0.9, 0);
    expect(r.wallClockDays).toBeCloseTo(r.chipHours / 16384 / 24, 9);
    expect(r.steadyStateDays).toBeCloseTo(r.steadyStateChipHours / 16384 / 24, 9);
    expect(r.costOwnedUsd).toBeCloseTo(r.chipHours * r.ownedChipHourCostUsd, 0);
    expect(r.costOwnedSteadyStateUsd).toBeCloseTo(r.steadyStateChipHours * r.ownedChipHourCostUsd, 0);
    expect(r.costRentedUsd).toBeCloseTo(r.chipHours * 2.99, 0); // catalog hourly price of h100-sxm
  });

  it("notes a run longer than a scenario's longest training.runMonths, and none for a frontier run (breaker)", async () => {
    const args = ["training", "--model", "llama-3.1-70b", "--tokens", "15e12", "--hardware", "h100-sxm", "--mfu"];
    const long = await runCli([...args, "0.01", "--chips", "1"]);
    expect(long.code).toBe(0);
    // 8,881,027 days ÷ 365.25 = 24,315 years, each at three significant figures as every time is (formatPriceNumber);
    // 120 months (TRAINING_VS_INFERENCE_RANGES.trainingRunMonths.max) is 10.
    expect(long.stderr).toContain("token-ledger: note: the run takes 8,880,000 days (24,300 years) on 1 chip");
    expect(long.stderr).toContain("longer than the 10 years a scenario's training.runMonths allows");
    const frontier = await runCli([...args, "0.4", "--chips", "16384"]);
    expect(frontier.stderr).toBe("");
  });

  it("states one energy convention and uses it for both the energy and its cost", async () => {
    const {stdout} = await runCli([
      "training",
      ...["--model", "llama-3.1-70b", "--tokens", "15e12", "--hardware", "h100-sxm"],
      ...["--chips", "8192", "--mfu", "0.4", "--json"]
    ]);
    const r = JSON.parse(stdout);
    // Full draw (training runs flat out), PUE 1.2 (schema), DGX H100 10.2 kW / 8 = 1.275 kW IT per chip
    // (data/hardware.csv system_power_w)
    expect(r.energyConvention).toEqual({averageDrawFraction: 1, pue: 1.2, itPowerKwPerChip: 1.275});
    expect(r.energyMwh).toBeCloseTo((r.chipHours * 1.275 * 1 * 1.2) / 1000, 6);
    // The chip-hour's energy part × chip-hours is the energy × the schema's 0.0826 USD/kWh: one figure, two outputs.
    expect(r.ownedChipHourBreakdownUsd.energy * r.chipHours).toBeCloseTo(r.energyMwh * 1000 * 0.0826, 3);
  });

  it("prices the run by part under the annuity and under Epoch AI's method, each summing to its total", async () => {
    const {stdout} = await runCli([
      "training",
      ...["--model", "llama-3.1-405b", "--tokens", "15.6e12", "--hardware", "h100-sxm"],
      ...["--chips", "16384", "--mfu", "0.41", "--hyperscaler", "--json"]
    ]);
    const r = JSON.parse(stdout);
    const sum = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);
    expect(sum(r.costOwnedBreakdownUsd) / r.costOwnedUsd).toBeCloseTo(1, 12);
    expect(sum(r.epochMethod.breakdownUsd) / r.epochMethod.costUsd).toBeCloseTo(1, 12);
    // Epoch's assumptions: an HGX-board price × (1 + 0.5) × 0.81 = × 1.215 for the server (31,120 → 37,810.8 USD),
    // PUE 1.1 for a hyperscaler, 0.75 of server TDP (cost_analysis_standalone.py)
    expect(r.epochMethod.assumptions).toMatchObject({
      serverPriceUsdPerChip: 37810.8,
      pue: 1.1,
      serverTdpFraction: 0.75
    });
  });

  it("reproduces Epoch AI's $51.0M for Llama 3.1 405B through the option, given Epoch's inputs", async () => {
    // Epoch's inputs (training-cost-trends, see test/tco/epochTrainingCost.test.ts): 2,142 h × 16,384 = 35,094,528
    // chip-hours; DGX H100 $44,489.88 per GPU, which on the h100-sxm row's HGX basis (× (1 + 0.5) × 0.81 = × 1.215)
    // is a --chip-price of 44,489.88 / 1.215 = 36,617.18; 1.1828 years from acquisition to training start; PUE 1.1
    // (Meta); 2024 electricity $0.0771/kWh. Published: $51,040,524 (model_costs.csv).
    const {stdout} = await runCli([
      "training",
      ...["--model", "llama-3.1-405b", "--tokens", "15.6e12", "--hardware", "h100-sxm", "--chips", "16384"],
      ...["--chip-hours", "35094528", "--chip-price", "36617.18", "--hardware-age", "1.1828"],
      ...["--hyperscaler", "--electricity", "0.0771", "--json"]
    ]);
    const e = JSON.parse(stdout).epochMethod;
    expect(Math.abs(e.costUsd / 51_040_524 - 1)).toBeLessThan(0.1);
    // Parts by hand from Epoch's code (test/tco/epochTrainingCost.test.ts): hardware 39.22M, interconnect 9.20M,
    // energy 2.85M USD
    expect(Math.abs((e.breakdownUsd.aiChips + e.breakdownUsd.otherServer) / 39.22e6 - 1)).toBeLessThan(0.2);
    expect(Math.abs(e.breakdownUsd.interconnect / 9.2e6 - 1)).toBeLessThan(0.2);
    expect(Math.abs(e.breakdownUsd.energy / 2.85e6 - 1)).toBeLessThan(0.2);
  });

  it("gives one run the same energy, chip-hours and cost in the CLI and in a scenario (one energy convention)", () => {
    // data/scenarios/base.md: training.model llama-3.1-405b, 15.6T tokens, MFU 0.41, 16,384 chips on h100-sxm; the
    // rest at the schema's defaults, as the CLI takes them.
    const bound = bindScenario(loadScenarioLibrary().resolve("base"), loadCatalogs());
    const scenario = evaluateScenarioPoint(bound, scenarioMedianPoint(bound.resolved)).training;
    const cli = runTraining({
      model: "llama-3.1-405b",
      tokens: 15.6e12,
      hardware: "h100-sxm",
      chips: 16384,
      mfu: 0.41,
      goodput: 0.9,
      sequenceLength: 8192,
      precision: "bf16",
      hardwareAge: 0,
      electricity: 0.0826
    });
    expect(cli.energyMwh / scenario.energyMwh).toBeCloseTo(1, 12);
    expect(cli.chipHours / scenario.chipHours).toBeCloseTo(1, 12);
    expect(cli.costOwnedUsd! / scenario.costOwnedUsd).toBeCloseTo(1, 12);
  });

  it("takes a custom model and chip by their numbers", async () => {
    const {code, stdout} = await runCli([
      "training",
      ...["--params", "100e9", "--active-params", "20e9", "--tokens", "1e12"],
      ...["--peak-flops", "1e15", "--chip-power", "1000", "--chip-price", "20000", "--chips", "1000", "--mfu", "0.5"],
      ...["--goodput", "1", "--json"]
    ]);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    // No attention shape given: 6 × 20e9 × 1e12 = 1.2e23 FLOPs; 1.2e23 / (1e15 × 0.5 × 3600) = 66,666.7 chip-hours
    expect(r.flops).toBe(1.2e23);
    expect(r.attentionFlops).toBe(0);
    expect(r.chipHours).toBeCloseTo(66666.67, 1);
    expect(r.model).toBe("custom");
    expect(r.hardware).toBe("custom");
  });

  it("takes --params and --active-params with a scale letter, as --tokens takes 2T (tester)", async () => {
    const {code, stdout} = await runCli([
      "training",
      ...["--params", "100B", "--active-params", "20B", "--tokens", "1T"],
      ...["--peak-flops", "1e15", "--chip-power", "1000", "--chip-price", "20000", "--chips", "1000", "--mfu", "0.5"],
      ...["--goodput", "1", "--json"]
    ]);
    expect(code).toBe(0);
    // As 100e9, 20e9 and 1e12 above: 6 × 20e9 × 1e12 = 1.2e23 FLOPs.
    expect(JSON.parse(stdout).flops).toBe(1.2e23);
  });

  it.each([
    [["--params", "7e10", "--active-params", "8e10"], "--active-params: active parameters exceed total parameters"],
    [["--params", "7e10", "--layers", "80"], "--heads: an incomplete attention shape"],
    [
      ["--params", "7e10", "--peak-flops", "0"],
      "--peak-flops: out of range: expected a number in [1e10, 1e18] (the TFLOPS columns of data/hardware.csv, × 10¹²), found 0"
    ],
    [["--params", "7e10", "--peak-flops", "1e15"], "--chip-power: missing for a custom chip"],
    [["--params", "7e10", "--peak-flops", "1e15", "--chip-power", "700", "--system-power", "500"], "--system-power"],
    [["--model", "gpt-3-175b", "--params", "7e10"], "--params: a catalog model and custom model numbers together"],
    [["--params", "-1"], "--params: out of range"],
    // A number in the catalog column's unit (billions, TFLOP/s) is told what it likely means (it was not; tester).
    [
      ["--params", "70"],
      "--params: out of range: expected a number in [1000, 1e14] (params_b of data/models.csv, × 10⁹), found 70 " +
        "(70 is 70 parameters: did you mean 70e9, 70B?)\n"
    ],
    [["--params", "7e10", "--active-params", "8"], "found 8 (8 is 8 parameters: did you mean 8e9, 8B?)\n"],
    // A scale in words is told the letter, as --tokens tells `2 trillion`; out of range as written (500 parameters).
    [
      ["--params", "70 billion"],
      "--params: not a decimal number: expected a number in [1000, 1e14] (params_b of data/models.csv, × 10⁹), " +
        "found 70 billion (write the scale as k, M, B or T after the number: 100M, not 100 million)\n"
    ],
    [["--params", "0.5k"], "--params: out of range: expected a number in [1000, 1e14]"],
    [
      ["--params", "7e10", "--peak-flops", "989.4", "--chip-power", "700"],
      "--peak-flops: out of range: expected a number in [1e10, 1e18] (the TFLOPS columns of data/hardware.csv, " +
        "× 10¹²), found 989.4 (989.4 is 989.4 FLOP/s: did you mean 989.4e12, 989.4 TFLOP/s?)\n"
    ]
  ])("rejects the custom numbers %j with one line naming the flag", async (extra, message) => {
    const hasChip = extra.includes("--peak-flops");
    const {code, stderr} = await runCli([
      "training",
      ...extra,
      ...(extra.includes("--model") || extra.includes("--params") ? [] : []),
      ...(hasChip ? [] : ["--hardware", "h100-sxm"]),
      ...["--tokens", "1e12", "--chips", "8", "--mfu", "0.4"]
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).not.toContain("    at ");
  });

  it.each([
    [
      ["--mfu", "0"],
      "--mfu: out of range: expected a number in [0.01, 1] or a percentage like 60% (Training MFU, the range of training.mfu), found 0"
    ],
    [
      ["--mfu", "1.2"],
      "--mfu: out of range: expected a number in [0.01, 1] or a percentage like 60% (Training MFU, the range of training.mfu), found 1.2"
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

  it("refuses a sequence past a catalog model's context window, and caps the default at it (breaker)", async () => {
    // Llama 3.1 70B: 131,072-token context (data/models.csv). A 1M-token sequence ran, its attention term 9× 6·N·D.
    const args = ["--model", "llama-3.1-70b", "--tokens", "1e12", "--hardware", "h100-sxm", "--chips", "64"];
    const long = await runCli(["training", ...args, "--mfu", "0.4", "--sequence-length", "1000000"]);
    expect(long).toMatchObject({code: 1, stdout: ""});
    expect(long.stderr).toBe(
      "token-ledger: --sequence-length: longer than llama-3.1-70b's context window: expected at most 131,072 tokens " +
        `(context_tokens at ${bundledModelCell("llama-3.1-70b", "context_tokens")}), found 1,000,000\n`
    );
    // GPT-3's context is 2,048 tokens: the default 8,192 gives way to it, as a typed 2,048 does.
    const gpt3 = ["--model", "gpt-3-175b", "--tokens", "3e11", "--hardware", "a100-sxm-80gb", "--chips", "1024"];
    const byDefault = JSON.parse((await runCli(["training", ...gpt3, "--mfu", "0.4", "--json"])).stdout);
    const typed = JSON.parse(
      (await runCli(["training", ...gpt3, "--mfu", "0.4", "--sequence-length", "2048", "--json"])).stdout
    );
    expect(byDefault.sequenceTokens).toBe(2048);
    expect(byDefault.flops).toBe(typed.flops);
    // A scenario: the same rule at training.sequenceLength (10M on base's Llama 3.1 405B passed validate).
    const run = await runCli(["run", "base", "--set", "training.sequenceLength=10000000", "--samples", "10"]);
    expect(run).toMatchObject({code: 1, stdout: ""});
    expect(run.stderr).toContain(
      "training.sequenceLength: longer than llama-3.1-405b's context window: expected at most 131,072 tokens"
    );
    // At its default (8,192) on GPT-3 (2,048): an error saying so, not a cap the assumptions would not show (breaker).
    const gpt3Run = await runCli(["run", "base", "--set", "training.model=gpt-3-175b", "--samples", "10"]);
    expect(gpt3Run.code).toBe(1);
    expect(gpt3Run.stderr).toContain(
      "training.sequenceLength: longer than gpt-3-175b's context window (training.sequenceLength is at its default: " +
        "set it in this file's front matter): expected at most 2,048 tokens"
    );
  });

  it("writes a wall-clock of one day as '1.00 day' (it wrote '1 days')", async () => {
    // 24,000 chip-hours on 1,000 chips at goodput 1: 24 hours of wall-clock, steady state and whole run.
    const {code, stdout, stderr} = await runCli([
      "training",
      ..."--model llama-3.1-8b --tokens 1e12 --hardware h100-sxm --chips 1000 --chip-hours 24000 --goodput 1".split(" ")
    ]);
    expect(code, stderr).toBe(0);
    // At three significant digits, as `run` writes a computed length (the next test): "1.00", the noun singular.
    expect(stdout).toMatch(/wall-clock, whole run +1\.00 {2}day\n/);
    expect(stdout).not.toContain("1  days");
  });

  it("writes whole days with their zeros, and MWh from 1,000 at three figures, as run writes days", async () => {
    // 1,272,000 chip-hours on 1,000 chips at goodput 1: 1,272 hours, 53 days exactly; it read "53" beside other
    // runs' "76.6".
    const args = "--model llama-3.1-8b --tokens 1e12 --hardware h100-sxm --chips 1000 --chip-hours 1272000 --goodput 1";
    const {code, stdout, stderr} = await runCli(["training", ...args.split(" ")]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/wall-clock, steady state +53\.0 {2}days\n/);
    expect(stdout).toMatch(/wall-clock, whole run +53\.0 {2}days\n/);
    // The energy by the same rule, three significant figures from a thousand as a time's (formatPriceNumber): 1,272,000
    // chip-hours × 1.275 kW IT per chip (DGX H100 10.2 kW ÷ 8, data/hardware.csv) × draw 1 × PUE 1.2 ÷ 1,000 = 1,946.16
    // MWh, "1,950" (it read "1,946": every integer digit, beside "$2.38M").
    expect(stdout).toMatch(/energy, whole run +1,950 {2}MWh \(/);
  });

  it("writes a run of a thousand days or more at three significant figures, as a rate is (it read '1,254 days')", async () => {
    // Llama 3.1 405B's 30,107,205 whole-run chip-hours (the test below) on 1,000 chips at goodput 1: 30,107.2 hours,
    // 1,254.5 days, "1,250" at three significant figures (formatPriceNumber), as run's "235,000 tokens/s/MW".
    const args =
      "--model llama-3.1-405b --tokens 15.6e12 --hardware h100-sxm --chips 1000 --chip-hours 30107205 --goodput 1";
    const {code, stdout, stderr} = await runCli(["training", ...args.split(" ")]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/wall-clock, steady state +1,250 {2}days\n/);
    expect(stdout).toMatch(/wall-clock, whole run +1,250 {2}days\n/);
  });

  it("refuses --chip-hours fewer than the run takes at MFU 1 (it printed 'MFU 12343.95')", async () => {
    // Llama 3.1 405B, 15.6T tokens on 16,384 H100s at MFU 0.41: 30,107,204.9 whole-run chip-hours (`training
    // --json`'s chipHours, the README's 30.1M); at MFU 1 the same run takes 0.41 × 30,107,204.9 = 12,343,954.0.
    const args = ["--model", "llama-3.1-405b", "--tokens", "15.6e12", "--hardware", "h100-sxm", "--chips", "16384"];
    const {code, stderr} = await runCli(["training", ...args, "--chip-hours", "1000"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      "token-ledger: --chip-hours: 1,000 chip-hours imply an MFU of 12300, above 1: expected at least 12,343,954 " +
        "chip-hours (this run at MFU 1, goodput 0.9), found 1000\n"
    );
    const atPeak = await runCli(["training", ...args, "--chip-hours", "12343954", "--json"]);
    expect(atPeak.code).toBe(0);
    expect(JSON.parse(atPeak.stdout).mfu).toBeCloseTo(1, 6);
  });

  it("refuses --chip-hours that imply an MFU below --mfu's 0.01 floor (it printed 'MFU 1.23E−5')", async () => {
    // At MFU 0.01 the run takes 0.41 × 30,107,204.9 ÷ 0.01 = 1,234,395,401 chip-hours (the test above's figures;
    // the message floors the computed value).
    const args = ["--model", "llama-3.1-405b", "--tokens", "15.6e12", "--hardware", "h100-sxm", "--chips", "16384"];
    const {code, stderr} = await runCli(["training", ...args, "--chip-hours", "1e12"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^token-ledger: --chip-hours: 1,000,000,000,000 chip-hours imply an MFU of 0\.0000123, below 0\.01: expected at most 1,234,395,\d{3} chip-hours/
    );
  });

  it("takes --chip-hours without --mfu (the hours imply it), and refuses both, or neither (new-user trial)", async () => {
    // --mfu was required, then replaced by the MFU the hours imply, with nothing said.
    const args = ["--model", "llama-3.1-405b", "--tokens", "15.6e12", "--hardware", "h100-sxm", "--chips", "16384"];
    const both = await runCli(["training", ...args, "--mfu", "0.41", "--chip-hours", "35094528"]);
    expect(both.code).toBe(1);
    expect(both.stderr).toBe(
      "token-ledger: --mfu: given with --chip-hours, which imply the MFU: expected --mfu or --chip-hours, not both, " +
        "found --mfu 0.41 and --chip-hours 35094528\n"
    );
    const neither = await runCli(["training", ...args]);
    expect(neither.code).toBe(1);
    expect(neither.stderr).toBe(
      "token-ledger: --mfu: required option not given: expected --mfu <f> (or --chip-hours, a published run's hours, " +
        "which imply it), found nothing\n"
    );
  });

  it("writes the MFU --chip-hours imply as a percentage, and the chips grouped (it wrote 0.3517344355750502, 16384)", async () => {
    // 0.41 × 30,107,204.9 computed whole-run chip-hours ÷ 35,094,528 published (Epoch AI's figure) = 0.35173, which
    // formatPercent writes "35%" (it was "0.352" until the title wrote MFU as run and the pages do).
    const args = ["--model", "llama-3.1-405b", "--tokens", "15.6e12", "--hardware", "h100-sxm", "--chips", "16384"];
    const {stdout} = await runCli(["training", ...args, "--chip-hours", "35094528"]);
    expect(stdout.split("\n")[0]).toContain("on 16,384 × h100-sxm at MFU 35% (bf16 peak)");
  });

  it("writes MFU and goodput as percentages, as run's assumptions table does (it wrote 'MFU 0.410 …, goodput 0.9')", async () => {
    // --mfu 0.41 and the schema's goodput 0.9; `run base` writes the same MFU "training.mfu 41%" (formatAssumption).
    const args = ["--model", "llama-3.1-405b", "--tokens", "15.6e12", "--hardware", "h100-sxm", "--chips", "16384"];
    const {code, stdout} = await runCli(["training", ...args, "--mfu", "0.41"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe(
      "llama-3.1-405b (405.85B active parameters) on 16,384 × h100-sxm at MFU 41% (bf16 peak), goodput 90%"
    );
  });
});
