import {BYTES_PER_GB} from "../units/bytes.js";
import {describeRange, formatBeyondBound, isInRange} from "../units/range.js";
import {inflightOutputTokens, OUTPUT_TOKENS_CV_RANGE} from "./inflightLength.js";
import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import {UserError, type UserErrorLocation} from "../errors/userError.js";
import {SOFTWARE_STACK_NAMES, SOFTWARE_STACKS, type SoftwareStack} from "./calibration/measurement.js";
import {STACK_CHIP_VENDORS, stackRunsOn, stacksFor} from "./stackChips.js";
import {kvTokensHeldPerSequence, servingMemoryFit} from "./kvCacheAdmission.js";
import {largestFittingReserve} from "./largestFittingReserve.js";
import {replicaLayout, tensorParallelWorks, workingTensorParallelDegrees} from "./parallelism.js";
import {
  BYTES_PER_PARAM,
  DEFAULT_KV_BYTES_PER_ELEMENT,
  kvBytesPerElementOf,
  PRECISIONS,
  peakFlopsPerS,
  type Precision
} from "./precision.js";
import type {ServingInput, ServingResult} from "./servingPerformance.js";
import {countNoun} from "../units/countNoun.js";
import {groupThousands} from "../units/groupThousands.js";
import {orList} from "../units/wordList.js";
import {catalogCellName, isFromFlags} from "../catalog/rowOrigin.js";

/** The serving setting a problem is about; each edge names it its own way (`--tp`, `serving.tensorParallel`). */
export type ServingSetting =
  | "precision"
  | "stack"
  | "batch"
  | "tensorParallel"
  | "expertParallel"
  | "inputTokens"
  | "outputTokens"
  | "outputTokensCv"
  | "cacheHitFraction"
  | "prefillTensorParallel"
  | "prefillExpertParallel"
  | "prefillStepTokens";

/** A reason a serving configuration cannot run, said so that an edge (flag or scenario key) can report it. */
export interface ServingProblem {
  /** The setting to change. */
  setting: ServingSetting;
  message: string;
  expected: string;
  found: string;
  /**
   * For a memory problem: the largest HBM reserve fraction at which the configuration fits, everything else as it is
   * (largestFittingReserve), null when none does; absent for other problems. An edge that lets the user set the
   * reserve says it when it blames the reserve.
   */
  largestReserveFraction?: number | null;
  /**
   * For a batch larger than fits: the largest whole number of input tokens per request at which the batch fits,
   * everything else as it is (largestFittingInputTokens), null when none does; absent for other problems. An edge
   * that blames the input length says it in tokens, not the batch's bound.
   */
  largestInputTokens?: number | null;
  /**
   * For weights that do not fit: true when no tensor-parallel degree that shards the model holds them with one
   * sequence (nor a wider expert-parallel degree), so the chip's memory, the model's size or the precision must change,
   * not the layout; absent otherwise. An edge where the chip's capacity was typed blames that.
   */
  noLayoutHolds?: boolean;
}

/** A ServingProblem raised as a user error at an edge: the message names the flag or key, and `setting` stays typed. */
export class ServingSettingError extends UserError {
  readonly setting: ServingSetting;
  constructor(problem: ServingProblem, where: UserErrorLocation) {
    super({...where, message: problem.message, expected: problem.expected, found: problem.found});
    this.name = "ServingSettingError";
    this.setting = problem.setting;
  }
}

/** A `value` of `setting` that is none of `allowed` (a script's typo: the types do not stop it at run time), or null. */
function unknownChoice(
  setting: ServingProblem["setting"],
  message: string,
  allowed: readonly string[],
  value: string
): ServingProblem | null {
  return allowed.includes(value)
    ? null
    : {setting, message, expected: `one of ${allowed.join(", ")}`, found: `${value}`};
}

/** Precisions the chip supports, in the order of PRECISIONS. */
export function supportedPrecisions(hardware: Hardware): Precision[] {
  return PRECISIONS.filter((precision) => peakFlopsPerS(hardware, precision) !== null);
}

/**
 * The precision a command serves `hardware` at when none is given: `preferred` (the scenario schema's
 * serving.precision default, fp8) where the chip has it, else bf16, else fp4; `preferred` when the chip has none of
 * them (the serving checks then say so).
 */
