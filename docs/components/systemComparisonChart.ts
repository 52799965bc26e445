// Purchase price against the blended cost of a million tokens, one dot per system: a dearer system that serves more tokens can sit lower.
// Merchant chips in the merchant colour, a custom (in-house) chip in the in-house colour; the scenario's chip ringed.
import * as Plot from "@observablehq/plot";
import {axisTickFormat, formatCount, formatUsd, formatUsdPerMTok} from "./format.js";
import {FLEET_COLORS, HIGHLIGHT, INK} from "./palette.js";
import type {ChipComparisonRow} from "../lib/scenario/evaluate/chipComparison.js";

/** One accelerator serving the page's model: a row of compareServingChips (src/scenario/evaluate/chipComparison.ts). */
export type SystemRow = ChipComparisonRow;

export interface SystemComparisonChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Id of the system to ring (the scenario's). */
  highlight?: string;
}

export function SystemComparisonChart(
  rows: readonly SystemRow[],
  {width, height = 320, highlight, ...options}: SystemComparisonChartOptions = {}
) {
  const chartWidth = Math.max(width ?? 640, 260);
  const fill = (d: SystemRow) => (isInHouse(d.name) ? "in-house" : "merchant");
  const labels = placeLabels(rows, chartWidth - 90);
  const maxPrice = Math.max(...rows.map((r) => r.priceUsd), 1);
  return Plot.plot({
    width: chartWidth,
    height,
    marginLeft: 60,
    marginRight: 30,
    marginTop: 24,
    x: {
      label: "Purchase price per chip (USD) →",
      grid: true,
      zero: true,
      nice: true,
      tickFormat: axisTickFormat(formatUsd)
    },
    y: {label: "↑ USD per million tokens (input and output)", grid: true, zero: true, nice: true, insetTop: 8},
    color: {legend: true, domain: ["merchant", "in-house"], range: [FLEET_COLORS.merchant, FLEET_COLORS.inHouse]},
    ...options,
    marks: [
      Plot.dot(rows, {x: "priceUsd", y: "costUsdPerMTok", r: 6, fill, stroke: INK, strokeWidth: 0.5}),
      Plot.dot(
        rows.filter((d) => d.id === highlight),
        {x: "priceUsd", y: "costUsdPerMTok", r: 9, stroke: HIGHLIGHT, strokeWidth: 2}
      ),
      // A label near the left or right end starts or ends at its dot, so it never runs over the y axis's ticks or
      // off the card ("custom ASIC (hypothetical)" at $0–$5,000 sat on the tick "7" at 390 px).
      ...(["start", "middle", "end"] as const).flatMap((anchor) =>
        [false, true].map((below) =>
          Plot.text(
            labels.filter(
              (d) => d.below === below && labelAnchor(d.priceUsd, maxPrice, d.label.length, chartWidth - 90) === anchor
            ),
            {
              x: "priceUsd",
              y: "costUsdPerMTok",
              text: "label",
              dy: below ? 18 : -16,
              dx: anchor === "start" ? -6 : anchor === "end" ? 6 : 0,
              textAnchor: anchor,
              fill: INK
            }
          )
        )
      ),
      Plot.tip(
        rows,
        Plot.pointer({
          x: "priceUsd",
          y: "costUsdPerMTok",
          channels: {
            system: "name",
            price: {value: "priceUsd", label: "price"},
            cost: {value: "costUsdPerMTok", label: "cost"},
            speed: {value: "tokensPerSecondPerChip", label: "tokens/s per chip"},
            perMw: {value: "tokensPerSecondPerMw", label: "tokens/s/MW"},
            tp: {value: "tensorParallel", label: "chips per replica"}
          },
          format: {
            x: false,
            y: false,
            system: true,
            price: (v: number) => formatUsd(v),
            cost: (v: number) => formatUsdPerMTok(v),
            speed: (v: number) => formatCount(v),
            perMw: (v: number) => formatCount(v),
            tp: true
          }
        })
      )
    ]
  });
}

/**
 * Short labels ("H100", "MI300X"); a label that would sit on a neighbour's goes below its dot instead of above, and so
 * does the label of a dot near the top, where it would run into the y axis's title. Neighbours are near in pixels at
 * the plot's inner width `innerPx` (10 px text, about 5.5 px a character), so a phone's narrow chart moves more labels
 * ("custom ASIC (hypothetical)" ran into "B200" at 390 px).
 */
function placeLabels(rows: readonly SystemRow[], innerPx: number) {
  const xs = rows.map((r) => r.priceUsd);
  const ys = rows.map((r) => r.costUsdPerMTok);
  const dx = Math.max(...xs) || 1;
  const dy = Math.max(...ys) || 1;
  const px = (usd: number) => (usd / dx) * Math.max(innerPx, 1);
  const placed: {priceUsd: number; costUsdPerMTok: number; label: string; below: boolean}[] = [];
  for (const r of [...rows].sort((a, b) => b.costUsdPerMTok - a.costUsdPerMTok)) {
    // On a phone the custom chip's label drops "(hypothetical)", which the caption says (it ran into B200's at 390 px).
    const label = innerPx < 400 && isInHouse(r.name) ? "custom ASIC" : shortName(r.name);
    const clash = placed.some(
      (p) =>
        !p.below &&
        Math.abs(px(p.priceUsd) - px(r.priceUsd)) < ((p.label.length + label.length) * 5.5) / 2 + 6 &&
        Math.abs(p.costUsdPerMTok - r.costUsdPerMTok) / dy < 0.1
    );
    const nearTop = r.costUsdPerMTok / dy > 0.9;
    placed.push({priceUsd: r.priceUsd, costUsdPerMTok: r.costUsdPerMTok, label, below: clash || nearTop});
  }
  return placed;
}

/**
 * Where a dot's label is anchored so that it stays within the plot: "middle" (centred over its dot) where half the
 * label fits on either side, else "start" (text to the right) near the left end or "end" near the right. The axis's
 * 10 px font is about 5.5 px a character. Inputs: the dot's price and the axis's largest, USD; the label's length in
 * characters; the plot's width, px.
 */
export function labelAnchor(
  priceUsd: number,
  maxPriceUsd: number,
  labelChars: number,
  plotWidthPx: number
): "start" | "middle" | "end" {
  const halfPx = (labelChars * 5.5) / 2;
  const x = (priceUsd / maxPriceUsd) * plotWidthPx;
  return x < halfPx ? "start" : plotWidthPx - x < halfPx ? "end" : "middle";
}

/** A custom (in-house) chip of the catalog: its name marks it hypothetical. */
function isInHouse(name: string): boolean {
  return /hypothetical/i.test(name);
}

/** "NVIDIA H100 SXM5 80GB" → "H100"; "AMD Instinct MI300X" → "MI300X"; keeps a "(hypothetical)" mark. */
export function shortName(name: string): string {
  if (isInHouse(name)) return "custom ASIC (hypothetical)";
  return name.replace(/^(NVIDIA|AMD Instinct|AMD|Google|AWS|Intel)\s+/i, "").split(/\s+/)[0] ?? name;
}
