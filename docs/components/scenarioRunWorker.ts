/**
 * The scenario page's Web Worker: it answers each {id, request} message with {id, reply} (runScenarioMessage) or
 * {id, error} (the error's message), one at a time. A page creates it from this module's served URL
 * (scenarioRunner.ts); it runs the same library modules the page and the command line run. A request without its
 * scenario and catalogs (ScenarioRunMessage) runs on the last ones sent.
 */
import {scenarioRunAnswerer, type ScenarioRunMessage} from "./scenarioRun.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<ScenarioRunMessage>) => void) | null;
  postMessage(message: unknown): void;
}

const scope = globalThis as unknown as WorkerScope;
const answer = scenarioRunAnswerer();
scope.onmessage = ({data}) => {
  const {id} = data;
  try {
    scope.postMessage({id, reply: answer(data)});
  } catch (error) {
    scope.postMessage({id, error: error instanceof Error ? error.message : String(error)});
  }
};
