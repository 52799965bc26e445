// The generated scenario pages, the comparison and the register in a real browser: every page renders, a slider
// recomputes what the library computes in Node, a share link reproduces the view, the downloaded scenario validates,
// and a hostile URL is listed as ignored without running or injecting anything.
import {execFile} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {promisify} from "node:util";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {buildSiteData} from "../../src/node/siteData.js";
import {scenarioChartNames} from "../../docs/components/scenarioSeries.js";
import {scenarioFilesIn} from "../../src/node/scenarioFiles.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {bindScenario} from "../../src/scenario/evaluate/evaluateScenario.js";
import {runReport} from "../../src/scenario/run/runReport.js";
import {DEFAULT_PRICES_NOTE, setsNoPrices} from "../../src/scenario/run/reportFormat.js";
import {runScenarioRequest} from "../../src/node/scenarioRun.js";
import {runScenarioMessage} from "../../docs/components/scenarioRun.js";
import {DEFAULT_SCENARIO_SEED, runScenario} from "../../src/scenario/run/runScenario.js";
import {
  metricCentral,
  metricRows,
  SCENARIO_PAGE_SAMPLES,
  scenarioPageMedianPoint,
  scenarioPageState
} from "../../docs/components/scenarioPage.js";
import {formatAssumption, formatMetric} from "../../docs/components/format.js";
import type {ScenarioMetricName} from "../../src/scenario/evaluate/metrics.js";
import {parseShareQuery, setPath} from "../../docs/components/urlState.js";
import type {FanRow} from "../../src/uncertainty/fan.js";
import {
  closePage,
  launchBrowser,
  NO_PROBLEMS,
  openPage,
  pageProblems,
  SCREENSHOT_DIR,
  screenshot,
  waitForRender
} from "./browser.js";
import {listPages, ROOT} from "./site.js";

const enabled = inject("browserTestsEnabled");
const distDir = inject("distDir");
const pages = enabled ? listPages(distDir) : [];
const scenarioIds = scenarioFilesIn().map((file) => file.replace(/^.*\//, "").replace(/\.md$/, ""));
const run = promisify(execFile);

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();

/** What the page should show for `sets` on scenario `id`, computed in Node by the same library. */
function expectedState(id: string, sets: readonly string[]) {
  const resolved = library.resolve(id);
  const report = runReport(
    resolved,
    runScenario(bindScenario(resolved, catalogs), {samples: SCENARIO_PAGE_SAMPLES, seed: DEFAULT_SCENARIO_SEED})
  );
  return scenarioPageState(report, resolved, catalogs, sets);
}

function expected(id: string, sets: readonly string[]) {
  return expectedState(id, sets).metrics;
}

/** The last month of each band as the page holds it (data attributes of the bands' summary). */
async function lastBands(page: Page): Promise<{spend: FanRow; silicon: FanRow}> {
  const data = await page.$eval('[data-testid="bands-summary"]', (p) => ({...(p as HTMLElement).dataset}));
  return {spend: JSON.parse(data.spendLast!), silicon: JSON.parse(data.siliconLast!)};
}

/** Every percentile of `actual` within 1e-9 (relative) of `wanted`. */
function expectBandRow(actual: FanRow, wanted: FanRow): void {
  expect(actual.step).toBe(wanted.step);
  for (const key of ["p5", "p25", "p50", "p75", "p95"] as const) {
    expect(Math.abs(actual[key] - wanted[key]), key).toBeLessThanOrEqual(1e-9 * Math.abs(wanted[key]));
  }
}

/** The headline metric's number as the page holds it (data-value of its KPI card). */
function kpi(page: Page, name = "costPerMillionTokensUsd"): Promise<number> {
  return page.$eval(`.scenario-kpi[data-metric="${name}"]`, (card) => Number((card as HTMLElement).dataset.value));
}

/** Every metric's number in the metrics table, by name. */
function metricValues(page: Page): Promise<Record<string, string>> {
  return page.$$eval(".scenario-metrics tbody tr", (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        (row as HTMLElement).dataset.metric ?? "",
        (row.querySelector("[data-value]") as HTMLElement | null)?.dataset.value ?? ""
      ])
    )
  );
}

/** Moves the slider of `path` to `display` (in the slider's display unit) as a reader typing in its number box. */
async function setControl(page: Page, path: string, display: number): Promise<void> {
  await page.fill(`.scenario-control[data-key="${path}"] input[type=number]`, String(display));
  await waitForRender(page);
}

/**
 * Scrolls `selector` into view and waits for what that redraws: the IntersectionObserver reports in the next frame,
 * and a redraw it lets go marks the body (data-redrawing) until it is drawn.
 */
async function scrollIntoView(page: Page, selector: string): Promise<void> {
  // A table held out of view is replaced when it is drawn: the element found may be detached while Playwright waits
  // for it to be stable ("Element is not attached to the DOM", under load). Scroll to the one that replaced it.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.locator(selector).scrollIntoViewIfNeeded();
      break;
    } catch (error) {
      if (attempt === 5 || !String(error).includes("not attached")) throw error;
    }
  }
  await page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame))));
  await waitForRender(page);
}

/**
 * A chart as the reader sees it: scrolled into view first, since a chart out of view is redrawn only when it comes
 * into view (docs/components/nearViewport.ts).
 */
async function chartSvg(page: Page, chart: string): Promise<string> {
  await scrollIntoView(page, `[data-chart="${chart}"]`);
  return page.$eval(`[data-chart="${chart}"] svg[viewBox]`, (svg) => svg.outerHTML);
}

