import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import {decodeStep} from "./decodeStep.js";
import {memoryFit, type MemoryFitResult} from "./memoryFit.js";
import {prefill} from "./prefill.js";
import {BYTES_PER_PARAM, DEFAULT_KV_BYTES_PER_ELEMENT, peakFlopsPerS, type Precision} from "./precision.js";
import type {ReplicaHardware, StepTime} from "./stepCost.js";

/** How one model is served on one kind of chip. */
export interface ServingInput {
  hardware: Hardware;
  model: ModelArchitecture;
  precision: Precision;
  /** Sequences decoded together per replica; integer >= 1. */
  batchSize: number;
  /** Prompt length and average KV context per sequence, tokens; integer >= 1. */
  contextTokens: number;
  /** Chips per replica (tensor parallelism); integer >= 1. */
  tensorParallel: number;
  /** Fraction of peak HBM bandwidth reached; in (0, 1]. */
  achievableBandwidthFraction: number;
  /** Fraction of peak FLOP/s reached; in (0, 1]. */
  achievableComputeFraction: number;
  /** HBM held back for activations and runtime; in [0, 1). */
  hbmReserveFraction: number;
  /** Bytes per KV element; defaults to DEFAULT_KV_BYTES_PER_ELEMENT[precision]. */
  kvBytesPerElement?: number;
}

export interface ServingResult {
  /** One decode step of the whole batch. */
  decode: StepTime;
  /** Prefill of one prompt of contextTokens tokens. */
  prefill: StepTime;
  /** What fits in HBM. */
  memory: MemoryFitResult;
  /** Output tokens per second of one replica while decoding: batch ÷ step time. */
  tokensPerSecondPerReplica: number;
  /** Output tokens per second per chip: per replica ÷ tensor parallelism. */
  tokensPerSecondPerChip: number;
  /** Output tokens per second each user sees: 1 ÷ time per output token. */
  tokensPerSecondPerSequence: number;
  /** Time between output tokens of one sequence, s (the decode step time). */
  timePerOutputTokenSeconds: number;
  /** Time to first token: prefill of the prompt on an idle replica, s. */
  timeToFirstTokenSeconds: number;
  /** Prompt tokens per second per chip while prefilling. */
  prefillTokensPerSecondPerChip: number;
}

/**
 * Achievable fractions of peak. Bandwidth: well-tuned decode kernels stream weights at 80–90% of HBM bandwidth; we
 * take 0.8 (an assumption). Compute: calibrated on Hopper with FP8 against two published measurements that agree —
 * MLPerf Inference v4.1 llama2-70b-99 Offline on 8×H200 (submission 4.1-0048, 31,302.7 tokens/s) implies 0.483 of
 * dense FP8 peak, and NVIDIA NIM's Llama-3.3-70B FP8 TP2 time to first token on 2×H100 (406.77 ms for 5,000 tokens)
 * implies 0.459 (test/inference/published-serving.test.ts). Other chips and software stacks differ: MLPerf's 8×MI300X
 * result (4.1-0002, vLLM on ROCm) implies 0.275.
 */
export const DEFAULT_ACHIEVABLE_BANDWIDTH_FRACTION = 0.8;
export const DEFAULT_ACHIEVABLE_COMPUTE_FRACTION = 0.48;

/** The replica's chips in the serving precision; throws if the chip lacks that precision (checked at the edges). */
export function replicaHardware(
  input: Pick<
    ServingInput,
    "hardware" | "precision" | "tensorParallel" | "achievableBandwidthFraction" | "achievableComputeFraction"
  >
): ReplicaHardware {
  const peak = peakFlopsPerS(input.hardware, input.precision);
  if (peak === null) throw new Error(`${input.hardware.id} has no ${input.precision} peak`);
  return {
    hbmBandwidthBytesPerS: input.hardware.hbmBandwidthBytesPerS,
    peakFlopsPerS: peak,
    tensorParallel: input.tensorParallel,
    achievableBandwidthFraction: input.achievableBandwidthFraction,
    achievableComputeFraction: input.achievableComputeFraction
  };
}

export function servingPerformance(input: ServingInput): ServingResult {
  const hardware = replicaHardware(input);
  const bytesPerParam = BYTES_PER_PARAM[input.precision];
  const kvBytesPerElement = input.kvBytesPerElement ?? DEFAULT_KV_BYTES_PER_ELEMENT[input.precision];
  const model = input.model;
  const decode = decodeStep({
    model,
    hardware,
    bytesPerParam,
    kvBytesPerElement,
    batchSize: input.batchSize,
    contextTokens: input.contextTokens
  });
  const prefillStep = prefill({model, hardware, bytesPerParam, kvBytesPerElement, promptTokens: input.contextTokens});
  const memory = memoryFit({
    model: input.model,
    hbmBytes: input.hardware.hbmBytes,
    tensorParallel: input.tensorParallel,
    bytesPerParam,
    kvBytesPerElement,
    contextTokens: input.contextTokens,
    reserveFraction: input.hbmReserveFraction
  });
  const tokensPerSecondPerReplica = input.batchSize / decode.seconds;
  return {
    decode,
    prefill: prefillStep,
    memory,
    tokensPerSecondPerReplica,
    tokensPerSecondPerChip: tokensPerSecondPerReplica / input.tensorParallel,
    tokensPerSecondPerSequence: 1 / decode.seconds,
    timePerOutputTokenSeconds: decode.seconds,
    timeToFirstTokenSeconds: prefillStep.seconds,
    prefillTokensPerSecondPerChip: input.contextTokens / prefillStep.seconds / input.tensorParallel
  };
}
