import {distance} from "fastest-levenshtein";

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
  return bestScore <= limit ? best : undefined;
}

/** "did you mean serving.utilization?", or undefined when nothing is close. */
export function didYouMean(written: string, candidates: readonly string[]): string | undefined {
  const match = closestMatch(written, candidates);
  return match === undefined ? undefined : `did you mean ${match}?`;
}
