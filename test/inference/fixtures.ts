import type {ModelArchitecture} from "../../src/catalog/model.js";
import type {ServingEfficiencies} from "../../src/inference/efficiencies.js";
import type {ReplicaHardware} from "../../src/inference/stepCost.js";

/**
 * Llama 3.1 70B-like dense model (80 layers, 64 heads, 8 KV heads, head dim 128), inline so tests need no CSV. Its
 * vocabulary is 1,000 so that the embedding table (1,000 × 8,192 = 8.192e6 parameters) barely moves hand-worked sums.
 */
export const DENSE_70B: ModelArchitecture = {
  id: "dense-70b",
  name: "dense 70B",
  params: 70e9,
  activeParams: 70e9,
  layers: 80,
  hiddenSize: 8192,
  attentionHeads: 64,
  kvHeads: 8,
  headDim: 128,
  mlaKvDim: null,
  mlaRopeDim: null,
  experts: 1,
  expertsPerToken: 1,
  vocabSize: 1000,
  tiedEmbeddings: false,
  contextTokens: 131072,
  trainingTokens: null,
  sourceTitle: "test",
  sourceUrl: "https://example.org",
  notes: ""
};

/** Mixtral-8x7B-like MoE: 46.7B total, 12.9B active, 2 of 8 experts. */
export const MOE_8X7B: ModelArchitecture = {
  ...DENSE_70B,
  id: "moe-8x7b",
  params: 46.7e9,
  activeParams: 12.9e9,
  layers: 32,
  hiddenSize: 4096,
  attentionHeads: 32,
  kvHeads: 8,
  experts: 8,
  expertsPerToken: 2
};

/** One H100-like chip: 3.35 TB/s, 989 TFLOP/s BF16, NVLink 450 GB/s each way in 8-chip servers, 50 GB/s scale-out. */
export const H100_LIKE: ReplicaHardware = {
  chips: 1,
  hbmBandwidthBytesPerS: 3.35e12,
  peakFlopsPerS: 989e12,
  bf16PeakFlopsPerS: 989e12,
  fp8PeakFlopsPerS: 1979e12,
  scaleUpBandwidthBytesPerS: 450e9,
  scaleUpChips: 8,
  scaleUpTopology: "switch",
  scaleOutBandwidthBytesPerS: 50e9
};

/**
 * Every roof reached in full, kernels overlapped (a step at the larger of its memory and compute time) and no fixed
 * time (the same numbers as ROOFLINE_EFFICIENCIES).
 */
export const IDEAL: ServingEfficiencies = {
  bandwidthFraction: 1,
  computeFraction: 1,
  communicationFraction: 1,
  expertAllToAllFraction: 1,
  collectiveLatencySeconds: 0,
  stepOverheadSeconds: 0,
  kernelOverlapFraction: 1
};

/**
 * The fractions the issue's figures use (0.8 of bandwidth, 0.48 of compute), with communication at full link speed and
 * no fixed time, to test the memory and compute mechanisms apart from the collectives and overhead.
 */
export const ISSUE_FRACTIONS: ServingEfficiencies = {...IDEAL, bandwidthFraction: 0.8, computeFraction: 0.48};
