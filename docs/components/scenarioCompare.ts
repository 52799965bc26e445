// Side-by-side tables of several scenarios: their metrics, and the assumptions in which they differ. Every value is
// written by format.ts, as the scenario pages and the story pages write it.
import {assumptionValueText, type AssumptionRow, type MetricRow} from "./scenarioPage.js";
import {
  FootnoteMark,
  footnoteMarks,
  Footnotes,
  metricSpreadText,
  metricValueText,
  type MetricNote
} from "./scenarioMetrics.js";
import {SCENARIO_KEY_PATHS, scenarioKey} from "../lib/scenario/file/schema.js";
import {UnusedNote} from "./unusedNote.js";
import {defaultPricesNoteOf, PRICE_LIST_METRICS} from "../lib/scenario/run/reportFormat.js";

/** One scenario's column of a comparison. */
export interface CompareColumn {
  id: string;
  title: string;
  metrics: readonly MetricRow[];
  assumptions: readonly AssumptionRow[];
  /** Notes on this scenario's single metrics, by metric (metricNotes: the flywheel at its floor), under the value. */
  notes?: Readonly<Partial<Record<string, MetricNote>>>;
  /**
   * True when the scenario sets no prices (setsNoPrices): its price-list metrics are at the default list, marked, the
   * note once under the table naming the scenarios it holds for, as `compare` stars them (they read bare here).
   */
  setsNoPrices?: boolean;
}

function headerRow(table: HTMLTableElement, first: string, columns: readonly CompareColumn[]): void {
  const head = table.createTHead().insertRow();
  const th = document.createElement("th");
  th.textContent = first;
  head.append(th);
  for (const column of columns) {
    const cell = document.createElement("th");
    const link = document.createElement("a");
    link.href = `./scenarios/${encodeURIComponent(column.id)}`;
    link.textContent = column.title;
    cell.append(link);
    cell.dataset.scenario = column.id;
    head.append(cell);
  }
}

function wrap(table: HTMLTableElement): HTMLElement {
  const div = document.createElement("div");
  div.className = "scenario-table-wrap";
  div.append(table);
  return div;
}

/** Every metric, one column per scenario: the value (the median of the draws if uncertain) and its 90% interval below. */
/** Longest interval kept on one line (about a 390 px screen's width beside its label at the muted size). */
const FIGURE_LINE_CHARACTERS = 32;

export function CompareMetricsTable(columns: readonly CompareColumn[]): HTMLElement {
  const table = document.createElement("table");
  table.className = "scenario-table scenario-compare-metrics phone-blocks";
  headerRow(table, "Metric", columns);
  const body = table.createTBody();
  const first = columns[0];
  if (!first) return wrap(table);
  const footnotes = footnoteMarks();
  const holders = new Map<string, Set<string>>();
  // The default price list's note names its scenarios itself, as `compare`'s does ("base and … set no prices").
  const noPrices = columns.filter((column) => column.setsNoPrices);
  const pricesNote = noPrices.length ? defaultPricesNoteOf(noPrices.map((column) => column.title)) : null;
  first.metrics.forEach((metric, i) => {
    const tr = body.insertRow();
    tr.dataset.metric = metric.name;
    tr.insertCell().textContent = metric.label;
    for (const column of columns) {
      const row = column.metrics[i]!;
      const cell = tr.insertCell();
      cell.className = "scenario-number";
      cell.dataset.value = row.value === null ? "" : String(row.value);
      // On a phone each scenario's cell is a line of the metric's block, named by its id (scenarioStyle.css).
      cell.dataset.label = column.title; // the phone layout names each value by its scenario
      cell.dataset.scenario = column.id;
      // A figure never breaks inside ("−" / "$273M", "1.89" / "USD/Mtok" at 390 px; trial): the value, and an interval
      // short enough for a line, keep together (scenario-figure).
      const value = document.createElement("span");
      value.className = "scenario-figure";
      value.textContent = metricValueText(row);
      cell.append(value);
      const spread = metricSpreadText(row);
      if (spread) {
        const range = document.createElement("div");
        range.className = spread.length <= FIGURE_LINE_CHARACTERS ? "muted scenario-figure" : "muted";
        range.textContent = spread;
        range.title = "90% interval (5th to 95th percentile)";
        cell.append(range);
      }
      // Why a figure reads as it does, in this scenario (a bare "0%" for the flywheel at its floor; trial): marked, the
      // note once under the table (the tax's paragraph read in each of 2 rows × 3 columns at 1280 px; tester).
      const note = column.notes?.[metric.name];
      if (note) {
        value.append(FootnoteMark(footnotes.mark(note), note.text, metric.name));
        holders.set(note.text, new Set([...(holders.get(note.text) ?? []), column.title]));
      }
      if (pricesNote && column.setsNoPrices && PRICE_LIST_METRICS.has(metric.name)) {
        value.append(FootnoteMark(footnotes.mark({name: "defaultPrices", text: pricesNote}), pricesNote, metric.name));
      }
    }
  });
  // Each note names the scenarios it holds for, unless it holds for all.
  const notes = footnotes.notes.map(([mark, text]) => {
    const who = [...(holders.get(text) ?? [])];
    return [mark, text, who.length === columns.length || text === pricesNote ? undefined : who.join(", ")] as const;
  });
  if (!notes.length) return wrap(table);
  const box = document.createElement("div");
  box.append(wrap(table), Footnotes(notes));
  return box;
}

