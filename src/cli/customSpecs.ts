import type {Command} from "commander";
import type {Hardware} from "../catalog/hardware.js";
import {findById} from "../catalog/lookup.js";
import type {ModelArchitecture} from "../catalog/model.js";
import {UserError} from "../errors/userError.js";
import type {Precision} from "../inference/precision.js";
import {BYTES_PER_GB, BYTES_PER_TB} from "../units/bytes.js";
import {HARDWARE_CELL_RANGES, HARDWARE_CELL_UNITS, hbmBandwidthProblem} from "../catalog/parseHardwareCsv.js";
import type {CellUnit} from "../catalog/csvCells.js";
import {readQuantity, type Dimension} from "../units/quantity.js";
import {isDecimalNumeral} from "../units/decimal.js";
import {MODEL_CELL_RANGES} from "../catalog/parseModelsCsv.js";
import {isInRange, plainNumber, type NumberRange} from "../units/range.js";
import {rangeFlag} from "./flags.js";
import {groupThousands} from "../units/groupThousands.js";
import {farBelowCellSentence, type LeastBundledColumn} from "../catalog/leastBundledFigures.js";
import {COMMAND_LINE_ROW_SOURCE, copyRowOrigin, setFlagsOrigin} from "../catalog/rowOrigin.js";

/**
 * A custom chip's or model's flag takes the physical range of the catalog column it stands for (scaled to the flag's
 * unit), so a number no catalog row could hold is refused here as it would be there.
 */
function catalogFlag(flag: string, range: NumberRange, scale: number, what: string, integer = false) {
  const flagRange = {min: range.min * scale, max: range.max * scale, integer};
  const plain = rangeFlag(flag, flagRange, what);
  const scaled = SCALED_WORDS[flag];
  if (scaled === undefined) return plain;
  const read = scaled.dimension === undefined ? plain : withScale(plain, scaled.dimension);
  // A bare number the catalog's column would hold, in its unit (`--params 70`, params_b's 70 billion; `--peak-flops
  // 989.4`, a TFLOPS column's), is told the number it likely means: it read "out of range … found 70" and no more
  // (tester). Only a number that scale puts in range: it is refused already, so this is the error's hint.
  return (text: string): number => {
    try {
      return read(text);
    } catch (error) {
      const bare = isDecimalNumeral(text, {underscores: true}) ? Number(text.replace(/_/g, "")) : NaN;
      if (!(error instanceof UserError) || error.detail.hint !== undefined) throw error;
      if (!isInRange(bare * scale, flagRange)) throw error;
      const written = text.trim().replace(/_/g, "");
      const meant = `${written}e${Math.round(Math.log10(scale))}`;
      const hint = `${written} is ${written} ${scaled.unit}: did you mean ${meant}, ${written}${scaled.scaled}?`;
      throw new UserError({...error.detail, hint});
    }
  };
}

/**
 * `read` (a flag of a bare number) that also takes a number with a scale of `dimension` (`--params 70B`, read as
 * `--tokens 2T` is), its errors quoting the value as written; a scale in words (`70 billion`) is told the letter, as
 * --tokens tells it (readQuantity's hint). The range in the error stays the bare number's (`[1000, 1e14]`).
 */
function withScale(read: (text: string) => number, dimension: Dimension) {
  return (text: string): number => {
    if (isDecimalNumeral(text, {underscores: true})) return read(text);
    const reading = readQuantity(text, dimension);
    try {
      return read(reading.ok ? String(reading.value) : text);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const hint = reading.ok ? undefined : reading.hint;
      throw new UserError({...error.detail, found: text, ...(hint !== undefined ? {hint} : {})});
    }
  };
}

/**
 * The flags catalogFlag scales from their column's unit: each one's unit, the column's (× the scale) as the flag
 * takes it after a number, and the dimension whose units the flag reads (a count's `70B`, as `--tokens 2T` is read; a
 * chip's units are catalogUnitFlag's). `--params 70` was told "did you mean 70e9, 70 billion?", and `70 billion` and
 * `70B` were then "not a decimal number" (tester).
 */
