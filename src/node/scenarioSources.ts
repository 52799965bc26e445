import {readFileSync} from "node:fs";
import {basename, resolve, sep} from "node:path";
import {UserError, isUserError, userErrorList} from "../errors/userError.js";
import {parseScenario, partialScenario, type ParsedScenario} from "../scenario/file/parseScenario.js";
import {duplicateIdError, idLocation} from "../scenario/resolve/scenarioIndex.js";
import {ownScenariosDir} from "./paths.js";
import {displayPath, parentScenarioFiles, scenarioFilesIn, siblingScenarioFiles} from "./scenarioFiles.js";

// Which file gives each scenario id, in one place for `run` (and compare, sweep, report: loadScenarioLibrary) and for
// `validate` and the site (checkScenarioFiles). The two had each their own copy of the rules and disagreed: a file with
// errors took the id of a valid file beside it for one and not the other; two files of one id in data/scenarios/ failed
// `run` of a child that `validate` passed; `run data/scenarios/x.md` ran a file `validate` refused (breaker). The rules:
//
// 1. Tiers, first wins: the files a command is given, then the scenarios folder (data/scenarios/ of a report project,
//    else the bundled one), then, in a report project, the bundled scenarios (parents), then the files beside the given
//    ones (siblingScenarioFiles). A file whose id a higher tier has is hidden: a project's base.md stands in for the
//    bundled one, a given copy elsewhere for either. A given file inside the scenarios folder is also one of the
//    folder's files, and meets their ids (`run data/scenarios/b.md` ran a file `validate` refused for a.md's id). A hidden file beside the given ones is noted when a scenario extends its id (the reader may think it is
//    the parent).
// 2. Files of one tier with one id, whether they parse or not: the file named for the id (x.md for x) gives it and
//    each other file is in error (a half-edited copy of kid.md beside it, with `id: kid`, must not stop what extends
//    kid; nor a new file with agent-era's id stop agent-era's page; reviewers). When no one file is named for it,
//    every file is in error, naming the others, and a scenario extending the id is told to fix them: none is taken
//    by the order of their names (taking the first silently was a breaker's finding).
// 3. A file's id is its `id:`, also when the file has errors elsewhere (so a child extending it hears of them), else
//    its file name.

/** Where a scenario file stands among the files an id is looked up in, highest first. */
export type ScenarioTier = "given" | "folder" | "parent" | "sibling";

const TIER_ORDER: readonly ScenarioTier[] = ["given", "folder", "parent", "sibling"];

/** One scenario file, read and parsed once. */
export interface ScenarioSource {
  /** The absolute path. */
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
  /** Who gives `id`; undefined when no file does. */
  holder(id: string): IdHolder | undefined;
  /** The file's error for sharing its id with other files of its tier; undefined when it does not. */
  duplicateError(source: ScenarioSource): UserError | undefined;
  /**
   * The files with the id `id` that another file giving it hides, which a command was not given: files beside the
   * given ones that a higher tier's file hides, and files of one tier with the file named for the id (each in error).
   */
  hiddenFiles(id: string): ScenarioSource[];
}

/**
 * Reads the scenario files a command sees: the given ones, the scenarios folder, the bundled parents (in a report
 * project) and the files beside the given ones, and decides which file gives each id (the rules above).
 *
 * @param givenPaths Files the command runs or checks (any order; relative or absolute). A given file that cannot be
 *   read is kept with its readError and gives no id.
 * @returns The files and the holder of each id. Throws only what is no user's mistake (a bug).
 */
