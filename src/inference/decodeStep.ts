import {decodeAttentionFlops} from "./attention.js";
import {stepCommunicationSeconds} from "./communication.js";
import type {ServingEfficiencies} from "./efficiencies.js";
import {kvBytesPerTokenStored} from "./kvCache.js";
import type {ReplicaLayout} from "./parallelism.js";
import {attentionPeakFlopsPerS, stepTime, type ModelShape, type ReplicaHardware, type StepTime} from "./stepCost.js";
import {bodyParamsPerToken, embeddingTableParams, weightParamsReadPerStep} from "./weights.js";

/**
 * One decode step: every sequence in the batch produces one token.
 *   bytes = weights read (weights.ts: every non-expert weight per attention group, the embedding rows gathered, the
 *           output head whole, the experts the batch touches) × bytes/param
 *           + batch × context × KV bytes per token as stored (copies included, kvCache.ts)
 *   FLOPs = batch × (2 × body params + 2 × vocab × hidden (output head) + attention at the context (attention.ts))
 *   time  = the matrix multiplies (weights read, body and head FLOPs) and attention (KV read, attention FLOPs, at the
 *           peak of the KV cache's format: attentionPeakFlopsPerS), each at the larger of its memory and compute
 *           time, in sequence, + collectives + step overhead   (stepCost.ts)
 */
export interface DecodeStepInput {
  model: ModelShape;
  hardware: ReplicaHardware;
  layout: ReplicaLayout;
  /** Bytes per weight of the serving precision (2 for BF16). */
  bytesPerParam: number;
  /** Bytes per cached key/value element. */
  kvBytesPerElement: number;
  /** Sequences decoded together by the replica; >= 1 (a real number is accepted for averages). */
  batchSize: number;
  /** Tokens in each sequence's KV cache during the step (the mean live length of a request); >= 0. */
  contextTokens: number;
}

export function decodeStep(input: DecodeStepInput, efficiencies: ServingEfficiencies): StepTime {
  const {model, layout, batchSize, contextTokens} = input;
  const weightBytes = weightParamsReadPerStep(model, batchSize, layout.attentionGroups) * input.bytesPerParam;
  const kvBytes =
    batchSize * contextTokens * kvBytesPerTokenStored(model, input.kvBytesPerElement, layout.tensorParallel);
  const linearFlopsPerToken = 2 * bodyParamsPerToken(model) + 2 * embeddingTableParams(model);
  const communicationSeconds = stepCommunicationSeconds(
    model,
    layout,
    batchSize,
    input.hardware,
    efficiencies,
    input.bytesPerParam,
    "direct"
  );
  const kernels = [
    {bytes: weightBytes, flops: batchSize * linearFlopsPerToken},
    {
      bytes: kvBytes,
      flops: batchSize * decodeAttentionFlops(model, contextTokens),
      peakFlopsPerS: attentionPeakFlopsPerS(input.hardware, input.kvBytesPerElement)
    }
  ];
  return stepTime({kernels, communicationSeconds}, input.hardware, efficiencies);
}
