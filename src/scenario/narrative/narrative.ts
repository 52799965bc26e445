import {didYouMeanHint} from "../../errors/suggest.js";
import {UserError} from "../../errors/userError.js";
import {groupThousands} from "../../units/groupThousands.js";
import {codeRanges, findLiveValues, liveValueErrors, liveValueTarget, type LiveValueTarget} from "./liveValues.js";
import {
  GLOSSARY_PAGE,
  LIVE_CLOSE,
  LIVE_OPEN,
  narrativeHtml,
  NO_HANDLERS,
  renderedHtmlProblems
} from "./renderedHtml.js";

/**
 * What a scenario's narrative (the Markdown after its front matter) may contain, and how it becomes part of its page.
 *
 * A narrative is Markdown, with inline HTML for formatting. It is text, not page code: `${…}` is shown as written,
 * a fenced code block is shown and never run, and the supported way to put a number in the prose is a live value,
 * `{{metrics.<metric>}}` or `{{<scenario key>}}` (liveValues.ts). Anything that would run or restyle the page is
 * refused: `<script>`, `<style>`, embedded frames and objects, `<link>`, `<meta>`, `<base>`, `<form>`, event-handler
 * attributes (`onload=`, `onerror=`, …), `javascript:` addresses however their characters are written, and styles
 * that move a box over the page. So are references to local files (an image or a document beside the scenario), which
 * the site cannot publish, and images loaded over plain `http:` or from a protocol-relative `//host`; an image or link
 * to an absolute `https:` address, a link to another page of the site (`../moat`) and a `#fragment` are fine. The
 * patterns below locate what they find at its column; renderedHtml.ts checks the narrative as the page renders it,
 * and gives the page that HTML, cleaned.
 */

