import type {Hardware} from "../../catalog/hardware.js";
import {CHIP_FAMILY_NAMES, type ChipFamily} from "../../catalog/chipFamily.js";
import {calibratedEfficiencies} from "../../inference/calibratedEfficiencies.js";
import {SOFTWARE_STACK_NAMES, type SoftwareStack} from "../../inference/calibration/measurement.js";
import type {ServingEfficiencies} from "../../inference/efficiencies.js";
import {kvBytesPerElementFor, type KvCacheDtype, type Precision} from "../../inference/precision.js";
import {formatTokens, memoryProblem, servingInputProblem, type ServingProblem} from "../../inference/servingChecks.js";
import {servingPerformance, type ServingInput, type ServingResult} from "../../inference/servingPerformance.js";
import type {PrefillReplica} from "../../inference/prefillReplica.js";
import {defaultStackFor} from "../../inference/stackChips.js";
import {scenarioErrorAtCause, scenarioValueError} from "../file/scenarioErrors.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import type {BoundScenario} from "./bindScenario.js";
import {num, type ModelKeys} from "./modelKeys.js";
import {groupThousands} from "../../units/groupThousands.js";
import {andList} from "../../units/wordList.js";

/** The serving model's inputs → the scenario keys that set them (src/inference/servingPerformance.ts). */
export const SERVING_KEYS: ModelKeys = {
  hardware: "serving.hardware",
  model: "serving.model",
  precision: "serving.precision",
  kvBytesPerElement: "serving.kvCache",
  batchSize: "serving.batch",
  inputTokens: "serving.inputTokens",
  outputTokens: "serving.outputTokens",
  outputTokensCv: "serving.outputTokensCv",
  cacheHitFraction: "serving.cacheHit",
  tensorParallel: "serving.tensorParallel",
  expertParallel: "serving.expertParallel",
  "prefillReplica.tensorParallel": "serving.prefillTensorParallel",
  "prefillReplica.expertParallel": "serving.prefillExpertParallel",
  "prefillReplica.stepTokensPerChip": "serving.prefillTokensPerChip",
  stack: "serving.stack",
  hbmReserveFraction: "serving.hbmReserve",
  "efficiencies.bandwidthFraction": "serving.achievableBandwidth",
  "efficiencies.computeFraction": "serving.achievableCompute"
};

/** The scenario key of each setting a ServingProblem can name (src/inference/servingChecks.ts). */
const SERVING_SETTING_KEYS = {
  precision: "serving.precision",
  stack: "serving.stack",
  batch: "serving.batch",
  tensorParallel: "serving.tensorParallel",
  expertParallel: "serving.expertParallel",
  inputTokens: "serving.inputTokens",
  outputTokens: "serving.outputTokens",
  outputTokensCv: "serving.outputTokensCv",
  cacheHitFraction: "serving.cacheHit",
  prefillTensorParallel: "serving.prefillTensorParallel",
  prefillExpertParallel: "serving.prefillExpertParallel",
  prefillStepTokens: "serving.prefillTokensPerChip"
} as const satisfies Record<ServingProblem["setting"], string>;

/** The serving model's input at one point, and the efficiencies it runs at. */
export interface ScenarioServingInput {
  input: ServingInput;
  efficiencies: ServingEfficiencies;
}

/**
 * The serving model's input at one point of the scenario: the bound catalog rows and the serving.* keys, at the
 * efficiencies calibrated for the chip's family and serving.stack (src/inference/calibratedEfficiencies.ts), with
 * serving.achievableBandwidth and serving.achievableCompute overriding the calibrated fractions when set, and HBM held
 * back as serving.stack holds it unless serving.hbmReserve is set (kvCacheAdmission.ts). `hardware`
 * puts another chip in serving.hardware's place (a comparison of chips), at its own family's calibration.
 */
