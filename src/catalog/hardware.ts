/** One accelerator from data/hardware.csv, in base units. Figures are per chip (per GPU package). */
export interface Hardware {
  /** Catalog id, lowercase kebab-case (`h100-sxm`). */
  id: string;
  /** Display name (`NVIDIA H100 SXM5 80GB`). */
  name: string;
  vendor: string;
  /** gpu, tpu or asic. */
  kind: "gpu" | "tpu" | "asic";
  /** Dense (no sparsity) BF16 peak, FLOP/s. */
  bf16FlopsPerS: number;
  /** Dense FP8 peak, FLOP/s; null where the chip has no FP8. */
  fp8FlopsPerS: number | null;
  /** Dense FP4 peak, FLOP/s; null where the chip has no FP4. */
  fp4FlopsPerS: number | null;
  /** HBM capacity, bytes (decimal: 80 GB = 80e9). */
  hbmBytes: number;
  /** HBM bandwidth, bytes per second. */
  hbmBandwidthBytesPerS: number;
  /** Board power (TDP), W. */
  powerW: number;
  /** Indicative purchase price per chip, USD; null where none is published. */
  priceUsd: number | null;
  /** Indicative cloud price per chip-hour, USD; null where none is published. */
  hourlyPriceUsd: number | null;
  /** Source of the price figures (title and URL). */
  priceSource: string;
  /** Names of the fields that are estimates rather than published figures (e.g. ["powerW"]); ["all"] for a hypothetical chip. */
  estimated: string[];
  /** True for the hypothetical custom inference ASIC and any other invented row. */
  hypothetical: boolean;
  sourceTitle: string;
  sourceUrl: string;
  notes: string;
}
