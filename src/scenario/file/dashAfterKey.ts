// A dash after a key's colon in a scenario's front matter (`hardware: -`, `hardware: - h100`): YAML reads "- " as a
// list item, which must start a line of its own, and the yaml package said so in its own words ("malformed YAML:
// Unexpected block-seq-ind on same line with key: expected valid YAML front matter, found hardware: -"), naming no key
// and, for `- h100`, twice ("Implicit map keys need to be followed by map values"; helper item). This is the project's
// error for it: the key path, what the key takes and how to write it.
import {UserError} from "../../errors/userError.js";
import {truncate} from "../../errors/truncate.js";
import {expectedFor} from "./readValue.js";
import {scenarioKey} from "./schema.js";

/** The yaml package's problem for a block list's dash on a key's line. */
export function isDashAfterKey(problem: {code: string; message: string}): boolean {
  return problem.code === "UNEXPECTED_TOKEN" && /^Unexpected block-seq-ind on same line with key/.test(problem.message);
}

/**
 * A `key: value` line, its key and what follows the colon (a comment dropped: a value never starts with `#`, so
 * `serving: # the chips` is a key with nothing after it, whose keys are below; breaker: it was read as the value
 * "# the chips", the key under it named without its group).
 */
const KEY_LINE = /^(\s*)("[^"]*"|'[^']*'|[^\s#'"][^:#]*?)\s*:(?:\s+([^\s#].*?))?\s*(?:\s#.*)?$/;

/** The list dashes that start a value: each `-` followed by a space or the end of the line (`- - ` in `- - h100`). */
const LIST_DASHES = /^(?:-(?:\s+|$))+/;

/**
 * The error for a dash after the key's colon on line `line` (1-based, of the file's `lines`) at `column` (the dash's),
 * or undefined when the line is not `key: - …`. The key path is the line's key under the keys above it that hold it
 * (each a line less indented, with nothing after its colon): `serving:` then `  hardware: -` is serving.hardware.
 */
export function dashAfterKeyError(
  file: string,
  lines: readonly string[],
  line: number,
  column: number
): UserError | undefined {
  const text = lines[line - 1] ?? "";
  const match = KEY_LINE.exec(text);
  const [, indent = "", key = "", rest = ""] = match ?? [];
  if (!match || !rest.startsWith("-")) return undefined;
  const path = [unquoted(key)];
  let depth = indent.length;
  // Up to the line after the opening fence (line 1).
  for (let above = line - 1; above >= 2 && depth > 0; above--) {
    const parent = KEY_LINE.exec(lines[above - 1] ?? "");
    const [, parentIndent = "", parentKey = "", parentRest = ""] = parent ?? [];
    if (!parent || parentIndent.length >= depth || parentRest !== "") continue;
    path.unshift(unquoted(parentKey));
    depth = parentIndent.length;
  }
  const keyPath = path.join(".");
  const def = scenarioKey(keyPath);
  // Every list dash goes: `- - h100` is a list in a list, and no key takes a list (a key that may be uncertain takes a
  // 90% interval `low to high`, readValue), so the one value is h100 (breaker: the hint offered `hardware: - h100`, the
  // same error). A dash before a non-space is the value's own: `- -5` is the number -5 in a list.
  const dashes = LIST_DASHES.exec(rest)?.[0] ?? "";
  const item = rest.slice(dashes.length);
  const [them, themAre] = dashes.split("-").length > 2 ? ["dashes", "dashes are"] : ["dash", "dash is"];
  const name = unquoted(key);
  const quoted = `${name}: '${rest.replace(/'/g, "''")}'`;
  const write = item
    ? `drop the ${them} (${name}: ${item}), or quote the value if the ${themAre} part of it (${quoted})`
    : `write the value, or quote the ${them} if ${them === "dash" ? "it is" : "they are"} the value (${quoted})`;
  return new UserError({
    file,
    line,
    column,
    path: truncate(keyPath),
    message: "malformed YAML: a dash after the key's colon",
    expected: def ? `a value after the colon: ${expectedFor(def)}` : "a value after the colon",
    found: truncate(text.trim()),
    hint: `YAML reads a dash after a key's colon as a list item, which starts a line of its own: ${write}`
  });
}

function unquoted(key: string): string {
  return key.replace(/^(["'])(.*)\1$/, "$2");
}
