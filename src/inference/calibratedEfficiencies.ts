import type {Hardware} from "../catalog/hardware.js";
import {UserError} from "../errors/userError.js";
import {checkObject, checkRowText} from "../units/range.js";
import {SOFTWARE_STACKS, type SoftwareStack} from "./calibration/measurement.js";
import type {ServingEfficiencies} from "./efficiencies.js";
import type {ServingCalibration, ServingModelError} from "./servingCalibration.js";
import {SERVING_CALIBRATION} from "./servingCalibration.generated.js";

export {SERVING_CALIBRATION};
export type {OutOfBandError, ServingCalibration, ServingModelError} from "./servingCalibration.js";

/**
 * The calibrated efficiencies for a chip and a serving stack: the most specific fit the calibration made
 * (src/inference/calibration/calibrate.ts): its chip family and stack ("hopper/trtllm"), else its family over all
 * stacks ("cdna3" for an MI300X asked for with TensorRT-LLM), else the pooled fit.
 * Output: the efficiencies and the group they come from ("hopper/trtllm", "cdna3" or "pooled").
 * Throws a UserError naming `stack` for a stack outside SOFTWARE_STACKS ("foo" silently took the family's fit), and
 * one naming `hardware` when it is not a row (undefined read "Cannot read properties of undefined (reading
 * 'family')"; modeller trial), `hardware.family` when it is no text, and `calibration` when it is
 * given but is not one (null read "Cannot read properties of null (reading 'groups')").
 */
export function calibratedEfficiencies(
  hardware: Pick<Hardware, "family">,
  stack: SoftwareStack,
  calibration: Pick<ServingCalibration, "groups" | "pooled"> = SERVING_CALIBRATION
): {efficiencies: ServingEfficiencies; group: string} {
  checkRowText("hardware", hardware, "family", 'a hardware row, e.g. findById(catalogs.hardware, id, "hardware")');
  checkObject("calibration", calibration, "a serving calibration, or nothing for SERVING_CALIBRATION");
  checkObject("calibration.groups", calibration.groups, "a serving calibration, or nothing for SERVING_CALIBRATION");
  checkObject("calibration.pooled", calibration.pooled, "a serving calibration, or nothing for SERVING_CALIBRATION");
  if (!(SOFTWARE_STACKS as readonly string[]).includes(stack)) {
    throw new UserError({
      path: "stack",
      message: "unknown serving stack",
      expected: `one of ${SOFTWARE_STACKS.join(", ")}`,
      found: String(stack)
    });
  }
  const family = hardware.family;
  for (const group of [`${family}/${stack}`, family]) {
    // Own groups only: a family "__proto__" or "constructor" found Object's members (breaker).
    const efficiencies = Object.hasOwn(calibration.groups, group) ? calibration.groups[group] : undefined;
    if (efficiencies) return {efficiencies, group};
  }
  return {efficiencies: calibration.pooled, group: "pooled"};
}

/**
 * The serving model's error that the site and the custom chip's prior carry: the error on whole systems held out of
 * a refit (calibration.heldOutBySystem: a chip, count, model, precision, parallelism and stack none of whose runs was
 * fitted), the error to expect on a configuration nobody measured. The stated split (calibration.heldOut, every third
 * measurement) holds out runs whose near copies were fitted (an MLPerf server run beside its offline run, one point
 * of a concurrency sweep beside the next) and reads narrower; it stands in only when the system split could not be
 * refitted (null: too few measurements).
 */
export function servingModelError(calibration: ServingCalibration = SERVING_CALIBRATION): ServingModelError {
  return calibration.heldOutBySystem ?? calibration.heldOut;
}

/**
 * The band a modelled throughput carries: the 10th–90th percentile of model ÷ measured on systems held out of the
 * fit (servingModelError), so [T ÷ ratioP90, T ÷ ratioP10] (tokens/s) and, for a cost per token (∝ 1 ÷ throughput),
 * [C × ratioP10, C × ratioP90].
 */
export function heldOutBand(
  value: number,
  kind: "throughput" | "cost",
  calibration: ServingCalibration = SERVING_CALIBRATION
): {low: number; high: number} {
  const {ratioP10, ratioP90} = servingModelError(calibration);
  return kind === "throughput"
    ? {low: value / ratioP90, high: value / ratioP10}
    : {low: value * ratioP10, high: value * ratioP90};
}
