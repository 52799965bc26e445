// Looks that screenshots alone checked so far: /model-accuracy's measurements table takes most of a screen and
// scrolls inside it, and a glossary term in body text reads as a link (a solid 2 px underline in the links' colour, set
// off from the letters; the words turn the links' colour on hover). Each check is also run with the styles removed in
// the page, where it must fail, so that it cannot pass whatever the page looks like.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems, waitForRender} from "./browser.js";

const enabled = inject("browserTestsEnabled");

/** The measurements table's scrolling box (Inputs.table's form) and the viewport's height, px. */
async function tableBox(page: Page) {
  return page.$eval('[data-testid="measurement-table"] form', (form) => ({
    height: form.getBoundingClientRect().height,
    scrollHeight: form.scrollHeight,
    clientHeight: form.clientHeight,
    viewportHeight: window.innerHeight
  }));
}

/** "At most ¾ of the viewport tall, and most of it (20 rows of 22 px, Inputs' own cap, were too few), scrolling inside." */
function tableFits(box: Awaited<ReturnType<typeof tableBox>>): boolean {
  return (
    box.height <= box.viewportHeight * 0.75 + 1 &&
    box.height >= box.viewportHeight * 0.6 &&
    box.scrollHeight > box.clientHeight
  );
}

/** The computed look of the first glossary term in the page's body text, at rest. */
async function termLook(page: Page, selector: string) {
  return page.$eval(selector, (a) => {
    const style = getComputedStyle(a);
    // The links' colour, as the theme sets it for a body link (Framework's a[href]).
    const probe = document.createElement("a");
    probe.href = "#";
    probe.textContent = "probe";
    a.parentElement!.append(probe);
    const linkColor = getComputedStyle(probe).color;
    probe.remove();
    return {
      line: style.textDecorationLine,
      style: style.textDecorationStyle,
      thickness: style.textDecorationThickness,
      decorationColor: style.textDecorationColor,
      offsetPx: parseFloat(style.textUnderlineOffset),
      color: style.color,
      parentColor: getComputedStyle(a.parentElement!).color,
      linkColor
    };
  });
}

