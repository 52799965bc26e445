import {UserError} from "../../errors/userError.js";
import {formatQuantity} from "../../units/quantity.js";
import type {ResolvedScenario} from "../resolve/resolveScenario.js";
import {blamedKey, scenarioValueError} from "../file/scenarioErrors.js";

/**
 * Pairs of count keys where the second may never be smaller than the first: the flywheel's users start at
 * demand.users inside a market of flywheel.addressableUsers, which grows toward flywheel.usersCap
 * (src/strategy/flywheel.ts).
 */
export const ORDERED_COUNTS: readonly (readonly [lower: string, upper: string, through?: string])[] = [
  ["demand.users", "flywheel.addressableUsers"],
  ["flywheel.addressableUsers", "flywheel.usersCap"],
  // Through the market, checked while it is at its default (which follows the users): a cap under the users was let
  // through (breaker). A written market is checked against both by the two pairs above.
  ["demand.users", "flywheel.usersCap", "flywheel.addressableUsers"]
];

/**
 * The pairs of ORDERED_COUNTS a scenario writes out of order, as UserErrors at the key the user most likely changed
 * (blamedKey: a `--set` or share-link setting before the file's own line). Only pairs whose two values are
 * numbers and whose larger key is written somewhere (a file, a parent, a setting) are checked: where either is a
 * distribution, each draw takes the larger of the two (flywheelInput), since two ranges may overlap in a few draws
 * without either being wrong; a larger key left at its default is raised to the smaller one. Input: a resolved scenario. Output: [] when
 * every pair is in order.
 */
export function countOrderErrors(resolved: ResolvedScenario): UserError[] {
  return ORDERED_COUNTS.flatMap(([lower, upper, through]) =>
    through && resolved.values[through]?.origin.kind !== "default" ? [] : (countPairError(resolved, lower, upper) ?? [])
  );
}

/**
 * countOrderErrors for one pair of ORDERED_COUNTS: the UserError when `upper`, written, is below `lower`, else null.
 * A sweep calls it with each varied key at its grid's worst end (sweepScenario.ts).
 */
export function countPairError(resolved: ResolvedScenario, lower: string, upper: string): UserError | null {
  const low = resolved.values[lower]?.value;
  const high = resolved.values[upper]?.value;
  if (typeof low !== "number" || typeof high !== "number" || high >= low) return null;
  // A default is no one's choice: left unset, the larger key is raised to the smaller's value (flywheelInput), so
  // that `--vary demand.users=100M:1B` still runs without naming the flywheel's market.
  if (resolved.values[upper]?.origin.kind === "default") return null;
  // Said of the key the user most likely changed: a `--set demand.users=400M` is "larger than" the file's 300M.
  return blamedKey(resolved, [upper, lower]) === upper
    ? scenarioValueError(resolved, upper, {
        message: `${upper} is smaller than ${lower}`,
        expected: `at least ${lower}, ${formatQuantity(low, "count")}`,
        found: formatQuantity(high, "count")
      })
    : scenarioValueError(resolved, lower, {
        message: `${lower} is larger than ${upper}`,
        expected: `at most ${upper}, ${formatQuantity(high, "count")}`,
        found: formatQuantity(low, "count")
      });
}
