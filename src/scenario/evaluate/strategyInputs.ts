import {UserError} from "../../errors/userError.js";
// One input builder per strategy model, each beside its reverse key map (model input → scenario key; see
// modelKeys.ts). The models themselves are in src/strategy/.
import {MASK_SET_PRICES, maskSetOf} from "../../silicon/programNre.js";
import type {FlywheelInput} from "../../strategy/flywheel.js";
import type {InferenceTaxInput} from "../../strategy/inferenceTax.js";
import type {MoatInput} from "../../strategy/moat.js";
import type {ServingChipInput} from "../../strategy/servingChip.js";
import type {SiliconProgramInput, SiliconProgramSummary} from "../../strategy/siliconProgram.js";
import type {TrainingVsInferenceInput} from "../../strategy/trainingVsInference.js";
import {DAYS_PER_MONTH, DAYS_PER_YEAR} from "../../units/si.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import {
  cappedDemandGrowth,
  DEMAND_GROWTH_KEYS,
  DEMAND_TOKENS_KEYS,
  MERCHANT_COST_KEYS,
  type ScenarioDrivers
} from "./demandInput.js";
import {TRAINING_COST_KEYS} from "./trainingInput.js";
import {computedFrom, num, type ModelKeys} from "./modelKeys.js";
import {servingChipKeys} from "./ownershipInput.js";

/** The inference tax (src/strategy/inferenceTax.ts) over the horizon, with the spend's demand and cost decline. */
export function inferenceTaxInput(
  point: ScenarioPoint,
  drivers: ScenarioDrivers,
  merchant: ServingChipInput
): InferenceTaxInput {
  return {
    merchant,
    inHouseMarginFraction: num(point["silicon.partnerMargin"], "silicon.partnerMargin"),
    tokensPerYear: drivers.demandTokensPerDay * DAYS_PER_YEAR,
    tokenVolumeGrowthPerYear: cappedDemandGrowth(drivers),
    costDeclinePerYear: drivers.costDeclinePerYear,
    horizonMonths: drivers.horizonMonths
  };
}

export const TAX_KEYS: ModelKeys = {
  ...servingChipKeys("merchant"),
  inHouseMarginFraction: "silicon.partnerMargin",
  tokensPerYear: computedFrom(...DEMAND_TOKENS_KEYS),
  tokenVolumeGrowthPerYear: computedFrom(...DEMAND_GROWTH_KEYS),
  costDeclinePerYear: "serving.costDeclinePerYear",
  horizonMonths: "horizon.months"
};

/** The custom silicon program (src/strategy/siliconProgram.ts): merchant vs custom chip on the scenario's demand. */
export function siliconProgramInput(
  point: ScenarioPoint,
  drivers: ScenarioDrivers,
  chips: {merchant: ServingChipInput; custom: ServingChipInput}
): SiliconProgramInput {
  return {
    merchant: chips.merchant,
    custom: chips.custom,
    nreUsd: num(point["silicon.nre"], "silicon.nre"),
    designCycleMonths: num(point["silicon.designCycle"], "silicon.designCycle"),
    deploymentRampMonths: num(point["silicon.rampMonths"], "silicon.rampMonths"),
    respinProbability: num(point["silicon.respinProbability"], "silicon.respinProbability"),
    respinMonths: num(point["silicon.respinMonths"], "silicon.respinMonths"),
    respinCostUsd: respinCostUsd(point),
    demandTokensPerDay: drivers.demandTokensPerDay,
    demandGrowthPerYear: cappedDemandGrowth(drivers),
    costDeclinePerYear: drivers.costDeclinePerYear,
    discountRatePerYear: num(point["finance.discountRate"], "finance.discountRate"),
    horizonMonths: drivers.horizonMonths
  };
}

/**
 * What a respin costs: silicon.respinCost, or the mask set of silicon.node (MASK_SET_PRICES). 0 when the respin
 * probability is 0. Throws: a UserError at the input field respinCostUsd for a node with no mask-set price
 * (modelErrorAtKey places it at silicon.respinCost).
 */
function respinCostUsd(point: ScenarioPoint): number {
  const set = point["silicon.respinCost"];
  if (typeof set === "number") return set;
  if (num(point["silicon.respinProbability"], "silicon.respinProbability") === 0) return 0;
  const mask = maskSetOf(point["silicon.node"]);
  if (mask) return mask.usd;
  throw new UserError({
    path: "respinCostUsd",
    message: "no mask-set price for this node to price a respin",
    expected: `silicon.respinCost set, or silicon.node one of ${MASK_SET_PRICES.map((row) => row.node).join(", ")}`,
    found: String(point["silicon.node"])
  });
}

