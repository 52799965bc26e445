import {distance} from "fastest-levenshtein";
import {closestMatches} from "../lib/errors/suggest.js";

/** A page of the site as the sidebar links it: its path (`/scenarios/base`) and its name ("Base case"). */
export interface SitePage {
  path: string;
  name: string;
}

/**
 * The body of the site's 404 page: which address has no page and, when one is close, the pages it may have meant
 * (Levenshtein distance over the paths, closestMatches in src/errors/suggest.ts; for /scenarios/…, the scenario
 * pages only), so that a mistyped or outdated link says where it went wrong instead of a bare "not found".
 *
 * @param pathname The address asked for (location.pathname, from the site's root); a trailing slash and `.html` are
 *   ignored, and letters compare in any case (a scenario id may have capitals).
 * @param pages The site's pages (the sidebar's links, sitePagesOf): at most three are offered, those within 40% of
 *   the address's length in edits (closestMatch's bound) or whose start it is, give or take a letter; when none is,
 *   those close to one part of the address (`/scenarios/base/extra` offers base).
 * @returns A <div class="not-found"> with the sentence and the links.
 */
export function NotFound(pathname: string, pages: readonly SitePage[]): HTMLElement {
  const shown = safeDecode(pathname);
  const asked = normalPath(shown);
  const scenario = /^\/scenarios\/(.+)$/.exec(asked)?.[1];
  // A scenario's id is compared with the scenario pages' ids, any other address with every page's path.
  const key = (path: string) => (scenario ? path.slice("/scenarios/".length) : path.slice(1));
  const candidates = scenario ? pages.filter((page) => page.path.startsWith("/scenarios/")) : pages;
  const byKey = new Map(candidates.map((page) => [key(page.path), page]));
  const written = key(asked);
  // The pages close to the whole address; else to one of its parts (/scenarios/base/extra, /old/custom-silicon).
  const parts = written.split("/").filter((part) => part !== "" && part !== written);
  const found = [written, ...parts].map((text) => closeTo(text, [...byKey.keys()])).find((list) => list.length) ?? [];
  const close = found.map((candidate) => byKey.get(candidate)!);
  const box = document.createElement("div");
  box.className = "not-found";
  const sentence = box.appendChild(document.createElement("p"));
  sentence.append("There is no page at ", code(shown));
  if (scenario) sentence.append(": no scenario has the id ", code(scenario));
  sentence.append(". ");
  if (close.length === 0) {
    sentence.append(`The ${scenario ? "scenarios" : "pages"} are listed in the sidebar.`);
    return box;
  }
  sentence.append("Did you mean ");
  close.forEach((page, i) => {
    if (i > 0) sentence.append(i === close.length - 1 ? " or " : ", ");
    const link = sentence.appendChild(document.createElement("a"));
    // Relative to the 404 page's <base> (the site's root, wherever the page is served from).
    link.href = page.path.slice(1) || ".";
    link.textContent = page.name;
    sentence.append(" (", code(page.path), ")");
  });
  sentence.append("?");
  return box;
}

/** Up to three of `candidates` within closestMatch's bound of `written` (src/errors/suggest.ts), or that it starts. */
function closeTo(written: string, candidates: readonly string[]): string[] {
  const lower = written.toLowerCase();
  const limit = Math.max(2, Math.floor(written.length * 0.4));
  return closestMatches(written, candidates, 3).filter(
    (candidate) =>
      distance(lower, candidate.toLowerCase()) <= limit ||
      (written.length >= 3 && distance(lower, candidate.slice(0, written.length).toLowerCase()) <= 1)
  );
}

function code(text: string): HTMLElement {
  const element = document.createElement("code");
  element.textContent = text;
  // A long address wraps anywhere: 3,000 characters scrolled a 390 px page 25,000 px sideways (second-round breaker).
  element.style.overflowWrap = "anywhere";
  return element;
}

/**
 * The site's pages from its sidebar's links (Framework's #observablehq-sidebar), named by their text.
 *
 * @param root The document (or an element) holding the sidebar.
 */
export function sitePagesOf(root: ParentNode): SitePage[] {
  const links = root.querySelectorAll<HTMLAnchorElement>("#observablehq-sidebar a[href]");
  return [...links]
    .map((a) => ({path: normalPath(a.pathname), name: (a.textContent ?? "").trim()}))
    .filter((page) => page.name !== "");
}

/** `/scenarios/base.html/` → `/scenarios/base`: the form the sidebar's links and the asked address are compared in. */
function normalPath(pathname: string): string {
  const path = pathname
    .replace(/\/+$/, "")
    .replace(/\.html$/, "")
    .replace(/\/index$/, "");
  return path || "/";
}

/** The address as the reader typed it (`%20` as a space); a malformed escape (`%E0`) is left as written. */
function safeDecode(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
