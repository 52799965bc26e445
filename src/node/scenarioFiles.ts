import {readdirSync, readFileSync, statSync} from "node:fs";
import {basename, dirname, extname, relative, resolve} from "node:path";
import {fsErrorWords} from "./fsErrorWords.js";
import {UserError, UserErrors, isUserError, userErrorList} from "../errors/userError.js";
import {parseScenario, type ParsedScenario} from "../scenario/file/parseScenario.js";
import {
  findProject,
  isMarkdownPath,
  isRegularFile,
  isThere,
  MARKDOWN_EXTENSION_WORDS,
  ownScenariosDir,
  realPath,
  SCENARIOS_DIR,
  scenarioFileId,
  unreadScenariosDir
} from "./paths.js";
import {readUtf8File} from "./readText.js";
import {lazyCatalogIds} from "./catalogFiles.js";

export {realPath};

/** A file name as the user would write it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") ? path : rel;
}

// What names a Markdown file, and the id its name gives, live with the other path rules (paths.ts).
export {isMarkdownPath, scenarioFileId} from "./paths.js";

/**
 * A path's extension when it names a file of another kind than Markdown (".mjs" for some.mjs, ".json", ".csv");
 * undefined for a Markdown path and for a name with no extension, or one of digits (an id such as `v1.2` has none).
 */
export function nonMarkdownExtension(path: string): string | undefined {
  const extension = extname(path);
  return /^\.[a-z][a-z0-9]*$/i.test(extension) && !isMarkdownPath(path) ? extension : undefined;
}

/**
 * The scenario files of a folder, sorted by name; none when nothing is there. A scenario file is one a path names as
 * Markdown (isMarkdownPath: .md or .markdown in any case, as `validate Upper.MD` reads it; Upper.MD in the folder was
 * passed over), but README and names starting with `_`. The default is the scenarios a command reports on and the
 * site has pages for: the project's data/scenarios/ in a report project, else the bundled data/scenarios/.
 *
 * @throws UserError naming the folder when it is a file, or is there but cannot be read (EACCES, ELOOP, a broken
 *   link): readdirSync's EACCES was a stack trace, and a file or a link loop where a folder that is no project's
 *   data/scenarios/ belongs was passed over for the bundled scenarios (breaker).
 */
export function scenarioFilesIn(dir = ownScenariosDir()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && !isThere(dir)) return [];
    throw unreadableFolder(dir, code ?? (error as Error).message);
  }
  return names
    .filter((name) => isMarkdownPath(name) && !name.startsWith("_") && scenarioFileId(name).toLowerCase() !== "readme")
    .sort()
    .map((name) => resolve(dir, name));
}

/**
 * Endings of a file in a scenarios folder that reads as a scenario written under another ending (MDX, another
 * Markdown ending, bare YAML, text), which validate notes as not read: x2.mdx, notes.txt and y.yaml beside a scenario
 * were passed over without a word ("1 scenario file valid"; breaker). Files of other kinds (a .csv, an image) are not
 * named.
 */
export const SCENARIO_ATTEMPT_EXTENSIONS: readonly string[] = [
  ".mdx",
  ".mkd",
  ".mkdn",
  ".mdown",
  ".yaml",
  ".yml",
  ".txt"
];

/**
 * The regular files of a folder that scenarioFilesIn passes over for their ending (not Markdown, with an extension),
 * sorted, README and names starting with `_` or `.` left out as there; none when the folder cannot be read (validate
 * gives that error from scenarioFilesIn).
 */
export function nonMarkdownFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => extname(name) !== "" && !isMarkdownPath(name) && !/^[_.]/.test(name))
    .filter((name) => basename(name, extname(name)).toLowerCase() !== "readme")
    .sort()
    .map((name) => resolve(dir, name))
    .filter(isRegularFile);
}

/** The files of a scenarios folder that look like scenarios under another ending (SCENARIO_ATTEMPT_EXTENSIONS). */
export function scenarioAttemptsIn(dir: string): string[] {
  return nonMarkdownFilesIn(dir).filter((file) => SCENARIO_ATTEMPT_EXTENSIONS.includes(extname(file).toLowerCase()));
}

/**
 * The file a scenarios folder read by id (a project's data/scenarios/, or the working folder's that is no project's)
 * has for `id` under another ending, any (data/scenarios/x2.mdx for x2): `run x2` said only "unknown scenario 'x2'"
 * (breaker). Undefined when there is none.
 */
export function skippedFileFor(id: string): string | undefined {
  const dirs = [ownScenariosDir(), unreadScenariosDir()].filter((dir) => dir !== undefined);
  return dirs.flatMap(nonMarkdownFilesIn).find((file) => basename(file, extname(file)) === id);
}

/**
 * Why `file` in a scenarios folder is not read, and what to do: "data/scenarios/x2.mdx is not read, as scenario
 * files end in .md or .markdown: rename it x2.md if it is a scenario".
 */
export function skippedFileSentence(file: string): string {
  const extension = extname(file);
  const renamed = `${basename(file, extension)}.md`;
  const yaml = /^\.ya?ml$/i.test(extension) ? ", its YAML between two --- lines," : "";
  return (
    `${displayPath(file)} is not read, as scenario files end in ${MARKDOWN_EXTENSION_WORDS}: ` +
    `rename it ${renamed}${yaml} if it is a scenario`
  );
}

/** The error for a scenarios folder readdirSync failed on with `code`, in words. */
function unreadableFolder(dir: string, code: string): UserError {
  const file = displayPath(dir);
  if (code === "ENOTDIR") {
    let found = "not a folder";
    try {
      if (statSync(dir).isFile()) found = "a file";
    } catch {
      // Gone since: "not a folder" still says what readdirSync met.
    }
    return new UserError({
      file,
      message: "not a folder",
      expected: `a folder of scenario files ending in ${MARKDOWN_EXTENSION_WORDS}`,
      found
    });
  }
  return new UserError({
    file,
    message: "cannot read the folder",
    expected: `a folder this user can read, of scenario files ending in ${MARKDOWN_EXTENSION_WORDS}`,
    found: fsErrorWords(code)
  });
}

/** Parses scenario files; every file's errors are collected, then thrown together. */
export function parseScenarioFiles(paths: readonly string[]): ParsedScenario[] {
  const parsed: ParsedScenario[] = [];
  const errors: UserError[] = [];
  const catalogIds = lazyCatalogIds();
  for (const path of paths) {
    try {
      // The real file's name gives a link's id, as in scenarioSources.ts.
      const name = displayPath(realPath(path));
      const text = readUtf8File(path, displayPath(path));
      parsed.push(parseScenario({file: displayPath(path), text, name, catalogIds}));
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
  const given = new Set(paths.map(realPath));
  const read = new Set([realPath(ownScenariosDir()), realPath(SCENARIOS_DIR)]);
  const files: string[] = [];
  for (const path of given) {
    const dir = dirname(path);
    if (read.has(dir)) continue;
    read.add(dir);
    files.push(...scenarioFilesIn(dir).filter((file) => !given.has(realPath(file))));
  }
  return files;
}
