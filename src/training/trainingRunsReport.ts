import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import {peakFlopsPerS} from "../inference/precision.js";
import {SECONDS_PER_HOUR} from "../units/si.js";
import {attentionShape} from "./attentionShape.js";
import type {PublishedRun} from "./publishedRun.js";
import {trainingFlops} from "./trainingFlops.js";

/**
 * The training model beside the record: for each published run, the whole-run chip-hours the tool computes at the
 * run's reported MFU and the goodput given (never fitted per run), the ratio tool ÷ published, and for runs without
 * a reported MFU the steady-state MFU their published hours imply at that goodput:
 *
 *   tool chip-hours = FLOPs ÷ (peak × MFU × 3600) ÷ goodput           (src/training/trainingRun.ts)
 *   implied MFU     = FLOPs ÷ (peak × published chip-hours × goodput × 3600)
 *
 * The error is the median |ratio − 1| over runs that report an MFU, the shape of the serving calibration's report.
 */
export interface TrainingRunsReportRow {
  id: string;
  model: string;
  hardware: string;
  /** The precision whose peak the MFUs are measured against (the run's training precision: fp8 for DeepSeek-V3). */
  precision: PublishedRun["precision"];
  /** Training FLOPs (6·N·D plus causal attention where the sequence length is known), FLOP. */
  flops: number;
  /** Published chip-hours. */
  publishedChipHours: number;
  /** Reported MFU, or null. */
  reportedMfu: number | null;
  /** Tool's whole-run chip-hours at the reported MFU and the goodput; null without a reported MFU. */
  toolChipHours: number | null;
  /** toolChipHours ÷ publishedChipHours; null without a reported MFU. */
  ratio: number | null;
  /** The steady-state MFU the published hours imply at the goodput. */
  impliedMfu: number;
  /** What the published hours include (from the CSV). */
  includes: string;
  /** A note when |ratio − 1| > 35%: what the published hours include that the tool leaves out. */
  missNote: string | null;
  sourceTitle: string;
  sourceUrl: string;
}

export interface TrainingRunsReport {
  /** Goodput used for every run (0–1). */
  goodputFraction: number;
  rows: TrainingRunsReportRow[];
  /** Runs with a reported MFU. */
  comparedCount: number;
  /** Median |ratio − 1| over runs with a reported MFU (0–1). */
  medianAbsoluteError: number;
  /** Median ratio over the same runs. */
  medianRatio: number;
}

/** A miss beyond this share keeps a note on what the published hours include (issue #14's threshold). */
export const MISS_NOTE_THRESHOLD = 0.35;

/** Median of a non-empty list (the mean of the two middle values for an even count). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A published run's training FLOPs: 6·N·D, plus causal attention where its sequence length is known. */
export function publishedRunFlops(
  run: Pick<PublishedRun, "tokens" | "sequenceTokens">,
  model: Pick<ModelArchitecture, "activeParams" | "layers" | "attentionHeads" | "headDim" | "mlaRopeDim">
): number {
  return trainingFlops({
    activeParams: model.activeParams,
    tokens: run.tokens,
    attention: attentionShape(model, run.sequenceTokens)
  }).totalFlops;
}

/**
 * The steady-state MFU that `chipHours` imply for `flops` on chips of `peakFlopsPerS` at `goodputFraction`:
 * FLOPs ÷ (peak × chip-hours × goodput × 3600).
 */
export function impliedMfu(flops: number, peakFlopsPerS: number, chipHours: number, goodputFraction: number): number {
  return flops / (peakFlopsPerS * chipHours * goodputFraction * SECONDS_PER_HOUR);
}

/**
 * Builds the report. `models` and `hardware` are the catalogs (every run's ids must be in them: parseTrainingRunsCsv
 * checks it); a run whose chip lacks its precision throws an Error (a catalog inconsistency, not a user error).
 */
export function trainingRunsReport(
  runs: readonly PublishedRun[],
  catalogs: {models: readonly ModelArchitecture[]; hardware: readonly Hardware[]},
  goodputFraction: number
): TrainingRunsReport {
  const rows = runs.map((run): TrainingRunsReportRow => {
    const model = catalogs.models.find((m) => m.id === run.model)!;
    const chip = catalogs.hardware.find((h) => h.id === run.hardware)!;
    const peak = peakFlopsPerS(chip, run.precision);
    if (peak === null) throw new Error(`training run ${run.id}: ${chip.id} has no ${run.precision} peak`);
    const flops = publishedRunFlops(run, model);
    const toolChipHours = run.mfu === null ? null : flops / (peak * run.mfu * SECONDS_PER_HOUR) / goodputFraction;
    const ratio = toolChipHours === null ? null : toolChipHours / run.chipHours;
    return {
      id: run.id,
      model: run.model,
      hardware: run.hardware,
      precision: run.precision,
      flops,
      publishedChipHours: run.chipHours,
      reportedMfu: run.mfu,
      toolChipHours,
      ratio,
      impliedMfu: impliedMfu(flops, peak, run.chipHours, goodputFraction),
      includes: run.includes,
      missNote: ratio !== null && Math.abs(ratio - 1) > MISS_NOTE_THRESHOLD ? run.includes : null,
      sourceTitle: run.sourceTitle,
      sourceUrl: run.sourceUrl
    };
  });
  const ratios = rows.flatMap((r) => (r.ratio === null ? [] : [r.ratio]));
  return {
    goodputFraction,
    rows,
    comparedCount: ratios.length,
    medianAbsoluteError: ratios.length ? median(ratios.map((r) => Math.abs(r - 1))) : NaN,
    medianRatio: ratios.length ? median(ratios) : NaN
  };
}
