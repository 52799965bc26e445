// The front page's chapter cards are "block links" (docs/index.md, story.css): the card is no <a>, its title's link
// covers it, and its glossary terms sit above that cover. A card that was an <a> held the terms' <a>s, which HTML
// forbids. Clicking the card's text opens the chapter; clicking a glossary term opens the glossary.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {closePage, launchBrowser, openPage} from "./browser.js";

const enabled = inject("browserTestsEnabled");

const VIEWPORTS = [
  ["390×844", {viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true}],
  ["1280×800", {viewport: {width: 1280, height: 800}}]
] as const;

describe.skipIf(!enabled)("the front page's chapter cards", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("nest no link in another, each card's title its one link to the chapter", async () => {
    const page = await openPage(browser, "/");
    try {
      expect(await page.$$eval("a a", (as) => as.map((a) => a.outerHTML.slice(0, 80)))).toEqual([]);
      const cards = await page.$$eval(".story-kpi-card", (cards) =>
        cards.map((card) => ({
          tag: card.tagName,
          title: card.querySelector("h2 a")?.getAttribute("href"),
          glossary: card.querySelectorAll("a.glossary-term").length
        }))
      );
      expect(cards.map((c) => c.title)).toEqual([
        "./token-economics",
        "./training-vs-inference",
        "./inference-tax",
        "./custom-silicon",
        "./moat",
        "./flywheel"
      ]);
      expect(cards.every((c) => c.tag === "DIV")).toBe(true);
      // The first card's terms (held-out error, chip-hour): the case the cover must not swallow.
      expect(cards[0]!.glossary).toBeGreaterThan(0);
    } finally {
      await closePage(page);
    }
  });

  it.for(VIEWPORTS)("at %s, a click on a card's text opens its chapter", async ([, options]) => {
    const page = await openPage(browser, "/", options);
    try {
      // The big figure, below the title: part of the card's body, not of its title link. A reader's click there lands
      // on the title's cover (Playwright's click on the figure itself would refuse, as the cover takes it).
      const figure = page.locator('.story-kpi-card [data-testid="index-tax"]');
      await figure.scrollIntoViewIfNeeded();
      const box = (await figure.boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForURL(/\/inference-tax$/);
    } finally {
      await closePage(page);
    }
  });

  it.for(VIEWPORTS)("at %s, a click on a card's glossary term opens the glossary", async ([, options]) => {
    const page = await openPage(browser, "/", options);
    try {
      // Playwright clicks the element's middle and fails if another element (the title's cover) would take the click.
      await page.click('.story-kpi-card a.glossary-term[data-glossary="chip-hour"]');
      await page.waitForURL(/\/glossary#chip-hour$/);
    } finally {
      await closePage(page);
    }
  });

  it("shows keyboard focus on a card's title link", async () => {
    const page = await openPage(browser, "/", {viewport: {width: 1280, height: 800}});
    try {
      const title = page.locator('.story-kpi-card h2 a[href="./token-economics"]');
      await title.focus();
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      const outline = await title.evaluate((a) => {
        const style = getComputedStyle(a);
        return {focused: a.matches(":focus-visible"), width: style.outlineWidth, style: style.outlineStyle};
      });
      expect(outline).toEqual({focused: true, width: "2px", style: "solid"});
    } finally {
      await closePage(page);
    }
  });
});
