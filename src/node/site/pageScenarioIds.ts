import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {UserError} from "../../errors/userError.js";
import {closestMatch} from "../../errors/suggest.js";
import {displayPath} from "../scenarioFiles.js";

/**
 * A page's `loadStory(…, "id")` with the id written out as a string: the scenario the page reads from the site data.
 * The second argument only, quoted with ", ' or ` (a template without `${`); an id computed at run time is not read.
 * The first argument may hold any calls, brackets and strings (`loadStory(pick(a, b) ?? f(g(c)), "id")`): it is read
 * to the comma at its own depth, once, so that a long one takes linear time (80,000 characters after "loadStory(" took
 * 11 s with an earlier pattern; breaker).
 */
const LOAD_STORY = /\bloadStory\s*\(/g;

/** The written-out id after a first argument's comma (see LOAD_STORY): white space, then a quoted id. */
const WRITTEN_ID = /\s*(["'`])([^"'`$\n]*)\1/y;

/** Each loadStory call's written-out id in `code` (comments made spaces: withoutComments), at its index. */
function storyCalls(code: string): {id: string; at: number}[] {
  const calls: {id: string; at: number}[] = [];
  for (const match of code.matchAll(LOAD_STORY)) {
    const comma = firstArgumentEnd(code, match.index + match[0].length);
    if (comma === -1) continue;
    WRITTEN_ID.lastIndex = comma + 1;
    const id = WRITTEN_ID.exec(code);
    if (id) calls.push({id: id[2]!, at: WRITTEN_ID.lastIndex - id[2]!.length - 1});
  }
  return calls;
}

/**
 * The index of the comma that ends the first argument of a call whose arguments start at `start` (brackets and
 * strings inside it skipped), or -1 when the call ends or the code does first.
 */
function firstArgumentEnd(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const char = code[i]!;
    if (char === '"' || char === "'" || char === "`") i = stringEnd(code, i);
    else if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === ")" || char === "]" || char === "}") {
      if (depth === 0) return -1;
      depth--;
    } else if (char === "," && depth === 0) return i;
  }
  return -1;
}

/** The index of the quote that closes the string or template opening at `start` (the code's end if none). */
function stringEnd(code: string, start: number): number {
  const quote = code[start]!;
  let i = start + 1;
  while (i < code.length && code[i] !== quote && (quote === "`" || code[i] !== "\n")) i += code[i] === "\\" ? 2 : 1;
  return i;
}

/**
 * A fenced code block Framework runs: ```js, ```ts, ```jsx or ```tsx (echo or not; Framework 1.13's getLiveSource
 * transpiles the last three and runs them), not one marked run=false (in any case, as Framework's isFalse reads it).
 */
const RUN_FENCE =
  /^(`{3,}|~{3,})\s*(?:js|ts|jsx|tsx)(?!\S)(?![^\n]*\b[Rr][Uu][Nn]\s*=\s*[Ff][Aa][Ll][Ss][Ee]\b)[^\n]*$/;

/**
 * Folders of docs/, at any depth, whose Markdown files are not pages: Framework's own (.observablehq, its cache, which
 * Framework 1.13's visitFiles passes by wherever it is). Every other .md file is a page to Framework, in lib/ and
 * components/ too. node_modules is passed by as well, though Framework would build a README there: no package's
 * calls loadStory, and the folder can be large.
 */
const NOT_PAGES = new Set([".observablehq", "node_modules"]);

/**
 * The errors of the site's pages that read a scenario no scenario file gives: `new` writes docs/report.md reading the
 * project's first scenario by id (`loadStory(FileAttachment("./data/site.json"), "my-scenario")`), and a file renamed
 * or removed left that page showing one error in every cell while `build` said "built dist/" and the project's test
 * passed (new-user trial). The id is checked where it is written, in a block or an inline `${…}` Framework runs,
 * before the site is built, as a scenario file's mistakes are.
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
          // Two sentences, the second capitalised after the first's question mark (breaker).
          hint:
            (close ? `did you mean ${close}? If` : "if") +
            " a scenario file was renamed or removed, write its new id here, or the id of another scenario"
        });
      });
  });
}

/**
 * Each loadStory id written out in a page's runnable blocks (RUN_FENCE) and in its Markdown's inline expressions
 * (`${…}`, which Framework runs too: inlineIds), with its 1-based line and column, blocks first.
 */
export function storyIds(text: string): {id: string; line: number; column: number}[] {
  const lines = text.split(/\r?\n/);
  const found: {id: string; line: number; column: number}[] = [];
  // The page's Markdown outside every fence, each fenced line (and its fence) blank, so that positions hold.
  const markdown = [...lines];
  let fence: string | null = null;
  let block: {start: number; lines: string[]} | null = null;
  lines.forEach((line, index) => {
    if (fence === null) {
      const open = RUN_FENCE.exec(line.trim());
      const other = /^(`{3,}|~{3,})/.exec(line.trim());
      if (open || other) markdown[index] = "";
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
      markdown[index] = "";
      return;
    }
    markdown[index] = "";
    block?.lines.push(line);
  });
  return [...found, ...inlineIds(markdown)];
}

