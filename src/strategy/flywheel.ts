import {UserError} from "../errors/userError.js";
import {DAYS_PER_MONTH} from "../units/si.js";
import {checkRanges, describeRange, formatBeyondBound, formatBound, type RangeTable} from "../units/range.js";
import {portableLog2, portablePow} from "../uncertainty/portableMath.js";

/**
 * The flywheel: a monthly system-dynamics simulation in which better models shorten chip design, new chips cut the
 * cost per token, and cheaper tokens widen the market, run with its feedback links closed and with link 1 cut.
 *
 * Stocks at the end of month t (t = 0 is the initial state):
 *   U_t users                      N_t addressable users           K_t tokens served, cumulative
 *   D_t data, tokens kept for training                              Q_t model quality, an index (Q_0 = 1)
 *   P_t chip design progress, in chip generations (fractional)      G_t = floor(P_t) chip generations shipped
 *   c_t cost per million tokens, USD
 *
 * Flows in month t = 1 … H, in this order (each uses the stocks of month t - 1 or those already updated):
 *   design cycle      L_t = max(L_min, L_0 ÷ (1 + k × (Q_{t-1} - 1)))      [link 1 cut: L_t = L_0]       months
 *   design progress   P_t = P_{t-1} + 1 ÷ L_t;  G_t = floor(P_t)                                           generations
 *   cost per token    c_t = c_0 × (1 - s)^G_t                                                             USD per Mtok
 *   addressable users N_t = min(N_max, N_0 × (c_0 ÷ c_t)^ε)                [link 2 cut: N_t = N_0]        users
 *   users             U_t = U_{t-1} + a × U_{t-1} × (1 - U_{t-1} ÷ N_t)      (logistic adoption)           users
 *   tokens served     T_t = U_t × tokens per user per day × 30.4375;  K_t = K_{t-1} + T_t                  tokens
 *   data              D_t = D_{t-1} + f × T_t                                                             tokens
 *   model quality     Q_t = 1 + q × log2((D_t + D_ref) ÷ (D_0 + D_ref))                                  index
 *
 * "Open loop" cuts link 1 (quality → design cycle): models do not help design chips, which ship every L_0 months,
 * and everything else is equal, the market's answer to a cheaper token (link 2) included. The difference between the
 * loops is then the flywheel's own: cutting link 2 as well credited the loop with the users that cheaper chips on
 * their own schedule bring (asic-9-months read "0% cost saved" beside "+146% users"; reader audit). Because Q_t >= 1,
 * L_t never exceeds L_0, so the closed loop ships at least as many chip generations by every month and its cost per
 * token is never higher than the open loop's. With a <= 1 and U_0 <= N_0, users stay below N_t and grow with N_t,
 * which is never smaller in the closed loop, so the closed loop never has fewer users either.
 */
export interface FlywheelInput {
  /** Months simulated, H; an integer in [1, 240]. */
  horizonMonths: number;
  /** Users at the start, U_0; in [0, initialAddressableUsers]. */
  initialUsers: number;
  /** Addressable users at the start cost, N_0; in [1, 1e11]. */
  initialAddressableUsers: number;
  /** Most users the market can ever hold, N_max (e.g. people online); in [initialAddressableUsers, 1e11]. */
  addressableUsersCap: number;
  /** Logistic adoption rate a per month: the monthly growth of users while the market is empty; in [0, 1]. */
  adoptionRatePerMonth: number;
  /** Elasticity ε of addressable users to the cost per token (N ∝ cost^-ε); in [0, 2]. */
  addressableUsersElasticityToCost: number;
  /** Tokens each user causes per day, tokens/user/day; in [0, 1e9]. */
  tokensPerUserPerDay: number;
  /** Fraction f of tokens served that is kept as training data; in [0, 1]. */
  dataCaptureFraction: number;
  /** Data held at the start, D_0, tokens; in [0, 1e20]. */
  initialDataTokens: number;
  /** Data scale D_ref in the quality curve (quality rises q per doubling of D + D_ref), tokens; in [1, 1e20]. */
  referenceDataTokens: number;
  /** Quality points q gained per doubling of data (Q_0 = 1); in [0, 1]. */
  qualityGainPerDataDoubling: number;
  /** Shortening k of the design cycle per quality point: L = L_0 ÷ (1 + k (Q - 1)); in [0, 100]. */
  designCycleShorteningPerQualityPoint: number;
  /** Chip design cycle without model help, L_0, months; in [3, 120]. */
  baseDesignCycleMonths: number;
  /** Shortest design cycle models can bring it to, L_min, months; in [3, baseDesignCycleMonths]. */
  minDesignCycleMonths: number;
  /** Cost per million tokens at the start, c_0, USD per Mtok; in [0, 1e4]. */
  initialCostUsdPerMTok: number;
  /** Fraction s by which each new chip generation cuts the cost per token; in [0, 0.9]. */
  costReductionPerChipGeneration: number;
}

