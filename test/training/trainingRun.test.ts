import {describe, expect, it} from "vitest";
import {trainingFlops, trainingRun, type TrainingRunInput} from "../../src/training/trainingRun.js";

/** Relative error |a − b| / |b|. */
const relErr = (actual: number, expected: number) => Math.abs(actual - expected) / Math.abs(expected);

const H100_BF16_PEAK = 989.4e12; // dense BF16 FLOP/s, Epoch chip DB / NVIDIA H100 datasheet (facts.md §1)
const H800_BF16_PEAK = 989e12; // dense BF16 FLOP/s, Epoch chip DB (facts.md §1)

const base: TrainingRunInput = {
  activeParams: 1e9,
  tokens: 1e12,
  peakFlopsPerS: 1e15,
  mfu: 0.5,
  chips: 1000,
  itPowerKwPerChip: 1.5,
  averageDrawFraction: 1,
  pue: 1.2,
  ownedUsdPerChipHour: 2,
  rentedUsdPerChipHour: 3
};

describe("trainingRun", () => {
  it("computes a small run by hand", () => {
    // FLOPs = 6 × 1e9 × 1e12 = 6e21; chip-hours = 6e21 / (1e15 × 0.5 × 3600) = 3,333.33
    // days = 3,333.33 / 1000 / 24 = 0.138889; energy = 3,333.33 × 1.5 kW × 1.2 / 1000 = 6 MWh
    const r = trainingRun(base);
    expect(r.flops).toBe(6e21);
    expect(r.chipHours).toBeCloseTo(3333.3333, 3);
    expect(r.wallClockDays).toBeCloseTo(0.1388889, 6);
    expect(r.energyMwh).toBeCloseTo(6, 9);
    expect(r.costOwnedUsd).toBeCloseTo(6666.6667, 3);
    expect(r.costRentedUsd).toBeCloseTo(10000, 6);
  });

  it("has no rented cost without a rental price", () => {
    expect(trainingRun({...base, rentedUsdPerChipHour: null}).costRentedUsd).toBeNull();
  });

  it("reproduces GPT-3 175B's training compute", () => {
    // GPT-3: 175B parameters, 300B tokens, 3.14E+23 total training FLOPs (Brown et al. 2020, "Language Models are
    // Few-Shot Learners", arXiv 2005.14165, Table D.1). 6ND = 3.15e23: within 1%.
    expect(relErr(trainingFlops(175e9, 300e9), 3.14e23)).toBeLessThan(0.01);
  });

  it("reproduces Llama 3.1 405B's training compute", () => {
    // "Llama 3 405B … trained … on 15.6T text tokens" using "3.8 × 10^25 FLOPs" (Llama Team, "The Llama 3 Herd of
    // Models", arXiv 2407.21783, §1 and §3.2.1). 6 × 405e9 × 15.6e12 = 3.79e25: within 1%.
    expect(relErr(trainingFlops(405e9, 15.6e12), 3.8e25)).toBeLessThan(0.01);
  });

  it("reproduces Llama 3.1 405B's published H100 GPU-hours at the reported MFU", () => {
    // 30.84M H100-80GB GPU-hours for 405B (Llama 3.1 model card, "Training Energy Use"). BF16 MFU 38% on 16,384 GPUs
    // (38–43% across configurations; Llama 3 Herd paper, Table 4). At 38%: 3.79e25 / (989.4e12 × 0.38 × 3600) =
    // 28.0M GPU-hours, 9% under the published figure. Tolerance 12%: the card's hours include time lost to the 466
    // job interruptions of the 54-day snapshot (~90% effective training time, §3.3.4) and long-context training at
    // lower throughput, which 6·N·D at a steady MFU leaves out; the published figure must sit above ours.
    const r = trainingRun({...base, activeParams: 405e9, tokens: 15.6e12, peakFlopsPerS: H100_BF16_PEAK, mfu: 0.38});
    expect(relErr(r.chipHours, 30.84e6)).toBeLessThan(0.12);
    expect(r.chipHours).toBeLessThan(30.84e6);
    // 16,384 GPUs → 28.0M / 16,384 / 24 = 71 days of pure training
    expect(
      trainingRun({
        ...base,
        activeParams: 405e9,
        tokens: 15.6e12,
        peakFlopsPerS: H100_BF16_PEAK,
        mfu: 0.38,
        chips: 16384
      }).wallClockDays
    ).toBeCloseTo(71.2, 0);
  });

  it("reproduces DeepSeek-V3's published H800 GPU-hours and cost", () => {
    // DeepSeek-V3: 37B activated parameters, 14.8T tokens, pre-training 2,664K H800 GPU-hours, total 2.788M at an
    // assumed $2 per GPU-hour = $5.576M; "each trillion tokens requires 180K H800 GPU hours" on 2,048 H800s
    // (DeepSeek-AI, "DeepSeek-V3 Technical Report", arXiv 2412.19437, §1 Table 1 and §1).
    // 6·N·D = 3.286e24 FLOPs over 2.664M hours implies 343 TFLOP/s per GPU: MFU 0.347 of BF16 dense peak (0.173 of
    // FP8; the run used FP8 mixed precision). We check that a run at that MFU gives the published hours, cost and the
    // 180K hours per trillion tokens, and that the implied MFU lies in the 0.30–0.45 band large dense runs report
    // (Llama 3: 0.38–0.43).
    const flops = trainingFlops(37e9, 14.8e12);
    const impliedMfu = flops / (2.664e6 * 3600 * H800_BF16_PEAK);
    expect(impliedMfu).toBeGreaterThan(0.3);
    expect(impliedMfu).toBeLessThan(0.45);
    const run = {
      ...base,
      activeParams: 37e9,
      peakFlopsPerS: H800_BF16_PEAK,
      mfu: impliedMfu,
      chips: 2048,
      rentedUsdPerChipHour: 2
    };
    expect(relErr(trainingRun({...run, tokens: 1e12}).chipHours, 180e3)).toBeLessThan(0.001);
    const full = trainingRun({...run, tokens: 14.8e12});
    expect(relErr(full.chipHours, 2.664e6)).toBeLessThan(1e-9);
    // 2.664M hours at $2 = $5.328M for pre-training; the published $5.576M adds 0.124M hours of later stages
    expect(full.costRentedUsd).toBeCloseTo(5.328e6, -3);
    // "less than two months" on 2,048 GPUs: 2.664M / 2048 / 24 = 54.2 days
    expect(full.wallClockDays).toBeCloseTo(54.2, 1);
  });
});
