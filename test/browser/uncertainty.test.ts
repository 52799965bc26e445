// The story pages' Monte Carlo in a real browser: the engine draws the same samples as in Node for a seed, bit for
// bit; each page's summary equals what the library computes in Node for the same settings; bad sample counts and
// seeds get a clear message and the page keeps working.
import {readdirSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {buildSiteData} from "../../src/node/siteData.js";
import {bindScenario, evaluateScenarioPoint} from "../../src/scenario/evaluate/evaluateScenario.js";
import {flywheelUncertainty, FLYWHEEL_UNCERTAIN_KEYS} from "../../src/scenario/bands/flywheelUncertainty.js";
import {moatUncertainty, MOAT_UNCERTAIN_KEYS} from "../../src/scenario/bands/moatUncertainty.js";
import {scenarioDistributions} from "../../src/scenario/resolve/scenarioValues.js";
import {scenarioPageMedianPoint} from "../../docs/components/scenarioPage.js";
import {siliconUncertainty} from "../../src/scenario/bands/siliconUncertainty.js";
import {monteCarlo} from "../../src/uncertainty/monteCarlo.js";
import type {SummaryStats} from "../../src/uncertainty/summary.js";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems} from "./browser.js";
import {relativeError, setInput} from "./storyHelpers.js";

const enabled = inject("browserTestsEnabled");
const site = enabled ? buildSiteData() : null;

function setup(id: string) {
  const {resolved} = site!.scenarios[id]!;
  const median = scenarioPageMedianPoint(resolved);
  const point = evaluateScenarioPoint(bindScenario(resolved, {hardware: site!.hardware, models: site!.models}), median);
  const pick = (keys: readonly string[]) =>
    Object.fromEntries(Object.entries(scenarioDistributions(resolved)).filter(([key]) => keys.includes(key)));
  return {resolved, median, point, pick};
}
const num = (v: unknown) => v as number;

/** What Node computes for each page at its starting controls: the summary the page's sentence states. */
const PAGES: {path: string; node: (samples: number, seed: number) => SummaryStats}[] = [
  {
    path: "/custom-silicon",
    node: (samples, seed) => {
      const {resolved, median, point} = setup("asic-9-months");
      const values = {
        "serving.utilization": num(median["serving.utilization"]),
        "silicon.relativeThroughput": num(median["silicon.relativeThroughput"]),
        "silicon.nre": num(median["silicon.nre"]),
        "silicon.designCycle": num(median["silicon.designCycle"]),
        "silicon.rampMonths": num(median["silicon.rampMonths"])
      };
      return siliconUncertainty({point, values, distributions: scenarioDistributions(resolved), samples, seed}).npv;
    }
  },
  {
    path: "/moat",
    node: (samples, seed) => {
      const {median, point, pick} = setup("cost-lead-vs-model-lead");
      const values = {
        "serving.utilization": num(median["serving.utilization"]),
        "moat.catchUpMonths": num(median["moat.catchUpMonths"]),
        "moat.pricePremium": num(median["moat.pricePremium"]),
        "moat.volumeGain": num(median["moat.volumeGain"]),
        "moat.costAdvantage": typeof median["moat.costAdvantage"] === "number" ? median["moat.costAdvantage"] : null
      };
      return moatUncertainty({point, values, distributions: pick(MOAT_UNCERTAIN_KEYS), samples, seed}).margin;
    }
  },
  {
    path: "/flywheel",
    node: (samples, seed) => {
      const {median, point, pick} = setup("base");
      const values = {"serving.utilization": num(median["serving.utilization"])};
      return flywheelUncertainty({point, values, distributions: pick(FLYWHEEL_UNCERTAIN_KEYS), samples, seed})
        .closedFinalCost;
    }
  }
];

async function pageSummary(page: Page) {
  return page.$eval('[data-testid="uncertainty"]', (el) => {
    const d = (el as HTMLElement).dataset;
    return {p5: Number(d.p5), p50: Number(d.p50), p95: Number(d.p95), mean: Number(d.mean), text: el.textContent ?? ""};
  });
}

describe.skipIf(!enabled)("uncertainty on the story pages", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("draws the same Monte Carlo samples in the browser as in Node for the same seed, bit for bit", async () => {
    // The engine's own module as the site ships it (dist/_import/lib/uncertainty/monteCarlo.<hash>.js).
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

  it.concurrent.for(PAGES)(
    "$path states the Monte Carlo summary Node computes for the same seed",
    async (c, {expect}) => {
      const page = await openPage(browser, c.path);
      try {
        // The samples are identical (test above); the models around them use Math.pow/expm1, which engines may round
        // differently in the last bit, so the figures agree to 1e-12 rather than bit for bit.
        const close = async (samples: number, seed: number) => {
          const shown = await pageSummary(page);
          const expected = c.node(samples, seed);
          for (const key of ["p5", "p50", "p95", "mean"] as const) {
            expect(relativeError(shown[key], expected[key])).toBeLessThan(1e-12);
          }
          expect(shown.text).toMatch(
            new RegExp(`^In 90% of ${samples.toLocaleString("en-US")} draws \\(seed ${seed}\\)`)
          );
        };
        await close(1000, 1);
        await setInput(page, '[data-testid="control-seed"] input', "42");
        await close(1000, 42);
        await setInput(page, '[data-testid="control-samples"] input', "10000");
        await close(10000, 42);
        expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      } finally {
        await closePage(page);
      }
    }
  );

  const BAD: [string, string, RegExp][] = [
    ["samples", "0", /samples: invalid sample count: expected an integer in \[1, 2,000,000\], found 0/],
    ["samples", "2.5", /found 2\.5/],
    ["samples", "1e9", /expected an integer in \[1, 2,000,000\], found 1000000000/],
    ["samples", "200000", /at most 100,000 on this page/],
    ["samples", "abc", /found NaN/],
    ["samples", "", /samples: no sample count/],
    ["seed", "1.5", /seed: invalid seed.*found 1\.5/],
    ["seed", "", /seed: no seed/]
  ];
  it.concurrent.for(
    PAGES.flatMap((p) => BAD.map(([which, value, message]) => ({path: p.path, which, value, message})))
  )(
    "$path rejects $which = $value with a clear message and keeps working",
    async ({path, which, value, message}, {expect}) => {
      const page = await openPage(browser, path);
      try {
        const started = Date.now();
        await setInput(page, `[data-testid="control-${which}"] input`, value);
        const error = await page.$eval('[data-testid="uncertainty-error"]', (el) => el.textContent ?? "");
        expect(error).toMatch(/^Not recomputed: /);
        expect(error).toMatch(message);
        expect(Date.now() - started).toBeLessThan(5000); // no freeze
        // Still alive: a valid value brings the bands back, and the controls still work.
        await setInput(page, `[data-testid="control-${which}"] input`, which === "samples" ? "500" : "3");
        expect(await page.$('[data-testid="uncertainty"]')).not.toBeNull();
        expect(await page.$('[data-testid="chart-fan"] svg')).not.toBeNull();
        expect((await pageProblems(page)).errorCells).toEqual([]);
      } finally {
        await closePage(page);
      }
    }
  );
});
