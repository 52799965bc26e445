import type {ServingResult} from "../../inference/servingPerformance.js";
import {flywheel, type FlywheelResult} from "../../strategy/flywheel.js";
import {inferenceTax, type InferenceTaxResult} from "../../strategy/inferenceTax.js";
import {moat, type MoatResult} from "../../strategy/moat.js";
import type {ServingChipInput} from "../../strategy/servingChip.js";
import {siliconProgram, type SiliconProgramResult} from "../../strategy/siliconProgram.js";
import {
  trainingVsInference,
  type TrainingVsInferenceInput,
  type TrainingVsInferenceResult
} from "../../strategy/trainingVsInference.js";
import {blendedTokensPerSecondPerChip} from "../../tco/blendedThroughput.js";
import {costPerMillionTokensUsd} from "../../tco/costPerToken.js";
import {servingCost, type ServingCostResult} from "../../tco/servingCost.js";
import {trainingRun, type TrainingRunResult} from "../../training/trainingRun.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import type {BoundScenario} from "./bindScenario.js";
import {scenarioDrivers} from "./demandInput.js";
import {scenarioMetrics, type ScenarioMetrics} from "./metrics.js";
import {num, runModel} from "./modelKeys.js";
import {merchantChipHour, merchantChipPriceUsd, servingChips, sharedOwnership} from "./ownershipInput.js";
import {scenarioServing, servingInput} from "./servingInput.js";
import {
  FLYWHEEL_KEYS,
  flywheelInput,
  inferenceTaxInput,
  MOAT_KEYS,
  moatInput,
  SILICON_KEYS,
  siliconProgramInput,
  SPEND_KEYS,
  spendInput,
  TAX_KEYS
} from "./strategyInputs.js";
import {trainingRunInput} from "./trainingInput.js";

export {bindScenario, type BoundScenario, type ScenarioCatalogs} from "./bindScenario.js";
export {SCENARIO_METRICS, type ScenarioMetricName, type ScenarioMetrics} from "./metrics.js";

/** Everything a scenario computes: the models' full results (with their series) and the headline metrics. */
export interface ScenarioEvaluation {
  serving: ServingResult;
  cost: ServingCostResult;
  /** Blended tokens per second per chip (src/tco/blendedThroughput.ts) at demand.inputShare. */
  blendedTokensPerSecondPerChip: number;
  /** Tokens demanded per day at the start (src/strategy/demand.ts). */
  demandTokensPerDay: number;
  /** Growth of demanded tokens per year (src/strategy/demand.ts). */
  demandGrowthPerYear: number;
  merchant: ServingChipInput;
  custom: ServingChipInput;
  training: TrainingRunResult;
  spend: TrainingVsInferenceResult;
  /** The input the spend-over-time model was given (for re-running it under uncertainty). */
  spendInput: TrainingVsInferenceInput;
  tax: InferenceTaxResult;
  silicon: SiliconProgramResult;
  moat: MoatResult;
  flywheel: FlywheelResult;
  metrics: ScenarioMetrics;
}

/**
 * Evaluates every model of the scenario at one point (one value per key: scenarioMedianPoint or one Monte Carlo
 * draw). A short pipeline; each step's input builder sits beside its reverse key map (which key set which input):
 *
 *   serving     servingInput.ts       serving.* + catalog rows → roofline decode and prefill (src/inference/)
 *   ownership   ownershipInput.ts     power.*, finance.*, hardware.price → chip-hour cost (src/tco/chipHourCost.ts)
 *   cost        blended tokens/s at demand.inputShare (src/tco/blendedThroughput.ts) → USD/Mtok (costPerToken.ts)
 *   chips       ownershipInput.ts     merchant chip, and the custom chip from silicon.*
 *   training    trainingInput.ts      6·N·D on training.hardware at full draw (src/training/trainingRun.ts)
 *   drivers     demandInput.ts        demand and its growth (src/strategy/demand.ts)
 *   strategy    strategyInputs.ts     inference tax, silicon program, spend over time, moat, flywheel
 *   metrics     metrics.ts            the headline figures, each read from the model that computes it
 *
 * Throws: a UserError located at the scenario key (file line or --set flag) for a configuration that cannot run
 * (precision, memory, missing price) or a value a model rejects.
 */
export function evaluateScenarioPoint(bound: BoundScenario, point: ScenarioPoint): ScenarioEvaluation {
  const {resolved} = bound;
  const serving = scenarioServing(bound, servingInput(bound, point));

  const chipPriceUsd = merchantChipPriceUsd(bound, point);
  const shared = sharedOwnership(point);
  const merchantHour = merchantChipHour(bound, point, shared, chipPriceUsd);
  const utilizationFraction = num(point["serving.utilization"], "serving.utilization");
  const cost = servingCost({serving, ownership: merchantHour, utilizationFraction, rentedUsdPerChipHour: null});
  const blended = blendedTokensPerSecondPerChip({
    inputShare: num(point["demand.inputShare"], "demand.inputShare"),
    prefillTokensPerSecondPerChip: serving.prefillTokensPerSecondPerChip,
    decodeTokensPerSecondPerChip: serving.decodeTokensPerSecondPerChip
  });
  const costUsdPerMTok = costPerMillionTokensUsd({
    chipHourCostUsd: cost.chipHour.totalUsdPerChipHour,
    tokensPerSecondPerChip: blended,
    utilizationFraction
  });
  const chips = servingChips(point, shared, merchantHour, blended);
  const training = trainingRun(trainingRunInput(bound, point, shared, chipPriceUsd));
  const drivers = scenarioDrivers(point, costUsdPerMTok);

  // The models that check the chip-hour inputs one by one run first, so that a bad input is named before it shows
  // up inside a computed one (a tiny useful life as a huge training cost).
  const taxInput = inferenceTaxInput(point, drivers, chips.merchant);
  const tax = runModel(resolved, point, "inference tax", TAX_KEYS, inferenceTax, taxInput);
  const siliconInput = siliconProgramInput(point, drivers, chips);
  const silicon = runModel(resolved, point, "silicon program", SILICON_KEYS, siliconProgram, siliconInput);
  const spendModelInput = spendInput(point, drivers, training.costOwnedUsd);
  const spend = runModel(resolved, point, "spend over time", SPEND_KEYS, trainingVsInference, spendModelInput);
  const moatResult = runModel(resolved, point, "moat", MOAT_KEYS, moat, moatInput(point, drivers, silicon));
  const flywheelResult = runModel(resolved, point, "flywheel", FLYWHEEL_KEYS, flywheel, flywheelInput(point, drivers));

  const metrics = scenarioMetrics({
    serving,
    cost,
    blendedTokensPerSecondPerChip: blended,
    costUsdPerMTok,
    utilizationFraction,
    marketPriceUsdPerMTok: num(point["market.price"], "market.price"),
    training,
    spend,
    tax,
    silicon,
    moat: moatResult,
    flywheel: flywheelResult
  });
  return {
    serving,
    cost,
    blendedTokensPerSecondPerChip: blended,
    demandTokensPerDay: drivers.demandTokensPerDay,
    demandGrowthPerYear: drivers.demandGrowthPerYear,
    merchant: chips.merchant,
    custom: chips.custom,
    training,
    spend,
    spendInput: spendModelInput,
    tax,
    silicon,
    moat: moatResult,
    flywheel: flywheelResult,
    metrics
  };
}
