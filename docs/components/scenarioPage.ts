import type {Distribution} from "../lib/uncertainty/distribution.js";
import {applyOverrides} from "../lib/scenario/resolve/applyOverrides.js";
import {compareByOrigin} from "../lib/scenario/resolve/originOrder.js";
import {
  bindScenario,
  evaluateScenarioPoint,
  SCENARIO_METRICS,
  type ScenarioCatalogs,
  type ScenarioEvaluation,
  type ScenarioMetricName
} from "../lib/scenario/evaluate/evaluateScenario.js";
import {scenarioToMarkdown} from "../lib/scenario/file/formatScenario.js";
import {UNSET_WORD} from "../lib/scenario/file/explicitNull.js";
import {SCENARIO_LABEL_MAX_CHARS, scenarioKey} from "../lib/scenario/file/schema.js";
import {visibleLength} from "../lib/errors/displayText.js";
import {METRIC_INFO} from "../lib/scenario/evaluate/metricInfo.js";
import {unreadKeys} from "../lib/scenario/evaluate/unreadKeys.js";
import {
  unsetKeyDefaultsOf,
  unsetKeyTakes,
  type UnsetKeyContext,
  type UnsetKeyDefault
} from "../lib/scenario/evaluate/unsetKeyDefaults.js";
import type {ScenarioValue} from "../lib/scenario/file/readValue.js";
import {
  writtenAt,
  type ResolvedScenario,
  type SetOrigin,
  type ValueOrigin
} from "../lib/scenario/resolve/resolveScenario.js";
import {catalogValueName, type NamedCatalogs} from "../lib/scenario/narrative/catalogValueName.js";
import type {RunReport} from "../lib/scenario/run/runReport.js";
import {
  DEFAULT_SCENARIO_SAMPLES,
  DEFAULT_SCENARIO_SEED,
  runScenario,
  type ScenarioRunResult
} from "../lib/scenario/run/runScenario.js";
import {absentMetricText} from "../lib/scenario/run/reportFormat.js";
import {scenarioDrawMedianPoint} from "../lib/scenario/run/scenarioDraws.js";
import type {ScenarioPoint} from "../lib/scenario/resolve/scenarioValues.js";
import {assumptionUnit, displayValue, formatAssumption, reportMedian} from "./format.js";
import type {ScenarioRunReply} from "./scenarioRun.js";
import {scenarioChartNames} from "./scenarioSeries.js";
import {SHARE_FLAG, setPath, settingErrorText} from "./urlState.js";

/** Monte Carlo samples a page uses when it recomputes: the static site's and `run`'s, so every figure agrees. */
export const SCENARIO_PAGE_SAMPLES = DEFAULT_SCENARIO_SAMPLES;

/**
 * The point a page charts: every key at one value, each uncertain key at the median of the draws the page's Monte
 * Carlo makes (scenarioDrawMedianPoint at the page's samples and seed), so that a charted figure reads as the median
 * the cards show (2.06 USD per million tokens on both, where the distributions' own medians gave 2.05 on the charts).
 */
export function scenarioPageMedianPoint(
  resolved: ResolvedScenario,
  {samples = SCENARIO_PAGE_SAMPLES}: PageRunOptions = {}
): ScenarioPoint {
  return scenarioDrawMedianPoint(resolved, {samples, seed: DEFAULT_SCENARIO_SEED});
}

/** How a page runs a state's Monte Carlo: the sample count (the page's own unless a test or the fuzz suite asks). */
export interface PageRunOptions {
  samples?: number;
}

/** What a scenario page shows for one state: the scenario with the state's sets, its metrics and its series. */
export interface ScenarioPageState {
  resolved: ResolvedScenario;
  /** Every metric: a number, null, or a Monte Carlo summary (mean, p5, p50, p95) for a scenario with distributions. */
  metrics: RunReport["metrics"];
  /** Keys whose value is a distribution. */
  uncertainKeys: string[];
  /** Every model at the draws' median point (scenarioPageMedianPoint): the series the charts show. */
  point: ScenarioEvaluation;
  /** Per-month percentile bands of the charted series; null when nothing is uncertain. */
  bands: RunReport["bands"];
  /** True when the metrics are the static report's (no set). */
  fromReport: boolean;
  /**
   * Why the state could not be run as asked, for a notice (the Monte Carlo failed, so the metrics are the median
   * point's; or the sets failed, so the page shows the scenario without them); null when it ran.
   */
  failure: string | null;
}