/** Which feedback links are closed. */
export interface FlywheelLinks {
  /** Link 1: model quality shortens the chip design cycle. */
  qualityShortensDesignCycle: boolean;
  /** Link 2: a lower cost per token widens the addressable market. */
  lowerCostGrowsUsers: boolean;
}

/** The stocks at the end of one month. */
export interface FlywheelMonth {
  /** Month number, 0 (initial state) … H. */
  month: number;
  /** Users U_t. */
  users: number;
  /** Addressable users N_t. */
  addressableUsers: number;
  /** Tokens served in the month, T_t, tokens. */
  tokensServed: number;
  /** Tokens served so far, K_t, tokens. */
  cumulativeTokensServed: number;
  /** Data held, D_t, tokens. */
  dataTokens: number;
  /** Model quality Q_t, index (1 at the start). */
  modelQuality: number;
  /** Design cycle in force during the month, L_t, months. */
  designCycleMonths: number;
  /** Design progress P_t, chip generations (fractional). */
  chipDesignProgress: number;
  /** Chip generations shipped, G_t. */
  chipGeneration: number;
  /** Month the latest of those generations shipped (the first month G reached G_t); null while G_t = 0. */
  lastGenerationMonth: number | null;
  /** Cost per million tokens c_t, USD. */
  costUsdPerMTok: number;
}

/** One month of the closed loop against the open one. */
export interface FlywheelComparisonMonth {
  /** Month number, 0 … H. */
  month: number;
  /** Cost per million tokens with the loop closed, USD. */
  closedCostUsdPerMTok: number;
  /** Cost per million tokens with the loop open, USD. */
  openCostUsdPerMTok: number;
  /** Users with the loop closed. */
  closedUsers: number;
  /** Users with the loop open. */
  openUsers: number;
  /** Chip generations shipped with the loop closed. */
  closedChipGeneration: number;
  /** Chip generations shipped with the loop open. */
  openChipGeneration: number;
  /** Design cycle with the loop closed, months. */
  closedDesignCycleMonths: number;
  /** Design cycle with the loop open, months. */
  openDesignCycleMonths: number;
  /** Model quality with the loop closed, index. */
  closedModelQuality: number;
  /** Model quality with the loop open, index. */
  openModelQuality: number;
}

export interface FlywheelResult {
  /** Stocks month by month with both links closed, months 0 … H. */
  closed: FlywheelMonth[];
  /** Stocks month by month with link 1 cut (OPEN_LOOP), months 0 … H. */
  open: FlywheelMonth[];
  /** The two side by side, months 0 … H. */
  months: FlywheelComparisonMonth[];
  /** Cost per million tokens at the horizon, closed loop, USD. */
  closedFinalCostUsdPerMTok: number;
  /** Cost per million tokens at the horizon, open loop, USD. */
  openFinalCostUsdPerMTok: number;
  /** 1 - closed ÷ open cost at the horizon: how much cheaper the closed loop's tokens are, fraction; 0 if both 0. */
  costReductionFromLoopFraction: number;
  /** Users at the horizon, closed loop. */
  closedFinalUsers: number;
  /** Users at the horizon, open loop. */
  openFinalUsers: number;
  /** closed ÷ open users at the horizon - 1, fraction; null when the open loop has no users. */
  userGainFromLoopFraction: number | null;
  /** Chip generations the closed loop ships beyond the open one by the horizon. */
  extraChipGenerations: number;
  /** Month the closed loop ships its last generation within the horizon; null when it ships none. */
  closedLastGenerationMonth: number | null;
  /** Month the open loop ships its last generation within the horizon; null when it ships none. */
  openLastGenerationMonth: number | null;
  /** Tokens served over the horizon, closed loop. */
  closedCumulativeTokensServed: number;
  /** Tokens served over the horizon, open loop. */
  openCumulativeTokensServed: number;
  /**
   * 1 − (mean closed-loop ÷ mean open-loop cost per token) over months 1 … H: how much cheaper the loop makes tokens
   * on average, fraction; 0 when the open loop's tokens cost nothing.
   */
  averageCostReductionFraction: number;
}

