import {isAlias, isMap, isScalar, LineCounter, parseDocument, type Document, type YAMLMap} from "yaml";
import {UserError, UserErrors, type UserErrorLocation} from "../../errors/userError.js";
import {nulError, strayFound} from "../../errors/nulByte.js";
import {truncate} from "../../errors/truncate.js";
import {foundAt, readValue, throughAlias, writtenValue, type ScenarioValue, type ValueSite} from "./readValue.js";
import {
  groupKeyPaths,
  isReservedKey,
  isScenarioGroup,
  RESERVED_KEYS,
  SCENARIO_LABEL_MAX_CHARS,
  SCENARIO_GROUPS,
  SCENARIO_KEY_PATHS,
  scenarioKey,
  type ScenarioKeyDef
} from "./schema.js";
import {didYouMean} from "../../errors/suggest.js";
import {displayTextProblem, visibleLength} from "../../errors/displayText.js";
import {duplicateKeys, unanchoredAliases} from "./yamlKeys.js";
import {dashAfterKeyError, isDashAfterKey} from "./dashAfterKey.js";
import {secondFrontMatterError} from "./secondFrontMatter.js";
import {groupThousands} from "../../units/groupThousands.js";
import {capErrors, MAX_ERRORS_PER_FILE} from "../../errors/capErrors.js";
import {addNullWordHint, isExplicitNull, UNSET_WORD, writtenNull} from "./explicitNull.js";

/** A scenario file as the caller read it: the name to report in errors, and its text. */
export interface ScenarioText {
  /** The file as the user would name it (`data/scenarios/base.md`); its base name is the default id. */
  file: string;
  text: string;
  /**
   * The file's own name when `file` is a symbolic link to it (`k.md` for `k2.md` → `k.md`): its base name is then the
   * default id, so a file has one id whichever link names it.
   */
  name?: string;
  /**
   * The catalogs' ids, for an id key's hint to offer only one of them (`serving.hardware: H100` was offered h100, no
   * id; breaker), as `--set` does (ValueSite's catalogIds); without them, an id's lowercase form is offered.
   */
  catalogIds?: ValueSite["catalogIds"];
}

/** A place in a scenario file; line and column are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** One assumption a file sets. */
export interface ParsedValue {
  path: string;
  /** In the key's base unit; see ScenarioValue. */
  value: ScenarioValue;
  /**
   * The value as the reader sees it (`700 W`, `0.5 to 0.8`): a text without the file's quotes, an alias as the value it
   * stands for (writtenValue).
   */
  written: string;
  /** Where the value starts. */
  position: SourcePosition;
}

/**
 * A key a file takes back to its default with `null` (or `~`): it has the value it would have with no file setting
 * it, whatever the file's ancestors set (resolveScenario).
 */
export interface UnsetKey {
  path: string;
  /** The word as written: `null`, `~`, `Null`, … */
  written: string;
  /** Where the word starts. */
  position: SourcePosition;
}

/** A `sources:` entry: where the file's value of a key comes from. */
export interface ParsedSource {
  text: string;
  position: SourcePosition;
}

/** One scenario file, checked but not yet combined with its parents or the defaults. */
export interface ParsedScenario {
  file: string;
  /** From `id:`, else the file's base name without its extension. */
  id: string;
  /** Where the id is written: the `id:` value, else line 1 (the id is the file's name). */
  idPosition: SourcePosition;
  title: string | undefined;
  /** From `label:` (a short name for charts), at most SCENARIO_LABEL_MAX_CHARS characters. */
  label: string | undefined;
  description: string | undefined;
  /** The parent named by `extends:`, and where the `extends` is. */
  extends: {id: string; position: SourcePosition} | undefined;
  /** Assumptions set in this file, by key path, in file order. */
  values: Record<string, ParsedValue>;
  /** Keys this file takes back to their defaults (`serving.kvCache: null`), by key path; none is in `values`. */
  unset: Record<string, UnsetKey>;
  /** Sources given in this file, by key path. */
  sources: Record<string, ParsedSource>;
  /** The Markdown narrative after the front matter. */
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
}

/** Scenario ids (and `extends` targets): ASCII letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
export const SCENARIO_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** SCENARIO_ID_PATTERN in words, as errors give it. */
export const SCENARIO_ID_RULE =
  "an id of ASCII letters a–z, A–Z, digits, `.`, `_` and `-`, starting with a letter or digit, like base-2025";

const FENCE = "---";
const RESERVED_LIST = RESERVED_KEYS.map((reserved) => reserved.key).join(", ");

/** Index of the line closing the front matter (`---` or `...` after the opening `---`), or -1. */
function frontMatterEnd(lines: readonly string[]): number {
  return lines.findIndex((line, i) => i > 0 && (line.trimEnd() === FENCE || line.trimEnd() === "..."));
}

/**
 * The Markdown body of a scenario file's text and the 1-based line it starts on, read even when the front matter
 * has errors; undefined when there is no closed front matter.
 */
export function scenarioBody(text: string): {body: string; bodyLine: number} | undefined {
  const parts = scenarioParts(text);
  return parts && {body: parts.lines.slice(parts.close + 1).join("\n"), bodyLine: parts.close + 2};
}