export const SILICON_KEYS: ModelKeys = {
  ...servingChipKeys("merchant"),
  ...servingChipKeys("custom"),
  nreUsd: "silicon.nre",
  designCycleMonths: "silicon.designCycle",
  deploymentRampMonths: "silicon.rampMonths",
  respinProbability: "silicon.respinProbability",
  respinMonths: "silicon.respinMonths",
  respinCostUsd: computedFrom("silicon.respinCost", "silicon.node", "silicon.respinProbability"),
  demandTokensPerDay: computedFrom(...DEMAND_TOKENS_KEYS),
  demandGrowthPerYear: computedFrom(...DEMAND_GROWTH_KEYS),
  costDeclinePerYear: "serving.costDeclinePerYear",
  discountRatePerYear: "finance.discountRate",
  horizonMonths: "horizon.months"
};

/**
 * The first generation's training spend, USD: training.firstGenerationSpend when the scenario states it, else
 * training.spendMultiplier × the modelled run's cost (trainingRunCostUsd, USD).
 */
export function firstGenerationTrainingCostUsd(point: ScenarioPoint, trainingRunCostUsd: number): number {
  const stated = point["training.firstGenerationSpend"];
  if (stated !== null && stated !== undefined) return num(stated, "training.firstGenerationSpend");
  return trainingRunCostUsd * num(point["training.spendMultiplier"], "training.spendMultiplier");
}

/**
 * Training vs inference spend over time (src/strategy/trainingVsInference.ts): each generation costs one training
 * run × training.spendMultiplier; inference is priced at the merchant's blended cost per token.
 */
export function spendInput(
  point: ScenarioPoint,
  drivers: ScenarioDrivers,
  trainingRunCostUsd: number
): TrainingVsInferenceInput {
  return {
    horizonMonths: drivers.horizonMonths,
    generationCadenceMonths: num(point["training.cadence"], "training.cadence"),
    trainingRunMonths: num(point["training.runMonths"], "training.runMonths"),
    firstGenerationTrainingCostUsd: firstGenerationTrainingCostUsd(point, trainingRunCostUsd),
    trainingCostGrowthPerGeneration: num(point["training.costGrowth"], "training.costGrowth"),
    initialUsers: num(point["demand.users"], "demand.users"),
    userGrowthPerYear: num(point["demand.growthPerYear"], "demand.growthPerYear"),
    tokensPerUserPerDay: num(point["demand.tokensPerUserPerDay"], "demand.tokensPerUserPerDay"),
    tokensPerUserGrowthPerYear: num(point["demand.tokensPerUserGrowth"], "demand.tokensPerUserGrowth"),
    agentCallsPerTask: num(point["demand.agentMultiplier"], "demand.agentMultiplier"),
    agentCallsGrowthPerYear: num(point["demand.agentGrowth"], "demand.agentGrowth"),
    servingCostUsdPerMTok: drivers.costUsdPerMTok,
    servingCostDeclinePerYear: drivers.costDeclinePerYear
  };
}

export const SPEND_KEYS: ModelKeys = {
  horizonMonths: "horizon.months",
  generationCadenceMonths: "training.cadence",
  trainingRunMonths: "training.runMonths",
  firstGenerationTrainingCostUsd: computedFrom(
    "training.firstGenerationSpend",
    "training.spendMultiplier",
    ...TRAINING_COST_KEYS
  ),
  trainingCostGrowthPerGeneration: "training.costGrowth",
  initialUsers: "demand.users",
  userGrowthPerYear: "demand.growthPerYear",
  tokensPerUserPerDay: "demand.tokensPerUserPerDay",
  tokensPerUserGrowthPerYear: "demand.tokensPerUserGrowth",
  agentCallsPerTask: "demand.agentMultiplier",
  agentCallsGrowthPerYear: "demand.agentGrowth",
  servingCostUsdPerMTok: computedFrom(...MERCHANT_COST_KEYS),
  servingCostDeclinePerYear: "serving.costDeclinePerYear"
};

/**
 * Model lead vs cost lead (src/strategy/moat.ts). The cost advantage is moat.costAdvantage when set, else what the
 * silicon program's chip saves once deployed (1 − custom ÷ merchant cost per token), else 0.
 */
