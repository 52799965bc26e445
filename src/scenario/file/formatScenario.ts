import {Z_95} from "../../uncertainty/normal.js";
import {formatQuantity, readQuantity} from "../../units/quantity.js";
import {isInRange} from "../../units/range.js";
import type {ScenarioValue} from "./readValue.js";
import {isQuantityKey, keyRange, SCENARIO_KEYS, scenarioKey, type ScenarioKeyDef} from "./schema.js";
import {UNSET_WORD} from "./explicitNull.js";

/**
 * Writes a value back in the file notation (`700 W`, `$150M`, `{dist: lognormal, p5: 0.5, p95: 0.8}`), so that
 * parseScenario reads it back to the same value (within 1e-12 relative). Lognormals are written by their 90% interval,
 * normals by mean and sd.
 */
export function formatScenarioValue(def: ScenarioKeyDef, value: ScenarioValue): string {
  if (typeof value === "string") return value;
  if (!isQuantityKey(def)) return String(value);
  const range = keyRange(def);
  const q = (x: number): string => {
    // The readable form rounds to 12 significant digits; where that would cross an open end of the range or make a
    // whole number fractional, write the exact base-unit number instead (a bare number is read back exactly).
    const pretty = formatQuantity(x, def.type);
    const back = readQuantity(pretty, def.type);
    const faithful =
      back.ok && isInRange(back.value, range) === isInRange(x, range) && (!def.integer || Number.isInteger(back.value));
    return faithful ? pretty : String(x);
  };
  if (typeof value === "number") return q(value);
  switch (value.kind) {
    case "point":
      return q(value.value);
    case "uniform":
      return `{dist: uniform, min: ${q(value.min)}, max: ${q(value.max)}}`;
    case "normal":
      return `{dist: normal, mean: ${q(value.mean)}, sd: ${q(value.sd)}}`;
    case "lognormal":
      return `{dist: lognormal, p5: ${q(Math.exp(value.mu - Z_95 * value.sigma))}, p95: ${q(Math.exp(value.mu + Z_95 * value.sigma))}}`;
    case "triangular":
      return `{dist: triangular, min: ${q(value.min)}, mode: ${q(value.mode)}, max: ${q(value.max)}}`;
  }
}

export interface ScenarioMarkdownInput {
  id?: string;
  title?: string;
  /** Short name for charts (`label:`), at most SCENARIO_LABEL_MAX_CHARS characters. */
  label?: string;
  description?: string;
  extends?: string;
  /**
   * Values by key path, in base units; written grouped by the path's first segment, in schema order. Null writes
   * `null`, which takes the key back to its default.
   */
  values: Record<string, ScenarioValue | null>;
  /** Source text by key path. */
  sources?: Record<string, string>;
  /** The Markdown narrative. */
  body?: string;
}

/** A scenario file: front matter of the given values (and reserved keys), then the body. Unknown paths throw. */
export function scenarioToMarkdown(input: ScenarioMarkdownInput): string {
  const lines = ["---"];
  for (const key of ["id", "title", "label", "description", "extends"] as const) {
    const text = input[key];
    if (text !== undefined) lines.push(`${key}: ${key === "id" || key === "extends" ? text : JSON.stringify(text)}`);
  }
  const groups = new Map<string, string[]>();
  for (const path of Object.keys(input.values)) {
    if (!scenarioKey(path)) throw new Error(`scenarioToMarkdown: unknown key path ${path}`);
  }
  for (const def of SCENARIO_KEYS as readonly ScenarioKeyDef[]) {
    const {path} = def;
    const value = input.values[path];
    if (value === undefined) continue;
    const dot = path.indexOf(".");
    const group = path.slice(0, dot);
    const entries = groups.get(group) ?? [];
    entries.push(`  ${path.slice(dot + 1)}: ${value === null ? UNSET_WORD : formatScenarioValue(def, value)}`);
    groups.set(group, entries);
  }
  for (const [group, entries] of groups) lines.push(`${group}:`, ...entries);
  const sources = Object.entries(input.sources ?? {});
  if (sources.length) {
    lines.push("sources:");
    for (const [path, text] of sources) lines.push(`  ${path}: ${JSON.stringify(text)}`);
  }
  lines.push("---");
  return `${lines.join("\n")}\n${input.body ?? ""}`;
}
