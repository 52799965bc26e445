import {runScenarioMessage, type ScenarioRunReply, type ScenarioRunRequest} from "./scenarioRun.js";

/**
 * Runs a scenario page's Monte Carlo off the main thread, newest request first. `run` returns the reply, or null when
 * a newer `run` (or `cancel`) made it stale before it finished: a run still going in the worker is then stopped
 * (the worker is terminated and a fresh one started for the next run), so a slider dragged through twenty values
 * never waits behind stale runs. Where no worker can start (no Worker, or the module fails to load), runs happen on
 * the main thread, a frame after the request, with the same results.
 */
export interface ScenarioRunner {
  run(request: ScenarioRunRequest): Promise<ScenarioRunReply | null>;
  /** Makes the pending run, if any, stale (its promise resolves to null). */
  cancel(): void;
  /** "worker" while runs go to a Web Worker, "main thread" after falling back. */
  readonly mode: "worker" | "main thread";
}

/**
 * A ScenarioRunner whose worker is the module at `workerUrl` (a page passes
 * `import.meta.resolve("../components/scenarioRunWorker.js")`, which Framework rewrites to the served module, so the
 * worker imports the same bundled library modules as the page).
 */
export function ScenarioRunner(workerUrl: string | null): ScenarioRunner {
  interface Pending {
    id: number;
    request: ScenarioRunRequest;
    resolve: (reply: ScenarioRunReply | null) => void;
    reject: (error: unknown) => void;
  }
  let worker: Worker | null = null;
  let mode: "worker" | "main thread" = workerUrl && typeof Worker !== "undefined" ? "worker" : "main thread";
  let nextId = 0;
  let pending: Pending | null = null;

  /** The run on the main thread, a frame later (so the point charts are drawn first), unless it went stale. */
  const runOnMain = (p: Pending) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (pending !== p) return;
        pending = null;
        try {
          p.resolve(runScenarioMessage(p.request));
        } catch (error) {
          p.reject(error);
        }
      }, 0)
    );

  /** A worker that cannot start or load (no module workers) hands its run, and all later ones, to the main thread. */
  const fallBack = () => {
    worker?.terminate();
    worker = null;
    mode = "main thread";
    if (pending) runOnMain(pending);
  };

  const start = (): Worker | null => {
    try {
      const w = new Worker(workerUrl!, {type: "module"});
      w.onmessage = ({data}: MessageEvent<{id: number; reply?: ScenarioRunReply; error?: string}>) => {
        if (!pending || pending.id !== data.id) return;
        const p = pending;
        pending = null;
        if (data.error !== undefined) p.reject(new Error(data.error));
        else p.resolve(data.reply!);
      };
      w.onerror = (event) => {
        event.preventDefault();
        fallBack();
      };
      return w;
    } catch {
      fallBack();
      return null;
    }
  };

  const cancel = () => {
    if (!pending) return;
    const p = pending;
    pending = null;
    // The worker is in the middle of the stale run: stop it rather than wait for it.
    worker?.terminate();
    worker = null;
    p.resolve(null);
  };

  return {
    get mode() {
      return mode;
    },
    cancel,
    run(request) {
      cancel();
      return new Promise((resolve, reject) => {
        const p: Pending = {id: ++nextId, request, resolve, reject};
        pending = p;
        if (mode === "worker") worker ??= start();
        if (worker) worker.postMessage({id: p.id, request});
        else runOnMain(p);
      });
    }
  };
}
