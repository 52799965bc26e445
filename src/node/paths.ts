import {existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync} from "node:fs";
import {basename, dirname, join, relative, resolve, isAbsolute} from "node:path";
import {fileURLToPath} from "node:url";
import {UserError} from "../errors/userError.js";
import {MARKDOWN_EXTENSION, MARKDOWN_EXTENSION_WORDS} from "../scenario/file/markdownExtensions.js";

// Two roots. The package root is token-ledger's own folder (in this repository, the repository; installed, the
// folder under node_modules): its data/ holds the bundled catalogs and scenarios. The project root is the report
// project a command works in: the nearest folder at or above the working directory whose package.json depends on
// token-ledger (TOKEN_LEDGER_PROJECT names one instead). A project's data/hardware.csv, data/models.csv and
// data/scenarios/ add to the bundled ones. Inside this repository the two roots are one, and there is nothing to add.

/** The nearest folder at or above `start` that holds a package.json. */
function packageFolder(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return start;
  }
}

/** token-ledger's own folder (where the bundled data/ lives), whether run from src/ or compiled into dist-lib/. */
export const PACKAGE_ROOT = packageFolder(dirname(fileURLToPath(import.meta.url)));
/**
 * A file or folder of the package's docs/ (`components`, `glossary.md`): there in a checkout, and in dist-lib/ in an
 * installed package, which ships no docs/ (scripts/build-lib.js copies what a project's pages need).
 */
export function packageDocsPath(relative: string): string {
  const inCheckout = join(PACKAGE_ROOT, "docs", relative);
  return existsSync(inCheckout) ? inCheckout : join(PACKAGE_ROOT, "dist-lib", relative);
}

/** The bundled data: catalogs, measurements, training runs and scenarios. */
export const DATA_DIR = resolve(PACKAGE_ROOT, "data");

/** The version in token-ledger's package.json (the checkout's or the installed package's): `new` and `--version`. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as {version: string}).version;
}
/** The bundled scenarios. */
export const SCENARIOS_DIR = resolve(DATA_DIR, "scenarios");

/** A report project: the folder, and its own data/ and data/scenarios/. */
export interface ProjectRoot {
  root: string;
  dataDir: string;
  scenariosDir: string;
}

/**
 * The report project a command run from `cwd` works in, or undefined when there is none other than this package
 * (a command run inside this repository, or in a folder that is no token-ledger project).
 *
 * @param cwd The working directory (default: the process's).
 * @param env The environment: TOKEN_LEDGER_PROJECT, when set, names the project's folder outright.
 * @returns The project's root and data folders (found by package.json, its data/ need not exist); undefined when it is
 *   this package itself.
 * @throws UserError naming TOKEN_LEDGER_PROJECT when it names no folder with a data/scenarios/ folder (a missing
 *   folder, a file, a typo were all taken as an empty project: "0 scenario files valid", exit 0; breaker).
 */
export function findProject(cwd = process.cwd(), env: NodeJS.ProcessEnv = process.env): ProjectRoot | undefined {
  const named = env.TOKEN_LEDGER_PROJECT;
  const root = named ? resolve(cwd, named) : dependentPackage(resolve(cwd));
  if (root === undefined || resolve(root) === PACKAGE_ROOT) return undefined;
  if (named && !isFolder(join(root, "data", "scenarios"))) {
    throw new UserError({
      flag: "TOKEN_LEDGER_PROJECT",
      message: isFolder(root) ? "not a report project" : existsSync(root) ? "not a folder" : "no such folder",
      expected: "a report project folder (with data/scenarios/)",
      found: named
    });
  }
  const dataDir = join(root, "data");
  return {root, dataDir, scenariosDir: join(dataDir, "scenarios")};
}

/**
 * The error for a file's path written with a trailing slash (`base.md/`, as a shell's completion of a folder leaves
 * it), or undefined for any other path: the system reads it as a folder and finds none, and `run` offered the file's
 * id ("did you mean base, its id without .md?") while `validate` said "not a Markdown file … found a .md file"
 * (tester). Refused, as `--out` refuses a file path with one, naming the path without it. `at` places the error: a
 * flag (`SCENARIO`) or the file as messages name it.
 */
