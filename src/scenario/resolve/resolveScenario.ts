import {UserError, UserErrors} from "../../errors/userError.js";
import {scenarioTitle, type ParsedScenario} from "../file/parseScenario.js";
import type {ScenarioValue} from "../file/readValue.js";
import {SCENARIO_KEYS, type ScenarioKeyDef} from "../file/schema.js";
import {closestMatch} from "../../errors/suggest.js";
import {MARKDOWN_EXTENSION} from "../file/markdownExtensions.js";

/** Where a resolved value came from. */
export type ValueOrigin =
  | SetOrigin
  /**
   * Nobody set it: the schema's default. `unset`: where a `null` took the key back to it (`serving.kvCache: null` in a
   * file whose parent sets bf16, `--set serving.kvCache=null`); absent where nothing was written.
   */
  | {kind: "default"; unset?: SetOrigin};

/** Where a value, or the `null` that took a key back to its default, was written. */
export type SetOrigin =
  /** Set in the scenario's own file. */
  | {kind: "file"; scenario: string; file: string; line: number; column: number}
  /** Inherited through `extends` from an ancestor's file. */
  | {kind: "parent"; scenario: string; file: string; line: number; column: number}
  /**
   * Set on the command line (`--set path=value`) or by a reader's control. `replaced`: the value it took the place of
   * (the scenario's, an ancestor's or the default; absent where none is known, a sweep's `--vary`), so that a note can
   * tell a setting that changes nothing (`--set serving.hardware=h100-sxm` on base) from one that does.
   */
  | {kind: "override"; flag: string; written: string; replaced?: ScenarioValue | null};

/**
 * Where a value was written: its origin, or, for a default that a `null` took the key back to, where the `null` was
 * written; undefined for a default nothing wrote.
 */
export function writtenAt(origin: ValueOrigin): SetOrigin | undefined {
  return origin.kind === "default" ? origin.unset : origin;
}

export interface ResolvedValue {
  path: string;
  /** In the key's base unit; null only for a key without a default that nothing set (`hardware.price`). */
  value: ScenarioValue | null;
  /**
   * The value as written in the file or flag, as the reader sees it: a text without YAML's quotes, an alias as the value
   * it stands for (writtenValue); null for a default.
   */
  written: string | null;
  origin: ValueOrigin;
  /**
   * Where the value comes from: the `sources:` entry of the file that set it (or of a descendant that annotated the
   * inherited value), the schema's source for a default, or null when the author gave none.
   */
  source: string | null;
}

/** A scenario with its `extends` chain applied and every key filled in. */
export interface ResolvedScenario {
  id: string;
  file: string;
  /** From `title:`, else the id. Not inherited. */
  title: string;
  /** From `label:` (a short name for charts), else the id. Not inherited. */
  label: string;
  /** From `description:`, else "". Not inherited. */
  description: string;
  /** The Markdown narrative of this scenario's own file. */
  body: string;
  bodyLine: number;
  /** This scenario's id, then its parent's, up to the root. */
  chain: string[];
  /** Every key of SCENARIO_KEYS, in table order. */
  values: Record<string, ResolvedValue>;
}

/** Finds a parsed scenario by id; undefined when there is none. */
export type ScenarioLookup = (id: string) => ParsedScenario | undefined;

/** How a chain's errors are placed. */
export interface ChainOptions {
  /**
   * True for a file the user does not edit (a bundled scenario a report project extends): a cycle closed in one is
   * reported at the cycle's last file that is the user's. Default: none.
   */
  bundled?: (scenario: ParsedScenario) => boolean;
}

/**
 * Applies the `extends` chain of scenario `id` (child overrides parent, key by key) and fills every other key with its
 * default, recording for each key where its value and its source came from. `knownIds` (all scenario ids) lets a
 * missing parent's error suggest the closest one. `root`, when given, is the scenario to start from in place of
 * `lookup(id)`: a file run by path whose id another file gives to what extends it (src/node/scenarioSources.ts).
 * Throws UserErrors for a missing scenario or a cycle.
 */
