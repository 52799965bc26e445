// Every built page loads in a real browser without errors or requests to other hosts, at desktop and phone widths, in
// light and dark; full-page screenshots land in test/browser/screenshots/ for a person to look at.
import {readFileSync} from "node:fs";
import {relative} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems, screenshot, waitForRender} from "./browser.js";
import {listPages, walk} from "./site.js";

const enabled = inject("browserTestsEnabled");
const distDir = inject("distDir");
const pages = enabled ? listPages(distDir) : [];

const VIEWPORTS = [
  {name: "desktop", viewport: {width: 1280, height: 800}, isMobile: false},
  {name: "phone", viewport: {width: 390, height: 844}, isMobile: true, hasTouch: true}
];

describe.skipIf(!enabled)("built site", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("has a front page", () => {
    expect(pages).toContain("/");
  });

  const cases = pages.flatMap((path) => VIEWPORTS.map((viewport) => ({path, ...viewport})));
  it.concurrent.for(cases)("$path renders cleanly at $name width, light and dark", async (c, {expect}) => {
    const {path, name, ...options} = c;
    const page = await openPage(browser, path, options);
    try {
      const slug = path === "/" ? "index" : path.replace(/^\/|\/$/g, "").replaceAll("/", "--");
      await screenshot(page, `${slug}.${name}.light`); // before asserting, so a failing page leaves a picture
      expect(await pageProblems(page), `problems on ${path} (light)`).toEqual(NO_PROBLEMS);
      await page.emulateMedia({colorScheme: "dark"}); // cells that read Framework's `dark` rerun
      await waitForRender(page);
      await screenshot(page, `${slug}.${name}.dark`);
      expect(await pageProblems(page), `problems on ${path} (dark)`).toEqual(NO_PROBLEMS);
    } finally {
      await closePage(page);
    }
  });

  it("answers an address with no page by the 404 page, which names it and offers the page it is close to", async () => {
    // A mistyped or outdated link said only "not found" (serve's bare text; a static host shows the site's 404.html).
    const page = await openPage(browser, "/scenarios/bsae");
    try {
      const text = (await page.locator(".not-found").innerText()).replace(/\s+/g, " ");
      expect(text).toMatch(
        /^There is no page at \/scenarios\/bsae: no scenario has the id bsae\. Did you mean .+ \(\/scenarios\/base\)\?$/
      );
      // Only the address asked failed; the page itself (its styles, scripts, the sidebar) loaded.
      const problems = await pageProblems(page);
      expect(problems.failedRequests.map((line) => line.replace(/^https?:\/\/[^/]+/, ""))).toEqual([
        "/scenarios/bsae: HTTP 404"
      ]);
      expect({...problems, failedRequests: [], consoleErrors: []}).toEqual(NO_PROBLEMS);
      await page
        .getByRole("link", {name: /Base case/})
        .last()
        .click();
      await page.waitForURL(/\/scenarios\/base$/);
    } finally {
      await closePage(page);
    }
    // A long address wraps on a phone instead of scrolling the page sideways (second-round breaker: 25,331 px wide).
    const phone = await openPage(browser, `/${"a".repeat(3000)}`, {viewport: {width: 390, height: 844}});
    try {
      await phone.locator(".not-found").waitFor();
      const {scroll, client} = await phone.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth
      }));
      expect(scroll).toBeLessThanOrEqual(client);
    } finally {
      await closePage(phone);
    }
  });

  it("references no web fonts or CDNs", () => {
    const forbidden = [
      /fonts\.googleapis|fonts\.gstatic|cdn\.jsdelivr|unpkg\.com|esm\.sh|cdnjs\.cloudflare/,
      /\bnpm:/,
      // a resource (not a link a reader follows) fetched from another host
      /<(?:link|script|img|iframe|source|video|audio)\b[^>]*\b(?:src|href)=["']?(?:https?:)?\/\//i,
      /@import\s+(?:url\()?["']?(?:https?:)?\/\/|url\(["']?(?:https?:)?\/\//i,
      /\bimport\s*\(?\s*["'](?:https?:)?\/\//
    ];
    const hits: string[] = [];
    for (const file of walk(distDir).filter((f) => /\.(html|js|css|json)$/.test(f))) {
      const text = readFileSync(file, "utf8");
      for (const pattern of forbidden) {
        const match = pattern.exec(text);
        if (match)
          hits.push(`${relative(distDir, file)}: …${text.slice(Math.max(0, match.index - 40), match.index + 80)}…`);
      }
    }
    expect(hits).toEqual([]);
  });
});