export function servingInput(
  bound: BoundScenario,
  point: ScenarioPoint,
  hardware: Hardware = bound.hardware
): ScenarioServingInput {
  const stack = scenarioStack(point, hardware);
  const calibrated = calibratedEfficiencies(hardware, stack);
  const bandwidth = point["serving.achievableBandwidth"];
  const compute = point["serving.achievableCompute"];
  const reserve = point["serving.hbmReserve"];
  const precision = point["serving.precision"] as Precision;
  const kvCache = point["serving.kvCache"];
  return {
    input: {
      hardware,
      model: bound.model,
      precision,
      kvBytesPerElement: kvBytesPerElementFor(
        precision,
        typeof kvCache === "string" ? (kvCache as KvCacheDtype) : null
      ),
      batchSize: num(point["serving.batch"], "serving.batch"),
      inputTokens: num(point["serving.inputTokens"], "serving.inputTokens"),
      outputTokens: num(point["serving.outputTokens"], "serving.outputTokens"),
      outputTokensCv: num(point["serving.outputTokensCv"], "serving.outputTokensCv"),
      cacheHitFraction: num(point["serving.cacheHit"], "serving.cacheHit"),
      tensorParallel: num(point["serving.tensorParallel"], "serving.tensorParallel"),
      expertParallel: num(point["serving.expertParallel"], "serving.expertParallel"),
      stack,
      hbmReserveFraction: typeof reserve === "number" ? reserve : null,
      prefillReplica: scenarioPrefillReplica(point)
    },
    efficiencies: {
      ...calibrated.efficiencies,
      bandwidthFraction: typeof bandwidth === "number" ? bandwidth : calibrated.efficiencies.bandwidthFraction,
      computeFraction: typeof compute === "number" ? compute : calibrated.efficiencies.computeFraction
    }
  };
}

/**
 * The prefill replica at a point when serving.prefill is disaggregated (its degrees those of the decode replica where
 * serving.prefillTensorParallel or serving.prefillExpertParallel is not set: the schema's `follows`), else null.
 */
function scenarioPrefillReplica(point: ScenarioPoint): PrefillReplica | null {
  if (point["serving.prefill"] !== "disaggregated") return null;
  const degree = (key: string, follows: string) => num(point[key] ?? point[follows], key);
  return {
    tensorParallel: degree("serving.prefillTensorParallel", "serving.tensorParallel"),
    expertParallel: degree("serving.prefillExpertParallel", "serving.expertParallel"),
    stepTokensPerChip: num(point["serving.prefillTokensPerChip"], "serving.prefillTokensPerChip")
  };
}

/**
 * The stack `hardware` is served on at a point: serving.stack, or when it is not set the chip's default
 * (defaultStackFor: TensorRT-LLM on NVIDIA chips, vLLM on any other), so a scenario that moves to an AMD GPU or a TPU
 * needs no serving.stack of its own.
 */
export function scenarioStack(point: ScenarioPoint, hardware: Pick<Hardware, "vendor">): SoftwareStack {
  const stack = point["serving.stack"];
  return typeof stack === "string" ? (stack as SoftwareStack) : defaultStackFor(hardware);
}

/**
 * Where the scenario's serving efficiencies come from, for a page to say, in words: the calibration group ("hopper/
 * trtllm" is "fitted on Hopper chips on TensorRT-LLM", "cdna3" "fitted on AMD CDNA 3 chips, all stacks", "pooled"
 * "fitted on all chips and stacks"), and which fractions the scenario sets itself. Kept apart from servingInput,
 * which runs per draw.
 */
export function servingEfficienciesFrom(bound: BoundScenario, point: ScenarioPoint): string {
  const {group} = calibratedEfficiencies(bound.hardware, scenarioStack(point, bound.hardware));
  const set = (path: string, name: string) => (typeof point[path] === "number" ? [`${name} set by the scenario`] : []);
  const [family, stack] = group.split("/") as [ChipFamily | "pooled", SoftwareStack | undefined];
  const fitted =
    family === "pooled"
      ? "fitted on all chips and stacks"
      : `fitted on ${CHIP_FAMILY_NAMES[family]} chips${stack ? ` on ${SOFTWARE_STACK_NAMES[stack]}` : ", all stacks"}`;
  return [
    fitted,
    ...set("serving.achievableBandwidth", "bandwidth"),
    ...set("serving.achievableCompute", "compute")
  ].join(", ");
}

