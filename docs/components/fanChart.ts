// Percentile bands of a time series across Monte Carlo samples: p5–p95 and p25–p75 around the median, in the colour
// of the quantity banded (inference spend green, the in-house program teal…; palette.ts).
import * as Plot from "@observablehq/plot";
import {wholeStepAxis} from "./wholeStepAxis.js";
import type {FanRow} from "../lib/uncertainty/fan.js";
import {axisTickFormat, formatDisplayNumber} from "./format.js";
import {ACCENT, INK, withOpacity} from "./palette.js";

export interface FanChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Scale applied to every value before plotting (1e-6 to show millions). */
  scale?: number;
  /** Label of the x axis (the step), e.g. "month". */
  xLabel?: string;
  /** Label of the y axis, with its unit. */
  yLabel?: string;
  /**
   * Formats a value for tooltips, unit included, given in the rows' own unit (before `scale`): the formatter the page
   * uses for that quantity inline (format.ts formatUsd…). Default a plain number of the scaled value.
   */
  valueFormat?: (value: number) => string;
  /**
   * Formats the y axis's ticks, given in the rows' own unit (before `scale`): money axes pass format.ts formatUsd, so
   * they read "$500M", "$2B" like the page's text. Default Plot's numbers of the scaled value.
   */
  tickFormat?: (value: number) => string;
  /** Colour of the bands: the banded quantity's concept colour (palette.ts); default the accent. */
  fill?: string;
}

/** True when the draws differ at some step: there are bands to draw (else the median is every draw). */
export function fanHasBands(rows: readonly FanRow[]): boolean {
  return rows.some((r) => r.p95 !== r.p5);
}

/**
 * The subtitle a fan chart's card gives: what its marks are. "Median, 50% and 90% bands across the draws", or, when
 * every draw gives the same series (no uncertain assumption moves it), says so rather than naming bands it does not
 * draw.
 */
export function fanSubtitle(rows: readonly FanRow[]): string {
  return fanHasBands(rows)
    ? "Median, 50% and 90% bands across the draws"
    : "One line: every draw gives the same, as no uncertain assumption moves it";
}

/** Opacity of the 90% and the 50% band. */
const OPACITY = {outer: 0.3, inner: 0.55};

export function FanChart(
  rows: readonly FanRow[],
  {
    width,
    height = 300,
    scale = 1,
    xLabel = "Month →",
    yLabel = "value",
    valueFormat,
    tickFormat,
    fill = ACCENT,
    ...options
  }: FanChartOptions = {}
) {
  const scaled = rows.map((r) => ({
    step: r.step,
    p5: r.p5 * scale,
    p25: r.p25 * scale,
    p50: r.p50 * scale,
    p75: r.p75 * scale,
    p95: r.p95 * scale
  }));
  const tip = valueFormat ? (v: number) => valueFormat(v / scale) : (v: number) => formatDisplayNumber(v);
  const outer = withOpacity(fill, OPACITY.outer);
  const inner = withOpacity(fill, OPACITY.inner);
  // Every draw alike (a link sets the banded inputs to one value each): no band to draw or name, the median alone.
  const banded = fanHasBands(scaled);
  const legend = banded
    ? {domain: ["90% of draws", "50% of draws", "median"], range: [outer, inner, INK]}
    : {domain: ["median (every draw alike)"], range: [INK]};
  const tipChannels: Record<string, Plot.ChannelValueSpec> = banded
    ? {median: {value: "p50", label: "median"}, p5: "p5", p95: "p95"}
    : {value: {value: "p50", label: "value"}};
  const tipFormat: Plot.TipOptions["format"] = banded
    ? {x: true, y: false, median: tip, p5: tip, p95: tip}
    : {x: true, y: false, value: tip};
  return Plot.plot({
    width: Math.max(width ?? 640, 240), // never narrower than its margins, even mid-layout
    height,
    ...(tickFormat ? {marginLeft: 60} : {}), // room for money ticks, "−$500M"
    x: {label: xLabel, grid: true, ...wholeStepAxis(scaled.map((r) => r.step))},
    y: {
      label: yLabel,
      grid: true,
      // To a tick above the largest value, so that a band or line at the top does not look cut off.
      nice: true,
      ...(tickFormat ? {tickFormat: axisTickFormat((v: number) => tickFormat(v / scale))} : {})
    },
    color: {legend: true, ...legend},
    ...options,
    marks: [
      Plot.ruleY([0]),
      ...(banded
        ? [
            Plot.areaY(scaled, {x: "step", y1: "p5", y2: "p95", fill: outer}),
            Plot.areaY(scaled, {x: "step", y1: "p25", y2: "p75", fill: inner})
          ]
        : []),
      Plot.lineY(scaled, {x: "step", y: "p50", stroke: INK, strokeWidth: 2}),
      // Too few steps for a band or a line to show (a one-month horizon): each step's 90% range and median as marks.
      ...(new Set(scaled.map((r) => r.step)).size <= 2
        ? [
            ...(banded
              ? [
                  Plot.ruleX(scaled, {x: "step", y1: "p5", y2: "p95", stroke: outer, strokeWidth: 8}),
                  Plot.ruleX(scaled, {x: "step", y1: "p25", y2: "p75", stroke: inner, strokeWidth: 8})
                ]
              : []),
            Plot.dot(scaled, {x: "step", y: "p50", fill: INK, r: 3})
          ]
        : []),
      Plot.tip(
        scaled,
        Plot.pointerX({
          x: "step",
          y: "p50",
          channels: tipChannels,
          format: tipFormat
        })
      )
    ]
  });
}
