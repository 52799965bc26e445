// The fewest tokens of any published run in data/training-runs.csv, and the threshold a tenth of them gives: read by a
// run's tokens written as a bare number (scenario/run/bareTokensNote.ts) and by a models.csv training_tokens_t cell
// (trainingTokensCell.ts), as leastBundledFigures.ts's least chip figures are read for hardware.csv.
import {FAR_BELOW_FRACTION} from "./leastBundledFigures.js";

/**
 * The fewest tokens of any published run in data/training-runs.csv (tokens_t × 10¹², checked against the file by
 * test/catalog/leastTrainingRunTokens.test.ts), and the run: Gopher 280B's 300B tokens (opt-175b's are as many).
 */
export const LEAST_TRAINING_RUN_TOKENS = {tokens: 0.3e12, run: "gopher-280b"} as const;

/**
 * Tokens under this, FAR_BELOW_FRACTION of LEAST_TRAINING_RUN_TOKENS (30B), are far below any published run's: a run's
 * tokens written as a bare number (bareTokensNote) or a models.csv training_tokens_t cell (trainingTokensCell.ts).
 */
export const FAR_BELOW_RUN_TOKENS = LEAST_TRAINING_RUN_TOKENS.tokens * FAR_BELOW_FRACTION;

/** The fewest tokens of a published run, for a note's sentence: "the fewest in data/training-runs.csv, …, are 300B". */
export function fewestRunTokens(): string {
  const {run, tokens} = LEAST_TRAINING_RUN_TOKENS;
  return `the fewest in data/training-runs.csv, ${run}'s, are ${tokens / 1e9}B`;
}
