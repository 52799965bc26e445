// Helpers that drive Debian's chromium through playwright-core against the built site served by globalSetup.ts.
import {mkdirSync} from "node:fs";
import {CHROMIUM_ARGS, DEFAULT_CHROMIUM} from "../../src/node/site/pdf.js";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {chromium, type Browser, type BrowserContextOptions, type Page} from "playwright-core";
import {inject} from "vitest";

/** Debian's chromium; the tests never download a browser build. */
export const CHROMIUM_PATH = DEFAULT_CHROMIUM;

/** Where screenshot() writes; the folder is gitignored. */
export const SCREENSHOT_DIR = fileURLToPath(new URL("./screenshots/", import.meta.url));

/**
 * How long a page may take to finish rendering, ms. pages.test opens four pages at once in one chromium: on a quiet
 * 2-core machine the wait for network idle after `load` reached 11–14 s for the chapters and scenario pages (each loads
 * about 300 library modules, and its Monte Carlo worker the same again), and on CI's machine one passed 20 s (session
 * 46). A page alone is idle 2.7 s after it is asked for; the latency benches, not this wait, hold pages to their budget.
 */
const RENDER_TIMEOUT_MS = 40_000;

/** Cells Framework has not rendered yet: the inline placeholder and cells whose promise is pending. */
// body[data-scenario-running]: a scenario page's Monte Carlo is still running in its worker (scenarioRunner.ts);
// body[data-redrawing]: a chart scrolled into view is being redrawn (nearViewport.ts); body[data-share-pending]: the
// address bar is yet to hold the page's latest state (urlState.ts writeShareState).
const PENDING_SELECTOR =
  "observablehq-loading, .observablehq--loading, .observablehq--running, body[data-scenario-running], body[data-redrawing], body[data-share-pending]";

/** What a page did wrong while it loaded and rendered. Every list is empty on a healthy page. */
export interface PageProblems {
  /** Text of cells Framework rendered as errors, and of any element showing "RuntimeError" or "SyntaxError". */
  errorCells: string[];
  /** console.error messages. */
  consoleErrors: string[];
  /** Observable Plot's warnings (console.warn "Warning: …"), which Plot also draws as a ⚠ in the chart's corner. */
  plotWarnings: string[];
  /** Uncaught exceptions and unhandled rejections. */
  pageErrors: string[];
  /** Requests to 127.0.0.1 that failed or answered with status 400 or more. */
  failedRequests: string[];
  /** Requests to any other host (all aborted). */
  externalRequests: string[];
  /** Cells still loading when the render timeout ran out. */
  stillLoading: string[];
}

/** Records of one open page, filled by listeners from the moment the page opens. */
type Records = Omit<PageProblems, "errorCells">;
const records = new WeakMap<Page, Records>();
/** Per page: which document (counted by main-frame navigations) is current, and the aborted requests of each. */
const navigations = new WeakMap<
  Page,
  {current: number; aborted: {line: string; document: number}[]; of: WeakMap<object, number>}
>();

export interface OpenPageOptions extends Pick<BrowserContextOptions, "viewport" | "isMobile" | "hasTouch"> {
  /** Emulated prefers-color-scheme; default light. */
  colorScheme?: "light" | "dark";
  /** Base URL of the site; default the one globalSetup provides. */
  baseUrl?: string;
}

/** Launches Debian's chromium headless, with everything that would phone home switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS]
  });
}

/**
 * Opens `path` (e.g. "/" or "/scenarios/base") in a fresh browser context and waits until Framework has rendered
 * it: network idle and no cell still loading. Requests to hosts other than 127.0.0.1 are aborted and recorded.
 * Close it with closePage().
 */
