import {servingPerformance, type ServingInput} from "./servingPerformance.js";

/** One point of the throughput–latency frontier. */
export interface FrontierPoint {
  batchSize: number;
  /** Output tokens per second per chip. */
  tokensPerSecondPerChip: number;
  /** Output tokens per second each user sees. */
  tokensPerSecondPerSequence: number;
  /** Time per output token, s. */
  timePerOutputTokenSeconds: number;
  bound: "memory" | "compute";
}

/**
 * Throughput per chip against speed per user as the batch grows, from 1 to the largest batch that fits in HBM, on
 * batch sizes 1, 2, 4, … (powers of two) plus the maximum. Larger batches raise throughput per chip and lower speed
 * per user, until compute becomes the roof.
 */
export function throughputLatencyFrontier(input: Omit<ServingInput, "batchSize">, maxPoints = 16): FrontierPoint[] {
  const {memory} = servingPerformance({...input, batchSize: 1});
  const batches: number[] = [];
  for (let b = 1; b < memory.maxBatchSize && batches.length < maxPoints - 1; b *= 2) batches.push(b);
  if (memory.maxBatchSize >= 1) batches.push(memory.maxBatchSize);
  return batches.map((batchSize) => {
    const result = servingPerformance({...input, batchSize});
    return {
      batchSize,
      tokensPerSecondPerChip: result.tokensPerSecondPerChip,
      tokensPerSecondPerSequence: result.tokensPerSecondPerSequence,
      timePerOutputTokenSeconds: result.timePerOutputTokenSeconds,
      bound: result.decode.bound
    };
  });
}
