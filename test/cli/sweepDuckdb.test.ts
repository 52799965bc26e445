import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {bindScenario} from "../../src/scenario/evaluate/evaluateScenario.js";
import {METRIC_INFO} from "../../src/scenario/evaluate/metricInfo.js";
import {parseSweepAxis, sweepScenario} from "../../src/scenario/run/sweepScenario.js";
import {runCli} from "./runCli.js";

/**
 * The README's DuckDB example, run as written: the `sweep` command of its sh block (its --out file placed in a
 * temporary folder, which DuckDB's file_search_path points at) and each statement of its sql block, read back with
 * DuckDB's Node package. Skipped, saying so, only where the package's native binary cannot load.
 */
const duckdb = await import("@duckdb/node-api").then(
  async (module) => {
    await (await module.DuckDBInstance.create(":memory:")).connect();
    return module;
  },
  (error: Error) => {
    console.warn(`skipping the DuckDB test: @duckdb/node-api's native binary does not load here (${error.message})`);
    return null;
  }
);

const dir = mkdtempSync(join(tmpdir(), "token-ledger-duckdb-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** The fenced block of `language` after the README's comment naming this test. */
function readmeBlock(language: string): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const from = readme.indexOf("<!-- test/cli/sweepDuckdb.test.ts");
  expect(from).toBeGreaterThan(0);
  const match = readme.slice(from).match(new RegExp("```" + language + "\\n([\\s\\S]*?)```"));
  return match![1]!;
}

describe.skipIf(duckdb === null)("a Parquet sweep in DuckDB (README)", () => {
  it("has DOUBLE columns, the units in its key-value metadata, and answers the README's query", async () => {
    const command = readmeBlock("sh").trim();
    expect(command).toMatch(/^npx token-ledger sweep /);
    const args = command.replace(/^npx token-ledger /, "").split(/\s+/);
    const out = join(dir, "grid.parquet");
    const {code, stderr} = await runCli(args.map((arg) => (arg === "grid.parquet" ? out : arg)));
    expect(stderr).toBe("");
    expect(code).toBe(0);

    const connection = await (await duckdb!.DuckDBInstance.create(":memory:")).connect();
    await connection.run(`SET file_search_path = '${dir}'`);
    const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRowObjectsJson();

    const columns = ["serving.utilization", "power.electricity", "costPerMillionTokensUsd", "siliconNpvUsd"];
    expect(await rows(`DESCRIBE SELECT * FROM 'grid.parquet'`)).toEqual(
      columns.map((name) => expect.objectContaining({column_name: name, column_type: "DOUBLE"}))
    );

    const [byUtilization, units] = readmeBlock("sql")
      .split(";")
      .map((statement) => statement.trim())
      .filter(Boolean);
    expect(JSON.parse((await rows(units!))[0]!.units as string)).toEqual({
      "serving.utilization": "fraction",
      "power.electricity": "USD/kWh",
      costPerMillionTokensUsd: METRIC_INFO.costPerMillionTokensUsd.unit,
      siliconNpvUsd: METRIC_INFO.siliconNpvUsd.unit
    });
    expect(METRIC_INFO.costPerMillionTokensUsd.unit).toBe("USD/Mtok");

    // The query's answer is the sweep's: per utilisation, the cheapest and dearest cost over electricity prices.
    const library = loadScenarioLibrary();
    const sweep = sweepScenario({
      bound: bindScenario(library.resolve("base"), loadCatalogs()),
      axes: [parseSweepAxis("serving.utilization=0.3:0.9:7"), parseSweepAxis("power.electricity=0.04:0.12:5")],
      metrics: ["costPerMillionTokensUsd", "siliconNpvUsd"]
    });
    const answer = await rows(byUtilization!);
    expect(answer.map((row) => row.utilization)).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    answer.forEach((row, i) => {
      const costs = sweep.slice(i * 5, i * 5 + 5).map((r) => r.costPerMillionTokensUsd as number);
      expect(row.cheapest_usd_per_mtok as number).toBeCloseTo(Math.min(...costs), 3);
      expect(row.dearest_usd_per_mtok as number).toBeCloseTo(Math.max(...costs), 3);
      const npv = sweep.slice(i * 5, i * 5 + 5).reduce((sum, r) => sum + (r.siliconNpvUsd as number), 0) / 5;
      expect(row.mean_silicon_npv_busd as number).toBeCloseTo(npv / 1e9, 2);
    });
  });
});
