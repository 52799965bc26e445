import type {Hardware} from "../../catalog/hardware.js";
import type {ServingResult} from "../../inference/servingPerformance.js";
import {UNMEASURED_CHIP_PRIOR} from "../../inference/unmeasuredChipPrior.js";
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
 * UNMEASURED_CHIP_PRIOR (unmeasuredChipPrior.ts), the calibration's band on whole systems held out, squared.
 */
export interface CustomChipServingResult {
  serving: ServingResult;
  /** Blended tokens/s per busy chip at demand.inputShare. */
  blendedTokensPerSecondPerChip: number;
  /** The custom chip's blended tokens/s ÷ the merchant chip's. */
  relativeThroughput: number;
  /** The prior band on relativeThroughput: value × UNMEASURED_CHIP_PRIOR's p10 and p90. */
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
  const {p10, p90} = UNMEASURED_CHIP_PRIOR;
  return {
    serving,
    blendedTokensPerSecondPerChip: custom,
    relativeThroughput,
    relativeThroughputBand: {low: relativeThroughput * p10, high: relativeThroughput * p90}
  };
}
