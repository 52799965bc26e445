import {existsSync, readFileSync, statSync} from "node:fs";
import {didYouMean} from "../errors/suggest.js";
import {isUserError, UserError, UserErrors} from "../errors/userError.js";
import {scenarioFrontMatterText, type ParsedScenario} from "../scenario/file/parseScenario.js";
import {resolveScenario, scenarioChain, type ResolvedScenario} from "../scenario/resolve/resolveScenario.js";
import {scenarioIndex, type ScenarioIndex} from "../scenario/resolve/scenarioIndex.js";
import {
  isRegularFile,
  MARKDOWN_EXTENSION,
  MARKDOWN_EXTENSION_WORDS,
  slashedFileError,
  unreadScenariosDir
} from "./paths.js";
import {
  displayPath,
  isMarkdownPath,
  nonMarkdownExtension,
  parseScenarioFiles,
  realPath,
  scenarioFileId,
  scenarioFilesIn,
  skippedFileFor,
  skippedFileSentence
} from "./scenarioFiles.js";
import {checkScenarioFiles} from "./scenarioCheck.js";
import {blockedParent, holderErrors, holderFiles, noteHiddenFiles, readScenarioSources} from "./scenarioSources.js";

/** The scenarios a command can resolve by id: every file it sees, each id given by one file (scenarioSources.ts). */
export interface ScenarioLibrary {
  index: ScenarioIndex;
  resolve(id: string): ResolvedScenario;
  /** Ids no one file gives without error: resolving one (or a child of one) throws the errors that stop it. */
  brokenIds?: readonly string[];
}

/**
 * The library `run`, `compare`, `sweep` and `report` resolve scenarios in: the given files, the scenarios folder, the
 * bundled parents in a report project and the files beside the given ones, by the rules of scenarioSources.ts.
 *
 * @param extraPaths Files the command was given (a SCENARIO that is a path).
 * @returns The index of ids with one valid file; `resolve` throws UserErrors for an id (or a parent) that a file with
 *   errors or several files give, and notes a file beside the given ones that a chain passes by.
 * @throws UserErrors with a given file's own errors (another file's mistake stops only what extends it).
 */
export function loadScenarioLibrary(extraPaths: readonly string[] = []): ScenarioLibrary {
  const sources = readScenarioSources(extraPaths);
  // A given file's own errors, and its id's clash with the files of its folder (`run data/scenarios/b.md` with b's id
  // a.md's ran a.md: breaker).
  const givenErrors = sources.given.flatMap((source) => {
    if (source.readError)
      return [
        new UserError({
          file: source.file,
          message: "cannot read the file",
          expected: `a readable Markdown file ending in ${MARKDOWN_EXTENSION_WORDS}`,
          found: source.readError.code ?? source.readError.message
        })
      ];
    const duplicate = sources.duplicateError(source);
    return [...source.errors, ...(duplicate ? [duplicate] : [])];
  });
  if (givenErrors.length) throw new UserErrors(givenErrors);
  const scenarios: ParsedScenario[] = [];
  const blocked = new Map<string, {errors: UserError[]; files: string}>();
  // The ids as a file in the given file's folder sees them (its folder's files, not another folder's).
  const dir = sources.given[0] && sources.contextOf(sources.given[0]);
  for (const id of sources.ids) {
    const holder = sources.holder(id, dir);
    if (holder === undefined) continue;
    if (holder.kind === "scenario") scenarios.push(holder.source.scenario);
    else blocked.set(id, {errors: holderErrors(holder, sources), files: holderFiles(holder, id)});
  }
  const holders = scenarioIndex(scenarios);
  // A given file is run as itself, though another file gives its id to what extends it (scenarioSources.ts, rule 3).
  const own = new Map(sources.given.flatMap((source) => (source.scenario ? [[source.id, source.scenario]] : [])));
  const index = {
    lookup: (id: string) => own.get(id) ?? holders.lookup(id),
    ids: [...new Set([...holders.ids, ...own.keys()])].sort()
  };
  return {
    index,
    brokenIds: [...blocked.keys()].filter((id) => !own.has(id)),
    resolve: (id) => {
      const root = own.get(id);
      if (!root && blocked.has(id)) throw new UserErrors(blocked.get(id)!.errors);
      const self = root ?? holders.lookup(id);
      const stop = self && blockedAncestor(self, holders.lookup, blocked);
      if (self && stop !== undefined) {
        // The parent's errors, then what they stop, at the scenario's `extends`, as validate writes it (run printed a
        // parent's errors with no word of which scenario extends it; breaker).
        const files = new Map([...blocked].map(([blockedId, {files}]) => [blockedId, files]));
        const stopped = blockedParent(self, holders.lookup, files)?.error;
        throw new UserErrors([...blocked.get(stop)!.errors, ...(stopped ? [stopped] : [])]);
      }
      const chain = scenarioChain(id, holders.lookup, index.ids, root, {bundled: sources.bundled});
      noteHiddenFiles(sources, chain, dir);
      return resolveScenario(id, holders.lookup, index.ids, root, {bundled: sources.bundled});
    }
  };
}

