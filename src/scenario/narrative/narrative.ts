import {UserError} from "../../errors/userError.js";
import {codeRanges, liveValueErrors, replaceLiveValues, type LiveValueTarget} from "./liveValues.js";

/**
 * What a scenario's narrative (the Markdown after its front matter) may contain, and how it becomes part of its page.
 *
 * A narrative is Markdown, with inline HTML for formatting. It is text, not page code: `${…}` is shown as written,
 * a fenced code block is shown and never run, and the supported way to put a number in the prose is a live value,
 * `{{metrics.<metric>}}` or `{{<scenario key>}}` (liveValues.ts). Scripts and references to local files (an image
 * beside the scenario) are refused, because the site cannot publish them; an image or link to an absolute `https:`
 * address is fine.
 */

/** An attribute or Markdown target that points at a local file: not http(s):, mailto:, data:, a #fragment or a page. */
const LOCAL_SOURCE =
  /(?:<(?:img|source|video|audio|iframe|embed|object|link)\b[^>]*?\s(?:src|href|data)\s*=\s*["']?|!\[[^\]]*\]\()\s*(?!https?:|data:|#|mailto:)([^"'\s)>]+)/gi;
const SCRIPT = /<script\b/gi;

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
  for (const match of body.matchAll(SCRIPT)) {
    if (inCode(match.index)) continue;
    errors.push(
      new UserError({
        file,
        ...locate(body, match.index, bodyLine),
        message: "script in the narrative",
        expected: "Markdown text; a number in the prose is a live value such as {{metrics.siliconNpvUsd}}",
        found: "<script>"
      })
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
