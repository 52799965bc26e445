// A scenario page after moves a reader does not expect to count: a move the model refuses, after which the page shows
// the scenario as filed (the provenance caption must say so), and a slider dragged away and back to a start that lies
// between its steps (it must read as the scenario as filed: no change listed, none in the share link).
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
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

  it.each([1280, 390])(
    "at %i px, a slider dragged away and back to a start between its steps is the scenario as filed",
    async (width) => {
      // base.md's electricity, 0.0826 USD/kWh, on a 0.001-step slider: dragged back, it snapped to 0.083 and the page
      // listed "Electricity price: 0.083 USD/kWh; as filed, 0.0826" and put power.electricity=0.083 in the share link.
      const page = await openPage(browser, "/scenarios/asic-9-months", {viewport: {width, height: 900}});
      try {
        const control = '.scenario-control[data-key="power.electricity"]';
        const range = page.locator(`${control} input[type=range]`);
        await range.scrollIntoViewIfNeeded();
        expect(await page.inputValue(`${control} input[type=number]`)).toBe("0.0826");
        const box = (await range.boundingBox())!;
        const at = await range.evaluate((input: HTMLInputElement) => {
          const thumb = 16; // Chromium's range thumb, px: its centre runs from 8 px to width - 8 px
          const share = (Number(input.value) - Number(input.min)) / (Number(input.max) - Number(input.min));
          return thumb / 2 + share * (input.getBoundingClientRect().width - thumb);
        });
        // A mouse moves in whole pixels: the pointer goes back to the pixel the thumb's centre started on.
        const x = Math.round(box.x + at);
        const y = Math.round(box.y + box.height / 2);
        await page.mouse.move(x, y);
        await page.mouse.down();
        for (let i = 1; i <= 5; i++) await page.mouse.move(x + 8 * i, y, {steps: 2});
        await waitForRender(page);
        expect(new URL(page.url()).searchParams.getAll("set")).toHaveLength(1);
        for (let i = 4; i >= 0; i--) await page.mouse.move(x + 8 * i, y, {steps: 2});
        await page.mouse.up();
        await page.mouse.move(0, 0);
        await waitForRender(page);
        expect(await page.inputValue(`${control} input[type=number]`)).toBe("0.0826");
        expect(await changedNote(page)).toEqual([]);
        expect(new URL(page.url()).searchParams.getAll("set")).toEqual([]);
        expect(await page.inputValue("[data-share]")).not.toContain("set=");
        expect(await page.$eval(".scenario-provenance", (p) => p.textContent)).toMatch(
          /^Figures from the static report/
        );
        expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      } finally {
        await closePage(page);
      }
    }
  );
});
