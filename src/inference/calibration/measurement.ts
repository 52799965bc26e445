import type {CsvPosition} from "../../catalog/csvCells.js";
import type {Precision} from "../precision.js";

/** How a measurement loaded the system: an offline run, a latency-bound run, a fixed batch, or production traffic. */
export const MEASUREMENT_SCENARIOS = ["offline", "server", "interactive", "fixed-batch", "production"] as const;
export type MeasurementScenario = (typeof MEASUREMENT_SCENARIOS)[number];

/** What a measurement's throughput counts: whole requests (prefill and decode on the same chips), or decode only. */
export const MEASUREMENT_PHASES = ["whole", "decode"] as const;
export type MeasurementPhase = (typeof MEASUREMENT_PHASES)[number];

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
  /** Tensor-parallel degree per replica; null when not published. */
  tensorParallel: number | null;
  /** Expert-parallel degree per replica; null when not published. */
  expertParallel: number | null;
  scenario: MeasurementScenario;
  phase: MeasurementPhase;
  /** Mean prompt tokens per request; null when not published. */
  inputTokens: number | null;
  /** Mean generated tokens per request; null when not published. */
  outputTokens: number | null;
  /** Requests in flight across the system; null when not published (offline: as many as fit). */
  concurrency: number | null;
  /** Software and version as published ("TensorRT-LLM 0.12"). */
  software: string;
  stack: SoftwareStack;
  /** Whether the run captured its steps as graphs (GRAPH_CAPTURES; the evidence is in notes). */
  graphCapture: GraphCapture;
  /** Measured output tokens per second per chip (the system's figure ÷ chips). */
  outputTokensPerSecondPerChip: number;
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
