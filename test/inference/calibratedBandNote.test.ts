// A layout outside the calibrated band (scope.ts) printed its figures with no word that the published runs of such a
// layout ran at 0.23–0.43 of them: `inference`, `run` and a scenario page now say so, with the calibration's ratios.
import {describe, expect, it} from "vitest";
import {calibratedBandNote} from "../../src/inference/calibratedBandNote.js";
import {SERVING_CALIBRATION, type OutOfBandError} from "../../src/inference/calibratedEfficiencies.js";
import {replicaLayout} from "../../src/inference/parallelism.js";

const shared = (tp: number, ep: number) => ({
  layout: replicaLayout(tp, ep),
  disaggregated: false,
  decodeStepsPerRequest: 9
});
// Made-up ratios, to see each quoted at three significant digits, as `calibration` prints them.
const error: OutOfBandError = {
  count: 4,
  medianAbsoluteError: 2.3,
  shareWithin25: 0,
  shareWithin35: 0,
  medianRatio: 3.3334,
  ratioP10: 2.3743,
  ratioP90: 4.2893,
  ratioMin: 2.3104,
  ratioMax: 4.3518,
  models: ["deepseek-v3"],
  hardware: ["b200", "gb200"]
};
const note = (over: Partial<OutOfBandError> | null, layout = shared(1, 8)) =>
  calibratedBandNote(layout, "serving.prefill: disaggregated", {outOfBand: over === null ? null : {...error, ...over}});

describe("calibratedBandNote", () => {
  it("is null inside the band: tensor parallelism, experts no wider than attention, or prefill apart", () => {
    expect(calibratedBandNote(shared(8, 1))).toBeNull();
    expect(calibratedBandNote(shared(8, 8))).toBeNull();
    expect(calibratedBandNote(shared(4, 2))).toBeNull();
    expect(calibratedBandNote({...shared(1, 144), disaggregated: true})).toBeNull();
  });

  it("is null for a request of one output token: no decode step, and a replica that only prefills is in the band", () => {
    expect(calibratedBandNote({...shared(1, 8), decodeStepsPerRequest: 0})).toBeNull();
    expect(calibratedBandNote({...shared(1, 8), decodeStepsPerRequest: 1})).not.toBeNull();
  });

  it("names the layout, the runs' models and chips, and their smallest and largest ratio and median", () => {
    const text = note({})!;
    expect(text).toContain("TP 1 × EP 8 with prompts prefilled on the same chips");
    expect(text).toContain(
      "on the 4 published runs of such a layout (deepseek-v3 on b200 and gb200) it gave 2.31 to 4.35 times the " +
        "measured throughput (median 3.33), so throughput may read up to that many times too high"
    );
    expect(text).toContain("(serving.prefill: disaggregated) it is calibrated.");
    expect(calibratedBandNote(shared(2, 16), "--prefill disaggregated", {outOfBand: error})).toContain(
      "(--prefill disaggregated) it is calibrated."
    );
  });

  it("words the consequence by the side of 1 the ratios fall on", () => {
    expect(note({ratioMin: 0.4, ratioMax: 0.6})).toContain(
      "0.400 to 0.600 times the measured throughput (median 3.33), so throughput may read up to that many times too low"
    );
    expect(note({ratioMin: 0.5, ratioMax: 3})).toContain("so throughput and cost per token may be off either way");
  });

  it("reads one run as one figure, with no range or median, and no run as none", () => {
    expect(note({count: 1, ratioMin: 2.5379, ratioMax: 2.5379, models: ["m"], hardware: ["c"]})).toContain(
      "on the one published run of such a layout (m on c) it gave 2.54 times the measured throughput, so"
    );
    const none = note(null)!;
    expect(none).toContain("no published run of such a layout has been compared with it.");
    expect(none).not.toContain("lists the runs");
  });

  it("writes extreme ratios as the project writes numbers, never in exponent notation", () => {
    // A ratio is a computed quantity, at three significant figures from a thousand too (formatPriceNumber): 1,234,567
    // is "1,230,000" (it read "1,234,567", every integer digit), grouped, not "1.23E6".
    expect(note({ratioMin: 99.6, ratioMax: 1_234_567})).toContain("99.6 to 1,230,000 times");
  });

  it("quotes the committed calibration by default: MLPerf v5.1's four DeepSeek-R1 runs and TensorRT-LLM's three", () => {
    // SERVING_CALIBRATION.outOfBand, refitted by `calibration --write` (test/cli/calibration.test.ts checks it is
    // what a fit gives): 7 runs of deepseek-r1 on b200, gb200 and h200-sxm, model ÷ measured 1.68–4.35, median 2.52.
    expect(SERVING_CALIBRATION.outOfBand?.count).toBe(7);
    expect(calibratedBandNote(shared(1, 8))).toContain(
      "on the 7 published runs of such a layout (deepseek-r1 on b200, gb200 and h200-sxm) it gave 1.68 to 4.35 times " +
        "the measured throughput (median 2.52)"
    );
  });
});
