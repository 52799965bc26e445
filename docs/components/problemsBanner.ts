// The banner every page shows while a data file has errors (observablehq.config.ts puts it in the page header): each
// error as `validate` prints it, so an author sees a broken file on whatever page they are reading. Plain HTML text,
// escaped, with inline styles (the header is outside every page's stylesheets).
import {escapeHtml} from "./escapeHtml.js";

/** A file in error and its messages, one line each as `validate` prints them. */
export interface BannerProblem {
  file: string;
  messages: readonly string[];
}

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
    `<div class="site-problems" role="alert" data-site-problems="${count}" style="border-left:4px solid #d33;` +
    `background:color-mix(in srgb,#d33 10%,transparent);padding:0.5rem 1rem;margin:0 0 1rem;font-size:0.9em">` +
    `<strong>${count} error${count === 1 ? "" : "s"} in ${escapeHtml(files.join(", "))}</strong>: the pages leave ` +
    `${problems.length === 1 ? "that file" : "those files"} out until ${count === 1 ? "it is" : "they are"} fixed.` +
    `<ul style="margin:0.3rem 0 0">${items}</ul></div>`
  );
}
