import {existsSync, readFileSync} from "node:fs";
import {packageDocsPath} from "./paths.js";

/**
 * The glossary page of token-ledger's own site (docs/glossary.md) for a report project's site: the same terms and
 * anchors, so that a term a scenario page links (NRE, the 90% interval, the crossover: `/glossary#nre`) leads to its
 * entry there too. A link to one of token-ledger's own pages (`[Chapter 2](./training-vs-inference)`), which a project
 * does not have, is reduced to its words; links to other sites are kept.
 *
 * @returns The page's Markdown, front matter first.
 * @throws Error when the package has neither docs/glossary.md nor dist-lib/glossary.md (an incomplete install).
 */
export function glossaryPageMarkdown(): string {
  // This checkout's page, or the copy an installed package ships (build-lib.js).
  const file = packageDocsPath("glossary.md");
  if (!existsSync(file)) throw new Error(`token-ledger's glossary is missing: expected docs/glossary.md or ${file}`);
  return readFileSync(file, "utf8").replace(/\[([^\]]+)\]\((?:\.{1,2})?\/[^)]*\)/g, "$1");
}
