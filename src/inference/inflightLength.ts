import type {NumberRange} from "../units/range.js";

/**
 * Mean output tokens of the requests in flight, when output lengths vary from request to request.
 *
 * A batch slot holds a request for as many decode steps as it has output tokens, so a request of twice the output
 * holds its slot twice as long: a snapshot of the batch finds requests in proportion to their output length
 * (length-biased sampling, the inspection paradox of renewal theory: S. M. Ross, Introduction to Probability Models,
 * §7.7). Their mean output is E[o²] ÷ E[o] = mean × (1 + CV²), CV the coefficient of variation of the output length
 * (standard deviation ÷ mean). The KV cache the batch holds and reads grows with it: a request in flight holds on
 * average input + mean × (1 + CV²) ÷ 2 tokens.
 *   outputTokens = 144.84, CV = 0.778 (MLPerf's Mixtral 8x7B dataset) → 232.5 tokens in flight (1.61 × the mean)
 *   outputTokens = 4,043, CV = 1.253 (MLPerf's DeepSeek-R1 dataset) → 10,388 tokens in flight (2.57 × the mean)
 * (CVs of the datasets' per-sample reference output lengths, openshift-psap/performance-dashboard,
 * mlperf-data/summaries, computed by us). It takes input and output lengths as independent; on MLPerf's datasets the
 * tokens a request in flight holds, input + mean × (1 + CV²) ÷ 2, are within 6.1% of the samples' exact
 * Σ o (i + o/2) ÷ Σ o: Mixtral 543.7 against 554.9, DeepSeek-R1 5,997.6 against 5,826.0, Llama 2 70B 399.6 against
 * 376.8, Llama 3.1 405B 9,820.6 against 9,585.1, Llama 3.1 8B 919.7 against 974.9.
 *
 * Input: mean output tokens per request (> 0) and their coefficient of variation (≥ 0; 0 when every request has the
 * same length, as fixed-length benchmarks run). Output: tokens; equal to `outputTokens` at CV 0. Raises nothing: the
 * callers' inputs are checked at the edges (servingChecks.ts, the scenario schema, the measurements parser).
 */
export function inflightOutputTokens(outputTokens: number, outputTokensCv: number): number {
  return outputTokens * (1 + outputTokensCv * outputTokensCv);
}

/**
 * The coefficients of variation of output length the model takes: 0 (all the same length) to 10. Measured serving
 * datasets spread 0.38–1.25 (MLPerf's, above); a CV of 10 already puts the in-flight mean at 101 × the mean output.
 */
export const OUTPUT_TOKENS_CV_RANGE = {min: 0, max: 10} as const satisfies NumberRange;
