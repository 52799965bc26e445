// /model-accuracy as a new reader met it (trial): the measurements table marks the rows whose batch a published cap
// set, as `token-ledger calibration` does (‡ the engine's max_batch, † memory), and says under it what the marks
// mean; a phone's table keeps the tokens column (prompt or output); the scatter's note says how each split of the
// output and prefill rows is drawn; the training runs' chip-hours read in one notation down a column.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems} from "./browser.js";

const enabled = inject("browserTestsEnabled");

interface CalibrationRow {
  tokens: "input" | "output";
  memoryCapped: boolean;
  engineCapped: boolean;
  model: string;
  tensorParallel: number;
  expertParallel: number;
  date: string;
  ratio: number;
}

/** The page's calibration rows, from the data file it loaded. */
async function calibrationRows(page: Page): Promise<CalibrationRow[]> {
  return page.evaluate(async () => {
    const entry = performance.getEntriesByType("resource").find((e) => /\/data\/calibration\./.test(e.name));
    return ((await (await fetch(entry!.name)).json()) as {report: {rows: CalibrationRow[]}}).report.rows;
  });
}

/** Every cell of the column headed `header` in the table of `testid`, after scrolling it to its last row. */
async function column(page: Page, testid: string, header: string): Promise<string[]> {
  const form = `[data-testid="${testid}"] form`;
  for (let i = 0; i < 2; i++) {
    await page.$eval(form, (f) => f.scrollTo(0, f.scrollHeight));
    await page.waitForTimeout(300);
  }
  return page.$eval(
    `[data-testid="${testid}"] table`,
    (table, header) => {
      const heads = [...table.querySelectorAll("thead th")].map((th) => th.textContent!.trim());
      const index = heads.indexOf(header);
      if (index < 0) throw new Error(`no column ${header} in ${heads.join(" | ")}`);
      return [...table.querySelectorAll("tbody tr")].map((tr) => tr.children[index]!.textContent!.trim());
    },
    header
  );
}

