import {UserError} from "../lib/errors/userError.js";
import {validateSampleCount} from "../lib/uncertainty/monteCarlo.js";
import {validateSeed} from "../lib/uncertainty/rng.js";
import {readDecimal} from "../lib/units/decimal.js";
import {groupThousands} from "../lib/units/groupThousands.js";
import {formatRange} from "../lib/units/range.js";

/** Most samples a story page draws (the engine accepts 2,000,000): beyond this a browser tab stalls on a slider. */
export const PAGE_MAX_SAMPLES = 100_000;

/**
 * Reads a page's sample count and seed as a reader typed them. Throws a UserError naming the field, what was expected
 * and what was found: an empty, non-numeric, non-integer or out-of-range count (over `maxSamples`), a seed that is not
 * a safe integer.
 */
export function readMonteCarloSettings(
  samplesText: string,
  seedText: string,
  {maxSamples = PAGE_MAX_SAMPLES}: {maxSamples?: number} = {}
): {samples: number; seed: number} {
  const samplesTrimmed = samplesText.trim();
  const seedTrimmed = seedText.trim();
  if (samplesTrimmed === "") {
    throw new UserError({path: "samples", message: "no sample count", expected: "a whole number", found: "nothing"});
  }
  // Decimal only (src/units/decimal.ts): `0x10` is not 16 samples.
  const samples = readDecimal(samplesTrimmed) ?? NaN;
  validateSampleCount(samples);
  if (samples > maxSamples) {
    throw new UserError({
      path: "samples",
      message: `at most ${groupThousands(maxSamples)} on this page`,
      expected: `an integer in ${formatRange({min: 1, max: maxSamples})}`,
      found: samplesTrimmed
    });
  }
  if (seedTrimmed === "") {
    throw new UserError({path: "seed", message: "no seed", expected: "a whole number", found: "nothing"});
  }
  const seed = readDecimal(seedTrimmed) ?? NaN;
  validateSeed(seed);
  return {samples, seed};
}
