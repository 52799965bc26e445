// Purchase price against the blended cost of a million tokens, one dot per system: a dearer system that serves more tokens can sit lower.
// Merchant chips in the merchant colour, a custom (in-house) chip in the in-house colour; the scenario's chip ringed.
import * as Plot from "@observablehq/plot";
import {axisTickFormat, formatRate, formatUsd, formatUsdPerMTok} from "./format.js";
import {FLEET_COLORS, HIGHLIGHT, INK} from "./palette.js";
import type {ChipComparisonRow} from "../lib/scenario/evaluate/chipComparison.js";
import {meshLinksUsed} from "../lib/inference/communication.js";
import {groupBy} from "./groupBy.js";

/** One accelerator serving the page's model: a row of compareServingChips (src/scenario/evaluate/chipComparison.ts). */
export type SystemRow = ChipComparisonRow;

export interface SystemComparisonChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Id of the system to ring (the scenario's). */
  highlight?: string;
  /** The catalog's hardware rows, for each chip's wiring in the tooltip (how many of its links a group uses). */
  hardware?: readonly ChipWiring[];
  /**
   * The share of the time the chips are busy (serving.utilization, 0–1), at which the rows' tokens per MW are
   * counted; the tooltip says it ("at 58% busy"). Without it the tooltip says "at the scenario's utilisation".
   */
  utilizationFraction?: number;
}

/** How a chip's scale-up domain is wired: a catalog hardware row's id and the fields meshLinksUsed reads. */
export type ChipWiring = {id: string} & Parameters<typeof meshLinksUsed>[0];

/**
 * How the chips of a tensor-parallel group of `tensorParallel` are wired to each other, in plain words for the tooltip
 * (the library's meshLinksUsed, as collectiveBandwidthBytesPerS scales by it): in a full mesh each chip uses only the t − 1 direct
 * links to the others of its group ("3 of each chip's 7 direct links"), a switch gives any group every link ("a
 * switch (every link used)"), and a group larger than the chips wired together talks over "the slower data-centre
 * network". Torus and other wirings are modelled as a switch. "nothing (1 chip)" for one chip; null for a chip the
 * catalog does not list. Read after "linked by".
 */
export function linksText(tensorParallel: number, wiring: ChipWiring | undefined): string | null {
  if (tensorParallel <= 1) return "nothing (1 chip)";
  if (!wiring) return null;
  if (tensorParallel > wiring.scaleUpChips) return "the slower data-centre network";
  const mesh = meshLinksUsed(wiring, tensorParallel);
  return mesh ? `${mesh.used} of each chip's ${mesh.of} direct links` : "a switch (every link used)";
}

