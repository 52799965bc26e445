import {formatQuantity, type Dimension} from "../../units/quantity.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import type {ResolvedScenario, ValueOrigin} from "../resolve/resolveScenario.js";
import type {ScenarioRunResult} from "./runScenario.js";
import {isQuantityKey, scenarioKey} from "../file/schema.js";
import {unreadKeys} from "../evaluate/unreadKeys.js";
import {DIMENSIONS} from "../../units/quantity.js";

/** One assumption as `run --json` reports it: the value in base units (or a distribution), its unit and where it came from. */
export interface AssumptionReport {
  value: number | string | Distribution | null;
  /** The base unit of `value` (and of a distribution's parameters), e.g. "W", "USD/kWh"; "" for ids and choices. */
  unit: string;
  /**
   * The value as written in the file or flag, as the reader sees it: a text without YAML's quotes, an alias as the value
   * it stands for (writtenValue); null for a default.
   */
  written: string | null;
  origin: ValueOrigin;
  source: string | null;
  /**
   * Present when the scenario sets the key but its evaluation does not read it, because another description set more
   * directly wins (unreadKeys): why, e.g. "the custom chip's price is built from its die, …".
   */
  unused?: string;
}

/** The JSON document of `token-ledger run --json`. */
export interface RunReport {
  scenario: {id: string; title: string; label: string; description: string; file: string; chain: string[]};
  assumptions: Record<string, AssumptionReport>;
  metrics: ScenarioRunResult["metrics"];
  /** Samples and seed of the Monte Carlo run; null when no assumption is a distribution. */
  monteCarlo: ScenarioRunResult["monteCarlo"];
  /** Keys whose value is a distribution. */
  uncertainKeys: string[];
  /** Per-month percentile bands of the charted series over the Monte Carlo samples; null without distributions. */
  bands: ScenarioRunResult["bands"];
}

/** The base unit label of a key ("" for ids and choices). */
export function keyUnit(path: string): string {
  const def = scenarioKey(path);
  return def && isQuantityKey(def) ? DIMENSIONS[def.type as Dimension].baseUnit : "";
}

export function runReport(resolved: ResolvedScenario, result: ScenarioRunResult): RunReport {
  const assumptions: Record<string, AssumptionReport> = {};
  const unread = unreadKeys(resolved);
  for (const [path, v] of Object.entries(resolved.values)) {
    const unused = unread[path];
    assumptions[path] = {
      value: v.value,
      unit: keyUnit(path),
      written: v.written,
      origin: v.origin,
      source: v.source,
      ...(unused === undefined ? {} : {unused})
    };
  }
  return {
    scenario: {
      id: resolved.id,
      title: resolved.title,
      label: resolved.label,
      description: resolved.description,
      file: resolved.file,
      chain: resolved.chain
    },
    assumptions,
    metrics: result.metrics,
    monteCarlo: result.monteCarlo,
    uncertainKeys: result.uncertainKeys,
    bands: result.bands
  };
}
