import {existsSync, statSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {UserError} from "../../errors/userError.js";
import {atomicPaths, checkOutputFolder, folderOutputError, writeFileAtomic} from "../writeTable.js";
import {noteSiteOutput} from "../paths.js";
import {serveSite} from "./serve.js";

/** Debian's chromium: the one browser this uses (never a downloaded build). */
export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/** Flags that keep a headless chromium from phoning home (and from failing on a closed network). */
export const CHROMIUM_ARGS: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];

/**
 * Cells still rendering: Framework's placeholders, pending cells, a scenario page's running Monte Carlo, a chart being
 * redrawn as it came into view (docs/components/nearViewport.ts).
 */
const PENDING =
  "observablehq-loading, .observablehq--loading, .observablehq--running, body[data-scenario-running], body[data-redrawing]";

export interface PagePdfOptions {
  /** The built site (default "dist"). */
  site?: string;
  /** Where to write the PDF (default: the page's name, e.g. `report.pdf`). Written whole or not at all. */
  out?: string;
  /** The browser (default /usr/bin/chromium, or TOKEN_LEDGER_CHROMIUM). */
  chromium?: string;
  /** Paper size as chromium names it (default "A4"). */
  format?: string;
  /** How long the page may take to render, ms (default 30 000). */
  timeoutMs?: number;
}

/**
 * Prints a page of a built site to PDF in chromium with the site's print styles: the page as a share link leaves it
 * (`/scenarios/base?set=serving.utilization%3D0.7` applies that setting), rendered until no cell is pending. Serves
 * the site on a free loopback port for the time it takes; requests to any other host are refused.
 *
 * @param page A route of the site with its query (`/report`, `scenarios/base?set=…`), or a full share link whose
 *   path and query are used.
 * @returns The PDF's path.
 * @throws UserError when the site is not built, the route is not a page of it, chromium or playwright-core is
 *   missing, or the page shows an error cell.
 */
export async function printPagePdf(page: string, options: PagePdfOptions = {}): Promise<string> {
  const site = options.site ?? "dist";
  const chromiumPath = options.chromium ?? process.env.TOKEN_LEDGER_CHROMIUM ?? DEFAULT_CHROMIUM;
  const route = routeOf(page);
  const out = resolve(options.out ?? `${route.pathname.split("/").filter(Boolean).pop() ?? "index"}.pdf`);
  // The site read is output no --out may write into (atomicPaths), as the package's and the project's dist/ are.
  noteSiteOutput(site);
  checkOutPath(out);
  if (!existsSync(join(resolve(site), "index.html"))) {
    throw new UserError({
      flag: "--site",
      message: "no built site here",
      expected: "a folder with index.html (run `npm run build` first)",
      found: site
    });
  }
  if (!existsSync(chromiumPath)) {
    throw new UserError({
      flag: "--chromium",
      message: "no chromium",
      expected: "Debian's chromium (apt-get install chromium)",
      found: chromiumPath
    });
  }
  let playwright: typeof import("playwright-core");
  try {
    playwright = await import("playwright-core");
  } catch {
    throw new UserError({
      message: "playwright-core is not installed",
      expected: "the package playwright-core (npm install playwright-core; it downloads no browser)",
      found: "no playwright-core"
    });
  }
  // A file that is there but is no working chromium (`--chromium /bin/false`) fails to launch: say so at the flag
  // (playwright's error and its call log were printed as a stack trace; breaker).
  let browser: import("playwright-core").Browser;
  try {
    browser = await playwright.chromium.launch({executablePath: chromiumPath, args: [...CHROMIUM_ARGS]});
  } catch (error) {
    throw new UserError({
      flag: "--chromium",
      message: "chromium did not start",
      expected: "a working chromium (Debian's: apt-get install chromium)",
      found: `${chromiumPath} (${String((error as Error).message ?? error)
        .split("\n")[0]!
        .slice(0, 200)})`
    });
  }
  const server = await serveSite(site);
  try {
    const context = await browser.newContext({viewport: {width: 1100, height: 1400}});
    await context.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (request) => request.abort());
    const tab = await context.newPage();
    const response = await tab.goto(`${server.url}${route.pathname}${route.search}`, {waitUntil: "networkidle"});
    if (!response || response.status() >= 400) {
      throw new UserError({
        flag: "PAGE",
        message: "no such page in the built site",
        expected: `a route of ${site}, e.g. /index or /scenarios/<id>`,
        found: page
      });
    }
    const timeoutMs = options.timeoutMs ?? 30_000;
    try {
      await tab.waitForFunction((selector) => !document.querySelector(selector), PENDING, {timeout: timeoutMs});
    } catch (error) {
      if (!(error instanceof Error && error.name === "TimeoutError")) throw error;
      // A page that never settles is one line, not playwright's stack trace (breaker).
      throw new UserError({
        flag: "PAGE",
        message: "the page did not finish rendering",
        expected: `a page of the built site that renders within ${timeoutMs / 1000} s`,
        found: page
      });
    }
    const errorCell = await tab.evaluate(() => document.querySelector(".observablehq--error")?.textContent ?? null);
    if (errorCell !== null) {
      throw new UserError({
        flag: "PAGE",
        message: "the page shows an error",
        expected: "a page that renders",
        found: errorCell
      });
    }
    // A link's setting the page ignored (an unknown key, a wrong unit) or could not run: the PDF would show the page
    // without it, and the command was asked for it (it wrote that PDF and exited 0; breaker).
    // Each notice item carries its setting and why (scenarioNotice.ts): the settings are what was found, the reasons
    // the hint (a reason cut at the found value's 80 characters lost its expected range; breaker).
    const ignored = await tab.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("[data-notice] li[data-set]")].map((item) => ({
        set: item.dataset.set ?? "",
        reason: item.dataset.reason ?? ""
      }))
    );
    if (ignored.length) {
      throw new UserError({
        flag: "PAGE",
        message: "the page did not apply the link as given",
        // /compare's scenario= names a scenario, not a key (it was told of "the scenario file reference"; breaker).
        expected: /(^|\/)compare$/.test(route.pathname)
          ? "the ids of the site's scenarios (its navigation lists them under Scenarios)"
          : "settings the page accepts (the scenario file reference lists each key's unit and range)",
        found: ignored.map((item) => item.set).join(" "),
        hint: ignored.map((item) => item.reason).join("; ")
      });
    }
    // A page that does not read its link would print without what it asks (the front page, /reference): any
    // parameter, not only set= (`/model-accuracy?chip=foo` printed, ignoring it; breaker). A page that reads its link
    // marks the document (urlState.ts applyShareSets; /compare, which reads scenario=) and lists what it did not apply,
    // refused above.
    const parameters = [...new URLSearchParams(route.search).keys()];
    if (
      parameters.length &&
      !(await tab.evaluate(() => document.documentElement.hasAttribute("data-reads-settings")))
    ) {
      throw new UserError({
        flag: "PAGE",
        message: "this page takes no settings",
        expected:
          "a link with no parameters here; set= only on a page that reads them (a chapter, a scenario page, a " +
          "report page that loads a story)",
        found: page
      });
    }
    await tab.emulateMedia({media: "print"});
    const bytes = await tab.pdf({
      format: options.format ?? "A4",
      printBackground: true,
      margin: {top: "12mm", bottom: "12mm", left: "12mm", right: "12mm"}
    });
    // Whole or not at all, and a write error is a UserError naming --out and the path (writeTable.ts).
    writeFileAtomic(out, bytes);
    return out;
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * Checks, before the page is served and rendered, that `out` can be a file: its folder exists and is a folder, and
 * `out` is not itself a folder, nor a device or a named pipe (atomicPaths). Anything else that keeps the file from being written (permissions, a full disk) is
 * reported by writeFileAtomic at the end.
 */
