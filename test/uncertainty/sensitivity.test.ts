import {describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {distributionQuantile} from "../../src/uncertainty/closedForm.js";
import {lognormalFromInterval, normalFromInterval} from "../../src/uncertainty/interval.js";
import {elasticities, tornado} from "../../src/uncertainty/sensitivity.js";

describe("tornado", () => {
  const inputs = {
    a: normalFromInterval({p5: 8, p95: 12}),
    b: lognormalFromInterval({p5: 1, p95: 4}),
    c: {kind: "point", value: 5}
  } as const;
  const base = {a: 10, b: 2, c: 5, d: 100};
  const linear = (x: Readonly<Record<"a" | "b" | "c" | "d", number>>) => 2 * x.a + 10 * x.b + x.c + x.d;

  it("swings each input between its p5 and p95 with the others at base, sorted by swing", () => {
    const result = tornado({inputs, base, evaluate: linear});
    expect(result.outputAtBase).toBe(145);
    expect(result.rows.map((r) => r.input)).toEqual(["b", "a", "c"]);
    const [b, a, c] = result.rows;
    expect(b!.low).toBeCloseTo(1, 12);
    expect(b!.high).toBeCloseTo(4, 12);
    expect(b!.outputAtLow).toBeCloseTo(2 * 10 + 10 * 1 + 5 + 100, 10);
    expect(b!.swing).toBeCloseTo(30, 10);
    expect(a!.swing).toBeCloseTo(8, 10);
    expect(a!.low).toBeCloseTo(distributionQuantile(inputs.a, 0.05), 14);
    expect(c).toMatchObject({low: 5, high: 5, swing: 0, base: 5});
  });

  it("restores each input to its base before swinging the next", () => {
    const seen: number[] = [];
    tornado({
      inputs,
      base,
      evaluate: (x) => {
        seen.push(x.a + x.b + x.c);
        return 0;
      }
    });
    // base sum 17; a swings 8/12 (b = 2, c = 5); b swings 1/4 (a = 10, c = 5); c stays 5.
    expect(seen.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([17, 15, 19, 16, 19, 17, 17]);
  });

  it("accepts other swing percentiles and rejects bad ones or a missing base", () => {
    const rows = tornado({inputs, base, evaluate: linear, lowQuantile: 0.1, highQuantile: 0.9}).rows;
    expect(rows.find((r) => r.input === "a")!.low).toBeCloseTo(distributionQuantile(inputs.a, 0.1), 14);
    expect(() => tornado({inputs, base, evaluate: linear, lowQuantile: 0.6})).toThrow(UserError);
    const missing = {a: 1} as unknown as typeof base;
    expect(() => tornado({inputs, base: missing, evaluate: linear})).toThrow(/base\.b/);
  });
});

describe("elasticities", () => {
  const f = (x: Readonly<Record<"a" | "b" | "c" | "z", number>>) => (x.a * x.a * x.b) / Math.sqrt(x.c) + x.z;

  it("is d ln f / d ln x at the base point (power-law exponents), sorted by magnitude", () => {
    const rows = elasticities({base: {a: 3, b: 5, c: 2, z: 0}, evaluate: f});
    expect(rows.map((r) => r.input)).toEqual(["a", "b", "c"]);
    expect(rows[0]!.elasticity).toBeCloseTo(2, 6);
    expect(rows[1]!.elasticity).toBeCloseTo(1, 6);
    expect(rows[2]!.elasticity).toBeCloseTo(-0.5, 6);
  });

  it("skips inputs whose base is 0 and can be limited to some inputs", () => {
    const rows = elasticities({base: {a: 3, b: 5, c: 2, z: 0}, evaluate: f, inputs: ["b", "z"]});
    expect(rows.map((r) => r.input)).toEqual(["b"]);
  });

  it("rejects a zero output at the base and a bad step", () => {
    expect(() => elasticities({base: {a: 0, b: 5, c: 2, z: 0}, evaluate: f})).toThrow(UserError);
    expect(() => elasticities({base: {a: 1, b: 5, c: 2, z: 0}, evaluate: f, relativeStep: 0})).toThrow(UserError);
  });
});
