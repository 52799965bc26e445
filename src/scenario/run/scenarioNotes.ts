import type {ScenarioEvaluation} from "../evaluate/evaluateScenario.js";
import {calibratedBandNote} from "../../inference/calibratedBandNote.js";
import {bareMoneyNote} from "./bareMoneyNote.js";
import {followedChipNote} from "./followedChipNote.js";
import {barePercentNote} from "./barePercentNote.js";
import {barePowerNote} from "./barePowerNote.js";
import {bareDieAreaNote} from "./bareDieAreaNote.js";
import {bareTokensNote} from "./bareTokensNote.js";
import {pointGroupedNote} from "./pointGroupedNote.js";
import type {WrittenAssumptions, WrittenPlaceOptions} from "./writtenValueNote.js";
import {fleetCapacityNote, type FleetNoteInput} from "./fleetCapacityNote.js";
import {trainingLengthNote} from "./trainingLengthNote.js";
import {siliconShipNote} from "./siliconShipNote.js";
import {noDecodeNote} from "./noDecodeNote.js";
import {demandBoundNote, trainingBoundNote} from "./worldGdpNotes.js";

/**
 * What a reader should know before trusting a scenario's figures, which are computed anyway: demand or training past
 * world GDP (worldGdpNotes.ts), a training run longer than the months the spend model gives it (trainingLengthNote.ts),
 * a custom chip that ships after the horizon (siliconShipNote.ts), a fleet smaller than the serving model needs
 * (fleetCapacityNote.ts), requests of one output token, which have no decode step (noDecodeNote.ts), a serving layout
 * outside the serving model's calibrated band, whose throughput published runs fell far short of
 * (calibratedBandNote.ts), money written as a bare number under $1,000 where a key costs thousands
 * (bareMoneyNote.ts), a share above 100% written as a bare whole number where a percentage was likely meant
 * (barePercentNote.ts), a chip's power written as a bare number far below any chip's, where kW was likely meant
 * (barePowerNote.ts), a custom chip's die area written as a bare number far below any accelerator's die
 * (bareDieAreaNote.ts), a run's training tokens written as a bare number far below any published run's, where
 * trillions were likely meant (bareTokensNote.ts), and a count written with a point before three digits, where the
 * point likely grouped thousands (pointGroupedNote.ts), and a serving chip set on the command line or in a link that
 * the training runs and a relative custom chip follow (followedChipNote.ts). One list, so that `run` and `compare` (on
 * stderr) and a scenario page (in a box above its figures) say the same things: a page once showed an NPV of $1.58E30
 * with no word where the command line noted a bill past world GDP (breaker).
 *
 * Input: the evaluation at the median point (ScenarioRunResult.point; a page's state.point) and the metrics with each
 * key's value (a RunReport, or a page's metrics and resolved values). Output: sentences, in that order; [] for none.
 */
export function scenarioNotes(
  point: ScenarioEvaluation,
  report: FleetNoteInput & {
    assumptions: Parameters<typeof bareMoneyNote>[0] & Parameters<typeof followedChipNote>[1];
  },
  options?: WrittenPlaceOptions
): string[] {
  return [
    ...writtenValueNotes(report.assumptions, options),
    followedChipNote(point, report.assumptions),
    demandBoundNote(point),
    trainingBoundNote(point),
    trainingLengthNote(point),
    siliconShipNote(point),
    fleetCapacityNote(report),
    noDecodeNote(point),
    calibratedBandNote(point.serving)
  ].filter((note): note is string => note !== null);
}

/**
 * The notes of scenarioNotes read from how values were written, which need only the resolved values (no evaluation):
 * money under $1,000, a bare percentage, a chip's power far below any chip's, a die area far below any accelerator's
 * (bareDieAreaNote.ts), a run's tokens far below any published run's, a point grouping thousands, in that order ([] for none). `validate` prints them for each valid file, as `run`
 * does.
 */
export function writtenValueNotes(assumptions: WrittenAssumptions, options?: WrittenPlaceOptions): string[] {
  return [
    bareMoneyNote(assumptions, options),
    barePercentNote(assumptions, options),
    barePowerNote(assumptions, options),
    bareDieAreaNote(assumptions, options),
    bareTokensNote(assumptions, options),
    pointGroupedNote(assumptions, options)
  ].filter((note): note is string => note !== null);
}