/** The YAML text of a scenario file's front matter, between its fences, unparsed; undefined when none is closed. */
export function scenarioFrontMatterText(text: string): string | undefined {
  const parts = scenarioParts(text);
  return parts && parts.lines.slice(1, parts.close).join("\n");
}

/** A scenario file's lines (byte-order mark dropped) and the index of the line closing its front matter. */
function scenarioParts(text: string): {lines: string[]; close: number} | undefined {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  if ((lines[0] ?? "").trimEnd() !== FENCE) return undefined;
  const close = frontMatterEnd(lines);
  return close < 0 ? undefined : {lines, close};
}

/**
 * Parses and checks one scenario file: YAML front matter between `---` lines, then a Markdown body. Every problem in
 * the file is collected and thrown together as UserErrors (file, line, column, key path, expected, found); it throws
 * nothing else for any input text.
 */
export function parseScenario({file, text, name, catalogIds}: ScenarioText): ParsedScenario {
  // A byte-order mark (or several, from an editor that added one to a file that had one) is not content.
  const content = text.replace(/^\uFEFF+/, "");
  const lines = content.split(/\r?\n/);
  const at = (line: number, column = 1): UserErrorLocation => ({file, line, column});
  const first = lines[0] ?? "";
  const nul = nulError(content, at);
  if (nul) throw new UserErrors([nul]);
  const strayReturn = loneReturnError(content, at);
  if (strayReturn) throw new UserErrors([strayReturn]);
  const bom = innerBomError(lines, at);
  if (bom) throw new UserErrors([bom]);
  if (first.trimEnd() !== FENCE) {
    throw new UserErrors([
      new UserError({
        ...at(1),
        message: "missing front matter",
        expected: "a first line `---` opening the YAML front matter",
        found: text.trim() === "" ? "an empty file" : truncate(lines[0] ?? "")
      })
    ]);
  }
  const close = frontMatterEnd(lines);
  if (close < 0) {
    throw new UserErrors([
      new UserError({
        ...at(1),
        message: "front matter is not closed",
        expected: "a line `---` after the assumptions",
        found: "the end of the file"
      })
    ]);
  }
  const tooLong = frontMatterTooLong(file, lines, close);
  if (tooLong) throw new UserErrors([tooLong]);
  const yamlText = lines.slice(1, close).join("\n");
  const lineCounter = new LineCounter();
  // uniqueKeys: false: the yaml package's own check is quadratic in a map's size; duplicateKeys below is linear.
  const doc = parseDocument(yamlText, {lineCounter, prettyErrors: false, keepSourceTokens: false, uniqueKeys: false});
  const position = (offset: number): SourcePosition => {
    const {line, col} = lineCounter.linePos(Math.max(0, Math.min(offset, yamlText.length)));
    return {file, line: line + 1, column: col};
  };
  const errors: UserError[] = [];

  // Malformed YAML: report every syntax problem. Duplicate keys are still well-formed enough to check the rest.
  const reported = new Set<string>();
  // A dash after a key's colon (`hardware: -`): one error at the dash, naming the key, in place of the yaml package's
  // words and of the problem it gives after it on the same line (dashAfterKey.ts).
  const dashLines = new Set<number>();
  for (const problem of doc.errors) {
    if (!isDashAfterKey(problem)) continue;
    const where = position(problem.pos[0]);
    const error = dashLines.has(where.line) ? undefined : dashAfterKeyError(file, lines, where.line, where.column);
    if (!error) continue;
    dashLines.add(where.line);
    errors.push(error);
  }
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const where = position(problem.pos[0]);
    if (dashLines.has(where.line)) continue;
    // A line indented further than the key above it reads to the yaml package as a key running over two lines, which it
    // reported twice, at the line above, in its own words ("Nested mappings are not allowed in compact mappings",
    // "Implicit keys need to be on a single line"; author trial): one error at the line that is indented too far.
    const indented = IMPLICIT_KEY_CODES.has(problem.code) ? overIndentedLine(lines, where.line) : undefined;
    if (indented) {
      const key = `${indented.line}:indent`;
      if (reported.has(key)) continue;
      reported.add(key);
      errors.push(
        new UserError({
          file,
          line: indented.line,
          column: indented.column,
          message: "malformed YAML: indented further than the key above it",
          expected: `a key at column ${indented.keyColumn}, as on line ${where.line} (or a value after a key's colon)`,
          found: truncate(lines[indented.line - 1]!.trim())
        })
      );
      continue;
    }
    errors.push(
      new UserError({
        ...where,
        message: `malformed YAML: ${yamlProblemWords(problem.message.split("\n")[0] ?? problem.code)}`,
        expected: "valid YAML front matter",
        found: truncate(lines[where.line - 1] ?? "") || "an empty line"
      })
    );
  }
  if (doc.errors.length) {
    // The id, where the map the parser recovered still gives one: a scenario extending this file then hears of its
    // errors, not of an unknown id (a sibling parent.md with `id: my-parent` and an unclosed `[` left its child with
    // "unknown scenario … found my-parent").
    throw Object.assign(new UserErrors(capErrors(errors, file)), {
      partial: recoveredIdOnly(doc, file, lines, close, position)
    });
  }
  // Duplicate keys are still well-formed enough to check the rest. They are reported after the keys are read, and
  // only where no other error is: a scenario key set twice is the walk's "key set twice" (walkKeys), an unknown key
  // set twice its "unknown key"; one place, one error.
  const duplicates = duplicateKeys(doc).map(
    (duplicate) =>
      new UserError({
        ...position(duplicate.node.range?.[0] ?? 0),
        path: truncate(duplicate.path),
        message: "key set twice",
        expected: "each key once",
        found: `${truncate(duplicate.path)} again`,
        hint: `first set on line ${position(duplicate.first.range?.[0] ?? 0).line}`
      })
  );

  const site = yamlSite(doc, yamlText, position, errors, file);
  if (catalogIds !== undefined) site.catalogIds = catalogIds;
  const scenario = emptyScenario(file, defaultId(name ?? file), lines, close);

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) errors.push(...fileNameIdErrors(scenario, name));
  else {
    if (!isMap(root)) {
      errors.push(
        new UserError({
          ...site.locate(root),
          message: "front matter is not a map",
          expected: "`key: value` lines",
          found: truncate(site.text(root))
        })
      );
    } else {
      readTopLevel(root as YAMLMap, scenario, site);
      if (!hasIdKey(root as YAMLMap)) errors.push(...fileNameIdErrors(scenario, name));
      // A key whose value is in error is already reported; its source is not a second problem.
      const failed = new Set(errors.map((error) => error.detail.path));
      errors.push(
        ...unsetSourceErrors(scenario).filter((error) => !failed.has(error.detail.path?.slice("sources.".length)))
      );
    }
  }
  // An alias with no anchor before it: one error at the alias, in place of what its key made of nothing.
  const unanchored = unanchoredAliasErrors(doc, site);
  const aliasAt = new Set(unanchored.map((error) => `${error.detail.line}:${error.detail.column}`));
  errors.splice(0, errors.length, ...errors.filter((e) => !aliasAt.has(`${e.detail.line}:${e.detail.column}`)));
  errors.push(...unanchored);
  // An `id:` that is no id (or a file name that is none): the partial's id is then the file's name, which is not what
  // the author meant, so it must give no id (partialIdInError).
  const idInError = errors.some((error) => error.detail.path === "id");
  const placed = new Set(errors.map((error) => `${error.detail.line}:${error.detail.column}`));
  errors.push(...duplicates.filter((error) => !placed.has(`${error.detail.line}:${error.detail.column}`)));
  // Assumptions in a second `---` block below were read as a rule and a heading of the narrative (breaker).
  const second = secondFrontMatterError(file, lines, close);
  if (second) errors.push(second);
  if (errors.length) {
    // What was read without error goes with the errors: `validate` still checks its catalog ids (scenarioCheck.ts).
    throw Object.assign(new UserErrors(capErrors(sortErrors(errors), file)), {
      partial: withoutErrors(scenario, errors),
      idInError
    });
  }
  return scenario;
}