/** The first id up `scenario`'s `extends` chain that `blocked` holds, as far as the files go (a cycle stops it). */
function blockedAncestor(
  scenario: ParsedScenario,
  lookup: (id: string) => ParsedScenario | undefined,
  blocked: ReadonlyMap<string, unknown>
): string | undefined {
  const met = new Set<ParsedScenario>([scenario]);
  for (let current: ParsedScenario | undefined = scenario; current?.extends;) {
    const parent: string = current.extends.id;
    if (blocked.has(parent)) return parent;
    current = lookup(parent);
    if (current === undefined || met.has(current)) return undefined;
    met.add(current);
  }
  return undefined;
}

/**
 * What the user meant by SCENARIO on the command line: a path to a file when it has a `/` or ends in .md or .markdown
 * (in any case), else an id among the bundled scenarios, else a file of that name in the working folder (`noext`,
 * as validate reads it). Returns the id and the library to resolve it in.
 *
 * Throws: a UserError naming `flag` for a path or name that is no scenario: a file missing, a folder, a file of
 * another kind by its extension (some.mjs, hardware.csv), an unknown id.
 */
export function locateScenario(arg: string, flag = "SCENARIO"): {id: string; library: ScenarioLibrary} {
  const looksLikePath = isMarkdownPath(arg) || arg.includes("/");
  // `run some.mjs` read the module as a scenario: "missing front matter … found export default 1" (breaker).
  const notMarkdown = () => {
    const extension = nonMarkdownExtension(arg);
    if (extension === undefined || !isRegularFile(arg)) return;
    throw new UserError({
      flag,
      message: "not a Markdown file",
      expected: `a scenario id like base, or a Markdown scenario file ending in ${MARKDOWN_EXTENSION_WORDS}`,
      found: `${arg}, a ${extension} file`
    });
  };
  const readFile = (): {id: string; library: ScenarioLibrary} => {
    try {
      const library = loadScenarioLibrary([arg]);
      const [parsed] = parseScenarioFiles([arg]);
      const id = parsed?.id ?? scenarioFileId(realPath(arg));
      // A file that parses but whose `extends` fails: validate's errors, its unknown catalog ids with that of the
      // parent (run printed the parent's error alone; new-user trial).
      const resolve = (asked: string) => {
        try {
          return library.resolve(asked);
        } catch (error) {
          throw asked === id ? everyFileError(arg, error) : error;
        }
      };
      return {id, library: {...library, resolve}};
    } catch (error) {
      throw everyFileError(arg, error);
    }
  };
  if (looksLikePath) {
    const slashed = slashedFileError(arg, {flag});
    if (slashed) throw slashed;
    notMarkdown();
    if (!existsSync(arg) || !statSync(arg).isFile()) {
      // `run base.md` for the bundled base: its id, which names it from any folder (it read "no such scenario file"
      // and nothing more; breaker).
      const id = scenarioFileId(arg);
      const extension = MARKDOWN_EXTENSION.exec(arg)?.[0] ?? ".md";
      const known = !existsSync(arg) && id !== "" && loadScenarioLibrary().index.lookup(id) !== undefined;
      throw new UserError({
        ...(known ? {hint: `did you mean ${id}, its id without ${extension}?`} : {}),
        flag,
        message: !existsSync(arg)
          ? "no such scenario file"
          : statSync(arg).isDirectory()
            ? "a directory, not a scenario file"
            : "not a regular file",
        expected: `a readable Markdown file ending in ${MARKDOWN_EXTENSION_WORDS}, or a scenario id`,
        found: arg
      });
    }
    return readFile();
  }
  const library = loadScenarioLibrary();
  // A file with errors: its own errors, not "unknown scenario".
  if (library.brokenIds?.includes(arg)) {
    try {
      library.resolve(arg);
    } catch (error) {
      // Only one file's errors when one file is named for the id (a.md and a.MD both are: the errors of both).
      const files = scenarioFilesIn().filter((path) => scenarioFileId(path) === arg);
      throw files.length === 1 ? everyFileError(files[0]!, error) : error;
    }
  }
  // A file of that id in a data/scenarios/ that is no project's: it is there, but read by id only in a project.
  const local = unreadFileFor(arg);
  if (library.index.lookup(arg) && local !== undefined) {
    // The bundled scenario of that id (`run base` beside a data/scenarios/base.md ran the bundled base, and said
    // nothing of the file; breaker).
    process.stderr.write(`token-ledger: note: ${arg} is the bundled scenario: ${unreadNote(local, arg)}\n`);
  }
  if (!library.index.lookup(arg)) {
    // A file of that name, not an id: what it is (an id may have a dot, as `llama-3.1` would).
    notMarkdown();
    // A file with no extension (`noext`) is read, as validate reads it: it was "unknown scenario" (tester).
    if (isRegularFile(arg)) return readFile();
    const ids = library.index.ids;
    // `run sub` where sub is a folder: it reads as an id, but the reader meant the folder (trial). `run mine` over a
    // data/scenarios/mine.md said only "unknown scenario" (trial).
    // `run x2` over a data/scenarios/x2.mdx said only "unknown scenario 'x2'" (breaker).
    const skipped = local === undefined ? skippedFileFor(arg) : undefined;
    const hint =
      local !== undefined
        ? unreadNote(local, arg)
        : skipped !== undefined
          ? skippedFileSentence(skipped)
          : existsSync(arg) && statSync(arg).isDirectory()
            ? `'${arg}' is a directory; name a Markdown file in it, one ending in ${MARKDOWN_EXTENSION_WORDS}`
            : didYouMean(arg, ids);
    throw new UserError({
      flag,
      message: `unknown scenario '${arg}'`,
      expected: `a path to a Markdown file ending in ${MARKDOWN_EXTENSION_WORDS}, or one of: ${ids.join(", ")}`,
      found: arg,
      ...(hint === undefined ? {} : {hint})
    });
  }
  // A file that parses but whose `extends` fails: validate's errors, as for the file named by its path (readFile).
  // `run mine` of a project's file extending an unknown parent and naming an unknown hardware id printed the extends
  // error alone, where `run data/scenarios/mine.md` printed both (helper item).
  const file = library.index.lookup(arg)?.file;
  const resolve = (asked: string) => {
    try {
      return library.resolve(asked);
    } catch (error) {
      throw asked === arg && file !== undefined ? everyFileError(file, error) : error;
    }
  };
  return {id: arg, library: {...library, resolve}};
}