/** The assumptions whose values differ between the scenarios, with the unit; hover a value for its origin and source. */
export function CompareAssumptionsTable(columns: readonly CompareColumn[]): HTMLElement {
  const table = document.createElement("table");
  // On a phone, blocks as the metrics are (the key column took the width and cut the values mid-word: trial).
  table.className = "scenario-table scenario-compare-assumptions phone-blocks";
  headerRow(table, "Assumption", columns);
  const body = table.createTBody();
  // Each column's rows by key: a scenario's rows are listed as its files read (compareByOrigin), so row i of one
  // column is another key in the next (the 9-month ASIC's values sat against other scenarios' keys).
  const byPath = columns.map((column) => new Map(column.assumptions.map((row) => [row.path, row])));
  let differing = 0;
  // Rows in the schema's order, the same for every selection.
  SCENARIO_KEY_PATHS.forEach((path) => {
    if (!byPath.every((rows) => rows.has(path))) return;
    const assumption = byPath[0]!.get(path)!;
    // A key left unset that follows another (training.hardware: serving.hardware's chip) is compared at the value it
    // takes, as `compare` does: a scenario that moves the serving chip moves its training run too.
    // A key left unset that the model resolves to one value (an fp8 KV cache under fp8 weights) is compared and shown
    // at that value, marked as the default, as `compare` does: it read "—" beside another scenario's fp8, a difference.
    // Which of them a key is, assumptionRows says (unsetKeyTakes: `follows`, `resolvedDefault`).
    const values = byPath.map((rows): AssumptionRow & {followed?: string; defaultNote?: string} => {
      const own = rows.get(path)!;
      const from = own.follows === null ? undefined : rows.get(own.follows);
      if (from) return {...from, path: own.path, followed: from.path, unused: own.unused, notRead: own.notRead};
      const resolved = own.resolvedDefault;
      if (resolved) return {...own, value: resolved.value, exact: resolved.exact, defaultNote: resolved.note};
      // A dash whose figure the model computes says what, muted as a default's why is ("— (sized by the serving
      // model)"): base's fleet.chips read a bare "—", as if a default applied.
      return own.instead ? {...own, value: assumptionValueText(own.path, null), defaultNote: own.instead} : own;
    });
    if (values.every((v) => v.exact === values[0]!.exact)) return;
    differing++;
    const tr = body.insertRow();
    tr.dataset.key = assumption.path;
    // Named in words over its key, as the scenario pages do; each value carries its own unit ("80%", "18 months"):
    // a base unit beside them read "(fraction)" over "80%" (trial).
    const key = document.createElement("code");
    key.textContent = assumption.path;
    const name = tr.insertCell();
    name.append(scenarioKey(assumption.path)?.label ?? assumption.path, document.createElement("br"), key);
    values.forEach((v, j) => {
      const cell = tr.insertCell();
      cell.textContent = v.value;
      if (v.followed) {
        const note = document.createElement("span");
        note.className = "muted";
        note.textContent = ` (as ${(scenarioKey(v.followed)?.label ?? v.followed).toLowerCase()})`;
        cell.append(note);
      }
      if (v.defaultNote) {
        const note = document.createElement("span");
        note.className = "muted";
        note.textContent = ` (${v.defaultNote})`;
        cell.append(note);
      }
      cell.dataset.label = columns[j]!.title;
      cell.dataset.scenario = columns[j]!.id;
      // Set, at its default or unset ("—"), as `compare` marks it †: a "—" beside shared prefill's read as a default
      // that applies, where nothing reads the key.
      if (v.notRead) cell.append(UnusedNote(`not used: ${v.notRead}`));
      const at = v.originAt ? ` (${v.originAt})` : "";
      const id = v.valueId ? `id: ${v.valueId}; ` : "";
      cell.title = `${id}${v.origin}${at}${v.source ? ` — ${v.source}` : ""}`;
      if (v.exact !== values[0]!.exact) cell.className = "scenario-differs";
    });
  });
  if (!differing) {
    const tr = body.insertRow();
    const cell = tr.insertCell();
    cell.colSpan = columns.length + 1;
    cell.textContent = "These scenarios set every assumption to the same value.";
  }
  return wrap(table);
}
