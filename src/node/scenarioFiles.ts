import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {basename, dirname, extname, relative, resolve} from "node:path";
import {didYouMean} from "../errors/suggest.js";
import {UserError, UserErrors, isUserError, userErrorList} from "../errors/userError.js";
import {parseScenario, partialScenario, type ParsedScenario} from "../scenario/file/parseScenario.js";
import {resolveScenario, type ResolvedScenario} from "../scenario/resolve/resolveScenario.js";
import {duplicateIdError, idLocation, scenarioIndex, type ScenarioIndex} from "../scenario/resolve/scenarioIndex.js";
import {findProject, ownScenariosDir, SCENARIOS_DIR} from "./paths.js";

/** A file name as the user would write it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") ? path : rel;
}

/**
 * The scenario files of a folder, sorted by name. The default is the scenarios a command reports on and the site has
 * pages for: the project's data/scenarios/ in a report project, else the bundled data/scenarios/.
 */
export function scenarioFilesIn(dir = ownScenariosDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => extname(name) === ".md" && !name.startsWith("_") && name.toLowerCase() !== "readme.md")
    .sort()
    .map((name) => resolve(dir, name));
}

/** Parses scenario files; every file's errors are collected, then thrown together. */
export function parseScenarioFiles(paths: readonly string[]): ParsedScenario[] {
  const parsed: ParsedScenario[] = [];
  const errors: UserError[] = [];
  for (const path of paths) {
    try {
      parsed.push(parseScenario({file: displayPath(path), text: readFileSync(path, "utf8")}));
    } catch (error) {
      if (!isUserError(error)) throw error;
      errors.push(...userErrorList(error));
    }
  }
  if (errors.length) throw new UserErrors(errors);
  return parsed;
}

/**
 * The bundled scenarios a report project's scenarios may extend by id (none inside this package, where they are the
 * project's own). A project file with a bundled scenario's id stands in for it.
 */
export function parentScenarioFiles(): string[] {
  return findProject() ? scenarioFilesIn(SCENARIOS_DIR) : [];
}

/**
 * The scenario files beside the given ones (each given file's folder, the given files left out), which the given
 * files may extend by id as `validate A.md B.md` lets B extend A: `run B.md` found no parent `A` where validate did
 * (breaker). The scenarios folders (data/scenarios/, a project's and the bundled) are read as such elsewhere, so
 * they are left out here. A sibling stands in for no scenario of those folders: it only adds ids they do not have.
 */
export function siblingScenarioFiles(paths: readonly string[]): string[] {
  const given = new Set(paths.map((path) => resolve(path)));
  const read = new Set([resolve(ownScenariosDir()), resolve(SCENARIOS_DIR)]);
  const files: string[] = [];
  for (const path of given) {
    const dir = dirname(path);
    if (read.has(dir)) continue;
    read.add(dir);
    files.push(...scenarioFilesIn(dir).filter((file) => !given.has(file)));
  }
  return files;
}

/** All bundled scenarios plus any extra files, indexed by id (extra files win over bundled ones of the same id). */
export interface ScenarioLibrary {
  index: ScenarioIndex;
  resolve(id: string): ResolvedScenario;
  /** Ids of files set aside with errors: resolving one (or a child of one) throws its errors. */
  brokenIds?: readonly string[];
}

