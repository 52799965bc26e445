// Percentile bands of a time series across Monte Carlo samples: p5–p95 and p25–p75 around the median.
import * as Plot from "@observablehq/plot";
import type {FanRow} from "../lib/uncertainty/summary.js";
import {HUES} from "./palette.js";

export interface FanChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Scale applied to every value before plotting (1e-6 to show millions). */
  scale?: number;
  /** Label of the x axis (the step), e.g. "month". */
  xLabel?: string;
  /** Label of the y axis, with its unit. */
  yLabel?: string;
  /** Formats a (scaled) value for tooltips. */
  format?: (value: number) => string;
}

export function FanChart(
  rows: readonly FanRow[],
  {width, height = 300, scale = 1, xLabel = "month", yLabel = "value", format, ...options}: FanChartOptions = {}
) {
  const scaled = rows.map((r) => ({
    step: r.step,
    p5: r.p5 * scale,
    p25: r.p25 * scale,
    p50: r.p50 * scale,
    p75: r.p75 * scale,
    p95: r.p95 * scale
  }));
  const tipFormat = format ? {y: format, y1: format, y2: format} : undefined;
  return Plot.plot({
    width: Math.max(width ?? 640, 240), // never narrower than its margins, even mid-layout
    height,
    x: {label: xLabel, grid: true},
    y: {label: yLabel, grid: true},
    color: {
      legend: true,
      domain: ["90% of draws", "50% of draws", "median"],
      range: [HUES.lightBlue, HUES.blue, "currentColor"]
    },
    ...options,
    marks: [
      Plot.ruleY([0]),
      Plot.areaY(scaled, {x: "step", y1: "p5", y2: "p95", fill: HUES.lightBlue, fillOpacity: 0.45}),
      Plot.areaY(scaled, {x: "step", y1: "p25", y2: "p75", fill: HUES.blue, fillOpacity: 0.35}),
      Plot.lineY(scaled, {x: "step", y: "p50", stroke: "currentColor", strokeWidth: 2}),
      Plot.tip(
        scaled,
        Plot.pointerX({
          x: "step",
          y: "p50",
          channels: {p5: "p5", p95: "p95"},
          format: {x: true, y: tipFormat?.y ?? true, p5: tipFormat?.y ?? true, p95: tipFormat?.y ?? true}
        })
      )
    ]
  });
}
