import {statSync} from "node:fs";
import {dirname} from "node:path";
import {fsErrorWords} from "./fsErrorWords.js";
import {formatUserError, UserError, UserErrors, userErrorList} from "../errors/userError.js";
import {bindScenario} from "../scenario/evaluate/evaluateScenario.js";
import {scenarioBody, scenarioTitle, type ParsedScenario} from "../scenario/file/parseScenario.js";
import {narrativeErrors} from "../scenario/narrative/narrative.js";
import {
  resolveScenario,
  scenarioChain,
  type ResolvedScenario,
  type ScenarioLookup
} from "../scenario/resolve/resolveScenario.js";
import {scenarioIndex, type ScenarioIndex} from "../scenario/resolve/scenarioIndex.js";
import {scenarioRunError} from "../scenario/run/rejectedDraw.js";
import {DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED} from "../scenario/run/runScenario.js";
import {prepareMeasurements} from "../inference/calibration/calibrate.js";
import {loadHardware, loadModels, loadTrainingRuns, type Catalogs} from "./catalogFiles.js";
import {loadMeasurements} from "./measurementFiles.js";
import {displayPath, scenarioFileId, scenarioFilesIn, skippedFileFor, skippedFileSentence} from "./scenarioFiles.js";
import type {ScenarioLibrary} from "./scenarioLibrary.js";
import {blockedParent, holderErrors, holderFiles, noteHiddenFiles, readScenarioSources} from "./scenarioSources.js";
import {unsourcedKeysNote} from "../scenario/file/unsourcedKeys.js";
import {copiedFromNote, type CopyFacts} from "../scenario/file/copiedFrom.js";
import {inheritedSourcesNote} from "../scenario/resolve/inheritedSources.js";
import {glossaryAnchors} from "./glossary.js";
import {MARKDOWN_EXTENSION_WORDS, realPath, SCENARIOS_DIR} from "./paths.js";

/** One checked scenario file: its id (from `id:` or its name) and every error found in it. */
export interface ScenarioFileCheck {
  /** The file as the user would write it (relative to the working directory). */
  file: string;
  /** The scenario's id; the file's base name when the front matter could not be read. */
  id: string;
  /** The file's base name without `.md`: the site's page for it is /scenarios/<name>. */
  name: string;
  /**
   * The scenario's name on its page and in the site's navigation (scenarioTitle): its `title:`, read also when other
   * keys of the file are in error, else its id.
   */
  title: string;
  errors: UserError[];
  /** The file as parsed, when it has no error (what `validate` reads for keys set without a source). */
  scenario?: ParsedScenario;
  /** The file resolved through its `extends` chain, when it has no error (what `validate` reads for run's notes). */
  resolved?: ResolvedScenario;
  /**
   * Its parent (chain[1]) resolved as the file's own chain found it, when that resolves: a parent beside a file outside
   * the scenarios folder is not in the library (inheritedSourcesNote's; it was not noted; breaker).
   */
  parent?: ResolvedScenario;
}

/** The result of checking scenario files together with the catalogs they are evaluated against. */
export interface ScenarioCheck {
  /** Each file asked about, in the order given. */
  files: ScenarioFileCheck[];
  /** Errors in data/hardware.csv, data/models.csv (no scenario is evaluated while there are any) and data/measurements.csv. */
  catalogErrors: UserError[];
  /** Every error, catalog errors first, then each file's in order. */
  errors: UserError[];
  /** The catalogs, when they loaded without error. */
  catalogs: Catalogs | undefined;
  /** The scenarios without errors (and the bundled parents they may extend), ready to resolve and run. */
  library: ScenarioLibrary;
}

/**
 * Loads the catalogs (data/hardware.csv, data/models.csv) and checks data/measurements.csv and
 * data/training-runs.csv against them, collecting the errors of each file rather than stopping at the first.
 */
export function checkCatalogs(): {catalogs: Catalogs | undefined; errors: UserError[]} {
  const errors: UserError[] = [];
  let hardware, models;
  try {
    hardware = loadHardware();
  } catch (error) {
    errors.push(...userErrorList(error));
  }
  try {
    models = loadModels();
  } catch (error) {
    errors.push(...userErrorList(error));
  }
  const catalogs = hardware && models ? {hardware, models} : undefined;
  // The published measurements the model-accuracy page compares against: their rows name catalog ids.
  try {
    const {measurements, file} = loadMeasurements();
    if (catalogs) prepareMeasurements(measurements, catalogs, file);
  } catch (error) {
    errors.push(...userErrorList(error));
  }
  // The published training runs the model-accuracy page compares against: their rows name catalog ids too.
  try {
    if (catalogs) loadTrainingRuns(catalogs);
  } catch (error) {
    errors.push(...userErrorList(error));
  }
  return {catalogs, errors};
}