const SCALED_WORDS: Readonly<Record<string, {unit: string; scaled: string; dimension?: Dimension}>> = {
  "--params": {unit: "parameters", scaled: "B", dimension: "count"},
  "--active-params": {unit: "parameters", scaled: "B", dimension: "count"},
  "--peak-flops": {unit: "FLOP/s", scaled: " TFLOP/s"}
};

/**
 * The notes of custom chip flags' values (`--chip-power 3` is 3 W), by flag, as the flags are read: resolveChipFlags
 * writes them when it builds the chip from the flags, and drops them when it refuses them (`--hardware h100-sxm
 * --chip-power 3` noted 3 W, then refused --chip-power beside --hardware; tester).
 */
const pendingChipNotes = new Map<string, string>();

/**
 * catalogFlag for a chip's column with a unit (HARDWARE_CELL_UNITS): a bare number is in the column's unit ÷ `scale`
 * (--hbm-bandwidth in TB/s, --peak-flops in FLOP/s), and a value may carry a unit of its dimension, as a scenario file
 * writes one (`--hbm-bandwidth "3.35 TB/s"` or `"3350 GB/s"`, `--chip-power 1kW`): it was "not a decimal number",
 * naming no unit (breaker). Out of range, the error quotes the value as written.
 */
function catalogUnitFlag(
  flag: string,
  range: NumberRange,
  scale: number,
  what: string,
  unit: CellUnit,
  farBelow?: LeastBundledColumn
) {
  const plain = catalogFlag(flag, range, scale, what);
  const perFlagUnit = unit.factor / scale;
  return (text: string): number => {
    if (isDecimalNumeral(text, {underscores: true})) {
      const value = plain(text);
      // `--chip-power 3` is 3 W, as a hardware.csv power_w of 3 is, and is noted as that is (leastBundledFigures.ts;
      // `--chip-price 31` is noted alike): the flag's unit is the column's. Noted once the chip is built
      // (resolveChipFlags), not here: a refused flag's value was noted before its refusal (tester).
      const note = farBelow === undefined ? null : farBelowCellSentence(farBelow, text, flag);
      if (note !== null) pendingChipNotes.set(flag, note);
      else pendingChipNotes.delete(flag);
      return value;
    }
    const reading = readQuantity(text, unit.dimension);
    if (!reading.ok) return plain(text);
    const value = Number((reading.value / perFlagUnit).toPrecision(15));
    try {
      return plain(String(value));
    } catch (error) {
      // Without the bare number's hint (`0.5 kFLOP/s` is no 500 written for 500 TFLOP/s).
      if (error instanceof UserError) {
        const {hint: _, ...detail} = error.detail;
        throw new UserError({...detail, found: text});
      }
      throw error;
    }
  };
}

/**
 * A model or chip that no catalog has, given by its numbers on the command line (`--params`, `--active-params`,
 * `--peak-flops`, `--hbm-bandwidth`, ...). Either a catalog id (--model, --hardware) or the numbers, never both.
 * Every non-physical number is one UserError naming its flag (active > total parameters, KV heads that do not divide
 * the heads, a zero bandwidth, a system power below the chip's).
 */
export interface CustomModelFlags {
  model?: string;
  params?: number;
  activeParams?: number;
  layers?: number;
  hiddenSize?: number;
  heads?: number;
  kvHeads?: number;
  headDim?: number;
  vocab?: number;
  experts?: number;
  expertsPerToken?: number;
  contextWindow?: number;
}

export interface CustomChipFlags {
  hardware?: string;
  peakFlops?: number;
  hbmBandwidth?: number;
  hbmCapacity?: number;
  chipPower?: number;
  systemPower?: number;
  systemOverhead?: number;
  scaleUpBandwidth?: number;
  scaleUpChips?: number;
  scaleOutBandwidth?: number;
}

