import type {Hardware} from "../../catalog/hardware.js";
import type {ChipHourCostInput} from "../../tco/chipHourCost.js";
import {catalogChipSystem, type ChipSystem} from "../../tco/chipSystem.js";
import type {ServingChipInput} from "../../strategy/servingChip.js";
import {scenarioErrorAtCause} from "../file/scenarioErrors.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import type {BoundScenario} from "./bindScenario.js";
import {computedFrom, num, type ModelKeys} from "./modelKeys.js";
import {SERVING_THROUGHPUT_KEYS} from "./demandInput.js";
import {CUSTOM_CHIP_THROUGHPUT_KEYS} from "./customChipSpec.js";

/**
 * The ownership inputs every chip shares (power, facility, finance): a chip-hour input without price, power, margin,
 * and with the system overheads as overrides: null (the default) takes each chip's catalog figures (catalogChipSystem).
 */
export type SharedOwnership = Omit<
  ChipHourCostInput,
  "chipPriceUsd" | "chipPowerW" | "vendorGrossMarginFraction" | "systemOverheadFraction" | "hostPowerFraction"
> & {systemOverheadFraction: number | null; hostPowerFraction: number | null};

/** A key that may be unset (null): its number, or null. */
function optionalNum(value: ScenarioPoint[string] | undefined, path: string): number | null {
  return value === null || value === undefined ? null : num(value, path);
}

/** Reads the shared ownership keys once per point (the merchant, custom and training chips use them). */
export function sharedOwnership(point: ScenarioPoint): SharedOwnership {
  return {
    systemOverheadFraction: optionalNum(point["finance.systemOverhead"], "finance.systemOverhead"),
    hostPowerFraction: optionalNum(point["power.hostOverhead"], "power.hostOverhead"),
    averageDrawFraction: num(point["power.averageDraw"], "power.averageDraw"),
    pue: num(point["power.pue"], "power.pue"),
    electricityUsdPerKwh: num(point["power.electricity"], "power.electricity"),
    facilityCapexUsdPerMw: num(point["finance.facilityCapexPerMw"], "finance.facilityCapexPerMw"),
    facilityLifeYears: num(point["finance.facilityLife"], "finance.facilityLife"),
    costOfCapitalPerYear: num(point["finance.costOfCapital"], "finance.costOfCapital"),
    usefulLifeYears: num(point["finance.usefulLife"], "finance.usefulLife"),
    operationsUsdPerChipHour: num(point["finance.operationsPerChipHour"], "finance.operationsPerChipHour")
  };
}

/**
 * A chip-hour cost input: the shared ownership keys plus one chip's price (USD), board power (W), seller's margin
 * and its system overheads (catalog figures, or the chip the custom silicon is compared with), each overridden by
 * finance.systemOverhead / power.hostOverhead when the scenario sets them.
 */
export function chipHourInput(
  shared: SharedOwnership,
  chipPriceUsd: number,
  chipPowerW: number,
  vendorGrossMarginFraction: number,
  system: ChipSystem
): ChipHourCostInput {
  return {
    chipPriceUsd,
    systemOverheadFraction: shared.systemOverheadFraction ?? system.systemOverheadFraction,
    chipPowerW,
    hostPowerFraction: shared.hostPowerFraction ?? system.hostPowerFraction,
    averageDrawFraction: shared.averageDrawFraction,
    pue: shared.pue,
    electricityUsdPerKwh: shared.electricityUsdPerKwh,
    facilityCapexUsdPerMw: shared.facilityCapexUsdPerMw,
    facilityLifeYears: shared.facilityLifeYears,
    costOfCapitalPerYear: shared.costOfCapitalPerYear,
    usefulLifeYears: shared.usefulLifeYears,
    operationsUsdPerChipHour: shared.operationsUsdPerChipHour,
    vendorGrossMarginFraction
  };
}

/**
 * The merchant chip's purchase price, USD: hardware.price when set, else the catalog's; an error at hardware.price
 * when neither exists.
 */
export function merchantChipPriceUsd(bound: BoundScenario, point: ScenarioPoint): number {
  const price = typeof point["hardware.price"] === "number" ? point["hardware.price"] : bound.hardware.priceUsd;
  if (price !== null) return price;
  // The chip the scenario (or a --set, or a share link) picked has no price: blame whichever of the two was changed.
  throw scenarioErrorAtCause(bound.resolved, ["hardware.price", "serving.hardware"], {
    message: `${bound.hardware.id} has no purchase price in data/hardware.csv`,
    expected: "hardware.price set in the scenario (e.g. `hardware.price: 25000 USD`)",
    found: "nothing"
  });
}

/** The merchant chip's chip-hour input: catalog power, the merchant price, finance.vendorGrossMargin. */
export function merchantChipHour(
  bound: BoundScenario,
  point: ScenarioPoint,
  shared: SharedOwnership,
  chipPriceUsd: number
): ChipHourCostInput {
  const margin = num(point["finance.vendorGrossMargin"], "finance.vendorGrossMargin");
  return chipHourInput(shared, chipPriceUsd, bound.hardware.powerW, margin, catalogChipSystem(bound.hardware));
}

