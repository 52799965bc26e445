import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, type BoundScenario} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {resolveScenario} from "../../../src/scenario/resolve/resolveScenario.js";
import {drawnText, firstRejectedDraw} from "../../../src/scenario/run/rejectedDraw.js";
import {runScenario} from "../../../src/scenario/run/runScenario.js";
import {userErrorsOf} from "../helpers.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();

/** A scenario written inline, extending the bundled ones when it says so. */
function inline(frontMatter: string): BoundScenario {
  const parsed = parseScenario({file: "inline.md", text: `---\nextends: base\n${frontMatter}\n---\n`});
  const lookup = (id: string) => (id === parsed.id ? parsed : library.index.lookup(id));
  return bindScenario(resolveScenario(parsed.id, lookup), catalogs);
}

describe("firstRejectedDraw", () => {
  it.each([
    ["serving.hbmReserve: 0.01 to 0.2\nserving.batch: 200", 1000, 1],
    ["serving.hbmReserve: 0.01 to 0.2\nserving.batch: 200\nserving.utilization: 0.4 to 0.8", 500, 7],
    // 3.65e11 tokens a year per user: draws above about 2.7e8 users break the inference tax model (runScenario.test.ts).
    ["demand.tokensPerUserPerDay: 1e6\ndemand.agentMultiplier: 1000\ndemand.users: 1e6 to 1e9", 200, 1]
  ])("returns the error run throws, word for word (%s)", (frontMatter, samples, seed) => {
    const bound = inline(frontMatter);
    const [thrown] = userErrorsOf(() => runScenario(bound, {samples, seed}));
    const found = firstRejectedDraw(bound, {samples, seed});
    expect(found?.detail).toEqual(thrown);
    expect(found?.detail.message).toMatch(
      /in a Monte Carlo sample, draw [\d,]+ of [\d,]+ with seed \d+, where [\w.]+ drew /
    );
  });

  it("names only the uncertain keys that led to the rejection", () => {
    const bound = inline("serving.hbmReserve: 0.01 to 0.2\nserving.batch: 200\nserving.utilization: 0.4 to 0.8");
    const message = firstRejectedDraw(bound, {samples: 1000, seed: 1})!.message;
    expect(message).toMatch(/where serving\.hbmReserve drew [\d.]+: narrow/);
    expect(message).not.toMatch(/serving\.utilization drew/);
  });

  it("is undefined for a scenario every draw of which runs, or without distributions", () => {
    expect(firstRejectedDraw(inline("serving.hbmReserve: 0.01 to 0.05"), {samples: 1000, seed: 1})).toBeUndefined();
    expect(firstRejectedDraw(inline("serving.hbmReserve: 0.05"), {samples: 1000, seed: 1})).toBeUndefined();
  });
});

describe("a drawn value in the message", () => {
  it("keeps six digits, and every digit where six would reach a bound the key's range excludes", () => {
    // serving.hbmReserve is in [0, 1): a draw clamped to 1 − 1e-9 (clampToRange) read "drew 1" at six digits.
    expect(drawnText("serving.hbmReserve", 0.289902345)).toBe("0.289902");
    // …and says it is the clamp, not a value the distribution gives (new-user trial: it read as a bug).
    expect(drawnText("serving.hbmReserve", 1 - 1e-9)).toBe(
      "0.999999999 (the tail of its distribution, clamped to the key's range [0, 1))"
    );
    expect(drawnText("serving.hbmReserve", 0)).toBe(
      "0 (the tail of its distribution, clamped to the key's range [0, 1))"
    );
    expect(drawnText("serving.stack", "vllm")).toBe("vllm");
  });
});