export const FLYWHEEL_RANGES: RangeTable<FlywheelInput> = {
  horizonMonths: {min: 1, max: 240, integer: true},
  initialUsers: {min: 0, max: 1e11},
  initialAddressableUsers: {min: 1, max: 1e11},
  addressableUsersCap: {min: 1, max: 1e11},
  adoptionRatePerMonth: {min: 0, max: 1},
  addressableUsersElasticityToCost: {min: 0, max: 2},
  tokensPerUserPerDay: {min: 0, max: 1e9},
  dataCaptureFraction: {min: 0, max: 1},
  initialDataTokens: {min: 0, max: 1e20},
  referenceDataTokens: {min: 1, max: 1e20},
  qualityGainPerDataDoubling: {min: 0, max: 1},
  designCycleShorteningPerQualityPoint: {min: 0, max: 100},
  baseDesignCycleMonths: {min: 3, max: 120},
  minDesignCycleMonths: {min: 3, max: 120},
  initialCostUsdPerMTok: {min: 0, max: 1e4},
  costReductionPerChipGeneration: {min: 0, max: 0.9}
};

/** Throws a UserError naming the first out-of-range field, including the bounds that depend on other fields. */
export function checkFlywheelInput(input: FlywheelInput): void {
  checkRanges(input, FLYWHEEL_RANGES);
  checkBetween(input, "initialUsers", 0, input.initialAddressableUsers, "initialAddressableUsers");
  checkBetween(input, "addressableUsersCap", input.initialAddressableUsers, 1e11, "initialAddressableUsers");
  checkBetween(input, "minDesignCycleMonths", 3, input.baseDesignCycleMonths, "baseDesignCycleMonths");
}

/** Throws a UserError unless input[path] lies in [min, max], a range that depends on the field `other`. */
function checkBetween(
  input: FlywheelInput,
  path: keyof FlywheelInput,
  min: number,
  max: number,
  other: keyof FlywheelInput
): void {
  const value = input[path];
  if (value >= min && value <= max) return;
  const expected = `${describeRange({min, max})} (${other} = ${formatBound(input[other])})`;
  throw new UserError({
    path,
    message: "out of range",
    expected,
    found: formatBeyondBound(value, value < min ? min : max)
  });
}

/** Runs the flywheel with the given links closed. Validates its input. */
export function simulateFlywheel(input: FlywheelInput, links: FlywheelLinks): FlywheelMonth[] {
  checkFlywheelInput(input);
  const months: FlywheelMonth[] = [];
  simulateCheckedFlywheel(input, links, months, []);
  return months;
}

/**
 * simulateFlywheel on an input already checked by checkFlywheelInput: pushes month 0 … H onto `months` unless it is
 * null, and each month's cost factor c_t ÷ c_0 onto `costFactors`; returns month H. Only c_t depends on c_0
 * (c_t = c_0 × the factor; users and quality follow the factor alone), which flywheelSummary relies on.
 */
