// Cumulative gross profit of the four moat cases (neither lead, model lead only, cost lead only, both), by month.
import * as Plot from "@observablehq/plot";
import type {MoatMonth} from "../lib/strategy/moat.js";
import {HUES} from "./palette.js";

export interface MoatChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
}

const CASES = [
  {key: "cumulativeBaselineGrossProfitUsd", label: "neither lead", color: HUES.grey},
  {key: "cumulativeModelLeadGrossProfitUsd", label: "model lead only", color: HUES.yellow},
  {key: "cumulativeCostLeadGrossProfitUsd", label: "cost lead only", color: HUES.blue},
  {key: "cumulativeBothGrossProfitUsd", label: "both", color: HUES.green}
] as const;

export function MoatChart(months: readonly MoatMonth[], {width, height = 320, ...options}: MoatChartOptions = {}) {
  const rows = months.flatMap((m) => CASES.map((c) => ({month: m.month, case: c.label, profit: m[c.key] / 1e6})));
  return Plot.plot({
    width: Math.max(width ?? 640, 240), // never narrower than its margins, even mid-layout
    height,
    x: {label: "month", grid: true},
    y: {label: "cumulative gross profit, million USD", grid: true},
    color: {legend: true, domain: CASES.map((c) => c.label), range: CASES.map((c) => c.color)},
    ...options,
    marks: [Plot.ruleY([0]), Plot.lineY(rows, {x: "month", y: "profit", stroke: "case", strokeWidth: 2, tip: true})]
  });
}
