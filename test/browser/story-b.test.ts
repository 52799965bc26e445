// Story chapters 4–6 and the uncertainty bands in a real browser: moving a control changes the headline and a chart to
// exactly what the library computes in Node; the page's Monte Carlo equals Node's for the same seed; bad sample
// counts and seeds get a clear message and the page keeps working.
import {readdirSync} from "node:fs";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {buildSiteData} from "../../src/node/siteData.js";
import {bindScenario, evaluateScenarioPoint, type ScenarioMetricName} from "../../src/scenario/evaluateScenario.js";
import {scenarioDistributions, scenarioMedianPoint} from "../../src/scenario/scenarioValues.js";
import {siliconUncertainty} from "../../src/scenario/siliconUncertainty.js";
import {monteCarlo} from "../../src/uncertainty/monteCarlo.js";
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
      const onLoad = await headline(page);
      expect(relativeError(onLoad!, expectedMetric(c, {})!)).toBeLessThan(1e-12);
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

  it("draws the same Monte Carlo samples in the browser as in Node for the same seed, bit for bit", async () => {
    // The engine's own modules as the site ships them (dist/_import/lib/uncertainty/monteCarlo.<hash>.js).
    const dir = join(inject("distDir"), "_import/lib/uncertainty");
    const file = readdirSync(dir).find((name) => name.startsWith("monteCarlo.") && name.endsWith(".js"))!;
    const inputs = {
      price: {kind: "lognormal", mu: 10.3, sigma: 0.25},
      power: {kind: "normal", mean: 700, sd: 40},
      utilization: {kind: "uniform", min: 0.4, max: 0.8},
      life: {kind: "triangular", min: 3, mode: 5, max: 6}
    } as const;
    const page = await openPage(browser, "/custom-silicon");
    try {
      // A string, so that vitest's transform leaves the browser's dynamic import alone.
      const inBrowser = (await page.evaluate(`(async () => {
        const {monteCarlo} = await import(${JSON.stringify(`/_import/lib/uncertainty/${file}`)});
        const run = monteCarlo({
          samples: 5000,
          seed: 2026,
          inputs: ${JSON.stringify(inputs)},
          outputs: ["y"],
          keepSamples: true,
          evaluate: (x, out) => { out.y = (x.price / x.life + x.power * 0.7) / x.utilization; }
        });
        return {y: run.outputs.y, price: Array.from(run.inputSamples.price)};
      })()`)) as {y: unknown; price: number[]};
      const inNode = monteCarlo({
        samples: 5000,
        seed: 2026,
        inputs,
        outputs: ["y"],
        keepSamples: true,
        evaluate: (x, out) => {
          out.y = (x.price! / x.life! + x.power! * 0.7) / x.utilization!;
        }
      });
      expect(inBrowser.price).toEqual(Array.from(inNode.inputSamples!.price));
      expect(inBrowser.y).toEqual(inNode.outputs.y);
    } finally {
      await closePage(page);
    }
  });

  it("shows the silicon program's Monte Carlo as Node computes it for the same seed", async () => {
    const page = await openPage(browser, "/custom-silicon");
    try {
      const read = () =>
        page.$eval('[data-testid="uncertainty"]', (el) => ({
          p50: Number((el as HTMLElement).dataset.npvP50),
          mean: Number((el as HTMLElement).dataset.npvMean)
        }));
      const {resolved} = site!.scenarios["asic-9-months"]!;
      const median = scenarioMedianPoint(resolved);
      const point = evaluateScenarioPoint(
        bindScenario(resolved, {hardware: site!.hardware, models: site!.models}),
        median
      );
      const node = (samples: number, seed: number) =>
        siliconUncertainty({
          point,
          values: {
            "serving.utilization": median["serving.utilization"] as number,
            "silicon.relativeThroughput": median["silicon.relativeThroughput"] as number,
            "silicon.nre": median["silicon.nre"] as number,
            "silicon.designCycle": median["silicon.designCycle"] as number,
            "silicon.rampMonths": median["silicon.rampMonths"] as number
          },
          distributions: scenarioDistributions(resolved),
          samples,
          seed
        }).npv;
      // The samples are identical (test above); the model around them uses Math.pow/expm1, which engines may round
      // differently in the last bit, so the NPV agrees to 1e-12 rather than bit for bit.
      const close = async (samples: number, seed: number) => {
        const page_ = await read();
        const expected = node(samples, seed);
        expect(relativeError(page_.p50, expected.p50)).toBeLessThan(1e-12);
        expect(relativeError(page_.mean, expected.mean)).toBeLessThan(1e-12);
      };
      await close(1000, 1);
      await setInput(page, '[data-testid="control-seed"] input', "42");
      await close(1000, 42);
      await setInput(page, '[data-testid="control-samples"] input', "10000");
      await close(10000, 42);
    } finally {
      await closePage(page);
    }
  });

  it.each([
    ["samples", "0", /samples.*expected an integer from 1 to 2000000.*found 0/],
    ["samples", "2.5", /found 2\.5/],
    ["samples", "200000", /at most 100,000 on this page/],
    ["samples", "1e9", /expected an integer from 1 to 2000000/],
    ["samples", "abc", /found NaN|expected an integer/],
    ["seed", "1.5", /seed/],
    ["seed", "", /seed: expected a whole number/]
  ])("rejects %s = %j with a clear message and keeps working", async (which, value, message) => {
    const page = await openPage(browser, "/custom-silicon");
    try {
      await setInput(page, `[data-testid="control-${which}"] input`, value);
      const error = await page.$eval('[data-testid="uncertainty-error"]', (el) => el.textContent ?? "");
      expect(error).toMatch(/^Not recomputed: /);
      expect(error).toMatch(message);
      // Still alive: a valid value brings the bands back.
      await setInput(page, `[data-testid="control-${which}"] input`, which === "samples" ? "500" : "3");
      expect(await page.$('[data-testid="uncertainty"]')).not.toBeNull();
      expect((await pageProblems(page)).errorCells).toEqual([]);
    } finally {
      await closePage(page);
    }
  });
});
