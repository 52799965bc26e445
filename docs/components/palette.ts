// Every colour the site draws with, and what it means. One colour per concept, site-wide: a reader who has learnt that
// teal is in-house silicon on one page reads it the same on every other. Charts take their colours from here and
// nowhere else. The hues are Observable's "observable10" mid-tones, which read on the light ("air") and dark
// ("near-midnight") themes alike; "currentColor" (the text colour) is the one neutral ink.
//
//   concept                                             colour      where
//   merchant silicon (bought at the vendor's price),    red         inference tax, systems, custom silicon stacks
//     and the vendor's margin it carries
//   in-house (custom) silicon and its program           teal        inference tax, systems, cash flow, NPV
//   training spend                                      purple      spend over time
//   inference spend                                     green       spend over time, its uncertainty band
//   model lead                                          yellow      moat
//   cost lead                                           blue        moat, its uncertainty band
//   both leads                                          pink        moat
//   the reference case (neither lead, loop open,        grey        moat, flywheel, systems
//     a system other than the scenario's)
//   loop closed                                         blue        flywheel
//   parts of a token's cost                             COST_COMPONENTS below (chip blue, vendor margin red, …)
//   one day of the fleet: its cost and revenue parts    FLEET_DAY_PARTS below (chip-hours green as inference spend)
//   uncertainty: 90% and 50% of draws                   the quantity's own colour, light and darker
//   an input at its p5 / p95 (tornado)                  light grey / dark grey (no concept: low and high)
//   the value the page is at (current cycle, batch,     currentColor ring or dashed rule
//     the scenario's chip; p5, median, p95 marks)
//   several series of one quantity (scenarios on        SERIES_COLORS, in the order the page lists them
//     /compare, a program at two design cycles)         (/compare's line charts draw six scenarios at most)

import {CHIP_HOUR_COMPONENT_NAMES} from "../lib/tco/chipHourCost.js";

/** Categorical hues, in the order Plot's observable10 scheme lists them. */
export const HUES = {
  blue: "#4269d0",
  yellow: "#efb118",
  red: "#ff725c",
  teal: "#6cc5b0",
  green: "#3ca951",
  pink: "#ff8ab7",
  purple: "#a463f2",
  lightBlue: "#97bbf5",
  brown: "#9c6b4e",
  grey: "#9498a0"
} as const;

/** The ink of text and axes: the marks that point at a value rather than stand for a concept. */
export const INK = "currentColor";

/** Merchant silicon (and the vendor's margin) vs in-house silicon. */
export const FLEET_COLORS = {merchant: HUES.red, inHouse: HUES.teal} as const;

/** Training vs inference spend. */
export const SPEND_COLORS = {training: HUES.purple, inference: HUES.green} as const;

/** The four moat cases. */
export const MOAT_COLORS = {neither: HUES.grey, modelLead: HUES.yellow, costLead: HUES.blue, both: HUES.pink} as const;

/** The flywheel with its loop closed and open. */
export const LOOP_COLORS = {closed: HUES.blue, open: HUES.grey} as const;

/** An input swung to its p5 and to its p95 (tornado): light and dark grey, no concept's colour. */
export const SWING_COLORS = {low: "#c9ccd1", high: "#6b6f76"} as const;

/** The reference case a chart compares against (a system other than the scenario's, the open loop). */
export const MUTED = HUES.grey;

/** A chart's single series when it stands for no concept above (a frontier, a histogram of draws). */
export const ACCENT = HUES.blue;

/** What marks the value the page is at: a ring, a dashed rule. */
export const HIGHLIGHT = INK;

/**
 * Text drawn over lines (a rule, a curve): a stroke of the page's background under the letters, so a line stops at the
 * label instead of running through it. Spread into a Plot.text's options.
 */
export const TEXT_HALO = {stroke: "var(--theme-background)", strokeWidth: 3, paintOrder: "stroke"} as const;

/**
 * Several series of one quantity (scenarios on /compare, one program at two design cycles), in the order the page
 * lists them; none is a concept colour a series chart draws beside them (red, teal, purple, green).
 */
export const SERIES_COLORS = [HUES.blue, HUES.pink, HUES.brown, HUES.yellow, HUES.lightBlue, HUES.grey] as const;

/** A Plot colour scale for series in the given order (SERIES_COLORS, repeating past six). */
export function seriesColorScale(domain: readonly string[]): {domain: string[]; range: string[]} {
  return {domain: [...domain], range: domain.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]!)};
}

