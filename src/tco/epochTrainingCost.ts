import {HOURS_PER_YEAR, KILO} from "../units/si.js";

/**
 * The cost of a training run by Epoch AI's "hardware CapEx + energy" method (Cottier, Rahman, Fattorini, Maslej,
 * Besiroglu and Owen, "The rising costs of training frontier AI models", arXiv 2405.21015; code:
 * github.com/epoch-research/training-cost-trends, cost_analysis_standalone.py, estimate_hardware_capex_energy_cost).
 * Their published amortised cost of Llama 3.1 405B is $51,040,524 (model_costs.csv, Hardware_Capex_Energy_Cost).
 *
 *   value at training start = server price per chip × 10^(−0.14 × years from acquisition to training start)
 *                             (depreciate_by_hardware_progress: ML GPU price-performance, 0.14 orders of magnitude/yr)
 *   hardware (chips + server) = value at start × 0.14 × ln 10 ÷ hours per year × chip-hours
 *                             (the optimal replacement rate when hardware improves k OOM/yr is k·ln 10 per year;
 *                              hours per year = 24 × 365.25)
 *   AI chips                = hardware ÷ server cost overhead (1.64 for an H100; 1.66 A100; 1.69 V100)
 *   other server parts      = hardware − AI chips
 *   cluster interconnect    = hardware × 0.19 ÷ (1 − 0.19)            (19% of total cluster cost)
 *   energy                  = chip TDP × chip-to-server power × server TDP fraction (0.75 GPU, 0.43 TPU) × PUE
 *                             (1.1 for hyperscalers, 1.25 otherwise) × chip-hours × electricity price of the year
 *   total                   = hardware + interconnect + energy
 *
 * There is no cost of capital, facility capital or operations in it; the default annuity (chipHourCost) has all
 * three, and recovers capital over a useful life rather than at the hardware progress rate.
 */
export interface EpochTrainingCostInput {
  /**
   * Price of one chip with its share of the server (a DGX price per GPU, or a single-chip price × the server cost
   * overhead), USD at acquisition; > 0.
   */
  serverPriceUsdPerChip: number;
  /** Years between acquiring the hardware and starting the run (depreciation at the price-performance rate); >= 0. */
  yearsAcquisitionToStart: number;
  /** Chip-hours of the run; > 0. */
  chipHours: number;
  /** Chip board power (TDP), W; > 0. */
  chipPowerW: number;
  /** Server power per chip ÷ chip TDP (H100: (10.2 kW / 8) / 0.7 kW = 1.82); >= 1. */
  chipToServerPower: number;
  /** Fraction of server TDP drawn while training (Epoch: 0.75 for GPUs, 0.43 for TPUs); in (0, 1]. */
  serverTdpFraction: number;
  /** Power usage effectiveness (Epoch: 1.1 for hyperscalers, 1.25 otherwise); >= 1. */
  pue: number;
  /** Electricity price, USD/kWh (Epoch: the US industrial average of the publication year); >= 0. */
  electricityUsdPerKwh: number;
  /** Server price ÷ chip price, used only to split the hardware part (Epoch's get_server_cost_overhead); >= 1. */
  serverCostOverhead: number;
}

export interface EpochTrainingCostResult {
  /** Value of one chip with its server share at training start, USD. */
  valueAtStartUsdPerChip: number;
  /** AI accelerator chips, USD. */
  aiChipsUsd: number;
  /** Other server components, USD. */
  otherServerUsd: number;
  /** Chips and server together (Epoch's amortised hardware cost), USD. */
  hardwareUsd: number;
  /** Cluster-level interconnect, USD. */
  interconnectUsd: number;
  /** Energy, USD. */
  energyUsd: number;
  /** hardwareUsd + interconnectUsd + energyUsd, USD. */
  totalUsd: number;
}

/** Epoch AI's hardware price-performance trend, orders of magnitude per year (ML_GPU_PRICE_PERFORMANCE_OOMS_PER_YEAR). */
export const EPOCH_PRICE_PERFORMANCE_OOMS_PER_YEAR = 0.14;
/** Epoch AI's cluster interconnect share of total cluster cost (CLUSTER_INTERCONNECT_COST_FRACTION). */
export const EPOCH_INTERCONNECT_FRACTION = 0.19;
/** Epoch AI's server TDP fraction while training (server_TDP_fraction): GPUs 0.75, TPUs 0.43. */
export const EPOCH_SERVER_TDP_FRACTION = {gpu: 0.75, tpu: 0.43} as const;
/** Epoch AI's PUE (power_usage_effectiveness): 1.1 for Google, DeepMind, Microsoft, Amazon, Meta; 1.25 otherwise. */
export const EPOCH_PUE = {hyperscaler: 1.1, other: 1.25} as const;
/** Epoch AI's server cost overhead on a single-chip price (get_server_cost_overhead), the average used for H100s. */
export const EPOCH_SERVER_COST_OVERHEAD = 1.64;

/** A training run's cost by Epoch AI's method (formulas and sources above). */
export function epochTrainingCost(input: EpochTrainingCostInput): EpochTrainingCostResult {
  const k = EPOCH_PRICE_PERFORMANCE_OOMS_PER_YEAR;
  const valueAtStartUsdPerChip = input.serverPriceUsdPerChip * 10 ** (-k * input.yearsAcquisitionToStart);
  const hardwareUsd = ((valueAtStartUsdPerChip * k * Math.LN10) / HOURS_PER_YEAR) * input.chipHours;
  const aiChipsUsd = hardwareUsd / input.serverCostOverhead;
  const interconnectUsd = (hardwareUsd * EPOCH_INTERCONNECT_FRACTION) / (1 - EPOCH_INTERCONNECT_FRACTION);
  const serverKw = (input.chipPowerW * input.chipToServerPower) / KILO;
  const energyUsd = serverKw * input.serverTdpFraction * input.pue * input.chipHours * input.electricityUsdPerKwh;
  return {
    valueAtStartUsdPerChip,
    aiChipsUsd,
    otherServerUsd: hardwareUsd - aiChipsUsd,
    hardwareUsd,
    interconnectUsd,
    energyUsd,
    totalUsd: hardwareUsd + interconnectUsd + energyUsd
  };
}

/** Epoch AI's server cost overhead for a chip (get_server_cost_overhead): A100 1.66, V100 1.69, P100 1.54, else 1.64. */
export function epochServerCostOverhead(chipName: string): number {
  if (chipName.includes("A100")) return 1.66;
  if (chipName.includes("V100")) return 1.69;
  if (chipName.includes("P100")) return 1.54;
  return EPOCH_SERVER_COST_OVERHEAD;
}
