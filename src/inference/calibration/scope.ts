/**
 * The calibrated band: which measured layouts the serving model's efficiencies are fitted on and its error is
 * reported for. Decided by the layout alone, before any ratio is looked at:
 *
 *   outside the band: data-parallel attention with wide expert parallelism, expert_parallel > tensor_parallel (each
 *   attention group runs attention on its own sequences and holds only their KV; the routed experts are sharded over
 *   the replica: parallelism.ts replicaLayout). The MLPerf v5.1 DeepSeek-R1 rows (TensorRT-LLM enable_attention_dp,
 *   TP1 EP8 in the model's terms) and LMSYS's EP72 decode row are such layouts; so is the deepseek-one-day scenario
 *   (DeepSeek's TP1 EP144 decode).
 *
 * Why: the model runs every attention group in lockstep at the replica's mean batch and sequence length. It lacks
 * the attention-DP rank imbalance that sets a step's time on such a replica (LMSYS, "Deploying DeepSeek with PD
 * Disaggregation and Large-scale Expert Parallelism on 96 H100 GPUs", May 2025, "Issues with Unified Scheduling": "DP
 * Attention Imbalance: one DP worker may process a prefill batch while another handles a decode batch
 * simultaneously, leading to increased decode latency"), and the in-flight bias towards long outputs (at any moment
 * the sequences in flight are mostly the long ones, so the live KV per rank exceeds what the request means give
 * when outputs vary as widely as reasoning outputs do): both leave the model too fast on the MLPerf rows. Those rows
 * are not used to fit the efficiencies and are in neither held-out split; `calibration` prints them apart with their
 * model ÷ measured, and docs/model-accuracy.md says so.
 *
 * The expert all-to-all itself is modelled at DeepEP's published bandwidth (EXPERT_ALL_TO_ALL_FRACTION,
 * efficiencies.ts), not at the communicationFraction fitted on tensor-parallel all-reduces; at the latter (Hopper
 * 0.215) LMSYS's EP72 decode was modelled at 0.325 of the measured, with 248 of its 283 ms step in the all-to-all;
 * at DeepEP's 0.8 it is 0.900 (67 ms of 102 ms). Two-batch overlap is not modelled: hiding that all-to-all under the
 * other micro-batch's 26 ms of kernels would put the row at about 1.20 (a 76 ms step).
 */
export function outsideCalibratedBand(layout: {tensorParallel: number; expertParallel: number}): boolean {
  return layout.expertParallel > layout.tensorParallel;
}

/** The criterion in a line, as `calibration` and the site state it. */
export const CALIBRATED_BAND_CRITERION =
  "data-parallel attention with wide expert parallelism (expert_parallel > tensor_parallel: attention on each rank's " +
  "own sequences, experts sharded)";

/** Why such a layout is outside the band, in a line. */
export const CALIBRATED_BAND_REASON =
  "the model lacks attention-DP rank imbalance (one rank in prefill while the others decode: LMSYS, large-scale EP " +
  "on 96 H100s, May 2025) and the in-flight bias towards long outputs (too fast on MLPerf's); so these rows are " +
  "neither fitted nor held out";