/**
 * Runs the serving model and checks the configuration: a precision the chip lacks, a parallel degree that cannot
 * shard the model, a bad request shape, or a batch that does not fit is an error at the scenario key that sets it.
 */
export function scenarioServing(bound: BoundScenario, serving: ScenarioServingInput): ServingResult {
  const {input, efficiencies} = serving;
  const detail = (problem: ServingProblem) => ({
    message: problem.message,
    expected: problem.expected,
    found: problem.found
  });
  const inputProblem = servingInputProblem(input);
  if (inputProblem) {
    // A chip without the precision, blamed on the chip: what to change, in words ("expected one of bf16 (for
    // serving.precision fp8), or another serving.hardware" read backwards; new-user trial).
    const choices = inputProblem.expected.replace(/^one of /, "");
    const other = choices.includes(",") ? `one of ${choices}` : choices;
    const byKey: Record<string, string> =
      inputProblem.setting === "precision"
        ? {"serving.hardware": `a chip with ${inputProblem.found} support, or serving.precision ${other}`}
        : inputProblem.setting === "stack"
          ? {"serving.hardware": `another chip, or as serving.stack ${inputProblem.expected}`}
          : {};
    throw scenarioErrorAtCause(bound.resolved, SETTING_CAUSES[inputProblem.setting], detail(inputProblem), byKey);
  }
  const result = servingPerformance(input, efficiencies);
  const memory = memoryProblem(input, result);
  // Whether a model fits is decided by every memory setting together: the error goes to the one the user changed
  // (a distribution or an override, e.g. a share link's serving.hbmReserve), not always to the one the check names.
  if (memory) {
    const setting = SERVING_SETTING_KEYS[memory.setting];
    // A prefill replica's memory is decided by its own keys, the prompt's new tokens and the weights, not the decode
    // replica's batch or layout (a step too large for a 99%-cached prompt was blamed on serving.batch; breaker).
    const decided = PREFILL_SETTINGS.has(memory.setting) ? PREFILL_MEMORY_KEYS : MEMORY_KEYS;
    const keys = [setting, ...decided.filter((key) => key !== setting)];
    const reserve = memory.largestReserveFraction;
    const inputTokens = memory.largestInputTokens;
    const prefillStep = memory.setting === "prefillStepTokens";
    throw scenarioErrorAtCause(bound.resolved, keys, detail(memory), {
      // A prefill step too large for its prompts blamed on the cache-hit share that made the prompts many.
      ...(prefillStep
        ? {
            "serving.cacheHit": memory.expected.startsWith("at most")
              ? `a lower serving.cacheHit, or serving.prefillTokensPerChip ${memory.expected}`
              : `a lower serving.cacheHit (${memory.expected})`
          }
        : {}),
      // The reserve that fits the weights and the whole batch, which the "(for …)" clause after it may not name
      // (the model's fit is the setting when the weights and one sequence do not fit; breaker).
      ...(typeof reserve === "number"
        ? {
            "serving.hbmReserve": `at most ${reserve}, the largest serving.hbmReserve that fits the weights and a batch of ${groupThousands(input.batchSize)}`
          }
        : {}),
      // A batch's clash blamed on the input length: its bound in tokens, which "found" is in too (it read "expected
      // at most 207, the largest batch that fits …, or another serving.inputTokens, found 4096"), with the other
      // numeric settings the scenario's files set, which decide it as well.
      ...(inputTokens !== undefined
        ? {
            "serving.inputTokens":
              inputTokens === null
                ? `a smaller serving.batch: no serving.inputTokens fits${scenarioSettings(bound, SETTINGS)}`
                : `at most ${formatTokens(inputTokens)} tokens, the largest serving.inputTokens that fits${scenarioSettings(bound, SETTINGS)}`
          }
        : {})
    });
  }
  return result;
}

