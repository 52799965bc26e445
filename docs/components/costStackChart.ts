// The cost of a million tokens split into its parts (chip, vendor margin, servers, facility, energy, operations): one
// horizontal stacked bar per group (token kind, fleet, system), labelled with its total. The parts of a bar sum to its
// total. With a `series` column (scenario names on /compare) each group becomes a panel with one bar per series.
import * as Plot from "@observablehq/plot";
import {facetTitles} from "./facetTitles.js";
import {formatPriceNumber, formatUsdPerMTok} from "./format.js";
import {COST_COMPONENTS, costColorScale, costComponentLabel, INK} from "./palette.js";

/** One slice of a bar. */
export interface CostStackRow {
  /** The bar: "output tokens", "merchant GPUs"… */
  group: string;
  /** A cost component key of palette.ts COST_COMPONENTS ("energy", "vendorMargin"…). */
  component: string;
  /** USD per million tokens. */
  usdPerMTok: number;
  /** The series the bar belongs to (a scenario's name, scenarioSeries.ts scenarioChartNames); rows without one are a
   * single series. */
  series?: string;
}

export interface CostStackChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Bar order, top to bottom (panel order with several series); default the order of first appearance. */
  groups?: string[];
  /** Series order within each panel; default the order of first appearance. */
  series?: string[];
}

export function CostStackChart(
  rows: readonly CostStackRow[],
  {width, height, groups, series, ...options}: CostStackChartOptions = {}
) {
  const domain = groups ?? [...new Set(rows.map((r) => r.group))];
  const seriesDomain = series ?? [...new Set(rows.flatMap((r) => (r.series === undefined ? [] : [r.series])))];
  const many = seriesDomain.length > 1;
  const keys = COST_COMPONENTS.map((c) => c.key as string).filter((k) => rows.some((r) => r.component === k));
  const colors = costColorScale(keys);
  const data = rows.map((r) => ({...r, part: costComponentLabel(r.component)}));
  // A total per bar that has parts: a series without a bar in a group (a scenario that owns its chips, on /compare
  // beside one that rents) gets no "0", which would read as free.
  const totals = domain.flatMap((group) =>
    (many ? seriesDomain : [undefined]).flatMap((name) => {
      const parts = rows.filter((r) => r.group === group && (name === undefined || r.series === name));
      return parts.length === 0 ? [] : [{group, series: name, total: parts.reduce((sum, r) => sum + r.usdPerMTok, 0)}];
    })
  );
  const chartWidth = Math.max(width ?? 640, 260);
  // On a phone the totals drop their unit (the axis names it), so the bars keep most of the width.
  const narrow = chartWidth < 480;
  // One bar per group, or with several series a panel per group (fy) and a bar per series (y).
  const y = many ? "series" : "group";
  const fy = many ? "group" : undefined;
  const marginLeft = Math.min(many ? 150 : 130, chartWidth * 0.32);
  return Plot.plot({
    width: chartWidth,
    height: height ?? (many ? 60 + (30 * seriesDomain.length + 30) * domain.length : 90 + 44 * domain.length),
    marginLeft,
    marginRight: narrow ? 44 : 92,
    // A phone's ~200 px of bars got Plot's default of one tick per 80 px: 0 and 2 alone; ask for about four.
    x: {label: "USD per million tokens →", grid: true, ...(narrow ? {ticks: 4} : {})},
    // With panels, each panel's group is written above its bars, inside the frame (no facet axis to clip).
    // On a phone a bar's two-part name ("output tokens, rented") takes two lines, so the margin never clips it.
    y: {
      label: null,
      domain: many ? seriesDomain : domain,
      // A scenario's name longer than the margin breaks at a space or after a hyphen ("Cost lead vs" / "model lead"
      // at 390 px).
      ...(many
        ? {insetTop: 18, tickFormat: (d: string) => breakLabel(d, Math.floor((marginLeft - 4) / 6))}
        : narrow
          ? {tickFormat: (d: string) => d.replace(", ", ",\n")}
          : {})
    },
    ...(many ? {fy: {axis: null, domain, padding: 0.1}} : {}),
    color: {legend: true, ...colors},
    ...options,
    marks: [
      Plot.barX(data, {
        x: "usdPerMTok",
        y,
        fy,
        fill: "part",
        order: colors.domain,
        tip: {format: {x: (v: number) => formatUsdPerMTok(v), y: true, ...(many ? {fy: true} : {}), fill: true}}
      }),
      Plot.text(totals, {
        x: "total",
        y,
        fy,
        text: (d) => (narrow ? formatPriceNumber(d.total) : formatUsdPerMTok(d.total)),
        textAnchor: "start",
        dx: 4,
        fill: INK
      }),
      many ? facetTitles(domain) : null,
      Plot.ruleX([0])
    ]
  });
}

/**
 * `label` in lines of at most `maxChars` characters where it can be (the axis's 10 px font is about 6 px a character),
 * each broken at its last space (dropped) or after its last hyphen (kept) that fits: "Cost lead vs model lead" at 17
 * → "Cost lead vs\nmodel lead", "cost-lead-vs-model-lead" at 17 → "cost-lead-vs-\nmodel-lead". A part with nowhere
 * to break stays whole.
 */
export function breakLabel(label: string, maxChars: number): string {
  const lines: string[] = [];
  let rest = label;
  while (rest.length > maxChars) {
    const space = rest.lastIndexOf(" ", maxChars);
    const hyphen = rest.lastIndexOf("-", maxChars - 1);
    if (space <= 0 && hyphen <= 0) break;
    if (space > hyphen) {
      lines.push(rest.slice(0, space));
      rest = rest.slice(space + 1);
    } else {
      lines.push(rest.slice(0, hyphen + 1));
      rest = rest.slice(hyphen + 1);
    }
  }
  return [...lines, rest].join("\n");
}
