import {existsSync, readdirSync, readFileSync} from "node:fs";
import {basename, join, relative, sep} from "node:path";
import {packageDocsPath} from "./paths.js";
import type {UserError} from "../errors/userError.js";
import {checkScenarioFiles} from "./scenarioCheck.js";
import {realPath, scenarioFileId, scenarioFilesIn} from "./scenarioFiles.js";
import {scenarioFileTitle} from "../scenario/file/parseScenario.js";
import {sortScenarioIds} from "../scenario/resolve/scenarioOrder.js";

// The site's navigation, derived from the files: every page in docs/ and one page per scenario file. A config may
// still give its own list; pages it leaves out are added after it, so a new page never goes missing.

/** A page of Framework's navigation. */
export interface SitePage {
  name: string;
  path: string;
}

/** A section of Framework's navigation. */
export interface SiteSection {
  name: string;
  pages: SitePage[];
}

export interface SitePagesOptions {
  /** Framework's source root, relative to the working directory (default "docs"). */
  root?: string;
  /**
   * The config's own list, shown first and as given. Pages found in docs/ that it does not name are appended in a
   * section "More pages"; scenario pages it does not name, in a section "Scenarios".
   */
  explicit?: readonly (SitePage | SiteSection)[];
}

/** The pages of token-ledger's reference a project's docs/ prints (templates/project/docs/), in order, by name. */
const REFERENCE_PAGES: Readonly<Record<string, string>> = {
  "/reference": "Scenario file reference",
  "/glossary": "Glossary"
};

/** Folders of the source root that hold no pages. */
const NOT_PAGES = new Set(["components", "data", "lib", ".observablehq", "node_modules"]);

/**
 * Framework's `pages` for the site under `root`: each Markdown page (`*.md`) and page loader (`*.md.ts`, `*.md.js`)
 * of docs/ except the front page, the 404 page and parameterized routes (`[id].md.ts`), named by its front matter `title:` or
 * first `# ` heading (a page loader by its file name), top-level pages first, then a section per subfolder; then a
 * "Scenarios" section with one page per scenario file (see scenarioPagePaths); then a "Reference" section with
 * /reference ("Scenario file reference") and /glossary, when docs/ has them.
 *
 * @returns The navigation, in Framework's config shape.
 */
export function sitePages(options: SitePagesOptions = {}): (SitePage | SiteSection)[] {
  const root = options.root ?? "docs";
  const found = findPages(root);
  const scenarios: SiteSection = {name: "Scenarios", pages: scenarioPages()};
  if (!options.explicit) {
    // token-ledger's reference pages (a new project's glossary and scenario file reference loaders) go last, in a
    // section of their own, so that "Next page" from the front page is the project's own first page (author trial).
    const reference = Object.keys(REFERENCE_PAGES)
      .filter((path) => found.some((page) => page.path === path))
      .map((path) => ({name: REFERENCE_PAGES[path]!, path}));
    const top = found
      .filter((page) => !page.folder && !(page.path in REFERENCE_PAGES))
      .map(({name, path}) => ({name, path}));
    const folders = [...new Set(found.map((page) => page.folder).filter((folder) => folder))].sort();
    const sections = folders.map((folder) => ({
      name: folder.charAt(0).toUpperCase() + folder.slice(1),
      pages: found.filter((page) => page.folder === folder).map(({name, path}) => ({name, path}))
    }));
    return [
      ...top,
      ...sections,
      ...(scenarios.pages.length ? [scenarios] : []),
      ...(reference.length ? [{name: "Reference", pages: reference}] : [])
    ];
  }
  const named = new Set(options.explicit.flatMap((item) => ("pages" in item ? item.pages : [item]).map((p) => p.path)));
  const more = found.filter((page) => !named.has(page.path)).map(({name, path}) => ({name, path}));
  const moreScenarios = scenarios.pages.filter((page) => !named.has(page.path));
  return [
    ...options.explicit,
    ...(moreScenarios.length ? [{name: "Scenarios", pages: moreScenarios}] : []),
    ...(more.length ? [{name: "More pages", pages: more}] : [])
  ];
}