/** A catalog chip's chip-hour input at a price, with its own system overheads (training, chip comparisons, CLI). */
export function catalogChipHour(
  shared: SharedOwnership,
  hardware: Hardware,
  chipPriceUsd: number,
  vendorGrossMarginFraction: number
): ChipHourCostInput {
  return chipHourInput(shared, chipPriceUsd, hardware.powerW, vendorGrossMarginFraction, catalogChipSystem(hardware));
}

/**
 * The two serving chips the strategy models compare: the merchant chip at its blended rate and the custom chip
 * (silicon.*, at `customChipPriceUsd`: silicon.unitCost or its built-up price) at `customRelativeThroughput` × that
 * rate (silicon.relativeThroughput, or derived from silicon.chip or its specs), each at its own utilisation; the custom
 * chip's server and network are customSystemUsd. The custom chip has no catalog row: it takes the merchant chip's host
 * power (assumption: it is deployed in the same kind of server and network), unless power.hostOverhead is set.
 */
export function servingChips(
  point: ScenarioPoint,
  shared: SharedOwnership,
  merchantHour: ChipHourCostInput,
  blendedTokensPerSecondPerChip: number,
  customChipPriceUsd: number,
  customRelativeThroughput: number
): {merchant: ServingChipInput; custom: ServingChipInput} {
  const merchant: ServingChipInput = {
    chipHour: merchantHour,
    tokensPerSecondPerChip: blendedTokensPerSecondPerChip,
    utilizationFraction: num(point["serving.utilization"], "serving.utilization")
  };
  const custom: ServingChipInput = {
    chipHour: chipHourInput(
      shared,
      customChipPriceUsd,
      num(point["silicon.power"], "silicon.power"),
      num(point["silicon.partnerMargin"], "silicon.partnerMargin"),
      {systemOverheadFraction: merchantHour.systemOverheadFraction, hostPowerFraction: merchantHour.hostPowerFraction}
    ),
    tokensPerSecondPerChip: blendedTokensPerSecondPerChip * customRelativeThroughput,
    utilizationFraction: num(point["silicon.utilization"], "silicon.utilization")
  };
  // The custom chip's server and network are in USD (customSystemUsd), not finance.systemOverhead × its price.
  custom.chipHour.systemOverheadFraction =
    customSystemUsd(point, merchantHour, customChipPriceUsd) / customChipPriceUsd;
  return {merchant, custom};
}

/**
 * Server and cluster network bought with each custom chip, USD per chip: silicon.systemCost when set; otherwise at least
 * what the merchant chip it replaces comes with (its price × its system overhead: $31,120 × 0.50 = $15,560 for an HGX
 * H100, data/hardware.csv), because host CPUs, memory, NICs and switches do not get cheaper with the accelerator, and
 * the custom chip's price × the same fraction when that is more (a dearer chip). Independent of the custom chip's price
 * below the merchant's: a chip bought near cost is not also given a server at a fraction of its cost.
 */
export function customSystemUsd(
  point: ScenarioPoint,
  merchantHour: ChipHourCostInput,
  customChipPriceUsd: number
): number {
  const set = point["silicon.systemCost"];
  if (typeof set === "number") return set;
  return Math.max(customChipPriceUsd, merchantHour.chipPriceUsd) * merchantHour.systemOverheadFraction;
}

/** The chip-hour cost inputs (src/tco/chipHourCost.ts) → scenario keys, for the merchant or the custom chip. */
export function chipHourKeys(prefix: string, chip: "merchant" | "custom"): ModelKeys {
  const merchant = chip === "merchant";
  const hour = (field: string) => (prefix ? `${prefix}.${field}` : field);
  return {
    [hour("chipPriceUsd")]: merchant ? "hardware.price" : "silicon.unitCost",
    [hour("systemOverheadFraction")]: merchant
      ? "(finance.systemOverhead)"
      : computedFrom("silicon.systemCost", "silicon.unitCost", "finance.systemOverhead", "hardware.price"),
    [hour("chipPowerW")]: merchant ? "serving.hardware" : "silicon.power",
    [hour("hostPowerFraction")]: "(power.hostOverhead)",
    [hour("averageDrawFraction")]: "power.averageDraw",
    [hour("pue")]: "power.pue",
    [hour("electricityUsdPerKwh")]: "power.electricity",
    [hour("facilityCapexUsdPerMw")]: "finance.facilityCapexPerMw",
    [hour("facilityLifeYears")]: "finance.facilityLife",
    [hour("costOfCapitalPerYear")]: "finance.costOfCapital",
    [hour("usefulLifeYears")]: "finance.usefulLife",
    [hour("operationsUsdPerChipHour")]: "finance.operationsPerChipHour",
    [hour("vendorGrossMarginFraction")]: merchant ? "finance.vendorGrossMargin" : "silicon.partnerMargin"
  };
}

/** A ServingChipInput's fields (`merchant.chipHour.pue`, `custom.utilizationFraction`) → scenario keys. */
export function servingChipKeys(chip: "merchant" | "custom"): ModelKeys {
  const merchant = chip === "merchant";
  return {
    ...chipHourKeys(`${chip}.chipHour`, chip),
    [`${chip}.tokensPerSecondPerChip`]: merchant
      ? computedFrom(...SERVING_THROUGHPUT_KEYS)
      : computedFrom(...CUSTOM_CHIP_THROUGHPUT_KEYS, ...SERVING_THROUGHPUT_KEYS),
    [`${chip}.utilizationFraction`]: merchant ? "serving.utilization" : "silicon.utilization"
  };
}