export function slashedFileError(path: string, at: {flag: string} | {file: string}): UserError | undefined {
  const bare = path.replace(/[\\/]+$/, "");
  if (bare === path || bare === "" || !isRegularFile(bare)) return undefined;
  return new UserError({
    ...at,
    message: "a file written with a trailing slash",
    expected: `the file's path without it, ${bare}`,
    found: path
  });
}

/** True when `path` is a folder (false when it is missing, a file, or cannot be read). */
export function isFolder(path: string): boolean {
  return statKind(path) === "folder";
}

/** True when `path` is a regular file, links followed (false when it is missing, a folder, or cannot be read). */
export function isRegularFile(path: string): boolean {
  return statKind(path) === "file";
}

function statKind(path: string): "file" | "folder" | "other" | undefined {
  try {
    const stat = statSync(path);
    return stat.isFile() ? "file" : stat.isDirectory() ? "folder" : "other";
  } catch {
    return undefined;
  }
}

/**
 * The nearest folder at or above `start` whose package.json lists token-ledger among its dependencies.
 * Throws a UserError naming a package.json that does not parse and names token-ledger: a project whose manifest lost
 * a comma was silently no project, and `validate` checked the bundled scenarios instead ("7 scenario files valid",
 * exit 0; breaker). One that does not parse and does not name token-ledger is no project of ours: the search goes on
 * above it.
 */