export function checkOutPath(out: string): void {
  const folder = dirname(out);
  const fail = (message: string, expected: string) => {
    throw new UserError({flag: "--out", message, expected, found: out});
  };
  checkOutputFolder(out);
  // Under a file (`/etc/passwd/a/x.pdf`: ENOTDIR, which checkOutputFolder leaves to its caller), or a file itself.
  if (!existsSync(folder)) fail("no such folder (a file stands on its path)", "a file in an existing folder");
  if (!statSync(folder).isDirectory()) fail(`${folder} is a file, not a folder`, "a file in an existing folder");
  const asFolder = folderOutputError(out, {flag: "--out", endings: [".pdf"], name: "report.pdf"});
  if (asFolder) throw asFolder;
  // A device or a named pipe (or a link to one), which writing would replace: said now, not after the rendering.
  atomicPaths(out);
}

/** The path and query of a route or a share link; a route without a leading slash gets one. */
function routeOf(page: string): URL {
  // An empty route read as "/": the front page was printed for `pdf ''` (breaker).
  if (page.trim() === "") {
    throw new UserError({
      flag: "PAGE",
      message: "empty",
      expected: "a route such as /report, or / for the front page",
      found: page
    });
  }
  let url: URL;
  try {
    url = /^https?:\/\//.test(page) ? new URL(page) : new URL(page.startsWith("/") ? page : `/${page}`, "http://x");
  } catch {
    throw new UserError({flag: "PAGE", message: "not a page route", expected: "a route such as /report", found: page});
  }
  // A link copied from the preview or a served site is a route of this site; another host's is not (it was printed
  // from this site, the host ignored; breaker), nor one without a scheme ("//evil.com/x").
  if ((/^https?:\/\//.test(page) && !LOCAL_HOSTS.has(url.hostname)) || page.startsWith("//")) {
    throw new UserError({
      flag: "PAGE",
      message: "a page of another site",
      expected: "a route of the built site (/token-economics), or a link to it on 127.0.0.1 or localhost",
      found: page
    });
  }
  // "/token-economics/" is the page "/token-economics" (the folder's index does not exist, and the page never rendered).
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, "") || "/";
  return url;
}

/** Hosts a link to this site's own pages may name (the preview's and `serve`'s). */
const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);
