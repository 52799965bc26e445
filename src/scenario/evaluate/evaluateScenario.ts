import type {Hardware} from "../../catalog/hardware.js";
import type {ModelArchitecture} from "../../catalog/model.js";
import {closestMatches} from "../../catalog/lookup.js";
import {peakFlopsPerS, type Precision} from "../../inference/precision.js";
import {DEFAULT_SERVING_EFFICIENCIES} from "../../inference/efficiencies.js";
import {
  memoryProblem,
  parallelismProblem,
  precisionProblem,
  requestProblem,
  supportedPrecisions,
  type ServingProblem
} from "../../inference/servingChecks.js";
import {servingPerformance, type ServingInput, type ServingResult} from "../../inference/servingPerformance.js";
import {flywheel, type FlywheelResult} from "../../strategy/flywheel.js";
import {DAYS_PER_MONTH} from "../../strategy/growth.js";
import {inferenceTax, type InferenceTaxResult} from "../../strategy/inferenceTax.js";
import {moat, type MoatResult} from "../../strategy/moat.js";
import type {ServingChipInput} from "../../strategy/servingChip.js";
import {siliconProgram, type SiliconProgramResult} from "../../strategy/siliconProgram.js";
import {
  trainingVsInference,
  type TrainingVsInferenceInput,
  type TrainingVsInferenceResult
} from "../../strategy/trainingVsInference.js";
import {chipHourCost, type ChipHourCostInput} from "../../tco/chipHourCost.js";
import {servingCost, type ServingCostResult} from "../../tco/servingCost.js";
import {trainingRun, type TrainingRunResult} from "../../training/trainingRun.js";
import {KILO, TOKENS_PER_MILLION} from "../../units/si.js";
import type {ResolvedScenario} from "../resolve/resolveScenario.js";
import {scenarioValueError} from "../file/scenarioErrors.js";
import {UserError, UserErrors} from "../../errors/userError.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";

/** The catalogs a scenario's ids refer to. */
export interface ScenarioCatalogs {
  hardware: readonly Hardware[];
  models: readonly ModelArchitecture[];
}

/** A resolved scenario whose catalog ids have been found. */
export interface BoundScenario {
  resolved: ResolvedScenario;
  hardware: Hardware;
  model: ModelArchitecture;
  trainingHardware: Hardware;
  trainingModel: ModelArchitecture;
}

/**
 * The headline metrics of a scenario; every one is a number, or null where the quantity does not occur within the
 * horizon (a crossover or payback that never happens).
 */
export interface ScenarioMetrics {
  /** Blended cost of a million tokens, input and output in the proportion demand.inputShare, USD. */
  costPerMillionTokensUsd: number;
  /** Cost of a million output (decoded) tokens, USD. */
  costPerMillionOutputTokensUsd: number;
  /** Cost of a million input (prompt) tokens, USD. */
  costPerMillionInputTokensUsd: number;
  /** Output tokens per second per chip while decoding. */
  tokensPerSecondPerChip: number;
  /** Time between output tokens of one sequence, s. */
  timePerOutputTokenSeconds: number;
  /** Cost of an owned chip-hour of serving.hardware, USD. */
  chipHourCostUsd: number;
  /** Blended tokens per second per MW of facility power. */
  tokensPerSecondPerMw: number;
  /** Revenue per MW per hour at market.price, USD. */
  revenuePerMwHourUsd: number;
  /** Share of the merchant cost per token that in-house silicon at silicon.partnerMargin recovers (0–1). */
  inferenceTaxShare: number;
  /** Inference tax recovered in the first year at the scenario's demand, USD. */
  inferenceTaxRecoveredFirstYearUsd: number;
  /** Cost of training one generation of training.model on the training cluster (owned chips), USD. */
  trainingCostUsd: number;
  /** Wall-clock days of that training run. */
  trainingDays: number;
  /** First month cumulative inference spend exceeds cumulative training spend; null if not within the horizon. */
  inferenceOvertakesTrainingMonth: number | null;
  /** Inference's share of all spend over the horizon (0–1); null when nothing is spent. */
  inferenceShareOfSpend: number | null;
  /** Blended cost of a million tokens on the custom chip, USD. */
  siliconCostPerMillionTokensUsd: number;
  /** Custom chips (each serving its useful life) whose savings repay the NRE; null when the chip saves nothing. */
  siliconBreakevenUnits: number | null;
  /** First month the program's cumulative cash flow is non-negative; null if not within the horizon. */
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
}

