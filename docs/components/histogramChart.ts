// A distribution of Monte Carlo samples as a histogram, with its median and 90% interval marked.
import * as Plot from "@observablehq/plot";
import type {HistogramRow} from "../lib/uncertainty/histogram.js";
import {formatDisplayNumber, formatInterval, formatPercent} from "./format.js";
import {ACCENT, HIGHLIGHT, INK, TEXT_HALO} from "./palette.js";

export interface HistogramChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Label of the x axis, with its unit. */
  xLabel?: string;
  /** Values to mark with labelled rules: {label, value}. */
  rules?: readonly {label: string; value: number}[];
  /** Formats a value of the x axis for tooltips, unit included (format.ts); default a plain number. */
  valueFormat?: (value: number) => string;
  /** Colour of the bars: the quantity's concept colour (palette.ts); default the accent. */
  fill?: string;
}

export function HistogramChart(
  rows: readonly HistogramRow[],
  {
    width,
    height = 240,
    xLabel = "value",
    rules = [],
    valueFormat = formatDisplayNumber,
    fill = ACCENT,
    ...options
  }: HistogramChartOptions = {}
) {
  const total = rows.reduce((sum, r) => sum + r.count, 0) || 1;
  return Plot.plot({
    width: Math.max(width ?? 640, 240), // never narrower than its margins, even mid-layout
    height,
    x: {label: xLabel},
    // Room above the tallest bar for the rules' labels ("p5", "median", "p95" sat on the bars: trial).
    y: {label: "share of draws, %", grid: true, insetTop: rules.length ? 16 : 0},
    ...options,
    marks: [
      Plot.rectY(rows, {
        x1: "x0",
        x2: "x1",
        y: (r: HistogramRow) => (100 * r.count) / total,
        fill,
        fillOpacity: 0.8,
        channels: {
          draws: {value: (r: HistogramRow) => formatInterval(r.x0, r.x1, valueFormat), label: "draws in"},
          share: {value: (r: HistogramRow) => r.count / total, label: "share"}
        },
        tip: {format: {x1: false, x2: false, y: false, draws: true, share: formatPercent}}
      }),
      Plot.ruleY([0]),
      Plot.ruleX(rules, {x: "value", stroke: HIGHLIGHT, strokeDasharray: "4,3"}),
      // The dashed rule stops under its label instead of running through it (a wider halo for the larger text).
      Plot.text(rules, {
        x: "value",
        text: "label",
        frameAnchor: "top",
        dy: -2,
        fill: INK,
        ...TEXT_HALO,
        strokeWidth: 4,
        fontSize: 11
      })
    ]
  });
}
