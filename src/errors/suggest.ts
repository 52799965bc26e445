import {distance} from "fastest-levenshtein";
import {orList} from "../units/wordList.js";
import {foldLookalikes} from "./unsafeChars.js";

/**
 * The candidate closest to what the user wrote, or undefined if none is close enough to be a likely typo. A dotted
 * path is also compared with each candidate's last segment, so `utilisation` finds `serving.utilization` and
 * `serving.utilisation` finds it too. Ties go to the earlier candidate (table order).
 */
export function closestMatch(written: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = Infinity;
  const lower = written.toLowerCase();
  for (const candidate of candidates) {
    const candidateLower = candidate.toLowerCase();
    const leaf = candidateLower.slice(candidateLower.lastIndexOf(".") + 1);
    const writtenLeaf = lower.slice(lower.lastIndexOf(".") + 1);
    const score = Math.min(
      distance(lower, candidateLower),
      distance(lower, leaf) + 1,
      // Right leaf in the wrong group (`power.utilization`): a little worse than a typo in the full path.
      writtenLeaf === leaf ? 2 : Infinity
    );
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  const limit = Math.max(2, Math.floor(written.length * 0.4));
  // Never a candidate that shares nothing with what was written: "c" for "zz" replaced every letter (breaker).
  return bestScore <= limit && bestScore < written.length ? best : undefined;
}

/**
 * "did you mean serving.utilization?" for the closest candidate; else, for a name that is no typo of one
 * (`costPerToken`, `npv`: words of three letters or more), the candidates (up to three, table order) that have each of its words, a word
 * counting when one starts with the other ("token" in "Tokens"): "did you mean costPerMillionTokensUsd,
 * costPerMillionOutputTokensUsd or costPerMillionInputTokensUsd?". Undefined when nothing is close.
 */
export function didYouMean(written: string, candidates: readonly string[]): string | undefined {
  const match = closestMatch(written, candidates) ?? yesNoMatch(written, candidates);
  if (match !== undefined) return `did you mean ${match}?`;
  const wanted = words(written);
  if (wanted.length === 0 || (wanted.length === 1 && wanted[0]!.length < 3)) return undefined;
  const found = candidates.filter((candidate) => {
    const have = words(candidate);
    return wanted.every((word) => have.some((other) => other.startsWith(word) || word.startsWith(other)));
  });
  if (found.length === 0) return undefined;
  const shown = found.slice(0, 3);
  return `did you mean ${orList(shown)}${found.length > 3 ? ` (or ${found.length - 3} more)` : ""}?`;
}

/** Words for yes and for no, each group in the order a candidate is looked for (a column takes true or yes). */
const YES_NO = [
  {words: ["true", "yes", "y", "t", "1", "on"], candidates: ["true", "yes"]},
  {words: ["false", "no", "n", "f", "0", "off"], candidates: ["false", "no"]}
];

/**
 * The candidate that says what `written` says, when it is a word for yes or no (`Yes`, `y`, `1`, `True`) and the
 * candidates say it another way (`true` for `Yes` in a true/false column, `yes` for `True` in a yes/no/unknown one):
 * no typo of either, they had no hint (breaker).
 */
function yesNoMatch(written: string, candidates: readonly string[]): string | undefined {
  const lower = written.trim().toLowerCase();
  const group = YES_NO.find(({words}) => words.includes(lower));
  return group?.candidates.map((word) => candidates.find((c) => c.toLowerCase() === word)).find((c) => c !== undefined);
}

/**
 * Words a name may shorten, as the unit words do ("USD/Mtok"): `costPerMTokUsd` had no hint, though each of
 * costPerMillionTokensUsd's words is in it.
 */
const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  mtok: ["million", "tokens"],
  mtoks: ["million", "tokens"]
};

/**
 * The words of a name, lower case: split at a capital after a lower-case letter or digit, and at anything else; an
 * abbreviation (ABBREVIATIONS) is the words it stands for.
 */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .flatMap((word) => ABBREVIATIONS[word] ?? [word])
    .filter((word) => word.length >= 2);
}

