import {UserError} from "../../errors/userError.js";
import {describeFound, isPlainObject} from "../../units/range.js";

/**
 * Throws a UserError at `path` unless `value` is a resolved scenario's shape, a plain object whose `values` is one: a
 * script's null, `{}`, an array or a Map read "Cannot read properties of null (reading 'values')", "(reading
 * 'serving.hardware')", or passed as a scenario of no values (breaker).
 */
export function checkResolved(path: string, value: unknown): void {
  if (isPlainObject(value) && isPlainObject((value as {values?: unknown}).values)) return;
  const shape = isPlainObject(value)
    ? `an object with no values (${describeFound((value as {values?: unknown}).values)})`
    : "";
  throw new UserError({
    path,
    message: value === undefined || value === null ? "missing" : "not a resolved scenario",
    expected: "a resolved scenario, e.g. loadScenarioLibrary().resolve(id)",
    found: shape || (value instanceof Map ? "a Map" : describeFound(value))
  });
}
