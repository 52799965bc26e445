import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {
  parse,
  parseExpressionAt,
  tokenizer,
  tokTypes,
  type Node,
  type Options,
  type Token,
  type TokenType
} from "acorn";
import {simple} from "acorn-walk";
import {UserError} from "../../errors/userError.js";
import {closestMatch} from "../../errors/suggest.js";
import {displayPath} from "../scenarioFiles.js";

/**
 * How acorn reads a page's code: as a module (top-level await), as Framework 1.13's parseJavaScript does, in the latest
 * ECMAScript acorn knows (Framework's 13 is a subset).
 */
const ACORN: Options = {ecmaVersion: "latest", sourceType: "module"};

/**
 * Each `loadStory(…, "id")` in `code` with the id written out, at the index of the id's first character: the scenario
 * the page reads from the site data. The second argument only, a string or a template without `${`; an id computed at
 * run time is not read. A call's callee is `loadStory` or `….loadStory`; a call commented out is not read (breaker).
 * Code acorn does not parse (a TypeScript or JSX block, which Framework transpiles first, or a syntax error, which
 * Framework shows in the page) is read from its tokens instead (tokenCalls).
 */
function storyCalls(code: string): {id: string; at: number}[] {
  let program: Node;
  try {
    program = parse(code, ACORN);
  } catch (error) {
    if (error instanceof SyntaxError) return tokenCalls(code);
    throw error;
  }
  return callsIn(program);
}

/** The loadStory calls' written-out ids in a syntax tree (see storyCalls), in the order they are written. */
function callsIn(tree: Node): {id: string; at: number}[] {
  const calls: {id: string; at: number}[] = [];
  simple(tree, {
    CallExpression({callee, arguments: [, idArgument]}) {
      const named = callee.type === "MemberExpression" && !callee.computed ? callee.property : callee;
      if (named.type !== "Identifier" || named.name !== "loadStory") return;
      if (idArgument?.type === "Literal" && typeof idArgument.value === "string") {
        calls.push({id: idArgument.value, at: idArgument.start + 1});
      } else if (idArgument?.type === "TemplateLiteral" && idArgument.expressions.length === 0) {
        const {cooked} = idArgument.quasis[0]!.value;
        if (typeof cooked === "string") calls.push({id: cooked, at: idArgument.start + 1});
      }
    }
  });
  return calls.sort((a, b) => a.at - b.at);
}

/**
 * `code`'s tokens as acorn reads them; where it cannot read one (JSX text such as `<p>It's {…}</p>`, an unclosed string
 * in a broken block), read on from the character after the one it names, as a scanner skipping the quote would.
 */
function tokensOf(code: string): {type: TokenType; start: number; value: unknown}[] {
  const tokens: {type: TokenType; start: number; value: unknown}[] = [];
  let from = 0;
  while (from < code.length) {
    const offset = from;
    try {
      // V8 makes a long string's slice a view, not a copy, so reading on costs only what is left to read.
      for (const token of tokenizer(code.slice(offset), ACORN)) {
        // acorn's Token type leaves out the value its tokens have: a name's text, a string's or a template's.
        tokens.push({type: token.type, start: offset + token.start, value: (token as Token & {value: unknown}).value});
      }
      break;
    } catch (error) {
      if (!(error instanceof SyntaxError)) throw error;
      from = offset + (error as SyntaxError & {pos: number}).pos + 1;
    }
  }
  return tokens;
}

const OPENING = new Set([tokTypes.parenL, tokTypes.bracketL, tokTypes.braceL, tokTypes.dollarBraceL]);
const CLOSING = new Set([tokTypes.parenR, tokTypes.bracketR, tokTypes.braceR]);

/**
 * The loadStory calls' written-out ids in code acorn does not parse, read from acorn's tokens (tokensOf: strings,
 * templates, comments and regular expressions read as JavaScript reads them): the token after the comma that ends
 * `loadStory(`'s first argument at its own bracket depth, if a string or a template without `${`.
 */
