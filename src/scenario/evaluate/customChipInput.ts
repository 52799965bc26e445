// The custom chip's unit cost built from its die (src/silicon/chipUnitCost.ts) at one point, beside its reverse key map
// (model input → scenario key; see modelKeys.ts). Used when silicon.unitCost is not set.
import type {ChipUnitCostInput} from "../../silicon/chipUnitCost.js";
import {waferPrice} from "../../silicon/waferPrices.js";
import {GIGA} from "../../units/si.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import {computedFrom, num, type ModelKeys} from "./modelKeys.js";

/** The keys the built-up unit cost is computed from, in the order an error names them. */
export const CUSTOM_CHIP_COST_KEY_PATHS = [
  "silicon.dieArea",
  "silicon.node",
  "silicon.defectDensity",
  "silicon.yieldClustering",
  "silicon.hbmStacks",
  "silicon.hbmPerStack",
  "silicon.hbmPrice",
  "silicon.packagingCost",
  "silicon.testCost",
  "silicon.boardCost",
  "silicon.partnerMargin"
] as const;

export function customChipCostInput(point: ScenarioPoint): ChipUnitCostInput {
  const node = point["silicon.node"];
  if (typeof node !== "string") throw new Error("scenario key silicon.node has no node id");
  return {
    dieAreaMm2: num(point["silicon.dieArea"], "silicon.dieArea"),
    priceUsdPerWafer: waferPrice(node).priceUsdPerWafer,
    defectDensityPerCm2: num(point["silicon.defectDensity"], "silicon.defectDensity"),
    clusteringAlpha: num(point["silicon.yieldClustering"], "silicon.yieldClustering"),
    hbmStacks: num(point["silicon.hbmStacks"], "silicon.hbmStacks"),
    hbmGbPerStack: num(point["silicon.hbmPerStack"], "silicon.hbmPerStack") / GIGA,
    hbmUsdPerGb: num(point["silicon.hbmPrice"], "silicon.hbmPrice"),
    packagingUsdPerChip: num(point["silicon.packagingCost"], "silicon.packagingCost"),
    testAssemblyUsdPerChip: num(point["silicon.testCost"], "silicon.testCost"),
    boardUsdPerChip: num(point["silicon.boardCost"], "silicon.boardCost"),
    partnerMarginFraction: num(point["silicon.partnerMargin"], "silicon.partnerMargin")
  };
}

export const CUSTOM_CHIP_COST_KEYS: ModelKeys = {
  dieAreaMm2: "silicon.dieArea",
  priceUsdPerWafer: "silicon.node",
  defectDensityPerCm2: "silicon.defectDensity",
  clusteringAlpha: "silicon.yieldClustering",
  hbmStacks: "silicon.hbmStacks",
  hbmGbPerStack: "silicon.hbmPerStack",
  hbmUsdPerGb: "silicon.hbmPrice",
  packagingUsdPerChip: "silicon.packagingCost",
  testAssemblyUsdPerChip: "silicon.testCost",
  boardUsdPerChip: "silicon.boardCost",
  partnerMarginFraction: "silicon.partnerMargin",
  dieYieldFraction: computedFrom("silicon.dieArea", "silicon.defectDensity", "silicon.yieldClustering")
};
