import slugify from "@sindresorhus/slugify";
import MarkdownIt from "markdown-it";
import {parseFragment, serialize, type DefaultTreeAdapterMap} from "parse5";

/**
 * A narrative read as the site reads it: Markdown rendered by markdown-it with the options Observable Framework
 * gives it (raw HTML on, links found in text, no fuzzy links: @observablehq/framework's createMarkdownIt), and that
 * HTML parsed by parse5, the HTML standard's parsing algorithm, as a browser parses it. What the narrative checks
 * find here is what the built page holds, however the source spells it: character references decoded, tags split
 * over lines, attributes after a `/`, HTML that a line of backticks or a stray quote hid from patterns on the text
 * (breaker). Node only (the loaders and the command line).
 */
const markdown = new MarkdownIt({html: true, linkify: true});
markdown.linkify.set({fuzzyLink: false, fuzzyEmail: false});

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** One element or attribute of the rendered narrative that the site must not publish. */
export interface UnsafePart {
  /** 0-based line of the narrative the block holding it starts on. */
  line: number;
  /** 0-based line one past the block's last. */
  endLine: number;
  message: string;
  /** What was found, as the page would hold it (`<script>`, `onerror=`, `href=javascript:`). */
  found: string;
  expected: string;
  /** Text to look for in the block's source lines to place the error at its column (a tag or attribute name). */
  near: string;
  /** The attribute at fault (its name as parse5 gives it); undefined when the element itself is. */
  attribute?: string;
}

/** Elements that run code, load code or styles, or change the page around the narrative (SVG animation included). */
const PAGE_CODE_TAGS = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "link",
  "meta",
  "base",
  "form",
  "template",
  "portal",
  "animate",
  "set",
  "animatemotion",
  "animatetransform",
  "foreignobject",
  // Elements whose text parse5 writes back raw, and MathML: serialized and parsed again (by Framework, by the browser)
  // text inside them can come back as markup, an <img onerror> out of <math><mtext><table><mglyph><xmp> (breaker).
  "xmp",
  "noembed",
  "noframes",
  "noscript",
  "plaintext",
  "math",
  "mglyph",
  "malignmark"
]);
/** Attributes holding an address (followed or loaded). */
const ADDRESS_ATTRIBUTES = new Set([
  "href",
  "src",
  "srcset",
  "imagesrcset",
  "action",
  "formaction",
  "poster",
  "data",
  "background",
  "ping",
  "cite",
  "longdesc",
  "lowsrc",
  "dynsrc"
]);
/** Attributes whose address the page loads into itself, rather than a link the reader follows. */
const RESOURCE_ATTRIBUTES = new Set([
  "src",
  "srcset",
  "imagesrcset",
  "poster",
  "data",
  "background",
  "lowsrc",
  "dynsrc"
]);
/** Elements whose `href` loads a resource (an SVG image, sprite or filter image). */
const RESOURCE_HREF_TAGS = new Set(["image", "use", "feimage", "link", "script"]);

/** What an event-handler attribute is told (the live-value hint read oddly beside `onerror=`; new-user trial). */
export const NO_HANDLERS =
  "formatting HTML without event handlers (no on…= attribute: the site runs no narrative code)";

const text =
  "Markdown text and formatting HTML; a number in the prose is a live value such as {{metrics.siliconNpvUsd}}";

/** An address as a URL parser reads it: ASCII whitespace and controls dropped, lower case. */
function addressAsRead(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
}

/** A style as CSS reads it: comments dropped, escapes (`\69`, `\i`) decoded, whitespace dropped, lower case. */
function styleAsRead(style: string): string {
  return style
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, "")
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd))
    .replace(/\\(.)/g, "$1")
    .replace(/\s+/g, "")
    .toLowerCase();
}

/**
 * The first declaration of a style (as styleAsRead reads it) that takes its box out of the narrative's flow or moves
 * it over the page around it: a position other than static or relative, an offset or z-index, a transform, or a
 * negative margin; undefined for none.
 */
