// The value a key with no schema default (default: null) takes when a scenario leaves it unset, where the model
// resolves it to one value of the key's own kind from the scenario's other keys or the catalog: serving.kvCache is
// FP8 under fp8 weights, serving.stack TensorRT-LLM on an NVIDIA chip. `compare` and the /compare page show that value,
// marked as the default, and count two scenarios alike on a key whose values are alike, set or resolved.
//
// The other keys of default null either take another key's value (the schema's `follows`: keyValueComesFrom) or
// have no such one value (UNSET_WITHOUT_ONE_VALUE says why); test/scenario/evaluate/unsetKeyDefaults.test.ts checks
// that every such key is in exactly one of the three. unsetKeyTakes tells which of them a key left unset is, for every
// table that shows one (`run`'s and `compare`'s, the scenario pages', /assumptions and /compare), each of which writes
// the answer in its own words.
import type {Hardware} from "../../catalog/hardware.js";
import {TRTLLM_FREE_GPU_MEMORY_FRACTION} from "../../inference/kvCacheAdmission.js";
import {DEFAULT_HBM_RESERVE_FRACTION} from "../../inference/memoryFit.js";
import {kvCacheDtypeFor, PRECISIONS, type Precision} from "../../inference/precision.js";
import {defaultStackFor} from "../../inference/stackChips.js";
import {maskSetOf} from "../../silicon/programNre.js";
import {keyValueComesFrom} from "../file/schema.js";

/** The value an unset key takes, and why. */
export interface UnsetKeyDefault {
  /** The value in the key's base unit, as a scenario file would set it ("fp8", 31120). */
  value: string | number;
  /**
   * Why it is that value, for a reader, written after it in parentheses: "default for fp8 weights", "default on
   * h100-sxm" (a chip as UnsetKeyContext.chipLabel writes it).
   */
  note: string;
}

/** What the resolution reads: the scenario's values by key path (a distribution as its object), the hardware rows. */
export interface UnsetKeyContext {
  valueOf: (path: string) => unknown;
  hardware: readonly Pick<Hardware, "id" | "name" | "vendor" | "priceUsd">[];
  /**
   * How a note names a chip: its id by default, as the command line's tables write serving.hardware ("h100-sxm"); a
   * page passes the catalog name ("NVIDIA H100 SXM5 80GB"), as its tables write it.
   */
  chipLabel?: (chip: Pick<Hardware, "id" | "name">) => string;
}

/** The serving chip's catalog row, or undefined when its id is not in the rows given. */
function servingChip(context: UnsetKeyContext): Pick<Hardware, "id" | "name" | "vendor" | "priceUsd"> | undefined {
  const id = context.valueOf("serving.hardware");
  return context.hardware.find((row) => row.id === id);
}

/** A chip as the context's notes name it (UnsetKeyContext.chipLabel, else its id). */
function chipLabelOf(context: UnsetKeyContext, chip: Pick<Hardware, "id" | "name">): string {
  return context.chipLabel?.(chip) ?? chip.id;
}

/**
 * Each key the model resolves when unset, and how, as the model does it (null where it cannot say: an unknown chip,
 * a chip without a price, a node without a mask-set price).
 */
