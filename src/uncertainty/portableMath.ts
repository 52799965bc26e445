/**
 * exp and log that give the same bits in every JavaScript engine. Math.exp and Math.log are only required to be
 * "implementation-approximated": Node 20's V8 and Chromium 156's V8 differ in the last bit for about one argument in
 * ten, which made a seeded Monte Carlo differ between the command line and the browser. These are ports of fdlibm's
 * __ieee754_exp and __ieee754_log (Sun Microsystems, 1993; the same algorithms as V8's ieee754::exp/log, error < 1 ulp)
 * written with IEEE-754 +, −, ×, ÷ and exponent bit manipulation only, which every engine performs identically.
 * The sampler uses them; model code may keep Math.* (its results then agree to ~1e-15, not bit for bit).
 */

const buffer = new ArrayBuffer(8);
const f64 = new Float64Array(buffer);
const u32 = new Uint32Array(buffer);
/** Index of the high 32-bit word of a double in `u32` on this platform (1 on little-endian machines). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

function highWord(x: number): number {
  f64[0] = x;
  return u32[HI]! | 0;
}

function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO]!;
}

function withHighWord(x: number, high: number): number {
  f64[0] = x;
  u32[HI] = high >>> 0;
  return f64[0]!;
}

// Plain constants, not ± pairs indexed by the sign: V8 folds a const number, but loads an array element every call.
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;
const INV_LN2 = 1.4426950408889634074;
const O_THRESHOLD = 7.09782712893383973096e2;
const U_THRESHOLD = -7.4513321910194110842e2;
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;
const TWO_M1000 = 9.3326361850321887899e-302;

/** The double whose high word is `high` and low word 0: fdlibm's high-word thresholds as numbers. */
function fromHighWord(high: number): number {
  return withHighWord(0, high);
}

// fdlibm compares the high word of |x| (hx) with constants; for a double, hx >= H ⇔ |x| >= fromHighWord(H) and
// hx > H ⇔ |x| >= fromHighWord(H + 1), so the same tests run on numbers, without storing x to read its bits.
const ABS_BIG = fromHighWord(0x40862e42); // hx >= 0x40862e42: |x| ≳ 709.78, overflow or underflow is possible
const ABS_REDUCE = fromHighWord(0x3fd62e43); // hx > 0x3fd62e42: |x| > 0.5 ln 2, reduce the argument
const ABS_ONE_STEP = fromHighWord(0x3ff0a2b2); // hx < 0x3ff0a2b2: |x| < 1.5 ln 2, k = ±1
const ABS_TINY = fromHighWord(0x3e300000); // hx < 0x3e300000: |x| < 2^-28, e^x = 1 + x

/** 2^k for k = −1021 … 1023, exactly (index k + 1021). */
const POW2 = Float64Array.from({length: 1023 + 1021 + 1}, (_, i) => fromHighWord((i - 1021 + 1023) << 20));

/**
 * e^x, bit-identical across engines (fdlibm __ieee754_exp). The final y × 2^k is a multiplication by an exact power
 * of two where fdlibm adds k to y's exponent bits: the same double whenever the result is normal, which fdlibm
 * ensures on that path (k >= −1021); the rare subnormal path keeps fdlibm's bit arithmetic. The sign is branched on
 * rather than used as an index into ± constant pairs: about 8 ns a call in V8 instead of 23 (the samplers call this
 * once per lognormal draw).
 */
