import {DIMENSIONS} from "../../units/quantity.js";
import type {ScenarioMetricName} from "./evaluateScenario.js";

/** A part of a whole, in [0, 1] (a share of spend, of token cost): the fraction dimension's unit word. */
const FRACTION = DIMENSIONS.fraction.baseUnit;
/**
 * One quantity over another of its kind that may exceed 1 (× a chip's throughput, profit ÷ cost, hours needed ÷ hours
 * the fleet has): the plain dimension's unit word, "ratio", which a plain scenario key's values are given in too.
 */
const RATIO = DIMENSIONS.plain.baseUnit;

/** How to show a metric: a label, the unit of its value, and a display scale (value × scale in `displayUnit`). */
export interface MetricInfo {
  label: string;
  /** Unit of the metric's value (base units, as in JSON output). */
  unit: string;
  /** Unit shown to people, after multiplying by `scale`. */
  displayUnit: string;
  scale: number;
  /**
   * What a missing value means, where it is not a month that never comes (formatMetric writes it in place of "—"): a
   * margin of a day that earns nothing has no value, and the reader is told why.
   */
  absent?: string;
  /**
   * A share of the day's tokens, or of what they earn or cost: with no tokens in the day it does not occur for want of
   * demand, whatever `absent` says of other causes, and reads NO_DEMAND (absentMetricText).
   */
  ofDemand?: true;
}

/** What a metric of the day's tokens (`ofDemand`) reads when the day has none. */
export const NO_DEMAND = "none (no demand)";

/**
 * What a figure of decoding reads for a request of one output token, which has no decode step (its token comes from
 * prefill; metrics.ts `decodes`): `inference --output-tokens 1` prints "—" and a note, `run` gives the reason in words
 * as its other missing metrics do, and the same note (noDecodeNote.ts).
 */
export const NO_DECODE = "none (no decode step)";

