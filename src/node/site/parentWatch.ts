/** How often, in ms, a server checks whether the process that started it has gone (and stops with it). */
export const ORPHAN_CHECK_MS = 1000;

/**
 * Calls `stop` once the process that started this one has gone: `kill` of `npm run dev` or `npm run serve` ends npm
 * and its shell, not this process, which went on holding the port (new-user trials, for preview and then for serve).
 * An orphan's parent becomes another process (init, or a subreaper), so a changed process.ppid is the sign; checked
 * every ORPHAN_CHECK_MS. Returns a function that stops the watch (call it when the server stops by itself). The
 * interval does not keep the process alive.
 */
export function stopWithParent(stop: () => void, everyMs = ORPHAN_CHECK_MS): () => void {
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(watch);
      stop();
    }
  }, everyMs);
  watch.unref();
  return () => clearInterval(watch);
}
