import {UserError, UserErrors} from "../../errors/userError.js";
import type {ParsedScenario} from "../file/parseScenario.js";
import type {ScenarioLookup} from "./resolveScenario.js";

/** Parsed scenarios by id: the `lookup` and `knownIds` that resolveScenario takes. */
export interface ScenarioIndex {
  lookup: ScenarioLookup;
  /** Every id, sorted. */
  ids: string[];
}

/** Indexes parsed scenarios by id; throws UserErrors when two files claim the same id. */
export function scenarioIndex(scenarios: readonly ParsedScenario[]): ScenarioIndex {
  const byId = new Map<string, ParsedScenario>();
  const errors: UserError[] = [];
  for (const scenario of scenarios) {
    const other = byId.get(scenario.id);
    if (other) {
      errors.push(
        new UserError({
          ...scenario.idPosition,
          path: "id",
          message: "duplicate scenario id",
          expected: "one file per id",
          found: scenario.id,
          hint: `also the id of ${other.idPosition.file}:${other.idPosition.line}:${other.idPosition.column}`
        })
      );
      continue;
    }
    byId.set(scenario.id, scenario);
  }
  if (errors.length) throw new UserErrors(errors);
  return {lookup: (id) => byId.get(id), ids: [...byId.keys()].sort()};
}
