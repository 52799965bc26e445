// The custom-silicon program: cumulative cash flow against serving on merchant chips (NRE first, savings once the
// chip ships), and the program's NPV at other design cycles.
import * as Plot from "@observablehq/plot";
import type {CycleRow, SiliconRow} from "./scenarioSeries.js";

export interface ScenarioSiliconChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
}

const MILLION = 1e6;

/** Cumulative cash flow (solid) and discounted cash flow (dashed) of the program, million USD, by month. */
export function ScenarioCashFlowChart(
  rows: readonly SiliconRow[],
  {width, height = 280, ...options}: ScenarioSiliconChartOptions = {}
) {
  const many = new Set(rows.map((r) => r.scenario)).size > 1;
  const format = {y: (v: number) => `${Math.round(v).toLocaleString("en-US")} million USD`};
  return Plot.plot({
    width,
    height,
    x: {label: "month", grid: true},
    y: {label: "cumulative cash flow, million USD", grid: true},
    color: many ? {legend: true} : undefined,
    ...options,
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(rows, {
        x: "month",
        y: (d: SiliconRow) => d.cumulativeCashFlowUsd / MILLION,
        z: "scenario",
        stroke: many ? "scenario" : "currentColor",
        strokeWidth: 2,
        tip: {format}
      }),
      Plot.lineY(rows, {
        x: "month",
        y: (d: SiliconRow) => d.cumulativeDiscountedCashFlowUsd / MILLION,
        z: "scenario",
        stroke: many ? "scenario" : "currentColor",
        strokeOpacity: 0.6,
        strokeDasharray: "5,4"
      })
    ]
  });
}

export interface ScenarioCycleChartOptions extends ScenarioSiliconChartOptions {
  /** The scenario's own design cycle and NPV, marked with a dot. */
  current?: readonly CycleRow[];
}

/** NPV of the program against its design cycle (million USD), with the scenario's own cycle marked. */
export function ScenarioCycleChart(
  rows: readonly CycleRow[],
  {width, height = 240, current = [], ...options}: ScenarioCycleChartOptions = {}
) {
  const many = new Set(rows.map((r) => r.scenario)).size > 1;
  const format = {y: (v: number) => `${Math.round(v).toLocaleString("en-US")} million USD`};
  return Plot.plot({
    width,
    height,
    x: {label: "design cycle, months", grid: true},
    y: {label: "NPV, million USD", grid: true},
    color: many ? {legend: true} : undefined,
    ...options,
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(rows, {
        x: "designCycleMonths",
        y: (d: CycleRow) => d.npvUsd / MILLION,
        z: "scenario",
        stroke: many ? "scenario" : "currentColor",
        strokeWidth: 2,
        tip: {format}
      }),
      Plot.dot(current, {
        x: "designCycleMonths",
        y: (d: CycleRow) => d.npvUsd / MILLION,
        r: 5,
        fill: many ? "scenario" : "currentColor",
        tip: {format}
      })
    ]
  });
}
