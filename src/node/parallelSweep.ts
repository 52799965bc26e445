import {availableParallelism} from "node:os";
import type {Worker} from "node:worker_threads";
import {
  sweepPlan,
  sweepScenarioChunks,
  type SweepChunk,
  type SweepChunksInput,
  type SweepPlan
} from "../scenario/run/sweepScenario.js";
import {isUserError} from "../errors/userError.js";
import {eventLoopTurn} from "./eventLoopTurn.js";
import type {SweepWorkerAnswer, SweepWorkerData, SweepWorkerRequest} from "./sweepWorker.js";
import {startWorkerModule, type WorkerLoadError} from "./workerModule.js";

/**
 * A sweep whose remaining blocks are estimated to take longer than this (from its first block's time) is spread over
 * worker threads; a shorter one is not worth their start (about 0.7 s from TypeScript sources, 0.1 s compiled).
 */
export const PARALLEL_SWEEP_MIN_MS = 2000;

/**
 * A first block whose estimate of the rest is at least this many times parallelMinMs starts the workers at once; one
 * between parallelMinMs and this has the second block timed too, and the estimate from it decides. The first block
 * carries the JIT's warm-up: base's 1M-point cost per token sweep took about 0.1 s for its first 65,536 points and 7
 * ms for each later block, so its estimate of the rest (1.5 s on a quiet machine) passed 2 s on a busy one and started
 * workers that made the sweep twice as slow (4.2 s against 2.2 s with --workers 1; new-user trial). A sweep of every
 * metric estimates a minute or more and starts them at once.
 */
const CLEARLY_LONG_FACTOR = 5;

/**
 * Each worker's young generation, MB: V8's default let each worker add about 80 MB to the sweep's peak; 4 MB cut
 * two workers' 307 MB to 254 MB at the same speed (300,000 points of every metric, columns only; 1 MB: 237 MB and 5%
 * slower).
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/** How often a block evaluated on this thread while the workers load lets their messages in, ms. */
const DISPATCH_MS = 20;

export interface ParallelSweepInput extends SweepChunksInput {
  /** Worker threads for a long sweep (default os.availableParallelism()); 1 or fewer evaluates on this thread only. */
  workers?: number;
  /** Estimated remaining time above which workers are started (default PARALLEL_SWEEP_MIN_MS). */
  parallelMinMs?: number;
  /** Told how many workers were started, when they are (a test's and a benchmark's check). */
  onWorkers?: (count: number) => void;
  /** The clock the blocks that decide are timed by, ms (default performance.now; a test's own). */
  now?: () => number;
  /** Told each block a worker evaluated (a test's check that they ran). */
  onWorkerBlock?: (block: number) => void;
  /**
   * Evaluate blocks on this thread until the first worker has loaded (default true): false leaves every block after
   * the first to the workers (a test's, so that they run however small the grid).
   */
  evaluateWhileWorkersLoad?: boolean;
}

/**
 * sweepScenarioChunks (sweepScenario.ts) spread over the machine's cores: the same blocks, in the same order, with the
 * same values bit for bit (each point is evaluated by the same code from the same inputs), delivered asynchronously.
 * The first block is evaluated on this thread; if the rest would take longer than `parallelMinMs` at its pace (at the
 * second block's pace, where the first's estimate is under CLEARLY_LONG_FACTOR times that), worker threads
 * (sweepWorker.ts) evaluate the other blocks, one block each at a time, while this thread writes them in order; until
 * the first worker has loaded, this thread evaluates the next blocks itself. Memory is one block per
 * worker plus this thread's, whatever the grid's size.
 *
 * Errors are those of the sequential sweep, word for word: the grid and metrics are checked at once (UserErrors
 * thrown by this call), and when a block has a point that cannot be evaluated, the workers are stopped and this
 * thread evaluates from that block on as sweepScenarioChunks does (up to MAX_SWEEP_ERRORS failing points, listed in
 * grid order). Stopping the iteration (a `break`, or a throw in the consumer) stops the workers.
 *
 * Throws (while iterating): an Error when a worker fails to load or fails on a bug.
 */
