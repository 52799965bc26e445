import type {FlywheelSummary} from "../../strategy/flywheel.js";
import type {InferenceTaxResult} from "../../strategy/inferenceTax.js";
import type {MoatSummary} from "../../strategy/moat.js";
import type {SiliconProgramSummary} from "../../strategy/siliconProgram.js";
import type {TrainingVsInferenceSummary} from "../../strategy/trainingVsInference.js";
import type {ServingResult} from "../../inference/servingPerformance.js";
import type {ServingCostResult} from "../../tco/servingCost.js";
import type {PriceListResult} from "../../tco/priceList.js";
import type {FleetDay} from "./priceListInput.js";
import {revenueUsdPerMwHour, tokensPerSecondPerMw} from "../../tco/tokensPerMw.js";
import type {TrainingRunResult} from "../../training/trainingRun.js";

/**
 * The headline metrics of a scenario; every one is a number, or null where the quantity does not occur within the
 * horizon (a crossover or payback that never happens).
 */
export interface ScenarioMetrics {
  /** Blended cost of a million tokens, input and output in the proportion demand.inputShare, USD. */
  costPerMillionTokensUsd: number;
  /**
   * Cost of a million output (decoded) tokens, decode time, USD; null for a request of one output token, which has no
   * decode step (its token comes from prefill; decodes).
   */
  costPerMillionOutputTokensUsd: number | null;
  /** Cost of a million input (prompt) tokens, USD. */
  costPerMillionInputTokensUsd: number;
  /** Output tokens per second per chip over whole requests, prefill included (what offline benchmarks measure). */
  outputTokensPerSecondPerChip: number;
  /** Output tokens per second per chip counting decode steps only (not whole requests); null without a decode step. */
  tokensPerSecondPerChip: number | null;
  /** Time between output tokens of one sequence, s; null without a decode step (one output token). */
  timePerOutputTokenSeconds: number | null;
  /**
   * Time to first token, s: the prefill of one prompt on an idle replica, or with prefill on replicas of its own
   * (serving.prefill disaggregated) the prefill step that carries it (ServingResult.timeToFirstTokenSeconds); queueing
   * and the KV cache's transfer left out.
   */
  timeToFirstTokenSeconds: number;
  /** Cost of a chip-hour of serving.hardware: fleet.chipHourPrice when rented, else the owned chip-hour, USD. */
  chipHourCostUsd: number;
  /** Blended tokens per second per MW of facility power. */
  tokensPerSecondPerMw: number;
  /** Revenue per MW per hour at market.price, USD. */
  revenuePerMwHourUsd: number;
  /** Share of the merchant cost per token that in-house silicon at silicon.partnerMargin recovers (0–1). */
  inferenceTaxShare: number;
  /** Inference tax recovered in the first year at the scenario's demand, USD. */
  inferenceTaxRecoveredFirstYearUsd: number;
  /** The merchant vendor's gross profit as a share of each token's cost (0–1). */
  vendorShareOfTokenCost: number;
  /** The same gross profit as a share of up-front data-centre capital: chip, server, network, facility (0–1). */
  vendorShareOfDataCentreCapex: number;
  /** Cost of training one generation of training.model on the training cluster (owned chips), USD. */
  trainingCostUsd: number;
  /** Wall-clock days of that training run. */
  trainingDays: number;
  /**
   * Month inference overtakes training for good: the first month from which cumulative inference spend stays above
   * cumulative training spend in every month to the end of the horizon; null when training is level or ahead at the
   * horizon's end (trainingVsInference's durableCrossoverMonth).
   */
  inferenceOvertakesTrainingMonth: number | null;
  /**
   * First month cumulative inference spend exceeds cumulative training spend, perhaps only until the next training run;
   * null if it never does within the horizon.
   */
  inferenceFirstPassesTrainingMonth: number | null;
  /**
   * First month after that in which cumulative training spend is level with or ahead of inference again (a dearer run
   * has taken the lead back); null when the first pass lasts to the horizon's end or there is none.
   */
  trainingRetakesLeadMonth: number | null;
  /** Inference's share of all spend over the horizon (0–1); null when nothing is spent. */
  inferenceShareOfSpend: number | null;
  /** Inference spend over the horizon (demand × cost per token, month by month), USD. */
  inferenceSpendUsd: number;
  /** Training spend over the horizon (the generations' runs, spread over their run months), USD. */
  trainingSpendUsd: number;
  /** Blended cost of a million tokens on the custom chip, USD. */
  siliconCostPerMillionTokensUsd: number;
  /** What the lab pays per custom chip: silicon.unitCost, or built from its die at silicon.partnerMargin, USD. */
  siliconUnitCostUsd: number;
  /**
   * The custom chip's tokens/s ÷ serving.hardware's ("× an H100's throughput"): silicon.relativeThroughput, or derived
   * by the calibrated serving model from silicon.chip or its specs, × silicon.servingFactor.
   */
  siliconRelativeThroughput: number;
  /** Custom chips (each serving its useful life) whose savings repay the NRE; null when the chip saves nothing. */
  siliconBreakevenUnits: number | null;
  /**
   * First month the program's cumulative discounted cash flow (at finance.costOfCapital) is non-negative, as the cash-flow
   * charts mark it; null if not within the horizon.
   */
  siliconPaybackMonth: number | null;
  /** Net present value of the silicon program over the horizon, USD. */
  siliconNpvUsd: number;
  /** What one month less of design cycle is worth, USD. */
  siliconValueOfOneMonthUsd: number;
  /** Cumulative gross profit a model lead adds over the horizon, USD. */
  modelLeadValueUsd: number;
  /** Cumulative gross profit a cost lead adds over the horizon, USD. */
  costLeadValueUsd: number;
  /** 1 − mean closed-loop ÷ mean open-loop cost per token over the horizon's months (0–1). */
  flywheelCostReduction: number;
  /** Users at the horizon with the loop closed ÷ open − 1; null when the open loop has none. */
  flywheelUserGain: number | null;
  /** Average chips serving one day of the fleet (fleet.chips, or sized by the serving model). */
  fleetChips: number;
  /**
   * Share of the fleet's chip-hours the day's tokens need at the serving model's throughput (serving.utilization when
   * the model sizes the fleet; above 1 when fleet.chips is fewer chips than the model needs to serve the day); null
   * when the day has no tokens.
   */
  fleetUtilizationNeeded: number | null;
  /** What one day of the fleet costs: chips × chip-hour price × 24, USD. */
  fleetCostPerDayUsd: number;
  /** One day's tokens billed on the pricing.* menu, tiers included, USD. */
  priceListRevenuePerDayUsd: number;
  /** (revenue − cost) ÷ revenue of that day (0–1 when profitable); null without revenue. */
  priceListGrossMargin: number | null;
  /** (revenue − cost) ÷ cost of that day, DeepSeek's "cost profit margin"; null without cost. */
  costProfitMargin: number | null;
}