/**
 * The loadStory ids in the inline expressions (`${…}`) of a page's Markdown (`lines`, its fenced lines blank), as
 * Framework 1.13 finds them (its parsePlaceholder): not after a backslash, nor in a code span, an HTML comment or the
 * front matter, each to the brace that closes it, strings and templates skipped. An indented code block is read as
 * prose is (Framework runs none there): an id in one is checked all the same.
 */
function inlineIds(lines: readonly string[]): {id: string; line: number; column: number}[] {
  const text = lines.join("\n");
  const blank = (part: string) => part.replace(/[^\n]/g, " ");
  const frontMatter = /^---[ \t]*\n[\s\S]*?\n---[ \t]*(?=\n|$)/;
  const prose = text
    .replace(frontMatter, blank)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
    .replace(/(`+)(?!`)[\s\S]*?[^`]\1(?!`)/g, blank);
  const found: {id: string; line: number; column: number}[] = [];
  for (const match of prose.matchAll(/(?<!\\)\$\{/g)) {
    const start = match.index + 2;
    const end = expressionEnd(prose, start);
    if (end === -1) continue;
    const expression = withoutComments(prose.slice(start, end));
    for (const {id, at} of storyCalls(expression)) found.push({id, ...positionIn(lines, start + at, 0)});
  }
  return found;
}

/** The index of the brace that closes an expression starting at `start` (strings skipped), or -1 for none. */
function expressionEnd(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const char = code[i]!;
    if (char === '"' || char === "'" || char === "`") i = stringEnd(code, i);
    else if (char === "{") depth++;
    else if (char === "}" && depth-- === 0) return i;
  }
  return -1;
}

/** The loadStory ids in one block whose first line is line `start` + 1 of the page. */
function idsInBlock({start, lines}: {start: number; lines: string[]}): {id: string; line: number; column: number}[] {
  return storyCalls(withoutComments(lines.join("\n"))).map(({id, at}) => ({id, ...positionIn(lines, at, start)}));
}

/** The 1-based line and column of index `at` of `lines` joined by line breaks, the first being line `start` + 1. */
function positionIn(lines: readonly string[], at: number, start: number): {line: number; column: number} {
  const before = lines.join("\n").slice(0, at);
  return {line: start + before.split("\n").length, column: at - before.lastIndexOf("\n")};
}

/**
 * `code` with every comment's characters but line breaks made spaces, so a call commented out (`// loadStory(f,
 * "old-id")`, which stopped the build; breaker) is not read, a comment between the arguments does not hide the id, and
 * every position stays where it was. Strings and template literals are skipped whole (`"https://…"` is no comment).
 */
export function withoutComments(code: string): string {
  let out = "";
  let i = 0;
  while (i < code.length) {
    const char = code[i]!;
    const next = code[i + 1];
    if (char === "/" && (next === "/" || next === "*")) {
      const end = next === "/" ? code.indexOf("\n", i) : code.indexOf("*/", i + 2);
      const stop = end === -1 ? code.length : next === "/" ? end : end + 2;
      out += code.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (char === '"' || char === "'" || char === "`") {
      let j = i + 1;
      while (j < code.length && code[j] !== char && (char === "`" || code[j] !== "\n")) j += code[j] === "\\" ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j + 1;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
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
