import {UserError} from "../../errors/userError.js";
import {distributionQuantile} from "../../uncertainty/closedForm.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {formatQuantity} from "../../units/quantity.js";
import type {ResolvedScenario} from "../resolve/resolveScenario.js";
import {blamedKey, scenarioValueError} from "../file/scenarioErrors.js";

/**
 * Pairs of count keys where the second may never be smaller than the first: the flywheel's users start at
 * demand.users inside a market of flywheel.addressableUsers, which grows toward flywheel.usersCap
 * (src/strategy/flywheel.ts).
 */
/** A pair of ORDERED_COUNTS: `upper` may not be below `lower`; with `through`, only while that key is at its default. */
export type CountPair = readonly [lower: string, upper: string, through?: string];

export const ORDERED_COUNTS: readonly CountPair[] = [
  ["demand.users", "flywheel.addressableUsers"],
  ["flywheel.addressableUsers", "flywheel.usersCap"],
  // Through the market, checked while it is at its default (which follows the users): a cap under the users was let
  // through (breaker). A written market is checked against both by the two pairs above.
  ["demand.users", "flywheel.usersCap", "flywheel.addressableUsers"]
];

/**
 * The pairs of ORDERED_COUNTS a scenario writes out of order, as UserErrors at the key the user most likely changed
 * (blamedKey: a `--set` or share-link setting before the file's own line). Only pairs whose larger key is written
 * somewhere (a file, a parent, a setting) are checked: a larger key left at its default is raised to the smaller one.
 * A distribution counts by the end that could still be in order (a lower key's 5th percentile, an upper key's 95th):
 * ranges that overlap are clamped draw by draw (flywheelInput), one wholly below the other is an error. Input: a
 * resolved scenario. Output: [] when every pair is in order.
 */
export function countOrderErrors(resolved: ResolvedScenario): UserError[] {
  return ORDERED_COUNTS.flatMap((pair) => countPairError(resolved, pair) ?? []);
}

/**
 * countOrderErrors for one pair of ORDERED_COUNTS: the UserError when `upper`, written, is below `lower`, else null.
 * A sweep calls it with each varied key at its grid's worst end (sweepScenario.ts).
 */
export function countPairError(resolved: ResolvedScenario, [lower, upper, through]: CountPair): UserError | null {
  if (through && resolved.values[through]?.origin.kind !== "default") return null;
  // A distribution is taken at the end that could still be in order: a lower key's 5th percentile, an upper key's
  // 95th. Ranges that overlap are clamped draw by draw (flywheelInput); one wholly below the other is the fixed-value
  // mistake again (`flywheel.usersCap=1 to 2` ran with every draw raised to 300M; breaker).
  const low = end(resolved.values[lower]?.value, 0.05);
  const high = end(resolved.values[upper]?.value, 0.95);
  if (low === null || high === null || high.value >= low.value) return null;
  // A default is no one's choice: left unset, the larger key is raised to the smaller's value (flywheelInput), so
  // that `--vary demand.users=100M:1B` still runs without naming the flywheel's market.
  if (resolved.values[upper]?.origin.kind === "default") return null;
  // Said of the key the user most likely changed: a `--set demand.users=400M` is "larger than" the file's 300M.
  return blamedKey(resolved, [upper, lower]) === upper
    ? scenarioValueError(resolved, upper, {
        message: `${upper} is smaller than ${lower}`,
        expected: `at least ${lower}, ${low.text()}`,
        found: high.text()
      })
    : scenarioValueError(resolved, lower, {
        message: `${lower} is larger than ${upper}`,
        expected: `at most ${upper}, ${high.text()}`,
        found: low.text()
      });
}

/**
 * A count's value, or a distribution's value at quantile `p`, with how a message writes it (written only for an error:
 * a scenario page checks the pairs on every slider move); null when unset.
 */
function end(value: unknown, p: number): {value: number; text: () => string} | null {
  if (typeof value === "number") return {value, text: () => formatQuantity(value, "count")};
  if (value === null || typeof value !== "object") return null;
  const at = distributionQuantile(value as Distribution, p);
  return {
    value: at,
    text: () => `${formatQuantity(Number(at.toPrecision(3)), "count")} (its ${p < 0.5 ? "5th" : "95th"} percentile)`
  };
}
