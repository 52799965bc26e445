// Cumulative training and inference spend, month by month: solid lines for inference, dashed for training, one
// colour per scenario (or per kind of spend when there is one scenario).
import * as Plot from "@observablehq/plot";
import type {SpendRow} from "./scenarioSeries.js";

export interface ScenarioSpendChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
}

const BILLION = 1e9;

export function ScenarioSpendChart(
  rows: readonly SpendRow[],
  {width, height = 300, ...options}: ScenarioSpendChartOptions = {}
) {
  const many = new Set(rows.map((r) => r.scenario)).size > 1;
  const stroke = (kind: string) => (many ? "scenario" : () => kind);
  const tip = (kind: string) => ({
    format: {y: (v: number) => `${v.toPrecision(3)} billion USD (${kind}, cumulative)`, stroke: many}
  });
  return Plot.plot({
    width,
    height,
    x: {label: "month", grid: true},
    y: {label: "cumulative spend, billion USD", grid: true},
    color: {legend: true, ...(many ? {} : {domain: ["inference", "training"]})},
    ...options,
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(rows, {
        x: "month",
        y: (d: SpendRow) => d.cumulativeInferenceSpendUsd / BILLION,
        z: "scenario",
        stroke: stroke("inference"),
        strokeWidth: 2,
        tip: tip("inference")
      }),
      Plot.lineY(rows, {
        x: "month",
        y: (d: SpendRow) => d.cumulativeTrainingSpendUsd / BILLION,
        z: "scenario",
        stroke: stroke("training"),
        strokeWidth: 2,
        strokeDasharray: "5,4",
        tip: tip("training")
      })
    ]
  });
}
