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
  bytesPerParam: number
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
  if (expertExchange) {
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
