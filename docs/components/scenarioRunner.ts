import {
  runScenarioMessage,
  type ScenarioRunMessage,
  type ScenarioRunReply,
  type ScenarioRunRequest
} from "./scenarioRun.js";

/**
 * Runs a scenario page's Monte Carlo off the main thread, newest request first. `run` returns the reply, or null when
 * a newer `run` (or `cancel`) made it stale before it finished. The worker runs one request at a time; requests made
 * meanwhile wait, and only the newest of them runs next; every run waits until the requests have paused for
 * RUN_QUIET_MS, so a slider dragged through twenty values runs once, when it stops. Where no worker can start
 * (no Worker, or the module fails to load), runs happen on the main thread, a frame after the request, with the same
 * results.
 */
export interface ScenarioRunner {
  run(request: ScenarioRunRequest): Promise<ScenarioRunReply | null>;
  /** Makes the pending run, if any, stale (its promise resolves to null). */
  cancel(): void;
  /**
   * Starts the worker, if it has not started, and has it run `request` once with nobody waiting for the reply, so that
   * the first `run` finds its modules loaded and compiled: on the asic-9-months page the first move's figures took
   * ~580 ms in view against ~80 ms for later moves, most of it starting the worker and a cold run
   * (bench/page-latency.bench.ts, "1st seen"). A `run` made meanwhile waits for it, as for a stale run. Does nothing
   * once a worker has started or runs are on the main thread.
   */
  warmUp(request: ScenarioRunRequest): void;
  /** "worker" while runs go to a Web Worker, "main thread" after falling back. */
  readonly mode: "worker" | "main thread";
}

export interface ScenarioRunnerOptions {
  /** Called with true when a run starts and false when none is left pending (a page marks its figures as settling). */
  onBusy?: (busy: boolean) => void;
}

/** How long the page must not ask for a run before the worker starts the newest of a burst of requests, ms. */
export const RUN_QUIET_MS = 100;

/**
 * A ScenarioRunner whose worker is the module at `workerUrl` (a page passes
 * `import.meta.resolve("../components/scenarioRunWorker.js")`, which Framework rewrites to the served module, so the
 * worker imports the same bundled library modules as the page).
 */
export function ScenarioRunner(workerUrl: string | null, {onBusy}: ScenarioRunnerOptions = {}): ScenarioRunner {
  interface Pending {
    id: number;
    request: ScenarioRunRequest;
    resolve: (reply: ScenarioRunReply | null) => void;
    reject: (error: unknown) => void;
  }
  let worker: Worker | null = null;
  let mode: "worker" | "main thread" = workerUrl && typeof Worker !== "undefined" ? "worker" : "main thread";
  let nextId = 0;
  let pendingRun: Pending | null = null;
  const setPending = (p: Pending | null) => {
    const changed = (p === null) !== (pendingRun === null);
    pendingRun = p;
    if (changed) onBusy?.(p !== null);
  };

  /** The run on the main thread, a frame later (so the point charts are drawn first), unless it went stale. */
  const runOnMain = (p: Pending) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (pendingRun !== p) return;
        setPending(null);
        try {
          p.resolve(runScenarioMessage(p.request));
        } catch (error) {
          p.reject(error);
        }
      }, 0)
    );

  /** A worker that cannot start or load (no module workers) hands its run, and all later ones, to the main thread. */
  const fallBack = () => {
    inFlight = false;
    posted = null;
    worker?.terminate();
    worker = null;
    mode = "main thread";
    if (pendingRun) runOnMain(pendingRun);
  };

  const start = (): Worker | null => {
    try {
      const w = new Worker(workerUrl!, {type: "module"});
      w.onmessage = ({data}: MessageEvent<{id: number; reply?: ScenarioRunReply; error?: string}>) => {
        inFlight = false;
        if (!pendingRun) return;
        // A stale run's reply is dropped, and the newest request, which waited for it, goes next once the moves pause.
        if (pendingRun.id !== data.id) return sendWhenQuiet();
        const p = pendingRun;
        setPending(null);
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

  /** Whether the worker is running a request (only one at a time is sent, so a burst of moves queues one run). */
  let inFlight = false;
  /** The scenario and catalogs the worker holds: a request with the same ones is posted without them. */
  let posted: Pick<ScenarioRunRequest, "resolved" | "catalogs"> | null = null;
  const post = (id: number, request: ScenarioRunRequest) => {
    inFlight = true;
    const same = posted?.resolved === request.resolved && posted.catalogs === request.catalogs;
    const {resolved, catalogs, ...rest} = request;
    const message: ScenarioRunMessage = {id, request: same ? rest : request};
    posted = {resolved, catalogs};
    worker!.postMessage(message);
  };

  /** When the page last asked for a run (performance.now(), ms). */
  let lastAsked = -Infinity;
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Sends the pending run once the worker is free and the page has not asked for another for RUN_QUIET_MS. A drag's
   * moves come 16–50 ms apart: the worker runs the last once the moves pause, not every move it could fit in between.
   * Running back to back, it kept one of a 2-core machine's cores busy throughout a drag, beside the main thread's
   * redraws; started at the first move, it still took that core during the drag's first frames, where the long tasks
   * were (with a core kept busy beside the browser: 16–20 tasks over 50 ms in 12 drags, against 4 waiting for the
   * pause, 3 of them after the drag; issue #17).
   */
  const sendWhenQuiet = () => {
    clearTimeout(quietTimer);
    if (!pendingRun || inFlight || !worker) return;
    const waitMs = lastAsked + RUN_QUIET_MS - performance.now();
    if (waitMs > 0) quietTimer = setTimeout(sendWhenQuiet, waitMs);
    else post(pendingRun.id, pendingRun.request);
  };

  // A stale run is not stopped in the worker (starting a fresh worker costs more than most runs, so stopping one per
  // slider step would starve every run): its promise resolves to null at once and its reply is dropped.
  const cancel = () => {
    if (!pendingRun) return;
    const p = pendingRun;
    setPending(null);
    p.resolve(null);
  };

  return {
    get mode() {
      return mode;
    },
    cancel,
    warmUp(request) {
      if (mode !== "worker" || worker) return;
      worker = start();
      if (!worker) return;
      // Id 0 is no run's (run ids start at 1): its reply finds no pending run of its id and is dropped.
      post(0, request);
    },
    run(request) {
      cancel();
      lastAsked = performance.now();
      return new Promise((resolve, reject) => {
        const p: Pending = {id: ++nextId, request, resolve, reject};
        setPending(p);
        if (mode === "worker") worker ??= start();
        if (!worker) runOnMain(p);
        else sendWhenQuiet();
      });
    }
  };
}
