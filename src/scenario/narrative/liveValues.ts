import {offsetsInCode} from "./renderedHtml.js";
import {didYouMean} from "../../errors/suggest.js";
import {UserError} from "../../errors/userError.js";
import {SCENARIO_METRICS, type ScenarioMetricName} from "../evaluate/metrics.js";
import {SCENARIO_KEYS} from "../file/schema.js";

/**
 * Live values in a scenario's narrative: `{{metrics.siliconNpvUsd}}` is the page's current value of a metric and
 * `{{serving.utilization}}` the current value of an assumption, both formatted as the rest of the page formats them
 * and recomputed when the reader moves a slider. Inside code (fenced blocks and `inline code`) braces are text.
 */

/** `{{ name }}`: a metric (`metrics.<name>`) or a scenario key path; spaces inside the braces are allowed. */
const LIVE_VALUE = /\{\{\s*([^{}\n]*?)\s*\}\}/g;
const METRICS_PREFIX = "metrics.";

/** One live value of a narrative: what it names and where it is, 0-based in the body text. */
export interface LiveValueRef {
  /** As written between the braces, trimmed: `metrics.siliconNpvUsd` or `serving.utilization`. */
  name: string;
  /** Offset of the opening `{{` in the body, and the length up to and including `}}`. */
  offset: number;
  length: number;
}

/** What a live value names: a metric of the run or a scenario key. */
export type LiveValueTarget = {kind: "metric"; metric: ScenarioMetricName} | {kind: "key"; path: string};

const KEY_PATHS: readonly string[] = SCENARIO_KEYS.map((def) => def.path);
const METRIC_NAMES: readonly string[] = SCENARIO_METRICS;
const ALL_NAMES: readonly string[] = [...METRIC_NAMES.map((name) => METRICS_PREFIX + name), ...KEY_PATHS];

/**
 * Offsets in `markdown` that are code: fenced blocks (``` or ~~~) and inline code spans. Returns [start, end) pairs
 * in ascending order.
 */
export function codeRanges(markdown: string): [number, number][] {
  const ranges: [number, number][] = [];
  let fence: {marker: string; start: number} | null = null;
  let offset = 0;
  for (const line of markdown.split("\n")) {
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (opening && opening[1]![0] === fence.marker[0] && opening[1]!.length >= fence.marker.length) {
        ranges.push([fence.start, offset + line.length]);
        fence = null;
      }
    } else if (opening) {
      fence = {marker: opening[1]!, start: offset};
    } else {
      for (const span of line.matchAll(/(`+)[^`]*?\1/g)) {
        ranges.push([offset + span.index, offset + span.index + span[0].length]);
      }
    }
    offset += line.length + 1;
  }
  if (fence) ranges.push([fence.start, markdown.length]);
  return ranges;
}

/** Every `{{…}}` in a narrative outside code, in order. */
export function findLiveValues(markdown: string): LiveValueRef[] {
  const matches = [...markdown.matchAll(LIVE_VALUE)];
  // Code as markdown-it reads it (offsetsInCode), not as codeRanges' patterns guess it.
  const inCode = matches.length
    ? offsetsInCode(
        markdown,
        matches.map((match) => match.index)
      )
    : new Set<number>();
  return matches
    .filter((match) => !inCode.has(match.index))
    .map((match) => ({name: match[1]!, offset: match.index, length: match[0].length}));
}

/** What a live value's name refers to, or undefined when it names nothing. */
export function liveValueTarget(name: string): LiveValueTarget | undefined {
  if (name.startsWith(METRICS_PREFIX)) {
    const metric = name.slice(METRICS_PREFIX.length);
    return METRIC_NAMES.includes(metric) ? {kind: "metric", metric: metric as ScenarioMetricName} : undefined;
  }
  return KEY_PATHS.includes(name) ? {kind: "key", path: name} : undefined;
}

/**
 * Checks every live value of a scenario's narrative. Returns one UserError per name that is neither a metric nor a
 * key, located at its `{{` (file, 1-based line and column, counted from `bodyLine`, the file line the body starts
 * on), with the valid name it is a typo of, if any, as a hint (didYouMean).
 */
export function liveValueErrors({file, body, bodyLine}: {file: string; body: string; bodyLine: number}): UserError[] {
  const errors: UserError[] = [];
  for (const ref of findLiveValues(body)) {
    if (liveValueTarget(ref.name)) continue;
    // A typo's one name, or the names with each of its words ({{metrics.npv}}); none for a name like neither
    // ({{metrics.nope}} was offered three unrelated metrics, the closest three whatever their distance; new user).
    const hint = didYouMean(ref.name, ALL_NAMES);
    const before = body.slice(0, ref.offset);
    const lineIndex = before.split("\n").length - 1;
    const column = ref.offset - (before.lastIndexOf("\n") + 1) + 1;
    errors.push(
      new UserError({
        file,
        line: bodyLine + lineIndex,
        column,
        message: "unknown live value in the narrative",
        expected:
          "{{metrics.<metric>}} or {{<scenario key>}}, e.g. {{metrics.siliconNpvUsd}} or {{serving.utilization}}",
        found: JSON.stringify(`{{${ref.name}}}`),
        ...(hint ? {hint} : {})
      })
    );
  }
  return errors;
}
