import type {ChipHourCostInput} from "./chipHourCost.js";

/**
 * Ownership assumptions used when a scenario or flag does not set them. Each carries its source; "assumption" marks
 * a judgement of ours, which the scenario reference lists as such.
 */
export const DEFAULT_OWNERSHIP: Omit<ChipHourCostInput, "chipPriceUsd" | "chipPowerW"> = {
  // Assumption: servers (CPUs, memory, NICs, chassis), networking and storage bought with each accelerator, as a
  // fraction of its price. DGX H100 sold at ~$270,000 = $33,750/GPU (SemiAnalysis via Epoch "Hardware prices") vs an
  // HGX H100 board at $31,120/GPU (Epoch, 2023-09): +8% for the server; cluster networking adds more.
  systemOverheadFraction: 0.25,
  // DGX H100: 10.2 kW for 8 × 700 W GPUs → 10.2 / 5.6 − 1 = 0.82 (NVIDIA DGX H100 datasheet via Epoch energy.py).
  hostPowerFraction: 0.82,
  // Assumption: accelerators serving inference average 70% of peak power over a year.
  averageDrawFraction: 0.7,
  // Assumption, within "Most AI Datacenter specs aim for lower than 1.3" (SemiAnalysis, via Epoch energy.py).
  pue: 1.2,
  // US industrial average electricity price, 2025: $0.0826/kWh (EIA, via Epoch cost_analysis_standalone.py).
  electricityUsdPerKwh: 0.0826,
  // Assumption: shell, power and cooling per MW of IT load. Bernstein's GB200 NVL72 estimate ($2.5M physical
  // infrastructure per ~120 kW rack, via investing.com) implies ~$21M/MW including power equipment.
  facilityCapexUsdPerMw: 12e6,
  // Facility life 14 years (Epoch, "AI data center cost breakdown", 2026).
  facilityLifeYears: 14,
  // Assumption: a 10% a year cost of capital.
  costOfCapitalPerYear: 0.1,
  // IT equipment life 5 years (Epoch, "AI data center cost breakdown", 2026).
  usefulLifeYears: 5,
  // Assumption: staff, maintenance, software and support per accelerator-hour.
  operationsUsdPerChipHour: 0.1,
  // NVIDIA gross margin, FY2025: ~75% (Q2 75.1%, Q3 74.6%, Q4 73.0% GAAP; NVIDIA 10-Q/10-K via reportify.ai).
  vendorGrossMarginFraction: 0.75
};
