// Story chapters 1–3 in a real browser: each page's headline on load is the static report's figure (site.json), and
// moving a control changes the headline and a chart to exactly what the library computes in Node for the same inputs.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {buildSiteData} from "../../src/node/siteData.js";
import {
  bindScenario,
  evaluateScenarioPoint,
  type ScenarioMetricName
} from "../../src/scenario/evaluate/evaluateScenario.js";
import {metricCentral, scenarioPageMedianPoint} from "../../docs/components/scenarioPage.js";
import {spendByYear} from "../../src/strategy/trainingVsInference.js";
import {formatAssumption, formatUsd} from "../../docs/components/format.js";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems, waitForRender} from "./browser.js";
import {
  chartSvg,
  controlValue,
  drawsMedian,
  headline,
  relativeError,
  setInput,
  settledHeadline
} from "./storyHelpers.js";

const enabled = inject("browserTestsEnabled");
const site = enabled ? buildSiteData() : null;

/** A page's control (data-testid) and the scenario key it sets; its value is in the key's base unit. */
interface Control {
  testid: string;
  key: string;
}

interface StoryCase {
  path: string;
  /** The metric the page's headline (data-testid="headline") shows. */
  metric: ScenarioMetricName;
  controls: Control[];
  /** The control to move, where to on its slider (display unit) and the key's value there (base unit). */
  move: {testid: string; display: number; value: number};
  /** data-testid of a chart card whose SVG must change. */
  chart: string;
}

const CASES: StoryCase[] = [
  {
    path: "/token-economics",
    metric: "costPerMillionTokensUsd",
    controls: [
      {testid: "control-utilization", key: "serving.utilization"},
      {testid: "control-electricity", key: "power.electricity"},
      {testid: "control-batch", key: "serving.batch"}
    ],
    move: {testid: "control-utilization", display: 85, value: 0.85},
    chart: "chart-cost-stack"
  },
  {
    path: "/training-vs-inference",
    metric: "inferenceOvertakesTrainingMonth",
    controls: [
      {testid: "control-agents", key: "demand.agentMultiplier"},
      {testid: "control-users-growth", key: "demand.growthPerYear"},
      {testid: "control-cost-decline", key: "serving.costDeclinePerYear"},
      {testid: "control-training-growth", key: "training.costGrowth"}
    ],
    move: {testid: "control-agents", display: 20, value: 20},
    chart: "chart-cumulative"
  },
  {
    path: "/inference-tax",
    metric: "inferenceTaxShare",
    controls: [
      {testid: "control-vendor-margin", key: "finance.vendorGrossMargin"},
      {testid: "control-partner-margin", key: "silicon.partnerMargin"},
      {testid: "control-chip-price", key: "hardware.price"},
      {testid: "control-utilization", key: "serving.utilization"}
    ],
    move: {testid: "control-vendor-margin", display: 50, value: 0.5},
    chart: "chart-stack"
  }
];

