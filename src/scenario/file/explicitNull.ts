// The word that takes a key back to its default: YAML's null written out (`null`, `~`), not an empty value.
import {isScalar} from "yaml";
import {UserError} from "../../errors/userError.js";

/** The word a scenario file or `--set` writes to take a key back to the value it has when no file sets it. */
export const UNSET_WORD = "null";

/** YAML's tag of a null (`!!null`), as the yaml package gives it. */
const NULL_TAG = "tag:yaml.org,2002:null";

/**
 * Whether a YAML node (an alias's target already resolved) is a null its author wrote: `null`, `Null`, `NULL`, `~` or
 * `!!null`, each of which YAML 1.2 reads as null, told from an empty value (`serving.kvCache:`, a value forgotten),
 * which YAML reads as null too. The yaml package keeps a plain scalar's text as written in `source`: "null" or "~"
 * for the first, "" for the second. A quoted `"null"` is the text null (a string), as in YAML.
 */
export function isExplicitNull(node: unknown): boolean {
  if (!isScalar(node) || node.value !== null) return false;
  return (typeof node.source === "string" && node.source.trim() !== "") || node.tag === NULL_TAG;
}

/**
 * An explicit null as its author wrote it, for an error's found: `~`, `null`, or with its tag `!!null` (`silicon:
 * !!null` has no text of its own: it read "silicon: null") and `!!null ~`; `null` for no text and no tag. `text` is
 * the node's text (ValueSite.text), which leaves out the tag.
 */
export function writtenNull(node: unknown, text: string): string {
  const tag = isScalar(node) && node.tag === NULL_TAG ? "!!null" : "";
  return [tag, text.trim()].filter(Boolean).join(" ") || UNSET_WORD;
}

/** YAML 1.2's words for null (core schema), which quoted are text. */
const NULL_WORDS = /^(?:null|Null|NULL|~)$/;

/**
 * For a null word written in quotes (`"null"`, `'~'`), which YAML reads as that text, not null: the hint saying how to
 * take the key back to its default. Undefined for any other node.
 */
export function quotedNullHint(node: unknown): string | undefined {
  if (!isScalar(node) || typeof node.value !== "string") return undefined;
  if (node.type !== "QUOTE_DOUBLE" && node.type !== "QUOTE_SINGLE") return undefined;
  const word = node.value.trim();
  if (!NULL_WORDS.test(word)) return undefined;
  return `in quotes ${word} is text: to take the key back to its default, write ${UNSET_WORD} without quotes`;
}

/**
 * For a value left empty (`serving.kvCache:` in a file, `--set serving.kvCache=`), which YAML reads as null too but
 * which sets nothing: the hint saying how to take the key back to its default. The error said only "found nothing",
 * no word of null, to an author who meant to take the key back (new-user trial). Undefined for any other node.
 */
export function emptyValueHint(node: unknown): string | undefined {
  const empty = node === null || node === undefined || (isScalar(node) && node.value === null && !isExplicitNull(node));
  return empty ? `an empty value sets nothing: to take the key back to its default, write ${UNSET_WORD}` : undefined;
}

/**
 * The errors from index `from` on, each with a hint on null when `node` is a quoted null word (quotedNullHint) or an
 * empty value (emptyValueHint): what reading a quoted null word as a value of a key gave ("not a number … found null"
 * said nothing of the quotes, and an id's offered 'b200' for "null"; breaker), and an empty one ("found nothing").
 * `errors` is changed.
 */
export function addNullWordHint(errors: UserError[], from: number, node: unknown): void {
  const hint = quotedNullHint(node) ?? emptyValueHint(node);
  if (hint === undefined) return;
  for (let i = from; i < errors.length; i++) {
    const {detail} = errors[i]!;
    errors[i] = new UserError({...detail, hint});
  }
}
