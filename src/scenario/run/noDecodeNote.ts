import type {ScenarioEvaluation} from "../evaluate/evaluateScenario.js";
import {NO_DECODE} from "../evaluate/metricInfo.js";

/**
 * A note for a scenario whose requests have one output token (serving.outputTokens 1): that token comes from prefill,
 * so there is no decode step, and the figures of decoding (decode-step throughput, time per output token, decode-time
 * cost) are null, read NO_DECODE (metricInfo.ts; "—" in `inference`), rather than those of a step that never runs
 * (metrics.ts `decodes`). In the words of `inference --output-tokens 1` (src/cli/commands/inference.ts), so that the
 * missing figures are explained where they are shown (breaker). Null when the request has a decode step.
 *
 * Input: the evaluation at the median point (its serving result). Output: one sentence, or null. Raises nothing.
 */
export function noDecodeNote(point: Pick<ScenarioEvaluation, "serving">): string | null {
  if (point.serving.decodeStepsPerRequest > 0) return null;
  return (
    "a request of one output token (serving.outputTokens) has no decode step (its token comes from prefill), so the " +
    `figures of decoding (decode-step throughput, time per output token, decode-time cost) read "${NO_DECODE}" and are ` +
    "null in --json; the whole-request figures, the blended cost and the input tokens' cost stand."
  );
}
