// Labels and words that a reviewer found hidden, cut or touching, at a phone's 390 × 844 and a laptop's 1280 × 800:
// /model-accuracy's batch labels under the measurement squares, its "Configuration" select cut, /token-economics' chip
// labels "MI300X" and "H100" 3 px apart, a scenario page's "USD millions" past the text column, and the summary "65
// more assumptions at their defaults" against the next heading. Each check reads the page's boxes as drawn.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems, waitForRender} from "./browser.js";

const enabled = inject("browserTestsEnabled");

const VIEWPORTS = [
  ["390×844", {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true}],
  ["1280×800", {viewport: {width: 1280, height: 800}}]
] as const;

/** Pairs of the chart's batch labels and measurement squares whose boxes meet, for the configuration shown. */
async function labelsUnderSquares(page: Page): Promise<{labels: number; hidden: string[]}> {
  return page.$eval('[data-testid="chart-measured-frontier"]', (svg) => {
    const box = (e: Element) => e.getBoundingClientRect();
    const meet = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    // The batch labels (numbers) and the squares (Plot draws a square dot as a path, a round one as a circle).
    const labels = [...svg.querySelectorAll('g[aria-label="text"] text')].filter((t) =>
      /^\d+$/.test(t.textContent ?? "")
    );
    const squares = [...svg.querySelectorAll('g[aria-label="dot"] > path')];
    return {
      labels: labels.length,
      hidden: labels.flatMap((t) =>
        squares.filter((s) => meet(box(t), box(s))).map(() => `label ${t.textContent} under a square`)
      )
    };
  });
}

/** The chip chart's labels that come within `gapPx` of each other, as "MI300X–H100 1.2 px". */
async function crowdedChipLabels(page: Page, gapPx: number): Promise<string[]> {
  return page.$eval(
    '[data-testid="chart-systems"]',
    (svg, gap) => {
      const texts = [...svg.querySelectorAll('g[aria-label="text"] text')];
      const boxes = texts.map((t) => ({name: t.textContent ?? "", r: t.getBoundingClientRect()}));
      const out: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i]!, boxes[j]!];
          const dx = Math.max(b.r.left - a.r.right, a.r.left - b.r.right, 0);
          const dy = Math.max(b.r.top - a.r.bottom, a.r.top - b.r.bottom, 0);
          const apart = Math.hypot(dx, dy);
          if (apart < gap) out.push(`${a.name}–${b.name} ${apart.toFixed(1)} px`);
        }
      }
      return out;
    },
    gapPx
  );
}

describe.skipIf(!enabled)("labels and words clear of each other and of the column", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.for(VIEWPORTS)(
    "/model-accuracy at %s: no batch label under a measurement square, in any configuration; the select shows its whole choice",
    async ([, options]) => {
      const page = await openPage(browser, "/model-accuracy", options);
      try {
        const select = page.locator('form:has(label:text-is("Configuration")) select');
        const values = await select.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value));
        expect(values.length).toBeGreaterThan(1);
        const hidden: string[] = [];
        const cut: string[] = [];
        let labelCount = 0;
        for (const value of values) {
          await select.evaluate((s: HTMLSelectElement, v) => {
            s.value = v;
            s.dispatchEvent(new Event("input", {bubbles: true}));
          }, value);
          await waitForRender(page);
          const text = await select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.textContent);
          const found = await labelsUnderSquares(page);
          labelCount += found.labels;
          hidden.push(...found.hidden.map((h) => `${text}: ${h}`));
          // The select's box holds its chosen option's whole text (a native select cut it at 390 px).
          const fit = await select.evaluate((s) => ({scroll: s.scrollWidth, client: s.clientWidth}));
          if (fit.scroll > fit.client + 1) cut.push(`${text}: ${JSON.stringify(fit)}`);
        }
        expect(labelCount, "batch labels drawn").toBeGreaterThan(0);
        expect.soft(hidden).toEqual([]);
        expect.soft(cut).toEqual([]);
        expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      } finally {
        await closePage(page);
      }
    }
  );

  it.for(VIEWPORTS)("/token-economics at %s: the chip chart's labels stay 4 px apart or more", async ([, options]) => {
    const page = await openPage(browser, "/token-economics", options);
    try {
      const labels = await page.$$eval('[data-testid="chart-systems"] g[aria-label="text"] text', (ts) => ts.length);
      expect(labels).toBeGreaterThan(3);
      expect(await crowdedChipLabels(page, 4)).toEqual([]);
    } finally {
      await closePage(page);
    }
  });

  it.for(VIEWPORTS)(
    "/scenarios/asic-9-months at %s: every slider's unit on one line inside the text column; the defaults' summary a block's gap above the next heading",
    async ([, options]) => {
      const page = await openPage(browser, "/scenarios/asic-9-months", options);
      try {
        const past = await page.$$eval(".scenario-control-unit", (units) => {
          const main = document.querySelector("#observablehq-main")!.getBoundingClientRect();
          return units.flatMap((u) => {
            const range = document.createRange();
            range.selectNodeContents(u);
            const over = range.getBoundingClientRect().right - main.right;
            return over > 0.5 ? [`${u.textContent} ${over.toFixed(1)} px past`] : [];
          });
        });
        expect.soft(past).toEqual([]);
        // Each unit on one line: "USD millions" took two in its 4.5 em column, "USD" above "millions".
        const wrapped = await page.$$eval(".scenario-control-unit", (units) =>
          units.flatMap((u) => {
            const range = document.createRange();
            range.selectNodeContents(u);
            const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
            return lines.size > 1 ? [`${u.textContent} on ${lines.size} lines`] : [];
          })
        );
        expect(await page.$$eval(".scenario-control-unit", (units) => units.map((u) => u.textContent))).toContain(
          "USD millions"
        );
        expect.soft(wrapped).toEqual([]);
        const gap = await page.$eval(".scenario-assumptions-wrap details", (details) => {
          let block: Element = details;
          while (!block.nextElementSibling && block.parentElement) block = block.parentElement;
          const next = block.nextElementSibling!;
          return {
            next: next.tagName,
            px: next.getBoundingClientRect().top - (details as Element).getBoundingClientRect().bottom
          };
        });
        expect(gap.next).toBe("H2");
        expect(gap.px).toBeGreaterThanOrEqual(15);
      } finally {
        await closePage(page);
      }
    }
  );
});
