// What the marks after a modelled throughput mean, in one place for `token-ledger calibration` and /model-accuracy:
// † the published concurrency did not fit in memory, ‡ the serving engine's published cap set the batch.

/** † after a row's modelled tokens/s per chip (CalibrationRow memoryCapped): what set the batch instead. */
export const MEMORY_CAPPED_NOTE =
  "the published concurrency does not fit in memory under the stack's KV-cache admission; the model ran the largest " +
  "batch that fits";

/** ‡ after a row's modelled tokens/s per chip (CalibrationRow engineCapped): what set the batch instead. */
export const ENGINE_CAPPED_NOTE =
  "the serving engine's published cap on sequences per replica (max_batch), below the largest batch that fits, set " +
  "the batch the model ran";

/** The marks after a row's modelled tokens/s per chip: " †" when memory capped its batch, " ‡" when the engine did. */
export function capMarks(row: {memoryCapped: boolean; engineCapped: boolean}): string {
  return `${row.memoryCapped ? " \u2020" : ""}${row.engineCapped ? " \u2021" : ""}`;
}
