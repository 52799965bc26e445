import {describe, expect, it} from "vitest";
import {runScenarioRequest} from "../../src/node/scenarioRun.js";
import {DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED} from "../../src/scenario/run/runScenario.js";

describe("runScenarioRequest", () => {
  it("runs a scenario as `run SCENARIO` does when only the scenario is given (modeller trial: sets is not iterable)", () => {
    const given = runScenarioRequest({scenario: "asic-9-months"});
    const explicit = runScenarioRequest({
      scenario: "asic-9-months",
      sets: [],
      samples: DEFAULT_SCENARIO_SAMPLES,
      seed: DEFAULT_SCENARIO_SEED
    });
    expect(given.result.monteCarlo).toEqual({samples: DEFAULT_SCENARIO_SAMPLES, seed: DEFAULT_SCENARIO_SEED});
    expect(given.result.metrics).toEqual(explicit.result.metrics);
  });
});
