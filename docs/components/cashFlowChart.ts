// Cumulative discounted cash flow of one or more silicon programs by month: the NRE dip, the design cycle spent under
// water, then savings once the chip ships. A dot marks each program's payback (cumulative discounted flow back to 0).
// One series is drawn in the in-house colour; several (programs at other cycles, scenarios on /compare) one colour
// each. Optionally the undiscounted cumulative flow beside it, dashed, unless it lies within a pixel of the discounted
// one: then one line is drawn, and the card says why (undiscountedCoincides).
import * as Plot from "@observablehq/plot";
import {wholeStepAxis} from "./wholeStepAxis.js";
import {axisTickFormat, formatMonth, formatUsd} from "./format.js";
import {FLEET_COLORS, INK, seriesColorScale, TEXT_HALO} from "./palette.js";
import {andList} from "../lib/units/wordList.js";

/** One month of one program (src/strategy/siliconProgram.ts SiliconProgramMonth, with a series label). */
export interface CashFlowRow {
  /** The program: "9-month cycle", a scenario id…; rows without one are a single series. */
  series?: string;
  month: number;
  cumulativeDiscountedCashFlowUsd: number;
  /** Undiscounted cumulative cash flow, USD; read only with the `undiscounted` option. */
  cumulativeCashFlowUsd?: number;
}

export interface CashFlowChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Series order and colours; default the order of first appearance. */
  series?: string[];
  /** Mark and label each program's payback month (default true). */
  payback?: boolean;
  /**
   * Each series' payback month when it is not where its line first reaches 0: a chart of each month's median over
   * draws passes the median payback month of the same draws (null: none within the horizon), which the page's figures
   * quote, so the chart and the text give one month (the median curve of asic-24-months first reaches 0 in month 34,
   * a hair under 0 in month 33, where the draws' median payback is). The dot sits on the line at that month.
   */
  paybackMonths?: Readonly<Record<string, number | null>>;
  /** Also draw the undiscounted cumulative cash flow (cumulativeCashFlowUsd), dashed (default false). */
  undiscounted?: boolean;
}

/** Default height of the chart, px. */
const HEIGHT = 280;
/** Top margin (room for the y label) and bottom margin (the x axis), px: what is left of the height is the plot's. */
const MARGIN_TOP = 28;
const MARGIN_BOTTOM = 30;

/** The series whose undiscounted line lies within a pixel of its discounted one, and why, for the card's note. */
export interface UndiscountedCoincidence {
  /** Those series, in order of first appearance ("" for rows without one); empty when every dashed line shows. */
  series: string[];
  /** True when every series' lines coincide: the chart draws no dashed line at all. */
  all: boolean;
  /**
   * "undiscounted and discounted coincide: nothing is saved within the horizon, so the only cash flow is the NRE at
   * month 0, which discounting does not move" (the chip lands after the horizon: openai-2024's 18-month cycle on 12
   * months), or "…: discounting moves them by less than a pixel"; "" when none coincide.
   */
  note: string;
}

/**
 * Which series of the chart (at `height`, px) draw their undiscounted line within a pixel of the discounted one, so
 * that the dashed line hides under the solid one; as fanHasBands tells a fan with no bands, the card then says so
 * instead of promising a dashed line (/scenarios/openai-2024 drew one line under "dashed: undiscounted").
 */
export function undiscountedCoincides(
  rows: readonly CashFlowRow[],
  {height = HEIGHT}: {height?: number} = {}
): UndiscountedCoincidence {
  const values = rows.flatMap((r) => [r.cumulativeDiscountedCashFlowUsd, r.cumulativeCashFlowUsd ?? 0, 0]);
  const usdPerPixel = (Math.max(...values) - Math.min(...values)) / Math.max(1, height - MARGIN_TOP - MARGIN_BOTTOM);
  const bySeries = rowsBySeries(rows);
  const series = [...bySeries]
    .filter(([, months]) =>
      months.every((r) => Math.abs((r.cumulativeCashFlowUsd ?? NaN) - r.cumulativeDiscountedCashFlowUsd) <= usdPerPixel)
    )
    .map(([name]) => name);
  if (series.length === 0) return {series, all: false, note: ""};
  // Nothing saved after month 0: the NRE alone, paid at month 0, where every discount factor is 1.
  const nothingSaved = series.every((name) => {
    const months = bySeries.get(name)!;
    return months.every((r) => r.cumulativeCashFlowUsd === months[0]!.cumulativeCashFlowUsd);
  });
  const all = series.length === bySeries.size;
  const which = all ? "" : ` for ${andList(series)}`;
  const why = nothingSaved
    ? "nothing is saved within the horizon, so the only cash flow is the NRE at month 0, " +
      "which discounting does not move"
    : "discounting moves the cumulative cash flow by less than a pixel";
  return {series, all, note: `undiscounted and discounted coincide${which}: ${why}`};
}

