import {distance} from "fastest-levenshtein";
import type {ChipFamily} from "./chipFamily.js";

/**
 * The makers of the catalog's real chips, as data/hardware.csv's `vendor` cells spell them: the vendors whose chips the
 * serving stacks' vendor lists rule on (src/inference/stackChips.ts). A chip of any other vendor is accepted on every
 * stack, so a misspelt one of these is an error (knownVendorTypo), not a new maker.
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
 * The known vendor that `vendor` looks like a slip for, or undefined when it is one (in any case) or is no near miss
 * of one. A near miss is at most one edit from the name (two for a name of six letters or more: `NVDIA`, `NIVIDA`,
 * `Gogle`), or the name as a word among others (`NVIDIA Corporation`, `Google Cloud`). One edit only for the
 * three-letter names: `Arm` is two from `AMD` and `AWS`, and a maker of its own.
 */
export function knownVendorTypo(vendor: string): string | undefined {
  const lower = vendor.trim().toLowerCase();
  if (KNOWN_CHIP_VENDORS.some((known) => sameVendor(known, lower))) return undefined;
  const words = lower.split(/[^a-z0-9]+/);
  return KNOWN_CHIP_VENDORS.find((known) => {
    const name = known.toLowerCase();
    return distance(lower, name) <= (name.length >= 6 ? 2 : 1) || words.includes(name);
  });
}
