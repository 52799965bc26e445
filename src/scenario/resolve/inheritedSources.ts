import {andList} from "../../units/wordList.js";
import {keyValueComesFrom, SCENARIO_KEYS, type ScenarioKeyDef} from "../file/schema.js";
import type {ResolvedScenario, ResolvedValue} from "./resolveScenario.js";

/** The catalogs a scenario key can name a row of (schema `catalog`). */
type CatalogName = NonNullable<ScenarioKeyDef["catalog"]>;

/**
 * A note for a scenario that moves off a chip or model its parent uses while keeping inherited values whose sources
 * speak of it: a file extending base with `serving.hardware: b200` trains and serves on B200s (training.hardware
 * follows serving.hardware), yet keeps base's training.chips, training.mfu and serving.tensorParallel, whose sources
 * say "up to 16,384 H100s", "41% BF16 MFU on 16,384 H100s" and "one 8-GPU H100 server per replica". Its page shows
 * those values, marked inherited, as the scenario's assumptions beside a source about another chip, and nothing told
 * the author (session 46's left list). A value written with a source in the file itself is its author's choice: no
 * note; nor for a default (the schema's sources describe no particular chip).
 *
 * What "speaks of" means: a source names one of the catalog rows its key's group names in the parent (training.mfu:
 * training.hardware and training.model; a group without such keys, power. or finance., every catalog key) and no
 * longer names in the scenario, by a word of that row's name that has both letters and digits (H100 in "NVIDIA H100 SXM5 80GB", 405B in "Llama 3.1 405B",
 * 8x7B, MI300X, v5e), also in the plural (H100s), as a whole word and in any case; a word the scenario's own rows
 * share is left out (SXM5, from h100-sxm to h800-sxm), and so are memory sizes (80GB), which name no chip. A row
 * whose name has no such word (custom-inference-asic, "Llama 4 Maverick", a project's row named "X") is not looked
 * for: its words would be common ones.
 *
 * Input: the scenario resolved through its chain, its parent resolved the same way (chain[1]), and the name of a
 * catalog row (undefined for an id the catalog lacks: its id stands for it). Output: one note naming, for each row
 * left, the keys that used it and what this scenario uses instead, then each kept key with its value and its line in
 * the file that set it; null when no inherited source speaks of a row left. Raises nothing.
 */
export function inheritedSourcesNote(
  scenario: Pick<ResolvedScenario, "file" | "values">,
  parent: Pick<ResolvedScenario, "id" | "values">,
  rowName: (catalog: CatalogName, id: string) => string | undefined
): string | null {
  // The rows left, per group of keys: a value's source is read against the rows its own group's catalog keys name
  // (training.mfu against training.hardware and training.model), so that a scenario moving its training alone to
  // MI300Xs is told of training.chips' "16,384 H100s" while serving stays on them (breaker); a key of a group with no
  // catalog key (power., finance.) against every catalog key's rows.
  const leftByGroup = new Map<string, Left[]>();
  const leftFor = (path: string): Left[] => {
    const group = groupOf(path);
    const own = CATALOG_KEYS.filter((key) => groupOf(key.path) === group);
    const keys = own.length ? own : CATALOG_KEYS;
    const cacheKey = own.length ? group : "";
    if (!leftByGroup.has(cacheKey)) leftByGroup.set(cacheKey, rowsLeft(scenario, parent, keys, rowName));
    return leftByGroup.get(cacheKey)!;
  };
  const kept = Object.values(scenario.values).flatMap((value) => {
    if (value.origin.kind !== "parent" || value.source === null) return [];
    const named = leftFor(value.path).filter(({word}) => mentions(value.source!, word));
    return named.length ? [{value, named}] : [];
  });
  if (kept.length === 0) return null;
  // Each row left once, with every key that used it (a row left by serving and training keys alike).
  const rows = new Map<string, Left["keys"]>();
  for (const {id, keys} of kept.flatMap(({named}) => named)) {
    const known = rows.get(id) ?? [];
    rows.set(id, [...known, ...keys.filter((key) => !known.some((other) => other.path === key.path))]);
  }
  const moves = [...rows].map(([id, keys]) => `${id} (${usedNow(sortedKeys(keys))} here)`);
  const words = [...new Set(kept.flatMap(({named}) => named.map(({word}) => word)))];
  const listed = kept.map(({value}) => `${value.path} (${value.written ?? String(value.value)}, ${where(value)})`);
  return (
    `${scenario.file} moves off ${parent.id}'s ${andList(moves)} but keeps ` +
    `${kept.length === 1 ? "a value" : `${kept.length} values`} from ${parent.id} whose source${kept.length === 1 ? "" : "s"} ` +
    `name${kept.length === 1 ? "s" : ""} ${andList(words)}: ${andList(listed)}; its pages show ` +
    `${kept.length === 1 ? "it" : "them"}, marked inherited, as this scenario's. Set ${kept.length === 1 ? "it" : "each"} ` +
    "in this file with a source for what it uses now, or set the same value with a source that says why it still holds"
  );
}

