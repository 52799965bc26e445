import {readFileSync} from "node:fs";
import {dirname} from "node:path";
import {UserError, isUserError, userErrorList} from "../errors/userError.js";
import {parseScenario, partialIdInError, partialScenario, type ParsedScenario} from "../scenario/file/parseScenario.js";
import type {ScenarioLookup} from "../scenario/resolve/resolveScenario.js";
import {duplicateIdError, idLocation} from "../scenario/resolve/scenarioIndex.js";
import {isRegularFile, MARKDOWN_EXTENSION_WORDS, ownScenariosDir, slashedFileError} from "./paths.js";
import {
  displayPath,
  nonMarkdownExtension,
  parentScenarioFiles,
  realPath,
  scenarioFileId,
  scenarioFilesIn,
  siblingScenarioFiles
} from "./scenarioFiles.js";
import {readUtf8File} from "./readText.js";
import {lazyCatalogIds} from "./catalogFiles.js";
import {andList} from "../units/wordList.js";

// Which file gives each scenario id, in one place for `run` (and compare, sweep: loadScenarioLibrary) and for
// `validate` and the site (checkScenarioFiles). The two had each their own copy of the rules and disagreed: a file with
// errors took the id of a valid file beside it for one and not the other; two files of one id in data/scenarios/ failed
// `run` of a child that `validate` passed (breaker, session 19). The rules:
//
// 1. Tiers by where a file is, first wins: the scenarios folder (the files of data/scenarios/ of a report project, else
//    the bundled one), then, in a report project, the bundled scenarios, then the files of the scenario's own folder
//    (siblingScenarioFiles). A file whose id a higher tier has is hidden: a project's base.md stands in for the
//    bundled one, and a copy of base.md elsewhere is no parent. Naming a file on the command line does not change what
//    another file extends (`validate *.md` with a broken copy of agent-era.md, or `validate x/kid.md y/k.md`, failed
//    a child that `run` passed; breakers), and a hidden file is noted when a chain passes by it.
// 2. Files of one tier with one id, whether they parse or not: the file named for the id (x.md for x) gives it and
//    each other file is in error (a half-edited copy of kid.md beside it, with `id: kid`, must not stop what extends
//    kid; nor a new file with agent-era's id stop agent-era's page; reviewers). When no one file is named for it,
//    every file is in error, naming the others, and a scenario extending the id is told to fix them: none is taken
//    by the order of their names (taking the first silently was a breaker's finding).
// 3. A given file is run and checked as itself (an edited copy of base.md elsewhere, run by path, runs as written, and
//    may extend the bundled base), unless rule 2 puts it in error, and it is in error when another given file gives
//    its id (`validate` of both).
// 4. A file's id is its `id:`, also when the file has errors elsewhere (so a child extending it hears of them), else
//    its file name: the real file's, so a symbolic link to k.md has the id k whichever name it is given by. Paths are
//    compared as real paths (a project reached through a symbolic link). A file whose id is no id (`id: "x y"`) gives
//    none: its error is its own, and its file's name neither hides another file of that id nor is extended (a copy
//    of base.md with `id: "x y"` and `extends: base` read as base extending itself; session 21).

/** Where a scenario file stands among the files an id is looked up in, highest first. */
export type ScenarioTier = "folder" | "parent" | "other";

const TIER_ORDER: readonly ScenarioTier[] = ["folder", "parent", "other"];

/** One scenario file, read and parsed once. */
export interface ScenarioSource {
  /** The real path (symbolic links resolved); a refused path's ends in the slash it was refused for. */
  path: string;
  /** The file as the user would write it (displayPath). */
  file: string;
  tier: ScenarioTier;
  /** Whether a command was given this file (to run or check it), as opposed to a parent it may extend. */
  given: boolean;
  /** A given file's path as the command was given it. */
  givenAs?: string;
  /** The id: its `id:` (also when the file has errors), else its file name. */
  id: string;
  /** Where the file sets its id (`file:line:column`; line 1 when the id is the file's name). */
  idAt: string;
  /** The scenario, when the file parsed without error. */
  scenario?: ParsedScenario;
  /** What a file with errors read without error (parseScenario's partial), for checks that can still run on it. */
  partial?: ParsedScenario;
  /** The file's parse errors (front matter, keys, values); empty when it parsed. */
  errors: UserError[];
  /** The file's text (given files only: validate checks their narratives). */
  text?: string;
  /** Why a given file could not be read (a missing file, a folder); it then gives no id. */
  readError?: NodeJS.ErrnoException;
  /** True when the file's id is in error (`id: "x y"`): it then gives no id, and `id` is only its file's name. */
  idInError?: boolean;
  /**
   * True for a given path refused before it is read (`base.md/`, slashedFileError): it names no file, so it gives no
   * id and fails none, and the file it would name is read as if it were not given (agent-era beside
   * `data/scenarios/base.md/` was told to fix base.md first; helper item).
   */
  refused?: boolean;
}

