// What a scenario is about, read from the keys it sets: a scenario page opens with the charts, cards and sliders of its
// topics (a moat scenario's moat chart and catch-up slider, an ASIC scenario's merchant-vs-custom cost), then shows the
// sections every scenario page has. One table, used by the page loader (docs/scenarios/[id].md.ts) and its tests.
import type {ResolvedScenario} from "../lib/scenario/resolve/resolveScenario.js";
import {scenarioKey} from "../lib/scenario/file/schema.js";
import {compareByOrigin} from "../lib/scenario/resolve/originOrder.js";

/** A chart a topic puts at the top of its scenario page (the loader knows how to draw each). */
export type TopicChart = "moat" | "silicon-cost" | "silicon" | "cycle" | "spend-monthly" | "flywheel" | "fleet-day";

export interface ScenarioTopic {
  readonly id: "moat" | "silicon" | "demand" | "flywheel" | "fleet";
  /** The section's heading on the page. */
  readonly heading: string;
  /** A sentence under the heading: what the section shows and why it moves. */
  readonly lead: string;
  /** A scenario is about this topic when it sets a key under one of these groups (`moat` selects `moat.*`). */
  readonly groups: readonly string[];
  /** Its sliders, in order (keys with a `slider` in the schema); they come before every page's own. */
  readonly controls: readonly string[];
  /** Its cards (metric names), before every page's own. */
  readonly kpis: readonly string[];
  /** Its charts, in order; a chart a topic shows is not repeated in the page's general section. */
  readonly charts: readonly TopicChart[];
}

/** Every topic, in page order. */
export const SCENARIO_TOPICS: readonly ScenarioTopic[] = [
  {
    id: "moat",
    heading: "Cost lead against model lead",
    lead:
      "Cumulative gross profit with neither lead, a model lead that competitors erase over the catch-up time, a " +
      "lasting cost advantage, and both. Gross profit is the market price less the cost of serving, each falling at " +
      "its own rate: where the price falls faster, every curve turns down once the price drops below the cost.",
    groups: ["moat", "market"],
    controls: ["moat.catchUpMonths", "horizon.months", "moat.costAdvantage", "moat.pricePremium"],
    kpis: ["costLeadValueUsd", "modelLeadValueUsd"],
    charts: ["moat"]
  },
  {
    id: "silicon",
    heading: "Merchant GPUs against the custom chip",
    lead:
      "What a million tokens costs on each, by part (owned chips, blended input and output tokens), and what the " +
      "program is worth: NRE at month 0, then the saving on every token the custom chip serves.",
    groups: ["silicon"],
    controls: ["silicon.designCycle", "silicon.nre", "silicon.unitCost", "silicon.relativeThroughput"],
    kpis: ["siliconNpvUsd", "siliconCostPerMillionTokensUsd", "siliconPaybackMonth"],
    charts: ["silicon-cost", "silicon", "cycle"]
  },
  {
    id: "demand",
    heading: "The monthly bills",
    lead:
      "Training and inference spend month by month: training comes in bursts, one generation at a time, while the " +
      "inference bill grows with demand and falls with the cost of serving.",
    groups: ["demand", "training"],
    controls: ["demand.agentMultiplier", "demand.growthPerYear", "training.costGrowth", "serving.costDeclinePerYear"],
    kpis: ["inferenceShareOfSpend", "inferenceOvertakesTrainingMonth"],
    charts: ["spend-monthly"]
  },
  {
    id: "flywheel",
    heading: "The flywheel",
    lead:
      "Cost per million tokens with the loop closed (better models shorten chip design, cheaper tokens bring users " +
      "and data) and open (chips on their own design cycle, the market still answering each cheaper one).",
    groups: ["flywheel"],
    controls: ["flywheel.qualityPerDataDoubling", "flywheel.cycleShorteningPerQuality", "flywheel.costElasticity"],
    kpis: ["flywheelCostReduction", "flywheelUserGain"],
    charts: ["flywheel"]
  },
  {
    id: "fleet",
    heading: "One day of the fleet: cost, revenue and margin",
    lead:
      "What one day of the serving fleet costs (chips × price of a chip-hour × 24 hours), what the day's tokens earn " +
      "at the price list, and the margin between the two.",
    // A price list, not a rented fleet alone: openai-2024 rents its fleet but sets no prices, and its day billed at the
    // default (GPT-4o) list would read as OpenAI's margin.
    groups: ["pricing"],
    controls: ["fleet.chipHourPrice", "pricing.output", "pricing.inputCacheMiss", "serving.cacheHit"],
    // Three, so that the row of four keeps the cost of a million tokens (the gross margin is in the metrics table).
    kpis: ["fleetCostPerDayUsd", "priceListRevenuePerDayUsd", "costProfitMargin"],
    charts: ["fleet-day"]
  }
];

