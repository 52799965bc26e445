/**
 * `compute` wrapped so that a call with the same arguments as the previous call (each compared with Object.is)
 * returns the previous result. For the parts of a strategy model that do not depend on the cost per token, which a
 * sweep over utilisation or electricity asks for again at every point: the result is shared, so treat it as
 * read-only.
 */
export function lastResult<A extends readonly number[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | undefined;
  let last: R;
  return (...args: A): R => {
    if (lastArgs !== undefined && args.every((arg, i) => Object.is(arg, lastArgs![i]))) return last;
    last = compute(...args);
    lastArgs = args;
    return last;
  };
}
