import {BYTES_PER_GB, BYTES_PER_GIB, BYTES_PER_TB} from "../units/bytes.js";
import {checkNullableRange, checkRanges, type NumberRange} from "../units/range.js";
import {TERA} from "../units/si.js";
import type {Hardware} from "./hardware.js";
import type {ModelArchitecture} from "./model.js";
import {HARDWARE_CELL_RANGES} from "./parseHardwareCsv.js";
import {MODEL_CELL_RANGES, PARAMS_PER_BILLION} from "./parseModelsCsv.js";

/** A catalog cell's range in the row's base unit: its bounds × `factor` (TFLOP/s → FLOP/s, GB → bytes). */
function inBaseUnits(range: NumberRange, factor: number): NumberRange {
  return {...range, min: range.min * factor, max: range.max * factor};
}

/** A count's range: the cell's, whole numbers only (as the parsers read these cells). */
function whole(range: NumberRange): NumberRange {
  return {...range, integer: true};
}

/**
 * The numeric fields of a Hardware row that always hold a number, with the ranges data/hardware.csv's cells take
 * (HARDWARE_CELL_RANGES), in the row's base units (FLOP/s, bytes, bytes/s, W). A row read from the catalog lies in them;
 * a row a script builds is checked against them (checkHardwareRow).
 */
export const HARDWARE_ROW_RANGES = {
  bf16FlopsPerS: inBaseUnits(HARDWARE_CELL_RANGES.bf16_tflops, TERA),
  hbmBytes: inBaseUnits(HARDWARE_CELL_RANGES.hbm_gb, BYTES_PER_GB),
  hbmBandwidthBytesPerS: inBaseUnits(HARDWARE_CELL_RANGES.hbm_tbps, BYTES_PER_TB),
  hbmCapacityBytes: inBaseUnits(HARDWARE_CELL_RANGES.hbm_gib, BYTES_PER_GIB),
  scaleUpBandwidthBytesPerS: inBaseUnits(HARDWARE_CELL_RANGES.scale_up_gbps, BYTES_PER_GB),
  scaleUpChips: whole(HARDWARE_CELL_RANGES.scale_up_chips),
  scaleOutBandwidthBytesPerS: inBaseUnits(HARDWARE_CELL_RANGES.scale_out_gbps, BYTES_PER_GB),
  powerW: HARDWARE_CELL_RANGES.power_w,
  systemOverheadFraction: HARDWARE_CELL_RANGES.system_overhead,
  systemPowerW: HARDWARE_CELL_RANGES.system_power_w
} as const satisfies Partial<Record<keyof Hardware, NumberRange>>;

/** The Hardware fields that are null where the chip has no such format (FP8, FP4), else in these ranges. */
const HARDWARE_NULLABLE_RANGES = {
  fp8FlopsPerS: inBaseUnits(HARDWARE_CELL_RANGES.fp8_tflops, TERA),
  fp4FlopsPerS: inBaseUnits(HARDWARE_CELL_RANGES.fp4_tflops, TERA)
} as const satisfies Partial<Record<keyof Hardware, NumberRange>>;

/** The numeric fields of a ModelArchitecture row, as HARDWARE_ROW_RANGES for data/models.csv (MODEL_CELL_RANGES). */
export const MODEL_ROW_RANGES = {
  params: inBaseUnits(MODEL_CELL_RANGES.params_b, PARAMS_PER_BILLION),
  activeParams: inBaseUnits(MODEL_CELL_RANGES.active_params_b, PARAMS_PER_BILLION),
  layers: whole(MODEL_CELL_RANGES.layers),
  hiddenSize: whole(MODEL_CELL_RANGES.hidden_size),
  attentionHeads: whole(MODEL_CELL_RANGES.attention_heads),
  kvHeads: whole(MODEL_CELL_RANGES.kv_heads),
  headDim: whole(MODEL_CELL_RANGES.head_dim),
  experts: whole(MODEL_CELL_RANGES.experts),
  expertsPerToken: whole(MODEL_CELL_RANGES.experts_per_token),
  vocabSize: whole(MODEL_CELL_RANGES.vocab_size),
  contextTokens: whole(MODEL_CELL_RANGES.context_tokens)
} as const satisfies Partial<Record<keyof ModelArchitecture, NumberRange>>;

/** The ModelArchitecture fields that are null for a model without MLA, else in these ranges. */
const MODEL_NULLABLE_RANGES = {
  mlaKvDim: whole(MODEL_CELL_RANGES.mla_kv_dim),
  mlaRopeDim: whole(MODEL_CELL_RANGES.mla_rope_dim)
} as const satisfies Partial<Record<keyof ModelArchitecture, NumberRange>>;

/**
 * Throws a UserError naming the field (`hardware.hbmBandwidthBytesPerS`) of a hardware row whose number lies outside
 * what data/hardware.csv accepts, or is not a number: a script's row with a bandwidth of −1 priced tokens at −$10B per
 * million and returned ok, a string was read as the number it spells (breaker).
 */
export function checkHardwareRow(row: Hardware, path = "hardware"): void {
  checkRanges(row, HARDWARE_ROW_RANGES, path);
  for (const [key, range] of Object.entries(HARDWARE_NULLABLE_RANGES)) {
    checkNullableRange(`${path}.${key}`, row[key as keyof typeof HARDWARE_NULLABLE_RANGES], range, "no such format");
  }
}

/** As checkHardwareRow, for a model row (`model.layers`; data/models.csv's ranges). */
export function checkModelRow(row: ModelArchitecture, path = "model"): void {
  checkRanges(row, MODEL_ROW_RANGES, path);
  for (const [key, range] of Object.entries(MODEL_NULLABLE_RANGES)) {
    checkNullableRange(`${path}.${key}`, row[key as keyof typeof MODEL_NULLABLE_RANGES], range, "no MLA");
  }
}
