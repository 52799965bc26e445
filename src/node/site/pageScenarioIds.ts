import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {UserError} from "../../errors/userError.js";
import {closestMatch} from "../../errors/suggest.js";
import {displayPath} from "../scenarioFiles.js";

/**
 * A page's `loadStory(…, "id")` with the id written out as a string: the scenario the page reads from the site data.
 * The second argument only, quoted with ", ' or ` (a template without `${`); an id computed at run time is not read.
 */
const LOAD_STORY = /\bloadStory\s*\(\s*[^,()]*(?:\([^()]*\))?[^,()]*,\s*(["'`])([^"'`$\n]*)\1/g;

/** A fenced code block Framework runs: ```js (echo or not), not one marked run=false. */
const RUN_FENCE = /^(`{3,}|~{3,})\s*js\b(?![^\n]*\brun\s*=\s*false)[^\n]*$/;

/** Folders of docs/ that hold no pages: the library, components, Framework's cache. */
const NOT_PAGES = new Set(["lib", "components", ".observablehq", "node_modules"]);

/**
 * The errors of the site's pages that read a scenario no scenario file gives: `new` writes docs/report.md reading the
 * project's first scenario by id (`loadStory(FileAttachment("./data/site.json"), "my-scenario")`), and a file renamed
 * or removed left that page showing one error in every cell while `build` said "built dist/" and the project's test
 * passed (new-user trial). The id is checked where it is written, in a ```js block Framework runs, before the site is
 * built, as a scenario file's mistakes are.
 *
 * Input: the site's docs folder and the ids the site data holds (the scenario library's). Output: a UserError per
 * unknown id, at its file:line:column, naming the ids there are and the closest one; none for a docs folder that does
 * not exist. Raises nothing else (an unreadable page is Framework's to report).
 */
export function pageScenarioIdErrors(docsDir: string, ids: readonly string[]): UserError[] {
  return pagesIn(docsDir).flatMap((path) => {
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return [];
    }
    return storyIds(text)
      .filter(({id}) => !ids.includes(id))
      .map(({id, line, column}) => {
        const close = closestMatch(id, ids);
        return new UserError({
          file: displayPath(path),
          line,
          column,
          message: "the page reads a scenario no scenario file gives",
          expected: `the id of one of the site's scenarios (${ids.join(", ")})`,
          found: id,
          hint:
            (close ? `did you mean ${close}? ` : "") +
            "a scenario file renamed or removed: write its new id here, or the id of another scenario"
        });
      });
  });
}

/** Each loadStory id written out in a page's runnable ```js blocks, with its 1-based line and column. */
export function storyIds(text: string): {id: string; line: number; column: number}[] {
  const lines = text.split(/\r?\n/);
  const found: {id: string; line: number; column: number}[] = [];
  let fence: string | null = null;
  let block: {start: number; lines: string[]} | null = null;
  lines.forEach((line, index) => {
    if (fence === null) {
      const open = RUN_FENCE.exec(line.trim());
      const other = /^(`{3,}|~{3,})/.exec(line.trim());
      if (open) {
        fence = open[1]!;
        block = {start: index + 1, lines: []};
      } else if (other) {
        fence = other[1]!;
        block = null;
      }
      return;
    }
    if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, "") === "") {
      if (block) found.push(...idsInBlock(block));
      fence = null;
      block = null;
      return;
    }
    block?.lines.push(line);
  });
  return found;
}

/** The loadStory ids in one block whose first line is line `start` + 1 of the page. */
function idsInBlock({start, lines}: {start: number; lines: string[]}): {id: string; line: number; column: number}[] {
  const code = lines.join("\n");
  return [...code.matchAll(LOAD_STORY)].map((match) => {
    const at = match.index + match[0].length - match[2]!.length - 1;
    const before = code.slice(0, at);
    const line = start + before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    return {id: match[2]!, line, column};
  });
}

/** The Markdown pages under `docsDir`, outside the folders that hold none (NOT_PAGES). */
function pagesIn(docsDir: string): string[] {
  if (!existsSync(docsDir)) return [];
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      if (entry.isDirectory()) {
        if (!NOT_PAGES.has(entry.name)) walk(join(dir, entry.name));
      } else if (entry.isFile() && entry.name.endsWith(".md")) pages.push(join(dir, entry.name));
    }
  };
  walk(docsDir);
  return pages.sort();
}
