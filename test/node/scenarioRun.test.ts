import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, afterEach, describe, expect, it, vi} from "vitest";
import {runScenarioRequest} from "../../src/node/scenarioRun.js";
import {UserErrors} from "../../src/errors/userError.js";
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

describe("runScenarioRequest of a project's file whose extends fails", () => {
  const project = mkdtempSync(join(tmpdir(), "token-ledger-run-"));
  const file = join(project, "data", "scenarios", "mine.md");
  mkdirSync(join(project, "data", "scenarios"), {recursive: true});
  afterAll(() => rmSync(project, {recursive: true, force: true}));
  afterEach(() => vi.unstubAllEnvs());
  /** Each error's line and message, as thrown for `scenario`. */
  const errorsOf = (scenario: string) => {
    try {
      runScenarioRequest({scenario, samples: 10});
    } catch (error) {
      expect(error).toBeInstanceOf(UserErrors);
      return (error as UserErrors).errors.map((e) => [e.detail.line, e.detail.message]);
    }
    return expect.unreachable(`${scenario} ran`);
  };

  it.each([
    ["an unknown hardware id", "serving:\n  hardware: h100-sxn", [5, "unknown hardware id 'h100-sxn'"]],
    ["an unknown key", "serving:\n  batchh: 32", [5, "unknown key"]]
  ])("reports by id, as by path, the unknown parent and %s (helper item)", (_, lines, own) => {
    vi.stubEnv("TOKEN_LEDGER_PROJECT", project);
    writeFileSync(file, `---\ntitle: Mine\nextends: bse\n${lines}\n---\n\nText.\n`);
    // The file's line 3, then its own error: what `validate` and `run data/scenarios/mine.md` print. By id it was the
    // extends error alone for the unknown id.
    const both = [[3, "unknown scenario"], own];
    expect(errorsOf(file)).toEqual(both);
    expect(errorsOf("mine")).toEqual(both);
  });

  it("reports by id, as by path, the unknown parent and id beside an error in the narrative (helper item)", () => {
    vi.stubEnv("TOKEN_LEDGER_PROJECT", project);
    const frontMatter = "---\ntitle: Mine\nextends: bse\nserving:\n  hardware: h100-sxn\n---\n";
    writeFileSync(file, `${frontMatter}\n{{metrics.nope}}\n`);
    // The narrative's error alone was said.
    const all = [
      [3, "unknown scenario"],
      [5, "unknown hardware id 'h100-sxn'"],
      [8, "unknown live value in the narrative"]
    ];
    expect(errorsOf(file)).toEqual(all);
    expect(errorsOf("mine")).toEqual(all);
  });
});
