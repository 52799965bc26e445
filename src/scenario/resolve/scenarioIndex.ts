import {UserError, UserErrors} from "../../errors/userError.js";
import type {ParsedScenario} from "../file/parseScenario.js";
import type {ScenarioLookup} from "./resolveScenario.js";

/** Parsed scenarios by id: the `lookup` and `knownIds` that resolveScenario takes. */
export interface ScenarioIndex {
  lookup: ScenarioLookup;
  /** Every id, sorted. */
  ids: string[];
}

/** Where a file sets its id, as errors name places: `file:line:column` (line 1 when the id is the file's name). */
export function idLocation(scenario: Pick<ParsedScenario, "idPosition">): string {
  const {file, line, column} = scenario.idPosition;
  return `${file}:${line}:${column}`;
}

/** The error for a second file with an id: at its `id:`, naming where the first one sets it (`otherAt`). */
export function duplicateIdError(scenario: Pick<ParsedScenario, "id" | "idPosition">, otherAt: string): UserError {
  return new UserError({
    ...scenario.idPosition,
    path: "id",
    message: "duplicate scenario id",
    expected: "one file per id",
    found: scenario.id,
    hint: `also the id of ${otherAt}`
  });
}

/** Indexes parsed scenarios by id; throws UserErrors when two files claim the same id. */
export function scenarioIndex(scenarios: readonly ParsedScenario[]): ScenarioIndex {
  const byId = new Map<string, ParsedScenario>();
  const errors: UserError[] = [];
  for (const scenario of scenarios) {
    const other = byId.get(scenario.id);
    if (other) {
      errors.push(duplicateIdError(scenario, idLocation(other)));
      continue;
    }
    byId.set(scenario.id, scenario);
  }
  if (errors.length) throw new UserErrors(errors);
  return {lookup: (id) => byId.get(id), ids: [...byId.keys()].sort()};
}