/** An attribute or Markdown target that points at a local file: not http(s):, mailto:, data:, a #fragment or a page. */
const LOCAL_SOURCE =
  /(?:<(?:img|source|video|audio|iframe|embed|object|link|image|use|input)\b[^>]*?\s(?:src|href|xlink:href|data|poster)\s*=\s*["']?|!\[[^\]]*\]\()\s*(?!https?:|data:|#|mailto:|\/\/)([^"'\s)>]+)/gi;
/** A `srcset` (or `imagesrcset`) attribute's candidates, each a URL and a size: `srcset="a.png 1x, b.png 2x"`. */
const SRCSET = /<[a-z][^>]*?\s(?:image)?srcset\s*=\s*(["'])([^"']*)\1/gi;
/** A `url(…)` or `image-set(…)` inside an inline `style` attribute: `style="background:url(x.png)"`. */
const STYLE_URL =
  /<[a-z][^>]*?\sstyle\s*=\s*(["'])[^"']*?(?:url|image-set)\(\s*["']?(?!https?:|data:|#|\/\/)([^"')\s]+)/gi;
/** Elements that run code, load code or styles, or change the page around the narrative. */
const PAGE_CODE = /<(script|style|iframe|frame|object|embed|link|meta|base|form|template)\b/gi;
/** An event-handler attribute inside a tag: `<img onerror=…>`, `<svg onload=…>`. */
const EVENT_HANDLER = /<[a-z][^>]*?\s(on[a-z]+)\s*=/gi;
/** A `javascript:` (or `vbscript:`) address in a link or an attribute, spaces and entities aside. */
const SCRIPT_URL =
  /(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*(?:javascript|vbscript)\s*:|\]\(\s*(?:javascript|vbscript)\s*:/gi;
/** A Markdown link or an `<a href>` to a relative path with a file extension (a file, not a page of the site). */
const LOCAL_FILE_LINK =
  /(?:<a\b[^>]*?\shref\s*=\s*["']?|(?<!!)\[[^\]]*\]\()\s*(?!https?:|mailto:|#|\/\/)([^"'\s)>]+\.[A-Za-z0-9]{1,5})(?=["'\s)>#?])/gi;

/** A Markdown link or an `<a href>` to an entry of the glossary: `](../glossary#kv-cache)`, `href="/glossary#nre"`. */
const GLOSSARY_TARGET = new RegExp(
  String.raw`\]\(\s*${GLOSSARY_PAGE}#([^)\s"']*)|\bhref\s*=\s*["']?${GLOSSARY_PAGE}#([^"'\s>]*)`,
  "gi"
);

/** Private-use characters the page's rendering marks live values and `$` with (renderedHtml.ts). */
const PRIVATE_MARKS = /[\uE000-\uE00F]/g;
const PRIVATE_MARKS_EXPECTED =
  "text without private-use characters U+E000–U+E00F (the page marks its live values with them)";

/** The longest narrative a scenario file may have, characters. */
export const MAX_NARRATIVE_CHARS = 50_000;

function locate(body: string, offset: number, bodyLine: number): {line: number; column: number} {
  const before = body.slice(0, offset);
  return {line: bodyLine + before.split("\n").length - 1, column: offset - (before.lastIndexOf("\n") + 1) + 1};
}

/**
 * Every problem of a narrative the site would reject or run: unknown live values, `<script>` tags and references to
 * local files, each located by file, 1-based line and column (`bodyLine` is the file line the body starts on).
 */
export function narrativeErrors(
  scenario: {file: string; body: string; bodyLine: number},
  /** The glossary's entries (the ids of docs/glossary.md's rows): a link to another is an error. Unchecked if absent. */
  glossaryAnchors?: ReadonlySet<string>
): UserError[] {
  const {file, body, bodyLine} = scenario;
  // Prose for a page, not a data file: a megabyte of nested tags took minutes to check and overflowed the stack of
  // the HTML walk (breaker). Longer is one error, and nothing else is read.
  if (body.length > MAX_NARRATIVE_CHARS) {
    return [
      new UserError({
        file,
        line: bodyLine,
        column: 1,
        message: "narrative too long",
        expected: `at most ${groupThousands(MAX_NARRATIVE_CHARS)} characters of narrative (the bundled ones are under 10,000)`,
        found: `${groupThousands(body.length)} characters`
      })
    ];
  }
  const code = codeRanges(body);
  const inCode = (offset: number) => code.some(([start, end]) => offset >= start && offset < end);
  const errors = liveValueErrors(scenario);
  for (const match of body.matchAll(PRIVATE_MARKS)) {
    errors.push(
      new UserError({
        file,
        ...locate(body, match.index, bodyLine),
        message: "a private-use character in the narrative",
        expected: PRIVATE_MARKS_EXPECTED,
        found: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase()}`
      })
    );
  }
  const refuse = (offset: number, message: string, found: string, expected: string) => {
    if (inCode(offset)) return;
    errors.push(new UserError({file, ...locate(body, offset, bodyLine), message, expected, found}));
  };
  const text =
    "Markdown text and formatting HTML; a number in the prose is a live value such as {{metrics.siliconNpvUsd}}";
  for (const match of body.matchAll(PAGE_CODE)) {
    refuse(
      match.index,
      match[1]!.toLowerCase() === "script" ? "script in the narrative" : "page code in the narrative",
      `<${match[1]!.toLowerCase()}>`,
      text
    );
  }
  for (const match of body.matchAll(EVENT_HANDLER)) {
    refuse(
      match.index + match[0].length - match[1]!.length - 1,
      "event handler in the narrative",
      `${match[1]!.toLowerCase()}=`,
      NO_HANDLERS
    );
  }
  for (const match of body.matchAll(SCRIPT_URL)) {
    refuse(match.index, "script address in the narrative", "javascript:", "an https: address or a page of the site");
  }
  // A link to the glossary leads to one of its entries (`[KV cache](../glossary#kv-cache)`): a misspelt anchor landed
  // at the top of the glossary and passed validate (breaker).
  for (const match of glossaryAnchors ? body.matchAll(GLOSSARY_TARGET) : []) {
    const anchor = match[1] ?? match[2] ?? "";
    if (glossaryAnchors!.has(anchor)) continue;
    const hint = anchor ? didYouMeanHint(anchor.toLowerCase(), [...glossaryAnchors!]) : undefined;
    errors.push(
      ...(inCode(match.index)
        ? []
        : [
            new UserError({
              file,
              ...locate(body, match.index + match[0].length - anchor.length, bodyLine),
              message: anchor ? `no glossary entry #${anchor}` : "a glossary link without an entry",
              expected: "an entry of the glossary page, as ../glossary#kv-cache",
              found: anchor ? `#${anchor}` : "#",
              ...(hint ? {hint} : {})
            })
          ])
    );
  }
  for (const match of body.matchAll(LOCAL_FILE_LINK)) {
    const target = match[1]!;
    if (/\.html?$/i.test(target)) continue;
    refuse(
      match.index + match[0].length - target.length,
      "a local file in the narrative",
      JSON.stringify(target.length > 80 ? `${target.slice(0, 80)}…` : target),
      "an absolute https: address, or a page of the site (../moat) (a scenario page cannot publish files)"
    );
  }
  for (const match of body.matchAll(LOCAL_SOURCE)) {
    if (inCode(match.index)) continue;
    const target = match[1]!;
    errors.push(
      new UserError({
        file,
        ...locate(body, match.index + match[0].length - target.length, bodyLine),
        message: "a local file in the narrative",
        expected: "an absolute https: address (a scenario page cannot publish files beside the scenario)",
        found: JSON.stringify(target.length > 80 ? `${target.slice(0, 80)}…` : target)
      })
    );
  }
  // Images named in a srcset or a style's url(): local files too (`<img srcset="x.png 1x">` passed validate; breaker).
  const localTarget = (offset: number, target: string) => {
    if (/^(https?:|data:|#|\/\/)/i.test(target)) return;
    refuse(
      offset,
      "a local file in the narrative",
      JSON.stringify(target.length > 80 ? `${target.slice(0, 80)}…` : target),
      "an absolute https: address (a scenario page cannot publish files beside the scenario)"
    );
  };
  for (const match of body.matchAll(SRCSET)) {
    const list = match[2]!;
    let at = match.index + match[0].length - 1 - list.length;
    for (const candidate of list.split(",")) {
      const url = /\S+/.exec(candidate);
      if (url) localTarget(at + url.index, url[0]);
      at += candidate.length + 1;
    }
  }
  for (const match of body.matchAll(STYLE_URL)) {
    localTarget(match.index + match[0].length - match[2]!.length, match[2]!);
  }
  // The narrative as the site renders and a browser parses it (renderedHtml.ts): what the patterns above miss, however
  // it is spelt (character references, a `/` before an attribute, HTML after a line of backticks; breakers), each at
  // the first line of its block that names it. A line the patterns already reported is not reported again.
  const lines = body.split("\n");
  const said = new Set(errors.map((error) => `${error.detail.line}:${error.detail.message}`));
  // Within its block, each problem is looked for after the one before it (three styles in one block at their lines).
  let cursor = {block: -1, line: 0, column: 0};
  for (const part of renderedHtmlProblems(body)) {
    if (cursor.block !== part.line) cursor = {block: part.line, line: part.line, column: 0};
    let line = part.line;
    let column = 1;
    for (let l = cursor.line; l < Math.max(part.endLine, part.line + 1) && l < lines.length; l++) {
      const at = lines[l]!.toLowerCase().indexOf(part.near.toLowerCase(), l === cursor.line ? cursor.column : 0);
      if (at >= 0) {
        line = l;
        column = at + 1;
        cursor = {block: part.line, line: l, column: at + 1};
        break;
      }
    }
    const where = {line: bodyLine + line, column};
    if (said.has(`${where.line}:${part.message}`)) continue;
    said.add(`${where.line}:${part.message}`);
    errors.push(new UserError({file, ...where, message: part.message, expected: part.expected, found: part.found}));
  }
  return errors.sort(
    (a, b) => (a.detail.line ?? 0) - (b.detail.line ?? 0) || (a.detail.column ?? 0) - (b.detail.column ?? 0)
  );
}

/**
 * A narrative for its scenario page (Observable Framework): one line of HTML (narrativeHtml, renderedHtml.ts), rendered
 * and cleaned here so that Framework reads nothing in it, every heading one level down (the page's title is the
 * scenario's), and each live value replaced by `render(target, name, {wordBefore})`, the page code that shows it (a
 * `{{…}}` that names nothing stays as written; narrativeErrors reports it). `wordBefore` is the word written just before
 * the value, lower case ("at" in "paid back at {{metrics.siliconPaybackMonth}}"), or "" for none: a month that does
 * not come reads "no point within the horizon" after "at", as the cards read it elsewhere.
 */
export function narrativePageMarkdown(
  written: string,
  render: (target: LiveValueTarget, name: string, context: {wordBefore: string}) => string,
  /** Ids the page's own headings take, which the narrative's headings must not (an anchor went to the wrong one). */
  reservedIds: ReadonlySet<string> = new Set()
): string {
  // The characters narrativeHtml marks with are not the author's (narrativeErrors refuses them).
  const body = written.replace(PRIVATE_MARKS, "\uFFFD");
  const refs = findLiveValues(body);
  let marked = "";
  let last = 0;
  refs.forEach((ref, n) => {
    marked += body.slice(last, ref.offset) + `${LIVE_OPEN}${n}${LIVE_CLOSE}`;
    last = ref.offset + ref.length;
  });
  marked += body.slice(last);
  const asWritten = (n: number) => body.slice(refs[n]!.offset, refs[n]!.offset + refs[n]!.length);
  const live = (n: number) => {
    const target = liveValueTarget(refs[n]!.name);
    const wordBefore = /([\p{L}\p{N}]+)\s*$/u.exec(body.slice(Math.max(0, refs[n]!.offset - 40), refs[n]!.offset));
    return target
      ? render(target, refs[n]!.name, {wordBefore: wordBefore?.[1]?.toLowerCase() ?? ""})
      : escapeText(asWritten(n));
  };
  return `<div>${narrativeHtml(marked, live, asWritten, reservedIds)}</div>`;
}

/** Text as HTML text, `$` included (Framework reads `${` in HTML as an expression). */
function escapeText(text: string): string {
  return text.replace(/[&<>$]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", $: "&#36;"})[c]!);
}
