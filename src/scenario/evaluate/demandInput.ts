import {demandGrowthPerYear, demandTokensPerDay} from "../../strategy/demand.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import {num} from "./modelKeys.js";

/** The keys demandTokensPerDay is computed from: users × tokens per user per day × agent multiplier. */
export const DEMAND_TOKENS_KEYS = ["demand.users", "demand.tokensPerUserPerDay", "demand.agentMultiplier"] as const;

/** The keys demandGrowthPerYear is computed from. */
export const DEMAND_GROWTH_KEYS = ["demand.growthPerYear", "demand.tokensPerUserGrowth", "demand.agentGrowth"] as const;

/** The keys the merchant chip's blended tokens per second are computed from (the serving model's inputs). */
export const SERVING_THROUGHPUT_KEYS = [
  "serving.batch",
  "serving.hardware",
  "serving.model",
  "serving.precision",
  "serving.inputTokens",
  "serving.outputTokens",
  "serving.cacheHit",
  "serving.tensorParallel",
  "serving.expertParallel",
  "serving.stack",
  "serving.achievableBandwidth",
  "serving.achievableCompute",
  "demand.inputShare"
] as const;

/** The keys costUsdPerMTok (the merchant's blended cost per million tokens) is computed from. */
export const MERCHANT_COST_KEYS = [
  "serving.utilization",
  ...SERVING_THROUGHPUT_KEYS,
  "hardware.price",
  "power.electricity",
  "power.pue",
  "power.averageDraw",
  "power.hostOverhead",
  "finance.costOfCapital",
  "finance.usefulLife",
  "finance.facilityCapexPerMw",
  "finance.facilityLife",
  "finance.operationsPerChipHour",
  "finance.systemOverhead",
  "finance.vendorGrossMargin",
  "fleet.chipHourPrice"
] as const;

/** What the strategy models share from one point: demand, its growth, the merchant's blended cost and the horizon. */
export interface ScenarioDrivers {
  /** Tokens demanded per day at the start (src/strategy/demand.ts). */
  demandTokensPerDay: number;
  /** Growth of demanded tokens per year, a fraction (src/strategy/demand.ts). */
  demandGrowthPerYear: number;
  /** Blended cost of a million tokens on the merchant chip, USD (src/tco/costPerToken.ts). */
  costUsdPerMTok: number;
  /** serving.costDeclinePerYear, a fraction. */
  costDeclinePerYear: number;
  /** horizon.months. */
  horizonMonths: number;
}

/** Demand and its growth at one point: demand.users × demand.tokensPerUserPerDay × demand.agentMultiplier, … */
export function scenarioDrivers(point: ScenarioPoint, costUsdPerMTok: number): ScenarioDrivers {
  return {
    demandTokensPerDay: demandTokensPerDay({
      users: num(point["demand.users"], "demand.users"),
      tokensPerUserPerDay: num(point["demand.tokensPerUserPerDay"], "demand.tokensPerUserPerDay"),
      agentMultiplier: num(point["demand.agentMultiplier"], "demand.agentMultiplier")
    }),
    demandGrowthPerYear: demandGrowthPerYear({
      userGrowthPerYear: num(point["demand.growthPerYear"], "demand.growthPerYear"),
      tokensPerUserGrowthPerYear: num(point["demand.tokensPerUserGrowth"], "demand.tokensPerUserGrowth"),
      agentGrowthPerYear: num(point["demand.agentGrowth"], "demand.agentGrowth")
    }),
    costUsdPerMTok,
    costDeclinePerYear: num(point["serving.costDeclinePerYear"], "serving.costDeclinePerYear"),
    horizonMonths: num(point["horizon.months"], "horizon.months")
  };
}

/** Demand growth as the strategy models take it: capped at 10 (1,000% a year) so that compounding stays finite. */
export function cappedDemandGrowth(drivers: ScenarioDrivers): number {
  return Math.min(drivers.demandGrowthPerYear, 10);
}
