// How a scenario describes its custom chip, beside the reverse key map of its derived throughput: by a relative
// throughput (silicon.relativeThroughput), by a catalog row (silicon.chip), or by inline specs (silicon.bf16Flops,
// silicon.hbmBandwidth, …, with the die keys for HBM and power).
import {fp8BelowBf16Hint, type Hardware} from "../../catalog/hardware.js";
import type {UserError} from "../../errors/userError.js";
import {writtenAt, type ResolvedScenario, type ValueOrigin} from "../resolve/resolveScenario.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import {scenarioValueError} from "../file/scenarioErrors.js";
import {num} from "./modelKeys.js";
import {displayValue} from "../file/displayValue.js";
import {scenarioKey} from "../file/schema.js";

/** The inline spec keys of a custom chip; silicon.bf16Flops and silicon.hbmBandwidth are required together. */
export const CUSTOM_CHIP_SPEC_KEYS = [
  "silicon.bf16Flops",
  "silicon.fp8Flops",
  "silicon.fp4Flops",
  "silicon.hbmBandwidth"
] as const;

/** The spec keys a chip given by its specs cannot do without. */
const REQUIRED_SPEC_KEYS = ["silicon.bf16Flops", "silicon.hbmBandwidth"] as const;

/**
 * How the custom chip's throughput is found: "relative" (silicon.relativeThroughput × the merchant chip's), "catalog"
 * (silicon.chip's row through the serving model) or "specs" (a chip built from the inline spec keys, the same way).
 */
export type CustomChipMode = "relative" | "catalog" | "specs";

/** The keys that decide a custom chip's throughput, for a model input's reverse key map. */
export const CUSTOM_CHIP_THROUGHPUT_KEYS = [
  "silicon.relativeThroughput",
  "silicon.chip",
  "silicon.servingFactor",
  ...CUSTOM_CHIP_SPEC_KEYS
] as const;

/**
 * How strongly a value was set: a flag or control (3) over the scenario's own file (2) over an ancestor's, the nearer
 * ancestor over the farther (between 1 and 2: a parent's 1.5, a grandparent's 1.33, …), over a default (0). A file
 * extending one that names a chip (silicon.chip) over a grandparent's silicon.relativeThroughput gets the chip; both
 * ranked 1, they were an error blamed on the grandparent's file (trial).
 */
function rank(resolved: ResolvedScenario, origin: ValueOrigin | undefined): number {
  if (!origin) return 0;
  if (origin.kind === "parent") {
    const depth = resolved.chain.indexOf(origin.scenario);
    return 1 + 1 / (1 + Math.max(1, depth));
  }
  return {default: 0, file: 2, override: 3}[origin.kind];
}

/**
 * The first of `paths` a `null` took back to its default, written more directly than `above` (a rank: a child's null
 * over its parent's key, a --set's over the file's), and how to write another key's `null` as that one was written:
 * `path: null` in a file, `--set path=null` on the command line, `path=null` in a link. Undefined when none was. An
 * error such a null causes is placed at it: the user's change, not a parent's line of the key left (breaker).
 */
function unsetByNull(
  resolved: ResolvedScenario,
  paths: readonly string[],
  above: number
): {path: string; alike: (path: string) => string} | undefined {
  for (const path of paths) {
    const origin = resolved.values[path]?.origin;
    const at = origin?.kind === "default" ? writtenAt(origin) : undefined;
    if (at === undefined || rank(resolved, at) <= above) continue;
    const alike = (other: string) =>
      at.kind !== "override" ? `${other}: null` : `${at.flag.startsWith("--") ? `${at.flag} ` : ""}${other}=null`;
    return {path, alike};
  }
  return undefined;
}

/**
 * How directly `path` was written at `resolved`: setRank, or for a key a `null` took back to its default, the rank of
 * where that null was written (a child's `serving.prefill: null` is the child's choice, as `shared` written there is).
 */
export function writtenRank(resolved: ResolvedScenario, path: string): number {
  const origin = resolved.values[path]?.origin;
  const unset = origin?.kind === "default" ? writtenAt(origin) : undefined;
  return unset ? rank(resolved, unset) : setRank(resolved, path);
}

