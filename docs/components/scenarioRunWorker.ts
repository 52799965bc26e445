/**
 * The scenario page's Web Worker: it answers each {id, request} message with {id, reply} (runScenarioMessage) or
 * {id, error} (the error's message), one at a time. A page creates it from this module's served URL
 * (scenarioRunner.ts); it runs the same library modules the page and the command line run.
 */
import {runScenarioMessage, type ScenarioRunRequest} from "./scenarioRun.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<{id: number; request: ScenarioRunRequest}>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = ({data: {id, request}}) => {
  try {
    scope.postMessage({id, reply: runScenarioMessage(request)});
  } catch (error) {
    scope.postMessage({id, error: error instanceof Error ? error.message : String(error)});
  }
};