/** Who gives an id: one file that parsed, one with errors, or several files of one tier (each in error). */
export type IdHolder =
  | {kind: "scenario"; source: ScenarioSource & {scenario: ParsedScenario}}
  | {kind: "broken"; source: ScenarioSource}
  | {kind: "duplicate"; sources: ScenarioSource[]};

/** The scenario files a command sees, and which of them gives each id. */
export interface ScenarioSources {
  /** The given files, in the order given (a file named twice once). */
  given: ScenarioSource[];
  /** Every id some file gives, sorted. */
  ids: string[];
  /**
   * Who gives `id` to a scenario in folder `dir` (default the scenarios folder, for an id named on the command line);
   * undefined when no file does.
   */
  holder(id: string, dir?: string): IdHolder | undefined;
  /**
   * The file's error for sharing its id: with files of its tier (rule 2), or for a given file, with another given file
   * that gives the id (rule 3); undefined when it has none.
   */
  duplicateError(source: ScenarioSource): UserError | undefined;
  /**
   * The files with the id `id` that another file giving it to a scenario in folder `dir` hides and that are in no error
   * for it (rules 1 and 2), but a bundled scenario a project's file stands in for.
   */
  hiddenFiles(id: string, dir?: string): ScenarioSource[];
  /** The folder whose files `source` may extend besides the scenarios folders: its own. */
  contextOf(source: ScenarioSource): string;
  /** Whether `scenario` is a bundled one a report project extends, which its user does not edit (resolve's ChainOptions). */
  bundled(scenario: ParsedScenario): boolean;
}

/**
 * Reads the scenario files a command sees: the given ones, the scenarios folder, the bundled parents (in a report
 * project) and the files beside the given ones, and decides which file gives each id (the rules above).
 *
 * @param givenPaths Files the command runs or checks (any order; relative or absolute). A given file that cannot be
 *   read is kept with its readError and gives no id; a path refused unread (a file's path with a trailing slash) is
 *   kept with its error and gives none either, and stands for no file.
 * @returns The files and the holder of each id. Throws only what is no user's mistake (a bug).
 */
