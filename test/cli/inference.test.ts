import {METRIC_INFO} from "../../src/scenario/evaluate/metricInfo.js";
import {describe, expect, it} from "vitest";
import {formatPriceNumber} from "../../src/scenario/run/reportFormat.js";
import {CHIP_HOUR_COMPONENT_NAMES} from "../../src/tco/chipHourCost.js";
import {oneErrorLine, runCli} from "./runCli.js";
import {bundledModelCell} from "../catalog/cellColumn.js";

const base = ["inference", "--hardware", "h100-sxm", "--model", "llama-3.1-8b"];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("token-ledger inference", () => {
  it("prints one JSON object with the documented keys", async () => {
    const {code, stdout, stderr} = await runCli([...base, "--json"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    for (const key of [
      "outputTokensPerSecondPerChip",
      "outputTokensPerSecondPerReplica",
      "decodeTokensPerSecondPerChip",
      "tokensPerSecondPerSequence",
      "requestsPerSecondPerReplica",
      "inputTokens",
      "outputTokens",
      "cacheHitFraction",
      "kvTokensBasis",
      "efficiencies",
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
    expect(result).not.toHaveProperty("tokensPerSecondPerChip"); // the ambiguous decode-only key is gone
    const parts = Object.values(result.ownedChipHourBreakdownUsd as Record<string, number>);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(result.chipHourCostUsd, 9);
    // Whole requests include prefill: below the decode-steps-only figure.
    expect(result.outputTokensPerSecondPerChip).toBeLessThan(result.decodeTokensPerSecondPerChip);
    // The defaults are the scenario schema's: 4,096 input and 512 output tokens, and TensorRT-LLM, which reserves a
    // request's whole length (kvCacheAdmission.ts): 4,096 + 512 KV tokens, under 90% of the HBM left after weights.
    expect(result.kvTokensPerSequence).toBe(4096 + 512);
    expect(result.kvAdmission).toBe("whole");
    const weights = result.weightBytes as number;
    const hbm = 2 * 84943715696.64; // two H100s at 79.11 GiB (data/hardware.csv)
    expect(result.hbmReserveFraction).toBeCloseTo(0.1 * (1 - weights / hbm), 12);
    expect(result).toMatchObject({
      precision: "fp8",
      tensorParallel: 2,
      stack: "trtllm",
      efficienciesFrom: "hopper/trtllm"
    });
  });

  it("writes a cache hit just short of the whole at the digits that keep it from reading rounder", async () => {
    const {code, stdout} = await runCli([...base, "--input-tokens", "4000", "--cache-hit", "0.9999"]);
    expect(code).toBe(0);
    expect(stdout).toContain("4,000 input (99.99% cached) + 512 output tokens");
  });

  it("takes --input-tokens, --output-tokens and --cache-hit", async () => {
    const run = async (extra: string[]) => JSON.parse((await runCli([...base, ...extra, "--json"])).stdout);
    const plain = await run(["--input-tokens", "4000", "--output-tokens", "200"]);
    const cached = await run(["--input-tokens", "4000", "--output-tokens", "200", "--cache-hit", "0.75"]);
    expect(plain).toMatchObject({inputTokens: 4000, outputTokens: 200, cacheHitFraction: 0, kvTokensPerSequence: 4200});
    // vLLM counts a request's mean live length, 4,000 + 200 ÷ 2, with 10% of all HBM held back.
    const vllm = await run(["--input-tokens", "4000", "--output-tokens", "200", "--stack", "vllm"]);
    expect(vllm).toMatchObject({kvTokensPerSequence: 4100, kvAdmission: "live", hbmReserveFraction: 0.1});
    expect(cached.cacheHitFraction).toBe(0.75);
    expect(cached.timeToFirstTokenSeconds).toBeLessThan(plain.timeToFirstTokenSeconds);
    expect(cached.outputTokensPerSecondPerChip).toBeGreaterThan(plain.outputTokensPerSecondPerChip);
  });

  it("takes --output-tokens-cv: answers of varied length hold more live KV, so vLLM decodes slower", async () => {
    const run = async (extra: string[]) => JSON.parse((await runCli([...base, ...extra, "--json"])).stdout);
    const shape = ["--input-tokens", "4000", "--output-tokens", "200", "--stack", "vllm"];
    const even = await run(shape);
    const spread = await run([...shape, "--output-tokens-cv", "1.25"]);
    expect(even.outputTokensCv).toBe(0);
    // 4,000 + 200 × (1 + 1.25²) ÷ 2 = 4,000 + 256.25 (inflightLength.ts).
    expect(spread).toMatchObject({outputTokensCv: 1.25, kvTokensPerSequence: 4256.25, kvAdmission: "live"});
    expect(spread.outputTokensPerSecondPerChip).toBeLessThan(even.outputTokensPerSecondPerChip);
    expect(spread.timePerOutputTokenSeconds).toBeGreaterThan(even.timePerOutputTokenSeconds);
  });

  it("takes --kv-cache: a BF16 cache under FP8 weights holds twice the bytes a sequence, fits fewer, decodes slower", async () => {
    const run = async (extra: string[]) => {
      const {code, stdout, stderr} = await runCli([...base, ...extra, "--json"]);
      expect(code, stderr).toBe(0);
      return JSON.parse(stdout);
    };
    const byDefault = await run([]);
    const fp8 = await run(["--kv-cache", "fp8"]);
    const bf16 = await run(["--kv-cache", "bf16"]);
    // Llama 3.1 8B: 32 layers × 8 KV heads × 128 × 2 (K and V) = 65,536 elements a token; 4,096 + 512 tokens a request
    // reserved whole by trtllm: 301,989,888 bytes in FP8 (1 byte), 603,979,776 in BF16 (2 bytes).
    expect(byDefault).toMatchObject({precision: "fp8", kvCache: "fp8", kvBytesPerSequence: 301_989_888});
    expect(fp8.kvBytesPerSequence).toBe(byDefault.kvBytesPerSequence);
    expect(bf16).toMatchObject({precision: "fp8", kvCache: "bf16", kvBytesPerSequence: 603_979_776});
    expect(bf16.maxBatchSize).toBeLessThan(byDefault.maxBatchSize);
    expect(bf16.timePerOutputTokenSeconds).toBeGreaterThan(byDefault.timePerOutputTokenSeconds);
    // BF16 weights keep a BF16 cache unless told.
    expect(await run(["--precision", "bf16"])).toMatchObject({kvCache: "bf16", kvBytesPerSequence: 603_979_776});
    // The title says the cache's format where it is not the weights' default.
    const table = await runCli([...base, "--kv-cache", "bf16"]);
    expect(table.stdout).toContain("llama-3.1-8b on h100-sxm: fp8 with a bf16 KV cache,");
    // "an" before a format read with a vowel sound ("eff-pee-eight"): it printed "bf16 with a fp8 KV cache" (breaker).
    const fp8Cache = await runCli([...base, "--precision", "bf16", "--kv-cache", "fp8"]);
    expect(fp8Cache.stdout).toContain("llama-3.1-8b on h100-sxm: bf16 with an fp8 KV cache,");
    expect((await runCli(base)).stdout).not.toContain("KV cache,");
    // A batch that does not fit says the cache is 16-bit where the weights' default is FP8: 65,536 elements × 4,608
    // tokens × 2 bytes = 0.604 GB a sequence, twice the FP8 cache's 0.302 (the weights' default says no format).
    const tooMany = await runCli([...base, "--kv-cache", "bf16", "--batch", "400"]);
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain("does not fit in memory (16-bit KV cache 0.604 GB per sequence");
    expect((await runCli([...base, "--batch", "600"])).stderr).toContain("does not fit in memory (KV cache 0.302 GB");
    const bad = await runCli([...base, "--kv-cache", "int4"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      "token-ledger: --kv-cache: not one of the choices: expected one of bf16, fp16 or fp8, found int4\n"
    );
  });

  it("words a bad --kv-cache as run --set serving.kvCache does: flag, choices, found, the closest", async () => {
    // The flag read "not a valid choice: expected one of bf16, fp16, fp8, found fp4", --set "not one of the choices:
    // expected one of bf16, fp16 or fp8, found fp4 (did you mean fp8?)" (helper item). fp8 is one letter from fp4.
    const flag = await oneErrorLine([...base, "--kv-cache", "fp4"]);
    const set = await oneErrorLine(["run", "base", "--set", "serving.kvCache=fp4"]);
    const words = "not one of the choices: expected one of bf16, fp16 or fp8, found fp4 (did you mean fp8?)";
    expect(flag).toBe(`--kv-cache: ${words}`);
    expect(set).toBe(`--set: serving.kvCache: ${words}`);
  });

  it("tells --stack TensorRT-LLM its word, as --set serving.stack=TensorRT-LLM is told", async () => {
    // The stack's name as the pages and the help write it (SOFTWARE_STACK_NAMES: trtllm is "TensorRT-LLM"): the flag
    // offered nothing ("… found TensorRT-LLM"), where --set said "TensorRT-LLM is written trtllm in a scenario".
    const choices = "not one of the choices: expected one of trtllm, vllm, sglang, jax, neuron or other";
    expect(await oneErrorLine([...base, "--stack", "TensorRT-LLM"])).toBe(
      `--stack: ${choices}, found TensorRT-LLM (TensorRT-LLM is written trtllm after --stack)`
    );
    expect(await oneErrorLine(["run", "base", "--set", "serving.stack=TensorRT-LLM"])).toBe(
      `--set: serving.stack: ${choices}, found TensorRT-LLM (TensorRT-LLM is written trtllm in a scenario)`
    );
    // --prefill's choices by the words the pages use for them (serving.prefill's choiceNames).
    expect(await oneErrorLine([...base, "--prefill", "on chips of its own"])).toMatch(
      /\(on chips of its own is written disaggregated after --prefill\)$/
    );
  });

  it("reports no figure of decoding for a request of one output token: null in --json, — in the table", async () => {
    // With --output-tokens 1 the token comes from prefill: it printed a speed per user of 1 ÷ TPOT (37.8 tokens/s
    // for llama-3.1-70b) and a decode-time cost for a decode that never runs (breaker, session 31).
    const json = await runCli([...base, "--output-tokens", "1", "--json"]);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    for (const key of [
      "decodeTokensPerSecondPerChip",
      "tokensPerSecondPerSequence",
      "outputTokensPerSecondPerUser",
      "timePerOutputTokenSeconds",
      "decodeBound",
      "decodeStepSeconds",
      "costPerMillionOutputTokensUsd",
      "ownedCostPerMillionOutputTokensBreakdownUsd"
    ]) {
      expect(result[key], key).toBeNull();
    }
    expect(result.decodeStepsPerRequest).toBe(0); // the reason, in the JSON itself
    // The whole-request figures and the input tokens' cost stand.
    expect(result.outputTokensPerSecondPerChip).toBeGreaterThan(0);
    expect(result.costPerMillionInputTokensUsd).toBeGreaterThan(0);
    expect(result.timeToFirstTokenSeconds).toBeGreaterThan(0);
    const table = await runCli([...base, "--output-tokens", "1"]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/speed per user over a request +— +tokens\/s/);
    expect(table.stdout).toContain("A request of one output token has no decode step");
    expect(table.stdout).not.toContain("USD/Mtok output (decode)");
    // Two output tokens decode once: every figure is a number.
    const two = JSON.parse((await runCli([...base, "--output-tokens", "2", "--json"])).stdout);
    expect(two.outputTokensPerSecondPerUser).toBeGreaterThan(0);
    expect(two.decodeStepsPerRequest).toBe(1);
    expect(two.costPerMillionOutputTokensUsd).toBeGreaterThan(0);
  });

  it("describes the request flags and the throughput keys in --help", async () => {
    const {stdout} = await runCli(["inference", "--help"]);
    for (const text of [
      "--input-tokens",
      "--output-tokens",
      "--cache-hit",
      "outputTokensPerSecondPerChip",
      "decodeTokensPerSecondPerChip",
      "decode steps only",
      "prefill included"
    ]) {
      expect(stdout, text).toContain(text);
    }
  });

  it("says in --help that each fraction flag takes a percentage too (README: --utilization 60%)", async () => {
    // The help named only the fraction's range ("--mfu … in [0.01, 1]") after the flags began taking "40%".
    for (const [command, flags] of [
      ["inference", ["--cache-hit", "--utilization"]],
      ["training", ["--mfu", "--goodput"]],
      ["training-runs", ["--goodput"]]
    ] as const) {
      const {stdout} = await runCli([command, "--help"]);
      const help = stdout.replace(/\s+/g, " ");
      for (const flag of flags)
        expect(help, `${command} ${flag}`).toMatch(new RegExp(`${flag} <f> (?:(?! --).)*or a percentage`));
    }
  });

  it("groups the thousands of the largest batch that fits, as the rest of the table does (new-user trial: 45469)", async () => {
    const {code, stdout} = await runCli([
      "inference",
      "--hardware",
      "h800-sxm",
      "--model",
      "deepseek-v3",
      "--ep",
      "144",
      "--tp",
      "1",
      "--rent"
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/largest batch that fits +\d{1,3}(,\d{3})+ +sequences/);
  });

  it("writes the largest batch's noun in the singular when one sequence fits, at either admission (trial)", async () => {
    // 70B at bf16 on two H100s leaves ~12 GB for KV: one long request fits, not two. It read "1  sequences of …".
    const oneFits = (inputTokens: string) => [
      "inference",
      "--hardware",
      "h100-sxm",
      "--model",
      "llama-3.1-70b",
      "--precision",
      "bf16",
      "--tp",
      "2",
      "--batch",
      "1",
      "--output-tokens",
      "500",
      "--input-tokens",
      inputTokens
    ];
    // TRT-LLM reserves each request's whole length; vLLM counts the live length but holds back 10% of all HBM.
    for (const [stack, inputTokens, unit] of [
      ["trtllm", "40000", "sequence of 40,500 KV tokens, reserved whole at admission"],
      ["vllm", "30000", "sequence at 30,250 live KV tokens"]
    ] as const) {
      const {code, stdout} = await runCli([...oneFits(inputTokens), "--stack", stack]);
      expect(code, stack).toBe(0);
      expect(stdout, stack).toMatch(new RegExp(`^largest batch that fits +1  ${escapeRegExp(unit)}$`, "m"));
    }
    // More than one keeps the plural.
    const {stdout} = await runCli(oneFits("4000"));
    expect(stdout).toMatch(/^largest batch that fits +\d+  sequences of 4,500 KV tokens/m);
    expect(stdout).not.toMatch(/^largest batch that fits +1  /m);
  });

  it("prints an aligned table with units", async () => {
    const {code, stdout} = await runCli(base);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^output tokens per second per chip, whole requests\s+[\d,.]+\s+tokens\/s$/m);
    expect(stdout).toMatch(/^output tokens per second per chip, decode steps only\s+[\d,.]+\s+tokens\/s$/m);
    expect(stdout).toMatch(/^speed per sequence while decoding\s+[\d,.]+\s+tokens\/s$/m);
    expect(stdout).toMatch(/cost per million output tokens, decode time\s+[\d.]+\s+USD\/Mtok/);
    // The chip-hour and the throughputs in the units `run` and the site write them in (METRIC_INFO: "USD/h",
    // "tokens/s", "tokens/s/MW"), the labels saying which tokens count; this table wrote "USD/chip-hour", "output
    // tokens/s" and "tokens/s per MW" (new-user trial, breaker).
    expect(stdout).toMatch(/^cost of a chip-hour\s+[\d.]+\s+USD\/h$/m);
    expect(stdout).toMatch(/^output tokens per second per MW, whole requests\s+[\d,]+\s+tokens\/s\/MW$/m);
    expect(stdout).toMatch(/^component\s+USD\/h\s+USD\/Mtok output \(decode\)$/m);
    expect(stdout).not.toMatch(/USD\/chip-hour|tokens\/s per MW|output tokens\/s/);
  });

  it("labels the figures `run` also prints with run's labels (METRIC_INFO)", async () => {
    // A new user read "chip-hour cost" here beside run's "cost of a chip-hour", and "output throughput per chip"
    // beside "output tokens per second per chip", as different figures.
    const {stdout} = await runCli(base);
    const labels = stdout.split("\n").map((line) => line.split(/\s{2,}/)[0]);
    for (const metric of [
      "outputTokensPerSecondPerChip",
      "tokensPerSecondPerChip",
      "timePerOutputTokenSeconds",
      "chipHourCostUsd",
      "costPerMillionOutputTokensUsd",
      "costPerMillionInputTokensUsd"
    ] as const) {
      expect(labels, metric).toContain(METRIC_INFO[metric].label);
    }
    expect(stdout).toContain("gross profit");
  });

  it("writes figures by the digit rule and names the cost parts in words, as run and the site do", async () => {
    const {stdout} = await runCli([...base, "--utilization", "0.6"]);
    const r = JSON.parse((await runCli([...base, "--utilization", "0.6", "--json"])).stdout);
    // Three significant digits with their zeros (formatPriceNumber, as run writes "1.30 USD/h"); it wrote four.
    expect(stdout).toMatch(
      new RegExp(
        `cost per million output tokens, decode time\\s+${escapeRegExp(formatPriceNumber(r.costPerMillionOutputTokensUsd))}\\s+USD/Mtok`
      )
    );
    expect(stdout).toContain("utilisation 60%,");
    // A throughput is a modelled rate: three significant figures, as `run` writes tokens/s/MW (formatRate); it printed
    // every digit, "235,940 tokens/s/MW" beside run's "235,000" (strategy reader's review).
    const perMw = Number(r.outputTokensPerSecondPerMw.toPrecision(3));
    expect(stdout).toMatch(
      new RegExp(`output tokens per second per MW, whole requests\\s+${escapeRegExp(perMw.toLocaleString("en-US"))}\\s`)
    );
    // CHIP_HOUR_COMPONENT_NAMES: "chip capital", not chipCapital.
    for (const name of Object.values(CHIP_HOUR_COMPONENT_NAMES))
      expect(stdout).toMatch(new RegExp(`^${name}\\s+\\d`, "m"));
    expect(stdout).not.toMatch(/chipCapital|systemCapital/);
    // --json keeps its keys and full precision.
    expect(Object.keys(r.ownedChipHourBreakdownUsd)).toEqual([
      "chipCapital",
      "systemCapital",
      "facilityCapital",
      "energy",
      "operations"
    ]);
  });

  it("names the chips per replica in the singular for one (the trial saw '(1 chips per replica)')", async () => {
    const one = await runCli([...base, "--tp", "1"]);
    expect(one.code, one.stderr).toBe(0);
    // The title wraps at 100 columns (wrapProse): read it with its line breaks as spaces.
    const prose = (stdout: string) => stdout.replace(/\n(?!\n)/g, " ");
    expect(prose(one.stdout)).toContain("TP 1 (1 chip per replica)");
    const two = await runCli([...base, "--tp", "2"]);
    expect(prose(two.stdout)).toContain("TP 2 (2 chips per replica)");
  });

  it("wraps its title and notes at 100 columns (they ran to 234 on one line)", async () => {
    const {stdout} = await runCli([...base, "--tp", "2"]);
    const [title, blank] = stdout.split("\n");
    expect(title!.length).toBeLessThanOrEqual(100);
    expect(blank).not.toBe(""); // the title goes on to a second line
    const note = stdout.slice(stdout.lastIndexOf("\n\n") + 2).trimEnd();
    expect(note.startsWith("Model estimates at the efficiencies calibrated for")).toBe(true);
    for (const line of note.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("prices rented chips at the catalog's hourly price", async () => {
    const {code, stdout} = await runCli([
      "inference",
      "--hardware",
      "tpu-v6e",
      "--model",
      "llama-3.1-8b",
      "--precision",
      "bf16",
      "--rent",
      "--json"
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.owned).toBe(false);
    expect(result.chipHourCostUsd).toBe(2.7);
    expect(result.ownedChipHourCostUsd).toBeNull();
  });

  it("on rented chips, totals the owned cost's parts as the owned run does (it read — under parts; new-user trial)", async () => {
    const args = ["inference", "--hardware", "h100-sxm", "--model", "llama-3.1-70b"];
    const totalRow = (stdout: string) => stdout.split("\n").find((line) => line.startsWith("total "));
    const owned = await runCli(args);
    const rented = await runCli([...args, "--rent"]);
    expect(totalRow(rented.stdout)).toBe(totalRow(owned.stdout));
    expect(totalRow(rented.stdout)).not.toContain("—");
  });

  it("says what the owned table is on rented chips, and names the pooled fit in words (new-user trial)", async () => {
    const rented = (await runCli([...base, "--rent"])).stdout;
    expect(rented).toContain(
      "Owned cost, by component (what the same chips would cost to own, beside the rented price above)"
    );
    expect((await runCli(base)).stdout).toMatch(/^Owned cost, by component$/m);
    const custom = [
      ...["inference", "--peak-flops", "989.4e12", "--chip-power", "700", "--hbm-bandwidth", "3.35"],
      ...["--hbm-capacity", "80", "--model", "llama-3.1-8b", "--chip-price", "$25k"]
    ];
    const {stdout} = await runCli(custom);
    expect(stdout.replace(/\n/g, " ")).toContain("at the efficiencies calibrated on every measured chip (pooled)");
    expect(stdout).not.toContain("calibrated for pooled");
    // Without a price, a chip given by its numbers is not said to lack one "in the catalog" (breaker).
    const {stderr} = await runCli(custom.slice(0, -2));
    expect(stderr).toContain("--chip-price: a custom chip has no purchase price: expected --chip-price USD");
  });

  it("refuses --rent beside --hourly-price: two prices for one chip-hour (new-user trial: the flag price won)", async () => {
    const {code, stdout, stderr} = await runCli([
      "inference",
      "--hardware",
      "h100-sxm",
      "--model",
      "llama-3.1-70b",
      "--rent",
      "--hourly-price",
      "2.5"
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "token-ledger: --rent: two hourly prices: expected --rent (the catalog's hourly price) or --hourly-price USD, " +
        "not both, found --rent and --hourly-price 2.5\n"
    );
  });

  it.each([
    [["--hardware", "h10"], "--hardware: unknown hardware id 'h10'", /did you mean 'h100-sxm'/],
    [["--model", "llama-3.2-70b"], "--model: unknown model id 'llama-3.2-70b'", /llama-3\.1-70b/],
    [
      ["--batch", "0"],
      "--batch: out of range: expected a whole number in [1, 1M] (Batch per replica, the range of serving.batch), found 0",
      null
    ],
    [["--batch", "-4"], "--batch: out of range", null],
    [
      ["--output-tokens-cv", "-1"],
      "--output-tokens-cv: out of range: expected a plain number in [0, 10] (Spread of answer lengths, the range of serving.outputTokensCv), found -1",
      null
    ],
    [
      ["--batch", "2.5"],
      "--batch: not a whole number: expected a whole number in [1, 1M] (Batch per replica, the range of serving.batch), found 2.5",
      null
    ],
    [
      ["--batch", "abc"],
      "--batch: not a decimal number: expected a whole number in [1, 1M] (Batch per replica, the range of serving.batch), found abc",
      null
    ],
    [["--electricity", "Infinity"], "--electricity: not a decimal number", null],
    [["--electricity", "NaN"], "--electricity: not a decimal number", null],
    [
      ["--electricity", "-0.1"],
      "--electricity: out of range: expected an electricity price in [0 USD/kWh, 10 USD/kWh] (Electricity price, the range of power.electricity), found -0.1",
      null
    ],
    [["--utilization", "0"], "--utilization: out of range: expected a number in [0.01, 1]", null],
    [["--utilization", "1.5"], "--utilization: out of range: expected a number in [0.01, 1]", null],
    [
      ["--pue", "0.9"],
      "--pue: out of range: expected a plain number in [1, 3] (PUE, the range of power.pue), found 0.9",
      null
    ],
    [["--pue", "5"], "--pue: out of range: expected a plain number in [1, 3]", null],
    [
      ["--stack", "tgi"],
      "--stack: not one of the choices: expected one of trtllm, vllm, sglang, jax, neuron or other",
      null
    ],
    [
      ["--precision", "int4"],
      "--precision: not one of the choices: expected one of bf16, fp8 or fp4, found int4",
      null
    ],
    [
      ["--input-tokens", "0"],
      "--input-tokens: out of range: expected a whole number in [1 token, 100M tokens] (Input tokens per request, the range of serving.inputTokens), found 0",
      null
    ],
    [["--input-tokens", "-5"], "--input-tokens: out of range", null],
    [
      ["--output-tokens", "2.5"],
      "--output-tokens: not a whole number: expected a whole number in [1 token, 100M tokens] (Output tokens per request, the range of serving.outputTokens), found 2.5",
      null
    ],
    [
      ["--output-tokens", "many"],
      "--output-tokens: not a decimal number: expected a whole number in [1 token, 100M tokens] (Output tokens per request, the range of serving.outputTokens), found many",
      null
    ],
    [
      ["--cache-hit", "1"],
      "--cache-hit: out of range: expected a number in [0, 1) or a percentage like 60% (Share of input read from the prefix cache, the range of serving.cacheHit), found 1",
      null
    ],
    [
      ["--cache-hit", "-0.1"],
      "--cache-hit: out of range: expected a number in [0, 1) or a percentage like 60% (Share of input read from the prefix cache, the range of serving.cacheHit), found -0.1",
      null
    ],
    [
      ["--context", "4096"],
      "--context: removed: a request has input and output tokens: expected --input-tokens N (prompt) and --output-tokens N (generated), found --context 4096",
      null
    ],
    [
      ["--tp", "3"],
      "--tp: tensor parallelism 3 cannot shard llama-3.1-8b (32 attention heads and 8 KV heads): expected one of 1, 2, 4, 8, 16, 32, found 3",
      null
    ],
    [["--ep", "2"], "--ep: llama-3.1-8b is dense: it has no experts: expected 1, found 2", null],
    [
      ["--batch", "5000"],
      "--batch: a batch of 5,000 does not fit in memory",
      /expected at most \d+, the largest batch that fits/
    ],
    // Past a thousand, the bound and the batch grouped as the message writes the batch (it read "found 20000").
    [
      ["--batch", "20000", "--input-tokens", "100", "--output-tokens", "100"],
      "--batch: a batch of 20,000 does not fit in memory",
      /expected at most \d{1,3}(,\d{3})+, the largest batch that fits, found 20,000\n$/
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

  // `--batch: a batch of 32 does not fit` blamed a flag the user had not typed (new user).
  it("says a setting left at its default is the default", async () => {
    const args = ["inference", "--hardware", "h100-sxm", "--model", "deepseek-v3", "--tp", "8"];
    const defaulted = await runCli(args);
    expect(defaulted.code).toBe(1);
    expect(defaulted.stderr).toMatch(
      /^token-ledger: --batch: a batch of 32 does not fit in memory .*, found 32 \(the default: --batch was not given\)\n$/
    );
    const given = await runCli([...args, "--batch", "32"]);
    expect(given.stderr).toMatch(/, found 32\n$/);
    // A value found that is not the default itself (input + output tokens against the context window): no such note.
    const window = await runCli([
      "inference",
      "--hardware",
      "h100-sxm",
      "--model",
      "llama-3.1-8b",
      "--output-tokens",
      "200000"
    ]);
    // …and the flag typed is the one named (it named --input-tokens, never typed; breaker).
    expect(window.stderr).toMatch(/^token-ledger: --output-tokens: .*, found 204,096\n$/);
    // Both left at their defaults, 4,096 + 512 against Llama 2 7B's 4,096-token window (data/models.csv): the default
    // is said.
    const llama2 = await runCli(["inference", "--hardware", "h100-sxm", "--model", "llama-2-7b", "--tp", "1"]);
    expect(llama2.stderr).toBe(
      "token-ledger: --input-tokens: a request of 4,096 input and 512 output tokens exceeds llama-2-7b's context " +
        "window: expected input + output at most 4,096 tokens " +
        `(context_tokens at ${bundledModelCell("llama-2-7b", "context_tokens")}), found 4,608 ` +
        "(--input-tokens was not given: its default is 4,096)\n"
    );
  });

  it("says a custom model's --context-window is too short for the request (it blamed --input-tokens; breaker)", async () => {
    const shape = ["--params", "8e9", "--layers", "32", "--hidden-size", "4096", "--heads", "32", "--kv-heads", "8"];
    const {stderr} = await runCli(
      ["inference", "--hardware", "h100-sxm", ...shape, "--head-dim", "128", "--vocab", "128256"].concat([
        "--context-window",
        "1",
        "--tp",
        "1"
      ])
    );
    expect(stderr).toBe(
      "token-ledger: --context-window: too short for a request of 4,096 input and 512 output tokens: expected at " +
        "least 4,608 tokens, or a shorter request (--input-tokens, --output-tokens), found 1\n"
    );
  });

  it("says a model that does not fit needs the smallest tensor-parallel degree that holds it", async () => {
    // Llama 3.1 405B in BF16: 811.7 GB of weights ÷ 76.4 GB usable per H100 (79.11 GiB less 10%) → 11 chips by
    // memory, but TP must divide the 128 heads and suit the 8 KV heads: 16 (issue 11: 16, not 12).
    const {code, stderr} = await runCli([
      "inference",
      "--hardware",
      "h100-sxm",
      "--model",
      "llama-3.1-405b",
      "--precision",
      "bf16"
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/--tp: the model does not fit: .* expected at least 16 chips per replica, the smallest/);
    // BF16 on an H100 can go down to its FP8; at FP8, its lowest, no lower precision is offered (H100 has no FP4).
    // Never "a shorter request": the weights alone fill the usable HBM, which no request length changes (breaker).
    expect(stderr).toContain("; or a lower precision (fp8), found 2");
    const fp8 = await runCli(["inference", "--hardware", "h100-sxm", "--model", "llama-3.1-405b"]);
    expect(fp8.stderr).toContain(
      "the smallest tensor-parallel degree that shards the model and holds it; or a chip with more HBM, found 2"
    );
    expect(fp8.stderr).not.toContain("lower precision");
    expect(fp8.stderr).not.toContain("shorter request");
  });

  it("blames a custom chip's --hbm-capacity when no layout holds the weights (it blamed --tp, never typed; breaker)", async () => {
    const {code, stderr} = await runCli([
      "inference",
      ..."--model llama-3.1-70b --peak-flops 1979e12 --chip-power 700 --chip-price 31120 --hbm-bandwidth 3.35".split(
        " "
      ),
      "--hbm-capacity",
      "0.08"
    ]);
    expect(code).toBe(1);
    // 70.55B parameters in FP8 (data/models.csv) ≈ 70.5 GB against 0.08 GB per chip.
    expect(stderr).toBe(
      "token-ledger: --hbm-capacity: the model does not fit: weights 70.5 GB plus one sequence's KV cache 0.713 GB " +
        "exceed the usable HBM 0.144 GB of 2 chips: expected a chip with more HBM (no tensor-parallel degree that " +
        "shards the model holds its weights), found 0.08 GB per chip\n"
    );
  });

  it("offers more expert parallelism too where attention is data-parallel (breaker: 'at least 8 chips … found 1' on 8)", async () => {
    // DeepSeek-V3 FP8 on 8 H100 at TP 1 × EP 8: each of the 8 attention ranks holds its own attention and dense layers,
    // 786.8 GB against 611.6 GB usable; TP 8 shards them, and at TP 1 the experts over 10 chips leave room.
    const {code, stderr} = await runCli([
      "inference",
      "--hardware",
      "h100-sxm",
      "--model",
      "deepseek-v3",
      "--precision",
      "fp8",
      "--tp",
      "1",
      "--ep",
      "8"
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("of 8 chips (TP 1 × EP 8): expected tensor-parallel degree 8 at expert-parallel degree 8");
    // The offered layout's ranks, 10, not the refused one's 8 (new-user trial: TP 1 × EP 2 was offered EP 4 "each of
    // the 2 attention ranks").
    expect(stderr).toContain(
      "or expert-parallel degree 10 at tensor-parallel degree 1 (each of its 10 attention ranks holds its own copy"
    );
  });

  it("names --tp for a degree that cannot shard the model (issue 11: llama-3.1-70b --tp 3)", async () => {
    const {code, stdout, stderr} = await runCli([
      "inference",
      "--hardware",
      "h100-sxm",
      "--model",
      "llama-3.1-70b",
      "--tp",
      "3"
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "token-ledger: --tp: tensor parallelism 3 cannot shard llama-3.1-70b (64 attention heads and 8 KV heads): " +
        "expected one of 1, 2, 4, 8, 16, 32, 64, found 3\n"
    );
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

  it("serves a chip without fp8 at bf16 when --precision is not given, and says so (it blamed --precision)", async () => {
    const args = ["inference", "--hardware", "tpu-v6e", "--model", "llama-3.1-70b", "--tp", "8", "--rent"];
    const {code, stdout} = await runCli(args);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^llama-3\.1-70b on tpu-v6e: bf16,/);
    const json = JSON.parse((await runCli([...args, "--json"])).stdout);
    expect(json.precision).toBe("bf16");
    // The same as asking for bf16.
    const asked = JSON.parse((await runCli([...args, "--precision", "bf16", "--json"])).stdout);
    expect(json).toEqual(asked);
    // A chip with fp8 keeps the schema's default, fp8.
    expect(JSON.parse((await runCli([...base, "--json"])).stdout).precision).toBe("fp8");
  });

  it("asks for a chip price when the catalog has none", async () => {
    const {code, stderr} = await runCli([
      "inference",
      "--hardware",
      "tpu-v5p",
      "--model",
      "llama-3.1-8b",
      "--precision",
      "bf16"
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("--chip-price: tpu-v5p has no published purchase price");
    // tpu-v5p has no hourly price either (data/hardware.csv): no --rent hint.
    expect(stderr).not.toContain("--rent");
  });

  it("tells a chip with no purchase price but a catalog hourly price that --rent prices it (new-user trial)", async () => {
    // data/hardware.csv: a100-sxm-80gb has no price_usd and hourly_usd 1.5.
    const args = ["inference", "--hardware", "a100-sxm-80gb", "--model", "llama-3.1-70b", "--batch", "16"];
    const {code, stderr} = await runCli(args);
    expect(code).toBe(1);
    expect(stderr).toMatch(/\(the catalog rents a100-sxm-80gb at 1\.50 USD\/h: --rent prices tokens at that\)\n$/);
  });

  // A custom model with Llama 3.1 70B's shape (data/models.csv) on a custom chip with an H100's numbers
  // (data/hardware.csv): the same figures as the catalog ids, except where the catalog's measured HBM capacity
  // (79.11 GiB) differs from the 80 GB given here, and the calibration group (a custom chip is "other": pooled).
  const LLAMA_70B_SHAPE = [
    ...["--params", "70.55e9", "--layers", "80", "--hidden-size", "8192", "--heads", "64", "--kv-heads", "8"],
    ...["--head-dim", "128", "--vocab", "128256"]
  ];
  const H100_NUMBERS = [
    ...["--peak-flops", "1979e12", "--hbm-bandwidth", "3.35", "--hbm-capacity", "80", "--chip-power", "700"],
    ...["--chip-price", "31120"]
  ];

  it("takes a custom model and chip by their numbers", async () => {
    const {code, stdout} = await runCli(["inference", ...LLAMA_70B_SHAPE, ...H100_NUMBERS, "--tp", "2", "--json"]);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.model).toBe("custom");
    expect(r.hardware).toBe("custom");
    // Weights at FP8: 70.55e9 parameters × 1 byte over TP 2 = 35.3 GB per chip (the embedding gathered apart)
    expect(r.weightBytes).toBeGreaterThan(35e9);
    expect(r.weightBytes).toBeLessThan(71e9);
    expect(r.efficienciesFrom).toBe("pooled");
    expect(r.outputTokensPerSecondPerChip).toBeGreaterThan(0);
    // A chip of no known maker is served on a vendor-neutral stack (stackChips.ts), not NVIDIA's TensorRT-LLM.
    expect(r.stack).toBe("vllm");
  });

  it("takes a custom chip's numbers with their units, as a scenario file writes them (breaker: 'not a decimal number')", async () => {
    const bare = await runCli(["inference", ...LLAMA_70B_SHAPE, ...H100_NUMBERS, "--tp", "2", "--json"]);
    const withUnits = H100_NUMBERS.map(
      (arg) => ({"1979e12": "1,979 TFLOP/s", "3.35": "3350 GB/s", "80": "80 GB", "700": "0.7 kW"})[arg] ?? arg
    );
    expect(withUnits).not.toEqual(H100_NUMBERS);
    const written = await runCli(["inference", ...LLAMA_70B_SHAPE, ...withUnits, "--tp", "2", "--json"]);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe(bare.stdout);
    // Out of range as written: 3.35 GB/s is 0.00335 TB/s, under the column's 0.01.
    const slow = await runCli([
      "inference",
      ...LLAMA_70B_SHAPE,
      ...H100_NUMBERS.map((a) => (a === "3.35" ? "3.35 GB/s" : a))
    ]);
    expect(slow.stderr).toBe(
      "token-ledger: --hbm-bandwidth: out of range: expected a number in [0.01, 10,000] (hbm_tbps of " +
        "data/hardware.csv), found 3.35 GB/s\n"
    );
  });

  it("notes a bare --chip-power under a tenth of any bundled chip's: 3 is 3 W, where 3 kW may be meant", async () => {
    // data/hardware.csv: tpu-v5e's power_w 140 W is the least bundled (leastBundledFigures.ts); a tenth is 14 W.
    const args = (power: string) => [
      "inference",
      ...LLAMA_70B_SHAPE,
      ...H100_NUMBERS.map((a) => (a === "700" ? power : a)),
      "--tp",
      "2",
      "--json"
    ];
    const low = await runCli(args("3"));
    expect(low.code).toBe(0);
    expect(low.stderr).toBe(
      "token-ledger: note: --chip-power 3 is 3 W, under a tenth of any bundled chip's (the least, tpu-v5e's, is 140 W): " +
        "write 3000 if 3 kW was meant.\n"
    );
    // Written with its unit it is meant; 700 is an H100's and says nothing.
    expect((await runCli(args("3 W"))).stderr).toBe("");
    expect((await runCli(args("700"))).stderr).toBe("");
  });

  it("refuses --chip-power beside --hardware without noting its value first (tester)", async () => {
    const args = ["inference", "--hardware", "h100-sxm", "--model", "llama-3.1-70b", "--chip-power", "3"];
    const {code, stderr} = await runCli(args);
    expect(code).not.toBe(0);
    expect(stderr).toBe(
      "token-ledger: --chip-power: a catalog chip and custom chip numbers together: expected either --hardware ID or " +
        "the custom chip's numbers (--peak-flops, --chip-power, ...), found --hardware h100-sxm and --chip-power\n"
    );
  });

  it("refuses a vendor's own stack on a custom chip (breaker: it ran TensorRT-LLM and Neuron)", async () => {
    const args = ["inference", ...LLAMA_70B_SHAPE, ...H100_NUMBERS, "--tp", "2", "--stack", "trtllm"];
    const {code, stderr} = await runCli(args);
    expect(code).not.toBe(0);
    expect(stderr).toContain(
      "--stack: TensorRT-LLM does not run on custom, made by custom: it runs on NVIDIA chips only: " +
        "expected a stack that runs on custom chips: vllm, sglang, jax, other, found trtllm"
    );
  });

  it.each([
    [
      ["--hbm-bandwidth", "0"],
      "--hbm-bandwidth: out of range: expected a number in [0.01, 10,000] (hbm_tbps of data/hardware.csv), found 0"
    ],
    // Bounds from 10^9 in exponent notation, as elsewhere (it read "(70550000000), found 80000000000").
    [
      ["--active-params", "80e9"],
      "--active-params: active parameters exceed total parameters: expected at most --params (7.055e10), found 8e10"
    ],
    [["--kv-heads", "7"], "--kv-heads: KV heads do not divide the attention heads"],
    [["--experts-per-token", "2"], "--experts-per-token: more experts per token than experts"],
    [["--system-power", "500"], "--system-power: system power below chip power"],
    // GB/s for TB/s: at most 1 TB/s per GB of --hbm-capacity (breaker: 3350 ran, at half the cost per token).
    [
      ["--hbm-bandwidth", "3350"],
      "--hbm-bandwidth: HBM bandwidth too high for the chip's HBM: expected at most 80 TB/s for --hbm-capacity 80 GB"
    ]
  ])("rejects the custom numbers %j with one line naming the flag", async (change, message) => {
    const args = ["inference", ...LLAMA_70B_SHAPE, ...H100_NUMBERS, "--tp", "2"];
    const at = args.indexOf(change[0]!);
    if (at >= 0) args.splice(at, 2, ...change);
    else args.push(...change);
    const {code, stderr} = await runCli(args);
    expect(code).toBe(1);
    expect(stderr).toContain(message);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("asks for the whole shape of a custom model and for a custom chip's bandwidth", async () => {
    const noHidden = LLAMA_70B_SHAPE.filter((_, i, a) => a[i] !== "--hidden-size" && a[i - 1] !== "--hidden-size");
    const a = await runCli(["inference", ...noHidden, ...H100_NUMBERS]);
    expect(a.stderr).toContain("--hidden-size: missing for a custom model");
    const noBandwidth = H100_NUMBERS.filter((_, i, x) => x[i] !== "--hbm-bandwidth" && x[i - 1] !== "--hbm-bandwidth");
    const b = await runCli(["inference", ...LLAMA_70B_SHAPE, ...noBandwidth]);
    expect(b.stderr).toContain("--hbm-bandwidth: missing for a custom chip");
  });
});

describe("a custom chip whose numbers imply a value outside the catalog's ranges (breaker: internal keys named)", () => {
  const chip = (peak: string, power: string) => [
    "--peak-flops",
    peak,
    "--hbm-bandwidth",
    "3",
    "--hbm-capacity",
    "80",
    "--chip-power",
    power,
    "--chip-price",
    "30000"
  ];
  it.each([
    // data/hardware.csv's bf16_tflops starts at 0.01 TFLOPS = 1e10; fp8 (the default) is twice bf16, so 2e10.
    [
      chip("1e10", "700"),
      "--peak-flops: an fp8 peak this low implies a bf16 peak (× 0.5) below the catalog's range: expected at least " +
        "2e10 FLOP/s in fp8, found 1e10"
    ],
    // system_power_w is at most 100,000 W; the default host share × 1275/700 reaches it at 100,000 × 700 ÷ 1275 = 54,901.96.
    [
      chip("1e15", "60000"),
      "--chip-power: the system power it implies (× 1275/700, an HGX H100's host share) is above 100,000 W: expected " +
        "at most 54,901 W, or --system-power W, found 60000"
    ]
  ])("names the flag, in inference and in training alike", async (numbers, message) => {
    const inference = await runCli(["inference", ...numbers, "--model", "llama-3.1-8b", "--tp", "1"]);
    expect(inference.stderr).toBe(`token-ledger: ${message}\n`);
    const training = await runCli(
      ["training", ...numbers.slice(0, 2), ...numbers.slice(6, 8), "--params", "70e9"].concat([
        "--tokens",
        "2e12",
        "--chips",
        "2048",
        "--mfu",
        "0.4",
        "--precision",
        "fp8"
      ])
    );
    expect(training.stderr).toBe(`token-ledger: ${message}\n`);
  });
});

describe("a custom model by its numbers", () => {
  // --params 1e6 beside a 128,256 × 8,192 embedding table (1.05B parameters) was priced (second-round breaker).
  it("writes a time at three significant digits, a whole one too, as run writes it", async () => {
    // Llama 3.1 70B on H100s, batch 4, TP 8: --json's timePerOutputTokenSeconds 0.010968…, 10.97 ms, which read
    // "11" (formatDisplayNumber writes a whole value whole, a count's rule) where `run` writes "37.7 ms".
    const args = ["--hardware", "h100-sxm", "--model", "llama-3.1-70b", "--batch", "4", "--tp", "8"];
    const json = JSON.parse((await runCli(["inference", ...args, "--json"])).stdout);
    expect(json.timePerOutputTokenSeconds * 1e3).toBeCloseTo(10.97, 2);
    const {code, stdout, stderr} = await runCli(["inference", ...args]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/time per output token +11\.0 {2}ms\n/);
  });

  it("is refused with fewer parameters than its embedding table, total or active", async () => {
    const shape = ["--layers", "32", "--heads", "64", "--head-dim", "128", "--hidden-size", "8192", "--kv-heads", "8"];
    const args = ["inference", "--hardware", "h100-sxm", ...shape, "--vocab", "128256"];
    const total = await runCli([...args, "--params", "1e6"]);
    expect(total.code).toBe(1);
    expect(total.stderr).toMatch(
      /^token-ledger: --params: fewer parameters than the embedding table: .*found 1000000\n$/
    );
    const active = await runCli([
      ...args,
      "--params",
      "70e9",
      "--active-params",
      "1e6",
      "--experts",
      "8",
      "--experts-per-token",
      "2"
    ]);
    expect(active.stderr).toMatch(/^token-ledger: --active-params: fewer parameters than the embedding table/);
  });
});
