import type {Hardware} from "../catalog/hardware.js";

/** Number formats a model can be served in. */
export const PRECISIONS = ["bf16", "fp8", "fp4"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Bytes per weight: BF16 is 16 bits, FP8 8 bits, FP4 4 bits (block scales ignored; they add ~3% for MXFP4). */
export const BYTES_PER_PARAM: Record<Precision, number> = {bf16: 2, fp8: 1, fp4: 0.5};

/**
 * Bytes per cached key/value element when the weights use a given precision. KV caches are kept in BF16 next to
 * BF16 weights, and in FP8 next to FP8 or FP4 weights (FP4 KV caches are not common practice); an assumption.
 */
export const DEFAULT_KV_BYTES_PER_ELEMENT: Record<Precision, number> = {bf16: 2, fp8: 1, fp4: 1};

/** Dense peak FLOP/s of a chip in a precision, or null when the chip has no such format. */
export function peakFlopsPerS(hardware: Hardware, precision: Precision): number | null {
  switch (precision) {
    case "bf16":
      return hardware.bf16FlopsPerS;
    case "fp8":
      return hardware.fp8FlopsPerS;
    case "fp4":
      return hardware.fp4FlopsPerS;
  }
}