/** Names of the metrics, in report order. */
export const SCENARIO_METRICS = [
  "costPerMillionTokensUsd",
  "costPerMillionOutputTokensUsd",
  "costPerMillionInputTokensUsd",
  "tokensPerSecondPerChip",
  "timePerOutputTokenSeconds",
  "chipHourCostUsd",
  "tokensPerSecondPerMw",
  "revenuePerMwHourUsd",
  "inferenceTaxShare",
  "inferenceTaxRecoveredFirstYearUsd",
  "trainingCostUsd",
  "trainingDays",
  "inferenceOvertakesTrainingMonth",
  "inferenceShareOfSpend",
  "siliconCostPerMillionTokensUsd",
  "siliconBreakevenUnits",
  "siliconPaybackMonth",
  "siliconNpvUsd",
  "siliconValueOfOneMonthUsd",
  "modelLeadValueUsd",
  "costLeadValueUsd",
  "flywheelCostReduction",
  "flywheelUserGain"
] as const satisfies readonly (keyof ScenarioMetrics)[];
export type ScenarioMetricName = (typeof SCENARIO_METRICS)[number];

/** Everything a scenario computes: the models' full results (with their series) and the headline metrics. */
export interface ScenarioEvaluation {
  serving: ServingResult;
  cost: ServingCostResult;
  /** Blended tokens per second per chip: 1 ÷ (inputShare ÷ prefill rate + (1 − inputShare) ÷ decode rate). */
  blendedTokensPerSecondPerChip: number;
  /** Tokens demanded per day at the start: users × tokens per user per day × agent multiplier. */
  demandTokensPerDay: number;
  /** Growth of demanded tokens per year: (1 + users)(1 + tokens per user)(1 + agents) − 1. */
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

function findInCatalog<T extends {id: string}>(
  resolved: ResolvedScenario,
  path: string,
  rows: readonly T[],
  id: string,
  what: string
): T {
  const row = rows.find((candidate) => candidate.id === id);
  if (row) return row;
  const close = closestMatches(
    id,
    rows.map((candidate) => candidate.id),
    3
  );
  throw scenarioValueError(resolved, path, {
    message: `unknown ${what} id '${id}'`,
    expected: `an id from data/${what === "hardware" ? "hardware" : "models"}.csv`,
    found: id,
    hint: close.length ? `did you mean ${close.map((c) => `'${c}'`).join(", ")}?` : undefined
  });
}

/**
 * Finds the scenario's catalog rows; an unknown id is an error at the key that names it. Every unknown id is reported:
 * one as a UserError, several together as UserErrors.
 */
export function bindScenario(resolved: ResolvedScenario, catalogs: ScenarioCatalogs): BoundScenario {
  const value = (path: string) => resolved.values[path]?.value;
  const errors: UserError[] = [];
  // An optional key left unset (training.hardware, training.model) takes the serving row.
  const find = <T extends {id: string}>(path: string, rows: readonly T[], what: string, unset?: T): T | undefined => {
    const id = value(path);
    if (path.startsWith("training.") && (id === null || id === undefined)) return unset;
    try {
      return findInCatalog(resolved, path, rows, String(id), what);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors.push(error);
      return undefined;
    }
  };
  const hardware = find("serving.hardware", catalogs.hardware, "hardware");
  const model = find("serving.model", catalogs.models, "model");
  const trainingHardware = find("training.hardware", catalogs.hardware, "hardware", hardware);
  const trainingModel = find("training.model", catalogs.models, "model", model);
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1 || !hardware || !model || !trainingHardware || !trainingModel) throw new UserErrors(errors);
  return {resolved, hardware, model, trainingHardware, trainingModel};
}

