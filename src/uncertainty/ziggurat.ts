import {portableExp, portableLog} from "./portableMath.js";
import type {Rng} from "./rng.js";

/**
 * Standard normal deviates by the ziggurat method of G. Marsaglia and W. W. Tsang, "The Ziggurat Method for Generating
 * Random Variables", Journal of Statistical Software 5(8), 2000 (their RNOR, 128 layers), with the tail drawn by
 * Marsaglia's 1964 method. About 98.8% of draws take one 32-bit random integer, one table lookup, one comparison and
 * one multiplication; only the rest (wedges and the tail beyond R) call `Math.exp`/`Math.log`. A Box-Muller loop
 * instead calls log, sqrt and cos/sin for every pair (DESIGN.md; bench/monte-carlo.bench.ts measures both).
 *
 * Layer and sign come from the same signed 32-bit integer `hz` as the value (iz = hz & 127, x = hz · wn[iz]), exactly
 * as in the published RNOR; the value then has 24 bits of resolution within its layer.
 */

/** Number of layers (rectangles) in the ziggurat. */
export const ZIGGURAT_LAYERS = 128;

/** Right edge R of the base layer: the tail starts here (Marsaglia & Tsang 2000, table for n = 128). */
const R = 3.442619855899;

/** Area v of each layer, including the base layer's tail (Marsaglia & Tsang 2000, table for n = 128). */
const V = 9.91256303526217e-3;

/** 2^31: hz is a signed 32-bit integer, so |hz| / 2^31 is in [0, 1]. */
const M1 = 2147483648;

/** 2^32: turns an Rng value k / 2^32 back into the 32-bit integer k. */
const TWO_POW_32 = 4294967296;

/** kn[i]: accept hz at once when |hz| < kn[i] (the point lies under the next layer's edge). */
const KN = new Float64Array(ZIGGURAT_LAYERS);
/** wn[i]: x = hz · wn[i] maps hz onto layer i's width. */
const WN = new Float64Array(ZIGGURAT_LAYERS);
/** fn[i] = exp(-x_i² / 2), the unnormalised density at layer i's right edge. */
const FN = new Float64Array(ZIGGURAT_LAYERS);

// Tables built once, at module load, as in the paper's zigset().
{
  let dn = R;
  let tn = dn;
  const q = V / portableExp(-0.5 * dn * dn);
  KN[0] = (dn / q) * M1;
  KN[1] = 0;
  WN[0] = q / M1;
  WN[ZIGGURAT_LAYERS - 1] = dn / M1;
  FN[0] = 1;
  FN[ZIGGURAT_LAYERS - 1] = portableExp(-0.5 * dn * dn);
  for (let i = ZIGGURAT_LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * portableLog(V / dn + portableExp(-0.5 * dn * dn)));
    KN[i + 1] = (dn / tn) * M1;
    tn = dn;
    FN[i] = portableExp(-0.5 * dn * dn);
    WN[i] = dn / M1;
  }
}

/** One standard normal deviate. */
export function standardNormal(rng: Rng): number {
  const hz = (rng() * TWO_POW_32) | 0;
  const iz = hz & 127;
  return Math.abs(hz) < KN[iz]! ? hz * WN[iz]! : standardNormalSlow(hz, iz, rng);
}

/**
 * Fills out[start..end) with mean + sd · Z for standard normal Z (the inner loop of the normal and lognormal samplers,
 * with the ziggurat's fast path inlined).
 */
export function fillNormal(out: Float64Array, rng: Rng, mean: number, sd: number, start = 0, end = out.length): void {
  for (let i = start; i < end; i++) {
    const hz = (rng() * TWO_POW_32) | 0;
    const iz = hz & 127;
    const z = Math.abs(hz) < KN[iz]! ? hz * WN[iz]! : standardNormalSlow(hz, iz, rng);
    out[i] = mean + sd * z;
  }
}

/**
 * Fills out[start..end) with exp(mu + sigma · Z) for standard normal Z: lognormal samples. Two passes (normals, then
 * exp in place) measured faster in V8 than one loop that calls both.
 */
export function fillLognormal(
  out: Float64Array,
  rng: Rng,
  mu: number,
  sigma: number,
  start = 0,
  end = out.length
): void {
  fillNormal(out, rng, mu, sigma, start, end);
  for (let i = start; i < end; i++) out[i] = portableExp(out[i]!);
}

/** The paper's nfix(): the wedge test, the tail, and fresh draws until one is accepted. */
function standardNormalSlow(hz: number, iz: number, rng: Rng): number {
  for (;;) {
    const x = hz * WN[iz]!;
    if (iz === 0) {
      // Tail beyond R (Marsaglia 1964): x = -ln(U1)/R, y = -ln(U2), accept when 2y > x².
      let tx: number;
      let ty: number;
      do {
        tx = -portableLog(1 - rng()) / R;
        ty = -portableLog(1 - rng());
      } while (ty + ty < tx * tx);
      return hz > 0 ? R + tx : -R - tx;
    }
    if (FN[iz]! + rng() * (FN[iz - 1]! - FN[iz]!) < portableExp(-0.5 * x * x)) return x;
    hz = (rng() * TWO_POW_32) | 0;
    iz = hz & 127;
    if (Math.abs(hz) < KN[iz]!) return hz * WN[iz]!;
  }
}
