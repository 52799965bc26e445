import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import {decodeStep} from "./decodeStep.js";
import type {ServingEfficiencies} from "./efficiencies.js";
import type {SoftwareStack} from "./calibration/measurement.js";
import {
  KV_TOKENS_BASIS,
  kvTokensHeldPerSequence,
  servingMemoryFit,
  type ServingMemoryResult
} from "./kvCacheAdmission.js";
import {replicaLayout, type ReplicaLayout} from "./parallelism.js";
import {prefill} from "./prefill.js";
import {prefillPromptsPerStep, type PrefillReplica} from "./prefillReplica.js";
import {BYTES_PER_PARAM, kvBytesPerElementOf, type Precision} from "./precision.js";
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
  /** Generated tokens per request, the first one from prefill; integer >= 1 (the mean, when lengths vary). */
  outputTokens: number;
  /**
   * Coefficient of variation of the generated tokens per request (standard deviation ÷ mean), >= 0; absent: 0, every
   * request the same length. Long answers stay in the batch longer, so the requests in flight hold more KV cache than
   * the average request does (inflightLength.ts).
   */
  outputTokensCv?: number;
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
  /**
   * Prefill on replicas of its own, laid out for it (prefillReplica.ts: prefill/decode disaggregation); absent or null:
   * the decode replica prefills its batch's prompts between its decode steps (as offline benchmarks run).
   */
  prefillReplica?: PrefillReplica | null;
}

export interface ServingResult {
  /** Chips and parallelism of one (decode) replica. */
  layout: ReplicaLayout;
  /** True when prefill runs on replicas of its own (ServingInput.prefillReplica), false when the decode replica's. */
  disaggregated: boolean;
  /** Chips and parallelism of the replica that prefills: `layout` itself unless prefill is disaggregated. */
  prefillLayout: ReplicaLayout;
  /** One decode step of the whole batch at the mean live length. */
  decode: StepTime;
  /** Prefill of one request on an idle replica (its time is the time to first token). */
  prefill: StepTime;
  /**
   * Prefill of `prefillPrompts` prompts together: the batch's (what the replica spends on prefill per batch of
   * requests), or under disaggregation one prefill step of the prefill replica.
   */
  batchPrefill: StepTime;
  /** Prompts in batchPrefill: the batch, or under disaggregation a prefill step's (prefillPromptsPerStep). */
  prefillPrompts: number;
  /** What fits in HBM under the stack's reserve and admission (servingMemoryFit: memory.kvTokensPerSequence each). */
  memory: ServingMemoryResult;
  /**
   * Under disaggregation, what fits in a prefill replica's HBM: its weights and the prompts' KV caches (each prompt
   * holding its input tokens, memory.maxBatchSize prompts at most); null when the decode replica prefills.
   */
  prefillMemory: ServingMemoryResult | null;
  /** KV tokens each sequence's decode step reads, on average over the requests in flight: input + output × (1 + CV²) ÷ 2. */
  kvContextTokens: number;
  /** What the memory cap's KV tokens per sequence stand for (KV_TOKENS_BASIS of the stack's admission). */
  kvTokensBasis: string;
  /** Decode steps each request takes: output − 1 (the first token comes from prefill); 0 for one output token. */
  decodeStepsPerRequest: number;
  /**
   * Whole requests: seconds the replica spends per batch of requests, prefill plus (output − 1) decode steps; under
   * disaggregation the decode steps alone (the prompts are prefilled on other chips).
   */
  batchSeconds: number;
  /**
   * Output tokens per second of one replica over whole requests, prefill included (offline benchmarks' figure); under
   * disaggregation one decode replica's (batch × output ÷ its decode steps; the prefill replicas that feed it are
   * counted in outputTokensPerSecondPerChip), or with no decode step the prefill replica's.
   */
  outputTokensPerSecondPerReplica: number;
  /**
   * Output tokens per second per chip over whole requests: output ÷ the chip-seconds a request takes, its share of a
   * prefill and of its decode steps (on their own chips under disaggregation).
   */
  outputTokensPerSecondPerChip: number;
  /**
   * Share of the chip time of whole requests spent prefilling, in (0, 1): the prefill chips' share of the chips a
   * request uses under disaggregation (the share of the fleet the prefill replicas take), else the share of the
   * replica's time.
   */
  prefillChipShare: number;
  /** Output tokens per second per chip counting decode steps only (batch ÷ step time ÷ chips): not whole requests. */
  decodeTokensPerSecondPerChip: number;
  /** Output tokens per second one sequence sees while the replica decodes: 1 ÷ time per output token. */
  tokensPerSecondPerSequence: number;
  /**
   * Output tokens per second a user sees over a whole request in steady state: (output − 1) ÷ (request time − TTFT),
   * 1 ÷ TPOT under disaggregation (no prefill holds up the decode steps); null for a request of one output token,
   * which has no decode step (its one token comes from prefill).
   */
  outputTokensPerSecondPerUser: number | null;
  /** Time between output tokens of one sequence while decoding, s (the decode step time). */
  timePerOutputTokenSeconds: number;
  /**
   * Time to first token, s: prefill of the prompt on an idle replica (one prompt per attention group); under
   * disaggregation the prefill replica's step that carries it (batchPrefill, × attention groups ÷ prompts per step
   * when a step holds less than one prompt per group). Queueing and the KV cache's transfer left out.
   */
  timeToFirstTokenSeconds: number;
  /** Requests completed per second by one replica: outputTokensPerSecondPerReplica ÷ output tokens. */
  requestsPerSecondPerReplica: number;
  /** Prompt tokens (cache hits included) per second per chip while prefilling (batchPrefill, on its layout's chips). */
  prefillTokensPerSecondPerChip: number;
}

