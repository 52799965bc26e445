import type {MeasurementPhase} from "./measurement.js";

/**
 * The calibrated band: which measured layouts the serving model's efficiencies are fitted on and its error is
 * reported for. Decided by the layout and how the run was scheduled, from what the model lacks, not from the ratios
 * (the layout line was drawn before any ratio was looked at; the scheduling condition was added once the expert
 * all-to-all ran at DeepEP's bandwidth, because the reason it rests on, LMSYS's, is unified scheduling's):
 *
 *   outside the band: data-parallel attention with wide expert parallelism, expert_parallel > tensor_parallel (each
 *   attention group runs attention on its own sequences and holds only their KV; the routed experts are sharded over
 *   the replica: parallelism.ts replicaLayout), under unified scheduling: phase "whole", prefill and decode on the
 *   same chips. The MLPerf v5.1 DeepSeek-R1 rows (TensorRT-LLM enable_attention_dp, TP1 EP8 in the model's terms) are
 *   such runs.
 *
 * Why: the model runs every attention group in lockstep at the replica's mean batch and sequence length. It lacks
 * the attention-DP rank imbalance that sets a step's time on such a replica under unified scheduling (LMSYS,
 * "Deploying DeepSeek with PD Disaggregation and Large-scale Expert Parallelism on 96 H100 GPUs", May 2025, "Issues
 * with Unified Scheduling": "DP Attention Imbalance: one DP worker may process a prefill batch while another handles
 * a decode batch simultaneously, leading to increased decode latency"), which leaves the model too fast on the MLPerf
 * rows. The in-flight bias towards long outputs (at any moment the sequences in flight are mostly the long ones) it
 * takes from each row's measured spread of output lengths (output_tokens_cv, inflightLength.ts: MLPerf's DeepSeek-R1
 * set 1.25, its in-flight answer 2.57 times the mean): with it the MLPerf rows run 2.31 to 4.35 times the measured,
 * without it 2.97 to 5.52 (3.2 to 6.1 before the expert all-to-all ran at DeepEP's bandwidth). Those rows are not
 * used to fit the efficiencies and are in neither held-out split; `calibration` prints them apart with their
 * model ÷ measured, and docs/model-accuracy.md says so.
 *
 * Inside the band: the same layout decoding only (phase "decode", prefill disaggregated onto other chips, as LMSYS's
 * EP72 and DeepSeek's EP144 decode are). No rank prefills while the others decode, which is the imbalance the blog
 * names as unified scheduling's; and the rows are taken at a stated KV length (LMSYS's fixed 2,000; DeepSeek's
 * published average KV length per output token, 4,989, which already weights the long outputs in flight). Since the
 * expert all-to-all runs at DeepEP's published bandwidth (EXPERT_ALL_TO_ALL_FRACTION, efficiencies.ts) rather than at
 * the communicationFraction fitted on tensor-parallel all-reduces, the model gives 0.900 of LMSYS's measured (at the
 * fitted Hopper 0.215 it was 0.325, with 248 of its 283 ms step in the all-to-all) and 0.971 of DeepSeek's, before
 * either was fitted. Two-batch overlap is not modelled: hiding LMSYS's 67 ms of all-to-all under the other
 * micro-batch's 26 ms of kernels would put it at about 1.20 (a 76 ms step).
 *
 * Inside the band too: the same layout prefilling only (phase "prefill", decode on other chips: LMSYS's EP32 prefill
 * of 1K to 4K prompts, DeepSeek's EP32 prefill profile). No rank decodes while another prefills, and the batch is a
 * stated number of prompts of a stated length, so neither missing effect applies; the rows are compared on prompt
 * tokens per second per chip (predict.ts).
 */
export function outsideCalibratedBand(
  layout: {tensorParallel: number; expertParallel: number},
  phase: MeasurementPhase
): boolean {
  return layout.expertParallel > layout.tensorParallel && phase === "whole";
}

/** The criterion in a line, as `calibration` and the site state it. */
export const CALIBRATED_BAND_CRITERION =
  "data-parallel attention with wide expert parallelism (expert_parallel > tensor_parallel: attention on each rank's " +
  "own sequences, experts sharded) under unified scheduling (phase whole: prefill and decode on the same chips)";

/** Why such a layout is outside the band, in a line. */
export const CALIBRATED_BAND_REASON =
  "the model lacks attention-DP rank imbalance (one rank in prefill while the others decode: LMSYS, large-scale EP " +
  "on 96 H100s, May 2025), which leaves it too fast on MLPerf's; so these rows are neither fitted nor held out";
