// A tornado chart: how far the headline metric moves when each uncertain assumption swings from its p5 to its p95,
// the others held at their base values; longest bar first. An assumption whose swing leaves the metric where it is gets
// no empty row: the caption names it and says why it has no bar; one whose bar is too short to see, the caption names
// as barely moving it.
import * as Plot from "@observablehq/plot";
import type {TornadoRow} from "../lib/uncertainty/sensitivity.js";
import {axisTickFormat, formatDisplayNumber} from "./format.js";
import {INK, SWING_COLORS, TEXT_HALO} from "./palette.js";
import {andList} from "../lib/units/wordList.js";

export interface TornadoChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** The metric at the base point (the bars start from it). */
  base: number;
  /** Scale applied to output values (1e-6 for millions). */
  scale?: number;
  /** Label of the metric's axis, with its unit. */
  xLabel?: string;
  /** Label of each input, by key. */
  labels?: Record<string, string>;
  /** Formats a (scaled) value of the metric for tooltips (format.ts); default a plain number. */
  valueFormat?: (value: number) => string;
  /** Formats the x axis's ticks, given in the rows' own unit (before `scale`); default Plot's numbers. */
  tickFormat?: (value: number) => string;
  /**
   * The legend's names of the two ends of a swing; default ["at p5", "at p95"]. A chart whose single values swing
   * ±20% names both kinds of end (its legend read "at p5" beside "(±20%)" rows; reader's audit).
   */
  ends?: readonly [string, string];
  /**
   * Why the metric moves in steps, for a page whose model makes it so (/flywheel: chip generations ship whole, in whole
   * months). With it, the caption names the rows whose bar reaches one way only, or the same way from both ends, and
   * gives this reason (unevenCaption): such bars read as a fault without a word (new-user trial).
   */
  inSteps?: string;
  /**
   * What the base is, written before its value on the label above its rule: default "all at median" ("all at median
   * 5.3%" on /flywheel, where the unlabelled rule left the bars' common start unexplained: reader's audit). A
   * scenario tornado's base is one run with every uncertain assumption at its median (scenarioTornado's outputAtBase),
   * which the site calls that on /custom-silicon; "base case", the old default, is the site's name for the base
   * scenario, and read so on /moat, whose scenario is another ("base case $3.33B").
   */
  baseLabel?: string;
}

/** The legend of a chart whose rows swing ranges from p5 to p95 and single values by ±20%. */
export const MIXED_SWING_ENDS = ["low (p5, or −20%)", "high (p95, or +20%)"] as const;

