// A page's first use of a term of the field links to its entry in the glossary (docs/glossary.md), where each row
// carries an anchor: `${Term("nre", "NRE")}` in a page's Markdown or HTML, the words as the sentence writes them.
// test/components/glossaryTerm.test.ts checks that every anchor a page names exists in the glossary.

/** The glossary page, from the site's root (as the footer links it). */
export const GLOSSARY_PATH = "/glossary";

/**
 * A link to the glossary's entry `anchor` (an id in docs/glossary.md, such as "nre" or "kv-cache") showing `text`. It
 * keeps the colour and size of the sentence around it, underlined with dots, so a sentence or headline keeps its look
 * and its line breaks. Its title says where it leads.
 */
export function Term(anchor: string, text: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = `${GLOSSARY_PATH}#${anchor}`;
  a.className = "glossary-term";
  a.dataset.glossary = anchor;
  a.title = "In the glossary";
  a.textContent = text;
  a.style.color = "inherit";
  a.style.textDecorationLine = "underline";
  a.style.textDecorationStyle = "dotted";
  a.style.textUnderlineOffset = "0.15em";
  return a;
}
