import {BYTES_PER_GB} from "../units/bytes.js";
import type {Hardware} from "../catalog/hardware.js";
import {PRECISIONS, peakFlopsPerS, type Precision} from "./precision.js";
import type {ServingResult} from "./servingPerformance.js";

/** A reason a serving configuration cannot run, said so that an edge (flag or scenario key) can report it. */
export interface ServingProblem {
  /** The setting to change: "precision", "batch" or "tensorParallel". */
  setting: "precision" | "batch" | "tensorParallel";
  message: string;
  expected: string;
  found: string;
}

/** Precisions the chip supports, in the order of PRECISIONS. */
export function supportedPrecisions(hardware: Hardware): Precision[] {
  return PRECISIONS.filter((precision) => peakFlopsPerS(hardware, precision) !== null);
}

/** Problems with running `precision` on `hardware`, or none. */
export function precisionProblem(hardware: Hardware, precision: Precision): ServingProblem | null {
  if (peakFlopsPerS(hardware, precision) !== null) return null;
  return {
    setting: "precision",
    message: `${hardware.id} has no ${precision} support`,
    expected: `one of ${supportedPrecisions(hardware).join(", ")}`,
    found: precision
  };
}

/** Problems with the memory a configuration needs: weights that do not fit, or a batch larger than fits. */
export function memoryProblem(result: ServingResult, batchSize: number, tensorParallel: number): ServingProblem | null {
  const {memory} = result;
  const gb = (bytes: number) => `${(bytes / BYTES_PER_GB).toFixed(1)} GB`;
  if (memory.maxBatchSize < 1) {
    const usablePerChip = memory.usableBytes / tensorParallel;
    const minChips = Math.ceil((memory.weightBytes + memory.kvBytesPerSequence) / usablePerChip);
    return {
      setting: "tensorParallel",
      message: `the model does not fit: weights ${gb(memory.weightBytes)} plus one sequence's KV cache ${gb(memory.kvBytesPerSequence)} exceed the usable HBM ${gb(memory.usableBytes)} of ${tensorParallel} chip(s)`,
      expected: `at least ${minChips} chips per replica (or a lower precision, or a shorter context)`,
      found: `${tensorParallel}`
    };
  }
  if (batchSize > memory.maxBatchSize) {
    return {
      setting: "batch",
      message: `a batch of ${batchSize} does not fit in memory (KV cache ${gb(memory.kvBytesPerSequence)} per sequence, ${gb(memory.usableBytes - memory.weightBytes)} free after weights)`,
      expected: `at most ${memory.maxBatchSize}, the largest batch that fits`,
      found: `${batchSize}`
    };
  }
  return null;
}