/**
 * Evaluates every model of the scenario at one point (one value per key, e.g. scenarioMedianPoint or one Monte Carlo
 * sample). How keys feed the models:
 *   serving.* + catalog rows → roofline (decode, prefill); power.* + finance.* + price → chip-hour cost
 *   blended cost per token = chip-hour cost ÷ (blended tokens/s × 3600 × utilisation), blended rate as above
 *   demand tokens/day = users × tokens/user/day × agent multiplier, growing at the combined rate
 *   custom chip = unit cost, power, partner margin, utilisation and relative throughput × the merchant blended rate
 *   training cost = 6·N·D on training.hardware at training.mfu × its owned chip-hour cost (full draw); the spend
 *   over time charges each generation that × training.spendMultiplier
 *   spend over time, inference tax, silicon program, moat and flywheel take those (src/strategy/*)
 */
export function evaluateScenarioPoint(bound: BoundScenario, point: ScenarioPoint): ScenarioEvaluation {
  const {resolved, hardware, model, trainingHardware, trainingModel} = bound;
  // Each key is read where it is used, point["key"], which the engine compiles to a plain property load: a lookup by
  // a key passed in a variable costs more than the arithmetic it feeds, once per Monte Carlo draw.
  const precision = point["serving.precision"] as Precision;
  const batchSize = num(point["serving.batch"], "serving.batch");
  const tensorParallel = num(point["serving.tensorParallel"], "serving.tensorParallel");

  const precisionIssue = precisionProblem(hardware, precision);
  if (precisionIssue) {
    throw scenarioValueError(resolved, "serving.precision", {
      message: precisionIssue.message,
      expected: precisionIssue.expected,
      found: precisionIssue.found
    });
  }
  const servingInput: ServingInput = {
    hardware,
    model,
    precision,
    batchSize,
    inputTokens: num(point["serving.inputTokens"], "serving.inputTokens"),
    outputTokens: num(point["serving.outputTokens"], "serving.outputTokens"),
    cacheHitFraction: num(point["serving.cacheHit"], "serving.cacheHit"),
    tensorParallel,
    expertParallel: 1,
    hbmReserveFraction: num(point["serving.hbmReserve"], "serving.hbmReserve")
  };
  // The scenario sets the bandwidth and compute fractions; communication and fixed times keep the model's defaults.
  const efficiencies = {
    ...DEFAULT_SERVING_EFFICIENCIES,
    bandwidthFraction: num(point["serving.achievableBandwidth"], "serving.achievableBandwidth"),
    computeFraction: num(point["serving.achievableCompute"], "serving.achievableCompute")
  };
  const servingKeyError = (problem: ServingProblem) =>
    scenarioValueError(resolved, SERVING_SETTING_KEYS[problem.setting], {
      message: problem.message,
      expected: problem.expected,
      found: problem.found
    });
  const shapeIssue = parallelismProblem(model, tensorParallel, 1) ?? requestProblem(servingInput);
  if (shapeIssue) throw servingKeyError(shapeIssue);
  const serving = servingPerformance(servingInput, efficiencies);
  const memoryIssue = memoryProblem(servingInput, serving);
  if (memoryIssue) throw servingKeyError(memoryIssue);

  const chipPriceUsd = typeof point["hardware.price"] === "number" ? point["hardware.price"] : hardware.priceUsd;
  if (chipPriceUsd === null) {
    throw scenarioValueError(resolved, "hardware.price", {
      message: `${hardware.id} has no purchase price in data/hardware.csv`,
      expected: "hardware.price set in the scenario (e.g. `hardware.price: 25000 USD`)",
      found: "nothing"
    });
  }
  // The keys every chip's ownership shares, read once (the merchant, custom and training chips use them).
  const systemOverheadFraction = num(point["finance.systemOverhead"], "finance.systemOverhead");
  const hostPowerFraction = num(point["power.hostOverhead"], "power.hostOverhead");
  const averageDrawFraction = num(point["power.averageDraw"], "power.averageDraw");
  const pue = num(point["power.pue"], "power.pue");
  const electricityUsdPerKwh = num(point["power.electricity"], "power.electricity");
  const facilityCapexUsdPerMw = num(point["finance.facilityCapexPerMw"], "finance.facilityCapexPerMw");
  const facilityLifeYears = num(point["finance.facilityLife"], "finance.facilityLife");
  const costOfCapitalPerYear = num(point["finance.costOfCapital"], "finance.costOfCapital");
  const usefulLifeYears = num(point["finance.usefulLife"], "finance.usefulLife");
  const operationsUsdPerChipHour = num(point["finance.operationsPerChipHour"], "finance.operationsPerChipHour");
  const ownership = (priceUsd: number, powerW: number, marginFraction: number): ChipHourCostInput => ({
    chipPriceUsd: priceUsd,
    systemOverheadFraction,
    chipPowerW: powerW,
    hostPowerFraction,
    averageDrawFraction,
    pue,
    electricityUsdPerKwh,
    facilityCapexUsdPerMw,
    facilityLifeYears,
    costOfCapitalPerYear,
    usefulLifeYears,
    operationsUsdPerChipHour,
    vendorGrossMarginFraction: marginFraction
  });
  const merchantOwnership = ownership(
    chipPriceUsd,
    hardware.powerW,
    num(point["finance.vendorGrossMargin"], "finance.vendorGrossMargin")
  );
  const utilizationFraction = num(point["serving.utilization"], "serving.utilization");
  const cost = servingCost({serving, ownership: merchantOwnership, utilizationFraction, rentedUsdPerChipHour: null});

  const inputShare = num(point["demand.inputShare"], "demand.inputShare");
  const blendedTokensPerSecondPerChip =
    1 / (inputShare / serving.prefillTokensPerSecondPerChip + (1 - inputShare) / serving.decodeTokensPerSecondPerChip);
  const merchant: ServingChipInput = {
    chipHour: merchantOwnership,
    tokensPerSecondPerChip: blendedTokensPerSecondPerChip,
    utilizationFraction
  };
  const custom: ServingChipInput = {
    chipHour: ownership(
      num(point["silicon.unitCost"], "silicon.unitCost"),
      num(point["silicon.power"], "silicon.power"),
      num(point["silicon.partnerMargin"], "silicon.partnerMargin")
    ),
    tokensPerSecondPerChip:
      blendedTokensPerSecondPerChip * num(point["silicon.relativeThroughput"], "silicon.relativeThroughput"),
    utilizationFraction: num(point["silicon.utilization"], "silicon.utilization")
  };
  const chipHourUsd = cost.chipHour.totalUsdPerChipHour;
  const blendedCostUsdPerMTok =
    (chipHourUsd / (blendedTokensPerSecondPerChip * 3600 * utilizationFraction)) * TOKENS_PER_MILLION;

  // Training one generation of the served model.
  const trainingPeak = peakFlopsPerS(trainingHardware, "bf16");
  const trainingPrice = trainingHardware === hardware ? chipPriceUsd : (trainingHardware.priceUsd ?? null);
  if (trainingPrice === null || trainingPeak === null) {
    throw scenarioValueError(resolved, "training.hardware", {
      message: `${trainingHardware.id} has no purchase price in data/hardware.csv to cost a training run`,
      expected: `a training.hardware with a catalog price (supported precisions: ${supportedPrecisions(trainingHardware).join(", ")})`,
      found: trainingHardware.id
    });
  }
  const trainingChipHour = chipHourCost({
    ...ownership(
      trainingPrice,
      trainingHardware.powerW,
      num(point["finance.vendorGrossMargin"], "finance.vendorGrossMargin")
    ),
    averageDrawFraction: 1
  });
  const training = trainingRun({
    activeParams: trainingModel.activeParams,
    tokens: num(point["training.tokens"], "training.tokens"),
    peakFlopsPerS: trainingPeak,
    mfu: num(point["training.mfu"], "training.mfu"),
    chips: num(point["training.chips"], "training.chips"),
    itPowerKwPerChip: trainingChipHour.itPowerKw,
    averageDrawFraction: 1,
    pue,
    ownedUsdPerChipHour: trainingChipHour.totalUsdPerChipHour,
    rentedUsdPerChipHour: trainingHardware.hourlyPriceUsd
  });

  const horizonMonths = num(point["horizon.months"], "horizon.months");
  const users = num(point["demand.users"], "demand.users");
  const tokensPerUserPerDay = num(point["demand.tokensPerUserPerDay"], "demand.tokensPerUserPerDay");
  const agentMultiplier = num(point["demand.agentMultiplier"], "demand.agentMultiplier");
  const demandTokensPerDay = users * tokensPerUserPerDay * agentMultiplier;
  const demandGrowthPerYear =
    (1 + num(point["demand.growthPerYear"], "demand.growthPerYear")) *
      (1 + num(point["demand.tokensPerUserGrowth"], "demand.tokensPerUserGrowth")) *
      (1 + num(point["demand.agentGrowth"], "demand.agentGrowth")) -
    1;
  const costDeclinePerYear = num(point["serving.costDeclinePerYear"], "serving.costDeclinePerYear");

  // The models that check the chip-hour inputs one by one run first, so that a bad input is named before it shows
  // up inside a computed one (a tiny useful life as a huge training cost).
  const runModel = strategyModel(resolved, point);
  const tax = runModel("inference tax", TAX_KEYS, inferenceTax, {
    merchant,
    inHouseMarginFraction: num(point["silicon.partnerMargin"], "silicon.partnerMargin"),
    tokensPerYear: demandTokensPerDay * 365.25,
    tokenVolumeGrowthPerYear: Math.min(demandGrowthPerYear, 10),
    horizonYears: Math.max(1, Math.ceil(horizonMonths / 12))
  });
  const silicon = runModel("silicon program", SILICON_KEYS, siliconProgram, {
    merchant,
    custom,
    nreUsd: num(point["silicon.nre"], "silicon.nre"),
    designCycleMonths: num(point["silicon.designCycle"], "silicon.designCycle"),
    deploymentRampMonths: num(point["silicon.rampMonths"], "silicon.rampMonths"),
    demandTokensPerDay,
    demandGrowthPerYear: Math.min(demandGrowthPerYear, 10),
    discountRatePerYear: num(point["finance.discountRate"], "finance.discountRate"),
    horizonMonths
  });
  const spendInput: TrainingVsInferenceInput = {
    horizonMonths,
    generationCadenceMonths: num(point["training.cadence"], "training.cadence"),
    trainingRunMonths: num(point["training.runMonths"], "training.runMonths"),
    firstGenerationTrainingCostUsd:
      training.costOwnedUsd * num(point["training.spendMultiplier"], "training.spendMultiplier"),
    trainingCostGrowthPerGeneration: num(point["training.costGrowth"], "training.costGrowth"),
    initialUsers: users,
    userGrowthPerYear: num(point["demand.growthPerYear"], "demand.growthPerYear"),
    tokensPerUserPerDay,
    tokensPerUserGrowthPerYear: num(point["demand.tokensPerUserGrowth"], "demand.tokensPerUserGrowth"),
    agentCallsPerTask: agentMultiplier,
    agentCallsGrowthPerYear: num(point["demand.agentGrowth"], "demand.agentGrowth"),
    servingCostUsdPerMTok: blendedCostUsdPerMTok,
    servingCostDeclinePerYear: costDeclinePerYear
  };
  const spend = runModel("spend over time", SPEND_KEYS, trainingVsInference, spendInput);
  const derivedCostAdvantage = silicon.deployed ? 1 - silicon.customCostRelativeToMerchant : 0;
  const costAdvantage = point["moat.costAdvantage"];
  const moatResult = runModel("moat", MOAT_KEYS, moat, {
    horizonMonths,
    marketPriceUsdPerMTok: num(point["market.price"], "market.price"),
    priceDeclinePerYear: num(point["market.priceDeclinePerYear"], "market.priceDeclinePerYear"),
    baselineCostUsdPerMTok: blendedCostUsdPerMTok,
    costDeclinePerYear,
    baselineTokensPerMonth: demandTokensPerDay * DAYS_PER_MONTH,
    volumeGrowthPerYear: Math.min(demandGrowthPerYear, 10),
    modelLeadPricePremiumFraction: num(point["moat.pricePremium"], "moat.pricePremium"),
    modelLeadVolumeGainFraction: num(point["moat.volumeGain"], "moat.volumeGain"),
    catchUpMonths: num(point["moat.catchUpMonths"], "moat.catchUpMonths"),
    costAdvantageFraction: typeof costAdvantage === "number" ? costAdvantage : derivedCostAdvantage
  });
  // The flywheel's users start at demand.users; its addressable market and cap are at least that large (documented
  // on the keys), and models cannot make chip design slower than silicon.designCycle.
  const addressableUsers = Math.max(num(point["flywheel.addressableUsers"], "flywheel.addressableUsers"), users, 1);
  const designCycle = num(point["silicon.designCycle"], "silicon.designCycle");
  const flywheelResult = runModel("flywheel", FLYWHEEL_KEYS, flywheel, {
    horizonMonths,
    initialUsers: users,
    initialAddressableUsers: addressableUsers,
    addressableUsersCap: Math.max(num(point["flywheel.usersCap"], "flywheel.usersCap"), addressableUsers),
    adoptionRatePerMonth: num(point["flywheel.adoptionRate"], "flywheel.adoptionRate"),
    addressableUsersElasticityToCost: num(point["flywheel.costElasticity"], "flywheel.costElasticity"),
    tokensPerUserPerDay: tokensPerUserPerDay * agentMultiplier,
    dataCaptureFraction: num(point["flywheel.dataCapture"], "flywheel.dataCapture"),
    initialDataTokens: num(point["flywheel.initialData"], "flywheel.initialData"),
    referenceDataTokens: num(point["flywheel.referenceData"], "flywheel.referenceData"),
    qualityGainPerDataDoubling: num(point["flywheel.qualityPerDataDoubling"], "flywheel.qualityPerDataDoubling"),
    designCycleShorteningPerQualityPoint: num(
      point["flywheel.cycleShorteningPerQuality"],
      "flywheel.cycleShorteningPerQuality"
    ),
    baseDesignCycleMonths: designCycle,
    minDesignCycleMonths: Math.min(num(point["flywheel.minDesignCycle"], "flywheel.minDesignCycle"), designCycle),
    initialCostUsdPerMTok: blendedCostUsdPerMTok,
    costReductionPerChipGeneration: num(
      point["flywheel.costReductionPerGeneration"],
      "flywheel.costReductionPerGeneration"
    )
  });

  const tokensPerSecondPerMw =
    (blendedTokensPerSecondPerChip * utilizationFraction * KILO) / cost.chipHour.facilityPowerKw;
  const metrics: ScenarioMetrics = {
    costPerMillionTokensUsd: blendedCostUsdPerMTok,
    costPerMillionOutputTokensUsd: cost.costPerMillionOutputTokensUsd,
    costPerMillionInputTokensUsd: cost.costPerMillionInputTokensUsd,
    tokensPerSecondPerChip: serving.decodeTokensPerSecondPerChip,
    timePerOutputTokenSeconds: serving.timePerOutputTokenSeconds,
    chipHourCostUsd: chipHourUsd,
    tokensPerSecondPerMw,
    revenuePerMwHourUsd:
      ((tokensPerSecondPerMw * 3600) / TOKENS_PER_MILLION) * num(point["market.price"], "market.price"),
    inferenceTaxShare: tax.taxShare,
    inferenceTaxRecoveredFirstYearUsd: tax.recoveredUsdPerYear,
    trainingCostUsd: training.costOwnedUsd,
    trainingDays: training.wallClockDays,
    inferenceOvertakesTrainingMonth: spend.crossoverMonth,
    inferenceShareOfSpend: spend.inferenceShareOfTotal,
    siliconCostPerMillionTokensUsd: silicon.customCostUsdPerMTok,
    siliconBreakevenUnits: silicon.breakEvenCustomChips,
    siliconPaybackMonth: silicon.paybackMonth,
    siliconNpvUsd: silicon.npvUsd,
    siliconValueOfOneMonthUsd: silicon.valueOfOneMonthOfCycleUsd,
    modelLeadValueUsd: moatResult.modelLeadValueUsd,
    costLeadValueUsd: moatResult.costLeadValueUsd,
    flywheelCostReduction: averageCostReduction(flywheelResult),
    flywheelUserGain: flywheelResult.userGainFromLoopFraction
  };
  return {
    serving,
    cost,
    blendedTokensPerSecondPerChip,
    demandTokensPerDay,
    demandGrowthPerYear,
    merchant,
    custom,
    training,
    spend,
    spendInput,
    tax,
    silicon,
    moat: moatResult,
    flywheel: flywheelResult,
    metrics
  };
}

