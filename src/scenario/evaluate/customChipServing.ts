import type {Hardware} from "../../catalog/hardware.js";
import {SERVING_CALIBRATION} from "../../inference/calibratedEfficiencies.js";
import type {ServingResult} from "../../inference/servingPerformance.js";
import {blendedTokensPerSecondPerChip} from "../../tco/blendedThroughput.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import type {BoundScenario} from "./bindScenario.js";
import {num} from "./modelKeys.js";
import {scenarioServing, servingInput} from "./servingInput.js";

/**
 * A custom chip described by its specs (a catalog row such as `custom-inference-asic`, or a Hardware built from
 * inline specs) served by the same calibrated serving model as the merchant chip, on the scenario's model, precision,
 * parallelism and request shape. An unmeasured chip runs at the calibration of its family, which for a custom chip
 * ("other") is the pooled fit.
 *
 * Its throughput relative to the merchant chip is then derived, not assumed, with a wider band than a measured chip's:
 * the held-out band of the calibration (model ÷ measured between its 10th and 90th percentiles, 0.74–1.33 with the
 * bundled measurements) squared, i.e. twice its log-width (assumption: a stated prior for a chip nobody has measured,
 * whose software stack is also unproven).
 */
export interface CustomChipServingResult {
  serving: ServingResult;
  /** Blended tokens/s per busy chip at demand.inputShare. */
  blendedTokensPerSecondPerChip: number;
  /** The custom chip's blended tokens/s ÷ the merchant chip's. */
  relativeThroughput: number;
  /** The prior band on relativeThroughput: value ÷ p90², value ÷ p10² of the held-out ratios. */
  relativeThroughputBand: {low: number; high: number};
}

function blended(point: ScenarioPoint, serving: ServingResult): number {
  return blendedTokensPerSecondPerChip({
    inputShare: num(point["demand.inputShare"], "demand.inputShare"),
    prefillTokensPerSecondPerChip: serving.prefillTokensPerSecondPerChip,
    decodeTokensPerSecondPerChip: serving.decodeTokensPerSecondPerChip
  });
}

/**
 * Throws: a UserError at the serving key whose value the custom chip cannot run (memory, precision), as the merchant's
 * serving does.
 */
export function customChipServing(
  bound: BoundScenario,
  point: ScenarioPoint,
  hardware: Hardware,
  merchantServing: ServingResult = scenarioServing(bound, servingInput(bound, point))
): CustomChipServingResult {
  const serving = scenarioServing(bound, servingInput(bound, point, hardware));
  const custom = blended(point, serving);
  const relativeThroughput = custom / blended(point, merchantServing);
  const {ratioP10, ratioP90} = SERVING_CALIBRATION.heldOut;
  return {
    serving,
    blendedTokensPerSecondPerChip: custom,
    relativeThroughput,
    relativeThroughputBand: {low: relativeThroughput / ratioP90 ** 2, high: relativeThroughput / ratioP10 ** 2}
  };
}