/**
 * Throughput and latency of serving requests of `inputTokens` in and `outputTokens` out, `batchSize` at a time on one
 * replica, prefill and decode sharing the chips (as offline benchmarks measure):
 *   KV context L = input + output × (1 + CV²) ÷ 2 (the mean live length of the requests in flight: output ÷ 2 over
 *   one request's decode, the output's CV weighting long answers as they crowd the batch; inflightLength.ts)
 *   batch time = prefill of the batch's prompts + (output − 1) × decode step(batch, L)
 *   output tokens/s per replica = batch × output ÷ batch time;  per chip ÷ chips
 *   decode tokens/s per chip = batch ÷ decode step ÷ chips (decode steps only)
 *   TPOT = decode step; TTFT = prefill of one prompt per attention group (one alone under tensor parallelism; with
 *   data-parallel attention each rank runs its own prompt's attention and dense layers, so a lone prompt takes the
 *   step in which every rank prefills one: spread over all the replica's chips it read 5× faster at EP 144 than at
 *   EP 10, below what one rank can compute; breaker); per user = (output − 1) ÷ (batch time − TTFT), from
 *   Little's law (a request lives one batch time when `batch` are in flight and `batch` finish per batch time); null
 *   for output 1 (no token after the first: vLLM's benchmark_serving likewise leaves such requests out of TPOT)
 * With prefill on replicas of its own (input.prefillReplica, prefillReplica.ts), laid out as it says:
 *   prefill step = prefill of P = step tokens per chip × prefill chips ÷ new tokens per prompt prompts together
 *   chip-seconds per request = prefill step × prefill chips ÷ P + (output − 1) × decode step × chips ÷ batch
 *   output tokens/s per chip = output ÷ chip-seconds per request; per replica: the decode replica's, batch × output ÷
 *   its (output − 1) decode steps; prefill chip share = the prefill step's part of a request's chip-seconds
 *   prefill tokens/s per chip = P × input ÷ prefill step ÷ prefill chips; TTFT = the prefill step (× attention
 *   groups ÷ P when P < one prompt per group: the prompt spans several steps); per user = 1 ÷ TPOT (the decode
 *   replica only decodes); batch time = (output − 1) decode steps
 * A pure function of (input, efficiencies); it does not check the input (servingChecks.ts does, at the edges): a
 * batch larger than fits in memory is still computed, and `memory` says what fits under the stack's KV-cache policy
 * (servingMemoryFit).
 */
