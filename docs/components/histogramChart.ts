// A distribution of Monte Carlo samples as a histogram, with its median and 90% interval marked.
import * as Plot from "@observablehq/plot";
import type {HistogramRow} from "../lib/uncertainty/summary.js";
import {HUES} from "./palette.js";

export interface HistogramChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Label of the x axis, with its unit. */
  xLabel?: string;
  /** Vertical rules to mark, e.g. p5, p50 and p95. */
  marks?: Plot.Markish[];
  /** Values to mark with labelled rules: {label, value}. */
  rules?: readonly {label: string; value: number}[];
}

export function HistogramChart(
  rows: readonly HistogramRow[],
  {width, height = 240, xLabel = "value", rules = [], ...options}: HistogramChartOptions = {}
) {
  const total = rows.reduce((sum, r) => sum + r.count, 0) || 1;
  return Plot.plot({
    width: Math.max(width ?? 640, 240), // never narrower than its margins, even mid-layout
    height,
    x: {label: xLabel},
    y: {label: "share of draws, %", grid: true},
    ...options,
    marks: [
      Plot.rectY(rows, {
        x1: "x0",
        x2: "x1",
        y: (r: HistogramRow) => (100 * r.count) / total,
        fill: HUES.blue,
        fillOpacity: 0.8,
        tip: true
      }),
      Plot.ruleY([0]),
      Plot.ruleX(rules, {x: "value", stroke: HUES.red, strokeDasharray: "4,3"}),
      Plot.text(rules, {x: "value", text: "label", frameAnchor: "top", dy: -2, fill: "currentColor", fontSize: 11})
    ]
  });
}
