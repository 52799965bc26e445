// The story-page scaffold. A chapter is its claim, prose, controls and charts; the plumbing every chapter shares is
// here, one function each: the scenario it tells (loadStory: site.json, bound to the catalogs, at its median point),
// its sliders (StoryControls: one per key, from the schema, in base units), the point the page evaluates once a
// slider has moved (storyPoint), and the assumptions it used with their values and sources (StoryAssumptions).
import type {SiteData, SiteScenario} from "../lib/node/siteData.js";
import {
  bindScenario,
  evaluateScenarioPoint,
  type BoundScenario,
  type ScenarioCatalogs,
  type ScenarioEvaluation
} from "../lib/scenario/evaluate/evaluateScenario.js";
import {didYouMean} from "../lib/errors/suggest.js";
import {unreadKeys} from "../lib/scenario/evaluate/unreadKeys.js";
import {writtenAt, type ResolvedScenario} from "../lib/scenario/resolve/resolveScenario.js";
import {scenarioDistributions, type ScenarioPoint} from "../lib/scenario/resolve/scenarioValues.js";
import type {RunReport} from "../lib/scenario/run/runReport.js";
import type {Distribution} from "../lib/uncertainty/distribution.js";
import {AssumptionList, type AssumptionItem} from "./assumptionList.js";
import {keyControl, KeySlider, pageKey, type KeySliderElement} from "./keyControls.js";
import {csvFile, DownloadButton} from "./download.js";
import {ScenarioNotice} from "./scenarioNotice.js";
import type {ScenarioMetricName} from "../lib/scenario/evaluate/metrics.js";
import {reportMedian} from "../lib/scenario/run/reportFormat.js";
import {DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED} from "../lib/scenario/run/runScenario.js";
import type {ScenarioRunReply} from "./scenarioRun.js";
import {ScenarioRunner} from "./scenarioRunner.js";
import {Kpi, type KpiOptions} from "./kpi.js";
import {assumptionValueText, describeOrigin, scenarioPageCheck, scenarioPageMedianPoint} from "./scenarioPage.js";
import {
  applyShareSets,
  formatShareSet,
  mergeSets,
  parseShareQuery,
  setPath,
  ShareLink,
  shareUrl,
  writeShareState,
  SHARE_FLAG,
  type IgnoredSet
} from "./urlState.js";

/** The scenario a chapter tells, ready to evaluate. */
export interface Story {
  /** The whole of site.json: catalogs and every scenario. */
  site: SiteData;
  /** The scenario's id (a file in data/scenarios/). */
  id: string;
  /** site.json's entry for the scenario: the resolved scenario and its report (`run --json`). */
  entry: SiteScenario;
  resolved: ResolvedScenario;
  /** The static report: its metrics are Monte Carlo medians over the scenario's uncertainty. */
  report: RunReport;
  catalogs: ScenarioCatalogs;
  bound: BoundScenario;
  /** Every key at one value, an uncertain key at the median of its draws (scenarioPageMedianPoint). */
  median: ScenarioPoint;
  /** Every model at the scenario's median point (evaluateScenarioPoint): what the page's figures compare against. */
  base: ScenarioEvaluation;
  /**
   * The sets of the page's link (`?set=path%3Dvalue`) that passed the same checks as on a scenario page, already
   * applied to `resolved`, `bound` and `median`; while there are any, the page shows recomputed figures, not the
   * static report's.
   */
  linkSets: string[];
  /** The link's sets that were not applied, each with the reason (shown by StoryShare's notice). */
  ignored: IgnoredSet[];
}

/** Anything with a `json()`: a FileAttachment of site.json. */
export interface JsonFile {
  json(): Promise<unknown>;
}

/**
 * The scenario `id` of site.json, bound to its catalogs and evaluated at its median point. Pages pass their
 * FileAttachment, which Framework resolves at build time: `await loadStory(FileAttachment("./data/site.json"), "base")`.
 */