/** Names of the metrics, in report order. */
export const SCENARIO_METRICS = [
  "costPerMillionTokensUsd",
  "costPerMillionOutputTokensUsd",
  "costPerMillionInputTokensUsd",
  "outputTokensPerSecondPerChip",
  "tokensPerSecondPerChip",
  "timePerOutputTokenSeconds",
  "timeToFirstTokenSeconds",
  "chipHourCostUsd",
  "tokensPerSecondPerMw",
  "revenuePerMwHourUsd",
  "inferenceTaxShare",
  "inferenceTaxRecoveredFirstYearUsd",
  "vendorShareOfTokenCost",
  "vendorShareOfDataCentreCapex",
  "trainingCostUsd",
  "trainingDays",
  "inferenceOvertakesTrainingMonth",
  "inferenceFirstPassesTrainingMonth",
  "trainingRetakesLeadMonth",
  "inferenceShareOfSpend",
  "inferenceSpendUsd",
  "trainingSpendUsd",
  "siliconCostPerMillionTokensUsd",
  "siliconUnitCostUsd",
  "siliconRelativeThroughput",
  "siliconBreakevenUnits",
  "siliconPaybackMonth",
  "siliconNpvUsd",
  "siliconValueOfOneMonthUsd",
  "modelLeadValueUsd",
  "costLeadValueUsd",
  "flywheelCostReduction",
  "flywheelUserGain",
  "fleetChips",
  "fleetUtilizationNeeded",
  "fleetCostPerDayUsd",
  "priceListRevenuePerDayUsd",
  "priceListGrossMargin",
  "costProfitMargin"
] as const satisfies readonly (keyof ScenarioMetrics)[];
export type ScenarioMetricName = (typeof SCENARIO_METRICS)[number];

