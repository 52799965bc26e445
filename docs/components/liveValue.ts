// Live values of a scenario's narrative ({{metrics.x}}, {{serving.utilization}}; src/scenario/narrative/): the page
// loader turns each into an inline expression that calls one of these, so the sentence's number is the page's own.
import type {ScenarioMetricName, ScenarioMetrics} from "../lib/scenario/evaluate/metrics.js";
import type {NamedCatalogs} from "../lib/scenario/narrative/catalogValueName.js";
import {formatAssumption, formatMetric} from "./format.js";
import {monthNeverComes} from "./scenarioMetrics.js";
import {assumptionValueText, type MetricRow} from "./scenarioPage.js";

function liveSpan(name: string, text: string, title: string): HTMLElement {
  const span = document.createElement("span");
  span.className = "live-value";
  span.dataset.live = name;
  span.textContent = text;
  span.title = title;
  return span;
}

/**
 * A metric for the narrative: the page's central value (the median of the draws when uncertain), formatted as the
 * page's cards and tables format it ("$3.06B", "month 5", "1.80 USD/Mtok"). A month that does not come within the
 * horizon reads as the cards read it, "none within the horizon", which fits a month named in apposition ("the month it
 * overtakes for good ({{metrics.inferenceOvertakesTrainingMonth}})"); `afterAt` (the narrative writes "at" before it:
 * "paid back at {{metrics.siliconPaybackMonth}}") reads "no point within the horizon". Any other missing value reads as
 * the cards write it (MetricRow `absent`: "none (no demand)"), else "—".
 */
export function LiveMetric(
  rows: readonly MetricRow[],
  metric: ScenarioMetricName,
  {afterAt = false}: {afterAt?: boolean} = {}
): HTMLElement {
  const row = rows.find((r) => r.name === metric);
  const text =
    row !== undefined && monthNeverComes(row)
      ? afterAt
        ? "no point within the horizon"
        : "none within the horizon"
      : row?.value === null && row.absent !== undefined
        ? row.absent
        : formatMetric(metric, row?.value ?? null);
  return liveSpan(`metrics.${metric}`, text, `${row?.label ?? metric}: recomputed as you change the assumptions`);
}

/**
 * An assumption for the narrative: its value at the page's state (its median when uncertain), written for prose
 * ("60%", "$274M", "18 months"); a catalog id as the name of its row in `catalogs` ("NVIDIA H100 SXM5 80GB", not
 * "h100-sxm"; the id is in the tooltip). `unread`: the keys the state does not read, each with why
 * (unreadKeys); such a key reads as what `evaluation` (the page's point evaluation) computes instead, where
 * DERIVED names it, else as its value with "(not used)".
 */
export function LiveKey(
  point: Readonly<Record<string, number | string | null>>,
  path: string,
  {
    unread = {},
    evaluation,
    catalogs
  }: {unread?: Readonly<Record<string, string>>; evaluation?: DerivedValues; catalogs?: NamedCatalogs} = {}
): HTMLElement {
  const why = unread[path];
  if (why !== undefined) {
    // A key the page's state does not read (a link's silicon.chip over asic-9-months' relative throughput) reads as
    // the value the page computes instead, where there is one ("a median of 0.714× an H100's", not the unread 0.98×;
    // breaker), else with "(not used)".
    const metric = DERIVED[path as keyof typeof DERIVED] as (typeof DERIVED)[keyof typeof DERIVED] | undefined;
    const derived = evaluation && metric ? evaluation.metrics[metric] : undefined;
    if (derived !== undefined) {
      // Written as the metrics table writes the metric (a ratio's three digits: "0.780×"), not as the key's own
      // format would ("0.78×"): the two sat side by side on /scenarios/asic-9-months reading one figure two ways.
      return liveSpan(
        path,
        formatMetric(metric!, derived),
        `${path} is not used (${why}): the value the page computes instead`
      );
    }
    return liveSpan(path, `${formatAssumption(path, point[path] ?? null)} (not used)`, `${path}: not used, ${why}`);
  }
  const value = point[path] ?? null;
  // As the assumption tables write it: a catalog row's name, a stack's or a number format's, the id in the tooltip
  // when the text is not the id as written.
  const text = assumptionValueText(path, value, catalogs);
  const named = typeof value === "string" && text !== value;
  return liveSpan(
    path,
    text,
    named ? `${path}: ${value}, the value this page uses` : `${path}: the value this page uses`
  );
}

/** What a page's point evaluation gives in place of a key another description replaces: its metrics. */
export interface DerivedValues {
  metrics: Pick<ScenarioMetrics, (typeof DERIVED)[keyof typeof DERIVED]>;
}

/** The metric that gives, in the key's own unit, what the evaluation uses for a key it does not read. */
const DERIVED = {
  "silicon.relativeThroughput": "siliconRelativeThroughput",
  "silicon.unitCost": "siliconUnitCostUsd"
} as const satisfies Readonly<Record<string, ScenarioMetricName>>;
