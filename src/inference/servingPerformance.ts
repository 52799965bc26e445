import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import {decodeStep} from "./decodeStep.js";
import type {ServingEfficiencies} from "./efficiencies.js";
import type {SoftwareStack} from "./calibration/measurement.js";
import {KV_TOKENS_BASIS, servingMemoryFit, type ServingMemoryResult} from "./kvCacheAdmission.js";
import {replicaLayout, type ReplicaLayout} from "./parallelism.js";
import {prefill} from "./prefill.js";
import {BYTES_PER_PARAM, DEFAULT_KV_BYTES_PER_ELEMENT, type Precision} from "./precision.js";
import {replicaHardware, type StepTime} from "./stepCost.js";

/**
 * How one model is served on one kind of chip, and the requests it serves. A request has `inputTokens` prompt tokens,
 * of which a share `cacheHitFraction` is found in the prefix cache, and generates `outputTokens` tokens.
 */
export interface ServingInput {
  hardware: Hardware;
  model: ModelArchitecture;
  precision: Precision;
  /** Requests in flight on one replica (sequences decoded together); >= 1. */
  batchSize: number;
  /** Prompt tokens per request; integer >= 1. */
  inputTokens: number;
  /** Generated tokens per request, the first one from prefill; integer >= 1. */
  outputTokens: number;
  /** Share of the prompt found in the prefix cache (no prefill compute, KV read from HBM); in [0, 1). */
  cacheHitFraction: number;
  /** Chips each attention layer is split over; must shard the heads (parallelism.ts); integer >= 1. */
  tensorParallel: number;
  /** Chips the routed experts are spread over; 1 for a dense model; integer >= 1. */
  expertParallel: number;
  /** Serving software: how it sizes its KV cache and admits requests (kvCacheAdmission.ts). */
  stack: SoftwareStack;
  /** HBM held back for activations and runtime; in [0, 1); null: the stack's (kvCacheAdmission.ts). */
  hbmReserveFraction: number | null;
  /** Bytes per KV element; defaults to DEFAULT_KV_BYTES_PER_ELEMENT[precision]. */
  kvBytesPerElement?: number;
}

export interface ServingResult {
  /** Chips and parallelism of one replica. */
  layout: ReplicaLayout;
  /** One decode step of the whole batch at the mean live length. */
  decode: StepTime;
  /** Prefill of one request on an idle replica (its time is the time to first token). */
  prefill: StepTime;
  /** Prefill of the batch's requests together (what the replica spends on prefill per batch of requests). */
  batchPrefill: StepTime;
  /** What fits in HBM under the stack's reserve and admission (servingMemoryFit: memory.kvTokensPerSequence each). */
  memory: ServingMemoryResult;
  /** KV tokens each sequence's decode step reads, on average over its decode: input + output ÷ 2. */
  kvContextTokens: number;
  /** What the memory cap's KV tokens per sequence stand for (KV_TOKENS_BASIS of the stack's admission). */
  kvTokensBasis: string;
  /** Decode steps each request takes: output − 1 (the first token comes from prefill); 0 for one output token. */
  decodeStepsPerRequest: number;
  /** Whole requests: seconds the replica spends per batch of requests, prefill plus (output − 1) decode steps. */
  batchSeconds: number;
  /** Output tokens per second of one replica over whole requests, prefill included (offline benchmarks' figure). */
  outputTokensPerSecondPerReplica: number;
  /** outputTokensPerSecondPerReplica ÷ chips per replica. */
  outputTokensPerSecondPerChip: number;
  /** Output tokens per second per chip counting decode steps only (batch ÷ step time ÷ chips): not whole requests. */
  decodeTokensPerSecondPerChip: number;
  /** Output tokens per second one sequence sees while the replica decodes: 1 ÷ time per output token. */
  tokensPerSecondPerSequence: number;
  /**
   * Output tokens per second a user sees over a whole request in steady state: (output − 1) ÷ (request time − TTFT);
   * null for a request of one output token, which has no decode step (its one token comes from prefill).
   */
  outputTokensPerSecondPerUser: number | null;
  /** Time between output tokens of one sequence while decoding, s (the decode step time). */
  timePerOutputTokenSeconds: number;
  /** Time to first token: prefill of the prompt on an idle replica (one prompt per attention group), s. */
  timeToFirstTokenSeconds: number;
  /** Requests completed per second by one replica. */
  requestsPerSecondPerReplica: number;
  /** Prompt tokens (cache hits included) per second per chip while prefilling the batch. */
  prefillTokensPerSecondPerChip: number;
}

