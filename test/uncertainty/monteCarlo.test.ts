import {describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import type {Distribution} from "../../src/uncertainty/distribution.js";
import {MAX_MONTE_CARLO_SAMPLES, monteCarlo} from "../../src/uncertainty/monteCarlo.js";
import {spearmanCorrelation} from "../../src/uncertainty/rankCorrelation.js";

const INPUTS = {
  a: {kind: "normal", mean: 10, sd: 2},
  b: {kind: "lognormal", mu: 0, sigma: 0.5},
  c: {kind: "uniform", min: 0, max: 1}
} satisfies Record<string, Distribution>;

type Key = keyof typeof INPUTS;

function sumModel(x: Readonly<Record<Key, number>>, out: Record<"sum" | "product", number>): void {
  out.sum = x.a + x.b + x.c;
  out.product = x.a * x.b;
}

function run(seed: number, samples = 5_000) {
  return monteCarlo({
    samples,
    seed,
    inputs: INPUTS,
    outputs: ["sum", "product"],
    evaluate: sumModel,
    keepSamples: true
  });
}

function bitsEqual(a: Float64Array, b: Float64Array): boolean {
  return a.length === b.length && Buffer.compare(new Uint8Array(a.buffer), new Uint8Array(b.buffer)) === 0;
}

function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("expected a UserError");
}