export function readScenarioSources(givenPaths: readonly string[]): ScenarioSources {
  // A file named twice (a glob and a name, or through a link) is read once; it is shown as it was first written. A
  // refused path is kept by itself (its own key, not the file's real path), so it neither hides the file it would
  // name from the scenarios folder nor stands in for it when that file is given too.
  const written = new Map<string, string>();
  const keyOf = (path: string) => (slashedFileError(path, {file: path}) ? `${realPath(path)}/` : realPath(path));
  for (const path of givenPaths) if (!written.has(keyOf(path))) written.set(keyOf(path), path);
  const given = [...written.keys()];
  const folderDir = realPath(ownScenariosDir());
  // Each file once by its real path (two links to one file were two files of one id; breaker).
  const seen = new Set(given);
  const once = (paths: string[]) => paths.map(realPath).filter((path) => !seen.has(path) && seen.add(path));
  const folderFiles = once(scenarioFilesIn());
  const parentFiles = once(parentScenarioFiles());
  // Not beside "" (resolved, the working directory: its folder's files were read as siblings; breaker).
  const otherFiles = once(siblingScenarioFiles(given.filter((path) => written.get(path) !== "")));
  const bundled = new Set(parentScenarioFiles().map(realPath));
  const tierOf = (path: string): ScenarioTier =>
    dirname(path) === folderDir ? "folder" : bundled.has(path) ? "parent" : "other";
  const sources: ScenarioSource[] = [
    ...given.map((path) => readSource(path, tierOf(path), written.get(path))),
    ...folderFiles.map((path) => readSource(path, "folder")),
    ...parentFiles.map((path) => readSource(path, "parent")),
    ...otherFiles.map((path) => readSource(path, "other"))
  ].filter((source): source is ScenarioSource => source !== undefined);
  const bundledScenarios = new Set(
    sources.flatMap((source) => (source.tier === "parent" && source.scenario ? [source.scenario] : []))
  );
  // Each id's files, in the order of their paths (so that every command names an id's files alike).
  const byId = new Map<string, ScenarioSource[]>();
  for (const source of sources) {
    if (!source.readError && !source.idInError && !source.refused)
      byId.set(source.id, [...(byId.get(source.id) ?? []), source]);
  }
  for (const files of byId.values()) files.sort(byPath);
  /**
   * The files that decide who gives `id` to a file in folder `dir`: the highest tier's, where the other files are
   * those of `dir` only (a file elsewhere named on the command line is no parent of this one; breaker).
   */
  const deciding = (id: string, dir: string): ScenarioSource[] => {
    const files = (byId.get(id) ?? []).filter((source) => source.tier !== "other" || dirname(source.path) === dir);
    const tier = TIER_ORDER.find((name) => files.some((source) => source.tier === name));
    return files.filter((source) => source.tier === tier);
  };
  /** The one file that gives `id` among several that claim it: the one named for it (x.md for x), if only one is. */
  const winner = (files: readonly ScenarioSource[], id: string): ScenarioSource | undefined => {
    if (files.length === 1) return files[0];
    const named = files.filter((source) => scenarioFileId(source.path) === id);
    return named.length === 1 ? named[0] : undefined;
  };
  const holds = (source: ScenarioSource) => winner(deciding(source.id, dirname(source.path)), source.id) === source;
  const duplicateError = (source: ScenarioSource): UserError | undefined => {
    if (source.idInError || source.refused) return undefined;
    const files = deciding(source.id, dirname(source.path));
    const first = winner(files, source.id);
    let others: ScenarioSource[] = [];
    if (files.includes(source) && first !== source) {
      others = first ? [first] : files.filter((other) => other !== source);
      // A given file named for its id beside others so named (good.md, good.markdown) is read as itself: the clash
      // matters to a scenario named by the id, or to two of them given together (`run good.md` was refused; breaker).
      const named = (other: ScenarioSource) => scenarioFileId(other.path) === source.id;
      if (!first && source.given && named(source) && others.every((other) => named(other) && !other.given)) others = [];
    } else if (source.given) {
      // Named together with another file that gives the id where it is (validate of both; rule 3).
      others = sources.filter((other) => other.given && other !== source && other.id === source.id && holds(other));
    }
    if (!others.length) return undefined;
    return duplicateIdError(
      source.scenario ?? source.partial ?? {id: source.id, idPosition: lineOne(source)},
      andList(others.map((other) => other.idAt))
    );
  };
  return {
    given: sources.filter((source) => source.given),
    ids: [...byId.keys()].sort(),
    holder: (id, dir = folderDir) => {
      const files = deciding(id, dir);
      if (files.length === 0) return undefined;
      const source = winner(files, id);
      if (!source) return {kind: "duplicate", sources: files};
      return source.scenario
        ? {kind: "scenario", source: source as ScenarioSource & {scenario: ParsedScenario}}
        : {kind: "broken", source};
    },
    duplicateError,
    hiddenFiles: (id, dir = folderDir) => {
      const first = winner(deciding(id, dir), id);
      if (!first) return [];
      // A project's file stands in for a bundled one of its id as documented: no note of the bundled file (breaker).
      return (byId.get(id) ?? []).filter(
        (source) =>
          source !== first &&
          source.tier !== "parent" &&
          (source.tier !== "other" || dirname(source.path) === dir) &&
          !(source.given && duplicateError(source))
      );
    },
    contextOf: (source) => dirname(source.path),
    bundled: (scenario) => bundledScenarios.has(scenario)
  };
}

function byPath(a: ScenarioSource, b: ScenarioSource): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * What to do about an id no one file gives without error, as a hint: "fix a.md first", or "a.md and b.md both have
 * the id x: give one of them another id" (it read "fix a.md and b.md (two files with the id x) first", parentheses in
 * parentheses, though neither file had an error of its own).
 */
export function holderFiles(holder: Exclude<IdHolder, {kind: "scenario"}>, id: string): string {
  if (holder.kind === "broken") return `fix ${holder.source.file} first`;
  const files = andList(holder.sources.map((source) => source.file));
  return holder.sources.length === 2
    ? `${files} both have the id ${id}: give one of them another id`
    : `${files} all have the id ${id}: give all but one of them another id`;
}

/** The errors that stop a scenario with this id from resolving: the file's own, or each duplicate's. */
export function holderErrors(holder: Exclude<IdHolder, {kind: "scenario"}>, sources: ScenarioSources): UserError[] {
  return holder.kind === "broken"
    ? holder.source.errors
    : holder.sources.map((source) => sources.duplicateError(source)!);
}

/** Notes written this process: each once (compare resolves a scenario per column). */
const notesWritten = new Set<string>();

/**
 * Writes a `token-ledger: note:` line to stderr, once per process, for each file a scenario's chain passes by: its id
 * is a parent's, but another file gives it (ScenarioSources.hiddenFiles), so `run child.md` beside a copied and edited
 * base.md says it read the bundled base (breaker).
 *
 * @param chain The resolved scenario's files, itself first (scenarioChain).
 * @param dir The folder the scenario's file is in (ScenarioSources.contextOf).
 */
