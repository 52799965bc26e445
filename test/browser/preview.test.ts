// The authoring loop in a real browser (issue 12): `token-ledger preview` on a copy of the project, a scenario edited,
// added and broken while a page is open, and the page following without a restart. The copy keeps the repository's
// own data/ untouched; node_modules is a link to the repository's.
import {spawn, type ChildProcess} from "node:child_process";
import {readFileSync, rmSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {closePage, launchBrowser, NO_PROBLEMS, openPage, pageProblems, screenshot} from "./browser.js";
import {copyProject} from "../projectCopy.js";
import {answers, freePort, until} from "../serverProbe.js";

const enabled = inject("browserTestsEnabled");

/** How long an edit may take to reach an open page: the loader re-runs (about 3 s for the site data) and more. */
const UPDATE_TIMEOUT_MS = 30_000;

/** Copies what the site is built from into a fresh folder, with node_modules linked. */
function copySite(): string {
  return copyProject(
    ["bin", "data", "docs", "src", "observablehq.config.ts", "package.json", "tsconfig.json"],
    "token-ledger-preview-"
  );
}

describe.skipIf(!enabled)("preview: edits reach the open page without a restart", () => {
  let browser: Browser;
  let dir: string;
  let preview: ChildProcess;
  let baseUrl: string;
  let log = "";

  beforeAll(async () => {
    dir = copySite();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    preview = spawn(process.execPath, ["bin/token-ledger.js", "preview", "--no-open", "--port", String(port)], {
      cwd: dir,
      stdio: ["ignore", "pipe", "pipe"]
    });
    preview.stdout!.on("data", (chunk) => (log += chunk));
    preview.stderr!.on("data", (chunk) => (log += chunk));
    // The preview answers once Framework listens.
    const started = Date.now();
    for (;;) {
      try {
        if ((await fetch(baseUrl + "/")).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() - started > 30_000) throw new Error(`the preview did not start:\n${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    browser = await launchBrowser();
    // Warm the preview: its first visit to a page compiles it and runs the site-data loader, which on a loaded machine
    // takes longer than a navigation's 30 s; what the tests time is an edit reaching a page already open.
    const warm = await browser.newPage();
    await warm.goto(`${baseUrl}/scenarios/base`, {waitUntil: "load", timeout: 150_000});
    await warm.close();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    preview?.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 500));
    if (dir) rmSync(dir, {recursive: true, force: true});
  });

  const scenarioPath = (id: string) => join(dir, "data/scenarios", `${id}.md`);
  const text = (page: Page, selector: string) => page.locator(selector).first().textContent();
  const kpi = (page: Page, metric: string) => text(page, `.scenario-kpi[data-metric="${metric}"] .big`);

  it(
    "an edited value and sentence show on the open page, timed",
    async () => {
      const page = await openPage(browser, "/scenarios/base", {baseUrl});
      const before = await kpi(page, "chipHourCostUsd");
      const path = scenarioPath("base");
      const original = readFileSync(path, "utf8");
      const edited = original
        .replace(/electricity: [^\n]+/, "electricity: 0.3 USD/kWh")
        .replace("# The base case: every token pays the merchant's margin", "# Edited while the preview ran");
      expect(edited).not.toBe(original);
      const savedAt = Date.now();
      writeFileSync(path, edited);
      await page.waitForFunction(() => document.body.innerText.includes("Edited while the preview ran"), null, {
        timeout: UPDATE_TIMEOUT_MS
      });
      await page.waitForFunction(
        (old) => {
          const value = document.querySelector('.scenario-kpi[data-metric="chipHourCostUsd"] .big')?.textContent;
          return value && value !== old;
        },
        before,
        {timeout: UPDATE_TIMEOUT_MS}
      );
      // Text and numbers agree again: no "recomputing" notice once the site data has caught up with the edit.
      await page.waitForFunction(() => !document.body.innerText.includes("Recomputing the numbers"), null, {
        timeout: UPDATE_TIMEOUT_MS
      });
      const seconds = (Date.now() - savedAt) / 1000;
      console.log(
        `preview: edit to updated page in ${seconds.toFixed(1)} s (${before} → ${await kpi(page, "chipHourCostUsd")})`
      );
      // Electricity up from 0.0826 to 0.3 USD/kWh: the chip-hour costs more, never less.
      expect(Number((await kpi(page, "chipHourCostUsd"))!.replace(/[^0-9.]/g, ""))).toBeGreaterThan(
        Number(before!.replace(/[^0-9.]/g, ""))
      );
      expect((await pageProblems(page)).errorCells).toEqual([]);
      await closePage(page);
    },
    UPDATE_TIMEOUT_MS * 3
  );

  it(
    "an edit to the scenario page's Markdown (docs/components/scenarioPageMarkdown.ts) reaches the page",
    async () => {
      // Framework re-runs a page loader only when the loader file changes; the page's Markdown is printed from a
      // component, which the preview watches and answers by touching the page loaders.
      const file = join(dir, "docs/components/scenarioPageMarkdown.ts");
      const original = readFileSync(file, "utf8");
      expect(original).toContain("## Move the key assumptions");
      writeFileSync(file, original.replace("## Move the key assumptions", "## Move the key assumptions (edited)"));
      try {
        const started = Date.now();
        while (
          !(await (await fetch(baseUrl + "/scenarios/base")).text()).includes("Move the key assumptions (edited)")
        ) {
          if (Date.now() - started > UPDATE_TIMEOUT_MS) throw new Error(`the page kept its old Markdown:\n${log}`);
          await new Promise((r) => setTimeout(r, 300));
        }
        expect(log).toMatch(/docs\/components\/scenarioPageMarkdown\.ts changed: pages reloading/);
      } finally {
        writeFileSync(file, original);
      }
    },
    UPDATE_TIMEOUT_MS * 2
  );

  it(
    "a new scenario file gets a working page; broken, its page lists the located errors and other pages keep working",
    async () => {
      const path = scenarioPath("fresh-idea");
      writeFileSync(
        path,
        "---\ntitle: A fresh idea\nextends: base\nserving:\n  utilization: 0.9\n---\n\nAt {{serving.utilization}} busy, a million tokens costs {{metrics.costPerMillionTokensUsd}}.\n"
      );
      // The navigation lists the new page once the preview has reloaded its config.
      const started = Date.now();
      while (!(await (await fetch(baseUrl + "/scenarios/base")).text()).includes('href="./fresh-idea"')) {
        if (Date.now() - started > UPDATE_TIMEOUT_MS) throw new Error(`no page for the new file:\n${log}`);
        await new Promise((r) => setTimeout(r, 300));
      }
      let page = await openPage(browser, "/scenarios/fresh-idea", {baseUrl});
      await page.waitForSelector('.scenario-kpi[data-metric="costPerMillionTokensUsd"]', {timeout: UPDATE_TIMEOUT_MS});
      expect(await text(page, '[data-live="serving.utilization"]')).toBe("90%");
      expect(await text(page, '[data-live="metrics.costPerMillionTokensUsd"]')).toBe(
        await kpi(page, "costPerMillionTokensUsd")
      );
      expect(await pageProblems(page)).toEqual(NO_PROBLEMS);
      await closePage(page);

      // The front page lists it by its title alone: the file sets no description (an optional key), and the list read
      // "A fresh idea —", a dash before nothing (new-user trial: a child of base written as the reference shows one).
      page = await openPage(browser, "/", {baseUrl});
      const item = page.locator("#observablehq-main li", {has: page.locator('a[href="./scenarios/fresh-idea"]')});
      await item.waitFor({timeout: UPDATE_TIMEOUT_MS});
      expect((await item.textContent())?.trim()).toBe("A fresh idea");
      await closePage(page);

      // Broken: a unit the schema does not know, on line 5.
      writeFileSync(path, readFileSync(path, "utf8").replace("utilization: 0.9", "utilization: 90 percent"));
      page = await openPage(browser, "/scenarios/fresh-idea", {baseUrl});
      await page.waitForSelector("[data-problems]", {timeout: UPDATE_TIMEOUT_MS}).catch(async () => {
        await page.reload();
        await page.waitForSelector("[data-problems]", {timeout: UPDATE_TIMEOUT_MS});
      });
      const problems = await text(page, "[data-problems]");
      expect(problems).toContain("data/scenarios/fresh-idea.md:5:16: serving.utilization: wrong unit");
      expect(problems).toContain("found 90 percent");
      await screenshot(page, "preview-broken-scenario");
      await closePage(page);

      // Other pages keep their numbers and show the banner naming the file.
      for (const other of ["/scenarios/base", "/token-economics"]) {
        const otherPage = await openPage(browser, other, {baseUrl});
        expect(await text(otherPage, "[data-site-problems]"), other).toContain("data/scenarios/fresh-idea.md");
        const found = await pageProblems(otherPage);
        expect(found.errorCells, other).toEqual([]);
        expect(found.pageErrors, other).toEqual([]);
        // The banner is read whole, above the page: its first line in the window, the page's title below it (a banner
        // of several lines ran out of Framework's fixed header and over the title; author trial).
        const banner = (await otherPage.locator("[data-site-problems]").boundingBox())!;
        const title = (await otherPage.locator("#observablehq-main h1").first().boundingBox())!;
        expect(banner.y, other).toBeGreaterThanOrEqual(0);
        expect(title.y, other).toBeGreaterThanOrEqual(banner.y + banner.height);
        await screenshot(otherPage, `preview-banner${other.replace(/\//g, "-")}`);
        await closePage(otherPage);
      }

      // Deleted: the navigation drops it, its address says the file is gone, and the banner goes.
      rmSync(path);
      const gone = Date.now();
      while (!(await (await fetch(baseUrl + "/scenarios/fresh-idea")).text()).includes("data-missing")) {
        if (Date.now() - gone > UPDATE_TIMEOUT_MS) throw new Error(`the deleted file's page stayed:\n${log}`);
        await new Promise((r) => setTimeout(r, 300));
      }
      // The sidebar links sibling pages as ./<id>: base's page lists agent-era and no longer fresh-idea.
      const baseHtml = await (await fetch(baseUrl + "/scenarios/base")).text();
      expect(baseHtml).toContain('href="./agent-era"');
      expect(baseHtml).not.toContain('href="./fresh-idea"');
      page = await openPage(browser, "/scenarios/base", {baseUrl});
      expect(await page.locator("[data-site-problems]").count()).toBe(0);
      await closePage(page);
    },
    UPDATE_TIMEOUT_MS * 6
  );
});

// `kill` of `npm run dev` ended npm and its shell but not the preview, which went on serving with Framework, holding the
// port (new-user trial); a SIGTERM while its first check ran (seconds, when tsx compiles the sources) ended the preview
// and left Framework serving.
describe.skipIf(!enabled)("preview stops with what started it", () => {
  it("stops, Framework with it, when its parent shell is killed, and on SIGTERM at any time", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    // `; true` keeps the shell as the preview's parent (a lone command may be exec'd in its place), as npm's is.
    const shell = spawn(
      "sh",
      ["-c", `"${process.execPath}" bin/token-ledger.js preview --no-open --port ${port}; true`],
      // npm sets npm_lifecycle_event for the script it runs (`npm run dev`): the watch is for npm's scripts alone.
      {stdio: "ignore", env: {...process.env, npm_lifecycle_event: "dev"}}
    );
    expect(await until(() => answers(url), 60_000), "the preview did not start").toBe(true);
    shell.kill("SIGKILL");
    expect(await until(async () => !(await answers(url)), 60_000), "Framework still serves").toBe(true);

    // A SIGTERM a moment after the start, while the first check runs: nothing is left serving.
    const second = await freePort();
    const preview = spawn(process.execPath, ["bin/token-ledger.js", "preview", "--no-open", "--port", String(second)], {
      stdio: "ignore"
    });
    await new Promise((r) => setTimeout(r, 1500));
    preview.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 15_000));
    expect(await answers(`http://127.0.0.1:${second}/`), "Framework still serves after SIGTERM").toBe(false);
  }, 150_000);
});
