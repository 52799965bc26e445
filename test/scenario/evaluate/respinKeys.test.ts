import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {runScenario} from "../../../src/scenario/run/runScenario.js";
import {siliconScenarioFile} from "../helpers.js";

const catalogs = loadCatalogs();
const dir = mkdtempSync(join(tmpdir(), "token-ledger-respin-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** A scenario file extending asic-9-months with these silicon keys, bound. */
function bound(id: string, silicon: string) {
  return bindScenario(siliconScenarioFile(dir, id, silicon).resolved, catalogs);
}

describe("the respin and the design cycle as scenario keys", () => {
  it("adds the expected respin cost to the NRE: the mask set of silicon.node when silicon.respinCost is not set", () => {
    const b = bound("respin-point", "  respinProbability: 0.76\n  respinMonths: 4.5 months\n  node: n3\n");
    const point = scenarioMedianPoint(b.resolved);
    const ev = evaluateScenarioPoint(b, point);
    // N3 masks "push into the $40M range" (SemiAnalysis; MASK_SET_PRICES): 0.76 × $40M = $30.4M on top of silicon.nre.
    expect(ev.silicon.expectedNreUsd).toBeCloseTo((point["silicon.nre"] as number) + 0.76 * 40e6, 0);
    expect(ev.silicon.months[0]!.nreUsd).toBeCloseTo(ev.silicon.expectedNreUsd, 0);
    const plain = bound("no-respin", "  node: n3\n");
    const none = evaluateScenarioPoint(plain, scenarioMedianPoint(plain.resolved));
    expect(ev.metrics.siliconNpvUsd).toBeLessThan(none.metrics.siliconNpvUsd);
  });

  it("draws the respin probability, its months and the design cycle in the Monte Carlo", () => {
    const b = bound(
      "respin-mc",
      "  respinProbability: {dist: uniform, min: 0.5, max: 0.9}\n  respinMonths: 3 to 6 months\n  designCycle: 9 to 18 months\n"
    );
    const run = runScenario(b, {samples: 400, seed: 1});
    expect(run.uncertainKeys).toEqual(
      expect.arrayContaining(["silicon.respinProbability", "silicon.respinMonths", "silicon.designCycle"])
    );
    const npv = run.metrics.siliconNpvUsd as {p5: number; p95: number};
    expect(npv.p5).toBeLessThan(npv.p95);
  });

  it("points at silicon.node, where the author wrote n16, when the node has no mask-set price to price a respin", () => {
    // N16 has a wafer price (TSMC 2020, $3,984) but no mask-set price in MASK_SET_PRICES. Of the keys the respin cost
    // is computed from, silicon.node is the one this file sets (silicon.respinCost is at its default: blamedKey), at
    // line 6 (---, title, extends, silicon:, respinProbability, node), column 9 ("  node: " is 8 characters).
    const b = bound("n16", "  respinProbability: 0.5\n  node: n16\n");
    expect(() => evaluateScenarioPoint(b, scenarioMedianPoint(b.resolved))).toThrow(
      /n16\.md:6:9: silicon\.node: no mask-set price for this node to price a respin.*expected silicon\.respinCost set, or silicon\.node one of n28, n7, n5, n4, n3, found n16/
    );
  });
});