export function readScenarioSources(givenPaths: readonly string[]): ScenarioSources {
  // A file named twice (a glob and a name) is read once; it is shown as it was first written.
  const written = new Map<string, string>();
  for (const path of givenPaths) if (!written.has(resolve(path))) written.set(resolve(path), path);
  const given = [...written.keys()];
  const givenSet = new Set(given);
  const folderDir = resolve(ownScenariosDir()) + sep;
  const inFolder = (path: string) => path.startsWith(folderDir);
  const sources: ScenarioSource[] = [
    ...given.map((path) => readSource(path, inFolder(path) ? "folder" : "given", written.get(path))),
    ...scenarioFilesIn()
      .filter((path) => !givenSet.has(path))
      .map((path) => readSource(path, "folder")),
    ...parentScenarioFiles()
      .filter((path) => !givenSet.has(path))
      .map((path) => readSource(path, "parent")),
    ...siblingScenarioFiles(given).map((path) => readSource(path, "sibling"))
  ].filter((source): source is ScenarioSource => source !== undefined);
  // Each id's files, by tier.
  const byId = new Map<string, Map<ScenarioTier, ScenarioSource[]>>();
  for (const source of sources) {
    if (source.readError) continue;
    const tiers = byId.get(source.id) ?? new Map<ScenarioTier, ScenarioSource[]>();
    byId.set(source.id, tiers);
    tiers.set(source.tier, [...(tiers.get(source.tier) ?? []), source]);
  }
  // Files of one tier in the order of their paths, so that every command names an id's files alike.
  for (const tiers of byId.values()) for (const files of tiers.values()) files.sort(byPath);
  /** The files that decide who gives `id`: the given ones with it (and their folder's, when one is in it), else
   * the highest tier's. */
  const deciding = (id: string): ScenarioSource[] => {
    const tiers = byId.get(id);
    const given = [...(tiers?.values() ?? [])].flat().filter((source) => source.given);
    if (given.length) {
      const folder = given.some((source) => source.tier === "folder") ? (tiers?.get("folder") ?? []) : [];
      return [...new Set([...given, ...folder])].sort(byPath);
    }
    const tier = TIER_ORDER.find((name) => tiers?.has(name));
    return tier ? tiers!.get(tier)! : [];
  };
  /** The one file that gives `id` among several that claim it: the one named for it (x.md for x), if only one is. */
  const winner = (files: readonly ScenarioSource[], id: string): ScenarioSource | undefined => {
    if (files.length === 1) return files[0];
    const named = files.filter((source) => basename(source.path, ".md") === id);
    return named.length === 1 ? named[0] : undefined;
  };
  return {
    given: sources.filter((source) => source.given),
    ids: [...byId.keys()].sort(),
    holder: (id) => {
      const files = deciding(id);
      if (files.length === 0) return undefined;
      const source = winner(files, id);
      if (!source) return {kind: "duplicate", sources: files};
      return source.scenario
        ? {kind: "scenario", source: source as ScenarioSource & {scenario: ParsedScenario}}
        : {kind: "broken", source};
    },
    duplicateError: (source) => {
      const files = deciding(source.id);
      if (files.length < 2 || !files.includes(source)) return undefined;
      const first = winner(files, source.id);
      if (first === source) return undefined;
      const others = (first ? [first] : files.filter((other) => other !== source)).map((other) => other.idAt);
      return duplicateIdError(
        source.scenario ?? source.partial ?? {id: source.id, idPosition: lineOne(source)},
        list(others)
      );
    },
    hiddenFiles: (id) => {
      const files = deciding(id);
      const first = winner(files, id);
      if (!first) return [];
      const hidden = [...(byId.get(id)?.get("sibling") ?? []), ...files];
      return [...new Set(hidden)].filter((source) => source !== first && !source.given);
    }
  };
}

function byPath(a: ScenarioSource, b: ScenarioSource): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** "a", "a and b", "a, b and c". */
function list(items: readonly string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/** "fix a and b (two files with the id x)": the files an id's holder asks the reader to fix. */
export function holderFiles(holder: Exclude<IdHolder, {kind: "scenario"}>, id: string): string {
  if (holder.kind === "broken") return holder.source.file;
  const count = ["two", "three", "four"][holder.sources.length - 2] ?? String(holder.sources.length);
  return `${list(holder.sources.map((source) => source.file))} (${count} files with the id ${id})`;
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
 * @param chain The resolved scenario's ids, itself first (resolveScenario's chain).
 * @param lookup The file each parent id resolved to.
 */
export function noteHiddenFiles(
  sources: ScenarioSources,
  chain: readonly string[],
  lookup: (id: string) => ParsedScenario | undefined
): void {
  for (const parent of chain.slice(1)) {
    for (const hidden of sources.hiddenFiles(parent)) {
      const note =
        `${hidden.file}: id '${parent}' is also ${lookup(parent)?.file ?? "a scenarios folder's"}'s, which ` +
        `${chain[0]} extends, not this file (give this file another id to extend it)`;
      if (notesWritten.has(note)) continue;
      notesWritten.add(note);
      process.stderr.write(`token-ledger: note: ${note}\n`);
    }
  }
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
    id: basename(path, ".md"),
    idAt: `${file}:1:1`,
    errors: []
  };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (!given) return undefined;
    return {...source, readError: error as NodeJS.ErrnoException};
  }
  if (given) source.text = text;
  try {
    source.scenario = parseScenario({file, text});
  } catch (error) {
    if (!isUserError(error)) throw error;
    source.errors = userErrorList(error);
    source.partial = partialScenario(error);
  }
  const parsed = source.scenario ?? source.partial;
  if (parsed) {
    source.id = parsed.id;
    source.idAt = idLocation(parsed);
  }
  return source;
}