/** Parts of a chip-hour (and so of a token's) cost, in stacking order, with their labels and colours. */
export const COST_COMPONENTS = [
  {key: "chipCost", label: "chip (cost to make)", color: HUES.blue},
  {key: "vendorMargin", label: "vendor margin", color: FLEET_COLORS.merchant},
  {key: "chipCapital", label: CHIP_HOUR_COMPONENT_NAMES.chipCapital, color: HUES.blue},
  {key: "systemCapital", label: CHIP_HOUR_COMPONENT_NAMES.systemCapital, color: HUES.lightBlue},
  {key: "facilityCapital", label: CHIP_HOUR_COMPONENT_NAMES.facilityCapital, color: HUES.brown},
  {key: "energy", label: CHIP_HOUR_COMPONENT_NAMES.energy, color: HUES.yellow},
  {key: "operations", label: CHIP_HOUR_COMPONENT_NAMES.operations, color: HUES.grey},
  // A rented chip-hour is one price (the cloud's), with no parts of the operator's own.
  {key: "rentedChipHour", label: "rented chip-hours", color: SPEND_COLORS.inference}
] as const;

/**
 * The parts of one day of the fleet (fleetDayChart.ts), in stacking order: what the chip-hours cost, in the inference
 * spend's green, and what each kind of token earns at the price list.
 */
export const FLEET_DAY_PARTS = [
  {key: "chipHours", label: "chip-hours", color: SPEND_COLORS.inference},
  {key: "cacheHitInput", label: "cached input", color: HUES.lightBlue},
  {key: "cacheMissInput", label: "input, not cached", color: HUES.blue},
  {key: "output", label: "output", color: HUES.pink}
] as const;

export type FleetDayPartKey = (typeof FLEET_DAY_PARTS)[number]["key"];

export type CostComponentKey = (typeof COST_COMPONENTS)[number]["key"];

/** Label of a cost component ("vendor margin"). */
export function costComponentLabel(key: string): string {
  return COST_COMPONENTS.find((c) => c.key === key)?.label ?? key;
}

/** A Plot colour scale for the given components, in stacking order. */
export function costColorScale(keys: readonly string[]): {domain: string[]; range: string[]} {
  const parts = COST_COMPONENTS.filter((c) => keys.includes(c.key));
  return {domain: parts.map((c) => c.label), range: parts.map((c) => c.color)};
}

/** `hex` ("#4269d0") at an opacity, as an rgba() colour: the light shades of a band's legend. */
export function withOpacity(hex: string, opacity: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${opacity})`;
}

/**
 * The steps of a waterfall from the silicon to the list price (waterfallChart.ts), with their labels and colours: the
 * chip's parts blue (as "chip (cost to make)" above), the seller's margin red (the merchant margin), the rest as the
 * cost components above where they are the same concept (servers & network, facility, energy, operations).
 */
export const WATERFALL_STEPS = [
  {key: "logicDie", label: "logic die", color: HUES.blue},
  {key: "hbm", label: "HBM", color: HUES.blue},
  {key: "packagingAndTest", label: "packaging & test", color: HUES.blue},
  {
    key: "otherCostOfSales",
    label: "cost of sales, not itemised",
    color: HUES.pink,
    // Its tooltip says what it is (glossary: cost-of-sales-not-itemised): the chart alone gave a reader no word of it.
    note: "what the price leaves after the seller's margin and the priced parts (yield loss, warranty, logistics)"
  },
  {key: "sellerMargin", label: "seller's margin", color: FLEET_COLORS.merchant},
  {key: "serverNetwork", label: "servers & network", color: HUES.lightBlue},
  {key: "facility", label: "facility", color: HUES.brown},
  {key: "power", label: "power", color: HUES.yellow},
  {key: "costOfCapital", label: "cost of capital", color: HUES.purple},
  {key: "operations", label: "operations", color: HUES.grey},
  {key: "idleCapacity", label: "idle capacity", color: SWING_COLORS.low},
  {key: "providerMargin", label: "provider margin", color: HUES.green},
  {key: "packaging", label: "packaging (interposer)", color: HUES.blue},
  {key: "testAssembly", label: "test & assembly", color: HUES.blue},
  {key: "board", label: "board", color: HUES.lightBlue},
  {key: "partnerMargin", label: "partner's margin", color: FLEET_COLORS.merchant}
] as const;
