// Print styles (docs/components/print.css): in print media, a chapter and a scenario page show no navigation chrome,
// their controls as current values (no slider tracks, no empty number boxes), and every chart inside the paper's
// width; `token-ledger pdf` writes a PDF of a page in its share-link state. (Render the PDF to PNG with pdftoppm to
// look at it: README "Print".)
import {spawnSync} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {REPO_ROOT} from "../projectCopy.js";
import {closePage, launchBrowser, openPage} from "./browser.js";

const enabled = inject("browserTestsEnabled");
/** A4 at 96 CSS px per inch, less 12 mm margins each side. */
const PAPER_WIDTH_PX = Math.floor(((210 - 24) / 25.4) * 96);

describe.skipIf(!enabled)("print", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(["/token-economics?set=serving.utilization%3D0.5", "/scenarios/base"])(
    "%s prints without chrome, with controls as values and charts in the page width",
    async (path) => {
      const page = await openPage(browser, path, {viewport: {width: PAPER_WIDTH_PX, height: 1000}});
      try {
        await page.emulateMedia({media: "print"});
        const printed = await page.evaluate(() => {
          const visible = (element: Element) =>
            getComputedStyle(element).display !== "none" && (element as HTMLElement).offsetParent !== null;
          return {
            sidebar: [
              ...document.querySelectorAll("#observablehq-sidebar, #observablehq-toc, .observablehq-pager")
            ].filter(visible).length,
            sliders: [...document.querySelectorAll("input[type=range]")].filter(visible).length,
            numbers: [...document.querySelectorAll<HTMLInputElement>("input[type=number]")]
              .filter(visible)
              .map((i) => i.value),
            chartWidths: [...document.querySelectorAll("svg[class*='plot-']")]
              .filter(visible)
              .map((svg) => svg.getBoundingClientRect().right),
            bodyWidth: document.documentElement.clientWidth
          };
        });
        expect(printed.sidebar).toBe(0);
        expect(printed.sliders).toBe(0);
        expect(printed.numbers.length).toBeGreaterThan(0);
        expect(printed.numbers.filter((value) => value.trim() === "")).toEqual([]);
        expect(printed.chartWidths.length).toBeGreaterThan(0);
        for (const right of printed.chartWidths) expect(right).toBeLessThanOrEqual(printed.bodyWidth + 1);
        if (path.includes("utilization")) expect(printed.numbers).toContain("50");
      } finally {
        await closePage(page);
      }
    }
  );

  it("token-ledger pdf writes a PDF of a page, and refuses a page the site does not have", () => {
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-pdf-"));
    try {
      const bin = join(REPO_ROOT, "bin/token-ledger.js");
      const out = join(dir, "chapter.pdf");
      const ok = spawnSync(process.execPath, [bin, "pdf", "/token-economics", "--out", out], {
        cwd: REPO_ROOT,
        encoding: "utf8"
      });
      expect(ok.status, ok.stderr).toBe(0);
      expect(readFileSync(out).subarray(0, 5).toString()).toBe("%PDF-");
      // A trailing slash names the same page (it waited 30 s and printed a stack trace; breaker).
      const slash = spawnSync(process.execPath, [bin, "pdf", "/token-economics/", "--out", out], {
        cwd: REPO_ROOT,
        encoding: "utf8"
      });
      expect(slash.status, slash.stderr).toBe(0);
      // /compare reads its link's scenario= (it marks the document as a page that reads its link): printed with it.
      const compared = spawnSync(
        process.execPath,
        [bin, "pdf", "/compare?scenario=base&scenario=agent-era", "--out", out],
        {cwd: REPO_ROOT, encoding: "utf8"}
      );
      expect(compared.status, compared.stderr).toBe(0);
      const missing = join(dir, "missing.pdf");
      const bad = spawnSync(process.execPath, [bin, "pdf", "/no-such-page", "--out", missing], {
        cwd: REPO_ROOT,
        encoding: "utf8"
      });
      expect(bad.status).toBe(1);
      expect(bad.stderr.trim().split("\n")).toHaveLength(1);
      expect(bad.stderr).toContain("PAGE: no such page in the built site");
      expect(() => readFileSync(missing)).toThrow();
      // A link the page does not apply as given, another site's address and a chromium that does not start are each
      // one line at their flag, and no file (breaker: the first two wrote a PDF and exited 0, the last a stack trace).
      for (const [args, message] of [
        [["/token-economics?set=serving.utilization%3D5%20USD"], "PAGE: the page did not apply the link as given"],
        // /compare's scenario= is an id, not a key: the message says so (it pointed at the scenario file reference).
        [["/compare?scenario=nonexistent"], "expected the ids of the site's scenarios"],
        [["http://evil.example/token-economics"], "PAGE: a page of another site"],
        [["//evil.example/token-economics"], "PAGE: a page of another site"],
        [["/index?set=serving.utilization%3D0.5"], "PAGE: this page takes no settings"],
        // Any parameter on such a page, not only set= (it printed /model-accuracy?chip=foo, ignoring it; breaker).
        [["/model-accuracy?chip=foo"], "PAGE: this page takes no settings"],
        [["/token-economics", "--chromium", "/bin/false"], "--chromium: chromium did not start"]
      ] as const) {
        const refused = spawnSync(process.execPath, [bin, "pdf", ...args, "--out", missing], {
          cwd: REPO_ROOT,
          encoding: "utf8"
        });
        expect(refused.status, refused.stderr).toBe(1);
        expect(refused.stderr.trim().split("\n"), refused.stderr).toHaveLength(1);
        expect(refused.stderr).toContain(message);
        expect(() => readFileSync(missing)).toThrow();
      }
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
