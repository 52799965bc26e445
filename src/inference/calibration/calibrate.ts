import {groupThousands} from "../../units/groupThousands.js";
import type {Hardware} from "../../catalog/hardware.js";
import {measuredTokenKind, measuredTokensPerSecondPerChip, type Measurement} from "./measurement.js";
import type {ModelArchitecture} from "../../catalog/model.js";
import type {ServingEfficiencies} from "../efficiencies.js";
import type {ChipFamily} from "../../catalog/chipFamily.js";
import {calibratedEfficiencies, type ServingModelError} from "../calibratedEfficiencies.js";
import {fitEfficiencies, MIN_MEASUREMENTS_PER_FIT, MIN_MEASUREMENTS_POOLED_FIT} from "./fit.js";
import {comparableMeasurement, isComparable, type ComparableMeasurement} from "./measurementShape.js";
import {compareMeasurement} from "./predict.js";
import {UserError} from "../../errors/userError.js";
import {percentiles} from "../../uncertainty/quantiles.js";
import {ROOFLINE_EFFICIENCIES} from "../efficiencies.js";
import {predictMeasurement} from "../predictMeasurement.js";
import {stackAdmission} from "../kvCacheAdmission.js";
import {measurementCellError} from "./parseMeasurementsCsv.js";
import {outsideCalibratedBand} from "./scope.js";
import {countNoun} from "../../units/countNoun.js";
import {
  calibrationGroup,
  calibrationSplit,
  systemSplit,
  type CalibrationGroup,
  type CalibrationSplit
} from "./split.js";

/** The efficiencies a calibration produced: one pooled set, and one per group with enough measurements. */
export interface CalibratedEfficiencies {
  /** Fitted on every measurement of the fit split. */
  pooled: ServingEfficiencies;
  /**
   * Fitted on a group's measurements of the fit split (at least MIN_MEASUREMENTS_PER_FIT), pulled to the pooled: per
   * "family/stack" ("hopper/trtllm") and per family ("hopper").
   */
  groups: Readonly<Record<string, ServingEfficiencies>>;
}

/** One measurement beside the model's figure. */
export interface CalibrationRow {
  id: string;
  hardware: string;
  model: string;
  precision: Measurement["precision"];
  tensorParallel: number;
  expertParallel: number;
  /**
   * Mean input and output tokens per request (output 1 for a decode-only measurement that does not state it and for
   * a prefill-only one).
   */
  inputTokens: number;
  outputTokens: number;
  /** Coefficient of variation of the answer lengths the model ran the row at (0 when the row states none). */
  outputTokensCv: number;
  family: ChipFamily;
  stack: Measurement["stack"];
  group: CalibrationGroup;
  scenario: Measurement["scenario"];
  phase: Measurement["phase"];
  split: CalibrationSplit;
  /**
   * The system split's side (split.ts systemSplit): "held-out" when every run of this row's system was left out of
   * the refit that heldOutBySystem reports; null when there was no such refit (heldOutBySystem null).
   */
  systemSplit: CalibrationSplit | null;
  /** Which efficiencies predicted it: its family and stack's, its family's, or "pooled" (calibratedEfficiencies). */
  efficiencies: string;
  /**
   * Which tokens the per-chip figures count (measuredTokenKind): "input" (prompt tokens prefilled per second) for a
   * prefill measurement, "output" (tokens generated per second) otherwise.
   */
  tokens: "input" | "output";
  /** Measured and modelled tokens per second per chip, of the kind `tokens` names. */
  measuredTokensPerSecondPerChip: number;
  predictedTokensPerSecondPerChip: number;
  /**
   * Measured and modelled output tokens per second per user (measured null where not published; both null for a
   * prefill measurement, which generates none).
   */
  measuredTokensPerSecondPerUser: number | null;
  predictedTokensPerSecondPerUser: number | null;
  /** predicted ÷ measured. */
  ratio: number;
  /** Requests in flight per replica the model ran (a real number: the published concurrency ÷ replicas). */
  batchSizePerReplica: number;
  /**
   * True when the published concurrency does not fit in the replica's memory under its stack's admission
   * (kvCacheAdmission) and the model ran the largest batch that does.
   */
  memoryCapped: boolean;
  /**
   * True when the serving engine's published cap on sequences per replica (max_batch), below the largest batch that
   * fits, set the batch the model ran (compareMeasurement's engineCapped).
   */
  engineCapped: boolean;
  date: string;
  sourceTitle: string;
  sourceUrl: string;
}