describe.skipIf(!enabled)("/model-accuracy for a new reader", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("marks the capped rows ‡ and † after the model's figure and says what the marks mean under the table", async () => {
    const page = await openPage(browser, "/model-accuracy", {viewport: {width: 1280, height: 900}});
    try {
      const rows = await calibrationRows(page);
      const model = await column(page, "measurement-table", "model");
      expect(model).toHaveLength(rows.length);
      const engine = rows.filter((r) => r.engineCapped).length;
      expect(engine).toBeGreaterThan(0);
      expect(model.filter((cell) => cell.endsWith("\u2021"))).toHaveLength(engine);
      expect(model.filter((cell) => cell.includes("\u2020"))).toHaveLength(rows.filter((r) => r.memoryCapped).length);
      const marks = await page.textContent('[data-testid="measurement-marks"]');
      expect(marks).toContain("\u2021 after the model's figure: the serving engine's published cap on sequences");
      // The scatter's note places every kind of mark, a held-out prefill row too.
      const note = await page.textContent('[data-testid="measured-vs-model-note"]');
      expect(note).toContain("circle fitted, triangle held out");
      expect(note).toContain("× fitted, + held out");
      // Chip-hours in one notation down each column: no "774,688" under "1.16M".
      for (const header of ["published chip-h", "model chip-h"]) {
        const cells = (await column(page, "training-table", header)).filter((cell) => /\d/.test(cell));
        if (cells.some((cell) => cell.endsWith("M")))
          expect(
            cells.filter((cell) => /^\d{1,3}(,\d{3})+$/.test(cell)),
            header
          ).toEqual([]);
      }
      // What the model does not know: DeepSeek-R1 at TP8 on one server in early 2025 stacks against later SGLang,
      // each range the rows' own (helper-167's rows: 1.20–2.60 then 0.772–1.28 at the December 2026 calibration).
      const tp8 = rows.filter((r) => r.model === "deepseek-r1" && r.tensorParallel === 8 && r.expertParallel === 1);
      const range = (group: CalibrationRow[]): [number, number] => [
        Math.min(...group.map((r) => r.ratio)),
        Math.max(...group.map((r) => r.ratio))
      ];
      const [earlyLow, earlyHigh] = range(tp8.filter((r) => r.date < "2025-06"));
      const [laterLow, laterHigh] = range(tp8.filter((r) => r.date >= "2025-06"));
      expect(earlyLow).toBeGreaterThan(laterHigh * 0.9);
      const maturity = (await page.textContent('[data-testid="stack-maturity"]'))!;
      const ratio = (v: number) => (v >= 1 ? v.toFixed(2) : v.toPrecision(3));
      expect(maturity).toContain(
        `reads model ÷ measured ${ratio(earlyLow)} to ${ratio(earlyHigh)}, the model too fast`
      );
      expect(maturity).toContain(`it reads ${ratio(laterLow)} to ${ratio(laterHigh)}`);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("names the fixed-length runs outside the band at their rows' ratios, computed, not typed", async () => {
    // The out-of-band paragraph typed "2.6, 2.0 and 1.7 times" for TensorRT-LLM's three fixed-length DeepSeek-R1 runs;
    // it now writes each row's model ÷ measured from the data it loaded (report.outOfBand), as formatRatio does.
    const page = await openPage(browser, "/model-accuracy", {viewport: {width: 1280, height: 900}});
    try {
      const outOfBand = await page.evaluate(async () => {
        const entry = performance.getEntriesByType("resource").find((e) => /\/data\/calibration\./.test(e.name));
        const data = (await (await fetch(entry!.name)).json()) as {report: {outOfBand: {id: string; ratio: number}[]}};
        return data.report.outOfBand;
      });
      const ids = [
        "trtllm-bestperf-dsr1-0528-1k2k-c7168-b200x8",
        "trtllm-bestperf-dsr1-1k2k-c3072-b200x8",
        "trtllm-bestperf-dsr1-1k2k-c1024-h200x8"
      ];
      const ratio = (v: number) => (v >= 1 ? v.toFixed(2) : v.toPrecision(3));
      const [a, b, c] = ids.map((id) => ratio(outOfBand.find((row) => row.id === id)!.ratio));
      const text = (await page.textContent('[data-testid="out-of-band"]'))!;
      expect(text).toContain(`(${a}, ${b} and ${c} times on TensorRT-LLM's three runs of equal-length requests`);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("writes each error column one way, and a run's missing figures as a dash, as the CLI does", async () => {
    const page = await openPage(browser, "/model-accuracy", {viewport: {width: 1280, height: 900}});
    try {
      // The error table's shares are computed: under 10% two digits with the trailing zero, as `calibration` writes
      // them (formatComputedPercent); Blackwell's median |error| 0.0905 read "9%" over Ampere's 0.0918 "9.2%".
      const families = await page.evaluate(async () => {
        const entry = performance.getEntriesByType("resource").find((e) => /\/data\/calibration\./.test(e.name));
        const data = (await (await fetch(entry!.name)).json()) as {
          report: {families: {family: string; all: {medianAbsoluteError: number}}[]};
        };
        return data.report.families;
      });
      const errors = await column(page, "error-table", "median |error|");
      expect(errors).toHaveLength(3 + families.length);
      const small = families.filter((f) => f.all.medianAbsoluteError < 0.095);
      expect(small.length).toBeGreaterThan(0);
      for (const cell of errors) expect(cell).toMatch(/^(\d\.\d|\d{2,})%$/);
      // A run that reports no MFU has no reported MFU, model chip-hours or ratio: Inputs.table formats no null, so
      // the cells read empty where `token-ledger training-runs` prints "—" (OPT-175B, data/training-runs.csv).
      const opt = await page.$$eval('[data-testid="training-table"] tbody tr', (trs) => {
        const row = trs.find((tr) => tr.textContent!.includes("OPT-175B"))!;
        return [...row.children]
          .slice(1)
          .map((td) => td.textContent!.trim() || getComputedStyle(td, "::after").content.replace(/"/g, ""));
      });
      // Each MFU beside the precision whose peak it is of (the run's training precision: bf16 for OPT-175B).
      expect(opt).toEqual(["OPT-175B", "NVIDIA A100 SXM4 80GB", "809K", "—", "—", "—", "39% BF16", "link"]);
      // DeepSeek-V3 trained in FP8: its implied 22% is of the FP8 peak (the 43.8% /scenarios/deepseek-one-day quotes
      // is of the BF16 one).
      const deepseek = await page.$$eval('[data-testid="training-table"] tbody tr', (trs) =>
        trs.find((tr) => tr.textContent!.includes("DeepSeek-V3"))!.children[7]!.textContent!.trim()
      );
      expect(deepseek).toBe("22% FP8");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("writes DeepSeek-V3's pre-training hours one way: its table's figure on the scenario page and the glossary", async () => {
    const page = await openPage(browser, "/model-accuracy", {viewport: {width: 1280, height: 900}});
    let published: string;
    try {
      // The published chip-hours of data/training-runs.csv's deepseek-v3 (2,664,000: Table 1 of the technical report)
      // as this table writes them (formatCount, the column's notation).
      published = await page.$$eval('[data-testid="training-table"] tbody tr', (trs) =>
        trs.find((tr) => tr.textContent!.includes("DeepSeek-V3"))!.children[3]!.textContent!.trim()
      );
      expect(published).toBe("2.66M");
    } finally {
      await closePage(page);
    }
    // The scenario page's narrative, its training.mfu source and the glossary's GPU-hour wrote the report's own
    // "2,664K" (and "2,788K" for the whole run, 2.79M) in the site's prose, where this table reads 2.66M.
    for (const [path, said] of [
      ["/scenarios/deepseek-one-day", `${published} GPU-hours`],
      ["/glossary", `${published} H800 GPU-hours`]
    ]) {
      const other = await openPage(browser, path!, {viewport: {width: 1280, height: 900}});
      try {
        const text = (await other.textContent("#observablehq-main"))!.replace(/\s+/g, " ");
        const figures = text.match(/\d[\d.,]*[KM] (?:H800 )?GPU-hours/g) ?? [];
        expect(figures, path).toContain(said);
        expect(
          figures.filter((figure) => figure.includes("K ")),
          path
        ).toEqual([]);
      } finally {
        await closePage(other);
      }
    }
  });

  it("keeps the tokens column on a phone, so a prefill row's prompt tokens read as such", async () => {
    const page = await openPage(browser, "/model-accuracy", {
      viewport: {width: 390, height: 844},
      isMobile: true,
      hasTouch: true
    });
    try {
      const rows = await calibrationRows(page);
      const tokens = await column(page, "measurement-table", "tokens");
      expect(tokens).toEqual(rows.map((r) => (r.tokens === "input" ? "prompt" : "output")));
      expect(tokens).toContain("prompt");
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });
});