/**
 * The errors for aliases (`*a`) that name no anchor (`&a`) before them, at each alias: the yaml package reads one as
 * nothing, without an error, and its key said "found nothing (*a)" (breaker). An anchor after the alias is named.
 */
function unanchoredAliasErrors(doc: Document, site: YamlSite): UserError[] {
  return unanchoredAliases(doc).map(({node, path, later}) => {
    const name = node.source;
    return new UserError({
      ...site.position(node),
      ...(path ? {path: truncate(path)} : {}),
      message: "alias without an anchor",
      expected: `an anchor &${name}`,
      found: `*${name}, and no anchor &${name} before it`,
      ...(later
        ? {hint: `&${name} is on line ${site.anchorAt!(later).line}, after it: move the anchor above the alias`}
        : {})
    });
  });
}

/**
 * The yaml package's message in words a scenario's author reads: its parser's stack overflow on lists or maps nested
 * thousands deep read "Maximum call stack size exceeded", the engine's words (breaker).
 */
function yamlProblemWords(message: string): string {
  return /^Maximum call stack size exceeded/.test(message) ? "lists or maps nested too deeply" : message;
}

/** The yaml package's codes for a key that runs over lines: what an over-indented line under a key looks like. */
const IMPLICIT_KEY_CODES = new Set(["BLOCK_AS_IMPLICIT_KEY", "MULTILINE_IMPLICIT_KEY"]);

/**
 * The next non-empty line after `keyLine` (1-based file lines of `lines`) when it is indented further than line
 * `keyLine`, with its 1-based column and the key line's; undefined when it is not.
 */
function overIndentedLine(
  lines: readonly string[],
  keyLine: number
): {line: number; column: number; keyColumn: number} | undefined {
  const indent = (text: string) => text.length - text.trimStart().length;
  const keyIndent = indent(lines[keyLine - 1] ?? "");
  let line = keyLine + 1;
  while (line <= lines.length && !lines[line - 1]!.trim()) line++;
  const text = lines[line - 1];
  if (text === undefined || text.trim() === "---" || indent(text) <= keyIndent) return undefined;
  return {line, column: indent(text) + 1, keyColumn: keyIndent + 1};
}

/**
 * A file with malformed YAML as a scenario of its id alone (no values), when the map the yaml package recovered has a
 * top-level `id:` of the id rule's form; undefined when it has none, so that the file's name stands in as before.
 */
