// Shared colours of the story pages' charts. Mid-tone hues from Observable's "observable10" scheme, which read on the
// light ("air") and dark ("near-midnight") themes alike; every chart takes its colours from here.

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

/** Parts of a chip-hour (and so of a token's) cost, in stacking order, with their labels and colours. */
export const COST_COMPONENTS = [
  {key: "chipCost", label: "chip (cost to make)", color: HUES.blue},
  {key: "vendorMargin", label: "vendor margin", color: HUES.red},
  {key: "chipCapital", label: "chip capital", color: HUES.blue},
  {key: "systemCapital", label: "servers & network", color: HUES.lightBlue},
  {key: "facilityCapital", label: "facility", color: HUES.brown},
  {key: "energy", label: "energy", color: HUES.yellow},
  {key: "operations", label: "operations", color: HUES.grey}
] as const;

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

/** Training vs inference spend. */
export const SPEND_COLORS = {training: HUES.purple, inference: HUES.green} as const;

/** Merchant (bought at the vendor's price) vs in-house silicon. */
export const FLEET_COLORS = {merchant: HUES.red, inHouse: HUES.teal} as const;

/** The system a scenario serves on, against the others. */
export const HIGHLIGHT = HUES.red;
export const MUTED = HUES.grey;
export const ACCENT = HUES.blue;