export function defaultServingPrecision(hardware: Hardware, preferred: Precision): Precision {
  const supported = supportedPrecisions(hardware);
  return [preferred, "bf16" as const, "fp4" as const].find((p) => supported.includes(p)) ?? preferred;
}

/** Problems with running `precision` on `hardware` (a precision no model knows, or one the chip lacks), or none. */
export function precisionProblem(hardware: Hardware, precision: Precision): ServingProblem | null {
  // From a script ("fp16"): it read "the model does not fit: weights NaN GB …", blamed on the tensor parallelism.
  const unknown = unknownChoice("precision", "unknown precision", PRECISIONS, precision);
  if (unknown) return unknown;
  if (peakFlopsPerS(hardware, precision) !== null) return null;
  return {
    setting: "precision",
    message: `${hardware.id} has no ${precision} support`,
    expected: `one of ${supportedPrecisions(hardware).join(", ")}`,
    found: precision
  };
}

/**
 * Problems with the parallelism: a tensor-parallel degree must shard the attention (parallelism.ts: divide the query
 * heads, and divide or be divided by the KV heads), a dense model has no experts to spread (expert parallelism 1), and
 * of tensor and expert parallelism the smaller must divide the larger (the replica has max of the two chips).
 * e.g. Llama 3.1 70B (64 heads, 8 KV heads) at TP3: "expected one of 1, 2, 4, 8, 16, 32, 64".
 */
export function parallelismProblem(
  model: Pick<ModelArchitecture, "id" | "attentionHeads" | "kvHeads" | "mlaKvDim" | "experts" | "expertsPerToken">,
  tensorParallel: number,
  expertParallel: number
): ServingProblem | null {
  if (!tensorParallelWorks(model, tensorParallel)) {
    const kv = model.mlaKvDim === null ? ` and ${model.kvHeads} KV heads` : "";
    return {
      setting: "tensorParallel",
      message: `tensor parallelism ${tensorParallel} cannot shard ${model.id} (${model.attentionHeads} attention heads${kv})`,
      expected: `one of ${workingTensorParallelDegrees(model).join(", ")}`,
      found: `${tensorParallel}`
    };
  }
  const moe = model.experts > model.expertsPerToken;
  if (!Number.isInteger(expertParallel) || expertParallel < 1 || (!moe && expertParallel !== 1)) {
    return {
      setting: "expertParallel",
      message: moe ? "expert parallelism must be a whole number of chips" : `${model.id} is dense: it has no experts`,
      expected: moe ? "a whole number >= 1" : "1",
      found: `${expertParallel}`
    };
  }
  if (moe && expertParallel > model.experts) {
    return {
      setting: "expertParallel",
      message: `expert parallelism ${expertParallel} spreads ${model.id}'s ${model.experts} experts over more chips than there are experts`,
      expected: `at most ${model.experts} (every chip holds at least one whole expert)`,
      found: `${expertParallel}`
    };
  }
  const [small, large] = [Math.min(tensorParallel, expertParallel), Math.max(tensorParallel, expertParallel)];
  if (large % small !== 0) {
    return {
      setting: "expertParallel",
      message: `expert parallelism ${expertParallel} and tensor parallelism ${tensorParallel} do not tile one replica`,
      expected: `a divisor or multiple of ${tensorParallel}`,
      found: `${expertParallel}`
    };
  }
  return null;
}

/**
 * Problems with the request shape: whole token counts >= 1 whose sum fits the model's context window (models.csv
 * context_tokens), a spread of answer lengths in OUTPUT_TOKENS_CV_RANGE whose in-flight answers fit the window too, a
 * cache-hit share in [0, 1). The answers in flight average output × (1 + CV²) (inflightLength.ts), and no answer is
 * longer than the window leaves after the prompt, so neither is their mean: CV at most √((window − input) ÷ output − 1).
 */
