// A source as written in a scenario's `sources:`, a schema entry or a catalog cell, with its web addresses as links:
// `Title <https://…>` (the catalogs' form) and a bare https:// address both link, shown by the address's host so that
// a long address does not widen a table (the whole address is the link's title). Anything else stays text: only
// http and https addresses become links, so a source cannot carry a script into the page.

/** The addresses a source links: `<http(s)://…>` (brackets dropped) or a bare http(s) address up to a space. */
const ADDRESS = /<(https?:\/\/[^\s<>]+)>|(https?:\/\/[^\s<>]+[^\s<>.,;:!?)\]'"])/gi;

/**
 * `text` as a fragment of text and links, for a table cell. Input: the source text (may be empty). Output: a
 * DocumentFragment whose anchors have href the address, text its host (and "…" when it has a path), title the
 * address as the browser reads it (without userinfo), and open in a new tab without an opener. Raises nothing: an address the URL parser refuses stays text.
 */
export function SourceText(text: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    let address = match[1] ?? match[2]!;
    let end = match.index! + match[0].length;
    // A bare address keeps a closing parenthesis it opened (Wikipedia's …_(computing)), not a sentence's.
    if (match[2] !== undefined) {
      while (text[end] === ")" && count(address, "(") > count(address, ")")) {
        address += ")";
        end++;
      }
    }
    let url: URL;
    try {
      url = new URL(address);
    } catch {
      continue;
    }
    fragment.append(text.slice(at, match.index));
    const link = document.createElement("a");
    link.href = url.href;
    // Where the link goes, as the browser reads it, without any userinfo (good.com@evil.com goes to evil.com).
    link.title = url.origin + url.pathname + url.search + url.hash;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    const path = url.pathname + url.search + url.hash;
    link.textContent = url.host.replace(/^www\./, "") + (path.length > 1 ? "/…" : "");
    fragment.append(link);
    at = end;
  }
  fragment.append(text.slice(at));
  return fragment;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}
