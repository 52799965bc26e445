import {decodeHTMLAttribute} from "entities";
import {UserError} from "../../errors/userError.js";
import {codeRanges, liveValueErrors, replaceLiveValues, type LiveValueTarget} from "./liveValues.js";

/**
 * What a scenario's narrative (the Markdown after its front matter) may contain, and how it becomes part of its page.
 *
 * A narrative is Markdown, with inline HTML for formatting. It is text, not page code: `${…}` is shown as written,
 * a fenced code block is shown and never run, and the supported way to put a number in the prose is a live value,
 * `{{metrics.<metric>}}` or `{{<scenario key>}}` (liveValues.ts). Anything that would run or restyle the page is
 * refused: `<script>`, `<style>`, embedded frames and objects, `<link>`, `<meta>`, `<base>`, `<form>`, event-handler
 * attributes (`onload=`, `onerror=`, …), `javascript:` addresses (however their characters are written: attribute
 * values are read with their character references decoded, as the browser reads them) and a style fixed over the
 * window. So are references to local files (an image or a document beside the scenario), which the site cannot
 * publish, and images loaded over plain `http:` or from a protocol-relative `//host`; an image or link to an absolute
 * `https:` address, a link to another page of the site (`../moat`) and a `#fragment` are fine.
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

/** An HTML tag with its attributes: `<a href="…" target=_self>`. */
const TAG = /<([a-z][a-z0-9:-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
/** One attribute of a tag: its name and its value, quoted or bare. */
const ATTRIBUTE = /([^\s"'>\/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;
/** Attributes that load a resource into the page (not a link the reader follows). */
const RESOURCE_ATTRIBUTES = new Set(["src", "srcset", "imagesrcset", "poster", "data", "background"]);

/**
 * An attribute value as the browser reads it: character references decoded (`java&#x73;cript:` is `javascript:`, which
 * the patterns above, reading the text as written, let through to a working link; breaker), control characters and
 * spaces a URL parser drops removed, lower case.
 */
function attributeAsRead(value: string): string {
  // eslint-disable-next-line no-control-regex
  return decodeHTMLAttribute(value)
    .replace(/[\u0000-\u0020\u007f]/g, "")
    .toLowerCase();
}

function locate(body: string, offset: number, bodyLine: number): {line: number; column: number} {
  const before = body.slice(0, offset);
  return {line: bodyLine + before.split("\n").length - 1, column: offset - (before.lastIndexOf("\n") + 1) + 1};
}

/**
 * Every problem of a narrative the site would reject or run: unknown live values, `<script>` tags and references to
 * local files, each located by file, 1-based line and column (`bodyLine` is the file line the body starts on).
 */
export function narrativeErrors(scenario: {file: string; body: string; bodyLine: number}): UserError[] {
  const {file, body, bodyLine} = scenario;
  const code = codeRanges(body);
  const inCode = (offset: number) => code.some(([start, end]) => offset >= start && offset < end);
  const errors = liveValueErrors(scenario);
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
      text
    );
  }
  for (const match of body.matchAll(SCRIPT_URL)) {
    refuse(match.index, "script address in the narrative", "javascript:", "an https: address or a page of the site");
  }
  // Every tag's attributes as the browser reads them: a script address however written, and a resource loaded over
  // plain http: or from a protocol-relative `//host` (the reference allows https: only: a page built from the
  // scenario would ask another host over http; breaker). What the patterns above found is not said twice.
  const said = new Set(errors.map((error) => `${error.detail.line}:${error.detail.column}`));
  for (const tag of body.matchAll(TAG)) {
    const attributes = tag[2]!;
    const tagName = tag[1]!.toLowerCase();
    for (const attribute of attributes.matchAll(ATTRIBUTE)) {
      const name = attribute[1]!.toLowerCase();
      const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? "";
      const read = attributeAsRead(value);
      const offset = tag.index + 1 + tag[1]!.length + attribute.index;
      const where = locate(body, offset, bodyLine);
      if (said.has(`${where.line}:${where.column}`) || inCode(offset)) continue;
      const scheme = /^(javascript|vbscript):/.exec(read)?.[1];
      const resource =
        RESOURCE_ATTRIBUTES.has(name) || (name.endsWith("href") && ["image", "use", "link"].includes(tagName));
      const plain = resource && (name.endsWith("srcset") ? read.split(",").map((c) => c.trim()) : [read]);
      if (name === "style" && /position:fixed/.test(read)) {
        // A box fixed over the viewport covers the site's own page (`inset:0`: the whole window; breaker).
        refuse(offset, "page code in the narrative", "style position:fixed", text);
      } else if (scheme !== undefined) {
        refuse(
          offset,
          "script address in the narrative",
          `${name}=${scheme}:`,
          "an https: address or a page of the site"
        );
      } else if (plain && plain.some((url) => url.startsWith("http:") || url.startsWith("//"))) {
        refuse(
          offset,
          "an insecure or protocol-relative address in the narrative",
          `${name}=${JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)}`,
          "an absolute https: address"
        );
      }
    }
  }
  // A Markdown image over plain http: or from `//host` (![x](http://…)), as for an <img src> above.
  for (const match of body.matchAll(/!\[[^\]]*\]\(\s*<?((?:http:|\/\/)[^\s)>]*)/gi)) {
    refuse(
      match.index + match[0].length - match[1]!.length,
      "an insecure or protocol-relative address in the narrative",
      JSON.stringify(match[1]!.length > 80 ? `${match[1]!.slice(0, 80)}…` : match[1]!),
      "an absolute https: address"
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
  return errors.sort(
    (a, b) => (a.detail.line ?? 0) - (b.detail.line ?? 0) || (a.detail.column ?? 0) - (b.detail.column ?? 0)
  );
}

/**
 * A narrative as Markdown for its scenario page (Observable Framework): every ATX heading one level down (the page's
 * title is the scenario's), `${` escaped so Framework shows it as text, fenced code blocks marked `run=false` so they
 * are shown and never run, and each live value replaced by `render(target, name)`, the page code that shows it.
 */
export function narrativePageMarkdown(body: string, render: (target: LiveValueTarget, name: string) => string): string {
  const code = codeRanges(body);
  // Escape `${` outside code first (offsets are those of the original body), then replace the live values.
  let escaped = "";
  let last = 0;
  for (const match of body.matchAll(/\$\{/g)) {
    if (code.some(([start, end]) => match.index >= start && match.index < end)) continue;
    escaped += body.slice(last, match.index) + "\\${";
    last = match.index + 2;
  }
  escaped += body.slice(last);
  return narrativeBlocks(replaceLiveValues(escaped, render));
}

/**
 * Markdown with every ATX heading one level down (`# A` → `## A`, at most `######`) and every fenced code block's
 * info string given `run=false`, outside fenced code blocks.
 */
export function narrativeBlocks(markdown: string): string {
  let fence: string | null = null;
  return markdown
    .split("\n")
    .map((line) => {
      const opening = /^(\s{0,3})(`{3,}|~{3,})(.*)$/.exec(line);
      if (opening) {
        const marker = opening[2]!;
        if (fence === null) {
          fence = marker;
          const info = opening[3]!.trim();
          return info === "" ? line : `${opening[1]}${marker}${info} run=false`;
        }
        if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return line;
      }
      if (fence === null && /^\s{0,3}#{1,5}(\s|$)/.test(line)) return line.replace("#", "##");
      return line;
    })
    .join("\n");
}
