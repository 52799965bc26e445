// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {ScenarioNotice, unknownScenarioReason} from "../../docs/components/scenarioNotice.js";

describe("/compare's reason for an unknown ?scenario= id", () => {
  it("suggests the id in any case: zeta-2 finds Zeta-2, BASE finds base", () => {
    const ids = ["base", "Zeta-2", "agent-era"];
    expect(unknownScenarioReason("zeta-2", ids)).toBe("no scenario has this id (did you mean Zeta-2?)");
    expect(unknownScenarioReason("BASE", ids)).toBe("no scenario has this id (did you mean base?)");
    // A file's name for its id (breaker: /compare?scenario=base.md was offered nothing).
    expect(unknownScenarioReason("base.md", ids)).toBe(
      "no scenario has this id: it is a file's name (did you mean base?)"
    );
    expect(unknownScenarioReason("data/scenarios/base.md", ids)).toBe(
      "no scenario has this id: it is a file's name (did you mean base?)"
    );
    expect(unknownScenarioReason("qqqqqqq", ids)).toBe(
      "no scenario has this id (the scenarios are base, Zeta-2, agent-era)"
    );
  });
});

describe("the notice of settings that fail together", () => {
  it("shows each setting on a line of its own (one code span of them read as one setting; trial)", () => {
    const settings = ["power.electricity=0.12 USD/kWh", "demand.agentMultiplier=100"];
    const box = ScenarioNotice([{set: settings.join(" "), settings, reason: "these settings cannot be evaluated"}], {
      heading: "Not run as set"
    });
    const item = box.querySelector("li")!;
    expect([...item.querySelectorAll("code")].map((code) => code.textContent)).toEqual(settings);
    expect(item.querySelectorAll("br")).toHaveLength(1);
    expect(item.textContent).toBe(`${settings.join("")} — these settings cannot be evaluated`);
    // What reads the notice (`token-ledger pdf`) still finds the settings in one attribute.
    expect(item.dataset.set).toBe(settings.join(" "));
  });
});

describe("the notice of a link's setting too long to read", () => {
  it("gives the length as written, not the cut text's (a 320-character set read as 201 characters; breaker)", async () => {
    const {parseShareQuery} = await import("../../docs/components/urlState.js");
    const raw = `serving.utilization=${"9".repeat(300)}`;
    expect(raw.length).toBe(320);
    const {ignored} = parseShareQuery(new URLSearchParams({set: raw}));
    const code = ScenarioNotice(ignored).querySelector("code")!;
    expect(code.textContent).toMatch(/… \(320 characters\)$/);
  });
});

describe("the notice's title", () => {
  it("agrees in number with the settings it ignored (reader: 'Ignored 1 setting … without them')", () => {
    const one = ScenarioNotice([{set: "serving.utilization=7", reason: "out of range"}]);
    expect(one.querySelector("p")!.textContent).toBe(
      "Ignored 1 setting from the link: the page shows the scenario without it."
    );
    const two = ScenarioNotice([
      {set: "serving.utilization=7", reason: "out of range"},
      {set: "power.pue=9", reason: "out of range"}
    ]);
    expect(two.querySelector("p")!.textContent).toBe(
      "Ignored 2 settings from the link: the page shows the scenario without them."
    );
  });
});