export function loadScenarioLibrary(extraPaths: readonly string[] = []): ScenarioLibrary {
  const extra = new Set(extraPaths.map((path) => resolve(path)));
  const bundled = scenarioFilesIn().filter((path) => !extra.has(path));
  const parsedExtra = parseScenarioFiles([...extra]);
  const extraIds = new Set(parsedExtra.map((scenario) => scenario.id));
  // Another file's mistake must not stop a run of this one: a broken bundled file (or a second file with an id) is
  // set aside, and only resolving its id (or a scenario that extends it) reports its errors.
  const brokenById = new Map<string, UserError[]>();
  const parsedBundled: ParsedScenario[] = [];
  for (const path of bundled) {
    try {
      const [scenario] = parseScenarioFiles([path]);
      if (scenario && !extraIds.has(scenario.id)) parsedBundled.push(scenario);
    } catch (error) {
      if (!isUserError(error)) throw error;
      brokenById.set(basename(path, ".md"), userErrorList(error));
    }
  }
  // In a report project, the bundled scenarios are parents: a project file with one's id stands in for it.
  const taken = new Set([...extraIds, ...parsedBundled.map((scenario) => scenario.id), ...brokenById.keys()]);
  for (const path of parentScenarioFiles().filter((path) => !extra.has(path))) {
    try {
      const [scenario] = parseScenarioFiles([path]);
      if (scenario && !taken.has(scenario.id)) parsedBundled.push(scenario);
    } catch (error) {
      if (!isUserError(error)) throw error;
      if (!taken.has(basename(path, ".md"))) brokenById.set(basename(path, ".md"), userErrorList(error));
    }
  }
  // Files beside the extra ones: parents by id, for ids no scenarios folder has (siblingScenarioFiles).
  const siblingIds = new Set<string>();
  // A sibling whose id a scenarios folder has: the folder's wins (as documented), and a chain through that id is told so.
  const shadowed = new Map<string, string>();
  for (const path of siblingScenarioFiles([...extra])) {
    try {
      const scenario = parseScenario({file: displayPath(path), text: readFileSync(path, "utf8")});
      if (taken.has(scenario.id) && !siblingIds.has(scenario.id) && !extraIds.has(scenario.id)) {
        shadowed.set(scenario.id, displayPath(path));
      }
      // Two siblings with one id are both kept, so that the id is set aside as a duplicate below and a child extending
      // it hears of both files (the first by name was taken silently; breaker).
      if (!taken.has(scenario.id) || siblingIds.has(scenario.id)) parsedBundled.push(scenario);
      if (!taken.has(scenario.id)) siblingIds.add(scenario.id);
      taken.add(scenario.id);
    } catch (error) {
      // A file beside it that cannot be read at all (a folder named x.md, no permission) is no parent: skipped.
      if (!isUserError(error)) continue;
      // Set aside under the id its front matter gives (a child extending it then hears of its errors).
      const id = partialScenario(error)?.id ?? basename(path, ".md");
      if (!taken.has(id)) brokenById.set(id, userErrorList(error));
      taken.add(id);
    }
  }
  const firsts = new Map<string, ParsedScenario>();
  for (const scenario of [...parsedBundled, ...parsedExtra]) {
    const first = firsts.get(scenario.id);
    if (first === undefined || extraIds.has(scenario.id)) {
      firsts.set(
        scenario.id,
        extraIds.has(scenario.id) ? (parsedExtra.find((s) => s.id === scenario.id) ?? scenario) : scenario
      );
      continue;
    }
    // Every further file with the id is named (three copies named the first and the third; breaker).
    brokenById.set(scenario.id, [
      ...(brokenById.get(scenario.id) ?? []),
      duplicateIdError(scenario, idLocation(first))
    ]);
  }
  const index = scenarioIndex([...firsts.values()]);
  return {
    index,
    brokenIds: [...brokenById.keys()],
    resolve: (id) => {
      for (const scenario of scenarioChainIds(id, index.lookup)) {
        const errors = brokenById.get(scenario);
        if (errors) throw new UserErrors(errors);
      }
      const resolved = resolveScenario(id, index.lookup, index.ids);
      for (const parent of resolved.chain.slice(1)) {
        const file = shadowed.get(parent);
        if (file)
          noteOnce(
            `${file}: id '${parent}' is also ${index.lookup(parent)?.file ?? "a scenarios folder's"}'s, which ${id} extends, not this file (give this file another id to extend it)`
          );
      }
      return resolved;
    }
  };
}

/** Notes written this process: each once (compare resolves a scenario per column). */
const notesWritten = new Set<string>();

/**
 * Writes a `token-ledger: note:` line to stderr, once per process: a sibling file that a scenarios folder's scenario of
 * its id stands in for, so `run child.md` beside a copied and edited base.md says it read the bundled base (breaker).
 */
function noteOnce(note: string): void {
  if (notesWritten.has(note)) return;
  notesWritten.add(note);
  process.stderr.write(`token-ledger: note: ${note}\n`);
}

/** `id` and the ids its `extends` chain names, as far as the files go (a cycle stops it). */
function scenarioChainIds(id: string, lookup: (id: string) => ParsedScenario | undefined): string[] {
  const ids: string[] = [];
  for (let current: string | undefined = id; current !== undefined && !ids.includes(current);) {
    ids.push(current);
    current = lookup(current)?.extends?.id;
  }
  return ids;
}

/**
 * What the user meant by SCENARIO on the command line: a path to a file when one exists (or it ends in .md), else an
 * id among the bundled scenarios. Returns the id and the library to resolve it in.
 */
export function locateScenario(arg: string, flag = "SCENARIO"): {id: string; library: ScenarioLibrary} {
  const looksLikePath = arg.endsWith(".md") || arg.includes("/");
  if (looksLikePath) {
    if (!existsSync(arg) || !statSync(arg).isFile()) {
      // A directory or a device is there, but is not a file to read (/dev/null read "no such scenario file": breaker).
      throw new UserError({
        flag,
        message: !existsSync(arg)
          ? "no such scenario file"
          : statSync(arg).isDirectory()
            ? "a directory, not a scenario file"
            : "not a regular file",
        expected: "a readable .md file or a scenario id",
        found: arg
      });
    }
    const library = loadScenarioLibrary([arg]);
    const [parsed] = parseScenarioFiles([arg]);
    return {id: parsed?.id ?? basename(arg, ".md"), library};
  }
  const library = loadScenarioLibrary();
  // A file with errors: its own errors, not "unknown scenario".
  if (library.brokenIds?.includes(arg)) library.resolve(arg);
  if (!library.index.lookup(arg)) {
    const ids = library.index.ids;
    // `run sub` where sub is a folder: it reads as an id, but the reader meant the folder (trial).
    const hint =
      existsSync(arg) && statSync(arg).isDirectory()
        ? `'${arg}' is a directory; name a .md file in it`
        : didYouMean(arg, ids);
    throw new UserError({
      flag,
      message: `unknown scenario '${arg}'`,
      expected: `a path to a .md file or one of: ${ids.join(", ")}`,
      found: arg,
      ...(hint === undefined ? {} : {hint})
    });
  }
  return {id: arg, library};
}