const UNSET_KEY_DEFAULTS: Readonly<Record<string, (context: UnsetKeyContext) => UnsetKeyDefault | null>> = {
  // kvCacheDtypeFor (precision.ts), as servingInput.ts resolves it: the default format for serving.precision.
  "serving.kvCache": ({valueOf}) => {
    const precision = valueOf("serving.precision");
    const dtype = PRECISIONS.includes(precision as Precision)
      ? kvCacheDtypeFor(precision as Precision, null)
      : undefined;
    return dtype === undefined ? null : {value: dtype, note: `default for ${String(precision)} weights`};
  },
  // scenarioStack (servingInput.ts): defaultStackFor serving.hardware, the stack the scenario's own chip is served on.
  // Unlike kvCache it is per chip: another chip the scenario serves on (the site's chip comparison, silicon.chip) takes
  // its own default where a stack set would apply to it too; the key still reads as the serving chip's stack.
  "serving.stack": (context) => {
    const chip = servingChip(context);
    return chip === undefined ? null : {value: defaultStackFor(chip), note: `default on ${chipLabelOf(context, chip)}`};
  },
  // merchantChipPriceUsd (ownershipInput.ts): the catalog price of serving.hardware.
  "hardware.price": (context) => {
    const chip = servingChip(context);
    return chip?.priceUsd == null
      ? null
      : {value: chip.priceUsd, note: `catalog price of ${chipLabelOf(context, chip)}`};
  },
  // respinCostUsd (strategyInputs.ts): the mask set of silicon.node (MASK_SET_PRICES).
  "silicon.respinCost": ({valueOf}) => {
    const node = valueOf("silicon.node");
    const mask = maskSetOf(node);
    return mask === undefined ? null : {value: mask.usd, note: `mask set of ${mask.node}`};
  }
};

/** The key paths UNSET_KEY_DEFAULTS resolves. */
export const UNSET_KEY_DEFAULT_PATHS: readonly string[] = Object.keys(UNSET_KEY_DEFAULTS);

/**
 * Keys of default null that follow no key and have no one value when unset, and why: `compare` shows them unset ("—")
 * and counts "—" against a value as a difference.
 */
export const UNSET_WITHOUT_ONE_VALUE: Readonly<Record<string, string>> = {
  "serving.achievableBandwidth":
    "calibrated per chip family and stack: each chip compared (the custom chip, the chip comparison) takes its own, " +
    "where a value set applies to every chip",
  "serving.achievableCompute": "calibrated per chip family and stack, as serving.achievableBandwidth",
  "serving.hbmReserve":
    "serving.stack's policy: TensorRT-LLM's 90% of the HBM left after the weights is no fraction of all HBM",
  "power.hostOverhead": "each chip's catalog figure (serving, training, custom and compared chips alike)",
  "finance.systemOverhead": "each chip's catalog figure (serving, training, custom and compared chips alike)",
  "silicon.unitCost": "built from the die: a model result, not a setting",
  "silicon.systemCost": "the merchant chip's system or the custom chip's price × its fraction, whichever is dearer",
  "silicon.chip": "unset: no catalog chip (the custom chip is silicon.relativeThroughput × the merchant chip's)",
  "silicon.bf16Flops": "unset: no inline specs",
  "silicon.fp8Flops": "unset: no FP8",
  "silicon.fp4Flops": "unset: no FP4",
  "silicon.hbmBandwidth": "unset: no inline specs",
  "training.firstGenerationSpend": "built from the modelled run: a model result, not a setting",
  "fleet.inputTokensPerDay": "the first day's demand: a model result, not a setting",
  "fleet.outputTokensPerDay": "the first day's demand: a model result, not a setting",
  "fleet.chips": "sized by the serving model: a model result, not a setting",
  "fleet.chipHourPrice": "unset: the chips are owned, not rented",
  "moat.costAdvantage": "derived from the silicon program: a model result, not a setting"
};

/**
 * What the model uses in place of a key of UNSET_WITHOUT_ONE_VALUE left unset, where the evaluation reads it: a few
 * words a table writes beside the dash, "— (sized by the serving model)". A figure it computes (fleetDay in
 * priceListInput.ts, strategyInputs.ts), a fitted or catalog figure that differs per chip (the achievable fractions,
 * the system overheads), or a policy of the serving stack (serving.hbmReserve). `compare` footnoted base's dashes for
 * the fleet's day "the key's default applies", where the key has no default and the day is computed from the demand;
 * the others read a bare "—". The schema's `source` says it at length. Keys left out: those no evaluation reads while
 * they are unset (silicon.chip and the inline specs, whose dash says "not used" with why: unreadCustomChipKeys), and
 * silicon.fp8Flops and silicon.fp4Flops, unset when a chip given by its specs has no FP8 or FP4.
 */
