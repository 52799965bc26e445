import type {ParsedScenario} from "./parseScenario.js";
import {scenarioTitle} from "./parseScenario.js";
import {andList} from "../../units/wordList.js";

/** The fields of a parsed scenario the note reads. */
type CopiedFields = Pick<
  ParsedScenario,
  "file" | "id" | "title" | "description" | "values" | "sources" | "body" | "extends"
>;

/** What tells a copy from its original where two files read alike: known where files are read, not in the parse. */
export interface CopyFacts {
  /** Whether the file is one of the package's bundled scenarios (data/scenarios/ of token-ledger itself). */
  bundled: boolean;
  /** When the file was last modified (ms since the epoch), or undefined when unknown. */
  modified: number | undefined;
}

/**
 * Whether a file (`facts`) is taken for a copy of `other`'s file: the note speaks of the two, and was given to both,
 * the original told to rewrite its own prose for "a value it changed" (tester). The rule: a file that is not bundled
 * is the copy of a bundled one (the README's recipe copies the bundled base.md into a project), and a bundled one is
 * never the copy of one that is not; between two of a kind, the file modified later, by at least COPY_EDIT_GAP_MS,
 * is the copy (`cp` writes a new file, and the copy is the one edited since). Modified within that of each other (a
 * `git clone` or checkout writes a project's files a few milliseconds apart, in no order that says which was copied),
 * or a time unknown: either may be the copy, and each is told.
 */
export function mayBeCopyOf(facts: CopyFacts, other: CopyFacts): boolean {
  if (facts.bundled !== other.bundled) return !facts.bundled;
  if (facts.modified === undefined || other.modified === undefined) return true;
  return facts.modified > other.modified - COPY_EDIT_GAP_MS;
}

/** How much later a file must have been modified than another of its kind to be taken for its copy: a minute. */
export const COPY_EDIT_GAP_MS = 60_000;

/**
 * A note for a scenario file copied from another and edited (the README's recipe starts from `cp base.md`): a key
 * whose value changed but whose `sources:` entry is still the other file's word for word, so its page cites, for the
 * new value, a source written for the old one (a copy of base.md set on B200 cited "NVIDIA H100 SXM5 80GB" and a
 * batch of 128 "64 sequences per replica"; new-user trial); a title another scenario has, so that the navigation
 * lists two scenarios by one name; and a description or narrative that is another scenario's word for word while the
 * file changed that scenario's values (a copy of asic-9-months.md set to a 12-month cycle still said "designed in 9
 * months" and "A custom inference chip in 9 months"; staleProse).
 *
 * Input: the file as parsed, the other scenarios the command sees (any order; the file itself is skipped by its
 * path), and what tells a copy from its original (`facts` of a file, by its path as `file` gives it): an other file
 * the scenario is not taken for a copy of (mayBeCopyOf) is left out, so that the note goes to the copy only. Without
 * `facts`, every other file is one the scenario may have been copied from. Output: one note of up to three sentences,
 * or null when none holds. Raises nothing.
 */
export function copiedFromNote(
  scenario: CopiedFields,
  others: readonly CopiedFields[],
  facts?: (file: string) => CopyFacts
): string | null {
  const rest = others.filter(
    (other) => other.file !== scenario.file && (!facts || mayBeCopyOf(facts(scenario.file), facts(other.file)))
  );
  const stale = Object.entries(scenario.sources).flatMap(([path, source]) => {
    const own = scenario.values[path];
    if (own === undefined) return [];
    const from = rest.find((other) => {
      const theirs = other.values[path];
      // Values are numbers, texts and distributions' plain objects: equal when they serialise alike.
      return (
        other.sources[path]?.text === source.text &&
        theirs !== undefined &&
        JSON.stringify(theirs.value) !== JSON.stringify(own.value)
      );
    });
    return from
      ? [
          `${path} (line ${source.position.line}: ${own.written}, where ${from.file} gives it for ${from.values[path]!.written})`
        ]
      : [];
  });
  const sentences: string[] = [];
  if (stale.length) {
    sentences.push(
      `${scenario.file} cites, for ${stale.length === 1 ? "a value" : `${stale.length} values`} it changed, the ` +
        `source another file gives for another value: ${stale.join("; ")}; its pages would cite ` +
        `${stale.length === 1 ? "it" : "them"} for this file's value (write what this value rests on under sources:)`
    );
  }
  const title = scenarioTitle(scenario);
  const same = scenario.title === undefined ? undefined : rest.find((other) => scenarioTitle(other) === title);
  if (same) {
    sentences.push(
      `${scenario.file} has the title of ${same.file} ("${title}"): the navigation and /compare would list both by ` +
        "one name (give it a title: of its own)"
    );
  }
  const prose = staleProse(scenario, rest);
  if (prose) sentences.push(prose);
  return sentences.length ? sentences.join(". ") : null;
}

