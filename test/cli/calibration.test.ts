import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {formatComputedPercent} from "../../src/scenario/run/reportFormat.js";
import {SERVING_CALIBRATION} from "../../src/inference/servingCalibration.generated.js";
import {formatCalibration, writeCalibrationModule} from "../../src/cli/commands/calibration.js";
import {calibrationReport, prepareMeasurements} from "../../src/inference/calibration/calibrate.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadMeasurements} from "../../src/node/measurementFiles.js";
import {runCli} from "./runCli.js";
import {parseMeasurementsCsv} from "../../src/inference/calibration/parseMeasurementsCsv.js";

describe("token-ledger calibration", () => {
  it("prints every measurement beside the model and the held-out error", {timeout: 60_000}, async () => {
    const {code, stdout} = await runCli(["calibration"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^measurement\s+split\s+efficiencies/m);
    expect(stdout).toMatch(/^held out of the fit\s+\d+\s+[\d.]+%/m);
    expect(stdout).toMatch(/^Outside the calibrated band: data-parallel attention with wide expert parallelism/m);
    expect(stdout).toMatch(/^outside the band \(not fitted\)\s+\d+\s+[\d.]+%/m);
    expect(stdout).toMatch(/^nim18-llama33-70b-5000-500-h100x2-c1\s+\S+\s+hopper\/trtllm\s+output\s/m);
    // A prefill row's tokens/s count prompt tokens, and the table says so: LMSYS's EP32 prefill of 4K prompts,
    // 50,302 tokens/s per 8-GPU node / 8 = 6,287.75 per chip (data/measurements.csv), written 6,288.
    expect(stdout).toMatch(
      /^lmsys-sglang-dsv3-prefill-pd-ep32-h100x32-4k\s+\S+\s+hopper\/sglang\s+input \(prompt\)\s+6,288\s/m
    );
    expect(stdout).toMatch(
      /^input \(prompt\): a prefill measurement \(decode on other chips\): prompt tokens prefilled per second per chip/m
    );
  });

  it(
    "writes the held-out error as /model-accuracy does, one formatter for one quantity",
    {timeout: 120_000},
    async () => {
      const {stdout} = await runCli(["calibration"]);
      const held = JSON.parse((await runCli(["calibration", "--json"])).stdout).heldOut;
      // docs/model-accuracy.md writes held.medianAbsoluteError with formatComputedPercent (the CLI wrote 13.6% beside
      // its 14%).
      const line = stdout.split("\n").find((l) => l.startsWith("held out of the fit"))!;
      expect(line.split(/\s{2,}/).slice(2, 5)).toEqual(
        [held.medianAbsoluteError, held.shareWithin25, held.shareWithin35].map((v: number) => formatComputedPercent(v))
      );
    }
  );

  it("writes an error under 10% with its trailing zero, so the column rounds one way (it read 9% over 9.2%)", async () => {
    // The committed calibration's report (as readmeFigures.test.ts reads it), without a refit: Blackwell's median
    // |error| is 0.0905 and Ampere's 0.0918; formatPercent wrote "9%" and "9.2%", formatComputedPercent "9.0%".
    const {measurements, file} = loadMeasurements();
    const report = calibrationReport(
      prepareMeasurements(measurements, loadCatalogs(), file),
      SERVING_CALIBRATION,
      SERVING_CALIBRATION.heldOutBySystem
    );
    const lines = formatCalibration(report).split("\n");
    for (const family of report.families) {
      const line = lines.find((l) => l.startsWith(`${family.family} (all)`))!;
      const {medianAbsoluteError, shareWithin25, shareWithin35} = family.all;
      expect(line.split(/\s{2,}/).slice(2, 5)).toEqual(
        [medianAbsoluteError, shareWithin25, shareWithin35].map((v) => formatComputedPercent(v))
      );
    }
    const blackwell = report.families.find((f) => f.family === "blackwell")!.all.medianAbsoluteError;
    expect(blackwell).toBeCloseTo(0.0905, 4);
    expect(lines.find((l) => l.startsWith("blackwell (all)"))!.split(/\s{2,}/)[2]).toBe("9.0%");
  });

  it("--json gives the rows, the skipped measurements and the errors", {timeout: 60_000}, async () => {
    const {code, stdout} = await runCli(["calibration", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual([
      "efficiencies",
      "rows",
      "skipped",
      "outOfBand",
      "outOfBandError",
      "fit",
      "heldOut",
      "heldOutBySystem",
      "families"
    ]);
    expect(report.rows[0]).toHaveProperty("ratio");
    // Outside the calibrated band (src/inference/calibration/scope.ts), by layout and scheduling alone: every compared
    // row whose expert parallelism exceeds its tensor parallelism (data-parallel attention, experts sharded) in a
    // whole-request run (unified scheduling: attention-DP imbalance), and no other; in no split, in no summary but its
    // own. The same layout decoding only (prefill disaggregated: LMSYS's EP72, DeepSeek's EP144) is in the band.
    type Layout = {id: string; tensorParallel: number; expertParallel: number; phase: string; split?: string};
    const wideWhole = (r: Layout) => r.expertParallel > r.tensorParallel && r.phase === "whole";
    expect(report.rows.every((r: Layout) => !wideWhole(r))).toBe(true);
    expect(report.outOfBand.every((r: Layout) => wideWhole(r) && r.split === undefined)).toBe(true);
    expect(report.outOfBand.map((r: Layout) => r.id)).toContain("mlperf51-deepseek-r1-server-b200x8-nvidia");
    // TensorRT-LLM's fixed-length DeepSeek-R1 run (no spread of lengths, so no drain and no in-flight bias): the 2.56
    // README and scope.ts quote. Measured 5,393.28 tokens/s per GPU (Best_perf_practice_on_DeepSeek-R1 document).
    const fixed = report.outOfBand.find((r: {id: string}) => r.id === "trtllm-bestperf-dsr1-0528-1k2k-c7168-b200x8");
    expect(fixed.ratio.toFixed(2)).toBe("2.56");
    // Prefill-only rows (decode on other chips) are in the band, whatever their layout (LMSYS's EP32 is TP1), and
    // count prompt tokens.
    const prefillRows = report.rows.filter((r: Layout) => r.phase === "prefill");
    expect(prefillRows.map((r: Layout) => r.id)).toContain("lmsys-sglang-dsv3-prefill-pd-ep32-h100x32-4k");
    expect(prefillRows.every((r: {tokens: string}) => r.tokens === "input")).toBe(true);
    expect(report.rows.filter((r: {tokens: string}) => r.tokens === "input")).toEqual(prefillRows);
    const inBand = report.rows.map((r: Layout) => r.id);
    expect(inBand).toContain("lmsys-sglang-dsv3-decode-pd-ep72-h100x72");
    expect(inBand).toContain("deepseek-prod-v3r1-decode-h800-ep144");
    expect(report.outOfBandError.count).toBe(report.outOfBand.length);
    // The committed file records it too: calibratedBandNote.ts quotes it where such a layout is modelled.
    const ratios = report.outOfBand.map((r: {ratio: number}) => r.ratio);
    expect(SERVING_CALIBRATION.outOfBand).toEqual({
      ...report.outOfBandError,
      ratioMin: Math.min(...ratios),
      ratioMax: Math.max(...ratios),
      models: ["deepseek-r1"],
      hardware: ["b200", "gb200", "h200-sxm"]
    });
    expect(report.heldOut.count).toBeGreaterThan(0);
    // Whole systems held out of a refit: fewer runs than the stated split holds out (every third system, not run), and
    // the committed file records what this fit gives (the staleness test compares the rest).
    expect(report.heldOutBySystem.count).toBeGreaterThan(0);
    expect(report.heldOutBySystem).toEqual(SERVING_CALIBRATION.heldOutBySystem);
    // Each row says which side of the system split it is on (/model-accuracy's "system" column): as many rows are held
    // out there as the refit's error counts, and an MLPerf submission's offline and server runs (one system) share it.
    const bySystem = report.rows.filter((r: {systemSplit: string}) => r.systemSplit === "held-out");
    expect(bySystem.length).toBe(report.heldOutBySystem.count);
    const side = (id: string) => report.rows.find((r: {id: string}) => r.id === id).systemSplit;
    expect(side("mlperf41-llama2-70b-server-h100x8-nvidia")).toBe(side("mlperf41-llama2-70b-offline-h100x8-nvidia"));
    // A published concurrency that does not fit is flagged, not silently cut (breaker). NIM's 100 requests of 5,000 +
    // 500 tokens on two H100s (Llama 3.3 70B FP8, TensorRT-LLM): weights 70.6 GB of 169.9 GB; 90% of the free 99.3 GB
    // is 89.4 GB, at 5,500 whole tokens × 163,840 B (80 layers × 8 KV heads × 128 × K and V × 1 byte) = 0.90 GB a
    // request: 99 fit.
    const nim = report.rows.find((r: {id: string}) => r.id === "nim18-llama33-70b-5000-500-h100x2-c100");
    expect(nim).toMatchObject({memoryCapped: true, batchSizePerReplica: 99});
    // dstack's 8×H100 Llama 3.1 405B runs on vLLM keep a BF16 cache under FP8 weights (kv_cache_dtype bf16, the
    // source's "KV cache not quantized"): 126 layers × 8 KV heads × 128 × K and V × 2 bytes = 516,096 B a token. vLLM
    // holds back 10% of all HBM: 0.9 × 8 × 79.11 GiB = 611.6 GB, less 405.85 GB of weights, leaves 205.7 GB; a request
    // holds its live tokens, input + output ÷ 2. At 2,048 + 1,024 = 3,072 tokens (1.586 GB) 129 of 256 fit; at
    // 32,784 + 1,024 = 33,808 tokens (17.45 GB) 11 of 16.
    const capped = (id: string) => report.rows.find((r: {id: string}) => r.id === id);
    expect(capped("dstack-vllm-llama31-405b-fp8-2048-2048-b256-h100x8")).toMatchObject({
      memoryCapped: true,
      batchSizePerReplica: 129
    });
    expect(capped("dstack-vllm-llama31-405b-fp8-32784-2048-b16-h100x8")).toMatchObject({
      memoryCapped: true,
      batchSizePerReplica: 11
    });
    expect(report.rows.filter((r: {memoryCapped: boolean}) => r.memoryCapped).length).toBe(3);
    // The engine's published cap binds where it is below what fits. NVIDIA's MLPerf v4.1 Llama 2 70B offline run on
    // H100 (TP2, FP8, TensorRT-LLM): gpu_batch_size 896 per TP2 engine (closed/NVIDIA/configs/llama2-70b/Offline/
    // __init__.py L69). What fits: weights 69.0 GB of 169.9 GB; 90% of the free 100.9 GB is 90.8 GB, at 512.63 whole
    // tokens (222.33 + 290.3) × 163,840 B = 84.0 MB a request: 1,081. min(1,081, 896) = 896.
    const h100 = report.rows.find((r: {id: string}) => r.id === "mlperf41-llama2-70b-offline-h100x8-nvidia");
    expect(h100).toMatchObject({engineCapped: true, memoryCapped: false, batchSizePerReplica: 896});
    // Only rows that publish a cap are capped by one.
    const csv = readFileSync(new URL("../../data/measurements.csv", import.meta.url), "utf8");
    const withCap = new Set(
      parseMeasurementsCsv(csv, {file: "measurements.csv"})
        .filter((m) => m.maxBatch !== null)
        .map((m) => m.id)
    );
    const engineCapped = [...report.rows, ...report.outOfBand].filter((r: {engineCapped: boolean}) => r.engineCapped);
    expect(engineCapped.every((r: {id: string}) => withCap.has(r.id))).toBe(true);
  });

  it(
    "marks a row whose published concurrency the model could not fit, with a footnote",
    {timeout: 60_000},
    async () => {
      const {stdout} = await runCli(["calibration"]);
      expect(stdout).toMatch(/^nim18-llama33-70b-5000-500-h100x2-c100\s+.*\d \u2020\s+[\d.]+$/m);
      expect(stdout).toContain(
        "\u2020 the published concurrency does not fit in memory under the stack's KV-cache admission"
      );
    }
  );

  it("marks a row whose batch the engine's published cap set, with a footnote", {timeout: 60_000}, async () => {
    const {stdout} = await runCli(["calibration"]);
    // 896 per TP2 engine, below the 1,081 that fit (the --json test above works both out).
    expect(stdout).toMatch(/^mlperf41-llama2-70b-offline-h100x8-nvidia\s+.*\d \u2021\s+[\d.]+$/m);
    expect(stdout).toContain(
      "\u2021 the serving engine's published cap on sequences per replica (max_batch), below the largest batch that " +
        "fits, set the batch the model ran"
    );
  });

  it(
    "says why whole systems were not held out, and gives no row a side of a split that was not made",
    {timeout: 60_000},
    async () => {
      // Three cdna3/vllm systems of the bundled file (split.ts orders them by first id): MI300X × 1 with Llama 2 70B
      // (1 run), MI300X × 8 with Llama 2 70B (4 runs), MI300X × 8 with Llama 3.1 70B TP8 (5 runs). The third is held
      // out whole, which leaves 1 + 4 = 5 runs to refit, fewer than MIN_MEASUREMENTS_POOLED_FIT (4 efficiencies + 2).
      const lines = readFileSync(new URL("../../data/measurements.csv", import.meta.url), "utf8").split("\n");
      const kept = lines.filter((line) =>
        /^(mlperf4[01]-llama2-70b-\w+-mi300xx[18]-amd|mlperf51-llama2-70b-\w+-mi300xx8-amd|rocm-vllm-llama31-70b-)/.test(
          line
        )
      );
      expect(kept).toHaveLength(10);
      const file = join(tmpdir(), "few-systems-measurements.csv");
      writeFileSync(file, [lines[0], ...kept].join("\n") + "\n");
      const {code, stdout, stderr} = await runCli(["calibration", "--measurements", file, "--json"]);
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      expect(report.heldOutBySystem).toBeNull();
      expect(report.rows.map((r: {systemSplit: unknown}) => r.systemSplit)).toEqual(new Array(10).fill(null));
      expect(stderr).toContain(
        "note: whole systems held out: not computed: 5 measurements are left to fit without every third system, " +
          "at least 6 needed"
      );
    }
  );

  it("a bad cell in the measurements file: one line with file:line:column, exit 1, nothing on stdout", async () => {
    const file = join(tmpdir(), "bad-measurements.csv");
    const {MEASUREMENT_COLUMNS} = await import("../../src/inference/calibration/parseMeasurementsCsv.js");
    const row = MEASUREMENT_COLUMNS.map((c) => (c === "chips" ? "eight" : "x"));
    writeFileSync(file, `${MEASUREMENT_COLUMNS.join(",")}\n${row.join(",")}\n`);
    const {code, stdout, stderr} = await runCli(["calibration", "--measurements", file]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    // chips is the third cell, after `x,x,`: character column 5.
    expect(stderr).toMatch(/bad-measurements\.csv:2:5: chips: not a number: expected a whole number > 0/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  // Each message is at the character column of the cell's first character: one past the comma before the cell that
  // the edit wrote (the first row's software cell before throughput is quoted and holds commas).
  it.each([
    [
      "a precision the chip lacks",
      (row: string) => row.replace(",fp8,", ",fp4,"),
      (row: string) => new RegExp(`:2:${row.indexOf(",fp4,") + 2}: precision: h100-sxm has no fp4 support`)
    ],
    // 1e300 tok/s per chip is far above the H100's roofline for Llama 2 70B (a few thousand): a typo or a wrong unit.
    [
      "a throughput above the roofline",
      (row: string) => row.replace(",3065.6,", ",1e300,"),
      (row: string) => new RegExp(`:2:${row.indexOf(",1e300,") + 2}: output_tokens_per_s_per_chip: above the roofline`)
    ],
    // 0.001 tok/s per chip is far below MIN_ROOFLINE_FRACTION of that roofline: it collapsed every group's fit, which
    // --write saved (breaker).
    [
      "a throughput far below the roofline",
      (row: string) => row.replace(",3065.6,", ",0.001,"),
      (row: string) =>
        new RegExp(
          `:2:${row.indexOf(",0.001,") + 2}: output_tokens_per_s_per_chip: implausibly low: .*: expected at least ` +
            "[\\d.,]+ tokens/s per chip \\(0\\.02% of the roofline for this shape: [\\d.,]+ tokens/s per chip\\), found 0\\.001"
        )
    ],
    [
      "a TP degree larger than the system",
      (row: string) => row.replace(",fp8,fp8,2,", ",fp8,fp8,16,"),
      // chips follows `<id>,h100-sxm,`.
      (row: string) => new RegExp(`:2:${row.indexOf(",h100-sxm,") + 11}: chips: 8 chips do not hold a whole number`)
    ]
  ])("%s: one line at file:line:column, exit 1, the generated module untouched", async (_, edit, message) => {
    const {readFileSync} = await import("node:fs");
    const text = readFileSync(new URL("../../data/measurements.csv", import.meta.url), "utf8").split("\n");
    const original = text[1]!;
    text[1] = edit(original);
    // An edit that no longer matches the row (its kv_cache_dtype cell was filled in) left it valid, and the test ran a
    // real --write on the bundled data.
    expect(text[1]).not.toBe(original);
    const file = join(tmpdir(), "edited-measurements.csv");
    writeFileSync(file, text.join("\n"));
    const generated = new URL("../../src/inference/servingCalibration.generated.ts", import.meta.url);
    const before = readFileSync(generated, "utf8");
    const {code, stdout, stderr} = await runCli(["calibration", "--write", "--measurements", file]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message(text[1]!));
    expect(readFileSync(generated, "utf8")).toBe(before);
  });

  it("too few measurements to fit and hold out: one line naming the file", async () => {
    const {readFileSync} = await import("node:fs");
    const header = readFileSync(new URL("../../data/measurements.csv", import.meta.url), "utf8").split("\n")[0];
    const file = join(tmpdir(), "header-only.csv");
    writeFileSync(file, `${header}\n`);
    const {code, stderr} = await runCli(["calibration", "--measurements", file]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/header-only\.csv: too few measurements .* found 0 comparable/);
  });

  it("a file of only rows outside the calibrated band counts them in its error (it read '0 comparable' alone)", async () => {
    // The bundled file's DeepSeek-R1 rows with data-parallel attention and prefill on the same chips (breaker).
    const lines = readFileSync(new URL("../../data/measurements.csv", import.meta.url), "utf8").split("\n");
    const outside = lines.filter((l) => /^(mlperf51-deepseek-r1|trtllm-bestperf-dsr1)/.test(l));
    expect(outside).toHaveLength(7);
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-out-of-band-"));
    try {
      const file = join(dir, "outside.csv");
      writeFileSync(file, [lines[0], ...outside, ""].join("\n"));
      const {code, stderr} = await runCli(["calibration", "--measurements", file]);
      expect(code).toBe(1);
      expect(stderr).toMatch(
        /report its error \(7 rows outside the calibrated band, never fitted: scope\.ts\): .* found 0 comparable/
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("a measurements file of garbage prints its first 50 errors and a line counting the rest, exit 1", async () => {
    // It printed every one: 44,000 lines for 2,000 rows of garbage (breaker).
    const header = readFileSync(new URL("../../data/measurements.csv", import.meta.url), "utf8").split("\n")[0]!;
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-garbage-"));
    try {
      const file = join(dir, "garbage.csv");
      const row = Array(header.split(",").length).fill("garbage x").join(",");
      writeFileSync(file, `${header}\n${`${row}\n`.repeat(2000)}`);
      const {code, stdout, stderr} = await runCli(["calibration", "--measurements", file]);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      const lines = stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(51);
      expect(lines[0]).toBe(
        `token-ledger: ${file}:2:1: id: bad id: expected lowercase kebab-case such as 'h100-sxm' or 'llama-3.1-8b', ` +
          "found 'garbage x'"
      );
      expect(lines[50]).toMatch(
        new RegExp(`^token-ledger: ${file}:4:\\d+: \\d+ more errors not shown, the first here: .*found \\d+ errors `)
      );
      expect(lines[50]).toMatch(/\(fix the ones above first; the rest are of the kinds above\)$/);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("a measurements file that cannot be read is one clear line", async () => {
    const {code, stderr} = await runCli(["calibration", "--measurements", "/nonexistent/m.csv"]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      "token-ledger: /nonexistent/m.csv: cannot read the measurements file (ENOENT): expected a readable CSV file, " +
        "found /nonexistent/m.csv\n"
    );
  });

  it("a folder given as the measurements file says so, as a catalog's does (it said only 'cannot read'; breaker)", async () => {
    const folder = mkdtempSync(join(tmpdir(), "token-ledger-measurements-"));
    try {
      const {code, stdout, stderr} = await runCli(["calibration", "--measurements", folder]);
      expect({code, stdout}).toEqual({code: 1, stdout: ""});
      expect(stderr).toBe(
        `token-ledger: ${folder}: cannot read the measurements file (a directory): expected a readable CSV file, ` +
          `found ${folder}\n`
      );
    } finally {
      rmSync(folder, {recursive: true});
    }
  });

  it("a measurements path with a trailing slash is refused, naming --measurements, as run's SCENARIO is", async () => {
    // It was read as the file: the table on stdout, exit 0.
    const {code, stdout, stderr} = await runCli(["calibration", "--measurements", "data/measurements.csv/"]);
    expect({code, stdout}).toEqual({code: 1, stdout: ""});
    expect(stderr).toBe(
      "token-ledger: --measurements: a file written with a trailing slash: expected the file's path without it, " +
        "data/measurements.csv, found data/measurements.csv/\n"
    );
  });

  it("--write replaces the generated module whole: a temporary file beside it, renamed over it (breaker)", () => {
    const folder = mkdtempSync(join(tmpdir(), "token-ledger-calibration-write-"));
    try {
      const target = join(folder, "servingCalibration.generated.ts");
      writeFileSync(target, "export const OLD = 1;\n");
      let during: {target: string; others: string[]} | undefined;
      writeCalibrationModule(target, "export const NEW = 2;\n", () => {
        during = {
          target: readFileSync(target, "utf8"),
          others: readdirSync(folder).filter((name) => name !== "servingCalibration.generated.ts")
        };
      });
      // Mid-write the module is still the old one, the new text in a temporary file beside it.
      expect(during).toEqual({
        target: "export const OLD = 1;\n",
        others: [`.servingCalibration.generated.ts.${process.pid}.tmp`]
      });
      expect(readFileSync(target, "utf8")).toBe("export const NEW = 2;\n");
      expect(readdirSync(folder)).toEqual(["servingCalibration.generated.ts"]);
    } finally {
      rmSync(folder, {recursive: true});
    }
  });
});
