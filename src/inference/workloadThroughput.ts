import {decodeStep} from "./decodeStep.js";
import {prefill} from "./prefill.js";
import type {ModelShape, ReplicaHardware} from "./stepCost.js";

/**
 * Output tokens per second per chip for a stream of requests, each of `inputTokens` prompt tokens and
 * `outputTokens` generated tokens, served `batchSize` at a time on one replica (a static-batch view of an offline
 * benchmark such as MLPerf Inference "Offline"): the replica prefills the batch's prompts one after another, then
 * decodes them together, the average sequence holding inputTokens + outputTokens/2 in its KV cache.
 *   time per batch = batch × prefill(input) + output × decode step(batch, input + output/2)
 *   output tokens/s per chip = batch × output ÷ time per batch ÷ TP
 */
export interface WorkloadThroughputInput {
  model: ModelShape;
  hardware: ReplicaHardware;
  bytesPerParam: number;
  kvBytesPerElement: number;
  batchSize: number;
  inputTokens: number;
  outputTokens: number;
}

export function workloadOutputTokensPerSecondPerChip(input: WorkloadThroughputInput): number {
  const shared = {
    model: input.model,
    hardware: input.hardware,
    bytesPerParam: input.bytesPerParam,
    kvBytesPerElement: input.kvBytesPerElement
  };
  const prefillSeconds = prefill({...shared, promptTokens: input.inputTokens}).seconds;
  const stepSeconds = decodeStep({
    ...shared,
    batchSize: input.batchSize,
    contextTokens: input.inputTokens + input.outputTokens / 2
  }).seconds;
  const batchSeconds = input.batchSize * prefillSeconds + input.outputTokens * stepSeconds;
  return (input.batchSize * input.outputTokens) / batchSeconds / input.hardware.tensorParallel;
}
