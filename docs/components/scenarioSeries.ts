// A scenario's series as the story charts draw them (costStackChart, spendOverTimeChart, cashFlowChart,
// npvByCycleChart), each row tagged with the scenario id as its `series`: one scenario on its page, several on /compare.
import type {ScenarioEvaluation} from "../lib/scenario/evaluate/evaluateScenario.js";
import type {RunReport} from "../lib/scenario/run/runReport.js";
import {andList} from "../lib/units/wordList.js";
import {formatPercent, reportMedian} from "../lib/scenario/run/reportFormat.js";
import type {FanRow} from "../lib/uncertainty/fan.js";
import type {CashFlowRow} from "./cashFlowChart.js";
import type {CostStackRow} from "./costStackChart.js";
import type {FleetDayRow} from "./fleetDayChart.js";
import type {NpvByCycleRow} from "./npvByCycleChart.js";
import type {SpendMonthRow} from "./spendOverTimeChart.js";

/** What scenarioChartNames reads of a scenario: its id and its `label:` (run --json's `scenario`). */
export interface ScenarioChartNameInput {
  id: string;
  /** The scenario's short name for charts; the id when absent (a report written before `label:` existed). */
  label?: string;
}

/**
 * The name of each scenario on a chart that draws several (/compare's legends, bar labels, tips and "drawn one over
 * another" notes), by id: its `label:` (at most SCENARIO_LABEL_MAX_CHARS characters, so it fits beside a bar), else
 * its id. Two scenarios given one label are told apart by their ids ("Base case (base)"), so no two series merge.
 * The one home of a scenario's name on a chart (and in the register's scenario column on a phone, too narrow for a
 * title): the tables name scenarios by their titles, the CSV downloads by id.
 */
export function scenarioChartNames(scenarios: readonly ScenarioChartNameInput[]): Record<string, string> {
  const label = (s: ScenarioChartNameInput) => s.label || s.id;
  const duplicated = (names: readonly string[]) => {
    const counts = new Map<string, number>();
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
    return (name: string) => counts.get(name)! > 1;
  };
  const shared = duplicated(scenarios.map(label));
  const names = scenarios.map((s) => (shared(label(s)) && label(s) !== s.id ? `${label(s)} (${s.id})` : label(s)));
  // A name told apart may still meet another scenario's label ("X (a)" beside a scenario labelled "X (a)"; breaker):
  // such names become their ids, which are unique, until none is shared (each pass turns at least one into its id).
  for (let clash = duplicated(names); names.some(clash); clash = duplicated(names)) {
    const clashing = names.map(clash);
    scenarios.forEach((s, i) => {
      if (clashing[i] && names[i] !== s.id) names[i] = s.id;
    });
  }
  return Object.fromEntries(scenarios.map((s, i) => [s.id, names[i]!]));
}

/** `rows` with each `series` (a scenario id) replaced by its name from scenarioChartNames, for a chart to draw. */
export function withChartNames<T extends {series: string}>(rows: readonly T[], names: Record<string, string>): T[] {
  return rows.map((row) => ({...row, series: names[row.series] ?? row.series}));
}

/** The parts of a token's cost on owned merchant chips, in stacking order (they sum to the total). */
export const COST_PARTS = ["chipCapital", "systemCapital", "facilityCapital", "energy", "operations"] as const;

/** The token kinds of the cost bars, and their bar labels. */
const TOKENS = [
  ["output", "output tokens"],
  ["input", "input tokens"]
] as const;

/**
 * What a cost-by-part chart's two bars are against the headline cost per token, for its caption: "decode (output) and
 * prefill (input) tokens, which the headline blends at 25% input". The bars (output 4.00, input 1.26 USD/Mtok) read
 * beside a headline of 1.95 that is neither (new-user trial). Input: demand.inputShare at the point drawn (0–1); a
 * value that is not a number says only that the headline blends them.
 */
export function costBlendNote(inputShare: number | string | null | undefined): string {
  const share =
    typeof inputShare === "number" && Number.isFinite(inputShare) ? ` at ${formatPercent(inputShare)} input` : "";
  return `decode (output) and prefill (input) tokens, which the headline blends${share}`;
}