/**
 * A measurement outside the calibrated band (scope.ts: data-parallel attention with wide expert parallelism, unified
 * scheduling) beside
 * the model at the fitted efficiencies: neither fitted nor held out, so it has no split.
 */
export type OutOfBandRow = Omit<CalibrationRow, "split" | "systemSplit">;

/** The error of the model on a set of measurements (the type the generated calibration module records). */
export type CalibrationError = ServingModelError;

export interface CalibrationReport {
  efficiencies: CalibratedEfficiencies;
  rows: CalibrationRow[];
  /** Measurements the model could not be compared with, and why. */
  skipped: SkippedMeasurementRow[];
  /**
   * Measurements outside the calibrated band (scope.ts outsideCalibratedBand: expert_parallel > tensor_parallel in a
   * whole-request run),
   * predicted at the fitted efficiencies but used neither to fit nor in any held-out figure, and their error apart
   * (null when there are none). Not in rows, families, fit, heldOut or heldOutBySystem.
   */
  outOfBand: OutOfBandRow[];
  outOfBandError: CalibrationError | null;
  /** Error on the fit split and on the held-out split, apart. */
  fit: CalibrationError;
  heldOut: CalibrationError;
  /** Error on whole systems held out of a refit (systemHeldOutError); null where it was not computed. */
  heldOutBySystem: CalibrationError | null;
  /** Error per chip family, every measurement (fit and held-out), and held-out only. */
  families: {family: ChipFamily; all: CalibrationError; heldOut: CalibrationError | null}[];
}

/**
 * A measurement the model could not be compared with: its id, why, and what it was measured on (the fields a reader
 * names it by: the chip and model catalog ids, the chips in the system, the precision, the software stack and as
 * published, and the publication month).
 */
export interface SkippedMeasurementRow {
  id: string;
  /** The shape that was not published ("tensor-parallel degree not published"). */
  reason: string;
  /** Catalog id of the chip (data/hardware.csv). */
  hardware: string;
  /** Chips in the measured system. */
  chips: number;
  /** Catalog id of the model (data/models.csv). */
  model: string;
  precision: string;
  /** Software and version as published ("SGLang 0.4"). */
  software: string;
  /** The software stack the efficiencies are fitted per ("sglang"). */
  stack: string;
  /** Publication month, YYYY-MM. */
  date: string;
  /** What its throughput counts: whole requests, decode only, or prefill only (prompt tokens). */
  phase: Measurement["phase"];
}

/** Measurements in the model's terms, with the stated split. */
export interface PreparedMeasurements {
  /** Those inside the calibrated band: fitted and held out by `split`. */
  comparable: ComparableMeasurement[];
  /** Those outside it (scope.ts), by layout alone: in no split, never fitted. */
  outOfBand: ComparableMeasurement[];
  skipped: SkippedMeasurementRow[];
  split: Map<string, CalibrationSplit>;
}

/**
 * Steps 1 and 2 of a calibration: each measurement put in the model's terms (measurementShape.ts; those lacking a
 * needed shape are skipped, with the reason), those whose layout is outside the calibrated band set apart (scope.ts:
 * data-parallel attention with wide expert parallelism in a whole-request run; by layout and phase, before any
 * ratio), and the stated split of the rest (split.ts: every third measurement of each chip family and stack, in id
 * order, is held out of the fit).
 *
 * Throws: UserError at file:line:column for a measurement naming an unknown catalog id.
 */
export function prepareMeasurements(
  measurements: readonly Measurement[],
  catalogs: {hardware: readonly Hardware[]; models: readonly ModelArchitecture[]},
  file: string
): PreparedMeasurements {
  const bound = measurements.map((m) => comparableMeasurement(m, catalogs, file));
  const all = bound.filter(isComparable);
  for (const m of all) checkPlausible(m, file);
  const comparable = all.filter((m) => !outsideCalibratedBand(m.shape, m.measurement.phase));
  const outOfBand = all.filter((m) => outsideCalibratedBand(m.shape, m.measurement.phase));
  const skipped = bound.flatMap((m): SkippedMeasurementRow[] => {
    if (!("reason" in m)) return [];
    const {id, hardware, chips, model, precision, software, stack, date, phase} = m.measurement;
    return [{id, reason: m.reason, hardware, chips, model, precision, software, stack, date, phase}];
  });
  return {comparable, outOfBand, skipped, split: calibrationSplit(comparable)};
}