export function parallelSweepChunks(input: ParallelSweepInput): {
  columns: string[];
  chunks: AsyncGenerator<SweepChunk, void>;
} {
  // Checks the grid and metrics now, as sweepScenarioChunks does; this generator is also the sequential path. The
  // blocks this thread evaluates later share its set-up and caches.
  const plan = input.plan ?? sweepPlan();
  const sequential = sweepScenarioChunks({...input, plan});
  const {total, chunkRows} = sequential;
  const blocks = Math.ceil(total / chunkRows);
  const workerCount = Math.min(input.workers ?? availableParallelism(), blocks - 1);
  const parallelMinMs = input.parallelMinMs ?? PARALLEL_SWEEP_MIN_MS;

  const now = input.now ?? (() => performance.now());
  /**
   * The next block with rows on this thread and the time it took, taken before the consumer has it (writing a block is
   * not evaluating it); its empty blocks (pauses) are passed on as they come. Undefined at the grid's end.
   */
  async function* timedBlock(): AsyncGenerator<SweepChunk, {block: SweepChunk; ms: number} | undefined> {
    const started = now();
    for (let next = sequential.chunks.next(); !next.done; next = sequential.chunks.next()) {
      if (next.value.rows > 0) return {block: next.value, ms: now() - started};
      yield next.value;
    }
    return undefined;
  }

  async function* chunks(): AsyncGenerator<SweepChunk, void> {
    const first = yield* timedBlock();
    if (!first) return;
    let estimateMs = first.ms * (blocks - 1);
    yield first.block;
    let startBlock = 1;
    if (workerCount >= 2 && estimateMs >= parallelMinMs && estimateMs < CLEARLY_LONG_FACTOR * parallelMinMs) {
      // The second block decides.
      const second = yield* timedBlock();
      if (!second) return;
      estimateMs = second.ms * (blocks - 2);
      yield second.block;
      startBlock = 2;
    }
    if (workerCount < 2 || estimateMs < parallelMinMs || startBlock >= blocks) {
      yield* sequential.chunks;
      return;
    }
    void sequential.chunks.return();
    yield* parallelBlocks(input, {total, chunkRows, blocks, workerCount, plan, startBlock});
  }
  return {columns: sequential.columns, chunks: chunks()};
}

