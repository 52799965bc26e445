import type {ChipFamily} from "./chipFamily.js";
import type {ScaleUpTopology} from "./scaleUpTopology.js";

/** One accelerator from data/hardware.csv, in base units. Figures are per chip (per GPU package). */
export interface Hardware {
  /** Catalog id, lowercase kebab-case (`h100-sxm`). */
  id: string;
  /** Display name (`NVIDIA H100 SXM5 80GB`). */
  name: string;
  vendor: string;
  /** gpu, tpu or asic. */
  kind: "gpu" | "tpu" | "asic";
  /**
   * Architecture family (`hopper`), which picks the serving efficiencies fitted on its chips' measurements
   * (calibratedEfficiencies); "other" takes the fit pooled over every chip.
   */
  family: ChipFamily;
  /** Dense (no sparsity) BF16 peak, FLOP/s. */
  bf16FlopsPerS: number;
  /** Dense FP8 peak, FLOP/s; null where the chip has no FP8. */
  fp8FlopsPerS: number | null;
  /** Dense FP4 peak, FLOP/s; null where the chip has no FP4. */
  fp4FlopsPerS: number | null;
  /** HBM capacity as the vendor markets it, bytes (decimal: "80 GB" = 80e9). For display; models use hbmCapacityBytes. */
  hbmBytes: number;
  /** HBM bandwidth, bytes per second. */
  hbmBandwidthBytesPerS: number;
  /**
   * HBM the part really gives an application, bytes: the device total the CUDA or ROCm runtime reports (an "80 GB"
   * H100 reports 79.11 GiB = 84.94e9 B; nvidia-smi shows 81,559 MiB, of which the driver keeps ~550 MiB). This is
   * the total a serving engine's memory-utilisation fraction applies to (vLLM's gpu_memory_utilization).
   */
  hbmCapacityBytes: number;
  /** Scale-up link bandwidth of one chip, bytes per second in each direction (NVLink, Infinity Fabric, ICI). */
  scaleUpBandwidthBytesPerS: number;
  /** Chips in one scale-up domain (8 in an HGX server, 72 in a GB200 NVL72 rack, a TPU pod). */
  scaleUpChips: number;
  /**
   * How the scale-up domain's chips are wired (SCALE_UP_TOPOLOGIES): `switch` gives any group of them each chip's
   * whole scale-up bandwidth, `full-mesh` a group of t chips (t − 1) ÷ (scaleUpChips − 1) of it.
   */
  scaleUpTopology: ScaleUpTopology;
  /** Scale-out network bandwidth per chip, bytes per second in each direction (InfiniBand/Ethernet NIC share). */
  scaleOutBandwidthBytesPerS: number;
  /** Board power (TDP), W. */
  powerW: number;
  /** Indicative purchase price per chip, USD; null where none is published. */
  priceUsd: number | null;
  /** Indicative cloud price per chip-hour, USD; null where none is published. */
  hourlyPriceUsd: number | null;
  /**
   * Server and cluster network bought with each chip beyond what `priceUsd` already includes, as a fraction of
   * `priceUsd`: about 0.5 for an HGX-board price (the host server and the network to add), 0.235 for a DGX or rack
   * price (only the cluster network, at Epoch AI's 19% of cluster cost), about 1 for the price of a chip alone.
   */
  systemOverheadFraction: number;
  /**
   * IT power per chip at peak, W: the chip plus its share of host CPUs, memory, NICs, switches and in-rack fans
   * (DGX H100 10.2 kW / 8 = 1,275 W; GB200 NVL72 ~120 kW / 72 = 1,667 W). At least `powerW`.
   */
  systemPowerW: number;
  /** Source of `systemOverheadFraction` and `systemPowerW` (title and URL). */
  systemSource: string;
  /** Source of the price figures (title and URL). */
  priceSource: string;
  /** Source of hbmCapacityBytes (title and URL). */
  hbmSource: string;
  /** Source of the scale-up and scale-out link figures and of the scale-up topology (title and URL). */
  linksSource: string;
  /** Names of the fields that are estimates rather than published figures (e.g. ["powerW"]); ["all"] for a hypothetical chip. */
  estimated: string[];
  /** True for the hypothetical custom inference ASIC and any other invented row. */
  hypothetical: boolean;
  sourceTitle: string;
  sourceUrl: string;
  notes: string;
}

/**
 * Why an FP8 peak below the BF16 peak is a mistake, for the error of a catalog row (`things`: "cells") and of a
 * scenario's custom chip ("values"): FP8 is twice BF16 on every chip with FP8 (NVIDIA H100 and AMD MI300X datasheets).
 */
export function fp8BelowBf16Hint(things: "cells" | "values"): string {
  return `FP8 is twice BF16 on Hopper, Blackwell and MI300, per the NVIDIA H100 and AMD MI300X datasheets; check for swapped ${things}`;
}
