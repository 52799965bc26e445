// Training vs inference spend month by month (or cumulative), with the month cumulative inference spend overtakes
// training marked. One series: training and inference in their colours. Several series (a `series` column, scenario
// names on /compare): one colour per series, inference solid and training dashed.
import * as Plot from "@observablehq/plot";
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

export interface SpendOverTimeChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Cumulative spend (default) or spend in each month. */
  cumulative?: boolean;
  /** Month cumulative inference overtakes training, marked with a rule; null or undefined for none. */
  crossoverMonth?: number | null;
  /** Series order and colours (palette.ts SERIES_COLORS); default the order of first appearance. */
  series?: string[];
}

const KINDS = ["training", "inference"] as const;

export function SpendOverTimeChart(
  months: readonly SpendMonthRow[],
  {width, height = 300, cumulative = true, crossoverMonth, series, ...options}: SpendOverTimeChartOptions = {}
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
  const chartWidth = Math.max(width ?? 640, 260);
  const crossover = crossoverMonth === null || crossoverMonth === undefined ? [] : [crossoverMonth];
  const line = cumulative ? Plot.line : Plot.lineY;
  const curve = cumulative ? "linear" : "step-after";
  const lines = many
    ? KINDS.map((kind) =>
        line(
          rows.filter((r) => r.kind === kind),
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
    : [line(rows, {x: "month", y: "usd", z: "kind", stroke: "kind", strokeWidth: 2, curve})];
  // A horizon of a month or two has too few points for a line to show: mark each month's value too.
  const monthCount = new Set(rows.map((r) => r.month)).size;
  const dots = monthCount <= 2 ? [Plot.dot(rows, {x: "month", y: "usd", fill: many ? "series" : "kind", r: 3})] : [];
  return Plot.plot({
    width: chartWidth,
    height,
    marginLeft: 60,
    marginRight: 20,
    x: {label: "Month →", grid: true, ...wholeStepAxis(rows.map((r) => r.month))},
    y: {
      label: cumulative ? "↑ Cumulative spend (USD)" : "↑ Spend in the month (USD)",
      grid: true,
      tickFormat: axisTickFormat(formatUsd)
    },
    color: many
      ? {legend: true, ...seriesColorScale(seriesDomain)}
      : {legend: true, domain: [...KINDS], range: [SPEND_COLORS.training, SPEND_COLORS.inference]},
    ...options,
    marks: [
      Plot.ruleX(crossover, {stroke: INK, strokeDasharray: "4 3", strokeOpacity: 0.7}),
      Plot.text(crossover, {
        x: (d: number) => d,
        frameAnchor: "top",
        text: (d: number) => `inference overtakes, ${formatMonth(d)}`,
        textAnchor: "start",
        dx: 4,
        dy: 4,
        fill: INK
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
