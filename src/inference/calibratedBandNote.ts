import {outsideCalibratedBand} from "./calibration/scope.js";
import type {ReplicaLayout} from "./parallelism.js";
import {SERVING_CALIBRATION} from "./servingCalibration.generated.js";
import type {ServingCalibration} from "./servingCalibration.js";

/** Two significant figures, as the note's ratios read ("2.4", "4.3"). */
const ratio = (x: number) => x.toPrecision(2);

/**
 * A note for a serving layout outside the serving model's calibrated band (calibration/scope.ts: data-parallel
 * attention with wide expert parallelism, expert parallelism above tensor parallelism, with prompts prefilled on the
 * decode chips): its figures are computed as for any layout, but the published runs of such layouts ran well below
 * them, so throughput reads high and cost per token low. The ratios are the calibration's on those runs
 * (ServingCalibration.outOfBand, refitted with the rest by `calibration --write`), not written here. `inference`
 * prints it under its table and in --json; `run`, `compare` and a scenario page list it with the scenario's other
 * notes (scenarioNotes.ts), so a reader is told where the number stands before trusting it.
 *
 * Input: the decode replica's layout and whether prefill runs on replicas of its own (ServingResult.layout and
 * .disaggregated); how the reader moves prefill onto replicas of its own where they read it (a scenario key, as
 * default, or `inference`'s flag); the calibration (default: the committed one). Output: two sentences, or null
 * inside the band. Raises nothing.
 */
export function calibratedBandNote(
  serving: {layout: Pick<ReplicaLayout, "tensorParallel" | "expertParallel">; disaggregated: boolean},
  disaggregateWith = "serving.prefill: disaggregated",
  calibration: Pick<ServingCalibration, "outOfBand"> = SERVING_CALIBRATION
): string | null {
  const {layout, disaggregated} = serving;
  if (!outsideCalibratedBand(layout, disaggregated ? "decode" : "whole")) return null;
  const layoutText =
    `TP ${layout.tensorParallel} × EP ${layout.expertParallel} with prompts prefilled on the same chips ` +
    "(attention data-parallel, experts spread wider than attention)";
  const error = calibration.outOfBand;
  const measured =
    error === null
      ? "no published run of such a layout has been compared with it"
      : `on the ${error.count} published ${error.count === 1 ? "run" : "runs"} of such a layout it gave ` +
        `${ratio(error.ratioP10)} to ${ratio(error.ratioP90)} times the measured throughput (10th to 90th ` +
        `percentile; median ${ratio(error.medianRatio)}), so throughput may read that many times too high and cost ` +
        "per token that many times too low";
  // "Not calibrated on" rather than "outside the calibrated band": the note is read on scenario pages too.
  return (
    `the serving layout, ${layoutText}, is of a kind the serving model is not calibrated on: ${measured}. ` +
    `With prefill on replicas of its own (${disaggregateWith}) it is; ` +
    "`token-ledger calibration` lists the runs."
  );
}
