import type {ScenarioEvaluation} from "../evaluate/evaluateScenario.js";

/**
 * A note for a scenario whose custom chip would be cheaper per token but ships after the horizon (silicon.designCycle,
 * with any respin, reaches past horizon.months): no month serves a token on it, so the program's figures are its NRE
 * alone and one more month of design cycle is worth $0, a figure read as a finding without this (openai-2024's 18-month
 * cycle in a 12-month year; new-user trial). Null when the chip serves within the horizon, or is never deployed (no
 * cheaper per token: the program's figures say so already).
 *
 * Input: the evaluation at the median point (its silicon program, with its months). Output: one sentence, or null.
 * Raises nothing.
 */
export function siliconShipNote(point: Pick<ScenarioEvaluation, "silicon">): string | null {
  const {silicon} = point;
  if (!silicon.deployed || silicon.months.some((month) => month.customShare > 0)) return null;
  return (
    "the custom chip ships after the horizon (silicon.designCycle reaches past horizon.months), so no month of it " +
    "serves a token: the silicon program's figures are its NRE alone, and one more month of design cycle is worth " +
    "$0. A shorter silicon.designCycle or a longer horizon.months puts the chip in service."
  );
}
