// run's Monte Carlo check over a sweep's grid, beyond the first value of each axis.
import {UserError, UserErrors, userErrorList} from "../../errors/userError.js";
import {evaluateScenarioPoint, type BoundScenario} from "../evaluate/evaluateScenario.js";
import {displayValue} from "../file/displayValue.js";
import {scenarioDrawMedianPoint} from "./scenarioDraws.js";
import {firstRejectedDraw} from "./rejectedDraw.js";
import {gridCorners} from "./sweepNotes.js";
import type {SweepAxisSpec} from "./sweepScenario.js";

/**
 * What `run --set` refuses at one point of the grid (each varied key set to its value there), counting only the Monte
 * Carlo draws: the draws' median point is the sweep's own, which the grid evaluates and reports. Undefined when the
 * point's draws evaluate, or its median does not (the grid says so). The draws checked are firstRejectedDraw's
 * extremes (a few milliseconds), not every draw.
 */
function drawErrorAt(
  bound: BoundScenario,
  at: Readonly<Record<string, number>>,
  options: {samples: number; seed: number}
): UserError | undefined {
  const values = {...bound.resolved.values};
  // Written as `run --set` of the value would be (the axis as typed read "with serving.batch serving.batch=64:250:3").
  for (const [path, value] of Object.entries(at)) {
    values[path] = {...values[path]!, value, written: displayValue(path, value)};
  }
  const point = {...bound, resolved: {...bound.resolved, values}};
  try {
    evaluateScenarioPoint(point, scenarioDrawMedianPoint(point.resolved, options));
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
  return firstRejectedDraw(point, options);
}

/**
 * The Monte Carlo draws `run --set` checks, at the grid's corners other than the first (the command checks every draw
 * at each axis's first value): a draw valid at the first value and rejected at a later one (`--set
 * "serving.hbmReserve=0.05 to 0.15" --vary serving.batch=64:250:3` on base: `run` refuses a batch of 157 and 250, the
 * sweep wrote both; breaker). At the first corner that fails, each axis that is at its last value there is brought
 * back to its first value that still fails (bisection: a check a model makes is in practice monotone in each key it
 * reads, as firstRejectedDraw assumes), so that the error names the first failing value, not the grid's end.
 *
 * Output: the error `run` gives there, naming --vary and the point ("(at serving.batch=157, a point of --vary
 * serving.batch=64:250:3 that run refuses)"); undefined when every corner's draws evaluate.
 */
export function sweepDrawError(
  bound: BoundScenario,
  axes: readonly SweepAxisSpec[],
  options: {samples: number; seed: number}
): UserError | UserErrors | undefined {
  const first = Object.fromEntries(axes.map((axis) => [axis.path, axis.values[0]!]));
  const corners = gridCorners(axes).filter((corner) => axes.some((axis) => corner[axis.path] !== first[axis.path]));
  for (const corner of corners) {
    if (drawErrorAt(bound, corner, options) === undefined) continue;
    const at = {...corner};
    for (const axis of axes) {
      if (at[axis.path] === first[axis.path]) continue;
      // The least index that fails, between one assumed to pass (−1) and the corner's (the last), which fails.
      let pass = -1;
      let fail = axis.values.length - 1;
      while (fail - pass > 1) {
        const middle = (pass + fail) >> 1;
        if (drawErrorAt(bound, {...at, [axis.path]: axis.values[middle]!}, options)) fail = middle;
        else pass = middle;
      }
      at[axis.path] = axis.values[fail]!;
    }
    const error = drawErrorAt(bound, at, options)!;
    const point = Object.entries(at)
      .map(([path, value]) => `${path}=${displayValue(path, value)}`)
      .join(", ");
    const moved = axes.filter((axis) => at[axis.path] !== first[axis.path]);
    const grid = moved.map((axis) => `--vary ${axis.written ?? axis.path}`).join(" and ");
    const paths = axes.map((axis) => axis.path);
    // The point in the message as the grid's errors give one; which axes it is the first failing value of in the hint
    // (a message longer than 400 characters is cut, and a draw's message is long).
    const firstValues = `the first ${moved.length === 1 ? "value" : "values"}`;
    return new UserErrors(
      userErrorList(error).map(({detail}) => {
        const message = `${detail.message} (at ${point})`;
        const hint = `${point} ${moved.length === 1 ? "is" : "are"} ${firstValues} of ${grid} at which run refuses a draw${detail.hint ? `; ${detail.hint}` : ""}`;
        if (detail.path === undefined || !paths.includes(detail.path)) return new UserError({...detail, message, hint});
        const {file: _file, line: _line, column: _column, ...rest} = detail;
        // A problem with a varied key is the --vary flag's, as the grid's own errors say (sweepScenarioChunks).
        return new UserError({...rest, flag: "--vary", message, hint});
      })
    );
  }
  return undefined;
}
