import {UserError} from "../../errors/userError.js";
import {scenarioValueError} from "../file/scenarioErrors.js";
import type {ResolvedScenario} from "../resolve/resolveScenario.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";

/**
 * A model's reverse key map: model input field (dotted for nested fields, `merchant.chipHour.pue`) → the scenario
 * key that sets it. A key in parentheses, `(demand.users)`, marks an input computed from several keys: an error is
 * placed at the key that usually drives it, and says the value was computed. Each input builder keeps its map
 * beside it, so a model's range error lands at the line of the scenario file that caused it.
 */
export type ModelKeys = Readonly<Record<string, string>>;

/** A scenario key's value, which must be a number: every numeric key of a resolved scenario has one. */
export function num(value: number | string | null | undefined, path: string): number {
  if (typeof value !== "number") throw new Error(`scenario key ${path} has no number`);
  return value;
}

/**
 * Runs a model on inputs built from the scenario. The models check their own ranges and name their own input fields;
 * such an error becomes one at the scenario key that set the value (through `keys`), placed where that value was
 * written (file line or --set flag), with the model's input named in the message.
 *
 * Throws: UserError at a scenario key (or at the file, for an input no key maps); other errors pass through.
 */
export function runModel<I, R>(
  resolved: ResolvedScenario,
  point: ScenarioPoint,
  name: string,
  keys: ModelKeys,
  model: (input: I) => R,
  input: I
): R {
  try {
    return model(input);
  } catch (error) {
    throw modelErrorAtKey(resolved, point, name, keys, error);
  }
}

/** The error a model threw, moved to the scenario key `keys` maps its input field to (see runModel). */
export function modelErrorAtKey(
  resolved: ResolvedScenario,
  point: ScenarioPoint,
  name: string,
  keys: ModelKeys,
  error: unknown
): unknown {
  if (!(error instanceof UserError) || error.detail.path === undefined) return error;
  const {path: field, message, ...rest} = error.detail;
  const mapped = keys[field];
  if (mapped === undefined)
    return new UserError({...rest, file: resolved.file, message: `the ${name} model's ${field}: ${message}`});
  const computed = mapped.startsWith("(");
  let key = computed ? mapped.slice(1, -1) : mapped;
  // The merchant chip's price is the catalog's unless hardware.price is set.
  if (key === "hardware.price" && typeof point["hardware.price"] !== "number") key = "serving.hardware";
  const note = computed
    ? `the ${name} model's ${field}, computed from this key and others`
    : `the ${name} model's ${field}`;
  const {expected, found, hint} = rest;
  return scenarioValueError(resolved, key, {message: `${message} (${note})`, expected, found, hint});
}
