import {formatPriceNumber} from "../scenario/run/reportFormat.js";
import {andList} from "../units/wordList.js";
import {outsideCalibratedBand} from "./calibration/scope.js";
import type {ReplicaLayout} from "./parallelism.js";
import {SERVING_CALIBRATION} from "./servingCalibration.generated.js";
import type {OutOfBandError, ServingCalibration} from "./servingCalibration.js";

/** A ratio as `calibration` prints it: three significant digits ("2.31", "0.400", "99.6"). */
const ratio = formatPriceNumber;

/**
 * What the published runs outside the band showed: "on the 7 published runs of such a layout (deepseek-r1 on b200,
 * gb200 and h200-sxm) it gave 1.68 to 4.35 times the measured throughput (median 2.52), so …", the consequence worded
 * by the side of 1 the ratios fall on (too fast, too slow, or either).
 */
function measuredClause(error: OutOfBandError | null): string {
  if (error === null || error.count === 0) return "no published run of such a layout has been compared with it";
  const runs = error.count === 1 ? "the one published run" : `the ${error.count} published runs`;
  const what = `${andList(error.models)} on ${andList(error.hardware)}`;
  const gave =
    error.count === 1 || ratio(error.ratioMin) === ratio(error.ratioMax)
      ? `${ratio(error.ratioMax)} times`
      : `${ratio(error.ratioMin)} to ${ratio(error.ratioMax)} times`;
  const median = error.count > 2 ? ` (median ${ratio(error.medianRatio)})` : "";
  const reads =
    error.ratioMin >= 1
      ? "so throughput may read up to that many times too high and cost per token that many times too low"
      : error.ratioMax <= 1
        ? "so throughput may read up to that many times too low and cost per token that many times too high"
        : "so throughput and cost per token may be off either way by as much";
  return `on ${runs} of such a layout (${what}) it gave ${gave} the measured throughput${median}, ${reads}`;
}

/**
 * A note for a serving layout outside the serving model's calibrated band (calibration/scope.ts: data-parallel
 * attention with wide expert parallelism, expert parallelism above tensor parallelism, with prompts prefilled on the
 * decode chips): its figures are computed as for any layout, but the published runs of such layouts ran well below
 * them, so throughput reads high and cost per token low. The ratios, models and chips are the calibration's on those
 * runs (ServingCalibration.outOfBand, refitted with the rest by `calibration --write`), not written here. `inference`
 * prints it under its table and in --json; `run`, `compare` and a scenario page list it with the scenario's other
 * notes (scenarioNotes.ts), so a reader is told where the number stands before trusting it. A request of one output
 * token has no decode step, and a replica that only prefills is inside the band (scope.ts), so it has no note.
 *
 * Input: the decode replica's layout, whether prefill runs on replicas of its own, and the decode steps a request
 * takes (ServingResult.layout, .disaggregated, .decodeStepsPerRequest); how the reader moves prefill onto replicas of
 * its own where they read it (a scenario key, as default, or `inference`'s flag); the calibration (default: the
 * committed one). Output: two sentences, or null inside the band. Raises nothing.
 */
export function calibratedBandNote(
  serving: {
    layout: Pick<ReplicaLayout, "tensorParallel" | "expertParallel">;
    disaggregated: boolean;
    decodeStepsPerRequest: number;
  },
  disaggregateWith = "serving.prefill: disaggregated",
  calibration: Pick<ServingCalibration, "outOfBand"> = SERVING_CALIBRATION
): string | null {
  const {layout, disaggregated} = serving;
  if (serving.decodeStepsPerRequest === 0) return null;
  if (!outsideCalibratedBand(layout, disaggregated ? "decode" : "whole")) return null;
  const layoutText =
    `TP ${layout.tensorParallel} × EP ${layout.expertParallel} with prompts prefilled on the same chips ` +
    "(attention data-parallel, experts spread wider than attention)";
  const error = calibration.outOfBand;
  // Plain words, no command in backticks: the note is read on a scenario page too, where they showed as such.
  const lists =
    error !== null && error.count > 0
      ? " (the calibration command lists the runs, and the site's page on the serving model's accuracy describes them)"
      : "";
  // "Not calibrated on" rather than "outside the calibrated band": the note is read on scenario pages too.
  return (
    `the serving layout, ${layoutText}, is of a kind the serving model is not calibrated on: ` +
    `${measuredClause(error)}${lists}. With prefill on replicas of its own (${disaggregateWith}) it is calibrated.`
  );
}
