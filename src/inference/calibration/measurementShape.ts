import type {Hardware} from "../../catalog/hardware.js";
import type {Measurement} from "./measurement.js";
import {KV_CACHE_DTYPE_BYTES} from "../precision.js";
import type {ModelArchitecture} from "../../catalog/model.js";
import {didYouMeanHint, otherCatalogHint} from "../../errors/suggest.js";
import type {MeasurementShape} from "../predictMeasurement.js";
import {measurementCellError, type MeasurementColumn} from "./parseMeasurementsCsv.js";
import {parallelismProblem, precisionProblem, stackProblem, requestProblem} from "../servingChecks.js";
import {replicaLayout} from "../parallelism.js";
import {countNoun} from "../../units/countNoun.js";

/** A measurement the model can be compared with: its shape in the model's terms and what to compare. */
export interface ComparableMeasurement {
  measurement: Measurement;
  hardware: Hardware;
  model: ModelArchitecture;
  shape: MeasurementShape;
  /**
   * How the batch is set: "offline" (as many requests as fit), "concurrency" (the published requests in flight), or
   * "latency" (the largest batch whose modelled speed per user still meets the published one: a server or
   * interactive run held to a latency bound, whose concurrency was not published).
   */
  batching: "offline" | "concurrency" | "latency";
}

/** A measurement left out of the comparison, and why (a field the model needs was not published). */
export interface SkippedMeasurement {
  measurement: Measurement;
  reason: string;
}

/**
 * Puts a published measurement in the model's terms. The catalog ids must exist (a UserError at file:line:column
 * otherwise); a measurement that lacks a shape the model needs is returned as skipped, with the reason:
 *
 *   tensor-parallel degree not published; expert-parallel degree not published for an MoE model;
 *   input tokens not published; output tokens not published for a whole-request measurement;
 *   neither concurrency nor speed per user published for a latency-bound run; concurrency not published for a prefill
 *   run that is not offline; a latency-bound whole-request run of
 *   one output token (no decode step, so no speed per user to match).
 *
 * A decode-only measurement (prefill on other chips) without output tokens is taken at its KV length: the published
 * input length, with 1 output token. A prefill-only measurement (decode on other chips) is taken as requests of its
 * input length and 1 output token, its concurrency the prompts prefilled together across the system; without a
 * published concurrency it is skipped unless offline (as many prompts as fit), as it has no speed per user to match.
 *
 * Throws: UserError at file:line:column for a row the model cannot take: an unknown catalog id, a precision the chip
 * lacks, a parallel degree that cannot shard the model, a chip count that is not whole replicas, a request longer
 * than the model's context window.
 */
export function comparableMeasurement(
  measurement: Measurement,
  catalogs: {hardware: readonly Hardware[]; models: readonly ModelArchitecture[]},
  file: string
): ComparableMeasurement | SkippedMeasurement {
  const hardware = findRow(catalogs.hardware, measurement, "hardware", file, catalogs.models);
  const model = findRow(catalogs.models, measurement, "model", file, catalogs.hardware);
  const skip = (reason: string): SkippedMeasurement => ({measurement, reason});
  const moe = model.experts > 1;
  const at = (column: MeasurementColumn, problem: {message: string; expected: string; found: string}) =>
    measurementCellError(file, measurement, column, problem);
  const precision = precisionProblem(hardware, measurement.precision);
  if (precision) throw at("precision", precision);
  const stack = stackProblem(hardware, measurement.stack);
  if (stack) throw at("stack", stack);
  if (measurement.tensorParallel === null) return skip("tensor-parallel degree not published");
  if (moe && measurement.expertParallel === null) return skip("expert-parallel degree not published");
  if (measurement.inputTokens === null) return skip("input tokens per request not published");
  const decodeOnly = measurement.phase === "decode";
  const prefillOnly = measurement.phase === "prefill";
  if (measurement.phase === "whole" && measurement.outputTokens === null) {
    return skip("output tokens per request not published");
  }
  const parallel = parallelismProblem(model, measurement.tensorParallel, measurement.expertParallel ?? 1);
  if (parallel) throw at(parallel.setting === "tensorParallel" ? "tensor_parallel" : "expert_parallel", parallel);
  const replicaChips = replicaLayout(measurement.tensorParallel, measurement.expertParallel ?? 1).chips;
  if (measurement.chips % replicaChips !== 0) {
    throw at("chips", {
      message: `${countNoun(measurement.chips, "chip")} ${measurement.chips === 1 ? "does" : "do"} not hold a whole number of replicas of max(TP, EP) = ${replicaChips} chips`,
      expected: `a multiple of ${replicaChips}`,
      found: `${measurement.chips}`
    });
  }
  const request = requestProblem({
    inputTokens: Math.max(1, Math.round(measurement.inputTokens)),
    outputTokens: Math.max(1, Math.round(measurement.outputTokens ?? 1)),
    outputTokensCv: measurement.outputTokensCv ?? 0,
    cacheHitFraction: 0,
    model
  });
  if (request) throw at(request.setting === "outputTokensCv" ? "output_tokens_cv" : "input_tokens", request);
  let batching: ComparableMeasurement["batching"] = "offline";
  if (measurement.concurrency !== null) batching = "concurrency";
  else if (measurement.scenario !== "offline") {
    if (prefillOnly) return skip("prompts prefilled together (concurrency) not published for a prefill run");
    if (measurement.outputTokensPerSecondPerUser === null)
      return skip("neither concurrency nor speed per user published for a latency-bound run");
    // A request of one output token has no decode step and so no speed per user (servingPerformance).
    if (!decodeOnly && Math.round(measurement.outputTokens!) < 2)
      return skip("a latency-bound run of one output token per request has no speed per user to match");
    batching = "latency";
  }
  return {
    measurement,
    hardware,
    model,
    batching,
    shape: {
      hardware,
      model,
      precision: measurement.precision,
      ...(measurement.kvCacheDtype === null ? {} : {kvBytesPerElement: KV_CACHE_DTYPE_BYTES[measurement.kvCacheDtype]}),
      tensorParallel: measurement.tensorParallel,
      expertParallel: measurement.expertParallel ?? 1,
      chips: measurement.chips,
      inputTokens: measurement.inputTokens,
      outputTokens: prefillOnly ? 1 : (measurement.outputTokens ?? 1),
      outputTokensCv: measurement.outputTokensCv ?? 0,
      cacheHitFraction: 0,
      concurrency: measurement.concurrency,
      maxBatch: measurement.maxBatch,
      stack: measurement.stack
    }
  };
}

export function isComparable(m: ComparableMeasurement | SkippedMeasurement): m is ComparableMeasurement {
  return "shape" in m;
}

function findRow<T extends {id: string}>(
  rows: readonly T[],
  measurement: Measurement,
  column: "hardware" | "model",
  file: string,
  others: readonly {id: string}[]
): T {
  const id = measurement[column];
  const row = rows.find((r) => r.id === id);
  if (row) return row;
  // A model id in the hardware column, or the reverse: the two cells swapped, not a typo of another id (breaker).
  const other = column === "hardware" ? "model" : "hardware";
  const hint =
    otherCatalogHint(id, others, other, `the hardware and model cells`) ??
    didYouMeanHint(
      id,
      rows.map((r) => r.id)
    );
  throw measurementCellError(file, measurement, column, {
    message: `unknown ${column} id '${id}'`,
    expected: `an id from data/${column === "hardware" ? "hardware" : "models"}.csv`,
    found: id,
    ...(hint ? {hint} : {})
  });
}