/**
 * Checks scenario files as far as they go: parse (front matter, keys, units, ranges, distributions, sources, live
 * values), resolve (`extends`), catalog ids, an evaluation at the median of every distribution (memory fit,
 * prices), then the Monte Carlo draws `run` makes by default (DEFAULT_SCENARIO_SAMPLES draws, seed
 * DEFAULT_SCENARIO_SEED), stopping at the first one a model rejects (firstRejectedDraw), so a file that validates runs. Every error of every file is collected; nothing is thrown for a user's mistake.
 *
 * @param files Paths of the files to report on (default: every file in data/scenarios/). Bundled scenarios not among
 *   them are parents the files may extend; a given file wins over a bundled one with the same id.
 * @returns Each file's errors, the catalogs' errors, and a library of the files that passed.
 */
export function checkScenarioFiles(files: readonly string[] = scenarioFilesIn()): ScenarioCheck {
  // Which file gives each id, as `run` decides it (scenarioSources.ts): the given files, the scenarios folder, the
  // bundled parents in a report project, the files beside the given ones.
  const sources = readScenarioSources(files);
  const checks: ScenarioFileCheck[] = sources.given.map((source) => ({
    file: source.file,
    id: source.id,
    name: scenarioFileId(source.path),
    title: scenarioTitle(source.scenario ?? source.partial ?? {id: source.id, title: undefined}),
    errors: []
  }));
  /** What each file with errors read without error: its catalog ids are still checked, below. */
  const partials: (ParsedScenario | undefined)[] = [];
  /**
   * Each file whose front matter parsed, whatever its narrative and whether another file gives its id: it is resolved,
   * bound and drawn below like a file without errors, so an error in the narrative or a shared id no longer hides an
   * unknown parent or catalog id (`{{metrics.nope}}`, or `id: zz` in a.md and b.md, left `extends: bse` and
   * `hardware: h100-sxn` unsaid; helper items).
   */
  const frontMatterParsed: (ParsedScenario | undefined)[] = [];
  const parsedGiven: (ParsedScenario | undefined)[] = sources.given.map((source, i) => {
    const check = checks[i]!;
    if (source.readError) {
      // `validate base` names an id where a file is expected: point at the bundled file of that id.
      const bundledFile = scenarioFilesIn().find((file) => scenarioFileId(file) === source.givenAs);
      const code = source.readError.code;
      // `validate x2` over a data/scenarios/x2.mdx: why that file is not read (it said only "no such file"; breaker).
      const skipped =
        code === "ENOENT" && source.givenAs !== undefined && !source.givenAs.includes("/")
          ? skippedFileFor(source.givenAs)
          : undefined;
      check.errors.push(
        new UserError({
          file: check.file || '""',
          message:
            code === "EISDIR"
              ? "a directory, not a scenario file"
              : code === "ENOENT"
                ? "no such file"
                : "cannot read the file",
          expected: `a readable Markdown file ending in ${MARKDOWN_EXTENSION_WORDS}`,
          // The reason, for any other failure than those two (a link loop said only "cannot read the file"; breaker).
          found:
            code === "EISDIR" || code === "ENOENT" || code === undefined
              ? (source.givenAs ?? source.path)
              : `${source.givenAs ?? source.path}, ${fsErrorWords(code)}`,
          ...(bundledFile
            ? {hint: `did you mean ${displayPath(bundledFile)}?`}
            : skipped
              ? {hint: skippedFileSentence(skipped)}
              : {})
        })
      );
      return undefined;
    }
    check.errors.push(...source.errors);
    partials[i] = source.partial;
    const duplicate = sources.duplicateError(source);
    if (duplicate) check.errors.push(duplicate);
    frontMatterParsed[i] = source.scenario;
    // The narrative is checked even when the front matter has errors, so one pass lists both.
    const body = scenarioBody(source.text ?? "");
    check.errors.push(...(body ? narrativeErrors({file: check.file, ...body}, glossaryAnchors()) : []));
    return check.errors.length ? undefined : source.scenario;
  });
  /**
   * The ids as a file in folder `dir` sees them (its folder's files, not another folder's): an index of the ids one
   * file gives without error, and for the others the files to fix (a child extending one is told so).
   */
  const contexts = new Map<
    string | undefined,
    {index: ScenarioIndex; broken: Map<string, string>; duplicates: Map<string, UserError[]>}
  >();
  const context = (dir: string | undefined) => {
    const known = contexts.get(dir);
    if (known) return known;
    const broken = new Map<string, string>();
    const duplicates = new Map<string, UserError[]>();
    const usable: ParsedScenario[] = [];
    for (const id of sources.ids) {
      const holder = sources.holder(id, dir);
      if (holder === undefined) continue;
      if (holder.kind !== "scenario") duplicates.set(id, holderErrors(holder, sources));
      if (holder.kind !== "scenario") broken.set(id, holderFiles(holder, id));
      // A given file with an error in its narrative gives no parent either.
      else if (holder.source.given && !parsedGiven[sources.given.indexOf(holder.source)])
        broken.set(id, `fix ${holder.source.file} first`);
      else usable.push(holder.source.scenario);
    }
    const made = {index: scenarioIndex(usable), broken, duplicates};
    contexts.set(dir, made);
    return made;
  };
  const {catalogs, errors: catalogErrors} = checkCatalogs();
  /** Errors of other files that a file's errors follow from, written before them (the files giving its parent's id). */
  const before: UserError[][] = checks.map(() => []);
  // An id fails when no file that passed has it.
  const passedIds = new Set(parsedGiven.filter((scenario) => scenario !== undefined).map((scenario) => scenario.id));
  // A file whose id is in error fails no id: its id is only its file's name, which another file may give. Nor does a
  // path refused unread (`base.md/`): it names no file.
  const failed = new Set(
    checks
      .filter(
        (check, i) =>
          check.errors.length && !passedIds.has(check.id) && !sources.given[i]!.idInError && !sources.given[i]!.refused
      )
      .map((check) => check.id)
  );
  const resolvedGiven: (ResolvedScenario | undefined)[] = [];
  const parentGiven: (ResolvedScenario | undefined)[] = [];
  // Every file whose front matter parsed, also one with errors in its narrative or an id another file gives (not
  // parsedGiven): its errors are added to those, and its id, already failed (or given by another file that passed),
  // is left as it is.
  frontMatterParsed.forEach((scenario, i) => {
    if (!scenario || !catalogs) return;
    const fail = (id: string) => {
      if (parsedGiven[i]) failed.add(id);
    };
    const dir = sources.contextOf(sources.given[i]!);
    const {index, duplicates, ...known} = context(dir);
    // A file that gives its id here with an error in its narrative, or that is one of the files giving it (each in
    // error), is itself where its chain meets that id, as a file without errors is: a chain coming back to it is a
    // cycle, not a parent to fix first (kid, extending it, is).
    const holder = sources.holder(scenario.id, dir);
    const itself =
      !parsedGiven[i] &&
      ((holder?.kind === "scenario" && holder.source === sources.given[i]) ||
        (holder?.kind === "duplicate" && holder.sources.includes(sources.given[i]!)));
    const lookup: ScenarioLookup = itself ? (id) => (id === scenario.id ? scenario : index.lookup(id)) : index.lookup;
    const broken = itself ? new Map([...known.broken].filter(([id]) => id !== scenario.id)) : known.broken;
    const brokenParent = blockedParent(scenario, lookup, broken);
    if (brokenParent) {
      // The errors of the file (or each file, for an id several files give) that gives the parent's id, then what they
      // stop, as `run` writes them (validate wrote the child's line alone; session 21).
      before[i] = duplicates.get(brokenParent.id) ?? [];
      checks[i]!.errors.push(brokenParent.error, ...ownCatalogIdErrors(scenario, checks[i]!.file, catalogs));
      fail(scenario.id);
      return;
    }
    try {
      // The file is checked as itself, though another file gives its id to what extends it (scenarioSources.ts).
      const ids = [...new Set([...index.ids, scenario.id])];
      noteHiddenFiles(sources, scenarioChain(scenario.id, lookup, ids, scenario, {bundled: sources.bundled}), dir);
      const resolved = resolveScenario(scenario.id, lookup, ids, scenario, {bundled: sources.bundled});
      resolvedGiven[i] = resolved;
      parentGiven[i] = resolvedParent(resolved, lookup);
      const bound = bindScenario(resolved, catalogs);
      // The median, then what `run` (and the site) draw: every draw it would reject fails here too, with run's message.
      const rejected = scenarioRunError(bound, {samples: DEFAULT_SCENARIO_SAMPLES, seed: DEFAULT_SCENARIO_SEED});
      if (rejected) throw rejected;
    } catch (error) {
      checks[i]!.errors.push(...userErrorList(error));
      // Its `extends` failed (resolveScenario threw): its own ids are still checked, so one pass lists both.
      if (!resolvedGiven[i]) checks[i]!.errors.push(...ownCatalogIdErrors(scenario, checks[i]!.file, catalogs));
      fail(scenario.id);
    }
  });
  // A file with errors in some values still gets its unknown catalog ids reported, so one pass lists both (an
  // out-of-range utilisation hid `hardware: h100-sxn` until it was fixed; trial and breaker): its other values are
  // bound as the file has them, and only the catalog-id errors at its own lines are kept.
  partials.forEach((partial, i) => {
    if (!partial || !catalogs) return;
    try {
      const {index} = context(sources.contextOf(sources.given[i]!));
      let resolved: ResolvedScenario;
      try {
        resolved = resolveScenario(partial.id, index.lookup, index.ids, partial, {bundled: sources.bundled});
      } catch (error) {
        // Its `extends` failed too: that error, and its ids checked without the parent.
        throw new UserErrors([...userErrorList(error), ...ownCatalogIdErrors(partial, checks[i]!.file, catalogs)]);
      }
      bindScenario(resolved, catalogs);
    } catch (error) {
      const reported = new Set(checks[i]!.errors.map((e) => e.detail.path));
      // Everything found at the file's own lines but an order of counts, which a value dropped for its error would
      // leave comparing against a default: an unknown id or parent, a custom chip described twice (breaker); and but
      // an error naming a key already in error, which the partial scenario lacks ("a custom chip given by its specs
      // needs silicon.bf16Flops" beside silicon.bf16Flops's own range error; second-round breaker).
      const namesReported = (message: string) => [...reported].some((path) => path && message.includes(path));
      checks[i]!.errors.push(
        ...userErrorList(error).filter(
          (e) =>
            !/ is (smaller|larger) than /.test(e.detail.message) &&
            e.detail.file === checks[i]!.file &&
            !reported.has(e.detail.path) &&
            !namesReported(e.detail.message)
        )
      );
    }
  });
  // Only what passed is listed, so a page or a run never meets a broken scenario; a broken parent stays resolvable
  // for the children that fix what it gets wrong.
  // The library is the scenarios folder's view (the site's pages are its files).
  const {index} = context(undefined);
  const ids = catalogs ? index.ids.filter((id) => !failed.has(id)) : [];
  const library: ScenarioLibrary = {
    index: {lookup: index.lookup, ids},
    resolve: (id) => resolveScenario(id, index.lookup, ids, undefined, {bundled: sources.bundled})
  };
  // Each file's errors in the order of its lines (its own first), and each error once: a child failing on its parent's
  // error, both given, printed it twice; a file's errors came out at lines 9, 8, 6 (breaker).
  checks.forEach((check, i) => {
    check.errors.sort(
      (a, b) =>
        Number(a.detail.file !== check.file) - Number(b.detail.file !== check.file) ||
        (a.detail.line ?? 0) - (b.detail.line ?? 0) ||
        (a.detail.column ?? 0) - (b.detail.column ?? 0)
    );
    check.errors.unshift(...before[i]!);
    const scenario = parsedGiven[i];
    if (scenario && check.errors.length === 0) {
      Object.assign(check, {scenario, resolved: resolvedGiven[i], parent: parentGiven[i]});
    }
  });
  // Once by what it says but its hint: a parent's error met again through its child may differ only there (an
  // unknown parent's "known: …" leaves out the ids of the chain resolved, so d's own list had e and e's did not), and
  // `validate d.md e.md` printed it twice (helper item). The first is kept: the file's own, when given before.
  const byMessage = new Map<string, UserError>();
  for (const error of [...catalogErrors, ...checks.flatMap((check) => check.errors)]) {
    const said = formatUserError({...error.detail, hint: undefined});
    if (!byMessage.has(said)) byMessage.set(said, error);
  }
  return {
    files: checks,
    catalogErrors,
    errors: [...byMessage.values()],
    catalogs,
    library
  };
}

