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
  /** null for requests of one output token (no decode step): such a point is not drawn. */
  outputTokensPerSecondPerUser: number | null;
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

/** The chart's margins, px (marginBottom is Plot's default, 30), shared with labelledRows' pixel distances. */
const MARGINS = {marginLeft: 60, marginRight: 24, marginTop: 28, marginBottom: 30} as const;

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
    ...MARGINS,
    x: {label: "Speed per user (output tokens/s) →", grid: true, insetRight: 12},
    // insetTop keeps the top point's batch label clear of the axis label
    // Ticks at 1 and 2 of each decade the points span, so that a range of a decade or two still has ticks above
    // and below its points (Plot's default drew none above 100 with points near 300).
    y: {
      label: "↑ Output tokens/s per chip (whole requests)",
      grid: true,
      type: "log",
      nice: true,
      insetTop: 14,
      ticks: logTicks([...rows, ...measured].map((r) => r.outputTokensPerSecondPerChip)),
      tickFormat: (v: number) => formatCount(v)
    },
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
      Plot.text(labelledRows(rows, current?.batchSize, chartWidth, height), {
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
        : null,
      // Requests of one output token have no speed per user: the chart says so rather than stand empty.
      rows.some((r) => r.outputTokensPerSecondPerUser !== null)
        ? null
        : Plot.text(["No speed per user: a request of one output token has no decode step"], {
            frameAnchor: "middle",
            fill: INK,
            fontSize: 12
          })
    ]
  });
}

/** 1 and 2 times each power of ten over the whole decades the values span (a log scale's nice domain). */
export function logTicks(values: readonly number[]): number[] {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length === 0) return [];
  const low = Math.min(...positive);
  const high = Math.max(...positive);
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(low)); e <= Math.ceil(Math.log10(high)); e++) {
    for (const m of [1, 2]) {
      const tick = m * 10 ** e;
      // Within the decades the y scale's nice domain spans.
      if (tick <= 10 ** Math.ceil(Math.log10(high))) ticks.push(tick);
    }
  }
  return ticks;
}

/** Least distance between two batch labels, in pixels (a 9-px label of three digits is about 16 px wide). */
const LABEL_GAP_PX = 18;

/**
 * The points whose batch label is drawn: each at least LABEL_GAP_PX from every label kept before it, at the chart's
 * scales (x linear, y logarithmic, over the plot's inner size), the scenario's own batch first, then by batch size
 * (two neighbouring batches near the roof overprinted as "34256" on /token-economics; fresh-user trial, session 9).
 */
function labelledRows(
  rows: readonly FrontierRow[],
  currentBatch: number | undefined,
  width: number,
  height: number
): FrontierRow[] {
  type Drawn = FrontierRow & {outputTokensPerSecondPerUser: number};
  const drawn = rows.filter((r): r is Drawn => r.outputTokensPerSecondPerUser !== null);
  if (drawn.length === 0) return [];
  const xs = drawn.map((r) => r.outputTokensPerSecondPerUser);
  const ys = drawn.map((r) => Math.log(r.outputTokensPerSecondPerChip));
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  // The inner plot area: the chart less its margins.
  const innerWidth = width - MARGINS.marginLeft - MARGINS.marginRight;
  const innerHeight = height - MARGINS.marginTop - MARGINS.marginBottom;
  const px = (r: Drawn) => ((r.outputTokensPerSecondPerUser - x0) / (x1 - x0 || 1)) * innerWidth;
  const py = (r: FrontierRow) => ((Math.log(r.outputTokensPerSecondPerChip) - y0) / (y1 - y0 || 1)) * innerHeight;
  const order = [...drawn].sort((a, b) =>
    a.batchSize === currentBatch ? -1 : b.batchSize === currentBatch ? 1 : a.batchSize - b.batchSize
  );
  const kept: Drawn[] = [];
  for (const row of order) {
    if (kept.every((k) => Math.hypot(px(k) - px(row), py(k) - py(row)) >= LABEL_GAP_PX)) kept.push(row);
  }
  return kept;
}
