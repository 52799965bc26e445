import type {Precision} from "../inference/precision.js";

/** One published training run from data/training-runs.csv, in base units. */
export interface PublishedRun {
  /** Row id, lowercase kebab-case. */
  id: string;
  /** Model id in data/models.csv. */
  model: string;
  /** Chip id in data/hardware.csv. */
  hardware: string;
  /** Precision whose dense peak the MFU refers to. */
  precision: Precision;
  /** Chips in the cluster; null where not published. */
  chips: number | null;
  /** Training tokens. */
  tokens: number;
  /** Training sequence length, tokens; null where not published (the attention term is left out). */
  sequenceTokens: number | null;
  /** Published chip-hours of the run (whole run, as the source states it). */
  chipHours: number;
  /** Reported steady-state MFU (0–1); null where the source reports none. */
  mfu: number | null;
  /** Where the MFU comes from, quoted. */
  mfuBasis: string;
  /** What the published chip-hours include (phases, restarts, distillation), quoted or described. */
  includes: string;
  sourceTitle: string;
  sourceUrl: string;
  notes: string;
}
