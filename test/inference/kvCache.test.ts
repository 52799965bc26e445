import {describe, expect, it} from "vitest";
import {kvBytesPerToken, kvBytesPerTokenStored} from "../../src/inference/kvCache.js";

describe("kvBytesPerToken", () => {
  it.each([
    // Llama 3.1 405B, BF16: 2·126·8·128·2 = 516,096 B (config via aarnphm.xyz Llama 3 Herd table; facts.md §6)
    ["Llama 3.1 405B", {layers: 126, kvHeads: 8, headDim: 128, mlaKvDim: null}, 2, 516_096],
    // Llama 3 70B / Llama 2 70B: 2·80·8·128·2 = 327,680 B (facts.md §6, derived)
    ["Llama 3 70B", {layers: 80, kvHeads: 8, headDim: 128, mlaKvDim: null}, 2, 327_680],
    // Llama 3 8B: 2·32·8·128·2 = 131,072 B = 128 KiB (paper-digest.app "Llama 3 … 128KiB")
    ["Llama 3 8B", {layers: 32, kvHeads: 8, headDim: 128, mlaKvDim: null}, 2, 131_072],
    // Llama 2 7B, multi-head attention with 32 KV heads: 2·32·32·128·2 = 524,288 B
    ["Llama 2 7B", {layers: 32, kvHeads: 32, headDim: 128, mlaKvDim: null}, 2, 524_288],
    // DeepSeek-V3 MLA: (512 + 64)·61·2 = 70,272 B, "70KB per token" (36Kr, of the DeepSeek ISCA'25 paper)
    ["DeepSeek-V3 (MLA)", {layers: 61, kvHeads: 128, headDim: 128, mlaKvDim: 576}, 2, 70_272]
  ])("%s holds the published KV bytes per token", (_name, model, bytes, expected) => {
    expect(kvBytesPerToken(model, bytes)).toBe(expected);
  });

  it("halves with an FP8 cache", () => {
    const model = {layers: 80, kvHeads: 8, headDim: 128, mlaKvDim: null};
    expect(kvBytesPerToken(model, 1)).toBe(kvBytesPerToken(model, 2) / 2);
  });
});

describe("kvBytesPerTokenStored", () => {
  const llama405b = {layers: 126, attentionHeads: 128, kvHeads: 8, headDim: 128, mlaKvDim: null};
  const deepseek = {layers: 61, attentionHeads: 128, kvHeads: 128, headDim: 128, mlaKvDim: 576};

  it.each([
    // TP ≤ 8 KV heads: each head on one chip, stored once: 2·126·8·128·1 = 258,048 B in FP8.
    [1, 258_048],
    [8, 258_048],
    // TP16: one whole head per chip, each of the 8 heads on 2 chips: 516,096 B; TP64: on 8 chips each.
    [16, 516_096],
    [64, 8 * 258_048]
  ])("stores Llama 3.1 405B's KV heads with copies at TP%i", (tp, bytes) => {
    expect(kvBytesPerTokenStored(llama405b, 1, tp)).toBe(bytes);
  });

  it("stores DeepSeek-V3's 576-element latent once per tensor-parallel rank", () => {
    // 61 × 576 × 1 B = 35,136 B at TP1; × 8 = 281,088 B at TP8.
    expect(kvBytesPerTokenStored(deepseek, 1, 1)).toBe(35_136);
    expect(kvBytesPerTokenStored(deepseek, 1, 8)).toBe(281_088);
  });
});