function recoveredIdOnly(
  doc: Document,
  file: string,
  lines: readonly string[],
  close: number,
  position: (offset: number) => SourcePosition
) {
  const root = doc.contents;
  if (!isMap(root)) return undefined;
  const node = (root as YAMLMap).get("id", true) as {value?: unknown; range?: [number, number, number]} | undefined;
  const id = node?.value;
  if (typeof id !== "string" || !SCENARIO_ID_PATTERN.test(id)) return undefined;
  // At its `id:` value, as a duplicate-id error names where a file sets its id.
  return {...emptyScenario(file, id, lines, close), idPosition: position(node?.range?.[0] ?? 0)};
}

/** A scenario of `id` that sets nothing yet, its narrative the lines after the front matter's closing line `close`. */
function emptyScenario(file: string, id: string, lines: readonly string[], close: number): ParsedScenario {
  return {
    file,
    id,
    idPosition: {file, line: 1, column: 1},
    title: undefined,
    label: undefined,
    description: undefined,
    extends: undefined,
    values: {},
    unset: {},
    sources: {},
    body: lines.slice(close + 1).join("\n"),
    bodyLine: close + 2
  };
}

/**
 * The error for a carriage return not followed by a line feed (CR alone) in a scenario file's text, at the first one;
 * undefined when there is none. Lines are counted at LF, as every other error of the file counts them (CRLF is LF).
 * Before the front matter is read: a file whose lines end in CR alone, as classic Mac OS saved them, read "missing
 * front matter … found "---\rtitle: x\r---"" (breaker), and one stray CR read as a line break by YAML but not by the
 * fences: `extends: base\rserving:` was "malformed YAML: indented further than the key above it", a CR before the
 * closing `---` "front matter is not closed".
 */
function loneReturnError(
  text: string,
  at: (line: number, column?: number) => UserErrorLocation
): UserError | undefined {
  const returns = [...text.matchAll(/\r(?!\n)/g)].map((match) => match.index);
  if (returns.length === 0) return undefined;
  const hint = "save the file with LF or CRLF line endings";
  if (!text.includes("\n")) {
    return new UserError({
      ...at(1, returns[0]! + 1),
      message: "lines end in a lone carriage return (CR, the line ending of classic Mac OS)",
      expected: "lines ending in LF or CRLF",
      found: "a CR alone at the end of line 1",
      hint
    });
  }
  const {line, column, found} = strayFound(text, returns, "a CR alone");
  return new UserError({
    ...at(line, column),
    message: "a lone carriage return (CR not followed by LF)",
    expected: "lines ending in LF or CRLF",
    found,
    hint
  });
}

/**
 * The error for a byte-order mark (U+FEFF) anywhere in a line of the front matter or in its closing line, past those
 * at the very start of the file (which are dropped), at its line and column; undefined when there is none. A file
 * pasted together from two keeps the second's mark, which no editor shows: before the closing `---` it read "front
 * matter is not closed" (tester), before a key "malformed YAML" or an unknown key; inside a value, `batch: <U+FEFF>64`
 * read as 64, since trim() takes the mark for a space (breaker).
 */
function innerBomError(
  lines: readonly string[],
  at: (line: number, column?: number) => UserErrorLocation
): UserError | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const index = line.indexOf("\uFEFF");
    if (index >= 0) {
      const after = line.slice(index).replace(/^\uFEFF+/, "");
      const [before = "", rest = ""] = [line.slice(0, index), after].map((part) => truncate(part.trim()));
      const where = rest
        ? `${before ? `after ${JSON.stringify(before)}, ` : ""}before ${JSON.stringify(rest)}`
        : before
          ? `at the end of the line, after ${JSON.stringify(before)}`
          : "on an empty line";
      return new UserError({
        ...at(i + 1, index + 1),
        message: "a byte-order mark (U+FEFF) inside the file",
        expected: "a byte-order mark only at the very start of the file, if at all",
        found: `a byte-order mark ${where}`,
        hint: "remove it: it is invisible in most editors, and is left where two files were pasted together"
      });
    }
    if (i > 0 && (line.trimEnd() === FENCE || line.trimEnd() === "...")) return undefined;
  }
  return undefined;
}

/**
 * The name a scenario goes by: its `title:`, else its id. The one home of that rule, so that a scenario's page
 * (resolveScenario's title; the page of a file with errors, scenarioCheck.ts) and the site navigation's entry that
 * leads to it (sitePages.ts) give it the same name.
 */
export function scenarioTitle(scenario: Pick<ParsedScenario, "id" | "title">): string {
  return scenario.title ?? scenario.id;
}

/**
 * A scenario file's name (scenarioTitle) read from its text, as its page gives it: its `title:` also when other keys
 * of the file are in error (parseScenario's partial), else its id; its file name when neither can be read (malformed
 * YAML, no front matter).
 */
export function scenarioFileTitle(source: ScenarioText): string {
  try {
    return scenarioTitle(parseScenario(source));
  } catch (error) {
    const partial = partialScenario(error);
    return partial ? scenarioTitle(partial) : defaultId(source.name ?? source.file);
  }
}

/**
 * The scenario a file with errors would be without the keys in error (and their sources): what the file's other
 * checks can still read. Attached as `partial` to the UserErrors parseScenario throws once the front matter is a map.
 */
