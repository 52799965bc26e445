import {isUserError, UserError, type UserErrors} from "../../errors/userError.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {monteCarlo} from "../../uncertainty/monteCarlo.js";
import {evaluateScenarioDraw, evaluateScenarioPoint, type BoundScenario} from "../evaluate/evaluateScenario.js";
import {formatRange, isInRange} from "../../units/range.js";
import {isQuantityKey, keyRange, scenarioKey} from "../file/schema.js";
import {scenarioMedianPoint, type ScenarioPoint} from "../resolve/scenarioValues.js";
import {displayValue} from "../file/displayValue.js";
import {clampToRange, drawnDistributions, scenarioDrawMedianPoint} from "./scenarioDraws.js";
import {groupThousands} from "../../units/groupThousands.js";

/** A Monte Carlo draw a model rejected, as runScenario met it. */
export interface RejectedDrawInput {
  /** The scenario the draw evaluated. */
  bound: BoundScenario;
  /** The error the draw's evaluation threw. */
  error: UserError;
  /** The draw: every key at one value (base units), the uncertain ones at their drawn, clamped values. */
  sampled: ScenarioPoint;
  /** The point every draw starts from: each uncertain key at the median of its draws (scenarioDrawMedianPoint). */
  median: ScenarioPoint;
  /** The keys drawn (drawnDistributions), in the run's order. */
  uncertainKeys: readonly string[];
  /** 0-based index of the draw among the run's samples. */
  draw: number;
  /** The run's sample count and seed. */
  samples: number;
  seed: number;
}

/**
 * The error `run` (and `validate`) print for a Monte Carlo draw a model rejects: the model's error at its own location
 * (the key's line in the file, or --set), with which draw it was and the drawn value of each uncertain key that led
 * to it: "… (in a Monte Carlo sample, draw 38 of 1,000 with seed 1, where serving.hbmReserve drew 0.187: narrow the
 * distributions so every draw is valid)".
 *
 * Which keys led to it: each uncertain key is put back at its median, the others left as drawn, and the draw evaluated
 * again; a key led to the error when that evaluation passes or fails otherwise (another message). When no single key
 * changes it (two keys each enough on their own), every uncertain key is named. Cost: one evaluation per uncertain
 * key, only for the draw that failed.
 *
 * Output: a UserError with the model error's location, expected and found, and the message extended as above; a
 * found that is the drawn key's written distribution reads "0.289902, drawn from 0.01 to 0.2".
 */
export function rejectedDrawError(input: RejectedDrawInput): UserError {
  const {bound, error, sampled, median, uncertainKeys, draw, samples, seed} = input;
  const culprits = uncertainKeys.filter((path) => {
    const moved = {...sampled, [path]: median[path] ?? null};
    try {
      evaluateScenarioDraw(bound, moved);
      return true;
    } catch (other) {
      if (!(other instanceof UserError)) throw other;
      return other.message !== error.message;
    }
  });
  const named = culprits.length ? culprits : uncertainKeys;
  const drawn = named.map((path) => `${path} drew ${drawnText(path, sampled[path] ?? null)}`).join(", ");
  // The error's "found" is the key's written distribution when the error is at a drawn key ("expected at most 0.208,
  // … found 0.01 to 0.2" read as if 0.01 to 0.2 were within it; new-user trial): the drawn value first, then what it
  // was drawn from. A found the model computed (a sum of shares, "found 1.2") stays as it is.
  const at = error.detail.path;
  const written = at === undefined ? undefined : bound.resolved.values[at]?.written;
  const found =
    at !== undefined && named.includes(at) && written !== undefined && error.detail.found === written
      ? `${drawnValueText(at, sampled[at] ?? null)}, drawn from ${written}`
      : error.detail.found;
  return new UserError({
    ...error.detail,
    ...(found === undefined ? {} : {found}),
    message:
      `${error.detail.message} (in a Monte Carlo sample, draw ${groupThousands(draw + 1)} of ${groupThousands(samples)} with seed ${seed}, ` +
      `where ${drawn}: narrow the distributions so every draw is valid)`
  });
}

/**
 * A drawn value as the message writes it: displayValue's six significant digits, or every digit where six would round
 * it onto a bound its key's range excludes (a draw clamped just inside [0, 1) read "serving.hbmReserve drew 1";
 * breaker, session 16).
 */
export function drawnText(path: string, value: number | string | null): string {
  const shown = drawnValueText(path, value);
  const def = scenarioKey(path);
  if (typeof value !== "number" || def === undefined) return shown;
  const range = keyRange(def);
  // A draw at an end of the range is its distribution's tail pulled back into the range (clampToRange): said, for
  // "drew 0.999999999" from "0.05 to 0.95" read as a bug (new-user trial).
  const clamped = value === clampToRange(-Infinity, range) || value === clampToRange(Infinity, range);
  return clamped
    ? `${shown} (the tail of its distribution, clamped to the key's range ${formatRange(range, isQuantityKey(def) ? def.type : undefined)})`
    : shown;
}

