// The throughput–latency frontier: output tokens per second per chip over whole requests (prefill included) against
// the speed each user sees over a request, one point per batch size. Larger batches serve more tokens per chip and
// fewer per user, until compute becomes the roof. Published measurements of the same configuration, when given, are
// open squares beside the curve.
import * as Plot from "@observablehq/plot";
import {formatCount, formatDisplayNumber} from "./format.js";
import {ACCENT, HIGHLIGHT, INK} from "./palette.js";

/** A frontier point (src/inference/frontier.ts FrontierPoint). */
export interface FrontierRow {
  batchSize: number;
  outputTokensPerSecondPerChip: number;
  outputTokensPerSecondPerUser: number;
  timePerOutputTokenSeconds: number;
  bound: "memory" | "compute";
}

export interface FrontierChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** The batch the scenario serves at, marked on the curve. */
  current?: FrontierRow | null;
  /** Published measurements of the same configuration (data/measurements.csv), drawn as open squares. */
  measured?: readonly MeasuredPoint[];
}

/** A published measurement on the frontier's axes. */
export interface MeasuredPoint {
  id: string;
  outputTokensPerSecondPerUser: number;
  outputTokensPerSecondPerChip: number;
}

export function FrontierChart(
  rows: readonly FrontierRow[],
  {width, height = 300, current, measured = [], ...options}: FrontierChartOptions = {}
) {
  const chartWidth = Math.max(width ?? 640, 260);
  const tipFormat = {
    x: (v: number) => `${formatDisplayNumber(v)} tokens/s per user`,
    y: (v: number) => `${formatCount(v)} output tokens/s per chip`,
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
    y: {label: "↑ Output tokens/s per chip (whole requests)", grid: true, type: "log", insetTop: 14},
    ...options,
    marks: [
      Plot.line(rows, {
        x: "outputTokensPerSecondPerUser",
        y: "outputTokensPerSecondPerChip",
        stroke: ACCENT,
        strokeWidth: 2
      }),
      Plot.dot(rows, {
        x: "outputTokensPerSecondPerUser",
        y: "outputTokensPerSecondPerChip",
        fill: ACCENT,
        r: 3,
        channels: {batch: {value: "batchSize", label: "batch"}, bound: {value: "bound", label: "bound by"}},
        tip: {format: tipFormat}
      }),
      Plot.text(rows, {
        x: "outputTokensPerSecondPerUser",
        y: "outputTokensPerSecondPerChip",
        text: (d: FrontierRow) => `${d.batchSize}`,
        dx: 9,
        dy: -7,
        textAnchor: "start",
        fill: INK,
        fontSize: 9
      }),
      measured.length
        ? Plot.dot(measured, {
            x: "outputTokensPerSecondPerUser",
            y: "outputTokensPerSecondPerChip",
            symbol: "square",
            stroke: INK,
            r: 4.5,
            channels: {measurement: "id"},
            tip: {format: {x: tipFormat.x, y: tipFormat.y}}
          })
        : null,
      current
        ? Plot.dot([current], {
            x: "outputTokensPerSecondPerUser",
            y: "outputTokensPerSecondPerChip",
            r: 7,
            stroke: HIGHLIGHT,
            strokeWidth: 2.5
          })
        : null
    ]
  });
}
