// A scenario's headline numbers (KPI cards) and its full metrics table. Uncertain metrics show their median over the
// Monte Carlo draws (named: "median of 1,000 draws") with the 5th–95th percentile range; every value is written by
// format.ts, as the story pages write the same quantity.
import type {ScenarioBands} from "../lib/scenario/run/runScenario.js";
import type {RunReport} from "../lib/scenario/run/runReport.js";
import {scenarioKey} from "../lib/scenario/file/schema.js";
import type {ResolvedScenario} from "../lib/scenario/resolve/resolveScenario.js";
import {
  absentMetricText,
  DEFAULT_PRICES_NOTE,
  flywheelFloorNote,
  vendorShareFootnote,
  PRICE_LIST_METRICS,
  setsNoPrices
} from "../lib/scenario/run/reportFormat.js";
import {
  formatDisplayNumber,
  formatMetric,
  formatMetricInterval,
  formatMetricWithin,
  formatPercent,
  formatShareOfDraws,
  missingDrawsText,
  medianLabel
} from "./format.js";
import {SCENARIO_PAGE_SAMPLES, type MetricRow, type ScenarioPageState} from "./scenarioPage.js";
import {andList} from "../lib/units/wordList.js";
import {FOOTNOTE_MARKS, type FootnoteName} from "../lib/scenario/run/footnoteMarks.js";
import {DEFAULT_BANDS_METRICS} from "./scenarioTopics.js";

/**
 * The p5–p95 range of an uncertain metric over the draws in which it occurs: "0.759–1.25 USD/Mtok"; "" for a certain
 * one, and for one that no uncertain assumption moves (p5 = p95, every draw has it).
 */
function percentileRange(row: MetricRow): string {
  if (row.p5 === null || row.p95 === null) return "";
  if (formatMetric(row.name, row.p5) === formatMetric(row.name, row.p95) && row.nullShare === 0) return "";
  return formatMetricInterval(row.name, row.p5, row.p95);
}

/** The 90% interval of an uncertain metric: "0.759 USD/Mtok–1.25 USD/Mtok"; "" for a certain one. */
function intervalText(row: MetricRow): string {
  const interval = percentileRange(row);
  if (!interval) return "";
  // The percentiles are over the draws in which the metric occurs: say so when some draws have none.
  const missing = row.nullShare > 0 ? ` where it occurs; ${missingDrawsText(row.name, row.nullShare)}` : "";
  return `${interval}${missing}`;
}

/** The range text of an uncertain metric: "90% interval 0.759 USD/Mtok–1.25 USD/Mtok"; "" for a certain one. */
function rangeText(row: MetricRow): string {
  const spread = metricSpreadText(row);
  return spread && !noCentralValue(row) ? `90% interval ${spread}` : spread;
}

/**
 * What goes under a metric's value, without the "90% interval" label (the compare page's cells carry it in their
 * title): the p5–p95 range (with the share of draws without the metric, if any), or, for a month most draws never
 * reach (the value reads "none within the horizon"), "in 98% of draws; month 11–12 in the others"; "" when certain.
 */
export function metricSpreadText(row: MetricRow): string {
  if (noCentralValue(row))
    return `in ${formatShareOfDraws(row.nullShare)} of draws; ${percentileRange(row)} in the others`;
  return intervalText(row);
}

/** Whether most draws never reach the metric, so it has no median (reportMedian) but some draws have a value. */
function noCentralValue(row: MetricRow): boolean {
  return row.value === null && row.nullShare > 0 && row.p5 !== null && row.p95 !== null;
}

/**
 * A metric row's value for a card or a table (scenario page, compare page), as `run` writes it (absentMetricText): a
 * month that does not come (a payback or crossover beyond the horizon, in the one evaluation or in most draws) reads
 * "none within the horizon", not a bare dash. The narrative's live values write the same case for prose (LiveMetric: "no
 * point within the horizon").
 */
export function metricValueText(
  row: Pick<MetricRow, "name" | "value" | "unit" | "absent"> & Partial<Pick<MetricRow, "p5" | "p95" | "nullShare">>
): string {
  if (row.value === null) return row.absent ?? absentMetricText(row.name);
  // Beside its interval, the median at the interval's scale ("$0.950M", "90% interval $0.700–1.20M"), as `run` does.
  const {p5 = null, p95 = null, nullShare = 0} = row;
  if (p5 === null || p95 === null || !percentileRange({...row, p5, p95, nullShare, label: ""}))
    return formatMetric(row.name, row.value);
  return formatMetricWithin(row.name, row.value, p5, p95);
}

