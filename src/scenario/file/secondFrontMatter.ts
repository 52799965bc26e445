// A second `---` block of assumptions in a scenario file's narrative, which Markdown reads as a rule and a heading.
import MarkdownIt from "markdown-it";
import {isMap, isScalar, parseDocument, type YAMLMap} from "yaml";
import {UserError} from "../../errors/userError.js";
import {truncate} from "../../errors/truncate.js";
import {readValue, type ValueSite} from "./readValue.js";
import {isReservedKey, isScenarioGroup, scenarioKey, type ScenarioKeyDef} from "./schema.js";

/** Whether `name` is a key a scenario's front matter takes at its top level: a field, a group or a key path. */
function isFrontMatterKey(name: string): boolean {
  return isReservedKey(name) || isScenarioGroup(name) || scenarioKey(name) !== undefined;
}

/**
 * How much an entry `name: value` of a block says the block is front matter: "key" for a scenario key whose value
 * reads as that key's (`power.pue: 1.3`) or is a number, or a group holding a map (`serving:` with `batch: 32` under
 * it), which prose does not write; "field" for a field holding what it takes (`title: Costs`, text a line of prose may
 * also be); undefined for anything else, a known key included when its value is not one it takes (`serving: we …`).
 */
function entryEvidence(name: string, value: unknown): "key" | "field" | undefined {
  if (isScenarioGroup(name)) return isMap(value) ? "key" : undefined;
  const def = scenarioKey(name);
  // A number is no prose either, out of the key's range (`power.pue: 13`, a typo the front matter would report) or not.
  if (def) return readsAs(def, value) || (isScalar(value) && typeof value.value === "number") ? "key" : undefined;
  // The fields (RESERVED_KEYS) take text, but for sources, a map of key path to text.
  if (!isReservedKey(name)) return undefined;
  if (name === "sources") return isMap(value) ? "field" : undefined;
  return isScalar(value) && typeof value.value === "string" && value.value.trim() !== "" ? "field" : undefined;
}

/** Whether `node` reads as a value of the key `def`, as the front matter would read it (readValue, errors dropped). */
function readsAs(def: ScenarioKeyDef, node: unknown): boolean {
  const errors: UserError[] = [];
  const site: ValueSite = {
    locate: () => ({}),
    text: (at) => (isScalar(at) && at.source !== undefined ? at.source : String(at)),
    deref: (at) => at,
    errors
  };
  return readValue(def, node, site) !== undefined && errors.length === 0;
}

/** Markdown as Framework reads a page's blocks (raw HTML on: an HTML comment is a block of its own). */
const markdown = new MarkdownIt({html: true});

/** Block tokens whose lines Markdown shows as code or passes on as HTML: a `---` there is no rule or underline. */
const OPAQUE_BLOCKS: readonly string[] = ["fence", "code_block", "html_block"];

/** Block tokens that hold content of their own: a `---` block in a quote or a list item is part of that content. */
const CONTAINERS: readonly string[] = ["blockquote_open", "bullet_list_open", "ordered_list_open"];

/**
 * A line that opens or closes a block: `---` indented by at most three spaces, as CommonMark reads a thematic break or
 * a setext underline (four spaces make an indented code block).
 */
const DASHES = /^ {0,3}---[ \t]*$/;

/**
 * The 0-based line indexes of `lines`, from `from` on, that lie in a fenced or indented code block or an HTML block
 * (a comment, `<pre>`, `<div>` …), and those in a block quote or a list, as markdown-it parses the narrative.
 */
function blockLines(lines: readonly string[], from: number): {opaque: Set<number>; contained: Set<number>} {
  const [opaque, contained] = [new Set<number>(), new Set<number>()];
  for (const token of markdown.parse(lines.slice(from).join("\n"), {})) {
    if (token.map === null) continue;
    const into = OPAQUE_BLOCKS.includes(token.type)
      ? opaque
      : CONTAINERS.includes(token.type) && token.level === 0
        ? contained
        : undefined;
    for (let line = token.map[0]; into && line < token.map[1]; line++) into.add(from + line);
  }
  return {opaque, contained};
}

/**
 * The error for a second front matter block in a scenario file: after the front matter (which closes on line index
 * `close` of `lines`), a line `---` (indented up to three spaces) outside code and HTML blocks, quotes and lists, then
 * lines up to the next such line (or `...`, or the end of the file when none closes it) that read as front matter.
 * Markdown reads the opening `---` as a thematic break and the lines up to the closing one as a setext heading (a
 * paragraph when nothing closes them), so the block's assumptions became a heading of the narrative
 * ("serving: batch: 32") and were never read (breaker). Framework reads front matter at the top of a page only, and
 * renders the same.
 *
 * The lines read as front matter when they are a YAML map with a scenario key whose value reads as the key's or is a
 * number (`power.pue: 1.3`) or a group holding a map (`serving:` and `batch: 32` under it), or with two or more fields
 * holding what they take (`title:` and `description:`): a line of prose between two rules may start with a lowercase
 * word and a colon that names a key (`serving: we assume …`, `title: …`), and was called a second block (breaker), but
 * prose gives a group no map, a key no number or value it reads, and two fields only if two lines of it start so. A rule followed by
 * prose and a `---` underline stays the Markdown it is; so does a block inside a code fence (an example of a scenario
 * file) or an HTML comment (a block commented out), which markdown-it finds as Framework's does (breaker: a
 * commented-out block was called a rule and a heading), and one in a block quote (`> ---`) or a list item, which is the
 * quote's or the item's content (quoting a scenario's front matter), not the file's.
 *
 * Output: a UserError at the opening line naming the block's lines and keys, or undefined.
 */
export function secondFrontMatterError(file: string, lines: readonly string[], close: number): UserError | undefined {
  if (!lines.some((line, i) => i > close && DASHES.test(line))) return undefined;
  const {opaque, contained} = blockLines(lines, close + 1);
  const isMarker = (j: number, closing: boolean) =>
    !opaque.has(j) && (DASHES.test(lines[j]!) || (closing && lines[j]!.trimEnd() === "..."));
  for (let i = close + 1; i < lines.length; i++) {
    if (contained.has(i) || !isMarker(i, false)) continue;
    const closing = lines.findIndex((_, j) => j > i && isMarker(j, true));
    // A block left open runs to the end of the file: Markdown reads it as a rule and a paragraph.
    const end = closing < 0 ? lines.length : closing;
    const block = lines.slice(i + 1, end);
    if (block.some((_, j) => opaque.has(i + 1 + j))) continue;
    const doc = parseDocument(block.join("\n"), {prettyErrors: false, uniqueKeys: false});
    const items = doc.errors.length === 0 && isMap(doc.contents) ? (doc.contents as YAMLMap).items : [];
    const entries = items.flatMap(({key, value}) => (isScalar(key) ? [{name: String(key.value), value}] : []));
    const evidence = entries.map(({name, value}) => entryEvidence(name, value));
    const fields = evidence.filter((kind) => kind === "field").length;
    if (!evidence.includes("key") && fields < 2) continue;
    const known = entries.map(({name}) => name).filter(isFrontMatterKey);
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
