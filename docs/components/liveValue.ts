// Live values of a scenario's narrative ({{metrics.x}}, {{serving.utilization}}; src/scenario/narrative/): the page
// loader turns each into an inline expression that calls one of these, so the sentence's number is the page's own.
import type {ScenarioMetricName} from "../lib/scenario/evaluate/metrics.js";
import {formatAssumption, formatMetric} from "./format.js";
import {monthNeverComes} from "./scenarioMetrics.js";
import type {MetricRow} from "./scenarioPage.js";

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
 * horizon (the cards' "none within the horizon") reads "no point within the horizon", which fits the sentences
 * narratives write around a month ("paid back at {{metrics.siliconPaybackMonth}}"); any other missing value is "—".
 */
export function LiveMetric(rows: readonly MetricRow[], metric: ScenarioMetricName): HTMLElement {
  const row = rows.find((r) => r.name === metric);
  const text =
    row !== undefined && monthNeverComes(row)
      ? "no point within the horizon"
      : formatMetric(metric, row?.value ?? null);
  return liveSpan(`metrics.${metric}`, text, `${row?.label ?? metric}: recomputed as you change the assumptions`);
}

/**
 * An assumption for the narrative: its value at the page's state (its median when uncertain), written for prose
 * ("60%", "$274M", "18 months", "h100-sxm").
 */
export function LiveKey(point: Readonly<Record<string, number | string | null>>, path: string): HTMLElement {
  return liveSpan(path, formatAssumption(path, point[path] ?? null), `${path}: the value this page uses`);
}