export function portableExp(x: number): number {
  if (x !== x) return x + x; // NaN
  const ax = Math.abs(x);
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (ax >= ABS_BIG) {
    if (x > O_THRESHOLD) return Infinity; // also +∞
    if (x < U_THRESHOLD) return 0; // also −∞
  }
  if (ax >= ABS_REDUCE) {
    if (ax < ABS_ONE_STEP) {
      // k = ±1: x ∓ ln 2, in two parts.
      if (x < 0) {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      } else {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      }
    } else {
      k = Math.trunc(INV_LN2 * x + (x < 0 ? -0.5 : 0.5));
      hi = x - k * LN2_HI;
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (ax < ABS_TINY) {
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) return k === 1024 ? y * 2 * POW2[1023 + 1021]! : y * POW2[k + 1021]!;
  return withHighWord(y, highWord(y) + ((k + 1000) << 20)) * TWO_M1000;
}

const TWO54 = 1.8014398509481984e16;
const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm, bit-identical across engines (fdlibm __ieee754_log). */
export function portableLog(x: number): number {
  let hx = highWord(x);
  const lx = lowWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) === 0) return -Infinity; // log(±0)
    if (hx < 0) return NaN; // log(negative)
    k -= 54;
    x *= TWO54; // subnormal: scale up
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i0 = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i0 ^ 0x3ff00000)); // normalise x or x/2 into [sqrt(2)/2, sqrt(2))
  k += i0 >> 20;
  const f = x - 1;
  const dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {
    if (f === 0) return k === 0 ? 0 : dk * LN2_HI + dk * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : dk * LN2_HI - (r - dk * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  let i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return dk * LN2_HI - (hfsq - (s * (hfsq + r) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return dk * LN2_HI - (s * (f - r) - dk * LN2_LO - f);
}

/**
 * ln(1 + x), the same bits in every engine: Kahan's method (W. Kahan, via Higham, "Accuracy and Stability of Numerical
 * Algorithms", 2nd ed., §1.14.1): with u = 1 + x rounded, ln(u) × x ÷ (u − 1) cancels the rounding of u, so the
 * result stays within a few ulps even for tiny x, using only portableLog and +, −, ×, ÷.
 */
export function portableLog1p(x: number): number {
  const u = 1 + x;
  if (u === 1) return x; // |x| below half an ulp of 1: ln(1 + x) = x to double precision (and keeps −0)
  if (u === Infinity) return Infinity; // x = +∞ (1 + x never overflows for a finite x)
  return (portableLog(u) * x) / (u - 1);
}

/**
 * e^x − 1, the same bits in every engine: Kahan's companion to portableLog1p (Higham §1.14.1): with u = e^x rounded,
 * (u − 1) × x ÷ ln(u) is within a few ulps for tiny x, where e^x − 1 would cancel.
 */
export function portableExpm1(x: number): number {
  const u = portableExp(x);
  if (u === 1) return x;
  const um1 = u - 1;
  if (um1 === -1) return -1;
  if (u === Infinity) return Infinity;
  return (um1 * x) / portableLog(u);
}

/** log₂ x, the same bits in every engine: ln x ÷ ln 2 (within about two ulps; Math.log2 may differ between engines). */
export function portableLog2(x: number): number {
  return portableLog(x) / Math.LN2;
}

/**
 * x^y, the same bits in every engine (Math.pow is only "implementation-approximated", and Node 20's V8 and Chromium
 * 156's V8 differ in the last bit on a scenario's growth and discount factors). A small integer power (|y| ≤ 64) is
 * repeated squaring; otherwise, for x > 0, e^(y ln x) with portableExp and portableLog, whose error is at most about
 * 2|y ln x| + 4 ulps (the rounding of y ln x, magnified by e^): under 1e-14 relative for a result up to e^10, and
 * within 6 ulps of Math.pow on ten years of monthly growth and discount factors (tested). Zero, negative and non-finite bases with a non-integer
 * or large exponent, whose results are exact (0, ∞, NaN) in every engine, go to Math.pow.
 */
export function portablePow(x: number, y: number): number {
  if (y === 0 || (x === 1 && Number.isFinite(y))) return 1; // JavaScript: 1 ** NaN and 1 ** ∞ are NaN
  if (Number.isInteger(y) && Math.abs(y) <= 64 && Number.isFinite(x)) {
    let result = 1;
    let base = x;
    for (let n = Math.abs(y); n > 0; n = Math.floor(n / 2)) {
      if (n % 2 === 1) result *= base;
      base *= base;
    }
    return y < 0 ? 1 / result : result;
  }
  if (x > 0 && x < Infinity && Number.isFinite(y)) return portableExp(y * portableLog(x));
  return Math.pow(x, y);
}
