import {describe, expect, it, vi} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {
  bindScenario,
  evaluateScenarioPoint,
  SCENARIO_METRICS
} from "../../../src/scenario/evaluate/evaluateScenario.js";
import type {ResolvedScenario} from "../../../src/scenario/resolve/resolveScenario.js";
import {scenarioDrawMedianPoint} from "../../../src/scenario/run/scenarioDraws.js";
import {DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED} from "../../../src/scenario/run/runScenario.js";
import {
  markVariedKeys,
  parseSweepAxis,
  readSweepAxis,
  sweepAxisErrors,
  sweepScenario,
  sweepScenarioChunks,
  sweepScenarioColumns,
  type SweepChunk
} from "../../../src/scenario/run/sweepScenario.js";
import {applyOverrides} from "../../../src/scenario/resolve/applyOverrides.js";
import {userErrorsOf} from "../helpers.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();
const bound = (id: string) => bindScenario(library.resolve(id), catalogs);

/** The point a sweep keeps unvaried keys at: each at the median of its draws in `run`'s default Monte Carlo. */
const runPoint = (resolved: ResolvedScenario) =>
  scenarioDrawMedianPoint(resolved, {samples: DEFAULT_SCENARIO_SAMPLES, seed: DEFAULT_SCENARIO_SEED});

/** The index into `axis`'s values of grid row `row` (the last axis fastest). */
function rowIndex(
  row: number,
  axes: readonly {values: readonly number[]}[],
  axis: {values: readonly number[]}
): number {
  const after = axes.slice(axes.indexOf(axis) + 1).reduce((product, a) => product * a.values.length, 1);
  return Math.floor(row / after) % axis.values.length;
}

