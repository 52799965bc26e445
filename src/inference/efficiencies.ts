/**
 * How much of each roof real serving software reaches, and the fixed costs it adds. These are the parameters a fit to
 * published measurements (data/measurements.csv) sets per chip family and software stack; every other input of the
 * serving model is a catalog figure or a property of the request. The model is a pure function of
 * (input, efficiencies), so a fitter can evaluate it thousands of times with different efficiencies.
 *
 * A step of the replica takes
 *   Σ over its kernel groups of max(bytes ÷ (bandwidth × bandwidthFraction), FLOPs ÷ (peak × computeFraction)),
 *     less kernelOverlapFraction of what running them overlapped would save (stepCost.ts)
 *   + all-reduces × collectiveLatencySeconds + all-reduce bytes ÷ (link bandwidth × communicationFraction)
 *   + expert all-to-all bytes ÷ (link bandwidth × expertAllToAllFraction)
 *   + stepOverheadSeconds
 * so ROOFLINE_EFFICIENCIES (every fraction 1, kernels overlapped, no fixed time) gives the upper bound on throughput.
 */
export interface ServingEfficiencies {
  /** Fraction of peak HBM bandwidth that weight and KV-cache reads reach; in (0, 1]. */
  bandwidthFraction: number;
  /** Fraction of dense peak FLOP/s that the step's matrix multiplies reach; in (0, 1]. */
  computeFraction: number;
  /** Fraction of a link's bandwidth that tensor-parallel all-reduces reach; in (0, 1]. */
  communicationFraction: number;
  /**
   * Fraction of a link's bandwidth that an expert all-to-all (dispatch, combine) reaches, counting every routed copy
   * of a token, its own chip's included; in (0, 1]. Not fitted: EXPERT_ALL_TO_ALL_FRACTION, from DeepEP's benchmarks.
   */
  expertAllToAllFraction: number;
  /** Fixed time of one all-reduce (launch and synchronisation across chips), s; >= 0. */
  collectiveLatencySeconds: number;
  /** Fixed time of one forward step (kernel launches, scheduling, sampling), s; >= 0. */
  stepOverheadSeconds: number;
  /**
   * Share of the time overlapping a step's kernel groups (attention beside the matrix multiplies) would save that is
   * saved; in [0, 1]: 0 runs them in sequence, 1 hides each under the others (stepCost.ts).
   */
  kernelOverlapFraction: number;
}

/**
 * Fraction of HBM bandwidth reached: well-tuned decode kernels stream weights at 80–90% of peak HBM bandwidth; we
 * take 0.8 (an assumption, the value the model has documented so far; to be fitted per chip family).
 */
export const DEFAULT_ACHIEVABLE_BANDWIDTH_FRACTION = 0.8;

/**
 * Fraction of dense peak FLOP/s reached, calibrated on Hopper with FP8 against two published measurements that agree:
 * MLPerf Inference v4.1 llama2-70b-99 Offline on 8×H200 (submission 4.1-0048, 31,302.7 tokens/s) implies 0.483 of
 * dense FP8 peak, and NVIDIA NIM's Llama-3.3-70B FP8 TP2 time to first token on 2×H100 (406.77 ms for 5,000 tokens)
 * implies 0.459 (test/inference/published-serving.test.ts). Other chips and stacks differ: MLPerf's 8×MI300X result
 * (4.1-0002, vLLM on ROCm) implies 0.275. To be fitted per chip family and software stack.
 */
export const DEFAULT_ACHIEVABLE_COMPUTE_FRACTION = 0.48;

/**
 * Fraction of link bandwidth collectives reach: NCCL issue #1264 measured ~783 of the 900 GB/s (0.87) of NVLink 4 on
 * an HGX H100 (https://github.com/NVIDIA/nccl/issues/1264); we take 0.8 to allow for the small messages of decode (an
 * assumption, to be fitted).
 */
export const DEFAULT_COMMUNICATION_FRACTION = 0.8;

