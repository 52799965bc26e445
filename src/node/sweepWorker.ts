// The worker thread of parallelSweep.ts: evaluates the blocks of a sweep's grid it is sent, each as sweepScenarioChunks
// evaluates it on the main thread, and posts each block's columns back (or that the block has a failing point).
import {parentPort, workerData} from "node:worker_threads";
import {isUserError} from "../errors/userError.js";
import {sweepPlan, sweepScenarioChunks, type SweepChunksInput} from "../scenario/run/sweepScenario.js";

/** What parallelSweep passes as workerData: the sweep (its bound scenario copied), with its block size set. */
export type SweepWorkerData = Pick<SweepChunksInput, "bound" | "axes" | "metrics"> & {chunkRows: number};

/** A block to evaluate: grid points [block × chunkRows, (block + 1) × chunkRows). */
export interface SweepWorkerRequest {
  block: number;
}

/**
 * A block evaluated: its columns (rows and values as a SweepChunk's), `failed` when a point of it cannot be
 * evaluated (the main thread evaluates from there on itself, for the errors' messages), or `error` for a bug.
 */
export type SweepWorkerAnswer =
  | {ready: true}
  | {block: number; rows: number; values: Record<string, Float64Array>}
  | {block: number; failed: true}
  | {block: number; error: string};

const input = workerData as SweepWorkerData;
const port = parentPort!;
// One set-up for every block this worker evaluates, and caches that keep filling from block to block.
const plan = sweepPlan();

port.on("message", ({block}: SweepWorkerRequest) => {
  try {
    const startRow = block * input.chunkRows;
    const {chunks} = sweepScenarioChunks({
      ...input,
      plan,
      startRow,
      endRow: startRow + input.chunkRows
    });
    for (const chunk of chunks) {
      // The block's own arrays, handed over: this generator is done with them.
      const values = chunk.values as Record<string, Float64Array>;
      const answer: SweepWorkerAnswer = {block, rows: chunk.rows, values};
      port.postMessage(
        answer,
        Object.values(values).map((column) => column.buffer as ArrayBuffer)
      );
    }
  } catch (error) {
    if (isUserError(error)) port.postMessage({block, failed: true});
    else port.postMessage({block, error: error instanceof Error ? (error.stack ?? error.message) : String(error)});
  }
});
port.postMessage({ready: true} satisfies SweepWorkerAnswer);