export const UNSET_KEY_INSTEAD: Readonly<Record<string, string>> = {
  // The first day's demand × demand.inputShare, and × (1 − demand.inputShare).
  "fleet.inputTokensPerDay": "from the first day's demand",
  "fleet.outputTokensPerDay": "from the first day's demand",
  // The day's tokens ÷ (blended tokens/s per chip × 86,400 × serving.utilization).
  "fleet.chips": "sized by the serving model",
  // rentedUsdPerChipHour null: the owned chip-hour prices the fleet.
  "fleet.chipHourPrice": "owned chips",
  // firstGenerationTrainingCostUsd (strategyInputs.ts): the modelled run's cost × training.spendMultiplier.
  "training.firstGenerationSpend": "from the modelled run",
  // moatInput (strategyInputs.ts): what the silicon program's chip saves once deployed, else 0.
  "moat.costAdvantage": "from the silicon program",
  // The custom chip's price from its die (src/silicon/, customChipSpec.ts).
  "silicon.unitCost": "built from the die",
  // servingInput (servingInput.ts): calibratedEfficiencies for the chip's family and serving.stack, else its family
  // over all stacks, else the pooled fit (calibratedEfficiencies.ts); each chip compared takes its own.
  "serving.achievableBandwidth": "calibrated per chip family and stack",
  "serving.achievableCompute": "calibrated per chip family and stack",
  // kvCacheAdmission (kvCacheAdmission.ts): DEFAULT_HBM_RESERVE_FRACTION of all HBM, or under TensorRT-LLM
  // 1 − TRTLLM_FREE_GPU_MEMORY_FRACTION of the HBM the weights leave (0 when they fill it).
  "serving.hbmReserve":
    `${wholePercent(DEFAULT_HBM_RESERVE_FRACTION)} of HBM; TensorRT-LLM: ` +
    `${wholePercent(1 - TRTLLM_FREE_GPU_MEMORY_FRACTION)} of what the weights leave`,
  // chipHourInput (ownershipInput.ts): catalogChipSystem's systemPowerW ÷ powerW − 1 of each chip (chipSystem.ts), the
  // custom chip the merchant chip's.
  "power.hostOverhead": "each chip's catalog system power",
  // chipHourInput (ownershipInput.ts): catalogChipSystem's systemOverheadFraction of each chip (data/hardware.csv
  // system_overhead), the custom chip the merchant chip's (as silicon.systemCost unset).
  "finance.systemOverhead": "each chip's catalog system overhead",
  // customSystemUsd (ownershipInput.ts): max(custom chip price, merchant chip price) × the merchant chip's system
  // overhead fraction (finance.systemOverhead, else its catalog figure).
  "silicon.systemCost": "the merchant chip's overhead × the dearer price"
};

/** A fraction as a whole percent, "10%" (0.1 and 1 − 0.9 alike). */
function wholePercent(fraction: number): string {
  return new Intl.NumberFormat("en-US", {style: "percent", maximumFractionDigits: 0}).format(fraction);
}

/**
 * The value `path` takes in a scenario that leaves it unset (UNSET_KEY_DEFAULTS), or null when the key is not one
 * the model resolves to one value, or cannot here. Pure: the scenario's values and the hardware rows are given.
 */
export function unsetKeyDefault(path: string, context: UnsetKeyContext): UnsetKeyDefault | null {
  return UNSET_KEY_DEFAULTS[path]?.(context) ?? null;
}

/**
 * The value each key a scenario leaves unset takes (unsetKeyDefault), by path: `valueOf` gives the scenario's value of
 * a key, null or undefined where it is not set.
 */
export function unsetKeyDefaultsOf(
  valueOf: (path: string) => unknown,
  hardware: UnsetKeyContext["hardware"],
  chipLabel?: UnsetKeyContext["chipLabel"]
): Record<string, UnsetKeyDefault> {
  const defaults: Record<string, UnsetKeyDefault> = {};
  for (const path of UNSET_KEY_DEFAULT_PATHS) {
    if (valueOf(path) != null) continue;
    const resolved = unsetKeyDefault(path, {valueOf, hardware, ...(chipLabel ? {chipLabel} : {})});
    if (resolved !== null) defaults[path] = resolved;
  }
  return defaults;
}

