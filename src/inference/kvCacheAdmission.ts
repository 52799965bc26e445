import type {SoftwareStack} from "./calibration/measurement.js";
import {inflightOutputTokens} from "./inflightLength.js";
import {DEFAULT_HBM_RESERVE_FRACTION, memoryFit, replicaWeightBytes, type MemoryFitResult} from "./memoryFit.js";
import type {ReplicaLayout} from "./parallelism.js";
import type {ModelShape} from "./stepCost.js";

/**
 * How many KV-cache tokens a request holds while it is admitted: "live", the tokens it has so far (a paged cache that
 * may pause a request when blocks run out: on average input + output ÷ 2), or "whole", every token it will have
 * (input + output, reserved at admission so that it is never paused).
 */
export type KvAdmission = "live" | "whole";

/** TensorRT-LLM's default share of the HBM left free after the weights that its KV cache takes. */
export const TRTLLM_FREE_GPU_MEMORY_FRACTION = 0.9;

/**
 * How a serving stack sizes its KV cache and admits requests to it: what sets the largest batch a replica runs, in a
 * scenario (servingPerformance) as in an offline benchmark (predictMeasurement). Two published policies:
 *
 * - TensorRT-LLM: the KV cache takes 90% of the HBM left free once the weights are loaded ("The default for
 *   free_gpu_memory_fraction is 0.9, which means TensorRT LLM will try to allocate 90% of free GPU memory for KV
 *   cache", TensorRT-LLM documentation, "How to Change KV Cache Behavior",
 *   https://nvidia.github.io/TensorRT-LLM/examples/kvcacheconfig.html), and its default scheduler,
 *   GUARANTEED_NO_EVICT, admits a request only "to guarantee that a started request is never paused" (TensorRT-LLM,
 *   "Useful Runtime Options"), by reserving the blocks of its whole length, input + output (NVIDIA Dynamo's model of
 *   that policy: needed = ceil((prompt_len + max_output_tokens) ÷ block_size), dynamo-mocker
 *   src/scheduler/trtllm/policy.rs). The default 0.9 is used for every TensorRT-LLM row, though NVIDIA's v0.17
 *   performance page says its runs set 0.95 "in majority of cases" (not which): 0.95 would raise those offline batches
 *   by about 5% and the model's throughput on them by 0–5%.
 * - Every other stack (vLLM, SGLang, JAX, Neuron, others): a share of the whole HBM (vLLM's gpu_memory_utilization,
 *   0.9: DEFAULT_HBM_RESERVE_FRACTION), and a paged cache holding each request's live tokens; a request that runs out
 *   of blocks is paused, so admission counts the mean live length.
 *
 * Input: the stack, the replica's HBM and its weights, bytes (any weights ≥ 0; HBM > 0).
 * Output: `reserveFraction`, the share of the replica's HBM held back from weights and KV cache (memoryFit's reserve),
 * and `admission`. Under TensorRT-LLM the reserve is 0.1 of what the weights leave, so it is 0 when the weights fill
 * the HBM or more: TensorRT-LLM holds nothing back before loading the weights, and memoryFit then says they do not fit
 * against the whole HBM (a 10% reserve of the whole HBM there would state a smaller capacity than the batch messages
 * of the same chips, which count the weights + 0.9 × what they leave: 152.9 GB against 160.0 GB of 2 H100s' 169.9).
 */
export function kvCacheAdmission(
  stack: SoftwareStack,
  {hbmBytes, weightBytes}: {hbmBytes: number; weightBytes: number}
): {reserveFraction: number; admission: KvAdmission} {
  const admission = stackAdmission(stack);
  if (stack !== "trtllm") return {reserveFraction: DEFAULT_HBM_RESERVE_FRACTION, admission};
  // usable = weights + 0.9 × (HBM − weights) = HBM × (1 − reserve), so reserve = 0.1 × (1 − weights ÷ HBM); nothing
  // is left to take a share of when the weights fill the HBM.
  const weightShare = Math.min(1, weightBytes / hbmBytes);
  return {reserveFraction: (1 - TRTLLM_FREE_GPU_MEMORY_FRACTION) * (1 - weightShare), admission};
}

/** The admission a stack's default scheduler uses: "whole" for TensorRT-LLM (GUARANTEED_NO_EVICT), else "live". */
export function stackAdmission(stack: SoftwareStack): KvAdmission {
  return stack === "trtllm" ? "whole" : "live";
}

