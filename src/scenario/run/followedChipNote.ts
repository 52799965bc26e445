import type {ScenarioEvaluation} from "../evaluate/evaluateScenario.js";
import type {AssumptionReport} from "./runReport.js";
import {formatAssumption} from "./reportFormat.js";
import {andList, orList} from "../../units/wordList.js";

/**
 * A note for a serving chip set on the command line, in a sweep or by a page's link (`--set serving.hardware=b200`)
 * while what follows it is left unset: the training runs are costed on that chip (training.hardware follows
 * serving.hardware, schema `follows`), and a custom chip described by silicon.relativeThroughput is that multiple of
 * the new chip's throughput (customServing null), its server and network (silicon.systemCost unset) those of the new
 * chip. Documented, and `compare` marks followed keys, but `run` moved all three with no word, and a modeller read
 * the silicon NPV after a chip swap as the same custom chip against a faster merchant one (new-user trial). A chip a
 * scenario file names is its author's choice, written beside what follows it: no note; nor for a setting of the chip the
 * scenario had (ValueOrigin `replaced`).
 *
 * Input: the evaluation at the median point (whether the custom chip is relative) and each key's value and origin
 * (a RunReport's assumptions, or a page's resolved values). Output: one sentence, or null. Raises nothing.
 */
export function followedChipNote(
  point: Pick<ScenarioEvaluation, "customServing">,
  assumptions: Readonly<Record<string, Pick<AssumptionReport, "value" | "origin"> | undefined>>
): string | null {
  const chip = assumptions["serving.hardware"];
  if (chip?.origin.kind !== "override" || typeof chip.value !== "string") return null;
  // The scenario's own chip set again moves nothing (`--set serving.hardware=h100-sxm` on base; breaker).
  if (chip.origin.replaced === chip.value) return null;
  const unset = (path: string) => assumptions[path]?.origin.kind === "default";
  const moved: {clause: string; hold: string}[] = [];
  if (unset("training.hardware")) {
    moved.push({
      clause: `the training runs are costed on ${chip.value} chips (training.hardware is not set)`,
      hold: "training.hardware"
    });
  }
  const relative = assumptions["silicon.relativeThroughput"];
  if (point.customServing === null && relative !== undefined) {
    const times = formatAssumption(
      "silicon.relativeThroughput",
      relative.value as Parameters<typeof formatAssumption>[1]
    );
    const server = unset("silicon.systemCost")
      ? `, with a server and network priced as ${chip.value}'s (silicon.systemCost is not set)`
      : "";
    // "b200 throughput", no article: "a h100-sxm's" read wrongly (breaker).
    moved.push({
      clause: `the custom chip's silicon.relativeThroughput, ${times}, is now a multiple of ${chip.value} throughput${server}`,
      hold: "silicon.chip"
    });
  }
  if (moved.length === 0) return null;
  return (
    `serving.hardware ${chip.value} moves what follows it too: ${andList(moved.map((m) => m.clause))}. Set ` +
    `${orList(moved.map((m) => m.hold))} to keep ${moved.length === 1 ? "it" : "them"} on another chip.`
  );
}
