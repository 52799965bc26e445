import type {Distribution} from "./distribution.js";
import {validateDistribution} from "./interval.js";
import type {Rng} from "./rng.js";
import {fillLognormal, fillNormal} from "./ziggurat.js";

/**
 * Fills `out` with independent draws from `dist`, consuming `rng`, and returns `out`. Normals use the ziggurat
 * (`ziggurat.ts`), a lognormal is exp of a normal, uniform and triangular use the inverse CDF of one uniform draw, and
 * a point fills its value without consuming the RNG. Throws a UserError when the parameters are invalid.
 */
export function sampleInto(dist: Distribution, out: Float64Array, rng: Rng): Float64Array {
  validateDistribution(dist);
  const n = out.length;
  switch (dist.kind) {
    case "point":
      out.fill(dist.value);
      break;
    case "uniform": {
      const {min} = dist;
      const width = dist.max - dist.min;
      for (let i = 0; i < n; i++) out[i] = min + width * rng();
      break;
    }
    case "normal":
      fillNormal(out, rng, dist.mean, dist.sd);
      break;
    case "lognormal":
      fillLognormal(out, rng, dist.mu, dist.sigma);
      break;
    case "triangular": {
      // Same formula as closedForm.triangularInverseCdf, with its constants hoisted.
      const {min, mode, max} = dist;
      const width = max - min;
      const split = (mode - min) / width;
      const lowScale = width * (mode - min);
      const highScale = width * (max - mode);
      for (let i = 0; i < n; i++) {
        const u = rng();
        out[i] = u < split ? min + Math.sqrt(u * lowScale) : max - Math.sqrt((1 - u) * highScale);
      }
      break;
    }
  }
  return out;
}

/** `n` independent draws from `dist` in a new Float64Array (n a non-negative integer). */
export function sample(dist: Distribution, n: number, rng: Rng): Float64Array {
  return sampleInto(dist, new Float64Array(n), rng);
}