/**
 * Evaluates a scenario page's state. With no sets, the metrics are the static report's (the build's run of the
 * scenario); with sets, the scenario is re-run through applyOverrides and runScenario at the site's sample count and
 * seed, so that the page shows what `token-ledger run SCENARIO --set …` prints.
 */
export function scenarioPageState(
  report: Pick<RunReport, "metrics" | "uncertainKeys" | "bands">,
  resolved: ResolvedScenario,
  catalogs: ScenarioCatalogs,
  sets: readonly string[],
  {samples = SCENARIO_PAGE_SAMPLES}: PageRunOptions = {}
): ScenarioPageState {
  if (sets.length === 0) {
    const point = evaluateScenarioPoint(bindScenario(resolved, catalogs), scenarioPageMedianPoint(resolved, {samples}));
    return {
      resolved,
      metrics: report.metrics,
      uncertainKeys: report.uncertainKeys,
      bands: report.bands,
      point,
      fromReport: true,
      failure: null
    };
  }
  const edited = applyOverrides(resolved, sets, SHARE_FLAG);
  const run: ScenarioRunResult = runScenario(bindScenario(edited, catalogs), {samples, seed: DEFAULT_SCENARIO_SEED});
  return {
    resolved: edited,
    metrics: run.metrics,
    uncertainKeys: run.uncertainKeys,
    bands: run.bands,
    point: run.point,
    fromReport: false,
    failure: null
  };
}

/**
 * What a share link's sets must pass to be applied: everything the page will run on them, the median evaluation and
 * the Monte Carlo at the page's sample count and seed (scenarioPageState). Checking only the median let a link whose
 * draws fail (`serving.hbmReserve=0.05 to 0.95`) through, and the page then froze on the failing Monte Carlo.
 *
 * Throws: the UserError the scenario's evaluation or Monte Carlo throws.
 */
export function scenarioPageCheck(
  catalogs: ScenarioCatalogs,
  {samples = SCENARIO_PAGE_SAMPLES}: PageRunOptions = {}
): (resolved: ResolvedScenario) => void {
  return (resolved) => {
    runScenario(bindScenario(resolved, catalogs), {samples, seed: DEFAULT_SCENARIO_SEED});
  };
}

/**
 * A page's state from its two halves: the point (scenarioPagePoint, drawn at once) and the Monte Carlo's reply
 * (scenarioRun.ts, from the worker). The same as scenarioPageState with the same sets, which runs both in one go; null
 * while the reply is null (a stale run).
 */
export function scenarioPageStateOf(
  point: Pick<ScenarioPageState, "resolved" | "point">,
  reply: ScenarioRunReply | null
): ScenarioPageState | null {
  if (reply === null) return null;
  return {
    resolved: point.resolved,
    metrics: reply.metrics,
    uncertainKeys: reply.uncertainKeys,
    bands: reply.bands,
    point: point.point,
    fromReport: false,
    failure: null
  };
}

/**
 * scenarioPageState that always returns: when the Monte Carlo fails (a slider made some draws invalid), the metrics
 * are the median point's; when the sets themselves fail, the scenario's static report without them. `failure` says
 * which, with the error's message, so the page settles with a notice instead of an error cell or a hang.
 */
export function settledScenarioPageState(
  report: Pick<RunReport, "metrics" | "uncertainKeys" | "bands">,
  resolved: ResolvedScenario,
  catalogs: ScenarioCatalogs,
  sets: readonly string[],
  options: PageRunOptions = {}
): ScenarioPageState {
  try {
    return scenarioPageState(report, resolved, catalogs, sets, options);
  } catch (error) {
    const message = errorMessage(error, sets);
    try {
      const {resolved: edited, point} = scenarioPagePoint(resolved, catalogs, sets);
      return {
        resolved: edited,
        metrics: {...point.metrics},
        uncertainKeys: [],
        bands: null,
        point,
        fromReport: false,
        failure: `the Monte Carlo failed, so every figure is at the median of each distribution: ${message}`
      };
    } catch (medianError) {
      return {
        ...scenarioPageState(report, resolved, catalogs, []),
        failure: `these settings cannot be evaluated, so the page shows the scenario without them: ${errorMessage(medianError, sets)}`
      };
    }
  }
}

/** The notice's reason: the error as urlState's notices word it (the one setting's path left out, as it is listed). */
function errorMessage(error: unknown, sets: readonly string[]): string {
  return settingErrorText(error, sets.length === 1 ? sets[0] : undefined);
}

