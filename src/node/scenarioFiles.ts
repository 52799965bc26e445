import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {basename, extname, relative, resolve} from "node:path";
import {UserError, UserErrors, isUserError} from "../errors/userError.js";
import {parseScenario, type ParsedScenario} from "../scenario/file/parseScenario.js";
import {resolveScenario, type ResolvedScenario} from "../scenario/resolve/resolveScenario.js";
import {scenarioIndex, type ScenarioIndex} from "../scenario/resolve/scenarioIndex.js";
import {SCENARIOS_DIR} from "./paths.js";

/** A file name as the user would write it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") ? path : rel;
}

/** The scenario files of a folder (default data/scenarios/), sorted by name. */
export function scenarioFilesIn(dir = SCENARIOS_DIR): string[] {
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
      errors.push(...("errors" in error ? error.errors : [error]));
    }
  }
  if (errors.length) throw new UserErrors(errors);
  return parsed;
}

/** All bundled scenarios plus any extra files, indexed by id (extra files win over bundled ones of the same id). */
export interface ScenarioLibrary {
  index: ScenarioIndex;
  resolve(id: string): ResolvedScenario;
}

export function loadScenarioLibrary(extraPaths: readonly string[] = []): ScenarioLibrary {
  const extra = new Set(extraPaths.map((path) => resolve(path)));
  const bundled = scenarioFilesIn().filter((path) => !extra.has(path));
  const parsedExtra = parseScenarioFiles([...extra]);
  const extraIds = new Set(parsedExtra.map((scenario) => scenario.id));
  const parsedBundled = parseScenarioFiles(bundled).filter((scenario) => !extraIds.has(scenario.id));
  const index = scenarioIndex([...parsedBundled, ...parsedExtra]);
  return {index, resolve: (id) => resolveScenario(id, index.lookup, index.ids)};
}

/**
 * What the user meant by SCENARIO on the command line: a path to a file when one exists (or it ends in .md), else an
 * id among the bundled scenarios. Returns the id and the library to resolve it in.
 */
export function locateScenario(arg: string, flag = "SCENARIO"): {id: string; library: ScenarioLibrary} {
  const looksLikePath = arg.endsWith(".md") || arg.includes("/");
  if (looksLikePath) {
    if (!existsSync(arg) || !statSync(arg).isFile()) {
      throw new UserError({
        flag,
        message: "no such scenario file",
        expected: "a readable .md file or a scenario id",
        found: arg
      });
    }
    const library = loadScenarioLibrary([arg]);
    const [parsed] = parseScenarioFiles([arg]);
    return {id: parsed?.id ?? basename(arg, ".md"), library};
  }
  const library = loadScenarioLibrary();
  if (!library.index.lookup(arg)) {
    const ids = library.index.ids;
    throw new UserError({
      flag,
      message: `unknown scenario '${arg}'`,
      expected: `a path to a .md file or one of: ${ids.join(", ")}`,
      found: arg
    });
  }
  return {id: arg, library};
}
