import type {ServingEfficiencies} from "./efficiencies.js";
import type {ReplicaLayout} from "./parallelism.js";
import type {ModelShape, ReplicaHardware} from "./stepCost.js";

/**
 * Bytes per activation element sent between chips: BF16, the format tensor-parallel all-reduces run in (vLLM and
 * TensorRT-LLM reduce BF16 activations even for FP8 weights), and the format of an expert all-to-all's combine (the
 * experts' outputs sent back to be summed).
 */
export const ACTIVATION_BYTES = 2;

/** What collectiveBandwidthBytesPerS reads of a chip: its links and how its scale-up domain is wired. */
export type ChipWiring = Pick<
  ReplicaHardware,
  "scaleUpBandwidthBytesPerS" | "scaleUpChips" | "scaleUpTopology" | "scaleOutBandwidthBytesPerS"
>;

/**
 * Bytes per element of an expert all-to-all's dispatch (each token sent to its experts' chips) when the experts run
 * in `bytesPerParam`-byte weights: 1 (FP8) for FP8 or FP4 experts, else ACTIVATION_BYTES. The tokens are quantized
 * before they are sent, since the expert matrix multiply takes them in FP8 anyway: DeepEP's published figures use
 * "FP8 dispatching, and BF16 combining" following DeepSeek-V3's configuration (deepseek-ai/DeepEP README,
 * Performance), and DeepSeek's own serving system runs "matmuls and dispatch in FP8, MLA and combine in BF16"
 * (DeepSeek, 'Day 6: DeepSeek-V3/R1 Inference System Overview', open-infra-index, 2025). FP4 experts are taken at
 * FP8 dispatch too (at most the bytes an NVFP4 dispatch would send).
 */
export function expertDispatchBytesPerElement(bytesPerParam: number): number {
  return bytesPerParam < ACTIVATION_BYTES ? 1 : ACTIVATION_BYTES;
}

/**
 * Bandwidth per chip, each direction, bytes/s, that a collective among `groupChips` chips (an integer >= 2) runs on:
 * the scale-up link when the group fits in one scale-up domain (an 8-GPU NVLink server, a 72-GPU NVL72 rack), else the
 * scale-out network (a ring or all-to-all that leaves the domain is limited by its slowest hop). Within the domain it
 * depends on how the domain is wired (hardware.scaleUpTopology, src/catalog/scaleUpTopology.ts):
 *   switch:     the chip's whole scale-up bandwidth, for any group (NVSwitch connects every GPU to every other at
 *               full NVLink speed: NVIDIA, 'Introducing NVIDIA HGX H100', 2022);
 *   full-mesh:  scaleUpBandwidth × (t − 1) ÷ (domain chips − 1) for a group of t chips: each chip has one direct link
 *               to each of the other domain chips (8 MI300X: 7 xGMI links of 64 GB/s each way, 448 GB/s), and a group
 *               owns only the t − 1 links between its members. Ring all-reduce and all-to-all over a fully connected
 *               group use all of those links at once: an all-to-all sends each peer its share over their direct link,
 *               and RCCL runs several rings at once, one per link (its 8-GPU all-reduce reaches a bus bandwidth of
 *               318 GB/s, about the 315–336 GB/s the 7 links realize together). So a group of fewer chips gets less:
 *               MI300X TP2 64 GB/s, TP4 192 GB/s, TP8 448 GB/s ("with only 2 or 4 GPUs, only a fraction of the
 *               available bandwidth on the node is utilized"; all from AMD ROCm blog, 'Understanding RCCL Bandwidth
 *               and xGMI Performance on AMD Instinct MI300X', 2025);
 *   torus, hybrid-cube-mesh: not modelled, treated as switch (a TPU or Trainium2 group's links depend on its shape in
 *               the torus; DGX-1's V100 pairs have two, one or no NVLinks), so a group smaller than the domain may be
 *               modelled too fast in its collectives.
 */
export function collectiveBandwidthBytesPerS(hardware: ChipWiring, groupChips: number): number {
  if (groupChips > hardware.scaleUpChips) return hardware.scaleOutBandwidthBytesPerS;
  const mesh = meshLinksUsed(hardware, groupChips);
  return mesh ? (hardware.scaleUpBandwidthBytesPerS * mesh.used) / mesh.of : hardware.scaleUpBandwidthBytesPerS;
}

/**
 * The direct links each chip of a group of `groupChips` (an integer >= 1, within the scale-up domain) uses in a full
 * mesh: its t − 1 links to the group's other chips, of the domain − 1 it has (an MI300X group of 4: 3 of 7). Null
 * where the wiring gives any group every link (a switch, and the wirings modelled as one: torus, hybrid cube-mesh) or
 * the domain is one chip. What collectiveBandwidthBytesPerS scales the link bandwidth by, and the pages' tooltip says.
 */
export function meshLinksUsed(
  wiring: Pick<ChipWiring, "scaleUpChips"> & {scaleUpTopology: string},
  groupChips: number
): {used: number; of: number} | null {
  if (wiring.scaleUpTopology !== "full-mesh" || wiring.scaleUpChips <= 1) return null;
  return {used: groupChips - 1, of: wiring.scaleUpChips - 1};
}

