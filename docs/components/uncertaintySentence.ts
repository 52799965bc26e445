// What a page's Monte Carlo means, in one plain sentence ("In 90% of 1,000 draws (seed 1) the program's NPV lies
// between $X and $Y; it is positive in Z% of them."), or a clear message when the sample count or seed is bad. The
// element carries the numbers in data attributes so that tests compare them with Node's. Plain DOM.
import type {SummaryStats} from "../lib/uncertainty/summary.js";
import {groupThousands} from "../lib/units/groupThousands.js";

export interface UncertaintySentenceOptions {
  /** What the metric is, after "the": "program's NPV". */
  what: string;
  /** Formats a value of the metric, unit included. */
  format: (value: number) => string;
  samples: number;
  seed: number;
  /** A clause appended after the interval, e.g. "it is positive in 74% of them". */
  then?: string;
  /** Further sentences. */
  more?: string;
  /** Milliseconds the Monte Carlo took (kept in data-ms). */
  ms?: number;
  /** data-testid, default "uncertainty". */
  testid?: string;
}

export function UncertaintySentence(
  stats: SummaryStats,
  {what, format, samples, seed, then, more, ms, testid = "uncertainty"}: UncertaintySentenceOptions
): HTMLElement {
  const p = document.createElement("p");
  p.className = "story-verdict";
  p.dataset.testid = testid;
  Object.assign(p.dataset, {
    p5: String(stats.p5),
    p50: String(stats.p50),
    p95: String(stats.p95),
    mean: String(stats.mean)
  });
  Object.assign(p.dataset, {samples: String(samples), seed: String(seed)});
  if (ms !== undefined) p.dataset.ms = ms.toFixed(2);
  p.textContent =
    `In 90% of ${groupThousands(samples)} draws (seed ${seed}) the ${what} lies between ${format(stats.p5)} ` +
    `and ${format(stats.p95)} (median ${format(stats.p50)})${then ? `; ${then}` : ""}.${more ? ` ${more}` : ""}`;
  return p;
}

/** The message shown instead of the bands when the settings are bad; the page keeps its last valid controls. */
export function UncertaintyError(message: string, {testid = "uncertainty-error"}: {testid?: string} = {}): HTMLElement {
  const p = document.createElement("p");
  p.className = "scenario-notice";
  p.setAttribute("role", "alert");
  p.dataset.testid = testid;
  p.textContent = `Not recomputed: ${message}`;
  return p;
}