function boxMovingDeclaration(style: string): string | undefined {
  for (const declaration of style.split(";")) {
    const [property = "", value = ""] = declaration.split(/:(.*)/s);
    if (property === "position" && !/^(static|relative)(!important)?$/.test(value)) return declaration;
    if (/^(inset(-.*)?|top|left|right|bottom|z-index|transform|translate|rotate|scale|offset(-.*)?)$/.test(property)) {
      return declaration;
    }
    // Any minus in a margin (with spaces removed, `calc(0px - 100vh)` reads `0px-100vh`), or a variable that may hold one.
    if (/^margin(-.*)?$/.test(property) && /-|var\(/.test(value)) return declaration;
  }
  return undefined;
}

/** The addresses a `url(…)` or `image-set(…)` of a style names. */
function styleAddresses(style: string): string[] {
  return [...style.matchAll(/(?:url|image-set)\(\s*["']?([^"')\s,]+)/g)].map((match) => match[1]!);
}

function elementProblems(element: Element, block: {line: number; endLine: number}, problems: UnsafePart[]): void {
  const line = block.line;
  const endLine = block.endLine;
  const tag = element.tagName.toLowerCase();
  if (PAGE_CODE_TAGS.has(tag)) {
    problems.push({
      line,
      endLine,
      message: tag === "script" ? "script in the narrative" : "page code in the narrative",
      found: `<${tag}>`,
      expected: text,
      near: `<${element.tagName}`
    });
  }
  for (const attribute of element.attrs) {
    const name = attribute.name.toLowerCase();
    const written = attribute.prefix ? `${attribute.prefix}:${name}` : name;
    if (name.startsWith("on")) {
      problems.push({
        line,
        endLine,
        message: "event handler in the narrative",
        found: `${written}=`,
        expected: NO_HANDLERS,
        near: name,
        attribute: attribute.name
      });
      continue;
    }
    if (name === "style") {
      const style = styleAsRead(attribute.value);
      const moved = boxMovingDeclaration(style);
      if (moved !== undefined) {
        // A box taken out of the narrative's flow, or moved over the page around it, can cover the site's page
        // (`position:fixed;inset:0`, `translate:0 -100vh`, a negative margin; breakers).
        problems.push({
          line,
          endLine,
          message: "page code in the narrative",
          found: `style ${moved}`,
          expected: text,
          near: "style",
          attribute: attribute.name
        });
      }
      if (/expression\(|javascript:|vbscript:/.test(style)) {
        problems.push({
          line,
          endLine,
          message: "script address in the narrative",
          found: "style script",
          expected: text,
          near: "style",
          attribute: attribute.name
        });
      }
      const insecure = styleAddresses(style).find((url) => url.startsWith("http:") || url.startsWith("//"));
      if (insecure !== undefined) {
        problems.push({
          line,
          endLine,
          message: "an insecure or protocol-relative address in the narrative",
          found: `style url(${insecure})`,
          expected: "an absolute https: address",
          near: "style",
          attribute: attribute.name
        });
      }
      continue;
    }
    if (!ADDRESS_ATTRIBUTES.has(name)) continue;
    const read = addressAsRead(attribute.value);
    const scheme =
      /^(javascript|vbscript):/.exec(read)?.[1] ??
      (/(^|,)(javascript|vbscript):/.exec(read) ? "javascript" : undefined);
    if (scheme !== undefined) {
      problems.push({
        line,
        endLine,
        message: "script address in the narrative",
        found: `${written}=${scheme}:`,
        expected: "an https: address or a page of the site",
        near: name,
        attribute: attribute.name
      });
      continue;
    }
    const resource = RESOURCE_ATTRIBUTES.has(name) || (name === "href" && RESOURCE_HREF_TAGS.has(tag));
    if (!resource) continue;
    const addresses = name.endsWith("srcset")
      ? attribute.value.split(",").map((candidate) => addressAsRead(candidate.trim().split(/\s+/)[0] ?? ""))
      : [read];
    if (addresses.some((url) => url.startsWith("http:") || url.startsWith("//"))) {
      problems.push({
        line,
        endLine,
        message: "an insecure or protocol-relative address in the narrative",
        found: `${written}=${JSON.stringify(attribute.value.length > 80 ? `${attribute.value.slice(0, 80)}…` : attribute.value)}`,
        expected: "an absolute https: address",
        near: name,
        attribute: attribute.name
      });
    }
  }
}

/**
 * Every element under `root`, parents before children, without recursion (200,000 nested <div>s overflowed the stack
 * of a recursive walk; breaker). A <template>'s content, a fragment of its own, is walked too.
 */
function elementsOf(root: Node, onCut?: () => void): Element[] {
  const elements: Element[] = [];
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if ("tagName" in node) {
      // Deeper than prose nests (the checks refuse it: MAX_NESTING), cut: parse5's serializer recurses per level.
      if (depth > MAX_NESTING) {
        const parent = node.parentNode as DefaultTreeAdapterMap["parentNode"] | null;
        if (parent) parent.childNodes.splice(parent.childNodes.indexOf(node as never), 1);
        onCut?.();
        continue;
      }
      elements.push(node);
    }
    if ("content" in node && node.content) stack.push([node.content as unknown as Node, depth + 1]);
    const children = "childNodes" in node ? node.childNodes : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, depth + 1]);
  }
  return elements;
}

/** How deep elements may nest in a narrative (a table in a list in a quote is under 10). */
export const MAX_NESTING = 100;

/** Visits every element under `node` (elementsOf); returns whether any was cut for nesting past MAX_NESTING. */
function walk(node: Node, visit: (element: Element) => void): boolean {
  let cut = false;
  for (const element of elementsOf(node, () => (cut = true))) visit(element);
  return cut;
}

/**
 * Every element and attribute of the narrative's rendered HTML that the site must not publish: page code, event
 * handlers, script addresses, resources over plain http: or from //host, styles that take a box out of the flow.
 * Each is placed at the line its block starts on (markdown-it's block map), with the text to look for there.
 *
 * Input: the narrative's Markdown. Output: the problems, in block order. Raises nothing.
 */
export function renderedHtmlProblems(body: string): UnsafePart[] {
  const tokens = markdown.parse(body, {});
  const problems: UnsafePart[] = [];
  for (let i = 0; i < tokens.length;) {
    const start = i;
    let depth = 0;
    do {
      depth += tokens[i]!.nesting;
      i++;
    } while (i < tokens.length && depth > 0);
    const [line, endLine] = tokens[start]!.map ?? [0, 0];
    const html = markdown.renderer.render(tokens.slice(start, i), markdown.options, {});
    const parsed = parseFragment(html);
    const before = problems.length;
    const tooDeep = walk(parsed as unknown as Node, (element) => elementProblems(element, {line, endLine}, problems));
    // Serialized and parsed again, as the page will be: what comes back as markup only then (mXSS) is refused too.
    const found = new Set(problems.slice(before).map((problem) => `${problem.message} ${problem.found}`));
    const again: UnsafePart[] = [];
    walk(parseFragment(serialize(parsed)) as unknown as Node, (element) =>
      elementProblems(element, {line, endLine}, again)
    );
    problems.push(...again.filter((problem) => !found.has(`${problem.message} ${problem.found}`)));
    if (tooDeep) {
      problems.push({
        line,
        endLine,
        message: "elements nested too deeply",
        found: `deeper than ${MAX_NESTING} levels`,
        expected: `at most ${MAX_NESTING} levels of nested elements`,
        near: "<"
      });
    }
  }
  return problems;
}

/** A character no Markdown or HTML rule reads, around a marker's number. */
const MARK_OPEN = "\uE000";
const MARK_CLOSE = "\uE001";

/**
 * Which of `offsets` (into `body`) the site shows as code, as markdown-it reads the narrative: inside a code span, an
 * indented or fenced code block. A marker is put before each offset, the narrative rendered, and each marker found in
 * a text node under a <code> element is in code; a marker anywhere else (text, an attribute, raw HTML), or lost, is
 * not. Patterns on the text took a line of three backticks in a paragraph (```x`) for a fence to the end of the file,
 * and backticks inside raw HTML for a code span, and left `${…}` after them unescaped, to run (breaker).
 *
 * Input: the narrative and offsets of characters in it. Output: the set of those offsets in code. Raises nothing.
 */
export function offsetsInCode(body: string, offsets: readonly number[]): Set<number> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  let marked = "";
  let last = 0;
  sorted.forEach((offset, k) => {
    marked += body.slice(last, offset) + `${MARK_OPEN}${k}${MARK_CLOSE}`;
    last = offset;
  });
  marked += body.slice(last);
  const inCode = new Set<number>();
  const markers = new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, "g");
  for (const code of elementsOf(parseFragment(markdown.render(marked)) as unknown as Node)) {
    if (code.tagName !== "code") continue;
    for (const node of textsUnder(code)) {
      for (const match of node.value.matchAll(markers)) inCode.add(sorted[Number(match[1])]!);
    }
  }
  return inCode;
}

/** The text nodes under `element`, without recursion. */
function textsUnder(element: Element): DefaultTreeAdapterMap["textNode"][] {
  const texts: DefaultTreeAdapterMap["textNode"][] = [];
  const stack: Node[] = [...element.childNodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeName === "#text") texts.push(node as DefaultTreeAdapterMap["textNode"]);
    else if ("childNodes" in node) stack.push(...node.childNodes);
  }
  return texts;
}

