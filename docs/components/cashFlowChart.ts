// Cumulative discounted cash flow of one or more silicon programs by month: the NRE dip, the design cycle spent under
// water, then savings once the chip ships. A dot marks each program's payback (cumulative discounted flow back to 0).
// One series is drawn in the in-house colour; several (programs at other cycles, scenarios on /compare) one colour
// each. Optionally the undiscounted cumulative flow beside it, dashed.
import * as Plot from "@observablehq/plot";
import {wholeStepAxis} from "./wholeStepAxis.js";
import {formatMonth, formatUsd} from "./format.js";
import {FLEET_COLORS, INK, seriesColorScale, TEXT_HALO} from "./palette.js";

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
  /** Also draw the undiscounted cumulative cash flow (cumulativeCashFlowUsd), dashed (default false). */
  undiscounted?: boolean;
}

export function CashFlowChart(
  rows: readonly CashFlowRow[],
  {width, height = 280, series, payback = true, undiscounted = false, ...options}: CashFlowChartOptions = {}
) {
  const domain = series ?? [...new Set(rows.map((r) => r.series ?? ""))];
  const data = rows.map((r) => ({...r, series: r.series ?? ""}));
  const paybacks = payback
    ? domain.flatMap((name) => {
        // As the library defines it (discountedPaybackMonth): the first month the cumulative discounted flow is >= 0.
        const first = data.find((r) => r.series === name && r.cumulativeDiscountedCashFlowUsd >= 0);
        return first ? [first] : [];
      })
    : [];
  const y = (d: CashFlowRow) => d.cumulativeDiscountedCashFlowUsd;
  const yUndiscounted = (d: CashFlowRow) => d.cumulativeCashFlowUsd ?? NaN;
  const single = domain.length === 1;
  return Plot.plot({
    width: Math.max(width ?? 640, 260),
    height,
    marginLeft: 60, // room for "−$500M"
    marginTop: 28,
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
      tickFormat: (v: number) => formatUsd(v)
    },
    color: single ? {domain, range: [FLEET_COLORS.inHouse]} : {legend: true, ...seriesColorScale(domain)},
    ...options,
    marks: [
      Plot.ruleY([0]),
      undiscounted
        ? Plot.lineY(data, {
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
