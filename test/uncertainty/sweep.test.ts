import {EXAMPLE_INFERENCE_TAX_INPUT, EXAMPLE_SILICON_PROGRAM_INPUT} from "../strategy/fixtures.js";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {linspace} from "../../src/uncertainty/linspace.js";
import {numericPaths, sweep, type SweepMetrics} from "../../src/uncertainty/sweep.js";
import {siliconProgram} from "../../src/strategy/siliconProgram.js";
import {inferenceTax} from "../../src/strategy/inferenceTax.js";
import {isUserError} from "../../src/errors/userError.js";

const BASE = {a: 1, nested: {b: 2, label: "x"}, list: [3]};

function userErrorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  return expect.fail("expected a UserError");
}

describe("sweep", () => {
  it("evaluates one axis into one row per value", () => {
    const table = sweep({base: BASE, vary: [{path: "a", values: [1, 2, 3]}], evaluate: (i) => ({double: i.a * 2})});
    expect(table.columnNames()).toEqual(["a", "double"]);
    expect(table.objects()).toEqual([
      {a: 1, double: 2},
      {a: 2, double: 4},
      {a: 3, double: 6}
    ]);
  });

  it("evaluates two axes over their grid, first axis outermost", () => {
    const table = sweep({
      base: BASE,
      vary: [
        {path: "a", values: [1, 2]},
        {path: "nested.b", values: [10, 20, 30]}
      ],
      evaluate: (i) => ({sum: i.a + i.nested.b, none: null})
    });
    expect(table.columnNames()).toEqual(["a", "nested.b", "sum", "none"]);
    expect(table.numRows()).toBe(6);
    expect(table.array("a")).toEqual([1, 1, 1, 2, 2, 2]);
    expect(table.array("nested.b")).toEqual([10, 20, 30, 10, 20, 30]);
    expect(table.array("sum")).toEqual([11, 21, 31, 12, 22, 32]);
    expect(table.array("none")).toEqual([null, null, null, null, null, null]);
  });

  it("never changes the base, and sets array elements by index", () => {
    const base = structuredClone(BASE);
    const seen: number[] = [];
    sweep({
      base,
      vary: [{path: "list.0", values: [7, 8]}],
      evaluate: (i) => {
        seen.push(i.list[0]!);
        i.a = 99;
        return {};
      }
    });
    expect(seen).toEqual([7, 8]);
    expect(base).toEqual(BASE);
  });

  it("turns missing and non-finite metrics into nulls", () => {
    const table = sweep({
      base: BASE,
      vary: [{path: "a", values: [0, 1]}],
      evaluate: (i): SweepMetrics => (i.a === 0 ? {ratio: 1 / i.a, nan: NaN} : {ratio: 1, extra: 5})
    });
    expect(table.objects()).toEqual([
      {a: 0, ratio: null, nan: null, extra: null},
      {a: 1, ratio: 1, nan: null, extra: 5}
    ]);
  });

  it("rejects an unknown path, listing the valid ones", () => {
    const error = userErrorOf(() => sweep({base: BASE, vary: [{path: "nested.c", values: [1]}], evaluate: () => ({})}));
    expect(error.message).toBe(
      'vary[0].path: unknown parameter: expected the path of a numeric field of the base input, found "nested.c" (valid paths: a, nested.b, list.0)'
    );
    // A path to a string is not a parameter either.
    expect(
      userErrorOf(() => sweep({base: BASE, vary: [{path: "nested.label", values: [1]}], evaluate: () => ({})})).message
    ).toContain("unknown parameter");
  });

  it("rejects a repeated axis, empty or non-finite values, and a metric named like an axis", () => {
    const axis = {path: "a", values: [1]};
    expect(userErrorOf(() => sweep({base: BASE, vary: [axis, axis], evaluate: () => ({})})).message).toContain(
      "vary[1].path: repeated axis"
    );
    expect(
      userErrorOf(() => sweep({base: BASE, vary: [{path: "a", values: []}], evaluate: () => ({})})).message
    ).toContain("vary[0].values: empty");
    expect(
      userErrorOf(() => sweep({base: BASE, vary: [{path: "a", values: [1, NaN]}], evaluate: () => ({})})).message
    ).toBe("vary[0].values[1]: not a number: expected a finite number, found NaN");
    expect(userErrorOf(() => sweep({base: BASE, vary: [axis], evaluate: () => ({a: 1})})).message).toContain(
      "metric named like a varied path"
    );
  });

  it("lets the model's own range errors through", () => {
    const error = userErrorOf(() =>
      sweep({
        base: EXAMPLE_SILICON_PROGRAM_INPUT,
        vary: [{path: "discountRatePerYear", values: [0.1, 1.7]}],
        evaluate: (i) => ({npvUsd: siliconProgram(i).npvUsd})
      })
    );
    expect(error.message).toBe("discountRatePerYear: out of range: expected a number in [0, 1], found 1.7");
  });

  it("sweeps a model: NPV against design cycle and unit cost, payback null where it never comes", () => {
    const table = sweep({
      base: EXAMPLE_SILICON_PROGRAM_INPUT,
      vary: [
        {path: "designCycleMonths", values: [9, 18, 36, 72]},
        {path: "custom.chipHour.chipPriceUsd", values: [5_000, 20_000]}
      ],
      evaluate: (input) => {
        const r = siliconProgram(input);
        return {npvUsd: r.npvUsd, paybackMonth: r.paybackMonth};
      }
    });
    expect(table.numRows()).toBe(8);
    const npv = table.array("npvUsd") as number[];
    // Shorter cycles are worth more at either unit cost.
    expect(npv[0]).toBeGreaterThan(npv[2]!);
    expect(npv[2]).toBeGreaterThan(npv[4]!);
    // A 72-month cycle never ships within 60 months.
    expect(table.array("paybackMonth").slice(6)).toEqual([null, null]);
    // The same grid evaluated directly gives the same numbers.
    expect(npv[1]).toBe(
      siliconProgram({
        ...EXAMPLE_SILICON_PROGRAM_INPUT,
        designCycleMonths: 9,
        custom: {
          ...EXAMPLE_SILICON_PROGRAM_INPUT.custom,
          chipHour: {...EXAMPLE_SILICON_PROGRAM_INPUT.custom.chipHour, chipPriceUsd: 20_000}
        }
      }).npvUsd
    );
  });

  it("a higher vendor margin raises the tax across a sweep", () => {
    const table = sweep({
      base: EXAMPLE_INFERENCE_TAX_INPUT,
      vary: [{path: "merchant.chipHour.vendorGrossMarginFraction", values: linspace(0, 0.9, 10)}],
      evaluate: (input) => ({taxShare: inferenceTax(input).taxShare})
    });
    const shares = table.array("taxShare") as number[];
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1]!);
  });

  it("is deterministic", () => {
    const run = () =>
      sweep({
        base: EXAMPLE_SILICON_PROGRAM_INPUT,
        vary: [{path: "nreUsd", values: linspace(1e8, 1e9, 5)}],
        evaluate: (i) => ({npvUsd: siliconProgram(i).npvUsd})
      }).objects();
    expect(run()).toEqual(run());
  });
});

