// Cumulative gross profit of the four moat cases (neither lead, model lead only, cost lead only, both), by month.
import * as Plot from "@observablehq/plot";
import {wholeStepAxis} from "./wholeStepAxis.js";
import type {MoatMonth} from "../lib/strategy/moat.js";
import {axisTickFormat, formatUsd} from "./format.js";
import {MOAT_COLORS} from "./palette.js";

export interface MoatChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
}

const CASES = [
  {key: "cumulativeBaselineGrossProfitUsd", label: "neither lead", color: MOAT_COLORS.neither},
  {key: "cumulativeModelLeadGrossProfitUsd", label: "model lead only", color: MOAT_COLORS.modelLead},
  {key: "cumulativeCostLeadGrossProfitUsd", label: "cost lead only", color: MOAT_COLORS.costLead},
  {key: "cumulativeBothGrossProfitUsd", label: "both", color: MOAT_COLORS.both}
] as const;

export function MoatChart(months: readonly MoatMonth[], {width, height = 320, ...options}: MoatChartOptions = {}) {
  const rows = months.flatMap((m) => CASES.map((c) => ({month: m.month, case: c.label, profit: m[c.key]})));
  return Plot.plot({
    width: Math.max(width ?? 640, 240), // never narrower than its margins, even mid-layout
    height,
    marginLeft: 60, // room for "−$4.5B"
    x: {label: "Month →", grid: true, ...wholeStepAxis(rows.map((r) => r.month))},
    y: {label: "↑ Cumulative gross profit (USD)", grid: true, nice: true, tickFormat: axisTickFormat(formatUsd)},
    color: {legend: true, domain: CASES.map((c) => c.label), range: CASES.map((c) => c.color)},
    ...options,
    marks: [
      Plot.ruleY([0]),
      // A horizon of a month or two has too few points for a line to show: mark each month's value too.
      new Set(rows.map((r) => r.month)).size <= 2
        ? Plot.dot(rows, {x: "month", y: "profit", fill: "case", r: 3})
        : null,
      Plot.lineY(rows, {
        x: "month",
        y: "profit",
        z: "case",
        stroke: "case",
        strokeWidth: 2,
        channels: {profit: {value: "profit", label: "cumulative gross profit"}},
        tip: {format: {x: true, y: false, profit: formatUsd, stroke: true}}
      })
    ]
  });
}
