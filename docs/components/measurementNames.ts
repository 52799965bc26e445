// A published measurement as a reader names it: the model on the chip and the request shape ("Llama 2 70B on NVIDIA
// H100 SXM5 80GB", "FP8, TP2, 222 → 290 tokens, offline"), not its id (which stays for the tooltip).
import {CHIP_FAMILY_NAMES, type ChipFamily} from "../lib/catalog/chipFamily.js";
import {SOFTWARE_STACK_NAMES, type SoftwareStack} from "../lib/inference/calibration/measurement.js";
import type {NamedCatalogs} from "../lib/scenario/narrative/catalogValueName.js";
import {formatCount} from "./format.js";

/** The fields of a calibration row (src/inference/calibration/calibrate.ts CalibrationRow) a name is made of. */
export interface MeasurementNameInput {
  id: string;
  hardware: string;
  model: string;
  precision: string;
  tensorParallel: number;
  expertParallel: number;
  inputTokens: number;
  outputTokens: number;
  scenario: string;
  /**
   * What the measurement's throughput counts ("whole", "decode" or "prefill": MEASUREMENT_PHASES); a prefill row's
   * shape is its prompts, prefilled only (it generates no tokens), a decode row's its KV length, decoded only. Absent:
   * read as whole requests.
   */
  phase?: string;
}

export interface MeasurementNames {
  /** The chip's catalog name ("NVIDIA H100 SXM5 80GB"), else its id. */
  chip: string;
  /** The model's catalog name ("Llama 2 70B"), else its id. */
  model: string;
  /** "Llama 2 70B on NVIDIA H100 SXM5 80GB". */
  name: string;
  /**
   * Precision, parallelism, mean tokens in → out per request (a prefill row: its prompt length, "prefill only"; a
   * decode row: its KV length, "decode only") and the benchmark scenario.
   */
  shape: string;
}

/** The catalog name of `id` in `rows`, else the id itself. */
export function catalogName(rows: readonly {id: string; name: string}[], id: string): string {
  return rows.find((row) => row.id === id)?.name ?? id;
}

export function measurementNames(row: MeasurementNameInput, catalogs: NamedCatalogs): MeasurementNames {
  const chip = catalogName(catalogs.hardware, row.hardware);
  const model = catalogName(catalogs.models, row.model);
  const parallel = `TP${row.tensorParallel}${row.expertParallel > 1 ? ` EP${row.expertParallel}` : ""}`;
  // A decode-only row is taken at its KV length and counts decode steps, its output count a placeholder of 1 ("4,989 →
  // 1 tokens" read as one output token; new-user trial): named by its KV length, as a prefill row by its prompts.
  const tokens =
    row.phase === "prefill"
      ? `${formatCount(Math.round(row.inputTokens))}-token prompts, prefill only`
      : row.phase === "decode"
        ? `KV length ${formatCount(Math.round(row.inputTokens))} tokens, decode only`
        : `${formatCount(Math.round(row.inputTokens))} → ${formatCount(Math.round(row.outputTokens))} tokens`;
  return {
    chip,
    model,
    name: `${model} on ${chip}`,
    shape: `${row.precision.toUpperCase()}, ${parallel}, ${tokens}, ${row.scenario.replaceAll("-", " ")}`
  };
}

/**
 * The efficiencies a row was predicted with, named: "hopper/trtllm" → "Hopper, TensorRT-LLM", "cdna3" →
 * "AMD CDNA 3", "pooled" → "all chips (pooled)". An unknown group is written as given.
 */
export function efficienciesName(group: string): string {
  if (group === "pooled") return "all chips (pooled)";
  const [family, stack] = group.split("/");
  const familyName = CHIP_FAMILY_NAMES[family as ChipFamily] ?? family;
  return stack === undefined ? familyName : `${familyName}, ${SOFTWARE_STACK_NAMES[stack as SoftwareStack] ?? stack}`;
}

/** The fields of a skipped measurement (src/inference/calibration/calibrate.ts SkippedMeasurementRow) named here. */
export interface SkippedMeasurementNameInput {
  hardware: string;
  chips: number;
  model: string;
  precision: string;
  /** Software stack id ("sglang"), named by SOFTWARE_STACK_NAMES. */
  stack: string;
  /** Software as published: named instead of the stack "other" (up to its first parenthesis). */
  software: string;
  /** Publication month, YYYY-MM, as the compared rows' date column. */
  date: string;
  /**
   * "prefill" for a prefill-only measurement, named so ("…, prefill only"), "decode" for a decode-only one ("…, decode
   * only"); else absent or "whole".
   */
  phase?: string;
}

/**
 * A measurement the model was not compared with, named as the compared rows are, from what it has: the model on its
 * chips, the precision, the software stack and the publication month ("DeepSeek-V3 on 48 × NVIDIA GB200 (…), FP8,
 * SGLang, 2025-09"); a stack of "other" is named by the software as published, up to its first parenthesis
 * ("DeepSeek in-house inference system"). Catalog ids without a catalog name, and unknown stacks, are written as
 * given; the measurement's id and its full software are left for the tooltip. A prefill-only measurement says so
 * after its precision ("…, FP8, prefill only, SGLang, 2025-09"), a decode-only one "decode only".
 */
export function skippedMeasurementName(row: SkippedMeasurementNameInput, catalogs: NamedCatalogs): string {
  const chip = catalogName(catalogs.hardware, row.hardware);
  const model = catalogName(catalogs.models, row.model);
  const chips = row.chips > 1 ? `${formatCount(row.chips)} × ${chip}` : chip;
  const stack =
    row.stack === "other"
      ? row.software.split(" (")[0]!.trim() || row.software
      : (SOFTWARE_STACK_NAMES[row.stack as SoftwareStack] ?? row.stack);
  const phase = row.phase === "prefill" ? ", prefill only" : row.phase === "decode" ? ", decode only" : "";
  return `${model} on ${chips}, ${row.precision.toUpperCase()}${phase}, ${stack}, ${row.date}`;
}
