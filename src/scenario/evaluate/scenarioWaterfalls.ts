import {builtUpParts, chipUnitCost} from "../../silicon/chipUnitCost.js";
import {H100_UNIT_COST} from "../../silicon/h100UnitCost.js";
import type {ServingChipInput} from "../../strategy/servingChip.js";
import {tokenCostWaterfall, type WaterfallResult} from "../../tco/tokenCostWaterfall.js";
import type {ChipUnitCostResult} from "../../silicon/chipUnitCost.js";

/** The catalog chips whose manufacturing cost is built up from sourced parts (src/silicon/). */
const BUILT_UP_CHIPS: Readonly<Record<string, () => ChipUnitCostResult>> = {
  "h100-sxm": () => chipUnitCost(H100_UNIT_COST.input)
};

/** What scenarioWaterfalls reads from an evaluation (ScenarioEvaluation has all of it). */
export interface WaterfallSources {
  merchant: ServingChipInput;
  custom: ServingChipInput;
  customUnitCost: ChipUnitCostResult | null;
}

/**
 * The inference-tax waterfall (src/tco/tokenCostWaterfall.ts) of a scenario's merchant and custom chips, side by side,
 * at a list price (market.price): each chip at its own blended throughput, utilisation and ownership. The merchant's
 * silicon is itemised when serving.hardware is a chip built from parts (the H100), the custom chip's when
 * silicon.unitCost is not set (built from its die); otherwise that chip's cost of sales is one "other cost of sales"
 * bar. For the scenario pages' "merchant vs custom cost by part" and the custom-silicon chapter.
 */
export function scenarioWaterfalls(
  ev: WaterfallSources,
  hardwareId: string,
  listPriceUsdPerMTok: number
): {merchant: WaterfallResult; custom: WaterfallResult} {
  const merchantBuilt = BUILT_UP_CHIPS[hardwareId]?.() ?? null;
  const waterfall = (chip: ServingChipInput, built: ChipUnitCostResult | null) =>
    tokenCostWaterfall({
      chipHour: chip.chipHour,
      builtUpUsd: built ? builtUpParts(built) : null,
      tokensPerSecondPerChip: chip.tokensPerSecondPerChip,
      utilizationFraction: chip.utilizationFraction,
      listPriceUsdPerMTok
    });
  return {merchant: waterfall(ev.merchant, merchantBuilt), custom: waterfall(ev.custom, ev.customUnitCost)};
}