function withoutErrors(scenario: ParsedScenario, errors: readonly UserError[]): ParsedScenario {
  const failed = new Set(errors.map((error) => error.detail.path));
  const keep = <T>(entries: Record<string, T>) =>
    Object.fromEntries(Object.entries(entries).filter(([path]) => !failed.has(path)));
  return {
    ...scenario,
    values: keep(scenario.values),
    unset: keep(scenario.unset),
    sources: keep(scenario.sources)
  };
}

/** The part of a scenario file read without error, when parseScenario threw for the rest (see withoutErrors). */
export function partialScenario(error: unknown): ParsedScenario | undefined {
  return error instanceof UserErrors ? (error as UserErrors & {partial?: ParsedScenario}).partial : undefined;
}

/**
 * Whether parseScenario threw for the file's id itself (`id: "x y"`, a file named `ñandu.md` without `id:`): the
 * partial's id is then only the file's name, and the file gives no id (a copy of base.md with `id: "x y"` and
 * `extends: base` read as base extending itself; session 21).
 */
export function partialIdInError(error: unknown): boolean {
  return error instanceof UserErrors && (error as UserErrors & {idInError?: boolean}).idInError === true;
}

/**
 * A `sources:` entry describes this file's value of a key: one for a key the file does not set would be shown beside
 * a value it does not describe (the parent's or the default), so it is an error at the entry.
 */
function unsetSourceErrors(scenario: ParsedScenario): UserError[] {
  return Object.entries(scenario.sources)
    .filter(([path]) => !(path in scenario.values))
    .map(([path, source]) => {
      const unset = scenario.unset[path];
      return new UserError({
        ...source.position,
        path: `sources.${path}`,
        message: "source for a key this file does not set",
        expected: `a key set in this file (a source describes this file's value of ${path})`,
        found: unset
          ? `${path}, which line ${unset.position.line} takes back to its default with ${unset.written}`
          : path,
        // An unset key has the default's value, and the default's source (the reference's) says where it comes from.
        hint: unset
          ? `a key at its default shows the reference's source for it; say why in the narrative, or set a value here`
          : `set ${path} in this file too, or give the source in the file that sets it`
      });
    });
}

/**
 * The longest front matter read, in lines and characters. The schema has about a hundred and ten keys, so a real
 * scenario is a few hundred lines at most; past these limits the file is refused with one line before YAML parsing, so
 * that no file, however large, makes validation slow (a 40,000-key front matter is refused in milliseconds).
 */
export const MAX_FRONT_MATTER_LINES = 10_000;
export const MAX_FRONT_MATTER_CHARS = 4_000_000;

/** The error for a front matter over the limits (between line 1 and line `close` + 1), or undefined. */
function frontMatterTooLong(file: string, lines: readonly string[], close: number): UserError | undefined {
  const lineCount = close - 1;
  let chars = 0;
  for (let i = 1; i < close && chars <= MAX_FRONT_MATTER_CHARS; i++) chars += (lines[i]?.length ?? 0) + 1;
  if (lineCount <= MAX_FRONT_MATTER_LINES && chars <= MAX_FRONT_MATTER_CHARS) return undefined;
  return new UserError({
    file,
    line: 1,
    column: 1,
    message: "front matter too long",
    expected: `at most ${groupThousands(MAX_FRONT_MATTER_LINES)} lines and ${groupThousands(MAX_FRONT_MATTER_CHARS)} characters of assumptions`,
    found:
      lineCount > MAX_FRONT_MATTER_LINES
        ? `${groupThousands(lineCount)} lines`
        : `more than ${groupThousands(MAX_FRONT_MATTER_CHARS)} characters`
  });
}

function readTopLevel(root: YAMLMap, scenario: ParsedScenario, site: YamlSite): void {
  walkKeys(root, "", site, {
    reserved: (key, keyNode, valueNode) => readReserved(key, keyNode, valueNode, scenario, site),
    key: (def, valueNode) => {
      // `null` written out takes the key back to its default (resolveScenario); an empty value is still refused.
      const target = site.deref(valueNode);
      if (isExplicitNull(target)) {
        scenario.unset[def.path] = {
          path: def.path,
          written: site.text(target).trim() || UNSET_WORD,
          position: site.position(valueNode)
        };
        return;
      }
      const before = site.errors.length;
      const value = readValue(def, valueNode, site);
      if (value === undefined) return addNullWordHint(site.errors, before, target);
      scenario.values[def.path] = {
        path: def.path,
        value,
        written: writtenValue(valueNode, site),
        position: site.position(valueNode)
      };
    }
  });
}

/** Why `sources:` (or a group under it) written null is refused: there is nothing of a parent's to take back. */
const SOURCES_STAY_HINT =
  "a parent's sources stay with the values this file inherits from it; a key taken back with null shows the " +
  "reference's source: leave the key out";