/** The metrics whose type includes null (an event that may not happen within the horizon, a share of nothing). */
type NullableMetricName = {[K in ScenarioMetricName]: null extends ScenarioMetrics[K] ? K : never}[ScenarioMetricName];

/**
 * The metrics that may be null, every one of them (the compiler holds the list to ScenarioMetrics' types both ways): a
 * sweep writes these as OPTIONAL Parquet columns, the rest as REQUIRED (no definition levels to encode).
 */
export const NULLABLE_METRICS = [
  "costPerMillionOutputTokensUsd",
  "tokensPerSecondPerChip",
  "timePerOutputTokenSeconds",
  "inferenceOvertakesTrainingMonth",
  "inferenceFirstPassesTrainingMonth",
  "trainingRetakesLeadMonth",
  "inferenceShareOfSpend",
  "siliconBreakevenUnits",
  "siliconPaybackMonth",
  "flywheelUserGain",
  "fleetUtilizationNeeded",
  "priceListGrossMargin",
  "costProfitMargin"
] as const satisfies readonly NullableMetricName[];
// A nullable metric left out of NULLABLE_METRICS is a compile error here.
const everyNullableListed: [Exclude<NullableMetricName, (typeof NULLABLE_METRICS)[number]>] extends [never]
  ? true
  : never = true;
void everyNullableListed;

/**
 * What the metrics are read from: the models' results at one point. The strategy models' are their summaries (no
 * monthly series; a full result is one too), so that a sweep of their totals never builds the series.
 */
export interface MetricSources {
  serving: ServingResult;
  cost: ServingCostResult;
  blendedTokensPerSecondPerChip: number;
  costUsdPerMTok: number;
  utilizationFraction: number;
  marketPriceUsdPerMTok: number;
  training: TrainingRunResult;
  spendSummary: TrainingVsInferenceSummary;
  tax: InferenceTaxResult;
  siliconSummary: SiliconProgramSummary;
  moatSummary: MoatSummary;
  flywheelSummary: FlywheelSummary;
  fleet: FleetDay;
  priceList: PriceListResult;
  customChipPriceUsd: number;
  customRelativeThroughput: number;
}

/**
 * The blended throughput per MW inputs of tokensPerMw.ts at one point, with the market price (revenue per MW-hour's).
 * One literal, not a spread of it with the price added: that spread cost 1.5 µs a point, more than the cost stage it
 * reads (a sweep of revenuePerMwHourUsd alone, 2.7 → 1.2 µs a point).
 */
function perMw(s: MetricSources) {
  return {
    tokensPerSecondPerChip: s.blendedTokensPerSecondPerChip,
    utilizationFraction: s.utilizationFraction,
    facilityPowerKwPerChip: s.cost.chipHour.facilityPowerKw,
    priceUsdPerMTok: s.marketPriceUsdPerMTok
  };
}

/**
 * A figure of decoding, or null when the request has no decode step: one output token comes from prefill, so its
 * decode-step throughput, time per output token and decode-time cost are those of a step that never runs (`run`
 * printed 1,854 tokens/s and 47.5 ms where `inference --output-tokens 1` prints "—"; breaker).
 */
function decodes(s: MetricSources, value: number): number | null {
  return s.serving.decodeStepsPerRequest > 0 ? value : null;
}

/**
 * How each headline metric is read from the models' results: tokens and revenue per MW from src/tco/tokensPerMw.ts at
 * the blended rate, the rest straight from the results. A reader touches only the results it names, so over lazily
 * computed sources (src/scenario/evaluate/evaluateScenario.ts, `scenarioStages`) reading a few metrics runs only the
 * models they come from.
 */
