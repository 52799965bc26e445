/**
 * Prefill on chips of its own (prefill/decode disaggregation): prompts are prefilled on replicas laid out for prefill,
 * and their KV caches handed to decode replicas that only decode. DeepSeek serves V3/R1 so ("prefilling and decoding
 * are disaggregated", prefill on routed experts EP32 with attention DP32, decode on EP144: DeepSeek, 'Day 6:
 * DeepSeek-V3/R1 Inference System Overview', open-infra-index, 2025), as does SGLang's large-scale expert parallelism
 * (LMSYS, 'Deploying DeepSeek with PD Disaggregation and Large-scale Expert Parallelism on 96 H100 GPUs', 2025).
 * The KV cache's transfer from prefill to decode chips is not modelled (both overlap it with computation).
 */
export interface PrefillReplica {
  /** Chips each attention layer of a prefill replica is split over; integer >= 1 (parallelism.ts). */
  tensorParallel: number;
  /** Chips a prefill replica's routed experts are spread over; 1 for a dense model; integer >= 1. */
  expertParallel: number;
  /** New (uncached) prompt tokens each chip of a prefill replica computes in one prefill step; > 0. */
  stepTokensPerChip: number;
}

/**
 * Prompt tokens each chip computes per prefill step when a scenario does not say: 16,384, the step of both published
 * wide expert-parallel prefills of DeepSeek-V3: DeepSeek's own profile ("EP32 and TP1 (in line with DeepSeek V3/R1's
 * actual online deployment), with a prompt length set to 4K and a batch size of 16K tokens per GPU",
 * deepseek-ai/profile-data README) and LMSYS's ("16,384 tokens per device", the blog above).
 */
export const DEFAULT_PREFILL_STEP_TOKENS_PER_CHIP = 16_384;

/**
 * Prompts one prefill replica of `chips` chips prefills together in a step of `stepTokensPerChip` new tokens per chip,
 * each prompt `newTokensPerPrompt` new (uncached) tokens: stepTokensPerChip × chips ÷ newTokensPerPrompt, a real number
 * (an average: an engine splits the last prompt across steps, as DeepSeek's profile splits one between micro-batches).
 * e.g. EP32 at 16,384 tokens per GPU of 4,096-token prompts: 128 prompts.
 */
export function prefillPromptsPerStep(stepTokensPerChip: number, chips: number, newTokensPerPrompt: number): number {
  return (stepTokensPerChip * chips) / newTokensPerPrompt;
}
