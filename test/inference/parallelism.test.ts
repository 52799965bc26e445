import {describe, expect, it} from "vitest";
import {
  kvReplication,
  replicaLayout,
  tensorParallelWorks,
  workingTensorParallelDegrees
} from "../../src/inference/parallelism.js";
import {parallelismProblem, requestProblem} from "../../src/inference/servingChecks.js";

// Head counts from data/models.csv (each model's config.json).
const LLAMA_70B = {id: "llama-3.1-70b", attentionHeads: 64, kvHeads: 8, mlaKvDim: null, experts: 1, expertsPerToken: 1};
const LLAMA_2_7B = {...LLAMA_70B, id: "llama-2-7b", attentionHeads: 32, kvHeads: 32};
const DEEPSEEK_V3 = {
  id: "deepseek-v3",
  attentionHeads: 128,
  kvHeads: 128,
  mlaKvDim: 576,
  experts: 256,
  expertsPerToken: 8
};

describe("replicaLayout", () => {
  it("spans max(TP, EP) chips with TP-sized attention groups", () => {
    expect(replicaLayout(8, 1)).toEqual({tensorParallel: 8, expertParallel: 1, chips: 8, attentionGroups: 1});
    expect(replicaLayout(1, 8)).toEqual({tensorParallel: 1, expertParallel: 8, chips: 8, attentionGroups: 8});
    expect(replicaLayout(2, 8)).toEqual({tensorParallel: 2, expertParallel: 8, chips: 8, attentionGroups: 4});
  });
});

describe("tensor-parallel degrees that shard the attention", () => {
  it("needs whole query heads and KV heads split or copied whole", () => {
    expect(workingTensorParallelDegrees(LLAMA_70B)).toEqual([1, 2, 4, 8, 16, 32, 64]);
    expect(tensorParallelWorks(LLAMA_70B, 3)).toBe(false); // 64 ÷ 3
    expect(tensorParallelWorks(LLAMA_70B, 12)).toBe(false);
    expect(workingTensorParallelDegrees(LLAMA_2_7B)).toEqual([1, 2, 4, 8, 16, 32]);
    // An MLA latent is copied whole onto every rank: any divisor of the 128 query heads.
    expect(workingTensorParallelDegrees(DEEPSEEK_V3)).toEqual([1, 2, 4, 8, 16, 32, 64, 128]);
  });

  it("counts KV copies: none up to the KV-head count, TP ÷ KV heads beyond, TP for a latent", () => {
    expect(kvReplication(LLAMA_70B, 8)).toBe(1);
    expect(kvReplication(LLAMA_70B, 32)).toBe(4);
    expect(kvReplication(DEEPSEEK_V3, 8)).toBe(8);
  });
});

describe("parallelismProblem and requestProblem", () => {
  it("name the setting, what works and what was found", () => {
    expect(parallelismProblem(LLAMA_70B, 3, 1)?.expected).toBe("one of 1, 2, 4, 8, 16, 32, 64");
    expect(parallelismProblem(LLAMA_70B, 8, 2)).toMatchObject({setting: "expertParallel", expected: "1"});
    expect(parallelismProblem(DEEPSEEK_V3, 8, 12)).toMatchObject({setting: "expertParallel", found: "12"});
    expect(parallelismProblem(DEEPSEEK_V3, 1, 144)).toBeNull(); // DeepSeek's decode: attention DP, experts EP144
    // More chips than experts (256 routed experts, data/models.csv): a chip would hold no whole expert.
    expect(parallelismProblem(DEEPSEEK_V3, 8, 512)).toMatchObject({setting: "expertParallel", found: "512"});
    expect(parallelismProblem(DEEPSEEK_V3, 8, 512)?.expected).toBe(
      "at most 256 (every chip holds at least one whole expert)"
    );
  });

  it.each([
    [{inputTokens: 0, outputTokens: 1, cacheHitFraction: 0}, "inputTokens", "0"],
    [{inputTokens: 10, outputTokens: 2.5, cacheHitFraction: 0}, "outputTokens", "2.5"],
    [{inputTokens: 10, outputTokens: 1, cacheHitFraction: 1}, "cacheHitFraction", "1"],
    [{inputTokens: 10, outputTokens: 1, cacheHitFraction: -0.1}, "cacheHitFraction", "-0.1"]
  ])("rejects the request %j", (request, setting, found) => {
    expect(requestProblem(request)).toMatchObject({setting, found});
  });

  it("rejects a request longer than the model's context window (Llama 2 70B: 4,096 tokens, data/models.csv)", () => {
    const model = {id: "llama-2-70b", contextTokens: 4096};
    expect(requestProblem({inputTokens: 4000, outputTokens: 96, cacheHitFraction: 0, model})).toBeNull();
    expect(requestProblem({inputTokens: 4000, outputTokens: 97, cacheHitFraction: 0, model})).toMatchObject({
      setting: "inputTokens",
      found: "4,097"
    });
  });

  it("accepts whole token counts and a cache-hit share in [0, 1)", () => {
    expect(requestProblem({inputTokens: 1, outputTokens: 1, cacheHitFraction: 0})).toBeNull();
    expect(requestProblem({inputTokens: 4096, outputTokens: 512, cacheHitFraction: 0.99})).toBeNull();
  });
});
