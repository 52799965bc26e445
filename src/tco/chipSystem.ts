import type {Hardware} from "../catalog/hardware.js";

/** A chip's system overheads, as chipHourCost takes them. */
export interface ChipSystem {
  /** Server and cluster network beyond the chip's price, as a fraction of it; >= 0. */
  systemOverheadFraction: number;
  /** Host, switch and in-rack power per chip as a fraction of its board power; >= 0. */
  hostPowerFraction: number;
}

/**
 * The catalog's system overheads of one chip (data/hardware.csv `system_overhead`, `system_power_w`, each with its
 * source in `system_source`): the server and network overhead as given, and the host power fraction
 * systemPowerW ÷ powerW − 1 (DGX H100: 1,275 W ÷ 700 W − 1 = 0.82; GB200 NVL72: 1,667 W ÷ 1,200 W − 1 = 0.39).
 */
export function catalogChipSystem(
  hardware: Pick<Hardware, "systemOverheadFraction" | "systemPowerW" | "powerW">
): ChipSystem {
  return {
    systemOverheadFraction: hardware.systemOverheadFraction,
    hostPowerFraction: Math.max(0, hardware.systemPowerW / hardware.powerW - 1)
  };
}