/**
 * The route of each scenario page, `/scenarios/<file name>`: the project's scenario files (or this package's), in
 * listing order (scenarioOrder.ts), as scenarioPages.
 */
export function scenarioPagePaths(): string[] {
  // One route per id: a.md and a.MD beside it are one page (of their duplicate id error).
  return sortScenarioIds(new Set(scenarioFilesIn().map(scenarioFileId))).map((id) => `/scenarios/${id}`);
}

/**
 * One navigation entry per scenario page, named as a reader knows the scenario and as its page's title names it
 * (scenarioFileTitle): its file's `title:` ("Custom inference ASIC, 9-month design cycle"), also when another key of
 * the file is in error, else its id ("asic-9-months"), or its file's name when the file cannot be read. Framework's
 * sidebar and the previous/next links under each page show this name, in the order the site lists scenarios
 * everywhere (scenarioOrder.ts: base first, then ids in natural order, asic-9-months before asic-24-months).
 */
export function scenarioPages(): SitePage[] {
  const files = new Map(scenarioFilesIn().map((file) => [scenarioFileId(file), file] as const));
  return sortScenarioIds(files.keys()).map((id) => {
    const file = files.get(id)!;
    let name = id;
    try {
      // A symbolic link's id is its target's name, as scenarioSources.ts reads it.
      name = scenarioFileTitle({file, text: readFileSync(file, "utf8"), name: realPath(file)});
    } catch {
      // An unreadable file keeps its file's name; the scenario check reports the file.
    }
    return {name, path: `/scenarios/${id}`};
  });
}

/** The pages under `root`, sorted by route, each with its navigation name and its first-level folder ("" at the top). */
function findPages(root: string): (SitePage & {folder: string})[] {
  if (!existsSync(root)) return [];
  const pages: (SitePage & {folder: string})[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!NOT_PAGES.has(entry.name) && !entry.name.startsWith(".")) walk(path);
        continue;
      }
      const match = /^(.*)\.md(\.(ts|js|mjs))?$/.exec(entry.name);
      if (!match || entry.name.includes("[") || entry.name.startsWith("_")) continue;
      const route = `/${relative(root, join(dir, match[1]!)).split(sep).join("/")}`;
      // The front page has its own link; the 404 page is what a static host shows for an address with no page.
      if (route === "/index" || route === "/404") continue;
      const parts = route.split("/").filter(Boolean);
      pages.push({
        name: match[2]
          ? (REFERENCE_PAGES[route] ?? humanName(match[1]!))
          : (pageTitle(readFileSync(path, "utf8")) ?? humanName(match[1]!)),
        path: route,
        folder: parts.length > 1 ? parts[0]! : ""
      });
    }
  };
  walk(root);
  return pages.sort((a, b) => a.path.localeCompare(b.path));
}

/** A page's title: its front matter's `title:`, else its first `# ` heading; undefined when it has neither. */
function pageTitle(markdown: string): string | undefined {
  return frontMatterTitle(markdown) ?? /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
}

