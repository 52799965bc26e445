// A scenario file's page, as Markdown with page code: what the page loader of this site (docs/scenarios/[id].md.ts)
// and of a report project (templates/project/docs/scenarios/[id].md.ts) print, so that a project's own scenarios get
// the same page as the bundled ones. The page's code fences are ~~~js, and an expression the page (not the loader)
// evaluates is written $\{…}; the page code has no backticks, so nothing else needs escaping.
import type {ScenarioCheck} from "../lib/node/scenarioCheck.js";
import slugify from "@sindresorhus/slugify";
import {narrativePageMarkdown} from "../lib/scenario/narrative/narrative.js";
import {escapeHtml} from "./escapeHtml.js";
import {
  keysChangedFromRoot,
  scenarioTopics,
  topicControlKeys,
  topicKpis,
  bandsMetrics,
  type ScenarioTopic,
  type TopicChart
} from "./scenarioTopics.js";

/**
 * Where a page's code imports the components and the library from: "repository" for this site's pages (the files
 * docs/components/ and docs/lib/, served as they are), "package" for a report project's (`token-ledger/components/…`
 * and `token-ledger`, the installed package, whose components' styles the project's config puts in every page's head).
 */
export type ScenarioPageImports = "repository" | "package";

/**
 * The Markdown of the page of the scenario file named `name` (its file name without .md, as the config's dynamicPaths
 * list it): its title, description and narrative (each live value an inline expression of the page), then cells that
 * read the static report (data/site.json) for the first render and recompute in the browser when a control or the
 * URL changes, with the charts, cards and sliders of the scenario's topics first (scenarioTopics.ts). A file with
 * errors (or with a catalog in error) gets a page that lists them as `validate` prints them; a name no file has any
 * longer (renamed or deleted under the preview) gets a page that says so.
 *
 * @param name the file's name, from the page loader's `--id`.
 * @param check `checkScenarioFiles()` (token-ledger/node): every scenario file with its errors, and the library.
 * @param version `dataVersion()` (token-ledger/node): the page says when the site data is older than this.
 * @param imports where the page's code imports from (ScenarioPageImports).
 */
