// A layout outside the calibrated band (scope.ts) printed its figures with no word that the published runs of such a
// layout ran at 0.23–0.43 of them: `inference`, `run` and a scenario page now say so, with the calibration's ratios.
import {describe, expect, it} from "vitest";
import {calibratedBandNote} from "../../src/inference/calibratedBandNote.js";
import {SERVING_CALIBRATION} from "../../src/inference/calibratedEfficiencies.js";
import {replicaLayout} from "../../src/inference/parallelism.js";

const shared = (tp: number, ep: number) => ({layout: replicaLayout(tp, ep), disaggregated: false});
// Made-up ratios, to see each one quoted at two significant figures.
const error = {
  count: 4,
  medianAbsoluteError: 2.3,
  shareWithin25: 0,
  shareWithin35: 0,
  medianRatio: 3.3334,
  ratioP10: 2.3743,
  ratioP90: 4.2893
};

describe("calibratedBandNote", () => {
  it("is null inside the band: tensor parallelism, experts no wider than attention, or prefill apart", () => {
    expect(calibratedBandNote(shared(8, 1))).toBeNull();
    expect(calibratedBandNote(shared(8, 8))).toBeNull();
    expect(calibratedBandNote(shared(4, 2))).toBeNull();
    expect(calibratedBandNote({layout: replicaLayout(1, 144), disaggregated: true})).toBeNull();
  });

  it("names the layout and quotes the calibration's ratios on runs of such layouts", () => {
    const note = calibratedBandNote(shared(1, 8), "serving.prefill: disaggregated", {outOfBand: error})!;
    expect(note).toContain("TP 1 × EP 8 with prompts prefilled on the same chips");
    expect(note).toContain("on the 4 published runs of such a layout it gave 2.4 to 4.3 times the measured");
    expect(note).toContain("median 3.3");
    expect(note).toContain("(serving.prefill: disaggregated) it is");
    expect(calibratedBandNote(shared(2, 16), "--prefill disaggregated", {outOfBand: error})).toContain(
      "(--prefill disaggregated) it is"
    );
    expect(calibratedBandNote(shared(1, 8), "x", {outOfBand: {...error, count: 1}})).toContain(
      "on the 1 published run "
    );
  });

  it("says no run was compared when the calibration holds none", () => {
    expect(calibratedBandNote(shared(1, 8), "x", {outOfBand: null})).toContain(
      "no published run of such a layout has been compared with it"
    );
  });

  it("quotes the committed calibration by default: MLPerf v5.1's four DeepSeek-R1 runs and TensorRT-LLM's one", () => {
    // SERVING_CALIBRATION.outOfBand, refitted by `calibration --write` (test/cli/calibration.test.ts checks it is
    // what a fit gives): 5 runs, model ÷ measured 2.31–4.35, p10–p90 2.40–4.27, median 2.54.
    expect(SERVING_CALIBRATION.outOfBand?.count).toBe(5);
    expect(calibratedBandNote(shared(1, 8))).toContain("it gave 2.4 to 4.3 times the measured throughput");
    expect(calibratedBandNote(shared(1, 8))).toContain("median 2.5)");
  });
});
