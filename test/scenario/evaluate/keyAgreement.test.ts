// One definition per assumption: a scenario key's range is the range of every model input it sets. The input
// builders' reverse key maps (src/scenario/evaluate/*Input*.ts) say which key sets which model input; this test reads
// them, so a contributor who changes a model's range, a key's range or the wiring between them learns of the others.
import {describe, expect, it} from "vitest";
import {
  FLYWHEEL_KEYS,
  MOAT_KEYS,
  SILICON_KEYS,
  SPEND_KEYS,
  TAX_KEYS
} from "../../../src/scenario/evaluate/strategyInputs.js";
import {SERVING_KEYS} from "../../../src/scenario/evaluate/servingInput.js";
import {PRICE_LIST_KEYS} from "../../../src/scenario/evaluate/priceListInput.js";
import {PRICE_LIST_RANGES} from "../../../src/tco/priceList.js";
import {mappedKeys} from "../../../src/scenario/evaluate/modelKeys.js";
import {TRAINING_KEYS} from "../../../src/scenario/evaluate/trainingInput.js";
import {isQuantityKey, keyRange, scenarioKey} from "../../../src/scenario/file/schema.js";
import {FLYWHEEL_RANGES} from "../../../src/strategy/flywheel.js";
import {INFERENCE_TAX_RANGES} from "../../../src/strategy/inferenceTax.js";
import {MOAT_RANGES} from "../../../src/strategy/moat.js";
import {CHIP_HOUR_COST_RANGES, SERVING_CHIP_RANGES} from "../../../src/strategy/servingChip.js";
import {SILICON_PROGRAM_RANGES} from "../../../src/strategy/siliconProgram.js";
import {TRAINING_VS_INFERENCE_RANGES} from "../../../src/strategy/trainingVsInference.js";
import {TRAINING_RUN_RANGES} from "../../../src/training/trainingRun.js";
import {formatRange, type NumberRange} from "../../../src/units/range.js";

type Ranges = Readonly<Record<string, NumberRange>>;

/** A range table keyed by leaf name, under each of `prefixes` (`menu.outputUsdPerMTok`), as a nested input reads it. */
function prefixed(ranges: Ranges, prefixes: readonly string[]): Ranges {
  return Object.fromEntries(prefixes.flatMap((p) => Object.entries(ranges).map(([leaf, r]) => [`${p}.${leaf}`, r])));
}

/** Each model's reverse key map and the range table its inputs are checked against. */
const MODELS: [name: string, keys: Readonly<Record<string, string>>, ranges: Ranges | null][] = [
  ["inference tax", TAX_KEYS, INFERENCE_TAX_RANGES],
  ["silicon program", SILICON_KEYS, SILICON_PROGRAM_RANGES],
  ["spend over time", SPEND_KEYS, TRAINING_VS_INFERENCE_RANGES],
  ["moat", MOAT_KEYS, MOAT_RANGES],
  ["flywheel", FLYWHEEL_KEYS, FLYWHEEL_RANGES],
  // The price list checks `menu.*` and `mix.*` fields against PRICE_LIST_RANGES by their leaf name.
  ["price list", PRICE_LIST_KEYS, prefixed(PRICE_LIST_RANGES, ["menu", "mix"])],
  // The serving and training models check their inputs in their own code (memory fit, precision), not a range table;
  // the one serving range written out here is the cache-hit share's, "a fraction in [0, 1)" (src/inference/servingChecks.ts),
  // which the price list (which accepts 1) shares through serving.cacheHit.
  ["serving", SERVING_KEYS, {cacheHitFraction: {min: 0, max: 1, maxExclusive: true}}],
  ["training run", TRAINING_KEYS, TRAINING_RUN_RANGES]
];

/** The range a model checks `field` against: a ServingChipInput's fields (`merchant.chipHour.pue`) included. */
function modelRange(ranges: Ranges | null, field: string): NumberRange | undefined {
  const parts = field.split(".");
  const leaf = parts[parts.length - 1]!;
  if (ranges?.[field]) return ranges[field];
  if (parts[1] === "chipHour") return (CHIP_HOUR_COST_RANGES as Ranges)[leaf];
  if (parts.length === 2 && (parts[0] === "merchant" || parts[0] === "custom")) {
    return (SERVING_CHIP_RANGES as Ranges)[leaf];
  }
  return undefined;
}

/** The values every range in `ranges` admits (bounds only; `integer` is compared apart). */
function intersect(ranges: NumberRange[]): NumberRange {
  let out: NumberRange = {min: -Infinity, max: Infinity, minExclusive: true, maxExclusive: true};
  for (const r of ranges) {
    if (r.min > out.min || (r.min === out.min && r.minExclusive))
      out = {...out, min: r.min, minExclusive: !!r.minExclusive};
    if (r.max < out.max || (r.max === out.max && r.maxExclusive))
      out = {...out, max: r.max, maxExclusive: !!r.maxExclusive};
  }
  return out;
}

/** Direct (not computed) key → the model inputs it sets, with their ranges. */
const settings = new Map<string, {model: string; field: string; range: NumberRange}[]>();
for (const [model, keys, ranges] of MODELS) {
  for (const [field, key] of Object.entries(keys)) {
    // Catalog ids (serving.hardware sets a chip's power through its catalog row) are checked when catalogs load.
    if (key.startsWith("(") || !isQuantityKey(scenarioKey(key)!)) continue;
    const range = modelRange(ranges, field);
    if (!range) continue;
    settings.set(key, [...(settings.get(key) ?? []), {model, field, range}]);
  }
}

describe("scenario keys and the model inputs they set", () => {
  it("every key a reverse key map names exists in the schema (computed ones in parentheses too)", () => {
    for (const [model, keys] of MODELS) {
      for (const [field, key] of Object.entries(keys)) {
        for (const path of mappedKeys(key)) expect(scenarioKey(path), `${model}.${field} → ${key}`).toBeDefined();
      }
    }
  });

  it("reads at least the keys this test was written for (the maps are not empty)", () => {
    expect(settings.get("power.electricity")!.map((s) => s.field)).toContain("merchant.chipHour.electricityUsdPerKwh");
    expect(settings.size).toBeGreaterThan(40);
  });

  it.each([...settings.keys()])("%s: its range is the range of every model input it sets", (key) => {
    const def = scenarioKey(key)!;
    const inputs = settings.get(key)!;
    const expected = intersect(inputs.map((s) => s.range));
    const where = inputs.map((s) => `${s.model}.${s.field} ${formatRange(s.range)}`).join(", ");
    expect(formatRange(keyRange(def)), `${key} vs ${where}`).toBe(formatRange(expected));
    if (inputs.some((s) => s.range.integer)) expect(def.integer, `${key} must be whole: ${where}`).toBe(true);
  });
});