/** A catalog row the parent's keys name and the scenario's same keys do not, by one word of its name. */
interface Left {
  id: string;
  word: string;
  keys: {path: string; now: string | null}[];
}

/** The keys that name a catalog row (schema `catalog`), with their catalog. */
const CATALOG_KEYS = (SCENARIO_KEYS as readonly ScenarioKeyDef[])
  .filter((def) => def.catalog !== undefined)
  .map((def) => ({
    path: def.path,
    catalog: def.catalog!
  }));

/** Keys in the schema's order (serving.hardware before training.hardware). */
function sortedKeys(keys: Left["keys"]): Left["keys"] {
  const order = (path: string) => CATALOG_KEYS.findIndex((key) => key.path === path);
  return [...keys].sort((a, b) => order(a.path) - order(b.path));
}

/** A key's group: the first part of its path (training.mfu: training). */
function groupOf(path: string): string {
  return path.split(".")[0]!;
}

/**
 * The rows the parent's `keys` name that the scenario's same keys do not, each word of its name that tells it
 * (nameWords) and not one of the scenario's own rows' names there (SXM5, from h100-sxm to h800-sxm).
 */
function rowsLeft(
  scenario: Pick<ResolvedScenario, "values">,
  parent: Pick<ResolvedScenario, "values">,
  keys: readonly {path: string; catalog: CatalogName}[],
  rowName: (catalog: CatalogName, id: string) => string | undefined
): Left[] {
  const left: Left[] = [];
  for (const catalog of ["hardware", "models"] as const) {
    const paths = keys.filter((key) => key.catalog === catalog).map((key) => key.path);
    const parentIds = catalogIds(parent.values, paths);
    const ownIds = catalogIds(scenario.values, paths);
    const ownWords = new Set(
      [...ownIds.keys()].flatMap((id) => nameWords(rowName(catalog, id) ?? id).map((word) => word.toLowerCase()))
    );
    for (const [id, usedBy] of parentIds) {
      if (ownIds.has(id)) continue;
      const now = usedBy.map((path) => ({path, now: idOf(scenario.values, path)}));
      for (const word of nameWords(rowName(catalog, id) ?? id)) {
        if (!ownWords.has(word.toLowerCase())) left.push({id, word, keys: now});
      }
    }
  }
  return left;
}

/** What the keys that used a row take now: "serving.hardware and training.hardware are b200", or key by key. */
function usedNow(keys: readonly {path: string; now: string | null}[]): string {
  const now = [...new Set(keys.map((key) => key.now ?? "unset"))];
  if (now.length === 1) return `${andList(keys.map((key) => key.path))} ${keys.length === 1 ? "is" : "are"} ${now[0]}`;
  return andList(keys.map((key) => `${key.path} is ${key.now ?? "unset"}`));
}

/** Each catalog row a scenario's `keys` name (following schema `follows` for a key left unset), with those keys. */
function catalogIds(values: Readonly<Record<string, ResolvedValue>>, keys: readonly string[]): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const path of keys) {
    const id = idOf(values, path);
    if (id !== null) ids.set(id, [...(ids.get(id) ?? []), path]);
  }
  return ids;
}

/** The catalog id `path` takes in a scenario (its own, or the key it follows when unset), or null for none. */
function idOf(values: Readonly<Record<string, ResolvedValue>>, path: string): string | null {
  const own = values[path];
  const from = values[keyValueComesFrom(path, own !== undefined && own.origin.kind !== "default")];
  return typeof from?.value === "string" ? from.value : null;
}

/** The words of a catalog row's name that name it: letters and digits both, not a memory size (80GB, 141GB). */
function nameWords(name: string): string[] {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => /[A-Za-z]/.test(word) && /\d/.test(word) && !/^\d+[GT]B$/i.test(word));
}

/** Whether `text` has `word` as a whole word (or its plural), in any case. */
function mentions(text: string, word: string): boolean {
  return new RegExp(`(?<![A-Za-z0-9])${word}s?(?![A-Za-z0-9])`, "i").test(text);
}

/** Where a value was set: "line 33 of data/scenarios/base.md". */
function where(value: ResolvedValue): string {
  return value.origin.kind === "parent" || value.origin.kind === "file"
    ? `line ${value.origin.line} of ${value.origin.file}`
    : value.origin.kind;
}
