import type {ServingEfficiencies} from "./efficiencies.js";
import {servingPerformance, type ServingInput} from "./servingPerformance.js";

/** One point of the throughput–latency frontier. */
export interface FrontierPoint {
  batchSize: number;
  /** Output tokens per second per chip over whole requests, prefill included. */
  outputTokensPerSecondPerChip: number;
  /** Output tokens per second per chip counting decode steps only. */
  decodeTokensPerSecondPerChip: number;
  /** Output tokens per second one sequence sees while the replica decodes (1 ÷ TPOT). */
  tokensPerSecondPerSequence: number;
  /**
   * Output tokens per second a user sees over a whole request (ServingResult.outputTokensPerSecondPerUser); null for
   * requests of one output token (no decode step).
   */
  outputTokensPerSecondPerUser: number | null;
  /** Time per output token, s. */
  timePerOutputTokenSeconds: number;
  bound: "memory" | "compute";
}

/**
 * Throughput per chip against speed per user as the batch grows, from 1 to the largest batch that fits in HBM, on
 * batch sizes 1, 2, 4, … (powers of two) plus the maximum. Larger batches raise throughput per chip and lower speed
 * per user, until compute becomes the roof.
 */
export function throughputLatencyFrontier(
  input: Omit<ServingInput, "batchSize">,
  efficiencies: ServingEfficiencies,
  maxPoints = 16
): FrontierPoint[] {
  const {memory} = servingPerformance({...input, batchSize: 1}, efficiencies);
  const batches: number[] = [];
  for (let b = 1; b < memory.maxBatchSize && batches.length < maxPoints - 1; b *= 2) batches.push(b);
  if (memory.maxBatchSize >= 1) batches.push(memory.maxBatchSize);
  return batches.map((batchSize) => {
    const result = servingPerformance({...input, batchSize}, efficiencies);
    return {
      batchSize,
      outputTokensPerSecondPerChip: result.outputTokensPerSecondPerChip,
      decodeTokensPerSecondPerChip: result.decodeTokensPerSecondPerChip,
      tokensPerSecondPerSequence: result.tokensPerSecondPerSequence,
      outputTokensPerSecondPerUser: result.outputTokensPerSecondPerUser,
      timePerOutputTokenSeconds: result.timePerOutputTokenSeconds,
      bound: result.decode.bound
    };
  });
}
