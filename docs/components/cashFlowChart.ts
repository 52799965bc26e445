// Cumulative discounted cash flow of one or more silicon programs by month: the NRE dip, the design cycle spent under
// water, then savings once the chip ships. A dot marks each program's payback (cumulative discounted flow back to 0).
import * as Plot from "@observablehq/plot";
import {formatUsd} from "./format.js";
import {HUES} from "./palette.js";

/** One month of one program (src/strategy/siliconProgram.ts SiliconProgramMonth, with a series label). */
export interface CashFlowRow {
  /** The program: "9-month cycle"… */
  series: string;
  month: number;
  cumulativeDiscountedCashFlowUsd: number;
}

export interface CashFlowChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Series order and colours; default the order of first appearance. */
  series?: string[];
}

const MILLION = 1e6;
const COLORS = [HUES.teal, HUES.grey, HUES.purple, HUES.yellow];

export function CashFlowChart(
  rows: readonly CashFlowRow[],
  {width, height = 280, series, ...options}: CashFlowChartOptions = {}
) {
  const domain = series ?? [...new Set(rows.map((r) => r.series))];
  const payback = domain.flatMap((name) => {
    const months = rows.filter((r) => r.series === name);
    // As the library defines it (discountedPaybackMonth): the first month the cumulative discounted flow is >= 0.
    const first = months.find((r) => r.cumulativeDiscountedCashFlowUsd >= 0);
    return first ? [first] : [];
  });
  const y = (d: CashFlowRow) => d.cumulativeDiscountedCashFlowUsd / MILLION;
  return Plot.plot({
    width: Math.max(width ?? 640, 260),
    height,
    marginLeft: 56,
    marginTop: 28,
    x: {label: "Month →", grid: true},
    y: {label: "↑ Cumulative discounted cash flow (million USD)", grid: true},
    color: {legend: true, domain, range: COLORS.slice(0, domain.length)},
    ...options,
    marks: [
      Plot.ruleY([0]),
      Plot.lineY(rows, {x: "month", y, stroke: "series", strokeWidth: 2}),
      Plot.dot(payback, {x: "month", y, fill: "series", r: 4, stroke: "currentColor", strokeWidth: 0.5}),
      // Labels alternate above-left and below-right of their dots, so two paybacks months apart do not collide.
      paybackLabels(
        payback.filter((_, i) => i % 2 === 0),
        y,
        {dx: -6, dy: -10, textAnchor: "end"}
      ),
      paybackLabels(
        payback.filter((_, i) => i % 2 === 1),
        y,
        {dx: 6, dy: 12, textAnchor: "start"}
      ),
      Plot.tip(
        rows,
        Plot.pointer({
          x: "month",
          y,
          stroke: "series",
          format: {x: (v: number) => `month ${v}`, y: (v: number) => formatUsd(v * MILLION), stroke: true}
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
    text: (d: CashFlowRow) => `payback, month ${d.month}`,
    ...placement,
    fill: "currentColor",
    stroke: "var(--theme-background)",
    strokeWidth: 3,
    paintOrder: "stroke",
    fontSize: 10
  });
}