describe.skipIf(!enabled)("reading styles", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.for([
    ["1280×800", {viewport: {width: 1280, height: 800}}],
    ["1280×1000", {viewport: {width: 1280, height: 1000}}],
    ["390×844", {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true}]
  ] as const)(
    "keeps /model-accuracy's measurements table to at most ¾ of a %s viewport, scrolling inside to its last row",
    async ([, options]) => {
      const page = await openPage(browser, "/model-accuracy", options);
      try {
        // Every compared measurement is a row the reader can scroll to: at 1280×900 and taller Inputs.table stopped
        // adding rows at 40 of 174 (its 1.5 × 20 rows never came within reach of a 75vh box; new-user trial).
        const rows = await page.evaluate(async () => {
          const entry = performance.getEntriesByType("resource").find((e) => /\/data\/calibration\./.test(e.name));
          return ((await (await fetch(entry!.name)).json()) as {report: {rows: unknown[]}}).report.rows.length;
        });
        await page.$eval('[data-testid="measurement-table"] form', (form) => form.scrollTo(0, form.scrollHeight));
        await page.waitForTimeout(300);
        await page.$eval('[data-testid="measurement-table"] form', (form) => form.scrollTo(0, form.scrollHeight));
        expect(await page.$$eval('[data-testid="measurement-table"] tbody tr', (trs) => trs.length)).toBe(rows);
        const box = await tableBox(page);
        expect(box.height, JSON.stringify(box)).toBeLessThanOrEqual(box.viewportHeight * 0.75 + 1);
        expect(box.height, JSON.stringify(box)).toBeGreaterThanOrEqual(box.viewportHeight * 0.6);
        expect(box.scrollHeight, "the table scrolls inside its box").toBeGreaterThan(box.clientHeight);
        expect(tableFits(box)).toBe(true);
        // Without the page's maxHeight ("75vh") Inputs caps the table at 20 rows (461 px), and without any cap it runs
        // the page's length: the check fails either way.
        await page.$eval('[data-testid="measurement-table"] form', (form) => {
          (form as HTMLElement).style.maxHeight = `${21 * 22 - 1}px`;
        });
        expect(tableFits(await tableBox(page))).toBe(false);
        await page.$eval('[data-testid="measurement-table"] form', (form) => {
          (form as HTMLElement).style.maxHeight = "";
        });
        expect(tableFits(await tableBox(page))).toBe(false);
        expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      } finally {
        await closePage(page);
      }
    }
  );

  it("underlines a glossary term in /token-economics' body text solid, 2 px, in the links' colour, set off from the letters, and turns it the links' colour on hover", async () => {
    const page = await openPage(browser, "/token-economics", {viewport: {width: 1280, height: 900}});
    try {
      const term = "#observablehq-main p a.glossary-term";
      expect(await page.$$eval(term, (as) => as.length)).toBeGreaterThan(0);
      const look = await termLook(page, term);
      expect(look.linkColor).not.toBe(look.parentColor); // the probe reads the theme's link blue
      expect(look.line).toBe("underline");
      expect(look.style).toBe("solid");
      expect(look.thickness).toBe("2px");
      expect(look.decorationColor).toBe(look.linkColor);
      expect(look.offsetPx).toBeGreaterThanOrEqual(2);
      // At rest the words keep the sentence's colour (a headline or sentence keeps its look).
      expect(look.color).toBe(look.parentColor);
      const first = page.locator(term).first();
      await first.scrollIntoViewIfNeeded();
      await first.hover();
      await expect.poll(() => first.evaluate((a) => getComputedStyle(a).color)).toBe(look.linkColor);
      await page.mouse.move(0, 0);
      await expect.poll(() => first.evaluate((a) => getComputedStyle(a).color)).toBe(look.parentColor);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);

      // The same reading without the term's styles (glossaryTerm.ts: the inline style and the hover rule) fails each
      // check: Framework's plain link has no 2 px solid underline in the links' colour, set off, at rest.
      await page.$$eval(term, (as) => as.forEach((a) => a.removeAttribute("style")));
      await page.$$eval("style[data-glossary-term]", (styles) => styles.forEach((s) => s.remove()));
      const bare = await termLook(page, term);
      expect(bare.thickness).not.toBe("2px");
      expect(bare.color).not.toBe(bare.parentColor);
      expect(
        bare.line === "underline" &&
          bare.style === "solid" &&
          bare.decorationColor === bare.linkColor &&
          bare.offsetPx >= 2
      ).toBe(false);
      // With the inline style but not the hover rule, hovering leaves the words in the sentence's colour.
      await page.reload();
      await waitForRender(page);
      await page.$$eval("style[data-glossary-term]", (styles) => styles.forEach((s) => s.remove()));
      const again = page.locator(term).first();
      await again.scrollIntoViewIfNeeded();
      await again.hover();
      expect(await again.evaluate((a) => getComputedStyle(a).color)).not.toBe(look.linkColor);
    } finally {
      await closePage(page);
    }
  });

  it("shows a scenario narrative's Markdown link to the glossary as a glossary term, and it lands on the entry", async () => {
    const page = await openPage(browser, "/scenarios/deepseek-one-day", {viewport: {width: 1280, height: 900}});
    try {
      const term = '.scenario-narrative a[href*="glossary#expert-all-to-all"]';
      const look = await termLook(page, term);
      expect(look.linkColor).not.toBe(look.parentColor);
      expect([look.line, look.style, look.thickness]).toEqual(["underline", "solid", "2px"]);
      expect(look.decorationColor).toBe(look.linkColor);
      expect(look.offsetPx).toBeGreaterThanOrEqual(2);
      expect(look.color).toBe(look.parentColor);
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      // Without scenarioStyle.css's rule for such links it reads as Framework's plain link.
      await page.evaluate(() => {
        for (const sheet of [...document.styleSheets]) {
          const rules = [...sheet.cssRules];
          for (let i = rules.length - 1; i >= 0; i--)
            if ((rules[i] as CSSStyleRule).selectorText?.includes("glossary#")) sheet.deleteRule(i);
        }
      });
      const bare = await termLook(page, term);
      expect(bare.thickness === "2px" && bare.color === bare.parentColor).toBe(false);
      await page.reload();
      await waitForRender(page);
      await page.locator(term).first().click();
      await page.waitForURL(/\/glossary#expert-all-to-all$/);
      expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("expert-all-to-all");
    } finally {
      await closePage(page);
    }
  });
});
