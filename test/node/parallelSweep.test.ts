import {describe, expect, it} from "vitest";
import {UserError, UserErrors} from "../../src/errors/userError.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {parallelSweepChunks, stopRunningSweepWorkers, type ParallelSweepInput} from "../../src/node/parallelSweep.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {bindScenario} from "../../src/scenario/evaluate/evaluateScenario.js";
import {parseSweepAxis, sweepScenarioChunks, type SweepChunksInput} from "../../src/scenario/run/sweepScenario.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();
const bound = (id: string) => bindScenario(library.resolve(id), catalogs);

interface Block {
  rows: number;
  offset: number;
  values: Record<string, Float64Array>;
}

/** Every block with rows (pauses left out), its columns copied (the sequential sweep reuses its arrays). */
function copy(rows: number, offset: number, values: Readonly<Record<string, Float64Array>>): Block {
  const copied: Record<string, Float64Array> = {};
  for (const [name, column] of Object.entries(values)) copied[name] = column.slice(0, rows);
  return {rows, offset, values: copied};
}

function sequentialBlocks(input: SweepChunksInput): Block[] {
  const blocks: Block[] = [];
  for (const {rows, offset, values} of sweepScenarioChunks(input).chunks)
    if (rows) blocks.push(copy(rows, offset, values));
  return blocks;
}

async function parallelBlocks(
  input: ParallelSweepInput
): Promise<{blocks: Block[]; workers: number; fromWorkers: number[]}> {
  let workers = 0;
  const blocks: Block[] = [];
  const fromWorkers: number[] = [];
  const {chunks} = parallelSweepChunks({
    ...input,
    onWorkers: (count) => (workers = count),
    onWorkerBlock: (block) => fromWorkers.push(block)
  });
  for await (const {rows, offset, values} of chunks) if (rows) blocks.push(copy(rows, offset, values));
  return {blocks, workers, fromWorkers};
}

/** The errors a sweep throws, as their details; fails the test when it throws something else or nothing. */
async function sweepErrors(run: () => unknown): Promise<unknown[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.detail);
    if (error instanceof UserError) return [error.detail];
    throw error;
  }
  return expect.unreachable("expected UserErrors");
}