describe("parseSweepAxis", () => {
  it("spreads STEPS values evenly from FROM to TO, both included", () => {
    expect(parseSweepAxis("silicon.designCycle=6:36:31").values).toEqual(Array.from({length: 31}, (_, i) => 6 + i));
    expect(parseSweepAxis("serving.batch=8:8:1")).toEqual({
      path: "serving.batch",
      values: [8],
      written: "serving.batch=8:8:1"
    });
  });

  it("reads units in FROM and TO and stores base units", () => {
    const {values} = parseSweepAxis("power.electricity=40 USD/MWh:120 USD/MWh:3");
    expect(values[0]).toBeCloseTo(0.04, 15);
    expect(values[1]).toBeCloseTo(0.08, 15);
    expect(values[2]).toBeCloseTo(0.12, 15);
  });

  it("gives the decimals a user wrote between the ends (new-user trial: 0.07999999999999999 in a sweep's CSV)", () => {
    // Step (0.12 − 0.04) / 4 = 0.02 by hand; FROM + (TO − FROM) × 2 / 4 alone is 0.07999999999999999.
    expect(parseSweepAxis("power.electricity=0.04:0.12:5").values).toEqual([0.04, 0.06, 0.08, 0.1, 0.12]);
    // Step 0.1 by hand; the arithmetic alone gives 0.6000000000000001 and 0.7000000000000001.
    expect(parseSweepAxis("serving.utilization=0.3:0.9:7").values).toEqual([0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
  });

  it("ends exactly on TO, so a grid up to a key's closed maximum is accepted", () => {
    // 0.3 + (0.9 − 0.3) is 0.9000000000000001 in floating point, past the key's maximum of 0.9.
    const {values} = parseSweepAxis("flywheel.costReductionPerGeneration=0.3:0.9:7");
    expect(values.at(-1)).toBe(0.9);
    expect(values).toHaveLength(7);
  });

  it.each([
    ["serving.utilization", "missing =", "serving.utilization"],
    ["serving.utilisation=0.3:0.9:3", "unknown key", "serving.utilisation"],
    // What the key takes, in a file's words for it (expectedFor), not the key path alone (breaker).
    [
      "serving.hardware=1:2:2",
      "not a numeric key",
      "serving.hardware, which takes a catalog id in lowercase kebab-case, like h100-sxm"
    ],
    ["serving.utilization=0.3-0.9", "malformed range", "serving.utilization=0.3-0.9"],
    ["serving.utilization=0.3 to 0.5:0.9:3", "an interval is not an axis end", "0.3 to 0.5"],
    ["serving.utilization=0.3:0.9", "malformed range", "serving.utilization=0.3:0.9"],
    ["serving.utilization=0.3:0.9:0", "bad step count", "0"],
    ["serving.utilization=0.3:0.9:2.5", "bad step count", "2.5"],
    ["serving.utilization=0.3:0.9:1", "one step cannot span a range", "serving.utilization=0.3:0.9:1"],
    // Three steps from 0.3 to 0.3 would be three identical rows (the trial's silent repeat), 30% being 0.3 too.
    ["serving.utilization=0.3:0.3:3", "FROM equals TO, so STEPS must be 1", "3"],
    ["serving.utilization=0.3:30%:2", "FROM equals TO, so STEPS must be 1", "2"],
    ["serving.utilization=0.3:1.9:3", "value out of range", "1.9"],
    ["serving.utilization=-0.1:0.9:3", "value out of range", "-0.1"],
    ["serving.batch=1:10:3", "not a whole number", "5.5"],
    ["power.electricity=30 kWh:40 kWh:2", "wrong unit", "30 kWh"],
    // readValue's quantityError: a value with no number at its start is "not a number" (a scenario file's wording).
    ["power.electricity=cheap:0.1:2", "not a number", "cheap"],
    // A hex literal is a malformed number, not a number with a wrong unit (it said "wrong unit", reading 0 then x10).
    ["serving.utilization=0x10:0.9:3", "not a number", "0x10"]
  ])("rejects %s: %s, naming --vary and what it found", (text, message, found) => {
    const [error] = userErrorsOf(() => parseSweepAxis(text));
    expect(error).toMatchObject({flag: "--vary", message, found});
    expect(error!.expected).toBeTruthy();
  });

  it("tells a choice or catalog key to be set with --set, one sweep for each value (breaker)", () => {
    // It said "expected a key with a number value, found serving.kvCache", and no way to sweep its values. The example
    // is the key's first choice (KV_CACHE_DTYPES: bf16), or its schema default for an id (serving.hardware: h100-sxm).
    expect(userErrorsOf(() => parseSweepAxis("serving.kvCache=bf16:fp8:2"))[0]).toMatchObject({
      found: "serving.kvCache, which takes one of bf16, fp16 or fp8",
      hint:
        "an axis runs over numbers: set serving.kvCache with --set (--set serving.kvCache=bf16), " +
        "one sweep for each value"
    });
    expect(userErrorsOf(() => parseSweepAxis("serving.hardware=1:2:2"))[0]!.hint).toBe(
      "an axis runs over numbers: set serving.hardware with --set (--set serving.hardware=h100-sxm), " +
        "one sweep for each value"
    );
  });

  it("tells a fraction's ends written as percentages without their sign the axis with the signs", () => {
    // As `--set serving.utilization=60` is told 60% (new-user trial: the axis had no hint).
    expect(userErrorsOf(() => parseSweepAxis("serving.utilization=30:90:3"))[0]).toMatchObject({
      message: "value out of range",
      found: "30",
      hint: "did you mean serving.utilization=30%:90%:3?"
    });
    // Not for a key that is not a fraction, nor an end out of range as a percentage too. power.pue=10:20 is told its
    // place past the key's [1, 3] (schema) instead, with the range itself (beyondOneBound), and no percentage.
    expect(userErrorsOf(() => parseSweepAxis("power.pue=10:20:3"))[0]!.hint).toBe(
      "the whole range is above 3, the most power.pue takes, and the axis is wider than the key's range: the nearest " +
        "is the range itself, power.pue=1:3:3"
    );
    // 190% is past 100%: that end is moved to the most the key takes (withinRangeHint), no percentage offered.
    expect(userErrorsOf(() => parseSweepAxis("serving.utilization=0.3:190:3"))[0]!.hint).toBe(
      "end the range at 1, the most serving.utilization takes: did you mean serving.utilization=0.3:1:3?"
    );
  });

  it("tells one end out of range as written, and in range as a percentage, that end with its sign alone", () => {
    // The axis read 0.5%:80%, turning a fraction of 50% into 0.5% (tester); as a unit's one failing end is told.
    expect(userErrorsOf(() => parseSweepAxis("finance.vendorGrossMargin=0.5:80:3"))[0]).toMatchObject({
      message: "value out of range",
      found: "80",
      hint: "80% is the fraction 0.8, as a bare end such as 0.5 is read: did you mean 80%?"
    });
    // 0.3% is under utilization's 1%, which left this axis with no hint (tester).
    expect(userErrorsOf(() => parseSweepAxis("serving.utilization=0.3:90:3"))[0]!.hint).toBe(
      "90% is the fraction 0.9, as a bare end such as 0.3 is read: did you mean 90%?"
    );
    expect(userErrorsOf(() => parseSweepAxis("serving.utilization=30%:90:3"))[0]!.hint).toBe(
      "90% is the fraction 0.9: did you mean 90%?"
    );
  });

  it("writes a % unit against the number, as --set's hint does (it offered `5 %:15 %`; tester)", () => {
    expect(userErrorsOf(() => parseSweepAxis("finance.costOfCapital=5:15:3"))[0]!.hint).toBe(
      "did you mean finance.costOfCapital=5%:15%:3?"
    );
    expect(parseSweepAxis("finance.costOfCapital=5%:15%:3").values).toEqual(
      parseSweepAxis("finance.costOfCapital=0.05:0.15:3").values
    );
  });

  it("tells ends both out of range the unit that puts both in range (new-user trial: electricity in USD/MWh)", () => {
    // 40 and 120 USD/MWh are 0.04 and 0.12 USD/kWh, inside [0, 10]; USD/MWh is the energy price's one other unit.
    const axis = "power.electricity=40:120:9";
    expect(userErrorsOf(() => parseSweepAxis(axis))[0]).toMatchObject({
      message: "value out of range",
      found: "40",
      // Quoted for the shell (shellWord): the unit's spaces split it into three words pasted bare.
      hint: "did you mean 'power.electricity=40 USD/MWh:120 USD/MWh:9'?"
    });
    expect(parseSweepAxis("power.electricity=40 USD/MWh:120 USD/MWh:9").values).toEqual(
      parseSweepAxis("power.electricity=0.04:0.12:9").values
    );
    // One end in range as written (5 USD/kWh is a price; the user may have meant either unit): the other end's unit
    // and its value in USD/kWh, no axis (it had no hint; tester).
    expect(userErrorsOf(() => parseSweepAxis("power.electricity=0.3:120:3"))[0]).toMatchObject({
      message: "value out of range",
      found: "120",
      hint: "a bare end such as 0.3 is read in USD/kWh, and 120 USD/MWh is 0.12 USD/kWh: did you mean 120 USD/MWh?"
    });
    expect(userErrorsOf(() => parseSweepAxis("power.electricity=30 USD/MWh:120:3"))[0]!.hint).toBe(
      "120 USD/MWh is 0.12 USD/kWh: did you mean 120 USD/MWh?"
    );
  });

  it("offers one end another unit only when that unit puts the whole axis in range, written singular for one", () => {
    // silicon.designCycle takes [3, 120] months (schema). 1:60 in years is 12 to 720 months, past 120: it was told "1
    // years is 12 months, the unit a bare end such as 60 is read in: did you mean 1 years?" (tester). The axis from the
    // least the key takes at the same 1-month step instead: 3, 4, …, 60 is 58 points.
    expect(userErrorsOf(() => parseSweepAxis("silicon.designCycle=1:60:60"))[0]).toMatchObject({
      message: "value out of range",
      expected: "values in [3 months, 120 months]",
      found: "1",
      hint: "start the range at 3 months, the least silicon.designCycle takes: did you mean silicon.designCycle=3:60:58?"
    });
    expect(parseSweepAxis("silicon.designCycle=3:60:58").values).toEqual(Array.from({length: 58}, (_, i) => 3 + i));
    // 1:5 in years is 12 to 60 months, in range: the year offered, singular.
    expect(userErrorsOf(() => parseSweepAxis("silicon.designCycle=1:5:5"))[0]!.hint).toBe(
      "a bare end such as 5 is read in months, and 1 year is 12 months: did you mean 1 year?"
    );
    // The end that passes a bound is moved to it whichever end it is; a unit end keeps its unit (3 months).
    expect(userErrorsOf(() => parseSweepAxis("silicon.designCycle=60:1:60"))[0]!.hint).toBe(
      "end the range at 3 months, the least silicon.designCycle takes: did you mean silicon.designCycle=60:3:58?"
    );
    expect(userErrorsOf(() => parseSweepAxis("silicon.designCycle=1 mo:60:60"))[0]!.hint).toMatch(
      // Quoted: `3 months` holds a space (shellWord).
      /did you mean 'silicon\.designCycle=3 months:60:58'\?$/
    );
    // Both ends out: the key's range, and the user's step count where their step does not divide the new axis.
    expect(userErrorsOf(() => parseSweepAxis("silicon.designCycle=1:200:3"))[0]!.hint).toBe(
      "keep the range within [3 months, 120 months]: did you mean silicon.designCycle=3:120:3?"
    );
    // A whole-number key: a count whose points are whole (1, 22, 43, 64), as a grid between whole numbers is told.
    expect(userErrorsOf(() => parseSweepAxis("serving.batch=0:64:3"))[0]!.hint).toBe(
      "start the range at 1, the least serving.batch takes: did you mean serving.batch=1:64:4?"
    );
  });

  it("says an axis whose ends both pass one bound lies past it, and offers the nearest axis that fits", () => {
    // silicon.designCycle takes [3, 120] months (schema). 200:300 is above 120 at both ends: it had no hint (helper
    // item). The same span of 100 months slid down to end at 120: 20, 70, 120.
    expect(userErrorsOf(() => parseSweepAxis("silicon.designCycle=200:300:3"))[0]).toMatchObject({
      message: "value out of range",
      expected: "values in [3 months, 120 months]",
      found: "200",
      hint:
        "the whole range is above 120 months, the most silicon.designCycle takes; the nearest axis of the same span " +
        "is silicon.designCycle=20:120:3"
    });
    expect(parseSweepAxis("silicon.designCycle=20:120:3").values).toEqual([20, 70, 120]);
    // Below: 0.1 to 2 (a span of 1.9) starts at 3 instead, 3 + 1.9 = 4.9; a unit end keeps its unit.
    expect(userErrorsOf(() => parseSweepAxis("silicon.designCycle=0.1 mo:2:3"))[0]!.hint).toBe(
      "the whole range is below 3 months, the least silicon.designCycle takes; the nearest axis of the same span " +
        "is 'silicon.designCycle=3 months:4.9:3'"
    );
    // A money end quoted for the shell: `$0` pasted bare is the shell's own name, `$1` its first argument (breaker).
    expect(userErrorsOf(() => parseSweepAxis("silicon.nre=-$5M:-$1M:3"))[0]!.hint).toBe(
      "the whole range is below $0, the least silicon.nre takes; the nearest axis of the same span is " +
        "'silicon.nre=$0:$4M:3'"
    );
    expect(userErrorsOf(() => parseSweepAxis("silicon.nre=-$5M:$1M:3"))[0]!.hint).toBe(
      "start the range at $0, the least silicon.nre takes: did you mean 'silicon.nre=$0:$1M:3'?"
    );
    // A span of 300 months is wider than the 117 the key spans: the key's range, at the user's 3 steps.
    expect(userErrorsOf(() => parseSweepAxis("silicon.designCycle=500:200:3"))[0]!.hint).toBe(
      "the whole range is above 120 months, the most silicon.designCycle takes, and the axis is wider than the " +
        "key's range: the nearest is the range itself, silicon.designCycle=120:3:3"
    );
    // A bound the key never takes (silicon.dieArea is above 0 mm²: chipUnitCost.ts) has no axis at it.
    expect(userErrorsOf(() => parseSweepAxis("silicon.dieArea=-5:0:3"))[0]!.hint).toBe(
      "the whole range is at or below 0 mm², and silicon.dieArea must be above it"
    );
    // Out on both sides is moved to both bounds, as before: 1:200 within [3, 120].
    expect(userErrorsOf(() => parseSweepAxis("silicon.designCycle=1:200:10"))[0]!.hint).toBe(
      "keep the range within [3 months, 120 months]: did you mean silicon.designCycle=3:120:10?"
    );
  });

  it("writes a share's offered axis and its bound in percent where the user wrote the ends in percent", () => {
    // serving.utilization takes [0.01, 1] (schema). 120%:150% (a span of 30 points) slid down to end at 100%: 70%, 85%,
    // 100%. It was offered 0.7:1:3, "above 1", beside the 120% written (breaker).
    expect(userErrorsOf(() => parseSweepAxis("serving.utilization=120%:150%:3"))[0]).toMatchObject({
      expected: "values in [0.01, 1], or percentages in [1%, 100%]",
      found: "120%",
      hint:
        "the whole range is above 100%, the most serving.utilization takes; the nearest axis of the same span is " +
        "serving.utilization=70%:100%:3"
    });
    expect(parseSweepAxis("serving.utilization=70%:100%:3").values).toEqual([0.7, 0.85, 1]);
    // One end moved to the bound it passed, written as that end was (0% → 1%, the least the key takes).
    expect(userErrorsOf(() => parseSweepAxis("serving.utilization=0%:50%:3"))[0]!.hint).toBe(
      "start the range at 1%, the least serving.utilization takes: did you mean serving.utilization=1%:50%:3?"
    );
  });

  it.each([
    // A comma before three digits groups them, as in an axis's end (1:16,384:3 is 1 to 16384) and a scenario file:
    // 16,384 is one value; 16 and 384, if meant, are the 2-step axis 16:384:2. It read "malformed range" and no more.
    [
      "serving.batch=16,384",
      "a comma between digits groups them, so 16,384 is one value, 16384, and an axis is FROM:TO:STEPS: for 16384 " +
        "alone, --set serving.batch=16384 (or serving.batch=16384:16384:1); if 16 and 384 were meant, a list is not " +
        "taken: the axis serving.batch=16:384:2 gives 16, 384"
    ],
    // A comma at either end: a list begun or ended by mistake, of one value.
    [
      "serving.batch=,64",
      "a list of values is not taken, and an axis is FROM:TO:STEPS: for 64 alone, --set serving.batch=64 (or " +
        "serving.batch=64:64:1)"
    ],
    [
      "serving.batch=64,",
      "a list of values is not taken, and an axis is FROM:TO:STEPS: for 64 alone, --set serving.batch=64 (or " +
        "serving.batch=64:64:1)"
    ],
    // Evenly spaced values (a step of 0.04) are the axis that gives them exactly.
    [
      "power.electricity=0.04,0.08,0.12",
      "a list of values is not taken, and an axis is FROM:TO:STEPS: the axis power.electricity=0.04:0.12:3 gives " +
        "0.04, 0.08, 0.12"
    ],
    // Evenly spaced values written in percent (0.5, 0.6, 0.7): the axis too. They were told "one run per value", the
    // percentages not compared (breaker).
    [
      "serving.utilization=50%,60%,70%",
      "a list of values is not taken, and an axis is FROM:TO:STEPS: the axis serving.utilization=50%:70%:3 gives " +
        "50%, 60%, 70%"
    ],
    // Doubling values (1, 2, 4, 8) are no axis: one run each.
    [
      "serving.batch=1,2,4,8",
      "a list of values is not taken, and an axis is FROM:TO:STEPS: its values are evenly spaced from FROM to TO, " +
        "and 1, 2, 4, 8 are not: for others, one run per value (--set serving.batch=1, then --set serving.batch=2, …)"
    ],
    // A decimal comma: the point, as a scenario file's 0,5 is told.
    [
      "serving.utilization=0,5",
      "an axis is FROM:TO:STEPS, and a decimal is written with a point, not a comma: did you mean 0.5? For 0.5 " +
        "alone, --set serving.utilization=0.5 (or serving.utilization=0.5:0.5:1)"
    ],
    // A decimal comma whose parts are each in range (0 and 1 are rates of capital the key takes): the decimal first,
    // as --set reads it (applyOverrides' commaListError); it was offered the axis 0:1:2, 0% and 100% a year (breaker).
    [
      "finance.costOfCapital=0,1",
      "an axis is FROM:TO:STEPS, and a decimal is written with a point, not a comma: did you mean 0.1? For 0.1 " +
        "alone, --set finance.costOfCapital=0.1 (or finance.costOfCapital=0.1:0.1:1)"
    ],
    // A money value alone, quoted for the shell as --set is: the axis pasted bare was swept at $2000 (`$1` empty).
    [
      "silicon.unitCost=$12,000",
      "a comma between digits groups them, so $12,000 is one value, $12000, and an axis is FROM:TO:STEPS: for $12000 " +
        "alone, --set 'silicon.unitCost=$12000' (or 'silicon.unitCost=$12000:$12000:1')"
    ]
  ])("says how %s, a value with a comma and no axis, was read and what to write", (text, hint) => {
    expect(userErrorsOf(() => parseSweepAxis(text))[0]).toMatchObject({
      message: "malformed range",
      expected: "path=FROM:TO:STEPS, like serving.utilization=0.3:0.9:7",
      found: text,
      hint
    });
  });

  it("offers a grouped step count as it is written, where the sweep takes it (it had no hint; breaker)", () => {
    expect(userErrorsOf(() => parseSweepAxis("serving.batch=1:2:1,000"))[0]).toMatchObject({
      message: "bad step count",
      expected: "a whole number of steps in [1, 10,000]",
      found: "1,000",
      hint: "a step count is written without grouping: did you mean 1000?"
    });
    expect(userErrorsOf(() => parseSweepAxis("serving.batch=1:2:1_000"))[0]!.hint).toMatch(/did you mean 1000\?/);
    // Out of range without its commas too: nothing offered.
    expect(userErrorsOf(() => parseSweepAxis("serving.batch=1:2:20,000"))[0]!.hint).toBeUndefined();
  });

  it.each([
    ["power.electricity", "cheap", "0.1", "not a number"],
    ["power.electricity", "30 kWh", "0.1", "wrong unit"],
    // A number too large for a double is out of the key's range (it read "not finite: expected a finite number").
    ["power.electricity", "1e999", "0.1", "out of range"],
    // An integer key: the scenario file's expected text begins "a whole number: ".
    ["serving.batch", "lots", "8", "not a number"]
  ])(
    "reports %s=%s (other end %s) like --set and a scenario file: %s, with its expected, found and hint",
    (path, bad, good, message) => {
      const [error] = userErrorsOf(() => parseSweepAxis(`${path}=${bad}:${good}:2`));
      // The reference: the same value through --set, which reads it as a scenario file's value (readValue).
      const [set] = userErrorsOf(() => applyOverrides(library.resolve("base"), [`${path}=${bad}`]));
      expect(set).toMatchObject({flag: "--set", path, message, found: bad});
      expect(error).toMatchObject({flag: "--vary", path, message, found: bad});
      expect([error!.expected, error!.hint]).toEqual([set!.expected, set!.hint]);
    }
  );

  it("names the dimension of a wrong unit, as --set does (issue 16 trial)", () => {
    const [error] = userErrorsOf(() => parseSweepAxis("pricing.output=1 USD/h:2 USD/h:3"));
    expect(error).toMatchObject({flag: "--vary", path: "pricing.output", message: "wrong unit", found: "1 USD/h"});
    expect(error!.hint).toBe("USD/h measures a cost per hour");
  });

  it("suggests the closest key for an unknown one", () => {
    const [error] = userErrorsOf(() => parseSweepAxis("silicon.designCylce=6:36:31"));
    expect(error!.hint).toBe("did you mean silicon.designCycle?");
  });
});

describe("sweepScenario", () => {
  const asic = bound("asic-9-months");
  const cycle = parseSweepAxis("silicon.designCycle=6:36:4");
  const utilization = parseSweepAxis("serving.utilization=0.5:0.9:3");

  it("evaluates every combination of two axes, the last axis fastest, with every metric", () => {
    const onProgress = vi.fn();
    const rows = sweepScenario({bound: asic, axes: [cycle, utilization], onProgress});
    expect(rows).toHaveLength(4 * 3);
    expect(Object.keys(rows[0]!)).toEqual(["silicon.designCycle", "serving.utilization", ...SCENARIO_METRICS]);
    expect(rows.map((row) => [row["silicon.designCycle"], row["serving.utilization"]])).toEqual(
      [6, 16, 26, 36].flatMap((c) => [0.5, 0.7, 0.9].map((u) => [c, u]))
    );
    expect(onProgress).toHaveBeenCalledTimes(12);
    expect(onProgress).toHaveBeenLastCalledWith(12, 12);
  });

  it("each row is the scenario evaluated at that point, other keys at their medians", () => {
    const rows = sweepScenario({bound: asic, axes: [cycle]});
    const point = {...runPoint(asic.resolved), "silicon.designCycle": 16};
    const expected = evaluateScenarioPoint(asic, point).metrics;
    const row = rows[1]!;
    for (const name of SCENARIO_METRICS) expect(row[name], name).toBe(expected[name]);
    // A longer design cycle is worth less.
    const npv = rows.map((r) => r.siliconNpvUsd as number);
    expect(npv).toEqual([...npv].sort((a, b) => b - a));
  });

  it("needs at least one axis and each key once", () => {
    expect(userErrorsOf(() => sweepScenario({bound: asic, axes: []}))[0]!.message).toBe("nothing to sweep");
    expect(userErrorsOf(() => sweepScenario({bound: asic, axes: [cycle, cycle]}))[0]).toMatchObject({
      flag: "--vary",
      message: "key varied twice",
      found: "silicon.designCycle"
    });
  });

  it("collects the points that fail, naming --vary and the point, and returns no rows", () => {
    const errors = userErrorsOf(() =>
      sweepScenario({bound: bound("base"), axes: [parseSweepAxis("serving.batch=64:1024:4")]})
    );
    // Grouped as the point is (it read "(at serving.batch=1,024) … found 1024").
    expect(errors.map((e) => e.found)).toEqual(["384", "704", "1,024"]);
    for (const error of errors) {
      expect(error).toMatchObject({flag: "--vary", path: "serving.batch"});
      expect(error.message).toMatch(/does not fit in memory .*\(at serving\.batch=[\d,]+\)$/);
      expect(error.expected).toMatch(/the largest batch that fits/);
    }
  });

  it("names a varied key once beside another key, as typed, in a clash's found (breaker: cut at 80 characters)", () => {
    // "found silicon.dieArea silicon.dieArea=100:500:2 and silicon.unitCost silicon.unitCost… (91 characters)".
    const axes = [parseSweepAxis("silicon.dieArea=100:500:2"), parseSweepAxis("silicon.unitCost=1000:2000:2")];
    expect(userErrorsOf(() => sweepScenario({bound: bound("base"), axes}))[0]).toMatchObject({
      flag: "--vary",
      path: "silicon.dieArea",
      found: "silicon.dieArea=100:500:2 and silicon.unitCost=1000:2000:2"
    });
    const set = bindScenario(applyOverrides(library.resolve("base"), ["silicon.unitCost=1000"], "--set"), catalogs);
    expect(userErrorsOf(() => sweepScenario({bound: set, axes: axes.slice(0, 1)}))[0]!.found).toBe(
      "silicon.dieArea=100:500:2 and silicon.unitCost 1000"
    );
    const prefill = [parseSweepAxis("serving.prefillTokensPerChip=1000:2000:2")];
    expect(userErrorsOf(() => sweepScenario({bound: bound("base"), axes: prefill}))[0]!.found).toBe(
      "serving.prefillTokensPerChip=1000:2000:2 with serving.prefill shared (the default)"
    );
  });

  it("reads a varied key the scenario leaves unset as set, as --set of it is (breaker: one row at every point)", () => {
    // silicon.bf16Flops is null on base: varied, it read as unset, so the custom chip stayed at base's relative
    // throughput and every row was the same, with no word of the silicon.hbmBandwidth a chip by its specs needs.
    const bf16 = parseSweepAxis("silicon.bf16Flops=500e12:1000e12:2");
    expect(userErrorsOf(() => sweepScenario({bound: bound("base"), axes: [bf16]}))[0]).toMatchObject({
      flag: "--vary",
      path: "silicon.bf16Flops",
      message: "a custom chip given by its specs needs silicon.hbmBandwidth"
    });
    const specs = [
      bf16,
      parseSweepAxis("silicon.fp8Flops=2000e12:2000e12:1"),
      parseSweepAxis("silicon.hbmBandwidth=2e12:3e12:2")
    ];
    const rows = sweepScenario({bound: bound("base"), axes: specs, metrics: ["siliconRelativeThroughput"]});
    const set = (hbm: number) =>
      bindScenario(
        applyOverrides(
          library.resolve("base"),
          ["silicon.bf16Flops=500e12", "silicon.fp8Flops=2000e12", `silicon.hbmBandwidth=${hbm}`],
          "--set"
        ),
        catalogs
      );
    const expected = (hbm: number) =>
      evaluateScenarioPoint(set(hbm), runPoint(set(hbm).resolved)).metrics.siliconRelativeThroughput;
    expect(rows.slice(0, 2).map((row) => row.siliconRelativeThroughput)).toEqual([expected(2e12), expected(3e12)]);
    expect(rows[0]!.siliconRelativeThroughput).not.toBe(rows[1]!.siliconRelativeThroughput);
    // serving.prefillTensorParallel (null: the decode replica's) under shared prefill is refused, as --set of it is.
    const prefill = [parseSweepAxis("serving.prefillTensorParallel=8:16:2")];
    expect(userErrorsOf(() => sweepScenario({bound: bound("base"), axes: prefill}))[0]).toMatchObject({
      flag: "--vary",
      path: "serving.prefillTensorParallel",
      found: "serving.prefillTensorParallel=8:16:2 with serving.prefill shared (the default)"
    });
  });

  it("checks FP8 against BF16 at every point when either is varied, naming --vary and the first failing value", () => {
    // Breaker: the check ran once, at the varied key's first value, so a grid of silicon.bf16Flops 1000:3000:5 beside
    // an FP8 of 2000 TFLOP/s wrote its rows at 2500 and 3000 (BF16 above FP8), which `run --set` refuses.
    const sets = ["silicon.fp8Flops=2000 TFLOP/s", "silicon.hbmBandwidth=3 TB/s"];
    const axes = [parseSweepAxis("silicon.bf16Flops=1000 TFLOP/s:3000 TFLOP/s:5")];
    const set = applyOverrides(library.resolve("base"), sets, "--set");
    const varied = bindScenario(markVariedKeys(set, axes), catalogs);
    const errors = userErrorsOf(() => sweepScenario({bound: varied, axes, metrics: ["siliconRelativeThroughput"]}));
    // The grid is 1000, 1500, 2000, 2500, 3000 TFLOP/s (a step of 500, by hand): 2000 equals FP8 and passes.
    expect(errors.map((error) => [error.flag, error.path, error.message])).toEqual([
      ["--vary", "silicon.bf16Flops", "BF16 throughput above FP8 (at silicon.bf16Flops=2.5 PFLOP/s)"],
      ["--vary", "silicon.bf16Flops", "BF16 throughput above FP8 (at silicon.bf16Flops=3 PFLOP/s)"]
    ]);
    // `run --set` refuses the same point (at silicon.fp8Flops there: both set as directly, customChipMode).
    const at = applyOverrides(library.resolve("base"), [...sets, "silicon.bf16Flops=2500 TFLOP/s"], "--set");
    expect(userErrorsOf(() => bindScenario(at, catalogs))[0]).toMatchObject({message: "FP8 throughput below BF16"});
    // FP8 varied down past a BF16 of 2000 TFLOP/s: the error at FP8, the varied key, though BF16 is a --set too.
    const fp8 = [parseSweepAxis("silicon.fp8Flops=4000 TFLOP/s:1000 TFLOP/s:4")];
    const bf16 = applyOverrides(library.resolve("base"), ["silicon.bf16Flops=2000 TFLOP/s", sets[1]!], "--set");
    const down = bindScenario(markVariedKeys(bf16, fp8), catalogs);
    expect(userErrorsOf(() => sweepScenario({bound: down, axes: fp8}))[0]).toMatchObject({
      flag: "--vary",
      path: "silicon.fp8Flops",
      message: "FP8 throughput below BF16 (at silicon.fp8Flops=1 PFLOP/s)",
      found: "1 PFLOP/s"
    });
  });

  it("stops after five failing points, and says it stopped where points were left", () => {
    const errors = userErrorsOf(() =>
      sweepScenario({bound: bound("base"), axes: [parseSweepAxis("serving.batch=400:1300:10")]})
    );
    // Every batch from 400 fails (base fits at most 372): five points listed, the sixth line says the other five of
    // the ten were not evaluated (breaker: five lines and no total).
    expect(errors).toHaveLength(6);
    expect(errors[5]).toMatchObject({
      flag: "--vary",
      message: "stopped at the 5th point that fails, point 5 of 10: the later points were not evaluated",
      found: "5 failing points among the first 5"
    });
  });
});

describe("sweepScenarioColumns", () => {
  const asic = bound("asic-9-months");
  const cycle = parseSweepAxis("silicon.designCycle=6:36:4");
  const utilization = parseSweepAxis("serving.utilization=0.5:0.9:3");
  const electricity = parseSweepAxis("power.electricity=0.04:0.12:5");

  /** Every block's values copied out (the arrays are reused from block to block). */
  function collect(input: Omit<Parameters<typeof sweepScenarioColumns>[0], "onChunk">) {
    const chunks: {rows: number; offset: number; values: Record<string, number[]>}[] = [];
    const columns = sweepScenarioColumns({
      ...input,
      onChunk: ({rows, offset, values}: SweepChunk) =>
        chunks.push({
          rows,
          offset,
          values: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.from(v.subarray(0, rows))]))
        })
    });
    return {columns, chunks};
  }

  it("delivers the grid in blocks of chunkRows, reusing one set of arrays, with the same values as the rows", () => {
    const {columns, chunks} = collect({bound: asic, axes: [cycle, utilization], chunkRows: 5});
    expect(columns).toEqual(["silicon.designCycle", "serving.utilization", ...SCENARIO_METRICS]);
    expect(chunks.map((c) => [c.offset, c.rows])).toEqual([
      [0, 5],
      [5, 5],
      [10, 2]
    ]);
    const rows = sweepScenario({bound: asic, axes: [cycle, utilization]});
    const flat = (name: string) => chunks.flatMap((c) => c.values[name]!);
    for (const name of columns) expect(flat(name), name).toEqual(rows.map((r) => r[name] ?? NaN));
  });

  it("asks shouldPause every 256 points and yields an empty block where it says so; progress after every point", () => {
    // 600 points in one block of 1,000: shouldPause is asked after points 256 and 512 (PAUSE_CHECK_POINTS, 256, in
    // sweepScenario.ts), says yes at 256 only; the one full block follows, with the values of a sweep without pauses.
    const axes = [parseSweepAxis("serving.utilization=0.3:0.9:20"), parseSweepAxis("power.electricity=0.04:0.12:30")];
    const asked: number[] = [];
    const progress: number[] = [];
    let done = 0;
    const {chunks} = sweepScenarioChunks({
      bound: asic,
      axes,
      metrics: ["costPerMillionTokensUsd"],
      chunkRows: 1_000,
      shouldPause: () => (asked.push(done), done === 256),
      onProgress: (count, total) => progress.push((done = count), total)
    });
    const blocks = [...chunks].map(({rows, offset, values}) => ({
      rows,
      offset,
      cost: Array.from(values.costPerMillionTokensUsd!.subarray(0, rows))
    }));
    expect(asked).toEqual([256, 512]);
    expect(blocks.map(({rows, offset}) => [offset, rows])).toEqual([
      [0, 0],
      [0, 600]
    ]);
    expect(progress).toEqual(Array.from({length: 600}, (_, i) => [i + 1, 600]).flat());
    const rows = sweepScenario({bound: asic, axes, metrics: ["costPerMillionTokensUsd"]});
    expect(blocks[1]!.cost).toEqual(rows.map((row) => row.costPerMillionTokensUsd));
  });

  it("--metrics: only the chosen columns, with the values of a full evaluation, bit for bit", () => {
    const metrics = ["siliconNpvUsd", "costPerMillionTokensUsd"] as const;
    const {columns, chunks} = collect({bound: asic, axes: [utilization, electricity], metrics});
    expect(columns).toEqual(["serving.utilization", "power.electricity", ...metrics]);
    const base = runPoint(asic.resolved);
    const [chunk] = chunks;
    for (let i = 0; i < chunk!.rows; i++) {
      const point = {
        ...base,
        "serving.utilization": chunk!.values["serving.utilization"]![i]!,
        "power.electricity": chunk!.values["power.electricity"]![i]!
      };
      const expected = evaluateScenarioPoint(asic, point).metrics;
      for (const name of metrics) expect(chunk!.values[name]![i], name).toBe(expected[name]);
    }
  });

  it("reuses the serving model's result when no varied key feeds it, and re-runs it when one does", () => {
    // serving.batch feeds the roofline: each point's throughput differs; serving.utilization does not.
    const batch = parseSweepAxis("serving.batch=16:64:3");
    const {chunks} = collect({bound: asic, axes: [batch], metrics: ["tokensPerSecondPerChip"]});
    const rates = chunks[0]!.values.tokensPerSecondPerChip!;
    expect(new Set(rates).size).toBe(3);
    const base = runPoint(asic.resolved);
    rates.forEach((rate, i) => {
      const point = {...base, "serving.batch": [16, 40, 64][i]!};
      expect(rate).toBe(evaluateScenarioPoint(asic, point).metrics.tokensPerSecondPerChip);
    });
  });

  it.each(library.index.ids)(
    "%s: every metric over utilisation × electricity is a full evaluation's, bit for bit, at sampled points",
    (id) => {
      // The sweep reuses the stages no varied key feeds and the strategy models' cost-free parts, and reads their
      // summaries; a full evaluation (evaluateScenarioPoint) at the same point runs everything with its series.
      const scenario = bound(id);
      const axes = [parseSweepAxis("serving.utilization=0.2:1:9"), parseSweepAxis("power.electricity=0:2:11")];
      const {chunks} = collect({bound: scenario, axes, chunkRows: 17});
      const base = runPoint(scenario.resolved);
      for (const chunk of chunks) {
        for (let i = 0; i < chunk.rows; i += 3) {
          const point = {
            ...base,
            "serving.utilization": chunk.values["serving.utilization"]![i]!,
            "power.electricity": chunk.values["power.electricity"]![i]!
          };
          const expected = evaluateScenarioPoint(scenario, point).metrics;
          for (const name of SCENARIO_METRICS) expect(chunk.values[name]![i], name).toBe(expected[name] ?? NaN);
        }
      }
    }
  );

  it("three axes: each row is a full evaluation at its point, through every carry from one axis to the next", () => {
    // The sweep writes into its point only the axes whose value moved since the previous point (sweepScenario.ts);
    // a carry moves the middle and last axes back to their first values, which must reach the point too.
    const scenario = bound("base");
    const axes = [
      parseSweepAxis("finance.costOfCapital=0.05:0.15:3"),
      parseSweepAxis("serving.utilization=0.3:0.9:4"),
      parseSweepAxis("power.electricity=0.04:0.12:5")
    ];
    const metrics = ["costPerMillionTokensUsd", "costPerMillionOutputTokensUsd"] as const;
    const {chunks} = collect({bound: scenario, axes, metrics: [...metrics], chunkRows: 7});
    const base = runPoint(scenario.resolved);
    let rows = 0;
    for (const chunk of chunks) {
      for (let i = 0; i < chunk.rows; i++, rows++) {
        const point = {...base};
        for (const axis of axes) point[axis.path] = axis.values[rowIndex(rows, axes, axis)]!;
        for (const axis of axes)
          expect(chunk.values[axis.path]![i], `${axis.path} at row ${rows}`).toBe(point[axis.path]);
        const expected = evaluateScenarioPoint(scenario, point).metrics;
        for (const name of metrics) expect(chunk.values[name]![i], `${name} at row ${rows}`).toBe(expected[name]);
      }
    }
    expect(rows).toBe(3 * 4 * 5);
  });

  it("reuses a stage only when no varied key is among those it reads", () => {
    // power.electricity feeds the training run's energy: each point's training cost differs; the training days do not.
    const {chunks} = collect({bound: asic, axes: [electricity], metrics: ["trainingCostUsd", "trainingDays"]});
    const {trainingCostUsd, trainingDays} = chunks[0]!.values;
    expect(new Set(trainingCostUsd!).size).toBe(5);
    expect(new Set(trainingDays!).size).toBe(1);
    const base = runPoint(asic.resolved);
    [0.04, 0.06, 0.08, 0.1, 0.12].forEach((e, i) => {
      const expected = evaluateScenarioPoint(asic, {...base, "power.electricity": e}).metrics;
      expect(trainingCostUsd![i]).toBe(expected.trainingCostUsd);
    });
    // training.chips is read by the training run only: the cost per token is the same at every point.
    const chips = parseSweepAxis("training.chips=1024:16384:3");
    const byChips = collect({bound: asic, axes: [chips], metrics: ["trainingDays", "costPerMillionTokensUsd"]});
    expect(new Set(byChips.chunks[0]!.values.trainingDays!).size).toBe(3);
    expect(new Set(byChips.chunks[0]!.values.costPerMillionTokensUsd!).size).toBe(1);
  });

  it("rejects an unknown or repeated metric, naming --metrics and suggesting the closest name", () => {
    const [unknown] = userErrorsOf(() =>
      collect({bound: asic, axes: [cycle], metrics: ["siliconNpv" as "siliconNpvUsd"]})
    );
    expect(unknown).toMatchObject({flag: "--metrics", message: "unknown metric", found: "siliconNpv"});
    expect(unknown!.hint).toMatch(/siliconNpvUsd/);
    const [twice] = userErrorsOf(() =>
      collect({bound: asic, axes: [cycle], metrics: ["siliconNpvUsd", "siliconNpvUsd"]})
    );
    expect(twice).toMatchObject({flag: "--metrics", message: "metric named twice", found: "siliconNpvUsd"});
  });
});

