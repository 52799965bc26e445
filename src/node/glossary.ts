import {existsSync, readFileSync} from "node:fs";
import {packageDocsPath} from "./paths.js";

/**
 * The glossary page of token-ledger's own site (docs/glossary.md) for a report project's site: the same terms and
 * anchors, so that a term a scenario page links (NRE, the 90% interval, the crossover: `/glossary#nre`) leads to its
 * entry there too. Text that is true only on token-ledger's own site (a pointer to one of its chapters or bundled
 * scenarios, which a project does not have) is written in a `<span class="site-only">` and left out; a link to one of
 * the site's pages outside such a span is reduced to its words; links to other sites are kept.
 *
 * @returns The page's Markdown, front matter first.
 * @throws Error when the package has neither docs/glossary.md nor dist-lib/glossary.md (an incomplete install).
 */
export function glossaryPageMarkdown(): string {
  // This checkout's page, or the copy an installed package ships (build-lib.js).
  const file = packageDocsPath("glossary.md");
  if (!existsSync(file)) throw new Error(`token-ledger's glossary is missing: expected docs/glossary.md or ${file}`);
  return readFileSync(file, "utf8")
    .replace(/<span class="site-only">[\s\S]*?<\/span>/g, "")
    .replace(/\[([^\]]+)\]\((?:\.{1,2})?\/[^)]*\)/g, "$1");
}

let anchors: ReadonlySet<string> | null | undefined;

/**
 * The glossary's entries: the ids of docs/glossary.md's rows (`<span id="kv-cache"></span>`), which a scenario
 * narrative's link `../glossary#kv-cache` must name (narrativeErrors). Read once; undefined where the package has no
 * glossary (an incomplete install), so the links go unchecked rather than every one refused.
 */
export function glossaryAnchors(): ReadonlySet<string> | undefined {
  if (anchors === undefined) {
    const file = packageDocsPath("glossary.md");
    anchors = existsSync(file)
      ? new Set([...readFileSync(file, "utf8").matchAll(/<span id="([^"]+)"><\/span>/g)].map((m) => m[1]!))
      : null;
  }
  return anchors ?? undefined;
}