export function noteHiddenFiles(sources: ScenarioSources, chain: readonly ParsedScenario[], dir?: string): void {
  chain.slice(1).forEach((parent, i) => {
    for (const hidden of sources.hiddenFiles(parent.id, dir)) {
      // Not the file run itself (a copy of base elsewhere that builds on base), and each file once, naming the
      // scenario that extends the id (three children noted one file thrice; breaker).
      if (hidden.scenario === chain[0] || hidden.partial === chain[0]) continue;
      const key = `${hidden.path}\u0000${parent.id}`;
      if (notesWritten.has(key)) continue;
      notesWritten.add(key);
      const note =
        `${hidden.file}: id '${parent.id}' is also ${parent.file}'s, which ${chain[i]!.id} extends, not this file ` +
        "(give this file another id to extend it)";
      process.stderr.write(`token-ledger: note: ${note}\n`);
    }
  });
}

function lineOne(source: ScenarioSource) {
  return {file: source.file, line: 1, column: 1};
}

/**
 * Reads and parses one file; undefined for a parent that cannot be read at all (a folder named x.md, no permission).
 * `givenAs` is a given file's path as the command was given it (its messages name it so).
 */
function readSource(path: string, tier: ScenarioTier, givenAs?: string): ScenarioSource | undefined {
  const given = givenAs !== undefined;
  const file = displayPath(givenAs ?? path);
  const source: ScenarioSource = {
    path,
    file,
    tier,
    given,
    ...(given ? {givenAs} : {}),
    id: scenarioFileId(path),
    idAt: `${file}:1:1`,
    errors: []
  };
  const slashed = given ? slashedFileError(givenAs, {file}) : undefined;
  if (slashed) return {...source, errors: [slashed], refused: true};
  // `validate some.mjs` read the module as a scenario: "missing front matter … found export default 1" (breaker).
  // Before it is read: a binary file (.parquet) is not Markdown either, whatever its encoding.
  const extension = given ? nonMarkdownExtension(givenAs) : undefined;
  if (extension !== undefined && isRegularFile(path)) {
    const expected = `a Markdown scenario file ending in ${MARKDOWN_EXTENSION_WORDS}`;
    const error = new UserError({file, message: "not a Markdown file", expected, found: `a ${extension} file`});
    return {...source, errors: [error]};
  }
  let text: string;
  try {
    // "" is no file (resolved, it named the working directory: "a directory, not a scenario file"; breaker).
    if (givenAs === "") throw Object.assign(new Error("no file named"), {code: "ENOENT"});
    text = readUtf8File(path, file);
  } catch (error) {
    // A file in another encoding is an error of the file, as a scenario error is (readText.ts).
    if (isUserError(error)) return {...source, errors: userErrorList(error)};
    if (!given) return undefined;
    return {...source, readError: error as NodeJS.ErrnoException};
  }
  if (given) source.text = text;
  try {
    // A link's id is its target's name (`run k2.md`, a link to k.md, ran as k2; breaker, session 21).
    // The catalogs read only for an id's hint, which then offers only a catalog id (as --set's does).
    source.scenario = parseScenario({file, text, name: displayPath(path), catalogIds: lazyCatalogIds()});
  } catch (error) {
    if (!isUserError(error)) throw error;
    source.errors = userErrorList(error);
    source.partial = partialScenario(error);
    if (partialIdInError(error)) source.idInError = true;
  }
  const parsed = source.scenario ?? source.partial;
  if (parsed) {
    source.id = parsed.id;
    source.idAt = idLocation(parsed);
  }
  return source;
}

/**
 * The id up a scenario's `extends` chain that no one file gives without error (which the index does not hold), and the
 * error for it at the scenario's own `extends`, naming the files to fix; undefined when its chain is whole or ends at
 * an id no file has (resolve reports that). `run` and `validate` both write it.
 *
 * @param broken What to do about each such id (holderFiles).
 */
export function blockedParent(
  scenario: ParsedScenario,
  lookup: ScenarioLookup,
  broken: ReadonlyMap<string, string>
): {id: string; error: UserError} | undefined {
  // Each file once (a file met twice is a cycle, which resolve reports); not each id, as a copy run by path may
  // extend a scenario of its own id.
  const seen = new Set<ParsedScenario>();
  for (let current: ParsedScenario | undefined = scenario; current?.extends && !seen.has(current);) {
    seen.add(current);
    const parentId: string = current.extends.id;
    const hint = broken.get(parentId);
    if (hint !== undefined && !lookup(parentId)) {
      const error = new UserError({
        ...scenario.extends!.position,
        path: "extends",
        message: "the parent scenario has errors",
        expected: "a parent that validates",
        found: parentId === scenario.extends!.id ? parentId : `${scenario.extends!.id}, which extends ${parentId}`,
        hint
      });
      return {id: parentId, error};
    }
    current = lookup(parentId);
  }
  return undefined;
}
