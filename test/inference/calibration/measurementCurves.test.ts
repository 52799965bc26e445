import {describe, expect, it} from "vitest";
import {buildCalibrationData} from "../../../src/node/calibrationData.js";

// The "How good is the serving model?" page finds a curve by its label (its Configuration select's value), so two
// curves of one label leave the second unreachable: the bundled data/measurements.csv had three such pairs (B200 × 1
// Llama 2 70B FP4 222 → 274, MI325X × 1 222 → 301, Trainium2 × 16 Llama 3.1 70B 10000 → 1501: a server run and an
// offline run of one configuration whose mean lengths differ by under a token; new-user trial, December 2026).
describe("measurementCurves on the bundled measurements", () => {
  const {curves} = buildCalibrationData();

  it("gives every configuration a label of its own", () => {
    const labels = curves.map((c) => c.label);
    expect(labels.filter((label, i) => labels.indexOf(label) !== i)).toEqual([]);
  });

  it("draws the runs of one configuration that differ by under a token on one curve", () => {
    const b200 = curves.filter((c) => c.label.startsWith("b200 × 1, llama-2-70b fp4, TP1, 222 → 274 tokens"));
    expect(b200).toHaveLength(1);
    expect(b200[0]!.points.length).toBeGreaterThanOrEqual(2);
  });

  it("names a configuration's lengths with their thousands grouped; the label, the select's value, keeps them plain", () => {
    const trainium = curves.find((c) => c.label.includes("10000 → 1501 tokens"))!;
    expect(trainium.name).toContain("10,000 → 1,501 tokens");
  });
});
