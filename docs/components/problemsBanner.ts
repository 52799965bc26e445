// The banner every page shows while a data file has errors (observablehq.config.ts puts it in the page header): each
// error as `validate` prints it, so an author sees a broken file on whatever page they are reading. Plain HTML text,
// escaped, with inline styles (the header is outside every page's stylesheets). Framework's header is fixed at the top
// of the window, 2.2rem tall, its content centred: a banner of several lines ran out of it above (its first lines,
// "N errors in FILE", cut off) and below (over the page's title, and over whatever is scrolled under it). While the
// banner is there, its <style> puts the header in the page's flow at the banner's own height instead.
import {escapeHtml} from "./escapeHtml.js";

/** A file in error and its messages, one line each as `validate` prints them. */
export interface BannerProblem {
  file: string;
  messages: readonly string[];
}

/** While the header holds the banner: in the page's flow (not fixed), as tall as the banner, the page below it. */
export const HEADER_WITH_BANNER_CSS =
  "#observablehq-header:has(.site-problems){position:static;display:block;height:auto;margin:0 0 1rem;" +
  "padding:1rem 0 0.5rem}" +
  "#observablehq-header:has(.site-problems)~#observablehq-main{margin-top:1.5rem}";

/** The banner's HTML; "" when there is nothing wrong. */
export function problemsBannerHtml(problems: readonly BannerProblem[]): string {
  if (!problems.length) return "";
  const count = problems.reduce((n, problem) => n + problem.messages.length, 0);
  const files = problems.map((problem) => problem.file);
  const items = problems
    .flatMap((problem) => problem.messages)
    .map((message) => `<li><code style="white-space:pre-wrap;word-break:break-word">${escapeHtml(message)}</code></li>`)
    .join("");
  return (
    `<style>${HEADER_WITH_BANNER_CSS}</style>` +
    `<div class="site-problems" role="alert" data-site-problems="${count}" style="border-left:4px solid #d33;` +
    `background:color-mix(in srgb,#d33 10%,transparent);padding:0.5rem 1rem;margin:0 0 1rem;font-size:0.9em">` +
    `<strong>${count} error${count === 1 ? "" : "s"} in ${escapeHtml(files.join(", "))}</strong>: the pages leave ` +
    `${problems.length === 1 ? "that file" : "those files"} out until ${count === 1 ? "it is" : "they are"} fixed.` +
    `<ul style="margin:0.3rem 0 0">${items}</ul></div>`
  );
}
