import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import type {ServingEfficiencies} from "./efficiencies.js";
import {peakFlopsPerS, type Precision} from "./precision.js";

/** The model fields the serving model needs. */
export type ModelShape = Pick<
  ModelArchitecture,
  | "params"
  | "activeParams"
  | "experts"
  | "expertsPerToken"
  | "layers"
  | "hiddenSize"
  | "attentionHeads"
  | "kvHeads"
  | "headDim"
  | "mlaKvDim"
  | "mlaRopeDim"
  | "vocabSize"
  | "tiedEmbeddings"
>;

/** The chips of one model replica, per chip, in the serving precision. */
export interface ReplicaHardware {
  /** Chips in the replica; integer >= 1. */
  chips: number;
  /** HBM bandwidth of one chip, bytes/s; > 0. */
  hbmBandwidthBytesPerS: number;
  /** Dense peak of one chip in the serving precision, FLOP/s; > 0. */
  peakFlopsPerS: number;
  /** Scale-up link bandwidth of one chip, bytes/s in each direction; > 0. */
  scaleUpBandwidthBytesPerS: number;
  /** Chips in one scale-up domain; a collective over more chips runs on the scale-out network. */
  scaleUpChips: number;
  /** Scale-out network bandwidth per chip, bytes/s in each direction; > 0. */
  scaleOutBandwidthBytesPerS: number;
}

/** Time of one step, its parts, and which roof sets the larger of memory and compute. */
export interface StepTime {
  /** Wall-clock seconds: max(memorySeconds, computeSeconds) + communicationSeconds + overheadSeconds. */
  seconds: number;
  /** Seconds to move `bytes` at the replica's achievable HBM bandwidth. */
  memorySeconds: number;
  /** Seconds to do `flops` at the replica's achievable compute. */
  computeSeconds: number;
  /** Seconds of collectives between the replica's chips (tensor-parallel all-reduce, expert all-to-all). */
  communicationSeconds: number;
  /** Fixed seconds of the step (launch, scheduling, sampling). */
  overheadSeconds: number;
  /** Bytes read or written from HBM across the replica. */
  bytes: number;
  /** Floating-point operations across the replica. */
  flops: number;
  /** Which of memory and compute is the larger. */
  bound: "memory" | "compute";
}

/** The replica's chips in the serving precision; throws if the chip lacks that precision (checked at the edges). */
export function replicaHardware(hardware: Hardware, precision: Precision, chips: number): ReplicaHardware {
  const peak = peakFlopsPerS(hardware, precision);
  if (peak === null) throw new Error(`${hardware.id} has no ${precision} peak`);
  return {
    chips,
    hbmBandwidthBytesPerS: hardware.hbmBandwidthBytesPerS,
    peakFlopsPerS: peak,
    scaleUpBandwidthBytesPerS: hardware.scaleUpBandwidthBytesPerS,
    scaleUpChips: hardware.scaleUpChips,
    scaleOutBandwidthBytesPerS: hardware.scaleOutBandwidthBytesPerS
  };
}

/**
 * Time of a step that moves `bytes` through HBM, does `flops` and spends `communicationSeconds` in collectives, on a
 * replica whose chips share the work evenly:
 *   memory = bytes ÷ (chips × HBM bandwidth × bandwidthFraction)
 *   compute = flops ÷ (chips × peak × computeFraction)
 *   seconds = max(memory, compute) + communication + stepOverheadSeconds
 * Collectives are not overlapped with the step's own work (a decode step's tensor-parallel all-reduces sit between
 * its matrix multiplies); overlapping schemes show up as a higher fitted communication fraction.
 */
export function stepTime(
  work: {bytes: number; flops: number; communicationSeconds: number},
  hardware: ReplicaHardware,
  efficiencies: ServingEfficiencies
): StepTime {
  const memorySeconds = work.bytes / (hardware.hbmBandwidthBytesPerS * hardware.chips * efficiencies.bandwidthFraction);
  const computeSeconds = work.flops / (hardware.peakFlopsPerS * hardware.chips * efficiencies.computeFraction);
  const overheadSeconds = efficiencies.stepOverheadSeconds;
  return {
    seconds: Math.max(memorySeconds, computeSeconds) + work.communicationSeconds + overheadSeconds,
    memorySeconds,
    computeSeconds,
    communicationSeconds: work.communicationSeconds,
    overheadSeconds,
    bytes: work.bytes,
    flops: work.flops,
    bound: memorySeconds >= computeSeconds ? "memory" : "compute"
  };
}
