// The silicon program's net present value against its design cycle: the same chip, demand and horizon, shipped sooner
// or later. The cycles the story argues about (9, 18, 24, 36 months) are labelled, and the page's current cycle ringed.
// One series is drawn in the in-house colour; several (a `series` column, scenario ids on /compare) one colour each.
import * as Plot from "@observablehq/plot";
import {axisTickFormat, formatMonths, formatUsd} from "./format.js";
import {FLEET_COLORS, HIGHLIGHT, INK, seriesColorScale, TEXT_HALO} from "./palette.js";

/** One design cycle (src/strategy/siliconProgram.ts SiliconProgramCyclePoint). */
export interface NpvByCycleRow {
  designCycleMonths: number;
  npvUsd: number;
  /** The series the point belongs to (a scenario id); rows without one are a single series. */
  series?: string;
}

export interface NpvByCycleChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Cycles to label with their NPV; default 9, 18, 24 and 36 months. */
  marked?: readonly number[];
  /**
   * Where the page is, ringed: a cycle (months) on the curve, or the points themselves (each series' own cycle and
   * NPV, which may fall between whole months).
   */
  current?: number | null | readonly NpvByCycleRow[];
  /** Longest cycle shown, months; default 48. */
  maxCycle?: number;
  /** Series order and colours; default the order of first appearance. */
  series?: string[];
}

export function NpvByCycleChart(
  rows: readonly NpvByCycleRow[],
  {
    width,
    height = 280,
    marked = [9, 18, 24, 36],
    current = null,
    maxCycle = 48,
    series,
    ...options
  }: NpvByCycleChartOptions = {}
) {
  const data = rows.filter((r) => r.designCycleMonths <= maxCycle).map((r) => ({...r, series: r.series ?? ""}));
  const domain = series ?? [...new Set(data.map((r) => r.series))];
  const single = domain.length === 1;
  const labelled = data.filter((r) => marked.includes(r.designCycleMonths));
  const ringed =
    typeof current === "number"
      ? data.filter((r) => r.designCycleMonths === current)
      : (current ?? []).map((r) => ({...r, series: r.series ?? ""}));
  const chartWidth = Math.max(width ?? 640, 260);
  const y = (d: NpvByCycleRow) => d.npvUsd;
  return Plot.plot({
    width: chartWidth,
    height,
    marginLeft: 60, // room for "−$500M"
    marginRight: 24,
    marginTop: 28,
    x: {label: "Design cycle (months) →", grid: true, insetRight: 8},
    y: {
      label: "↑ NPV of the program (USD)",
      grid: true,
      nice: true,
      insetTop: 22,
      tickFormat: axisTickFormat(formatUsd)
    },
    color: single ? {domain, range: [FLEET_COLORS.inHouse]} : {legend: true, ...seriesColorScale(domain)},
    ...options,
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(data, {x: "designCycleMonths", y, z: "series", stroke: "series", strokeWidth: 2}),
      Plot.dot(labelled, {x: "designCycleMonths", y, fill: "series", r: 4}),
      Plot.text(labelled, {
        x: "designCycleMonths",
        y,
        text: (d: NpvByCycleRow) => `${d.designCycleMonths} mo: ${formatUsd(d.npvUsd)}`,
        // Clear of the 8 px ring (its 2.5 px stroke included) that marks the scenario's own cycle: at −12 the ring
        // crossed the label's baseline (new-user trial).
        dy: -18,
        textAnchor: "start",
        dx: -6,
        fill: INK,
        ...TEXT_HALO,
        fontSize: 10
      }),
      Plot.dot(ringed, {x: "designCycleMonths", y, r: 8, stroke: HIGHLIGHT, strokeWidth: 2.5}),
      Plot.tip(
        data,
        Plot.pointerX({
          x: "designCycleMonths",
          y,
          stroke: "series",
          channels: {
            cycle: {value: "designCycleMonths", label: "design cycle"},
            npv: {value: "npvUsd", label: "NPV"}
          },
          format: {x: false, y: false, stroke: !single, cycle: (v: number) => formatMonths(v), npv: formatUsd}
        })
      )
    ]
  });
}
