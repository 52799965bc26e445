// A project's data/models.csv context_tokens cell far below any model's window, likely written in thousands (a model
// card's "128k" copied as 128): a catalog cell's note, beside trainingTokensCell.ts's for training_tokens_t.
import {countNoun} from "../units/countNoun.js";
import {groupThousands} from "../units/groupThousands.js";
import {notedCellNumber} from "./notedCellNumber.js";

/**
 * The shortest context window of any model in data/models.csv (context_tokens), and a model with it: GPT-3's 2,048
 * tokens (test/catalog/contextTokensCell.test.ts checks it against the file).
 */
export const LEAST_MODEL_CONTEXT_TOKENS = {tokens: 2048, model: "gpt-3-175b"} as const;

/**
 * A context_tokens cell under this many tokens is noted: a quarter of the least bundled window, and GPT-1's 512, the
 * shortest window of any model served as a product's, is not under it. A window written in thousands (128 for 128k)
 * falls far below it.
 */
export const FAR_BELOW_CONTEXT_TOKENS = 512;

/**
 * The note's sentence for a data/models.csv context_tokens cell written `written`, when a plain number above 0 and
 * under FAR_BELOW_CONTEXT_TOKENS, else null: "context_tokens 128 is 128 tokens, under a quarter of any bundled
 * model's window (the least bundled, gpt-3-175b's, is 2,048 tokens): write 128000 if 128k was meant". Every
 * request of more tokens is then refused as past the window. A note, not an error: a toy model may have such a window.
 * A cell that is not a plain number is left to the cell's own error.
 */
export function thousandsContextSentence(written: string): string | null {
  const cell = notedCellNumber(written);
  if (cell === null || !(cell.value > 0 && cell.value < FAR_BELOW_CONTEXT_TOKENS)) return null;
  const {text, value} = cell;
  const {tokens, model} = LEAST_MODEL_CONTEXT_TOKENS;
  const meant = Number((value * 1000).toPrecision(12));
  return (
    `context_tokens ${text} is ${countNoun(text, "token")}, under a quarter of any bundled model's window (the least ` +
    `bundled, ${model}'s, is ${groupThousands(tokens)} tokens): write ${meant} if ${text}k was meant`
  );
}
