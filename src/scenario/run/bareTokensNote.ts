import {bareWritten, writtenValueNote, type WrittenAssumptions, type WrittenPlaceOptions} from "./writtenValueNote.js";
import {FAR_BELOW_FRACTION} from "../../catalog/leastBundledFigures.js";
import {groupThousands} from "../../units/groupThousands.js";

/** Keys that are one pre-training run's tokens, the corpus a generation is trained on. */
export const TRAINING_TOKEN_KEYS: readonly string[] = ["training.tokens"];

/**
 * The fewest tokens of any published run in data/training-runs.csv (tokens_t × 10¹², checked against the file by
 * test/scenario/run/bareTokensNote.test.ts), and the run: Gopher 280B's 300B tokens (opt-175b's are as many).
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

/**
 * A note for a run's tokens (TRAINING_TOKEN_KEYS) written as a bare number under a tenth of the fewest any published
 * run trained on (FAR_BELOW_FRACTION of LEAST_TRAINING_RUN_TOKENS: under 30B tokens): `--set training.tokens=15` is 15
 * tokens, where 15T was likely meant, and base priced its final training run at $5.41E−5 with no word (tester). The
 * value is in the key's range and may be meant (a small experiment), so it is a note, not an error; written with a
 * scale, a unit or an exponent (`15T`, `15 tokens`, `15e12`) it is taken as meant.
 *
 * Input: each key's value and how it was written (a RunReport's assumptions, or a page's resolved values). Output: a
 * sentence per such key, or null. Raises nothing.
 */
export function bareTokensNote(assumptions: WrittenAssumptions, options?: WrittenPlaceOptions): string | null {
  return writtenValueNote(assumptions, bareTokensSentence, TRAINING_TOKEN_KEYS, options);
}

/**
 * bareTokensNote's sentence for one key written `written` and read as `value` tokens, or null: "training.tokens 15 is
 * 15 tokens, where a pre-training run reads billions to trillions (the fewest in data/training-runs.csv, gopher-280b's,
 * are 300B): write 15T if 15 trillion was meant." A number under 100 is offered trillions (no published run reached
 * 100T), a larger one billions, one past 100,000 (100T as billions) no scale. An interval of bare numbers each that far
 * below (`15 to 20`) is noted alike. A flag that sets the key (`training --tokens 15`) is named by `flag`.
 */
export function bareTokensSentence(path: string, written: unknown, value: unknown, flag?: string): string | null {
  const bare = bareWritten(written, value, /^\+?\d+(\.\d+)?$/);
  if (!TRAINING_TOKEN_KEYS.includes(path) || bare === undefined) return null;
  const {ends, values} = bare;
  if (!values.every((end) => end > 0 && end < FAR_BELOW_RUN_TOKENS)) return null;
  const most = Math.max(...values);
  const scale = most < 100 ? {letter: "T", word: "trillion"} : most < 1e5 ? {letter: "B", word: "billion"} : undefined;
  const read = `${values.map((end) => groupThousands(end)).join(" to ")} ${most === 1 ? "token" : "tokens"}`;
  const scaled = scale && bare.rewritten((end) => `${end}${scale.letter}`);
  const advice = scale
    ? `write ${flag === undefined ? scaled : `${flag} ${scaled}`} if ${ends.join(" to ")} ${scale.word} was meant.`
    : "write its scale (300B, 15T) if another was meant.";
  return (
    `${flag ?? path} ${bare.text} is ${read}, where a pre-training run reads billions to trillions ` +
    `(${fewestRunTokens()}): ${advice}`
  );
}