/** Stand-ins the HTML serializer leaves alone, for characters written as references after it: `$`, a line break. */
const DOLLAR = "\uE004";
const PRE_BREAK = "\uE005";
/** Around a live value's number in the narrative handed to narrativeHtml. */
export const LIVE_OPEN = "\uE002";
export const LIVE_CLOSE = "\uE003";

/**
 * A narrative as one line of HTML for its page, which the page's Markdown (Observable Framework's markdown-it) passes
 * through as an HTML block and reads nothing in: rendered by markdown-it here, parsed by parse5, with
 *   - what the narrative checks refuse removed (an element, or the attribute at fault: renderedHtmlProblems' rules),
 *     so that a page never holds it even where the checks were not run first;
 *   - every heading one level down (the page's title is the scenario's), h6 staying h6;
 *   - every `$` written `&#36;`, so no `${…}` is an expression of the page, and every line break inside <pre> `&#10;`
 *     and every other one a space, so the block is one line (a blank line would end it and hand the rest back to
 *     Markdown, where a fence runs);
 *   - each live value (LIVE_OPEN n LIVE_CLOSE, from the narrative's `{{…}}` outside code) replaced by `live(n)` in text
 *     and by `literal(n)` inside an attribute.
 * Framework read the narrative as Markdown before, and ran code a check on the text had not seen as code: a js fence
 * in a blockquote or a list, a fence a raw-HTML line of backticks put out of step, `\${` read as a backslash and an
 * expression, `${…}` in a raw <code> (breaker).
 *
 * Input: the narrative's Markdown with live values marked; the page code of live value n, and its text as written.
 * Output: the HTML, one line. Raises nothing.
 */
