import {UserError, UserErrors} from "../../errors/userError.js";
import {describeFound, isPlainObject} from "../../units/range.js";
import {orList} from "../../units/wordList.js";
import {scenarioKeyHint} from "../file/keyPathHint.js";
import {scenarioKey} from "../file/schema.js";
import type {ResolvedScenario} from "../resolve/resolveScenario.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";

/**
 * Throws UserErrors naming every key of `point` that is not a scenario key path (`serving.utilisation`), with the key
 * it is likely to be. A script that changed a key by spreading it over a median point, `{...median,
 * "serving.utilisation": 0.3}`, had the misspelt key passed over and got the scenario's own figures (modeller trial).
 * Also named, each passed over the same way or a TypeError (breaker): a point that is no plain object (null, a
 * Map, an array: "Cannot convert undefined or null to object", or every key "not a number … found nothing"); a choice
 * key's value that is not one of its choices (`"serving.kvCache": "FP8"` read as no KV-cache setting); and an id key's
 * value other than the row `resolved` was bound to (`"serving.hardware": "b200"` priced the bound h100-sxm: the rows
 * come from bindScenario).
 *
 * @param point One value per key, as evaluateScenarioPoint takes it (numbers in base units, ids and choices as text).
 * @param resolved The scenario the point's bound rows come from (bound.resolved).
 * @throws UserError at path `point` for a point that is no plain object; UserErrors, one per key: an unknown key
 *   (expected a scenario key path, found the key), a choice or id that is not the key's.
 */
export function checkPointKeys(point: ScenarioPoint, resolved?: ResolvedScenario): void {
  if (!isPlainObject(point)) {
    throw new UserError({
      path: "point",
      message: "not an object of key values",
      expected: 'one value per scenario key, e.g. {...scenarioMedianPoint(bound.resolved), "serving.batch": 64}',
      found: point instanceof Map ? `a Map of ${point.size} entries` : describeFound(point)
    });
  }
  const errors: UserError[] = [];
  // Values read as own properties, not through `get`: a Proxy over the point records the keys the evaluation reads
  // (unreadCustomChipKeys.test.ts), and this check reads none of them.
  for (const path of Object.keys(point)) {
    const value: unknown = Object.getOwnPropertyDescriptor(point, path)?.value;
    const def = scenarioKey(path);
    const at = `point[${JSON.stringify(path)}]`;
    if (def === undefined) {
      errors.push(
        new UserError({
          path: at,
          message: "unknown key",
          expected: "a scenario key path, like serving.utilization (the reference lists them all)",
          found: path,
          hint: scenarioKeyHint(path)
        })
      );
    } else if (def.type === "choice" && value !== undefined && !(value === null && def.default === null)) {
      if (typeof value === "string" && def.choices?.includes(value)) continue;
      const unset = def.default === null ? ", or null to leave it unset" : "";
      const found = describeFound(value);
      errors.push(
        new UserError({path: at, message: "not one of the choices", expected: `${orList(def.choices!)}${unset}`, found})
      );
    } else if (def.type === "id" && resolved !== undefined && value !== undefined) {
      const bound = resolved.values[path]?.value ?? null;
      if (value === bound) continue;
      errors.push(
        new UserError({
          path: at,
          message: "not the bound row",
          expected: `${describeFound(bound)}, the row bindScenario bound`,
          found: describeFound(value),
          hint: `a point cannot change a catalog row: applyOverrides(resolved, ["${path}=…"]), then bindScenario`
        })
      );
    }
  }
  if (errors.length > 0) throw new UserErrors(errors);
}