/**
 * The unknown catalog ids (serving.hardware, serving.model, training.hardware, training.model, silicon.chip) that
 * `scenario` names at its own lines (`file`), checked without its parent: for a file whose `extends` fails (an
 * unknown parent, a cycle, a parent with errors). A file with `extends: bse` and `hardware: b200-sxm` was told of the
 * parent alone, and of the id once it was fixed (new-user trial). An id is checked against the catalog, not against
 * anything the parent gives, so it needs none. The other errors bindScenario finds (a custom chip missing a spec,
 * counts out of order) may hang on values the parent would give, and are left for when the chain resolves.
 */
function ownCatalogIdErrors(scenario: ParsedScenario, file: string, catalogs: Catalogs): UserError[] {
  const alone: ParsedScenario = {...scenario, extends: undefined};
  try {
    bindScenario(
      resolveScenario(alone.id, () => undefined, [], alone),
      catalogs
    );
    return [];
  } catch (error) {
    return userErrorList(error).filter(
      (e) => e.detail.file === file && /^unknown (hardware|model) id\b/.test(e.detail.message)
    );
  }
}

/**
 * Writes a `token-ledger: note:` line to stderr for each checked file that sets a key without a source
 * (unsourcedKeysNote), and, given the library the files were checked in, for one that cites another file's source for
 * a value it changed or takes another's title (copiedFromNote), and for one that keeps inherited values whose sources
 * speak of a chip or model it moved off (inheritedSourcesNote; needs `catalogs` for the rows' names): `validate` after
 * its count, `build` after the site is built, where the note is not lost among Framework's lines. The pages show "—"
 * as the source of a key set without one.
 */