export function requestProblem(
  input: Pick<ServingInput, "inputTokens" | "outputTokens" | "outputTokensCv" | "cacheHitFraction"> & {
    model?: Pick<ModelArchitecture, "id" | "contextTokens">;
  }
): ServingProblem | null {
  for (const setting of ["inputTokens", "outputTokens"] as const) {
    const value = input[setting];
    if (!Number.isInteger(value) || value < 1) {
      return {setting, message: "out of range", expected: "a whole number of tokens >= 1", found: `${value}`};
    }
  }
  const context = input.model?.contextTokens;
  if (context !== undefined && input.inputTokens + input.outputTokens > context) {
    return {
      setting: "inputTokens",
      message: `a request of ${formatTokens(input.inputTokens)} input and ${formatTokens(input.outputTokens)} output tokens exceeds ${input.model!.id}'s context window`,
      expected: `input + output at most ${countNoun(formatTokens(context), "token")} (${contextSource(input.model!)})`,
      found: formatTokens(input.inputTokens + input.outputTokens)
    };
  }
  const cv = input.outputTokensCv ?? 0;
  if (!isInRange(cv, OUTPUT_TOKENS_CV_RANGE)) {
    return {
      setting: "outputTokensCv",
      message: "out of range",
      expected: `${describeRange(OUTPUT_TOKENS_CV_RANGE)} (standard deviation ÷ mean of the answer lengths)`,
      found: `${cv}`
    };
  }
  if (cv > 0 && input.outputTokens === 1) {
    return {
      setting: "outputTokensCv",
      message: "answers of 1 token on average are all 1 token long (none is shorter), so they do not spread",
      expected: "0",
      found: `${cv}`
    };
  }
  const inflight = inflightOutputTokens(input.outputTokens, cv);
  if (context !== undefined && input.inputTokens + inflight > context) {
    const most = Math.floor(Math.sqrt(Math.max(0, (context - input.inputTokens) / input.outputTokens - 1)) * 100) / 100;
    return {
      setting: "outputTokensCv",
      message: `answers of ${formatTokens(input.outputTokens)} tokens spread at CV ${cv} average ${formatTokens(Math.round(inflight))} tokens in flight (output × (1 + CV²)), longer than ${input.model!.id}'s context window leaves after a ${formatTokens(input.inputTokens)}-token prompt`,
      expected: `at most ${most}, where input + output × (1 + CV²) fits the ${formatTokens(context)}-token window`,
      found: `${cv}`
    };
  }
  const hit = input.cacheHitFraction;
  if (!(hit >= 0 && hit < 1)) {
    // With the digits that tell it from the bound (a draw of 0.9999999999 clamped is in range; 1.0000000001 is not).
    const found = Number.isFinite(hit) ? formatBeyondBound(hit, hit < 0 ? 0 : 1) : `${hit}`;
    return {setting: "cacheHitFraction", message: "out of range", expected: "a fraction in [0, 1)", found};
  }
  return null;
}

/**
 * Where a model's context window comes from, for a request that does not fit it: the cell of the catalog file its row
 * was read from (`context_tokens at data/models.csv:2:16`: a project's row named as the project's file, not the
 * bundled one), `--context-window` for a model built from the command line's flags (its origin says so), else the
 * column.
 */
function contextSource(model: Pick<ModelArchitecture, "contextTokens">): string {
  if (isFromFlags(model)) return "--context-window";
  return catalogCellName(model, "context_tokens", "data/models.csv");
}

/**
 * A serving stack on a chip it does not run on (stackChips.ts: TensorRT-LLM on NVIDIA GPUs only, Neuron on AWS chips
 * only), or null.
 */
export function stackProblem(hardware: Hardware, stack: SoftwareStack): ServingProblem | null {
  // From a script ("tensorrt-llm"): it threw "Cannot read properties of undefined (reading 'some')".
  const unknown = unknownChoice("stack", "unknown serving stack", SOFTWARE_STACKS, stack);
  if (unknown) return unknown;
  if (stackRunsOn(stack, hardware)) return null;
  return {
    setting: "stack",
    message: `${SOFTWARE_STACK_NAMES[stack]} does not run on ${hardware.id}, made by ${hardware.vendor}: it runs on ${STACK_CHIP_VENDORS[stack]!.join(" or ")} chips only`,
    expected: `a stack that runs on ${hardware.vendor} chips: ${stacksFor(hardware).join(", ")}`,
    found: stack
  };
}

/**
 * A batch that is not a whole number of requests >= 1, or null. (From a script, a batch of 0 or NaN priced tokens at
 * NaN, and -5 at a negative cost; the command line and the scenario schema range-check it before.)
 */
