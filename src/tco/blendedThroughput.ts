/**
 * Tokens per second of a chip serving a mix of input (prefill) and output (decode) tokens, each phase at its own
 * rate: the harmonic mean weighted by the mix, because each token takes the chip time of its phase.
 *
 *   blended tokens/s = 1 ÷ (inputShare ÷ prefill tokens/s + (1 − inputShare) ÷ decode tokens/s)
 */
export interface BlendedThroughputInput {
  /** Share of all tokens that are input (prompt) tokens; in [0, 1]. */
  inputShare: number;
  /** Prompt tokens per second per chip while prefilling; > 0. */
  prefillTokensPerSecondPerChip: number;
  /** Output tokens per second per chip while decoding; > 0. */
  decodeTokensPerSecondPerChip: number;
}

/** Blended tokens per second per chip (input and output tokens counted alike). */
export function blendedTokensPerSecondPerChip(input: BlendedThroughputInput): number {
  return (
    1 /
    (input.inputShare / input.prefillTokensPerSecondPerChip +
      (1 - input.inputShare) / input.decodeTokensPerSecondPerChip)
  );
}