export function resolveScenario(
  id: string,
  lookup: ScenarioLookup,
  knownIds: readonly string[] = [],
  root?: ParsedScenario,
  options: ChainOptions = {}
): ResolvedScenario {
  const chain = scenarioChain(id, lookup, knownIds, root, options);
  const [self] = chain;
  if (!self) throw new Error("unreachable: a resolved chain is never empty");
  const values: Record<string, ResolvedValue> = {};
  for (const def of SCENARIO_KEYS as readonly ScenarioKeyDef[]) {
    values[def.path] = resolveKey(def, chain);
  }
  return {
    id: self.id,
    file: self.file,
    title: scenarioTitle(self),
    label: self.label ?? self.id,
    description: self.description ?? "",
    body: self.body,
    bodyLine: self.bodyLine,
    chain: chain.map((scenario) => scenario.id),
    values
  };
}

/**
 * The scenario (`root`, else `lookup(id)`) and its ancestors, child first; throws UserErrors naming the file and line of
 * a bad `extends`. A cycle is a file met twice: a root whose id another file gives may extend that file (a copy of
 * base.md elsewhere, `id: base`, `extends: base`, builds on the bundled base).
 */
export function scenarioChain(
  id: string,
  lookup: ScenarioLookup,
  knownIds: readonly string[] = [],
  root?: ParsedScenario,
  {bundled = () => false}: ChainOptions = {}
): ParsedScenario[] {
  const first = root ?? lookup(id);
  if (!first) {
    throw new UserErrors([
      new UserError({
        message: "unknown scenario",
        expected: "the id of a scenario file",
        found: id,
        ...closeIds(id, knownIds)
      })
    ]);
  }
  const chain = [first];
  for (let current = first; current.extends;) {
    const {id: parentId, position} = current.extends;
    const where = {file: position.file, line: position.line, column: position.column, path: "extends"};
    // A file that extends its own id: a copied and edited base.md keeping `id: base` and `extends: base` read as a
    // cycle "base → base", though what the author meant was the bundled base, for which the file stands in.
    if (parentId === current.id && lookup(parentId) === current) {
      throw new UserErrors([
        new UserError({
          ...where,
          message: "a scenario extends its own id",
          expected: "the id of another scenario",
          found: parentId,
          // It said the file "stands in for any other scenario of that id", which is not so for a file run by path
          // (it may extend the bundled scenario of its id), and said nothing of how (session 21).
          hint: `this file's id is ${current.id}, so \`extends: ${parentId}\` names this file; give this file another id with \`id:\` in its front matter, or extend another scenario`
        })
      ]);
    }
    const next = lookup(parentId);
    const loop = next === undefined ? -1 : chain.indexOf(next);
    if (loop >= 0) {
      const ids = [...chain.map((scenario) => scenario.id), parentId];
      // Closed in a bundled file (a project's file with `id: base` extending asic-9-months, which extends base): at the
      // `extends` of the cycle's last file the user can change, not at the bundled file's (session 21).
      const mine = chain
        .slice(loop)
        .reverse()
        .find((scenario) => !bundled(scenario));
      if (mine && mine !== current) {
        const at = mine.extends!.position;
        throw new UserErrors([
          new UserError({
            file: at.file,
            line: at.line,
            column: at.column,
            path: "extends",
            message: "extends cycle",
            expected: "a chain of extends that ends in a scenario without extends",
            found: ids.join(" → "),
            hint:
              `the bundled ${current.id} extends ${parentId}, at ${position.file}:${position.line}; ` +
              (mine.id === parentId
                ? "give this file another id with `id:` in its front matter, or extend another scenario"
                : "extend another scenario here")
          })
        ]);
      }
      // Closed in another file than the one resolved (a file of your own with a bundled id, `id: base`, that extends
      // a scenario extending base): say where the chain started, which is what to change (breaker).
      const start = first.extends?.position;
      const startedElsewhere = start !== undefined && start.file !== position.file;
      throw new UserErrors([
        new UserError({
          ...where,
          message: "extends cycle",
          expected: "a chain of extends that ends in a scenario without extends",
          found: ids.join(" → "),
          ...(startedElsewhere
            ? {hint: `it starts at ${start.file}:${start.line}, where ${first.id} extends ${first.extends!.id}`}
            : {})
        })
      ]);
    }
    const parent = next;
    if (!parent) {
      throw new UserErrors([
        new UserError({
          ...where,
          message: "unknown scenario",
          expected: "the id of a scenario file",
          found: parentId,
          // The chain so far is no parent to offer: the file itself read among the "known" ones (breaker). An id of the
          // chain in other case (`extends: SELFC` in selfc.md) is said as such, not answered with an unrelated id.
          ...closeIds(
            parentId,
            knownIds.filter((known) => !chain.some((scenario) => scenario.id === known)),
            chain.find((scenario) => scenario.id.toLowerCase() === parentId.toLowerCase())?.id,
            namedFor(parentId, knownIds, lookup)
          )
        })
      ]);
    }
    chain.push(parent);
    current = parent;
  }
  return chain;
}