export function TornadoChart(
  rows: readonly TornadoRow[],
  {
    width,
    height,
    base,
    scale = 1,
    xLabel = "metric",
    labels = {},
    valueFormat = formatDisplayNumber,
    tickFormat,
    ends = ["at p5", "at p95"],
    inSteps,
    baseLabel = "all at median",
    ...options
  }: TornadoChartOptions
) {
  // A row with no effect drew an empty line with no word why (reader's audit): it is named in the caption instead.
  const drawn = rows.filter((r) => movesMetric(r, base));
  const still = rows.filter((r) => !movesMetric(r, base)).map((r) => labels[r.input] ?? r.input);
  const caption = [
    inSteps === undefined ? "" : unevenCaption(drawn, base, labels, inSteps),
    faintCaption(drawn, base, labels, (swing) => valueFormat(swing * scale)),
    still.length ? noEffectCaption(still) : ""
  ].filter(Boolean);
  const bars = drawn.flatMap((r) => [
    {input: labels[r.input] ?? r.input, end: ends[0], ...span(base * scale, r.outputAtLow * scale)},
    {input: labels[r.input] ?? r.input, end: ends[1], ...span(base * scale, r.outputAtHigh * scale)}
  ]);
  // Margins never wider than the chart: a card can be measured very narrow while the page lays out.
  const chartWidth = Math.max(width ?? 640, 240);
  const marginLeft = Math.min(180, chartWidth * 0.35);
  // At least four ticks: at 390 px Plot's one per 80 px gave /flywheel's axis a single tick, "6", and bars whose
  // lengths could not be read (new-user trial).
  const tickCount = Math.max(4, Math.round((chartWidth - marginLeft) / 80));
  return Plot.plot({
    width: chartWidth,
    height: height ?? 60 + (BASE_LABEL_MARGIN_TOP - PLOT_MARGIN_TOP) + 36 * Math.max(1, drawn.length),
    marginLeft,
    // Room above the bars for the base's label, clear of the bars and of the ticks below.
    marginTop: BASE_LABEL_MARGIN_TOP,
    x: {
      label: xLabel,
      grid: true,
      ticks: tickCount,
      // The domain widened to whole steps of that count, so a tick stands at or beyond each end of every bar: on the
      // data's own extent /custom-silicon's NPV axis (bars from $1.0B to $3.9B) had two ticks, $2B and $3B, and the
      // ends of its longest bar could not be read (reader's audit, helper-234).
      nice: tickCount,
      ...(tickFormat ? {tickFormat: axisTickFormat((v: number) => tickFormat(v / scale))} : {})
    },
    y: {label: null, domain: drawn.map((r) => labels[r.input] ?? r.input)},
    color: {legend: true, domain: [...ends], range: [SWING_COLORS.low, SWING_COLORS.high]},
    ...(caption.length ? {caption: caption.join(" ")} : {}),
    ...options,
    marks: [
      // Labels wider than the margin wrap (lineWidth is in ems of the 10 px axis font), so none runs off the card.
      Plot.axisY({label: null, lineWidth: (marginLeft - 12) / 10}),
      Plot.barX(bars, {
        y: "input",
        x1: "from",
        x2: "to",
        fill: "end",
        tip: {format: {x1: valueFormat, x2: valueFormat, y: true, fill: true}}
      }),
      Plot.ruleX([base * scale], {stroke: INK}),
      Plot.text([base * scale], {
        x: (v: number) => v,
        text: () => `${baseLabel} ${valueFormat(base * scale)}`,
        frameAnchor: "top",
        lineAnchor: "bottom",
        textAnchor: baseLabelAnchor(base * scale, bars),
        dy: -4,
        fill: INK,
        ...TEXT_HALO,
        fontSize: 11
      })
    ]
  });
}

/** The margin (px) above the bars that holds the base's label: a line of 11 px text, 4 px clear of the bars. */
const BASE_LABEL_MARGIN_TOP = 24;
/** Plot's own top margin for this chart (its y axis's), which the default height was sized with. */
const PLOT_MARGIN_TOP = 20;

/**
 * Which way the base's label runs from its rule: centred on it, or away from the nearer edge when the rule lies in the
 * outer fifth of the bars' span, so that the label stays on the chart (a base at one end of every bar, as when all
 * swings raise the metric, put half a centred label off the card).
 */
function baseLabelAnchor(x: number, bars: readonly {from: number; to: number}[]): "start" | "middle" | "end" {
  const low = Math.min(x, ...bars.map((b) => b.from));
  const high = Math.max(x, ...bars.map((b) => b.to));
  const at = high > low ? (x - low) / (high - low) : 0.5;
  return at < 0.2 ? "start" : at > 0.8 ? "end" : "middle";
}

/**
 * Whether swinging the row's input moves the metric at all: either end differs from the base by more than rounding
 * (a relative 1e-9). An input the metric does not read (the moat's verdict and the market's price decline when the
 * price stays above cost, say) swings it by exactly nothing.
 */
export function movesMetric(row: Pick<TornadoRow, "outputAtLow" | "outputAtHigh">, base: number): boolean {
  const tolerance = 1e-9 * Math.max(Math.abs(base), Math.abs(row.outputAtLow), Math.abs(row.outputAtHigh));
  return Math.abs(row.outputAtLow - base) > tolerance || Math.abs(row.outputAtHigh - base) > tolerance;
}

/**
 * Which way each end of a row moves the metric from the base: 1 up, −1 down, 0 not at all (within movesMetric's
 * rounding).
 */
function endDirections(row: TornadoRow, base: number): [number, number] {
  const tolerance = 1e-9 * Math.max(Math.abs(base), Math.abs(row.outputAtLow), Math.abs(row.outputAtHigh));
  const direction = (output: number) => (Math.abs(output - base) > tolerance ? Math.sign(output - base) : 0);
  return [direction(row.outputAtLow), direction(row.outputAtHigh)];
}

