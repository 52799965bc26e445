import {UserError} from "../../errors/userError.js";
import {describeFound, fieldUnitSuffix} from "../../units/range.js";
import {DIMENSIONS} from "../../units/quantity.js";
import {andList} from "../../units/wordList.js";
import {blamedKey, scenarioValueError} from "../file/scenarioErrors.js";
import type {ResolvedScenario} from "../resolve/resolveScenario.js";
import {isDistribution, type ScenarioPoint} from "../resolve/scenarioValues.js";
import {CUSTOM_CHIP_COST_KEY_PATHS} from "./customChipInput.js";
import {customUnitCostMode} from "./customChipSpec.js";
import {displayValue} from "../file/displayValue.js";
import {isQuantityKey, keyRange, scenarioKey} from "../file/schema.js";
import {workableValues} from "./workableValue.js";

/**
 * A model's reverse key map: model input field (dotted for nested fields, `merchant.chipHour.pue`) → the scenario
 * key that sets it. A list in parentheses, `(demand.users, demand.tokensPerUserPerDay, demand.agentMultiplier)`, marks
 * an input computed from every one of those keys (written with `computedFrom`): an error is placed at the one of them
 * the user most likely changed (blamedKey: a distribution, else an override, else the first) and names them all.
 * Each input builder keeps its map beside it, so a model's range error lands at the line that caused it.
 */
export type ModelKeys = Readonly<Record<string, string>>;

/** The ModelKeys entry of an input computed from `keys`: `(a, b, c)`. */
export function computedFrom(...keys: readonly string[]): string {
  return `(${keys.join(", ")})`;
}

/** The keys of a ModelKeys entry: one for a direct key, every listed key for a computed one. */
export function mappedKeys(mapped: string): string[] {
  return mapped.startsWith("(") ? mapped.slice(1, -1).split(", ") : [mapped];
}

/**
 * A scenario key's value, which must be a number: every numeric key of a resolved scenario has one, so only a point
 * built by hand reaches the error (`{...median, "serving.utilization": "0.7"}` read "scenario key
 * serving.utilization has no number", a plain Error without what was found; modeller trial).
 *
 * @throws UserError at path `point["KEY"]`: expected a number in the key's base unit, found the value.
 */
export function num(value: number | string | null | undefined, path: string): number {
  if (typeof value !== "number") {
    const def = scenarioKey(path);
    const unit = def && isQuantityKey(def) ? ` in the key's base unit (${DIMENSIONS[def.type].baseUnit})` : "";
    throw new UserError({
      path: `point[${JSON.stringify(path)}]`,
      message: "not a number",
      expected: `a number${unit}, as scenarioMedianPoint gives it`,
      found: describeFound(value)
    });
  }
  return value;
}

/**
 * Runs a model on inputs built from the scenario. The models check their own ranges and name their own input fields;
 * such an error becomes one at the scenario key that set the value (through `keys`), placed where that value was
 * written (file line or --set flag), with the model's input named in the message.
 *
 * `accepts(point)`, when given, says whether the model (and what it needs) runs without a UserError at another point:
 * for an input computed from several keys, the error then says what the blamed key should be (see modelErrorAtKey).
 *
 * Throws: UserError at a scenario key (or at the file, for an input no key maps); other errors pass through.
 */
export function runModel<I, R>(
  resolved: ResolvedScenario,
  point: ScenarioPoint,
  name: string,
  keys: ModelKeys,
  model: (input: I) => R,
  input: I,
  accepts?: (point: ScenarioPoint) => boolean
): R {
  try {
    return model(input);
  } catch (error) {
    throw modelErrorAtKey(resolved, point, name, keys, error, accepts);
  }
}

/**
 * The error a model threw, moved to the scenario key `keys` maps its input field to (see runModel). For an input
 * computed from several keys, the value found and the range are the computed input's, which the user never wrote
 * ("found 130" for finance.systemOverhead 50): given `accepts` (the model runs at a point), the error says them in its
 * message and gives the blamed key's own workable values and its value instead, "expected at most 19.2 (the largest
 * finance.systemOverhead the model accepts with the other keys as they are), found 50" (workableValues: bisection
 * over the key's range, each value offered checked with `accepts`). Without `accepts`, or where no value of the key
 * within its range is accepted, the computed input's range and value are reported as the model gave them.
 */
