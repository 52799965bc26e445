import {prefillAttentionFlops} from "./attention.js";
import {stepCommunicationSeconds} from "./communication.js";
import type {ServingEfficiencies} from "./efficiencies.js";
import {kvBytesPerTokenStored} from "./kvCache.js";
import type {ReplicaLayout} from "./parallelism.js";
import {attentionPeakFlopsPerS, stepTime, type ModelShape, type ReplicaHardware, type StepTime} from "./stepCost.js";
import {bodyParamsPerToken, embeddingTableParams, weightParamsReadPerStep} from "./weights.js";

/**
 * Prefill of `requests` prompts of `inputTokens` tokens together in one forward pass (compute-bound for any real
 * prompt), of which `cachedTokens` per prompt are prefix-cache hits whose KV is already in HBM:
 *   new = input − cached per prompt
 *   FLOPs = requests × (2 × body params × new + 2 × vocab × hidden (logits of the last token only: engines run the
 *           output head on the positions they sample, e.g. vLLM's logits_indices) + causal attention of the new
 *           tokens over all input tokens (attention.ts))
 *   bytes = weights read for requests × new tokens + requests × input × KV bytes per token as stored (the new
 *           tokens' KV written, the cached prefix read)
 *   time  = the matrix multiplies and attention (at the peak of the KV cache's format: attentionPeakFlopsPerS), each
 *           at the larger of its memory and compute time, in sequence, + collectives + step overhead    (stepCost.ts);
 *           an expert all-to-all forwarded (communication.ts ExpertAllToAllRouting: each token once per chip and
 *           once per remote scale-up domain, as DeepEP's prefill kernels send it)
 * With one request on an idle replica its time is the time to first token (queueing and the network left out).
 */
export interface PrefillInput {
  model: ModelShape;
  hardware: ReplicaHardware;
  layout: ReplicaLayout;
  bytesPerParam: number;
  kvBytesPerElement: number;
  /** Prompts prefilled together; >= 1 (a real number is accepted for averages). */
  requests: number;
  /** Prompt length, tokens; >= 1. */
  inputTokens: number;
  /** Tokens of each prompt found in the prefix cache; in [0, inputTokens). */
  cachedTokens: number;
}

export function prefill(input: PrefillInput, efficiencies: ServingEfficiencies): StepTime {
  const {model, layout, requests, inputTokens, cachedTokens} = input;
  const newTokens = inputTokens - cachedTokens;
  const stepTokens = requests * newTokens;
  const kernels = [
    {
      bytes: weightParamsReadPerStep(model, stepTokens, layout.attentionGroups) * input.bytesPerParam,
      flops: requests * (2 * bodyParamsPerToken(model) * newTokens + 2 * embeddingTableParams(model))
    },
    {
      bytes: requests * inputTokens * kvBytesPerTokenStored(model, input.kvBytesPerElement, layout.tensorParallel),
      flops: requests * prefillAttentionFlops(model, newTokens, cachedTokens),
      peakFlopsPerS: attentionPeakFlopsPerS(input.hardware, input.kvBytesPerElement)
    }
  ];
  const communicationSeconds = stepCommunicationSeconds(
    model,
    layout,
    stepTokens,
    input.hardware,
    efficiencies,
    input.bytesPerParam,
    "forwarded"
  );
  return stepTime({kernels, communicationSeconds}, input.hardware, efficiencies);
}
