// Draws a chart again only when what it is drawn from changes. A slider moves one assumption; the charts that do not
// depend on it get the same rows and options back, and redrawing them is wasted work inside the frame the reader is
// waiting for (a Plot chart costs 1.5–3 ms). Each call site keeps its own memo, made once in a cell that never re-runs.

/**
 * Wraps a chart function so that a call with the same arguments as the last one returns the element drawn last time.
 * Arguments are compared as JSON, with non-finite numbers kept apart (NaN, ±Infinity and null are all different) and
 * functions compared by their source text: a function option must not read values that change between calls.
 */
export function memoChart<A extends unknown[], E extends Element>(render: (...args: A) => E): (...args: A) => E {
  let lastKey: string | undefined;
  let last: E | undefined;
  return (...args: A): E => {
    const key = JSON.stringify(args, encode);
    if (last === undefined || key !== lastKey) {
      last = render(...args);
      lastKey = key;
    }
    return last;
  };
}

function encode(_key: string, value: unknown): unknown {
  if (typeof value === "number" && !Number.isFinite(value)) return `\u0000${value}`;
  if (typeof value === "function") return `\u0000${String(value)}`;
  if (value === undefined) return "\u0000undefined";
  return value;
}
