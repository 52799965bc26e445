import {spawn} from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {csvParse} from "d3-dsv";
import {parquetMetadata, parquetReadObjects} from "hyparquet";
import {afterAll, describe, expect, it} from "vitest";
import {SCENARIOS_DIR} from "../../src/node/paths.js";
import {runScenarioRequest} from "../../src/node/scenarioRun.js";
import {SCENARIO_METRICS} from "../../src/scenario/evaluate/evaluateScenario.js";
import {METRIC_INFO} from "../../src/scenario/evaluate/metricInfo.js";
import {NULLABLE_METRICS} from "../../src/scenario/evaluate/metrics.js";
import {runCli} from "./runCli.js";

const dir = mkdtempSync(join(tmpdir(), "token-ledger-sweep-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** A fresh, empty folder for one test, so that "no file was written" can be checked by listing it. */
function folder(name: string): string {
  const path = join(dir, name);
  rmSync(path, {recursive: true, force: true});
  mkdirSync(path);
  return path;
}

const TWO_AXES = ["--vary", "silicon.designCycle=6:66:4", "--vary", "serving.utilization=0.5:0.9:3"];

describe("token-ledger sweep: outputs", () => {
  it("writes CSV: one row per value, the varied key then every metric", async () => {
    const out = join(folder("csv"), "cycle.csv");
    const {code, stdout, stderr} = await runCli([
      "sweep",
      "asic-9-months",
      "--vary",
      "silicon.designCycle=6:36:31",
      "--out",
      out
    ]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote 31 rows × ${1 + SCENARIO_METRICS.length} columns to ${out}\n`); // 1 varied key + the metrics
    const rows = csvParse(readFileSync(out, "utf8"));
    expect(rows.columns).toEqual(["silicon.designCycle", ...SCENARIO_METRICS]);
    expect(rows.map((row) => Number(row["silicon.designCycle"]))).toEqual(Array.from({length: 31}, (_, i) => 6 + i));
    // The 9-month row is the scenario itself at `run`'s point: each uncertain key at the median of its draws at run's
    // default samples and seed (CSV keeps every digit of a number).
    const {result} = runScenarioRequest({scenario: "asic-9-months", sets: [], samples: 1000, seed: 1});
    expect(Number(rows[3]!.siliconNpvUsd)).toBe(result.point.metrics.siliconNpvUsd);
    // The NPV falls as the cycle lengthens.
    const npv = rows.map((row) => Number(row.siliconNpvUsd));
    expect(npv).toEqual([...npv].sort((a, b) => b - a));
  });

  it("says 'wrote 1 row' for a grid of one point", async () => {
    // One axis of 1 step is one point; its columns are the varied key and the one metric asked for: 2.
    const out = join(folder("one"), "one.csv");
    const {code, stdout} = await runCli([
      "sweep",
      "base",
      "--vary",
      "serving.utilization=0.5:0.5:1",
      "--metrics",
      "costPerMillionTokensUsd",
      "--out",
      out
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote 1 row × 2 columns to ${out}\n`);
  });

  it("says an axis written with units is in the key's base unit in the file, with its ends (new-user trial)", async () => {
    const out = join(dir, "units.csv");
    const {code, stdout} = await runCli([
      ...["sweep", "base", "--vary", "power.electricity=20 USD/MWh:100 USD/MWh:5"],
      ...["--vary", "serving.utilization=0.5:0.7:3", "--metrics", "costPerMillionTokensUsd", "--out", out]
    ]);
    expect(code).toBe(0);
    // 20 USD/MWh = 0.02 USD/kWh (÷ 1,000); the bare-number axis needs no line.
    expect(stdout).toBe(
      `wrote 15 rows × 3 columns to ${out}\n` +
        "power.electricity is written in its base unit, USD/kWh: 0.02 to 0.1 (given as 20 USD/MWh to 100 USD/MWh)\n"
    );
    expect(readFileSync(out, "utf8").split("\n")[1]).toMatch(/^0\.02,0\.5,/);
  });

  it("counts of rows and points are grouped in thousands, as every count the command line writes", async () => {
    // Breaker: "wrote 1000000 rows × 40 columns", "expected at most 1000000 points, found 1010000".
    const where = folder("grouped");
    const out = join(where, "g.csv");
    const grid = ["--vary", "serving.utilization=0.3:0.9:1000", "--vary", "power.electricity=0.04:0.12:2"];
    const wrote = await runCli(["sweep", "base", ...grid, "--metrics", "costPerMillionTokensUsd", "--out", out]);
    expect(wrote).toMatchObject({code: 0, stdout: `wrote 2,000 rows × 3 columns to ${out}\n`, stderr: ""});
    const big = ["--vary", "serving.utilization=0.3:0.9:1010", "--vary", "power.electricity=0.04:0.12:1000"];
    expect(await runCli(["sweep", "base", ...big, "--out", join(where, "big.csv")])).toMatchObject({
      code: 1,
      stderr: "token-ledger: --vary: grid too large: expected at most 1,000,000 points, found 1,010,000\n"
    });
    expect(readdirSync(where)).toEqual(["g.csv"]);
  });

  it("writes the axis values a user wrote, not binary rounding residue (new-user trial)", async () => {
    const out = join(folder("decimals"), "electricity.csv");
    const args = ["sweep", "base", "--vary", "power.electricity=0.04:0.12:5", "--metrics", "costPerMillionTokensUsd"];
    const {code, stderr} = await runCli([...args, "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    // Step (0.12 − 0.04) / 4 = 0.02 by hand; before, the file held 0.07999999999999999 and 0.09999999999999999.
    const cells = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(cells).toEqual(["0.04", "0.06", "0.08", "0.1", "0.12"]);
  });

  it("writes JSON for a grid of two axes: every combination, null where an event is beyond the horizon", async () => {
    const out = join(folder("json"), "grid.json");
    const {code, stdout} = await runCli(["sweep", "asic-9-months", ...TWO_AXES, "--out", out]);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote 12 rows × ${2 + SCENARIO_METRICS.length} columns to ${out}\n`); // 2 varied keys + the metrics
    const rows = JSON.parse(readFileSync(out, "utf8"));
    expect(rows).toHaveLength(4 * 3);
    expect(rows.map((row: Record<string, number>) => [row["silicon.designCycle"], row["serving.utilization"]])).toEqual(
      [6, 26, 46, 66].flatMap((cycle) => [0.5, 0.7, 0.9].map((u) => [cycle, u]))
    );
    // A chip that ships in month 66 cannot pay back within a 60-month horizon.
    expect(rows.at(-1).siliconPaybackMonth).toBeNull();
    expect(rows[0].siliconPaybackMonth).toBeGreaterThan(6);
  });

  it("writes Parquet that reads back with the same rows and values", async () => {
    const folderPath = folder("parquet");
    const out = join(folderPath, "grid.parquet");
    const json = join(folderPath, "grid.json");
    expect((await runCli(["sweep", "asic-9-months", ...TWO_AXES, "--out", out])).code).toBe(0);
    expect((await runCli(["sweep", "asic-9-months", ...TWO_AXES, "--out", json])).code).toBe(0);
    const bytes = readFileSync(out);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rows = await parquetReadObjects({file});
    const expected = JSON.parse(readFileSync(json, "utf8"));
    expect(rows).toHaveLength(12);
    expect(Object.keys(rows[0]!)).toEqual(["silicon.designCycle", "serving.utilization", ...SCENARIO_METRICS]);
    expect(rows[4]!.siliconNpvUsd).toBe(expected[4].siliconNpvUsd);
    expect(rows[4]!["serving.utilization"]).toBe(0.7);
    expect(rows.at(-1)!.siliconPaybackMonth).toBeNull();
    // A column that may hold null is OPTIONAL; the varied keys and the metrics that are never null are REQUIRED (no
    // definition levels), so a reader's schema says which columns can be empty.
    const repetition = Object.fromEntries(
      parquetMetadata(file)
        .schema.slice(1)
        .map((element) => [element.name, element.repetition_type])
    );
    expect(repetition).toMatchObject({
      "silicon.designCycle": "REQUIRED",
      "serving.utilization": "REQUIRED",
      costPerMillionTokensUsd: "REQUIRED",
      siliconNpvUsd: "REQUIRED",
      siliconPaybackMonth: "OPTIONAL",
      inferenceOvertakesTrainingMonth: "OPTIONAL"
    });
    const optional = Object.keys(repetition).filter((name) => repetition[name] === "OPTIONAL");
    expect(optional).toEqual([...NULLABLE_METRICS]);
  });

  it("--metrics writes only the chosen metrics, Parquet with each column's unit in its metadata", async () => {
    const where = folder("metrics");
    const out = join(where, "cost.parquet");
    const args = [
      "sweep",
      "base",
      ...["--vary", "serving.utilization=0.5:0.9:3", "--vary", "power.electricity=0.04:0.12:2"]
    ];
    const {code, stdout} = await runCli([
      ...args,
      "--metrics",
      "costPerMillionTokensUsd,chipHourCostUsd",
      "--out",
      out
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe(`wrote 6 rows × 4 columns to ${out}\n`);
    const bytes = readFileSync(out);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rows = await parquetReadObjects({file});
    expect(Object.keys(rows[0]!)).toEqual([
      "serving.utilization",
      "power.electricity",
      "costPerMillionTokensUsd",
      "chipHourCostUsd"
    ]);
    const units = parquetMetadata(file).key_value_metadata!.find((kv) => kv.key === "token-ledger.units")!.value!;
    expect(JSON.parse(units)).toEqual({
      "serving.utilization": "fraction",
      "power.electricity": "USD/kWh",
      costPerMillionTokensUsd: "USD/Mtok",
      chipHourCostUsd: "USD/h"
    });
    const [error] = (await runCli([...args, "--metrics", "costPerMTok", "--out", join(where, "x.csv")])).stderr.split(
      "\n"
    );
    expect(error).toMatch(/^token-ledger: --metrics: unknown metric: expected metric names/);
    expect(readdirSync(where)).toEqual(["cost.parquet"]);
    // The error points at `sweep --help`, which lists every name whole (the error's list was cut mid-name: breaker).
    expect(error).toContain("as `token-ledger sweep --help` lists them");
    const help = (await runCli(["sweep", "--help"])).stdout;
    for (const name of SCENARIO_METRICS) expect(help).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
  });

  // inferenceShareOfSpend read "fraction", fleetUtilizationNeeded, flywheelUserGain and costProfitMargin "ratio", with
  // nothing to say all four print as percentages (and siliconRelativeThroughput, also a ratio, as ×).
  it("--help gives each metric's unit, and how a fraction or ratio prints, as metricInfo.ts has it", async () => {
    const help = (await runCli(["sweep", "--help"])).stdout;
    const unitOf = (name: string) => new RegExp(`^  ${name} +(.*)$`, "m").exec(help)?.[1];
    expect(unitOf("costPerMillionTokensUsd")).toBe("USD/Mtok");
    expect(unitOf("trainingSpendUsd")).toBe("USD");
    for (const name of ["inferenceShareOfSpend", "priceListGrossMargin"]) {
      expect(unitOf(name)).toBe("fraction, printed as %");
    }
    for (const name of ["fleetUtilizationNeeded", "flywheelUserGain", "costProfitMargin"]) {
      expect(unitOf(name)).toBe("ratio, printed as %");
    }
    expect(unitOf("siliconRelativeThroughput")).toBe("ratio, printed as ×");
    for (const name of SCENARIO_METRICS) {
      const {unit, displayUnit} = METRIC_INFO[name];
      expect(unitOf(name)).toBe(
        displayUnit === "%" || displayUnit === "×" ? `${unit}, printed as ${displayUnit}` : unit
      );
    }
  });

  it("applies --set before sweeping", async () => {
    const out = join(folder("set"), "set.json");
    const args = ["sweep", "base", "--set", "serving.batch=128", "--vary", "serving.utilization=0.5:1:2", "--out", out];
    expect((await runCli(args)).code).toBe(0);
    const [half, full] = JSON.parse(readFileSync(out, "utf8"));
    // Cost per token is inversely proportional to utilisation.
    expect(half.costPerMillionTokensUsd / full.costPerMillionTokensUsd).toBeCloseTo(2, 12);
  });

  it.each([
    ["silicon.bf16Flops=1000 TFLOP/s", "silicon.hbmBandwidth=2 TB/s:8 TB/s:3", ["2 TB/s", "5 TB/s", "8 TB/s"]],
    [
      "silicon.hbmBandwidth=3 TB/s",
      "silicon.bf16Flops=500 TFLOP/s:2000 TFLOP/s:3",
      ["500 TFLOP/s", "1250 TFLOP/s", "2000 TFLOP/s"]
    ]
  ])(
    "--set %s with --vary %s: the chip by its specs has both (breaker: refused as missing one)",
    async (set, vary, at) => {
      // A chip given by its specs needs silicon.bf16Flops and silicon.hbmBandwidth (customChipMode): the --set's check
      // ran before the varied key was known, and the pair was refused as "needs silicon.hbmBandwidth" either way round.
      // silicon.fp8Flops above both peaks, since base serves at fp8.
      const out = join(folder("specs-set-vary"), "grid.json");
      const fp8 = "silicon.fp8Flops=4000 TFLOP/s";
      const args = ["sweep", "base", "--set", fp8, "--set", set, "--vary", vary, "--out", out];
      const {code, stderr} = await runCli([...args, "--metrics", "siliconRelativeThroughput"]);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      const rows = JSON.parse(readFileSync(out, "utf8")) as {siliconRelativeThroughput: number}[];
      // Each row is `run` with the varied key set to that point's value (the grid's values, by hand: FROM, the middle
      // (FROM + TO) / 2, TO), bit for bit as the sweep promises.
      const key = vary.slice(0, vary.indexOf("="));
      const expected = at.map(
        (value) =>
          runScenarioRequest({scenario: "base", sets: [fp8, set, `${key}=${value}`], samples: 1000, seed: 1}).result
            .point.metrics.siliconRelativeThroughput
      );
      expect(rows.map((row) => row.siliconRelativeThroughput)).toEqual(expected);
    }
  );
});

describe("token-ledger sweep: errors write no file", () => {
  it.each([
    [
      "an unknown --vary path",
      ["base", "--vary", "serving.utilisation=0.3:0.9:3"],
      "--vary: serving.utilisation: unknown key: expected a scenario key path, found serving.utilisation (did you mean serving.utilization?)"
    ],
    [
      "an out-of-range value",
      ["base", "--vary", "serving.utilization=0.3:1.9:3"],
      // A share's range in both forms, as --set gives it (readValue.ts, outOfRange).
      "--vary: serving.utilization: value out of range: expected values in [0.01, 1], or percentages in [1%, 100%], " +
        "found 1.9"
    ],
    // silicon.designCycle takes [3, 120] months (schema); 1 year to 60 years is past it, so no year is offered (it read
    // "(1 years is 12 months, the unit a bare end such as 60 is read in: did you mean 1 years?)"; tester).
    [
      "an axis starting below the key's range",
      ["base", "--vary", "silicon.designCycle=1:60:60"],
      "--vary: silicon.designCycle: value out of range: expected values in [3 months, 120 months], found 1 (start the " +
        "range at 3 months, the least silicon.designCycle takes: did you mean silicon.designCycle=3:60:58?)\n"
    ],
    [
      "a malformed axis",
      ["base", "--vary", "serving.utilization=0.3-0.9"],
      "--vary: serving.utilization: malformed range: expected path=FROM:TO:STEPS, like serving.utilization=0.3:0.9:7, found serving.utilization=0.3-0.9"
    ],
    ["no axis", ["base"], "--vary: nothing to sweep: expected at least one --vary path=FROM:TO:STEPS, found none"],
    [
      "a bad --set",
      ["base", "--set", "power.electricity=30 kWh", "--vary", "serving.utilization=0.3:0.9:3"],
      "--set: power.electricity: wrong unit"
    ],
    ["an unknown scenario", ["bsae", "--vary", "serving.utilization=0.3:0.9:3"], "SCENARIO: unknown scenario 'bsae'"],
    // An empty name: where it is among the names, not found "" (trial).
    ...[
      ["a,,b", "2 of 3, between commas"],
      [",a", "1 of 2, before the first comma"],
      ["a, ", "2 of 2, after the last comma"]
    ].map(([list, where]) => [
      `--metrics ${list}`,
      ["base", "--vary", "serving.utilization=0.3:0.9:3", "--metrics", list!],
      `--metrics: empty metric name at position ${where}: expected metric names separated by single commas, like ` +
        `costPerMillionTokensUsd,chipHourCostUsd, found ${list!.replace(/ /g, "")}\n`
    ]),
    [
      "--metrics ''",
      ["base", "--vary", "serving.utilization=0.3:0.9:3", "--metrics", ""],
      "--metrics: no metric name: expected metric names separated by single commas"
    ],
    // A blank list read found "" (breaker).
    [
      "--metrics ' '",
      ["base", "--vary", "serving.utilization=0.3:0.9:3", "--metrics", " "],
      "--metrics: no metric name: expected metric names separated by single commas, like " +
        "costPerMillionTokensUsd,chipHourCostUsd, found an empty list\n"
    ],
    // The unit's shortening had no hint (breaker: found costPerMTokUsd, and nothing more).
    [
      "--metrics costPerMTokUsd",
      ["base", "--vary", "serving.utilization=0.3:0.9:3", "--metrics", "costPerMTokUsd"],
      "--metrics: unknown metric: expected metric names, each once, as `token-ledger sweep --help` lists them, " +
        "found costPerMTokUsd (did you mean costPerMillionTokensUsd, costPerMillionOutputTokensUsd or " +
        "costPerMillionInputTokensUsd (or 1 more)?)\n"
    ],
    // Names joined by another separator are one unknown name to the comma split: the hint says how (breaker).
    [
      "--metrics a;b",
      ["base", "--vary", "serving.utilization=0.3:0.9:3", "--metrics", "costPerMillionTokensUsd;chipHourCostUsd"],
      "--metrics: unknown metric: expected metric names, each once, as `token-ledger sweep --help` lists them, " +
        "found costPerMillionTokensUsd;chipHourCostUsd (separate metric names with commas)\n"
    ],
    [
      "no worker thread",
      ["base", "--vary", "serving.utilization=0.3:0.9:3", "--workers", "0"],
      "--workers: out of range: expected a whole number in [1, 256], found 0"
    ]
  ])("%s: exit 1, the flag named, nothing written", async (_, args, message) => {
    const where = folder("error");
    const {code, stdout, stderr} = await runCli(["sweep", ...args, "--out", join(where, "out.csv")]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.startsWith(`token-ledger: ${message}`), stderr).toBe(true);
    expect(readdirSync(where)).toEqual([]);
  });

  it("an unknown --out extension: exit 1, nothing written", async () => {
    const where = folder("extension");
    const out = join(where, "grid.xlsx");
    const {code, stderr} = await runCli(["sweep", "base", "--vary", "serving.utilization=0.3:0.9:3", "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `token-ledger: --out: unknown output format: expected a file ending in .csv, .json or .parquet, found ${out}\n`
    );
    expect(readdirSync(where)).toEqual([]);
  });

  // It read "expected a file ending in .csv, .json or .parquet, found .csv" (breaker).
  it("--out of an ending alone: the file name is missing, nothing written", async () => {
    const where = folder("bare-ending");
    const out = join(where, ".csv");
    const {code, stderr} = await runCli(["sweep", "base", "--vary", "serving.batch=8:16:2", "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `token-ledger: --out: no file name before .csv: expected a file name before its ending, like ` +
        `${join(where, "sweep.csv")}, found ${out}\n`
    );
    expect(readdirSync(where)).toEqual([]);
  });

  it("an error in the middle of the grid writes nothing, and names every failing point", async () => {
    const where = folder("midway");
    const {code, stdout, stderr} = await runCli([
      "sweep",
      "base",
      "--vary",
      "serving.batch=64:1024:4",
      "--out",
      join(where, "batch.parquet")
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^token-ledger: --vary: serving\.batch: a batch of 384 does not fit in memory .*\(at serving\.batch=384\): expected at most \d+, the largest batch that fits, found 384$/
    );
    // A point past a thousand: the point and the value found written alike (it read "(at serving.batch=1,024): … found
    // 1024").
    expect(lines[2]).toMatch(
      /\(at serving\.batch=1,024\): expected at most \d+, the largest batch that fits, found 1,024$/
    );
    expect(readdirSync(where)).toEqual([]);
  });

  it("a grid of token counts that are not whole: the range singular at 1, the value found at the digits that show it", async () => {
    // A batch of 8 of 100,513 tokens fits in memory (64 do not), so the grid's ends evaluate and the step count is
    // offered.
    const {code, stderr} = await runCli([
      "sweep",
      "base",
      "--set",
      "serving.batch=8",
      "--vary",
      "serving.inputTokens=1:100001:4",
      "--out",
      join(folder("not-whole"), "tokens.csv")
    ]);
    expect(code).toBe(1);
    // The grid is 1, 33334.333…, 66667.666…, 100001.
    expect(stderr).toBe(
      "token-ledger: --vary: serving.inputTokens: not a whole number: expected whole numbers in [1 token, 100M tokens], " +
        "found 33334.3 (the grid 1:100001:4 has points between whole numbers: STEPS − 1 must divide 100,000; " +
        "did you mean serving.inputTokens=1:100001:5 (1, 25001, 50001, 75001, 100001)?)\n"
    );
  });

  it("a grid that is not whole and whose end fails: the end first, and no step count that keeps it", async () => {
    // It offered serving.batch=1:1000:4 (1, 334, 667, 1000), whose batches of 667 and 1,000 do not fit (breaker).
    const where = folder("not-whole-end");
    const {code, stderr} = await runCli([
      "sweep",
      "base",
      "--vary",
      "serving.batch=1:1000:3",
      "--out",
      join(where, "batch.csv")
    ]);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^token-ledger: --vary: serving\.batch: a batch of 1,000 does not fit in memory .*\(at serving\.batch=1,000\): expected at most \d+, the largest batch that fits, found 1,000$/
    );
    expect(lines[1]).toBe(
      "token-ledger: --vary: serving.batch: not a whole number: expected whole numbers in [1, 1M], found 500.5 " +
        "(the grid 1:1000:3 has points between whole numbers: STEPS − 1 must divide 999)"
    );
    expect(readdirSync(where)).toEqual([]);
  });

  it("names a failing point's token count grouped, as the message beside it writes its tokens", async () => {
    const where = folder("grouped");
    const {code, stderr} = await runCli([
      "sweep",
      "base",
      "--vary",
      "serving.inputTokens=2000:102000:2",
      "--out",
      join(where, "tokens.parquet")
    ]);
    expect(code).toBe(1);
    // 102,000 + 512 tokens fit the model's context window, but a batch of 64 of them does not fit in memory.
    const lines = stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("for its whole 102,512 tokens");
    expect(lines[0]).toContain("(at serving.inputTokens=102,000 tokens)");
  });

  it("a failed sweep leaves an existing output file as it was", async () => {
    const where = folder("keep");
    const out = join(where, "keep.csv");
    writeFileSync(out, "previous results\n");
    const {code} = await runCli(["sweep", "base", "--vary", "serving.batch=64:1024:4", "--out", out]);
    expect(code).toBe(1);
    expect(readFileSync(out, "utf8")).toBe("previous results\n");
    expect(readdirSync(where)).toEqual(["keep.csv"]);
  });

  it("--out through a link to a scenario file it reads: refused, the scenario left as it was (breaker)", async () => {
    // A link bl.csv to data/scenarios/base.md: the sweep wrote its CSV over base.md, exit 0.
    const where = folder("scenario-link");
    const bundled = join(SCENARIOS_DIR, "base.md");
    const before = readFileSync(bundled, "utf8");
    const link = join(where, "bl.csv");
    symlinkSync(bundled, link);
    const args = ["--vary", "serving.utilization=0.3:0.9:3", "--metrics", "costPerMillionTokensUsd", "--out", link];
    const result = await runCli(["sweep", "base", ...args]);
    expect(result).toMatchObject({code: 1, stdout: ""});
    expect(result.stderr).toBe(
      "token-ledger: --out: a file the commands read as input (a catalog, a scenario, or a package.json token-ledger " +
        `reads: the link leads to ${realpathSync(bundled)}): expected the path of an output file of its own, found ${link}\n`
    );
    expect(readFileSync(bundled, "utf8")).toBe(before);
    // Any scenario of the folder, not only the one swept; and the scenario file given by path, and one beside it.
    symlinkSync(join(SCENARIOS_DIR, "agent-era.md"), join(where, "ae.csv"));
    expect((await runCli(["sweep", "base", ...args.slice(0, -1), join(where, "ae.csv")])).stderr).toContain(
      "a file the commands read as input"
    );
    const own = join(where, "mine.md");
    const sibling = join(where, "other.md");
    writeFileSync(own, "---\nid: mine\nextends: base\n---\n");
    writeFileSync(sibling, "---\nid: other\nextends: base\n---\n");
    symlinkSync(own, join(where, "mine.csv"));
    symlinkSync(sibling, join(where, "other.csv"));
    for (const out of ["mine.csv", "other.csv"]) {
      const again = await runCli(["sweep", own, ...args.slice(0, -1), join(where, out)]);
      expect(again).toMatchObject({code: 1, stdout: ""});
      expect(again.stderr).toContain("a file the commands read as input");
    }
    expect(readFileSync(own, "utf8")).toBe("---\nid: mine\nextends: base\n---\n");
    expect(readFileSync(sibling, "utf8")).toBe("---\nid: other\nextends: base\n---\n");
    expect(readdirSync(where).sort()).toEqual(["ae.csv", "bl.csv", "mine.csv", "mine.md", "other.csv", "other.md"]);
  });

  it("an --out folder that does not exist: exit 1 naming --out and the folder, nothing written", async () => {
    // It read "cannot write the file (ENOENT): expected a writable path" (breaker).
    const folder = join(dir, "no-such-folder");
    const out = join(folder, "x.csv");
    const {code, stdout, stderr} = await runCli([
      "sweep",
      "base",
      "--vary",
      "serving.utilization=0.3:0.9:3",
      "--out",
      out
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `token-ledger: --out: the folder ${folder} does not exist: expected a file path in an existing folder, ` +
        `found ${out} (create the folder first (mkdir -p ${folder}), or write the file elsewhere)\n`
    );
    expect(existsSync(folder)).toBe(false);
  });

  it("a key both varied and set: exit 1 naming --vary, both flags as written, nothing written", async () => {
    const where = folder("both");
    const out = join(where, "grid.csv");
    const args = ["--vary", "serving.utilization=30%:90%:3", "--set", "serving.utilization=0.4", "--out", out];
    const {code, stderr} = await runCli(["sweep", "base", ...args]);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      "token-ledger: --vary: serving.utilization: key both varied and set: expected each key either varied (--vary) " +
        "or set (--set), not both, found --vary serving.utilization=30%:90%:3 and --set serving.utilization=0.4"
    );
    expect(readdirSync(where)).toEqual([]);
  });

  it("varying silicon.relativeThroughput over a file's silicon.chip wins, as --set does (set more directly)", async () => {
    // The description set most directly wins (customChipMode): a varied key is an override, over the file's chip. It
    // was an error, though the mode chose the relative throughput when set more directly (breaker).
    const where = folder("chip");
    const scenario = join(where, "chip.md");
    writeFileSync(scenario, "---\ntitle: chip\nextends: asic-9-months\nsilicon:\n  chip: custom-inference-asic\n---\n");
    const out = join(where, "grid.csv");
    const vary = [
      "--vary",
      "silicon.relativeThroughput=0.5:1.5:3",
      "--metrics",
      "siliconRelativeThroughput",
      "--out",
      out
    ];
    const swept = await runCli(["sweep", scenario, ...vary]);
    const set = await runCli(["run", scenario, "--set", "silicon.relativeThroughput=1.5", "--json", "--samples", "50"]);
    expect(swept.code, swept.stderr).toBe(0);
    expect(set.code, set.stderr).toBe(0);
    const rows = csvParse(readFileSync(out, "utf8"));
    expect(rows.map((row) => Number(row.siliconRelativeThroughput))).toEqual([0.5, 1, 1.5]);
    const json = JSON.parse(set.stdout);
    expect(json.metrics.siliconRelativeThroughput.p50).toBe(1.5);
    expect(json.assumptions["silicon.chip"].unused).toBe(
      "the custom chip's throughput is silicon.relativeThroughput, set more directly"
    );
  });

  it.each([
    ["serving.batch=1024:64:4", ["serving.batch=1,024", "serving.batch=704", "serving.batch=384"]],
    ["serving.batch=64:1024:4", ["serving.batch=384", "serving.batch=704", "serving.batch=1,024"]],
    ["serving.tensorParallel=1:16:16", ["serving.tensorParallel=1", "serving.tensorParallel=2"]]
  ])(
    "--vary %s: each failing point names --vary, whichever the first value (not the file's line)",
    async (axis, at) => {
      // Breaker: with the failing value first, run's check of the first point blamed data/scenarios/base.md:9:10 (the
      // file's serving.batch: 64), while the other order blamed --vary and listed each failing point.
      const where = folder("first-fails");
      const {code, stdout, stderr} = await runCli(["sweep", "base", "--vary", axis, "--out", join(where, "g.csv")]);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).not.toContain("base.md");
      const lines = stderr.trimEnd().split("\n");
      expect(lines.every((line) => line.startsWith("token-ledger: --vary: "))).toBe(true);
      expect(lines.slice(0, at.length).map((line) => line.match(/\(at ([^)]*)\)/)?.[1])).toEqual(at);
      expect(readdirSync(where)).toEqual([]);
    }
  );

  it("a later grid value whose Monte Carlo draw run refuses: exit 1 at the first such value, nothing written", async () => {
    // Breaker: run's draws were checked at each axis's first value only, so a grid whose later points `run --set`
    // refuses was written. Grid 64:250:3 is 64, 157, 250 (by hand: a step of 93); `run` refuses 157 (a draw of the
    // reserve past 0.25 leaves too little HBM for 157 sequences) and 250, not 64.
    const reserve = "serving.hbmReserve=0.05 to 0.15";
    const where = folder("draws");
    const out = join(where, "grid.csv");
    const args = ["sweep", "base", "--set", reserve, "--vary", "serving.batch=64:250:3", "--out", out];
    const {code, stdout, stderr} = await runCli([...args, "--metrics", "costPerMillionTokensUsd"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const run = await runCli(["run", "base", "--set", reserve, "--set", "serving.batch=157"]);
    expect(run.code).toBe(1);
    // run's message at 157, word for word, with the point and the --vary flag it is the first failing value of.
    const [, message, rest] = run.stderr.trim().match(/^(token-ledger: --set: serving\.hbmReserve: .*valid\))(.*)$/)!;
    expect(stderr.trim()).toBe(
      `${message} (at serving.batch=157)${rest}` +
        " (serving.batch=157 is the first value of --vary serving.batch=64:250:3 at which run refuses a draw)"
    );
    expect((await runCli(["run", "base", "--set", reserve, "--set", "serving.batch=64"])).code).toBe(0);
    expect(readdirSync(where)).toEqual([]);
  });

  it("a model error at a grid point is blamed on a varied key, naming --vary, not on a default", async () => {
    // At 858 mm² and 2 /cm² (asic-9-months' clustering) under 1% of dies work; silicon.dieArea is varied here.
    const out = join(folder("yield"), "grid.csv");
    const vary = ["--vary", "silicon.defectDensity=0:2:5", "--vary", "silicon.dieArea=100:858:3", "--out", out];
    const {code, stderr} = await runCli(["sweep", "asic-9-months", ...vary]);
    expect(code).toBe(1);
    expect(stderr).toContain("token-ledger: --vary: silicon.dieArea: too few dies work");
    // The point in units, as a person writes it (displayValue).
    expect(stderr).toContain("(at silicon.defectDensity=2 /cm², silicon.dieArea=858 mm²)");
    expect(stderr).not.toContain("is at its default");
  });

  it.each([".csv", ".json", ".parquet"])(
    "an --out whose folder is a file (%s): the open's ENOTDIR, not the cleanup's stack trace",
    async (ext) => {
      // Breaker: `--out /etc/passwd/x.csv` printed rmSync's ENOTDIR with a stack trace (force ignores ENOENT only).
      const where = folder("parent-is-a-file");
      const parent = join(where, "a-file");
      writeFileSync(parent, "not a folder\n");
      const out = join(parent, `x${ext}`);
      const {code, stdout, stderr} = await runCli([
        "sweep",
        "base",
        "--vary",
        "serving.utilization=0.3:0.9:3",
        "--out",
        out
      ]);
      expect(code).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toBe(
        `token-ledger: --out: cannot write the file (ENOTDIR): expected a writable path, found ${out}\n`
      );
      expect(readdirSync(where)).toEqual(["a-file"]);
    }
  );
});

describe("token-ledger sweep: ending signals", () => {
  const bin = fileURLToPath(new URL("../../bin/token-ledger.js", import.meta.url));
  // A shell reports a process ended by signal n as 128 + n: SIGHUP 1, SIGINT 2, SIGQUIT 3, SIGTERM 15 (signal(7)).
  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
    ["SIGQUIT", 131]
  ] as const)(
    "%s during a 1M-point sweep leaves no temporary file and exits %i",
    async (signal, exitCode) => {
      // Breaker: SIGTERM and SIGHUP left the 15 MB `.big.csv.<pid>.tmp` behind; only SIGINT had a handler. Later,
      // SIGQUIT (Ctrl-\) left it too.
      const where = folder(`signal-${signal}`);
      const out = join(where, "big.csv");
      // One metric keeps a block of 65,536 points short (the signal is handled between blocks): the whole 1M-point
      // grid takes about 2.5 s after the file is opened, so the signal arrives mid-write.
      const grid = ["--vary", "serving.utilization=0.3:0.9:1000", "--vary", "power.electricity=0.04:0.12:1000"];
      const metric = ["--metrics", "costPerMillionTokensUsd"];
      const child = spawn(process.execPath, [bin, "sweep", "base", ...grid, ...metric, "--out", out], {
        stdio: "ignore"
      });
      const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
      // The signal goes once the temporary file exists: the write has begun.
      while (!readdirSync(where).some((name) => name.endsWith(".tmp"))) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      child.kill(signal);
      expect(await exited).toBe(exitCode);
      expect(readdirSync(where)).toEqual([]);
    },
    30_000
  );

  it.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
    ["SIGQUIT", 131]
  ] as const)(
    "%s during a one-block sweep stops it: exit %i, no new file, an existing --out untouched",
    async (signal, exitCode) => {
      // Breaker: a signal during the only block was handled after the rename (or ignored): "wrote …", the file there.
      const where = folder(`one-block-${signal}`);
      const out = join(where, "one.csv");
      writeFileSync(out, "previous\n");
      // 12,000 points, every metric, 20 years: one block (< 65,536 points) that takes a few seconds to evaluate.
      const grid = ["--vary", "silicon.designCycle=3:120:60", "--vary", "demand.growthPerYear=0:1:200"];
      const args = [bin, "sweep", "base", "--set", "horizon.months=240", ...grid, "--out", out];
      const child = spawn(process.execPath, args, {stdio: "ignore"});
      const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
      while (!readdirSync(where).some((name) => name.endsWith(".tmp"))) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      child.kill(signal);
      expect(await exited).toBe(exitCode);
      expect(readdirSync(where)).toEqual(["one.csv"]);
      expect(readFileSync(out, "utf8")).toBe("previous\n");
    },
    30_000
  );
});