// `serving.batch=1:64:3` read "not a whole number … found 32.5", with no word of the grid or a step count that
// works (breaker).
describe("parseSweepAxis of a whole-number key's grid with points between whole numbers", () => {
  it("offers the least step count from the one given that makes every point whole", () => {
    expect(userErrorsOf(() => parseSweepAxis("serving.batch=1:64:3"))[0]).toMatchObject({
      message: "not a whole number",
      found: "32.5",
      hint:
        "the grid 1:64:3 has points between whole numbers: STEPS − 1 must divide 63; " +
        "did you mean serving.batch=1:64:4 (1, 22, 43, 64)?"
    });
    expect(userErrorsOf(() => parseSweepAxis("serving.batch=1:64:30"))[0]?.hint).toMatch(
      /did you mean serving\.batch=1:64:64 \(1, 2, 3, …, 64\)\?$/
    );
  });

  it("readSweepAxis returns such a grid with its error, and throws for an end that is not whole", () => {
    const {axis, between} = readSweepAxis("serving.batch=1:64:3");
    expect(axis).toEqual({path: "serving.batch", values: [1, 32.5, 64], written: "serving.batch=1:64:3"});
    expect(between?.error.detail.hint).toMatch(/did you mean serving\.batch=1:64:4/);
    expect(between?.unsuggested.detail).toMatchObject({
      message: "not a whole number",
      found: "32.5",
      hint: "the grid 1:64:3 has points between whole numbers: STEPS − 1 must divide 63"
    });
    expect(readSweepAxis("serving.batch=1:64:4").between).toBeUndefined();
    // The user's own end: no grid of it is whole, nothing to check first.
    expect(userErrorsOf(() => readSweepAxis("serving.batch=1.5:10:3"))[0]).toMatchObject({
      message: "not a whole number",
      found: "1.5"
    });
    expect(userErrorsOf(() => readSweepAxis("serving.batch=1.5:10:3"))[0]!.hint).toBeUndefined();
  });
});

