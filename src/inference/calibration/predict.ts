import type {ServingEfficiencies} from "../efficiencies.js";
import {predictMeasurement} from "../predictMeasurement.js";
import type {ComparableMeasurement} from "./measurementShape.js";
import {measuredTokenKind, measuredTokensPerSecondPerChip} from "./measurement.js";

/** The model's figure for a measurement, beside what was measured. */
export interface MeasurementComparison {
  /**
   * Which tokens the per-chip figures count (measuredTokenKind): "input" (prompt tokens prefilled) for a prefill
   * measurement, "output" (tokens generated) otherwise.
   */
  tokens: "input" | "output";
  /**
   * Modelled tokens per second per chip, of the kind `tokens` names: output tokens over whole requests, output tokens
   * of decode steps for a decode-only measurement, prompt tokens prefilled for a prefill-only one.
   */
  predictedTokensPerSecondPerChip: number;
  /**
   * Modelled output tokens per second per user at the batch used; null for a prefill-only measurement (it generates
   * none).
   */
  predictedTokensPerSecondPerUser: number | null;
  /** Requests per replica the model ran. */
  batchSizePerReplica: number;
  /** True when the published concurrency does not fit in memory and the model ran the largest batch that does. */
  memoryCapped: boolean;
  /**
   * True when the engine's published cap on sequences per replica (max_batch), below the largest batch that fits, set
   * the batch: an offline run, a published concurrency per replica above the cap (the rest queue), or a latency-bound
   * run whose bisection stopped at the cap (a batch meeting the speed per user was not the bound).
   */
  engineCapped: boolean;
  /** predicted ÷ measured tokens (of the kind `tokens` names) per second per chip; NaN when nothing fits. */
  ratio: number;
  /** False when the model cannot fit the weights and one request on the replica. */
  fits: boolean;
}

/**
 * Predicts one measurement at the given efficiencies. The batch per replica: the largest that fits (offline), the
 * published concurrency ÷ replicas (capped at what fits), or, for a latency-bound run without a published
 * concurrency, the largest whole batch whose modelled speed per user is at least the published one (found by
 * bisection: speed per user falls as the batch grows). Each is at most the engine's published cap per replica
 * (max_batch) where given: the bisection brackets at min(fits, cap). What is compared follows the phase: output tokens per second
 * per chip over whole requests (whole), of decode steps (decode), or prompt tokens per second per chip while
 * prefilling the batch (prefill: the serving model's prefillTokensPerSecondPerChip against the measured input rate).
 */
export function compareMeasurement(
  m: ComparableMeasurement,
  efficiencies: ServingEfficiencies,
  batchHints?: Map<string, number>
): MeasurementComparison {
  const measured = measuredTokensPerSecondPerChip(m.measurement);
  const tokens = measuredTokenKind(m.measurement.phase);
  const decodeOnly = m.measurement.phase === "decode";
  let prediction = predictMeasurement(m.shape, efficiencies);
  let engineCapped = prediction.engineCapped;
  if (prediction.fits && m.batching === "latency") {
    const target = m.measurement.outputTokensPerSecondPerUser!;
    const replicas = prediction.replicas;
    const at = (batch: number) => predictMeasurement({...m.shape, concurrency: batch * replicas}, efficiencies);
    // The largest batch that fits, at most the engine's cap (predictMeasurement at concurrency null).
    const max = Math.max(1, Math.floor(prediction.batchSizePerReplica));
    const meets = (batch: number) => userSpeed(at(batch), decodeOnly) >= target;
    // Bracket [lo, hi) around the answer, starting from the last answer for this measurement (a fitter moves the
    // efficiencies a little at a time, so the batch moves little): a few evaluations instead of a full bisection.
    const hint = Math.min(max, Math.max(1, batchHints?.get(m.measurement.id) ?? max));
    let lo: number;
    let hi: number;
    if (meets(hint)) {
      lo = hint;
      hi = lo;
      let step = 1;
      while (hi < max && meets(Math.min(max, hi + step))) {
        lo = Math.min(max, hi + step);
        hi = lo;
        step *= 2;
      }
      hi = lo === max ? max + 1 : Math.min(max, hi + step);
    } else {
      hi = hint;
      lo = hi;
      let step = 1;
      while (lo > 1 && !meets(Math.max(1, lo - step))) {
        lo = Math.max(1, lo - step);
        hi = lo;
        step *= 2;
      }
      lo = Math.max(1, lo - step);
      if (!meets(lo)) hi = lo = 1;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (meets(mid)) lo = mid;
      else hi = mid;
    }
    batchHints?.set(m.measurement.id, lo);
    // The cap bound when the bisection stopped at it (a larger batch might still have met the speed per user).
    engineCapped = prediction.engineCapped && lo === max;
    prediction = at(lo);
  }
  if (!prediction.fits || !prediction.serving) {
    return {
      tokens,
      predictedTokensPerSecondPerChip: 0,
      predictedTokensPerSecondPerUser: tokens === "input" ? null : 0,
      batchSizePerReplica: 0,
      memoryCapped: false,
      engineCapped: false,
      ratio: NaN,
      fits: false
    };
  }
  const perChip =
    m.measurement.phase === "prefill"
      ? prediction.prefillTokensPerSecondPerChip
      : decodeOnly
        ? prediction.serving.decodeTokensPerSecondPerChip
        : prediction.outputTokensPerSecondPerChip;
  return {
    tokens,
    predictedTokensPerSecondPerChip: perChip,
    predictedTokensPerSecondPerUser: tokens === "input" ? null : userSpeed(prediction, decodeOnly),
    batchSizePerReplica: prediction.batchSizePerReplica,
    memoryCapped: prediction.memoryCapped,
    engineCapped,
    ratio: perChip / measured,
    fits: true
  };
}

function userSpeed(p: ReturnType<typeof predictMeasurement>, decodeOnly: boolean): number {
  if (!p.serving) return 0;
  if (decodeOnly) return p.serving.tokensPerSecondPerSequence;
  // measurementShape skips a latency-bound run of one output token (no speed per user), so this has a decode step.
  if (p.outputTokensPerSecondPerUser === null) throw new Error("speed per user of a request of one output token");
  return p.outputTokensPerSecondPerUser;
}
