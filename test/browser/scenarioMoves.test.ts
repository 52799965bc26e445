// A scenario page after a move the model refuses: the page shows the scenario as filed, and the provenance caption
// must say so.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../src/node/scenarioFiles.js";
import {bindScenario} from "../../src/scenario/evaluate/evaluateScenario.js";
import {DEFAULT_SCENARIO_SEED, runScenario} from "../../src/scenario/run/runScenario.js";
import {metricCentral, SCENARIO_PAGE_SAMPLES} from "../../docs/components/scenarioPage.js";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems, waitForRender} from "./browser.js";

const enabled = inject("browserTestsEnabled");

/** Types `display` in the number box of `path`'s slider, as a reader does, and waits for the page to settle. */
async function setControl(page: Page, path: string, display: number): Promise<void> {
  await page.fill(`.scenario-control[data-key="${path}"] input[type=number]`, String(display));
  await waitForRender(page);
}

/** The changed-scenario note's items (narrativeChangedNote.ts), empty when it is hidden. */
function changedNote(page: Page): Promise<string[]> {
  return page.$$eval(".scenario-changed-note:not([hidden]) li", (items) => items.map((item) => item.textContent ?? ""));
}

describe.skipIf(!enabled)("scenario page moves", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("says after a refused move that the figures are the scenario as filed, not the moved state", async () => {
    // demand.tokensPerUserPerDay=500M tokens runs; with the agent multiplier at 100 the inference tax model's tokens
    // per year leave their range, so the page shows the scenario without its sets ("Not run as set"). Before the
    // caption said so, it kept reading "Recomputed in your browser with 3 changes" over the file's figures.
    const page = await openPage(browser, "/scenarios/asic-9-months?set=demand.tokensPerUserPerDay%3D500M%20tokens", {
      viewport: {width: 1280, height: 900}
    });
    try {
      await setControl(page, "power.electricity", 0.12);
      const caption = () => page.$eval(".scenario-provenance", (p) => p.textContent ?? "");
      expect(await caption()).toMatch(/^Recomputed in your browser with 2 changes: /);
      await setControl(page, "demand.agentMultiplier", 100);
      const notice = await page.$$eval("[data-notice]:not([hidden])", (boxes) => boxes.map((box) => box.textContent));
      expect(notice).toHaveLength(1);
      expect(notice[0]).toMatch(
        /^Not run as set.*these settings cannot be evaluated, so the page shows the scenario without them/
      );
      const text = await caption();
      expect(text).not.toContain("Recomputed");
      expect(text).toMatch(/^Figures for the scenario as filed, from the static report built with the site/);
      expect(text).toContain("the 3 changes as set cannot be evaluated together, so none of them is run");
      // And that is what the figures are: the file's, with no change listed above the narrative.
      const resolved = loadScenarioLibrary().resolve("asic-9-months");
      const filed = runScenario(bindScenario(resolved, loadCatalogs()), {
        samples: SCENARIO_PAGE_SAMPLES,
        seed: DEFAULT_SCENARIO_SEED
      });
      const cost = await page.$eval('.scenario-kpi[data-metric="costPerMillionTokensUsd"]', (card) =>
        Number((card as HTMLElement).dataset.value)
      );
      expect(cost).toBeCloseTo(metricCentral(filed.metrics.costPerMillionTokensUsd)!, 9);
      expect(await changedNote(page)).toEqual([]);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });
});