/**
 * The `n` candidates closest to `word`, best first, compared case-insensitively. A candidate of the same family
 * ranks before any other: its first dash-separated segment equals `word`'s (`b200` for `b200-sxm`, `h100-sxm` for
 * `h100`, every `llama-…` for `llama-3.2-70b`). Edit distance alone offered 'h200-sxm', 'h100-sxm' and 'h800-sxm'
 * for `b200-sxm`, never `b200`, which the user meant (new-user trial): one letter of the family name weighs as much
 * as one of the form-factor suffix. Within each group, the score is the Levenshtein distance to the whole candidate,
 * or to the candidate's first `word.length` characters plus 0.5 if that is smaller, so that a truncated id (`h10`,
 * `mi300`) ranks its completions (`h100-sxm`, `mi300x`) first. Ties go to the smaller whole-word distance, then
 * alphabetical order. Used for catalog ids, where a list of near ids helps more than one.
 */
export function closestMatches(word: string, candidates: readonly string[], n = 3): string[] {
  const w = word.toLowerCase();
  const family = firstSegment(w);
  const scored = [...new Set(candidates)].map((candidate) => {
    const c = candidate.toLowerCase();
    const whole = distance(w, c);
    const prefix = c.length > w.length ? distance(w, c.slice(0, w.length)) + 0.5 : whole;
    const sameFamily = family !== "" && firstSegment(c) === family;
    return {candidate, group: sameFamily ? 0 : 1, score: Math.min(whole, prefix), whole};
  });
  scored.sort(
    (a, b) =>
      a.group - b.group ||
      a.score - b.score ||
      a.whole - b.whole ||
      (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0)
  );
  return scored.slice(0, Math.max(0, n)).map((s) => s.candidate);
}

/** The part of a lowercase id before its first dash (`b200` of `b200-sxm`), or the whole id when it has none. */
function firstSegment(id: string): string {
  const dash = id.indexOf("-");
  return dash === -1 ? id : id.slice(0, dash);
}

/**
 * The catalog id `text` is likely a spelling of, for a hint only (an id is still written exactly): its compatibility
 * form (NFKC: fullwidth `ｈ１００` is h100), look-alike dashes and spaces as ASCII ones, lowercase, and spaces or
 * underscores between words as one hyphen (`H100 SXM`, `h100_sxm` are h100-sxm). Both read "not a catalog id" with no
 * hint, where a typo of an id is offered the closest ids (helper item). Used by
 * readValue's hint for a scenario value and findById's for a flag.
 */
export function catalogIdSpelling(text: string): string {
  return foldLookalikes(text.normalize("NFKC"))
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
}

/** "did you mean 'h100-sxm', 'h200-sxm' or 'h800-sxm'?" for the three ids closest to `id`; undefined for none. */
export function didYouMeanHint(id: string, candidates: readonly string[]): string | undefined {
  const close = closestMatches(id, candidates, 3).map((c) => `'${c}'`);
  if (close.length === 0) return undefined;
  return `did you mean ${orList(close)}?`;
}

/**
 * "llama-2-70b is a model id: are the hardware and model cells swapped?", when `id`, unknown where it was written, is
 * an id of the other catalog (`others`, whose rows are `what`'s); undefined otherwise. An edit-distance guess among
 * the wrong catalog's ids ('b200' for llama-2-70b) hid the swap (breaker). Without a `pair`, only what the id is.
 */
export function otherCatalogHint(
  id: string,
  others: readonly {id: string}[],
  what: "hardware" | "model",
  pair?: string
): string | undefined {
  if (!others.some((row) => row.id === id)) return undefined;
  return pair === undefined ? `${id} is a ${what} id` : `${id} is a ${what} id: are ${pair} swapped?`;
}

/** "serving.hardware and serving.model" for either key; none for silicon.chip, which has no model key beside it. */
export function swappedPair(path: string): string | undefined {
  const [group, key] = path.split(".");
  return key === "hardware" || key === "model" ? `${group}.hardware and ${group}.model` : undefined;
}