export async function loadStory(
  file: JsonFile | SiteData,
  id: string,
  search: string = typeof window === "undefined" ? "" : window.location.search
): Promise<Story> {
  const site = ("json" in file ? await file.json() : file) as SiteData;
  const entry = site.scenarios[id];
  if (!entry) {
    // Left out of the site data because its file has errors (the banner lists them), or no file has that id.
    const problem = site.problems?.find((p) => p.id === id);
    const ids = Object.keys(site.scenarios);
    const hint = didYouMean(id, ids);
    throw new Error(
      problem
        ? `This page reads the scenario ${id}, whose file ${problem.file} has errors (listed in the banner at the top): it comes back when the file is fixed.`
        : `This page reads the scenario ${id}, and no scenario file has that id (${hint ? `${hint} ` : ""}the site's scenarios: ${ids.join(", ")}).`
    );
  }
  const catalogs = {hardware: site.hardware, models: site.models};
  // The link's sets, each validated like a line of a scenario file and then evaluated; what fails is listed.
  const query = parseShareQuery(search);
  // The same check as a scenario page's: the median and the Monte Carlo, so no link makes a chapter's bands fail.
  const fromLink = applyShareSets(entry.resolved, query.sets, {check: scenarioPageCheck(catalogs)});
  const resolved = fromLink.resolved;
  const bound = bindScenario(resolved, catalogs);
  const median = scenarioPageMedianPoint(resolved);
  // The scenario without the link's sets (the same point when the link sets nothing).
  const baseMedian = resolved === entry.resolved ? median : scenarioPageMedianPoint(entry.resolved);
  const base = evaluateScenarioPoint(bindScenario(entry.resolved, catalogs), baseMedian);
  return {
    site,
    id,
    entry,
    resolved,
    report: entry.report,
    catalogs,
    bound,
    median,
    base,
    linkSets: fromLink.applied,
    ignored: [...query.ignored, ...fromLink.ignored]
  };
}

/** One slider of a chapter. */
export interface StorySlider {
  /** Scenario key; its label and slider come from the schema (or from min and max: keyControl). */
  path: string;
  /** data-testid of the slider (the browser tests find it by this). */
  testid?: string;
  /** Start, base units; default the scenario's median value of the key (which must then be a number). */
  value?: number;
  /**
   * Bounds in base units where the model allows less than the schema's slider (the batch that fits in memory); for a
   * key the schema gives no slider, both are needed and make its slider (keyControl).
   */
  min?: number;
  max?: number;
}

/** A chapter's sliders: value {path: base-unit value}, and where each started. */
export interface StoryControlsElement extends HTMLElement {
  value: Record<string, number>;
  /** Each slider's value when the page opened (base units, snapped to the slider's steps). */
  readonly start: Readonly<Record<string, number>>;
}

/**
 * One KeySlider per key, in the order given; `view(StoryControls(…))` is {path: value in base units} and updates as any
 * slider moves. A page lays them out inside `<div class="story-controls">`.
 */
export function StoryControls(
  story: Pick<Story, "median"> & Partial<Pick<Story, "resolved">>,
  sliders: readonly StorySlider[]
): StoryControlsElement {
  const root = document.createElement("div") as unknown as StoryControlsElement;
  root.className = "story-sliders";
  // An uncertain key starts at the median of its draws: its box as the narrative writes it (startBoxNumber).
  const uncertain = new Set(story.resolved ? Object.keys(scenarioDistributions(story.resolved)) : []);
  // A key the evaluation does not read at this state (a link's silicon.chip over the relative throughput) gets a
  // disabled slider that says why: moving it changed nothing.
  const unread = story.resolved ? unreadKeys(story.resolved) : {};
  const elements: KeySliderElement[] = sliders.map(({path, value, ...options}) => {
    // The key and its bounds first: a choice was told to "pass value" before it was told no slider can set it.
    pageKey(path, "StoryControls");
    keyControl(path, {min: options.min, max: options.max});
    const start = value ?? story.median[path];
    if (typeof start !== "number") {
      throw new Error(`StoryControls: ${path} has no number to start from (${String(start)}); pass value`);
    }
    return KeySlider(path, {
      value: start,
      ...options,
      median: value === undefined && uncertain.has(path),
      ...(unread[path] === undefined ? {} : {unused: unread[path]})
    });
  });
  root.append(...elements);
  const read = () => Object.fromEntries(elements.map((slider) => [slider.path, slider.value]));
  const start = Object.freeze(read());
  Object.defineProperties(root, {
    value: {get: read},
    start: {value: start}
  });
  return root;
}