/**
 * The part of a page's state that needs no Monte Carlo: the scenario with the state's sets and every model at its
 * draws' median point (scenarioPageMedianPoint: the series the charts draw). Pages draw charts from this at once and
 * fill in the uncertain metrics from scenarioPageState afterwards, so a slider move redraws the charts within a frame
 * or two.
 */
export function scenarioPagePoint(
  resolved: ResolvedScenario,
  catalogs: ScenarioCatalogs,
  sets: readonly string[]
): ScenarioPagePoint {
  const edited = sets.length === 0 ? resolved : applyOverrides(resolved, sets, SHARE_FLAG);
  const median = scenarioPageMedianPoint(edited);
  return {resolved: edited, median, point: evaluateScenarioPoint(bindScenario(edited, catalogs), median)};
}

/** A page's state without its Monte Carlo: the scenario with the state's sets, the point it charts, and the models. */
export interface ScenarioPagePoint extends Pick<ScenarioPageState, "resolved" | "point"> {
  /** Every key at one value, an uncertain key at its draws' median (scenarioPageMedianPoint): where `point` is. */
  median: ScenarioPoint;
}

/**
 * scenarioPagePoint that always returns: when the sets cannot be evaluated at the median (a slider moved to a batch
 * that does not fit), the scenario without them (as filed, not the last state that ran), so the charts keep showing
 * figures while settledScenarioPageState's notice says why and ScenarioProvenance says the figures are the file's.
 */
export function settledScenarioPagePoint(
  resolved: ResolvedScenario,
  catalogs: ScenarioCatalogs,
  sets: readonly string[]
): ScenarioPagePoint {
  try {
    return scenarioPagePoint(resolved, catalogs, sets);
  } catch {
    return scenarioPagePoint(resolved, catalogs, []);
  }
}

/**
 * A metric's central value, the one every page shows: the number itself, or the Monte Carlo median (format.ts
 * reportMedian); null when it does not occur.
 */
export function metricCentral(metric: RunReport["metrics"][ScenarioMetricName] | undefined): number | null {
  return reportMedian(metric);
}

/** One row of a page's metrics table, in display units. */
export interface MetricRow {
  name: ScenarioMetricName;
  label: string;
  /** Display unit (METRIC_INFO displayUnit). */
  unit: string;
  /** Central value (the number, or the Monte Carlo median) in the display unit; null when it does not occur. */
  value: number | null;
  /** 5th and 95th percentiles in the display unit; null for a certain metric. */
  p5: number | null;
  p95: number | null;
  /** Share of Monte Carlo samples in which the metric does not occur (0 for a certain metric). */
  nullShare: number;
  /**
   * What the metric reads when it does not occur, given the other metrics (absentMetricText: "none (no demand)" for a
   * margin of a day without tokens); absentMetricText of the name alone when missing.
   */
  absent?: string;
}

/** The metrics as display rows, in report order. */
export function metricRows(metrics: RunReport["metrics"]): MetricRow[] {
  return SCENARIO_METRICS.map((name) => {
    const info = METRIC_INFO[name];
    const metric = metrics[name];
    const scale = (v: number | null | undefined) => (v === null || v === undefined ? null : v * info.scale);
    const summary = metric !== null && typeof metric === "object" ? metric : null;
    return {
      name,
      label: info.label,
      unit: info.displayUnit,
      value: scale(metricCentral(metric)),
      p5: summary ? scale(summary.p5) : null,
      p95: summary ? scale(summary.p95) : null,
      nullShare: summary ? summary.nullShare : metric === null ? 1 : 0,
      absent: absentMetricText(name, metrics)
    };
  });
}

/**
 * Where a value comes from, in words a reader knows: "this scenario's file", "inherited from Base case" (the parent's
 * short name from `scenarioLabels`, else its id: its title, "Base case — merchant GPUs", wrapped to five lines in
 * every inherited row's narrow Origin cell; trial), "default", "set on this page (URL)"; a default a `null` took the
 * key back to says where ("default: unset in this scenario's file", "default: unset in Base case", "default: unset on
 * this page (URL)"). The file and line are originAt's, for a tooltip.
 */
export function describeOrigin(origin: ValueOrigin, scenarioLabels: Readonly<Record<string, string>> = {}): string {
  switch (origin.kind) {
    case "file":
      return "this scenario's file";
    case "parent":
      return `inherited from ${scenarioLabels[origin.scenario] ?? origin.scenario}`;
    case "default":
      return origin.unset ? `default: unset ${unsetPlace(origin.unset, scenarioLabels)}` : "default";
    case "override":
      return `set on this page (${origin.flag})`;
  }
}

