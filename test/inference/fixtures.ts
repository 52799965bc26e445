import type {ModelArchitecture} from "../../src/catalog/model.js";
import type {ReplicaHardware} from "../../src/inference/stepCost.js";

/** Llama 3.1 70B-like dense model (80 layers, 64 heads, 8 KV heads, head dim 128), inline so tests need no CSV. */
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
  experts: 1,
  expertsPerToken: 1,
  vocabSize: 128256,
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

/** One H100-like chip: 3.35 TB/s, 989 TFLOP/s BF16, ideal (fraction 1) unless a test says otherwise. */
export const H100_IDEAL: ReplicaHardware = {
  hbmBandwidthBytesPerS: 3.35e12,
  peakFlopsPerS: 989e12,
  tensorParallel: 1,
  achievableBandwidthFraction: 1,
  achievableComputeFraction: 1
};
