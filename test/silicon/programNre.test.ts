import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {CUSTOM_PROGRAM_NRE, programNre} from "../../src/silicon/programNre.js";

describe("program NRE from its parts", () => {
  it("builds the chapter's N3 program: $40M masks × 1.76 + $20M IP + $45M labour + $20M software = $155.4M", () => {
    // By hand: 200 engineers × 9/12 year × $300k = $45M; masks $40M (SemiAnalysis, 3 nm) plus a 76% chance of a second
    // set (Wilson Research Group 2022: 24% first-silicon success) = $70.4M. Inside Alphawave's "$100–200 million" for a
    // whole AI chip program (facts.md §5), which the inputs were not fitted to.
    const r = programNre(CUSTOM_PROGRAM_NRE.input);
    expect(r.partsUsd.labour).toBe(45e6);
    expect(r.partsUsd.masks).toBeCloseTo(70.4e6, 0);
    expect(r.nreUsd).toBeCloseTo(155.4e6, 0);
    expect(r.nreUsd).toBeGreaterThan(100e6);
    expect(r.nreUsd).toBeLessThan(200e6);
    // 9 months + 0.76 × 4.5 = 12.42 expected
    expect(r.expectedCycleMonths).toBeCloseTo(12.42, 9);
  });

  it("has parts that sum to the NRE and cycle outcomes whose probabilities sum to 1", () => {
    fc.assert(
      fc.property(fc.double({min: 0, max: 1, noNaN: true}), fc.integer({min: 0, max: 2000}), (p, engineers) => {
        const r = programNre({...CUSTOM_PROGRAM_NRE.input, respinProbability: p, engineers});
        const sum = r.partsUsd.masks + r.partsUsd.ip + r.partsUsd.labour + r.partsUsd.software;
        const prob = r.cycleOutcomes.reduce((s, o) => s + o.probability, 0);
        return Math.abs(sum - r.nreUsd) <= 1e-9 * r.nreUsd && Math.abs(prob - 1) < 1e-12;
      })
    );
  });

  it("has two outcomes whose probability-weighted NRE is the expected NRE", () => {
    const r = programNre(CUSTOM_PROGRAM_NRE.input);
    // first time: $40M + $20M + $45M + $20M = $125M (p 0.24); respin: + $40M = $165M (p 0.76); 0.24·125 + 0.76·165 = 155.4
    expect(r.outcomes.map((o) => o.nreUsd)).toEqual([125e6, 165e6]);
    expect(r.outcomes.reduce((s, o) => s + o.probability * o.nreUsd, 0)).toBeCloseTo(r.nreUsd, 0);
    expect(r.outcomes[1]!.cycleMonths).toBe(13.5);
  });

  it("names a node with no mask-set price and a probability out of range", () => {
    expect(() => programNre({...CUSTOM_PROGRAM_NRE.input, node: "n16"})).toThrow(/no mask-set price/);
    expect(() => programNre({...CUSTOM_PROGRAM_NRE.input, respinProbability: 1.2})).toThrow(/out of range/);
  });
});