/**
 * The cost of a million output and input tokens on owned merchant chips, by part; when the scenario rents its fleet
 * (fleet.chipHourPrice), each beside the same tokens on rented chip-hours (one part: the cloud's price, which the cost
 * per token in the metrics uses), groups "output tokens, owned" and "output tokens, rented". `ownedLabel` names the
 * owned groups so without renting (for /compare, where another scenario rents: its panels then match this one's).
 */
export function costPartRows(
  series: string,
  point: ScenarioEvaluation,
  {ownedLabel = false}: {ownedLabel?: boolean} = {}
): Required<CostStackRow>[] {
  const rented = costIsRented(point);
  const rentedCost = {output: point.cost.costPerMillionOutputTokensUsd, input: point.cost.costPerMillionInputTokensUsd};
  return TOKENS.flatMap(([token, group]) => [
    ...COST_PARTS.map((component) => ({
      series,
      group: rented || ownedLabel ? `${group}, owned` : group,
      component,
      usdPerMTok: point.cost[token][component]
    })),
    ...(rented ? [{series, group: `${group}, rented`, component: "rentedChipHour", usdPerMTok: rentedCost[token]}] : [])
  ]);
}

/** True when the scenario's tokens are priced on rented chip-hours (fleet.chipHourPrice), not on owned chips. */
export function costIsRented(point: ScenarioEvaluation): boolean {
  return point.cost.rented;
}

/**
 * The cost of a million tokens (blended input and output) on owned merchant GPUs and on the custom chip, by part: the
 * silicon program's two fleets, with the same parts as costPartRows.
 */
export function siliconCostPartRows(series: string, point: ScenarioEvaluation): Required<CostStackRow>[] {
  const fleets = [
    ["merchant GPUs", point.silicon.merchantCost.perMTok],
    ["custom chip", point.silicon.customCost.perMTok]
  ] as const;
  return fleets.flatMap(([group, perMTok]) =>
    COST_PARTS.map((component) => ({series, group, component, usdPerMTok: perMTok[component]}))
  );
}

/**
 * One day of the fleet: its cost (chips × price of a chip-hour × 24 h) and its revenue by the price each token is
 * billed at. The revenue parts are the list price's, scaled by revenue ÷ list revenue: every tier (standard, batch,
 * priority) sells the same token mix (src/tco/priceList.ts), so each part takes the tiers' discounts and premiums in
 * the same proportion, and the parts sum to the day's revenue.
 */
export function fleetDayRows(series: string, point: ScenarioEvaluation): Required<FleetDayRow>[] {
  const {listRevenueByKindUsd: byKind, listRevenueUsd, revenueUsd, costUsd} = point.priceList;
  const tiers = listRevenueUsd > 0 ? revenueUsd / listRevenueUsd : 0;
  return [
    {series, bar: "cost", part: "chipHours", usdPerDay: costUsd},
    {series, bar: "revenue", part: "cacheHitInput", usdPerDay: byKind.cacheHitInput * tiers},
    {series, bar: "revenue", part: "cacheMissInput", usdPerDay: byKind.cacheMissInput * tiers},
    {series, bar: "revenue", part: "output", usdPerDay: byKind.output * tiers}
  ];
}

/** The moat's four cases, month by month: cumulative gross profit in USD (the moat chart's rows, and its CSV). */
export function moatRows(series: string, point: ScenarioEvaluation) {
  return point.moat.months.map((m) => ({
    series,
    month: m.month,
    cumulativeBaselineGrossProfitUsd: m.cumulativeBaselineGrossProfitUsd,
    cumulativeModelLeadGrossProfitUsd: m.cumulativeModelLeadGrossProfitUsd,
    cumulativeCostLeadGrossProfitUsd: m.cumulativeCostLeadGrossProfitUsd,
    cumulativeBothGrossProfitUsd: m.cumulativeBothGrossProfitUsd
  }));
}

