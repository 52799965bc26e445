// The cost of a million tokens on owned merchant chips, by part (chip capital, servers and network, facility,
// energy, operations): one stacked bar per token kind and scenario.
import * as Plot from "@observablehq/plot";
import {COST_PARTS, type CostPartRow} from "./scenarioSeries.js";

export interface ScenarioCostChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
}

export function ScenarioCostChart(
  rows: readonly CostPartRow[],
  {width, height, ...options}: ScenarioCostChartOptions = {}
) {
  const scenarios = [...new Set(rows.map((r) => r.scenario))];
  const many = scenarios.length > 1;
  // A card can be measured very narrow while the page lays out; never let the margins exceed the chart.
  const chartWidth = Math.max(width ?? 640, 240);
  return Plot.plot({
    width: chartWidth,
    height: height ?? (many ? 80 + 56 * scenarios.length : 200),
    marginLeft: many ? Math.min(150, chartWidth * 0.35) : 60,
    x: {label: "USD per million tokens", grid: true},
    y: {label: null, domain: many ? scenarios : ["output", "input"]},
    fy: many ? {label: null, domain: ["output", "input"]} : undefined,
    color: {legend: true, domain: COST_PARTS.map(([, part]) => part), scheme: "observable10"},
    ...options,
    marks: [
      Plot.barX(rows, {
        x: "costUsdPerMTok",
        y: many ? "scenario" : "token",
        fy: many ? "token" : undefined,
        fill: "part",
        order: COST_PARTS.map(([, part]) => part),
        tip: {format: {x: (v: number) => `${v.toPrecision(3)} USD/Mtok`}}
      }),
      Plot.ruleX([0])
    ]
  });
}
