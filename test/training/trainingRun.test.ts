import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {DEFAULT_GOODPUT_FRACTION, trainingRun, type TrainingRunInput} from "../../src/training/trainingRun.js";
import {trainingFlops} from "../../src/training/trainingFlops.js";

/** Relative error |a − b| / |b|. */
const relErr = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

const H800_BF16_PEAK = 989e12; // dense BF16 FLOP/s, Epoch chip DB (facts.md §1)

const base: TrainingRunInput = {
  flops: 6e21,
  peakFlopsPerS: 1e15,
  mfu: 0.5,
  goodputFraction: 1,
  chips: 1000,
  itPowerKwPerChip: 1.5,
  averageDrawFraction: 1,
  pue: 1.2,
  ownedUsdPerChipHour: 2,
  rentedUsdPerChipHour: 3
};

const dense = (activeParams: number, tokens: number) =>
  trainingFlops({activeParams, tokens, attention: null}).totalFlops;

describe("trainingFlops", () => {
  it("is 6·N·D without an attention shape", () => {
    expect(dense(1e9, 1e12)).toBe(6e21);
  });

  it("adds PaLM's attention term, halved for a causal mask", () => {
    // PaLM (arXiv 2204.02311, Appendix B): 6N + 12·L·H·Q·T FLOPs per token (full attention). PaLM 540B: L 118,
    // H 48, Q 256, T 2048 → 12 × 118 × 48 × 256 × 2048 = 3.5634e10 per token; causal: half, 1.7817e10.
    const r = trainingFlops({
      activeParams: 540.35e9,
      tokens: 1,
      attention: {layers: 118, heads: 48, qkHeadDim: 256, vHeadDim: 256, sequenceTokens: 2048}
    });
    expect(r.attentionFlops).toBeCloseTo((12 * 118 * 48 * 256 * 2048) / 2, 0);
    expect(r.parameterFlops).toBeCloseTo(6 * 540.35e9, 0);
    expect(r.totalFlops).toBe(r.parameterFlops + r.attentionFlops);
  });

  it("reproduces GPT-3 175B's training compute", () => {
    // GPT-3: 175B parameters, 300B tokens, 3.14E+23 total training FLOPs (Brown et al. 2020, "Language Models are
    // Few-Shot Learners", arXiv 2005.14165, Table D.1). 6ND = 3.15e23: within 1%.
    expect(relErr(dense(175e9, 300e9), 3.14e23)).toBeLessThan(0.01);
  });

  it("reproduces Llama 3.1 405B's training compute", () => {
    // "3.8 × 10^25 FLOPs" on 15.6T tokens (Llama Team, "The Llama 3 Herd of Models", arXiv 2407.21783, §1, §3.2.1).
    expect(relErr(dense(405e9, 15.6e12), 3.8e25)).toBeLessThan(0.01);
  });
});

describe("trainingFlops: counts out of range throw, naming the field", () => {
  /** The message trainingFlops throws for `input`, or "no error". */
  const thrown = (input: Record<string, unknown>): string => {
    try {
      trainingFlops(input as unknown as Parameters<typeof trainingFlops>[0]);
      return "no error";
    } catch (error) {
      return (error as Error).message;
    }
  };
  const attention = {layers: 126, heads: 128, qkHeadDim: 128, vHeadDim: 128, sequenceTokens: 8192};

  it("takes a run with and without an attention shape", () => {
    expect(thrown({activeParams: 1e9, tokens: 1e12, attention: null})).toBe("no error");
    expect(thrown({activeParams: 1e9, tokens: 1e12, attention})).toBe("no error");
  });

  it("negative parameters (they gave negative FLOPs), a string, NaN tokens, 0 layers, a missing head width", () => {
    expect(thrown({activeParams: -1, tokens: 1e12, attention: null})).toMatch(/^activeParams: out of range/);
    expect(thrown({activeParams: "70e9", tokens: 1e12, attention: null})).toMatch(/^activeParams: not a number/);
    expect(thrown({activeParams: 1e9, tokens: Number.NaN, attention: null})).toBe(
      "tokens: out of range: expected a number in (0, ∞), found NaN"
    );
    expect(thrown({activeParams: 1e9, tokens: 1e12, attention: {...attention, layers: 0}})).toMatch(
      /^attention\.layers: out of range/
    );
    expect(thrown({activeParams: 1e9, tokens: 1e12, attention: {...attention, vHeadDim: undefined}})).toMatch(
      /^attention\.vHeadDim: missing: .*found nothing$/
    );
  });

  it("an attention shape left out or not an object is named as a whole (it read 'attention.layers: … found nothing')", () => {
    const expected = "expected null (no attention term) or {layers, heads, qkHeadDim, vHeadDim, sequenceTokens}";
    expect(thrown({activeParams: 1e9, tokens: 1e12})).toBe(
      `attention: not an attention shape: ${expected}, found nothing`
    );
    expect(thrown({activeParams: 1e9, tokens: 1e12, attention: [126]})).toBe(
      `attention: not an attention shape: ${expected}, found [126]`
    );
  });
});

