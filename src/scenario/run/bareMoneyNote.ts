import {bareWritten, writtenValueNote, type WrittenAssumptions, type WrittenPlaceOptions} from "./writtenValueNote.js";

/**
 * Keys whose every published or bundled value is thousands of dollars or more, so that a bare number under 1,000 is
 * far more likely a scale left out than dollars, with what each costs and the scale it is usually written in: an
 * accelerator (the bundled catalog's priced chips cost $5,167–$47,409, data/hardware.csv), a custom chip's module
 * (thousands, built from its die: src/silicon/customChipCost.ts), a chip program's NRE and a mask set (millions:
 * src/silicon/programNre.ts) and a generation's training spend (millions and up).
 */
export const THOUSANDS_MONEY_KEYS: Readonly<Record<string, {costs: string; scale: "k" | "M"}>> = {
  "hardware.price": {costs: "a chip costs thousands", scale: "k"},
  "silicon.unitCost": {costs: "a custom chip costs thousands", scale: "k"},
  "silicon.nre": {costs: "a chip program costs millions", scale: "M"},
  "silicon.respinCost": {costs: "a mask set costs millions", scale: "M"},
  "training.firstGenerationSpend": {costs: "a generation's training costs millions", scale: "M"}
};

/** Bare numbers below this, in dollars, get the note (and a project's chip priced below it: catalogFiles.ts). */
export const BARE_BELOW_USD = 1000;

/**
 * A note for money written as a bare number under $1,000 where the key costs thousands or more (THOUSANDS_MONEY_KEYS):
 * `--set hardware.price=31` is $31, and the scenario ran at a cost per token a quarter of base's with no word
 * (breaker: 0.442 against 1.89 USD/Mtok). The value is in the key's range and may be meant, so it is a note, not an
 * error; written with a currency or a scale (`$31`, `31 USD`, `$31k`) it is taken as meant.
 *
 * Input: each key's value and how it was written (a RunReport's assumptions, or a page's resolved values). Output: a
 * sentence per such key, or null. Raises nothing.
 */
export function bareMoneyNote(assumptions: WrittenAssumptions, options?: WrittenPlaceOptions): string | null {
  return writtenValueNote(assumptions, bareMoneySentence, Object.keys(THOUSANDS_MONEY_KEYS), options);
}

/**
 * bareMoneyNote's sentence for one key (THOUSANDS_MONEY_KEYS) written `written` and read as `value` dollars, or null
 * when it is no bare number under BARE_BELOW_USD. A flag that sets the key (`inference --chip-price 31`, which priced
 * a chip-hour at 0.427 USD/h with no word where `run --set hardware.price=31` noted it; breaker) is named by `flag`:
 * "--chip-price 31 is $31 … write --chip-price '$31k' if that was meant." An interval of bare numbers each under it
 * (a distribution, or a sweep's axis: sweepNotes.ts) is noted once: "silicon.nre 100 to 200 is $100 to $200 …".
 */
export function bareMoneySentence(path: string, written: unknown, value: unknown, flag?: string): string | null {
  const money = THOUSANDS_MONEY_KEYS[path];
  const bare = bareWritten(written, value, /^\+?\d+(\.\d+)?$/);
  if (money === undefined || bare === undefined) return null;
  if (!bare.values.every((end) => end < BARE_BELOW_USD)) return null;
  const dollars = bare.ends.map((end) => `$${end}`).join(" to ");
  const scaled = bare.rewritten((end) => `$${end}${money.scale}`);
  const meant = flag === undefined ? scaled : `${flag} '${scaled}'`;
  return (
    `${flag ?? path} ${bare.reads(dollars)} (a bare number is US dollars), where ${money.costs}: write ` +
    `${meant} if that was meant.`
  );
}