function readReserved(key: string, keyNode: unknown, valueNode: unknown, scenario: ParsedScenario, site: YamlSite) {
  const node = site.deref(valueNode);
  if (key === "sources") {
    if (isExplicitNull(node)) {
      // `sources: null` changed nothing, in silence: a parent's sources describe the values this file inherits.
      site.fail(valueNode, {
        path: "sources",
        message: "sources cannot be unset",
        expected: 'a map of key path → source text, like `sources: {power.pue: "Meta 2022"}`',
        found: `sources: ${site.text(node).trim() || UNSET_WORD}`,
        hint: SOURCES_STAY_HINT
      });
      return;
    }
    if (isScalar(node) && node.value === null) return;
    if (!isMap(node)) {
      site.fail(valueNode, {
        path: "sources",
        message: "sources is not a map",
        expected: 'a map of key path → source text, like `sources: {power.pue: "Meta 2022"}`',
        ...foundAt(valueNode, site, (text) => truncate(text) || "nothing")
      });
      return;
    }
    const visitor: WalkVisitor = {
      label: "sources",
      key: (def, sourceNode) => {
        const value = site.deref(sourceNode);
        // A number is never a source (`power.pue: 1.2` under sources: the value written where its source goes).
        const text = isScalar(value) && typeof value.value === "number" ? undefined : scalarText(value, "");
        if (text === undefined || text.trim() === "") {
          const written = truncate(site.text(sourceNode));
          site.fail(sourceNode, {
            path: `sources.${def.path}`,
            message: "source is not text",
            expected: "the source as text (title, URL, or both), like `power.pue: Meta 2022 sustainability report`",
            found: written
              ? isScalar(value) && typeof value.value === "number"
                ? `${written} (a number)`
                : written
              : "nothing",
            ...(isScalar(value) && typeof value.value === "number"
              ? {
                  hint: `a value goes under its own key (${def.path}: ${written}); sources: says where it comes from`
                }
              : {})
          });
          return;
        }
        // A source is shown as written beside its value (the pages' assumptions tables, run --json), as a catalog's
        // source cells are, so it takes their rule: a U+202E, a tab or a NUL in one passed (breaker). It may span
        // lines, as a quoted source cell may.
        const problem = displayTextProblem("source", text.trim(), {lines: true});
        if (problem) {
          const shown = foundAt(sourceNode, site, truncate);
          site.fail(sourceNode, {
            path: `sources.${def.path}`,
            message: problem.message,
            expected: "text that shows as written: no control, direction-changing or zero-width characters",
            found: `${shown.found} (${problem.found})`,
            ...(shown.hint ? {hint: shown.hint} : {})
          });
          return;
        }
        scenario.sources[def.path] = {text, position: site.position(sourceNode)};
      }
    };
    throughAliasWalk(valueNode, site, () => walkKeys(node as YAMLMap, "", site, visitor));
    return;
  }
  if (isExplicitNull(node)) {
    // `null` takes a scenario key back to its default; these keys have none to go back to (breaker's question).
    site.fail(valueNode, {
      path: key,
      message: `${key} cannot be unset`,
      expected: key === "extends" ? "the id of the scenario to extend" : `text for ${key}`,
      found: site.text(node).trim() || UNSET_WORD,
      hint:
        key === "extends"
          ? "a scenario without `extends:` builds on none: leave the key out"
          : key === "id"
            ? "a file without `id:` takes its file name as its id: leave the key out"
            : `a scenario's ${key} is its own, never inherited: leave the key out`
    });
    return;
  }
  const text = scalarText(node, site.text(valueNode));
  if (text === undefined || text.trim() === "") {
    // A list, a map, `true` is there but is not text; an empty value or only spaces is missing.
    const missing = text !== undefined || (isScalar(node) && node.value === null);
    site.fail(valueNode, {
      path: key,
      message: missing ? "missing value" : "not text",
      expected: key === "extends" ? "the id of the scenario to extend" : `text for ${key}`,
      ...foundAt(valueNode, site, (text) => truncate(text) || "nothing")
    });
    return;
  }
  if (key === "title" || key === "label" || key === "description") {
    const problem = displayTextProblem(key, text.trim(), {lines: key === "description"});
    if (problem) {
      const shown = foundAt(valueNode, site, truncate);
      site.fail(valueNode, {
        path: key,
        message: problem.message,
        expected: `text that shows as written: no control, direction-changing or zero-width characters (a zero-width joiner only inside an emoji or a word that uses it)${key === "description" ? "" : ", on one line"}`,
        found: `${shown.found} (${problem.found})`,
        ...(shown.hint ? {hint: shown.hint} : {})
      });
      return;
    }
  }
  if (key === "title") scenario.title = text;
  else if (key === "label") {
    const label = text.trim();
    const length = visibleLength(label);
    if (length > SCENARIO_LABEL_MAX_CHARS) {
      const shown = foundAt(valueNode, site, truncate);
      site.fail(valueNode, {
        path: key,
        message: "label too long",
        expected: `a short name on one line, at most ${SCENARIO_LABEL_MAX_CHARS} characters (the title says the rest)`,
        found: `${length} characters: ${shown.found}`,
        ...(shown.hint ? {hint: shown.hint} : {})
      });
    } else scenario.label = label;
  } else if (key === "description") scenario.description = text;
  else if (!SCENARIO_ID_PATTERN.test(text)) {
    site.fail(valueNode, {
      path: key,
      message: "not a scenario id",
      expected: SCENARIO_ID_RULE,
      ...foundAt(valueNode, site, truncate)
    });
  } else if (key === "id") {
    scenario.id = text;
    scenario.idPosition = site.position(valueNode ?? keyNode);
  } else scenario.extends = {id: text, position: site.position(valueNode ?? keyNode)};
}

