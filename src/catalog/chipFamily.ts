/**
 * Chip families: chips of one architecture share compute and memory pipelines, so software reaches similar fractions
 * of their roofs, and efficiencies are fitted per family (and software stack) rather than per chip.
 *
 *   ampere     NVIDIA A100 (GA100 die; 40 and 80 GB)
 *   hopper     NVIDIA H100, H200, H800 (GH100 die: same SMs and Tensor Cores; H800 has fewer NVLink lanes)
 *   blackwell  NVIDIA B200, GB200 (GB100 die pair)
 *   cdna3      AMD Instinct MI300X, MI325X (same CDNA 3 compute dies; MI325X has HBM3E)
 *   tpu        Google TPUs;  trainium  AWS Trainium;  other  anything else (a hypothetical chip)
 *
 * The `family` column of data/hardware.csv gives each chip's family. The V100 (Volta) and Trainium3 rows are "other",
 * as they were when the families were a table in code: "trainium" would give Trainium3 the fit made on Trainium2's
 * measurements, which no Trainium3 measurement checks.
 */
export const CHIP_FAMILIES = ["ampere", "hopper", "blackwell", "cdna3", "tpu", "trainium", "other"] as const;
export type ChipFamily = (typeof CHIP_FAMILIES)[number];

/** Each family as a reader names it ("Hopper", "AMD CDNA 3"). */
export const CHIP_FAMILY_NAMES: Readonly<Record<ChipFamily, string>> = {
  ampere: "Ampere",
  hopper: "Hopper",
  blackwell: "Blackwell",
  cdna3: "AMD CDNA 3",
  tpu: "TPU",
  trainium: "Trainium",
  other: "other"
};
