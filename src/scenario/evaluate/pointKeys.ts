import {UserError, UserErrors} from "../../errors/userError.js";
import {scenarioKeyHint} from "../file/keyPathHint.js";
import {scenarioKey} from "../file/schema.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";

/**
 * Throws UserErrors naming every key of `point` that is not a scenario key path (`serving.utilisation`), with the key
 * it is likely to be. A script that changed a key by spreading it over a median point, `{...median,
 * "serving.utilisation": 0.3}`, had the misspelt key passed over and got the scenario's own figures (modeller trial).
 *
 * @param point One value per key, as evaluateScenarioPoint takes it (numbers in base units, ids and choices as text).
 * @throws UserErrors, one per unknown key: path `point["KEY"]`, expected a scenario key path, found the key.
 */
export function checkPointKeys(point: ScenarioPoint): void {
  const errors = Object.keys(point)
    .filter((path) => scenarioKey(path) === undefined)
    .map(
      (path) =>
        new UserError({
          path: `point[${JSON.stringify(path)}]`,
          message: "unknown key",
          expected: "a scenario key path, like serving.utilization (the reference lists them all)",
          found: path,
          hint: scenarioKeyHint(path)
        })
    );
  if (errors.length > 0) throw new UserErrors(errors);
}
