// The throughput–latency frontier: output tokens per second per chip over whole requests (prefill included) against
// the speed each user sees over a request, one point per batch size. Larger batches serve more tokens per chip and
// fewer per user, until compute becomes the roof. Published measurements of the same configuration, when given, are
// open squares beside the curve.
import * as Plot from "@observablehq/plot";
import {formatCount, formatRate} from "./format.js";
import {ACCENT, HIGHLIGHT, INK} from "./palette.js";
import {groupBy} from "./groupBy.js";

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

/**
 * A published measurement on the frontier's axes: a whole-request one that states a speed per user
 * (src/inference/calibration/measurementCurves.ts). A prefill-only measurement counts prompt tokens and a decode-only
 * one decode steps, so neither is such a point.
 */
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
    x: (v: number) => `${formatRate(v)} tokens/s per user`,
    y: (v: number) => `${formatRate(v)} output tokens/s per chip`,
    batch: true,
    bound: true
  };
  const yTicks = logTicks([...rows, ...measured].map((r) => r.outputTokensPerSecondPerChip));
  const frame: Plot.PlotOptions = {
    width: chartWidth,
    height,
    ...MARGINS,
    // insetLeft keeps the curve's left end off the y axis's tick labels, so its batch label has room above it
    x: {label: "Speed per user (output tokens/s) →", grid: true, insetLeft: 12, insetRight: 12},
    // insetTop keeps the top point's batch label clear of the axis label
    // Ticks at 1 and 2 of each decade the points span, so that a range of a decade or two still has ticks above
    // and below its points (Plot's default drew none above 100 with points near 300).
    y: {
      label: "↑ Output tokens/s per chip (whole requests)",
      grid: true,
      type: "log",
      nice: true,
      insetTop: 14,
      ticks: yTicks,
      tickFormat: (v: number) => formatCount(v)
    },
    ...options
  };
  const curve = Plot.line(rows, {
    x: "outputTokensPerSecondPerUser",
    y: "outputTokensPerSecondPerChip",
    stroke: ACCENT,
    strokeWidth: 2
  });
  const measuredDots = measured.length
    ? Plot.dot(measured, {
        x: "outputTokensPerSecondPerUser",
        y: "outputTokensPerSecondPerChip",
        symbol: "square",
        stroke: INK,
        r: 4.5,
        channels: {measurement: "id"},
        tip: {format: {x: tipFormat.x, y: tipFormat.y}}
      })
    : null;
  // Where each point lands, in the SVG's px, from the same frame drawn with the curve and the squares alone: each batch
  // label takes a side of its dot clear of the squares, the other dots, the line and the labels placed before it (at
  // 390 px the labels "99" and "64", always up and to the right, sat under two measurement squares; reviewer).
  const probe = Plot.plot({...frame, marks: [curve, measuredDots]});
  const sx = probe.scale("x")!;
  const sy = probe.scale("y")!;
  const at = (r: {outputTokensPerSecondPerUser: number | null; outputTokensPerSecondPerChip: number}) => ({
    x: sx.apply(r.outputTokensPerSecondPerUser) as number,
    y: sy.apply(r.outputTokensPerSecondPerChip) as number
  });
  // The y axis's tick labels: a label may go into the left margin between them.
  const tickRows = yTicks.map((t) => sy.apply(t) as number);
  const labels = placeBatchLabels(rows, current?.batchSize, measured, at, {width: chartWidth, height, tickRows});
  return Plot.plot({
    ...frame,
    marks: [
      curve,
      Plot.dot(rows, {
        x: "outputTokensPerSecondPerUser",
        y: "outputTokensPerSecondPerChip",
        fill: ACCENT,
        r: 3,
        channels: {batch: {value: "batchSize", label: "batch"}, bound: {value: "bound", label: "bound by"}},
        tip: {format: tipFormat}
      }),
      measuredDots,
      current
        ? Plot.dot([current], {
            x: "outputTokensPerSecondPerUser",
            y: "outputTokensPerSecondPerChip",
            r: 7,
            stroke: HIGHLIGHT,
            strokeWidth: 2.5
          })
        : null,
      // The labels last, over every mark, each ringed in the page's background where it crosses a grid line. One text
      // mark per placement (Plot's dx, dy and textAnchor are constants of a mark, not channels).
      ...groupBy(labels, (d) => `${d.dx} ${d.dy} ${d.textAnchor}`).map((group) =>
        Plot.text(
          group.map((d) => d.row),
          {
            x: "outputTokensPerSecondPerUser",
            y: "outputTokensPerSecondPerChip",
            text: (d: FrontierRow) => `${d.batchSize}`,
            dx: group[0]!.dx,
            dy: group[0]!.dy,
            textAnchor: group[0]!.textAnchor,
            fill: INK,
            stroke: "var(--theme-background, white)",
            strokeWidth: 3,
            fontSize: 9
          }
        )
      ),
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

/** Least distance between two labelled points, in pixels (a 9-px label of three digits is about 16 px wide). */
const LABEL_GAP_PX = 18;

/** A box in px, y down. */
interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A batch label's place beside its dot: offsets in px and the text's anchor. */
export interface PlacedBatchLabel {
  row: FrontierRow;
  dx: number;
  dy: number;
  textAnchor: "start" | "middle" | "end";
}

const area = (a: Box) => (a.x1 - a.x0) * (a.y1 - a.y0);
const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) * Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
const around = (x: number, y: number, r: number): Box => ({x0: x - r, x1: x + r, y0: y - r, y1: y + r});
const grow = (b: Box, r: number): Box => ({x0: b.x0 - r, x1: b.x1 + r, y0: b.y0 - r, y1: b.y1 + r});

/** The least space between two batch labels' boxes (halo included), px. */
const LABEL_SPACE_PX = 4;

/** The sides a label may take, in order of preference: up and right of its dot first (outside the curve), as before. */
const SIDES: readonly Omit<PlacedBatchLabel, "row">[] = [
  {dx: 9, dy: -7, textAnchor: "start"},
  {dx: 9, dy: 3, textAnchor: "start"},
  {dx: 0, dy: -11, textAnchor: "middle"},
  {dx: -7, dy: 9, textAnchor: "end"},
  {dx: -8, dy: -3, textAnchor: "end"},
  {dx: 0, dy: 12, textAnchor: "middle"},
  {dx: 7, dy: 10, textAnchor: "start"},
  {dx: -7, dy: -8, textAnchor: "end"}
];

/** The sides tried first for the curve's left end: above (centred, else from the dot), up left, down left, left. */
const END_SIDES: readonly Omit<PlacedBatchLabel, "row">[] = [
  {dx: 0, dy: -13, textAnchor: "middle"},
  {dx: -4, dy: -13, textAnchor: "start"},
  {dx: -7, dy: -8, textAnchor: "end"},
  {dx: -7, dy: 9, textAnchor: "end"},
  {dx: -8, dy: -3, textAnchor: "end"}
];

/**
 * The batch labels drawn and where: a point is labelled if it is at least LABEL_GAP_PX from every point labelled
 * before it (the scenario's own batch first, then the largest, the curve's left end, then by batch size; two
 * neighbouring batches near the roof overprinted as "34256" on /token-economics; fresh-user trial, session 9). Each
 * label takes the first side of its dot (SIDES) whose box (9 px text, about 6 px a digit with its halo, 12 px tall) is
 * inside the chart and clear of the measurement squares, the curve's dots and line, the y axis's tick labels, the
 * scenario's ring and the labels placed before it; where none is, the one least in the way. `at` gives a point's place
 * in the SVG's px (the chart's own scales).
 */
export function placeBatchLabels(
  rows: readonly FrontierRow[],
  currentBatch: number | undefined,
  measured: readonly MeasuredPoint[],
  at: (r: {outputTokensPerSecondPerUser: number | null; outputTokensPerSecondPerChip: number}) => {
    x: number;
    y: number;
  },
  {width, height, tickRows = []}: {width: number; height: number; tickRows?: readonly number[]}
): PlacedBatchLabel[] {
  const drawn = rows.filter((r) => r.outputTokensPerSecondPerUser !== null);
  if (drawn.length === 0) return [];
  const points = drawn.map((row) => ({row, ...at(row)}));
  const largest = Math.max(...points.map((p) => p.row.batchSize));
  const rank = (batch: number) => (batch === currentBatch ? 0 : batch === largest ? 1 : 2);
  const order = [...points].sort(
    (a, b) => rank(a.row.batchSize) - rank(b.row.batchSize) || a.row.batchSize - b.row.batchSize
  );
  const kept: typeof points = [];
  for (const p of order) {
    if (kept.every((k) => Math.hypot(k.x - p.x, k.y - p.y) >= LABEL_GAP_PX)) kept.push(p);
  }
  // The squares (4.5 px half-side, a 1.5 px stroke and a pixel's margin), the dots (3 px), the ring (7 px, 2.5 px
  // stroke) and the line, sampled every 3 px along each segment.
  const squares = measured.map((m) => {
    const {x, y} = at(m);
    return around(x, y, 7);
  });
  const marks: Box[] = points.map((p) => around(p.x, p.y, p.row.batchSize === currentBatch ? 10 : 4));
  const sorted = [...points].sort((a, b) => a.x - b.x);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    const steps = Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / 3);
    for (let s = 1; s < steps; s++) {
      marks.push(around(a.x + ((b.x - a.x) * s) / steps, a.y + ((b.y - a.y) * s) / steps, 1.5));
    }
  }
  // The plot's box and its left margin, but for the rows of the y axis's tick labels (`tickRows`, px), which end 9 px
  // left of the plot.
  marks.push(...tickRows.map((y) => ({x0: 0, x1: MARGINS.marginLeft - 3, y0: y - 9, y1: y + 9})));
  const frame: Box = {
    x0: 0,
    x1: width - 2,
    y0: MARGINS.marginTop - 4,
    y1: height - MARGINS.marginBottom
  };
  // A label whose middle is nearer another dot or square than its own seems to name that one ("372" under 256's dot
  // at 1280 px): it costs as much as a label over a square.
  const others = [...points, ...measured.map((m) => at(m))];
  const namesAnother = (b: Box, own: {x: number; y: number}) => {
    const [cx, cy] = [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];
    const mine = Math.hypot(own.x - cx, own.y - cy);
    return others.some((o) => o !== own && Math.hypot(o.x - cx, o.y - cy) < mine);
  };
  const taken: Box[] = [];
  const placed: PlacedBatchLabel[] = [];
  for (const p of kept) {
    const w = String(p.row.batchSize).length * 6 + 3;
    const boxOf = (side: (typeof SIDES)[number]): Box => {
      const left = p.x + side.dx - (side.textAnchor === "start" ? 0 : side.textAnchor === "end" ? w : w / 2);
      return {x0: left, x1: left + w, y0: p.y + side.dy - 6, y1: p.y + side.dy + 6};
    };
    // How much a place is in the way, px²: over a square counts most, then over another label, then over a dot, the
    // line or a tick label; outside the chart, as much as over a square. The first place in the way of nothing wins;
    // where none is, the least in the way.
    const cost = (b: Box) =>
      100 * (area(b) - overlapArea(b, frame) + squares.reduce((sum, s) => sum + overlapArea(s, b), 0)) +
      10 * taken.reduce((sum, t) => sum + overlapArea(t, b), 0) +
      marks.reduce((sum, m) => sum + overlapArea(m, b), 0);
    // The curve's left end (the largest batch) is labelled above or to the left, off the curve: up and to the right
    // its label sat over the next dot, which it seemed to name ("372" over 256's dot at 390 px).
    const sides = p.row.batchSize === largest ? [...END_SIDES, ...SIDES] : SIDES;
    const costs = sides.map((side) => cost(boxOf(side)) + (namesAnother(boxOf(side), p) ? 100 * area(boxOf(side)) : 0));
    const side = sides[costs.indexOf(Math.min(...costs))]!;
    // A label is never drawn over another: where every side of its dot overlaps one placed before it, the point goes
    // unlabelled (its tip still names it). "372" and "128" crowded each other at the curve's flat top (1280 px).
    if (taken.some((t) => overlapArea(t, boxOf(side)) > 0)) continue;
    // With LABEL_SPACE_PX about it: two labels side by side at the curve's top read as one number ("372 128").
    taken.push(grow(boxOf(side), LABEL_SPACE_PX));
    placed.push({row: p.row, ...side});
  }
  return placed;
}
