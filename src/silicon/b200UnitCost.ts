import type {SourcedChipCost} from "./h100UnitCost.js";
import {H100_UNIT_COST} from "./h100UnitCost.js";

/** A chip of several identical logic dies, built from sourced parts (chipUnitCost's `logicDiesPerChip`). */
export interface SourcedMultiDieChipCost extends SourcedChipCost {
  /** Identical logic dies on the package. */
  readonly logicDiesPerChip: number;
  readonly logicDiesPerChipSource: string;
}

const MORGAN_STANLEY_2025 =
  'Morgan Stanley note (2024) on TSMC\'s 2025 prices, as reported by Tom\'s Hardware, "TSMC may increase wafer pricing by 10% for 2025": 4nm-class wafers "from around $18,000 per wafer to around $20,000", and CoWoS prices up to 20% higher';

/**
 * NVIDIA B200 built from its parts, the second merchant chip after the H100 (h100UnitCost.ts), each input from its own
 * source and none from the estimate it is checked against (Epoch AI's ~$6,400, B200_PUBLISHED_COST_USD). Prices are
 * those of 2025, the B200's volume year.
 */
export const B200_UNIT_COST: SourcedMultiDieChipCost = {
  logicDiesPerChip: 2,
  logicDiesPerChipSource:
    'two GPU dies joined by a 10 TB/s die-to-die link in one package (NVIDIA, "NVIDIA Blackwell Architecture Technical Brief", 2024: "two reticle-limited dies")',
  input: {
    dieAreaMm2: 800,
    priceUsdPerWafer: 20000,
    defectDensityPerCm2: H100_UNIT_COST.input.defectDensityPerCm2,
    clusteringAlpha: H100_UNIT_COST.input.clusteringAlpha,
    hbmStacks: 8,
    hbmGbPerStack: 24,
    hbmUsdPerGb: 300 / 24,
    packagingUsdPerChip: (12000 * 1.2) / 16,
    testAssemblyUsdPerChip: H100_UNIT_COST.input.testAssemblyUsdPerChip,
    boardUsdPerChip: H100_UNIT_COST.input.boardUsdPerChip,
    partnerMarginFraction: 0
  },
  sources: {
    dieAreaMm2:
      'assumption: 800 mm² per die; NVIDIA publishes no die area, only "reticle-limited" (Blackwell technical brief, 2024), and SemiAnalysis calls them "2 reticle-sized GPU dies" ("Nvidia B100, B200, GB200 – COGS, Pricing, Margins, Ramp", 18 Mar 2024); 800 mm² sits between the H100\'s 814 mm² and the 858 mm² reticle field',
    priceUsdPerWafer: `estimate: $20,000 for a 4nm-class (4NP) wafer in 2025, ${MORGAN_STANLEY_2025}`,
    defectDensityPerCm2: `4NP is an N5-family node, mature by 2025: ${H100_UNIT_COST.sources.defectDensityPerCm2}`,
    clusteringAlpha: H100_UNIT_COST.sources.clusteringAlpha,
    hbmStacks: "eight HBM3E stacks, 192 GB (NVIDIA Blackwell technical brief, 2024; DGX B200 exposes 180 GB of them)",
    hbmGbPerStack: "192 GB ÷ 8 stacks = 24 GB, an 8-high HBM3E stack",
    hbmUsdPerGb:
      'estimate: "around $300" per HBM3E stack and "around $200" per HBM3 stack, against "over $600" for 12-high HBM4 (Korean industry press, 2025, as summarised by reportify.ai, https://reportify.ai/social-media/685928508753013): $300 ÷ 24 GB = $12.5/GB for the B200\'s 8-high stacks; chosen over the $15/GB the H100 takes because it prices this exact part and does not come from the estimate checked against',
    packagingUsdPerChip:
      "estimate: a CoWoS wafer at $12,000 (the H100's source) raised 20% for 2025 (Morgan Stanley, as above), ÷ 16 B200 packages per wafer (\"only 16 B200 per 12-inch wafer\" against about 29 H100/H200, Taiwanese supply-chain press on NVIDIA's 2025 CoWoS bookings, Jan 2025) = $900; assumption: CoWoS-L priced per wafer as CoWoS-S",
    testAssemblyUsdPerChip: `${H100_UNIT_COST.sources.testAssemblyUsdPerChip}; the H100's figure for a 1,000 W part`,
    boardUsdPerChip: `${H100_UNIT_COST.sources.boardUsdPerChip}; the H100's figure for the B200's module board`,
    partnerMarginFraction: "NVIDIA designs its own chip: no design partner"
  }
};

/** The published estimate the B200 build-up is checked against, USD, and its 90% range. */
export const B200_PUBLISHED_COST_USD = 6400;
export const B200_PUBLISHED_COST_RANGE_USD = [5700, 7300] as const;
export const B200_PUBLISHED_COST_SOURCE =
  'Epoch AI\'s B200 bill of materials: about $6,400 ($5,700–7,300): HBM3E $2,900 ($2,800–3,100), packaging $1,100 ($1,000–1,200), packaging yield loss about $1,000–1,100, logic dies $900 ($720–1,200), other parts about $480–500 (as reported by MyDrivers/快科技 and by FourWeekMBA, "The $6,400 Chip That Sells for $40,000"; Epoch AI, AI Chip Components data, https://epoch.ai/data/ai-chip-components)';