/** How directly `path` is set at `resolved` (rank of its origin; 0 when unset or null). */
export function setRank(resolved: ResolvedScenario, path: string): number {
  const value = resolved.values[path];
  return value && value.value !== null ? rank(resolved, value.origin) : 0;
}

/**
 * `path` and its value as a message names them: `silicon.dieArea 500`, or a varied key's axis as typed
 * (`silicon.dieArea=100:500:2`), whose written value already names the key: "silicon.dieArea silicon.dieArea=100:500:2"
 * was read, and a pair of them cut at 80 characters (breaker).
 */
export function keyWithValue(resolved: ResolvedScenario, path: string): string {
  const value = resolved.values[path];
  const written = value?.written ?? String(value?.value);
  return value?.origin.kind === "override" && value.origin.flag === "--vary" ? written : `${path} ${written}`;
}

/**
 * The scenario's custom-chip mode, and the errors of its keys: the description set most directly wins (a `--set` over
 * the file, the file over an ancestor's), so a scenario extending one with a relative throughput can name a chip
 * instead; two descriptions set as directly (a chip and a relative throughput in one file), specs without
 * silicon.bf16Flops or silicon.hbmBandwidth, or silicon.servingFactor without a chip to apply to, are errors at the
 * key, its file and line. Nothing an author wrote is ignored.
 */
export function customChipMode(resolved: ResolvedScenario): {mode: CustomChipMode; errors: UserError[]} {
  const errors: UserError[] = [];
  const relative = setRank(resolved, "silicon.relativeThroughput");
  const catalog = setRank(resolved, "silicon.chip");
  const specKeys = CUSTOM_CHIP_SPEC_KEYS.filter((path) => setRank(resolved, path) > 0);
  const specs = Math.max(0, ...specKeys.map((path) => setRank(resolved, path)));
  const written = (path: string) => resolved.values[path]?.written ?? String(resolved.values[path]?.value);
  if (catalog > 0 && specs > 0 && catalog === specs) {
    errors.push(
      scenarioValueError(resolved, specKeys[0]!, {
        message: "a custom chip is either a catalog row (silicon.chip) or inline specs, not both",
        expected: "silicon.chip, or the inline specs, not both",
        found: `${keyWithValue(resolved, "silicon.chip")} and ${keyWithValue(resolved, specKeys[0]!)}`
      })
    );
  }
  const described = Math.max(catalog, specs);
  // A relative throughput set as directly as the chip's description clashes; set more directly (a `--set` over the
  // file's chip, a child's over its parent's) it wins, as the mode below says (it was refused: breaker).
  if (relative > 0 && described > 0 && relative === described) {
    errors.push(
      scenarioValueError(resolved, "silicon.relativeThroughput", {
        message: `the custom chip's throughput is derived from ${catalog >= specs ? "silicon.chip" : "its specs"}`,
        expected:
          "no silicon.relativeThroughput beside silicon.chip or inline specs (silicon.servingFactor scales them)",
        found: written("silicon.relativeThroughput")
      })
    );
  }
  const mode: CustomChipMode =
    described === 0 || relative > described ? "relative" : catalog >= specs ? "catalog" : "specs";
  if (mode === "specs") {
    // One error naming every missing key (two errors at one place said "needs silicon.bf16Flops", then
    // "needs silicon.hbmBandwidth"; breaker).
    const missing = REQUIRED_SPEC_KEYS.filter((path) => setRank(resolved, path) === 0);
    if (missing.length) {
      const names = missing.join(" and ");
      // A spec a `null` took back (a child of a file with both specs unsetting one) is what the user changed: the error
      // is at that null, not at the parent's line of the spec left (breaker).
      const unset = unsetByNull(resolved, missing, specs);
      errors.push(
        scenarioValueError(resolved, unset?.path ?? specKeys[0]!, {
          message: `a custom chip given by its specs needs ${names}`,
          expected: `${REQUIRED_SPEC_KEYS.join(" and ")} with the other specs`,
          found: `${specKeys[0]} without ${names}`,
          ...(unset
            ? {
                hint:
                  `to leave the custom chip to silicon.chip or silicon.relativeThroughput, take back its other specs ` +
                  `too: ${specKeys.map(unset.alike).join(", ")}`
              }
            : {})
        })
      );
    }
  }
  // A spec a sweep varies is checked at each point instead (specPointError), where its value is the point's: here it
  // holds its file's value or its grid's first, and an interior point with FP8 below BF16 was written (breaker).
  if (mode === "specs" && !variedKey(resolved, "silicon.bf16Flops") && !variedKey(resolved, "silicon.fp8Flops")) {
    const bf16 = resolved.values["silicon.bf16Flops"]?.value;
    const error = fp8BelowBf16Error(resolved, {bf16, fp8: resolved.values["silicon.fp8Flops"]?.value}, written);
    if (error) errors.push(error);
  }
  if (mode === "relative" && setRank(resolved, "silicon.servingFactor") > 0) {
    // A chip a `null` took back (`silicon.chip: null` under a parent's chip and factor): the error is at that null,
    // with the factor to take back too; it was at the parent's silicon.servingFactor line (breaker).
    const unset = unsetByNull(
      resolved,
      ["silicon.chip", ...CUSTOM_CHIP_SPEC_KEYS],
      setRank(resolved, "silicon.servingFactor")
    );
    errors.push(
      scenarioValueError(resolved, unset?.path ?? "silicon.servingFactor", {
        message: "silicon.servingFactor scales a custom chip given by silicon.chip or its specs, and none is given",
        expected: "silicon.chip or inline specs (silicon.bf16Flops, silicon.hbmBandwidth) beside it",
        found: unset ? `silicon.servingFactor ${written("silicon.servingFactor")}` : written("silicon.servingFactor"),
        ...(unset ? {hint: `take silicon.servingFactor back too: ${unset.alike("silicon.servingFactor")}`} : {})
      })
    );
  }
  return {mode, errors};
}

