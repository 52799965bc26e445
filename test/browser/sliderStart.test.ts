// Every slider's thumb at load sits at the number its box shows: /moat's catch-up median, written "5.9" months in its
// box, put the thumb of a 0.5-month slider at 6 (reader's audit; keyControls.ts startStep). A chapter's sliders
// (Observable Inputs, KeySlider) and a scenario page's panel (ScenarioControls).
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems} from "./browser.js";

const enabled = inject("browserTestsEnabled");

describe.skipIf(!enabled)("a slider's thumb and its box at load", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ["/moat", ".story-sliders form", 4],
    ["/scenarios/cost-lead-vs-model-lead", ".scenario-control", 4]
  ])("%s: each thumb's value is its box's number", async (path, row, atLeast) => {
    const page = await openPage(browser, path);
    try {
      const sliders = await page.$$eval(row, (rows) =>
        rows.map((r) => ({
          label: r.querySelector("label, .scenario-control-label")?.textContent?.trim() ?? "",
          thumb: Number(r.querySelector<HTMLInputElement>("input[type=range]")!.value),
          box: Number(r.querySelector<HTMLInputElement>("input[type=number]")!.value)
        }))
      );
      expect(sliders.length).toBeGreaterThanOrEqual(atLeast);
      for (const {label, thumb, box} of sliders) expect(thumb, label).toBe(box);
      // The catch-up slider, the reader's case: a median (5.91 months, written 5.9) between the schema's 0.5 steps.
      const catchUp = sliders.find(({label}) => /catch up/i.test(label));
      expect(catchUp && Number.isInteger(catchUp.box * 2)).toBe(false);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });
});