/**
 * The sentence for a file whose description or narrative is another file's word for word (blank lines and spaces
 * around it aside) while it sets a value that file does not (another value of a key, or a key that file leaves to its
 * parent), as a copy edited in its front matter only has it; undefined when no other file's prose is the file's, or
 * the values are all that file's (a copy not yet edited, which the title's sentence speaks of), or that file extends
 * this one (a child keeping its parent's prose is the copy, not the parent), or the prose is too short to be evidence
 * of a copy (tellsOfACopy). The file whose prose is the same in both places comes first, then the first in `others`'
 * order.
 */
function staleProse(scenario: CopiedFields, others: readonly CopiedFields[]): string | undefined {
  const same = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && tellsOfACopy(a) && a.trim() === b.trim();
  const kept = others.flatMap((other) => {
    if (other.extends?.id === scenario.id) return [];
    const parts = [
      ...(same(scenario.description, other.description) ? ["description"] : []),
      ...(same(scenario.body, other.body) ? ["narrative"] : [])
    ];
    if (parts.length === 0) return [];
    const changed = Object.entries(scenario.values)
      .filter(([path, own]) => JSON.stringify(other.values[path]?.value) !== JSON.stringify(own.value))
      .map(([path]) => path);
    return changed.length ? [{other, parts, changed}] : [];
  });
  const copy = kept.find(({parts}) => parts.length === 2) ?? kept[0];
  if (!copy) return undefined;
  const {other, parts, changed} = copy;
  const first = changed[0]!;
  const theirs = other.values[first];
  const there = theirs ? `gives ${theirs.written}` : "leaves it to its parent";
  const values = changed.length === 1 ? ` (${scenario.values[first]!.written}, where that file ${there})` : "";
  const keys =
    changed.length > 3 ? `${changed.slice(0, 3).join(", ")} and ${changed.length - 3} more` : andList(changed);
  const what = parts.length === 2 ? "description and narrative" : parts[0]!;
  return (
    `${scenario.file} keeps ${other.file}'s ${what} word for word, while ${keys} changed${values}: ` +
    `rewrite ${parts.length === 2 ? "them" : "it"} for this scenario's values`
  );
}

/** The fewest words a description or narrative without a figure needs to be evidence of a copy (tellsOfACopy). */
const MIN_PROSE_WORDS = 5;

/**
 * Whether `text` says enough that two files sharing it word for word is evidence one was copied from the other: five
 * words or more (MIN_PROSE_WORDS; a word holds a letter or a digit, so a heading's `#` is none), or any figure. Two
 * unrelated files whose narratives were both "Text." were told one "keeps" the other's (new-user trial). Placeholders
 * are shorter than five words ("Text.", "TODO", "To be written.", "Notes go here."); the shortest copied prose the
 * note is for states a value and so holds a figure ("A chip designed in 9 months.", "Runs on H100s."), which a
 * placeholder has none of. A single sentence is no test: one is the whole of every bundled description.
 */
function tellsOfACopy(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  return words.length >= MIN_PROSE_WORDS || /\p{N}/u.test(text);
}