/**
 * The file of the working folder's data/scenarios/ that is no project's (paths.ts unreadScenariosDir) that `id`
 * names: `<id>.md`, or a file whose front matter says `id: <id>`. Only regular files (a folder dir.md was hinted as a
 * file to name; breaker). Undefined when there is none, or the folder cannot be read: a hint or a note is no place for
 * that error, and validate gives it.
 */
function unreadFileFor(id: string): string | undefined {
  const dir = unreadScenariosDir();
  if (dir === undefined) return undefined;
  let files: string[];
  try {
    files = scenarioFilesIn(dir).filter(isRegularFile);
  } catch {
    return undefined;
  }
  return files.find((file) => scenarioFileId(file) === id) ?? files.find((file) => declaredId(file) === id);
}

/** What the notes say of `file` (unreadFileFor's): it is there, but not read by id here, and what to do instead. */
function unreadNote(file: string, id: string): string {
  const shown = displayPath(file);
  const has = scenarioFileId(file) === id ? `${shown} exists` : `${shown} has id ${id}`;
  return (
    `${has}, but no package.json at or above this folder lists token-ledger, so it is no report project and its ` +
    `data/scenarios/ is not read by id: name the file, ${shown}, or start a project with token-ledger new DIR`
  );
}

/** The `id:` a scenario file's front matter gives, read as text without parsing the file; undefined without one. */
function declaredId(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const frontMatter = scenarioFrontMatterText(text);
  return frontMatter && /^id:[ \t]*(["']?)([^"'#\s]+)\1[ \t]*(?:#.*)?$/m.exec(frontMatter)?.[2];
}

/**
 * A scenario file's errors as `validate` lists them (checkScenarioFiles), for `run` and `compare` on a file that does
 * not parse: parsing stops before the catalog ids are checked, so `run` left out an unknown `hardware: h100-sxn` that
 * `validate` reported beside the file's other errors (new-user trial). `error` as it was when validate finds none, or
 * it is not a user's mistake.
 */
function everyFileError(file: string, error: unknown): unknown {
  if (!isUserError(error)) return error;
  const errors = checkScenarioFiles([file]).errors;
  return errors.length === 0 ? error : errors.length === 1 ? errors[0] : new UserErrors(errors);
}