/**
 * Ring all-reduce of `bytes` (the size of the reduced tensor) over `groupChips` chips: each chip sends and receives
 * 2 (n − 1) ÷ n of it (reduce-scatter then all-gather):
 *   latency + 2 (n − 1) ÷ n × bytes ÷ (link bandwidth × communicationFraction); 0 for one chip.
 */
export function allReduceSeconds(
  bytes: number,
  groupChips: number,
  hardware: ReplicaHardware,
  efficiencies: ServingEfficiencies
): number {
  if (groupChips <= 1) return 0;
  const bandwidth = collectiveBandwidthBytesPerS(hardware, groupChips) * efficiencies.communicationFraction;
  return efficiencies.collectiveLatencySeconds + ((2 * (groupChips - 1)) / groupChips) * (bytes / bandwidth);
}

/**
 * Expert all-to-all (a dispatch or a combine) in which each of `groupChips` chips (an integer >= 1) holds
 * `bytesPerChip` bytes: every routed copy of its tokens (tokens × experts per token × hidden × bytes per element),
 * those for its own experts included, as DeepEP counts its "logical bandwidth":
 *   bytesPerChip ÷ (link bandwidth × expertAllToAllFraction); 0 for one chip.
 * No fixed time: the realized fraction (EXPERT_ALL_TO_ALL_FRACTION, efficiencies.ts, from DeepEP's benchmarks) is the
 * whole kernel's time at 128 tokens per chip. Returns seconds.
 */
export function expertAllToAllSeconds(
  bytesPerChip: number,
  groupChips: number,
  hardware: ReplicaHardware,
  efficiencies: ServingEfficiencies
): number {
  if (groupChips <= 1) return 0;
  return bytesPerChip / (collectiveBandwidthBytesPerS(hardware, groupChips) * efficiencies.expertAllToAllFraction);
}

/**
 * How an expert all-to-all moves a token's routed copies (DeepEP's two kernel families, deepseek-ai/DeepEP, commit
 * 0297fc8, docs/legacy.md):
 *   "direct":    every routed copy straight to its expert's chip: the low-latency kernels ("pure RDMA", "for
 *                latency-sensitive inference decoding"), the decode ones;
 *   "forwarded": each token once to every chip holding any of its experts, and across scale-up domains once to
 *                every remote domain over the scale-out network, then on over the domain's own links: the normal
 *                kernels ("asymmetric-domain bandwidth forwarding, such as forwarding data from NVLink domain to RDMA
 *                domain", "suitable for both training and inference prefilling tasks"), the prefill ones. SGLang runs
 *                the normal kernels for prefill and the low-latency ones for decode (LMSYS, 'Deploying DeepSeek with PD
 *                Disaggregation and Large-scale Expert Parallelism on 96 H100 GPUs', 2025: "Normal Dispatch:
 *                Optimized for handling long input sequences, such as during the prefill phase").
 */
export type ExpertAllToAllRouting = "direct" | "forwarded";

/**
 * Probability that one of `parts` equal parts of a model's `experts` routed experts (the experts one chip holds, or
 * one scale-up domain) holds at least one of a token's `expertsPerToken`, the token's experts drawn evenly without
 * replacement (routing balanced across experts, as load-balancing losses and DeepSeek's EPLB aim for):
 *   1 − Π over i < k of (E − E ÷ parts − i) ÷ (E − i)
 * In [0, 1]; 1 for one part. Routing limited to a few groups (DeepSeek-V3 sends each token to at most 4 nodes)
 * touches fewer parts than this when the parts outnumber the groups: the model sends more than such routing does.
 */
export function partTouchedProbability(experts: number, expertsPerToken: number, parts: number): number {
  if (parts <= 1) return 1;
  const outside = experts - experts / parts;
  let missed = 1;
  for (let i = 0; i < expertsPerToken; i++) missed *= Math.max(0, outside - i) / (experts - i);
  return 1 - missed;
}

/**
 * One forwarded expert all-to-all (a dispatch or a combine, ExpertAllToAllRouting "forwarded") in which each of
 * `groupChips` chips holds `tokensPerChip` tokens of `elementBytesPerToken` bytes (hidden × bytes per element), the
 * model having `experts` routed experts and `expertsPerToken` per token:
 *   within one scale-up domain: each chip receives tokens × chips × P(chip touched) copies over the domain's links;
 *   across d-chip domains (n = groupChips ÷ d of them): each chip also sends its tokens once to every remote domain
 *     holding one of their experts, tokens × (n − 1) × P(domain touched) copies, over its scale-out link, while the
 *     domain forwards them on; the all-to-all takes the slower of the two legs (they run pipelined, DeepEP's
 *     "bottleneck bandwidth").
 * Both legs at expertAllToAllFraction of the link: DeepEP's normal kernels on H800 reach 153 and 158 GB/s of NVLink
 * (0.77, 0.79) and, over 400 Gb/s InfiniBand, 58 and 51 GB/s at EP32 and EP64 counting every (token, node) pair, the
 * token's own node included (tests/legacy/test_internode.py: num_rdma_token_sent); the remote pairs, 3/4 and about 7/8
 * of them, are 43.5 and 44.6 GB/s of the ~50 GB/s card (0.87, 0.89), so 0.8 sends them a little slower than measured.
 * Returns seconds; 0 for one chip.
 */
