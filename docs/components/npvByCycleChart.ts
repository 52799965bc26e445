// The silicon program's net present value against its design cycle: the same chip, demand and horizon, shipped sooner
// or later. The cycles the story argues about (9, 18, 24, 36 months) are labelled, and the page's current cycle ringed.
import * as Plot from "@observablehq/plot";
import {formatUsd} from "./format.js";
import {ACCENT, HIGHLIGHT} from "./palette.js";

/** One design cycle (src/strategy/siliconProgram.ts SiliconProgramCyclePoint). */
export interface NpvByCycleRow {
  designCycleMonths: number;
  npvUsd: number;
}

export interface NpvByCycleChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Cycles to label with their NPV; default 9, 18, 24 and 36 months. */
  marked?: readonly number[];
  /** The cycle the page evaluates at, ringed in the highlight colour. */
  current?: number | null;
  /** Longest cycle shown, months; default 48. */
  maxCycle?: number;
}

const MILLION = 1e6;

export function NpvByCycleChart(
  rows: readonly NpvByCycleRow[],
  {
    width,
    height = 280,
    marked = [9, 18, 24, 36],
    current = null,
    maxCycle = 48,
    ...options
  }: NpvByCycleChartOptions = {}
) {
  const data = rows.filter((r) => r.designCycleMonths <= maxCycle);
  const labelled = data.filter((r) => marked.includes(r.designCycleMonths));
  const ringed = data.filter((r) => r.designCycleMonths === current);
  const chartWidth = Math.max(width ?? 640, 260);
  const tipFormat = {x: (v: number) => `${v} months`, y: (v: number) => formatUsd(v * MILLION)};
  return Plot.plot({
    width: chartWidth,
    height,
    marginLeft: 56,
    marginRight: 24,
    marginTop: 28,
    x: {label: "Design cycle (months) →", grid: true, insetRight: 8},
    y: {label: "↑ NPV of the program (million USD)", grid: true, insetTop: 16},
    ...options,
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, {
        x: "designCycleMonths",
        y: (d: NpvByCycleRow) => d.npvUsd / MILLION,
        stroke: ACCENT,
        strokeWidth: 2
      }),
      Plot.dot(labelled, {x: "designCycleMonths", y: (d: NpvByCycleRow) => d.npvUsd / MILLION, fill: ACCENT, r: 4}),
      Plot.text(labelled, {
        x: "designCycleMonths",
        y: (d: NpvByCycleRow) => d.npvUsd / MILLION,
        text: (d: NpvByCycleRow) => `${d.designCycleMonths} mo: ${formatUsd(d.npvUsd)}`,
        dy: -12,
        textAnchor: "start",
        dx: -6,
        fill: "currentColor",
        stroke: "var(--theme-background)",
        strokeWidth: 3,
        paintOrder: "stroke",
        fontSize: 10
      }),
      Plot.dot(ringed, {
        x: "designCycleMonths",
        y: (d: NpvByCycleRow) => d.npvUsd / MILLION,
        r: 8,
        stroke: HIGHLIGHT,
        strokeWidth: 2.5
      }),
      Plot.tip(
        data,
        Plot.pointerX({x: "designCycleMonths", y: (d: NpvByCycleRow) => d.npvUsd / MILLION, format: tipFormat})
      )
    ]
  });
}
