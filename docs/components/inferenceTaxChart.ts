// What the inference tax costs each year: spend on the merchant fleet against the same fleet on in-house silicon;
// the gap is the tax recovered, labelled above each pair.
import * as Plot from "@observablehq/plot";
import {axisTickFormat, formatUsd} from "./format.js";
import {FLEET_COLORS, INK} from "./palette.js";

/** A year of src/strategy/inferenceTax.ts (the fields the chart reads). */
export interface TaxYearRow {
  year: number;
  merchantSpendUsd: number;
  inHouseSpendUsd: number;
  recoveredUsd: number;
}

export interface InferenceTaxChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
}

const FLEETS = ["merchant", "in-house"];

export function InferenceTaxChart(
  years: readonly TaxYearRow[],
  {width, height = 300, ...options}: InferenceTaxChartOptions = {}
) {
  const rows = years.flatMap((y) => [
    {year: `year ${y.year}`, fleet: "merchant", usd: y.merchantSpendUsd, recovered: y.recoveredUsd},
    {year: `year ${y.year}`, fleet: "in-house", usd: y.inHouseSpendUsd, recovered: y.recoveredUsd}
  ]);
  const chartWidth = Math.max(width ?? 640, 260);
  return Plot.plot({
    width: chartWidth,
    height,
    marginLeft: 60,
    marginTop: 40,
    fx: {label: null, padding: 0.15},
    x: {axis: null, domain: FLEETS},
    y: {label: "↑ Serving spend in the year (USD)", grid: true, tickFormat: axisTickFormat(formatUsd)},
    color: {legend: true, domain: FLEETS, range: [FLEET_COLORS.merchant, FLEET_COLORS.inHouse]},
    ...options,
    marks: [
      Plot.barY(rows, {
        fx: "year",
        x: "fleet",
        y: "usd",
        fill: "fleet",
        tip: {
          channels: {recovered: {value: "recovered", label: "tax recovered"}},
          format: {
            fx: true,
            x: false,
            fill: true,
            y: (v: number) => formatUsd(v),
            recovered: (v: number) => formatUsd(v)
          }
        }
      }),
      // The tax recovered, named, above the merchant bar (the spend it is taken from): a bare amount there read as that
      // bar's height ("$1.11B" atop a $2.8B bar).
      Plot.text(
        rows.filter((r) => r.fleet === "merchant"),
        {
          fx: "year",
          x: "fleet",
          y: "usd",
          text: (d: {recovered: number}) => `saves\n${formatUsd(d.recovered)}`,
          lineAnchor: "bottom",
          dy: -4,
          dx: 6,
          fill: INK,
          fontSize: 10
        }
      ),
      Plot.ruleY([0])
    ]
  });
}