export function forwardedAllToAllSeconds(
  tokensPerChip: number,
  elementBytesPerToken: number,
  groupChips: number,
  model: Pick<ModelShape, "experts" | "expertsPerToken">,
  hardware: ReplicaHardware,
  efficiencies: ServingEfficiencies
): number {
  if (groupChips <= 1) return 0;
  const {experts, expertsPerToken} = model;
  const domainChips = Math.min(groupChips, hardware.scaleUpChips);
  const chipsTouched = groupChips * partTouchedProbability(experts, expertsPerToken, groupChips);
  const withinBytes = tokensPerChip * chipsTouched * elementBytesPerToken;
  const within =
    withinBytes / (collectiveBandwidthBytesPerS(hardware, domainChips) * efficiencies.expertAllToAllFraction);
  if (groupChips <= hardware.scaleUpChips) return within;
  const domains = groupChips / hardware.scaleUpChips;
  const remoteDomains = (domains - 1) * partTouchedProbability(experts, expertsPerToken, domains);
  const acrossBytes = tokensPerChip * remoteDomains * elementBytesPerToken;
  const across = acrossBytes / (hardware.scaleOutBandwidthBytesPerS * efficiencies.expertAllToAllFraction);
  return Math.max(within, across);
}

/**
 * Communication of one forward step over `tokens` tokens (the replica's batch in decode, the new prompt tokens in
 * prefill):
 *   tensor parallelism (t > 1): all-reduces of each attention group's activations, tokens ÷ groups × hidden × 2 B,
 *     over t chips: 2 per layer (after attention and after the MLP, Megatron-style), 1 per layer when the MLP is
 *     routed experts under expert parallelism (they exchange by all-to-all instead);
 *   expert parallelism (MoE, e > 1): 2 expert all-to-alls per layer (dispatch to the experts, combine back), each
 *     chip holding tokens ÷ chips tokens × k experts × hidden × bytes, over e chips (expertAllToAllSeconds, at the
 *     sourced expertAllToAllFraction, not the fitted communicationFraction: no fitted measurement has an expert
 *     all-to-all): the dispatch at expertDispatchBytesPerElement(bytesPerParam) (1 B for FP8 and FP4 experts), the
 *     combine at 2 B (BF16).
 *   The all-to-all sends `routing`'s copies (ExpertAllToAllRouting): every routed copy ("direct", decode), or one per
 *   chip and one per remote scale-up domain touched ("forwarded", prefill: forwardedAllToAllSeconds).
 * Every layer is counted as an MoE layer of an MoE model (DeepSeek-V3's first 3 of 61 layers are dense: ~5% more
 * all-to-all than it has). `bytesPerParam` is the bytes per weight of the serving precision (BYTES_PER_PARAM). Returns
 * seconds.
 */
export function stepCommunicationSeconds(
  model: ModelShape,
  layout: ReplicaLayout,
  tokens: number,
  hardware: ReplicaHardware,
  efficiencies: ServingEfficiencies,
  bytesPerParam: number,
  routing: ExpertAllToAllRouting
): number {
  const moe = model.experts > model.expertsPerToken;
  const expertExchange = moe && layout.expertParallel > 1;
  let seconds = 0;
  if (layout.tensorParallel > 1) {
    const allReducesPerLayer = expertExchange ? 1 : 2;
    const bytes = (tokens / layout.attentionGroups) * model.hiddenSize * ACTIVATION_BYTES;
    seconds +=
      model.layers * allReducesPerLayer * allReduceSeconds(bytes, layout.tensorParallel, hardware, efficiencies);
  }
  if (expertExchange && routing === "forwarded") {
    const tokensPerChip = tokens / layout.chips;
    const exchange = (bytesPerElement: number) =>
      forwardedAllToAllSeconds(
        tokensPerChip,
        model.hiddenSize * bytesPerElement,
        layout.expertParallel,
        model,
        hardware,
        efficiencies
      );
    seconds += model.layers * (exchange(expertDispatchBytesPerElement(bytesPerParam)) + exchange(ACTIVATION_BYTES));
  } else if (expertExchange) {
    const elementsPerChip = (tokens / layout.chips) * model.expertsPerToken * model.hiddenSize;
    const dispatchBytes = elementsPerChip * expertDispatchBytesPerElement(bytesPerParam);
    const combineBytes = elementsPerChip * ACTIVATION_BYTES;
    seconds +=
      model.layers *
      (expertAllToAllSeconds(dispatchBytes, layout.expertParallel, hardware, efficiencies) +
        expertAllToAllSeconds(combineBytes, layout.expertParallel, hardware, efficiencies));
  }
  return seconds;
}