export async function openPage(browser: Browser, path: string, options: OpenPageOptions = {}): Promise<Page> {
  const {colorScheme = "light", baseUrl = inject("baseUrl"), ...contextOptions} = options;
  const context = await browser.newContext({...contextOptions, colorScheme});
  const record: Records = {
    consoleErrors: [],
    plotWarnings: [],
    pageErrors: [],
    failedRequests: [],
    externalRequests: [],
    stillLoading: []
  };
  await context.route(
    (url) => isExternal(url.href),
    (route) => {
      record.externalRequests.push(`${route.request().method()} ${route.request().url()}`);
      return route.abort("blockedbyclient");
    }
  );
  const page = await context.newPage();
  records.set(page, record);
  page.on("console", (message) => {
    if (message.type() === "error") record.consoleErrors.push(message.text());
    if (message.type() === "warning" && message.text().startsWith("Warning: "))
      record.plotWarnings.push(message.text());
  });
  page.on("pageerror", (error) => record.pageErrors.push(String(error.stack ?? error)));
  // A request the page's own next navigation cut short (a test going to another address while the page it leaves
  // still loads, e.g. its Monte Carlo worker warming up) is not a failure of either page: each request is tagged with
  // the document that made it, and pageProblems leaves out the aborted ones of documents since navigated away from.
  const documents = {current: 0, aborted: [] as {line: string; document: number}[], of: new WeakMap<object, number>()};
  navigations.set(page, documents);
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) documents.current += 1;
  });
  page.on("request", (request) => documents.of.set(request, documents.current));
  page.on("requestfailed", (request) => {
    if (isExternal(request.url())) return;
    const line = `${request.url()}: ${request.failure()?.errorText}`;
    if (request.failure()?.errorText === "net::ERR_ABORTED") {
      documents.aborted.push({line, document: documents.of.get(request) ?? documents.current});
    } else record.failedRequests.push(line);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) record.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  await page.goto(new URL(path, baseUrl + "/").href, {waitUntil: "load"});
  await waitForRender(page);
  return page;
}

/** Waits for network idle, for every Framework cell to settle, for web fonts, and for two frames to paint. */
export async function waitForRender(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle", {timeout: RENDER_TIMEOUT_MS});
  try {
    await page.waitForFunction((selector) => !document.querySelector(selector), PENDING_SELECTOR, {
      timeout: RENDER_TIMEOUT_MS,
      polling: "raf"
    });
  } catch {
    const pending = await page.$$eval(PENDING_SELECTOR, (nodes) =>
      nodes.map((node) => node.parentElement?.outerHTML.slice(0, 200) ?? node.outerHTML)
    );
    records.get(page)?.stillLoading.push(...pending);
  }
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame)));
  });
}

/** Everything that went wrong on the page so far; see PageProblems. */
export async function pageProblems(page: Page): Promise<PageProblems> {
  const record = records.get(page);
  if (!record) throw new Error("pageProblems: the page was not opened with openPage()");
  const errorCells = await page.$$eval(".observablehq--error", (nodes) =>
    nodes.map((node) => (node.textContent ?? "").trim())
  );
  const bodyText = await page.evaluate(() => document.body.innerText);
  for (const line of bodyText.split("\n")) {
    if (/\b(RuntimeError|SyntaxError)\b/.test(line) && !errorCells.some((cell) => cell.includes(line.trim()))) {
      errorCells.push(line.trim());
    }
  }
  const documents = navigations.get(page)!;
  const aborted = documents.aborted.filter((a) => a.document >= documents.current).map((a) => a.line);
  const problems = structuredClone(record);
  return {errorCells, ...problems, failedRequests: [...problems.failedRequests, ...aborted]};
}

/** A PageProblems with nothing in it, to compare against. */
export const NO_PROBLEMS: PageProblems = {
  errorCells: [],
  consoleErrors: [],
  plotWarnings: [],
  pageErrors: [],
  failedRequests: [],
  externalRequests: [],
  stillLoading: []
};

/** Saves a full-page PNG as test/browser/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, {recursive: true});
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({path, fullPage: true, animations: "disabled"});
  return path;
}

/** Closes the page and its browser context. */
export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

function isExternal(href: string): boolean {
  const url = new URL(href);
  if (url.protocol !== "http:" && url.protocol !== "https:" && url.protocol !== "ws:" && url.protocol !== "wss:") {
    return false; // data:, blob:, about:
  }
  return url.hostname !== "127.0.0.1";
}
