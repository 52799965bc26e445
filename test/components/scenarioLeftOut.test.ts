// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {ScenarioLeftOut} from "../../docs/components/scenarioLeftOut.js";

describe("the page of a scenario the site data left out", () => {
  // A file that passed validate's draws at each key's extremes but whose site Monte Carlo failed (breaker, session
  // 16: two tier shares of 0–55% each, which fail only together); the page threw a TypeError and ten runtime errors.
  const message =
    "data/scenarios/tiers.md:6:18: pricing.priorityShare: batch and priority shares exceed all tokens (…): expected " +
    "batch share + priority share <= 1, found 1.03905962292";

  it("lists the site data's errors as run prints them, with the file and what to do", () => {
    const box = ScenarioLeftOut("tiers", {file: "data/scenarios/tiers.md", messages: [message]});
    expect(box.getAttribute("role")).toBe("alert");
    expect(box.dataset.problems).toBe("data/scenarios/tiers.md");
    expect(box.textContent).toContain("data/scenarios/tiers.md has 1 error in the site's Monte Carlo draws");
    expect(box.querySelector("li code")!.textContent).toBe(message);
    expect(box.textContent).toContain("npx token-ledger run data/scenarios/tiers.md prints the same error.");
  });

  it("says so when no file has the id any longer", () => {
    expect(ScenarioLeftOut("gone", undefined).textContent).toBe(
      "No scenario file has the id gone any longer, so this page shows no numbers."
    );
  });
});