export function servingPerformance(input: ServingInput, efficiencies: ServingEfficiencies): ServingResult {
  const {model, batchSize, inputTokens, outputTokens} = input;
  const layout = replicaLayout(input.tensorParallel, input.expertParallel);
  const hardware = replicaHardware(input.hardware, input.precision, layout.chips);
  const bytesPerParam = BYTES_PER_PARAM[input.precision];
  const kvBytesPerElement = kvBytesPerElementOf(input);
  const outputTokensCv = input.outputTokensCv ?? 0;
  // The live tokens a request in flight holds, as a paged cache counts them (kvCacheAdmission.ts).
  const kvContextTokens = kvTokensHeldPerSequence("live", inputTokens, outputTokens, outputTokensCv);
  const cachedTokens = input.cacheHitFraction * inputTokens;
  // Step inputs are written out rather than spread from a shared object: spreading made a call ~5× slower (22 vs
  // 4 µs in bench/serving-model.bench.ts), and a fitter calls this thousands of times.
  const decode = decodeStep(
    {model, hardware, layout, bytesPerParam, kvBytesPerElement, batchSize, contextTokens: kvContextTokens},
    efficiencies
  );
  const apart = input.prefillReplica ?? null;
  const prefillLayout = apart ? replicaLayout(apart.tensorParallel, apart.expertParallel) : layout;
  const prefillHardware = apart ? replicaHardware(input.hardware, input.precision, prefillLayout.chips) : hardware;
  const prefillOf = (requests: number) =>
    prefill(
      {
        model,
        hardware: prefillHardware,
        layout: prefillLayout,
        bytesPerParam,
        kvBytesPerElement,
        requests,
        inputTokens,
        cachedTokens
      },
      efficiencies
    );
  const single = prefillOf(prefillLayout.attentionGroups);
  const prefillPrompts = apart
    ? prefillPromptsPerStep(apart.stepTokensPerChip, prefillLayout.chips, inputTokens - cachedTokens)
    : batchSize;
  const batchPrefill = prefillOf(prefillPrompts);
  const memoryOf = (replica: ReplicaLayout, outputTokensHeld: number) =>
    servingMemoryFit({
      hbmCapacityBytes: input.hardware.hbmCapacityBytes,
      model,
      layout: replica,
      bytesPerParam,
      kvBytesPerElement,
      inputTokens,
      outputTokens: outputTokensHeld,
      outputTokensCv,
      stack: input.stack,
      hbmReserveFraction: input.hbmReserveFraction
    });
  const memory = memoryOf(layout, outputTokens);
  // A prefill replica holds each prompt's KV cache until it is handed over: its input tokens, no output.
  const prefillMemory = apart ? memoryOf(prefillLayout, 0) : null;
  const decodeSteps = outputTokens - 1;
  const decodeSeconds = decodeSteps * decode.seconds;
  const batchSeconds = apart ? decodeSeconds : batchPrefill.seconds + decodeSeconds;
  // A request's chip-seconds in prefill and in all: shared, its share of the replica's batch time; apart, its share
  // of a prefill step on the prefill chips and of the decode steps on the decode chips.
  const prefillChipSeconds = (batchPrefill.seconds * prefillLayout.chips) / prefillPrompts;
  const chipSecondsPerRequest = apart
    ? prefillChipSeconds + (decodeSeconds * layout.chips) / batchSize
    : (batchSeconds * layout.chips) / batchSize;
  // Shared, as an offline benchmark counts: the batch's output over its time. Apart, one decode replica's (its
  // prefill chips counted per chip, not here; breaker: 78,774 tokens/s "per replica" of a 144-GPU decode replica
  // emitting 293k); with no decode step the prefill replica's, the only one a request uses.
  const outputTokensPerSecondPerReplica = !apart
    ? (batchSize * outputTokens) / batchSeconds
    : decodeSteps > 0
      ? (batchSize * outputTokens) / decodeSeconds
      : (prefillPrompts * outputTokens) / batchPrefill.seconds;
  const userSeconds = apart ? decodeSeconds : batchSeconds - single.seconds;
  return {
    layout,
    disaggregated: apart !== null,
    prefillLayout,
    decode,
    prefill: single,
    batchPrefill,
    prefillPrompts,
    memory,
    prefillMemory,
    kvContextTokens,
    kvTokensBasis: KV_TOKENS_BASIS[memory.admission],
    decodeStepsPerRequest: decodeSteps,
    batchSeconds,
    outputTokensPerSecondPerReplica,
    outputTokensPerSecondPerChip: apart
      ? outputTokens / chipSecondsPerRequest
      : outputTokensPerSecondPerReplica / layout.chips,
    prefillChipShare: apart ? prefillChipSeconds / chipSecondsPerRequest : batchPrefill.seconds / batchSeconds,
    decodeTokensPerSecondPerChip: batchSize / decode.seconds / layout.chips,
    tokensPerSecondPerSequence: 1 / decode.seconds,
    // With a decode step, userSeconds ≥ one step > 0.
    outputTokensPerSecondPerUser: decodeSteps > 0 ? decodeSteps / userSeconds : null,
    timePerOutputTokenSeconds: decode.seconds,
    // Apart, a prompt rides in the prefill replica's full step (or in several, when a step holds less than one
    // prompt per attention group): the step the replica runs, not an idle replica's lone prompt (a step of 1 token
    // per chip read the same TTFT as one of 16,384; breaker).
    timeToFirstTokenSeconds: apart
      ? batchPrefill.seconds * Math.max(1, prefillLayout.attentionGroups / prefillPrompts)
      : single.seconds,
    requestsPerSecondPerReplica: apart ? outputTokensPerSecondPerReplica / outputTokens : batchSize / batchSeconds,
    prefillTokensPerSecondPerChip: (prefillPrompts * inputTokens) / batchPrefill.seconds / prefillLayout.chips
  };
}
