import {UserError} from "../errors/userError.js";
import {checkRange, checkRanges, formatBeyondBound, type RangeTable} from "../units/range.js";
import {grossDiesPerWafer, RETICLE_LIMIT_MM2} from "./diesPerWafer.js";
import {dieYield} from "./dieYield.js";

/**
 * What one accelerator costs to make, from the die up, and what its buyer pays a design partner:
 *
 *   good dies per wafer  = gross dies (diesPerWafer.ts) × yield (dieYield.ts)
 *   logic die            = wafer price ÷ good dies per wafer × logic dies per chip
 *   HBM                  = stacks × GB per stack × USD per GB
 *   packaged chip        = logic die + HBM + packaging (interposer, substrate, bonding) + test and assembly
 *   module               = packaged chip + board (PCB, voltage regulators, connectors)
 *   price                = module ÷ (1 − partner's gross margin)
 *
 * The partner's margin is a gross margin on the price, like a merchant vendor's (silicon.partnerMargin), so a 20%
 * margin adds cost × 0.2 / 0.8. Packaging and test are per packaged chip: a package that fails in assembly is not
 * modelled separately (its loss is inside the per-chip figures the sources give).
 *
 * A chip of several identical logic dies on one package (NVIDIA's B200: two) takes `logicDiesPerChip` in the options;
 * each die is yielded on its own (known-good dies are tested before packaging) and the logic-die part is their sum.
 */
export interface ChipUnitCostInput {
  /** Logic die area, mm²; in (0, 858]. */
  dieAreaMm2: number;
  /** Processed wafer price, USD per 300 mm wafer; > 0. */
  priceUsdPerWafer: number;
  /** Killer defects per cm²; >= 0. */
  defectDensityPerCm2: number;
  /** Yield clustering parameter α; > 0 (Infinity: Poisson). */
  clusteringAlpha: number;
  /** HBM stacks on the package; integer >= 0. */
  hbmStacks: number;
  /** Capacity of one stack, GB; >= 0. */
  hbmGbPerStack: number;
  /** HBM price, USD per GB; >= 0. */
  hbmUsdPerGb: number;
  /** Advanced packaging (interposer, substrate, bonding) per chip, USD; >= 0. */
  packagingUsdPerChip: number;
  /** Final test, burn-in and assembly per chip, USD; >= 0. */
  testAssemblyUsdPerChip: number;
  /** Board or module the packaged chip is mounted on, USD; >= 0. */
  boardUsdPerChip: number;
  /** Design partner's gross margin on the price, fraction; in [0, 1). */
  partnerMarginFraction: number;
}

/**
 * The range of every input (the scenario keys that set them share these): the die at most the reticle limit; a defect
 * density up to 2 /cm² (TSMC's nodes ramp from about 0.5 and settle near 0.1, AnandTech 2020); bounds on the money
 * figures far beyond any chip.
 */
export const CHIP_UNIT_COST_RANGES: RangeTable<ChipUnitCostInput> = {
  dieAreaMm2: {min: 0, max: RETICLE_LIMIT_MM2, minExclusive: true},
  priceUsdPerWafer: {min: 0, max: 1e6, minExclusive: true},
  defectDensityPerCm2: {min: 0, max: 2},
  clusteringAlpha: {min: 0, max: 1e6, minExclusive: true},
  hbmStacks: {min: 0, max: 64, integer: true},
  hbmGbPerStack: {min: 0, max: 1000},
  hbmUsdPerGb: {min: 0, max: 1000},
  packagingUsdPerChip: {min: 0, max: 1e5},
  testAssemblyUsdPerChip: {min: 0, max: 1e5},
  boardUsdPerChip: {min: 0, max: 1e5},
  partnerMarginFraction: {min: 0, max: 1, maxExclusive: true}
};

/**
 * The lowest die yield the model accepts: below 1% of dies working no product is made (assumption; the largest dies
 * on a new node are reported at tens of per cent).
 */
export const MIN_DIE_YIELD_FRACTION = 0.01;

/** The parts of a chip's price, in display order; they sum to `priceUsd`. */
export const CHIP_COST_PARTS = ["logicDie", "hbm", "packaging", "testAssembly", "board", "partnerMargin"] as const;
export type ChipCostPart = (typeof CHIP_COST_PARTS)[number];

/** How the chip is assembled, beyond its parts' prices. */
export interface ChipUnitCostOptions {
  /** Identical logic dies on one package, each of `dieAreaMm2`; integer in [1, 16]; default 1. */
  logicDiesPerChip?: number;
}

