import {describe, expect, it, vi} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {drawnDistributions, scenarioDrawMedianPoint} from "../../../src/scenario/run/scenarioDraws.js";
import {parseSweepAxis, sweepScenario} from "../../../src/scenario/run/sweepScenario.js";

/** The inputs monteCarlo is asked to draw, in order. */
const drawn = vi.hoisted(() => [] as string[]);

vi.mock("../../../src/uncertainty/monteCarlo.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../src/uncertainty/monteCarlo.js")>();
  return {
    ...original,
    monteCarlo: (input: Parameters<typeof original.monteCarlo>[0]) => {
      drawn.push(...Object.keys(input.inputs));
      return original.monteCarlo(input);
    }
  };
});

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();
const options = {samples: 1000, seed: 1};

describe("scenarioDrawMedianPoint's undrawn keys", () => {
  it("keep scenarioMedianPoint's value; every other key is as without them", () => {
    const {resolved} = bindScenario(library.resolve("base"), catalogs);
    // base draws serving.utilization and silicon.nre (its two distributions a model reads).
    expect(Object.keys(drawnDistributions(resolved)).sort()).toEqual(["serving.utilization", "silicon.nre"]);
    const all = scenarioDrawMedianPoint(resolved, options);
    const some = scenarioDrawMedianPoint(resolved, {...options, undrawn: ["serving.utilization"]});
    expect(some["serving.utilization"]).toBe(scenarioMedianPoint(resolved)["serving.utilization"]);
    // The draws' median is not the distribution's (the docstring's 2.05 against 2.06): the key was not drawn.
    expect(some["serving.utilization"]).not.toBe(all["serving.utilization"]);
    expect({...some, "serving.utilization": all["serving.utilization"]}).toEqual(all);
  });

  it("are a sweep's varied keys: base swept over serving.utilization draws silicon.nre alone", () => {
    // A library loaded afresh: its distributions are new objects, whose medians no earlier call kept.
    const bound = bindScenario(loadScenarioLibrary().resolve("base"), catalogs);
    drawn.length = 0;
    sweepScenario({
      bound,
      axes: [parseSweepAxis("serving.utilization=0.3:0.9:3")],
      metrics: ["costPerMillionTokensUsd"]
    });
    expect(drawn).toEqual(["silicon.nre"]);
  });
});