function resolveKey(def: ScenarioKeyDef, chain: readonly ParsedScenario[]): ResolvedValue {
  // The nearest file that writes the key, with a value or with `null`: a `null` hides what its ancestors set.
  const setter = chain.findIndex(
    (scenario) => scenario.values[def.path] !== undefined || scenario.unset[def.path] !== undefined
  );
  const unset = chain[setter]?.unset[def.path];
  if (unset) {
    // The value the key has when no file sets it, and the default's source: no file's source describes it (a source
    // for an unset key is an error, parseScenario's unsetSourceErrors).
    return {
      path: def.path,
      value: def.default,
      written: null,
      origin: {
        kind: "default",
        unset: {
          kind: setter === 0 ? "file" : "parent",
          scenario: chain[setter]!.id,
          file: unset.position.file,
          line: unset.position.line,
          column: unset.position.column
        }
      },
      source: def.source
    };
  }
  // A source belongs to the value it describes: search from the child up to the file that set the value.
  const annotators = setter >= 0 ? chain.slice(0, setter + 1) : chain;
  const given = annotators.find((scenario) => scenario.sources[def.path] !== undefined)?.sources[def.path]?.text;
  const scenario = chain[setter];
  const parsed = scenario?.values[def.path];
  if (!scenario || !parsed) {
    return {
      path: def.path,
      value: def.default,
      written: null,
      origin: {kind: "default"},
      source: given ?? def.source
    };
  }
  return {
    path: def.path,
    value: parsed.value,
    written: parsed.written,
    origin: {
      kind: setter === 0 ? "file" : "parent",
      scenario: scenario.id,
      file: parsed.position.file,
      line: parsed.position.line,
      column: parsed.position.column
    },
    source: given ?? null
  };
}

/** Most ids a "known:" hint lists; more are counted ("and 4 more"), not cut silently (breaker). */
const MAX_KNOWN_IDS = 10;

/**
 * The scenario whose file is named for `id` (`a.md` for `a`) but which gives another id with `id:`: `extends: a` read
 * "unknown scenario" beside an a.md whose `id: x` the message did not name (breaker).
 */
function namedFor(id: string, knownIds: readonly string[], lookup: ScenarioLookup): ParsedScenario | undefined {
  for (const known of knownIds) {
    const scenario = lookup(known);
    const name = scenario?.file.split(/[\\/]/).pop() ?? "";
    const extension = MARKDOWN_EXTENSION.exec(name)?.[0] ?? "";
    if (scenario && scenario.id !== id && name.slice(0, name.length - extension.length) === id) return scenario;
  }
  return undefined;
}

function closeIds(id: string, knownIds: readonly string[], inChain?: string, named?: ParsedScenario): {hint?: string} {
  const sorted = [...knownIds].sort();
  const listed =
    sorted.length > MAX_KNOWN_IDS
      ? `${sorted.slice(0, MAX_KNOWN_IDS - 2).join(", ")} and ${sorted.length - (MAX_KNOWN_IDS - 2)} more`
      : sorted.join(", ");
  if (inChain !== undefined) {
    const known = knownIds.length ? `; known: ${listed}` : "";
    return {hint: `ids are case-sensitive: ${id} is not ${inChain}, which is in this chain already${known}`};
  }
  if (named !== undefined) {
    return {
      hint:
        `${named.file} gives the id ${named.id} (its \`id:\` at line ${named.idPosition.line}), not its name: ` +
        `write \`extends: ${named.id}\`; known: ${listed}`
    };
  }
  if (!knownIds.length) return {};
  // A file's name for its id ("base.md", "base.markdown"): the id is the name without it (author trial).
  const extension = MARKDOWN_EXTENSION.exec(id)?.[0];
  const stem = extension === undefined ? undefined : id.slice(0, -extension.length);
  if (stem !== undefined && knownIds.includes(stem)) {
    return {hint: `did you mean ${stem}? an id is a file's name without ${extension}; known: ${listed}`};
  }
  const close = closestMatch(id, knownIds);
  return {hint: close ? `did you mean ${close}? known: ${listed}` : `known: ${listed}`};
}
