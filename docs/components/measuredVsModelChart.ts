// Measured against modelled tokens per second per chip, one dot per published measurement, on log axes with the line
// of agreement and a ±25% band: how far the serving model is from the world, measurement by measurement. A mark counts
// output tokens generated, or, for a prefill-only measurement (drawn larger and bolder, × fitted, + held out), prompt
// tokens prefilled.
import * as Plot from "@observablehq/plot";
import {CHIP_FAMILY_NAMES, type ChipFamily} from "../lib/catalog/chipFamily.js";
import {formatCount, formatRatio} from "./format.js";
import {INK, MUTED, SERIES_COLORS} from "./palette.js";

/** One measurement beside the model (src/inference/calibration/calibrate.ts CalibrationRow, the fields drawn). */
export interface MeasuredVsModelRow {
  id: string;
  /** As a reader names it ("Llama 2 70B on NVIDIA H100 SXM5 80GB", measurementNames); the tip shows the id without. */
  name?: string;
  /** Its request shape ("FP8, TP2, 222 → 290 tokens, offline", measurementNames). */
  shape?: string;
  family: string;
  split: "fit" | "held-out";
  /**
   * Which tokens its per-chip figures count: "input" (prompt tokens prefilled, a prefill-only measurement) or
   * "output" (tokens generated); absent: output.
   */
  tokens?: "input" | "output";
  measuredTokensPerSecondPerChip: number;
  predictedTokensPerSecondPerChip: number;
  ratio: number;
}

/** "held-out" as prose writes it: "held out". */
const splitName = (split: string) => split.replace("-", " ");

/** The tokens a row's figures count, as its tip writes them: "prompt (input)" or "output". */
const tokensName = (r: MeasuredVsModelRow) => (r.tokens === "input" ? "prompt (input)" : "output");

/** A prefill-only measurement's row: its figures count prompt tokens. */
const isPrefill = (r: MeasuredVsModelRow) => r.tokens === "input";

/**
 * What a mark stands for, its split and whether it is prefill only: "fit", "held-out", "prefill-fit" or
 * "prefill-held-out". A held-out prefill row was drawn as the fitted ones, a cross the legend did not place (trial).
 */
export const markOf = (r: MeasuredVsModelRow) => (isPrefill(r) ? `prefill-${r.split}` : r.split);

/** The legend's words for markOf. */
export const markName = (mark: string) =>
  mark.startsWith("prefill-") ? `prefill only, ${splitName(mark.slice("prefill-".length))}` : splitName(mark);

/**
 * The symbol of each mark (markOf): circle fitted, triangle held out; a prefill-only measurement × fitted, + held out,
 * drawn larger and bolder (PREFILL_R, PREFILL_STROKE_WIDTH) over the others, as it sits among Hopper's dense output
 * rows near 7,000 tokens/s.
 */
export const MARK_SYMBOLS: Readonly<Record<string, string>> = {
  fit: "circle",
  "held-out": "triangle",
  "prefill-fit": "times",
  "prefill-held-out": "plus"
};

/** A prefill-only mark's radius and stroke width, px (the others': 4 and Plot's 1.5). */
const PREFILL_R = 7;
const PREFILL_STROKE_WIDTH = 2.5;

export interface MeasuredVsModelOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
}

export function MeasuredVsModelChart(
  rows: readonly MeasuredVsModelRow[],
  {width, height = 380, ...options}: MeasuredVsModelOptions = {}
) {
  const values = rows.flatMap((r) => [r.measuredTokensPerSecondPerChip, r.predictedTokensPerSecondPerChip]);
  const lo = Math.min(...values) / 1.5;
  const hi = Math.max(...values) * 1.5;
  const diagonal = [lo, hi].map((x) => ({x}));
  // Families as a reader names them ("AMD CDNA 3", not "cdna3").
  const named = (family: string) => CHIP_FAMILY_NAMES[family as ChipFamily] ?? family;
  const families = [...new Set(rows.map((r) => named(r.family)))].sort();
  // Prefill-only rows count prompt tokens: their own mark, and the axes say so when any is drawn.
  const prefill = rows.some(isPrefill);
  // Circle and triangle always; a prefill mark when a row is drawn with it.
  const drawnMarks = new Set(rows.map(markOf));
  const marks = ["fit", "held-out", "prefill-fit", "prefill-held-out"].filter(
    (mark) => !mark.startsWith("prefill-") || drawnMarks.has(mark)
  );
  const axisTokens = prefill ? "output (prefill: prompt)" : "output";
  return Plot.plot({
    width: Math.max(width ?? 640, 280),
    height,
    marginLeft: 60,
    x: {type: "log", domain: [lo, hi], label: `Measured ${axisTokens} tokens/s per chip →`, grid: true},
    y: {type: "log", domain: [lo, hi], label: `↑ Modelled ${axisTokens} tokens/s per chip`, grid: true},
    color: {domain: families, range: families.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]!), legend: true},
    symbol: {domain: marks, range: marks.map((m) => MARK_SYMBOLS[m]), legend: true, tickFormat: markName},
    ...options,
    marks: [
      Plot.areaY(diagonal, {x: "x", y1: (d) => d.x * 0.75, y2: (d) => d.x * 1.25, fill: MUTED, fillOpacity: 0.15}),
      Plot.line(diagonal, {x: "x", y: "x", stroke: INK, strokeDasharray: "4,3", strokeOpacity: 0.6}),
      ...[rows.filter((r) => !isPrefill(r)), rows.filter(isPrefill)].map((drawn, prefillMarks) =>
        Plot.dot(drawn, {
          ...(prefillMarks ? {r: PREFILL_R, strokeWidth: PREFILL_STROKE_WIDTH} : {r: 4}),
          x: "measuredTokensPerSecondPerChip",
          y: "predictedTokensPerSecondPerChip",
          stroke: (r: MeasuredVsModelRow) => named(r.family),
          symbol: markOf,
          // Named as a reader knows it, its id last (what data/measurements.csv and `token-ledger calibration` use).
          channels: {
            measurement: (r: MeasuredVsModelRow) => r.name ?? r.id,
            shape: (r: MeasuredVsModelRow) => r.shape ?? "",
            measured: (r: MeasuredVsModelRow) =>
              `${formatCount(r.measuredTokensPerSecondPerChip)} ${tokensName(r)} tokens/s per chip`,
            modelled: (r: MeasuredVsModelRow) =>
              `${formatCount(r.predictedTokensPerSecondPerChip)} ${tokensName(r)} tokens/s per chip`,
            "model ÷ measured": "ratio",
            "chip family": (r: MeasuredVsModelRow) => named(r.family),
            split: (r: MeasuredVsModelRow) => splitName(r.split),
            id: "id"
          },
          // The tip writes each line whole (Plot cut them at 20 ems: "3,…", "Llama 2 70B on NVIDIA H…"); the axes'
          // long labels give way to short ones, and the colour's and symbol's channels to named ones.
          tip: {
            lineWidth: 44,
            format: {
              measurement: true,
              shape: true,
              x: false,
              y: false,
              measured: true,
              modelled: true,
              "model ÷ measured": (v: number) => formatRatio(v),
              "chip family": true,
              split: true,
              stroke: false,
              symbol: false,
              id: true
            }
          }
        })
      )
    ]
  });
}
