import {DEMAND_GROWTH_KEYS, DEMAND_TOKENS_KEYS} from "../evaluate/demandInput.js";
import type {ScenarioEvaluation} from "../evaluate/evaluateScenario.js";
import {formatUsd} from "./reportFormat.js";

/**
 * World GDP, current prices, 2024: about $110 trillion (IMF, World Economic Outlook database, October 2024: "GDP,
 * current prices", world, $110.06 trillion). No year's spending on tokens can exceed everything the world produces in
 * a year, so a scenario whose inference bill passes it describes no economy; it is a bound on the scenario's demand,
 * not a forecast of where spending tops out.
 */
export const WORLD_GDP_USD_PER_YEAR = 110e12;

/**
 * A note for a scenario whose demand, compounded to the horizon, implies a yearly inference bill above world GDP
 * (WORLD_GDP_USD_PER_YEAR): the horizon month's inference spend × 12 (src/strategy/trainingVsInference.ts, the spend
 * the metrics sum). Each growth key is legal on its own (up to 1,000% a year), but the three compound, and over 240
 * months they reached about $1E71 with nothing said (breaker). The note names the keys that drive demand; null when
 * the bill stays below the bound, or the series is empty.
 *
 * Input: the evaluation at the run's median point (ScenarioRunResult.point). Output: one sentence, or null.
 */
export function demandBoundNote(point: Pick<ScenarioEvaluation, "spend">): string | null {
  const last = point.spend.months.at(-1);
  if (last === undefined) return null;
  const yearlyUsd = last.inferenceSpendUsd * 12;
  if (!(yearlyUsd > WORLD_GDP_USD_PER_YEAR)) return null;
  return (
    `the demand this scenario implies at the horizon (month ${last.month}) costs ${formatUsd(yearlyUsd)} a year ` +
    `to serve, more than world GDP (about ${formatUsd(WORLD_GDP_USD_PER_YEAR)} a year, IMF 2024): the growth ` +
    `rates compound beyond any economy. The demand comes from ${[...DEMAND_TOKENS_KEYS, ...DEMAND_GROWTH_KEYS].join(", ")} ` +
    `and horizon.months; the figures over the horizon (spend, savings, NPV) follow from it.`
  );
}