export function batchProblem(batchSize: number): ServingProblem | null {
  if (Number.isInteger(batchSize) && batchSize >= 1) return null;
  return {
    setting: "batch",
    message: "out of range",
    expected: "a whole number of requests >= 1",
    // A string is quoted: "64" read as found 64, which looked right.
    found: typeof batchSize === "string" ? JSON.stringify(batchSize) : `${batchSize}`
  };
}

/**
 * Problems with a prefill replica of its own (ServingInput.prefillReplica), or null: its layout as parallelismProblem
 * checks the decode replica's, said of prefill ("prefill's tensor parallelism 3 cannot shard …"), and its step's new
 * tokens per chip a finite number > 0.
 */
export function prefillReplicaProblem(input: Pick<ServingInput, "model" | "prefillReplica">): ServingProblem | null {
  const replica = input.prefillReplica;
  if (!replica) return null;
  const problem = parallelismProblem(input.model, replica.tensorParallel, replica.expertParallel);
  if (problem) {
    return {
      ...problem,
      setting: problem.setting === "tensorParallel" ? "prefillTensorParallel" : "prefillExpertParallel",
      message: `the prefill replica: ${problem.message}`
    };
  }
  const tokens = replica.stepTokensPerChip;
  if (!(Number.isFinite(tokens) && tokens > 0)) {
    return {
      setting: "prefillStepTokens",
      message: "out of range",
      expected: "a number of prompt tokens per chip per prefill step > 0",
      found: `${tokens}`
    };
  }
  return null;
}

/**
 * Every problem that can be found before computing: precision, stack, parallelism (the decode replica's, then a
 * prefill replica's), batch, request shape; the first, or none.
 */
export function servingInputProblem(input: ServingInput): ServingProblem | null {
  return (
    precisionProblem(input.hardware, input.precision) ??
    stackProblem(input.hardware, input.stack) ??
    parallelismProblem(input.model, input.tensorParallel, input.expertParallel) ??
    prefillReplicaProblem(input) ??
    batchProblem(input.batchSize) ??
    requestProblem(input)
  );
}

/**
 * Problems with the memory a configuration needs: weights that do not fit (the message names the smallest working
 * tensor-parallel degree that holds the weights and one sequence), or a batch larger than fits. Each also gives the
 * largest HBM reserve at which the batch would fit (largestReserveFraction), for an edge that blames the reserve.
 */