function simulateCheckedFlywheel(
  input: FlywheelInput,
  links: FlywheelLinks,
  months: FlywheelMonth[] | null,
  costFactors: number[]
): FlywheelMonth {
  const c0 = input.initialCostUsdPerMTok;
  const N0 = input.initialAddressableUsers;
  const baseCycle = input.baseDesignCycleMonths;
  const dataScale = input.initialDataTokens + input.referenceDataTokens;
  let state: FlywheelMonth = {
    month: 0,
    users: input.initialUsers,
    addressableUsers: N0,
    tokensServed: 0,
    cumulativeTokensServed: 0,
    dataTokens: input.initialDataTokens,
    modelQuality: 1,
    designCycleMonths: baseCycle,
    chipDesignProgress: 0,
    chipGeneration: 0,
    lastGenerationMonth: null,
    costUsdPerMTok: c0
  };
  months?.push(state);
  costFactors.push(1);
  // The cost factor and the users it makes addressable change only with the chip generation: computed once per
  // generation (the same Math.pow calls, so the same doubles).
  let factorGeneration = -1;
  let costFactor = 1;
  let addressableFromCost = N0;
  for (let month = 1; month <= input.horizonMonths; month++) {
    const designCycleMonths = links.qualityShortensDesignCycle
      ? Math.max(
          input.minDesignCycleMonths,
          baseCycle / (1 + input.designCycleShorteningPerQualityPoint * (state.modelQuality - 1))
        )
      : baseCycle;
    const chipDesignProgress = state.chipDesignProgress + 1 / designCycleMonths;
    // The tolerance keeps 18 additions of 1/18 from falling a hair short of one whole generation.
    const chipGeneration = Math.floor(chipDesignProgress + 1e-9);
    if (chipGeneration !== factorGeneration) {
      factorGeneration = chipGeneration;
      costFactor = portablePow(1 - input.costReductionPerChipGeneration, chipGeneration);
      // (c_0 ÷ c_t)^ε written as costFactor^-ε so that it stays defined when c_0 = 0.
      addressableFromCost = links.lowerCostGrowsUsers
        ? Math.min(input.addressableUsersCap, N0 * portablePow(costFactor, -input.addressableUsersElasticityToCost))
        : N0;
    }
    const costUsdPerMTok = c0 * costFactor;
    const addressableUsers = addressableFromCost;
    const U = state.users;
    const users = U + input.adoptionRatePerMonth * U * (1 - U / addressableUsers);
    const tokensServed = users * input.tokensPerUserPerDay * DAYS_PER_MONTH;
    const dataTokens = state.dataTokens + input.dataCaptureFraction * tokensServed;
    const modelQuality =
      1 + input.qualityGainPerDataDoubling * portableLog2((dataTokens + input.referenceDataTokens) / dataScale);
    state = {
      month,
      users,
      addressableUsers,
      tokensServed,
      cumulativeTokensServed: state.cumulativeTokensServed + tokensServed,
      dataTokens,
      modelQuality,
      designCycleMonths,
      chipDesignProgress,
      chipGeneration,
      lastGenerationMonth: chipGeneration > state.chipGeneration ? month : state.lastGenerationMonth,
      costUsdPerMTok
    };
    months?.push(state);
    costFactors.push(costFactor);
  }
  return state;
}

/** Runs the flywheel with both links closed and with link 1 cut (OPEN_LOOP), and compares the two. Validates its input (once). */
export function flywheel(input: FlywheelInput): FlywheelResult {
  checkFlywheelInput(input);
  const closed: FlywheelMonth[] = [];
  const open: FlywheelMonth[] = [];
  const closedFactors: number[] = [];
  const openFactors: number[] = [];
  const c = simulateCheckedFlywheel(input, CLOSED_LOOP, closed, closedFactors);
  const o = simulateCheckedFlywheel(input, OPEN_LOOP, open, openFactors);
  const months: FlywheelComparisonMonth[] = closed.map((c, i) => {
    const o = open[i]!;
    return {
      month: c.month,
      closedCostUsdPerMTok: c.costUsdPerMTok,
      openCostUsdPerMTok: o.costUsdPerMTok,
      closedUsers: c.users,
      openUsers: o.users,
      closedChipGeneration: c.chipGeneration,
      openChipGeneration: o.chipGeneration,
      closedDesignCycleMonths: c.designCycleMonths,
      openDesignCycleMonths: o.designCycleMonths,
      closedModelQuality: c.modelQuality,
      openModelQuality: o.modelQuality
    };
  });
  // The summary with the series added, not spread into a new object: the spread cost a run ~5 µs a draw (measured).
  return Object.assign(compareLoops(input.initialCostUsdPerMTok, c, o, closedFactors, openFactors), {
    closed,
    open,
    months
  });
}

