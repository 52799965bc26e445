/**
 * The largest share of a replica's HBM that can be held back (serving.hbmReserve) while the weights and a batch's KV
 * cache still fit: memoryFit keeps `usable = hbm × (1 − reserve)` and admits `floor((usable − weights) ÷ kv)`
 * sequences, so a batch of B fits exactly when `weights + B × kv ≤ hbm × (1 − reserve)`, that is when
 *
 *   reserve ≤ 1 − (weights + B × kv) ÷ hbm.
 *
 * The reserve decides neither the weights nor a sequence's KV cache (kvCacheAdmission decides the admission from the
 * stack and the weights alone), so this bound is exact. It is rounded down to three decimals, so that the value a
 * message prints fits too.
 */
export interface LargestFittingReserveInput {
  /** HBM of the whole replica (one chip's capacity × chips), bytes; > 0. */
  hbmBytes: number;
  /** Weights held by the replica, bytes; >= 0. */
  weightBytes: number;
  /** KV cache one sequence holds under its stack's admission, bytes; >= 0. */
  kvBytesPerSequence: number;
  /** Sequences the batch holds; >= 1. */
  batchSize: number;
}

/**
 * The largest reserve fraction, in [0, 1), at which the batch fits (formula above), rounded down to 0.001; null when
 * the batch does not fit even with nothing held back.
 */
export function largestFittingReserve(input: LargestFittingReserveInput): number | null {
  const needed = input.weightBytes + input.batchSize * input.kvBytesPerSequence;
  const reserve = Math.floor((1 - needed / input.hbmBytes) * 1000) / 1000;
  return reserve >= 0 ? reserve : null;
}
