import {formatMetric, reportMedian} from "./reportFormat.js";
import type {AssumptionReport, RunReport} from "./runReport.js";

/** What fleetCapacityNote reads: the metrics, and each key's value (a RunReport's assumptions). */
export interface FleetNoteInput {
  metrics: RunReport["metrics"];
  assumptions: Readonly<Record<string, Pick<AssumptionReport, "value">>>;
}

/**
 * A note for a report whose fleet.chips is fewer chips than the serving model needs for the day's tokens: the median
 * of `fleetUtilizationNeeded` (tokens ÷ (chips × blended tokens/s per chip × 86,400)) is above 1. The cost and
 * margins of such a report still count only those chips, so they read as if the chips served more than the model
 * says they can; the note says so, with the count the model would need at full use. Null when the fleet is sized by
 * the model, or when the chips suffice.
 *
 * Where the scenario states the day's tokens (fleet.inputTokensPerDay and fleet.outputTokensPerDay as numbers) it adds
 * the fleet's own cost per million tokens, fleet cost per day ÷ those tokens × 10⁶, beside the model's blended cost per
 * million at serving.utilization: deepseek-one-day headlines 0.488 USD/Mtok while its $87,072 a day buys 776B tokens,
 * 0.112 (new user: the two read as one figure 4× apart).
 *
 * Input: a RunReport's metrics and assumptions (runReport.ts; a scenario page passes its resolved scenario's values,
 * which have the same `value`s). Output: one or two sentences, or null. Raises nothing.
 */
export function fleetCapacityNote(report: FleetNoteInput): string | null {
  const needed = reportMedian(report.metrics.fleetUtilizationNeeded);
  const chips = reportMedian(report.metrics.fleetChips);
  if (needed === null || chips === null || !(needed > 1)) return null;
  // Above 1 but rounding to "100%" (a whole percent from 10%) would read as if the chips sufficed.
  const busy = formatMetric("fleetUtilizationNeeded", needed * 100);
  return (
    `fleet.chips (${formatMetric("fleetChips", chips)}) is fewer chips than the serving model needs for the day's ` +
    `tokens: they would be busy ${busy === "100%" ? "just over 100%" : busy} of every hour, ` +
    `${formatMetric("fleetChips", chips * needed)} at full use. Either this fleet serves more tokens per chip than ` +
    `the model does, or it cannot serve the day; the cost and margins count only fleet.chips.` +
    ownCostSentence(report)
  );
}

/** " At this fleet's own figures …", or "" when the scenario does not state the day's tokens or the day's cost. */
function ownCostSentence(report: FleetNoteInput): string {
  const tokens = ["fleet.inputTokensPerDay", "fleet.outputTokensPerDay"].map(
    (path) => report.assumptions?.[path]?.value
  );
  const costPerDay = reportMedian(report.metrics.fleetCostPerDayUsd);
  const model = reportMedian(report.metrics.costPerMillionTokensUsd);
  if (!tokens.every((value) => typeof value === "number") || costPerDay === null || model === null) return "";
  const total = (tokens as number[]).reduce((sum, value) => sum + value, 0);
  if (!(total > 0)) return "";
  return (
    ` At this fleet's own figures a million tokens costs ` +
    `${formatMetric("costPerMillionTokensUsd", (costPerDay / total) * 1e6)} (fleet cost per day ÷ the day's tokens), ` +
    `against the ${formatMetric("costPerMillionTokensUsd", model)} the model gives at serving.utilization.`
  );
}