/** A drawn value alone, as drawnText writes it before any word on clamping. */
function drawnValueText(path: string, value: number | string | null): string {
  const text = displayValue(path, value);
  const def = scenarioKey(path);
  if (typeof value !== "number" || def === undefined) return text;
  return isInRange(Number(value.toPrecision(6)), keyRange(def)) ? text : String(value);
}

/**
 * The error `run` would meet in a scenario's Monte Carlo, found without evaluating every draw: the evaluation at the
 * median of the draws (runScenario's point), then, among run's own draws (the same distributions, random streams and
 * clamping, so the same values for the same `samples` and `seed`), the draws that hold each uncertain key's smallest
 * and largest value. When one of those is rejected, the draws are evaluated in run's order up to it, and the first
 * rejected draw's error is returned: rejectedDrawError's, word for word what `run` prints.
 *
 * Why the extremes and not every draw: 1,000 evaluations of the whole pipeline take about a second in a fresh process
 * (the JIT still cold), which made `validate` of the bundled scenarios about ten times slower; 2 per uncertain key take
 * a few milliseconds. A check a model makes is in practice monotone in each key it reads (a batch fits or not as the
 * reserve grows), so a draw is rejected by an extreme first. What this misses: a draw rejected only by a combination
 * of keys none of which is at its extreme among the draws, or by a check not monotone in the key; `run` still names
 * such a draw with this same message.
 *
 * With `everyDraw`, every draw is evaluated in run's order, and the first rejected one is exactly the one `run` stops
 * at, combinations of keys included (about a second at 1,000 draws): what `sweep` does before writing a file.
 *
 * Input: a bound scenario; `samples` a positive integer, `seed` an integer (monteCarlo's rules; a bad one raises its
 * UserError). Output: the error, or undefined when the draws checked evaluate (or nothing is uncertain).
 *
 * Throws: only what is not a UserError (a bug).
 */
export function firstRejectedDraw(
  bound: BoundScenario,
  {samples, seed, everyDraw = false}: {samples: number; seed: number; everyDraw?: boolean}
): UserError | undefined {
  const distributions = drawnDistributions(bound.resolved);
  const uncertainKeys = Object.keys(distributions);
  if (uncertainKeys.length === 0) return undefined;
  const median = scenarioDrawMedianPoint(bound.resolved, {samples, seed});
  try {
    evaluateScenarioPoint(bound, median);
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  // Run's draws, every key drawn together as runScenario draws them, then clamped as it clamps them.
  const drawn = monteCarlo<string, string>({
    samples,
    seed,
    inputs: distributions as Record<string, Distribution>,
    outputs: ["unused"],
    keepSamples: true,
    evaluateAt: () => {}
  }).inputSamples!;
  for (const path of uncertainKeys) {
    const range = keyRange(scenarioKey(path)!);
    const values = drawn[path]!;
    for (let i = 0; i < samples; i++) values[i] = clampToRange(values[i]!, range);
  }
  const sampled: ScenarioPoint = {...median};
  /** The error of draw i, or undefined when it evaluates. */
  const errorAt = (i: number): UserError | undefined => {
    for (const path of uncertainKeys) sampled[path] = drawn[path]![i]!;
    try {
      evaluateScenarioDraw(bound, sampled);
      return undefined;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      return rejectedDrawError({bound, error, sampled, median, uncertainKeys, draw: i, samples, seed});
    }
  };
  if (everyDraw) {
    for (let i = 0; i < samples; i++) {
      const error = errorAt(i);
      if (error) return error;
    }
    return undefined;
  }
  const extremes = new Set<number>();
  for (const path of uncertainKeys) {
    const values = drawn[path]!;
    let low = 0;
    let high = 0;
    for (let i = 1; i < samples; i++) {
      if (values[i]! < values[low]!) low = i;
      if (values[i]! > values[high]!) high = i;
    }
    extremes.add(low).add(high);
  }
  const rejected = [...extremes].sort((a, b) => a - b).find((i) => errorAt(i) !== undefined);
  if (rejected === undefined) return undefined;
  // The first draw run rejects is at or before this one.
  for (let i = 0; i <= rejected; i++) {
    const error = errorAt(i);
    if (error) return error;
  }
  return undefined;
}

/**
 * The error `run` would stop a scenario at, as `validate` finds it: the evaluation at the median of every distribution,
 * then run's Monte Carlo draws (firstRejectedDraw, with `samples` and `seed`; every one of them with `everyDraw`). One
 * check for every command that must refuse what `run` refuses: `validate` (checkScenarioFiles, the extreme draws) and
 * `sweep` (every draw), which evaluates a grid around the scenario and would otherwise write a file for a scenario that
 * neither runs nor validates (breaker).
 *
 * Output: the UserError (or UserErrors; run's message word for word), or undefined when the scenario runs. Throws: only what is not a
 * UserError (a bug).
 */
export function scenarioRunError(
  bound: BoundScenario,
  options: {samples: number; seed: number; everyDraw?: boolean}
): UserError | UserErrors | undefined {
  try {
    evaluateScenarioPoint(bound, scenarioMedianPoint(bound.resolved));
  } catch (error) {
    if (isUserError(error)) return error;
    throw error;
  }
  return firstRejectedDraw(bound, options);
}
