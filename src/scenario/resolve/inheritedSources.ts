import {andList} from "../../units/wordList.js";
import {keyValueComesFrom, SCENARIO_KEYS, type ScenarioKeyDef} from "../file/schema.js";
import type {ResolvedScenario, ResolvedValue} from "./resolveScenario.js";

/** The catalogs a scenario key can name a row of (schema `catalog`). */
type CatalogName = NonNullable<ScenarioKeyDef["catalog"]>;

/** A catalog row as the note reads it: its id, its name and, for a chip, its family (hardware.csv's family column). */
export interface CatalogRowName {
  id: string;
  name: string;
  family?: string;
}

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
 * longer names in the scenario, as a whole word (also in the plural: H100s) by
 * - a word of that row's name that has both letters and digits (H100 in "NVIDIA H100 SXM5 80GB", 405B in "Llama 3.1
 *   405B", 8x7B, MI300X, v5e), in any case, also written with a hyphen where letters meet digits (H-100, MI-300X) or
 *   with a space after capitals as the name writes them (H 100; not after a lone A or I, as in "A 100-GPU cluster");
 *   memory sizes (80GB) name no chip and are left out; one of two characters (v3, 4o) only with the name's word before
 *   it (TPU v3, TPU-v3, GPT-4o), as DeepSeek-V3 is no TPU v3;
 * - a proper noun of its name that no other row of its catalog has (Maverick in "Llama 4 Maverick (17B active, …)",
 *   Ironwood, Trillium, Hypothetical in "Hypothetical custom inference ASIC (illustrative)"; not NVIDIA, Google or
 *   Llama, a vendor's or family's word, nor a chip family of the catalog's family column: Blackwell, which gb200's
 *   name alone has though B200 is one too), or its name's only word (a project's row named "X" or "ACME"), with the
 *   capitals it has there: a word with a capital and a small letter after its first, so that acronyms (GPU, HGX,
 *   ASIC) and the small words (custom, inference) of prose are not read as the row; not where it names a law after
 *   the row (Chinchilla scaling, Chinchilla-optimal, Chinchilla's law: LAW_WORDS);
 * - its id, when it is no plain word (custom-inference-asic, h100-sxm, llama-3.1-405b), in any case.
 * A word the scenario's own rows share is left out (SXM5, from h100-sxm to h800-sxm).
 *
 * Input: the scenario resolved through its chain, its parent resolved the same way (chain[1]), and the rows of each
 * catalog, by id and name (an id the catalog lacks stands for its own name). Output: one note naming, for each row
 * left, the keys that used it and what this scenario uses instead, then each kept key with its value and its line in
 * the file that set it; null when no inherited source speaks of a row left. Raises nothing.
 */
export function inheritedSourcesNote(
  scenario: Pick<ResolvedScenario, "file" | "values">,
  parent: Pick<ResolvedScenario, "id" | "values">,
  rows: Readonly<Record<CatalogName, readonly CatalogRowName[]>>
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
    if (!leftByGroup.has(cacheKey)) leftByGroup.set(cacheKey, rowsLeft(scenario, parent, keys, rows));
    return leftByGroup.get(cacheKey)!;
  };
  const kept = Object.values(scenario.values).flatMap((value) => {
    if (value.origin.kind !== "parent" || value.source === null) return [];
    const named = leftFor(value.path).filter((left) => mentions(value.source!, left));
    return named.length ? [{value, named}] : [];
  });
  if (kept.length === 0) return null;
  // Each row left once, with every key that used it (a row left by serving and training keys alike).
  const leftRows = new Map<string, Left["keys"]>();
  for (const {id, keys} of kept.flatMap(({named}) => named)) {
    const known = leftRows.get(id) ?? [];
    leftRows.set(id, [...known, ...keys.filter((key) => !known.some((other) => other.path === key.path))]);
  }
  const moves = [...leftRows].map(([id, keys]) => `${id} (${usedNow(sortedKeys(keys))} here)`);
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

/** A catalog row the parent's keys name and the scenario's same keys do not, by one word of its name or its id. */
interface Left extends Term {
  id: string;
  keys: {path: string; now: string | null}[];
}

/**
 * A word a source names a row by (see inheritedSourcesNote): `mixed`, one with letters and digits (H100), read in any
 * case and with a hyphen or space where they meet; `pair`, a mixed word of two characters with the name's word before
 * it ("TPU v3", read as TPU v3, TPU-v3 or TPUv3 in any case); `proper`, a proper noun or a one-word name (Maverick, X), read with
 * its capitals; `id`, the row's id, in any case.
 */
interface Term {
  word: string;
  kind: "mixed" | "pair" | "proper" | "id";
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
 * The rows the parent's `keys` name that the scenario's same keys do not, each term that tells it (termsOf) and is not
 * a word of one of the scenario's own rows there (SXM5, from h100-sxm to h800-sxm).
 */
function rowsLeft(
  scenario: Pick<ResolvedScenario, "values">,
  parent: Pick<ResolvedScenario, "values">,
  keys: readonly {path: string; catalog: CatalogName}[],
  rows: Readonly<Record<CatalogName, readonly {id: string; name: string}[]>>
): Left[] {
  const left: Left[] = [];
  for (const catalog of ["hardware", "models"] as const) {
    const paths = keys.filter((key) => key.catalog === catalog).map((key) => key.path);
    const parentIds = catalogIds(parent.values, paths);
    const ownIds = catalogIds(scenario.values, paths);
    const terms = (id: string) => termsOf(id, rows[catalog]);
    const ownWords = new Set([...ownIds.keys()].flatMap((id) => terms(id).map(({word}) => word.toLowerCase())));
    for (const [id, usedBy] of parentIds) {
      if (ownIds.has(id)) continue;
      const now = usedBy.map((path) => ({path, now: idOf(scenario.values, path)}));
      for (const term of terms(id)) {
        if (!ownWords.has(term.word.toLowerCase())) left.push({id, ...term, keys: now});
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

/**
 * The terms a source may name row `id` of `catalogRows` by (its name is its id when the catalog lacks it): its name's
 * words with letters and digits but memory sizes (80GB, 141GB); its proper nouns no other row's name has, or its
 * name's only word but a lone A or I; and its id when that is no plain word.
 */
function termsOf(id: string, catalogRows: readonly CatalogRowName[]): Term[] {
  const name = catalogRows.find((row) => row.id === id)?.name ?? id;
  const words = wordsOf(name);
  const mixed = words.filter((word) => /[A-Za-z]/.test(word) && /\d/.test(word) && !/^\d+[GT]B$/i.test(word));
  const others = new Set(catalogRows.filter((row) => row.id !== id).flatMap((row) => wordsOf(row.name).map(singular)));
  // A chip family's word names the family, not the row (Blackwell in gb200's name, though B200 is one too).
  for (const row of catalogRows) if (row.family) others.add(singular(row.family));
  const proper = words.filter(
    (word) =>
      !/\d/.test(word) &&
      /[A-Z]/.test(word) &&
      (/^.+[a-z]/.test(word) || (words.length === 1 && !/^[AI]$/.test(word))) &&
      !others.has(singular(word))
  );
  // A two-character word (v3, 4o) is read with the word before it: alone, tpu-v3's v3 named DeepSeek-V3 (helper-217).
  const mixedTerms = mixed.map((word): Term => {
    const before = words[words.indexOf(word) - 1];
    return word.length <= 2 && before !== undefined ? {word: `${before} ${word}`, kind: "pair"} : {word, kind: "mixed"};
  });
  return [
    ...mixedTerms,
    ...proper.map((word) => ({word, kind: "proper" as const})),
    ...(/[^A-Za-z0-9]/.test(id) ? [{word: id, kind: "id" as const}] : [])
  ];
}

/** The words of a catalog row's name: its runs of letters and digits. */
function wordsOf(name: string): string[] {
  return name.split(/[^A-Za-z0-9]+/).filter((word) => word !== "");
}

/** A word in small letters without a plural s (GPUs and GPU are one word for telling rows apart). */
function singular(word: string): string {
  return word.toLowerCase().replace(/s$/, "");
}

/** The hyphens (-, U+2010, U+2011) and spaces (U+0020, U+00A0) a name word is read with where letters meet digits. */
const HYPHEN = "[-\u2010\u2011]";
const SPACE = "[ \u00a0]";

/** Words that make a proper noun before them the name of a law or recipe, not of the row (Chinchilla scaling). */
const LAW_WORDS = "scaling|laws?|optimal|optimality|rule|ratio";

/** Whether `text` has `term` as a whole word (or its plural), as Term's kind reads it. */
function mentions(text: string, {word, kind}: Term): boolean {
  const whole = (pattern: string, flags: string) =>
    new RegExp(`(?<![A-Za-z0-9])${pattern}s?(?![A-Za-z0-9])`, flags).test(text);
  // Not a law or recipe named after the row (Chinchilla scaling, Chinchilla-optimal, Chinchilla's law: a source citing
  // the law of tokens per parameter speaks of no Chinchilla 70B).
  if (kind === "proper") return whole(`${word}(?!(?:'s)?(?:${HYPHEN}|${SPACE})(?:${LAW_WORDS})(?![A-Za-z0-9]))`, "");
  if (kind === "pair") {
    const [before, after] = word.split(" ").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return whole(`${before}(?:${HYPHEN}|${SPACE})?${after}`, "i");
  }
  if (kind === "id") {
    // Not inside a longer id or file name (h100-sxm in h100-sxm2, llama-3.1-405b in llama-3.1-405b.md).
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(?<![A-Za-z0-9._-])${escaped}(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])`, "i").test(text);
  }
  // H100, H-100 (any case); H 100 with the name's capitals, after capitals other than a lone A or I.
  const runs = word.match(/[A-Za-z]+|\d+/g)!;
  const joined = (space: boolean) =>
    runs
      .map((run, i) => {
        if (i === 0) return run;
        const afterCapitals = /\d/.test(run) && /^[A-Z]+$/.test(runs[i - 1]!) && !/^[AI]$/.test(runs[i - 1]!);
        return `(?:${space && afterCapitals ? `${HYPHEN}|${SPACE}` : HYPHEN})?${run}`;
      })
      .join("");
  return whole(joined(false), "i") || whole(joined(true), "");
}

/** Where a value was set: "line 33 of data/scenarios/base.md". */
function where(value: ResolvedValue): string {
  return value.origin.kind === "parent" || value.origin.kind === "file"
    ? `line ${value.origin.line} of ${value.origin.file}`
    : value.origin.kind;
}
