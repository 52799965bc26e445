// Training vs inference spend month by month (or cumulative), with the month cumulative inference spend overtakes
// training for good marked (dashed), and each lead that training takes back marked apart (dotted). One series: training
// and inference in their colours. Several series (a `series` column, scenario names on /compare): one colour per
// series, inference solid and training dashed.
import * as Plot from "@observablehq/plot";
import type {InferenceLeadPeriod} from "../lib/strategy/trainingVsInference.js";
import {wholeStepAxis} from "./wholeStepAxis.js";
import {axisTickFormat, formatMonth, formatUsd} from "./format.js";
import {INK, SPEND_COLORS, seriesColorScale} from "./palette.js";

/** A month of src/strategy/trainingVsInference.ts (the fields the chart reads). */
export interface SpendMonthRow {
  month: number;
  trainingSpendUsd: number;
  inferenceSpendUsd: number;
  cumulativeTrainingSpendUsd: number;
  cumulativeInferenceSpendUsd: number;
  /** The series the month belongs to (a scenario's name on /compare); rows without one are a single series. */
  series?: string;
}

/**
 * What the cumulative chart's rules mean, for its subtitle: "; dashed: inference overtakes for good" when inference
 * passes training for good (`durableCrossoverMonth` not null), and "; dotted: inference ahead until training takes the
 * lead back" when an earlier lead was taken back (`firstCrossoverMonth` differs); "" for neither. Input: a
 * trainingVsInference result's months (month numbers, 1-based, or null for none).
 */
export function spendRuleNote({
  durableCrossoverMonth,
  firstCrossoverMonth
}: {
  durableCrossoverMonth: number | null;
  firstCrossoverMonth: number | null;
}): string {
  return [
    durableCrossoverMonth === null ? null : "dashed: inference overtakes for good",
    firstCrossoverMonth !== null && firstCrossoverMonth !== durableCrossoverMonth
      ? "dotted: inference ahead until training takes the lead back"
      : null
  ]
    .filter((part) => part !== null)
    .map((part) => `; ${part}`)
    .join("");
}

export interface SpendOverTimeChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Cumulative spend (default) or spend in each month. */
  cumulative?: boolean;
  /**
   * Month cumulative inference overtakes training for good (durableCrossoverMonth), marked with a dashed rule; null or
   * undefined for none.
   */
  crossoverMonth?: number | null;
  /**
   * First month cumulative inference passes training (firstCrossoverMonth) and the month training takes the lead back
   * (trainingRetakesLeadMonth): when the first differs from crossoverMonth, a dotted rule labelled with the months
   * inference is ahead ("inference ahead, months 5–26"); null or undefined for none.
   */
  firstCrossoverMonth?: number | null;
  trainingRetakesLeadMonth?: number | null;
  /**
   * Every period cumulative inference is ahead (trainingVsInference's inferenceLeadPeriods): each but the one for good
   * gets a dotted rule and its months ("inference ahead again, months 32–36"), in place of firstCrossoverMonth and
   * trainingRetakesLeadMonth, which mark the first only (the verdict named a second lead the chart did not mark).
   */
  leadPeriods?: readonly InferenceLeadPeriod[];
  /** Series order and colours (palette.ts SERIES_COLORS); default the order of first appearance. */
  series?: string[];
}

const KINDS = ["training", "inference"] as const;
const MARGIN_LEFT = 60;
const MARGIN_RIGHT = 20;
/** A generous width of one character of a 10 px label (Plot's text), in pixels, to tell whether a label fits. */
const LABEL_CHAR_PX = 6;
/** The least room, in pixels, between a rule's label and another rule. */
const RULE_GAP_PX = 4;

