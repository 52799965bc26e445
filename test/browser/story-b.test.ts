// Story chapters 4–6 in a real browser: moving a control changes the headline and a chart to exactly what the library
// computes in Node (the uncertainty sections: uncertainty.test.ts).
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {buildSiteData} from "../../src/node/siteData.js";
import {
  bindScenario,
  evaluateScenarioPoint,
  type ScenarioMetricName
} from "../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "../../src/scenario/resolve/scenarioValues.js";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems} from "./browser.js";
import {chartSvg, controlValue, headline, relativeError, setInput} from "./storyHelpers.js";

const enabled = inject("browserTestsEnabled");
const site = enabled ? buildSiteData() : null;

interface Control {
  testid: string;
  key: string;
  /** key value = control value × scale, or ÷ 100 for "percent" (as the page computes it). */
  scale: number | "percent";
}

interface StoryCase {
  path: string;
  scenario: string;
  metric: ScenarioMetricName;
  controls: Control[];
  move: {testid: string; value: number};
  chart: string;
}

const CASES: StoryCase[] = [
  {
    path: "/custom-silicon",
    scenario: "asic-9-months",
    metric: "siliconNpvUsd",
    controls: [
      {testid: "control-cycle", key: "silicon.designCycle", scale: 1},
      {testid: "control-nre", key: "silicon.nre", scale: 1e6},
      {testid: "control-throughput", key: "silicon.relativeThroughput", scale: 1},
      {testid: "control-unit-cost", key: "silicon.unitCost", scale: 1e3}
    ],
    move: {testid: "control-cycle", value: 24},
    chart: "chart-cycle"
  },
  {
    path: "/moat",
    scenario: "cost-lead-vs-model-lead",
    metric: "costLeadValueUsd",
    controls: [
      {testid: "control-catch-up", key: "moat.catchUpMonths", scale: 1},
      {testid: "control-premium", key: "moat.pricePremium", scale: "percent"},
      {testid: "control-advantage", key: "moat.costAdvantage", scale: "percent"},
      {testid: "control-horizon", key: "horizon.months", scale: 1}
    ],
    move: {testid: "control-advantage", value: 20},
    chart: "chart-moat"
  },
  {
    path: "/flywheel",
    scenario: "base",
    metric: "flywheelCostReduction",
    controls: [
      {testid: "control-quality", key: "flywheel.qualityPerDataDoubling", scale: 1},
      {testid: "control-shortening", key: "flywheel.cycleShorteningPerQuality", scale: 1},
      {testid: "control-reduction", key: "flywheel.costReductionPerGeneration", scale: "percent"},
      {testid: "control-elasticity", key: "flywheel.costElasticity", scale: 1}
    ],
    move: {testid: "control-shortening", value: 5},
    chart: "chart-cost"
  }
];

function expectedMetric(c: StoryCase, values: Record<string, number>): number | null {
  const {resolved} = site!.scenarios[c.scenario]!;
  const point = {...scenarioMedianPoint(resolved), ...values};
  return evaluateScenarioPoint(bindScenario(resolved, {hardware: site!.hardware, models: site!.models}), point).metrics[
    c.metric
  ];
}

function staticMetric(c: StoryCase): number | null {
  const metric = site!.scenarios[c.scenario]!.report.metrics[c.metric] as number | null | {p50: number | null};
  return metric === null || typeof metric === "number" ? metric : metric.p50;
}

describe.skipIf(!enabled)("story chapters 4–6", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.concurrent.for(CASES)("$path recomputes its headline and chart when a control moves", async (c, {expect}) => {
    const page = await openPage(browser, c.path);
    try {
      // On load: the static figure of site.json (the Monte Carlo median of the scenario's report).
      const onLoad = await headline(page);
      const staticMetric = site!.scenarios[c.scenario]!.report.metrics[c.metric];
      const staticFigure = staticMetric !== null && typeof staticMetric === "object" ? staticMetric.p50 : staticMetric;
      expect(onLoad).not.toBeNull();
      expect(relativeError(onLoad!, staticFigure!)).toBeLessThan(1e-12);
      const chartBefore = await chartSvg(page, c.chart);

      await setInput(page, `[data-testid="${c.move.testid}"] input[type=range]`, String(c.move.value));
      expect(await controlValue(page, c.move.testid)).toBe(c.move.value);
      const after = await headline(page);
      expect(after).not.toEqual(onLoad);
      expect(await chartSvg(page, c.chart)).not.toEqual(chartBefore);

      const values: Record<string, number> = {};
      for (const control of c.controls) {
        const v = await controlValue(page, control.testid);
        values[control.key] = control.scale === "percent" ? v / 100 : v * control.scale;
      }
      const expected = expectedMetric(c, values);
      if (expected === null) expect(after).toBeNull();
      else expect(relativeError(after!, expected)).toBeLessThan(1e-12);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });
});
