import MarkdownIt from "markdown-it";
import {parseFragment, type DefaultTreeAdapterMap} from "parse5";

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
  "foreignobject"
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
        expected: text,
        near: name
      });
      continue;
    }
    if (name === "style") {
      const style = styleAsRead(attribute.value);
      const position = /position:(fixed|absolute|sticky)/.exec(style)?.[1];
      if (position !== undefined) {
        // A box taken out of the narrative's flow can cover the site's page (`inset:0`, `100vw`; breaker).
        problems.push({
          line,
          endLine,
          message: "page code in the narrative",
          found: `style position:${position}`,
          expected: text,
          near: "style"
        });
      }
      if (/expression\(|javascript:|vbscript:/.test(style)) {
        problems.push({
          line,
          endLine,
          message: "script address in the narrative",
          found: "style script",
          expected: text,
          near: "style"
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
          near: "style"
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
        near: name
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
        near: name
      });
    }
  }
}

function walk(node: Node, visit: (element: Element) => void): void {
  if ("tagName" in node) visit(node);
  const children = "childNodes" in node ? node.childNodes : [];
  for (const child of children) walk(child, visit);
  // A <template>'s content is a fragment of its own.
  if ("content" in node && node.content) walk(node.content as Node, visit);
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
    walk(parseFragment(html) as unknown as Node, (element) => elementProblems(element, {line, endLine}, problems));
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
  const visit = (node: Node, code: boolean): void => {
    if (node.nodeName === "#text" && code) {
      for (const match of (node as DefaultTreeAdapterMap["textNode"]).value.matchAll(markers)) {
        inCode.add(sorted[Number(match[1])]!);
      }
    }
    const inside = code || node.nodeName === "code";
    for (const child of "childNodes" in node ? node.childNodes : []) visit(child, inside);
  };
  visit(parseFragment(markdown.render(marked)) as unknown as Node, false);
  return inCode;
}
