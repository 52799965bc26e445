// What a report project's pages must not say: the chapters, pages and bundled scenarios of token-ledger's own site,
// which a project does not have (an author's trial found "Chapter 2's base case" and "/compare's legends" there).
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {REPO_ROOT} from "./projectCopy.js";

/** This site's pages that a project has no page of (a project has a glossary and a reference page too). */
const SITE_PAGES = readdirSync(join(REPO_ROOT, "docs"))
  .filter((name) => name.endsWith(".md"))
  .map((name) => name.slice(0, -".md".length))
  .filter((name) => !["index", "glossary", "reference"].includes(name));

/** The bundled scenarios but base, which a project's example scenario extends. */
const SITE_SCENARIOS = readdirSync(join(REPO_ROOT, "data/scenarios"))
  .map((name) => name.slice(0, -".md".length))
  .filter((id) => id !== "base");

const MENTION = new RegExp(
  [
    `(?:\\.{1,2})?/(?:${SITE_PAGES.join("|")})\\b`,
    `\\b(?:${SITE_SCENARIOS.join("|")})\\b`,
    "\\bchapters?\\b",
    "\\bthe story\\b",
    "\\bstory's\\b",
    "\\b\\d+- and \\d+-month scenarios\\b"
  ].join("|"),
  "gi"
);

/** Each mention of one of this site's pages, chapters or bundled scenarios (but base) in `text`. */
export function siteMentions(text: string): string[] {
  return [...text.matchAll(MENTION)].map((match) => match[0]);
}