export function SystemComparisonChart(
  rows: readonly SystemRow[],
  {width, height = 320, highlight, hardware = [], utilizationFraction, ...options}: SystemComparisonChartOptions = {}
) {
  const chartWidth = Math.max(width ?? 640, 260);
  const fill = (d: SystemRow) => (isInHouse(d.name) ? "in-house" : "merchant");
  const tipRows = rows.map((r) => ({
    ...r,
    // The fewest chips whose memory holds the model's weights and its batch's working memory (KV cache).
    basis: "input and output tokens",
    group: `${r.tensorParallel} ${r.tensorParallel === 1 ? "chip" : "chips"}, the fewest it fits`,
    links:
      linksText(
        r.tensorParallel,
        hardware.find((h) => h.id === r.id)
      ) ?? "not in the catalog"
  }));
  const frame: Plot.PlotOptions = {
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
    ...options
  };
  const dots = Plot.dot(rows, {x: "priceUsd", y: "costUsdPerMTok", r: 6, fill, stroke: INK, strokeWidth: 0.5});
  // Where each dot lands, in the SVG's px, from the same frame drawn with the dots alone: each dot's tooltip takes the
  // side of it that fits the chart (tipPlacement), so it never covers the dot it describes.
  const probe = Plot.plot({...frame, marks: [dots]});
  const sx = probe.scale("x")!;
  const sy = probe.scale("y")!;
  // Each label's place, at the same scales (placeLabels once guessed them from the largest price and cost, while the
  // axes run on to a nice $50,000 and 2.5: "MI300X" and "H100" were judged clear and drew 3 px apart at 1280 px).
  const labels = placeLabels(
    rows,
    (r) => ({x: sx.apply(r.priceUsd) as number, y: sy.apply(r.costUsdPerMTok) as number}),
    {x0: 60, x1: chartWidth - 30, y0: 24, y1: height - 30},
    highlight
  );
  const placed = tipRows.map((r) => ({
    row: r,
    ...tipPlacement(sx.apply(r.priceUsd) as number, sy.apply(r.costUsdPerMTok) as number, chartWidth, height)
  }));
  return Plot.plot({
    ...frame,
    marks: [
      dots,
      Plot.dot(
        rows.filter((d) => d.id === highlight),
        {x: "priceUsd", y: "costUsdPerMTok", r: 9, stroke: HIGHLIGHT, strokeWidth: 2}
      ),
      // One text mark per placement (Plot's dx, dy and textAnchor are constants of a mark, not channels). A label near
      // the left or right end starts or ends at its dot, so it never runs over the y axis's ticks or off the card
      // ("custom ASIC (hypothetical)" at $0–$5,000 sat on the tick "7" at 390 px).
      ...groupBy(labels, (d) => `${d.dx} ${d.dy} ${d.textAnchor}`).map((group) =>
        Plot.text(group, {
          x: "priceUsd",
          y: "costUsdPerMTok",
          text: "label",
          dx: group[0]!.dx,
          dy: group[0]!.dy,
          textAnchor: group[0]!.textAnchor,
          fill: INK
        })
      ),
      // One tip mark per placement, as the labels (a tip's anchor, dx and dy are constants of its mark); Plot shows only
      // the pointer's nearest point across them. Its pointer ends just off the dot. At 390 px a tip pinned to the plot's
      // bottom left covered GB200's dot and label, and pointed at $0.
      ...groupBy(placed, (d) => d.anchor).map((group) =>
        Plot.tip(
          group.map((d) => d.row),
          Plot.pointer({
            x: "priceUsd",
            y: "costUsdPerMTok",
            anchor: group[0]!.anchor,
            dx: group[0]!.dx,
            dy: group[0]!.dy,
            channels: {
              system: "name",
              price: {value: "priceUsd", label: "price"},
              cost: {value: "costUsdPerMTok", label: "cost"},
              // One basis for the tooltip: input and output tokens, as the axis and the power card count them; the rate per
              // chip while busy (not the page's output-only 97 tokens/s per chip), per MW at the scenario's utilisation
              // (new-user trial). Lines short enough for a phone: Plot cuts a line past the tip's lineWidth.
              basis: {value: "basis", label: "counts"},
              speed: {value: "tokensPerSecondPerChip", label: "tokens/s per chip"},
              perMw: {value: "tokensPerSecondPerMw", label: "tokens/s per MW"},
              group: {value: "group", label: "one copy on"},
              links: {value: "links", label: "linked by"}
            },
            format: {
              x: false,
              y: false,
              system: true,
              price: (v: number) => formatUsd(v),
              cost: (v: number) => formatUsdPerMTok(v),
              basis: true,
              speed: (v: number) => `${formatRate(v)} while busy`,
              perMw: (v: number) => `${formatRate(v)} ${busyText(utilizationFraction)}`,
              group: true,
              links: true
            },
            // The longest line, "linked by 3 of each chip's 7 direct links", whole (20 ems cut it).
            lineWidth: 24
          })
        )
      )
    ]
  });
}

/** A tooltip's anchor (the point of the tip Plot puts at the dot) and its offset from the dot's centre, px. */
export interface TipPlacement {
  anchor: "bottom" | "top" | "bottom-left" | "bottom-right" | "top-left" | "top-right" | "left" | "right";
  dx: number;
  dy: number;
}

