import {describe, expect, it} from "vitest";
import {closestMatch, didYouMean} from "../../src/errors/suggest.js";
import {parseScenario} from "../../src/scenario/file/parseScenario.js";
import {resolveScenario} from "../../src/scenario/resolve/resolveScenario.js";
import {scenarioIndex} from "../../src/scenario/resolve/scenarioIndex.js";
import {userErrorsOf} from "../scenario/helpers.js";

describe("closestMatch", () => {
  it("suggests a near id, never one that shares nothing with what was written", () => {
    expect(closestMatch("wdie", ["wide", "base"])).toBe("wide");
    expect(closestMatch("h10", ["h100", "b200"])).toBe("h100");
    // Distance 2 is within the limit for short words, but "zz" → "c" replaces every letter (breaker).
    expect(closestMatch("zz", ["c", "base"])).toBeUndefined();
  });
});

describe("didYouMean", () => {
  // Three of the sweep's metric names, in SCENARIO_METRICS' order.
  const metrics = ["costPerMillionTokensUsd", "costPerMillionOutputTokensUsd", "chipHourCostUsd", "siliconNpvUsd"];

  it("offers the names with every word of one that is no typo (new-user trial: --metrics costPerToken said nothing)", () => {
    expect(didYouMean("costPerToken", metrics)).toBe(
      "did you mean costPerMillionTokensUsd or costPerMillionOutputTokensUsd?"
    );
    expect(didYouMean("npv", metrics)).toBe("did you mean siliconNpvUsd?");
    // More than three: the first three in table order, and how many more.
    expect(didYouMean("tokens", [...metrics, "inputTokensPerDay", "outputTokensPerDay"])).toBe(
      "did you mean costPerMillionTokensUsd, costPerMillionOutputTokensUsd or inputTokensPerDay (or 1 more)?"
    );
  });

  // The unit's shortening, USD/Mtok, had no hint: "found costPerMTokUsd" alone (--set's unknown keys get one).
  it("reads Mtok in a name as million tokens", () => {
    expect(didYouMean("costPerMTokUsd", metrics)).toBe(
      "did you mean costPerMillionTokensUsd or costPerMillionOutputTokensUsd?"
    );
    expect(didYouMean("costPerMtok", metrics)).toBe(
      "did you mean costPerMillionTokensUsd or costPerMillionOutputTokensUsd?"
    );
  });

  it("prefers a typo's one match, and says nothing for a short or unrelated word", () => {
    expect(didYouMean("chipHourCostUds", metrics)).toBe("did you mean chipHourCostUsd?");
    expect(didYouMean("ab", metrics)).toBeUndefined();
    expect(didYouMean("revenue", metrics)).toBeUndefined();
  });
});

describe("an unknown parent's known ids", () => {
  const scenario = (id: string, parent?: string) =>
    parseScenario({file: `${id}.md`, text: `---\nid: ${id}\n${parent ? `extends: ${parent}\n` : ""}---\n`});

  it("lists every id up to ten, and beyond that eight and a count (it cut the list at eight without saying so)", () => {
    const others = (names: string) => [...names].map((name) => scenario(name));
    // The child's own id is never among them (it cannot be its own parent).
    const few = scenarioIndex([...others("abcdefghi"), scenario("child", "nope")]);
    const [fewError] = userErrorsOf(() => resolveScenario("child", few.lookup, few.ids));
    expect(fewError!.hint).toBe("known: a, b, c, d, e, f, g, h, i");
    const many = scenarioIndex([...others("abcdefghijkl"), scenario("child", "nope")]);
    const [manyError] = userErrorsOf(() => resolveScenario("child", many.lookup, many.ids));
    expect(manyError!.hint).toBe("known: a, b, c, d, e, f, g, h and 4 more");
  });
});
