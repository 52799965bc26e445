// A project's data/models.csv training_tokens_t cell (trillions) likely written in billions, or scaled down a thousand
// times: a catalog cell's note, beside leastBundledFigures.ts's for hardware.csv (bareTokensNote.ts is the scenario
// key's; leastTrainingRunTokens.ts gives the published runs' threshold both read).
import {groupThousands} from "../units/groupThousands.js";
import {notedCellNumber, notedNumberText} from "./notedCellNumber.js";
import {formatQuantity} from "../units/quantity.js";
import {TERA} from "../units/si.js";
import {FAR_BELOW_RUN_TOKENS, fewestRunTokens} from "./leastTrainingRunTokens.js";

/**
 * The most training tokens of any model in data/models.csv (training_tokens_t, trillions; checked against the file by
 * test/scenario/run/bareTokensNote.test.ts), and the model: Llama 4 Maverick's 22T.
 */
export const MOST_MODEL_TRAINING_TOKENS_T = {tokensT: 22, model: "llama-4-maverick"} as const;

/** A training_tokens_t cell from this many trillions up is noted as likely billions: 1,000T, over 45 times the most. */
export const BILLIONS_IN_TRILLIONS_FROM_T = 1000;

/**
 * The note's sentence for a data/models.csv training_tokens_t cell (trillions) written `written`, when a plain number
 * of at least BILLIONS_IN_TRILLIONS_FROM_T, or above 0 and under FAR_BELOW_RUN_TOKENS (0.03T), else null. A model
 * card's "15,000B tokens" copied into the trillions column is read as 15,000T, a thousand times the corpus:
 * "training_tokens_t 15000 is 15,000T tokens, where the most in data/models.csv, llama-4-maverick's, is 22T: write 15
 * if 15000B was meant". A 0.015 is 15B tokens, under a tenth of any published run's, where 15T scaled down a thousand
 * times is as likely as 15B (tester): "training_tokens_t 0.015 is 15B tokens, under a tenth of any published run's
 * (the fewest in data/training-runs.csv, gopher-280b's, are 300B): write 15 if 15T was meant, or keep 0.015 if 15B
 * was". Notes, not errors (the column's range runs from 0 to 100,000). A cell that is not a plain number is left to
 * the cell's own error.
 */
export function billionsInTrillionsSentence(written: string): string | null {
  const cell = notedCellNumber(written);
  if (cell === null) return null;
  const {text, value} = cell;
  if (value > 0 && value * TERA < FAR_BELOW_RUN_TOKENS) {
    const tokens = formatQuantity(value * TERA, "tokens");
    const [meant, kept] = [Number((value * 1000).toPrecision(12)), tokens.replace(/ tokens?$/, "")];
    return (
      `training_tokens_t ${text} is ${tokens}, under a tenth of any published run's (${fewestRunTokens()}): write ` +
      `${meant} if ${meant}T was meant, or keep ${text} if ${kept} was`
    );
  }
  if (!(value >= BILLIONS_IN_TRILLIONS_FROM_T)) return null;
  const {tokensT, model} = MOST_MODEL_TRAINING_TOKENS_T;
  const meant = Number((value / 1000).toPrecision(12));
  return (
    `training_tokens_t ${text} is ${notedNumberText(groupThousands(value))}T tokens, where the most in data/models.csv, ${model}'s, ` +
    `is ${tokensT}T: write ${meant} if ${text}B was meant`
  );
}
