// The custom-silicon chapter's "From the die to the price list": moving the die controls recomputes the chip's unit
// cost to exactly what the scenario model gives in Node, and redraws the waterfall and the unit-cost chart.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {buildSiteData} from "../../src/node/siteData.js";
import {bindScenario, evaluateScenarioPoint} from "../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioPageMedianPoint} from "../../docs/components/scenarioPage.js";
import {runScenarioRequest} from "../../src/node/scenarioRun.js";
import {formatUsd} from "../../docs/components/format.js";
import type {MetricSummary} from "../../src/scenario/run/runScenario.js";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems, waitForRender} from "./browser.js";
import {chartSvg, headline, relativeError, setInput} from "./storyHelpers.js";

const enabled = inject("browserTestsEnabled");
const site = enabled ? buildSiteData() : null;

async function unitCost(page: import("playwright-core").Page): Promise<number> {
  return Number(await page.$eval('[data-testid="die-unit-cost"]', (el) => (el as HTMLElement).dataset.value ?? ""));
}

describe.skipIf(!enabled)("custom-silicon: from the die to the price list", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("recomputes the unit cost and redraws both charts when the die area moves", async () => {
    const page = await openPage(browser, "/custom-silicon");
    try {
      const {resolved} = site!.scenarios["asic-9-months"]!;
      const bound = bindScenario(resolved, {hardware: site!.hardware, models: site!.models});
      const at = (dieArea: number) =>
        evaluateScenarioPoint(bound, {
          ...scenarioPageMedianPoint(resolved),
          "silicon.unitCost": null,
          "silicon.dieArea": dieArea,
          "silicon.node": "n3",
          "silicon.hbmStacks": 4,
          "silicon.partnerMargin": 0
        }).customUnitCost!.priceUsd;
      expect(relativeError(await unitCost(page), at(800))).toBeLessThan(1e-12);
      // The spec sentence links FP8 to the glossary and reads as words: the link inside a plain template string
      // printed its address ("with 1,000 http://…/glossary#fp8-bf16, 144 GB"; reader's audit, helper-234).
      const verdict = page.locator('[data-testid="die-verdict"]');
      expect(await verdict.innerText()).toMatch(/with [\d,]+ FP8 TFLOP\/s, /);
      expect(await verdict.locator('a.glossary-term[href$="#fp8-bf16"]').innerText()).toBe("FP8 TFLOP/s");
      const waterfallBefore = await chartSvg(page, "chart-waterfall");
      const unitBefore = await chartSvg(page, "chart-unit-cost");

      await setInput(page, '[data-testid="control-die"] input[type=range]', "400");
      // 400 mm²: 176.7 − 33.3 = 143 gross dies (diesPerWafer.ts). Polled: each of the verdict's figures is a cell of
      // its own, and under load (CI) the text was read with the die area new and the die count not yet ("A die of
      // 400 mm² on N3 gives 64 dies").
      await expect
        .poll(() => page.$eval('[data-testid="die-verdict"]', (el) => (el as HTMLElement).innerText))
        .toContain("143 dies per wafer");
      await expect.poll(async () => relativeError(await unitCost(page), at(400))).toBeLessThan(1e-12);
      await expect.poll(() => chartSvg(page, "chart-waterfall")).not.toEqual(waterfallBefore);
      await expect.poll(() => chartSvg(page, "chart-unit-cost")).not.toEqual(unitBefore);
      // A die area typed past the reticle (the box kept 99999 beside a 400 mm² die; breaker) is refused once the box is
      // left, in the words a link's notice gives (silicon.dieArea's range ends at the reticle's 858 mm²), and the 400 mm²
      // die is kept, shown and computed with.
      const dieBox = '[data-testid="control-die"] input[type=number]';
      await page.fill(dieBox, "99999");
      await page.press(dieBox, "Tab");
      await waitForRender(page);
      expect(await page.inputValue(dieBox)).toBe("400");
      expect(await page.textContent('[data-testid="control-die"] .typed-refusal')).toContain(
        "silicon.dieArea=99999 mm² — out of range"
      );
      await expect.poll(async () => relativeError(await unitCost(page), at(400))).toBeLessThan(1e-12);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("sets the program's NPVs side by side, the headline first and each other row saying what it changes", async () => {
    // Four NPVs of one program were each explained in a clause of two long paragraphs (reader's audit): the table
    // holds them, with the figures the page computed before.
    const page = await openPage(browser, "/custom-silicon");
    try {
      const rows = await page.$$eval('[data-testid="npv-table"] tbody tr', (trs) =>
        trs.map((tr) => ({
          id: (tr as HTMLElement).dataset.row!,
          value: Number((tr as HTMLElement).dataset.value),
          text: (tr as HTMLElement).innerText
        }))
      );
      expect(rows.map((row) => row.id)).toEqual(["headline", "median-point", "same-busy", "die", "die-nre"]);
      expect(rows[0]!.value).toBe(await headline(page));
      expect(rows[0]!.text).toContain("The headline");
      const {resolved} = site!.scenarios["asic-9-months"]!;
      const bound = bindScenario(resolved, {hardware: site!.hardware, models: site!.models});
      const median = scenarioPageMedianPoint(resolved);
      expect(relativeError(rows[1]!.value, evaluateScenarioPoint(bound, median).silicon.npvUsd)).toBeLessThan(1e-12);
      const builtPoint = {
        ...median,
        "silicon.unitCost": null,
        "silicon.dieArea": 800,
        "silicon.node": "n3",
        "silicon.hbmStacks": 4,
        "silicon.partnerMargin": 0
      };
      // The die row's figure is the median over the draws its interval is over (it was the one run at the medians,
      // $2.83B beside $1.44B–$4.31B): what `run asic-9-months --set silicon.dieArea=800 …` prints.
      const cli = runScenarioRequest({
        scenario: "asic-9-months",
        sets: ["silicon.dieArea=800", "silicon.node=n3", "silicon.hbmStacks=4", "silicon.partnerMargin=0"]
      }).result.metrics.siliconNpvUsd as MetricSummary;
      expect(formatUsd(rows[3]!.value)).toBe(formatUsd(cli.p50));
      // The interval at one scale, as run writes it ("$1.44–4.31B"; formatUsd.range).
      expect(rows[3]!.text).toContain(`${formatUsd.range(cli.p5, cli.p95)} (90% interval)`);
      expect(rows[3]!.text).toMatch(
        /^4\s+\$[\d.]+B\s+\$[\d.]+–[\d.]+B \(90% interval\)\s+With the chip priced from the die built below .*: the median and the interval over 1,000 draws of the scenario's uncertainty, as row 1, seed \d+\.$/s
      );
      // The rows that are one run say so, and the built NRE's row names the one run it compares with.
      expect(rows[2]!.text).toMatch(/As row 2 \(one run\), with the custom chips as busy/);
      expect(rows[4]!.text).toMatch(
        /As row 2 \(one run\), with the chip priced from the die built below and the NRE built/
      );
      const dieOneRun = evaluateScenarioPoint(bound, builtPoint).silicon.npvUsd;
      expect(rows[4]!.text).toContain(
        `against ${formatUsd(dieOneRun)}, the same run with the scenario's NRE (not the median in the row above)`
      );
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("starts at a link's die and compares with the scenario's own die, and bands a linked chip without its unread draws", async () => {
    // A link's 500 mm² die: the controls started at 800 mm² and the sentence called the link's die-built NPV "the
    // asserted $12,000"; a link's catalog chip: the band drew the unread relative throughput (0.8–1.2) around 0.714×.
    const die = await openPage(browser, "/custom-silicon?set=silicon.dieArea%3D500%20mm2");
    const chip = await openPage(browser, "/custom-silicon?set=silicon.chip%3Dcustom-inference-asic");
    try {
      expect(await die.inputValue('[data-testid="control-die"] input[type=number]')).toBe("500");
      const text = await die.$eval('[data-testid="die-verdict"]', (el) => (el as HTMLElement).innerText);
      expect(text).toContain("A die of 500 mm² on N3");
      // The NPV table's row for the die built here says what it replaces: the link's own die, not "the asserted" price.
      const dieRow = '[data-testid="npv-table"] tr[data-row="die"]';
      const rowText = await die.$eval(dieRow, (el) => (el as HTMLElement).innerText);
      expect(rowText).toMatch(/not the scenario's own die, priced \$[\d,]+/);
      expect(rowText).not.toContain("asserted");
      // Banded around its median: the interval's ends straddle the NPV at these values.
      const chipText = await chip.$eval(dieRow, (el) => (el as HTMLElement).innerText);
      // "$1.02B  $0.702–1.51B (90% interval)": the interval at one scale, its word written once (formatUsd.range).
      const [, median, lowText, lowScale, highText, highScale] = chipText.match(
        /\$([\d.]+[MB])\s+\$([\d.]+)([MB])?–\$?([\d.]+)([MB]) \(90% interval\)/
      )!;
      const usd = (figure: string, scale: string) => Number(figure) * (scale === "B" ? 1e9 : 1e6);
      const npv = usd(median!.slice(0, -1), median!.slice(-1));
      const low = usd(lowText!, lowScale ?? highScale!);
      const high = usd(highText!, highScale!);
      // The die verdict states the same NPV and band, and points at its row.
      expect(await chip.$eval('[data-testid="die-verdict"]', (el) => (el as HTMLElement).innerText)).toMatch(
        /With this chip the program's NPV is \$[\d.]+[MB] \(the median over 1,000 draws; \$[\d.]+[MB] to \$[\d.]+[MB] in 90% of them; row \d of the table/
      );
      expect(low!).toBeLessThan(npv!);
      expect(high!).toBeGreaterThan(npv!);
      expect((low! + high!) / 2 / npv!).toBeLessThan(1.15);
      expect(await pageProblems(die)).toEqual(NO_PROBLEMS);
      expect(await pageProblems(chip)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(die);
      await closePage(chip);
    }
  });
});