describe("monteCarlo", () => {
  it("is deterministic bit for bit for a seed, and differs across seeds", () => {
    const first = run(42);
    const second = run(42);
    for (const key of ["sum", "product"] as const) {
      expect(bitsEqual(first.outputSamples![key], second.outputSamples![key])).toBe(true);
      expect(first.outputs[key]).toEqual(second.outputs[key]);
    }
    expect(bitsEqual(run(43).outputSamples!.sum, first.outputSamples!.sum)).toBe(false);
  });

  it("summarises the output: mean of a sum within 5 standard errors of the closed form", () => {
    const n = 100_000;
    const {outputs} = run(7, n);
    const mean = 10 + Math.exp(0.125) + 0.5;
    const sd = Math.sqrt(4 + Math.expm1(0.25) * Math.exp(0.25) + 1 / 12);
    expect(Math.abs(outputs.sum.mean - mean)).toBeLessThan((5 * sd) / Math.sqrt(n));
    expect(outputs.sum.sd).toBeCloseTo(sd, 1);
    expect(outputs.sum.count).toBe(n);
    expect(outputs.sum.p5).toBeLessThan(outputs.sum.p50);
    expect(outputs.sum.min).toBeLessThanOrEqual(outputs.sum.p5);
    expect(outputs.sum.p95).toBeLessThanOrEqual(outputs.sum.max);
  });

  it("gives the same result in record mode (evaluate) and indexed mode (evaluateAt)", () => {
    const record = run(5);
    const indexed = monteCarlo({
      samples: 5_000,
      seed: 5,
      inputs: INPUTS,
      outputs: ["sum", "product"],
      keepSamples: true,
      evaluateAt: (x, i, out) => {
        out.sum[i] = x.a[i]! + x.b[i]! + x.c[i]!;
        out.product[i] = x.a[i]! * x.b[i]!;
      }
    });
    expect(bitsEqual(record.outputSamples!.sum, indexed.outputSamples!.sum)).toBe(true);
    expect(record.outputs).toEqual(indexed.outputs);
  });

  it("gives the same result in batch mode (evaluateBatch), which is called once with every sample", () => {
    const record = run(5);
    const calls: number[] = [];
    const batch = monteCarlo({
      samples: 5_000,
      seed: 5,
      inputs: INPUTS,
      outputs: ["sum", "product"],
      keepSamples: true,
      evaluateBatch: (x, out, samples) => {
        calls.push(samples);
        // Backwards, to show the model owns the order.
        for (let i = samples - 1; i >= 0; i--) {
          out.sum[i] = x.a[i]! + x.b[i]! + x.c[i]!;
          out.product[i] = x.a[i]! * x.b[i]!;
        }
      }
    });
    expect(calls).toEqual([5_000]);
    expect(bitsEqual(record.outputSamples!.sum, batch.outputSamples!.sum)).toBe(true);
    expect(record.outputs).toEqual(batch.outputs);
  });

  it("reuses one input and one output record for every sample", () => {
    const inputsSeen = new Set<object>();
    const outputsSeen = new Set<object>();
    monteCarlo({
      samples: 100,
      seed: 1,
      inputs: INPUTS,
      outputs: ["y"],
      evaluate: (x, out) => {
        inputsSeen.add(x);
        outputsSeen.add(out);
        out.y = x.a;
      }
    });
    expect(inputsSeen.size).toBe(1);
    expect(outputsSeen.size).toBe(1);
  });

  it("keeps an input's samples when another input is added (one RNG stream per input)", () => {
    const base = run(9);
    const more = monteCarlo({
      samples: 5_000,
      seed: 9,
      inputs: {...INPUTS, extra: {kind: "normal", mean: 0, sd: 1}},
      outputs: ["y"],
      keepSamples: true,
      evaluate: (x, out) => {
        out.y = x.a;
      }
    });
    for (const key of ["a", "b", "c"] as const) {
      expect(bitsEqual(base.inputSamples![key], more.inputSamples![key])).toBe(true);
    }
  });

  it("summarises the same with and without keepSamples", () => {
    const kept = run(11);
    const notKept = monteCarlo({
      samples: 5_000,
      seed: 11,
      inputs: INPUTS,
      outputs: ["sum", "product"],
      evaluate: sumModel
    });
    expect(notKept.outputs).toEqual(kept.outputs);
    expect(notKept.outputSamples).toBeUndefined();
  });

  it("counts an output the model did not write as NaN", () => {
    const result = monteCarlo({
      samples: 1_000,
      seed: 3,
      inputs: INPUTS,
      outputs: ["y"],
      evaluate: (x, out) => {
        if (x.c < 0.5) out.y = 1;
      }
    });
    expect(result.outputs.y.count + result.outputs.y.nanCount).toBe(1_000);
    expect(result.outputs.y.nanCount).toBeGreaterThan(400);
    expect(result.outputs.y.mean).toBe(1);
  });

  it("induces a target Spearman rank correlation (Iman–Conover) and keeps the marginals", () => {
    const n = 20_000;
    const inputs = {...INPUTS, d: {kind: "triangular", min: 0, mode: 1, max: 4}} satisfies Record<string, Distribution>;
    type Key4 = keyof typeof inputs;
    const correlated = monteCarlo<Key4, "y">({
      samples: n,
      seed: 21,
      inputs,
      outputs: ["y"],
      keepSamples: true,
      correlations: [
        {a: "a", b: "b", spearman: 0.7},
        {a: "c", b: "a", spearman: -0.4}
      ],
      evaluate: (x, out) => {
        out.y = x.a;
      }
    });
    const independent = monteCarlo<Key4, "y">({
      samples: n,
      seed: 21,
      inputs,
      outputs: ["y"],
      keepSamples: true,
      evaluate: (x, out) => {
        out.y = x.a;
      }
    });
    const s = correlated.inputSamples!;
    // Tolerance 0.02: the sampling SE of Spearman's rho at n = 20,000 is below 0.01.
    expect(Math.abs(spearmanCorrelation(s.a, s.b) - 0.7)).toBeLessThan(0.02);
    expect(Math.abs(spearmanCorrelation(s.a, s.c) + 0.4)).toBeLessThan(0.02);
    expect(Math.abs(spearmanCorrelation(s.b, s.d))).toBeLessThan(0.03);
    for (const key of ["a", "b", "c", "d"] as const) {
      expect(bitsEqual(s[key].slice().sort(), independent.inputSamples![key].slice().sort())).toBe(true);
    }
    // d is not in any pair: untouched.
    expect(bitsEqual(s.d, independent.inputSamples!.d)).toBe(true);
  });

  it("rejects inconsistent or malformed correlations", () => {
    const base = {samples: 100, seed: 1, inputs: INPUTS, outputs: ["y"] as const, evaluate: () => {}};
    const inconsistent = userError(() =>
      monteCarlo({
        ...base,
        correlations: [
          {a: "a", b: "b", spearman: 0.9},
          {a: "b", b: "c", spearman: 0.9},
          {a: "a", b: "c", spearman: -0.9}
        ]
      })
    );
    expect(inconsistent.detail.expected).toBe("a positive definite correlation matrix");
    expect(userError(() => monteCarlo({...base, correlations: [{a: "a", b: "a", spearman: 0.5}]})).detail.path).toBe(
      "correlations[0]"
    );
    expect(userError(() => monteCarlo({...base, correlations: [{a: "a", b: "b", spearman: 1}]})).detail.expected).toBe(
      "a number in (-1, 1)"
    );
    expect(
      userError(() => monteCarlo({...base, correlations: [{a: "a", b: "zzz" as "b", spearman: 0.1}]})).detail.found
    ).toBe("zzz");
    expect(
      userError(() =>
        monteCarlo({
          ...base,
          correlations: [
            {a: "a", b: "b", spearman: 0.1},
            {a: "b", b: "a", spearman: 0.2}
          ]
        })
      ).detail.path
    ).toBe("correlations[1]");
  });

  it("caps samples at MAX_MONTE_CARLO_SAMPLES = 2,000,000", () => {
    expect(MAX_MONTE_CARLO_SAMPLES).toBe(2_000_000);
  });

  it.each([0, -1, 1.5, NaN, MAX_MONTE_CARLO_SAMPLES + 1])("rejects samples = %s", (samples) => {
    const error = userError(() => monteCarlo({samples, seed: 1, inputs: INPUTS, outputs: ["y"], evaluate: () => {}}));
    expect(error.detail).toMatchObject({path: "samples", found: String(samples)});
  });

  it("rejects a bad seed, a bad distribution, bad outputs and a model given twice or not at all", () => {
    const ok = {samples: 10, seed: 1, inputs: INPUTS, outputs: ["y"], evaluate: () => {}};
    expect(userError(() => monteCarlo({...ok, seed: 0.5})).detail.path).toBe("seed");
    expect(userError(() => monteCarlo({...ok, inputs: {a: {kind: "normal", mean: 0, sd: -1}}})).detail).toMatchObject({
      path: "inputs.a",
      expected: "sd > 0"
    });
    expect(userError(() => monteCarlo({...ok, outputs: []})).detail.path).toBe("outputs");
    expect(userError(() => monteCarlo({...ok, outputs: ["y", "y"]})).detail.path).toBe("outputs");
    const both = {...ok, evaluateAt: () => {}} as unknown as Parameters<typeof monteCarlo>[0];
    expect(userError(() => monteCarlo(both)).detail.found).toBe("evaluate and evaluateAt");
    const three = {...ok, evaluateAt: () => {}, evaluateBatch: () => {}} as unknown as Parameters<typeof monteCarlo>[0];
    expect(userError(() => monteCarlo(three)).detail.found).toBe("evaluate and evaluateAt and evaluateBatch");
    const neither = {samples: 10, seed: 1, inputs: INPUTS, outputs: ["y"]} as unknown as Parameters<
      typeof monteCarlo
    >[0];
    expect(userError(() => monteCarlo(neither)).detail.found).toBe("none");
  });
});

describe("monteCarlo's record model writing an output it did not list", () => {
  it("is a UserError naming it, not NaN in every sample of the output meant (modeller's trial)", () => {
    const error = userError(() =>
      monteCarlo({
        samples: 100,
        seed: 1,
        inputs: INPUTS,
        outputs: ["sum"],
        evaluate: (x, out) => {
          (out as Record<string, number>).summ = x.a + x.b;
        }
      })
    );
    expect(error.message).toBe(
      'outputs: the model wrote "summ", not among the outputs: expected writes to the outputs listed: "sum", found "summ"'
    );
  });
});

describe("monteCarlo's names", () => {
  it("refuses __proto__ as an input or output name (its values were lost to the record's prototype; breaker)", () => {
    const outputs = userError(() =>
      monteCarlo({samples: 10, seed: 1, inputs: INPUTS, outputs: ["s", "__proto__"], evaluate: () => {}})
    );
    expect(outputs.message).toBe("outputs: reserved name: expected names other than __proto__, found __proto__");
  });
});