/** The flags of a custom model. `serving` adds the shape the serving model needs (hidden size, KV heads, ...). */
export function addCustomModelOptions(command: Command, {serving}: {serving: boolean}): Command {
  command
    .option(
      "--params <n>",
      "custom model: total parameters (e.g. 70e9 or 70B)",
      catalogFlag("--params", MODEL_CELL_RANGES.params_b, 1e9, "params_b of data/models.csv, × 10⁹")
    )
    .option(
      "--active-params <n>",
      "custom model: parameters used per token (default --params; fewer only for an MoE)",
      catalogFlag(
        "--active-params",
        MODEL_CELL_RANGES.active_params_b,
        1e9,
        "active_params_b of data/models.csv, × 10⁹"
      )
    )
    .option(
      "--layers <n>",
      "custom model: transformer layers",
      catalogFlag("--layers", MODEL_CELL_RANGES.layers, 1, "layers of data/models.csv", true)
    )
    .option(
      "--heads <n>",
      "custom model: attention (query) heads",
      catalogFlag("--heads", MODEL_CELL_RANGES.attention_heads, 1, "attention_heads of data/models.csv", true)
    )
    .option(
      "--head-dim <n>",
      "custom model: width of one attention head",
      catalogFlag("--head-dim", MODEL_CELL_RANGES.head_dim, 1, "head_dim of data/models.csv", true)
    );
  if (!serving) return command;
  return command
    .option(
      "--hidden-size <n>",
      "custom model: hidden size (d_model)",
      catalogFlag("--hidden-size", MODEL_CELL_RANGES.hidden_size, 1, "hidden_size of data/models.csv", true)
    )
    .option(
      "--kv-heads <n>",
      "custom model: key/value heads (default --heads)",
      catalogFlag("--kv-heads", MODEL_CELL_RANGES.kv_heads, 1, "kv_heads of data/models.csv", true)
    )
    .option(
      "--vocab <n>",
      "custom model: vocabulary size",
      catalogFlag("--vocab", MODEL_CELL_RANGES.vocab_size, 1, "vocab_size of data/models.csv", true)
    )
    .option(
      "--experts <n>",
      "custom model: routed experts per MoE layer (default 1, dense)",
      catalogFlag("--experts", MODEL_CELL_RANGES.experts, 1, "experts of data/models.csv", true)
    )
    .option(
      "--experts-per-token <n>",
      "custom model: routed experts each token uses (default 1)",
      catalogFlag(
        "--experts-per-token",
        MODEL_CELL_RANGES.experts_per_token,
        1,
        "experts_per_token of data/models.csv",
        true
      )
    )
    .option(
      "--context-window <n>",
      "custom model: context window, tokens (default: the request's length)",
      catalogFlag("--context-window", MODEL_CELL_RANGES.context_tokens, 1, "context_tokens of data/models.csv", true)
    );
}