/** The two loops: both links closed, and open at link 1 (models do not shorten chip design; the market still answers). */
const CLOSED_LOOP: FlywheelLinks = {qualityShortensDesignCycle: true, lowerCostGrowsUsers: true};
const OPEN_LOOP: FlywheelLinks = {qualityShortensDesignCycle: false, lowerCostGrowsUsers: true};

/** The flywheel's figures without its monthly series (flywheelSummary). */
export type FlywheelSummary = Omit<FlywheelResult, "closed" | "open" | "months">;

/**
 * The two loops of the last flywheelSummary, which depend on every input but c_0 (initialCostUsdPerMTok): a sweep
 * over keys that change only the cost per token reuses them and redoes only c_t = c_0 × factor.
 */
let lastLoops:
  | {input: FlywheelInput; closed: FlywheelMonth; open: FlywheelMonth; closedFactors: number[]; openFactors: number[]}
  | undefined;

const FLYWHEEL_FIELDS = Object.keys(FLYWHEEL_RANGES) as (keyof FlywheelInput)[];

/**
 * flywheel without the monthly series: the same figures (the same loops, and c_t = c_0 × the same factor), for a sweep
 * of its headline numbers. The loops of the previous call are reused when only c_0 changed.
 */
export function flywheelSummary(input: FlywheelInput): FlywheelSummary {
  checkFlywheelInput(input);
  const last = lastLoops;
  let loops = last;
  if (
    last === undefined ||
    FLYWHEEL_FIELDS.some((field) => field !== "initialCostUsdPerMTok" && !Object.is(last.input[field], input[field]))
  ) {
    const closedFactors: number[] = [];
    const openFactors: number[] = [];
    const closed = simulateCheckedFlywheel(input, CLOSED_LOOP, null, closedFactors);
    const open = simulateCheckedFlywheel(input, OPEN_LOOP, null, openFactors);
    loops = lastLoops = {input: {...input}, closed, open, closedFactors, openFactors};
  }
  const {closed, open, closedFactors, openFactors} = loops!;
  const c0 = input.initialCostUsdPerMTok;
  const H = input.horizonMonths;
  return compareLoops(
    c0,
    {...closed, costUsdPerMTok: c0 * closedFactors[H]!},
    {...open, costUsdPerMTok: c0 * openFactors[H]!},
    closedFactors,
    openFactors
  );
}

/** The closed loop's end `c` against the open loop's `o`, and the mean cost per token over months 1 … H of each. */
function compareLoops(
  c0: number,
  c: FlywheelMonth,
  o: FlywheelMonth,
  closedFactors: readonly number[],
  openFactors: readonly number[]
): FlywheelSummary {
  // Σ c_t over months 1 … H, each c_t = c_0 × factor as the loop computes it, summed in month order.
  let closedCost = 0;
  let openCost = 0;
  for (let m = 1; m < closedFactors.length; m++) {
    closedCost += c0 * closedFactors[m]!;
    openCost += c0 * openFactors[m]!;
  }
  return {
    closedFinalCostUsdPerMTok: c.costUsdPerMTok,
    openFinalCostUsdPerMTok: o.costUsdPerMTok,
    costReductionFromLoopFraction: o.costUsdPerMTok > 0 ? 1 - c.costUsdPerMTok / o.costUsdPerMTok : 0,
    closedFinalUsers: c.users,
    openFinalUsers: o.users,
    userGainFromLoopFraction: o.users > 0 ? c.users / o.users - 1 : null,
    extraChipGenerations: c.chipGeneration - o.chipGeneration,
    closedLastGenerationMonth: c.lastGenerationMonth,
    openLastGenerationMonth: o.lastGenerationMonth,
    closedCumulativeTokensServed: c.cumulativeTokensServed,
    openCumulativeTokensServed: o.cumulativeTokensServed,
    averageCostReductionFraction: openCost > 0 ? 1 - closedCost / openCost : 0
  };
}

/**
 * 1 − (mean closed-loop cost ÷ mean open-loop cost per token) over months 1 … H: how much cheaper the loop makes
 * tokens on average; 0 when the open loop's tokens cost nothing (FlywheelResult.averageCostReductionFraction).
 */
export function flywheelAverageCostReduction(result: FlywheelSummary): number {
  return result.averageCostReductionFraction;
}
