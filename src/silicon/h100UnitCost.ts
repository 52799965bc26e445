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
      'estimate, $12.5–16/GB across four sources, none a contract price: Epoch AI\'s B200 bill of materials puts 192 GB of HBM3E at $2,800–3,100, i.e. $14.6–16.1/GB (reported by MyDrivers and FourWeekMBA; Epoch AI, AI Chip Components data, https://epoch.ai/data/ai-chip-components); Korean industry press (2025, summarised by reportify.ai, https://reportify.ai/social-media/685928508753013) prices an HBM3 stack "around $200" and an HBM3E stack "around $300", i.e. $12.5/GB for a 16 GB HBM3 or 24 GB HBM3E stack; Samsung\'s HBM4 at about $700 a stack, "20–30% above the previous generation" (Business Asia Times, 19 Feb 2026), puts a 36 GB HBM3E stack near $540–580, $15–16/GB; TrendForce gives only ratios: HBM "about five times" DDR5 per bit (press release, 6 May 2024, https://www.trendforce.com/presscenter/news/20240506-12125.html), narrowing to 1–2× by the end of 2026 (18 Dec 2025, https://www.trendforce.com/presscenter/news/20251218-12843.html). $15 is the middle of Epoch\'s range (first taken from a supply-chain post on OKX, "HBM3E price is $15 per GB in 2025")',
    packagingUsdPerChip:
      'estimate: a CoWoS wafer at $12,000 carrying 28 H100 packages = $429 (a supply-chain post on OKX, "H200 supply math 2026", https://web3.okx.com/id/discover/post/64639582664800: "each CoWoS wafer costs $12k", "one CoWoS wafer can yield 28 H100/H200"); the package count agrees with Taiwanese supply-chain press (Jan 2025: about 29 H100/H200 per CoWoS wafer, 16 B200); no foundry price is published; Morgan Stanley expected CoWoS prices to rise up to 20% into 2025 (as reported by Tom\'s Hardware, 2024); Epoch AI\'s B200 estimate puts its CoWoS-L package at $1,000–1,200: 2.3–2.8 times $429 for 1.8 times an H100\'s share of a wafer (16 packages a wafer against 29), CoWoS-L costing more per wafer',
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