/**
 * The tooltip's box, about, px: 24 ems of 10 px text at most and 8 lines, with Plot's 8 px padding each side
 * (measured 221 × 97 in chromium), and its pointer (Plot's pointerSize, 12). GAP: how far the pointer ends from the
 * dot's centre, past its 6 px radius.
 */
const TIP = {width: 225, height: 100, pointer: 12, gap: 8};

/**
 * Where a dot's tooltip goes, given the dot's centre (`x`, `y`, px in the SVG) and the SVG's `width` and `height`:
 * above the dot if the tip fits there, else below, else above or below to one side, else beside it; where none fits
 * whole, the one that runs least past the SVG's edges. The tip never covers its dot (its pointer ends GAP px from the
 * centre). Plot's own choice put a tip that fits neither side of a dot to its left, off a phone's card.
 */
export function tipPlacement(x: number, y: number, width: number, height: number): TipPlacement {
  const {width: w, height: h, pointer: m, gap: g} = TIP;
  const tall = h + m + g; // from the dot's centre to the far edge of a tip above or below it
  const candidates: (TipPlacement & {box: Box})[] = [
    {anchor: "bottom", dx: 0, dy: -g, box: {x0: x - w / 2, x1: x + w / 2, y0: y - tall, y1: y - g}},
    {anchor: "top", dx: 0, dy: g, box: {x0: x - w / 2, x1: x + w / 2, y0: y + g, y1: y + tall}},
    {anchor: "bottom-left", dx: g, dy: -g, box: {x0: x + g, x1: x + g + w, y0: y - tall, y1: y - g}},
    {anchor: "bottom-right", dx: -g, dy: -g, box: {x0: x - g - w, x1: x - g, y0: y - tall, y1: y - g}},
    {anchor: "top-left", dx: g, dy: g, box: {x0: x + g, x1: x + g + w, y0: y + g, y1: y + tall}},
    {anchor: "top-right", dx: -g, dy: g, box: {x0: x - g - w, x1: x - g, y0: y + g, y1: y + tall}},
    {anchor: "left", dx: g, dy: 0, box: {x0: x + g, x1: x + g + m / 2 + w, y0: y - h / 2, y1: y + h / 2}},
    {anchor: "right", dx: -g, dy: 0, box: {x0: x - g - m / 2 - w, x1: x - g, y0: y - h / 2, y1: y + h / 2}}
  ];
  const overflow = ({box}: {box: Box}) =>
    Math.max(0, -box.x0) + Math.max(0, box.x1 - width) + Math.max(0, -box.y0) + Math.max(0, box.y1 - height);
  const best = candidates.reduce((a, b) => (overflow(b) < overflow(a) ? b : a));
  return {anchor: best.anchor, dx: best.dx, dy: best.dy};
}

/** "at 58% busy": the basis of a per-MW figure counted at the scenario's utilisation. */
function busyText(utilizationFraction: number | undefined): string {
  return utilizationFraction === undefined || !Number.isFinite(utilizationFraction)
    ? "at the scenario's utilisation"
    : `at ${Math.round(utilizationFraction * 100)}% busy`;
}

/** A label's place beside its dot: offsets in px and the text's anchor. */
interface PlacedLabel {
  priceUsd: number;
  costUsdPerMTok: number;
  label: string;
  dx: number;
  dy: number;
  textAnchor: "start" | "middle" | "end";
}

/** A box in px, y down. */
interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Short labels ("H100", "MI300X"), each above its dot unless it would sit on another label, another dot or the
 * scenario's ring; then below, then left of the dot, then right. The label of a dot near the top never goes above,
 * where it would run into the y axis's title. Overlaps are judged in the SVG's pixels, where `at` puts each dot (the
 * chart's own scales) inside the plot's box `plot` (10 px text, about 6 px a character, 11 px tall, 3 px kept clear
 * either side), so a phone's narrow chart moves more labels ("custom ASIC (hypothetical)" ran into "B200" at 390 px;
 * "MI300X", below its dot, into the ringed H100 and its label, so it goes to the left of its dot). Where no place is
 * clear, the label goes below (above if it cannot).
 */