/** The point a chapter evaluates, and which keys the reader has moved. */
export interface StoryPoint {
  /** True once any slider differs from where it started. */
  moved: boolean;
  /** Keys whose slider differs from where it started: a reader has set them, so they are no longer uncertain. */
  movedKeys: string[];
  /**
   * The scenario's median point while no slider has moved (so the page's figures are the static report's); once one
   * has, the median point with every slider's key at the slider's value.
   */
  point: ScenarioPoint;
}

/** The moved bookkeeping: `storyPoint(story, controls, controlsInput.start)`. */
export function storyPoint(
  story: Pick<Story, "median"> & Partial<Pick<Story, "linkSets">>,
  values: Readonly<Record<string, number>>,
  start: Readonly<Record<string, number>>
): StoryPoint {
  const movedKeys = Object.keys(values).filter((path) => values[path] !== start[path]);
  // A link's sets move the page too: its figures are then recomputed, not the static report's.
  const moved = movedKeys.length > 0 || (story.linkSets?.length ?? 0) > 0;
  // Only the keys whose sliders moved: an untouched slider shows its key rounded to the slider's step, and must not
  // replace the scenario's value with that rounding.
  const changes = Object.fromEntries(movedKeys.map((path) => [path, values[path]!]));
  return {moved, movedKeys, point: movedKeys.length > 0 ? {...story.median, ...changes} : story.median};
}

/**
 * The chapter's state as share-link sets: the link's own sets, then each moved slider's key at its value (a later
 * set for the same key wins), in schema order.
 */
export function storyShareSets(
  story: Pick<Story, "linkSets">,
  values: Readonly<Record<string, number>>,
  start: Readonly<Record<string, number>>
): string[] {
  const moved = Object.keys(values).filter((path) => values[path] !== start[path]);
  return mergeSets(
    story.linkSets,
    moved.map((path) => formatShareSet(path, values[path]!))
  );
}

/**
 * A chapter's share block, as on the scenario pages: keeps the address bar a share link of what the page shows
 * (writeShareState), and shows the link with a copy button, after a notice listing any setting of the link that was
 * ignored and why.
 */
export function StoryShare(
  story: Pick<Story, "linkSets" | "ignored">,
  values: Readonly<Record<string, number>>,
  start: Readonly<Record<string, number>>
): HTMLElement {
  const sets = storyShareSets(story, values, start);
  writeShareState(sets);
  const box = document.createElement("div");
  box.className = "story-share";
  box.append(ScenarioNotice(story.ignored), ShareLink(shareUrl(sets)));
  return box;
}

/**
 * The draws behind a chapter's figures. Untouched, the static report's (site.json: the Monte Carlo `run` prints);
 * once a slider or a link has moved the page, the page's own run of that state, the same Monte Carlo (samples, seed)
 * as `token-ledger run <id> --set …` and a scenario page's, in a Web Worker. Until it answers the figures are the one
 * evaluation at the medians, dimmed (body[data-scenario-running], as on the scenario pages).
 */
export interface StoryDraws {
  /** The metrics and bands the figures read; null while the page's run is pending, or when it failed. */
  report: ScenarioRunReply | null;
  /** "static": the build's report; "running"; "settled": the page's run; "failed": its draws could not be run. */
  status: "static" | "running" | "settled" | "failed";
}

/**
 * A chapter's Monte Carlo runner: one per page, made in a cell that no control feeds. While a run is pending the page
 * is marked (body[data-scenario-running]) and the figures that wait for it are dimmed (scenarioStyle.css).
 * `workerUrl`: `import.meta.resolve("./components/scenarioRunWorker.js")` (Framework rewrites it to the served module).
 * With `story`, the worker starts and runs the chapter's state once when the browser is first idle, as the scenario
 * pages' does (ScenarioRunner's warmUp), so that a reader's first move finds it ready: the chapters started it on the
 * first move, whose draws then waited for the worker's modules and a cold run (helper-188's note).
 */