function dependentPackage(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      let text = "";
      try {
        // A byte-order mark is dropped, as npm reads the file (it was refused as "Unexpected token"; breaker).
        text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
        const pkg = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
        if (pkg.dependencies?.["token-ledger"] || pkg.devDependencies?.["token-ledger"]) return dir;
      } catch (error) {
        if (text.includes('"token-ledger"')) {
          // V8 names the offset ("… in JSON at position 12"): the file's line and column there.
          const at = /at position (\d+)/.exec((error as Error).message);
          const before = at ? text.slice(0, Number(at[1])).split("\n") : null;
          throw new UserError({
            file,
            ...(before ? {line: before.length, column: before.at(-1)!.length + 1} : {}),
            message: "the project's package.json does not parse, so its scenarios and catalogs cannot be found",
            expected: "JSON",
            found: (error as Error).message
          });
        }
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** The real paths of the files this process read as input (readUtf8File): a scenario given by path, its siblings. */
const filesRead = new Set<string>();

/** Notes that the command read `path` as input, so that no --out of it may replace it (commandInputFiles). */
export function noteInputFile(path: string): void {
  filesRead.add(realPath(path));
}

/**
 * The files the commands read as input, which no --out may replace: the catalogs, measurements and training runs of
 * the package's data/ and of the project's, the package's own package.json (a sweep's --out package.json in the
 * checkout broke every command after it; breaker) and the project's (which makes it a project), the scenario files of
 * the bundled data/scenarios/ and of the project's, and every file this process has read as input (a scenario given by
 * path, and those beside it it may extend: noteInputFile). A sweep's --out through a link to base.md replaced the
 * scenario with a CSV (breaker). Absolute paths; a file need not exist.
 */
export function commandInputFiles(): string[] {
  const project = findProject();
  const names = ["hardware.csv", "models.csv", "measurements.csv", "training-runs.csv"];
  return [
    join(PACKAGE_ROOT, "package.json"),
    ...names.map((name) => join(DATA_DIR, name)),
    ...scenarioFilesOf(SCENARIOS_DIR),
    ...(project
      ? [
          ...names.map((name) => join(project.dataDir, name)),
          join(project.root, "package.json"),
          ...scenarioFilesOf(project.scenariosDir)
        ]
      : []),
    ...filesRead
  ];
}

/** The built sites this process was pointed at (a pdf's --site): noteSiteOutput. */
const sitesNamed = new Set<string>();

/** Notes that `dir` is a built site the command reads (pdf's --site), so that no --out may write into it. */
export function noteSiteOutput(dir: string): void {
  sitesNamed.add(realPath(dir));
}

/**
 * The build output folders no --out may write into, as it may not replace an input (commandInputFiles): the package's
 * dist/, the project's, the working folder's when it is a report site (observablehq.config.ts), and every site this
 * process was pointed at (noteSiteOutput). A pdf's --out through a link into dist/ replaced a built page (breaker).
 * Real paths.
 */
export function siteOutputDirs(cwd = process.cwd()): string[] {
  const project = findProject(cwd);
  const dirs = [
    join(PACKAGE_ROOT, "dist"),
    ...(project ? [join(project.root, "dist")] : []),
    ...(existsSync(join(cwd, "observablehq.config.ts")) ? [join(cwd, "dist")] : [])
  ];
  return [...new Set([...dirs.map(realPath), ...sitesNamed])];
}

/** The build output folder (siteOutputDirs) that holds the real path `real`, or undefined when none does. */
export function siteOutputHolding(real: string, cwd = process.cwd()): string | undefined {
  return siteOutputDirs(cwd).find((dir) => {
    const inside = relative(dir, real);
    return inside !== "" && !inside.startsWith("..") && !isAbsolute(inside);
  });
}

// The Markdown extensions (MARKDOWN_EXTENSIONS, their pattern and their words) live with the scenario file, which
// browser code reads too; re-exported for the callers here.
export {MARKDOWN_EXTENSION, MARKDOWN_EXTENSION_WORDS};

/** Whether a path names a Markdown file by its extension (MARKDOWN_EXTENSION). */
export function isMarkdownPath(path: string): boolean {
  return MARKDOWN_EXTENSION.test(path);
}

/**
 * The id a scenario file's name gives: its base name without the Markdown extension (`Upper` for
 * data/scenarios/Upper.MD, `long` for long.markdown). A file's `id:` overrides it (parseScenario).
 */
export function scenarioFileId(path: string): string {
  return basename(path).replace(MARKDOWN_EXTENSION, "");
}

/**
 * The Markdown files of a scenarios folder (.md or .markdown in any case, as scenarioFilesIn takes them; all of them,
 * README.md and _drafts too); none when it cannot be read.
 */
function scenarioFilesOf(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter(isMarkdownPath)
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/**
 * The folder whose data/scenarios/ holds the scenarios a command reports on and the site has pages for: the
 * project's when there is one, else the bundled one.
 */
export function ownScenariosDir(): string {
  return findProject()?.scenariosDir ?? SCENARIOS_DIR;
}

/**
 * The path with symbolic links resolved (a project reached through a link is one place). A path that does not exist
 * yet is its nearest existing folder's real path with the rest appended: a file to be made through a link to a folder
 * (`/tmp/distlink/y.csv`, the link leading to dist/) is the file in the folder the link leads to. It was taken as
 * written, so a sweep's --out wrote into the built site (breaker).
 */
export function realPath(path: string): string {
  const absolute = resolve(path);
  const rest: string[] = [];
  let at = absolute;
  for (;;) {
    try {
      return join(realpathSync(at), ...rest);
    } catch {
      const parent = dirname(at);
      if (parent === at) return absolute;
      rest.unshift(basename(at));
      at = parent;
    }
  }
}

/**
 * The working folder's data/scenarios/ when it is no project's: no package.json at or above the folder lists
 * token-ledger, so the commands do not read it by id (`run mine` said only "unknown scenario" over a
 * data/scenarios/mine.md; trial). Undefined in a project, inside this package, or where nothing is there. Whatever
 * is there is returned, a file or a link loop too, for the reader of its files to refuse (scenarioFilesIn): taken
 * for no folder, it had validate check the bundled scenarios instead (breaker).
 */
export function unreadScenariosDir(cwd = process.cwd()): string | undefined {
  const here = resolve(cwd, "data", "scenarios");
  if (findProject(cwd) || !isThere(here) || realPath(here) === realPath(SCENARIOS_DIR)) return undefined;
  return here;
}

/** True when there is something at `path`, a file or a broken link included. */
export function isThere(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