describe("parallelSweepChunks", () => {
  const asic = bound("asic-9-months");
  // 6 × 50 = 300 points in blocks of 40: the first on this thread, the other 7 from the workers (or this thread while
  // none has loaded).
  const axes = [parseSweepAxis("silicon.designCycle=6:36:6"), parseSweepAxis("serving.utilization=0.3:0.9:50")];

  it("spreads a long sweep over worker threads: the same blocks, in order, bit for bit, as the sequential sweep", async () => {
    const sweep = {bound: asic, axes, chunkRows: 40};
    // Every block after the first from the workers (the TypeScript sources loaded on a worker thread).
    const {blocks, workers, fromWorkers} = await parallelBlocks({
      ...sweep,
      workers: 2,
      parallelMinMs: 0,
      evaluateWhileWorkersLoad: false
    });
    expect(workers).toBe(2);
    expect(fromWorkers).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const expected = sequentialBlocks(sweep);
    expect(blocks.map((b) => [b.offset, b.rows])).toEqual(expected.map((b) => [b.offset, b.rows]));
    // toEqual on Float64Arrays compares each value with Object.is: NaN (a metric that does not occur) matches NaN.
    for (let i = 0; i < expected.length; i++) expect(blocks[i]!.values, `block ${i}`).toEqual(expected[i]!.values);
  }, 60_000);

  it("keeps a short sweep on this thread (its first block says the rest takes under parallelMinMs)", async () => {
    const {blocks, workers} = await parallelBlocks({bound: asic, axes, chunkRows: 40, workers: 2});
    expect(workers).toBe(0);
    expect(blocks).toHaveLength(8);
  });

  it("times the second block where the first's estimate is under 5 × parallelMinMs: it decides", async () => {
    // A clock that reads 0, then `first` ms after the first block, then `second` ms more after the second. 300 points
    // in 8 blocks of 40: the first's estimate is first × 7, the second's second × 6.
    const clock = (first: number, second: number) => {
      const readings = [0, first, first, first + second];
      return () => readings.shift() ?? Infinity;
    };
    const sweep = {bound: asic, axes, chunkRows: 40, workers: 2, parallelMinMs: 1000, evaluateWhileWorkersLoad: false};
    // 7 × 500 = 3,500 ms, under 5,000: the second, 6 × 10 = 60 ms, keeps the sweep on this thread (the first block
    // carries the JIT's warm-up; base's 1M-point cost sweep started workers on a busy machine and ran twice as long).
    const quick = await parallelBlocks({...sweep, now: clock(500, 10)});
    expect(quick.workers).toBe(0);
    expect(quick.blocks).toHaveLength(8);
    // The second as slow, 6 × 500 = 3,000 ms: the workers take blocks 2 to 7, the same values as the sequential sweep.
    const slow = await parallelBlocks({...sweep, now: clock(500, 500)});
    expect(slow.workers).toBe(2);
    expect(slow.fromWorkers).toEqual([2, 3, 4, 5, 6, 7]);
    const expected = sequentialBlocks({bound: asic, axes, chunkRows: 40});
    for (let i = 0; i < expected.length; i++) expect(slow.blocks[i]!.values, `block ${i}`).toEqual(expected[i]!.values);
    // 7 × 800 = 5,600 ms, 5 × parallelMinMs or more: the workers start at once, from block 1.
    const long = await parallelBlocks({...sweep, now: clock(800, 10)});
    expect(long.fromWorkers).toEqual([1, 2, 3, 4, 5, 6, 7]);
  }, 60_000);

  it("evaluates blocks on this thread while the workers load: the same blocks", async () => {
    const sweep = {bound: asic, axes, chunkRows: 40};
    const {blocks} = await parallelBlocks({...sweep, workers: 2, parallelMinMs: 0});
    const expected = sequentialBlocks(sweep);
    for (let i = 0; i < expected.length; i++) expect(blocks[i]!.values, `block ${i}`).toEqual(expected[i]!.values);
  }, 60_000);

  it("stops every worker of every sweep at once when the process exits, with one exit listener for all", async () => {
    // A signal's handler calls process.exit (writeTable.ts, onEndingSignal), which joined the workers one at a time,
    // each while the others still evaluated: SIGTERM took 10 s to end a sweep with 15 workers on 2 cores (breaker).
    // One listener per sweep reached Node's MaxListeners warning at 11 concurrent sweeps (breaker).
    // A grid of 30,000 points (750 blocks), so that neither sweep's workers can finish it while this thread reads the
    // other's first block: on the 300-point grid of the other tests a loaded CI machine's workers finished the first
    // sweep before the stop, which then had nothing to stop ('null').
    const long = [parseSweepAxis("silicon.designCycle=6:36:6"), parseSweepAxis("serving.utilization=0.3:0.9:5000")];
    const options = {
      bound: asic,
      axes: long,
      chunkRows: 40,
      workers: 2,
      parallelMinMs: 0,
      evaluateWhileWorkersLoad: false
    };
    const sweeps = [parallelSweepChunks(options).chunks, parallelSweepChunks(options).chunks];
    // Each sweep up to its first block from a worker (block 1: block 0 is this thread's).
    for (const chunks of sweeps) {
      for (;;) {
        const {value} = await chunks.next();
        if (value && value.offset >= 40) break;
      }
    }
    const listeners = process.listeners("exit");
    expect(listeners.filter((listener) => listener === stopRunningSweepWorkers)).toHaveLength(1);
    // What process.exit runs: every worker of both sweeps stops, and each sweep says so.
    stopRunningSweepWorkers();
    for (const chunks of sweeps) {
      let stopped: unknown = null;
      try {
        for await (const _ of chunks);
      } catch (error) {
        stopped = error;
      }
      expect(String(stopped)).toMatch(/sweep worker stopped/);
    }
    await parallelBlocks({bound: asic, axes, chunkRows: 40, workers: 2, parallelMinMs: 0});
    expect(process.listeners("exit").filter((listener) => listener === stopRunningSweepWorkers)).toHaveLength(1);
  }, 60_000);

  it("evaluates on this thread only with one worker", async () => {
    const {workers} = await parallelBlocks({bound: asic, axes, chunkRows: 40, workers: 1, parallelMinMs: 0});
    expect(workers).toBe(0);
  });

  it("gives a grid with failing points in later blocks the sequential sweep's errors, word for word", async () => {
    // base fits at most a batch of 372 (sweepScenario.test.ts): batches from 384 fail. 16 × 3 = 48 points in blocks of
    // 4: the first blocks pass, then every point fails; five are listed and a line says where the sweep stopped.
    const sweep = {
      bound: bound("base"),
      axes: [parseSweepAxis("serving.batch=64:1024:16"), parseSweepAxis("serving.utilization=0.4:0.8:3")],
      metrics: ["tokensPerSecondPerChip" as const],
      chunkRows: 4
    };
    const expected = await sweepErrors(() => sequentialBlocks(sweep));
    expect(expected).toHaveLength(6);
    const found = await sweepErrors(() =>
      parallelBlocks({...sweep, workers: 2, parallelMinMs: 0, evaluateWhileWorkersLoad: false})
    );
    expect(found).toEqual(expected);
    // And when this thread evaluates the failing block itself while the workers load.
    expect(await sweepErrors(() => parallelBlocks({...sweep, workers: 2, parallelMinMs: 0}))).toEqual(expected);
  }, 60_000);

  it("checks the grid at once, as the sequential sweep does", () => {
    expect(() => parallelSweepChunks({bound: asic, axes: []})).toThrow("nothing to sweep");
  });
});