/** The flywheel with the loop closed and open, month by month (the flywheel chart's rows, and its CSV). */
export function flywheelRows(series: string, point: ScenarioEvaluation) {
  return point.flywheel.months.map((m) => ({series, ...m}));
}

/** Training vs inference spend, month by month over the horizon. */
export function spendRows(series: string, point: ScenarioEvaluation): Required<SpendMonthRow>[] {
  return point.spend.months.map((m) => ({
    series,
    month: m.month,
    cumulativeTrainingSpendUsd: m.cumulativeTrainingSpendUsd,
    cumulativeInferenceSpendUsd: m.cumulativeInferenceSpendUsd,
    trainingSpendUsd: m.trainingSpendUsd,
    inferenceSpendUsd: m.inferenceSpendUsd
  }));
}

/**
 * Which series a chart with one line per series draws one over the other: for each named line (`lines`: its name in
 * the chart's key, and the row field it draws), the series whose values are equal in every row, in row order. Rows:
 * `series` and the fields, each series' rows in month order. Output: "" when no two lines coincide, else e.g. "base and
 * asic-24-months (inference and training)" (/compare's spend chart: asic-24-months changes only the silicon program,
 * so its spend lines hide base's, which looked missing).
 */
export function coincidingLines<T extends {series: string}>(
  rows: readonly T[],
  lines: Readonly<Record<string, keyof T>>
): string {
  const groups = new Map<string, {series: string[]; lines: string[]}>();
  for (const [line, field] of Object.entries(lines)) {
    const values = new Map<string, unknown[]>();
    for (const row of rows) values.set(row.series, [...(values.get(row.series) ?? []), row[field]]);
    const bySeries = new Map<string, string[]>();
    for (const [series, v] of values) {
      const key = JSON.stringify(v);
      bySeries.set(key, [...(bySeries.get(key) ?? []), series]);
    }
    for (const series of bySeries.values()) {
      if (series.length < 2) continue;
      const key = JSON.stringify(series);
      const group = groups.get(key) ?? {series, lines: []};
      group.lines.push(line);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map((g) => `${andList(g.series)} (${andList(g.lines)})`).join("; ");
}

/** How many times the largest series must reach past the next before dwarfedLines names it. */
export const DWARFED_RATIO = 10;

/**
 * The series of a chart of several scenarios that flatten the others: each series' reach is its largest |value| over
 * `fields`; a series whose reach is at least DWARFED_RATIO times that of every series outside the returned list is
 * named, the largest first ("Agent era"), with the others' largest reach (what the rest would be drawn at). /compare's
 * cash-flow chart ran to $54B on agent-era while base and the ASIC scenarios moved within $3B, drawn as flat lines
 * (trial). Output: null when no series stands so far apart, or fewer than two series are drawn.
 */
export function dwarfedLines<T extends {series: string}>(
  rows: readonly T[],
  fields: readonly (keyof T)[]
): {series: string[]; restReach: number} | null {
  const reach = new Map<string, number>();
  for (const row of rows) {
    for (const field of fields) {
      const value = Math.abs(Number(row[field]));
      if (Number.isFinite(value)) reach.set(row.series, Math.max(reach.get(row.series) ?? 0, value));
    }
  }
  const sorted = [...reach].sort((a, b) => b[1] - a[1]);
  if (sorted.length < 2) return null;
  // The widest gap between consecutive reaches, largest first: the series above it dwarf those below.
  for (let cut = 1; cut < sorted.length; cut++) {
    const above = sorted[cut - 1]![1];
    const below = sorted[cut]![1];
    if (below > 0 && above >= DWARFED_RATIO * below) {
      return {series: sorted.slice(0, cut).map(([series]) => series), restReach: below};
    }
  }
  return null;
}

/** One month of the custom-silicon program: cash flows against serving everything on merchant chips. */
export interface SiliconRow extends Required<CashFlowRow> {
  customShare: number;
  savingsUsd: number;
  nreUsd: number;
}

/**
 * The silicon program month by month (the cash-flow chart's rows, and its CSV). With `discountedMedians` (the run's
 * siliconCumulativeDiscountedCashFlowUsd band, step = month), the discounted curve is each month's median over the
 * draws, so it ends at the NPV the cards show; the other columns are the point's.
 */
export function siliconRows(
  series: string,
  point: ScenarioEvaluation,
  discountedMedians: readonly FanRow[] | null = null
): SiliconRow[] {
  const median = new Map(discountedMedians?.map((r) => [r.step, r.p50]));
  return point.silicon.months.map((m) => ({
    series,
    month: m.month,
    customShare: m.customShare,
    savingsUsd: m.savingsUsd,
    nreUsd: m.nreUsd,
    cumulativeCashFlowUsd: m.cumulativeCashFlowUsd,
    cumulativeDiscountedCashFlowUsd: median.get(m.month) ?? m.cumulativeDiscountedCashFlowUsd
  }));
}

/**
 * The program's NPV at every whole design cycle, all else equal, from 0 to the horizon, then flat (no chip within the
 * horizon) out to `throughCycleMonths` when that is longer (the scenario's own cycle, rounded up). With `medians`
 * (the run's siliconNpvByDesignCycleUsd band), each cycle's median over the draws instead of the point's NPV: the
 * NPV moves with several uncertain keys at once, so the point's differs from the cards' median (asic-9-months: $2.35B
 * against $2.32B).
 */
export function cycleRows(
  series: string,
  point: ScenarioEvaluation,
  throughCycleMonths = 0,
  medians: readonly FanRow[] | null = null
): Required<NpvByCycleRow>[] {
  const rows = medians
    ? medians.map((r) => ({series, designCycleMonths: r.step, npvUsd: r.p50}))
    : point.silicon.npvByDesignCycle.map((c) => ({
        series,
        designCycleMonths: c.designCycleMonths,
        npvUsd: c.npvUsd
      }));
  // The library's curve ends at the horizon: a chip designed for longer lands after it and saves nothing within it,
  // so the NPV stays the last point's (the NRE alone) out to the scenario's own cycle, which the chart marks
  // (openai-2024: an 18-month cycle on a 12-month horizon showed its mark beyond the curve's end).
  const last = rows.at(-1);
  if (last && throughCycleMonths > last.designCycleMonths) {
    rows.push({...last, designCycleMonths: Math.ceil(throughCycleMonths)});
  }
  return rows;
}

/**
 * The program at the scenario's own design cycle (`designCycleMonths`, which may fall between whole months): its NPV
 * at the point, or `npvMedian` (the metric's median over the draws) where the chart draws the bands' medians.
 */
export function currentCycleRow(
  series: string,
  designCycleMonths: number,
  point: ScenarioEvaluation,
  npvMedian: number | null = null
): Required<NpvByCycleRow> {
  return {series, designCycleMonths, npvUsd: npvMedian ?? point.silicon.npvUsd};
}

/**
 * What the silicon program's charts draw instead of the point where a run's medians are at hand (a scenario page's
 * state, from the static report or, after a move, its worker's run; /compare's reports): the discounted cash flow's
 * and the NPV-by-cycle curve's bands, and the NPV's median (siliconRows, cycleRows, currentCycleRow). All null without
 * a run or without bands (nothing uncertain, or a Monte Carlo that failed).
 */
export function programMedians(run: Pick<RunReport, "bands" | "metrics"> | null): {
  discounted: readonly FanRow[] | null;
  byCycle: readonly FanRow[] | null;
  npvUsd: number | null;
} {
  const bands = run?.bands ?? null;
  return {
    discounted: bands?.siliconCumulativeDiscountedCashFlowUsd ?? null,
    byCycle: bands?.siliconNpvByDesignCycleUsd ?? null,
    npvUsd: bands ? reportMedian(run!.metrics.siliconNpvUsd) : null
  };
}

/**
 * Rows for a CSV download, with the series column named for what it holds ("scenario"): the CSV keeps the columns
 * readers have downloaded before.
 */
export function csvRows<T extends {series: string}>(rows: readonly T[]): Array<{scenario: string} & Omit<T, "series">> {
  return rows.map(({series, ...rest}) => ({scenario: series, ...rest}));
}