export function memoryProblem(input: ServingInput, result: ServingResult): ServingProblem | null {
  const {memory, layout} = result;
  const largestReserveFraction = largestFittingReserve({
    hbmBytes: input.hardware.hbmCapacityBytes * layout.chips,
    weightBytes: memory.weightBytes,
    kvBytesPerSequence: memory.kvBytesPerSequence,
    batchSize: Math.max(1, input.batchSize)
  });
  // How the tokens a KV cache size is for were counted, said where the spread of answer lengths raised them above
  // what equal lengths hold (a user's own sum did not give the figure; new-user trial).
  const cv = input.outputTokensCv ?? 0;
  const raised =
    memory.kvTokensPerSequence > kvTokensHeldPerSequence(memory.admission, input.inputTokens, input.outputTokens);
  const spread = raised ? ` (input + output × (1 + CV²) ÷ 2, answers spread at CV ${cv})` : "";
  if (memory.maxBatchSize < 1 && memory.weightBytes < memory.usableBytes) {
    // The weights fit; one request's KV cache does not: the request is too long for this replica.
    return {
      setting: "inputTokens",
      message: `a request of ${formatTokens(input.inputTokens)} input and ${formatTokens(input.outputTokens)} output tokens does not fit: its KV cache ${gb(memory.kvBytesPerSequence)} for ${formatTokens(memory.kvTokensPerSequence)} tokens${spread} exceeds the ${gb(memory.usableBytes - memory.weightBytes)} of usable HBM left after weights on ${countNoun(layout.chips, "chip")}`,
      expected: `a shorter request, or more chips per replica`,
      found: `${formatTokens(input.inputTokens)} input tokens`,
      largestReserveFraction
    };
  }
  if (memory.maxBatchSize < 1) {
    const smallest = smallestFittingTensorParallel(input);
    // Under data-parallel attention (EP above TP) every rank holds its own copy of attention and the dense layers, so
    // more experts' chips can hold the model too: 8 H100s at TP 1 × EP 8 do not hold DeepSeek-V3 in FP8, TP 8 or EP 10
    // do (the message offered only "at least 8 chips per replica … found 1" on 8 chips; breaker).
    const widerExperts = layout.expertParallel > layout.tensorParallel ? smallestFittingExpertParallel(input) : null;
    const offers = [
      ...(smallest === null
        ? []
        : [
            layout.expertParallel > 1
              ? `tensor-parallel degree ${smallest} at expert-parallel degree ${layout.expertParallel}, the smallest that shards the model and holds it`
              : `at least ${smallest} chips per replica, the smallest tensor-parallel degree that shards the model and holds it`
          ]),
      ...(widerExperts === null
        ? []
        : [
            `expert-parallel degree ${widerExperts} at tensor-parallel degree ${input.tensorParallel} (each of its ${widerExperts / input.tensorParallel} attention ranks holds its own copy of attention and the dense layers)`
          ])
    ];
    // A lower precision only where the chip runs one (an H100 at fp8 was offered one, and fp4 was then refused; trial).
    const lower = supportedPrecisions(input.hardware).filter(
      (p) => BYTES_PER_PARAM[p] < BYTES_PER_PARAM[input.precision]
    );
    // Not "a shorter request": here the weights alone fill the usable HBM, which no request length changes (it was
    // offered for 70.5 GB of weights on 0.144 GB; breaker).
    const lowerOffer = lower.length ? `a lower precision (${orList(lower)}) or ` : "";
    return {
      setting: "tensorParallel",
      message: `the model does not fit: weights ${gb(memory.weightBytes)} plus one sequence's KV cache ${gb(memory.kvBytesPerSequence)} exceed the usable HBM ${gb(memory.usableBytes)} of ${countNoun(layout.chips, "chip")}${layout.expertParallel > 1 ? ` (TP ${layout.tensorParallel} × EP ${layout.expertParallel})` : ""}`,
      expected: offers.length
        ? `${offers.join("; or ")}; or ${lower.length ? `a lower precision (${orList(lower)})` : "a chip with more HBM"}`
        : `${lowerOffer}a chip with more HBM (no tensor-parallel degree that shards the model holds its weights)`,
      found: `${input.tensorParallel}`,
      largestReserveFraction,
      ...(offers.length ? {} : {noLayoutHolds: true})
    };
  }
  const prefillProblem = prefillMemoryProblem(input, result);
  if (prefillProblem) return prefillProblem;
  if (input.batchSize > memory.maxBatchSize) {
    return {
      setting: "batch",
      message: `a batch of ${groupThousands(input.batchSize)} does not fit in memory (${kvFormatWords(input)}KV cache ${gb(memory.kvBytesPerSequence)} per sequence ${memory.admission === "whole" ? `for its whole ${formatTokens(memory.kvTokensPerSequence)} tokens${spread}, reserved at admission by ${SOFTWARE_STACK_NAMES[input.stack]}` : `at ${formatTokens(memory.kvTokensPerSequence)} live tokens${spread}`}, ${gb(memory.usableBytes - memory.weightBytes)} of usable HBM left after weights)`,
      // Grouped as the message writes the batch and a sweep its point ("a batch of 1,024 … (at serving.batch=1,024)"
      // ended "found 1024").
      expected: `at most ${groupThousands(memory.maxBatchSize)}, the largest batch that fits`,
      found: groupThousands(input.batchSize),
      largestReserveFraction,
      largestInputTokens: largestFittingInputTokens(input, layout)
    };
  }
  return null;
}

/**
 * A prefill replica of its own (result.prefillMemory) that does not hold the model's weights and one prompt's KV cache
 * (blamed on its layout), or whose step's prompts' KV caches do not fit beside the weights (blamed on the step's
 * tokens per chip, with the most that fit); null when it fits or the decode replica prefills. Checked after the decode
 * replica's weights: a model the decode replica cannot hold is said of the decode replica first.
 */