/**
 * Runs `walk` over the map `valueNode` stands for; when `valueNode` is an alias (`serving: *s`), each error the walk
 * finds is placed at the alias, where the keys are set, and names the anchor's line (throughAlias): it stood inside the
 * anchored map, as if the anchor's keys were in error (tester).
 */
function throughAliasWalk(valueNode: unknown, site: YamlSite, walk: () => void): void {
  const before = site.errors.length;
  walk();
  if (!isAlias(valueNode)) return;
  const at = site.position(valueNode);
  const anchor = site.anchorAt?.(site.deref(valueNode)) ?? at;
  const name = site.text(valueNode).trim();
  for (let i = before; i < site.errors.length; i++) site.errors[i] = throughAlias(site.errors[i]!, at, name, anchor);
}

interface WalkVisitor {
  /** Top-level reserved keys; when absent they are unknown keys (inside `sources`). */
  reserved?: (key: string, keyNode: unknown, valueNode: unknown) => void;
  key: (def: ScenarioKeyDef, valueNode: unknown, keyNode: unknown) => void;
  /** Prefix for paths in errors (`sources`). */
  label?: string;
}

/**
 * YAML 1.1's merge key. The yaml package reads it as a plain key named "<<" under YAML 1.2 (it merges only with
 * `merge: true`), which the walk would report as an unknown key with a misleading suggestion (`serving.<<` … did you
 * mean serving?). A quoted "<<" is an ordinary (unknown) key.
 */
const MERGE_KEY = "<<";

/**
 * Visits every key of a (possibly nested) map of scenario keys: `serving: {batch: 8}` and `serving.batch: 8` are the
 * same key. Unknown keys, groups that are not maps and keys set twice are errors.
 */
function walkKeys(
  map: YAMLMap,
  prefix: string,
  site: YamlSite,
  visitor: WalkVisitor,
  seen = new Map<string, unknown>()
): void {
  const label = (path: string) => (visitor.label ? `${visitor.label}.${path}` : path);
  for (const pair of map.items) {
    const keyNode = site.deref(pair.key);
    if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === "object") {
      site.fail(pair.key ?? pair.value ?? map, {
        ...(prefix ? {path: label(prefix)} : {}),
        message: "key is not a name",
        expected: "a key name like serving or utilization",
        found: truncate(site.text(pair.key)) || "an empty key"
      });
      continue;
    }
    const name = String(keyNode.value);
    if (name === MERGE_KEY && keyNode.type === "PLAIN") {
      site.fail(pair.key, {
        ...(prefix ? {path: label(prefix)} : {}),
        message: "merge keys (<<) are not supported in scenario files",
        expected: "each key written out; a scenario shares another's values with `extends: <id>`",
        found: truncate(site.text(pair.key)) || MERGE_KEY
      });
      continue;
    }
    if (!prefix && visitor.reserved && isReservedKey(name)) {
      visitor.reserved(name, pair.key, pair.value);
      continue;
    }
    const path = prefix ? `${prefix}.${name}` : name;
    const def = scenarioKey(path);
    if (def) {
      const first = seen.get(path);
      if (first !== undefined) {
        site.fail(pair.key, {
          path: label(path),
          message: "key set twice",
          expected: "each key once",
          found: `${path} again`,
          hint: `first set on line ${site.position(first).line}`
        });
        continue;
      }
      seen.set(path, pair.key);
      visitor.key(def, pair.value, pair.key);
      continue;
    }
    if (isScenarioGroup(path)) {
      const value = site.deref(pair.value);
      const example = `${groupKeyPaths(path)[0]}: …`;
      if (isMap(value)) throughAliasWalk(pair.value, site, () => walkKeys(value as YAMLMap, path, site, visitor, seen));
      else if (
        isScalar(value) &&
        value.value === null &&
        site.text(pair.value).trim() === "" &&
        !isExplicitNull(value)
      ) {
        // `serving:` with nothing under it: the keys meant for it are written flush left (author trial: accepted in
        // silence, and the next line's `hardware: h200-sxm` read as the top-level group hardware).
        site.fail(pair.key, {
          path: label(path),
          message: "empty group",
          expected: `keys indented under ${path}:, like ${example}`,
          found: "nothing under it"
        });
      } else if (isExplicitNull(value) && !visitor.label) {
        // `serving: null` read as nothing at all, in silence: a group is unset key by key. `silicon: !!null`, a tag
        // and no text, is the same null: it read "empty group … found nothing under it" (breaker).
        site.fail(pair.value, {
          path: label(path),
          message: "a group cannot be unset",
          expected:
            `a map of keys under ${path}, each key to take back to its default written with null, ` +
            `like ${groupKeyPaths(path)[0]}: null`,
          found: `${path}: ${writtenNull(value, site.text(value))}`
        });
      } else if (isExplicitNull(value)) {
        // The same under `sources:` (`serving: null` there was accepted in silence, `serving:` empty an error).
        site.fail(pair.value, {
          path: label(path),
          message: "a group of sources cannot be unset",
          expected: `a map of key paths under ${path} → source text, like ${groupKeyPaths(path)[0]}: …`,
          found: `${path}: ${writtenNull(value, site.text(value))}`,
          hint: SOURCES_STAY_HINT
        });
      } else if (!(isScalar(value) && value.value === null) && value !== null && value !== undefined) {
        // A group's name that is also a key's last part elsewhere (`hardware: h200-sxm` for serving.hardware).
        const meant = SCENARIO_KEY_PATHS.find((p) => p.endsWith(`.${name}`) && !p.startsWith(`${path}.`));
        // `batch:8` under `serving:` is one word to YAML, the colon without its space (breaker: no hint).
        const written = site.text(pair.value).trim();
        const noSpace = /^([A-Za-z][\w.]*):(\S.*)$/.exec(written);
        const own = meant
          ? `did you mean ${meant}? a key of ${meant.split(".")[0]}: is indented under it`
          : noSpace
            ? `a key needs a space after its colon: ${noSpace[1]}: ${noSpace[2]}`
            : undefined;
        const shown = foundAt(pair.value, site, truncate);
        // The group's own hint first, then the alias's, as throughAlias joins them.
        const hint = [own, shown.hint].filter((part) => part !== undefined).join("; ");
        site.fail(pair.value, {
          path: label(path),
          message: "group is not a map",
          expected: `a map of keys under ${path}, like ${example}`,
          found: shown.found,
          ...(hint ? {hint} : {})
        });
      }
      continue;
    }
    // Past the errors a file reports, a hint would never be shown: skip the search (40,000 unknown keys took seconds).
    const hint =
      site.errors.length < MAX_ERRORS_PER_FILE
        ? didYouMean(path, [...SCENARIO_KEY_PATHS, ...SCENARIO_GROUPS])
        : undefined;
    site.fail(pair.key, {
      path: label(path),
      message: "unknown key",
      expected: prefix
        ? `a key of ${prefix}`
        : visitor.reserved
          ? `a scenario key (see the reference) or one of ${RESERVED_LIST}`
          : "a scenario key path",
      found: truncate(site.text(pair.key)),
      ...(hint ? {hint} : {})
    });
  }
}

