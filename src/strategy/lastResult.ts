/**
 * `compute` wrapped so that a call with the same arguments as one of the last `keep` distinct calls (each argument
 * compared with Object.is) returns that call's result. For the parts of a strategy model that do not depend on the
 * cost per token, which a sweep over utilisation or electricity asks for again at every point (and the silicon
 * program asks for at two design cycles a point, so it keeps two): the result is shared, so treat it as read-only.
 *
 * Throws: a RangeError when `keep` is not a whole number ≥ 1 (a programming error).
 */
export function lastResult<A extends readonly number[], R>(compute: (...args: A) => R, keep = 1): (...args: A) => R {
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`lastResult keeps at least one result, not ${keep}`);
  // Most recent first.
  const kept: {args: A; result: R}[] = [];
  return (...args: A): R => {
    for (let k = 0; k < kept.length; k++) {
      const entry = kept[k]!;
      if (sameArgs(entry.args, args)) {
        if (k > 0) kept.unshift(...kept.splice(k, 1));
        return entry.result;
      }
    }
    const result = compute(...args);
    kept.unshift({args, result});
    if (kept.length > keep) kept.pop();
    return result;
  };
}

function sameArgs(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return a.length === b.length;
}
