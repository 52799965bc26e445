// `sweep` wrote no note: a sweep that varied deepseek-one-day's layout or batch, with prefill shared, wrote throughput
// the published runs of such layouts measured at 1/1.7 to 1/4.4 of, and a batch too small for the fleet, with no word
// where `run` of any of its points writes one (session 42's note). It now writes run's notes, checked at the grid's
// corners.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {gridCorners, MAX_NOTE_CORNER_AXES, sweepNotes} from "../../../src/scenario/run/sweepNotes.js";
import {parseSweepAxis} from "../../../src/scenario/run/sweepScenario.js";
import {scenarioDrawMedianPoint} from "../../../src/scenario/run/scenarioDraws.js";
import {bindScenario} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {applyOverrides} from "../../../src/scenario/resolve/applyOverrides.js";
import {catalogIdsOf, loadCatalogs} from "../../../src/node/catalogFiles.js";
import {locateScenario} from "../../../src/node/scenarioLibrary.js";
import {runCli} from "../../cli/runCli.js";

const catalogs = loadCatalogs();

/** A bundled scenario with `sets` applied, bound, and the point a sweep starts from (run's default draws). */
function scenario(name: string, sets: string[] = []) {
  const {id, library} = locateScenario(name);
  const bound = bindScenario(applyOverrides(library.resolve(id), sets, "--set", catalogIdsOf(catalogs)), catalogs);
  return {bound, base: scenarioDrawMedianPoint(bound.resolved, {samples: 1000, seed: 1})};
}

describe("gridCorners", () => {
  it("gives every combination of each axis's ends, one end for an axis of one value", () => {
    const axes = ["serving.utilization=0.3:0.9:7", "power.electricity=0.04:0.12:5", "serving.batch=64:64:1"].map(
      (text) => parseSweepAxis(text)
    );
    // 2 × 2 × 1 corners, the last axis fastest.
    expect(gridCorners(axes)).toEqual([
      {"serving.utilization": 0.3, "power.electricity": 0.04, "serving.batch": 64},
      {"serving.utilization": 0.3, "power.electricity": 0.12, "serving.batch": 64},
      {"serving.utilization": 0.9, "power.electricity": 0.04, "serving.batch": 64},
      {"serving.utilization": 0.9, "power.electricity": 0.12, "serving.batch": 64}
    ]);
  });

  it("past MAX_NOTE_CORNER_AXES axes, checks the all-first and all-last corners only", () => {
    const axes = Array.from({length: MAX_NOTE_CORNER_AXES + 1}, (_, i) => ({path: `k${i}`, values: [i, i + 1]}));
    const corners = gridCorners(axes);
    expect(corners).toHaveLength(2);
    expect(Object.values(corners[0]!)).toEqual(axes.map((axis) => axis.values[0]));
    expect(Object.values(corners[1]!)).toEqual(axes.map((axis) => axis.values[1]));
    expect(gridCorners(axes.slice(0, MAX_NOTE_CORNER_AXES))).toHaveLength(2 ** MAX_NOTE_CORNER_AXES);
  });
});

describe("sweepNotes", () => {
  it("names the corners a note holds at, and none for a note that holds at all of them", () => {
    // deepseek-one-day with prefill on its decode GPUs: TP 1 × EP 144 is outside the calibrated band at every batch
    // (scope.ts); its 1,814 chips are too few for the day's tokens at a batch of 64 (`run deepseek-one-day --set
    // serving.prefill=shared --set serving.batch=64` notes 72,305 chips at full use).
    const {bound, base} = scenario("deepseek-one-day", ["serving.prefill=shared"]);
    const notes = sweepNotes(bound, [parseSweepAxis("serving.batch=64:4096:3")], base);
    const band = notes.find((n) => n.note.includes("not calibrated on"));
    expect(band?.at).toBeNull();
    const fleet = notes.filter((n) => n.note.startsWith("fleet.chips"));
    expect(fleet.map((n) => n.at)).toContainEqual([{"serving.batch": 64}]);
  });

  it("gives none for a grid where run gives none", () => {
    const {bound, base} = scenario("base");
    expect(sweepNotes(bound, [parseSweepAxis("serving.utilization=0.3:0.9:7")], base)).toEqual([]);
  });

  it("notes a money axis of bare numbers under $1,000 once, naming its range, not one written with a currency", () => {
    const {bound, base} = scenario("base");
    // It was a note per end: "at hardware.price=100: … 100 is $100", "at hardware.price=900: … 900 is $900" (tester).
    expect(sweepNotes(bound, [parseSweepAxis("hardware.price=100:900:3")], base)).toEqual([
      {
        note:
          "hardware.price 100 to 900 (--vary hardware.price=100:900:3) is $100 to $900 (a bare number is US dollars), " +
          "where a chip costs thousands: write $100k to $900k if that was meant.",
        at: null
      }
    ]);
    expect(sweepNotes(bound, [parseSweepAxis("hardware.price=$100:$900:3")], base)).toEqual([]);
  });
});

describe("sweepNotes of an axis with one bare end", () => {
  it("notes the end that is a likely slip at the corners it holds at, as a percent axis's hint names that end", () => {
    const {bound, base} = scenario("base");
    // `hardware.price=20:40000:3` had no note: its ends together are no slip, 20 alone is $20 for a chip (tester).
    const note =
      "hardware.price 20 (--vary hardware.price=20:40000:3) is $20 (a bare number is US dollars), where a chip " +
      "costs thousands: write $20k if that was meant.";
    expect(sweepNotes(bound, [parseSweepAxis("hardware.price=20:40000:3")], base)).toEqual([
      {note, at: [{"hardware.price": 20}]}
    ]);
    // An end written with its unit is meant; the bare one beside it is still noted.
    expect(sweepNotes(bound, [parseSweepAxis("hardware.price=$40k:20:3")], base)).toEqual([
      {note: note.replace("20:40000:3", "$40k:20:3"), at: [{"hardware.price": 20}]}
    ]);
    expect(sweepNotes(bound, [parseSweepAxis("hardware.price=2000:40000:3")], base)).toEqual([]);
  });
});

describe("sweep on the command line", () => {
  const dir = mkdtempSync(join(tmpdir(), "sweep-notes-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("writes the notes on stderr after the file, as run writes them, with the corners they hold at", async () => {
    const out = join(dir, "grid.csv");
    const {code, stdout, stderr} = await runCli([
      "sweep",
      "deepseek-one-day",
      "--set",
      "serving.prefill=shared",
      "--vary",
      "serving.batch=64:4096:3",
      "--metrics",
      "costPerMillionTokensUsd",
      "--out",
      out
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain("wrote 3 rows");
    const lines = stderr.trim().split("\n");
    expect(lines).toContainEqual(expect.stringMatching(/^token-ledger: note: deepseek-one-day: the serving layout/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^token-ledger: note: deepseek-one-day at serving\.batch=64: fleet\.chips \(1,814 chips\)/)
    );
  });

  it("writes no note for a sweep that fails", async () => {
    const {code, stderr} = await runCli([
      "sweep",
      "deepseek-one-day",
      "--set",
      "serving.prefill=shared",
      "--vary",
      "serving.expertParallel=1:16:2",
      "--out",
      join(dir, "fails.csv")
    ]);
    expect(code).toBe(1);
    expect(stderr).not.toContain("note:");
  });
});