function tokenCalls(code: string): {id: string; at: number}[] {
  const tokens = tokensOf(code);
  const calls: {id: string; at: number}[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== tokTypes.name || token.value !== "loadStory") return;
    if (tokens[index + 1]?.type !== tokTypes.parenL) return;
    let depth = 0;
    for (let i = index + 2; i < tokens.length; i++) {
      const type = tokens[i]!.type;
      if (OPENING.has(type)) depth++;
      else if (CLOSING.has(type)) {
        if (depth === 0) return;
        depth--;
      } else if (type === tokTypes.comma && depth === 0) {
        const [id, text, close] = tokens.slice(i + 1, i + 4);
        if (id?.type === tokTypes.string) calls.push({id: String(id.value), at: id.start + 1});
        else if (id?.type === tokTypes.backQuote && text?.type === tokTypes.template && close?.type === id.type) {
          calls.push({id: String(text.value), at: text.start});
        }
        return;
      }
    }
  });
  return calls;
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
 * (`${…}`, which Framework runs too: inlineIds), with its 1-based line and column, blocks first. A block acorn does not
 * parse (TypeScript, JSX, a syntax error) is read from its tokens (storyCalls); an inline expression that does not
 * parse is not read. Raises nothing: a syntax error is Framework's to show, in the page.
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
 * Framework 1.13 finds them (its parsePlaceholder), read from the start: not after a backslash, nor in a code span, an
 * HTML comment or the front matter, each parsed as an expression by acorn to the brace that closes it. One that does
 * not parse is not read (Framework shows it as text or as a SyntaxError, and never runs it). An indented code block is
 * read as prose is (Framework runs none there): an id in one is checked all the same.
 */
function inlineIds(lines: readonly string[]): {id: string; line: number; column: number}[] {
  const text = lines.join("\n");
  const frontMatter = /^---[ \t]*\n[\s\S]*?\n---[ \t]*(?=\n|$)/;
  const prose = text.replace(frontMatter, (part) => part.replace(/[^\n]/g, " "));
  const found: {id: string; line: number; column: number}[] = [];
  // The next HTML comment, code span or unescaped `${`: the first to open hides what it holds, as in markdown-it.
  const next = /<!--[\s\S]*?(?:-->|$)|(`+)(?!`)[\s\S]*?[^`]\1(?!`)|(?<!\\)\$\{/g;
  for (let match = next.exec(prose); match; match = next.exec(prose)) {
    if (!match[0].startsWith("${")) continue;
    const start = next.lastIndex;
    let expression: Node;
    try {
      // Parsed from a slice (a view, in V8): acorn started at an index counts the lines before it, each time.
      expression = parseExpressionAt(prose.slice(start), 0, ACORN);
    } catch (error) {
      if (error instanceof SyntaxError) continue;
      throw error;
    }
    CLOSING_BRACE.lastIndex = start + expression.end;
    if (!CLOSING_BRACE.test(prose)) continue;
    next.lastIndex = CLOSING_BRACE.lastIndex;
    for (const {id, at} of callsIn(expression)) found.push({id, ...positionIn(lines, start + at, 0)});
  }
  return found;
}

/** What may close an inline expression after its end: white space and comments, then the brace. */
const CLOSING_BRACE = /(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*\}/y;

/** The loadStory ids in one block whose first line is line `start` + 1 of the page. */
function idsInBlock({start, lines}: {start: number; lines: string[]}): {id: string; line: number; column: number}[] {
  return storyCalls(lines.join("\n")).map(({id, at}) => ({id, ...positionIn(lines, at, start)}));
}

/** The 1-based line and column of index `at` of `lines` joined by line breaks, the first being line `start` + 1. */
function positionIn(lines: readonly string[], at: number, start: number): {line: number; column: number} {
  const before = lines.join("\n").slice(0, at);
  return {line: start + before.split("\n").length, column: at - before.lastIndexOf("\n")};
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
