import {formatMetric, reportMedian} from "./reportFormat.js";
import type {RunReport} from "./runReport.js";

/**
 * A note for a report whose fleet.chips is fewer chips than the serving model needs for the day's tokens: the median
 * of `fleetUtilizationNeeded` (tokens ÷ (chips × blended tokens/s per chip × 86,400)) is above 1. The cost and
 * margins of such a report still count only those chips, so they read as if the chips served more than the model
 * says they can; the note says so, with the count the model would need at full use. Null when the fleet is sized by
 * the model, or when the chips suffice.
 *
 * Input: a RunReport (runReport.ts). Output: one sentence, or null. Raises nothing.
 */
export function fleetCapacityNote(report: RunReport): string | null {
  const needed = reportMedian(report.metrics.fleetUtilizationNeeded);
  const chips = reportMedian(report.metrics.fleetChips);
  if (needed === null || chips === null || !(needed > 1)) return null;
  // Above 1 but rounding to "100%" (a whole percent from 10%) would read as if the chips sufficed.
  const busy = formatMetric("fleetUtilizationNeeded", needed * 100);
  return (
    `fleet.chips (${formatMetric("fleetChips", chips)}) is fewer chips than the serving model needs for the day's ` +
    `tokens: they would be busy ${busy === "100%" ? "just over 100%" : busy} of every hour, ` +
    `${formatMetric("fleetChips", chips * needed)} at full use. Either this fleet serves more tokens per chip than ` +
    `the model does, or it cannot serve the day; the cost and margins count only fleet.chips.`
  );
}