export function SpendOverTimeChart(
  months: readonly SpendMonthRow[],
  {
    width,
    height = 300,
    cumulative = true,
    crossoverMonth,
    firstCrossoverMonth,
    trainingRetakesLeadMonth,
    leadPeriods,
    series,
    ...options
  }: SpendOverTimeChartOptions = {}
) {
  const seriesDomain = series ?? [...new Set(months.flatMap((m) => (m.series === undefined ? [] : [m.series])))];
  const many = seriesDomain.length > 1;
  const rows = months.flatMap((m) =>
    KINDS.map((kind) => ({
      month: m.month,
      kind,
      series: m.series ?? "",
      usd:
        kind === "training"
          ? cumulative
            ? m.cumulativeTrainingSpendUsd
            : m.trainingSpendUsd
          : cumulative
            ? m.cumulativeInferenceSpendUsd
            : m.inferenceSpendUsd
    }))
  );
  // A month's spend is a step from its month to the next: each line gets a closing point one month on, or the last
  // month had no width and read as a tick at the chart's edge (month 12 of openai-2024; reader audit).
  const lastOfLine = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const key = `${r.series}|${r.kind}`;
    if (!(r.month <= (lastOfLine.get(key)?.month ?? -Infinity))) lastOfLine.set(key, r);
  }
  const lineRows = cumulative ? rows : [...rows, ...[...lastOfLine.values()].map((r) => ({...r, month: r.month + 1}))];
  const chartWidth = Math.max(width ?? 640, 260);
  // A rule's label: the first of `texts` that fits beside the rule, after it or else before it, within the plot (at
  // 390 px "inference ahead again, months 32–36" ran off the chart, and ended on the axis's labels when turned round).
  const monthSpan = lineRows.length
    ? [Math.min(...lineRows.map((r) => r.month)), Math.max(...lineRows.map((r) => r.month))]
    : [0, 1];
  const plotLeft = MARGIN_LEFT;
  const plotRight = chartWidth - MARGIN_RIGHT;
  const xOf = (month: number) =>
    plotLeft + ((month - monthSpan[0]!) / Math.max(monthSpan[1]! - monthSpan[0]!, 1)) * (plotRight - plotLeft);
  // Each rule runs the plot's height, so a label stops short of the next rule on either side as well as of the plot's
  // edges (at 390 px "inference ahead, months 5–27" ran across the month-29 rule and its label; new-user trial).
  const placeLabel = (month: number, texts: readonly string[]) => {
    const x = xOf(month);
    const others = ruleMonths.filter((m) => m !== month).map(xOf);
    const right = Math.min(plotRight, ...others.filter((r) => r > x).map((r) => r - RULE_GAP_PX));
    const left = Math.max(plotLeft, ...others.filter((r) => r < x).map((r) => r + RULE_GAP_PX));
    // After the rule, in the period it opens, at any length; only then before it (at 390 px "again, months 32–36"
    // ended at its rule and started over months 1–5, across the first lead's rule; reader's audit).
    const after = texts.find((text) => x + 4 + text.length * LABEL_CHAR_PX <= right);
    if (after !== undefined) return {text: () => after, textAnchor: "start" as const, dx: 4};
    const before = texts.find((text) => x - 4 - text.length * LABEL_CHAR_PX >= left);
    if (before !== undefined) return {text: () => before, textAnchor: "end" as const, dx: -4};
    // Room on neither side: the shortest wording after the rule, over the next period.
    return {text: () => texts.at(-1)!, textAnchor: "start" as const, dx: 4};
  };
  const crossover = crossoverMonth === null || crossoverMonth === undefined ? [] : [crossoverMonth];
  // The first pass, where it is not the durable crossover: inference ahead from it until training takes the lead back.
  const brief: {month: number; until: number | null; again: boolean; row: number}[] = leadPeriods
    ? leadPeriods
        .filter(({fromMonth}) => fromMonth !== crossoverMonth)
        .map(({fromMonth, toMonth}, i) => ({month: fromMonth, until: toMonth + 1, again: i > 0, row: i}))
    : firstCrossoverMonth === null || firstCrossoverMonth === undefined || firstCrossoverMonth === crossoverMonth
      ? []
      : [{month: firstCrossoverMonth, until: trainingRetakesLeadMonth ?? null, again: false, row: 0}];
  const ruleMonths = [...crossover, ...brief.map((d) => d.month)];
  const line = cumulative ? Plot.line : Plot.lineY;
  const curve = cumulative ? "linear" : "step-after";
  const lines = many
    ? KINDS.map((kind) =>
        line(
          lineRows.filter((r) => r.kind === kind),
          {
            x: "month",
            y: "usd",
            z: "series",
            stroke: "series",
            strokeWidth: 2,
            strokeDasharray: kind === "training" ? "5,4" : undefined,
            curve
          }
        )
      )
    : [line(lineRows, {x: "month", y: "usd", z: "kind", stroke: "kind", strokeWidth: 2, curve})];
  // A horizon of a month or two has too few points for a line to show: mark each month's value too.
  const monthCount = new Set(rows.map((r) => r.month)).size;
  const dots = monthCount <= 2 ? [Plot.dot(rows, {x: "month", y: "usd", fill: many ? "series" : "kind", r: 3})] : [];
  return Plot.plot({
    width: chartWidth,
    height,
    marginLeft: MARGIN_LEFT,
    marginRight: MARGIN_RIGHT,
    x: {label: "Month →", grid: true, ...wholeStepAxis(lineRows.map((r) => r.month))},
    y: {
      label: cumulative ? "↑ Cumulative spend (USD)" : "↑ Spend in the month (USD)",
      grid: true,
      // To a tick above the largest value: the training line's last step ($17.0B) ran flat along the top edge above
      // the $16B tick, as if cut off (reader).
      nice: true,
      tickFormat: axisTickFormat(formatUsd)
    },
    color: many
      ? {legend: true, ...seriesColorScale(seriesDomain)}
      : {legend: true, domain: [...KINDS], range: [SPEND_COLORS.training, SPEND_COLORS.inference]},
    ...options,
    marks: [
      Plot.ruleX(crossover, {stroke: INK, strokeDasharray: "4 3", strokeOpacity: 0.7}),
      ...crossover.map((month) =>
        Plot.text([month], {
          x: (d: number) => d,
          frameAnchor: "top",
          dy: 4,
          fill: INK,
          // The middle wording keeps the label's subject where the long one does not fit (at 390 px it read "for
          // good, month 59"; trial).
          ...placeLabel(month, [
            `inference ahead for good, ${formatMonth(month)}`,
            `inference for good, ${formatMonth(month)}`,
            `for good, ${formatMonth(month)}`
          ])
        })
      ),
      Plot.ruleX(brief, {x: "month", stroke: INK, strokeDasharray: "1 3", strokeOpacity: 0.6}),
      // A line each, below the crossover's label, so that the labels of nearby leads do not overlap.
      ...brief.map((d) => {
        // "months 5–26": the months inference is ahead, the last the month before training takes the lead back.
        const months =
          d.until === null || d.until - 1 === d.month
            ? formatMonth(d.month)
            : formatMonth.range(d.month, d.until - 1).replace("month ", "months ");
        return Plot.text([d], {
          x: "month",
          frameAnchor: "top",
          dy: (crossover.length ? 20 : 4) + 16 * d.row,
          fill: INK,
          fillOpacity: 0.8,
          ...placeLabel(d.month, [
            `inference ahead${d.again ? " again" : ""}, ${months}`,
            `${d.again ? "again, " : ""}${months}`,
            `${d.again ? "again, " : ""}${months.replace(/^months? /, "")}`
          ])
        });
      }),
      ...lines,
      ...dots,
      Plot.ruleY([0]),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "month",
          y: "usd",
          stroke: many ? "series" : "kind",
          channels: {
            at: {value: "month", label: "at"},
            ...(many ? {kind: {value: "kind", label: "spend"}} : {}),
            usd: {value: "usd", label: cumulative ? "cumulative" : "in the month"}
          },
          format: {x: false, y: false, stroke: true, at: (v: number) => formatMonth(v), kind: true, usd: formatUsd}
        })
      )
    ]
  });
}