export const METRIC_READERS: {readonly [K in ScenarioMetricName]: (s: MetricSources) => ScenarioMetrics[K]} = {
  costPerMillionTokensUsd: (s) => s.costUsdPerMTok,
  costPerMillionOutputTokensUsd: (s) => decodes(s, s.cost.costPerMillionOutputTokensUsd),
  costPerMillionInputTokensUsd: (s) => s.cost.costPerMillionInputTokensUsd,
  outputTokensPerSecondPerChip: (s) => s.serving.outputTokensPerSecondPerChip,
  tokensPerSecondPerChip: (s) => decodes(s, s.serving.decodeTokensPerSecondPerChip),
  timePerOutputTokenSeconds: (s) => decodes(s, s.serving.timePerOutputTokenSeconds),
  timeToFirstTokenSeconds: (s) => s.serving.timeToFirstTokenSeconds,
  chipHourCostUsd: (s) => s.cost.chipHourCostUsd,
  tokensPerSecondPerMw: (s) => tokensPerSecondPerMw(perMw(s)),
  revenuePerMwHourUsd: (s) => revenueUsdPerMwHour(perMw(s)),
  inferenceTaxShare: (s) => s.tax.taxShare,
  inferenceTaxRecoveredFirstYearUsd: (s) => s.tax.recoveredUsdPerYear,
  vendorShareOfTokenCost: (s) => s.tax.vendorShare.ofTokenCost,
  vendorShareOfDataCentreCapex: (s) => s.tax.vendorShare.ofDataCentreCapex,
  trainingCostUsd: (s) => s.training.costOwnedUsd,
  trainingDays: (s) => s.training.wallClockDays,
  inferenceOvertakesTrainingMonth: (s) => s.spendSummary.durableCrossoverMonth,
  inferenceFirstPassesTrainingMonth: (s) => s.spendSummary.firstCrossoverMonth,
  trainingRetakesLeadMonth: (s) => s.spendSummary.trainingRetakesLeadMonth,
  inferenceShareOfSpend: (s) => s.spendSummary.inferenceShareOfTotal,
  inferenceSpendUsd: (s) => s.spendSummary.totalInferenceSpendUsd,
  trainingSpendUsd: (s) => s.spendSummary.totalTrainingSpendUsd,
  siliconCostPerMillionTokensUsd: (s) => s.siliconSummary.customCostUsdPerMTok,
  siliconUnitCostUsd: (s) => s.customChipPriceUsd,
  siliconRelativeThroughput: (s) => s.customRelativeThroughput,
  siliconBreakevenUnits: (s) => s.siliconSummary.breakEvenCustomChips,
  siliconPaybackMonth: (s) => s.siliconSummary.discountedPaybackMonth,
  siliconNpvUsd: (s) => s.siliconSummary.npvUsd,
  siliconValueOfOneMonthUsd: (s) => s.siliconSummary.valueOfOneMonthOfCycleUsd,
  modelLeadValueUsd: (s) => s.moatSummary.modelLeadValueUsd,
  costLeadValueUsd: (s) => s.moatSummary.costLeadValueUsd,
  flywheelCostReduction: (s) => s.flywheelSummary.averageCostReductionFraction,
  flywheelUserGain: (s) => s.flywheelSummary.userGainFromLoopFraction,
  fleetChips: (s) => s.fleet.chips,
  fleetUtilizationNeeded: (s) => s.fleet.utilizationNeeded,
  fleetCostPerDayUsd: (s) => s.priceList.costUsd,
  priceListRevenuePerDayUsd: (s) => s.priceList.revenueUsd,
  priceListGrossMargin: (s) => s.priceList.grossMarginFraction,
  costProfitMargin: (s) => s.priceList.costProfitMarginFraction
};

/** The headline metrics, each read from the model that computes it (METRIC_READERS). */
export function scenarioMetrics(s: MetricSources): ScenarioMetrics {
  const metrics = {} as Record<ScenarioMetricName, number | null>;
  for (const name of SCENARIO_METRICS) metrics[name] = METRIC_READERS[name](s);
  return metrics as ScenarioMetrics;
}
