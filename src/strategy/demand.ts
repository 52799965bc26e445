/**
 * Token demand from its drivers:
 *
 *   tokens per day          = users × tokens per user per day × agent multiplier (model calls per task)
 *   demand growth per year  = (1 + user growth)(1 + tokens-per-user growth)(1 + agent growth) − 1
 *
 * The same product of drivers the spend-over-time model grows month by month (src/strategy/trainingVsInference.ts).
 */
export interface DemandInput {
  /** Users at the start; >= 0. */
  users: number;
  /** Tokens one user consumes per day without agents, tokens; >= 0. */
  tokensPerUserPerDay: number;
  /** Model calls per task (1 = no agents); >= 1. */
  agentMultiplier: number;
  /** Growth of users per year, a fraction (1 = doubles); >= -1. */
  userGrowthPerYear: number;
  /** Growth of tokens per user per year, a fraction; >= -1. */
  tokensPerUserGrowthPerYear: number;
  /** Growth of the agent multiplier per year, a fraction; >= -1. */
  agentGrowthPerYear: number;
}

/** Tokens demanded per day at the start: users × tokens per user per day × agent multiplier. */
export function demandTokensPerDay(input: Pick<DemandInput, "users" | "tokensPerUserPerDay" | "agentMultiplier">) {
  return input.users * input.tokensPerUserPerDay * input.agentMultiplier;
}

/** Growth of demanded tokens per year, a fraction: the three drivers compounded. */
export function demandGrowthPerYear(
  input: Pick<DemandInput, "userGrowthPerYear" | "tokensPerUserGrowthPerYear" | "agentGrowthPerYear">
): number {
  return (1 + input.userGrowthPerYear) * (1 + input.tokensPerUserGrowthPerYear) * (1 + input.agentGrowthPerYear) - 1;
}
