// The word that takes a key back to its default: YAML's null written out (`null`, `~`), not an empty value.
import {isScalar} from "yaml";

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
