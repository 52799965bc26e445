// Chapters readers can send (issue 13): every chapter keeps its moved state in a share link that reproduces it, lists
// a link's bad settings instead of applying them, and offers each chart's data as CSV that matches the library.
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvParse} from "d3-dsv";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {buildSiteData} from "../../src/node/siteData.js";
import {bindScenario, evaluateScenarioPoint} from "../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioPageMedianPoint} from "../../docs/components/scenarioPage.js";
import {parseShareQuery} from "../../docs/components/urlState.js";
import {
  formatTokensPerSecondPerMw,
  formatUsdPerMTok,
  formatUsdPerMwh,
  reportMedian
} from "../../src/scenario/run/reportFormat.js";
import {formatChange, formatUsd} from "../../docs/components/format.js";
import {runScenarioMessage} from "../../docs/components/scenarioRun.js";
import {DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED} from "../../src/scenario/run/runScenario.js";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems} from "./browser.js";
import {controlValue, headline, setInput, settledHeadline} from "./storyHelpers.js";

const enabled = inject("browserTestsEnabled");
const site = enabled ? buildSiteData() : null;

/** Each chapter, a slider to move (its display value and the key's base value) and the set its link then holds. */
const CHAPTERS: [string, string, number, string][] = [
  ["/token-economics", "control-utilization", 85, "serving.utilization=0.85"],
  ["/training-vs-inference", "control-agents", 20, "demand.agentMultiplier=20"],
  ["/inference-tax", "control-vendor-margin", 50, "finance.vendorGrossMargin=0.5"],
  ["/custom-silicon", "control-cycle", 12, "silicon.designCycle=12 months"],
  ["/moat", "control-catch-up", 9, "moat.catchUpMonths=9 months"],
  ["/flywheel", "control-reduction", 40, "flywheel.costReductionPerGeneration=0.4"]
];