export function moatInput(point: ScenarioPoint, drivers: ScenarioDrivers, silicon: SiliconProgramSummary): MoatInput {
  const derivedCostAdvantage = silicon.deployed ? 1 - silicon.customCostRelativeToMerchant : 0;
  const costAdvantage = point["moat.costAdvantage"];
  return {
    horizonMonths: drivers.horizonMonths,
    marketPriceUsdPerMTok: num(point["market.price"], "market.price"),
    priceDeclinePerYear: num(point["market.priceDeclinePerYear"], "market.priceDeclinePerYear"),
    baselineCostUsdPerMTok: drivers.costUsdPerMTok,
    costDeclinePerYear: drivers.costDeclinePerYear,
    baselineTokensPerMonth: drivers.demandTokensPerDay * DAYS_PER_MONTH,
    volumeGrowthPerYear: cappedDemandGrowth(drivers),
    modelLeadPricePremiumFraction: num(point["moat.pricePremium"], "moat.pricePremium"),
    modelLeadVolumeGainFraction: num(point["moat.volumeGain"], "moat.volumeGain"),
    catchUpMonths: num(point["moat.catchUpMonths"], "moat.catchUpMonths"),
    costAdvantageFraction: typeof costAdvantage === "number" ? costAdvantage : derivedCostAdvantage
  };
}

export const MOAT_KEYS: ModelKeys = {
  horizonMonths: "horizon.months",
  marketPriceUsdPerMTok: "market.price",
  priceDeclinePerYear: "market.priceDeclinePerYear",
  baselineCostUsdPerMTok: computedFrom(...MERCHANT_COST_KEYS),
  costDeclinePerYear: "serving.costDeclinePerYear",
  baselineTokensPerMonth: computedFrom(...DEMAND_TOKENS_KEYS),
  volumeGrowthPerYear: computedFrom(...DEMAND_GROWTH_KEYS),
  modelLeadPricePremiumFraction: "moat.pricePremium",
  modelLeadVolumeGainFraction: "moat.volumeGain",
  catchUpMonths: "moat.catchUpMonths",
  costAdvantageFraction: "moat.costAdvantage"
};

/**
 * The flywheel (src/strategy/flywheel.ts). Its users start at demand.users; its addressable market and cap are at
 * least that large (documented on the keys), and models cannot make chip design slower than silicon.designCycle.
 */
export function flywheelInput(point: ScenarioPoint, drivers: ScenarioDrivers): FlywheelInput {
  const users = num(point["demand.users"], "demand.users");
  const addressableUsers = Math.max(num(point["flywheel.addressableUsers"], "flywheel.addressableUsers"), users, 1);
  const designCycle = num(point["silicon.designCycle"], "silicon.designCycle");
  return {
    horizonMonths: drivers.horizonMonths,
    initialUsers: users,
    initialAddressableUsers: addressableUsers,
    addressableUsersCap: Math.max(num(point["flywheel.usersCap"], "flywheel.usersCap"), addressableUsers),
    adoptionRatePerMonth: num(point["flywheel.adoptionRate"], "flywheel.adoptionRate"),
    addressableUsersElasticityToCost: num(point["flywheel.costElasticity"], "flywheel.costElasticity"),
    tokensPerUserPerDay:
      num(point["demand.tokensPerUserPerDay"], "demand.tokensPerUserPerDay") *
      num(point["demand.agentMultiplier"], "demand.agentMultiplier"),
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
    initialCostUsdPerMTok: drivers.costUsdPerMTok,
    costReductionPerChipGeneration: num(
      point["flywheel.costReductionPerGeneration"],
      "flywheel.costReductionPerGeneration"
    )
  };
}

export const FLYWHEEL_KEYS: ModelKeys = {
  horizonMonths: "horizon.months",
  initialUsers: "demand.users",
  initialAddressableUsers: "flywheel.addressableUsers",
  addressableUsersCap: "flywheel.usersCap",
  adoptionRatePerMonth: "flywheel.adoptionRate",
  addressableUsersElasticityToCost: "flywheel.costElasticity",
  tokensPerUserPerDay: computedFrom("demand.tokensPerUserPerDay", "demand.agentMultiplier"),
  dataCaptureFraction: "flywheel.dataCapture",
  initialDataTokens: "flywheel.initialData",
  referenceDataTokens: "flywheel.referenceData",
  qualityGainPerDataDoubling: "flywheel.qualityPerDataDoubling",
  designCycleShorteningPerQualityPoint: "flywheel.cycleShorteningPerQuality",
  baseDesignCycleMonths: "silicon.designCycle",
  minDesignCycleMonths: "flywheel.minDesignCycle",
  initialCostUsdPerMTok: computedFrom(...MERCHANT_COST_KEYS),
  costReductionPerChipGeneration: "flywheel.costReductionPerGeneration"
};
