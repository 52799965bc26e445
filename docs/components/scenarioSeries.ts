import type {ScenarioEvaluation} from "../lib/scenario/evaluate/evaluateScenario.js";

/** One part of the cost of a million tokens, for a stacked bar; `token` is "output" or "input". */
export interface CostPartRow {
  scenario: string;
  token: "output" | "input";
  part: string;
  costUsdPerMTok: number;
}

/** Names of the cost parts, in stacking order (they sum to the total). */
export const COST_PARTS = [
  ["chipCapital", "chip capital"],
  ["systemCapital", "servers and network"],
  ["facilityCapital", "facility"],
  ["energy", "energy"],
  ["operations", "operations"]
] as const;

/** The cost of a million output and input tokens on owned merchant chips, by part. */
export function costPartRows(scenario: string, point: ScenarioEvaluation): CostPartRow[] {
  return (["output", "input"] as const).flatMap((token) =>
    COST_PARTS.map(([key, part]) => ({scenario, token, part, costUsdPerMTok: point.cost[token][key]}))
  );
}

/** One month of spend: cumulative training and inference spend. */
export interface SpendRow {
  scenario: string;
  month: number;
  cumulativeTrainingSpendUsd: number;
  cumulativeInferenceSpendUsd: number;
  trainingSpendUsd: number;
  inferenceSpendUsd: number;
}

/** Training vs inference spend, month by month over the horizon. */
export function spendRows(scenario: string, point: ScenarioEvaluation): SpendRow[] {
  return point.spend.months.map((m) => ({
    scenario,
    month: m.month,
    cumulativeTrainingSpendUsd: m.cumulativeTrainingSpendUsd,
    cumulativeInferenceSpendUsd: m.cumulativeInferenceSpendUsd,
    trainingSpendUsd: m.trainingSpendUsd,
    inferenceSpendUsd: m.inferenceSpendUsd
  }));
}

/** One month of the custom-silicon program: cash flows against serving everything on merchant chips. */
export interface SiliconRow {
  scenario: string;
  month: number;
  customShare: number;
  savingsUsd: number;
  nreUsd: number;
  cumulativeCashFlowUsd: number;
  cumulativeDiscountedCashFlowUsd: number;
}

export function siliconRows(scenario: string, point: ScenarioEvaluation): SiliconRow[] {
  return point.silicon.months.map((m) => ({
    scenario,
    month: m.month,
    customShare: m.customShare,
    savingsUsd: m.savingsUsd,
    nreUsd: m.nreUsd,
    cumulativeCashFlowUsd: m.cumulativeCashFlowUsd,
    cumulativeDiscountedCashFlowUsd: m.cumulativeDiscountedCashFlowUsd
  }));
}

/** The program's NPV at other design cycles, all else equal. */
export interface CycleRow {
  scenario: string;
  designCycleMonths: number;
  npvUsd: number;
}

export function cycleRows(scenario: string, point: ScenarioEvaluation): CycleRow[] {
  return point.silicon.npvByDesignCycle.map((c) => ({
    scenario,
    designCycleMonths: c.designCycleMonths,
    npvUsd: c.npvUsd
  }));
}