/** The flags of a custom chip. `serving` adds memory and links. */
export function addCustomChipOptions(command: Command, {serving}: {serving: boolean}): Command {
  command
    .option(
      "--peak-flops <flop-per-s>",
      "custom chip: dense peak in --precision, FLOP/s (e.g. 989.4e12)",
      catalogUnitFlag(
        "--peak-flops",
        HARDWARE_CELL_RANGES.bf16_tflops,
        1e12,
        "the TFLOPS columns of data/hardware.csv, × 10¹²",
        HARDWARE_CELL_UNITS.bf16_tflops
      )
    )
    .option(
      "--chip-power <w>",
      "custom chip: board power (TDP), W",
      catalogUnitFlag(
        "--chip-power",
        HARDWARE_CELL_RANGES.power_w,
        1,
        "power_w of data/hardware.csv",
        HARDWARE_CELL_UNITS.power_w,
        "power_w"
      )
    )
    .option(
      "--system-power <w>",
      "custom chip: IT power per chip with its host share, W (default --chip-power × 1,275/700, a DGX H100's)",
      catalogUnitFlag(
        "--system-power",
        HARDWARE_CELL_RANGES.system_power_w,
        1,
        "system_power_w of data/hardware.csv",
        HARDWARE_CELL_UNITS.system_power_w,
        "system_power_w"
      )
    )
    .option(
      "--system-overhead <f>",
      "custom chip: server and network bought with it, as a fraction of its price (default 0.5, an HGX board's)",
      catalogFlag("--system-overhead", HARDWARE_CELL_RANGES.system_overhead, 1, "system_overhead of data/hardware.csv")
    );
  if (!serving) return command;
  return command
    .option(
      "--hbm-bandwidth <tb-per-s>",
      "custom chip: HBM bandwidth, TB/s",
      catalogUnitFlag(
        "--hbm-bandwidth",
        HARDWARE_CELL_RANGES.hbm_tbps,
        1,
        "hbm_tbps of data/hardware.csv",
        HARDWARE_CELL_UNITS.hbm_tbps
      )
    )
    .option(
      "--hbm-capacity <gb>",
      "custom chip: HBM capacity an application gets, GB",
      catalogUnitFlag(
        "--hbm-capacity",
        HARDWARE_CELL_RANGES.hbm_gb,
        1,
        "hbm_gb of data/hardware.csv",
        HARDWARE_CELL_UNITS.hbm_gb
      )
    )
    .option(
      "--scale-up-bandwidth <gb-per-s>",
      "custom chip: scale-up link bandwidth per direction, GB/s (default 450, an HGX H100's)",
      catalogUnitFlag(
        "--scale-up-bandwidth",
        HARDWARE_CELL_RANGES.scale_up_gbps,
        1,
        "scale_up_gbps of data/hardware.csv",
        HARDWARE_CELL_UNITS.scale_up_gbps
      )
    )
    .option(
      "--scale-up-chips <n>",
      "custom chip: chips per scale-up domain (default 8)",
      catalogFlag(
        "--scale-up-chips",
        HARDWARE_CELL_RANGES.scale_up_chips,
        1,
        "scale_up_chips of data/hardware.csv",
        true
      )
    )
    .option(
      "--scale-out-bandwidth <gb-per-s>",
      "custom chip: scale-out bandwidth per chip and direction, GB/s (default 50, a 400 Gb/s NIC)",
      catalogUnitFlag(
        "--scale-out-bandwidth",
        HARDWARE_CELL_RANGES.scale_out_gbps,
        1,
        "scale_out_gbps of data/hardware.csv",
        HARDWARE_CELL_UNITS.scale_out_gbps
      )
    );
}

const CUSTOM_MODEL_FLAGS: [keyof CustomModelFlags, string][] = [
  ["params", "--params"],
  ["activeParams", "--active-params"],
  ["layers", "--layers"],
  ["hiddenSize", "--hidden-size"],
  ["heads", "--heads"],
  ["kvHeads", "--kv-heads"],
  ["headDim", "--head-dim"],
  ["vocab", "--vocab"],
  ["experts", "--experts"],
  ["expertsPerToken", "--experts-per-token"],
  ["contextWindow", "--context-window"]
];

const CUSTOM_CHIP_FLAGS: [keyof CustomChipFlags, string][] = [
  ["peakFlops", "--peak-flops"],
  ["hbmBandwidth", "--hbm-bandwidth"],
  ["hbmCapacity", "--hbm-capacity"],
  ["chipPower", "--chip-power"],
  ["systemPower", "--system-power"],
  ["systemOverhead", "--system-overhead"],
  ["scaleUpBandwidth", "--scale-up-bandwidth"],
  ["scaleUpChips", "--scale-up-chips"],
  ["scaleOutBandwidth", "--scale-out-bandwidth"]
];

function required(value: number | undefined, flag: string, what: string): number {
  if (value !== undefined) return value;
  throw new UserError({flag, message: "missing for a custom " + what, expected: `${flag} N`, found: "nothing"});
}

/** A model with whether its attention shape was given (training leaves the attention term out without it). */
export type ResolvedModel = ModelArchitecture & {hasAttentionShape: boolean};