/**
 * The floor of a plausible measurement, as a fraction of its roofline (rooflineTokensPerSecondPerChip): a measured
 * rate below it is a typo or a misread unit (tokens per system per hour, a stray exponent), and it would corrupt the
 * whole fit (1e-300 prompt tokens/s on one prefill row collapsed every group's efficiencies to 1e-10 and put ratios of
 * 1e205 in the report; breaker). data/measurements.csv's smallest measured ÷ roofline is 0.0022 (0.22%: vLLM on MI300X, Llama 3.1 70B at batch 1,
 * against a roofline at the largest batch that fits: rocm-vllm-llama31-70b-fp8-128-2048-bs1-mi300xx8, July 2025); the
 * floor is an order of magnitude below it, so every published row passes with room to spare.
 */
export const MIN_ROOFLINE_FRACTION = 0.0002;

/**
 * The roofline of a measurement, tokens per second per chip of the kind it measured (measuredTokenKind): the model at
 * ROOFLINE_EFFICIENCIES with the largest batch that fits (for a prefill measurement, the prefill's kernels alone at
 * their memory and compute roofs); null when the configuration does not fit.
 */
export function rooflineTokensPerSecondPerChip(m: ComparableMeasurement): number | null {
  // The largest batch that fits, not the engine's cap: the ceiling is the chip's, whatever the engine was set to.
  const roof = predictMeasurement({...m.shape, concurrency: null, maxBatch: null}, ROOFLINE_EFFICIENCIES);
  if (!roof.fits || !roof.serving) return null;
  const {phase} = m.measurement;
  // A prefill bound leaves out the collectives and the step overhead: prefill overlaps its expert all-to-all with the
  // other micro-batch's kernels (two-batch overlap: LMSYS's large-scale EP blog, May 2025; DeepSeek's profile-data
  // README, "two micro-batches to overlap computation and all-to-all communication"), so only the kernels' memory and
  // compute roofs bound it. With them in, DeepSeek-V3 at EP32 on H100 read a ceiling of 4,054 prompt tokens/s per
  // chip, below LMSYS's measured 7,209.
  const prefillRoof = roof.serving.batchPrefill;
  return phase === "prefill"
    ? (roof.prefillTokensPerSecondPerChip * prefillRoof.seconds) /
        Math.max(prefillRoof.memorySeconds, prefillRoof.computeSeconds)
    : phase === "decode"
      ? roof.serving.decodeTokensPerSecondPerChip
      : roof.outputTokensPerSecondPerChip;
}

/**
 * A measurement the model can fit at all (weights and one request in the replica's HBM) and whose rate lies between
 * MIN_ROOFLINE_FRACTION of its roofline (rooflineTokensPerSecondPerChip) and the roofline itself: no software serves
 * more than the chip's roofs allow, so a figure above it is a typo or a misread unit (tokens per system as tokens per
 * chip); a figure far below it is one too, and would drag the whole fit down with it.
 * Throws: UserError at the row's tensor_parallel (does not fit), or at output_tokens_per_s_per_chip
 * (input_tokens_per_s_per_chip for a prefill measurement) above the roofline or below its floor.
 */
function checkPlausible(m: ComparableMeasurement, file: string): void {
  const ceiling = rooflineTokensPerSecondPerChip(m);
  if (ceiling === null) {
    throw measurementCellError(file, m.measurement, "tensor_parallel", {
      message: `${m.model.id} in ${m.shape.precision} does not fit on ${m.hardware.id} at TP${m.shape.tensorParallel} EP${m.shape.expertParallel} with one request of ${groupThousands(Math.round(m.shape.inputTokens))} + ${groupThousands(Math.round(m.shape.outputTokens))} tokens`,
      expected:
        stackAdmission(m.shape.stack) === "whole"
          ? "a configuration whose weights and one whole request fit in the replica's HBM (TensorRT-LLM reserves a request's input and output tokens before starting it)"
          : "a configuration whose weights and one request fit in the replica's HBM",
      found: `TP${m.shape.tensorParallel}, EP${m.shape.expertParallel}`
    });
  }
  const {phase} = m.measurement;
  const measured = measuredTokensPerSecondPerChip(m.measurement);
  const tokens = measuredTokenKind(phase);
  if (measured > ceiling) {
    // The spread of answer lengths raises the KV cache read and so lowers the roof: said when the row sets one, which
    // may be the cell at fault (breaker: a CV of 8 was reported as a throughput above the roofline, CV unnamed).
    const cv = m.measurement.outputTokensCv ?? 0;
    throw measurementCellError(file, m.measurement, `${tokens}_tokens_per_s_per_chip`, {
      message: `above the roofline: more ${tokens} tokens per second per chip than the chip's roofs allow${cv > 0 ? ` at the row's output_tokens_cv ${cv}` : ""}`,
      expected: `at most ${groupThousands(Number(ceiling.toPrecision(4)), 20)} tokens/s per chip (the model at full bandwidth and compute, no overhead)${cv > 0 ? `, or a smaller output_tokens_cv` : ""}`,
      found: `${measured}`
    });
  }
  const floor = ceiling * MIN_ROOFLINE_FRACTION;
  if (measured < floor) {
    throw measurementCellError(file, m.measurement, `${tokens}_tokens_per_s_per_chip`, {
      message: `implausibly low: ${tokens} tokens per second per chip under a tenth of the smallest share of the roofline any published measurement reached`,
      expected: `at least ${groupThousands(Number(floor.toPrecision(4)), 20)} tokens/s per chip (${Number((MIN_ROOFLINE_FRACTION * 100).toPrecision(2))}% of the roofline for this shape: ${groupThousands(Number(ceiling.toPrecision(4)), 20)} tokens/s per chip)`,
      found: `${measured}`,
      hint: "is the unit tokens per second per chip?"
    });
  }
}