/**
 * KV tokens a request in flight holds under an admission policy, for requests of `inputTokens` in and `outputTokens`
 * out on average, the output lengths spread with coefficient of variation `outputTokensCv` (0: all the same length).
 * Live: the tokens it has so far, input + half the in-flight mean output, outputTokens × (1 + CV²) ÷ 2
 * (inflightLength.ts: long answers crowd the batch). Whole: input + outputTokens, whatever the spread up to CV 1: the
 * scheduler reserves a request's blocks when it admits it, before its length is known (TensorRT-LLM reserves up to the
 * request's limit on new tokens, which the model stands in for by the mean), so a long answer holds no more than a
 * short one. Past CV 1 the live tokens in flight would pass that stand-in, and no reservation holds less than what
 * its requests hold: input + outputTokens × max(1, (1 + CV²) ÷ 2).
 */
export function kvTokensHeldPerSequence(
  admission: KvAdmission,
  inputTokens: number,
  outputTokens: number,
  outputTokensCv = 0
): number {
  const live = inflightOutputTokens(outputTokens, outputTokensCv) / 2;
  return inputTokens + (admission === "whole" ? Math.max(outputTokens, live) : live);
}

/** What the KV tokens a request holds stand for, under each admission (ServingResult.kvTokensBasis). */
export const KV_TOKENS_BASIS: Record<KvAdmission, string> = {
  live: "mean live length of a request in flight, input + output × (1 + CV²) ÷ 2 (a paged KV cache that may pause a request)",
  whole:
    "whole request, input + output (+ the in-flight live tokens past it when CV > 1), reserved when it is admitted (TensorRT-LLM's GUARANTEED_NO_EVICT)"
};

/** A replica serving requests on a stack: what servingMemoryFit needs. */
export interface ServingMemoryInput {
  /** HBM of one chip as the runtime reports it, bytes (Hardware.hbmCapacityBytes). */
  hbmCapacityBytes: number;
  model: ModelShape;
  layout: ReplicaLayout;
  bytesPerParam: number;
  kvBytesPerElement: number;
  /** Prompt and generated tokens per request (means); >= 1. */
  inputTokens: number;
  outputTokens: number;
  /** Coefficient of variation of the generated tokens per request, >= 0; absent: 0, every request the same length. */
  outputTokensCv?: number;
  stack: SoftwareStack;
  /** HBM held back from weights and KV cache, a fraction in [0, 1); null: the stack's (kvCacheAdmission). */
  hbmReserveFraction: number | null;
}

/** memoryFit's result, with the reserve and the admission it used. */
export interface ServingMemoryResult extends MemoryFitResult {
  /** HBM held back, as a fraction of the replica's HBM: the input's, or the stack's when the input gives none. */
  reserveFraction: number;
  admission: KvAdmission;
}

/**
 * What fits in one replica's HBM under its stack's policy: the stack's reserve (unless the input sets one) and
 * admission (kvCacheAdmission), then memoryFit with each request holding the tokens its admission counts
 * (kvTokensHeldPerSequence). The one place a replica's largest batch is decided, for scenarios, the `inference`
 * command and the calibration's measurements alike.
 */
export function servingMemoryFit(input: ServingMemoryInput): ServingMemoryResult {
  const policy = kvCacheAdmission(input.stack, {
    hbmBytes: input.hbmCapacityBytes * input.layout.chips,
    weightBytes: replicaWeightBytes(input.model, input.layout, input.bytesPerParam)
  });
  const reserveFraction = input.hbmReserveFraction ?? policy.reserveFraction;
  const fit = memoryFit({
    model: input.model,
    hbmCapacityBytes: input.hbmCapacityBytes,
    layout: input.layout,
    bytesPerParam: input.bytesPerParam,
    kvBytesPerElement: input.kvBytesPerElement,
    kvTokensPerSequence: kvTokensHeldPerSequence(
      policy.admission,
      input.inputTokens,
      input.outputTokens,
      input.outputTokensCv
    ),
    reserveFraction
  });
  // Written out rather than `{...fit, reserveFraction, admission}`: V8 builds that spread with added keys about 30×
  // slower (4 µs against 0.13 µs a call), and the calibration's fit makes this call some millions of times.
  return {
    weightBytes: fit.weightBytes,
    usableBytes: fit.usableBytes,
    kvTokensPerSequence: fit.kvTokensPerSequence,
    kvBytesPerSequence: fit.kvBytesPerSequence,
    maxBatchSize: fit.maxBatchSize,
    fits: fit.fits,
    reserveFraction,
    admission: policy.admission
  };
}
