// A second `---` block of assumptions in a scenario file's narrative, which Markdown reads as a rule and a heading.
import {isMap, isScalar, parseDocument, type YAMLMap} from "yaml";
import {UserError} from "../../errors/userError.js";
import {truncate} from "../../errors/truncate.js";
import {SCENARIO_GROUPS, scenarioKey} from "./schema.js";

/** The front matter's keys that are not scenario keys. */
const FRONT_MATTER_FIELDS: readonly string[] = ["id", "title", "label", "description", "extends", "sources"];

/** Whether `name` is a key a scenario's front matter takes at its top level: a field, a group or a key path. */
function isFrontMatterKey(name: string): boolean {
  return FRONT_MATTER_FIELDS.includes(name) || SCENARIO_GROUPS.includes(name) || scenarioKey(name) !== undefined;
}

/** A line that opens or closes a fenced code block (CommonMark: up to three spaces, then ``` or ~~~). */
const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The error for a second front matter block in a scenario file: after the front matter (which closes on line index
 * `close` of `lines`), a line `---` outside fenced code, then lines up to the next `---` (or `...`) that read as a YAML
 * map with a key the front matter takes (`serving:`, `title:`, `power.pue:`). Markdown reads the opening `---` as a
 * thematic break and the lines up to the closing one as a setext heading, so the block's assumptions became a heading
 * of the narrative ("serving: batch: 32") and were never read (breaker). Framework reads front matter at the top of a
 * page only, and renders the same. A rule followed by prose and a `---` underline that is no such map stays the
 * Markdown it is; so does a block inside a code fence (an example of a scenario file).
 *
 * Output: a UserError at the opening line naming the block's lines and keys, or undefined.
 */
export function secondFrontMatterError(file: string, lines: readonly string[], close: number): UserError | undefined {
  let fence: string | undefined;
  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = CODE_FENCE.exec(line)?.[1];
    if (marker !== undefined) {
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined || line.trimEnd() !== "---") continue;
    const end = lines.findIndex((other, j) => j > i && (other.trimEnd() === "---" || other.trimEnd() === "..."));
    if (end < 0) return undefined;
    const block = lines.slice(i + 1, end);
    if (block.some((other) => CODE_FENCE.test(other))) continue;
    const doc = parseDocument(block.join("\n"), {prettyErrors: false, uniqueKeys: false});
    const keys =
      doc.errors.length === 0 && isMap(doc.contents)
        ? (doc.contents as YAMLMap).items.flatMap(({key}) => (isScalar(key) ? [String(key.value)] : []))
        : [];
    const known = keys.filter(isFrontMatterKey);
    if (known.length === 0) continue;
    return new UserError({
      file,
      line: i + 1,
      column: 1,
      message: "a second front matter block",
      expected: `one front matter block, at the top of the file (lines 1–${close + 1}), and Markdown after it`,
      found: truncate(`a --- block on lines ${i + 1} to ${end + 1} setting ${known.join(", ")}`),
      hint:
        "move its keys into the front matter at the top: Markdown reads this block as a rule and a heading, and its " +
        "values are not used; for a rule in the narrative, write *** instead"
    });
  }
  return undefined;
}
