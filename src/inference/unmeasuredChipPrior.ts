import {standardNormalQuantile, Z_95} from "../uncertainty/normal.js";
import {servingModelError} from "./calibratedEfficiencies.js";

/**
 * The stated prior on measured ÷ modelled throughput for a chip nobody has measured (a custom chip given by a catalog
 * row or its specs): the serving model's band on systems held out of its fit (servingModelError: modelled ÷ measured
 * between its 10th and 90th percentiles) squared, i.e. twice its log-width, and inverted to read as measured ÷
 * modelled, like silicon.servingFactor. Assumption: an unproven chip with an unproven software stack is twice as
 * uncertain as an unmeasured system of a measured chip family.
 *
 * `p10`/`p90`: the band's ends (1 ÷ ratioP90², 1 ÷ ratioP10² of servingModelError(), a ratio, no unit);
 * `interval90`: the 90% interval of the lognormal through them (ln-sigma = (ln p90 − ln p10) ÷ (2 × z₀.₉)), as a
 * scenario file writes such a prior (`low to high`). Moves whenever `calibration --write` refits the efficiencies.
 */
export const UNMEASURED_CHIP_PRIOR = unmeasuredChipPrior(servingModelError());

/** The prior for held-out ratios (modelled ÷ measured) whose 10th and 90th percentiles are `ratioP10`, `ratioP90`. */
export function unmeasuredChipPrior({ratioP10, ratioP90}: {ratioP10: number; ratioP90: number}): {
  p10: number;
  p90: number;
  interval90: {low: number; high: number};
} {
  const p10 = 1 / ratioP90 ** 2;
  const p90 = 1 / ratioP10 ** 2;
  const logMedian = (Math.log(p10) + Math.log(p90)) / 2;
  const logSigma = (Math.log(p90) - Math.log(p10)) / (2 * standardNormalQuantile(0.9));
  return {
    p10,
    p90,
    interval90: {low: Math.exp(logMedian - Z_95 * logSigma), high: Math.exp(logMedian + Z_95 * logSigma)}
  };
}