/** Where a `null` was written, after "unset": "in this scenario's file", "in Base case", "on this page (URL)". */
function unsetPlace(origin: SetOrigin, labels: Readonly<Record<string, string>>): string {
  switch (origin.kind) {
    case "file":
      return "in this scenario's file";
    case "parent":
      return `in ${labels[origin.scenario] ?? origin.scenario}`;
    case "override":
      return `on this page (${origin.flag})`;
  }
}

/**
 * The file and line a value was set at, for modellers ("data/scenarios/base.md:12, scenario id base"), or the `null`
 * that took it back to its default; "" if none.
 */
export function originAt(value: ValueOrigin): string {
  const origin = writtenAt(value);
  return origin?.kind === "file" || origin?.kind === "parent"
    ? `${origin.file}:${origin.line}, scenario id ${origin.scenario}`
    : "";
}

/**
 * Each scenario's short name by its id (scenarioChartNames: its `label:`, told apart by its id where two share one),
 * from the site data's scenarios (`site.scenarios`).
 */
export function scenarioLabelsOf(
  scenarios: Readonly<Record<string, {resolved: Pick<ResolvedScenario, "id" | "label">}>>
): Record<string, string> {
  return scenarioChartNames(Object.values(scenarios).map((entry) => entry.resolved));
}

/** What names an assumptions table's ids for a reader: the catalogs' rows and the scenarios' short names, by id. */
export interface AssumptionNames {
  catalogs?: NamedCatalogs;
  scenarioLabels?: Readonly<Record<string, string>>;
  /**
   * The hardware rows (the site data's `hardware`), for the value an unset key takes from the serving chip (its stack,
   * its price: unsetKeyDefault); without them only the keys resolved from the scenario alone (serving.kvCache).
   */
  hardware?: UnsetKeyContext["hardware"];
}

/**
 * An assumption's value as every assumptions table writes it for a reader (the scenario pages' and the chapters'): a
 * catalog id as its row's name ("NVIDIA H100 SXM5 80GB" for "h100-sxm"), anything else by formatAssumption.
 */
export function assumptionValueText(
  path: string,
  value: number | string | Distribution | null,
  catalogs?: NamedCatalogs
): string {
  // A number format reads as the site writes it in prose ("FP8", not the file's "fp8"); a choice by the name the
  // schema gives it (a serving stack as its project names it: "vLLM", not the file's "vllm").
  if (path === "serving.precision" && typeof value === "string") return value.toUpperCase();
  const choiceName = typeof value === "string" ? scenarioKey(path)?.choiceNames?.[value] : undefined;
  if (choiceName !== undefined) return choiceName;
  const named = catalogs ? catalogValueName(path, value, catalogs) : null;
  if (named !== null) return named;
  const text = formatAssumption(path, value);
  // A count of something says what ("5.00B users", "100–300M users (90% interval)"); "—" when unset stays alone.
  const countOf = scenarioKey(path)?.countOf;
  if (countOf === undefined || value === null) return text;
  return text.replace(/( \(90% interval\))?$/, (interval) => ` ${countOf}${interval}`);
}