/**
 * For each setting a ServingProblem names, the keys that decide it with that setting, that setting's key first: a
 * precision is missing on a chip (serving.hardware may be what changed), a degree cannot shard a model, a request is
 * longer than the model's window (serving.outputTokens or serving.model may be what changed).
 */
const SETTING_CAUSES: Record<ServingProblem["setting"], readonly string[]> = {
  precision: ["serving.precision", "serving.hardware"],
  stack: ["serving.stack", "serving.hardware"],
  batch: ["serving.batch"],
  tensorParallel: ["serving.tensorParallel", "serving.model"],
  expertParallel: ["serving.expertParallel", "serving.tensorParallel", "serving.model"],
  inputTokens: ["serving.inputTokens", "serving.outputTokens", "serving.model"],
  outputTokens: ["serving.outputTokens", "serving.inputTokens", "serving.model"],
  // In-flight answers longer than the window leaves: the spread, or the lengths or the model that set the room.
  outputTokensCv: ["serving.outputTokensCv", "serving.outputTokens", "serving.inputTokens", "serving.model"],
  cacheHitFraction: ["serving.cacheHit"],
  // A prefill degree is its own key's, or the model's that it cannot shard (a child switching to a dense model under an
  // inherited EP32 prefill was told "serving.expertParallel … found 1"; breaker), never the decode replica's.
  prefillTensorParallel: ["serving.prefillTensorParallel", "serving.model"],
  prefillExpertParallel: ["serving.prefillExpertParallel", "serving.prefillTensorParallel", "serving.model"],
  prefillStepTokens: ["serving.prefillTokensPerChip", "serving.cacheHit", "serving.inputTokens"]
};

/** The settings of a prefill replica of its own. */
const PREFILL_SETTINGS: ReadonlySet<ServingProblem["setting"]> = new Set([
  "prefillTensorParallel",
  "prefillExpertParallel",
  "prefillStepTokens"
]);

/** The keys that decide whether a prefill replica holds the weights and its step's prompts' KV caches. */
const PREFILL_MEMORY_KEYS = [
  "serving.prefillTokensPerChip",
  "serving.cacheHit",
  "serving.inputTokens",
  "serving.prefillExpertParallel",
  "serving.prefillTensorParallel",
  "serving.hbmReserve",
  "serving.precision",
  "serving.model",
  "serving.hardware"
] as const;

/** The numeric settings besides the batch and the input that decide whether a batch's KV cache fits. */
const SETTINGS = [
  "serving.outputTokens",
  "serving.outputTokensCv",
  "serving.tensorParallel",
  "serving.expertParallel",
  "serving.hbmReserve"
];

/**
 * Those of `keys` a scenario file sets (the file itself or an ancestor), as a clause: ", with serving.outputTokens 512
 * and serving.tensorParallel 8 from the scenario"; "" when none is.
 */
function scenarioSettings(bound: BoundScenario, keys: readonly string[]): string {
  const set = keys.flatMap((key) => {
    const value = bound.resolved.values[key];
    const kind = value?.origin.kind;
    if ((kind !== "file" && kind !== "parent") || typeof value?.value !== "number") return [];
    return [`${key} ${value.written ?? String(value.value)}`];
  });
  if (set.length === 0) return "";
  return `, with ${andList(set)} from the scenario`;
}

/** The keys that decide whether a replica holds the weights and the batch's KV cache. */
const MEMORY_KEYS = [
  "serving.hbmReserve",
  "serving.batch",
  "serving.tensorParallel",
  "serving.expertParallel",
  "serving.precision",
  "serving.inputTokens",
  "serving.outputTokens",
  "serving.outputTokensCv",
  "serving.model",
  "serving.hardware"
] as const;