/** The scenario key that sets each serving setting a ServingProblem can name (expert parallelism has none: 1). */
const SERVING_SETTING_KEYS = {
  precision: "serving.precision",
  batch: "serving.batch",
  tensorParallel: "serving.tensorParallel",
  expertParallel: "serving.tensorParallel",
  inputTokens: "serving.inputTokens",
  outputTokens: "serving.outputTokens",
  cacheHitFraction: "serving.cacheHit"
} as const;

/** A scenario key's value, which must be a number: every numeric key of a resolved scenario has one. */
function num(value: number | string | null | undefined, path: string): number {
  if (typeof value !== "number") throw new Error(`scenario key ${path} has no number`);
  return value;
}

/** 1 − (mean closed-loop cost ÷ mean open-loop cost) over months 1 … H; 0 when the open loop's tokens cost nothing. */
function averageCostReduction(result: FlywheelResult): number {
  let closed = 0;
  let open = 0;
  for (const row of result.months) {
    if (row.month === 0) continue;
    closed += row.closedCostUsdPerMTok;
    open += row.openCostUsdPerMTok;
  }
  return open > 0 ? 1 - closed / open : 0;
}

/**
 * Model input → the scenario key that sets it. A key in parentheses, `(demand.users)`, marks an input computed from
 * several keys: the error is placed at the key that usually drives it, and says the value was computed.
 */
