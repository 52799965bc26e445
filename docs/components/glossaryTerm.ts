// A page's first use of a term of the field links to its entry in the glossary (docs/glossary.md), where each row
// carries an anchor: `${Term("nre", "NRE")}` in a page's Markdown or HTML, the words as the sentence writes them.
// test/components/glossaryTerm.test.ts checks that every anchor a page names exists in the glossary.

/** The glossary page, from the site's root (as the footer links it). */
export const GLOSSARY_PATH = "/glossary";

/**
 * The path of the site's root as the page's own links give it: Framework links every page's client module relative
 * to the page (`../_observablehq/client.….js` from /scenarios/base), so the folder above `_observablehq/` is the root,
 * under whatever path the site is served from (a project site on GitHub Pages: `/my-report/`). "/" where no such
 * link is (outside a Framework page). A link Term writes is made in the browser, after Framework has made the page's
 * own links relative, so an absolute `/glossary` led to the host's root on such a site (author trial).
 */
export function siteRootPath(): string {
  const client = document.querySelector<HTMLLinkElement | HTMLScriptElement>(
    'link[href*="_observablehq/client"], script[src*="_observablehq/client"]'
  );
  const url = client ? new URL(client instanceof HTMLLinkElement ? client.href : client.src, document.baseURI) : null;
  const at = url?.pathname.lastIndexOf("/_observablehq/") ?? -1;
  return at >= 0 ? url!.pathname.slice(0, at + 1) : "/";
}

/**
 * A link to the glossary's entry `anchor` (an id in docs/glossary.md, such as "nre" or "kv-cache") showing `text`. It
 * keeps the colour and size of the sentence around it, so a sentence or headline keeps its look and its line breaks,
 * underlined in the links' colour (the theme's --theme-foreground-focus, 6:1 on the light theme's white): it reads as
 * a link, quieter than a body link's coloured words. A grey dotted underline read as an <abbr>, not a link a reader
 * can follow (reader's audit). The underline is 2 px and set off from the letters: at 1× a 1 px line read as a plain
 * dark underline, close to a live value's dotted one (new-user trial). On hover the words take the links' colour
 * (GLOSSARY_TERM_STYLE). Its title says where it leads.
 */
export function Term(anchor: string, text: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = `${siteRootPath()}${GLOSSARY_PATH.slice(1)}#${anchor}`;
  a.className = "glossary-term";
  a.dataset.glossary = anchor;
  a.title = "In the glossary";
  a.textContent = text;
  a.style.color = "inherit";
  a.style.textDecorationLine = "underline";
  a.style.textDecorationStyle = "solid";
  a.style.textDecorationColor = "var(--theme-foreground-focus)";
  a.style.textDecorationThickness = "2px";
  a.style.textUnderlineOffset = "0.22em";
  addGlossaryTermStyle();
  return a;
}

/**
 * A term's hover state, which an inline style cannot give: the words in the links' colour, as the underline. In one
 * <style> of the document's head, added with the first term (a page or a project's page need no style sheet of ours).
 */
export const GLOSSARY_TERM_STYLE =
  "a.glossary-term:hover, a.glossary-term:focus-visible { color: var(--theme-foreground-focus) !important; }";

function addGlossaryTermStyle(): void {
  if (typeof document === "undefined" || document.head.querySelector("style[data-glossary-term]")) return;
  const style = document.createElement("style");
  style.dataset.glossaryTerm = "";
  style.textContent = GLOSSARY_TERM_STYLE;
  document.head.append(style);
}