/** The `title:` of a file's front matter, unquoted; undefined when there is none. */
function frontMatterTitle(markdown: string): string | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown)?.[1];
  const title = front && /^title:\s*(.+)$/m.exec(front)?.[1]?.trim();
  return title ? title.replace(/^(["'])(.*)\1$/, "$2") : undefined;
}

/** `token-economics` → "Token economics". */
function humanName(name: string): string {
  const words = name.replace(/[-_]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The package's component stylesheets (docs/components/*.css, or their copies in dist-lib/components/ when
 * installed) as one `<style>` element for a Framework config's `head`: a project's pages get the components' styles
 * and the print styles without copying the files.
 *
 * @param names Stylesheet file names (default: site.css, the screen rules every page needs (the footer's margin),
 *   story.css, scenarioInputs.css, scenarioStyle.css, which styles the share link and the notices of StoryShare (a
 *   project's page showed them unstyled), and print.css last, so that its print rules win over the others' at equal
 *   specificity).
 * @returns HTML of one `<style>` element.
 */
export function componentStyles(
  names: readonly string[] = ["site.css", "story.css", "scenarioInputs.css", "scenarioStyle.css", "print.css"]
): string {
  const dir = packageDocsPath("components");
  return `<style>\n${names.map((name) => readFileSync(join(dir, name), "utf8")).join("\n")}</style>`;
}

/**
 * For a Framework config's `head` (a function of the page): on a page that takes no settings from its link, a script
 * that tells a reader whose link carries `?set=…` that the page shows no change from it. Such links were ignored
 * without a word on the front page (which shows the base case's figures, so a reader took the link as applied), the
 * glossary or the reference, while `token-ledger pdf` refused them (breaker); any other parameter too. Empty for a
 * page that reads its link: a scenario page (/scenarios/…) or a page whose source calls loadStory or applyShareSets, or
 * reads location.search itself (/compare), each of which lists what it could not apply.
 *
 * @param page Framework's argument to a `head` function: the page's path (`/glossary`, `/index` or `/`, `/scenarios/base`).
 * @param root The site's source root (the config's `root`, default docs).
 * @returns HTML: one inline module script (the notice is built as text, never parsed as HTML), or "".
 */
export function ignoredSettingsNotice({path}: {path: string}, root = "docs"): string {
  if (/^\/scenarios\//.test(path)) return "";
  const page = path === "/" || path.endsWith("/") ? `${path}index` : path;
  const source = [".md", ".md.ts", ".md.js"].map((ext) => join(root, `${page}${ext}`)).find((file) => existsSync(file));
  if (source !== undefined && /\b(loadStory|applyShareSets)\(|\blocation\.search\b/.test(readFileSync(source, "utf8")))
    return "";
  return IGNORED_SETTINGS_SCRIPT;
}

// Every parameter of the link, a set= by its value and any other as name=value (`?chip=foo` on /model-accuracy was
// ignored without a word, and `pdf` printed it; breaker).
const IGNORED_SETTINGS_SCRIPT = `<script type="module">
const sets = [...new URLSearchParams(location.search)].map(([name, value]) => (name === "set" ? value : name + "=" + value));
const main = document.getElementById("observablehq-main");
if (sets.length && main) {
  // As the other notices write a found value: control and direction characters escaped (a U+202E turned the sentence
  // round), an empty one as "", a long one cut at 80 characters (whole code points), and at most 5 listed.
  const shown = (set) => {
    const chars = Array.from(set);
    const text = chars.slice(0, 80).join("").replace(/[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff]/g,
      (c) => "\\\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
    return text === "" ? '""' : text + (chars.length > 80 ? "…" : "");
  };
  const listed = sets.slice(0, 5).map(shown).join(", ") + (sets.length > 5 ? " and " + (sets.length - 5) + " more" : "");
  const box = document.createElement("div");
  box.className = "warning";
  box.dataset.notice = "ignored-settings";
  box.setAttribute("role", "status");
  box.textContent = "This page takes no settings, so the link's " + (sets.length === 1 ? "setting" : sets.length + " settings") +
    " (" + listed + ") " + (sets.length === 1 ? "is" : "are") + " not applied here: what it shows is as built. The chapters and the scenario pages apply a link's settings.";
  main.prepend(box);
}
</script>`;

/** A data file in error and its messages, one line each as `validate` prints them (components/problemsBanner.ts). */
export interface DataFileProblem {
  file: string;
  messages: string[];
}

/**
 * Every data file in error (scenario files and catalogs, as `validate` checks them from the working directory: a
 * report project's own and the bundled ones it extends), for a config's `header:` through
 * `problemsBannerHtml(dataFileProblems())` (token-ledger/components/problemsBanner.js), so every page names a broken file
 * until it is fixed. Output: one entry per file, in the order of its first error; [] when nothing is wrong. Errors
 * with no file are listed under "data/".
 */
export function dataFileProblems(): DataFileProblem[] {
  return problemsByFile(checkScenarioFiles().errors);
}

/** `errors` grouped by the file each names ("data/" for none), in the order of each file's first error. */
export function problemsByFile(errors: readonly UserError[]): DataFileProblem[] {
  const byFile = new Map<string, string[]>();
  for (const error of errors) {
    const file = error.detail.file ?? "data/";
    byFile.set(file, [...(byFile.get(file) ?? []), error.message]);
  }
  return [...byFile].map(([file, messages]) => ({file, messages}));
}
