/**
 * Resolves after the event loop has polled for events at least once, which is when a pending signal's handler runs
 * (writeTable.ts, onEndingSignal) and a worker thread's messages are delivered. One setImmediate is not enough:
 * called from the poll phase, its callback runs in the same turn's check phase, before any further poll, and a
 * signal during a sweep's only block was handled after the rename. The second runs in the next turn's check phase,
 * after that turn's poll.
 */
export function eventLoopTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}