export function noteUnsourcedKeys(
  files: readonly ScenarioFileCheck[],
  library?: ScenarioLibrary,
  catalogs?: Catalogs
): void {
  const others = library ? library.index.ids.flatMap((id) => library.index.lookup(id) ?? []) : [];
  const facts = new Map<string, CopyFacts>();
  const factsOf = (file: string) => {
    if (!facts.has(file)) facts.set(file, copyFacts(file));
    return facts.get(file)!;
  };
  for (const check of files) {
    if (!check.scenario) continue;
    const notes = [
      unsourcedKeysNote(check.scenario),
      copiedFromNote(check.scenario, others, factsOf),
      inheritedNote(check, catalogs)
    ];
    for (const note of notes) {
      if (note) process.stderr.write(`token-ledger: note: ${note}\n`);
    }
  }
}

/**
 * The parent (chain[1]) of a resolved scenario, resolved through `lookup` (the index its own chain was resolved by), or
 * undefined for none or one that does not resolve (its errors are the parent's to report). Not library.resolve, which
 * notes files a chain passes by: a second time here.
 */
function resolvedParent(resolved: ResolvedScenario, lookup: ScenarioIndex["lookup"]): ResolvedScenario | undefined {
  const parentId = resolved.chain[1];
  if (parentId === undefined) return undefined;
  try {
    return resolveScenario(parentId, lookup);
  } catch {
    return undefined;
  }
}

/**
 * inheritedSourcesNote for a checked file that extends another: its parent as its own chain resolved it (check.parent,
 * beside it or in the scenarios folders), catalog rows named as `catalogs` name them. Null without a parent or
 * catalogs, or when the parent does not resolve (its errors are the parent's to report).
 */
function inheritedNote(check: ScenarioFileCheck, catalogs?: Catalogs): string | null {
  const parent = check.parent;
  if (!check.resolved || !parent || !catalogs) return null;
  return inheritedSourcesNote(check.resolved, parent, {hardware: catalogs.hardware, models: catalogs.models});
}

/** Whether a scenario file (as displayPath names it) is a bundled one, and when it was modified: see mayBeCopyOf. */
function copyFacts(file: string): CopyFacts {
  try {
    const path = realPath(file);
    return {bundled: dirname(path) === realPath(SCENARIOS_DIR), modified: statSync(path).mtimeMs};
  } catch {
    return {bundled: false, modified: undefined};
  }
}
