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
 * when outputs vary as widely as reasoning outputs do): both leave the model too fast on the MLPerf rows. Nor does it
 * overlap the expert all-to-all with the other micro-batch's compute (SGLang's and DeepSeek's two-batch overlap; the
 * LMSYS blog's decode profile has dispatch at ~0.17 ms per layer per 128-token micro-batch), which leaves it too slow
 * on the LMSYS row. Those rows are not used to fit the efficiencies and are in
 * neither held-out split; `calibration` prints them apart with their model ÷ measured, and docs/model-accuracy.md
 * says so.
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
  "on 96 H100s, May 2025) and the in-flight bias towards long outputs (too fast on MLPerf's), and it does not hide the " +
  "experts' all-to-all under two-batch overlap (too slow on LMSYS's); so these rows are neither fitted nor held out";
