import type {ChipFamily} from "./chipFamily.js";

/**
 * The makers of the catalog's real chips, as data/hardware.csv's `vendor` cells spell them: the vendors whose chips the
 * serving stacks' vendor lists rule on (src/inference/stackChips.ts). A chip of any other vendor runs the vendor-neutral
 * stacks only, so a misspelt one of these, or another name of its maker, is an error (knownVendorNearMiss), not a new maker.
 */
export const KNOWN_CHIP_VENDORS: readonly string[] = ["NVIDIA", "AMD", "Google", "AWS"];

/**
 * The vendor each chip family implies (src/catalog/chipFamily.ts names the chips of each); null for "other", which
 * any maker's chip may be.
 */
export const CHIP_FAMILY_VENDORS: Readonly<Record<ChipFamily, string | null>> = {
  ampere: "NVIDIA",
  hopper: "NVIDIA",
  blackwell: "NVIDIA",
  cdna3: "AMD",
  tpu: "Google",
  trainium: "AWS",
  other: null
};

/** Whether two vendor names are the same maker: equal without regard to case, as stackRunsOn compares them. */
export function sameVendor(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * Other names of the known vendors, lower case: the company's full or parent name, or its chip design arm (AWS's chips
 * come from Annapurna Labs: `annapurna` names it alone or among other words). `NVIDIA Corporation`, `Google LLC`
 * need none: the name is a word of them.
 */
export const CHIP_VENDOR_ALIASES: Readonly<Record<string, string>> = {
  "advanced micro devices": "AMD",
  amazon: "AWS",
  "amazon web services": "AWS",
  annapurna: "AWS",
  alphabet: "Google"
};

/**
 * The optimal-string-alignment (restricted Damerau-Levenshtein) distance: insertions, deletions, substitutions and
 * transpositions of two adjacent characters, each one edit, so `ADM` is one from `AMD`, not Levenshtein's two.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether `written` (lower case) is a slip for `name` (lower case): at most two edits (editDistance) for a name of six
 * letters or more (`NVDIA`, `NIVIDA`, `Gogle`), one for a shorter one. For a three-letter name (AMD, AWS) that one edit
 * is an insertion, a deletion or a transposition (`AMDD`, `ADM`, `ASW`), never a substitution: one letter changed in
 * three is another company as often as a slip (`AMS`, ams OSRAM; `AMI`), and `Arm` is two from both.
 */
function slipFor(written: string, name: string): boolean {
  const edits = editDistance(written, name);
  if (name.length >= 6) return edits <= 2;
  if (edits > 1) return false;
  return (
    name.length > 3 || written.length !== name.length || [...written].sort().join("") === [...name].sort().join("")
  );
}

/** What knownVendorNearMiss found: the known vendor meant, and whether `vendor` was another name of it or a slip. */
export interface VendorNearMiss {
  known: string;
  kind: "alias" | "typo";
}

/**
 * The known vendor `vendor` names otherwise or looks like a slip for, or undefined when it is one (in any case) or is
 * neither. Another name is one of CHIP_VENDOR_ALIASES, alone or among other words (`Advanced Micro Devices, Inc.`,
 * `Amazon.com`); a slip is slipFor the name or an alias (`Amazn`), or the name as a word among others
 * (`NVIDIA Corporation`, `Google Cloud`).
 */
export function knownVendorNearMiss(vendor: string): VendorNearMiss | undefined {
  const lower = vendor.trim().toLowerCase();
  if (KNOWN_CHIP_VENDORS.some((known) => sameVendor(known, lower))) return undefined;
  const words = lower.split(/[^a-z0-9]+/).filter((word) => word !== "");
  const phrase = ` ${words.join(" ")} `;
  for (const [alias, known] of Object.entries(CHIP_VENDOR_ALIASES)) {
    if (phrase.includes(` ${alias} `)) return {known, kind: "alias"};
  }
  const typo = KNOWN_CHIP_VENDORS.find((known) => {
    const name = known.toLowerCase();
    return slipFor(lower, name) || words.includes(name);
  });
  if (typo !== undefined) return {known: typo, kind: "typo"};
  const alias = Object.keys(CHIP_VENDOR_ALIASES).find((name) => name.length >= 6 && slipFor(lower, name));
  return alias === undefined ? undefined : {known: CHIP_VENDOR_ALIASES[alias]!, kind: "typo"};
}
