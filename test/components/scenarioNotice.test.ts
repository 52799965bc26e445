// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {unknownScenarioReason} from "../../docs/components/scenarioNotice.js";

describe("/compare's reason for an unknown ?scenario= id", () => {
  it("suggests the id in any case: zeta-2 finds Zeta-2, BASE finds base", () => {
    const ids = ["base", "Zeta-2", "agent-era"];
    expect(unknownScenarioReason("zeta-2", ids)).toBe("no scenario has this id (did you mean Zeta-2?)");
    expect(unknownScenarioReason("BASE", ids)).toBe("no scenario has this id (did you mean base?)");
    expect(unknownScenarioReason("qqqqqqq", ids)).toBe(
      "no scenario has this id (the scenarios are base, Zeta-2, agent-era)"
    );
  });
});
