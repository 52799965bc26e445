// The flywheel with its loop closed and open: one quantity (cost per token, users…) by month for each.
import * as Plot from "@observablehq/plot";
import {wholeCountAxis, wholeStepAxis} from "./wholeStepAxis.js";
import type {FlywheelComparisonMonth} from "../lib/strategy/flywheel.js";
import {axisTickFormat, formatCount, formatDisplayNumber, formatMonths, formatUsdPerMTok} from "./format.js";
import {LOOP_COLORS} from "./palette.js";

export interface FlywheelChartOptions extends Plot.PlotOptions {
  width?: number;
  height?: number;
  /** Which pair of series: cost per million tokens, users, chip generations or design cycle. */
  quantity?: "cost" | "users" | "generations" | "cycle";
}

const QUANTITIES = {
  cost: {
    closed: "closedCostUsdPerMTok",
    open: "openCostUsdPerMTok",
    label: "cost, USD per million tokens",
    scale: 1,
    format: formatUsdPerMTok
  },
  users: {
    closed: "closedUsers",
    open: "openUsers",
    label: "users, millions",
    scale: 1e-6,
    format: (v: number) => `${formatCount(v)} users`
  },
  generations: {
    closed: "closedChipGeneration",
    open: "openChipGeneration",
    label: "chip generations shipped",
    scale: 1,
    format: (v: number) => formatDisplayNumber(v)
  },
  cycle: {
    closed: "closedDesignCycleMonths",
    open: "openDesignCycleMonths",
    label: "chip design cycle, months",
    scale: 1,
    format: (v: number) => formatMonths(v)
  }
} as const;

/**
 * What a chart of `quantity` draws, for its card's CSV: each month with the closed and the open loop's values, under
 * their names in FlywheelComparisonMonth (`month`, `closedUsers`, `openUsers`), in the model's units (users, not the
 * axis's millions). /flywheel's users, cycle and generations cards had no CSV beside the cost card's (reader's review).
 */
export function flywheelCsvRows(
  months: readonly FlywheelComparisonMonth[],
  quantity: NonNullable<FlywheelChartOptions["quantity"]>
): Record<string, number>[] {
  const q = QUANTITIES[quantity];
  return months.map((m) => ({month: m.month, [q.closed]: m[q.closed], [q.open]: m[q.open]}));
}

export function FlywheelChart(
  months: readonly FlywheelComparisonMonth[],
  {width, height = 260, quantity = "cost", ...options}: FlywheelChartOptions = {}
) {
  const q = QUANTITIES[quantity];
  const rows = months.flatMap((m) => {
    const r = m as unknown as Record<string, number>;
    return [
      {month: m.month, loop: "loop closed", value: r[q.closed]! * q.scale},
      {month: m.month, loop: "loop open", value: r[q.open]! * q.scale}
    ];
  });
  return Plot.plot({
    width: Math.max(width ?? 640, 240), // never narrower than its margins, even mid-layout
    height,
    x: {label: "Month →", grid: true, ...wholeStepAxis(rows.map((r) => r.month))},
    // Ticks at three significant digits: a horizon of a month or two spans a sliver of cost ("2.059821" otherwise).
    y: {
      label: q.label,
      grid: true,
      // From zero, as the other three: a cost axis from 0.65 made the generations' steps look larger than they are
      // (reader's audit); they are large enough to read from zero.
      zero: true,
      // To the next tick above the largest value: the starting cost (1.92) ran along the plot's top edge, above its last
      // tick (1.5), where it could not be read (new-user trial).
      nice: quantity !== "generations",
      tickFormat: axisTickFormat(formatDisplayNumber),
      // Generations are whole: ticks at 0, 1, 2, 3, never 0.5 or 2.5.
      ...(quantity === "generations" ? wholeCountAxis(Math.max(1, ...rows.map((r) => r.value))) : {})
    },
    color: {legend: true, domain: ["loop closed", "loop open"], range: [LOOP_COLORS.closed, LOOP_COLORS.open]},
    ...options,
    marks: [
      // A horizon of a month or two has too few points for a line to show: mark each month's value too.
      new Set(rows.map((r) => r.month)).size <= 2 ? Plot.dot(rows, {x: "month", y: "value", fill: "loop", r: 3}) : null,
      Plot.lineY(rows, {
        x: "month",
        y: "value",
        z: "loop",
        stroke: "loop",
        strokeWidth: 2,
        curve: quantity === "generations" || quantity === "cycle" ? "step-after" : "linear",
        tip: {format: {x: true, y: (v: number) => q.format(v / q.scale), stroke: true}}
      })
    ]
  });
}
