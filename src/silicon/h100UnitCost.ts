import type {ChipUnitCostInput} from "./chipUnitCost.js";
import {waferPrice} from "./waferPrices.js";

/** A chip-cost input with the source of every field. */
export interface SourcedChipCost {
  readonly input: ChipUnitCostInput;
  /** Where each field comes from: a citation, or "assumption: …" with what it rests on. */
  readonly sources: {readonly [K in keyof ChipUnitCostInput]: string};
}

/**
 * NVIDIA H100 SXM5 built from its parts, each input from its own source (none from the estimate it is checked
 * against: Raymond James's ~$3,320, August 2023, via Tae Kim / TechSpot; Epoch AI's h100_manufacturing_cost notebook).
 */
export const H100_UNIT_COST: SourcedChipCost = {
  input: {
    dieAreaMm2: 814,
    priceUsdPerWafer: waferPrice("n4").priceUsdPerWafer,
    defectDensityPerCm2: 0.1,
    clusteringAlpha: 3,
    hbmStacks: 5,
    hbmGbPerStack: 16,
    hbmUsdPerGb: 15,
    packagingUsdPerChip: 12000 / 28,
    testAssemblyUsdPerChip: 150,
    boardUsdPerChip: 250,
    partnerMarginFraction: 0
  },
  sources: {
    dieAreaMm2: 'GH100 die 814 mm² on TSMC 4N (NVIDIA, "NVIDIA H100 Tensor Core GPU Architecture" whitepaper, 2022)',
    priceUsdPerWafer: waferPrice("n4").source,
    defectDensityPerCm2:
      'TSMC N5 at 0.10–0.11 defects/cm², "expects to go below 0.10" (AnandTech, "Better Yield on 5nm than 7nm: TSMC Update on Defect Rates for N5", 2020, https://www.anandtech.com/show/16028)',
    clusteringAlpha:
      "assumption: α = 3, moderate clustering, within the 0.5–5 usually fitted (Cunningham 1990); α = ∞ is Poisson",
    hbmStacks: "H100 SXM5: five active HBM3 stacks, 80 GB (NVIDIA H100 whitepaper, 2022)",
    hbmGbPerStack: "80 GB ÷ 5 stacks (NVIDIA H100 whitepaper, 2022)",
    hbmUsdPerGb:
      'estimate: "HBM3E price is $15 per GB in 2025" (a supply-chain post on OKX, "H200 supply math 2026", https://web3.okx.com/id/discover/post/64639582664800); TrendForce puts HBM\'s unit price at "about five times that of DDR5" (TrendForce press release, 6 May 2024, https://www.trendforce.com/presscenter/news/20240506-12125.html) and expects HBM3e\'s premium over server DDR5 to narrow from 4–5× to 1–2× by the end of 2026 (18 Dec 2025, https://www.trendforce.com/presscenter/news/20251218-12843.html); siliconanalysts.com\'s packaging model (Feb 2026) takes $200–500 per stack, i.e. $12.5–31/GB for a 16 GB HBM3 stack and $8.3–21/GB for a 24 GB HBM3E stack, which brackets $15; no contract price is published',
    packagingUsdPerChip:
      'estimate: "each CoWoS wafer costs $12k" and "one CoWoS wafer can yield 28 H100/H200" (same OKX post); within the $300–2,000 per unit of siliconanalysts.com\'s packaging model (2026)',
    testAssemblyUsdPerChip:
      "assumption: $150 for final test, burn-in and assembly of a 700 W part; no published figure found",
    boardUsdPerChip:
      "assumption: $250 for the SXM5 module board, voltage regulators and connectors; no published figure found",
    partnerMarginFraction: "NVIDIA designs its own chip: no design partner"
  }
};

/** The published estimate the H100 build-up is checked against, USD. */
export const H100_PUBLISHED_COST_USD = 3320;
export const H100_PUBLISHED_COST_SOURCE =
  'Raymond James via Tae Kim (Barron\'s), Aug 2023: "it costs Nvidia $3,320 to make a H100", HBM included (TechSpot, https://www.techspot.com/news/99839-nvidia-garners-reported-1000-profit-each-h100-gpu.html; Epoch AI training-cost-trends, h100_manufacturing_cost.ipynb)';
