import {calibratedEfficiencies} from "../calibratedEfficiencies.js";
import {throughputLatencyFrontier, type FrontierPoint} from "../frontier.js";
import {replicaLayout} from "../parallelism.js";
import {measuredTokensPerSecondPerChip, SOFTWARE_STACK_NAMES} from "./measurement.js";
import type {ComparableMeasurement} from "./measurementShape.js";
import type {CalibratedEfficiencies} from "./calibrate.js";
import {groupThousands} from "../../units/groupThousands.js";

/** One measured configuration: its model curve and the measurements taken on it. */
export interface MeasurementCurve {
  /** "h100-sxm × 2, llama-3.1-70b fp8, TP2, 5000 → 500 tokens, trtllm". */
  label: string;
  /** As a reader names it: "NVIDIA H100 SXM5 80GB × 2, Llama 3.1 70B, FP8, TP2, 5000 → 500 tokens, TensorRT-LLM". */
  name: string;
  hardware: string;
  stack: string;
  /** Efficiencies the curve was drawn at ("hopper/trtllm", "hopper" or "pooled"). */
  efficiencies: string;
  /** The model's whole-request frontier of one replica, batch 1 to the largest that fits. */
  curve: FrontierPoint[];
  /** The measurements of this configuration that publish a speed per user: [per user, per chip] output tok/s. */
  points: {id: string; outputTokensPerSecondPerUser: number; outputTokensPerSecondPerChip: number}[];
}

/**
 * The model's throughput–latency curve beside each published measurement that states a speed per user, one curve per
 * configuration (chip, model, precision, parallelism, request shape in whole tokens, stack), at the calibrated
 * efficiencies; each curve's label is its own. What the "How good is the model?" page plots: how far the measured
 * points lie from the curve. Whole-request measurements only: a decode-only one is a point of another curve (decode
 * steps, not whole requests), and a prefill-only one generates no output tokens, so it has no point on a curve of
 * output tokens per user against output tokens per chip.
 */
export function measurementCurves(
  comparable: readonly ComparableMeasurement[],
  calibration: Pick<CalibratedEfficiencies, "groups" | "pooled">
): MeasurementCurve[] {
  const byKey = new Map<string, ComparableMeasurement[]>();
  for (const m of comparable) {
    if (m.measurement.outputTokensPerSecondPerUser === null || m.measurement.phase !== "whole") continue;
    const s = m.shape;
    const key = [
      m.hardware.id,
      m.model.id,
      s.precision,
      s.tensorParallel,
      s.expertParallel,
      // Lengths as the label writes them, whole tokens: a server run's 273.6 output tokens beside its offline run's
      // 274.2 made two curves of one label, and the page's select, which finds a curve by its label, never showed
      // the second (new-user trial: B200 Llama 2 70B 222 → 274, MI325X 222 → 301, Trainium2 10000 → 1501). The curve
      // is drawn at its first measurement's lengths.
      Math.round(s.inputTokens),
      Math.round(s.outputTokens),
      m.measurement.stack
    ].join("|");
    byKey.set(key, [...(byKey.get(key) ?? []), m]);
  }
  return [...byKey.values()].map((members) => {
    const {hardware, model, shape, measurement} = members[0]!;
    const {efficiencies, group} = calibratedEfficiencies(hardware, measurement.stack, calibration);
    const chips = replicaLayout(shape.tensorParallel, shape.expertParallel).chips;
    const parallel = `TP${shape.tensorParallel}${shape.expertParallel > 1 ? ` EP${shape.expertParallel}` : ""}`;
    return {
      label: `${hardware.id} × ${chips}, ${model.id} ${shape.precision}, ${parallel}, ${Math.round(shape.inputTokens)} → ${Math.round(shape.outputTokens)} tokens, ${measurement.stack}`,
      name: `${hardware.name} × ${chips}, ${model.name}, ${shape.precision.toUpperCase()}, ${parallel}, ${groupThousands(Math.round(shape.inputTokens))} → ${groupThousands(Math.round(shape.outputTokens))} tokens, ${SOFTWARE_STACK_NAMES[measurement.stack]}`,
      hardware: hardware.id,
      stack: measurement.stack,
      efficiencies: group,
      curve: throughputLatencyFrontier({...shape, hbmReserveFraction: null}, efficiencies, 24),
      points: members.map((m) => ({
        id: m.measurement.id,
        outputTokensPerSecondPerUser: m.measurement.outputTokensPerSecondPerUser!,
        outputTokensPerSecondPerChip: measuredTokensPerSecondPerChip(m.measurement)
      }))
    };
  });
}