describe.skipIf(!enabled)("story chapters 1–3", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.concurrent.for(CASES)("$path recomputes its headline and chart when a control moves", async (c, {expect}) => {
    const {resolved, report} = site!.scenarios.base!;
    const page = await openPage(browser, c.path);
    try {
      // On load: the static figure of site.json (the Monte Carlo median of the base scenario).
      const onLoad = await headline(page);
      const staticMetric = report.metrics[c.metric];
      const staticFigure =
        staticMetric !== null && typeof staticMetric === "object" ? staticMetric.p50 : metricCentral(staticMetric);
      // base overtakes training for good in none of its draws: chapter 2's headline has no value until a control moves.
      if (staticFigure === null) expect(onLoad).toBeNull();
      else {
        expect(onLoad).not.toBeNull();
        expect(relativeError(onLoad!, staticFigure)).toBeLessThan(1e-12);
      }
      const chartBefore = await chartSvg(page, c.chart);

      await setInput(page, `[data-testid="${c.move.testid}"] input[type=range]`, String(c.move.display));
      expect(await controlValue(page, c.move.testid)).toBe(c.move.value);
      // Once the draws have answered (data-basis "median"): read before, the headline is the run at the medians.
      const after = await settledHeadline(page);
      expect(after).not.toEqual(onLoad);
      expect(await chartSvg(page, c.chart)).not.toEqual(chartBefore);

      // The same state in Node: the median of the draws `run base --set <the moved key>` prints (components/story.ts
      // storyDraws: a slider the reader did not move leaves its key at the scenario's value, uncertain).
      const expected = drawsMedian(site!, "base", c.metric, page.url());
      if (expected === null) expect(after).toBeNull();
      else expect(relativeError(after!, expected)).toBeLessThan(1e-12);

      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("starts a chapter's Web Worker when idle, before any move, as the scenario pages do", async () => {
    // StoryRunner's warm-up (ScenarioRunner's warmUp at the first idle moment, at most 3 s after the page is drawn):
    // the chapters started it on the first move, whose draws waited for its modules and a cold run (helper-188).
    const page = await openPage(browser, "/inference-tax");
    try {
      await expect
        .poll(() => page.workers().some((w) => w.url().includes("scenarioRunWorker")), {timeout: 5000})
        .toBe(true);
      // Its run is nobody's: the page is not marked running, and the headline is still the static one.
      expect(await page.evaluate(() => document.body.hasAttribute("data-scenario-running"))).toBe(false);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("joins the vendor's share of the GPU's price, chapter 4's seller's-margin bar and chapter 3's tax in one sum", async () => {
    // A reader met 75% of the GPU's price (base page), 0.343 USD/Mtok (chapter 4's waterfall) and 38% of each token's
    // cost (this chapter) with nothing joining them (trial). The path must use the figures the other places print.
    const page = await openPage(browser, "/inference-tax", {viewport: {width: 1280, height: 900}});
    const silicon = await openPage(browser, "/custom-silicon", {viewport: {width: 1280, height: 900}});
    try {
      const path = await page.$eval('[data-testid="margin-path"]', (el) => (el as HTMLElement).innerText);
      const verdict = await page.$eval('[data-testid="verdict"]', (el) => (el as HTMLElement).innerText);
      const usd = [...path.matchAll(/([\d.]+) USD\/Mtok/g)].map((m) => m[1]);
      // Written off at full use, the margin per token with capital and idle hours, the cost of a million tokens.
      expect(usd).toHaveLength(3);
      const [fullUse, tax, cost] = usd;
      expect(path).toContain("the vendor keeps 75% of the NVIDIA H100 SXM5 80GB's $31,120 price, $23,340 a chip");
      // The verdict's "the vendor's margin is 38% of the cost of each merchant token (0.783 USD/Mtok of 2.04 USD/Mtok"
      expect(verdict).toContain(`(${tax} USD/Mtok of ${cost} USD/Mtok`);
      const share = /USD\/Mtok: ([\d.]+%) of the cost of a million tokens/.exec(path)![1];
      expect(verdict).toContain(`vendor's margin is ${share} of the cost of each merchant token`);
      // Chapter 4's waterfall: "… on merchant H100s, of which 0.343 USD/Mtok is NVIDIA's gross margin".
      const siliconText = await silicon.$eval("main", (el) => (el as HTMLElement).innerText);
      expect(siliconText).toContain(`of which ${fullUse} USD/Mtok is NVIDIA's gross margin`);
      // fullUse × capital factor ÷ utilisation = tax, as printed (each to three significant digits).
      const factor = Number(/\(× ([\d.]+)\)/.exec(path)![1]);
      const busy = Number(/\(÷ ([\d.]+)\)/.exec(path)![1]);
      expect(relativeError((Number(fullUse) * factor) / busy, Number(tax))).toBeLessThan(0.01);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
      await closePage(silicon);
    }
  });

  it("keeps the systems chart's caption to four lines at 1280 px, pointing to the tooltip for each chip's group", async () => {
    // The caption ran to eight lines at 1280 px (thirteen in its card) with each chip's group and wiring, which the
    // tooltip carries (reader's audit).
    const page = await openPage(browser, "/token-economics", {viewport: {width: 1280, height: 900}});
    try {
      const caption = await page.$eval('[data-testid="chart-systems"] h3', (el) => {
        const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
        return {text: (el as HTMLElement).innerText, lines: Math.round(el.getBoundingClientRect().height / lineHeight)};
      });
      expect(caption.lines).toBeLessThanOrEqual(4);
      expect(caption.text).toContain("ringed: the scenario's chip");
      expect(caption.text).toContain("Hover a dot: the chips one copy of the model runs on, and their wiring");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("writes the frontier's request shape with its thousands grouped, as every table writes a prompt length", async () => {
    // data/scenarios/base.md: serving.inputTokens 2,048 and serving.outputTokens 512; the caption read "the 2048 → 512
    // tokens modelled here" beside the assumptions table's "2,048 tokens" and /model-accuracy's "9,428 → 655 tokens".
    const page = await openPage(browser, "/token-economics", {viewport: {width: 1280, height: 900}});
    try {
      const note = await page.textContent('[data-testid="chart-frontier"] p.muted');
      expect(note).toContain("other request shapes than the 2,048 → 512 tokens modelled here");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("says in the systems chart's tooltip each chip's tensor-parallel group and its links, and keeps its labels off each other and the ring at 390 px", async () => {
    // The tooltip says each chip runs on the smallest group that holds the batch, and that an MI300X group of 4 has 3
    // of its 7 xGMI links (full mesh); at 390 px "MI300X", below its dot, ran into the ringed H100 and its label.
    const page = await openPage(browser, "/token-economics", {viewport: {width: 390, height: 900}});
    try {
      const card = '[data-testid="chart-systems"]';
      await page.$eval(card, (el) => el.scrollIntoView({block: "center"}));
      const boxes = await page.$$eval(`${card} g[aria-label="text"] text`, (texts) =>
        texts.map((t) => {
          const b = t.getBoundingClientRect();
          return {label: t.textContent, x0: b.left, x1: b.right, y0: b.top, y1: b.bottom};
        })
      );
      const ring = await page.$eval(`${card} g[aria-label="dot"] circle[r="9"]`, (c) => {
        const b = c.getBoundingClientRect();
        return {label: "ring", x0: b.left, x1: b.right, y0: b.top, y1: b.bottom};
      });
      expect(boxes.map((b) => b.label).sort()).toEqual(["B200", "GB200", "H100", "H200", "MI300X", "custom ASIC"]);
      const overlap = (a: typeof ring, b: typeof ring) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
      const clashes = [...boxes, ring].flatMap((a, i, all) =>
        all
          .slice(i + 1)
          .filter((b) => overlap(a, b))
          .map((b) => `${a.label} on ${b.label}`)
      );
      expect(clashes).toEqual([]);
      // The tooltip of MI300X's dot: each rate with its basis, its group, and the links it uses (new-user trial).
      const mi300x = await page.$$eval(`${card} g[aria-label="dot"] circle[r="6"]`, (cs) =>
        cs.map((c) => c.getBoundingClientRect()).map((b) => ({x: b.left + b.width / 2, y: b.top + b.height / 2}))
      );
      const label = boxes.find((b) => b.label === "MI300X")!;
      const dot = mi300x.sort(
        (a, b) => Math.hypot(a.x - label.x1, a.y - label.y0) - Math.hypot(b.x - label.x1, b.y - label.y0)
      )[0]!;
      await page.mouse.move(dot.x - 20, dot.y + 20);
      await page.mouse.move(dot.x, dot.y, {steps: 4});
      await expect
        .poll(() => page.$eval(`${card} g[aria-label="tip"]`, (el) => el.textContent ?? ""))
        .toMatch(
          /MI300X.*counts\s?input and output tokens.*tokens\/s per chip\s?[\d,]+ while busy.*tokens\/s per MW\s?[\d,]+ at \d+% busy.*one copy on\s?4 chips, the fewest it fits.*linked by\s?3 of each chip's 7 direct links/
        );
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("keeps the systems chart's tooltip off the dot it describes, and on its card, at 390 px", async () => {
    // At 390 px the tooltip sat pinned to the plot's bottom left and covered GB200's dot and label (reader's audit).
    const page = await openPage(browser, "/token-economics", {viewport: {width: 390, height: 900}});
    try {
      const card = '[data-testid="chart-systems"]';
      await page.$eval(card, (el) => el.scrollIntoView({block: "center"}));
      type Box = {x0: number; x1: number; y0: number; y1: number};
      const labels = await page.$$eval(`${card} g[aria-label="text"] text`, (texts) =>
        texts.map((t) => {
          const b = t.getBoundingClientRect();
          return {label: t.textContent ?? "", x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2};
        })
      );
      const dots = await page.$$eval(`${card} g[aria-label="dot"] circle[r="6"]`, (cs) =>
        cs.map((c) => {
          const b = c.getBoundingClientRect();
          return {x0: b.left, x1: b.right, y0: b.top, y1: b.bottom};
        })
      );
      const cardBox = await page.$eval(card, (el) => {
        const b = el.getBoundingClientRect();
        return {x0: b.left, x1: b.right, y0: b.top, y1: b.bottom};
      });
      const centre = (b: Box) => ({x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2});
      const overlap = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
      expect(labels.map((l) => l.label)).toContain("GB200");
      for (const {label, x, y} of labels) {
        // Each label's own dot: the nearest to it.
        const dot = [...dots].sort(
          (a, b) => Math.hypot(centre(a).x - x, centre(a).y - y) - Math.hypot(centre(b).x - x, centre(b).y - y)
        )[0]!;
        const {x: cx, y: cy} = centre(dot);
        await page.mouse.move(cx - 20, cy + 20);
        await page.mouse.move(cx, cy, {steps: 4});
        await expect
          .poll(() => page.$$eval(`${card} g[aria-label="tip"]`, (gs) => gs.map((g) => g.textContent ?? "").join("")))
          .toContain(`system ${label}`); // "system B200" is not in "system GB200"
        const tip = await page.$$eval(`${card} g[aria-label="tip"]`, (gs) => {
          const g = gs.find((g) => g.textContent)!;
          const b = g.getBoundingClientRect();
          return {x0: b.left, x1: b.right, y0: b.top, y1: b.bottom};
        });
        expect(overlap(tip, dot), `${label}'s tooltip ${JSON.stringify(tip)} on its dot ${JSON.stringify(dot)}`).toBe(
          false
        );
        expect(tip.x0, `${label}'s tooltip`).toBeGreaterThanOrEqual(cardBox.x0);
        expect(tip.x1, `${label}'s tooltip`).toBeLessThanOrEqual(cardBox.x1);
      }
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("refuses a number typed past a chapter slider's end or one the key does not take, and snaps one between steps, once the box is left, and computes with it", async () => {
    const page = await openPage(browser, "/token-economics");
    try {
      const box = '[data-testid="control-utilization"] input[type=number]';
      const range = '[data-testid="control-utilization"] input[type=range]';
      const high = Number(await page.$eval(range, (input) => (input as HTMLInputElement).max));
      const before = await headline(page);
      const value = await controlValue(page, "control-utilization");
      const shown = await page.inputValue(box);
      // Typed as a reader types, past the key's range (100%): refused with a line saying why, the value kept
      // (it was clamped to the slider's end without a word; tester).
      await page.fill(box, String(high * 10));
      await page.press(box, "Tab");
      await waitForRender(page);
      expect(await page.inputValue(box)).toBe(shown);
      expect(await controlValue(page, "control-utilization")).toBe(value);
      expect(await page.textContent('[data-testid="control-utilization"] .typed-refusal')).toContain("out of range");
      expect(await headline(page)).toBe(before);
      // The slider's top, typed, is the model at that utilisation, like the slider dragged to its end.
      await page.fill(box, String(high));
      await page.press(box, "Tab");
      await waitForRender(page);
      expect(await controlValue(page, "control-utilization")).toBeCloseTo(high / 100, 12);
      await expect.poll(() => headline(page)).not.toBe(before);
      const atTop = await headline(page);
      await setInput(page, range, String(high));
      expect(await headline(page)).toBe(atTop);
      // A number between steps that the key takes (70.4%) snaps to the nearest step, which the box shows and the page
      // computes with.
      await page.fill(box, "70.4");
      await page.press(box, "Tab");
      await waitForRender(page);
      expect(await page.inputValue(box)).toBe("70");
      expect(await controlValue(page, "control-utilization")).toBeCloseTo(0.7, 12);
      // Batch 3.7 (Inputs.range showed it and kept computing with batch 64) is no whole number, which the key takes
      // only: refused in a share link's words, batch 64 kept; "010" reads back as 10.
      const batchBox = '[data-testid="control-batch"] input[type=number]';
      const batch = await controlValue(page, "control-batch");
      await page.fill(batchBox, "3.7");
      await page.press(batchBox, "Tab");
      await waitForRender(page);
      expect(await page.inputValue(batchBox)).toBe(String(batch));
      expect(await controlValue(page, "control-batch")).toBe(batch);
      expect(await page.textContent('[data-testid="control-batch"] .typed-refusal')).toContain(
        "serving.batch=3.7 — not a whole number"
      );
      await page.fill(batchBox, "010");
      await page.press(batchBox, "Tab");
      await waitForRender(page);
      expect(await page.inputValue(batchBox)).toBe("10");
      expect(await controlValue(page, "control-batch")).toBe(10);
      expect(await page.isVisible('[data-testid="control-batch"] .typed-refusal')).toBe(false);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("starts each chapter box at the value the page computes with, not the slider's step", async () => {
    // /custom-silicon computes with asic-9-months' NRE at its draws' median ($273.5M) and read "270" (the $10M step);
    // /token-economics computes with base's 0.0826 USD/kWh and read "0.083". An uncertain key's box reads its median
    // as the narrative writes it (formatAssumption: "58" for "58%", "5.9" for "5.9 months"); a file's or a link's
    // value as written.
    const boxes = async (path: string) => {
      const page = await openPage(browser, path);
      try {
        return await page.$$eval(".story-sliders .story-slider", (sliders) =>
          Object.fromEntries(
            sliders.map((s) => [
              (s as HTMLElement).dataset.key!,
              s.querySelector<HTMLInputElement>("input[type=number]")!.value
            ])
          )
        );
      } finally {
        await closePage(page);
      }
    };
    const asic = scenarioPageMedianPoint(site!.scenarios["asic-9-months"]!.resolved);
    const silicon = await boxes("/custom-silicon");
    expect(silicon["silicon.nre"]).toBe(String(Number(((asic["silicon.nre"] as number) / 1e6).toPrecision(3))));
    expect(silicon["silicon.relativeThroughput"]).toBe(
      String(Number((asic["silicon.relativeThroughput"] as number).toPrecision(3)))
    );
    const economics = await boxes("/token-economics");
    expect(economics["power.electricity"]).toBe("0.0826");
    const base = scenarioPageMedianPoint(site!.scenarios.base!.resolved);
    expect(`${economics["serving.utilization"]}%`).toBe(
      formatAssumption("serving.utilization", base["serving.utilization"] as number)
    );
    // The catch-up time's median (5.91 months) read "5.91" beside the text's "5.9 months" (reader's audit).
    const moat = scenarioPageMedianPoint(site!.scenarios["cost-lead-vs-model-lead"]!.resolved);
    expect(`${(await boxes("/moat"))["moat.catchUpMonths"]} months`).toBe(
      formatAssumption("moat.catchUpMonths", moat["moat.catchUpMonths"] as number)
    );
    expect((await boxes("/token-economics?set=serving.utilization%3D0.5786"))["serving.utilization"]).toBe("57.86");
  });

  it("/training-vs-inference sets the case's first year beside OpenAI's reported 2024, as the library computes it", async () => {
    const {resolved} = site!.scenarios.base!;
    const page = await openPage(browser, "/training-vs-inference");
    try {
      const text = (await page.textContent('[data-testid="reality-check"]'))!.replace(/\s+/g, " ");
      // Epoch AI, epoch.ai/data-insights/openai-compute-spend: about $3B training, $1.8B inference, $1B research.
      expect(text).toContain("about $3B on training, $1.8B on inference and $1B on research compute");
      const catalogs = {hardware: site!.hardware, models: site!.models};
      const ev = evaluateScenarioPoint(bindScenario(resolved, catalogs), scenarioPageMedianPoint(resolved));
      const [first] = spendByYear(ev.spend);
      expect(text).toContain(
        `spends ${formatUsd(first!.trainingSpendUsd)} on training and ${formatUsd(first!.inferenceSpendUsd)} on inference`
      );
      // The base case's first year is more inference-heavy than OpenAI's 2024 (1.8 / 3 = 0.6× training).
      expect(first!.inferenceSpendUsd / first!.trainingSpendUsd).toBeGreaterThan(0.6);
      expect(text).toContain("serves more, relative to what it trains, than OpenAI did in 2024");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("/training-vs-inference moved by a link states the link's cost per token and the share's change in points", async () => {
    // The method paragraph kept the unmoved $1.99 beside a bill computed at 2.30 USD/Mtok, and the share read "36%
    // (+10% vs the start)" for 33% → 36% (fresh-user trial).
    const {resolved} = site!.scenarios.base!;
    const page = await openPage(browser, "/training-vs-inference?set=serving.utilization%3D0.5");
    try {
      const catalogs = {hardware: site!.hardware, models: site!.models};
      const point = {...scenarioPageMedianPoint(resolved), "serving.utilization": 0.5};
      const ev = evaluateScenarioPoint(bindScenario(resolved, catalogs), point);
      const body = (await page.textContent("main"))!.replace(/\s+/g, " ");
      expect(body).toContain(`(${formatUsd(ev.metrics.costPerMillionTokensUsd)} at month 1, from chapter 1)`);
      const change = await page.textContent('[data-testid="inference-share"] .story-kpi-change');
      expect(change).toMatch(/^ \(\+[\d.]+ points? vs the start\)$/);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });
});