/** One row of an assumptions table. */
export interface AssumptionRow {
  path: string;
  /**
   * The value for people, as the story pages and narratives write it (formatAssumption): "100M", "1,814", "20%",
   * "$12,000", a distribution as its 90% interval; the file notation is `written` (the table's tooltip).
   */
  value: string;
  /** The value in scenario-file notation to six significant digits (displayValue): what tells two values apart. */
  exact: string;
  /** The unit `value` is written in (assumptionUnit): "%", "%/yr", "months"; "" for ids and choices. */
  unit: string;
  /** The value as written in the file or URL, or "" for a default. */
  written: string;
  /** The catalog id when `value` is a catalog row's name ("h100-sxm" beside "NVIDIA H100 SXM5 80GB"), else "". */
  valueId: string;
  /** describeOrigin: "inherited from Base case". */
  origin: string;
  /** originAt: the file and line, for the origin's tooltip. */
  originAt: string;
  originKind: ValueOrigin["kind"];
  /**
   * True for a default that a `null` took the key back to (origin "default" with `unset`): listed among the values
   * set, since its file or link wrote it, not among the defaults nothing wrote.
   */
  unset?: true;
  source: string;
  /**
   * Why the evaluation does not read this value, when the scenario writes it (a value, or a null) and it does not:
   * another description of the custom chip, set more directly, wins, or prefill is shared (unreadKeys, as `run` lists
   * it); "" when it is read or nothing wrote it.
   */
  unused: string;
  /**
   * Why the evaluation does not read the key, written or not (unreadKeys with defaults), "—" unset included; "" when
   * it reads it. /compare notes it on a value that differs, as `compare` marks it †.
   */
  notRead: string;
  /**
   * For a key left unset that the model resolves to one value (unsetKeyDefault: serving.kvCache is FP8 under fp8
   * weights), that value as `value` and `exact` write it and why ("default for fp8 weights"); else null. The compare
   * page compares and shows it in place of the dash.
   */
  resolvedDefault: {value: string; exact: string; note: string} | null;
  /**
   * For a key left unset that takes another key's value (unsetKeyTakes "follows": training.hardware takes
   * serving.hardware's chip), that key's path; else null. The compare page compares and shows that key's row.
   */
  follows: string | null;
  /**
   * For a key left unset whose figure the model computes in its place (unsetKeyTakes "none" with `instead`:
   * fleet.chips is "sized by the serving model"), what it uses; `value` writes it after the dash. Else "".
   */
  instead: string;
}

/**
 * Every assumption of a resolved scenario, as the files that set them read (compareByOrigin): the page's settings,
 * the scenario's own file by line, its ancestors', then the defaults in the schema's order. With `names`, a catalog id reads as its row's name and a
 * parent scenario by its title (the ids stay in valueId and originAt). With `only`, the rows of those key paths alone
 * (a slider move lists the keys the page sets without formatting the other sixty).
 */
export function assumptionRows(
  resolved: ResolvedScenario,
  names: AssumptionNames = {},
  only?: ReadonlySet<string>
): AssumptionRow[] {
  // The keys the evaluation does not read, set or not: one it does not read takes nothing it would follow or resolve
  // to. Those the scenario writes, a null included, are marked "not used", as `run` lists them (runReport).
  const unreadAtAll = unreadKeys(resolved, {defaults: true});
  const unread = Object.fromEntries(
    Object.entries(unreadAtAll).filter(([path]) => {
      const origin = resolved.values[path]?.origin;
      return origin !== undefined && writtenAt(origin) !== undefined;
    })
  );
  const valueOf = (path: string) => resolved.values[path]?.value as number | string | Distribution | null | undefined;
  // Chips by name, as the table's other rows write them ("NVIDIA H100 SXM5 80GB", not h100-sxm).
  const defaults = unsetKeyDefaultsOf(valueOf, names.hardware ?? [], (chip) => chip.name);
  const values = Object.values(resolved.values).sort(compareByOrigin(resolved.chain));
  return (only ? values.filter((v) => only.has(v.path)) : values).map((v) => {
    const name = names.catalogs ? catalogValueName(v.path, v.value, names.catalogs) : null;
    // What the key takes when left unset (unsetKeyTakes), by catalog names and key labels.
    const taken = unreadAtAll[v.path] === undefined ? unsetKeyTakes(v.path, valueOf, defaults) : null;
    const resolvedDefault = taken?.kind === "default" ? defaultRow(v.path, taken, names.catalogs) : null;
    const own = assumptionValueText(v.path, v.value as number | string | Distribution | null, names.catalogs);
    return {
      path: v.path,
      // A key the evaluation does not read shows its own value ("—" unset), not the one it would follow; a key left
      // unset that the model resolves to one value shows it and why ("FP8 (default for fp8 weights)"), as /compare
      // does: it read "—" on the scenario pages and the register, where the model ran an FP8 cache.
      value: unread[v.path]
        ? own
        : resolvedDefault
          ? `${resolvedDefault.value} (${resolvedDefault.note})`
          : taken?.kind === "follows"
            ? followedValueText(taken.path, taken.value, names.catalogs)
            : taken?.kind === "none" && taken.instead !== undefined
              ? `${own} (${taken.instead})`
              : own,
      exact: displayValue(v.path, v.value as number | string | Distribution | null),
      unit: assumptionUnit(v.path),
      written: v.written ?? "",
      valueId: name === null ? "" : String(v.value),
      origin: describeOrigin(v.origin, names.scenarioLabels),
      originAt: originAt(v.origin),
      originKind: v.origin.kind,
      ...(v.origin.kind === "default" && v.origin.unset ? {unset: true as const} : {}),
      source: v.source ?? "",
      unused: unread[v.path] ?? "",
      notRead: unreadAtAll[v.path] ?? "",
      resolvedDefault,
      follows: taken?.kind === "follows" ? taken.path : null,
      instead: taken?.kind === "none" ? (taken.instead ?? "") : ""
    };
  });
}

