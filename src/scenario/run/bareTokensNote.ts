import {bareWritten, writtenValueNote, type WrittenAssumptions, type WrittenPlaceOptions} from "./writtenValueNote.js";
import {FAR_BELOW_RUN_TOKENS, fewestRunTokens} from "../../catalog/leastTrainingRunTokens.js";
import {groupThousands} from "../../units/groupThousands.js";

/** Keys that are one pre-training run's tokens, the corpus a generation is trained on. */
export const TRAINING_TOKEN_KEYS: readonly string[] = ["training.tokens"];

/**
 * A note for a run's tokens (TRAINING_TOKEN_KEYS) written as a bare number under a tenth of the fewest any published
 * run trained on (FAR_BELOW_RUN_TOKENS, from catalog/: under 30B tokens): `--set training.tokens=15` is 15
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
    `${flag ?? path} ${bare.reads(read)}, where a pre-training run reads billions to trillions ` +
    `(${fewestRunTokens()}): ${advice}`
  );
}