/**
 * The caption's words for the drawn rows whose bar reaches one way only (one end leaves the metric where it is) or
 * the same way from both ends, and why (`why`, the page's): "Adoption rate (±20%) and data capture (±20%) move this
 * figure one way only, and design cycle without model help (±20%) raises it at both ends: …". "" when every bar
 * reaches both ways.
 */
export function unevenCaption(
  rows: readonly TornadoRow[],
  base: number,
  labels: Record<string, string>,
  why: string
): string {
  const oneWay: string[] = [];
  const up: string[] = [];
  const down: string[] = [];
  for (const row of rows) {
    const [low, high] = endDirections(row, base);
    const name = labels[row.input] ?? row.input;
    if (low !== high && (low === 0 || high === 0)) oneWay.push(name);
    else if (low === high && low !== 0) (low > 0 ? up : down).push(name);
  }
  // The figure named in the first clause, "it" after.
  const parts = (
    [
      [oneWay, "moves", "move", "one way only"],
      [up, "raises", "raise", "at both ends"],
      [down, "lowers", "lower", "at both ends"]
    ] as const
  )
    .filter(([names]) => names.length)
    .map(([names, one, many, how], i) =>
      [andList(names), names.length === 1 ? one : many, i === 0 ? "this figure" : "it", how].join(" ")
    );
  if (!parts.length) return "";
  // Clauses joined with a comma before the last "and": "… one way only and delta raises …" ran two lists together.
  const text = `${parts.length > 1 ? `${parts.slice(0, -1).join(", ")}, and ${parts.at(-1)}` : parts[0]}: ${why}.`;
  return text[0]!.toUpperCase() + text.slice(1);
}

/**
 * The share of the longest swing under which a bar is too short to see: 1% of the axis's half-span is 2 px of a 400 px
 * chart, drawn as a hairline or not at all (/moat's price decline and volume gain; strategy reader's review).
 */
export const FAINT_SWING_SHARE = 0.01;

/** How far a row's farther end lies from the base, in the metric's unit. */
const swingOf = (row: Pick<TornadoRow, "outputAtLow" | "outputAtHigh">, base: number) =>
  Math.max(Math.abs(row.outputAtLow - base), Math.abs(row.outputAtHigh - base));

/**
 * The caption's words for the drawn rows whose swing is under FAINT_SWING_SHARE of the longest one, so that their bars
 * cannot be seen: "Price decline (±20%) and volume gain (±20%) barely move this figure: at most $3.1M either way,
 * under 1% of the longest bar's swing." `format` writes a swing (in the rows' unit). "" when every bar can be seen.
 * A row that does not move the metric at all is not drawn and is named by noEffectCaption instead.
 */
export function faintCaption(
  rows: readonly TornadoRow[],
  base: number,
  labels: Record<string, string>,
  format: (swing: number) => string
): string {
  const longest = Math.max(0, ...rows.map((row) => swingOf(row, base)));
  const faint = rows.filter((row) => swingOf(row, base) < FAINT_SWING_SHARE * longest);
  if (!faint.length) return "";
  const names = andList(faint.map((row) => labels[row.input] ?? row.input));
  const most = Math.max(...faint.map((row) => swingOf(row, base)));
  const text =
    `${names} barely ${faint.length === 1 ? "moves" : "move"} this figure: at most ${format(most)} either way, ` +
    `under ${FAINT_SWING_SHARE * 100}% of the longest bar's swing, too little for a bar to show.`;
  return text[0]!.toUpperCase() + text.slice(1);
}

/** "No bar for price premium (±20%) and volume gain (±20%): moving them leaves this figure where it is." */
function noEffectCaption(names: readonly string[]): string {
  const list = andList(names);
  const them = names.length === 1 ? "it" : "them";
  return `No bar for ${list}: moving ${them} from one end to the other leaves this figure where it is (it does not depend on ${them} here).`;
}

/** A bar from the base to an end, as [low, high] so that its width is never negative. */
function span(from: number, to: number): {from: number; to: number} {
  return {from: Math.min(from, to), to: Math.max(from, to)};
}