interface YamlSite extends ValueSite {
  position(node: unknown): SourcePosition;
  fail(node: unknown, detail: Omit<ConstructorParameters<typeof UserError>[0], "file" | "line" | "column">): void;
}

function yamlSite(
  doc: Document,
  yamlText: string,
  position: (offset: number) => SourcePosition,
  errors: UserError[],
  file: string
): YamlSite {
  const range = (node: unknown): readonly number[] | undefined =>
    node !== null && typeof node === "object" && "range" in node && Array.isArray(node.range)
      ? (node.range as number[])
      : undefined;
  const site: YamlSite = {
    errors,
    position: (node) => {
      const start = range(node)?.[0];
      return start === undefined ? {file, line: 1, column: 1} : position(start);
    },
    locate: (node) => site.position(node),
    text: (node) => {
      const r = range(node);
      return r && r[0] !== undefined && r[1] !== undefined ? yamlText.slice(r[0], r[1]) : "";
    },
    anchorAt: (node) => {
      const anchor = node !== null && typeof node === "object" && "anchor" in node ? node.anchor : undefined;
      const start = range(node)?.[0];
      const at = typeof anchor === "string" && start !== undefined ? yamlText.lastIndexOf(`&${anchor}`, start) : -1;
      return at < 0 ? site.position(node) : position(at);
    },
    deref: (node) => {
      let current = node;
      for (let hops = 0; isAlias(current) && hops < 32; hops++) current = current.resolve(doc);
      return current;
    },
    fail: (node, detail) => {
      errors.push(new UserError({...site.position(node), ...detail}));
    }
  };
  return site;
}

/** A scalar's text: strings as they are, numbers as written (`id: 2025` is "2025"); undefined for anything else. */
function scalarText(node: unknown, written: string): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === "string") return node.value;
  if (typeof node.value === "number") return written.trim();
  return undefined;
}

/** True when the front matter sets `id:` (even to a value in error, which is reported there). */
function hasIdKey(root: YAMLMap): boolean {
  return root.items.some((item) => isScalar(item.key) && item.key.value === "id");
}

/**
 * A file without `id:` takes its id from its name, and that id obeys the rule `id:` does (`ñandu.md` passed, and no
 * file could extend it); the error is at line 1, where idPosition puts an id that is the file's name.
 */
function fileNameIdErrors(scenario: ParsedScenario, name?: string): UserError[] {
  if (SCENARIO_ID_PATTERN.test(scenario.id)) return [];
  return [
    new UserError({
      ...scenario.idPosition,
      path: "id",
      message: "not a scenario id",
      expected: SCENARIO_ID_RULE,
      found: scenario.id,
      hint:
        name === undefined || defaultId(name) === defaultId(scenario.file)
          ? `the file's name gives the id; rename the file or set \`id:\` in its front matter`
          : `the name of ${name}, the file it links to, gives the id; rename that file or set \`id:\` in its front matter`
    })
  ];
}

function defaultId(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]*$/, "") || base;
}

function sortErrors(errors: UserError[]): UserError[] {
  return errors
    .map((error, index) => ({error, index}))
    .sort(
      (a, b) =>
        (a.error.detail.line ?? 0) - (b.error.detail.line ?? 0) ||
        (a.error.detail.column ?? 0) - (b.error.detail.column ?? 0) ||
        a.index - b.index
    )
    .map(({error}) => error);
}