type ModelKeys = Readonly<Record<string, string>>;

/** The chip-hour and throughput inputs of a ServingChipInput, `prefix.field` → key. */
function chipKeys(prefix: "merchant" | "custom"): ModelKeys {
  const merchant = prefix === "merchant";
  const hour = (field: string) => `${prefix}.chipHour.${field}`;
  return {
    [hour("chipPriceUsd")]: merchant ? "hardware.price" : "silicon.unitCost",
    [hour("systemOverheadFraction")]: merchant ? "finance.systemOverhead" : "(finance.systemOverhead)",
    [hour("chipPowerW")]: merchant ? "serving.hardware" : "silicon.power",
    [hour("hostPowerFraction")]: "power.hostOverhead",
    [hour("averageDrawFraction")]: "power.averageDraw",
    [hour("pue")]: "power.pue",
    [hour("electricityUsdPerKwh")]: "power.electricity",
    [hour("facilityCapexUsdPerMw")]: "finance.facilityCapexPerMw",
    [hour("facilityLifeYears")]: "finance.facilityLife",
    [hour("costOfCapitalPerYear")]: "finance.costOfCapital",
    [hour("usefulLifeYears")]: "finance.usefulLife",
    [hour("operationsUsdPerChipHour")]: "finance.operationsPerChipHour",
    [hour("vendorGrossMarginFraction")]: merchant ? "finance.vendorGrossMargin" : "silicon.partnerMargin",
    [`${prefix}.tokensPerSecondPerChip`]: merchant ? "(serving.batch)" : "(silicon.relativeThroughput)",
    [`${prefix}.utilizationFraction`]: merchant ? "serving.utilization" : "silicon.utilization"
  };
}

