import type {ParsedScenario} from "./parseScenario.js";
import {scenarioTitle} from "./parseScenario.js";

/**
 * A note for a scenario file copied from another and edited (the README's recipe starts from `cp base.md`): a key
 * whose value changed but whose `sources:` entry is still the other file's word for word, so its page cites, for the
 * new value, a source written for the old one (a copy of base.md set on B200 cited "NVIDIA H100 SXM5 80GB" and a
 * batch of 128 "64 sequences per replica"; new-user trial); and a title another scenario has, so that the navigation
 * lists two scenarios by one name.
 *
 * Input: the file as parsed, and the other scenarios the command sees (any order; the file itself is skipped by its
 * path). Output: one or two sentences, or null when neither holds. Raises nothing.
 */
export function copiedFromNote(
  scenario: Pick<ParsedScenario, "file" | "id" | "title" | "values" | "sources">,
  others: readonly Pick<ParsedScenario, "file" | "id" | "title" | "values" | "sources">[]
): string | null {
  const rest = others.filter((other) => other.file !== scenario.file);
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
  return sentences.length ? sentences.join(". ") : null;
}