/**
 * Fraction of the link bandwidth an expert all-to-all reaches, from DeepEP's published benchmarks (deepseek-ai/DeepEP,
 * commit 0297fc8: README.md "Performance" and docs/legacy.md "Performance"; DeepEP is the expert all-to-all of
 * SGLang's and DeepSeek's expert-parallel serving). The figures are "logical bandwidth": the bytes of every routed copy
 * of a token (tokens × top-k × hidden × bytes, the copies for the chip's own experts included) ÷ the kernel's time.
 * All follow DeepSeek-V3's configuration (hidden 7,168, top-8 experts, FP8 dispatch, BF16 combine):
 *   scale-out, V1 low-latency kernels (the decode ones), H800 with a CX7 400 Gb/s InfiniBand card (~50 GB/s), 128
 *     tokens per batch: dispatch 173 µs at 43 GB/s (EP64), 192 µs at 39 GB/s (EP128), 194 µs at 39 GB/s (EP256);
 *     combine 314 µs at 46 GB/s, 369 µs at 39 GB/s, 360 µs at 40 GB/s. Median 39.5 GB/s ÷ 50 GB/s = 0.79 (0.78–0.92);
 *     at EP8–32 the pure-RDMA figures run 48–127 GB/s, above the card: part of that traffic stays in the node;
 *   scale-out, V1 normal kernels (prefill, 4,096 tokens per batch, NVLink forwarding to RDMA): 43–58 GB/s at EP16–64
 *     counting each (token, node) pair, its own node's included; the remote pairs alone reach 0.87 and 0.89 of the
 *     card at EP32 and EP64 (communication.ts forwardedAllToAllSeconds, which sends a prefill's tokens this way);
 *   scale-up, V1 normal kernels, H800 intranode EP8: dispatch 153, combine 158 GB/s (0.77, 0.79 of the catalog's 200
 *     GB/s per direction; DeepEP takes "~160 GB/s NVLink maximum");
 *   scale-up, V2 (README, SM100 = B200), EP8, 8K tokens per batch: dispatch 726, combine 740 GB/s (0.81, 0.82 of NVLink
 *     5's 900 GB/s per direction) with 64 SMs; 643, 675 GB/s (0.71, 0.75) with the fewest, 24.
 * We take 0.8 for both, the decode kernels' wide-EP median and the NVLink figures rounded. The 128-token times are
 * reproduced by the bytes ÷ this bandwidth alone (dispatch, 7,168 × 8 × 128 B of FP8 at 40 GB/s: 184 µs against
 * 173–194 µs; combine in BF16: 367 µs against 314–369 µs), so no fixed time is added per all-to-all (one batch size
 * cannot part a fixed time from the bandwidth); at far fewer tokens per chip the model is optimistic.
 */
export const EXPERT_ALL_TO_ALL_FRACTION = 0.8;

/**
 * Fixed time of one all-reduce: an assumption of 10 µs, the order of a small-message NVLink all-reduce (launch plus
 * synchronisation of 2–8 GPUs; custom one-shot all-reduce kernels reach a few µs, NCCL's ring over 8 GPUs tens of µs).
 * To be fitted.
 */
export const DEFAULT_COLLECTIVE_LATENCY_SECONDS = 10e-6;

/**
 * Fixed time of one forward step (launching its kernels or replaying a CUDA graph, the scheduler choosing the batch,
 * sampling): an assumption of 0.5 ms for an engine with CUDA graphs and an asynchronous scheduler. To be fitted; it
 * dominates small models at small batch.
 */
export const DEFAULT_STEP_OVERHEAD_SECONDS = 0.5e-3;

/**
 * Kernel overlap in the estimate: none. A decode step of vLLM, SGLang or TensorRT-LLM runs attention and the matrix
 * multiplies of a layer one after the other on the same chip (overlap needs a second micro-batch: NanoFlow, Zhu et al.
 * 2024, arXiv 2408.12757, and the two-batch overlap of DeepSeek's and SGLang's expert-parallel decode). Not fitted:
 * against full overlap (the whole step at the larger of its memory and compute time), running the groups in sequence
 * lowered the calibration's held-out median error from 15.6% to 12.3% (49 held out of 155 compared, the efficiencies refitted).
 */
export const DEFAULT_KERNEL_OVERLAP_FRACTION = 0;

/** The efficiencies the model uses until a fit replaces them (each constant above, with its source). */
export const DEFAULT_SERVING_EFFICIENCIES: Readonly<ServingEfficiencies> = {
  bandwidthFraction: DEFAULT_ACHIEVABLE_BANDWIDTH_FRACTION,
  computeFraction: DEFAULT_ACHIEVABLE_COMPUTE_FRACTION,
  communicationFraction: DEFAULT_COMMUNICATION_FRACTION,
  expertAllToAllFraction: EXPERT_ALL_TO_ALL_FRACTION,
  collectiveLatencySeconds: DEFAULT_COLLECTIVE_LATENCY_SECONDS,
  stepOverheadSeconds: DEFAULT_STEP_OVERHEAD_SECONDS,
  kernelOverlapFraction: DEFAULT_KERNEL_OVERLAP_FRACTION
};

/**
 * The roofline: every roof reached in full, every kernel group hidden under the others and no fixed time. No
 * efficiencies in range give more throughput, so a result at these is an upper bound, not an estimate (communication
 * still takes its bytes ÷ link bandwidth).
 */
export const ROOFLINE_EFFICIENCIES: Readonly<ServingEfficiencies> = {
  bandwidthFraction: 1,
  computeFraction: 1,
  communicationFraction: 1,
  expertAllToAllFraction: 1,
  collectiveLatencySeconds: 0,
  stepOverheadSeconds: 0,
  kernelOverlapFraction: 1
};