const SPEND_KEYS: ModelKeys = {
  horizonMonths: "horizon.months",
  generationCadenceMonths: "training.cadence",
  trainingRunMonths: "training.runMonths",
  firstGenerationTrainingCostUsd: "(training.spendMultiplier)",
  trainingCostGrowthPerGeneration: "training.costGrowth",
  initialUsers: "demand.users",
  userGrowthPerYear: "demand.growthPerYear",
  tokensPerUserPerDay: "demand.tokensPerUserPerDay",
  tokensPerUserGrowthPerYear: "demand.tokensPerUserGrowth",
  agentCallsPerTask: "demand.agentMultiplier",
  agentCallsGrowthPerYear: "demand.agentGrowth",
  servingCostUsdPerMTok: "(serving.utilization)",
  servingCostDeclinePerYear: "serving.costDeclinePerYear"
};

const TAX_KEYS: ModelKeys = {
  ...chipKeys("merchant"),
  inHouseMarginFraction: "silicon.partnerMargin",
  tokensPerYear: "(demand.users)",
  tokenVolumeGrowthPerYear: "(demand.growthPerYear)",
  horizonYears: "horizon.months"
};

const SILICON_KEYS: ModelKeys = {
  ...chipKeys("merchant"),
  ...chipKeys("custom"),
  nreUsd: "silicon.nre",
  designCycleMonths: "silicon.designCycle",
  deploymentRampMonths: "silicon.rampMonths",
  demandTokensPerDay: "(demand.users)",
  demandGrowthPerYear: "(demand.growthPerYear)",
  discountRatePerYear: "finance.discountRate",
  horizonMonths: "horizon.months"
};

