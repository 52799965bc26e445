import {closestMatch, didYouMean} from "../../errors/suggest.js";
import {groupKeyPaths, SCENARIO_GROUPS, SCENARIO_KEY_PATHS} from "./schema.js";

/**
 * A did-you-mean for a path that is no scenario key, where a key is wanted (`--set`, `--vary`, a share link): only
 * keys are offered. Where the closest name is a group, its keys are (`demand.horizon` was offered `horizon`, which
 * --set then refused as a group; docs check): the one key of a group of one (`horizon.months`), or the first three of
 * a larger group. Otherwise the closest keys by spelling or by words (suggest.ts), never a group.
 *
 * Input: the path as written. Output: "did you mean …?", or undefined when nothing is close. Raises nothing.
 */
export function scenarioKeyHint(path: string): string | undefined {
  const match = closestMatch(path, [...SCENARIO_KEY_PATHS, ...SCENARIO_GROUPS]);
  if (match === undefined || !SCENARIO_GROUPS.includes(match)) return didYouMean(path, SCENARIO_KEY_PATHS);
  const keys = groupKeyPaths(match);
  if (keys.length === 1) return `did you mean ${keys[0]}?`;
  return `did you mean a key of ${match}, like ${keys.slice(0, 3).join(", ")}${keys.length > 3 ? ", …" : ""}?`;
}