/** The range of ChipUnitCostOptions.logicDiesPerChip (AMD's MI300X carries 8 compute dies; 16 leaves room). */
export const LOGIC_DIES_PER_CHIP_RANGE = {min: 1, max: 16, integer: true} as const;

export interface ChipUnitCostResult {
  grossDiesPerWafer: number;
  /** Share of dies that work (0–1]. */
  yieldFraction: number;
  /** gross dies × yield (fractional: an expectation). */
  goodDiesPerWafer: number;
  /** USD per good logic die (one die, however many the chip has). */
  costPerGoodDieUsd: number;
  /** Logic dies on the package. */
  logicDiesPerChip: number;
  /** Die, HBM, packaging, test and assembly, USD. */
  packagedChipUsd: number;
  /** Packaged chip and its board, USD. */
  moduleUsd: number;
  /** What the buyer pays: module ÷ (1 − partner margin), USD. */
  priceUsd: number;
  /** USD by part; the parts sum to priceUsd. */
  breakdownUsd: Record<ChipCostPart, number>;
}

/**
 * The unit cost of one chip and its parts.
 *
 * Throws: UserError naming the input (`dieAreaMm2`, …) for a value outside CHIP_UNIT_COST_RANGES (a die beyond the
 * reticle limit, a defect density above 2 /cm²) or `logicDiesPerChip` outside [1, 16], or naming `dieYieldFraction`
 * when fewer than 1% of dies work.
 */
export function chipUnitCost(input: ChipUnitCostInput, options: ChipUnitCostOptions = {}): ChipUnitCostResult {
  checkRanges(input, CHIP_UNIT_COST_RANGES);
  const {logicDiesPerChip = 1} = options;
  checkRange("logicDiesPerChip", logicDiesPerChip, LOGIC_DIES_PER_CHIP_RANGE);
  const gross = grossDiesPerWafer({dieAreaMm2: input.dieAreaMm2});
  const yieldFraction = dieYield({
    dieAreaCm2: input.dieAreaMm2 / 100,
    defectDensityPerCm2: input.defectDensityPerCm2,
    clusteringAlpha: input.clusteringAlpha
  });
  const goodDiesPerWafer = gross * yieldFraction;
  if (!(yieldFraction >= MIN_DIE_YIELD_FRACTION) || !(goodDiesPerWafer > 0)) {
    throw new UserError({
      path: "dieYieldFraction",
      message: "too few dies work",
      expected: `a die yield of at least ${MIN_DIE_YIELD_FRACTION * 100}% (fewer defects per die: a smaller die or a lower defect density)`,
      found: `${formatBeyondBound(yieldFraction * 100, MIN_DIE_YIELD_FRACTION * 100)}% of ${gross} dies per wafer`
    });
  }
  const costPerGoodDieUsd = input.priceUsdPerWafer / goodDiesPerWafer;
  const logicDie = costPerGoodDieUsd * logicDiesPerChip;
  const hbm = input.hbmStacks * input.hbmGbPerStack * input.hbmUsdPerGb;
  const packaging = input.packagingUsdPerChip;
  const testAssembly = input.testAssemblyUsdPerChip;
  const board = input.boardUsdPerChip;
  const packagedChipUsd = logicDie + hbm + packaging + testAssembly;
  const moduleUsd = packagedChipUsd + board;
  const partnerMargin = (moduleUsd * input.partnerMarginFraction) / (1 - input.partnerMarginFraction);
  return {
    grossDiesPerWafer: gross,
    yieldFraction,
    goodDiesPerWafer,
    costPerGoodDieUsd,
    logicDiesPerChip,
    packagedChipUsd,
    moduleUsd,
    priceUsd: moduleUsd + partnerMargin,
    breakdownUsd: {logicDie, hbm, packaging, testAssembly, board, partnerMargin}
  };
}

/**
 * A chip's built-up cost as the inference-tax waterfall takes it (src/tco/tokenCostWaterfall.ts): the logic die, the
 * HBM, and packaging with test, assembly and board together, USD per chip.
 */
export function builtUpParts(cost: ChipUnitCostResult): {logicDie: number; hbm: number; packagingAndTest: number} {
  const b = cost.breakdownUsd;
  return {logicDie: b.logicDie, hbm: b.hbm, packagingAndTest: b.packaging + b.testAssembly + b.board};
}