export function StoryRunner(workerUrl: string, story?: Pick<Story, "entry" | "catalogs" | "linkSets">): ScenarioRunner {
  const runner = ScenarioRunner(workerUrl, {
    onBusy: (busy) => busy && document.body.toggleAttribute("data-scenario-running", true)
  });
  if (story) {
    const request = storyRunRequest(story, story.linkSets);
    const whenIdle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 1000));
    whenIdle(() => runner.warmUp(request), {timeout: 3000});
  }
  return runner;
}

/** The run of a chapter's scenario at `sets`: `token-ledger run <id> --set …`'s Monte Carlo (samples, seed). */
function storyRunRequest(story: Pick<Story, "entry" | "catalogs">, sets: readonly string[]) {
  return {
    resolved: story.entry.resolved,
    catalogs: story.catalogs,
    sets,
    flag: SHARE_FLAG,
    samples: DEFAULT_SCENARIO_SAMPLES,
    seed: DEFAULT_SCENARIO_SEED
  };
}

/**
 * The draws for the chapter's state (`sets`: storyShareSets), as a cell's value: `const draws = storyDraws(story,
 * runner, sets, invalidation)`. An async generator, so the page shows the point at once ("running") and the medians
 * when the run answers ("settled"); with no sets it is the static report at once. A newer state (the cell's
 * invalidation) makes the pending run stale.
 */
export async function* storyDraws(
  story: Pick<Story, "entry" | "catalogs">,
  runner: ScenarioRunner,
  sets: readonly string[],
  invalidation: Promise<unknown>
): AsyncGenerator<StoryDraws> {
  if (sets.length === 0) {
    // Back at the start: a run still pending for a moved state is stale, and nothing is waited for.
    runner.cancel();
    document.body.toggleAttribute("data-scenario-running", false);
    yield {report: story.entry.report, status: "static"};
    return;
  }
  // A newer state's run cancels this one (runner.run cancels the pending run) and a return to the start cancels it
  // above: cancelling here, when this cell is invalidated, could land after the newer cell had started its run and
  // cancel that one, leaving the page marked running with its figures dimmed for good (a typed refusal's re-apply).
  let stale = false;
  void invalidation.then(() => (stale = true));
  document.body.toggleAttribute("data-scenario-running", true);
  const pending = runner.run(storyRunRequest(story, sets));
  yield {report: null, status: "running"};
  let draws: StoryDraws;
  try {
    const reply = await pending;
    if (reply === null) return;
    draws = {report: reply, status: "settled"};
  } catch {
    draws = {report: null, status: "failed"};
  }
  if (stale) return;
  // The mark clears once the figures the draws feed have been redrawn (two frames), unless a newer state took over.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => stale || document.body.toggleAttribute("data-scenario-running", false))
  );
  yield draws;
}

/** A chapter's figure for one metric, and the start it is compared with on the same basis. */
export interface StoryFigure {
  value: number | null;
  /** What "vs the start" compares with; null untouched. */
  base: number | null;
  /**
   * "median": the median of draws (the static report's, or the page's run once in), compared with the start's median;
   * "point": the one evaluation at the medians (while the run is pending, or when it failed), compared with the start's
   * own point, not with a median (a point of $2.21B read "−3.5%" against a median of $2.29B; new user).
   */
  basis: "median" | "point";
}

/** The figure of `metric` at the chapter's state: `ev` is the page's point evaluation (evaluateScenarioPoint). */
export function storyFigure(
  story: Pick<Story, "report" | "base">,
  draws: StoryDraws,
  ev: {metrics: Readonly<Record<ScenarioMetricName, number | null>>},
  metric: ScenarioMetricName
): StoryFigure {
  if (draws.status === "static")
    return {value: reportMedian(story.report.metrics[metric]), base: null, basis: "median"};
  if (draws.report) {
    return {
      value: reportMedian(draws.report.metrics[metric]),
      base: reportMedian(story.report.metrics[metric]),
      basis: "median"
    };
  }
  return {value: ev.metrics[metric], base: story.base.metrics[metric], basis: "point"};
}

/**
 * A figure as a headline (Kpi) with its change against the start; a point figure is marked (data-follows-run: dimmed
 * while the run is pending) and says what it is in its tooltip.
 */