/** A resolved default (unsetKeyDefault) as an assumptions row writes its value. */
function defaultRow(
  path: string,
  resolved: UnsetKeyDefault,
  catalogs: NamedCatalogs | undefined
): NonNullable<AssumptionRow["resolvedDefault"]> {
  return {
    value: assumptionValueText(path, resolved.value, catalogs),
    exact: displayValue(path, resolved.value),
    note: resolved.note
  };
}

/**
 * The value a row shows for a key left unset that takes another's value (unsetKeyTakes "follows": training.hardware
 * takes serving.hardware's chip): that value and whose it is, by the key's label as /compare writes it ("NVIDIA B200
 * (as serving accelerator)"). It read "—", so a scenario set on B200s showed no training chip, where the runs are
 * costed on B200s (new-user trial); it named the key by its path, which /compare and the sources
 * (test/scenario/file/readerProse.test.ts) put in words.
 */
function followedValueText(
  from: string,
  followed: number | string | Distribution,
  catalogs: NamedCatalogs | undefined
): string {
  return `${assumptionValueText(from, followed, catalogs)} (as ${(scenarioKey(from)?.label ?? from).toLowerCase()})`;
}

/** A changed value in a downloaded scenario's title and description: in the file notation, or `null` for one unset. */
function changedValueText(path: string, value: ScenarioValue | null): string {
  return value === null ? UNSET_WORD : displayValue(path, value as number | string | Distribution);
}

/** The source recorded in a downloaded scenario for each value a reader changed. */
export const READER_SOURCE = "set by a reader on the token-ledger scenario page";

/**
 * A scenario file of a page's state: `extends:` the page's scenario and sets the changed keys (the values as the
 * page evaluated them), with the parent's narrative referenced. `npx token-ledger validate` accepts it.
 */
export function editedScenarioMarkdown(resolved: ResolvedScenario, sets: readonly string[]): string {
  const values: Record<string, ScenarioValue | null> = {};
  const sources: Record<string, string> = {};
  for (const set of sets) {
    const path = setPath(set);
    const resolvedValue = resolved.values[path];
    // A link's `null` is written as `null`, without a source (a source describes a value the file sets): the file then
    // takes the key back to its default as the page did, where leaving it out would keep the parent's value.
    if (resolvedValue?.origin.kind === "default" && resolvedValue.origin.unset?.kind === "override") {
      values[path] = null;
      continue;
    }
    const value = resolvedValue?.value;
    if (value === null || value === undefined) continue;
    values[path] = value;
    sources[path] = READER_SOURCE;
  }
  const changed = Object.keys(values);
  const body = [
    "",
    `# ${resolved.title}, edited`,
    "",
    `This scenario extends \`${resolved.id}\` (${resolved.file}) and changes ${changed.length ? changed.map((path) => `\`${path}\``).join(", ") : "nothing"}.`,
    ""
  ].join("\n");
  // The title and description say what changed: the parent's ("…, 9-month design cycle") may no longer hold (a file
  // setting a 15-month cycle kept it; trial), in the file's own notation, as its front matter writes the values (a
  // title of "13%" beside "12.5%/yr": breaker).
  const changes = changed.map((path) => `${path} ${changedValueText(path, values[path]!)}`);
  const listed = changes.length > 3 ? [...changes.slice(0, 3), `${changes.length - 3} more`] : changes;
  return scenarioToMarkdown({
    id: `${resolved.id}-edited`,
    title: changes.length ? `${resolved.title}, edited: ${listed.join(", ")}` : `${resolved.title} (edited)`,
    // Its chart name says it is edited where that fits the label's length; else the id (`…-edited`) names it.
    label:
      visibleLength(`${resolved.label} (edited)`) <= SCENARIO_LABEL_MAX_CHARS
        ? `${resolved.label} (edited)`
        : undefined,
    description: `${resolved.title}, edited on its scenario page${changes.length ? `: ${changes.join(", ")}` : ""}.`,
    extends: resolved.id,
    values,
    sources,
    body
  });
}