const MOAT_KEYS: ModelKeys = {
  horizonMonths: "horizon.months",
  marketPriceUsdPerMTok: "market.price",
  priceDeclinePerYear: "market.priceDeclinePerYear",
  baselineCostUsdPerMTok: "(serving.utilization)",
  costDeclinePerYear: "serving.costDeclinePerYear",
  baselineTokensPerMonth: "(demand.users)",
  volumeGrowthPerYear: "(demand.growthPerYear)",
  modelLeadPricePremiumFraction: "moat.pricePremium",
  modelLeadVolumeGainFraction: "moat.volumeGain",
  catchUpMonths: "moat.catchUpMonths",
  costAdvantageFraction: "moat.costAdvantage"
};

const FLYWHEEL_KEYS: ModelKeys = {
  horizonMonths: "horizon.months",
  initialUsers: "demand.users",
  initialAddressableUsers: "flywheel.addressableUsers",
  addressableUsersCap: "flywheel.usersCap",
  adoptionRatePerMonth: "flywheel.adoptionRate",
  addressableUsersElasticityToCost: "flywheel.costElasticity",
  tokensPerUserPerDay: "(demand.tokensPerUserPerDay)",
  dataCaptureFraction: "flywheel.dataCapture",
  initialDataTokens: "flywheel.initialData",
  referenceDataTokens: "flywheel.referenceData",
  qualityGainPerDataDoubling: "flywheel.qualityPerDataDoubling",
  designCycleShorteningPerQualityPoint: "flywheel.cycleShorteningPerQuality",
  baseDesignCycleMonths: "silicon.designCycle",
  minDesignCycleMonths: "flywheel.minDesignCycle",
  initialCostUsdPerMTok: "(serving.utilization)",
  costReductionPerChipGeneration: "flywheel.costReductionPerGeneration"
};