/** Blocks startBlock … blocks − 1 from worker threads (and this thread until one has loaded), written in order. */
async function* parallelBlocks(
  input: ParallelSweepInput,
  {
    total,
    chunkRows,
    blocks,
    workerCount,
    plan,
    startBlock
  }: {total: number; chunkRows: number; blocks: number; workerCount: number; plan: SweepPlan; startBlock: number}
): AsyncGenerator<SweepChunk, void> {
  const data: SweepWorkerData = {
    bound: input.bound,
    axes: input.axes,
    ...(input.metrics ? {metrics: input.metrics} : {}),
    chunkRows
  };
  const done = new Map<number, SweepWorkerAnswer>();
  // Workers that have loaded and have no block to evaluate.
  const idle: Worker[] = [];
  let loaded = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  const workers = Array.from({length: workerCount}, () => {
    const worker = startWorkerModule("sweepWorker", data, {maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB});
    worker.on("message", (answer: SweepWorkerAnswer | WorkerLoadError) => {
      if ("loadError" in answer) failure = new Error(`sweep worker: cannot load: ${answer.loadError}`);
      else if ("ready" in answer) loaded += 1;
      else if ("error" in answer) failure = new Error(`sweep worker, block ${answer.block}: ${answer.error}`);
      else done.set(answer.block, answer);
      if (!("loadError" in answer)) idle.push(worker);
      notify();
    });
    worker.on("error", (error) => {
      failure = error;
      notify();
    });
    // A worker gone while blocks are due (its thread ran out of memory, say) would otherwise be waited for forever.
    worker.on("exit", (code) => {
      failure ??= new Error(`sweep worker stopped (exit code ${code})`);
      notify();
    });
    return worker;
  });
  input.onWorkers?.(workerCount);
  stopOnExit(workers);
  /** From `startRow` to the grid's end on this thread, as the sequential sweep: for the errors of a failing block. */
  const sequentialFrom = (startRow: number) => sweepScenarioChunks({...input, plan, startRow}).chunks;
  let next = startBlock; // the next block to hand out
  let written = startBlock; // the next block to deliver
  try {
    while (written < blocks) {
      if (failure) throw failure;
      const answer = done.get(written);
      if (answer) {
        done.delete(written);
        if ("failed" in answer) {
          yield* sequentialFrom(written * chunkRows);
          return;
        }
        if ("values" in answer) {
          input.onWorkerBlock?.(written);
          yield {rows: answer.rows, offset: written * chunkRows, values: answer.values};
          input.onProgress?.(Math.min(total, (written + 1) * chunkRows), total);
        }
        written += 1;
      } else if (next < blocks && idle.length > 0) {
        const request: SweepWorkerRequest = {block: next++};
        idle.shift()!.postMessage(request);
      } else if (loaded === 0 && next < blocks && input.evaluateWhileWorkersLoad !== false) {
        // No worker has loaded yet (none has a block, so next is written): evaluate the next block here, pausing every
        // DISPATCH_MS (besides the consumer's pauses) to let the workers' messages in and hand a worker that has
        // loaded meanwhile its block at once, not after this one (a block of every metric takes about a second).
        const startRow = next * chunkRows;
        next += 1;
        written += 1;
        let dispatchAt = performance.now() + DISPATCH_MS;
        let consumerPause = false;
        const shouldPause = () => {
          consumerPause = input.shouldPause?.() ?? false;
          return consumerPause || performance.now() >= dispatchAt;
        };
        const endRow = startRow + chunkRows;
        try {
          for (const chunk of sweepScenarioChunks({...input, plan, shouldPause, startRow, endRow}).chunks) {
            if (chunk.rows > 0 || consumerPause) yield chunk;
            if (chunk.rows > 0) continue;
            await eventLoopTurn();
            if (failure) throw failure;
            while (idle.length > 0 && next < blocks)
              idle.shift()!.postMessage({block: next++} satisfies SweepWorkerRequest);
            dispatchAt = performance.now() + DISPATCH_MS;
          }
        } catch (error) {
          // A failing point: nothing of this block was delivered (a block with one is not); from here as a whole.
          if (!isUserError(error)) throw error;
          yield* sequentialFrom(startRow);
          return;
        }
        await eventLoopTurn();
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    for (const worker of workers) {
      RUNNING_WORKERS.delete(worker);
      void worker.terminate();
    }
  }
}

/** The workers of every parallel sweep in progress in this process. */
const RUNNING_WORKERS = new Set<Worker>();
let exitListenerAdded = false;

/**
 * Has `workers` terminated together on the way out of the process. process.exit (a signal's handler, writeTable.ts
 * onEndingSignal) stops and joins the workers one at a time, each joined while the rest still evaluate: with 15 workers
 * on 2 cores SIGTERM took 10 s to end the process; told to stop all at once, they wind down together. One `exit`
 * listener serves every sweep (one per sweep reached Node's MaxListeners warning at 11 concurrent sweeps; breaker).
 */
function stopOnExit(workers: readonly Worker[]): void {
  for (const worker of workers) RUNNING_WORKERS.add(worker);
  if (exitListenerAdded) return;
  exitListenerAdded = true;
  process.on("exit", stopRunningSweepWorkers);
}

/** Terminates the workers of every parallel sweep in progress: the process's `exit` listener (stopOnExit). */
export function stopRunningSweepWorkers(): void {
  for (const worker of RUNNING_WORKERS) void worker.terminate();
}
