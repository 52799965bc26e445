import type {ScenarioEvaluation} from "../evaluate/evaluateScenario.js";
import {groupThousands} from "../../units/groupThousands.js";
import {formatPriceNumber} from "./reportFormat.js";
import {countNoun} from "../../units/countNoun.js";
import {DAYS_PER_MONTH} from "../../units/si.js";
import {TRAINING_VS_INFERENCE_RANGES} from "../../strategy/trainingVsInference.js";

/**
 * A note for a scenario whose final training run, at training.chips chips and training.mfu, lasts longer than the
 * training.runMonths over which the spend-over-time model spends each generation (src/strategy/trainingVsInference.ts),
 * and say so too when it lasts longer than training.cadence, the months between generations. The run's cost does not
 * depend on the chip count (the same chip-hours), so the figures stand, but the timeline they are spread over is one
 * the chips cannot keep: `--set training.chips=1` on base gave a 1,353,504-day run beside 4-month generations with
 * nothing said (breaker). Null when the run fits in training.runMonths.
 *
 * Input: the evaluation at the run's median point (its training run, wallClockDays, and the spend model's input).
 * Output: one sentence, or null. Raises nothing.
 */
export function trainingLengthNote(point: Pick<ScenarioEvaluation, "training" | "spendInput">): string | null {
  const days = point.training.wallClockDays;
  const runMonths = point.spendInput.trainingRunMonths;
  const cadenceMonths = point.spendInput.generationCadenceMonths;
  const months = days / DAYS_PER_MONTH;
  if (!(months > runMonths)) return null;
  const length = runLengthText(days);
  // A longer training.runMonths is advice only where it stays in the key's range (at most 120 months) and within
  // training.cadence (a longer run would overlap the next generation's; second-round breaker).
  const runMonthsMax = TRAINING_VS_INFERENCE_RANGES.trainingRunMonths.max;
  const longer = Math.ceil(months);
  return (
    `the final training run takes ${formatPriceNumber(days)} days (${length}) on training.chips at ` +
    `training.mfu, longer than the ${countNoun(runMonths, "month")} (training.runMonths) over which the spend over time spends ` +
    `each generation` +
    (months > cadenceMonths
      ? `, and longer than the ${countNoun(cadenceMonths, "month")} between generations (training.cadence)`
      : "") +
    `: the run's cost is the same on any number of chips, but not its timing. More training.chips` +
    (longer <= Math.min(runMonthsMax, cadenceMonths) ? `, or a training.runMonths of ${longer} months,` : "") +
    ` makes the two agree.`
  );
}

/**
 * A run's length as the notes write it beside its days: months to a tenth below 24 months ("6.6 months"), years to a
 * tenth below 100 ("3.7 years"), above at three significant figures as every time is (formatPriceNumber: "3,710 years";
 * it read "3,706 years" beside "1,353,504 days"). `days`: wall-clock days.
 */
export function runLengthText(days: number): string {
  const months = days / DAYS_PER_MONTH;
  const years = months / 12;
  if (months < 24) return `${months.toFixed(1)} months`;
  return years < 100 ? `${years.toFixed(1)} years` : `${formatPriceNumber(years)} years`;
}

/**
 * A note for `training`'s run longer than the longest a scenario's training.runMonths allows (120 months): priced as
 * any run (the cost is the chip-hours', on any number of chips), but no lab waits that long (`--chips 1` printed an
 * 8,881,027-day run, 24,315 years, with nothing said, where `run --set training.chips=1` notes it; breaker).
 *
 * Input: the whole run's wall-clock days and its chip count. Output: one sentence, or null for a shorter run.
 * Raises nothing.
 */
export function trainingDurationNote(wallClockDays: number, chips: number): string | null {
  const maxMonths = TRAINING_VS_INFERENCE_RANGES.trainingRunMonths.max;
  if (!(wallClockDays > maxMonths * DAYS_PER_MONTH)) return null;
  return (
    `the run takes ${formatPriceNumber(wallClockDays)} days (${runLengthText(wallClockDays)}) on ` +
    `${countNoun(groupThousands(chips), "chip")}, longer than the ${maxMonths / 12} years a scenario's ` +
    `training.runMonths allows: its cost is the same on any number of chips (the same chip-hours), but no run is ` +
    `waited for that long; more --chips shortens it`
  );
}
