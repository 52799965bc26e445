/** How often, in ms, a server checks whether the process that started it has gone (and stops with it). */
export const ORPHAN_CHECK_MS = 1000;

/**
 * Calls `stop` once the npm script that started this process has gone: `kill` of `npm run dev` or `npm run serve`
 * ends npm and its shell, not this process, which went on holding the port (new-user trials, for preview and then for
 * serve). An orphan's parent becomes another process (init, or a subreaper), so a changed process.ppid is the sign;
 * checked every ORPHAN_CHECK_MS, and said on stderr when it stops (`why`).
 *
 * Only under npm (npm sets npm_lifecycle_event for the script it runs): a server started in the background by a
 * script of the user's own (`token-ledger serve dist &`, `nohup … &`) outlives that script by design, and stopped a
 * second after it with no word (breaker); nor when the parent is already gone at the start (process.ppid 1: the watch
 * would never fire). Returns a function that stops the watch (call it when the server stops by itself). The interval
 * does not keep the process alive.
 */
export function stopWithParent(
  stop: () => void,
  command: string,
  {env = process.env, everyMs = ORPHAN_CHECK_MS}: {env?: NodeJS.ProcessEnv; everyMs?: number} = {}
): () => void {
  const script = env.npm_lifecycle_event;
  const parent = process.ppid;
  if (script === undefined || script === "" || parent === 1) return () => {};
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    process.stderr.write(`token-ledger: ${command} stopped: npm run ${script}, which started it, has ended\n`);
    stop();
  }, everyMs);
  watch.unref();
  return () => clearInterval(watch);
}