/**
 * The model of a command: the catalog row of --model, or one built from the custom flags. Serving needs the full
 * shape (--layers, --hidden-size, --heads, --head-dim, --vocab); training needs only --params (the attention shape,
 * --layers --heads --head-dim, is all or nothing). `requestTokens` is the default context window.
 */
export function resolveModelFlags(
  options: CustomModelFlags,
  models: readonly ModelArchitecture[],
  {serving, requestTokens = 0}: {serving: boolean; requestTokens?: number}
): ResolvedModel {
  const given = CUSTOM_MODEL_FLAGS.filter(([key]) => options[key] !== undefined);
  if (options.model !== undefined) {
    if (given.length > 0) {
      throw new UserError({
        flag: given[0]![1],
        message: "a catalog model and custom model numbers together",
        expected: "either --model ID or the custom model's numbers (--params, ...)",
        found: `--model ${options.model} and ${given.map(([, flag]) => flag).join(", ")}`
      });
    }
    const row = findById(models, options.model, "model", "--model");
    return copyRowOrigin(row, {...row, hasAttentionShape: true});
  }
  if (options.params === undefined) {
    throw new UserError({
      flag: "--model",
      message: "no model",
      expected: "--model ID (data/models.csv) or --params N for a custom model",
      found: "neither"
    });
  }
  const params = options.params;
  const activeParams = options.activeParams ?? params;
  if (activeParams > params) {
    throw new UserError({
      flag: "--active-params",
      message: "active parameters exceed total parameters",
      // Written as bounds are elsewhere, from 10^9 in exponent notation (it read "(8000000000), found 16000000000").
      expected: `at most --params (${plainNumber(params)})`,
      found: plainNumber(activeParams)
    });
  }
  const experts = options.experts ?? 1;
  const expertsPerToken = options.expertsPerToken ?? 1;
  if (expertsPerToken > experts) {
    throw new UserError({
      flag: "--experts-per-token",
      message: "more experts per token than experts",
      expected: `at most --experts (${experts})`,
      found: String(expertsPerToken)
    });
  }
  if (serving && experts === 1 && activeParams !== params) {
    throw new UserError({
      flag: "--active-params",
      message: "a dense model with fewer active parameters",
      expected: `--params (${plainNumber(params)}) when --experts is 1, or --experts N for an MoE`,
      found: plainNumber(activeParams)
    });
  }
  const shape = [options.layers, options.heads, options.headDim];
  const hasAttentionShape = shape.every((v) => v !== undefined);
  if (!serving && !hasAttentionShape && shape.some((v) => v !== undefined)) {
    throw new UserError({
      flag: options.layers === undefined ? "--layers" : options.heads === undefined ? "--heads" : "--head-dim",
      message: "an incomplete attention shape",
      expected: "--layers, --heads and --head-dim together (or none: the attention term is then left out)",
      found: "only some of them"
    });
  }
  const what = "model (serving needs its whole shape)";
  const layers = serving ? required(options.layers, "--layers", what) : (options.layers ?? 1);
  const heads = serving ? required(options.heads, "--heads", what) : (options.heads ?? 1);
  const headDim = serving ? required(options.headDim, "--head-dim", what) : (options.headDim ?? 1);
  const hiddenSize = serving ? required(options.hiddenSize, "--hidden-size", what) : (options.hiddenSize ?? 1);
  const vocabSize = serving ? required(options.vocab, "--vocab", what) : (options.vocab ?? 1);
  // As data/models.csv checks a row (parseModelsCsv.ts): the embedding table, which every token reads, is part of both
  // counts (--params 1e6 beside --vocab 128256 --hidden-size 8192 was priced; second-round breaker).
  const embedding = vocabSize * hiddenSize;
  const short = activeParams < embedding ? (params < embedding ? "--params" : "--active-params") : undefined;
  if (short !== undefined) {
    throw new UserError({
      flag: short,
      message: "fewer parameters than the embedding table",
      expected: `at least --vocab × --hidden-size (${plainNumber(vocabSize)} × ${plainNumber(hiddenSize)} = ${plainNumber(embedding)})`,
      found: plainNumber(short === "--params" ? params : activeParams)
    });
  }
  const kvHeads = options.kvHeads ?? heads;
  if (kvHeads > heads || heads % kvHeads !== 0) {
    throw new UserError({
      flag: "--kv-heads",
      message: "KV heads do not divide the attention heads",
      expected: `a divisor of --heads (${heads})`,
      found: String(kvHeads)
    });
  }
  // Its origin says it came from the flags, so a request past its window names --context-window (servingChecks.ts).
  return setFlagsOrigin<ResolvedModel>({
    id: "custom",
    name: "custom model",
    params,
    activeParams,
    layers,
    hiddenSize,
    attentionHeads: heads,
    kvHeads,
    headDim,
    mlaKvDim: null,
    mlaRopeDim: null,
    experts,
    expertsPerToken,
    vocabSize,
    tiedEmbeddings: false,
    contextTokens: options.contextWindow ?? Math.max(1, requestTokens),
    trainingTokens: null,
    sourceTitle: COMMAND_LINE_ROW_SOURCE,
    sourceUrl: "https://example.invalid/",
    notes: "",
    hasAttentionShape: serving || hasAttentionShape
  });
}

