import type {ModelArchitecture} from "../catalog/model.js";

/** The model fields the roofline needs. */
export type ModelShape = Pick<
  ModelArchitecture,
  | "params"
  | "activeParams"
  | "experts"
  | "expertsPerToken"
  | "layers"
  | "attentionHeads"
  | "kvHeads"
  | "headDim"
  | "mlaKvDim"
>;

/** The chips one model replica runs on, and how much of their peak real kernels reach. */
export interface ReplicaHardware {
  /** HBM bandwidth of one chip, bytes/s; > 0. */
  hbmBandwidthBytesPerS: number;
  /** Dense peak of one chip in the serving precision, FLOP/s; > 0. */
  peakFlopsPerS: number;
  /** Chips the replica is split over by tensor parallelism; integer >= 1. */
  tensorParallel: number;
  /** Fraction of peak HBM bandwidth that weight and KV reads reach; in (0, 1]. */
  achievableBandwidthFraction: number;
  /** Fraction of peak FLOP/s that matrix multiplies reach; in (0, 1]. */
  achievableComputeFraction: number;
}

/** Time of one step, and which roof sets it. */
export interface StepTime {
  /** Wall-clock seconds of the step: max(memorySeconds, computeSeconds). */
  seconds: number;
  /** Seconds to move `bytes` at the replica's achievable bandwidth. */
  memorySeconds: number;
  /** Seconds to do `flops` at the replica's achievable compute. */
  computeSeconds: number;
  /** Bytes read or written from HBM across the replica. */
  bytes: number;
  /** Floating-point operations across the replica. */
  flops: number;
  /** Which roof bounds the step. */
  bound: "memory" | "compute";
}

/**
 * Attention FLOPs for one query token that attends to `contextTokens` cached tokens: QKᵀ and A·V each take
 * 2 × heads × headDim FLOPs per cached token per layer, so 4 × layers × heads × headDim × context.
 */
export function attentionFlopsPerToken(model: ModelShape, contextTokens: number): number {
  return 4 * model.layers * model.attentionHeads * model.headDim * contextTokens;
}

/** Roofline time of a step that moves `bytes` and does `flops` on a replica. */
export function rooflineStepTime(bytes: number, flops: number, hardware: ReplicaHardware): StepTime {
  const bandwidth = hardware.hbmBandwidthBytesPerS * hardware.tensorParallel * hardware.achievableBandwidthFraction;
  const compute = hardware.peakFlopsPerS * hardware.tensorParallel * hardware.achievableComputeFraction;
  const memorySeconds = bytes / bandwidth;
  const computeSeconds = flops / compute;
  return {
    seconds: Math.max(memorySeconds, computeSeconds),
    memorySeconds,
    computeSeconds,
    bytes,
    flops,
    bound: memorySeconds >= computeSeconds ? "memory" : "compute"
  };
}
