// Training vs inference spend month by month (or cumulative), with the month cumulative inference spend overtakes
// training marked.
import * as Plot from "@observablehq/plot";
import {formatMonth, formatUsd} from "./format.js";
import {SPEND_COLORS} from "./palette.js";

/** A month of src/strategy/trainingVsInference.ts (the fields the chart reads). */
export interface SpendMonthRow {
  month: number;
  trainingSpendUsd: number;
  inferenceSpendUsd: number;
  cumulativeTrainingSpendUsd: number;
  cumulativeInferenceSpendUsd: number;
}

export interface SpendOverTimeChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Cumulative spend (default) or spend in each month. */
  cumulative?: boolean;
  /** Month cumulative inference overtakes training, marked with a rule; null or undefined for none. */
  crossoverMonth?: number | null;
}

export function SpendOverTimeChart(
  months: readonly SpendMonthRow[],
  {width, height = 300, cumulative = true, crossoverMonth, ...options}: SpendOverTimeChartOptions = {}
) {
  const rows = months.flatMap((m) => [
    {month: m.month, kind: "training", usd: cumulative ? m.cumulativeTrainingSpendUsd : m.trainingSpendUsd},
    {month: m.month, kind: "inference", usd: cumulative ? m.cumulativeInferenceSpendUsd : m.inferenceSpendUsd}
  ]);
  const chartWidth = Math.max(width ?? 640, 260);
  const crossover = crossoverMonth === null || crossoverMonth === undefined ? [] : [crossoverMonth];
  return Plot.plot({
    width: chartWidth,
    height,
    marginLeft: 60,
    marginRight: 20,
    x: {label: "Month →", grid: true},
    y: {
      label: cumulative ? "↑ Cumulative spend (USD)" : "↑ Spend in the month (USD)",
      grid: true,
      tickFormat: (v: number) => formatUsd(v)
    },
    color: {legend: true, domain: ["training", "inference"], range: [SPEND_COLORS.training, SPEND_COLORS.inference]},
    ...options,
    marks: [
      Plot.ruleX(crossover, {stroke: "currentColor", strokeDasharray: "4 3", strokeOpacity: 0.7}),
      Plot.text(crossover, {
        x: (d: number) => d,
        frameAnchor: "top",
        text: (d: number) => `inference overtakes, ${formatMonth(d)}`,
        textAnchor: "start",
        dx: 4,
        dy: 4,
        fill: "currentColor"
      }),
      (cumulative ? Plot.line : Plot.lineY)(rows, {
        x: "month",
        y: "usd",
        stroke: "kind",
        strokeWidth: 2,
        curve: cumulative ? "linear" : "step-after"
      }),
      Plot.ruleY([0]),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: "month",
          y: "usd",
          stroke: "kind",
          format: {x: (v: number) => formatMonth(v), y: (v: number) => formatUsd(v), stroke: true}
        })
      )
    ]
  });
}
