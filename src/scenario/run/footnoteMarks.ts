// The mark of each footnote a scenario's figures can carry, one mark per note wherever the note is read: `run`'s and
// `compare`'s tables, the scenario page's metrics table and the compare page's. The note "the same figure twice" (the
// inference tax is the vendor's share of token cost) was ‡ in `run`, ¶ in `compare` and † on the scenario page, where
// ‡ marked another note (new-user trial): each table numbered its notes in the order it met them.
//
// Every mark is distinct, so that any of the notes can sit beside any other in one table: `compare` can carry all but
// the scenario page's own (derivedCostLead). `compare`'s assumption marks keep the marks README.md gives them.

/** The mark of each footnote, by note. */
export const FOOTNOTE_MARKS = {
  /** A price-list metric of a scenario that sets no prices: at the default list (DEFAULT_PRICES_NOTE). */
  defaultPrices: "*",
  /** An assumption its scenario does not read, set, at its default or "—" (`compare`'s assumptions). */
  notRead: "†",
  /** An assumption not set, with the value of the key it follows (`compare`'s assumptions). */
  followedKey: "‡",
  /** The flywheel's saving at the design-cycle floor: nothing to shorten (flywheelFloorNote). */
  flywheelFloor: "§",
  /** The inference tax and the vendor's share of token cost, one figure twice (vendorShareFootnote). */
  vendorShare: "¶",
  /** The gross profit from a cost lead, moat.costAdvantage unset: the custom chip's saving (the scenario page's). */
  derivedCostLead: "‖"
} as const;

/** A footnote's name: the key of its mark in FOOTNOTE_MARKS. */
export type FootnoteName = keyof typeof FOOTNOTE_MARKS;