/** Whether the row is a month (a payback, a crossover) that does not come within the horizon: no central value. */
export function monthNeverComes(row: Pick<MetricRow, "value" | "unit">): boolean {
  return row.value === null && row.unit === "month";
}

/**
 * KPI cards for the named metrics: label, value (the median of the draws if uncertain, named so) and its 90%
 * interval.
 */
export function ScenarioKpis(
  rows: readonly MetricRow[],
  names: readonly string[],
  {samples = SCENARIO_PAGE_SAMPLES} = {}
): HTMLElement {
  const grid = document.createElement("div");
  grid.className = "grid grid-cols-4 scenario-kpis";
  for (const name of names) {
    const row = rows.find((r) => r.name === name);
    if (!row) continue;
    const card = document.createElement("div");
    card.className = "card scenario-kpi";
    card.dataset.metric = row.name;
    card.dataset.value = row.value === null ? "" : String(row.value);
    const label = document.createElement("h2");
    label.textContent = row.label;
    const value = document.createElement("span");
    value.className = "big";
    value.textContent = metricValueText(row);
    card.append(label, value);
    const range = rangeText(row);
    if (range) {
      const note = document.createElement("div");
      note.className = "muted scenario-kpi-range";
      note.textContent = noCentralValue(row) ? range : `${medianLabel(samples)}; ${range}`;
      card.append(note);
    }
    grid.append(card);
  }
  return grid;
}

/** Every metric in a table: label, value with unit (the median of the draws if uncertain), and the 90% interval. */
export function ScenarioMetricsTable(
  rows: readonly MetricRow[],
  {
    samples = SCENARIO_PAGE_SAMPLES,
    pricesNote = null,
    notes = {}
  }: {
    samples?: number;
    pricesNote?: string | null;
    /** A note after a metric's label, by metric: why it reads as it does (metricNotes: the flywheel at its floor). */
    notes?: Readonly<Partial<Record<string, MetricNote>>>;
  } = {}
): HTMLElement {
  const table = document.createElement("table");
  table.className = "scenario-table scenario-metrics phone-blocks";
  const head = table.createTHead().insertRow();
  for (const text of [
    "Metric",
    `Value (${medianLabel(samples)} if uncertain)`,
    "90% interval (5th to 95th percentile)"
  ]) {
    const th = document.createElement("th");
    th.textContent = text;
    head.append(th);
  }
  const body = table.createTBody();
  const footnotes = footnoteMarks();
  for (const row of rows) {
    const tr = body.insertRow();
    tr.dataset.metric = row.name;
    const label = tr.insertCell();
    label.textContent = row.label;
    if (pricesNote && PRICE_LIST_METRICS.has(row.name)) {
      const note = document.createElement("span");
      note.className = "muted scenario-metric-note";
      note.textContent = ` (${pricesNote})`;
      label.append(note);
    }
    const note = notes[row.name];
    if (note) label.append(" ", FootnoteMark(footnotes.mark(note), note.text, row.name));
    const value = tr.insertCell();
    value.textContent = metricValueText(row);
    value.dataset.value = row.value === null ? "" : String(row.value);
    value.className = "scenario-number";
    const interval = tr.insertCell();
    interval.textContent = intervalText(row);
    // On a phone a metric is a block: its name, then its value and interval on a line, named (scenarioStyle.css).
    value.dataset.label = "value";
    interval.dataset.label = "90%";
  }
  const wrap = document.createElement("div");
  wrap.className = "scenario-table-wrap";
  wrap.append(table);
  // Each note once under the table, its rows marked (the tax's note read in full in two labels; tester).
  if (footnotes.notes.length) {
    const box = document.createElement("div");
    box.append(wrap, Footnotes(footnotes.notes));
    return box;
  }
  return wrap;
}

/**
 * Notes on single metrics, by metric: the flywheel's saving at the design-cycle floor (flywheelFloorNote), the tax and
 * the vendor's shares when they read as one figure (vendorShareFootnote, at `metrics`' medians), and, when
 * moat.costAdvantage is not set, where the cost lead comes from (the base page's $3.62B beside chapter 5's $3.19B read
 * as one figure twice; reader audit).
 */