/**
 * Throughput and latency of serving requests of `inputTokens` in and `outputTokens` out, `batchSize` at a time on one
 * replica, prefill and decode sharing the chips (as offline benchmarks measure):
 *   KV context L = input + output ÷ 2 (the mean live length over a request's decode)
 *   batch time = prefill of the batch's prompts + (output − 1) × decode step(batch, L)
 *   output tokens/s per replica = batch × output ÷ batch time;  per chip ÷ chips
 *   decode tokens/s per chip = batch ÷ decode step ÷ chips (decode steps only)
 *   TPOT = decode step; TTFT = prefill of one prompt per attention group (one alone under tensor parallelism; with
 *   data-parallel attention each rank runs its own prompt's attention and dense layers, so a lone prompt takes the
 *   step in which every rank prefills one: spread over all the replica's chips it read 5× faster at EP 144 than at
 *   EP 10, below what one rank can compute; breaker); per user = (output − 1) ÷ (batch time − TTFT), from
 *   Little's law (a request lives one batch time when `batch` are in flight and `batch` finish per batch time); null
 *   for output 1 (no token after the first: vLLM's benchmark_serving likewise leaves such requests out of TPOT)
 * A pure function of (input, efficiencies); it does not check the input (servingChecks.ts does, at the edges): a
 * batch larger than fits in memory is still computed, and `memory` says what fits under the stack's KV-cache policy
 * (servingMemoryFit).
 */
export function servingPerformance(input: ServingInput, efficiencies: ServingEfficiencies): ServingResult {
  const {model, batchSize, inputTokens, outputTokens} = input;
  const layout = replicaLayout(input.tensorParallel, input.expertParallel);
  const hardware = replicaHardware(input.hardware, input.precision, layout.chips);
  const bytesPerParam = BYTES_PER_PARAM[input.precision];
  const kvBytesPerElement = input.kvBytesPerElement ?? DEFAULT_KV_BYTES_PER_ELEMENT[input.precision];
  const kvContextTokens = inputTokens + outputTokens / 2;
  const cachedTokens = input.cacheHitFraction * inputTokens;
  // Step inputs are written out rather than spread from a shared object: spreading made a call ~5× slower (22 vs
  // 4 µs in bench/serving-model.bench.ts), and a fitter calls this thousands of times.
  const decode = decodeStep(
    {model, hardware, layout, bytesPerParam, kvBytesPerElement, batchSize, contextTokens: kvContextTokens},
    efficiencies
  );
  const prefillOf = (requests: number) =>
    prefill(
      {model, hardware, layout, bytesPerParam, kvBytesPerElement, requests, inputTokens, cachedTokens},
      efficiencies
    );
  const single = prefillOf(layout.attentionGroups);
  const batchPrefill = prefillOf(batchSize);
  const memory = servingMemoryFit({
    hbmCapacityBytes: input.hardware.hbmCapacityBytes,
    model,
    layout,
    bytesPerParam,
    kvBytesPerElement,
    inputTokens,
    outputTokens,
    stack: input.stack,
    hbmReserveFraction: input.hbmReserveFraction
  });
  const decodeSteps = outputTokens - 1;
  const batchSeconds = batchPrefill.seconds + decodeSteps * decode.seconds;
  const outputTokensPerSecondPerReplica = (batchSize * outputTokens) / batchSeconds;
  const userSeconds = batchSeconds - single.seconds;
  return {
    layout,
    decode,
    prefill: single,
    batchPrefill,
    memory,
    kvContextTokens,
    kvTokensBasis: KV_TOKENS_BASIS[memory.admission],
    decodeStepsPerRequest: decodeSteps,
    batchSeconds,
    outputTokensPerSecondPerReplica,
    outputTokensPerSecondPerChip: outputTokensPerSecondPerReplica / layout.chips,
    decodeTokensPerSecondPerChip: batchSize / decode.seconds / layout.chips,
    tokensPerSecondPerSequence: 1 / decode.seconds,
    // With a decode step, userSeconds ≥ one step > 0.
    outputTokensPerSecondPerUser: decodeSteps > 0 ? decodeSteps / userSeconds : null,
    timePerOutputTokenSeconds: decode.seconds,
    timeToFirstTokenSeconds: single.seconds,
    requestsPerSecondPerReplica: batchSize / batchSeconds,
    prefillTokensPerSecondPerChip: (batchSize * inputTokens) / batchPrefill.seconds / layout.chips
  };
}