/** The sliders every scenario page has, after its topics' own. */
export const GENERAL_CONTROL_KEYS: readonly string[] = [
  "serving.utilization",
  "power.electricity",
  "finance.costOfCapital",
  "silicon.designCycle",
  "silicon.nre",
  "demand.agentMultiplier"
];

/** The cards every scenario page has, after its topics' own. */
export const GENERAL_KPIS: readonly string[] = [
  "costPerMillionTokensUsd",
  "chipHourCostUsd",
  "inferenceOvertakesTrainingMonth",
  "siliconNpvUsd"
];

/**
 * The keys a scenario sets itself or inherits from a parent, other than those of the root of its `extends` chain: what
 * it changes about the case it starts from. A scenario with no parent is a starting point and changes nothing, so its
 * page has no topic of its own. Returns key paths in table order.
 */
export function keysChangedFromRoot(resolved: ResolvedScenario): string[] {
  if (resolved.chain.length < 2) return [];
  const root = resolved.chain.at(-1);
  return Object.values(resolved.values)
    .filter((v) => (v.origin.kind === "file" || v.origin.kind === "parent") && v.origin.scenario !== root)
    .map((v) => v.path);
}

/**
 * The topics of a scenario: those with a group that one of the keys it changes from its root belongs to, in the order
 * its files write them (the topic whose first key comes first in the scenario's own file leads, then a parent's, as
 * compareByOrigin lists assumptions; ties in SCENARIO_TOPICS's order). deepseek-one-day writes its price list and
 * fleet before DeepSeek-V3's training run, so its page leads with the day of the fleet, then the monthly bills; in the
 * table's fixed order the bills led (session 44).
 */
export function scenarioTopics(resolved: ResolvedScenario): ScenarioTopic[] {
  const changed = new Set(keysChangedFromRoot(resolved));
  const written = Object.values(resolved.values)
    .filter((value) => changed.has(value.path))
    .sort(compareByOrigin(resolved.chain));
  const firstWritten = (topic: ScenarioTopic): number =>
    written.findIndex((value) => topic.groups.includes(value.path.split(".")[0] ?? ""));
  return SCENARIO_TOPICS.filter((topic) => firstWritten(topic) >= 0).sort((a, b) => firstWritten(a) - firstWritten(b));
}

/**
 * The page's sliders: its topics' first, then every other key with a slider that the scenario changes from its root
 * (`changed`, keysChangedFromRoot: a rented-fleet scenario gets its fleet.chipHourPrice, openai-2024 its rent and
 * cache hit, though no topic names them; trial), then the general ones, each key once.
 */
export function topicControlKeys(topics: readonly ScenarioTopic[], changed: readonly string[] = []): string[] {
  const own = changed.filter((path) => scenarioKey(path)?.slider !== undefined);
  return [...new Set([...topics.flatMap((t) => t.controls), ...own, ...GENERAL_CONTROL_KEYS])];
}

/** The page's cards: its topics' first, then the general ones, each metric once, four to a row, at least one row. */
export function topicKpis(topics: readonly ScenarioTopic[]): string[] {
  const own = [...new Set(topics.flatMap((t) => t.kpis))];
  const all = [...new Set([...own, ...GENERAL_KPIS])];
  return all.slice(0, Math.max(4, Math.ceil(own.length / 4) * 4));
}

/** What a page with no topic of its own reports the spread of: the silicon program and the crossover, base's story. */
export const DEFAULT_BANDS_METRICS: readonly string[] = ["siliconNpvUsd", "inferenceOvertakesTrainingMonth"];

/**
 * The metrics whose 90% intervals a scenario page's "How sure is this?" summary gives: its topics' own (the cost-lead
 * page's two leads), else DEFAULT_BANDS_METRICS. The cost-lead page gave the silicon program's NPV (reader's audit).
 */
export function bandsMetrics(topics: readonly ScenarioTopic[]): string[] {
  const own = [...new Set(topics.flatMap((t) => t.kpis))];
  return own.length ? own : [...DEFAULT_BANDS_METRICS];
}