function prefillMemoryProblem(input: ServingInput, result: ServingResult): ServingProblem | null {
  const memory = result.prefillMemory;
  const replica = input.prefillReplica;
  if (!memory || !replica) return null;
  const layout = result.prefillLayout;
  const chips = `${countNoun(layout.chips, "chip")} (TP ${layout.tensorParallel} × EP ${layout.expertParallel})`;
  if (memory.maxBatchSize < 1) {
    // The degree to raise: expert parallelism where it sets the chips (an MoE at EP ≥ TP), else tensor parallelism;
    // the smallest larger one that shards the model and holds it and one prompt is offered.
    const byExperts =
      input.model.experts > input.model.expertsPerToken && layout.expertParallel >= layout.tensorParallel;
    // A prompt on a prefill replica holds its input tokens' KV cache alone: no output.
    const smallest = byExperts
      ? smallestFittingExpertParallel(input, layout.tensorParallel, layout.expertParallel, 0)
      : smallestFittingTensorParallel(input, layout.tensorParallel + 1, layout.expertParallel, 0);
    const name = byExperts ? "expert-parallel degree" : "tensor-parallel degree";
    return {
      setting: byExperts ? "prefillExpertParallel" : "prefillTensorParallel",
      message: `a prefill replica of ${chips} does not hold the model: weights ${gb(memory.weightBytes)} plus one prompt's KV cache ${gb(memory.kvBytesPerSequence)} exceed its usable HBM ${gb(memory.usableBytes)}`,
      expected:
        smallest === null
          ? "a lower precision or a shorter prompt (no larger prefill replica holds the model)"
          : `a prefill ${name} of at least ${smallest}, the smallest that holds the model and one prompt`,
      found: `${byExperts ? layout.expertParallel : layout.tensorParallel}`
    };
  }
  if (result.prefillPrompts <= memory.maxBatchSize) return null;
  const newTokens = input.inputTokens * (1 - input.cacheHitFraction);
  const most = Math.floor((memory.maxBatchSize * newTokens) / layout.chips);
  const step = `a prefill step of ${groupThousands(replica.stepTokensPerChip)} new token${replica.stepTokensPerChip === 1 ? "" : "s"} per chip (${groupThousands(Math.ceil(result.prefillPrompts))} prompts of ${formatTokens(newTokens)} new of ${formatTokens(input.inputTokens)} tokens on ${chips})`;
  const room = `each prompt's KV cache is ${gb(memory.kvBytesPerSequence)}, ${gb(memory.usableBytes - memory.weightBytes)} of usable HBM left after weights`;
  return {
    setting: "prefillStepTokens",
    message: `${step} does not fit: ${room}`,
    // With nearly every prompt token cached, even one new token per chip brings more prompts than fit (breaker: "at
    // most 0").
    expected:
      most >= 1
        ? `at most ${groupThousands(most)} new tokens per chip, the largest step that fits`
        : `fewer cached tokens per prompt: at ${formatTokens(newTokens)} new tokens a prompt, even a step of one new token per chip brings ${groupThousands(Math.ceil(layout.chips / newTokens))} prompts, more than the ${groupThousands(memory.maxBatchSize)} that fit`,
    found: groupThousands(replica.stepTokensPerChip)
  };
}

/**
 * Bytes as the memory messages write them, so that a reader can check their sums and quotients: three significant
 * digits below 100 GB ("0.661 GB", "1.19 GB", "68.0 GB"), one decimal above ("246.3 GB"). One decimal throughout wrote
 * a KV cache of 1.189 GB per sequence as "1.2 GB" beside "246.3 GB left … at most 207" (207 × 1.2 is 248.4; new-user
 * trial), and one of 0.154 GB as "0.2 GB".
 */
function gb(bytes: number): string {
  const value = bytes / BYTES_PER_GB;
  // Thousands grouped, as every other number of these messages ("1,013.5 GB"; it read "1013.5 GB" beside "1,534").
  return `${value < 100 ? value.toPrecision(3) : groupThousands(Number(value.toFixed(1)), 1)} GB`;
}

/**
 * The smallest working tensor-parallel degree from `from` whose replica, with expert parallelism `e` where the two
 * tile (else 1), holds the weights and one sequence of `outputTokens` (holdsOneSequence), or null. The decode
 * replica's search by default; a prefill replica's passes its own degrees and 0 output tokens.
 */