export function metricNotes(
  resolved: ResolvedScenario,
  metrics: RunReport["metrics"] | null = null
): Partial<Record<string, MetricNote>> {
  const floor = flywheelFloorNote(resolved.values);
  const shares = vendorShareFootnote(resolved.values, metrics ?? {});
  const derivedLead = (resolved.values["moat.costAdvantage"]?.value ?? null) === null;
  const floorNote: MetricNote | null = floor ? {name: "flywheelFloor", text: floor} : null;
  return {
    ...(floorNote ? {flywheelCostReduction: floorNote, flywheelUserGain: floorNote} : {}),
    ...(shares
      ? Object.fromEntries(shares.metrics.map((name) => [name, {name: "vendorShare", text: shares.text} as const]))
      : {}),
    ...(derivedLead
      ? {
          costLeadValueUsd: {
            name: "derivedCostLead",
            text:
              "moat.costAdvantage unset: the lead is this scenario's custom chip's saving per token; chapter 5's " +
              "scenario sets its own and draws the catch-up time"
          }
        }
      : {})
  };
}

/** The note of the price-list metrics when the scenario sets no price (DEFAULT_PRICES_NOTE), else null. */
export function defaultPricesNote(resolved: ResolvedScenario): string | null {
  return setsNoPrices(resolved.values) ? DEFAULT_PRICES_NOTE : null;
}

/**
 * Where the figures come from: the static report, or a recomputation with the listed changes. `state` is what the
 * page shows for `sets` (scenarioPageState): when its `failure` says the sets were not run as set (the "Not run as set"
 * notice), the caption says what the figures are instead: the scenario as filed, from the static report, when the sets
 * cannot be evaluated; the median point with the changes when only their Monte Carlo failed. It said "Recomputed in
 * your browser with 3 changes" over the file's figures after a refused slider move.
 */
export function ScenarioProvenance(
  sets: readonly string[],
  {
    samples = SCENARIO_PAGE_SAMPLES,
    seed = 1,
    state = null
  }: {samples?: number; seed?: number; state?: Pick<ScenarioPageState, "fromReport" | "failure"> | null} = {}
): HTMLElement {
  const p = document.createElement("p");
  p.className = "muted scenario-provenance";
  const mc = `${formatDisplayNumber(samples)} Monte Carlo samples, seed ${seed}`;
  const report = `the static report built with the site (${mc})`;
  if (!sets.length) {
    p.textContent = `Figures from ${report}.`;
    return p;
  }
  const changes = `${sets.length} change${sets.length === 1 ? "" : "s"}`;
  const notRun = state?.failure ? state : null;
  if (notRun?.fromReport) {
    // The notice above lists the sets and the reason: the caption says only what the figures are.
    p.dataset.notRun = "sets";
    const why =
      sets.length === 1
        ? "the change as set cannot be evaluated, so it is not run"
        : `the ${sets.length} changes as set cannot be evaluated together, so none of them is run`;
    p.textContent = `Figures for the scenario as filed, from ${report}: ${why} (see “Not run as set” above).`;
    return p;
  }
  p.append(`Recomputed in your browser with ${changes}: `);
  sets.forEach((set, i) => {
    if (i) p.append(", ");
    const code = document.createElement("code");
    code.textContent = set;
    p.append(code);
  });
  if (notRun) {
    p.dataset.notRun = "monte-carlo";
    p.append(
      `, every figure at the median of each distribution: the Monte Carlo of this setting failed (see “Not run as set” above).`
    );
    return p;
  }
  p.append(` (${mc}).`);
  return p;
}

/** How the summary names a metric: "the silicon program's NPV"; else "the " and its label. */
const BANDS_NAMES: Partial<Record<string, string>> = {siliconNpvUsd: "the silicon program's NPV"};

/**
 * What the bands mean, in plain words: which assumptions were drawn, and the 90% interval of the metrics the page is
 * about (`about`: its topics' own metrics, scenarioTopics.ts; the cost-lead page's summary gave the silicon program's
 * NPV, not the leads it is about; reader's audit), by default the silicon program's NPV and the month inference
 * overtakes training for good. Without distributions, how to get bands.
 */