export function CashFlowChart(
  rows: readonly CashFlowRow[],
  {
    width,
    height = HEIGHT,
    series,
    payback = true,
    paybackMonths,
    undiscounted = false,
    ...options
  }: CashFlowChartOptions = {}
) {
  const domain = series ?? [...new Set(rows.map((r) => r.series ?? ""))];
  const data = rows.map((r) => ({...r, series: r.series ?? ""}));
  const paybacks = payback
    ? domain.flatMap((name) => {
        const given = paybackMonths?.[name];
        // As the library defines it (discountedPaybackMonth): the first month the cumulative discounted flow is >= 0.
        const first =
          given === undefined
            ? data.find((r) => r.series === name && r.cumulativeDiscountedCashFlowUsd >= 0)
            : data.find((r) => r.series === name && r.month === given);
        return first ? [first] : [];
      })
    : [];
  const y = (d: CashFlowRow) => d.cumulativeDiscountedCashFlowUsd;
  const yUndiscounted = (d: CashFlowRow) => d.cumulativeCashFlowUsd ?? NaN;
  const single = domain.length === 1;
  // A dashed line within a pixel of its solid one is not drawn: the card says the two coincide.
  const hidden = new Set(undiscounted ? undiscountedCoincides(rows, {height}).series : []);
  const dashed = data.filter((r) => !hidden.has(r.series));
  return Plot.plot({
    width: Math.max(width ?? 640, 260),
    height,
    marginLeft: 60, // room for "−$500M"
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    x: {label: "Month →", grid: true, ...wholeStepAxis(data.map((d) => d.month))},
    y: {
      label: undiscounted
        ? "↑ Cumulative cash flow, discounted and not (USD)"
        : "↑ Cumulative discounted cash flow (USD)",
      grid: true,
      // Ends on a tick, so a flat line at the bottom (a program that never pays back: −$273M) reads off the axis: the
      // same count for the ticks and for rounding the domain (`nice: true` rounds to 20M steps under 50M ticks).
      ticks: 6,
      nice: 6,
      tickFormat: axisTickFormat(formatUsd)
    },
    color: single ? {domain, range: [FLEET_COLORS.inHouse]} : {legend: true, ...seriesColorScale(domain)},
    ...options,
    marks: [
      Plot.ruleY([0]),
      undiscounted && dashed.length
        ? Plot.lineY(dashed, {
            x: "month",
            y: yUndiscounted,
            z: "series",
            stroke: "series",
            strokeWidth: 1.5,
            strokeOpacity: 0.8,
            strokeDasharray: "5,4"
          })
        : null,
      Plot.lineY(data, {x: "month", y, z: "series", stroke: "series", strokeWidth: 2}),
      Plot.dot(paybacks, {x: "month", y, fill: "series", r: 4, stroke: INK, strokeWidth: 0.5}),
      // Labels alternate above-left and below-right of their dots, so two paybacks months apart do not collide.
      paybackLabels(
        paybacks.filter((_, i) => i % 2 === 0),
        y,
        {dx: -6, dy: -10, textAnchor: "end"}
      ),
      paybackLabels(
        paybacks.filter((_, i) => i % 2 === 1),
        y,
        {dx: 6, dy: 12, textAnchor: "start"}
      ),
      Plot.tip(
        data,
        Plot.pointer({
          x: "month",
          y,
          stroke: "series",
          channels: {
            at: {value: "month", label: "at"},
            discounted: {value: "cumulativeDiscountedCashFlowUsd", label: "discounted"},
            ...(undiscounted ? {undiscounted: {value: "cumulativeCashFlowUsd", label: "undiscounted"}} : {})
          },
          format: {
            x: false,
            y: false,
            stroke: !single,
            at: (v: number) => formatMonth(v),
            discounted: formatUsd,
            undiscounted: formatUsd
          }
        })
      )
    ]
  });
}

/** Each series' rows ("" for rows without one), in order of first appearance. */
function rowsBySeries(rows: readonly CashFlowRow[]): Map<string, CashFlowRow[]> {
  const groups = new Map<string, CashFlowRow[]>();
  for (const r of rows) {
    const series = r.series ?? "";
    const group = groups.get(series);
    if (group) group.push(r);
    else groups.set(series, [r]);
  }
  return groups;
}

function paybackLabels(
  rows: readonly CashFlowRow[],
  y: (d: CashFlowRow) => number,
  placement: {dx: number; dy: number; textAnchor: "start" | "end"}
) {
  return Plot.text(rows, {
    x: "month",
    y,
    text: (d: CashFlowRow) => `payback, ${formatMonth(d.month)}`,
    ...placement,
    fill: INK,
    ...TEXT_HALO,
    fontSize: 10
  });
}