export function scenarioPageMarkdown(
  name: string,
  check: Pick<ScenarioCheck, "files" | "catalogErrors" | "library">,
  version: string,
  imports: ScenarioPageImports
): string {
  // The page is the file's (the config lists file names); the scenario it shows is the file's id.
  const file = check.files.find((f) => f.name === name);
  const errors = [...check.catalogErrors, ...(file?.errors ?? [])];
  if (!file) return missingPage(name, check.library.index.lookup(name) !== undefined);
  if (errors.length) {
    return errorPage(
      file.title,
      file.file,
      errors.map((error) => error.message),
      imports
    );
  }
  const scenario = check.library.resolve(file.id);
  const page = (narrative: string) =>
    scenarioPage(
      file.id,
      scenario.title,
      scenario.description,
      scenario.file,
      narrative,
      version,
      scenarioTopics(scenario),
      keysChangedFromRoot(scenario),
      imports
    );
  // The page's own headings' ids, which the narrative's headings must not take (a narrative's "Move the key
  // assumptions" took the page's anchor; breaker): the page's Markdown headings, slugged as Framework slugs them.
  const reservedIds = new Set(
    [...page("").matchAll(/^#{1,4}\s+(.+)$/gm)].map((match) => slugify(match[1]!.replace(/\$\\?\{[^}]*\}/g, "")))
  );
  const narrative = narrativePageMarkdown(
    scenario.body,
    (target, _name, {wordBefore}) =>
      target.kind === "metric"
        ? `$\{LiveMetric(rows, ${JSON.stringify(target.metric)}${wordBefore === "at" ? ", {afterAt: true}" : ""})}`
        : `$\{LiveKey(livePoint, ${JSON.stringify(target.path)}, {unread, evaluation: pointState.point, catalogs})}`,
    reservedIds
  );
  return page(narrative);
}

/** The components' folder as a page's import names it. */
const COMPONENTS: Record<ScenarioPageImports, string> = {
  repository: "../components/",
  package: "token-ledger/components/"
};

/**
 * The components' stylesheet for a page of this site; none for a project's, whose config puts every component
 * stylesheet in the head (componentStyles, token-ledger/node) and has no docs/components/ to link to.
 */
function stylesheet(imports: ScenarioPageImports): string {
  return imports === "repository" ? '<link rel="stylesheet" href="../components/scenarioStyle.css">\n' : "";
}

/** "9-month" and the like never break at their hyphen in a heading (the text is unchanged: a no-wrap span). */
function keepCompoundsWhole(html: string): string {
  return html.replace(/\b(\d+-[A-Za-z]+)\b/g, '<span style="white-space: nowrap">$1</span>');
}

/**
 * The page of a scenario file with errors, titled as the navigation names it (the file's title where it can be read,
 * else its id: ScenarioFileCheck.title): each error as `validate` prints it, and what to do.
 */
function errorPage(title: string, file: string, messages: readonly string[], imports: ScenarioPageImports): string {
  const count = `${messages.length} error${messages.length === 1 ? "" : "s"}`;
  return `---
title: ${JSON.stringify(`${title}: ${count}`)}
toc: false
---

${stylesheet(imports)}
# ${keepCompoundsWhole(escapeHtml(title))}

<div class="scenario-problems" data-problems="${escapeHtml(file)}" role="alert">
<p><strong>${escapeHtml(file)} has ${count}</strong>, so this page shows no numbers. The other pages leave it out.</p>
<ul>
${messages.map((message) => `<li><code>${escapeHtml(message)}</code></li>`).join("\n")}
</ul>
<p>Fix the file and save it: with <code>npm run dev</code> running, this page updates by itself.
<code>npx token-ledger validate ${escapeHtml(file)}</code> prints the same list.</p>
</div>
`;
}

/**
 * The page of an id that no scenario file has any longer (a file deleted or renamed while the preview runs), or, in a
 * report project, of a bundled scenario (`bundled`), which its files may extend but which has no page of its own (it
 * read "no scenario file has the id base any longer" to a user who never had one; new-user trial).
 */
function missingPage(id: string, bundled: boolean): string {
  const text = bundled
    ? `<code>${escapeHtml(id)}</code> is a scenario bundled with token-ledger: this site's scenarios can extend it
(<code>extends: ${escapeHtml(id)}</code>), but it has no page here. <code>npx token-ledger run ${escapeHtml(id)}</code> prints
its figures; copy its file into data/scenarios/ to give it a page.`
    : `No scenario file in data/scenarios/ has the id <code>${escapeHtml(id)}</code> any
longer. If you just renamed or deleted it, the navigation updates in a moment.`;
  return `---
title: ${JSON.stringify(id)}
toc: false
---

# ${escapeHtml(id)}

<p class="scenario-problems" data-missing role="alert">${text}</p>
`;
}

function scenarioPage(
  id: string,
  title: string,
  description: string,
  file: string,
  narrative: string,
  version: string,
  topics: readonly ScenarioTopic[],
  changed: readonly string[],
  imports: ScenarioPageImports
): string {
  const ID = JSON.stringify(id);
  const component = (name: string) => JSON.stringify(COMPONENTS[imports] + name);
  const library = (path: string) => JSON.stringify(imports === "package" ? "token-ledger" : `../lib/${path}`);
  const topicCharts = new Set<Chart>(topics.flatMap((topic) => topic.charts));
  return `---
title: ${JSON.stringify(title)}
toc: false
---

${stylesheet(imports)}
# ${keepCompoundsWhole(escapeHtml(title))}

<p class="scenario-lead">${escapeHtml(description)}</p>
<p class="muted scenario-file">Scenario file: <code>${escapeHtml(file)}</code> · id <code>${escapeHtml(id)}</code></p>

~~~js
import {controlToBase, keyControl} from ${component("keyControls.js")};
import {assumptionRows, scenarioLabelsOf, editedScenarioMarkdown, metricRows, SCENARIO_PAGE_SAMPLES, scenarioPageCheck, scenarioPageMedianPoint, scenarioPageState, scenarioPageStateOf, settledScenarioPagePoint, settledScenarioPageState} from ${component("scenarioPage.js")};
import {ScenarioRunner} from ${component("scenarioRunner.js")};
import {Term} from ${component("glossaryTerm.js")};
import {NarrativeChangedNote} from ${component("narrativeChangedNote.js")};
import {frameTurn, frameTurnsDone, nextTask} from ${component("frameTurn.js")};
import {cardResize} from ${component("cardResize.js")};
import {whenNear} from ${component("nearViewport.js")};
import {DEFAULT_SCENARIO_SEED} from ${library("scenario/run/runScenario.js")};
import {scenarioDistributions} from ${library("scenario/resolve/scenarioValues.js")};
import {unreadKeys} from ${library("scenario/evaluate/unreadKeys.js")};
import {costBlendNote, costPartRows, csvRows, currentCycleRow, cycleRows, fleetDayRows, flywheelRows, moatRows, programMedians, siliconCostPartRows, siliconRows, spendRows} from ${component("scenarioSeries.js")};
import {applyShareSets, formatShareSet, mergeSets, parseShareQuery} from ${component("urlState.js")};
import {csvFile, DownloadButton} from ${component("download.js")};
import {formatUsd, medianLabel} from ${component("format.js")};
import {FLEET_COLORS, SPEND_COLORS} from ${component("palette.js")};
import {CashFlowChart, undiscountedCoincides} from ${component("cashFlowChart.js")};
import {CostStackChart} from ${component("costStackChart.js")};
import {FanChart, fanSubtitle} from ${component("fanChart.js")};
import {NpvByCycleChart} from ${component("npvByCycleChart.js")};
import {SpendOverTimeChart, spendRuleNote} from ${component("spendOverTimeChart.js")};
import {MoatChart} from ${component("moatChart.js")};
import {FlywheelChart} from ${component("flywheelChart.js")};
import {FleetDayChart} from ${component("fleetDayChart.js")};
import {ScenarioAssumptionsTable} from ${component("scenarioAssumptionsTable.js")};
import {ScenarioControls} from ${component("keyControls.js")};
import {BandsSummary, defaultPricesNote, metricNotes, ScenarioKpis, ScenarioMetricsTable, ScenarioProvenance} from ${component("scenarioMetrics.js")};
import {ScenarioNotice} from ${component("scenarioNotice.js")};
import {ScenarioNotes} from ${component("scenarioNotes.js")};
import {ScenarioLeftOut} from ${component("scenarioLeftOut.js")};
import {LiveKey, LiveMetric} from ${component("liveValue.js")};
import {SHARE_FLAG, ShareLink, shareUrl, writeShareState} from ${component("urlState.js")};
~~~

~~~js
const ID = ${ID};
const site = await FileAttachment("../data/site.json").json();
// A scenario the site data left out (a Monte Carlo draw failed where the file's checks passed) shows its errors and
// nothing else: the cells that need it wait for ever instead of failing one by one.
const entry = site.scenarios[ID] ?? (display(ScenarioLeftOut(ID, site.problems.find((problem) => problem.id === ID))), await new Promise(() => {}));
const catalogs = {hardware: site.hardware, models: site.models};
// The URL's sets, each validated like a line of a scenario file and then run as the page will run it (the median and
// the Monte Carlo); what fails is listed, not applied.
const query = parseShareQuery(window.location.search);
const fromUrl = applyShareSets(entry.resolved, query.sets, {check: scenarioPageCheck(catalogs)});
const ignored = [...query.ignored, ...fromUrl.ignored];
// One worker for the page's Monte Carlo runs, loaded from the served module (Framework rewrites the URL).
// While it runs, and until what it feeds is redrawn, the page is marked (body[data-scenario-running]) and the figures
// that wait for it are dimmed; the state cell below clears the mark.
const runner = ScenarioRunner(import.meta.resolve(${component("scenarioRunWorker.js")}), {
  onBusy: (busy) => busy && document.body.toggleAttribute("data-scenario-running", true)
});
// The worker starts, and runs the page's state once, when the browser is first idle after the page is drawn, so that a
// reader's first move finds it ready (ScenarioRunner's warmUp; browsers without requestIdleCallback wait a second).
(window.requestIdleCallback ?? ((callback) => setTimeout(callback, 1000)))(
  () => runner.warmUp({resolved: entry.resolved, catalogs, sets: fromUrl.applied, flag: SHARE_FLAG, samples: SCENARIO_PAGE_SAMPLES, seed: DEFAULT_SCENARIO_SEED}),
  {timeout: 3000}
);
// Each chart and table is redrawn in an animation frame of its own (frameTurn.ts), so that no move is one long task:
// the median point's charts first, then what waits for the Monte Carlo. The cards and the bands' sentence (a few
// short elements) are drawn as soon as the Monte Carlo answers, without waiting for a turn.
const POINT_TURN = {order: 0, sameTask: true};
const MONTE_CARLO_TURN = {order: 1};
const TABLE_TURN = {order: 2};
~~~

~~~js
display(ScenarioNotice(ignored));
// In the preview, an edit reaches this page's text before the site data is recomputed: say so until it is.
if (site.dataVersion !== ${JSON.stringify(version)}) {
  display(Object.assign(document.createElement("p"), {className: "scenario-notice", textContent: "Recomputing the numbers for your latest edit: the figures below are from before it and update in a few seconds."}));
}
~~~

~~~js
// Once the page shows the scenario changed (a link's or a slider's sets), the narrative's words are the file's: say so.
display(NarrativeChangedNote(entry.resolved, pointState.resolved, catalogs));
~~~

<div class="scenario-narrative">

${narrative}

</div>

## Move the key assumptions

Every number and chart below is recomputed in your browser, by the same library that built the page, as you move a
slider. Assumptions that are uncertain in the scenario (a distribution) become the single value you set.

~~~js
// This scenario's topics' sliders first (${topics.map((t) => t.id).join(", ") || "none: it extends no other scenario"}), then every page's;
// none for a key the evaluation does not read (silicon.relativeThroughput beside a catalog chip: every move of it was
// refused, "expected no silicon.relativeThroughput beside silicon.chip"; trial).
const unread = unreadKeys(fromUrl.resolved);
const CONTROLS = ${JSON.stringify(topicControlKeys(topics, changed))}.filter((path) => !(path in unread)).map((path) => keyControl(path));
const controlsInput = ScenarioControls(CONTROLS, scenarioPageMedianPoint(fromUrl.resolved), {
  medianKeys: Object.keys(scenarioDistributions(fromUrl.resolved)),
  filed: scenarioPageMedianPoint(entry.resolved)
});
const controlStart = controlsInput.value;
// A move marks the page as settling at once, before the runtime's next frame recomputes anything; the state cell
// below clears the mark when its figures are in.
controlsInput.addEventListener("input", () => document.body.toggleAttribute("data-scenario-running", true));
const controls = view(controlsInput);
~~~

~~~js
// The page's state: the URL's accepted sets, then every slider moved from where it started.
const controlSets = CONTROLS.filter(
  (control) => controls[control.path] !== undefined && controls[control.path] !== controlStart[control.path]
).map((control) => formatShareSet(control.path, controlToBase(control, controls[control.path])));
const sets = mergeSets(fromUrl.applied, controlSets);
// The median point and every cell it feeds are computed after the frame that handled the move has rendered
// (nextTask), so that frame does only that; the cells it feeds follow in the next task, the first chart in view among
// them (frameTurn's sameTask). The Monte Carlo of the metrics runs in the worker once the moves pause.
await nextTask();
const pointState = settledScenarioPagePoint(entry.resolved, catalogs, sets);
// The narrative's live assumptions: each key at the page's state (the median of its draws when uncertain), the point
// the charts draw.
const livePoint = pointState.median;
writeShareState(sets);
// The cells the point feeds (the narrative's live values, the notes, the charts' series) compute in a task after the
// point's own: one task held both, 30–55 ms in a drag's first moves (chromium's trace, issue #17).
await nextTask();
~~~

~~~js
// The Monte Carlo of the metrics and bands runs in a Web Worker (scenarioRunWorker.ts, the same library modules), so
// the charts above are drawn at once and input is never blocked; the cards, bands and table follow when it answers.
// A newer move invalidates this cell: the stale run is stopped, and its value (null) is discarded by the runtime.
// The state always settles: when the worker's Monte Carlo fails (a slider made some draws invalid), the page falls
// back on the main thread to the median with a notice (settledScenarioPageState).
invalidation.then(() => runner.cancel());
const state = await (async () => {
  if (sets.length === 0) return scenarioPageState(entry.report, entry.resolved, catalogs, sets);
  try {
    return scenarioPageStateOf(pointState, await runner.run({resolved: entry.resolved, catalogs, sets, flag: SHARE_FLAG, samples: SCENARIO_PAGE_SAMPLES, seed: DEFAULT_SCENARIO_SEED}));
  } catch {
    return settledScenarioPageState(entry.report, entry.resolved, catalogs, sets);
  }
})();
// The mark clears once every figure this state feeds has had its frame (unless a newer move made this state stale).
{
  let stale = false;
  invalidation.then(() => (stale = true));
  frameTurnsDone().then(() => stale || document.body.toggleAttribute("data-scenario-running", false));
}
const rows = metricRows(state.metrics);
~~~

~~~js
display(ScenarioNotice(state.failure ? [{set: sets.join(" "), settings: sets, reason: state.failure}] : [], {heading: "Not run as set"}));
// What the command line notes on stderr (a bill past world GDP, a training run longer than its months, too few fleet
// chips), for the page's state.
display(ScenarioNotes(state));
~~~

~~~js
// What the figures are: after a refused move, the scenario as filed or the median point, not the moved state.
display(ScenarioProvenance(sets, {state}));
~~~

~~~js
display(
  ScenarioKpis(rows, ${JSON.stringify(topicKpis(topics))})
);
~~~

~~~js
// The charts draw every model at the median point: each uncertain assumption at its median.
const costRows = costPartRows(ID, pointState.point);
const spend = spendRows(ID, pointState.point);
${[...topicCharts].map((chart) => TOPIC_ROWS[chart] ?? "").join("\n")}
const csv = (name, data) =>
  DownloadButton("CSV", () => csvFile(ID + "-" + name + ".csv", csvRows(data)), {
    name: name + "-csv",
    title: "Download this chart's data as CSV"
  });
~~~

~~~js
// The program's NPV curves are the Monte Carlo's medians over the draws (its bands), as the cards: the NPV moves with
// several uncertain keys at once, so at the point it differs a little (asic-9-months: $2.35B against $2.32B). After a
// move they follow the Monte Carlo, with the bands (the point's where nothing is uncertain or the run failed).
const program = programMedians(state);
const silicon = siliconRows(ID, state.point, program.discounted);
const cycles = cycleRows(ID, state.point, livePoint["silicon.designCycle"], program.byCycle);
const currentCycle = [currentCycleRow(ID, livePoint["silicon.designCycle"], state.point, program.npvUsd)];
~~~

${topics
  .map(
    (topic) => `## ${escapeHtml(topic.heading)}

<p class="scenario-topic-lead" data-topic="${topic.id}">${escapeHtml(topic.lead)}</p>

${chartGrid(topic.charts)}
`
  )
  .join("\n")}
${topics.length ? "## The whole model at this scenario\n\n" : ""}${chartGrid(GENERAL_CHARTS.filter((chart) => !topicCharts.has(chart)))}

## How sure is this?

~~~js
// The spread of what the page is about: its topics' own metrics (a cost-lead page's leads), else the silicon program
// and the crossover.
display(BandsSummary(rows, state.uncertainKeys, state.bands, {about: ${JSON.stringify(bandsMetrics(topics))}}));
~~~

~~~js
// Each month's percentiles over the same Monte Carlo draws as the metrics (the site's 1,000 samples, seed 1).
const spendBand = state.bands?.cumulativeInferenceSpendUsd.map((r) => ({...r, step: r.step + 1})) ?? [];
const siliconBand = state.bands?.siliconCumulativeDiscountedCashFlowUsd ?? [];
const bandCsv = (name, rows) => csv(name, rows.map(({step, ...p}) => ({series: ID, month: step, ...p})));
const noBands = "No assumption is uncertain: no bands.";
~~~

<div class="grid grid-cols-2">
  <div class="card" data-chart="spend-band">
    <h2>Cumulative inference spend, uncertainty</h2>
    <h3>$\{fanSubtitle(spendBand)}; every token priced on merchant chips, custom silicon or not ·
      $\{bandCsv("spend-band", spendBand)}</h3>
    $\{state.bands ? whenNear('[data-chart="spend-band"]', invalidation).then(() => frameTurn(invalidation, MONTE_CARLO_TURN)).then(() => cardResize("spend-band", (width) => FanChart(spendBand, {width, height: 260, yLabel: "↑ Cumulative inference spend (USD)", valueFormat: formatUsd, tickFormat: formatUsd, fill: SPEND_COLORS.inference}))) : noBands}
  </div>
  <div class="card" data-chart="silicon-band">
    <h2>Custom silicon, cumulative discounted cash flow, uncertainty</h2>
    <h3>$\{fanSubtitle(siliconBand)}; $\{Term("nre", "NRE")} at month 0 · $\{bandCsv("silicon-band", siliconBand)}</h3>
    $\{state.bands ? whenNear('[data-chart="silicon-band"]', invalidation).then(() => frameTurn(invalidation, MONTE_CARLO_TURN)).then(() => cardResize("silicon-band", (width) => FanChart(siliconBand, {width, height: 260, yLabel: "↑ Cumulative discounted cash flow (USD)", valueFormat: formatUsd, tickFormat: formatUsd, fill: FLEET_COLORS.inHouse}))) : noBands}
  </div>
</div>

## All metrics

Uncertain metrics show the $\{medianLabel(SCENARIO_PAGE_SAMPLES)} ($\{Term("monte-carlo", "seed")} 1) and the $\{Term("p5-p95", "90% interval")} between the 5th and
95th percentiles of the $\{Term("monte-carlo", "draws")}.

<div data-table="metrics">$\{whenNear('[data-table="metrics"]', invalidation).then(() => frameTurn(invalidation, TABLE_TURN)).then(() => ScenarioMetricsTable(rows, {pricesNote: defaultPricesNote(pointState.resolved), notes: metricNotes(pointState.resolved, state.metrics)}))}</div>

## Assumptions

Each value with its unit, where it was set (file and line, inherited from a parent scenario, the schema's default, or
this page) and its source. Hover a value to see it as written.

<div data-table="assumptions">$\{whenNear('[data-table="assumptions"]', invalidation).then(() => frameTurn(invalidation, TABLE_TURN)).then(() => ScenarioAssumptionsTable(assumptionRows(pointState.resolved, {catalogs, scenarioLabels: scenarioLabelsOf(site.scenarios), hardware: site.hardware})))}</div>

## Share and download

The address bar always holds what you see: each changed assumption is one <code>set</code> parameter holding
<code>path=value</code> in scenario-file notation, URL-encoded, e.g. <code>?set=serving.utilization%3D70%25&amp;set=silicon.nre%3D%24300M</code>.
Opening the link applies each <code>set</code> exactly as a line of a scenario file (same units, ranges and distributions, so
<code>set=serving.utilization%3D0.5%20to%200.8</code> makes it uncertain). Anything invalid or unknown is ignored and listed
at the top of the page. Any key of the [scenario file reference](../reference) may be set this way, not only those
with a slider.

~~~js
display(ShareLink(shareUrl(sets)));
display(
  DownloadButton(
    "Download this scenario (.md)",
    () => ({filename: ID + "-edited.md", text: editedScenarioMarkdown(pointState.resolved, sets), type: "text/markdown"}),
    {name: "scenario", title: "A scenario file that extends this one with your changes"}
  )
);
~~~

The downloaded file <code>extends: ${escapeHtml(id)}</code> and sets only what you changed; check it with
<code>npx token-ledger validate ${escapeHtml(id)}-edited.md</code> and run it with <code>npx token-ledger run ${escapeHtml(id)}-edited.md</code>.
`;
}

/** The charts every scenario page shows (after its topics', and without those a topic already showed). */
const GENERAL_CHARTS: readonly Chart[] = ["cost", "spend", "silicon", "cycle"];

type Chart = TopicChart | "cost" | "spend";

/** The page code that computes a topic chart's rows (the general charts' rows are always computed). */
const TOPIC_ROWS: Partial<Record<Chart, string>> = {
  "silicon-cost": "const siliconCost = siliconCostPartRows(ID, pointState.point);",
  moat: "const moat = moatRows(ID, pointState.point);",
  flywheel: "const flywheel = flywheelRows(ID, pointState.point);",
  "fleet-day": "const fleetDay = fleetDayRows(ID, pointState.point);"
};

/**
 * Each chart's card: its heading, its subheading (ending with the CSV button) and the code that draws it. A card that
 * `followsRun` charts the Monte Carlo's medians: it is redrawn when the run answers (with the bands), and dimmed until
 * then.
 */
const CARDS: Record<Chart, {title: string; subtitle: string; draw: string; followsRun?: boolean}> = {
  cost: {
    title: "Cost of a million tokens, by part",
    subtitle:
      '${costRows.some((row) => row.component === "rentedChipHour") ? "Owned merchant chips by part, beside the rented chip-hours this scenario pays for" : "Owned merchant chips"}; ${costBlendNote(livePoint["demand.inputShare"])}; every uncertain assumption at its median · ${csv("cost", costRows)}',
    draw: "CostStackChart(costRows, {width})"
  },
  spend: {
    title: "Training vs inference, cumulative spend",
    subtitle:
      'Every uncertain assumption at its median; inference priced on merchant chips, custom silicon or not; the ${Term("crossover", "crossover")} is where inference passes training for good${spendRuleNote(pointState.point.spend)} · ${csv("spend", spend)}',
    // The rule at the month inference passes training for good and a label for each lead before it, as chapter 2
    // draws the same chart (the page showed the months in its metrics table only).
    draw: "SpendOverTimeChart(spend, {width, crossoverMonth: pointState.point.spend.durableCrossoverMonth, leadPeriods: pointState.point.spend.inferenceLeadPeriods})"
  },
  silicon: {
    title: "Custom silicon program, cumulative cash flow",
    // A rented fleet's program is still valued against owned merchant chips (the reference's siliconNpvUsd): say so,
    // or a reader moving the rent sees the NPV stand still (trial).
    subtitle:
      '${costRows.some((row) => row.component === "rentedChipHour") ? "Against owning the merchant chips, not the rented chip-hours this scenario pays for" : "Against serving all demand on merchant chips"} · ${undiscountedCoincides(silicon).note || "dashed: undiscounted"} · ${csv("silicon", silicon)}',
    draw: "CashFlowChart(silicon, {width, undiscounted: true, payback: false})",
    followsRun: true
  },
  cycle: {
    title: "Program NPV by design cycle",
    subtitle:
      'The program\'s ${Term("npv", "net present value")} at each design cycle, all else equal; ringed: this scenario\'s cycle · ${csv("cycle", cycles)}',
    draw: "NpvByCycleChart(cycles, {width, current: currentCycle, marked: [], maxCycle: Infinity})",
    followsRun: true
  },
  "silicon-cost": {
    title: "Cost of a million tokens, merchant GPUs against the custom chip",
    subtitle:
      'Owned chips, blended input and output tokens, by part; every uncertain assumption at its median · ${csv("silicon-cost", siliconCost)}',
    draw: "CostStackChart(siliconCost, {width})"
  },
  moat: {
    title: "Cumulative gross profit: neither lead, model lead, cost lead, both",
    subtitle: 'Every uncertain assumption at its median · ${csv("moat", moat)}',
    draw: "MoatChart(moat, {width})"
  },
  "spend-monthly": {
    title: "Training vs inference, monthly spend",
    subtitle: 'Each month\'s bill, every uncertain assumption at its median · ${csv("spend-monthly", spend)}',
    draw: "SpendOverTimeChart(spend, {width, cumulative: false})"
  },
  flywheel: {
    title: "Cost of a million tokens, loop closed and open",
    subtitle: 'Every uncertain assumption at its median · ${csv("flywheel", flywheel)}',
    draw: 'FlywheelChart(flywheel, {width, quantity: "cost"})'
  },
  "fleet-day": {
    title: "One day: cost against revenue by price part",
    subtitle:
      'Chips × price of a chip-hour × 24 h, against the day\'s tokens at list prices; every uncertain assumption at its median · ${csv("fleet-day", fleetDay)}',
    draw: "FleetDayChart(fleetDay, {width})"
  }
};

/**
 * The charts of two short bars (a cost by part), which take a card of their own at full width: beside the spend lines
 * the cost by part left a hole of about 120 px under its card at 1280 px (new-user trial).
 */
const SHORT_CHARTS: ReadonlySet<Chart> = new Set<Chart>(["cost", "silicon-cost"]);

/**
 * Chart cards two to a row. A short chart (SHORT_CHARTS) is full width, on its own (outside the grid, whose cards are
 * each as tall as their own chart, so a short one beside a tall one left a hole); of the rest, with an odd count the
 * first card is full width too.
 */
function chartGrid(charts: readonly Chart[]): string {
  const card = (chart: Chart) => {
    const {title, subtitle, draw, followsRun} = CARDS[chart];
    return `  <div class="card" data-chart="${chart}"${followsRun ? " data-follows-run" : ""}>
    <h2>${escapeHtml(title)}</h2>
    <h3>${subtitle}</h3>
    $\{whenNear('[data-chart="${chart}"]', invalidation).then(() => frameTurn(invalidation, ${followsRun ? "MONTE_CARLO_TURN" : "POINT_TURN"})).then(() => cardResize("${chart}", (width) => ${draw}))}
  </div>`;
  };
  const rest = charts.filter((chart) => !SHORT_CHARTS.has(chart));
  const alone = [...charts.filter((chart) => SHORT_CHARTS.has(chart)), ...rest.slice(0, rest.length % 2)];
  const paired = rest.slice(rest.length % 2);
  return (
    alone.map((chart) => card(chart) + "\n").join("") +
    (paired.length ? `<div class="grid grid-cols-2 scenario-charts">\n${paired.map(card).join("\n")}\n</div>\n` : "")
  );
}
