import {exponentNotation} from "./range.js";

/**
 * A count of floating-point operations as messages write it: three significant digits in exponent notation with its
 * unit, `2.54e19 FLOP` (a run's FLOPs read `25400000000000000000` in one message and `2.54e+27` in another, as
 * String() writes a number below and above 10²¹; breaker). Below a million, the plain number (`512 FLOP`).
 */
export function formatFlops(flops: number): string {
  if (!Number.isFinite(flops) || Math.abs(flops) < 1e6) return `${Number(flops.toPrecision(3))} FLOP`;
  return `${exponentNotation(Number(flops.toPrecision(3)))} FLOP`;
}