export function modelErrorAtKey(
  resolved: ResolvedScenario,
  point: ScenarioPoint,
  name: string,
  keys: ModelKeys,
  error: unknown,
  accepts?: (point: ScenarioPoint) => boolean
): unknown {
  if (!(error instanceof UserError) || error.detail.path === undefined) return error;
  const {path: field, message, ...rest} = error.detail;
  const mapped = keys[field];
  if (mapped === undefined)
    return new UserError({...rest, file: resolved.file, message: `the ${name} model's ${field}: ${message}`});
  // The custom chip's price built from its die (silicon.unitCost not set) is computed from the die keys too.
  const computed =
    mapped.startsWith("(") ||
    (mapped === "silicon.unitCost" &&
      (typeof point["silicon.unitCost"] !== "number" || !customUnitCostMode(resolved).unitCostGivesPrice));
  // The merchant chip's price is the catalog's unless hardware.price is set.
  // The custom chip's price is built from its die unless silicon.unitCost gives it (customUnitCostMode).
  const candidates = [
    ...new Set(
      mappedKeys(mapped).flatMap((key) =>
        key === "hardware.price" && typeof point["hardware.price"] !== "number"
          ? ["serving.hardware"]
          : key === "silicon.unitCost" &&
              (typeof point["silicon.unitCost"] !== "number" || !customUnitCostMode(resolved).unitCostGivesPrice)
            ? [...CUSTOM_CHIP_COST_KEY_PATHS]
            : [key]
      )
    )
  ];
  let key = blamedKey(resolved, candidates);
  // A computed input no value of the blamed key can bring into range is blamed on the first key that can (a die
  // area was blamed for a chip price a 0.9999 partner margin made $29M; second-round breaker), with that value.
  const drawnKey = (path: string) => isDistribution(resolved.values[path]?.value);
  let workable: {expected: string; found: string} | undefined;
  // A key drawn from a distribution gets no value to set (it would hold for that one draw, not for the distribution:
  // a seed moved it from 894M to 1.89B; second-round breaker), and keeps the blame, as does a key that is not a
  // number (silicon.node). Another key is tried only when it was set the same way (blamedKey's tie).
  const origin = resolved.values[key]?.origin.kind;
  if (computed && accepts && !drawnKey(key) && typeof point[key] === "number") {
    const sameWay = candidates.filter(
      (other) => other !== key && !drawnKey(other) && resolved.values[other]?.origin.kind === origin
    );
    for (const candidate of [key, ...sameWay]) {
      workable = keyWorkableText(point, candidate, accepts);
      if (workable) {
        key = candidate;
        break;
      }
    }
  }
  const others = candidates.filter((other) => other !== key);
  // The model's input in words, not its identifier ("menu.tierShares" read as if it were a key to set; breaker); the
  // keys to change are the scenario's.
  const note = computed
    ? `the ${name} model's ${fieldWords(field)}, computed from ${listKeys(["this key", ...others])}`
    : `in the ${name} model`;
  const {expected, found, hint} = rest;
  if (workable) {
    return scenarioValueError(resolved, key, {
      message: `${message} (${note}: the model expects ${expected}, found ${found})`,
      expected: workable.expected,
      found: workable.found,
      hint
    });
  }
  return scenarioValueError(resolved, key, {message: `${message} (${note})`, expected, found, hint});
}

/**
 * What a numeric key should be for the model to accept the point, with the other keys as they are, and its value at
 * the point, as a scenario file writes them; undefined for a key that is not a number at the point, or when no value
 * in its range is accepted.
 */
function keyWorkableText(
  point: ScenarioPoint,
  key: string,
  accepts: (point: ScenarioPoint) => boolean
): {expected: string; found: string} | undefined {
  const value = point[key];
  const def = scenarioKey(key);
  if (typeof value !== "number" || !def || !isQuantityKey(def)) return undefined;
  const {atMost, atLeast} = workableValues(value, keyRange(def), def.integer === true, (at) =>
    accepts({...point, [key]: at})
  );
  const shown = (at: number) => displayValue(key, at);
  const bounds = [
    ...(atMost !== undefined ? [`at most ${shown(atMost)}`] : []),
    ...(atLeast !== undefined ? [`at least ${shown(atLeast)}`] : [])
  ];
  if (bounds.length === 0) return undefined;
  const which = bounds.length === 2 ? "the values of" : atMost !== undefined ? "the largest" : "the smallest";
  // The value found to as many digits as tell it from the bound (0.30000001 read "found 0.3" beside "at most 0.3").
  const limits = [atMost, atLeast].filter((limit): limit is number => limit !== undefined);
  const found = limits.some((limit) => shown(limit) === shown(value)) ? String(value) : shown(value);
  return {
    expected: `${bounds.join(" or ")} (${which} ${key} the model accepts with the other keys as they are)`,
    found
  };
}

/** "a, b and c" (at most five keys, then "and N more"). */
function listKeys(keys: readonly string[]): string {
  const shown = keys.length > 5 ? [...keys.slice(0, 4), `${keys.length - 4} more`] : [...keys];
  return andList(shown);
}

/**
 * A model input's name in words: its last part, camelCase split, units as written ("menu.tierShares" → "tier shares",
 * "firstGenerationTrainingCostUsd" → "first generation training cost (USD)", "tokensPerYear" → "tokens per year"), the
 * unit read from the name's suffix as range errors read it (fieldUnitSuffix).
 */
export function fieldWords(field: string): string {
  const last = field.slice(field.lastIndexOf(".") + 1);
  const unit = fieldUnitSuffix(last);
  const stem = unit ? last.slice(0, -unit.suffix.length) : last;
  const words = stem
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return unit?.unit ? `${words} (${unit.unit})` : words;
}
