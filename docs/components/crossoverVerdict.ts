// Chapter 2's verdict on the race between cumulative inference and training spend, in one set of words for the chapter
// and the front page's card (a reader's review found the card and the chapter's headline saying "month 5", the first
// pass, where training takes the lead back later and ends the horizon ahead). The page renders each figure its way
// (a Kpi with its change badge, a front-page figure); the words around them are the same.
import {formatDisplayNumber, formatMonth} from "../lib/scenario/run/reportFormat.js";
import type {InferenceLeadPeriod} from "../lib/strategy/trainingVsInference.js";

/** The three months of src/strategy/trainingVsInference.ts (or their medians over draws), month numbers or null. */
export interface CrossoverMonths {
  /** firstCrossoverMonth: first month cumulative inference spend exceeds training's; null if never. */
  first: number | null;
  /** trainingRetakesLeadMonth: first month after that with training level or ahead again; null if never. */
  retake: number | null;
  /** durableCrossoverMonth: month from which inference stays ahead to the horizon's end; null if it does not. */
  durable: number | null;
}

/** Which month a figure shows. */
export type CrossoverFigureName = keyof CrossoverMonths;

export interface CrossoverVerdictOptions {
  /** Months in the horizon, H. */
  horizonMonths: number;
  /** Start with "Cumulative", to open a sentence of its own (default false: the page's words come first). */
  capitalize?: boolean;
  /**
   * Renders one figure: its month (null when it does not occur) and the words to show for it ("month 5", or for a
   * durable crossover that does not come, "does not overtake training for good within the 60-month horizon").
   */
  figure: (name: CrossoverFigureName, value: number | null, text: string) => Node | string;
  /**
   * Every period in which cumulative inference is ahead (trainingVsInference's inferenceLeadPeriods, months 1 … H), to
   * name the leads between the first and the one for good ("inference leads again in months 32–36"): those after the
   * first, less one that runs to the horizon's end when the durable month is not null. Default none. A period is not a
   * median over draws: a page whose months are medians passes the periods of the case its chart draws, and says so in
   * `laterLeadsNote`.
   */
  leads?: readonly InferenceLeadPeriod[];
  /** Words in parentheses after the later leads, such as "with every assumption at its median, as the chart draws; not in every draw". */
  laterLeadsNote?: string;
}

/**
 * The verdict as a sentence that starts with "cumulative inference spend" (the page writes what comes before it) and
 * ends with a full stop: a span of its words and rendered figures. The durable month is always one of the figures, so
 * that a page's headline element can be it:
 *
 *   never passes            "… does not overtake training within the 60-month horizon."
 *   passes, training back   "… passes training in month 5, but a training run takes the lead back in month 27, and
 *                            inference does not overtake training for good within the 60-month horizon."
 *   … and ahead again       "… passes training in month 5, but a training run takes the lead back in month 27;
 *                            inference leads again in months 32–36, and does not overtake training for good within the
 *                            60-month horizon."
 *   passes, back, for good  "… first passes training in month 5, but a training run takes the lead back in month 13;
 *                            inference overtakes training for good in month 30." (or "…; inference leads again in
 *                            month 20, and overtakes training for good in month 30.")
 *   passes for good         "… overtakes training in month 1 and stays ahead to the end of the 60-month horizon."
 */
export function crossoverVerdict(
  {first, retake, durable}: CrossoverMonths,
  {horizonMonths, figure, capitalize = false, leads = [], laterLeadsNote}: CrossoverVerdictOptions
): HTMLSpanElement {
  const span = document.createElement("span");
  const [opening, ...rest] = verdictParts({first, retake, durable}, {horizonMonths, figure, leads, laterLeadsNote});
  const text = opening as string;
  span.append(capitalize ? text.charAt(0).toUpperCase() + text.slice(1) : text, ...rest);
  return span;
}

/** The verdict's words and figures in order; the first is always the words "cumulative inference spend …". */
function verdictParts(
  {first, retake, durable}: CrossoverMonths,
  {horizonMonths, figure, leads = [], laterLeadsNote}: CrossoverVerdictOptions
): [string, ...(Node | string)[]] {
  const horizon = `the ${formatDisplayNumber(horizonMonths)}-month horizon`;
  const month = (name: CrossoverFigureName, value: number | null) => figure(name, value, formatMonth(value));
  // The leads after the first and before the one for good, in words: "inference leads again in months 32–36".
  const later = leads.slice(1).filter((lead) => durable === null || lead.toMonth < horizonMonths);
  const again = later.length
    ? `inference leads again in ${leadMonths(later)}${laterLeadsNote ? ` (${laterLeadsNote})` : ""}, and `
    : null;
  if (durable === null) {
    if (first === null)
      return [
        "cumulative inference spend ",
        figure("durable", null, `does not overtake training within ${horizon}`),
        "."
      ];
    return [
      "cumulative inference spend passes training in ",
      month("first", first),
      ", but a training run takes the lead back in ",
      month("retake", retake),
      again === null ? ", and inference " : `; ${again}`,
      figure("durable", null, `does not overtake training for good within ${horizon}`),
      "."
    ];
  }
  if (first !== null && first < durable)
    return [
      "cumulative inference spend first passes training in ",
      month("first", first),
      ", but a training run takes the lead back in ",
      month("retake", retake),
      again === null ? "; inference overtakes training for good in " : `; ${again}overtakes training for good in `,
      month("durable", durable),
      "."
    ];
  return [
    "cumulative inference spend overtakes training in ",
    month("durable", durable),
    ` and stays ahead to the end of ${horizon}.`
  ];
}

/** Periods of months in words: "month 40", "months 32–36", "months 32–36 and 40", "months 20–22, 32–36 and 40". */
function leadMonths(periods: readonly InferenceLeadPeriod[]): string {
  const parts = periods.map(({fromMonth, toMonth}) =>
    fromMonth === toMonth ? formatDisplayNumber(fromMonth) : formatDisplayNumber.range(fromMonth, toMonth)
  );
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `${parts.length === 1 && periods[0]!.fromMonth === periods[0]!.toMonth ? "month" : "months"} ${list}`;
}