describe.skipIf(!enabled)("scenario pages", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("has one page per scenario file, plus compare and the register", () => {
    expect(scenarioIds.length).toBeGreaterThan(0);
    for (const id of scenarioIds) expect(pages).toContain(`/scenarios/${id}`);
    expect(pages).toContain("/compare");
    expect(pages).toContain("/assumptions");
  });

  it.concurrent.for(scenarioIds)("/scenarios/%s renders the static report's numbers cleanly", async (id, {expect}) => {
    const page = await openPage(browser, `/scenarios/${id}`);
    try {
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      const resolved = library.resolve(id);
      expect(await page.textContent("h1")).toBe(resolved.title);
      expect(await page.$$eval(".scenario-controls input[type=range]", (inputs) => inputs.length)).toBeGreaterThan(0);
      for (const chart of ["cost", "spend", "silicon", "cycle"]) {
        expect(await page.$$eval(`[data-chart="${chart}"] svg [aria-label]`, (marks) => marks.length)).toBeGreaterThan(
          0
        );
      }
      const want = metricCentral(expected(id, []).costPerMillionTokensUsd);
      expect(await kpi(page)).toBeCloseTo(want!, 9);
      // The price-list metrics say when they are at the default menu (GPT-4o's), which the scenario did not choose.
      const marginLabel = await page.textContent('tr[data-metric="priceListGrossMargin"] td:first-child');
      expect(marginLabel!.includes(DEFAULT_PRICES_NOTE)).toBe(setsNoPrices(resolved.values));
      expect(await page.isHidden("[data-notice]")).toBe(true);
    } finally {
      await closePage(page);
    }
  });

  it.concurrent.for([...scenarioIds.map((id) => `/scenarios/${id}`), "/compare", "/assumptions"])(
    "%s at 1280 px ends its page close above the footer, with no blank band between",
    async (path, {expect}) => {
      const page = await openPage(browser, path, {viewport: {width: 1280, height: 800}});
      try {
        await waitForRender(page);
        const {blankPx, footerMarginPx} = await page.evaluate(() => {
          const main = document.querySelector("#observablehq-main")!;
          const footer = document.querySelector("#observablehq-footer")!;
          const drawn = [...main.children].map((c) => c.getBoundingClientRect()).filter((r) => r.height > 0);
          return {
            blankPx: footer.getBoundingClientRect().top - Math.max(...drawn.map((r) => r.bottom)),
            footerMarginPx: parseFloat(getComputedStyle(footer).marginTop)
          };
        });
        // The footer 3rem (48 px) below the page (docs/components/site.css, on every page), not Framework's 10rem
        // (160 px, layout.css), which left a 177 px blank under a scenario page's last paragraph. The blank is that
        // margin plus at most the last block's own bottom margin (a paragraph's 1rem and a pixel; a card's 1rem).
        expect(footerMarginPx).toBe(48);
        expect(blankPx).toBeGreaterThan(0);
        expect(blankPx).toBeLessThanOrEqual(48 + 17);
      } finally {
        await closePage(page);
      }
    }
  );

  it("draws every chart of a one-month horizon without a Plot warning, each month's value marked", async () => {
    // A breaker's link: the spend chart wrote Plot's "1 warning" (a z channel Plot guessed from two rows) and showed
    // no line (one point). The moat scenario draws the moat and flywheel charts too.
    const page = await openPage(browser, "/scenarios/cost-lead-vs-model-lead?set=horizon.months%3D1");
    try {
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      expect(await page.$$eval('[data-chart="spend"] svg circle', (dots) => dots.length)).toBe(2);
      const ticks = await page.$$eval('[data-chart="spend"] svg [aria-label="x-axis tick label"] text', (texts) =>
        texts.map((t) => t.textContent)
      );
      expect(ticks).toEqual(["0", "1", "2"]);
    } finally {
      await closePage(page);
    }
  });

  it("shows the notes the command line writes on stderr, for the page's state, and none where there are none", async () => {
    // A breaker's link: the page showed a 3,706-year training run (at 38% MFU) (and, with demand past world GDP, an NPV of $1.58E30)
    // with no word, where `run` notes it. The sentences are the library's (scenarioNotes), as `run` writes them.
    const page = await openPage(browser, "/scenarios/base?set=training.chips%3D1");
    try {
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      const notes = page.locator("[data-notes]:not([hidden]) li");
      await expect.poll(() => notes.count()).toBe(1);
      expect(await notes.first().textContent()).toMatch(
        /^the final training run takes 1,250,000 days \(3,430 years\) on training\.chips at training\.mfu, longer than the 4 months \(training\.runMonths\)/
      );
    } finally {
      await closePage(page);
    }
    const plain = await openPage(browser, "/scenarios/base");
    try {
      expect(await plain.locator("[data-notes]").count()).toBe(1);
      expect(await plain.locator("[data-notes]:not([hidden])").count()).toBe(0);
    } finally {
      await closePage(plain);
    }
  });

  it("notes a serving layout the model is not calibrated on, in the command line's words", async () => {
    // DeepSeek's layout with prompts prefilled on its decode chips (TP 1 × EP 144, shared) is of the kind MLPerf's
    // DeepSeek-R1 runs are, which the model gives 2.3–4.4 times the measured throughput (calibratedBandNote.ts).
    const page = await openPage(browser, "/scenarios/deepseek-one-day?set=serving.prefill%3Dshared");
    try {
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      const notes = page.locator("[data-notes]:not([hidden]) li");
      await expect
        .poll(async () => (await notes.allTextContents()).join("\n"))
        .toMatch(
          /the serving layout, TP 1 × EP 144 with prompts prefilled on the same chips .* is of a kind the serving model is not calibrated on: on the 7 published runs of such a layout \(deepseek-r1 on b200, gb200 and h200-sxm\) it gave 1\.68 to 4\.35 times/
        );
    } finally {
      await closePage(page);
    }
  });

  it("opens the moat scenario with the moat chart and its sliders, and redraws them as the library computes", async () => {
    // cost-lead-vs-model-lead.md sets moat.* and market.*: its page leads with the moat (docs/components/scenarioTopics.ts).
    const page = await openPage(browser, "/scenarios/cost-lead-vs-model-lead");
    try {
      const keys = await page.$$eval(".scenario-control", (rows) =>
        rows.map((row) => (row as HTMLElement).dataset.key)
      );
      expect(keys.slice(0, 4)).toEqual([
        "moat.catchUpMonths",
        "horizon.months",
        "moat.costAdvantage",
        "moat.pricePremium"
      ]);
      const cards = await page.$$eval(".scenario-kpi", (c) => c.map((card) => (card as HTMLElement).dataset.metric));
      expect(cards.slice(0, 2)).toEqual(["costLeadValueUsd", "modelLeadValueUsd"]);
      // The moat chart comes before the general charts, and draws one line per case.
      const order = await page.$$eval("[data-chart]", (c) => c.map((card) => (card as HTMLElement).dataset.chart));
      expect(order.indexOf("moat")).toBeLessThan(order.indexOf("cost"));
      expect(await page.$$eval('[data-chart="moat"] svg [aria-label="line"] path', (p) => p.length)).toBe(4);
      const before = await chartSvg(page, "moat");

      await setControl(page, "moat.catchUpMonths", 24);
      const {sets} = parseShareQuery(new URL(page.url()).search);
      expect(sets).toEqual(["moat.catchUpMonths=24 months"]);
      expect(await chartSvg(page, "moat")).not.toBe(before);
      const want = expected("cost-lead-vs-model-lead", sets);
      expect(await kpi(page, "modelLeadValueUsd")).toBeCloseTo(metricCentral(want.modelLeadValueUsd)! / 1e6, 6);
      // A longer catch-up is a longer-lived model lead: worth more than at the scenario's median of 6 months.
      expect(metricCentral(want.modelLeadValueUsd)!).toBeGreaterThan(
        metricCentral(expected("cost-lead-vs-model-lead", []).modelLeadValueUsd)!
      );
      await screenshot(page, "scenarios--cost-lead-vs-model-lead.moved");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("opens an ASIC scenario with the merchant and custom chips' cost by part, as the library computes it", async () => {
    const page = await openPage(browser, "/scenarios/asic-24-months");
    try {
      const keys = await page.$$eval(".scenario-control", (rows) =>
        rows.map((row) => (row as HTMLElement).dataset.key)
      );
      expect(keys.slice(0, 2)).toEqual(["silicon.designCycle", "silicon.nre"]);
      const order = await page.$$eval("[data-chart]", (c) => c.map((card) => (card as HTMLElement).dataset.chart));
      expect(order.slice(0, 3)).toEqual(["silicon-cost", "silicon", "cycle"]);
      // Each chart once: the topic's charts are not repeated in the general section.
      expect(new Set(order).size).toBe(order.length);
      const [csv] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-chart="silicon-cost"] [data-download="silicon-cost-csv"]')
      ]);
      const dir = mkdtempSync(join(tmpdir(), "silicon-cost-"));
      try {
        const file = join(dir, csv.suggestedFilename());
        await csv.saveAs(file);
        const [header, ...lines] = readFileSync(file, "utf8").trim().split("\n");
        expect(header).toBe("scenario,group,component,usdPerMTok");
        const total = (group: string) =>
          lines
            .filter((line) => line.split(",")[1] === group)
            .reduce((sum, line) => sum + Number(line.split(",")[3]), 0);
        const point = expectedState("asic-24-months", []).point;
        expect(total("merchant GPUs")).toBeCloseTo(point.silicon.merchantCostUsdPerMTok, 9);
        expect(total("custom chip")).toBeCloseTo(point.silicon.customCostUsdPerMTok, 9);
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("opens DeepSeek's day of serving with the fleet's cost, revenue and margin, and reprices it as the chip-hour moves", async () => {
    // deepseek-one-day.md sets pricing.* and fleet.*, then DeepSeek-V3's training run (training.*): its page leads
    // with the fleet topic, then the monthly bills, in the order the file writes them (scenarioTopics.ts).
    const page = await openPage(browser, "/scenarios/deepseek-one-day");
    try {
      expect(await page.$$eval("[data-topic]", (t) => t.map((p) => (p as HTMLElement).dataset.topic))).toEqual([
        "fleet",
        "demand"
      ]);
      const keys = await page.$$eval(".scenario-control", (rows) =>
        rows.map((row) => (row as HTMLElement).dataset.key)
      );
      expect(keys.slice(0, 4)).toEqual([
        "fleet.chipHourPrice",
        "pricing.output",
        "pricing.inputCacheMiss",
        "serving.cacheHit"
      ]);
      const cards = await page.$$eval(".scenario-kpi", (c) => c.map((card) => (card as HTMLElement).dataset.metric));
      // The fleet's three, the bills' two, then the general cards to fill two rows of four.
      expect(cards).toEqual([
        "fleetCostPerDayUsd",
        "priceListRevenuePerDayUsd",
        "costProfitMargin",
        "inferenceShareOfSpend",
        "inferenceOvertakesTrainingMonth",
        "costPerMillionTokensUsd",
        "chipHourCostUsd",
        "siliconNpvUsd"
      ]);
      // DeepSeek's published daily cost: 1,814 H800s at $2 per GPU-hour for 24 h, 1,814 × 2 × 24 = $87,072
      // ("DeepSeek-V3/R1 Inference System Overview", Feb 2025, as the scenario file cites).
      expect(await kpi(page, "fleetCostPerDayUsd")).toBeCloseTo(87072, 6);
      // Its cost profit margin, in % (the card's display unit): revenue $561,975.36 (342.304B cached input tokens ×
      // $0.14 + 265.696B uncached × $0.55 + 168B output × $2.19 per Mtok) ÷ $87,072 − 1 = 545.4%; DeepSeek: 545%.
      expect(await kpi(page, "costProfitMargin")).toBeCloseTo((561975.36 / 87072 - 1) * 100, 6);
      const before = await chartSvg(page, "fleet-day");

      await setControl(page, "fleet.chipHourPrice", 3);
      const {sets, ignored} = parseShareQuery(new URL(page.url()).search);
      expect(ignored).toEqual([]);
      expect(sets).toEqual(["fleet.chipHourPrice=3 USD/h"]);
      // The same 1,814 GPUs at $3 an hour: 1,814 × 3 × 24 = $130,608; the revenue is unchanged, so the margin falls to
      // 561,975.36 ÷ 130,608 − 1 = 330.3%.
      expect(await kpi(page, "fleetCostPerDayUsd")).toBeCloseTo(130608, 6);
      expect(await kpi(page, "priceListRevenuePerDayUsd")).toBeCloseTo(561975.36, 6);
      expect(await kpi(page, "costProfitMargin")).toBeCloseTo((561975.36 / 130608 - 1) * 100, 6);
      const want = expected("deepseek-one-day", sets);
      expect(await kpi(page, "fleetCostPerDayUsd")).toBeCloseTo(metricCentral(want.fleetCostPerDayUsd)!, 6);
      expect(await chartSvg(page, "fleet-day")).not.toBe(before);
      // A fresh load of the share link shows the same day.
      const shared = await openPage(browser, `/scenarios/deepseek-one-day${new URL(page.url()).search}`);
      try {
        expect(await kpi(shared, "fleetCostPerDayUsd")).toBeCloseTo(130608, 6);
        expect(await shared.inputValue('.scenario-control[data-key="fleet.chipHourPrice"] input[type=number]')).toBe(
          "3"
        );
      } finally {
        await closePage(shared);
      }
      // The chart's CSV holds the moved day: its cost, and the revenue by price part (unchanged by the chip-hour).
      const [csv] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-chart="fleet-day"] [data-download="fleet-day-csv"]')
      ]);
      const dir = mkdtempSync(join(tmpdir(), "fleet-day-"));
      try {
        const file = join(dir, csv.suggestedFilename());
        await csv.saveAs(file);
        const [header, ...lines] = readFileSync(file, "utf8").trim().split("\n");
        expect(header).toBe("scenario,bar,part,usdPerDay");
        const usd = (part: string) => Number(lines.find((line) => line.split(",")[2] === part)!.split(",")[3]);
        expect(usd("chipHours")).toBeCloseTo(130608, 6);
        // 168B output tokens × $2.19 per Mtok (R1's price list, DeepSeek Inference System Overview).
        expect(usd("output")).toBeCloseTo(367920, 6);
        expect(usd("cacheHitInput") + usd("cacheMissInput") + usd("output")).toBeCloseTo(561975.36, 6);
      } finally {
        rmSync(dir, {recursive: true, force: true});
      }
      await screenshot(page, "scenarios--deepseek-one-day.moved");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("gives the root scenario no topic section, and each other bundled scenario its own", async () => {
    const page = await openPage(browser, "/scenarios/base");
    try {
      expect(await page.$$eval("[data-topic]", (t) => t.length)).toBe(0);
      expect(await page.$$eval("[data-chart]", (c) => c.map((card) => (card as HTMLElement).dataset.chart))).toEqual([
        "cost",
        "spend",
        "silicon",
        "cycle",
        "spend-band",
        "silicon-band"
      ]);
    } finally {
      await closePage(page);
    }
    const agents = await openPage(browser, "/scenarios/agent-era");
    try {
      expect(await agents.$$eval("[data-topic]", (t) => t.map((p) => (p as HTMLElement).dataset.topic))).toEqual([
        "demand"
      ]);
      expect(await agents.$$eval('[data-chart="spend-monthly"] svg [aria-label]', (m) => m.length)).toBeGreaterThan(0);
    } finally {
      await closePage(agents);
    }
  });

  it("recomputes the headline metric and the charts when a slider moves, as the library does in Node", async () => {
    const page = await openPage(browser, "/scenarios/base");
    try {
      const before = await kpi(page);
      const chartBefore = await chartSvg(page, "cost");
      await setControl(page, "serving.utilization", 90);
      const after = await kpi(page);
      expect(after).not.toBeCloseTo(before, 6);
      expect(await chartSvg(page, "cost")).not.toBe(chartBefore);
      const {sets, ignored} = parseShareQuery(new URL(page.url()).search);
      expect(ignored).toEqual([]);
      expect(sets).toEqual(["serving.utilization=0.9"]);
      const want = expected("base", sets);
      expect(after).toBeCloseTo(metricCentral(want.costPerMillionTokensUsd)!, 9);
      expect(await kpi(page, "siliconNpvUsd")).toBeCloseTo(metricCentral(want.siliconNpvUsd)! / 1e6, 6);
      await screenshot(page, "scenarios--base.moved");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("states the narrative's live values as the library computes them, and restates them when a slider moves", async () => {
    const page = await openPage(browser, "/scenarios/base");
    const live = (name: string) => page.textContent(`.scenario-narrative [data-live="${name}"]`);
    try {
      // base.md's narrative: "An hour of an owned chip costs {{metrics.chipHourCostUsd}} … costs
      // {{metrics.costPerMillionTokensUsd}}", and the utilization slider's key is not in the text, its effect is.
      const rows = (sets: string[]) => metricRows(expected("base", sets));
      const text = (sets: string[], name: ScenarioMetricName) =>
        formatMetric(name, rows(sets).find((row) => row.name === name)!.value);
      expect(await live("metrics.costPerMillionTokensUsd")).toBe(text([], "costPerMillionTokensUsd"));
      expect(await live("metrics.chipHourCostUsd")).toBe(text([], "chipHourCostUsd"));
      expect(await live("finance.vendorGrossMargin")).toBe("75%");
      const before = await live("metrics.costPerMillionTokensUsd");
      await setControl(page, "serving.utilization", 90);
      const after = await live("metrics.costPerMillionTokensUsd");
      expect(after).not.toBe(before);
      expect(after).toBe(text(["serving.utilization=0.9"], "costPerMillionTokensUsd"));
      // The sentence reads the same string as the page's own card.
      expect(after).toBe(await page.textContent('.scenario-kpi[data-metric="costPerMillionTokensUsd"] .big'));
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  // base.md wrote "inference overtakes training for good at {{metrics.inferenceOvertakesTrainingMonth}}", which read
  // "… for good at no point within the horizon" at the file's values (new-user trial): it names each month in brackets.
  it("names base's three spend months in brackets that read whether or not the month comes", async () => {
    const sentence = async (path: string) => {
      const page = await openPage(browser, path);
      try {
        await page.waitForFunction(() => !document.body.hasAttribute("data-scenario-running"), null, {timeout: 60_000});
        const text = await page.$eval(
          '.scenario-narrative [data-live="metrics.inferenceOvertakesTrainingMonth"]',
          (span) => span.parentElement!.textContent!.replace(/\s+/g, " ")
        );
        expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
        return text;
      } finally {
        await closePage(page);
      }
    };
    // At the file's values inference never stays ahead for good (site.json: nullShare 1), and passes first in month 5.
    const filed = await sentence("/scenarios/base");
    expect(filed).toMatch(/passes cumulative training spend \(month \d+\)/);
    expect(filed).toContain("the one from which inference stays ahead for good (none within the horizon).");
    expect(filed).not.toMatch(/at (no point|none)/);
    // Agents multiplying the calls (agent-era's five): inference pulls ahead for good within the horizon.
    const agents = await sentence("/scenarios/base?set=demand.agentMultiplier%3D5");
    expect(agents).toMatch(/the one from which inference stays ahead for good \(month \d+\)\./);
  });

  it("starts an uncertain key's number box at the narrative's rounding, and a link's value as the link wrote it", async () => {
    const page = await openPage(browser, "/scenarios/asic-9-months");
    let linked: Page | undefined;
    let catchUp: Page | undefined;
    const box = (p: Page, path: string) => p.inputValue(`.scenario-control[data-key="${path}"] input[type=number]`);
    try {
      // asic-9-months draws silicon.nre, silicon.relativeThroughput and serving.utilization: each box starts at the
      // median of its draws as the narrative's live value writes it (formatAssumption).
      const median = scenarioPageMedianPoint(library.resolve("asic-9-months"));
      expect(await box(page, "silicon.nre")).toBe(
        String(Number(((median["silicon.nre"] as number) / 1e6).toPrecision(3)))
      );
      expect(await page.textContent('.scenario-narrative [data-live="silicon.nre"]')).toBe(
        `$${await box(page, "silicon.nre")}M`
      );
      // The narrative writes a multiple with its × ("0.98×"); the box holds the number.
      expect(`${await box(page, "silicon.relativeThroughput")}×`).toBe(
        await page.textContent('.scenario-narrative [data-live="silicon.relativeThroughput"]')
      );
      // A share as formatPercent writes it: "58" beside "58%", not "57.9".
      expect(`${await box(page, "serving.utilization")}%`).toBe(
        formatAssumption("serving.utilization", median["serving.utilization"] as number)
      );
      // A duration as formatMonths writes it: the catch-up median's box read "5.91" beside the narrative's "5.9 months"
      // (reader's audit).
      catchUp = await openPage(browser, "/scenarios/cost-lead-vs-model-lead");
      const catchUpText = await catchUp.textContent('.scenario-narrative [data-live="moat.catchUpMonths"]');
      expect(catchUpText).toMatch(/^\d+(\.\d)? months$/);
      expect(`${await box(catchUp, "moat.catchUpMonths")} months`).toBe(catchUpText);
      expect(await pageProblems(catchUp)).toEqual(NO_PROBLEMS);
      // The page still computes with the exact median: its cost per token is the static report's.
      expect(await kpi(page)).toBeCloseTo(metricCentral(expected("asic-9-months", []).costPerMillionTokensUsd)!, 9);
      // A link's value is the page's own: its box shows it whole (a link's 0.123456789 read "12.35": breaker).
      linked = await openPage(browser, "/scenarios/asic-9-months?set=serving.utilization%3D0.123456789");
      expect(await box(linked, "serving.utilization")).toBe("12.3456789");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      expect(await pageProblems(linked)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
      if (linked) await closePage(linked);
      if (catchUp) await closePage(catchUp);
    }
  });

  it("bands the spend and cash-flow series over the draws, and re-bands them when a slider moves, as Node does", async () => {
    const page = await openPage(browser, "/scenarios/asic-9-months");
    try {
      for (const chart of ["spend-band", "silicon-band"]) {
        expect(await page.$$eval(`[data-chart="${chart}"] svg [aria-label]`, (marks) => marks.length)).toBeGreaterThan(
          0
        );
      }
      const summary = await page.textContent('[data-testid="bands-summary"]');
      expect(summary).toContain("1,000 draws (seed 1)");
      expect(summary).toMatch(/NPV lies within −?\$[\d,.]+[KMBT]?\s?–\s?−?\$?[\d,.]+[KMBT]?/);
      const staticWant = expectedState("asic-9-months", []).bands!;
      const before = await lastBands(page);
      expectBandRow(before.spend, staticWant.cumulativeInferenceSpendUsd.at(-1)!);
      expectBandRow(before.silicon, staticWant.siliconCumulativeDiscountedCashFlowUsd.at(-1)!);
      const svgBefore = await chartSvg(page, "silicon-band");

      await setControl(page, "silicon.nre", 800);
      await page.waitForFunction(
        (old) => document.querySelector<HTMLElement>('[data-testid="bands-summary"]')?.dataset.siliconLast !== old,
        JSON.stringify(before.silicon)
      );
      await waitForRender(page);
      const {sets} = parseShareQuery(new URL(page.url()).search);
      expect(sets.map(setPath)).toEqual(["silicon.nre"]);
      const want = expectedState("asic-9-months", sets).bands!;
      const after = await lastBands(page);
      expectBandRow(after.spend, want.cumulativeInferenceSpendUsd.at(-1)!);
      expectBandRow(after.silicon, want.siliconCumulativeDiscountedCashFlowUsd.at(-1)!);
      // A known NRE moves the whole cash-flow band down and narrows month 0 to a point.
      expect(after.silicon.p50).toBeLessThan(before.silicon.p50);
      expect(await chartSvg(page, "silicon-band")).not.toBe(svgBefore);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      await screenshot(page, "scenarios--asic-9-months.bands");
    } finally {
      await closePage(page);
    }
  });

  it("starts its Web Worker when idle, before any move, so that the first move does not wait for it", async () => {
    const page = await openPage(browser, "/scenarios/asic-9-months");
    try {
      // ScenarioRunner's warmUp, asked for at the page's first idle moment (at most 3 s after it is drawn): before it
      // a reader's first move waited ~0.5 s more than later ones (bench/page-latency.bench.ts, "1st seen").
      await expect
        .poll(() => page.workers().some((w) => w.url().includes("scenarioRunWorker")), {timeout: 5000})
        .toBe(true);
      expect(await page.evaluate(() => document.body.hasAttribute("data-scenario-running"))).toBe(false);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("runs the page's Monte Carlo in its Web Worker, with the bytes of the main thread, of Node and of the CLI", async () => {
    const page = await openPage(browser, "/scenarios/asic-9-months");
    try {
      const html = await page.content();
      const workerUrl = "/" + html.match(/_import\/components\/scenarioRunWorker\.[0-9a-f]+\.js/)![0];
      const siteUrl = "/" + html.match(/_file\/data\/site\.[0-9a-f]+\.json/)![0];
      const site = JSON.parse(readFileSync(join(distDir, siteUrl), "utf8"));
      // Every bundled scenario, moved off its own values, as a page would send it.
      const requests = scenarioIds.map((id) => ({
        id,
        request: {
          resolved: site.scenarios[id].resolved,
          catalogs: {hardware: site.hardware, models: site.models},
          sets:
            id === "asic-9-months" ? ["serving.utilization=0.55", "silicon.nre=$300M"] : ["serving.utilization=0.55"],
          flag: "URL",
          samples: SCENARIO_PAGE_SAMPLES,
          seed: DEFAULT_SCENARIO_SEED
        }
      }));
      // The worker the page starts, and the same module on the page's main thread, given what the page gives them;
      // each reply as JSON with every double written as its 64 bits.
      const replies = (await page.evaluate(`(async () => {
        const bits = new DataView(new ArrayBuffer(8));
        const exact = (data) => JSON.stringify(data, (key, value) => {
          if (typeof value !== "number") return value;
          bits.setFloat64(0, value);
          return "f64:" + bits.getBigUint64(0).toString(16);
        });
        const worker = new Worker(${JSON.stringify(workerUrl)}, {type: "module"});
        const source = await (await fetch(${JSON.stringify(workerUrl)})).text();
        const runUrl = new URL(source.match(/"(\\.\\/scenarioRun\\.[0-9a-f]+\\.js)"/)[1], location.origin + ${JSON.stringify(workerUrl)});
        const {runScenarioMessage} = await import(runUrl.href);
        const replies = [];
        for (const {id, request} of ${JSON.stringify(requests)}) {
          const data = await new Promise((resolve) => {
            worker.onmessage = (event) => resolve(event.data);
            worker.postMessage({id: 1, request});
          });
          replies.push({id, worker: exact(data.reply ?? data.error), main: exact(runScenarioMessage(request))});
        }
        worker.terminate();
        return replies;
      })()`)) as {id: string; worker: string; main: string}[];
      const bits = new DataView(new ArrayBuffer(8));
      const exact = (data: unknown) =>
        JSON.stringify(data, (_, value) => {
          if (typeof value !== "number") return value;
          bits.setFloat64(0, value);
          return "f64:" + bits.getBigUint64(0).toString(16);
        });
      expect(replies.map((r) => r.id)).toEqual(scenarioIds);
      for (const [i, {id, worker, main}] of replies.entries()) {
        expect(worker, id).toBe(main);
        // Node 20's V8 and Chromium's differ in the last bit of Math.pow/exp/log for some arguments; the library
        // uses src/uncertainty/portableMath.ts where a model's result depends on them, so Node gives the same bits.
        expect(worker, id).toBe(exact(runScenarioMessage(requests[i]!.request as never)));
      }
      // The command line (`token-ledger run asic-9-months --set … --json`) computes the same metrics and bands.
      const sets = requests.find((r) => r.id === "asic-9-months")!.request.sets;
      const {resolved, result} = runScenarioRequest({
        scenario: "asic-9-months",
        sets,
        samples: SCENARIO_PAGE_SAMPLES,
        seed: DEFAULT_SCENARIO_SEED
      });
      const cli = runReport(resolved, result);
      const asic = JSON.parse(replies.find((r) => r.id === "asic-9-months")!.worker);
      expect(asic.metrics).toEqual(JSON.parse(exact(cli.metrics)));
      expect(asic.bands).toEqual(JSON.parse(exact(cli.bands)));
    } finally {
      await closePage(page);
    }
  });

  it("settles on the last value of a dragged slider, with the Monte Carlo of that value", async () => {
    const page = await openPage(browser, "/scenarios/base");
    try {
      // Twelve moves 16 ms apart, faster than a 1,000-sample run: the runs they make stale are skipped, and the page
      // must still end on the last one (a pending stale run would block every later run).
      await page.evaluate(`new Promise((resolve) => {
        const input = document.querySelector('.scenario-control[data-key="serving.utilization"] input[type=range]');
        let v = 40;
        const tick = () => {
          input.value = String(v++);
          input.dispatchEvent(new Event("input", {bubbles: true}));
          if (v <= 51) setTimeout(tick, 16); else resolve();
        };
        tick();
      })`);
      await page.waitForFunction(() => new URL(location.href).search.includes("0.51"));
      const want = metricCentral(expected("base", ["serving.utilization=0.51"]).costPerMillionTokensUsd)!;
      await page.waitForFunction(
        (value) =>
          Math.abs(
            Number(
              document.querySelector<HTMLElement>('.scenario-kpi[data-metric="costPerMillionTokensUsd"]')?.dataset.value
            ) - value
          ) <
          1e-9 * value,
        want,
        {timeout: 10_000}
      );
      expect(await kpi(page)).toBeCloseTo(want, 9);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("after a typed value and a mouse drag, shows every table and chart as a fresh load of its share link", async () => {
    // A reader types a value, drags the slider with the mouse, then scrolls down: each redraw that a newer move
    // superseded while it waited for its frame turn must still let the next one run (docs/components/frameTurn.ts;
    // the assumptions table stayed on an early value in 1 of 2 such runs before that was fixed).
    const page = await openPage(browser, "/scenarios/asic-9-months", {viewport: {width: 1280, height: 900}});
    let fresh: Page | undefined;
    try {
      const control = '.scenario-control[data-key="serving.utilization"]';
      await page.locator(`${control} input[type=number]`).scrollIntoViewIfNeeded();
      await page.fill(`${control} input[type=number]`, "55");
      const box = (await page.locator(`${control} input[type=range]`).boundingBox())!;
      const y = box.y + box.height / 2;
      await page.mouse.move(box.x + box.width * 0.2, y);
      await page.mouse.down();
      for (let i = 1; i <= 15; i++) {
        await page.mouse.move(box.x + box.width * (0.2 + 0.04 * i), y);
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
      await page.mouse.move(0, 0); // off the charts: a pointer over one shows its tip
      const seen = async (p: Page) => {
        await scrollIntoView(p, ".scenario-assumptions >> nth=0");
        return {
          metrics: await metricValues(p),
          assumptions: await p.$$eval(".scenario-assumptions", (tables) =>
            tables.map((table) => (table as HTMLElement).innerText)
          ),
          chart: await chartSvg(p, "cost")
        };
      };
      const moved = await seen(page);
      const set = new URL(page.url()).searchParams.getAll("set");
      expect(set).toHaveLength(1);
      expect(set[0]).toMatch(/^serving\.utilization=0\.\d+$/);
      fresh = await openPage(browser, new URL(page.url()).pathname + new URL(page.url()).search, {
        viewport: {width: 1280, height: 900}
      });
      expect(moved).toEqual(await seen(fresh));
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      if (fresh) await closePage(fresh);
      await closePage(page);
    }
  });

  it("stretches a slider to a number typed beyond its ends within the key's range, once committed (breaker)", async () => {
    const page = await openPage(browser, "/scenarios/base");
    const control = '.scenario-control[data-key="serving.utilization"]';
    try {
      // The slider runs from 5%; serving.utilization's range is [1%, 100%] (the schema), so 2% is a value it takes.
      await page.locator(`${control} input[type=number]`).scrollIntoViewIfNeeded();
      await page.fill(`${control} input[type=number]`, "2");
      await page.press(`${control} input[type=number]`, "Enter");
      await waitForRender(page);
      expect(await page.inputValue(`${control} input[type=number]`)).toBe("2");
      expect(await page.getAttribute(`${control} input[type=range]`, "min")).toBe("2");
      expect(new URL(page.url()).searchParams.getAll("set")).toEqual(["serving.utilization=0.02"]);
      // Beyond the key's range (100%): refused with the link's words, the 2% kept (typedRefusal.test.ts has more).
      await page.fill(`${control} input[type=number]`, "1e9");
      await page.press(`${control} input[type=number]`, "Enter");
      await waitForRender(page);
      expect(await page.inputValue(`${control} input[type=number]`)).toBe("2");
      expect(await page.textContent(`${control} .typed-refusal`)).toContain("out of range");
      expect(new URL(page.url()).searchParams.getAll("set")).toEqual(["serving.utilization=0.02"]);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("reproduces the same view from its share link", async () => {
    const page = await openPage(browser, "/scenarios/asic-9-months");
    let shared: Page | undefined;
    // Above the narrative, once the page is changed from the file: what changed, in words (narrativeChangedNote.ts).
    const changedNote = (p: Page) =>
      p.$$eval(".scenario-changed-note:not([hidden]) li", (items) => items.map((item) => item.textContent));
    try {
      expect(await changedNote(page)).toEqual([]);
      await setControl(page, "power.electricity", 0.12);
      await setControl(page, "silicon.designCycle", 14);
      // base.md: electricity 0.0826 USD/kWh; asic-9-months.md: a 9-month cycle.
      const note = [
        "Electricity price: 0.12 USD/kWh; as filed, 0.0826 USD/kWh",
        "Chip design cycle: 14 months; as filed, 9 months"
      ];
      expect(await changedNote(page)).toEqual(note);
      const url = page.url();
      expect(new URL(url).searchParams.getAll("set")).toEqual([
        "power.electricity=0.12 USD/kWh",
        "silicon.designCycle=14 months"
      ]);
      expect(await page.inputValue("[data-share]")).toBe(url);
      const values = await metricValues(page);
      shared = await openPage(browser, new URL(url).pathname + new URL(url).search);
      expect(await metricValues(shared)).toEqual(values);
      expect(await changedNote(shared)).toEqual(note);
      expect(await shared.inputValue('.scenario-control[data-key="silicon.designCycle"] input[type=number]')).toBe(
        "14"
      );
      expect(await pageProblems(shared)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
      if (shared) await closePage(shared);
    }
  });

  it("says in base's assumptions what the model uses in place of a key left unset, as compare and run do", async () => {
    // base leaves the serving efficiencies, the HBM reserve and the system overheads unset (data/scenarios/base.md):
    // each read a bare "—" in the defaults' table; the model uses what UNSET_KEY_INSTEAD names.
    const page = await openPage(browser, "/scenarios/base");
    try {
      const value = (key: string) =>
        page.textContent(`.scenario-assumptions tr[data-key="${key}"] td[data-label="Value"]`);
      expect(await value("serving.achievableBandwidth")).toBe("— (calibrated per chip family and stack)");
      expect(await value("serving.hbmReserve")).toBe("— (10% of what the weights leave, as TensorRT-LLM holds back)");
      expect(await value("power.hostOverhead")).toBe("— (each chip's catalog system power)");
      expect(await value("finance.systemOverhead")).toBe("— (each chip's catalog system overhead)");
      expect(await value("silicon.systemCost")).toBe("— (the merchant chip's overhead × the dearer price)");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("offers no slider for a value a link makes unread, and says in the assumptions why it is not used", async () => {
    // asic-9-months.md sets silicon.relativeThroughput 0.8 to 1.2; a link naming a catalog chip derives the throughput
    // instead, so the slider's every move was refused ("expected no silicon.relativeThroughput beside silicon.chip").
    const page = await openPage(browser, "/scenarios/asic-9-months?set=silicon.chip%3Dcustom-inference-asic");
    const chapter = await openPage(browser, "/custom-silicon?set=silicon.chip%3Dcustom-inference-asic");
    try {
      expect(await page.$$('.scenario-control[data-key="silicon.relativeThroughput"]')).toHaveLength(0);
      expect(await page.$$('.scenario-control[data-key="silicon.designCycle"]')).toHaveLength(1);
      const note = await page.textContent(
        '.scenario-assumptions tr[data-key="silicon.relativeThroughput"][data-unused] .scenario-unused'
      );
      expect(note).toBe("not used: the custom chip's throughput is derived from silicon.chip, set more directly");
      expect(await page.$$("[data-notice] li")).toHaveLength(0);
      // The narrative's "a median of {{silicon.relativeThroughput}} an H100's" reads the chip's derived multiple, as
      // the metrics do (it read the unread 0.98), with its × as the metric writes it.
      const derived = await page.textContent('tr[data-metric="siliconRelativeThroughput"] td:nth-child(2)');
      // A multiple reads "0.765×", as every ratio metric does (formatRatio).
      expect(derived).toMatch(/^0\.\d+×$/);
      expect(await page.textContent('[data-live="silicon.relativeThroughput"]')).toBe(derived);
      // A chapter keeps its slider, disabled, with the reason under it.
      const slider = '.story-slider[data-key="silicon.relativeThroughput"]';
      expect(await chapter.isDisabled(`${slider} input[type=range]`)).toBe(true);
      expect(await chapter.textContent(`${slider} .scenario-unused`)).toBe(
        "Not used: the custom chip's throughput is derived from silicon.chip, set more directly."
      );
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      expect(await pageProblems(chapter)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
      await closePage(chapter);
    }
  });

  it("charts an ASIC page's program NPV curves at the medians over the draws the cards show, untouched and moved", async () => {
    // The NPV moves with utilisation, NRE and throughput at once: at the point (each at its draws' median) it is
    // $2.35B, the median over the draws $2.32B (the card). The charts draw the run's bands' medians: untouched the
    // static report's, after a move the worker's (they charted the point's after a move before session 12).
    const page = await openPage(browser, "/scenarios/asic-9-months");
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-download-"));
    try {
      const npv = metricCentral(expected("asic-9-months", []).siliconNpvUsd)!;
      const download = async (chart: string) => {
        const [csv] = await Promise.all([
          page.waitForEvent("download"),
          page.click(`[data-chart="${chart}"] [data-download="${chart}-csv"]`)
        ]);
        const file = join(dir, csv.suggestedFilename());
        await csv.saveAs(file);
        const [header, ...lines] = readFileSync(file, "utf8").trim().split("\n");
        const columns = header!.split(",");
        return lines.map((line) => Object.fromEntries(line.split(",").map((v, i) => [columns[i]!, Number(v)])));
      };
      const cycle = await download("cycle");
      expect(cycle.find((row) => row.designCycleMonths === 9)!.npvUsd).toBeCloseTo(npv, 0);
      const silicon = await download("silicon");
      expect(silicon.at(-1)!.cumulativeDiscountedCashFlowUsd).toBeCloseTo(npv, 0);

      await setControl(page, "power.electricity", 0.12);
      const sets = ["power.electricity=0.12 USD/kWh"];
      const moved = metricCentral(expected("asic-9-months", sets).siliconNpvUsd)!;
      const point = expectedState("asic-9-months", sets).point.silicon.npvUsd;
      expect(
        Math.abs(point / moved - 1),
        "the point's NPV differs from the median's, or this test shows nothing"
      ).toBeGreaterThan(0.001);
      expect(await kpi(page, "siliconNpvUsd")).toBeCloseTo(moved / 1e6, 6);
      expect((await download("cycle")).find((row) => row.designCycleMonths === 9)!.npvUsd).toBeCloseTo(moved, 0);
      expect((await download("silicon")).at(-1)!.cumulativeDiscountedCashFlowUsd).toBeCloseTo(moved, 0);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("downloads the edited scenario as a file the validator accepts, and each chart's data as CSV", async () => {
    const page = await openPage(browser, "/scenarios/base");
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-download-"));
    try {
      await setControl(page, "silicon.nre", 300);
      await setControl(page, "demand.agentMultiplier", 4);
      const shown = await kpi(page, "siliconNpvUsd");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-download="scenario"]')]);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toBe("base-edited.md");
      const text = readFileSync(file, "utf8");
      expect(text).toMatch(/^extends: base$/m);
      const cli = join(ROOT, "bin/token-ledger.js");
      const validated = await run(process.execPath, [cli, "validate", file], {cwd: ROOT});
      expect(validated.stderr).toBe("");
      const ran = await run(process.execPath, [cli, "run", file, "--json", "--samples", "1000"], {cwd: ROOT});
      const report = JSON.parse(ran.stdout);
      expect(report.assumptions["silicon.nre"].value).toBe(300e6);
      expect(report.assumptions["demand.agentMultiplier"].value).toBe(4);
      // The page shows the median of the draws, as run --json reports it.
      expect(report.metrics.siliconNpvUsd.p50 / 1e6).toBeCloseTo(shown, 6);

      const [csv] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-chart="spend"] [data-download="spend-csv"]')
      ]);
      const csvFile = join(dir, csv.suggestedFilename());
      const base = library.resolve("base");
      const report0 = {metrics: {} as never, uncertainKeys: [], bands: null};
      await csv.saveAs(csvFile);
      const lines = readFileSync(csvFile, "utf8").trim().split("\n");
      expect(lines[0]).toBe(
        "scenario,month,cumulativeTrainingSpendUsd,cumulativeInferenceSpendUsd,trainingSpendUsd,inferenceSpendUsd"
      );
      expect(lines.length - 1).toBe(scenarioPageState(report0, base, catalogs, []).point.spend.months.length);
    } finally {
      await closePage(page);
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("ignores hostile and invalid URL state, lists it as text, and runs nothing", async () => {
    const script = "<script>alert(1)</script>";
    const params = new URLSearchParams([
      ["set", `serving.utilization=${script}`],
      ["set", `${script}=1`],
      ["set", "serving.nonsense=3"],
      ["set", "serving.utilization=250%"],
      ["set", "power.electricity=1e999 USD/kWh"],
      ["set", "power.pue=1.3"],
      ["<img src=x onerror=alert(2)>", "1"]
    ]);
    // Open the page clean first, so the dialog listener is in place before the hostile URL loads.
    const page = await openPage(browser, "/scenarios/base");
    const dialogs: string[] = [];
    page.on("dialog", async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    try {
      await page.goto(new URL(`/scenarios/base?${params}`, page.url()).href, {waitUntil: "load"});
      await waitForRender(page);
      const items = await page.$$eval("[data-notice] li", (lis) => lis.map((li) => li.textContent ?? ""));
      expect(items).toHaveLength(6);
      expect(items.join("\n")).toMatch(/power\.electricity/);
      expect(items.join("\n")).toContain(script);
      // Each setting, then why (the reason does not repeat the key the setting shows).
      expect(items.join("\n")).toMatch(/serving\.nonsense=3 — unknown key/);
      expect(items.join("\n")).toMatch(/serving\.utilization=250% — out of range/);
      expect(items.join("\n")).toMatch(/unknown parameter/);
      expect(dialogs).toEqual([]);
      const injected = await page.evaluate(() => ({
        scripts: [...document.querySelectorAll("script")].filter((s) => /alert/.test(s.textContent ?? "")).length,
        images: document.querySelectorAll("img[src=x], [onerror]").length
      }));
      expect(injected).toEqual({scripts: 0, images: 0});
      // The valid set still applies, and the page renders its numbers.
      expect(new URL(page.url()).searchParams.getAll("set")).toEqual(["power.pue=1.3"]);
      expect(await kpi(page)).toBeCloseTo(
        metricCentral(expected("base", ["power.pue=1.3"]).costPerMillionTokensUsd)!,
        9
      );
      await screenshot(page, "scenarios--base.hostile");
      const problems = await pageProblems(page);
      expect(problems).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("lists the compared scenarios' notes, each led by its name, as compare writes them; none where there are none", async () => {
    // openai-2024's custom chip ships after its horizon: `compare` notes it on stderr, the page said nothing (breaker).
    const page = await openPage(browser, "/compare?scenario=base&scenario=openai-2024");
    try {
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      const notes = page.locator("[data-notes]:not([hidden]) li");
      await expect.poll(() => notes.count()).toBe(1);
      expect(await notes.first().textContent()).toMatch(
        /^OpenAI's 2024, rebuilt from its demand: the custom chip ships after the horizon \(silicon\.designCycle/
      );
    } finally {
      await closePage(page);
    }
    const plain = await openPage(browser, "/compare?scenario=base&scenario=agent-era");
    try {
      await plain.locator(".scenario-compare-metrics").first().waitFor();
      expect(await plain.locator("[data-notes]").count()).toBe(1);
      expect(await plain.locator("[data-notes]:not([hidden])").count()).toBe(0);
    } finally {
      await closePage(plain);
    }
  });

  it("marks the price-list metrics of a compared scenario that sets no prices, the note once, as compare does", async () => {
    // base sets no prices (GPT-4o's list); deepseek-one-day sets its own. `compare` stars base's "53% *" only.
    const page = await openPage(browser, "/compare?scenario=base&scenario=deepseek-one-day");
    try {
      const marks = await page.$$eval('tr[data-metric="priceListGrossMargin"] td.scenario-number', (cells) =>
        cells.map((cell) => [
          (cell as HTMLElement).dataset.scenario,
          cell.querySelector(".scenario-footnote-mark")?.getAttribute("data-note") ?? null
        ])
      );
      expect(marks).toEqual([
        ["base", expect.stringContaining("at the default price list, GPT-4o's API prices")],
        ["deepseek-one-day", null]
      ]);
      const footnotes = await page.$$eval(".scenario-footnotes p", (ps) => ps.map((p) => p.textContent));
      const priceNotes = footnotes.filter((text) => text!.includes("default price list"));
      expect(priceNotes).toHaveLength(1);
      expect(priceNotes[0]).toMatch(/GPT-4o's API prices: .* sets no prices\.$/);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("compares scenarios with one series per scenario, and keeps the selection in the URL", async () => {
    const page = await openPage(
      browser,
      "/compare?scenario=base&scenario=asic-9-months&scenario=nope&scenario=BASE&scenario=base&Scenario=agent-era" +
        "&utm_source=linkedin&fbclid=IwAR0abc"
    );
    try {
      // Each ignored id says why, and what to write instead (a repeat was dropped without a word: breaker). The
      // tracking parameters a social site appends are not listed (trackingParams.ts; they were "unknown parameter").
      expect(await page.$$eval("[data-notice] li", (lis) => lis.map((li) => li.textContent))).toEqual([
        expect.stringMatching(/^nope — no scenario has this id \(the scenarios are [a-z0-9-]+(, [a-z0-9-]+)+\)$/),
        "BASE — no scenario has this id (did you mean base?)",
        "base — named again: each scenario is compared once",
        'Scenario=agent-era — unknown parameter: did you mean "scenario" (lower case)?'
      ]);
      expect(await page.textContent("[data-notice] p")).toBe("Ignored 4 parameters from the link");
      expect(await page.$$eval(".scenario-compare-metrics thead th[data-scenario]", (ths) => ths.length)).toBe(2);
      const differing = await page.$$eval(".scenario-compare-assumptions tbody tr[data-key]", (trs) =>
        trs.map((tr) => (tr as HTMLElement).dataset.key)
      );
      expect(differing).toContain("silicon.designCycle");
      // Each value in its key's row: a scenario's rows are listed as its files read, and the table once paired them by
      // position, the 9-month ASIC's values against other keys ("Custom chip FP4 peak: $250").
      const cells = (key: string) =>
        page.$$eval(`.scenario-compare-assumptions tr[data-key="${key}"] td`, (tds) =>
          tds.slice(1).map((td) => td.textContent)
        );
      // base.md: silicon.designCycle 18 months; asic-9-months.md: 9 months, silicon.power 500 W (the default 600 W).
      expect(await cells("silicon.designCycle")).toEqual(["18 months", "9 months"]);
      expect(await cells("silicon.power")).toEqual(["600 W", "500 W"]);
      const legend = await page.$$eval('[data-chart="spend"] [class$="-swatch"]', (swatches) =>
        swatches.map((s) => s.textContent?.trim())
      );
      expect(legend.sort()).toEqual(["9-month ASIC", "Base case"]);
      // Down to one scenario, the page asks for two; back to two, the notice goes (it stayed up: trial).
      const picked = await page.$$eval("input[type=checkbox]:checked", (boxes) =>
        boxes.map((b) => (b as HTMLInputElement).value)
      );
      await page.uncheck(`input[type=checkbox][value="${picked[0]}"]`);
      await waitForRender(page);
      expect(await page.$$('[data-testid="pick-two"]')).toHaveLength(1);
      await page.check(`input[type=checkbox][value="${picked[0]}"]`);
      await waitForRender(page);
      expect(await page.$$('[data-testid="pick-two"]')).toHaveLength(0);
      // A third scenario (by its index in the list: base, agent-era, asic-9-months, asic-24-months…).
      await page.check('input[type=checkbox][value="3"]');
      await waitForRender(page);
      expect(new URL(page.url()).searchParams.getAll("scenario")).toHaveLength(3);
      expect(await page.$$eval(".scenario-compare-metrics thead th[data-scenario]", (ths) => ths.length)).toBe(3);
      expect(await pageProblems(page)).toEqual({...NO_PROBLEMS});
    } finally {
      await closePage(page);
    }
  });

  it("compares an unset key the model resolves at the value it takes, marked as the default, as compare does", async () => {
    const page = await openPage(browser, "/compare?scenario=base&scenario=openai-2024");
    try {
      const cells = (key: string) =>
        page.$$eval(`.scenario-compare-assumptions tr[data-key="${key}"] td`, (tds) =>
          tds.slice(1).map((td) => td.textContent)
        );
      // Neither sets serving.kvCache: base's fp8 weights give an FP8 cache, openai-2024's bf16 a BF16 one
      // (DEFAULT_KV_CACHE_DTYPE); base's H100 is served on TensorRT-LLM (defaultStackFor), openai-2024 sets "other".
      // The cache had no row (a dash beside a dash), the stack read "—" beside "another stack".
      expect(await cells("serving.kvCache")).toEqual([
        "FP8 (default for fp8 weights)",
        "BF16 (default for bf16 weights)"
      ]);
      expect(await cells("serving.stack")).toEqual([
        "TensorRT-LLM (default on NVIDIA H100 SXM5 80GB)",
        "another stack"
      ]);
      expect(await pageProblems(page)).toEqual({...NO_PROBLEMS});
    } finally {
      await closePage(page);
    }
  });

  it("says which scenarios a compare chart draws one over the other, and fits three scenarios' metrics in 1280 px", async () => {
    const page = await openPage(browser, "/compare?scenario=base&scenario=agent-era&scenario=asic-24-months");
    try {
      // asic-24-months changes the silicon program only: its spend lines hide base's (they looked missing).
      expect(await page.textContent('[data-chart="spend"] .scenario-coincide')).toBe(
        "Drawn one over another, the same spend: Base case and 24-month ASIC (inference); Base case, Agent era and " +
          "24-month ASIC (training)."
      );
      expect(await page.$$('[data-chart="silicon"] .scenario-coincide:not(.scenario-dwarfed)')).toHaveLength(0);
      // Agent era's program reaches ten times the others' on the cash flow and NPV charts: said above each, with how
      // to draw the rest at their scale (its $54B flattened base's and the ASIC's $3B; trial).
      for (const chart of ["silicon", "cycle"]) {
        expect(await page.textContent(`[data-chart="${chart}"] .scenario-dwarfed`)).toMatch(
          /^Agent era reaches more than ten times the others' (cash flow|NPV) \(theirs within \$[\d.]+B\), which draws them nearly flat: untick it above to see the rest at their own scale\.$/
        );
      }
      expect(await page.$$('[data-chart="spend"] .scenario-dwarfed')).toHaveLength(0);
      // Every scenario's column is on screen: the metrics table does not scroll sideways (a payback's long note kept
      // on one line pushed the third column out of view).
      const wrap = await page.$eval(".scenario-compare-metrics", (t) => {
        const box = t.parentElement!;
        return {scroll: box.scrollWidth, client: box.clientWidth};
      });
      expect(wrap.scroll).toBeLessThanOrEqual(wrap.client);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("keeps every interval of its metrics table on a phone's screen (one ran past 390 px: reader's audit)", async () => {
    const page = await openPage(browser, "/compare", {viewport: {width: 390, height: 844}});
    try {
      const past = await page.$$eval(".scenario-compare-metrics .muted", (els) =>
        els.filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.textContent)
      );
      expect(past).toEqual([]);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("says under a metric why it reads as it does in one scenario: the flywheel at the design-cycle floor", async () => {
    // asic-9-months's 9-month cycle is flywheel.minDesignCycle's default 9: nothing saved, and the page says why (it
    // showed a bare 0% where `run` and the scenario page explain it; trial). asic-24-months's cycle is above it.
    const page = await openPage(browser, "/compare?scenario=asic-9-months&scenario=asic-24-months");
    try {
      const row = '.scenario-compare-metrics tr[data-metric="flywheelCostReduction"]';
      const notes = await page.$$eval(`${row} td[data-scenario]`, (cells) =>
        cells.map(
          (cell) =>
            cell.querySelector<HTMLElement>('[data-testid="metric-note-flywheelCostReduction"]')?.dataset.note ?? null
        )
      );
      expect(notes[0]).toMatch(/^nothing gained: a design cycle of 9 months is already at the shortest/);
      expect(notes[1]).toBeNull();
      await page.locator(row).screenshot({path: join(SCREENSHOT_DIR, "compare--flywheel-note.png")});
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("draws six scenarios at most in its line charts, each in a colour of its own, and names the others", async () => {
    // Seven picked: the seventh line took the first's colour, and the legend could not tell the two apart.
    const site = buildSiteData();
    const ids = site.scenarioIds;
    expect(ids.length).toBeGreaterThan(6);
    const page = await openPage(browser, `/compare?${ids.map((id) => `scenario=${id}`).join("&")}`);
    try {
      const names = scenarioChartNames(ids.map((id) => site.scenarios[id]!.report.scenario));
      const rest = ids.slice(6).map((id) => names[id]);
      // Seven bundled scenarios: one left out (with more, "A, B and C are … Untick 3 others to draw them").
      expect(rest).toHaveLength(1);
      expect(await page.textContent('[data-testid="lines-six"]')).toBe(
        `The line charts draw six scenarios at most, each in a colour of its own: ${rest[0]} is in the tables and the ` +
          "cost chart only. Untick another scenario to draw it."
      );
      for (const chart of ["spend", "silicon", "cycle"]) {
        const strokes = await page.$$eval(`[data-chart="${chart}"] svg [aria-label="line"] path`, (paths) =>
          paths.map((p) => p.getAttribute("stroke"))
        );
        expect(new Set(strokes).size, chart).toBe(6);
      }
      // The cost chart labels each bar with its scenario's name: all seven.
      expect(await page.textContent('[data-chart="cost"]')).toContain(rest[0]);
      expect(await page.$$eval(".scenario-compare-metrics thead th[data-scenario]", (ths) => ths.length)).toBe(
        ids.length
      );
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
    // Six or fewer: no notice.
    const six = await openPage(
      browser,
      `/compare?${ids
        .slice(0, 6)
        .map((id) => `scenario=${id}`)
        .join("&")}`
    );
    try {
      expect(await six.$$('[data-testid="lines-six"]')).toHaveLength(0);
    } finally {
      await closePage(six);
    }
    // The link's order is kept: the sender chooses which six the lines draw (it was rewritten in the site's order).
    const reversed = [...ids].reverse();
    const linked = await openPage(browser, `/compare?${reversed.map((id) => `scenario=${id}`).join("&")}`);
    try {
      const names = scenarioChartNames(ids.map((id) => site.scenarios[id]!.report.scenario));
      expect(await linked.textContent('[data-testid="lines-six"]')).toContain(
        `${names[reversed[6]!]} is in the tables`
      );
      expect(new URL(linked.url()).searchParams.getAll("scenario")).toEqual(reversed);
      expect(
        await linked.$$eval(".scenario-compare-metrics thead th[data-scenario]", (ths) =>
          ths.map((th) => (th as HTMLElement).dataset.scenario)
        )
      ).toEqual(reversed);
      // A box ticked after unticking goes to the end: untick the first, tick it again, and it is the one left out.
      await linked.uncheck(`input[type=checkbox][value="${ids.indexOf(reversed[0]!)}"]`);
      await waitForRender(linked);
      expect(await linked.$$('[data-testid="lines-six"]')).toHaveLength(0);
      await linked.check(`input[type=checkbox][value="${ids.indexOf(reversed[0]!)}"]`);
      await waitForRender(linked);
      expect(new URL(linked.url()).searchParams.getAll("scenario")).toEqual([...reversed.slice(1), reversed[0]]);
      expect(await linked.textContent('[data-testid="lines-six"]')).toContain(
        `${names[reversed[0]!]} is in the tables`
      );
    } finally {
      await closePage(linked);
    }
  });

  it("draws one silicon cash-flow line where the undiscounted one would lie under it, and says why", async () => {
    // openai-2024's chip lands after its 12-month horizon (an 18-month cycle): the NRE at month 0 is its only cash
    // flow, so the two lines are one, under a subtitle that promised a dashed undiscounted line.
    const solo = await openPage(browser, "/scenarios/openai-2024");
    try {
      const subtitle = (await solo.textContent('[data-chart="silicon"] h3'))!;
      expect(subtitle).toContain(
        "undiscounted and discounted coincide: nothing is saved within the horizon, so the only cash flow is the NRE " +
          "at month 0, which discounting does not move"
      );
      expect(subtitle).not.toContain("dashed");
      expect(await solo.$$('[data-chart="silicon"] svg [stroke-dasharray]')).toHaveLength(0);
    } finally {
      await closePage(solo);
    }
    // Beside a scenario whose lines differ, /compare names the one whose lines coincide and keeps the other's dashes.
    const compare = await openPage(browser, "/compare?scenario=base&scenario=openai-2024");
    try {
      expect(await compare.textContent('[data-chart="silicon"] h3')).toContain("dashed: undiscounted");
      expect(await compare.textContent('[data-chart="silicon"] .scenario-coincide')).toBe(
        "Undiscounted and discounted coincide for OpenAI 2024: nothing is saved within the horizon, so the only cash " +
          "flow is the NRE at month 0, which discounting does not move."
      );
      expect(await compare.$$('[data-chart="silicon"] svg [stroke-dasharray]')).toHaveLength(1);
      expect(await pageProblems(compare)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(compare);
    }
  });

  it("writes shares as % and rates as %/yr in the scenario pages' assumptions and the register", async () => {
    // The tables wrote "45%" under the unit "fraction", "10%" under "per year", and the serving cost decline, a rate
    // typed as a fraction, "20%" under "fraction" beside the growth of users' "30%" under "per year".
    const page = await openPage(browser, "/scenarios/base");
    try {
      // The value carries its unit, and no unit column repeats it ("15.6T tokens" beside "tokens"; trial).
      const headers = await page.$eval(".scenario-assumptions", (table) =>
        [...table.querySelectorAll("th")].map((th) => th.textContent)
      );
      expect(headers).toEqual(["Key", "Value", "Origin", "Source"]);
      const row = (key: string) =>
        page.$eval(`.scenario-assumptions tr[data-key="${key}"]`, (tr) => tr.children[1]!.textContent);
      expect(await row("serving.utilization")).toBe("45–75% (90% interval)");
      expect(await row("finance.vendorGrossMargin")).toBe("75%");
      expect(await row("serving.costDeclinePerYear")).toBe("20%/yr");
      expect(await row("demand.growthPerYear")).toBe("30%/yr");
      expect(await row("finance.costOfCapital")).toBe("10%/yr");
      // Listed as base.md reads, line by line: serving.tensorParallel (line 8) before serving.inputTokens (line 10),
      // serving.costDeclinePerYear (line 12) before the training keys (schema order put it after training.chips).
      const keys = await page.$eval(".scenario-assumptions", (table) =>
        [...table.querySelectorAll("tbody tr")].map((tr) => (tr as HTMLElement).dataset.key)
      );
      expect(keys.indexOf("serving.tensorParallel")).toBeLessThan(keys.indexOf("serving.inputTokens"));
      expect(keys.indexOf("serving.costDeclinePerYear")).toBeLessThan(keys.indexOf("training.tokens"));
    } finally {
      await closePage(page);
    }
    const register = await openPage(browser, "/assumptions");
    try {
      // The value carries its unit: the register has no unit column beside it ("38%" under "fraction" repeated it).
      const headers = await register.$$eval(".scenario-register thead th", (ths) => ths.map((th) => th.textContent));
      expect(headers).toEqual(["Scenario", "Key", "Value", "Origin", "Source"]);
      const values = await register.$$eval(".scenario-register tbody tr td:nth-child(3)", (tds) =>
        tds.map((td) => td.textContent ?? "")
      );
      expect(values).toContain("10%/yr");
      expect(values.filter((value) => /fraction|per year/.test(value))).toEqual([]);
    } finally {
      await closePage(register);
    }
  });

  it("shows the register on a phone as a block per row, on the screen, its header a line of sort buttons", async () => {
    // Scrolled sideways at 390 px, its values were cut at the screen's edge ("Llama 3.1 40") and the origin and source
    // out of sight with no word (trial).
    const page = await openPage(browser, "/assumptions", {viewport: {width: 390, height: 844}});
    try {
      const widest = await page.$$eval(".scenario-register tbody tr", (trs) =>
        Math.max(...trs.slice(0, 20).map((tr) => tr.getBoundingClientRect().right))
      );
      expect(widest).toBeLessThanOrEqual(390);
      const first = await page.$eval(".scenario-register tbody tr", (tr) =>
        [...tr.querySelectorAll("td")].map((td) => getComputedStyle(td, "::before").content)
      );
      // The scenario and key head the block; the value, origin and source are named.
      expect(first).toEqual(["none", "none", '"Value: "', '"Origin: "', '"Source: "']);
      await page.click(".scenario-register th:nth-child(2) button");
      expect(await page.$eval(".scenario-register th:nth-child(2)", (th) => th.getAttribute("aria-sort"))).toBe(
        "ascending"
      );
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("lists every assumption of every scenario in the register, searchable and sortable", async () => {
    const page = await openPage(browser, "/assumptions");
    try {
      const count = () => page.$$eval(".scenario-register tbody tr", (trs) => trs.length);
      const all = await count();
      expect(all).toBeGreaterThan(scenarioIds.length * 5);
      await page.fill(".scenario-register input[type=search]", "silicon.nre");
      expect(await count()).toBeGreaterThanOrEqual(scenarioIds.length);
      expect(await count()).toBeLessThan(all);
      await page.fill(".scenario-register input[type=search]", "");
      await page.click(".scenario-register th:nth-child(2) button");
      const keys = await page.$$eval(".scenario-register tbody tr td:nth-child(2)", (tds) =>
        tds.map((td) => td.textContent ?? "")
      );
      expect(keys).toEqual([...keys].sort((a, b) => new Intl.Collator("en", {numeric: true}).compare(a, b)));
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });
});