/**
 * Runs a strategy model on inputs taken from the scenario. The models check their own (tighter) ranges and name
 * their own input fields; such an error becomes one at the scenario key that set the value, placed where that value
 * was written (file line or --set flag), with the model's input named in the message.
 */
function strategyModel(resolved: ResolvedScenario, point: ScenarioPoint) {
  return <I, R>(name: string, keys: ModelKeys, model: (input: I) => R, input: I): R => {
    try {
      return model(input);
    } catch (error) {
      if (!(error instanceof UserError) || error.detail.path === undefined) throw error;
      const {path: field, message, ...rest} = error.detail;
      const mapped = keys[field];
      if (mapped === undefined)
        throw new UserError({...rest, file: resolved.file, message: `the ${name} model's ${field}: ${message}`});
      const computed = mapped.startsWith("(");
      let key = computed ? mapped.slice(1, -1) : mapped;
      // The merchant chip's price is the catalog's unless hardware.price is set.
      if (key === "hardware.price" && typeof point["hardware.price"] !== "number") key = "serving.hardware";
      const note = computed
        ? `the ${name} model's ${field}, computed from this key and others`
        : `the ${name} model's ${field}`;
      const {expected, found, hint} = rest;
      throw scenarioValueError(resolved, key, {message: `${message} (${note})`, expected, found, hint});
    }
  };
}