export const METRIC_INFO: Record<ScenarioMetricName, MetricInfo> = {
  costPerMillionTokensUsd: {
    label: "cost per million tokens (blended)",
    unit: "USD/Mtok",
    displayUnit: "USD/Mtok",
    scale: 1
  },
  costPerMillionOutputTokensUsd: {
    // Output tokens carry the decode time, input tokens the prefill time (together a request's chip time): `inference`
    // also prints the all-in output cost, which carries both.
    label: "cost per million output tokens, decode time",
    unit: "USD/Mtok",
    displayUnit: "USD/Mtok",
    scale: 1,
    absent: NO_DECODE
  },
  costPerMillionInputTokensUsd: {
    label: "cost per million input tokens, prefill time",
    unit: "USD/Mtok",
    displayUnit: "USD/Mtok",
    scale: 1
  },
  outputTokensPerSecondPerChip: {
    label: "output tokens per second per chip, whole requests",
    unit: "tokens/s",
    displayUnit: "tokens/s",
    scale: 1
  },
  tokensPerSecondPerChip: {
    label: "output tokens per second per chip, decode steps only",
    unit: "tokens/s",
    displayUnit: "tokens/s",
    scale: 1,
    absent: NO_DECODE
  },
  timePerOutputTokenSeconds: {
    label: "time per output token",
    unit: "s",
    displayUnit: "ms",
    scale: 1e3,
    absent: NO_DECODE
  },
  timeToFirstTokenSeconds: {
    // `inference` writes this row "time to first token" in ms too.
    label: "time to first token",
    unit: "s",
    displayUnit: "ms",
    scale: 1e3
  },
  chipHourCostUsd: {label: "cost of a chip-hour", unit: "USD/h", displayUnit: "USD/h", scale: 1},
  tokensPerSecondPerMw: {
    // Input and output tokens at demand.inputShare, as the cost per token (blended): `inference` prints output tokens
    // alone per MW, a smaller figure (new-user trial: 54,124 there against 250,498 here read as a disagreement).
    label: "tokens per second per MW (blended)",
    unit: "tokens/s/MW",
    displayUnit: "tokens/s/MW",
    scale: 1
  },
  revenuePerMwHourUsd: {
    // Tokens sold, not electricity bought: "$1,804/MWh" read as a power price (new-user trial).
    label: "token revenue per MW-hour at the market token price",
    unit: "USD/MWh",
    displayUnit: "USD/MWh",
    scale: 1
  },
  inferenceTaxShare: {
    // The vendor's margin less the design partner's: equal to vendorShareOfTokenCost when the partner works at cost
    // (silicon.partnerMargin 0, the default), so the two rows read alike there (new-user trial: "read as a bug").
    label: "inference tax (vendor's margin − partner's), share of token cost",
    unit: FRACTION,
    displayUnit: "%",
    scale: 100
  },
  vendorShareOfTokenCost: {
    label: "vendor gross profit, share of token cost",
    unit: FRACTION,
    displayUnit: "%",
    scale: 100
  },
  vendorShareOfDataCentreCapex: {
    label: "vendor gross profit, share of data-centre capex",
    unit: FRACTION,
    displayUnit: "%",
    scale: 100
  },
  inferenceTaxRecoveredFirstYearUsd: {
    // What buying the same chips at the partner's margin would save in year 1, whenever the scenario's own chip ships:
    // "recovered" read as the program's first-year recovery beside a 24-month design cycle (new-user trial).
    label: "inference tax recoverable, year 1 (at the partner's margin)",
    unit: "USD",
    displayUnit: "MUSD",
    scale: 1e-6
  },
  trainingCostUsd: {
    label: "cost of a generation's final training run (owned)",
    unit: "USD",
    displayUnit: "MUSD",
    scale: 1e-6
  },
  trainingDays: {label: "final training run wall-clock time", unit: "days", displayUnit: "days", scale: 1},
  inferenceOvertakesTrainingMonth: {
    // For good: the month from which cumulative inference stays ahead to the horizon's end. The first pass alone read
    // "month 5" for base, where the next, dearer training run takes the lead back in month 13 (reader's review).
    label: "month inference overtakes training for good",
    unit: "month",
    displayUnit: "month",
    scale: 1
  },
  inferenceFirstPassesTrainingMonth: {
    label: "month inference first passes training (may be brief)",
    unit: "month",
    displayUnit: "month",
    scale: 1
  },
  trainingRetakesLeadMonth: {
    label: "month training takes the lead back",
    unit: "month",
    displayUnit: "month",
    scale: 1
  },
  inferenceShareOfSpend: {
    label: "inference share of all spend",
    unit: FRACTION,
    displayUnit: "%",
    scale: 100,
    // Null exactly when nothing is spent on training or inference (trainingVsInference.ts `share`).
    absent: "none (nothing spent)"
  },
  // The spend model prices every token at the merchant chip's cost (strategyInputs.ts spendInput), custom silicon or
  // not: asic-9-months read the same bill as base with no word why (reader's audit).
  inferenceSpendUsd: {
    label: "inference spend over the horizon (merchant chips throughout)",
    unit: "USD",
    displayUnit: "MUSD",
    scale: 1e-6
  },
  trainingSpendUsd: {label: "training spend over the horizon", unit: "USD", displayUnit: "MUSD", scale: 1e-6},
  siliconCostPerMillionTokensUsd: {
    label: "custom chip cost per million tokens (blended)",
    unit: "USD/Mtok",
    displayUnit: "USD/Mtok",
    scale: 1
  },
  siliconUnitCostUsd: {label: "custom chip unit cost (price paid)", unit: "USD", displayUnit: "USD", scale: 1},
  siliconRelativeThroughput: {
    label: "custom chip throughput, × the merchant chip's",
    unit: RATIO,
    displayUnit: "×",
    scale: 1
  },
  siliconBreakevenUnits: {
    label: "custom chips to break even",
    unit: "chips",
    displayUnit: "chips",
    scale: 1,
    // Null exactly when the custom chip is no cheaper per token (never deployed): it read a bare "—" (breaker).
    absent: "none (the custom chip saves nothing per token)"
  },
  siliconPaybackMonth: {
    label: "silicon program payback month (discounted)",
    unit: "month",
    displayUnit: "month",
    scale: 1
  },
  siliconNpvUsd: {label: "silicon program NPV", unit: "USD", displayUnit: "MUSD", scale: 1e-6},
  siliconValueOfOneMonthUsd: {
    label: "value of one month of design cycle (marginal: one month longer)",
    unit: "USD",
    displayUnit: "MUSD",
    scale: 1e-6
  },
  modelLeadValueUsd: {label: "gross profit from a model lead", unit: "USD", displayUnit: "MUSD", scale: 1e-6},
  costLeadValueUsd: {label: "gross profit from a cost lead", unit: "USD", displayUnit: "MUSD", scale: 1e-6},
  flywheelCostReduction: {
    // Says where the saving comes from: none when silicon.designCycle is already flywheel.minDesignCycle (asic-9-months
    // read "0%" beside "+146% users" with nothing between them; trial).
    label: "flywheel: cost per token saved as better models shorten chip design",
    unit: FRACTION,
    displayUnit: "%",
    scale: 100
  },
  flywheelUserGain: {
    // Against the open loop, which cuts link 1 only: both markets answer cheaper chips, so this is the users that
    // reaching them sooner adds (both links cut, asic-9-months read 0% saved beside +146% users; reader audit).
    label: "flywheel: extra users at the horizon as better models bring cheaper chips sooner",
    unit: RATIO,
    displayUnit: "%",
    scale: 100,
    // Null exactly when the open loop has no users at the horizon, i.e. demand.users is 0 (it read a bare "—").
    absent: "none (no users)"
  },
  // One day: the first day's demand, or the day fleet.inputTokensPerDay and fleet.outputTokensPerDay give (README).
  // "a day's tokens (average)" and "fleet cost per day" read as a year's average day, and × 365 fell short of the
  // year's inference bill (reader audit); "that day" pointed at nothing on a card of its own (new-user trial).
  fleetChips: {
    label: "chips serving one day's tokens",
    unit: "chips",
    displayUnit: "chips",
    scale: 1
  },
  fleetUtilizationNeeded: {
    // Above 100% when fleet.chips is fewer chips than the day's tokens need ("share of the fleet's hours" read oddly at
    // 252%; modeller trial).
    label: "day's chip-hours needed ÷ fleet's chip-hours",
    unit: RATIO,
    displayUnit: "%",
    scale: 100,
    // Null exactly when the day has no tokens (fleetDay); it read serving.utilization, "58%", beside 0 chips.
    absent: NO_DEMAND,
    ofDemand: true
  },
  fleetCostPerDayUsd: {label: "fleet cost of one day", unit: "USD", displayUnit: "USD", scale: 1},
  priceListRevenuePerDayUsd: {label: "revenue of one day at list prices", unit: "USD", displayUnit: "USD", scale: 1},
  priceListGrossMargin: {
    label: "gross margin at list prices",
    unit: FRACTION,
    displayUnit: "%",
    scale: 100,
    absent: "none (no revenue at these prices)",
    ofDemand: true
  },
  costProfitMargin: {
    // Plain words first, DeepSeek's term after them (it read "cost profit margin (profit ÷ cost)", odd to a strategy
    // reader); the glossary's entry has both.
    label: "markup on cost (DeepSeek's cost profit margin)",
    unit: RATIO,
    displayUnit: "%",
    scale: 100,
    absent: "none (no cost)",
    ofDemand: true
  }
};
