import {orList} from "../units/wordList.js";

/**
 * The message and expectation of the error for a value that is none of a fixed set of choices, wherever one is read:
 * a scenario file's key, `--set` and a share link (readValue) and a command-line flag (oneOf in src/cli/flags.ts),
 * "not one of the choices: expected one of bf16, fp16 or fp8". The flags read "not a valid choice: expected one of
 * bf16, fp16, fp8" where `--set` of the same key read these words (helper item). The caller adds the flag or key, what
 * was found, and a did-you-mean where one is close.
 */
export function notAChoice(choices: readonly string[]): {message: string; expected: string} {
  return {message: "not one of the choices", expected: `one of ${orList(choices)}`};
}
