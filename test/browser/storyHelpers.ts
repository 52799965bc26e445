// Helpers the story-page browser tests share: read a headline, a chart, a control; move a control.
import type {Page} from "playwright-core";
import {waitForRender} from "./browser.js";
import type {SiteData} from "../../src/node/siteData.js";
import type {ScenarioMetricName} from "../../src/scenario/evaluate/metrics.js";
import {reportMedian} from "../../src/scenario/run/reportFormat.js";
import {DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED} from "../../src/scenario/run/runScenario.js";
import {runScenarioMessage} from "../../docs/components/scenarioRun.js";
import {parseShareQuery, SHARE_FLAG} from "../../docs/components/urlState.js";

/** The headline's number as the page holds it (data-value); null when empty (the event does not happen). */
export async function headline(page: Page): Promise<number | null> {
  const raw = await page.$eval('[data-testid="headline"]', (el) => (el as HTMLElement).dataset.value ?? "");
  return raw === "" ? null : Number(raw);
}

/**
 * The headline's number once the page's draws have answered (data-basis "median"): read before, a moved chapter's
 * headline is the one run at the medians, and a page read a moment later holds the median (the share test read one
 * page pending and its link's page settled). Throws when the draws have not answered within `timeoutMs`.
 */
export async function settledHeadline(page: Page, timeoutMs = 30_000): Promise<number | null> {
  await page.waitForSelector('[data-testid="headline"][data-basis="median"]', {timeout: timeoutMs});
  return headline(page);
}

/** The SVG of a chart card, to tell whether it changed. */
export function chartSvg(page: Page, testid: string): Promise<string> {
  return page.$eval(`[data-testid="${testid}"] svg[viewBox]`, (svg) => svg.outerHTML);
}

/** Sets an input as a reader would (value, then an "input" event) and waits for the page to re-render. */
export async function setInput(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (input, v) => {
      (input as HTMLInputElement).value = v;
      input.dispatchEvent(new Event("input", {bubbles: true}));
    },
    value
  );
  await waitForRender(page);
}

/** The value of a control (data-testid), as a number: a story slider's is in its key's base unit. */
export function controlValue(page: Page, testid: string): Promise<number> {
  return page.$eval(`[data-testid="${testid}"]`, (form) => Number((form as unknown as {value: number}).value));
}

export function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-12);
}

/**
 * What a moved chapter's headline settles on: the median of `metric` over the draws of the state its address bar
 * holds, the Monte Carlo `token-ledger run <scenario> --set …` prints (story.ts storyDraws).
 */
export function drawsMedian(site: SiteData, scenario: string, metric: ScenarioMetricName, url: string): number | null {
  const entry = site.scenarios[scenario]!;
  const run = runScenarioMessage({
    resolved: entry.resolved,
    catalogs: {hardware: site.hardware, models: site.models},
    sets: parseShareQuery(new URL(url).search).sets,
    flag: SHARE_FLAG,
    samples: DEFAULT_SCENARIO_SAMPLES,
    seed: DEFAULT_SCENARIO_SEED
  });
  return reportMedian(run.metrics[metric]);
}