describe.skipIf(!enabled)("chapters readers can send", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.for(CHAPTERS)(
    "%s: a moved slider is in the address bar, and the link reproduces the view",
    async ([path, testid, display, set], {expect}) => {
      const page = await openPage(browser, path);
      let link: string;
      let moved: number | null;
      let movedValue: number;
      try {
        await setInput(page, `[data-testid="${testid}"] input[type=range]`, String(display));
        const {sets, ignored} = parseShareQuery(new URL(page.url()).search);
        expect(ignored).toEqual([]);
        expect(sets).toEqual([set]);
        link = (await page.inputValue("[data-share]"))!;
        expect(new URL(link).search).toBe(new URL(page.url()).search);
        moved = await settledHeadline(page);
        movedValue = await controlValue(page, testid);
      } finally {
        await closePage(page);
      }
      const shared = await openPage(browser, new URL(link).pathname + new URL(link).search);
      try {
        expect(await settledHeadline(shared)).toBe(moved);
        expect(await controlValue(shared, testid)).toBe(movedValue);
        expect(await shared.isHidden("[data-notice]")).toBe(true);
        expect(await pageProblems(shared)).toEqual(NO_PROBLEMS);
      } finally {
        await closePage(shared);
      }
    }
  );

  it("/custom-silicon's headline after a link's move is the median of the draws, as run prints it", async () => {
    // run asic-9-months --set silicon.designCycle=12: the same Monte Carlo (1,000 draws, seed 1). The headline read the
    // one evaluation at the medians ($2.21B, "−3.5%" against the start's median) beside the draws' $2.19B (new user).
    const entry = site!.scenarios["asic-9-months"]!;
    const run = runScenarioMessage({
      resolved: entry.resolved,
      catalogs: {hardware: site!.hardware, models: site!.models},
      sets: ["silicon.designCycle=12"],
      flag: "URL",
      samples: DEFAULT_SCENARIO_SAMPLES,
      seed: DEFAULT_SCENARIO_SEED
    });
    const median = reportMedian(run.metrics.siliconNpvUsd)!;
    const start = reportMedian(entry.report.metrics.siliconNpvUsd)!;
    const page = await openPage(browser, "/custom-silicon?set=silicon.designCycle%3D12");
    try {
      const headlineEl = page.locator('[data-testid="headline"]');
      await expect.poll(() => headlineEl.getAttribute("data-basis")).toBe("median");
      expect(await headline(page)).toBe(median);
      const text = (await headlineEl.textContent())!;
      expect(text.startsWith(formatUsd(median))).toBe(true);
      // Median against median: the change is the draws' median against the start's.
      expect(text).toContain(`(${formatChange(median, start)} vs the start)`);
      const row = page.locator('[data-testid="npv-table"] tr[data-row="headline"]');
      expect(Number(await row.getAttribute("data-value"))).toBe(median);
      expect(await page.locator('[data-testid="npv-table"] tr[data-row="median-point"]').count()).toBe(1);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("lists a link's bad settings in a notice and applies the good ones", async () => {
    const page = await openPage(
      browser,
      "/inference-tax?set=finance.vendorGrossMargin%3D0.6&set=nope%3D1&set=serving.utilization%3D150%25"
    );
    try {
      const notice = (await page.textContent("[data-notice]"))!;
      expect(notice).toContain("Ignored 2 settings");
      expect(notice).toContain("nope=1");
      expect(notice).toContain("serving.utilization=150%");
      expect(await controlValue(page, "control-vendor-margin")).toBe(0.6);
      expect(parseShareQuery(new URL(page.url()).search).sets).toEqual(["finance.vendorGrossMargin=0.6"]);
      expect((await pageProblems(page)).errorCells).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it.each(["/token-economics", "/training-vs-inference", "/inference-tax", "/custom-silicon", "/moat", "/flywheel"])(
    "%s takes a link setting an uncertain key to one value, with no error cell",
    async (path) => {
      // /training-vs-inference drew utilisation from a uniform of 0.5 to 0.5 and showed 7 error cells (breaker).
      const page = await openPage(browser, `${path}?set=serving.utilization%3D0.5`);
      try {
        expect(parseShareQuery(new URL(page.url()).search).sets).toEqual(["serving.utilization=0.5"]);
        expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
        if (path === "/training-vs-inference") {
          expect(await page.textContent('[data-testid="uncertainty"]')).toMatch(
            /^Serving utilisation is set to one value, 50%, not a range, so nothing here is drawn/
          );
          // The fan chart drew one line under a legend of 90% and 50% bands it did not draw.
          const legend = await page
            .locator('h3:has-text("set to one value") + * [class*="-swatch"]:not([class*="-swatches"])')
            .allTextContents();
          expect(legend).toEqual(["median (every draw alike)"]);
        }
      } finally {
        await closePage(page);
      }
    }
  );

  it.concurrent.for(CHAPTERS)(
    "%s lists a link's key in its assumptions table, as the link's, beside the scenario's own value",
    async ([path], {expect}) => {
      // /training-vs-inference does not list serving.utilization: opened at 0.5 from a link, its table showed nothing
      // of it, so a reader could not tell the page was not at the scenario's 45–75%; a listed key was not marked
      // either.
      const page = await openPage(browser, `${path}?set=serving.utilization%3D0.5&set=demand.growthPerYear%3D0.5`);
      try {
        const cell = async (key: string) =>
          (await page.textContent(`.story-assumptions tr[data-key="${key}"] td[data-label=Value]`))!;
        expect(await cell("serving.utilization")).toMatch(/^50%set on this page \(URL\); scenario: .+%/);
        expect(await cell("demand.growthPerYear")).toMatch(/^50%\/yrset on this page \(URL\); scenario: .+%\/yr/);
        // A key no link set is not marked.
        const notes = await page.$$eval('.story-assumptions [data-origin="link"]', (spans) => spans.length);
        expect(notes).toBe(2);
        expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      } finally {
        await closePage(page);
      }
    }
  );

  it("ignores a link whose Monte Carlo would fail, on a chapter that runs one, and settles", async () => {
    // Issue 18's hostile link on a scenario page, now on chapter 4: a range that reaches an impossible HBM reserve.
    const page = await openPage(browser, "/custom-silicon?set=serving.hbmReserve%3D0.05%20to%200.95");
    try {
      expect(await page.textContent("[data-notice]")).toContain("serving.hbmReserve=0.05 to 0.95");
      expect(parseShareQuery(new URL(page.url()).search).sets).toEqual([]);
      const problems = await pageProblems(page);
      expect(problems.errorCells).toEqual([]);
      expect(problems.stillLoading).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it("measures every chip of /token-economics' comparison as the headline measures the scenario's own", async () => {
    // The chart plotted an all-in cost per output token (H100: 9.6 USD/Mtok) beside a headline of blended tokens
    // (2.06) and a bar chart of output tokens (4.07); its per-MW sentence, output tokens (49,331 for the H100) beside
    // the card's blended 230,444. Now the ringed chip reads the headline's numbers.
    const page = await openPage(browser, "/token-economics");
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-chapter-csv-"));
    try {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-testid="chart-systems"] [data-download="systems-csv"]')
      ]);
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const rows = csvParse(readFileSync(file, "utf8"));
      const base = site!.scenarios.base!;
      const own = rows.find((row) => row.id === base.resolved.values["serving.hardware"]!.value)!;
      const cost = reportMedian(base.report.metrics.costPerMillionTokensUsd)!;
      const perMw = reportMedian(base.report.metrics.tokensPerSecondPerMw)!;
      expect(Number(own.costUsdPerMTok) / cost - 1).toBeCloseTo(0, 6);
      expect(Number(own.tokensPerSecondPerMw) / perMw - 1).toBeCloseTo(0, 6);
      expect(await page.textContent('[data-testid="headline"]')).toBe(formatUsdPerMTok(Number(own.costUsdPerMTok)));
      expect(await page.textContent('[data-testid="power"] p.muted')).toContain(
        `${formatTokensPerSecondPerMw(Number(own.tokensPerSecondPerMw))} for the H100`
      );
      // A rate at three significant figures, as run writes it: the card read "$1,695/MWh" beside "235,000 tokens/s/MW".
      const revenue = reportMedian(base.report.metrics.revenuePerMwHourUsd)!;
      expect(await page.textContent('[data-testid="revenue-per-mw"]')).toBe(formatUsdPerMwh(revenue));
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it.concurrent.for([
    ["silicon.unitCost=$1,234.56789", "control-unit-cost", 1234.56789],
    ["silicon.nre=$1M to $2M", "control-nre", null]
  ] as const)(
    "/custom-silicon?set=%s computes with a value below its slider's usual end",
    async ([set, testid, base], {expect}) => {
      // A link's value widens its slider; a bound computed as a raw product sat a rounding above the value, the slider
      // rejected it, and the page filled with "found NaN" error cells (breaker).
      const page = await openPage(browser, `/custom-silicon?${new URLSearchParams([["set", set]])}`);
      try {
        expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
        expect(parseShareQuery(new URL(page.url()).search).sets).toEqual([set]);
        const value = await controlValue(page, testid);
        if (base !== null) expect(value).toBe(base);
        else expect(Number.isFinite(value)).toBe(true);
      } finally {
        await closePage(page);
      }
    }
  );

  it.for(CHAPTERS.map(([path]) => path))("%s: every chart card offers its rows as CSV", async (path, {expect}) => {
    // /flywheel's users, design cycle and generations cards had none beside the cost card's (reader's review).
    const page = await openPage(browser, path);
    try {
      await page.waitForSelector(".card svg");
      const cards = await page.$$eval(".card", (all) =>
        all
          .filter((card) => card.querySelector("svg[class^=plot], figure svg, svg.plot-d6a7b5"))
          .map((card) => ({
            testid: (card as HTMLElement).dataset.testid ?? card.querySelector("h2")?.textContent ?? "",
            csv: card.querySelector('[data-download$="-csv"]') !== null
          }))
      );
      expect(cards.length).toBeGreaterThan(0);
      expect(cards.filter((card) => !card.csv).map((card) => card.testid)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it("downloads /flywheel's design cycle as CSV: each month's cycle with the loop closed and open", async () => {
    const page = await openPage(browser, "/flywheel");
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-chapter-csv-"));
    try {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-testid="chart-cycle"] [data-download="cycle-csv"]')
      ]);
      expect(download.suggestedFilename()).toBe("flywheel-cycle.csv");
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const rows = csvParse(readFileSync(file, "utf8"));
      expect(rows.columns).toEqual(["month", "closedDesignCycleMonths", "openDesignCycleMonths"]);
      // The flywheel model at base's median point, as the page draws it untouched (FlywheelComparisonMonth).
      const base = site!.scenarios.base!;
      const ev = evaluateScenarioPoint(
        bindScenario(base.resolved, {hardware: site!.hardware, models: site!.models}),
        scenarioPageMedianPoint(base.resolved)
      );
      const months = ev.flywheel.months;
      expect(rows.length).toBe(months.length);
      expect(Number(rows[0]!.closedDesignCycleMonths)).toBeCloseTo(months[0]!.closedDesignCycleMonths, 6);
      expect(Number(rows.at(-1)!.openDesignCycleMonths)).toBeCloseTo(months.at(-1)!.openDesignCycleMonths, 6);
    } finally {
      await closePage(page);
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("downloads a chart's rows as CSV, equal to the library's at the same state", async () => {
    const page = await openPage(browser, "/inference-tax");
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-chapter-csv-"));
    try {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click('[data-testid="chart-years"] [data-download="years-csv"]')
      ]);
      expect(download.suggestedFilename()).toBe("inference-tax-years.csv");
      const file = join(dir, download.suggestedFilename());
      await download.saveAs(file);
      const rows = csvParse(readFileSync(file, "utf8"));
      // Untouched, the chapter labels each year with its median over base's draws (site.json's bands, the same
      // library in Node); the years themselves are the model's at the median point.
      const base = site!.scenarios.base!;
      const ev = evaluateScenarioPoint(
        bindScenario(base.resolved, {hardware: site!.hardware, models: site!.models}),
        scenarioPageMedianPoint(base.resolved)
      );
      const bands = base.report.bands!;
      expect(rows.length).toBe(ev.tax.years.length);
      ev.tax.years.forEach((year, i) => {
        expect(Number(rows[i]!.year)).toBe(year.year);
        expect(Number(rows[i]!.recoveredUsd)).toBeCloseTo(bands.inferenceTaxRecoveredByYearUsd[i]!.p50, 3);
        expect(Number(rows[i]!.merchantSpendUsd)).toBeCloseTo(bands.inferenceTaxMerchantSpendByYearUsd[i]!.p50, 3);
      });
    } finally {
      await closePage(page);
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