describe("numericPaths", () => {
  it("lists every numeric leaf", () => {
    expect(numericPaths(BASE)).toEqual(["a", "nested.b", "list.0"]);
    expect(numericPaths(EXAMPLE_SILICON_PROGRAM_INPUT)).toContain("merchant.chipHour.vendorGrossMarginFraction");
  });
});

describe("linspace", () => {
  it("spaces values evenly with both ends included", () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(9, 36, 4)).toEqual([9, 18, 27, 36]);
    expect(linspace(2, 2, 3)).toEqual([2, 2, 2]);
    expect(linspace(5, 7, 1)).toEqual([5]);
    expect(linspace(1, 0, 3)).toEqual([1, 0.5, 0]);
    expect(linspace(0.1, 0.7, 7).at(-1)).toBe(0.7);
    expect(linspace(-1.7e308, 1.7e308, 3)).toEqual([-1.7e308, 0, 1.7e308]);
  });

  it("gives the decimals a user writes between the ends, not binary rounding residue (new-user trial)", () => {
    // Step (0.12 − 0.04) / 4 = 0.02 by hand; the arithmetic alone gives 0.07999999999999999 and 0.09999999999999999.
    expect(linspace(0.04, 0.12, 5)).toEqual([0.04, 0.06, 0.08, 0.1, 0.12]);
    // Step 0.9 / 9 = 0.1 by hand; the arithmetic alone gives 0.09999999999999999, 0.19999999999999998, ….
    expect(linspace(0, 0.9, 10)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    // The trial's axis, serving.utilization=0.1:0.3:3: step 0.1.
    expect(linspace(0.1, 0.3, 3)).toEqual([0.1, 0.2, 0.3]);
    // A value with no short decimal keeps 12 significant digits: 1/3 = 0.333…, 2/3 = 0.666… rounded up.
    expect(linspace(0, 1, 4)).toEqual([0, 0.333333333333, 0.666666666667, 1]);
    // Zero in the middle is +0, not −0 (toFixed of a tiny negative residue parses back to −0).
    expect(Object.is(linspace(0.3, -0.3, 3)[1], 0)).toBe(true);
    // A range narrow beside its ends keeps its step: 1e9 to 1e9 + 0.001 in 2 steps of 0.0005.
    expect(linspace(1e9, 1e9 + 1e-3, 3)[1]).toBeCloseTo(1e9 + 5e-4, 6);
    // Large whole values in FLOP/s (4,000 to 1,000 TFLOP/s in 4 steps of 1,000 TFLOP/s): 4e15 × 2/3 + 1e15 × 1/3 is
    // 3000000000000001 in binary arithmetic; rounding to whole numbers alone kept it (breaker, helper-224).
    expect(linspace(4e15, 1e15, 4)).toEqual([4e15, 3e15, 2e15, 1e15]);
    // A large value with a real fraction of a step keeps it: 1e15 to 1e15 + 3000 in 3 steps of 1,500.
    expect(linspace(1e15, 1e15 + 3000, 3)).toEqual([1e15, 1e15 + 1500, 1e15 + 3000]);
  });

  it("moves no value by more than a millionth of a step, and keeps the grid in order (property)", () => {
    const end = fc.double({min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true});
    fc.assert(
      fc.property(end, end, fc.integer({min: 2, max: 200}), (from, to, steps) => {
        fc.pre(Math.abs(to - from) > 1e-6 * Math.max(Math.abs(from), Math.abs(to), 1));
        const values = linspace(from, to, steps);
        const step = (to - from) / (steps - 1);
        // The unsnapped value errs by a few units in the last place of the larger end; 1e-15 of it is a bound.
        const arithmetic = 1e-15 * Math.max(Math.abs(from), Math.abs(to));
        values.forEach((value, i) => {
          const exact = from + step * i;
          expect(Math.abs(value - exact)).toBeLessThanOrEqual(1e-6 * Math.abs(step) + arithmetic);
          if (i > 0) expect(Math.sign(value - values[i - 1]!)).toBe(Math.sign(step));
        });
      })
    );
  });

  it("rejects a bad step count or end", () => {
    expect(userErrorOf(() => linspace(0, 1, 0)).message).toBe(
      "steps: out of range: expected an integer in [1, 100,000], found 0"
    );
    expect(userErrorOf(() => linspace(0, 1, 2.5)).message).toContain("steps: out of range");
    expect(userErrorOf(() => linspace(0, Infinity, 3)).message).toBe(
      "to: not a number: expected a finite number, found Infinity"
    );
  });
});

