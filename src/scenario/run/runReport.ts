import {formatQuantity, type Dimension} from "../../units/quantity.js";
import type {Distribution} from "../../uncertainty/distribution.js";
import {writtenAt, type ResolvedScenario, type ValueOrigin} from "../resolve/resolveScenario.js";
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
   * Present when the scenario writes the key (a value, or a null that takes it back to its default) but its evaluation
   * does not read it (unreadKeys): why, e.g. "the custom chip's price is built from its die, …", "serving.prefill is
   * shared: …". Absent for a default nothing wrote.
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
  // A key written null is as unread as one written a value: `--set serving.prefillTensorParallel=null` under shared
  // prefill was listed among the keys used, as "8 (as serving.tensorParallel)", a value nothing reads, where compare
  // and the pages show "—". The keys at defaults nothing wrote are not listed (they are not the scenario's).
  const unread = unreadKeys(resolved, {defaults: true});
  for (const [path, v] of Object.entries(resolved.values)) {
    const unused = writtenAt(v.origin) === undefined ? undefined : unread[path];
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
