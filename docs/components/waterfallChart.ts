// A waterfall: each step a floating bar from the running total before it to the running total after it, then a
// total bar, one panel per series (merchant GPU, custom chip) side by side. The steps of a series sum to its total
// bar by construction. Used for the inference-tax waterfall (USD per million tokens, silicon to list price) and the
// chip's unit cost (USD per chip, die to price) on the custom-silicon chapter.
import * as Plot from "@observablehq/plot";
import {facetTitles} from "./facetTitles.js";
import {INK, WATERFALL_STEPS} from "./palette.js";

/** One step of one series. */
export interface WaterfallRow {
  /** The panel: "merchant GPU", "custom chip". */
  series: string;
  /** A step key of palette.ts WATERFALL_STEPS ("logicDie", "providerMargin"…). */
  step: string;
  value: number;
}

export interface WaterfallChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Label of the closing total bar ("list price"). */
  totalLabel?: string;
  /** Axis label, with its arrow ("USD per million tokens →"). */
  valueLabel?: string;
  /** How a value is written at the end of its bar. */
  format?: (value: number) => string;
  /**
   * Running totals drawn as bars of their own from zero, after the step they close, e.g. {after: "idleCapacity",
   * label: "cost"}: what the steps so far add up to, labelled, before the steps that lead on to the total.
   */
  subtotals?: readonly {after: string; label: string}[];
}

const stepLabel = (key: string) => WATERFALL_STEPS.find((s) => s.key === key)?.label ?? key;
const stepColor = (key: string) => WATERFALL_STEPS.find((s) => s.key === key)?.color ?? INK;
/**
 * A bar's tooltip: "H100 · HBM: 0.12", and what the step is where its label alone does not say ("cost of sales, not
 * itemised": what the price leaves after the seller's margin and the priced parts).
 */
export function barTitle(
  bar: {series: string; label: string; value: number; note?: string},
  format: (value: number) => string
): string {
  return `${bar.series} · ${bar.label}: ${format(bar.value)}${bar.note ? ` — ${bar.note}` : ""}`;
}

/** A step's explanation for its tooltip, where its label alone does not say what it is. */
const stepNote = (key: string) => {
  const step = WATERFALL_STEPS.find((s) => s.key === key);
  return step && "note" in step ? step.note : undefined;
};

export function WaterfallChart(
  rows: readonly WaterfallRow[],
  {
    width,
    height,
    totalLabel = "total",
    valueLabel = "USD →",
    format = (v: number) => v.toPrecision(3),
    subtotals = [],
    ...options
  }: WaterfallChartOptions = {}
) {
  const series = [...new Set(rows.map((r) => r.series))];
  const steps = [...new Set(rows.map((r) => r.step))];
  const bars = series.flatMap((name) => {
    let running = 0;
    const out = rows
      .filter((r) => r.series === name)
      .flatMap((r) => {
        const start = running;
        running += r.value;
        const bar = {
          series: name,
          label: stepLabel(r.step),
          start,
          end: running,
          value: r.value,
          color: stepColor(r.step),
          note: stepNote(r.step),
          subtotal: false
        };
        const subtotal = subtotals.find((t) => t.after === r.step);
        return subtotal
          ? [
              bar,
              {series: name, label: subtotal.label, start: 0, end: running, value: running, color: INK, subtotal: true}
            ]
          : [bar];
      });
    out.push({series: name, label: totalLabel, start: 0, end: running, value: running, color: INK, subtotal: false});
    return out;
  });
  const labels = [
    ...steps.flatMap((step) => {
      const subtotal = subtotals.find((t) => t.after === step);
      return subtotal ? [stepLabel(step), subtotal.label] : [stepLabel(step)];
    }),
    totalLabel
  ];
  const chartWidth = Math.max(width ?? 640, 280);
  const narrow = chartWidth < 560;
  const marginLeft = Math.min(150, chartWidth * 0.4);
  return Plot.plot({
    width: chartWidth,
    height: height ?? 50 + (24 * labels.length + (narrow ? 24 : 0)) * (narrow ? series.length : 1),
    marginLeft,
    marginRight: 56,
    // Side by side on a wide screen; stacked on a phone, where two panels would squeeze the bars. Stacked panels are
    // named inside their frame (no facet axis to clip on the right).
    // Side by side, a wider gap than Plot's default 0.1 leaves room for the value written past a panel's longest bar.
    ...(narrow ? {fy: {domain: series, axis: null, padding: 0.08}} : {fx: {domain: series, label: null, padding: 0.2}}),
    x: {label: valueLabel, grid: true, nice: true},
    y: {label: null, domain: labels, ...(narrow ? {insetTop: 18} : {})},
    ...options,
    marks: [
      // Step labels wider than the margin ("cost of sales, not itemised" on a phone) wrap onto a second line instead of
      // running off the card (lineWidth is in ems of the 10 px axis font).
      Plot.axisY({label: null, lineWidth: (marginLeft - 12) / 10}),
      Plot.barX(bars, {
        x1: "start",
        x2: "end",
        y: "label",
        ...(narrow ? {fy: "series"} : {fx: "series"}),
        fill: "color",
        // A subtotal in the total's ink, lighter, so that the closing total still reads as the end.
        fillOpacity: (d) => (d.subtotal ? 0.5 : 1),
        insetTop: 2,
        insetBottom: 2,
        tip: {format: {x1: false, x2: false, fill: false}},
        title: (d) => barTitle(d, format)
      }),
      Plot.text(bars, {
        x: (d) => Math.max(d.start, d.end),
        y: "label",
        ...(narrow ? {fy: "series"} : {fx: "series"}),
        text: (d) => format(d.value),
        textAnchor: "start",
        dx: 3,
        fontSize: 10,
        fill: INK
      }),
      narrow ? facetTitles(series) : null,
      Plot.ruleX([0])
    ]
  });
}