export function StoryKpi(figure: StoryFigure, options: Omit<KpiOptions, "base"> = {}): HTMLElement {
  const span = Kpi(figure.value, {...options, base: figure.base});
  span.dataset.basis = figure.basis;
  if (figure.basis === "point") {
    span.dataset.followsRun = "";
    span.title = "One run of the model with every uncertain assumption at its median; the median of the draws follows";
  }
  return span;
}

/** A "CSV" button that downloads a chart's rows as `<chapter>-<name>.csv`. */
export function StoryCsv(chapter: string, name: string, rows: readonly object[]): HTMLElement {
  return DownloadButton("CSV", () => csvFile(`${chapter}-${name}.csv`, rows), {
    name: `${name}-csv`,
    title: "Download this chart's data as CSV"
  });
}

export interface StoryAssumptionsOptions {
  /** A symbol the page's equations use for a key, shown after its label: "Adoption rate (a)". */
  symbols?: Readonly<Record<string, string>>;
  /**
   * What stands in for a key the scenario leaves unset (null), e.g. the catalog price when hardware.price is unset:
   * its value while no slider has set the key, and its source.
   */
  unset?: Readonly<Record<string, {value: string; source: string}>>;
}

/**
 * The assumptions a chapter used, one row per key: its label from the schema, its value with its unit (a distribution
 * while the reader has not set the key, the page's value once a slider has changed it, flagged "set on this page"),
 * and its source from the scenario (the schema's for a default). A key the page's share link sets is listed too, after
 * the page's own keys when it is not one of them, and reads as on a scenario page ("set on this page (URL)", with the
 * scenario's own value): a chapter opened from a link that moves a key it does not list hid that it was not at the
 * scenario's value.
 */
export function storyAssumptionItems(
  story: Pick<Story, "resolved" | "median"> & Partial<Pick<Story, "entry" | "linkSets" | "catalogs">>,
  point: ScenarioPoint,
  paths: readonly string[],
  {symbols = {}, unset = {}}: StoryAssumptionsOptions = {}
): AssumptionItem[] {
  const linked = (story.linkSets ?? []).map(setPath).filter((path) => !paths.includes(path));
  return [...paths, ...new Set(linked)].map((path) => {
    const def = pageKey(path, "StoryAssumptions");
    const resolved = story.resolved.values[path];
    const changed = point[path] !== story.median[path];
    const value = changed ? point[path] : ((resolved?.value ?? null) as number | string | Distribution | null);
    // A key the scenario leaves unset shows what stands in for it (its value only until a slider sets it).
    const fallback = (resolved?.value ?? null) === null ? unset[path] : undefined;
    return {
      path,
      label: symbols[path] ? `${def.label} (${symbols[path]})` : def.label,
      // Written as the scenario pages' tables write it: a catalog id by its row's name.
      value: fallback && !changed ? fallback.value : assumptionValueText(path, value ?? null, story.catalogs),
      source: fallback ? fallback.source : (resolved?.source ?? ""),
      changed,
      ...(resolved && writtenAt(resolved.origin)?.kind === "override" ? {origin: linkOrigin(story, path)} : {})
    };
  });
}

/** "set on this page (URL); scenario: 45–75% (90% interval)": where a link's key comes from, and what it replaces. */
function linkOrigin(story: Pick<Story, "resolved"> & Partial<Pick<Story, "entry" | "catalogs">>, path: string): string {
  const origin = describeOrigin(story.resolved.values[path]!.origin);
  const own = story.entry?.resolved.values[path];
  return own
    ? `${origin}; scenario: ${assumptionValueText(path, own.value as number | string | Distribution | null, story.catalogs)}`
    : origin;
}

/** The "assumptions used" table of a chapter (storyAssumptionItems drawn by AssumptionList). */
export function StoryAssumptions(
  story: Pick<Story, "resolved" | "median"> & Partial<Pick<Story, "entry" | "linkSets" | "catalogs">>,
  point: ScenarioPoint,
  paths: readonly string[],
  options: StoryAssumptionsOptions = {}
): HTMLElement {
  return AssumptionList(storyAssumptionItems(story, point, paths, options));
}
