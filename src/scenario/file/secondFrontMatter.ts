// A second `---` block of assumptions in a scenario file's narrative, which Markdown reads as a rule and a heading.
import MarkdownIt from "markdown-it";
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

/** Markdown as Framework reads a page's blocks (raw HTML on: an HTML comment is a block of its own). */
const markdown = new MarkdownIt({html: true});

/** Block tokens whose lines Markdown shows as code or passes on as HTML: a `---` there is no rule or underline. */
const OPAQUE_BLOCKS: readonly string[] = ["fence", "code_block", "html_block"];

/**
 * The 0-based line indexes of `lines`, from `from` on, that lie in a fenced or indented code block or an HTML block
 * (a comment, `<pre>`, `<div>` …), as markdown-it parses the narrative.
 */
function opaqueLines(lines: readonly string[], from: number): Set<number> {
  const opaque = new Set<number>();
  for (const token of markdown.parse(lines.slice(from).join("\n"), {})) {
    if (token.map === null || !OPAQUE_BLOCKS.includes(token.type)) continue;
    for (let line = token.map[0]; line < token.map[1]; line++) opaque.add(from + line);
  }
  return opaque;
}

/**
 * The error for a second front matter block in a scenario file: after the front matter (which closes on line index
 * `close` of `lines`), a line `---` outside code and HTML blocks, then lines up to the next `---` (or `...`, or the end
 * of the file when none closes it) that read as a YAML map with a key the front matter takes (`serving:`, `title:`,
 * `power.pue:`). Markdown reads the opening `---` as a thematic break and the lines up to the closing one as a setext
 * heading (a paragraph when nothing closes them), so the block's assumptions became a heading of the narrative
 * ("serving: batch: 32") and were never read (breaker). Framework reads front matter at the top of a page only, and
 * renders the same. A rule followed by prose and a `---` underline that is no such map stays the Markdown it is; so
 * does a block inside a code fence (an example of a scenario file) or an HTML comment (a block commented out), which
 * markdown-it finds as Framework's does (breaker: a commented-out block was called a rule and a heading).
 *
 * Output: a UserError at the opening line naming the block's lines and keys, or undefined.
 */
export function secondFrontMatterError(file: string, lines: readonly string[], close: number): UserError | undefined {
  if (!lines.some((line, i) => i > close && line.trimEnd() === "---")) return undefined;
  const opaque = opaqueLines(lines, close + 1);
  const isMarker = (j: number, closing: boolean) =>
    !opaque.has(j) && (lines[j]!.trimEnd() === "---" || (closing && lines[j]!.trimEnd() === "..."));
  for (let i = close + 1; i < lines.length; i++) {
    if (!isMarker(i, false)) continue;
    const closing = lines.findIndex((_, j) => j > i && isMarker(j, true));
    // A block left open runs to the end of the file: Markdown reads it as a rule and a paragraph.
    const end = closing < 0 ? lines.length : closing;
    const block = lines.slice(i + 1, end);
    if (block.some((_, j) => opaque.has(i + 1 + j))) continue;
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
      found:
        (closing < 0
          ? `a --- block from line ${i + 1} on, never closed,`
          : `a --- block on lines ${i + 1} to ${end + 1}`) + ` setting ${truncate(known.join(", "))}`,
      hint:
        "move its keys into the front matter at the top: Markdown reads this block as a rule and a " +
        `${closing < 0 ? "paragraph" : "heading"}, and its values are not used; for a rule in the narrative, write *** ` +
        "instead"
    });
  }
  return undefined;
}
