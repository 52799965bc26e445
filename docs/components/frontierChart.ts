// The throughput–latency frontier: tokens per second per chip against the speed each user sees, one point per batch
// size. Larger batches serve more tokens per chip and fewer per user, until compute becomes the roof.
import * as Plot from "@observablehq/plot";
import {formatCount, formatDisplayNumber} from "./format.js";
import {ACCENT, HIGHLIGHT, INK} from "./palette.js";

/** A frontier point (src/inference/frontier.ts FrontierPoint). */
export interface FrontierRow {
  batchSize: number;
  tokensPerSecondPerChip: number;
  tokensPerSecondPerSequence: number;
  timePerOutputTokenSeconds: number;
  bound: "memory" | "compute";
}

export interface FrontierChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** The batch the scenario serves at, marked on the curve. */
  current?: FrontierRow | null;
}

export function FrontierChart(
  rows: readonly FrontierRow[],
  {width, height = 300, current, ...options}: FrontierChartOptions = {}
) {
  const chartWidth = Math.max(width ?? 640, 260);
  const tipFormat = {
    x: (v: number) => `${formatDisplayNumber(v)} tokens/s per user`,
    y: (v: number) => `${formatCount(v)} tokens/s per chip`,
    batch: true,
    bound: true
  };
  return Plot.plot({
    width: chartWidth,
    height,
    marginLeft: 60,
    marginRight: 24,
    marginTop: 28,
    x: {label: "Speed per user (output tokens/s) →", grid: true, insetRight: 12},
    // insetTop keeps the top point's batch label clear of the axis label
    y: {label: "↑ Output tokens/s per chip", grid: true, type: "log", insetTop: 14},
    ...options,
    marks: [
      Plot.line(rows, {x: "tokensPerSecondPerSequence", y: "tokensPerSecondPerChip", stroke: ACCENT, strokeWidth: 2}),
      Plot.dot(rows, {
        x: "tokensPerSecondPerSequence",
        y: "tokensPerSecondPerChip",
        fill: ACCENT,
        r: 3,
        channels: {batch: {value: "batchSize", label: "batch"}, bound: {value: "bound", label: "bound by"}},
        tip: {format: tipFormat}
      }),
      Plot.text(rows, {
        x: "tokensPerSecondPerSequence",
        y: "tokensPerSecondPerChip",
        text: (d: FrontierRow) => `${d.batchSize}`,
        dx: 9,
        dy: -7,
        textAnchor: "start",
        fill: INK,
        fontSize: 9
      }),
      current
        ? Plot.dot([current], {
            x: "tokensPerSecondPerSequence",
            y: "tokensPerSecondPerChip",
            r: 7,
            stroke: HIGHLIGHT,
            strokeWidth: 2.5
          })
        : null
    ]
  });
}