/** The glossary page as a narrative's link names it: `../glossary`, `/glossary`, `glossary.html` (a pattern's source). */
export const GLOSSARY_PAGE = String.raw`(?:\.{1,2}\/)*\/?glossary(?:\.html)?`;

/** A link to an entry of the site's glossary, relative (`../glossary#kv-cache`) or from the root (`/glossary#nre`). */
const GLOSSARY_LINK = new RegExp(`^${GLOSSARY_PAGE}#[\\w-]+$`);

export function narrativeHtml(
  body: string,
  live: (n: number) => string,
  literal: (n: number) => string,
  reservedIds: ReadonlySet<string> = new Set()
): string {
  const fragment = parseFragment(markdown.render(body));
  const marks = new RegExp(`${LIVE_OPEN}(\\d+)${LIVE_CLOSE}`, "g");
  const ids = new Set(reservedIds);
  const sentinels = (text: string) => text.replaceAll("$", DOLLAR);
  dropComments(fragment as unknown as Node);
  for (const node of fragment.childNodes) {
    if (node.nodeName === "#text") {
      const textNode = node as DefaultTreeAdapterMap["textNode"];
      textNode.value = sentinels(textNode.value);
    }
  }
  for (const element of elementsOf(fragment as unknown as Node)) {
    if (!cleanElement(element)) continue;
    for (const attribute of element.attrs)
      attribute.value = sentinels(attribute.value.replace(marks, (_, n: string) => literal(Number(n))));
    // An id the page's own headings take (the page's anchor went to the narrative's heading; breaker) is dropped.
    element.attrs = element.attrs.filter((attribute) => attribute.name !== "id" || !reservedIds.has(attribute.value));
    // A link to the glossary's entry says where it leads, as the pages' own glossary terms do (glossaryTerm.ts Term).
    const href = element.tagName === "a" ? element.attrs.find((attribute) => attribute.name === "href") : undefined;
    if (href && GLOSSARY_LINK.test(href.value) && !element.attrs.some((attribute) => attribute.name === "title")) {
      element.attrs.push({name: "title", value: "In the glossary"});
    }
    const heading = /^h([1-5])$/.exec(element.tagName);
    if (heading) {
      element.tagName = element.nodeName = `h${Number(heading[1]) + 1}`;
      // The id Framework's Markdown gave a heading (markdown-it-anchor with @sindresorhus/slugify, `-1`, `-2` for a
      // repeat or one of the page's own), so its anchor link and the page's table of contents stay as they were.
      const words = textsUnder(element)
        .map((node) => node.value)
        .join("")
        .replace(marks, "");
      const slug = slugify(words);
      let id = slug;
      for (let n = 1; ids.has(id); n++) id = `${slug}-${n}`;
      ids.add(id);
      if (id && !element.attrs.some((attribute) => attribute.name === "id")) {
        element.attrs.push({name: "id", value: id}, {name: "tabindex", value: "-1"});
      }
    }
    for (const node of element.childNodes) {
      if (node.nodeName !== "#text") continue;
      const textNode = node as DefaultTreeAdapterMap["textNode"];
      textNode.value = sentinels(textNode.value);
    }
  }
  // Line breaks inside <pre> (and its <code>) are kept as &#10;; every other one becomes a space below. A carriage
  // return counts (Framework reads one as a line break: `&#13;&#13;` ended the HTML block; breaker).
  for (const pre of elementsOf(fragment as unknown as Node).filter((element) => element.tagName === "pre")) {
    for (const node of textsUnder(pre)) node.value = node.value.replace(/\r\n?|\n/g, PRE_BREAK);
  }
  // Serialized and parsed again, as Framework and the browser will, until nothing refused comes back: text written
  // back raw can be markup the second time (mXSS; breaker). A narrative that does not settle is not published.
  let html = serialize(fragment);
  for (let pass = 0; ; pass++) {
    const again = parseFragment(html);
    dropComments(again as unknown as Node);
    const changed = elementsOf(again as unknown as Node).filter((element) => !cleanElement(element, true)).length > 0;
    const next = serialize(again);
    if (!changed && next === html) break;
    if (pass === 3) return "";
    html = next;
  }
  return (
    html
      .replace(/\r\n?|\n/g, " ")
      // A `$` left is in a tag or attribute name (`<a ${x}>`): written as a reference, it is no expression.
      .replaceAll("$", "&#36;")
      .replaceAll(DOLLAR, "&#36;")
      .replaceAll(PRE_BREAK, "&#10;")
      .replace(marks, (_, n: string) => live(Number(n)))
  );
}

/** Removes every comment under `root` (a `${` inside one would be left as written; breaker). */
function dropComments(root: Node): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (!("childNodes" in node)) continue;
    node.childNodes = node.childNodes.filter((child) => child.nodeName !== "#comment") as typeof node.childNodes;
    stack.push(...node.childNodes);
    if ("content" in node && node.content) stack.push(node.content as unknown as Node);
  }
}

/**
 * Applies renderedHtmlProblems' rules to one element: removes it when the element itself is refused (returning false),
 * else removes each refused attribute. `report`: return false also when an attribute was removed (a change).
 */
function cleanElement(element: Element, report = false): boolean {
  const problems: UnsafePart[] = [];
  elementProblems(element, {line: 0, endLine: 0}, problems);
  if (problems.some((problem) => problem.attribute === undefined)) {
    const parent = element.parentNode as DefaultTreeAdapterMap["parentNode"] | null;
    if (parent) parent.childNodes.splice(parent.childNodes.indexOf(element as never), 1);
    return false;
  }
  if (problems.length === 0) return true;
  const refused = new Set(problems.map((problem) => problem.attribute));
  element.attrs = element.attrs.filter((attribute) => !refused.has(attribute.name));
  return !report;
}