// `serving.batch=1:1000:3` was told "did you mean serving.batch=1:1000:4 (1, 334, 667, 1000)?", and that grid then
// failed: base fits a batch of at most 372 (breaker).
describe("sweepAxisErrors", () => {
  const base = bound("base");

  it("says an end that fails first, then the points between whole numbers without a step count", () => {
    const errors = sweepAxisErrors({bound: base, readings: [readSweepAxis("serving.batch=1:1000:3")]});
    expect(errors).toHaveLength(2);
    expect(errors[0]!.detail).toMatchObject({flag: "--vary", path: "serving.batch", found: "1,000"});
    expect(errors[0]!.detail.message).toMatch(
      /^a batch of 1,000 does not fit in memory .*\(at serving\.batch=1,000\)$/
    );
    expect(errors[0]!.detail.expected).toMatch(/^at most 372, the largest batch that fits$/);
    expect(errors[1]!.detail).toMatchObject({
      message: "not a whole number",
      found: "500.5",
      hint: "the grid 1:1000:3 has points between whole numbers: STEPS − 1 must divide 999"
    });
  });

  it("offers the step count when both ends evaluate, and says nothing of a grid of whole points", () => {
    const errors = sweepAxisErrors({bound: base, readings: [readSweepAxis("serving.batch=1:64:3")]});
    expect(errors.map((error) => error.detail.hint)).toEqual([
      "the grid 1:64:3 has points between whole numbers: STEPS − 1 must divide 63; " +
        "did you mean serving.batch=1:64:4 (1, 22, 43, 64)?"
    ]);
    // A grid whose every point is whole is the sweep's to evaluate (1:1000:4 lists 667 and 1,000, as before).
    expect(sweepAxisErrors({bound: base, readings: [readSweepAxis("serving.batch=1:1000:4")]})).toEqual([]);
  });

  it("checks every axis at its ends, the other axes' ends too", () => {
    const readings = [readSweepAxis("serving.utilization=0.3:0.9:3"), readSweepAxis("serving.batch=1:1000:3")];
    const errors = sweepAxisErrors({bound: base, readings, metrics: ["costPerMillionTokensUsd"]});
    // Batch 1,000 fails at both utilisations; then the whole-number error.
    expect(errors.map((error) => error.detail.message.match(/\(at (.*)\)$/)?.[1] ?? error.detail.message)).toEqual([
      "serving.utilization=0.3, serving.batch=1,000",
      "serving.utilization=0.9, serving.batch=1,000",
      "not a whole number"
    ]);
  });
});
