// One day of the serving fleet: what its chip-hours cost against what its tokens earn at the price list, two horizontal
// bars, the revenue split by the price it is billed at (cached input, input not cached, output). Each bar is labelled
// with its total; the parts of a bar sum to it.
import * as Plot from "@observablehq/plot";
import {axisTickFormat, formatUsd} from "./format.js";
import {FLEET_DAY_PARTS, INK} from "./palette.js";

/** One slice of a bar. */
export interface FleetDayRow {
  /** The bar: "cost" or "revenue". */
  bar: string;
  /** A part key of palette.ts FLEET_DAY_PARTS ("chipHours", "output"…). */
  part: string;
  /** USD over the day. */
  usdPerDay: number;
  /** The series the bar belongs to (a scenario id); rows without one are a single series. */
  series?: string;
}

const COMPACT = new Intl.NumberFormat("en-US", {notation: "compact"});

export interface FleetDayChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
}

/**
 * The day's two bars from fleetDayRows (scenarioSeries.ts): `rows` of {bar, part, usdPerDay} in USD per day; each bar
 * labelled with its total, the parts coloured and named by palette.ts FLEET_DAY_PARTS. Throws nothing; an unknown part
 * is named by its key.
 */
export function FleetDayChart(rows: readonly FleetDayRow[], {width, height, ...options}: FleetDayChartOptions = {}) {
  const bars = [...new Set(rows.map((r) => r.bar))];
  const parts = FLEET_DAY_PARTS.filter((p) => rows.some((r) => r.part === p.key));
  const labelOf = (key: string) => FLEET_DAY_PARTS.find((p) => p.key === key)?.label ?? key;
  const data = rows.map((r) => ({...r, label: labelOf(r.part)}));
  const totals = bars.map((bar) => ({
    bar,
    total: rows.filter((r) => r.bar === bar).reduce((sum, r) => sum + r.usdPerDay, 0)
  }));
  const chartWidth = Math.max(width ?? 640, 260);
  return Plot.plot({
    width: chartWidth,
    height: height ?? 90 + 44 * bars.length,
    marginLeft: 64,
    // Room for the longer total ("$561,975") right of the longer bar.
    marginRight: 72,
    // Ticks in compact notation with the dollar sign, as the site's other money axes ("$100K", "$1.5M"; they read
    // "50K … 550K"; reader's audit); a phone gets fewer, so that they do not touch.
    x: {
      label: "USD per day →",
      grid: true,
      tickFormat: axisTickFormat((value: number) => `$${COMPACT.format(value)}`),
      ticks: chartWidth < 480 ? 3 : undefined
    },
    y: {label: null, domain: bars},
    color: {legend: true, domain: parts.map((p) => p.label), range: parts.map((p) => p.color)},
    ...options,
    marks: [
      Plot.barX(data, {
        x: "usdPerDay",
        y: "bar",
        fill: "label",
        order: parts.map((p) => p.label),
        tip: {format: {x: (v: number) => formatUsd(v), y: true, fill: true}}
      }),
      Plot.text(totals, {x: "total", y: "bar", text: (d) => formatUsd(d.total), textAnchor: "start", dx: 4, fill: INK}),
      Plot.ruleX([0])
    ]
  });
}