describe("trainingRun: inputs out of range throw, naming the field (a script passes what no flag would)", () => {
  /** The message trainingRun throws for `change`, or "no error". */
  const thrown = (change: Partial<Record<keyof TrainingRunInput, unknown>>): string => {
    try {
      trainingRun({...base, ...change} as TrainingRunInput);
      return "no error";
    } catch (error) {
      return (error as Error).message;
    }
  };

  it("runs the base inputs", () => {
    expect(thrown({})).toBe("no error");
  });

  it("an MFU or goodput given as a percent (41 priced the run 100 times too cheap)", () => {
    expect(thrown({mfu: 41})).toBe("mfu: out of range: expected a number in (0, 1], found 41");
    expect(thrown({goodputFraction: 90})).toBe(
      "goodputFraction: out of range: expected a number in [0.05, 1], found 90"
    );
  });

  it("0 or 2.5 chips (0 gave Infinity days), NaN or negative FLOPs, a string, a missing field", () => {
    expect(thrown({chips: 0})).toMatch(/^chips: out of range: expected an integer in \[1, /);
    expect(thrown({chips: 2.5})).toMatch(/^chips: out of range/);
    expect(thrown({flops: Number.NaN})).toBe("flops: out of range: expected a number in (0, ∞), found NaN");
    expect(thrown({flops: -6e21})).toMatch(/^flops: out of range/);
    expect(thrown({pue: "1.2"})).toMatch(/^pue: not a number/);
    expect(thrown({peakFlopsPerS: undefined})).toMatch(/^peakFlopsPerS: missing: .*found nothing$/);
  });

  it("a rented price: null is none; negative is an error", () => {
    expect(thrown({rentedUsdPerChipHour: null})).toBe("no error");
    expect(thrown({rentedUsdPerChipHour: -3})).toMatch(/^rentedUsdPerChipHour: out of range/);
    // Left out, it read "expected a number in [0, ∞)", as if a rented price were required (breaker).
    expect(thrown({rentedUsdPerChipHour: undefined})).toBe(
      "rentedUsdPerChipHour: missing: expected null (no rented price) or a number in [0, ∞), found nothing"
    );
  });
});

describe("trainingRun", () => {
  it("computes a small run by hand", () => {
    // steady chip-hours = 6e21 / (1e15 × 0.5 × 3600) = 3,333.33; goodput 1 → whole run the same
    // days = 3,333.33 / 1000 / 24 = 0.138889; energy = 3,333.33 × 1.5 kW × 1.2 / 1000 = 6 MWh
    const r = trainingRun(base);
    expect(r.flops).toBe(6e21);
    expect(r.chipHours).toBeCloseTo(3333.3333, 3);
    expect(r.steadyStateChipHours).toBeCloseTo(3333.3333, 3);
    expect(r.wallClockDays).toBeCloseTo(0.1388889, 6);
    expect(r.energyMwh).toBeCloseTo(6, 9);
    expect(r.costOwnedUsd).toBeCloseTo(6666.6667, 3);
    expect(r.costRentedUsd).toBeCloseTo(10000, 6);
  });

  it("divides steady-state chip-hours, days and cost by the goodput for the whole run", () => {
    // goodput 0.9: 3,333.33 / 0.9 = 3,703.70 chip-hours; owned cost 3,703.70 × 2 = 7,407.41 USD
    const r = trainingRun({...base, goodputFraction: 0.9});
    expect(r.chipHours).toBeCloseTo(3703.7037, 3);
    expect(r.wallClockDays / r.steadyStateDays).toBeCloseTo(1 / 0.9, 12);
    expect(r.costOwnedUsd).toBeCloseTo(7407.4074, 3);
    expect(r.costOwnedSteadyStateUsd).toBeCloseTo(6666.6667, 3);
  });

  it("has a sourced default goodput of 0.9 (Llama 3: 'higher than 90% effective training time')", () => {
    expect(DEFAULT_GOODPUT_FRACTION).toBe(0.9);
  });

  it("has no rented cost without a rental price", () => {
    expect(trainingRun({...base, rentedUsdPerChipHour: null}).costRentedUsd).toBeNull();
  });

  it("whole run ≥ steady state, and energy is chip-hours × IT power × draw × PUE (property)", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0.05, max: 1, noNaN: true}),
        fc.double({min: 0.01, max: 1, noNaN: true}),
        fc.double({min: 0.1, max: 1, noNaN: true}),
        (goodputFraction, mfu, averageDrawFraction) => {
          const r = trainingRun({...base, goodputFraction, mfu, averageDrawFraction});
          expect(r.chipHours).toBeGreaterThanOrEqual(r.steadyStateChipHours * (1 - 1e-12));
          expect(relErr(r.energyMwh, (r.chipHours * 1.5 * averageDrawFraction * 1.2) / 1000)).toBeLessThan(1e-12);
        }
      )
    );
  });

  it("reproduces DeepSeek-V3's published H800 GPU-hours and cost at the MFU they imply", () => {
    // DeepSeek-V3: 37B activated parameters, 14.8T tokens, pre-training 2,664K H800 GPU-hours at an assumed $2 per
    // GPU-hour; "each trillion tokens requires 180K H800 GPU hours" on 2,048 H800s (arXiv 2412.19437, Table 1, §1).
    // 6·N·D = 3.286e24 FLOPs over 2.664M hours implies MFU 0.347 of the BF16 dense peak (the run used FP8).
    const flops = dense(37e9, 14.8e12);
    const impliedMfu = flops / (2.664e6 * 3600 * H800_BF16_PEAK);
    expect(impliedMfu).toBeGreaterThan(0.3);
    expect(impliedMfu).toBeLessThan(0.45);
    const run = {...base, peakFlopsPerS: H800_BF16_PEAK, mfu: impliedMfu, chips: 2048, rentedUsdPerChipHour: 2};
    expect(relErr(trainingRun({...run, flops: dense(37e9, 1e12)}).chipHours, 180e3)).toBeLessThan(0.001);
    const full = trainingRun({...run, flops});
    expect(relErr(full.chipHours, 2.664e6)).toBeLessThan(1e-9);
    // 2.664M hours at $2 = $5.328M for pre-training; "less than two months": 2.664M / 2048 / 24 = 54.2 days
    expect(full.costRentedUsd).toBeCloseTo(5.328e6, -3);
    expect(full.wallClockDays).toBeCloseTo(54.2, 1);
  });
});

