import {createRequire} from "node:module";
import {fileURLToPath} from "node:url";
import {Worker, type ResourceLimits} from "node:worker_threads";

/** What a worker started by startWorkerModule posts when its module fails to load. */
export interface WorkerLoadError {
  loadError: string;
}

/**
 * Starts the module `name` (a file in this directory, src/node/ or the package's dist-lib/lib/node/, named without
 * its extension) on a worker thread with `workerData`: the compiled `.js` beside this module, or, running from the
 * TypeScript sources (tsx, vitest), the `.ts` through tsx's require hook, since Node 20's workers do not inherit the
 * ESM hooks that run this process's TypeScript (measured: about 0.7 s to load the scenario pipeline that way, a
 * tenth of that compiled). A module that fails to load posts a WorkerLoadError to its parent, so that the parent
 * never waits for a worker that is not there. `resourceLimits` are passed to the Worker (its heap's sizes).
 */
export function startWorkerModule(name: string, workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const here = import.meta.url;
  const failed = `(error) => require("node:worker_threads").parentPort.postMessage({loadError: String(error && error.stack || error)})`;
  let code: string;
  if (here.endsWith(".ts")) {
    const tsx = createRequire(here).resolve("tsx/cjs");
    const entry = fileURLToPath(new URL(`./${name}.ts`, here));
    code = `try { require(${JSON.stringify(tsx)}); require(${JSON.stringify(entry)}); } catch (error) { (${failed})(error); }`;
  } else {
    code = `import(${JSON.stringify(new URL(`./${name}.js`, here).href)}).catch(${failed});`;
  }
  return new Worker(code, {eval: true, workerData, ...(resourceLimits ? {resourceLimits} : {})});
}