/** Dense peak of a 16-bit format relative to one of `precision`: one halving per halved width, as on H100 and B200. */
const BF16_PER_PEAK: Readonly<Record<Precision, number>> = {bf16: 1, fp8: 0.5, fp4: 0.25};

/**
 * The chip of a command: the catalog row of --hardware, or one built from the custom flags (--peak-flops in
 * --precision, --chip-power; serving also --hbm-bandwidth and --hbm-capacity). Defaults for what is not given are
 * an HGX H100's (system power 1,275/700 of chip power, system overhead 0.5, links 450 GB/s × 8 chips, 50 GB/s out).
 */
export function resolveChipFlags(
  options: CustomChipFlags,
  hardware: readonly Hardware[],
  settings: {serving: boolean; precision: Precision}
): Hardware {
  const notes = [...pendingChipNotes.values()];
  pendingChipNotes.clear();
  const chip = chipFromFlags(options, hardware, settings);
  // Only for a chip built from its flags: a refusal stops before (a catalog chip has no such flags).
  for (const note of notes) process.stderr.write(`token-ledger: note: ${note}.\n`);
  return chip;
}

/** resolveChipFlags' chip, with no notes written. */
function chipFromFlags(
  options: CustomChipFlags,
  hardware: readonly Hardware[],
  {serving, precision}: {serving: boolean; precision: Precision}
): Hardware {
  const given = CUSTOM_CHIP_FLAGS.filter(([key]) => options[key] !== undefined);
  if (options.hardware !== undefined) {
    if (given.length > 0) {
      throw new UserError({
        flag: given[0]![1],
        message: "a catalog chip and custom chip numbers together",
        expected: "either --hardware ID or the custom chip's numbers (--peak-flops, --chip-power, ...)",
        found: `--hardware ${options.hardware} and ${given.map(([, flag]) => flag).join(", ")}`
      });
    }
    return findById(hardware, options.hardware, "hardware", "--hardware");
  }
  if (given.length === 0) {
    throw new UserError({
      flag: "--hardware",
      message: "no chip",
      expected: "--hardware ID (data/hardware.csv), or --peak-flops FLOP/s and --chip-power W for a custom chip",
      found: "neither"
    });
  }
  const what = "chip";
  const peak = required(options.peakFlops, "--peak-flops", what);
  const chipPowerW = required(options.chipPower, "--chip-power", what);
  // What the flags imply must lie in the catalog's ranges as the flags themselves do: a bf16 peak of half an fp8 peak
  // below the smallest, and a default system power (× 1275/700) above the largest, were errors about
  // hardware.bf16FlopsPerS and hardware.systemPowerW, values never typed, in inference, and passed in training
  // (breaker).
  const bf16Min = HARDWARE_CELL_RANGES.bf16_tflops.min * 1e12;
  if (peak * BF16_PER_PEAK[precision] < bf16Min) {
    throw new UserError({
      flag: "--peak-flops",
      message: `${precision === "bf16" ? "a" : "an"} ${precision} peak this low implies a bf16 peak (× ${BF16_PER_PEAK[precision]}) below the catalog's range`,
      expected: `at least ${plainNumber(bf16Min / BF16_PER_PEAK[precision])} FLOP/s in ${precision}`,
      found: plainNumber(peak)
    });
  }
  const systemMax = HARDWARE_CELL_RANGES.system_power_w.max;
  if (options.systemPower === undefined && (chipPowerW * 1275) / 700 > systemMax) {
    throw new UserError({
      flag: "--chip-power",
      message: `the system power it implies (× 1275/700, an HGX H100's host share) is above ${groupThousands(systemMax)} W`,
      expected: `at most ${groupThousands(Math.floor((systemMax * 700) / 1275))} W, or --system-power W`,
      found: plainNumber(chipPowerW)
    });
  }
  const systemPowerW = options.systemPower ?? (chipPowerW * 1275) / 700;
  if (systemPowerW < chipPowerW) {
    throw new UserError({
      flag: "--system-power",
      message: "system power below chip power",
      expected: `at least --chip-power (${groupThousands(chipPowerW)} W)`,
      found: String(systemPowerW)
    });
  }
  const bandwidthTbps = serving ? required(options.hbmBandwidth, "--hbm-bandwidth", what) : (options.hbmBandwidth ?? 1);
  const capacityGb = serving ? required(options.hbmCapacity, "--hbm-capacity", what) : (options.hbmCapacity ?? 1);
  // As data/hardware.csv's hbm_tbps (parseHardwareCsv.ts): GB/s written for TB/s ran, at half the cost (breaker).
  const bandwidthProblem = serving
    ? hbmBandwidthProblem(bandwidthTbps, capacityGb, "--hbm-bandwidth", "--hbm-capacity")
    : undefined;
  if (bandwidthProblem) {
    throw new UserError({flag: "--hbm-bandwidth", ...bandwidthProblem, found: plainNumber(bandwidthTbps)});
  }
  return setFlagsOrigin<Hardware>({
    id: "custom",
    name: "custom chip",
    vendor: "custom",
    kind: "asic",
    // No family: a custom chip's serving efficiencies are the pooled fit.
    family: "other",
    bf16FlopsPerS: peak * BF16_PER_PEAK[precision],
    fp8FlopsPerS: precision === "fp8" ? peak : precision === "fp4" ? peak / 2 : null,
    fp4FlopsPerS: precision === "fp4" ? peak : null,
    hbmBytes: capacityGb * BYTES_PER_GB,
    hbmBandwidthBytesPerS: bandwidthTbps * BYTES_PER_TB,
    hbmCapacityBytes: capacityGb * BYTES_PER_GB,
    scaleUpBandwidthBytesPerS: (options.scaleUpBandwidth ?? 450) * BYTES_PER_GB,
    scaleUpChips: options.scaleUpChips ?? 8,
    // As its default links: an HGX H100's, NVSwitch (a custom chip's domain is switched unless a catalog row says not).
    scaleUpTopology: "switch",
    scaleOutBandwidthBytesPerS: (options.scaleOutBandwidth ?? 50) * BYTES_PER_GB,
    powerW: chipPowerW,
    priceUsd: null,
    hourlyPriceUsd: null,
    systemOverheadFraction: options.systemOverhead ?? 0.5,
    systemPowerW,
    systemSource: "command-line flags",
    priceSource: "",
    hbmSource: "command-line flags",
    linksSource: "command-line flags",
    estimated: ["all"],
    hypothetical: true,
    sourceTitle: COMMAND_LINE_ROW_SOURCE,
    sourceUrl: "https://example.invalid/",
    notes: ""
  });
}