/**
 * Calibrates the serving model on published measurements and reports its error: prepareMeasurements, then a pooled
 * fit of the efficiencies (fit.ts) on the whole fit split and, per chip family and stack with at least
 * MIN_MEASUREMENTS_PER_FIT fit measurements, a fit of that group pulled towards the pooled values; then
 * calibrationReport at those efficiencies. A few seconds on one core.
 *
 * Input: the measurements (data/measurements.csv, parsed), the catalogs, and the file name for messages.
 * Output: the efficiencies, one row per measurement, the skipped ones, and the errors by split and family.
 * Throws: as prepareMeasurements and checkCalibrationFinite.
 */
export function calibrate(
  measurements: readonly Measurement[],
  catalogs: {hardware: readonly Hardware[]; models: readonly ModelArchitecture[]},
  file: string
): CalibrationReport {
  const prepared = prepareMeasurements(measurements, catalogs, file);
  const report = calibrationReport(prepared, fitCalibration(fitSplitOf(prepared, file)), systemHeldOutError(prepared));
  checkCalibrationFinite(report, prepared, file);
  return report;
}

/**
 * Refuses a fit that failed: an efficiency, or the model ÷ measured ratio of a measurement, that is not a finite
 * number (checkPlausible keeps out the rates that did this, but a fit that failed must never be reported as one, nor
 * written by `calibration --write`: 5e-324 prompt tokens/s read "Infinity" and exited 0; breaker).
 * Throws: UserError at the rate cell of the first measurement whose ratio is not finite, else naming the file and the
 * efficiency.
 */
export function checkCalibrationFinite(report: CalibrationReport, prepared: PreparedMeasurements, file: string): void {
  const sets = {pooled: report.efficiencies.pooled, ...report.efficiencies.groups};
  for (const [group, efficiencies] of Object.entries(sets)) {
    for (const [name, value] of Object.entries(efficiencies)) {
      if (Number.isFinite(value)) continue;
      throw new UserError({
        file,
        message: `the fit failed: the ${group} efficiencies' ${name} is not a finite number`,
        expected: "finite efficiencies from the measurements",
        found: `${value}`,
        hint: "is a measured rate in the wrong unit?"
      });
    }
  }
  for (const r of [...report.rows, ...report.outOfBand]) {
    if (Number.isFinite(r.ratio)) continue;
    const m = [...prepared.comparable, ...prepared.outOfBand].find((c) => c.measurement.id === r.id)!;
    throw measurementCellError(file, m.measurement, `${r.tokens}_tokens_per_s_per_chip`, {
      message: "the fit failed: model ÷ measured is not a finite number",
      expected: `a rate the model can be compared with (at the ${r.efficiencies} efficiencies it gives ${groupThousands(Number(r.predictedTokensPerSecondPerChip.toPrecision(4)), 20)} tokens/s per chip)`,
      found: `${r.measuredTokensPerSecondPerChip} (model ÷ measured ${r.ratio})`
    });
  }
  const bySystem = report.heldOutBySystem;
  if (bySystem && ![bySystem.medianRatio, bySystem.ratioP10, bySystem.ratioP90].every(Number.isFinite)) {
    throw new UserError({
      file,
      message: "the fit failed: the refit without every third system gives ratios that are not finite numbers",
      expected: "finite ratios of model to measured",
      found: `median ${bySystem.medianRatio}, p10–p90 ${bySystem.ratioP10}–${bySystem.ratioP90}`
    });
  }
}

