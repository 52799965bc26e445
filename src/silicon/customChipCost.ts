import type {ChipUnitCostInput} from "./chipUnitCost.js";
import type {SourcedChipCost} from "./h100UnitCost.js";
import {H100_UNIT_COST} from "./h100UnitCost.js";
import {waferPrice} from "./waferPrices.js";

/** The four inputs the custom-silicon chapter lets a reader move; the rest come from CUSTOM_CHIP_COST. */
export interface CustomChipChoices {
  /** Logic die area, mm²; in (0, 858]. */
  dieAreaMm2: number;
  /** Process node id with a wafer price (waferPrices.ts). */
  node: string;
  /** HBM stacks; integer >= 0. */
  hbmStacks: number;
  /** Design partner's gross margin, fraction; in [0, 1). */
  partnerMarginFraction: number;
}

/**
 * A roughly reticle-sized custom inference chip (the story's chip, DESIGN.md), built from the same sourced part
 * prices as the H100 (h100UnitCost.ts) where the part is the same, each field's source beside it.
 */
export const CUSTOM_CHIP_COST: SourcedChipCost = {
  input: {
    ...H100_UNIT_COST.input,
    dieAreaMm2: 800,
    priceUsdPerWafer: waferPrice("n3").priceUsdPerWafer,
    hbmStacks: 4,
    hbmGbPerStack: 24,
    partnerMarginFraction: 0
  },
  sources: {
    ...H100_UNIT_COST.sources,
    dieAreaMm2: "assumption: a roughly reticle-sized inference die, just under the 858 mm² reticle limit",
    priceUsdPerWafer: `assumption: a 2025–26 design on N3; ${waferPrice("n3").source}`,
    defectDensityPerCm2: `assumption: N3 at N5's mature defect density; ${H100_UNIT_COST.sources.defectDensityPerCm2}`,
    hbmStacks: "assumption: four stacks, as Trainium2's 96 GiB (AWS Neuron docs, trainium2.rst)",
    hbmGbPerStack: "HBM3E 8-high stack: 24 GB (siliconanalysts.com HBM technology table, 2026)",
    partnerMarginFraction: "silicon.partnerMargin: 0 = bought at cost (assumption of the bundled scenarios)"
  }
};

/** The custom chip's cost input with the reader's four choices applied. Throws as waferPrice for an unknown node. */
export function customChipCostInput(choices: CustomChipChoices): ChipUnitCostInput {
  return {
    ...CUSTOM_CHIP_COST.input,
    dieAreaMm2: choices.dieAreaMm2,
    priceUsdPerWafer: waferPrice(choices.node).priceUsdPerWafer,
    hbmStacks: choices.hbmStacks,
    partnerMarginFraction: choices.partnerMarginFraction
  };
}
