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

  it("names scenario or sets that a script built wrong, before reading them (breaker)", () => {
    const thrown = (request: unknown): string => {
      try {
        runScenarioRequest(request as Parameters<typeof runScenarioRequest>[0]);
        return "no error";
      } catch (error) {
        return (error as Error).message;
      }
    };
    // One string was read letter by letter ("--set: missing =: … found s"), {} as "sets is not iterable".
    const sets = 'sets: not a list of texts: expected a list of path=value texts, like ["serving.utilization=0.7"]';
    expect(thrown({scenario: "base", sets: "serving.utilization=0.7"})).toBe(
      `${sets}, found "serving.utilization=0.7"`
    );
    expect(thrown({scenario: "base", sets: {}})).toBe(`${sets}, found {}`);
    expect(thrown({scenario: "base", sets: [0.7]})).toBe(`${sets}, found [0.7]`);
    // Without a scenario it read "Cannot read properties of undefined (reading 'endsWith')".
    expect(thrown({})).toMatch(/^scenario: not text: expected a scenario id .*, found nothing$/);
    expect(thrown({scenario: 5})).toMatch(/^scenario: not text: .*, found 5$/);
    // A count or seed given as text is quoted: "found 100" for "100" looked right.
    expect(thrown({scenario: "base", samples: "100"})).toMatch(/^samples: invalid sample count: .*, found "100"$/);
    expect(thrown({scenario: "base", samples: 10, seed: "1"})).toMatch(/^seed: invalid seed: .*, found "1"$/);
    expect(thrown({scenario: "base", samples: 0})).toMatch(/^samples: invalid sample count: .*, found 0$/);
  });
});
