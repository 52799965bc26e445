import type {CsvPosition} from "../../catalog/csvCells.js";
import type {KvCacheDtype, Precision} from "../precision.js";

/** How a measurement loaded the system: an offline run, a latency-bound run, a fixed batch, or production traffic. */
export const MEASUREMENT_SCENARIOS = ["offline", "server", "interactive", "fixed-batch", "production"] as const;
export type MeasurementScenario = (typeof MEASUREMENT_SCENARIOS)[number];

/**
 * What a measurement's throughput counts: whole requests (prefill and decode on the same chips; output tokens/s),
 * decode only (prefill on other chips; output tokens/s), or prefill only (decode on other chips; prompt tokens/s).
 */
export const MEASUREMENT_PHASES = ["whole", "decode", "prefill"] as const;
export type MeasurementPhase = (typeof MEASUREMENT_PHASES)[number];

/**
 * Which tokens a phase's throughput counts: the prompt (input) tokens prefilled for a prefill measurement, the
 * generated (output) tokens otherwise.
 */
export function measuredTokenKind(phase: MeasurementPhase): "input" | "output" {
  return phase === "prefill" ? "input" : "output";
}

/**
 * The measured throughput per chip a measurement is compared on: prompt tokens per second per chip for a prefill
 * measurement (measuredTokenKind), output tokens per second per chip otherwise. The parser guarantees the phase's
 * figure is present.
 */
export function measuredTokensPerSecondPerChip(
  m: Pick<Measurement, "phase" | "inputTokensPerSecondPerChip" | "outputTokensPerSecondPerChip">
): number {
  const value = m.phase === "prefill" ? m.inputTokensPerSecondPerChip : m.outputTokensPerSecondPerChip;
  if (value === null) throw new Error(`a ${m.phase} measurement without its throughput per chip`);
  return value;
}

/**
 * Whether a measured run captured its steps as CUDA/HIP graphs (replayed with one launch) or ran them eager, launching
 * every kernel from the CPU: "no" where the source shows eager steps (vLLM's --enforce-eager, SGLang's
 * --disable-cuda-graph, or a batch or context beyond the sizes the version captures by default), "yes" where its
 * command and the version's defaults show capture, "unknown" where the source does not say.
 */
export const GRAPH_CAPTURES = ["yes", "no", "unknown"] as const;
export type GraphCapture = (typeof GRAPH_CAPTURES)[number];

/** Serving software families, the unit efficiencies are fitted per (with the chip family). */
export const SOFTWARE_STACKS = ["trtllm", "vllm", "sglang", "jax", "neuron", "other"] as const;
export type SoftwareStack = (typeof SOFTWARE_STACKS)[number];

/** Each serving stack as its project names it ("TensorRT-LLM", "vLLM"). */
export const SOFTWARE_STACK_NAMES: Readonly<Record<SoftwareStack, string>> = {
  trtllm: "TensorRT-LLM",
  vllm: "vLLM",
  sglang: "SGLang",
  jax: "JAX",
  neuron: "Neuron",
  other: "other stacks"
};

/** One published serving measurement: a row of data/measurements.csv, in base units. */
export interface Measurement {
  /** Unique kebab-case id. */
  id: string;
  /** 1-based line of the row in its file (for located errors). */
  line: number;
  /** Where each cell starts in its file, in MEASUREMENT_COLUMNS order (for located errors naming a cell). */
  positions: readonly CsvPosition[];
  /** Catalog id of the chip (data/hardware.csv). */
  hardware: string;
  /** Chips in the measured system. */
  chips: number;
  /** Catalog id of the model (data/models.csv), or of an architecturally identical one (see notes). */
  model: string;
  precision: Precision;
  /** The KV cache's element format where the source states it (KV_CACHE_DTYPES); null: the precision's default. */
  kvCacheDtype: KvCacheDtype | null;
  /** Tensor-parallel degree per replica; null when not published. */
  tensorParallel: number | null;
  /** Expert-parallel degree per replica; null when not published. */
  expertParallel: number | null;
  scenario: MeasurementScenario;
  phase: MeasurementPhase;
  /** Mean prompt tokens per request; null when not published. */
  inputTokens: number | null;
  /** Mean generated tokens per request; null when not published (always for a prefill measurement). */
  outputTokens: number | null;
  /**
   * Coefficient of variation of the generated tokens per request (standard deviation ÷ mean, inflightLength.ts); null
   * when not published or when every request has the same length (fixed-length benchmarks): the model takes 0.
   */
  outputTokensCv: number | null;
  /**
   * Requests in flight across the system; null when not published (offline: as many as fit). For a prefill
   * measurement: the prompts prefilled together across the system.
   */
  concurrency: number | null;
  /**
   * The serving engine's cap on sequences in flight per replica (the model's replica: max(TP, EP) chips), as the
   * measured run configured it (MLPerf's gpu_batch_size → TensorRT-LLM's max_batch_size, converted to the replica in
   * notes); null when not published. Requests beyond it wait in a queue: they do not raise the batch.
   */
  maxBatch: number | null;
  /** Software and version as published ("TensorRT-LLM 0.12"). */
  software: string;
  stack: SoftwareStack;
  /** Whether the run captured its steps as graphs (GRAPH_CAPTURES; the evidence is in notes). */
  graphCapture: GraphCapture;
  /**
   * Measured output tokens per second per chip (the system's figure ÷ chips) of a whole or decode measurement; null for
   * a prefill measurement, which generates none.
   */
  outputTokensPerSecondPerChip: number | null;
  /**
   * Measured prompt tokens per second per chip while prefilling (the system's figure ÷ chips; no prefix-cache hits) of
   * a prefill measurement; null for a whole or decode measurement.
   */
  inputTokensPerSecondPerChip: number | null;
  /** Measured output tokens per second per user; null when not published. */
  outputTokensPerSecondPerUser: number | null;
  /** Time to first token, s; null when not published. */
  timeToFirstTokenSeconds: number | null;
  /** Time per output token, s; null when not published. */
  timePerOutputTokenSeconds: number | null;
  /** Publication month, YYYY-MM. */
  date: string;
  sourceTitle: string;
  sourceUrl: string;
  /** The figure as published. */
  quote: string;
  notes: string;
}
