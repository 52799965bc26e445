import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {fan, fanOfColumns} from "../../src/uncertainty/fan.js";
import {percentiles} from "../../src/uncertainty/quantiles.js";
import {expectClose} from "./helpers.js";

describe("fan", () => {
  it("gives per-step percentiles of a sample-major series", () => {
    // 10 samples × 2 steps: step 0 holds 1..10, step 1 holds 10× that.
    const values = new Float64Array(20);
    for (let s = 0; s < 10; s++) {
      values[s * 2] = s + 1;
      values[s * 2 + 1] = 10 * (s + 1);
    }
    const rows = fan({values, samples: 10, steps: 2});
    const [first] = rows;
    expect(first!.step).toBe(0);
    expectClose([first!.p5, first!.p25, first!.p50, first!.p75, first!.p95], [1.45, 3.25, 5.5, 7.75, 9.55]);
    expect(rows[1]!.p50).toBe(55);
    expect(rows[1]!.p95).toBeCloseTo(95.5, 12);
  });

  it("gives the same rows for a step-major layout as for the sample-major one, on any series", () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 1200}),
        fc.integer({min: 1, max: 4}),
        fc.integer({min: 0, max: 2 ** 31 - 1}),
        (samples, steps, seed) => {
          let state = seed;
          const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32 - 0.3) ** 3;
          const bySample = Float64Array.from({length: samples * steps}, next);
          const byStep = new Float64Array(samples * steps);
          for (let s = 0; s < samples; s++)
            for (let t = 0; t < steps; t++) byStep[t * samples + s] = bySample[s * steps + t]!;
          const rows = fan({values: byStep, samples, steps, layout: "step-major"});
          expect(rows).toEqual(fan({values: bySample, samples, steps}));
          const filled = fanOfColumns({
            samples,
            steps,
            fillColumn: (t, column) => column.set(byStep.subarray(t * samples, (t + 1) * samples))
          });
          expect(filled).toEqual(rows);
          const column = bySample.filter((_, i) => i % steps === steps - 1);
          const [p5, p50, p95] = percentiles(column, [0.05, 0.5, 0.95]);
          expect([rows[steps - 1]!.p5, rows[steps - 1]!.p50, rows[steps - 1]!.p95]).toEqual([p5, p50, p95]);
        }
      ),
      {numRuns: 60}
    );
  });

  it("gives a step whose values repeat the step before that step's percentiles (plateaus, NaN and −0 included)", () => {
    const samples = 700;
    const base = Float64Array.from({length: samples}, (_, i) => ((i * 7919) % 1000) - 500);
    const withNaN = base.map((v, i) => (i % 50 === 0 ? NaN : v));
    const zeros = new Float64Array(samples);
    const negativeZeros = new Float64Array(samples).fill(-0);
    const columns = [base, base, base.map((v) => v * 2), withNaN, withNaN, zeros, negativeZeros, negativeZeros];
    const bySample = new Float64Array(samples * columns.length);
    columns.forEach((column, t) => column.forEach((v, s) => (bySample[s * columns.length + t] = v)));
    const rows = fanOfColumns({samples, steps: columns.length, fillColumn: (t, out) => out.set(columns[t]!)});
    expect(rows).toEqual(fan({values: bySample, samples, steps: columns.length}));
    expect(rows.map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("rejects a shape that does not match the values", () => {
    expect(() => fan({values: new Float64Array(5), samples: 2, steps: 2})).toThrow(UserError);
    expect(() => fan({values: new Float64Array(0), samples: 0, steps: 2})).toThrow(UserError);
    expect(() => fanOfColumns({samples: 3, steps: 1.5, fillColumn: () => {}})).toThrow(UserError);
  });
});