/**
 * FP8 below BF16 in a chip given by its specs, as data/hardware.csv's fp8_tflops (parseHardwareCsv.ts): a typo or a
 * swapped pair, and it ran (a chip at 0.48× an H100 instead of 0.86×; breaker). The error is at the value set more
 * directly (a child's over its parent's, a --set over the file's), as other cross-key checks are: a child raising
 * bf16Flops was blamed on its parent's fp8Flops (second-round breaker); `written` gives each value as the message
 * writes it; `atBf16` chooses the key. Undefined when either is unset or FP8 is at least BF16.
 */
function fp8BelowBf16Error(
  resolved: ResolvedScenario,
  {bf16, fp8}: {bf16: unknown; fp8: unknown},
  written: (path: string) => string,
  atBf16 = setRank(resolved, "silicon.bf16Flops") > setRank(resolved, "silicon.fp8Flops")
): UserError | undefined {
  if (typeof bf16 !== "number" || typeof fp8 !== "number" || fp8 >= bf16) return undefined;
  const hint = fp8BelowBf16Hint("values");
  return atBf16
    ? scenarioValueError(resolved, "silicon.bf16Flops", {
        message: "BF16 throughput above FP8",
        expected: `at most silicon.fp8Flops (${written("silicon.fp8Flops")})`,
        found: written("silicon.bf16Flops"),
        hint
      })
    : scenarioValueError(resolved, "silicon.fp8Flops", {
        message: "FP8 throughput below BF16",
        expected: `at least silicon.bf16Flops (${written("silicon.bf16Flops")})`,
        found: written("silicon.fp8Flops"),
        hint
      });
}

/**
 * customChipMode's check of FP8 against BF16 at one point of a sweep that varies either (customChipMode leaves it to
 * the points): the error at the varied key (or, both varied, as customChipMode places it), each value as a person
 * writes it (displayValue). The sweep adds the point and names --vary. Undefined when the point passes, or the chip is
 * not given by its specs.
 */