describe("sweep's axis values", () => {
  it("must be an array: a string is named, not a TypeError (modeller's trial: 'axis.values.forEach is not a function')", () => {
    const error = userErrorOf(() =>
      sweep({base: BASE, vary: [{path: "a", values: "0.5" as never}], evaluate: () => ({})})
    );
    expect(error.message).toBe('vary[0].values: not a list: expected an array of numbers, found "0.5"');
  });
});

describe("the README's sweep of a scenario's silicon program (linspace, ScenarioStages.siliconInput)", () => {
  it("runs as written and the NPV falls one for one with the NRE", async () => {
    const lib = await import("../../src/index.js");
    const {loadCatalogs} = await import("../../src/node/catalogFiles.js");
    const {loadScenarioLibrary} = await import("../../src/node/scenarioLibrary.js");
    const bound = lib.bindScenario(loadScenarioLibrary().resolve("asic-9-months"), loadCatalogs());
    const input = new lib.ScenarioStages(bound, lib.scenarioMedianPoint(bound.resolved)).siliconInput;
    const table = lib.sweep({
      base: input,
      vary: [{path: "nreUsd", values: lib.linspace(100e6, 500e6, 5)}],
      evaluate: (i) => ({npvUsd: lib.siliconProgram(i).npvUsd})
    });
    const rows = table.objects() as {nreUsd: number; npvUsd: number}[];
    expect(rows.map((r) => r.nreUsd)).toEqual([100e6, 200e6, 300e6, 400e6, 500e6]);
    // The NRE is paid at month 0, undiscounted (siliconProgram: cumulative discounted cash flow starts at −NRE), and
    // changes nothing else (the chip deploys whatever its NRE), so each $100M more is $100M less NPV.
    for (let k = 1; k < rows.length; k++) expect(rows[k - 1]!.npvUsd - rows[k]!.npvUsd).toBeCloseTo(100e6, -1);
  });
});

describe("sweep's axis values with holes", () => {
  it("names the hole ([1, , 3] swept the hole as undefined; breaker)", () => {
    // eslint-disable-next-line no-sparse-arrays
    const holed = [1, , 3] as number[];
    const error = userErrorOf(() => sweep({base: BASE, vary: [{path: "a", values: holed}], evaluate: () => ({})}));
    expect(error.message).toBe("vary[0].values[1]: not a number: expected a finite number, found undefined");
  });
});

describe("sweep's grid size", () => {
  it("refuses more than MAX_SWEEP_POINTS points before evaluating any (two 1e6 axes ran out of heap; breaker)", () => {
    const million = new Array(1_000_000).fill(1);
    const error = userErrorOf(() =>
      sweep({
        base: BASE,
        vary: [
          {path: "a", values: million},
          {path: "nested.b", values: [1, 2]}
        ],
        evaluate: () => ({})
      })
    );
    expect(error.message).toBe(
      "vary: grid too large: expected at most 1,000,000 points (all axes multiplied), found 2,000,000 points"
    );
  });
});
