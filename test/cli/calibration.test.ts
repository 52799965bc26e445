import {writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";

describe("token-ledger calibration", () => {
  it("prints every measurement beside the model and the held-out error", {timeout: 60_000}, async () => {
    const {code, stdout} = await runCli(["calibration"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^measurement\s+split\s+efficiencies/m);
    expect(stdout).toMatch(/^held out of the fit\s+\d+\s+[\d.]+%/m);
    expect(stdout).toMatch(/^nim18-llama33-70b-5000-500-h100x2-c1\s+\S+\s+hopper\/trtllm/m);
  });

  it("--json gives the rows, the skipped measurements and the errors", {timeout: 60_000}, async () => {
    const {code, stdout} = await runCli(["calibration", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual(["efficiencies", "rows", "skipped", "fit", "heldOut", "families"]);
    expect(report.rows[0]).toHaveProperty("ratio");
    expect(report.heldOut.count).toBeGreaterThan(0);
  });

  it("a bad cell in the measurements file: one line with file:line:column, exit 1, nothing on stdout", async () => {
    const file = join(tmpdir(), "bad-measurements.csv");
    const {MEASUREMENT_COLUMNS} = await import("../../src/inference/calibration/parseMeasurementsCsv.js");
    const row = MEASUREMENT_COLUMNS.map((c) => (c === "chips" ? "eight" : "x"));
    writeFileSync(file, `${MEASUREMENT_COLUMNS.join(",")}\n${row.join(",")}\n`);
    const {code, stdout, stderr} = await runCli(["calibration", "--measurements", file]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/bad-measurements\.csv:2:3: chips: not a number: expected a whole number > 0/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("a measurements file that cannot be read is one clear line", async () => {
    const {code, stderr} = await runCli(["calibration", "--measurements", "/nonexistent/m.csv"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot read the measurements file/);
  });
});
