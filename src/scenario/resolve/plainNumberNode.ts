import {Scalar} from "yaml";

/**
 * A set's value written as a plain decimal number (`0.7`, `-3`, `12.5`, what every slider of a page writes) as the
 * node YAML would read from it: a number scalar whose range covers the text. Null for anything else, which is parsed
 * as a YAML document. Parsing one costs ~1.5 ms a set in chromium, during a slider move (issue #17's drag); YAML 1.2's
 * core schema reads these digits as the number JavaScript's Number() does (test/scenario/resolve/applyOverrides.test.ts
 * holds the two to the same value).
 */
export function plainNumberNode(written: string): Scalar<number> | null {
  if (!PLAIN_DECIMAL.test(written)) return null;
  const node = new Scalar(Number(written));
  node.range = [0, written.length, written.length];
  return node;
}

/** Up to 15 digits either side of the point, no sign but a minus, no exponent. */
const PLAIN_DECIMAL = /^-?\d{1,15}(\.\d{1,15})?$/;
