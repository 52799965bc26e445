import type {Distribution} from "../../uncertainty/distribution.js";
import {monteCarlo} from "../../uncertainty/monteCarlo.js";
import {isInRange, type NumberRange} from "../../units/range.js";
import {unreadKeys} from "../evaluate/unreadKeys.js";
import {keyRange, scenarioKey} from "../file/schema.js";
import type {ResolvedScenario} from "../resolve/resolveScenario.js";
import {scenarioDistributions, scenarioMedianPoint, type ScenarioPoint} from "../resolve/scenarioValues.js";

/**
 * A sampled value pulled back inside its key's range: a normal for a fraction can stray below 0 or above 1, which no
 * model accepts. Open ends are approached to within 1e-9 of the bound, relative (or 1e-9 absolute near 0).
 */
export function clampToRange(value: number, range: NumberRange): number {
  if (isInRange(value, range)) return value;
  const epsilon = (bound: number) => Math.max(1e-9, Math.abs(bound) * 1e-9);
  if (value <= range.min) return !range.minExclusive ? range.min : range.min + epsilon(range.min);
  return !range.maxExclusive ? range.max : range.max - epsilon(range.max);
}

/**
 * The distributions a scenario's Monte Carlo draws, by key path: every key whose value is a distribution, except a
 * custom-chip key another description overrides (unreadKeys): drawing it would move nothing, yet list it
 * among the uncertain keys and take its share of the random stream.
 */
export function drawnDistributions(resolved: ResolvedScenario): Record<string, Distribution> {
  const unread = unreadKeys(resolved);
  return Object.fromEntries(Object.entries(scenarioDistributions(resolved)).filter(([path]) => !(path in unread)));
}

/**
 * Every key at one value, each drawn key at the median of its draws: the values the Monte Carlo of runScenario gives
 * that key with the same `samples` and `seed` (each key has its own random stream, createRng(seed, key)), clamped
 * into its range as runScenario clamps them, and their median (type 7, src/uncertainty/quantiles.ts). Other keys,
 * including a distribution no model reads, as scenarioMedianPoint gives them.
 *
 * Why the draws' median and not the distribution's: a figure a page charts at this point (a cost per token, a
 * cumulative spend) that is monotone in one uncertain key then equals that figure's median over the same draws, the
 * statistic every card and table shows, to within the interpolation between the two middle draws (far below any
 * rounding a page prints; the distribution's own median differs by the median's sampling error, about
 * 1.25σ/√samples: 2.05 against 2.06 USD per million tokens at 1,000 draws in the base scenario). A figure that moves
 * with several uncertain keys at once (a program's NPV) can still differ from its median by a little.
 *
 * Input: a resolved scenario; `samples` a positive integer, `seed` an integer (monteCarlo's rules, whose UserError a
 * bad one raises). Output: a ScenarioPoint (numbers in base units). Memory: two Float64Arrays of `samples` per drawn
 * key, one key at a time; each median is kept (drawnMedians) and not drawn again for the same distribution object.
 * Keys in `undrawn` keep scenarioMedianPoint's value, not drawn: a sweep's varied keys, which each point sets (the
 * other keys' draws are the same without them: each key has its own stream).
 */
export function scenarioDrawMedianPoint(
  resolved: ResolvedScenario,
  {samples, seed, undrawn = []}: {samples: number; seed: number; undrawn?: readonly string[]}
): ScenarioPoint {
  const point = scenarioMedianPoint(resolved);
  for (const [path, distribution] of Object.entries(drawnDistributions(resolved))) {
    if (undrawn.includes(path)) continue;
    const key = `${path} ${samples} ${seed}`;
    let medians = drawnMedians.get(distribution);
    if (!medians) drawnMedians.set(distribution, (medians = new Map()));
    let median = medians.get(key);
    if (median === undefined) {
      const range = keyRange(scenarioKey(path)!);
      const run = monteCarlo({
        samples,
        seed,
        inputs: {[path]: distribution},
        outputs: ["drawn"],
        evaluateAt: (input, i, output) => {
          output.drawn![i] = clampToRange(input[path]![i]!, range);
        }
      });
      medians.set(key, (median = run.outputs.drawn.p50));
    }
    point[path] = median;
  }
  return point;
}

/**
 * Each distribution's draws' median by key path, samples and seed: a page evaluates its point on every slider move, and
 * a move that sets one key leaves the other keys' distributions the same objects (applyOverrides), so their medians are
 * drawn once. Weakly held: a distribution no scenario holds any more takes its medians with it.
 */
const drawnMedians = new WeakMap<Distribution, Map<string, number>>();
