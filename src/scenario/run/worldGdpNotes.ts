// Notes for a scenario whose yearly spending, inference (demandBoundNote) or training (trainingBoundNote), passes world
// GDP: each growth key is legal on its own, but they compound.
import {DEMAND_GROWTH_KEYS, DEMAND_TOKENS_KEYS} from "../evaluate/demandInput.js";
import type {ScenarioEvaluation} from "../evaluate/evaluateScenario.js";
import {spendByYear} from "../../strategy/trainingVsInference.js";
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

/** The keys that set training spend over time: each generation's cost, its growth and how often one comes. */
const TRAINING_SPEND_KEYS = [
  "training.firstGenerationSpend",
  "training.spendMultiplier",
  "training.costGrowth",
  "training.cadence",
  "horizon.months"
] as const;

/**
 * The same bound for training: a note when one year of the horizon (spendByYear, a short last year scaled to twelve
 * months) spends more on training than world GDP. Training grows by training.costGrowth a generation, so a long
 * horizon passes it with every key legal: base over 240 months spends $4.71E15 in its 20th year (fresh-user trial).
 * Null when no year does.
 *
 * Input: the evaluation at the run's median point. Output: one sentence, or null.
 */
export function trainingBoundNote(point: Pick<ScenarioEvaluation, "spend">): string | null {
  let worst: {year: number; usd: number} | null = null;
  for (const year of spendByYear(point.spend)) {
    const usd = (year.trainingSpendUsd * 12) / year.months;
    if (usd > WORLD_GDP_USD_PER_YEAR && (worst === null || usd > worst.usd)) worst = {year: year.year, usd};
  }
  if (worst === null) return null;
  return (
    `the training this scenario plans spends ${formatUsd(worst.usd)} in year ${worst.year}, more than world GDP ` +
    `(about ${formatUsd(WORLD_GDP_USD_PER_YEAR)} a year, IMF 2024): each generation's cost compounds beyond any ` +
    `economy. Training spend comes from ${TRAINING_SPEND_KEYS.join(", ")}.`
  );
}