export function specPointError(
  bound: {resolved: ResolvedScenario; customChipMode: CustomChipMode},
  point: ScenarioPoint
): UserError | undefined {
  if (bound.customChipMode !== "specs") return undefined;
  const bf16Varied = variedKey(bound.resolved, "silicon.bf16Flops");
  const fp8Varied = variedKey(bound.resolved, "silicon.fp8Flops");
  if (!bf16Varied && !fp8Varied) return undefined;
  const values = {bf16: point["silicon.bf16Flops"], fp8: point["silicon.fp8Flops"]};
  const written = (path: string) => displayValue(path, point[path] ?? null);
  // At the key the grid moves when one is varied (the other, a --set, ranks as high but is not what changes).
  return bf16Varied === fp8Varied
    ? fp8BelowBf16Error(bound.resolved, values, written)
    : fp8BelowBf16Error(bound.resolved, values, written, bf16Varied);
}

/** Whether a sweep varies `path` (its value marked as set by --vary: sweepScenario.ts markVariedKeys). */
function variedKey(resolved: ResolvedScenario, path: string): boolean {
  const origin = resolved.values[path]?.origin;
  return origin?.kind === "override" && origin.flag === "--vary";
}

/**
 * The keys that describe the custom chip's die and package for its built-up price (src/silicon/chipUnitCost.ts) and
 * are read for nothing else; silicon.hbmStacks, silicon.hbmPerStack and silicon.partnerMargin are read besides.
 */
const DIE_ONLY_KEYS = [
  "silicon.dieArea",
  "silicon.node",
  "silicon.defectDensity",
  "silicon.yieldClustering",
  "silicon.hbmPrice",
  "silicon.packagingCost",
  "silicon.testCost",
  "silicon.boardCost"
] as const;

/** The die's first keys at their defaults, as a reason names them: "silicon.dieArea 800 mm², silicon.node n3". */
function dieDefaults(): string {
  return (["silicon.dieArea", "silicon.node"] as const)
    .map((path) => `${path} ${displayValue(path, scenarioKey(path)?.default ?? null)}`)
    .join(", ");
}

/** The keys that, set more directly than silicon.unitCost, make the custom chip's price the one built from its die. */
const DIE_DESCRIPTION_KEYS = [...DIE_ONLY_KEYS, "silicon.hbmStacks", "silicon.hbmPerStack"] as const;

/**
 * Whether silicon.unitCost gives the custom chip's price, or the price is built from its die: as for the chip's
 * throughput, the description set most directly wins, so a scenario that extends one with a unit cost (base,
 * asic-9-months) and describes a die (silicon.dieArea, silicon.node, …) gets the die's price instead of having its
 * die keys ignored (a sweep's varied keys count as overrides: sweepScenario.ts withVariedKeys). A die key and
 * silicon.unitCost set as directly (one file, two `--set`s, or both varied) is an error at the die key.
 */
export function customUnitCostMode(resolved: ResolvedScenario): {unitCostGivesPrice: boolean; errors: UserError[]} {
  const unitCost = setRank(resolved, "silicon.unitCost");
  const die = Math.max(0, ...DIE_DESCRIPTION_KEYS.map((path) => setRank(resolved, path)));
  const errors: UserError[] = [];
  const clash = DIE_ONLY_KEYS.find((path) => unitCost > 0 && setRank(resolved, path) === unitCost);
  if (clash) {
    errors.push(
      scenarioValueError(resolved, clash, {
        message: "the custom chip's price is either silicon.unitCost or built from its die, not both",
        expected: `silicon.unitCost, or the die keys (${DIE_ONLY_KEYS.join(", ")}), not both`,
        found: `${keyWithValue(resolved, clash)} and ${keyWithValue(resolved, "silicon.unitCost")}`
      })
    );
  }
  return {unitCostGivesPrice: unitCost > 0 && unitCost >= die, errors};
}

/**
 * The custom-chip keys a scenario sets that its evaluation does not read, each with the reason, because another
 * description set more directly wins (customChipMode, customUnitCostMode): an inherited silicon.unitCost when the die
 * is described more directly (the price is built from the die), die keys when silicon.unitCost is set more directly,
 * silicon.relativeThroughput beside a catalog row or specs, and the chip description the mode does not use. `run`
 * lists them apart from the assumptions it uses. With `defaults`, keys at their defaults that are not read as well.
 */