/**
 * What a key left unset takes (unsetKeyTakes): the value the model resolves it to and why (UNSET_KEY_DEFAULTS), the
 * value of the key it follows (the schema's `follows`), or nothing ("—").
 */
export type UnsetKeyTakes<V> =
  | ({kind: "default"} & UnsetKeyDefault)
  | {
      kind: "follows";
      /** The key whose value it takes ("serving.hardware" for training.hardware). */
      path: string;
      /** That key's value, as `valueOf` gives it. */
      value: V;
    }
  | {
      kind: "none";
      /** What the model uses in its place, where UNSET_KEY_INSTEAD says (a computed, fitted or catalog figure). */
      instead?: string;
    };

/**
 * What `path` takes in a scenario that leaves it unset, one decision for every table that shows such a key, each
 * writing it in its own words ("fp8 (default for fp8 weights)", "h100-sxm (as serving.hardware)", "—" on the command
 * line; catalog names and key labels on the pages). Pure.
 *
 * Inputs: `valueOf` gives the scenario's value of a key (a distribution as its object), null or undefined where it is
 * not set (left out, or taken back with null); `defaults` is what unsetKeyDefaultsOf gives for the same scenario (its
 * notes name chips as the caller writes them).
 *
 * Output: null when the scenario sets `path` (the key shows its own value); else `{kind: "default", value, note}` for a
 * key in `defaults`, `{kind: "follows", path, value}` for a key that follows another (keyValueComesFrom) that has a
 * value, and `{kind: "none"}` otherwise, with `instead` where UNSET_KEY_INSTEAD says what the model uses in its place
 * (a key of UNSET_WITHOUT_ONE_VALUE, or one of UNSET_KEY_DEFAULT_PATHS the model cannot resolve here: a chip the
 * hardware rows do not hold, a chip without a price).
 *
 * Errors: none; a path the schema does not hold follows no key and is "none" unless `defaults` holds it. Whether a key
 * the evaluation does not read (unreadKeys) shows what it would take is the caller's choice: `run` and the pages show a
 * key set but not read at its own value (`run` a key written null too: runReport's `unused`); `compare` compares a key
 * a scenario's evaluation does not read, set or not (unreadKeys with defaults), at its own value, so that two scenarios
 * that read neither's do not differ on it.
 */
export function unsetKeyTakes<V>(
  path: string,
  valueOf: (path: string) => V | null | undefined,
  defaults: Readonly<Record<string, UnsetKeyDefault>>
): UnsetKeyTakes<V> | null {
  if (valueOf(path) != null) return null;
  const resolved = defaults[path];
  if (resolved !== undefined) return {kind: "default", ...resolved};
  const from = keyValueComesFrom(path, false);
  const followed = from === path ? null : valueOf(from);
  if (followed != null) return {kind: "follows", path: from, value: followed};
  const instead = path === "serving.hbmReserve" ? hbmReserveInstead(valueOf, defaults) : UNSET_KEY_INSTEAD[path];
  return instead === undefined ? {kind: "none"} : {kind: "none", instead};
}

/**
 * serving.hbmReserve's words for the scenario's own stack (serving.stack, else its default on serving.hardware): the
 * one policy that applies, where UNSET_KEY_INSTEAD gives both ("10% of HBM; TensorRT-LLM: …" read on a TensorRT-LLM
 * scenario as if either might; breaker). A stack not known here keeps both.
 */
function hbmReserveInstead<V>(
  valueOf: (path: string) => V | null | undefined,
  defaults: Readonly<Record<string, UnsetKeyDefault>>
): string | undefined {
  const stack = valueOf("serving.stack") ?? defaults["serving.stack"]?.value;
  if (typeof stack !== "string") return UNSET_KEY_INSTEAD["serving.hbmReserve"];
  return stack === "trtllm"
    ? `${wholePercent(1 - TRTLLM_FREE_GPU_MEMORY_FRACTION)} of what the weights leave, as TensorRT-LLM holds back`
    : `${wholePercent(DEFAULT_HBM_RESERVE_FRACTION)} of HBM`;
}
