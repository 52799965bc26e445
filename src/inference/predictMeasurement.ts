import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import type {ServingEfficiencies} from "./efficiencies.js";
import type {SoftwareStack} from "./calibration/measurement.js";
import {servingMemoryFit} from "./kvCacheAdmission.js";
import {replicaLayout} from "./parallelism.js";
import {BYTES_PER_PARAM, kvBytesPerElementOf, type Precision} from "./precision.js";
import {servingPerformance, type ServingResult} from "./servingPerformance.js";

/**
 * The shape of a published serving measurement (a row of data/measurements.csv), in the model's terms: a system of
 * `chips` chips running data-parallel replicas of tensorParallel × expertParallel layout (replicaLayout), serving
 * requests of inputTokens in and outputTokens out, `concurrency` at a time across the system, or as many as fit
 * (an offline benchmark such as MLPerf Inference Offline).
 */
export interface MeasurementShape {
  hardware: Hardware;
  model: ModelArchitecture;
  precision: Precision;
  /** Tensor-parallel degree of one replica. */
  tensorParallel: number;
  /** Expert-parallel degree of one replica (1 for dense models). */
  expertParallel: number;
  /** Chips in the measured system: a whole number of replicas of max(tensorParallel, expertParallel) chips. */
  chips: number;
  /** Prompt tokens per request (the benchmark's mean); >= 1. */
  inputTokens: number;
  /** Generated tokens per request (the benchmark's mean); >= 1. */
  outputTokens: number;
  /** Coefficient of variation of the generated tokens per request, >= 0 (inflightLength.ts); absent: 0. */
  outputTokensCv?: number;
  /**
   * Bytes per KV-cache element where the run's format is published (precision.ts KV_CACHE_DTYPES); absent: the
   * precision's default (DEFAULT_KV_BYTES_PER_ELEMENT).
   */
  kvBytesPerElement?: number;
  /** Share of the prompt found in the prefix cache; in [0, 1); 0 when not stated. */
  cacheHitFraction: number;
  /** Requests in flight across the whole system; null for an offline benchmark (the largest batch that fits). */
  concurrency: number | null;
  /**
   * The serving engine's cap on requests in flight per replica (a whole number >= 1), as the measured run configured
   * it; null or absent when not published (only memory bounds the batch). Requests beyond it queue: they do not raise
   * the batch.
   */
  maxBatch?: number | null;
  /** The measured serving software: its KV-cache reserve and admission set the largest batch (kvCacheAdmission.ts). */
  stack: SoftwareStack;
}

export interface MeasurementPrediction {
  /** Output tokens per second per chip over whole requests, prefill included: what measurements report. */
  outputTokensPerSecondPerChip: number;
  /**
   * Prompt tokens per second per chip while prefilling a batch of batchSizePerReplica prompts on each replica
   * (ServingResult's prefillTokensPerSecondPerChip), with idle replicas counted as the output rate counts them: what a
   * prefill-only measurement reports.
   */
  prefillTokensPerSecondPerChip: number;
  /** Output tokens per second one user sees over a request in steady state (ServingResult); null for one output token. */
  outputTokensPerSecondPerUser: number | null;
  /** Replicas in the system: chips ÷ chips per replica. */
  replicas: number;
  /**
   * Requests in flight per replica used (concurrency ÷ replicas; offline the largest batch that fits), at most the
   * largest that fits and the engine's cap (maxBatch).
   */
  batchSizePerReplica: number;
  /**
   * True when the requested concurrency did not fit and the batch was capped at the largest that fits (at or below
   * the engine's cap).
   */
  memoryCapped: boolean;
  /**
   * True when the engine's cap (maxBatch), below the largest batch that fits, set the batch: offline always then, or
   * a concurrency per replica above the cap.
   */
  engineCapped: boolean;
  /** False when the weights and one request do not fit; the throughputs are then 0. */
  fits: boolean;
  /** The full result at the batch used; null when nothing fits. */
  serving: ServingResult | null;
}

/**
 * What the serving model predicts for a measurement: a pure function of (shape, efficiencies), cheap enough for a
 * fitter to call thousands of times (a few µs; bench/serving-model.bench.ts). Batch per replica = concurrency ÷
 * replicas (a real number: the average load), at most the largest batch that fits with each request holding the KV
 * tokens its stack's admission counts (the mean live length, or the whole request: kvCacheAdmission.ts); offline
 * (concurrency null) the largest batch that fits. Where the engine's cap is given (maxBatch), the batch is at most it
 * too: offline min(fits, cap); a concurrency per replica above the cap queues, so the batch is the cap. With fewer requests than replicas, only that many replicas work,
 * each at batch 1, and the idle ones count in the per-chip figure.
 */
export function predictMeasurement(shape: MeasurementShape, efficiencies: ServingEfficiencies): MeasurementPrediction {
  const layout = replicaLayout(shape.tensorParallel, shape.expertParallel);
  const replicas = shape.chips / layout.chips;
  const kvBytesPerElement = kvBytesPerElementOf(shape);
  const fit = servingMemoryFit({
    hbmCapacityBytes: shape.hardware.hbmCapacityBytes,
    model: shape.model,
    layout,
    bytesPerParam: BYTES_PER_PARAM[shape.precision],
    kvBytesPerElement,
    inputTokens: shape.inputTokens,
    outputTokens: shape.outputTokens,
    outputTokensCv: shape.outputTokensCv,
    stack: shape.stack,
    hbmReserveFraction: null
  });
  if (!fit.fits) {
    return {
      outputTokensPerSecondPerChip: 0,
      prefillTokensPerSecondPerChip: 0,
      outputTokensPerSecondPerUser: 0,
      replicas,
      batchSizePerReplica: 0,
      memoryCapped: true,
      engineCapped: false,
      fits: false,
      serving: null
    };
  }
  const wanted = shape.concurrency === null ? fit.maxBatchSize : Math.max(1, shape.concurrency / replicas);
  const engineCap = shape.maxBatch ?? Infinity;
  const batchSizePerReplica = Math.min(wanted, fit.maxBatchSize, engineCap);
  const busyShare = shape.concurrency === null ? 1 : Math.min(1, shape.concurrency / replicas);
  const serving = servingPerformance(
    {
      hardware: shape.hardware,
      model: shape.model,
      precision: shape.precision,
      batchSize: batchSizePerReplica,
      inputTokens: shape.inputTokens,
      outputTokens: shape.outputTokens,
      outputTokensCv: shape.outputTokensCv,
      cacheHitFraction: shape.cacheHitFraction,
      tensorParallel: shape.tensorParallel,
      expertParallel: shape.expertParallel,
      stack: shape.stack,
      hbmReserveFraction: null,
      kvBytesPerElement
    },
    efficiencies
  );
  return {
    outputTokensPerSecondPerChip: serving.outputTokensPerSecondPerChip * busyShare,
    prefillTokensPerSecondPerChip: serving.prefillTokensPerSecondPerChip * busyShare,
    outputTokensPerSecondPerUser: serving.outputTokensPerSecondPerUser,
    replicas,
    batchSizePerReplica,
    memoryCapped: shape.concurrency !== null && wanted > fit.maxBatchSize && fit.maxBatchSize <= engineCap,
    engineCapped: wanted > engineCap && engineCap < fit.maxBatchSize,
    fits: true,
    serving
  };
}