/**
 * The error on whole systems: the efficiencies refitted (fitCalibration) on the measurements systemSplit keeps, and
 * the model at them against every run of the systems it holds out (split.ts: a system's runs are near copies, so the
 * stated split's held-out error is that of systems the fit has as good as seen). Null when the refit would have too
 * few measurements (MIN_MEASUREMENTS_POOLED_FIT) or nothing is held out. About as long as the fit itself.
 */
export function systemHeldOutError(prepared: PreparedMeasurements): CalibrationError | null {
  if (systemSplitShortfall(prepared)) return null;
  const {fit, held} = systemSplitSides(prepared);
  const refit = fitCalibration(fit);
  return calibrationError(held.map((m) => row(m, "held-out", "held-out", refit)));
}

/**
 * Why systemHeldOutError could not refit (a sentence: too few measurements left to fit, or no system held out), or
 * null when it can.
 */
export function systemSplitShortfall(prepared: PreparedMeasurements): string | null {
  const {fit, held} = systemSplitSides(prepared);
  if (fit.length < MIN_MEASUREMENTS_POOLED_FIT) {
    return `${fit.length} measurements are left to fit without every third system, at least ${MIN_MEASUREMENTS_POOLED_FIT} needed`;
  }
  if (held.length === 0) return "no group has a third system to hold out";
  return null;
}

function systemSplitSides(prepared: PreparedMeasurements): {
  fit: ComparableMeasurement[];
  held: ComparableMeasurement[];
} {
  const split = systemSplit(prepared.comparable);
  return {
    fit: prepared.comparable.filter((m) => split.get(m.measurement.id) === "fit"),
    held: prepared.comparable.filter((m) => split.get(m.measurement.id) === "held-out")
  };
}

/**
 * The measurements to fit on: the fit split. Throws a UserError naming the file when there are too few to fit
 * (MIN_MEASUREMENTS_POOLED_FIT) or none is held out to report the error on.
 */
export function fitSplitOf(prepared: PreparedMeasurements, file: string): ComparableMeasurement[] {
  const fit = prepared.comparable.filter((m) => prepared.split.get(m.measurement.id) === "fit");
  const held = prepared.comparable.length - fit.length;
  if (fit.length < MIN_MEASUREMENTS_POOLED_FIT || held === 0) {
    throw new UserError({
      file,
      // The rows set aside as outside the calibrated band are named too: a file of only those read "0 comparable"
      // with no word of them (breaker).
      message:
        "too few measurements the model can be compared with to fit it and report its error" +
        (prepared.outOfBand.length
          ? ` (${countNoun(prepared.outOfBand.length, "row")} outside the calibrated band, never fitted: scope.ts)`
          : ""),
      expected: `at least ${MIN_MEASUREMENTS_POOLED_FIT} to fit (more than the 4 efficiencies fitted) and 1 held out (every third of each chip family and stack)`,
      found: `${prepared.comparable.length} comparable (${fit.length} to fit, ${held} held out), ${prepared.skipped.length} lacking a shape`
    });
  }
  return fit;
}

/**
 * Step 4: every measurement predicted with its group's efficiencies (the pooled ones where its group had too few to
 * fit), beside what was measured, and the error on the fit and held-out splits apart and per chip family; the
 * measurements outside the calibrated band (scope.ts) predicted the same way, with their error apart, in no summary
 * of the band's.
 */
export function calibrationReport(
  prepared: PreparedMeasurements,
  efficiencies: CalibratedEfficiencies,
  heldOutBySystem: CalibrationError | null = null
): CalibrationReport {
  const bySystem = heldOutBySystem ? systemSplit(prepared.comparable) : null;
  const rows = prepared.comparable.map((m) =>
    row(m, prepared.split.get(m.measurement.id)!, bySystem?.get(m.measurement.id) ?? null, efficiencies)
  );
  const families = [...new Set(rows.map((r) => r.family))].map((family) => {
    const all = rows.filter((r) => r.family === family);
    const held = all.filter((r) => r.split === "held-out");
    return {family, all: calibrationError(all), heldOut: held.length ? calibrationError(held) : null};
  });
  const outOfBand = prepared.outOfBand.map((m): OutOfBandRow => {
    const {split: _split, systemSplit: _system, ...rest} = row(m, "held-out", null, efficiencies);
    return rest;
  });
  return {
    efficiencies,
    rows,
    skipped: prepared.skipped,
    outOfBand,
    outOfBandError: outOfBand.length ? calibrationError(outOfBand) : null,
    fit: calibrationError(rows.filter((r) => r.split === "fit")),
    heldOut: calibrationError(rows.filter((r) => r.split === "held-out")),
    heldOutBySystem,
    families
  };
}

