// The cost of a million tokens split into its parts (chip, vendor margin, servers, facility, energy, operations): one
// horizontal stacked bar per group (token kind, fleet, system). The parts of a bar sum to its total.
import * as Plot from "@observablehq/plot";
import {formatDisplayNumber, formatUsdPerMTok} from "./format.js";
import {COST_COMPONENTS, costColorScale, costComponentLabel} from "./palette.js";

/** One slice of a bar. */
export interface CostStackRow {
  /** The bar: "output tokens", "merchant GPUs"… */
  group: string;
  /** A cost component key of palette.ts COST_COMPONENTS ("energy", "vendorMargin"…). */
  component: string;
  /** USD per million tokens. */
  usdPerMTok: number;
}

export interface CostStackChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Bar order, top to bottom; default the order of first appearance. */
  groups?: string[];
}

export function CostStackChart(
  rows: readonly CostStackRow[],
  {width, height, groups, ...options}: CostStackChartOptions = {}
) {
  const domain = groups ?? [...new Set(rows.map((r) => r.group))];
  const keys = COST_COMPONENTS.map((c) => c.key as string).filter((k) => rows.some((r) => r.component === k));
  const data = rows.map((r) => ({...r, part: costComponentLabel(r.component)}));
  const totals = domain.map((group) => ({
    group,
    total: rows.filter((r) => r.group === group).reduce((sum, r) => sum + r.usdPerMTok, 0)
  }));
  const chartWidth = Math.max(width ?? 640, 260);
  // On a phone the totals drop their unit (the axis names it), so the bars keep most of the width.
  const narrow = chartWidth < 480;
  return Plot.plot({
    width: chartWidth,
    height: height ?? 90 + 44 * domain.length,
    marginLeft: Math.min(130, chartWidth * 0.32),
    marginRight: narrow ? 44 : 92,
    x: {label: "USD per million tokens →", grid: true},
    y: {label: null, domain},
    color: {legend: true, ...costColorScale(keys)},
    ...options,
    marks: [
      Plot.barX(data, {
        x: "usdPerMTok",
        y: "group",
        fill: "part",
        order: costColorScale(keys).domain,
        tip: {format: {x: (v: number) => formatUsdPerMTok(v), y: true, fill: true}}
      }),
      Plot.text(totals, {
        x: "total",
        y: "group",
        text: (d) => (narrow ? formatDisplayNumber(d.total) : formatUsdPerMTok(d.total)),
        textAnchor: "start",
        dx: 4,
        fill: "currentColor"
      }),
      Plot.ruleX([0])
    ]
  });
}
