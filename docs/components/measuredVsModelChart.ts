// Measured against modelled output tokens per second per chip, one dot per published measurement, on log axes with
// the line of agreement and a ±25% band: how far the serving model is from the world, measurement by measurement.
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
  measuredTokensPerSecondPerChip: number;
  predictedTokensPerSecondPerChip: number;
  ratio: number;
}

/** "held-out" as prose writes it: "held out". */
const splitName = (split: string) => split.replace("-", " ");

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
  return Plot.plot({
    width: Math.max(width ?? 640, 280),
    height,
    marginLeft: 60,
    x: {type: "log", domain: [lo, hi], label: "Measured output tokens/s per chip →", grid: true},
    y: {type: "log", domain: [lo, hi], label: "↑ Modelled output tokens/s per chip", grid: true},
    color: {domain: families, range: families.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]!), legend: true},
    symbol: {domain: ["fit", "held-out"], range: ["circle", "triangle"], legend: true, tickFormat: splitName},
    ...options,
    marks: [
      Plot.areaY(diagonal, {x: "x", y1: (d) => d.x * 0.75, y2: (d) => d.x * 1.25, fill: MUTED, fillOpacity: 0.15}),
      Plot.line(diagonal, {x: "x", y: "x", stroke: INK, strokeDasharray: "4,3", strokeOpacity: 0.6}),
      Plot.dot(rows, {
        x: "measuredTokensPerSecondPerChip",
        y: "predictedTokensPerSecondPerChip",
        stroke: (r: MeasuredVsModelRow) => named(r.family),
        symbol: "split",
        r: 4,
        // Named as a reader knows it, its id last (what data/measurements.csv and `token-ledger calibration` use).
        channels: {
          measurement: (r: MeasuredVsModelRow) => r.name ?? r.id,
          shape: (r: MeasuredVsModelRow) => r.shape ?? "",
          measured: "measuredTokensPerSecondPerChip",
          modelled: "predictedTokensPerSecondPerChip",
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
            measured: (v: number) => `${formatCount(v)} tokens/s per chip`,
            modelled: (v: number) => `${formatCount(v)} tokens/s per chip`,
            "model ÷ measured": (v: number) => formatRatio(v),
            "chip family": true,
            split: true,
            stroke: false,
            symbol: false,
            id: true
          }
        }
      })
    ]
  });
}