/**
 * Step 3 of calibrate: the pooled fit; then one fit per chip family and stack, and one per chip family (all its
 * stacks), wherever there are at least MIN_MEASUREMENTS_PER_FIT fit measurements, each pulled towards the pooled
 * values. A measurement is then predicted with the most specific of these that exists (calibratedEfficiencies).
 */
export function fitCalibration(fitSplit: readonly ComparableMeasurement[]): CalibratedEfficiencies {
  const pooled = fitEfficiencies(fitSplit).efficiencies;
  const members = new Map<string, ComparableMeasurement[]>();
  for (const m of fitSplit) {
    for (const key of [calibrationGroup(m), m.hardware.family]) members.set(key, [...(members.get(key) ?? []), m]);
  }
  const groups: Record<string, ServingEfficiencies> = {};
  for (const key of [...members.keys()].sort()) {
    const rows = members.get(key)!;
    if (rows.length < MIN_MEASUREMENTS_PER_FIT) continue;
    groups[key] = fitEfficiencies(rows, {start: pooled, prior: pooled}).efficiencies;
  }
  return {pooled, groups};
}

function row(
  m: ComparableMeasurement,
  split: CalibrationSplit,
  systemSplit: CalibrationSplit | null,
  calibrated: CalibratedEfficiencies
): CalibrationRow {
  const group = calibrationGroup(m);
  const {efficiencies, group: used} = calibratedEfficiencies(m.hardware, m.measurement.stack, calibrated);
  const prediction = compareMeasurement(m, efficiencies);
  const {measurement} = m;
  return {
    id: measurement.id,
    hardware: measurement.hardware,
    model: measurement.model,
    precision: measurement.precision,
    tensorParallel: m.shape.tensorParallel,
    expertParallel: m.shape.expertParallel,
    inputTokens: m.shape.inputTokens,
    outputTokens: m.shape.outputTokens,
    outputTokensCv: m.shape.outputTokensCv ?? 0,
    family: m.hardware.family,
    stack: measurement.stack,
    group,
    scenario: measurement.scenario,
    phase: measurement.phase,
    split,
    systemSplit,
    efficiencies: used,
    tokens: prediction.tokens,
    measuredTokensPerSecondPerChip: measuredTokensPerSecondPerChip(measurement),
    predictedTokensPerSecondPerChip: prediction.predictedTokensPerSecondPerChip,
    measuredTokensPerSecondPerUser: measurement.outputTokensPerSecondPerUser,
    predictedTokensPerSecondPerUser: prediction.predictedTokensPerSecondPerUser,
    ratio: prediction.ratio,
    batchSizePerReplica: prediction.batchSizePerReplica,
    memoryCapped: prediction.memoryCapped,
    engineCapped: prediction.engineCapped,
    date: measurement.date,
    sourceTitle: measurement.sourceTitle,
    sourceUrl: measurement.sourceUrl
  };
}

/** The error statistics of a set of rows (ratios that are not finite, a configuration that does not fit, count as ∞). */
export function calibrationError(rows: readonly Pick<CalibrationRow, "ratio">[]): CalibrationError {
  const ratios = Float64Array.from(rows, (r) => (Number.isFinite(r.ratio) ? r.ratio : Infinity));
  const errors = ratios.map((r) => Math.abs(r - 1));
  const [medianAbsoluteError] = percentiles(errors, [0.5]);
  const [medianRatio, ratioP10, ratioP90] = percentiles(ratios, [0.5, 0.1, 0.9]);
  const share = (limit: number) => (errors.length ? errors.filter((e) => e <= limit).length / errors.length : NaN);
  return {
    count: rows.length,
    medianAbsoluteError: medianAbsoluteError!,
    shareWithin25: share(0.25),
    shareWithin35: share(0.35),
    medianRatio: medianRatio!,
    ratioP10: ratioP10!,
    ratioP90: ratioP90!
  };
}
