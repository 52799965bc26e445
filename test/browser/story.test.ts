// The front page and the story chapters as a reader meets them: the front page's headline figures are site.json's
// static ones, and every story page fits a phone's screen (no sideways scrolling of the whole page).
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {buildSiteData} from "../../src/node/siteData.js";
import type {ScenarioMetricName} from "../../src/scenario/evaluate/evaluateScenario.js";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems} from "./browser.js";
import {relativeError} from "./storyHelpers.js";

const enabled = inject("browserTestsEnabled");
const site = enabled ? buildSiteData() : null;

/** data-testid on the front page → the scenario and metric it shows. */
const INDEX_FIGURES: [string, string, ScenarioMetricName][] = [
  ["index-cost", "base", "costPerMillionTokensUsd"],
  ["index-chip-hour", "base", "chipHourCostUsd"],
  ["index-crossover", "base", "inferenceOvertakesTrainingMonth"],
  ["index-inference-share", "base", "inferenceShareOfSpend"],
  ["index-inference-share-agents", "agent-era", "inferenceShareOfSpend"],
  ["index-training-cost", "base", "trainingCostUsd"],
  ["index-tax", "base", "inferenceTaxShare"],
  ["index-npv-9", "asic-9-months", "siliconNpvUsd"],
  ["index-npv-24", "asic-24-months", "siliconNpvUsd"],
  ["index-model-lead", "cost-lead-vs-model-lead", "modelLeadValueUsd"],
  ["index-cost-lead", "cost-lead-vs-model-lead", "costLeadValueUsd"],
  ["index-flywheel", "base", "flywheelCostReduction"]
];

/** One metric shown on the front page, as its chapter's headline and on its scenario's page. */
const SAME_FIGURES: [ScenarioMetricName, string, string, string][] = [
  ["costPerMillionTokensUsd", "base", "index-cost", "/token-economics"],
  ["inferenceOvertakesTrainingMonth", "base", "index-crossover", "/training-vs-inference"],
  ["inferenceTaxShare", "base", "index-tax", "/inference-tax"],
  ["siliconNpvUsd", "asic-9-months", "index-npv-9", "/custom-silicon"],
  ["costLeadValueUsd", "cost-lead-vs-model-lead", "index-cost-lead", "/moat"],
  ["flywheelCostReduction", "base", "index-flywheel", "/flywheel"]
];

const PHONE = {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true};
const STORY_PAGES = [
  "/",
  "/token-economics",
  "/training-vs-inference",
  "/inference-tax",
  "/custom-silicon",
  "/moat",
  "/flywheel",
  "/authoring",
  "/reference"
];

describe.skipIf(!enabled)("front page and story layout", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows the static headline figures of site.json on the front page, and links every chapter and scenario", async () => {
    const page = await openPage(browser, "/");
    try {
      for (const [testid, scenario, metric] of INDEX_FIGURES) {
        const raw = await page.$eval(`[data-testid="${testid}"]`, (el) => (el as HTMLElement).dataset.value ?? "");
        const value = site!.scenarios[scenario]!.report.metrics[metric];
        const expected = value !== null && typeof value === "object" ? value.p50 : value;
        expect(raw, testid).not.toBe("");
        expect(relativeError(Number(raw), expected!), testid).toBeLessThan(1e-12);
      }
      const links = await page.$$eval("#observablehq-main a[href]", (as) => as.map((a) => a.getAttribute("href")));
      const wanted = [
        "./token-economics",
        "./training-vs-inference",
        "./inference-tax",
        "./custom-silicon",
        "./moat",
        "./flywheel",
        "./compare",
        "./assumptions",
        ...site!.scenarioIds.map((id) => `./scenarios/${id}`)
      ];
      for (const href of wanted) expect(links, href).toContain(href);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it.concurrent.for(SAME_FIGURES)(
    "%s reads the same on the front page, its chapter and its scenario page",
    async ([metric, scenario, frontTestid, chapter], {expect}) => {
      const text = async (path: string, selector: string) => {
        const page = await openPage(browser, path);
        try {
          return (await page.textContent(selector))?.trim();
        } finally {
          await closePage(page);
        }
      };
      const front = await text("/", `[data-testid="${frontTestid}"]`);
      const inChapter = await text(chapter, '[data-testid="headline"] strong');
      const onScenario = await text(`/scenarios/${scenario}`, `tr[data-metric="${metric}"] td.scenario-number`);
      expect(front).toBeTruthy();
      expect(inChapter).toBe(front);
      expect(onScenario).toBe(front);
    }
  );

  it.concurrent.for(STORY_PAGES)("%s fits a 390 px phone screen", async (path, {expect}) => {
    const page = await openPage(browser, path, PHONE);
    try {
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return {width, scrollWidth: document.documentElement.scrollWidth};
      });
      expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });
});
