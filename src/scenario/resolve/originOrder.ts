// The order in which a scenario's assumptions are listed to a reader: as the files that set them read.
import {writtenAt, type ValueOrigin} from "./resolveScenario.js";
import {SCENARIO_KEY_PATHS} from "../file/schema.js";

const SCHEMA_INDEX = new Map(SCENARIO_KEY_PATHS.map((path, i) => [path, i]));

/**
 * A comparator (for Array.prototype.sort) of assumptions `{path, origin}` of one scenario whose `extends` chain is
 * `chain` (ResolvedScenario.chain: its own id, then its parent's, up to the root). Values set on the command line or on
 * the page come first, then the scenario's own file, then each ancestor's, nearer first, each file's keys by line and
 * column, as the "from" column reads; defaults come last, but for those a `null` took back, listed where it is
 * written. Overrides among themselves are in the order typed, their origins' `written` (`serving.batch=32`) found in
 * `typed` (the --set values as given); ties left (overrides not in `typed`, defaults) keep the schema's order. `run`
 * listed base's keys in the schema's order, serving.tensorParallel (base.md:8) after serving.inputTokens (line 10) and
 * serving.costDeclinePerYear (line 12) among the training keys (new-user trial), and `run base --set a=1 --set b=2`
 * listed b first when the schema has it first (tester).
 */
export function compareByOrigin(
  chain: readonly string[],
  typed: readonly string[] = []
): (a: {path: string; origin: ValueOrigin}, b: {path: string; origin: ValueOrigin}) => number {
  // A `null` that took a key back to its default is listed where it was written, as a value written there is.
  const rank = (written: ValueOrigin): number => {
    const origin = writtenAt(written) ?? written;
    return origin.kind === "override"
      ? 0
      : origin.kind === "default"
        ? chain.length + 1
        : 1 + Math.max(0, chain.indexOf(origin.scenario));
  };
  const typedIndex = new Map(typed.map((set, i) => [set, i]));
  // An override's place in `typed` stands for its line; one not there comes after those that are.
  const position = (written: ValueOrigin): [number, number] => {
    const origin = writtenAt(written) ?? written;
    return origin.kind === "file" || origin.kind === "parent"
      ? [origin.line, origin.column]
      : origin.kind === "override"
        ? [typedIndex.get(origin.written) ?? typed.length, 0]
        : [0, 0];
  };
  return (a, b) => {
    const [lineA, columnA] = position(a.origin);
    const [lineB, columnB] = position(b.origin);
    return (
      rank(a.origin) - rank(b.origin) ||
      lineA - lineB ||
      columnA - columnB ||
      (SCHEMA_INDEX.get(a.path) ?? SCHEMA_INDEX.size) - (SCHEMA_INDEX.get(b.path) ?? SCHEMA_INDEX.size)
    );
  };
}