export function BandsSummary(
  rows: readonly MetricRow[],
  uncertainKeys: readonly string[],
  bands: ScenarioBands | null,
  {samples = SCENARIO_PAGE_SAMPLES, seed = 1, about = DEFAULT_BANDS_METRICS} = {} as {
    samples?: number;
    seed?: number;
    about?: readonly string[];
  }
): HTMLElement {
  const p = document.createElement("p");
  p.className = "scenario-bands-summary";
  p.dataset.testid = "bands-summary";
  // The last month of each band, for tests to compare with Node's.
  if (bands) {
    p.dataset.spendLast = JSON.stringify(bands.cumulativeInferenceSpendUsd.at(-1));
    p.dataset.siliconLast = JSON.stringify(bands.siliconCumulativeDiscountedCashFlowUsd.at(-1));
  }
  if (uncertainKeys.length === 0) {
    p.textContent =
      "Every assumption of this scenario is a single value, so there is nothing to band. Write a range (a to b) for " +
      "any key, in the scenario file or in a set parameter, and the page draws it and shows how sure each number is.";
    return p;
  }
  // Each metric the page is about with a spread: "the gross profit from a cost lead within $1.2–3.4B".
  const spreads = about.flatMap((name) => {
    if (name === "inferenceOvertakesTrainingMonth") return [];
    const row = rows.find((r) => r.name === name);
    const interval = row ? intervalText(row) : "";
    return interval ? [{name: BANDS_NAMES[name] ?? `the ${row!.label}`, interval}] : [];
  });
  const crossoverRow = about.includes("inferenceOvertakesTrainingMonth")
    ? rows.find((r) => r.name === "inferenceOvertakesTrainingMonth")
    : undefined;
  const crossoverRange = crossoverRow ? percentileRange(crossoverRow) : "";
  // As the training-vs-inference chapter says it: within the horizon in what share of draws, and when in 90% of those.
  const someNever = (crossoverRow?.nullShare ?? 0) > 0;
  const crossover = !crossoverRange
    ? ""
    : someNever
      ? `within the horizon in ${formatShareOfDraws(1 - crossoverRow!.nullShare)} of them, in ${crossoverRange} in 90% of those`
      : `in ${crossoverRange}`;
  p.append(`The bands and the 90% intervals come from ${formatDisplayNumber(samples)} draws (seed ${seed}) of `);
  // Each key by its label in words, the key path in a tooltip for authors: "serving utilisation".
  uncertainKeys.forEach((key, i) => {
    if (i) p.append(i === uncertainKeys.length - 1 ? " and " : ", ");
    const label = scenarioKey(key)?.label;
    const span = document.createElement("span");
    span.title = key;
    span.textContent = label ? `${label.charAt(0).toLowerCase()}${label.slice(1)}` : key;
    p.append(span);
  });
  // "the first lies within A and the second within B": the verb once.
  const spreadText = andList(
    spreads.map(({name, interval}, i) => `${name} ${i === 0 ? "lies " : ""}within ${interval}`)
  );
  p.append(
    `, every other assumption at its value. ` +
      (spreadText ? `In 90% of the draws ${spreadText}` : "") +
      (spreadText && crossover
        ? `, and inference spend overtakes training for good ${crossover}.`
        : spreadText
          ? "."
          : "") +
      (!spreadText && crossover
        ? `${someNever ? "Inference" : "In 90% of the draws inference"} spend overtakes training for good ${crossover}.`
        : "")
  );
  return p;
}

/** A note on a metric: which footnote it is (its mark in FOOTNOTE_MARKS) and its text. */
export interface MetricNote {
  name: FootnoteName;
  text: string;
}

/**
 * A table's footnotes: each note's text once, under its note's one mark (FOOTNOTE_MARKS, as `run` and `compare` mark
 * it), in the order first met. The marks were numbered in that order, so one note read † here, ‡ in `run` and ¶ in
 * `compare`, and ‡ marked another note on this page (new-user trial).
 */
export interface FootnoteMarks {
  /** The mark of `note`, listing its text the first time. */
  mark(note: MetricNote): string;
  /** [mark, text] in order. */
  readonly notes: readonly (readonly [string, string])[];
}

export function footnoteMarks(): FootnoteMarks {
  const byText = new Map<string, string>();
  return {
    mark({name, text}) {
      const mark = FOOTNOTE_MARKS[name];
      if (!byText.has(text)) byText.set(text, mark);
      return mark;
    },
    get notes() {
      return [...byText].map(([text, mark]) => [mark, text] as const);
    }
  };
}

/** A footnote's mark after a value or label (the note in its title and data-note; data-testid metric-note-<name>). */
export function FootnoteMark(mark: string, text: string, metric: string): HTMLElement {
  const sup = document.createElement("sup");
  sup.className = "scenario-footnote-mark";
  sup.textContent = mark;
  sup.title = text;
  sup.dataset.note = text;
  sup.dataset.testid = `metric-note-${metric}`;
  return sup;
}

/**
 * The footnotes under a table, each note once after its mark, with whom it holds for where not every column shares it
 * (`who`: "asic-9-months"). Hidden when there are none.
 */
export function Footnotes(notes: readonly (readonly [string, string, string?])[]): HTMLElement {
  const list = document.createElement("div");
  list.className = "muted scenario-footnotes";
  list.hidden = notes.length === 0;
  for (const [mark, text, who] of notes) {
    const p = document.createElement("p");
    p.dataset.mark = mark;
    p.textContent = `${mark} ${who ? `${who}: ` : ""}${text}.`;
    list.append(p);
  }
  return list;
}