function placeLabels(
  rows: readonly SystemRow[],
  at: (r: SystemRow) => {x: number; y: number},
  plot: Box,
  highlight: string | undefined
): PlacedLabel[] {
  const innerPx = plot.x1 - plot.x0;
  const maxCost = Math.max(...rows.map((r) => r.costUsdPerMTok)) || 1;
  // Every dot (6 px) and the ring (9 px, stroke 2) is an obstacle to every label but its own.
  const dots = rows.map((r) => {
    const radius = (r.id === highlight ? 10 : 7) + 1;
    const {x, y} = at(r);
    return {id: r.id, box: {x0: x - radius, x1: x + radius, y0: y - radius, y1: y + radius}};
  });
  const taken: Box[] = [];
  const placed: PlacedLabel[] = [];
  for (const r of [...rows].sort((a, b) => b.costUsdPerMTok - a.costUsdPerMTok)) {
    // On a phone the custom chip's label drops "(hypothetical)", which the caption says (it ran into B200's at 390 px).
    const label = innerPx < 400 && isInHouse(r.name) ? "custom ASIC" : shortName(r.name);
    const w = label.length * 6;
    const {x, y} = at(r);
    const anchor = labelAnchor(x - plot.x0, label.length, innerPx);
    const dxAnchored = anchor === "start" ? -6 : anchor === "end" ? 6 : 0;
    const spanX = (left: number) => ({x0: left - 3, x1: left + w + 3});
    const vertical = (dy: number) => ({
      dx: dxAnchored,
      dy,
      textAnchor: anchor,
      box: {
        ...spanX(x + dxAnchored - (anchor === "start" ? 0 : anchor === "end" ? w : w / 2)),
        y0: y + dy - 6,
        y1: y + dy + 6
      }
    });
    const above = vertical(-16);
    const below = vertical(18);
    const left = {dx: -10, dy: 0, textAnchor: "end" as const, box: {...spanX(x - 10 - w), y0: y - 6, y1: y + 6}};
    const right = {dx: 10, dy: 0, textAnchor: "start" as const, box: {...spanX(x + 10), y0: y - 6, y1: y + 6}};
    const nearTop = r.costUsdPerMTok / maxCost > 0.9;
    const candidates = [...(nearTop ? [] : [above]), below, left, right];
    const clear = candidates.find(
      (c) =>
        c.box.x0 >= plot.x0 - 4 &&
        c.box.x1 <= plot.x1 + 24 &&
        !taken.some((box) => overlaps(box, c.box)) &&
        !dots.some((d) => d.id !== r.id && overlaps(d.box, c.box))
    );
    const chosen = clear ?? below;
    taken.push(chosen.box);
    placed.push({
      priceUsd: r.priceUsd,
      costUsdPerMTok: r.costUsdPerMTok,
      label,
      dx: chosen.dx,
      dy: chosen.dy,
      textAnchor: chosen.textAnchor
    });
  }
  return placed;
}

/**
 * Where a dot's label is anchored so that it stays within the plot: "middle" (centred over its dot) where half the
 * label fits on either side, else "start" (text to the right) near the left end or "end" near the right. The axis's
 * 10 px font is about 6 px a character. Inputs: the dot's distance from the plot's left edge, px; the label's length in
 * characters; the plot's width, px.
 */
export function labelAnchor(xPx: number, labelChars: number, plotWidthPx: number): "start" | "middle" | "end" {
  const halfPx = (labelChars * 6) / 2;
  return xPx < halfPx ? "start" : plotWidthPx - xPx < halfPx ? "end" : "middle";
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