function smallestFittingTensorParallel(
  input: ServingInput,
  from = input.tensorParallel,
  e = input.expertParallel,
  outputTokens = input.outputTokens
): number | null {
  for (const t of workingTensorParallelDegrees(input.model)) {
    if (t < from) continue;
    const tiles = Math.max(t, e) % Math.min(t, e) === 0;
    if (holdsOneSequence(input, replicaLayout(t, tiles ? e : 1), outputTokens)) return t;
  }
  return null;
}

/**
 * Whether a replica of `layout` holds the weights and one sequence of `input`'s request (servingMemoryFit), the
 * sequence holding `outputTokens` beside its input (0 for a prompt on a prefill replica).
 */
function holdsOneSequence(
  input: ServingInput,
  layout: ServingResult["layout"],
  outputTokens = input.outputTokens
): boolean {
  return memoryFitOf(input, layout, input.inputTokens, outputTokens).fits;
}

/**
 * servingMemoryFit for `input`'s model, chip, precision, stack and spread of answer lengths on `layout`, at a request
 * of `inputTokens` + `outputTokens`: the one place the searches below build its input, so that none leaves a setting
 * out (the spread of answer lengths was: they offered prompts and degrees that did not fit at it; breaker).
 */
function memoryFitOf(
  input: ServingInput,
  layout: ServingResult["layout"],
  inputTokens: number,
  outputTokens: number
): ReturnType<typeof servingMemoryFit> {
  return servingMemoryFit({
    hbmCapacityBytes: input.hardware.hbmCapacityBytes,
    model: input.model,
    layout,
    bytesPerParam: BYTES_PER_PARAM[input.precision],
    kvBytesPerElement: kvBytesPerElementOf(input),
    inputTokens,
    outputTokens,
    outputTokensCv: input.outputTokensCv,
    stack: input.stack,
    hbmReserveFraction: input.hbmReserveFraction
  });
}

/**
 * The smallest expert-parallel degree above `above`, at tensor-parallel degree `t`, whose replica holds the weights
 * and one sequence of `outputTokens` (servingMemoryFit), among those parallelismProblem accepts (at most the model's
 * experts, tiling with the tensor-parallel degree); null when none does. The decode replica's search by default.
 */
function smallestFittingExpertParallel(
  input: ServingInput,
  t = input.tensorParallel,
  above = input.expertParallel,
  outputTokens = input.outputTokens
): number | null {
  for (let e = above + 1; e <= input.model.experts; e++) {
    if (parallelismProblem(input.model, t, e)) continue;
    if (holdsOneSequence(input, replicaLayout(t, e), outputTokens)) return e;
  }
  return null;
}

/**
 * The largest whole number of input tokens per request, below `input.inputTokens`, at which the batch fits in the
 * replica `layout`, by the same memory model (servingMemoryFit), or null when not even one token does. A request's KV
 * cache grows with its input, so the batch that fits shrinks as the input grows: a bisection finds the edge.
 */
function largestFittingInputTokens(input: ServingInput, layout: ServingResult["layout"]): number | null {
  const fits = (inputTokens: number) =>
    memoryFitOf(input, layout, inputTokens, input.outputTokens).maxBatchSize >= input.batchSize;
  if (!fits(1)) return null;
  let low = 1;
  let high = Math.max(1, Math.ceil(input.inputTokens) - 1);
  if (fits(high)) return high;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle;
  }
  return low;
}

/** A count of tokens as a person writes it: thousands grouped, at most one decimal ("2,560", "4,608.5"). */
export function formatTokens(tokens: number): string {
  return groupThousands(tokens, 1);
}

/**
 * The KV cache's format as a message says it where it is not the weights' default ("16-bit " for a BF16 cache under
 * FP8 weights, "8-bit " for an FP8 one under BF16), else nothing: a batch that fits under the default and not under
 * --kv-cache bf16 was told only its bytes per sequence, not why they doubled (new-user trial, helper-228).
 */
function kvFormatWords(input: Pick<ServingInput, "precision" | "kvBytesPerElement">): string {
  const bytes = kvBytesPerElementOf(input);
  return bytes === DEFAULT_KV_BYTES_PER_ELEMENT[input.precision] ? "" : `${8 * bytes}-bit `;
}