describe("trainingRun and trainingFlops with inputs each in range but extreme together", () => {
  it("throws a UserError naming the inputs of the chip-hours, not Infinity days", () => {
    // Modeller's report: an MFU of 5e-324 (in (0, 1]) gave Infinity days. 6e21 ÷ (1e15 × 5e-324 × 3600) overflows.
    expect(() => trainingRun({...base, mfu: 5e-324})).toThrow(
      "flops, peakFlopsPerS, mfu, goodputFraction: inputs too extreme together (flops 6e21, peakFlopsPerS 1e15, " +
        "mfu 5e-324, goodputFraction 1): expected inputs whose chip-hours = flops ÷ (peakFlopsPerS × mfu × 3600) ÷ " +
        "goodputFraction is a finite number, found Infinity"
    );
  });

  it("names the price when only the cost overflows", () => {
    // 6e21 ÷ (1e15 × 0.5 × 3600) = 3.33e3 chip-hours; × 1e306 USD/h overflows, the chip-hours do not.
    expect(() => trainingRun({...base, rentedUsdPerChipHour: 1e306})).toThrow(
      /rentedUsdPerChipHour: inputs too extreme/
    );
    expect(() => trainingRun({...base, ownedUsdPerChipHour: 1e306})).toThrow(/ownedUsdPerChipHour: inputs too extreme/);
  });

  it("throws for FLOPs that overflow: 6 × 1e200 parameters × 1e200 tokens", () => {
    expect(() => trainingFlops({activeParams: 1e200, tokens: 1e200, attention: null})).toThrow(
      "activeParams, tokens: inputs too extreme together (activeParams 1e200, tokens 1e200): expected inputs whose " +
        "parameter FLOPs"
    );
    const attention = {layers: 1e100, heads: 1e100, qkHeadDim: 1e100, vHeadDim: 1, sequenceTokens: 1};
    expect(() => trainingFlops({activeParams: 1, tokens: 1e10, attention})).toThrow(/attention\.layers, .*too extreme/);
  });
});
