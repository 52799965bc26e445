import type {Precision} from "../../inference/precision.js";
import {memoryProblem, precisionProblem} from "../../inference/servingChecks.js";
import {servingPerformance, type ServingInput, type ServingResult} from "../../inference/servingPerformance.js";
import {scenarioValueError} from "../file/scenarioErrors.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import type {BoundScenario} from "./bindScenario.js";
import {num, type ModelKeys} from "./modelKeys.js";

/** The roofline serving model's inputs → the scenario keys that set them (src/inference/servingPerformance.ts). */
export const SERVING_KEYS: ModelKeys = {
  hardware: "serving.hardware",
  model: "serving.model",
  precision: "serving.precision",
  batchSize: "serving.batch",
  contextTokens: "serving.contextTokens",
  tensorParallel: "serving.tensorParallel",
  achievableBandwidthFraction: "serving.achievableBandwidth",
  achievableComputeFraction: "serving.achievableCompute",
  hbmReserveFraction: "serving.hbmReserve"
};

/**
 * The serving model's input at one point of the scenario: the bound catalog rows and the serving.* keys. A precision
 * the chip does not support is an error at serving.precision.
 */
export function servingInput(bound: BoundScenario, point: ScenarioPoint): ServingInput {
  const precision = point["serving.precision"] as Precision;
  const problem = precisionProblem(bound.hardware, precision);
  if (problem) {
    const {message, expected, found} = problem;
    throw scenarioValueError(bound.resolved, "serving.precision", {message, expected, found});
  }
  return {
    hardware: bound.hardware,
    model: bound.model,
    precision,
    batchSize: num(point["serving.batch"], "serving.batch"),
    contextTokens: num(point["serving.contextTokens"], "serving.contextTokens"),
    tensorParallel: num(point["serving.tensorParallel"], "serving.tensorParallel"),
    achievableBandwidthFraction: num(point["serving.achievableBandwidth"], "serving.achievableBandwidth"),
    achievableComputeFraction: num(point["serving.achievableCompute"], "serving.achievableCompute"),
    hbmReserveFraction: num(point["serving.hbmReserve"], "serving.hbmReserve")
  };
}

/**
 * Runs the serving model on `input` and checks that the batch fits in the replica's HBM; a batch or tensor-parallel
 * degree that does not fit is an error at serving.batch or serving.tensorParallel.
 */
export function scenarioServing(bound: BoundScenario, input: ServingInput): ServingResult {
  const serving = servingPerformance(input);
  const problem = memoryProblem(serving, input.batchSize, input.tensorParallel);
  if (problem) {
    const path = problem.setting === "batch" ? "serving.batch" : "serving.tensorParallel";
    const {message, expected, found} = problem;
    throw scenarioValueError(bound.resolved, path, {message, expected, found});
  }
  return serving;
}