export function unreadCustomChipKeys(
  resolved: ResolvedScenario,
  {defaults = false}: {defaults?: boolean} = {}
): Record<string, string> {
  const unread: Record<string, string> = {};
  // With `defaults`, a key left at its default and not read is marked too (a comparison of its value with another
  // scenario's that is read says nothing about what either models).
  const mark = (paths: readonly string[], why: string) => {
    for (const path of paths) if (defaults || setRank(resolved, path) > 0) unread[path] = why;
  };
  const unitCostGivesPrice = customUnitCostMode(resolved).unitCostGivesPrice;
  if (unitCostGivesPrice) {
    mark(DIE_ONLY_KEYS, "the custom chip's price is silicon.unitCost, set more directly than its die");
  } else {
    // With no die key set (base unset by `--set silicon.unitCost=null`), the die is no description at all: the price
    // is built from the die keys' defaults, and "described more directly" said otherwise (helper item).
    const dieSet = DIE_DESCRIPTION_KEYS.some((path) => setRank(resolved, path) > 0);
    mark(
      ["silicon.unitCost"],
      dieSet
        ? "the custom chip's price is built from its die, described more directly"
        : `the custom chip's price is built from its die, every die key at its default (${dieDefaults()}, …)`
    );
  }
  const {mode} = customChipMode(resolved);
  const throughput = {
    relative: "the custom chip's throughput is silicon.relativeThroughput, set more directly",
    catalog: "the custom chip's throughput is derived from silicon.chip, set more directly",
    specs: "the custom chip's throughput is derived from its specs, set more directly"
  }[mode];
  if (mode !== "relative") mark(["silicon.relativeThroughput"], throughput);
  if (mode !== "catalog") mark(["silicon.chip"], throughput);
  if (mode !== "specs") mark(CUSTOM_CHIP_SPEC_KEYS, throughput);
  // The HBM stacks are read by the die's price and by a chip given by its specs: with neither, by nothing (`run`
  // listed silicon.hbmStacks among the assumptions it used beside a unit cost; breaker).
  if (unitCostGivesPrice && mode !== "specs") {
    mark(
      ["silicon.hbmStacks", "silicon.hbmPerStack"],
      "the custom chip's price is silicon.unitCost and its throughput is not built from its specs"
    );
  }
  return unread;
}

/**
 * The custom chip built from the inline spec keys at one point: FLOP/s by precision and HBM bandwidth as set, HBM
 * capacity silicon.hbmStacks × silicon.hbmPerStack (all of it usable: an assumption, a merchant part's runtime reports
 * about what it markets), power silicon.power, and the scale-up and scale-out links, host power and system overheads of
 * `merchant` (assumption: deployed in the same kind of server and network). Its calibration family is "other", the
 * pooled fit, as for every chip nobody has measured.
 */
export function customChipFromSpecs(point: ScenarioPoint, merchant: Hardware): Hardware {
  const optional = (path: string) => (typeof point[path] === "number" ? (point[path] as number) : null);
  const hbmBytes =
    num(point["silicon.hbmStacks"], "silicon.hbmStacks") * num(point["silicon.hbmPerStack"], "silicon.hbmPerStack");
  return {
    ...merchant,
    id: "custom-chip-specs",
    name: "Custom chip (the scenario's specs)",
    vendor: "Hypothetical",
    kind: "asic",
    family: "other",
    bf16FlopsPerS: num(point["silicon.bf16Flops"], "silicon.bf16Flops"),
    fp8FlopsPerS: optional("silicon.fp8Flops"),
    fp4FlopsPerS: optional("silicon.fp4Flops"),
    hbmBytes,
    hbmCapacityBytes: hbmBytes,
    hbmBandwidthBytesPerS: num(point["silicon.hbmBandwidth"], "silicon.hbmBandwidth"),
    powerW: num(point["silicon.power"], "silicon.power"),
    priceUsd: null,
    hourlyPriceUsd: null,
    estimated: ["all"],
    hypothetical: true,
    sourceTitle: "the scenario's silicon.* specs",
    sourceUrl: "",
    notes:
      "Built from silicon.bf16Flops, silicon.fp8Flops, silicon.fp4Flops, silicon.hbmBandwidth, silicon.hbmStacks × silicon.hbmPerStack and silicon.power; links as serving.hardware."
  };
}
