import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import type {ScaleUpTopology} from "../catalog/scaleUpTopology.js";
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
  /** Dense BF16 peak of one chip, FLOP/s; > 0 (attention over a BF16 KV cache runs at it: attentionPeakFlopsPerS). */
  bf16PeakFlopsPerS: number;
  /** Dense FP8 peak of one chip, FLOP/s; null for a chip without FP8 (attention over an FP8 KV cache runs at it). */
  fp8PeakFlopsPerS: number | null;
  /** Scale-up link bandwidth of one chip, bytes/s in each direction; > 0. */
  scaleUpBandwidthBytesPerS: number;
  /** Chips in one scale-up domain; a collective over more chips runs on the scale-out network. */
  scaleUpChips: number;
  /** How the domain's chips are wired: a full mesh gives a group of fewer chips only its own direct links. */
  scaleUpTopology: ScaleUpTopology;
  /** Scale-out network bandwidth per chip, bytes/s in each direction; > 0. */
  scaleOutBandwidthBytesPerS: number;
}

/** What one group of a step's kernels does: bytes it moves through HBM and floating-point operations it performs. */
export interface KernelWork {
  /** Bytes read or written from HBM across the replica; >= 0. */
  bytes: number;
  /** Floating-point operations across the replica; >= 0. */
  flops: number;
  /** Dense peak of one chip these FLOPs run at, FLOP/s; omitted: the serving precision's (ReplicaHardware). */
  peakFlopsPerS?: number;
}

/** Time of one step, its parts, and which roof sets the larger of memory and compute. */
export interface StepTime {
  /** Wall-clock seconds: busySeconds + communicationSeconds + overheadSeconds. */
  seconds: number;
  /**
   * Seconds the chips spend in the step's kernels: each kernel group at the larger of its memory and compute time,
   * in sequence, less the share kernelOverlapFraction of what overlapping them would save (stepTime).
   */
  busySeconds: number;
  /** Seconds to move all of `bytes` at the replica's achievable HBM bandwidth. */
  memorySeconds: number;
  /** Seconds to do all of `flops` at the replica's achievable compute (each kernel group at its own peak). */
  computeSeconds: number;
  /** Seconds of collectives between the replica's chips (tensor-parallel all-reduce, expert all-to-all). */
  communicationSeconds: number;
  /** Fixed seconds of the step (launch, scheduling, sampling). */
  overheadSeconds: number;
  /** Bytes read or written from HBM across the replica. */
  bytes: number;
  /** Floating-point operations across the replica. */
  flops: number;
  /** Which of memory and compute is the larger over the whole step. */
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
    bf16PeakFlopsPerS: hardware.bf16FlopsPerS,
    fp8PeakFlopsPerS: hardware.fp8FlopsPerS,
    scaleUpBandwidthBytesPerS: hardware.scaleUpBandwidthBytesPerS,
    scaleUpChips: hardware.scaleUpChips,
    scaleUpTopology: hardware.scaleUpTopology,
    scaleOutBandwidthBytesPerS: hardware.scaleOutBandwidthBytesPerS
  };
}

/**
 * Dense peak of one chip, FLOP/s, that attention over a KV cache of `kvBytesPerElement` bytes per element runs at:
 * its matrix multiplies take their operands in the cache's format, not the weights'. A BF16 cache (2 bytes) runs at
 * the BF16 peak (FlashMLA, the MLA decode kernel vLLM and SGLang use on Hopper, takes a BF16 cache and reaches 660
 * TFLOP/s on H800, two thirds of the BF16 dense peak: deepseek-ai/FlashMLA README; FlashAttention-3's FP16/BF16
 * path likewise), an FP8 cache (1 byte) at the FP8 peak where the chip has one (TensorRT-LLM's FP8 context FMHA and
 * FP8 MLA generation kernels on an FP8 KV cache: NVIDIA's MLPerf v5.1 DeepSeek-R1 configs set kv_cache_dtype fp8 and
 * use_fp8_context_fmha). Never above the serving precision's peak (a BF16 model keeps BF16 attention). FP4 weights
 * do not make attention FP4: no KV cache is kept in FP4 (precision.ts).
 */
export function attentionPeakFlopsPerS(hardware: ReplicaHardware, kvBytesPerElement: number): number {
  const cachePeak =
    kvBytesPerElement < 2 && hardware.fp8PeakFlopsPerS !== null
      ? hardware.fp8PeakFlopsPerS
      : hardware.bf16PeakFlopsPerS;
  return Math.min(hardware.peakFlopsPerS, cachePeak);
}

/**
 * Time of a step whose kernels fall in groups (`kernels`: the matrix multiplies over the weights, and attention over
 * the KV cache), which spends `communicationSeconds` in collectives, on a replica whose chips share the work evenly.
 * Each group is bound by its own roof, as a roofline per operation (LLM-Viewer: Yuan et al. 2024, "LLM Inference
 * Unveiled: Survey and Roofline Model Insights", arXiv 2402.16363, sums the roofline time of each layer's operations):
 *   memory_k = bytes_k ÷ (chips × HBM bandwidth × bandwidthFraction)
 *   compute_k = flops_k ÷ (chips × peak_k × computeFraction)   (peak_k: the group's own peak, else the serving
 *                                                             precision's: attention runs at its KV format's peak)
 *   in sequence = Σ_k max(memory_k, compute_k)      (a decode step's attention reads the KV cache, memory-bound, while
 *                                                    its matrix multiplies at a large batch are compute-bound)
 *   overlapped = max(Σ memory_k, Σ compute_k)       (every group hidden under the others: the least time possible)
 *   busy = in sequence − kernelOverlapFraction × (in sequence − overlapped)
 *   seconds = busy + communication + stepOverheadSeconds
 * Collectives are not overlapped with the step's own work (a decode step's tensor-parallel all-reduces sit between
 * its matrix multiplies); overlapping schemes show up as a higher fitted communication fraction.
 */
export function stepTime(
  work: {kernels: readonly KernelWork[]; communicationSeconds: number},
  hardware: ReplicaHardware,
  efficiencies: ServingEfficiencies
): StepTime {
  const bandwidth = hardware.hbmBandwidthBytesPerS * hardware.chips * efficiencies.bandwidthFraction;
  const computePerPeak = hardware.chips * efficiencies.computeFraction;
  let bytes = 0;
  let flops = 0;
  let computeSeconds = 0;
  let inSequence = 0;
  for (const kernel of work.kernels) {
    const kernelComputeSeconds = kernel.flops / ((kernel.peakFlopsPerS ?? hardware.peakFlopsPerS) * computePerPeak);
    bytes += kernel.bytes;
    flops += kernel.flops;
    computeSeconds += kernelComputeSeconds;
    inSequence += Math.max(kernel.bytes / bandwidth, kernelComputeSeconds);
  }
  const memorySeconds = bytes / bandwidth;
  const overlapped = Math.max(memorySeconds, computeSeconds);
  const busySeconds = inSequence - efficiencies.kernelOverlapFraction * (inSequence - overlapped);
  const overheadSeconds = efficiencies.stepOverheadSeconds;
  return {
    seconds: busySeconds + work.communicationSeconds + overheadSeconds,
    busySeconds,
    memorySeconds,
    computeSeconds,
    communicationSeconds: work.communicationSeconds,
    overheadSeconds,
    bytes,
    flops,
    bound: memorySeconds >= computeSeconds ? "memory" : "compute"
  };
}
