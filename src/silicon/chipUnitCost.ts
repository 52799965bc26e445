import {grossDiesPerWafer} from "./diesPerWafer.js";
import {dieYield} from "./dieYield.js";

/**
 * What one accelerator costs to make, from the die up, and what its buyer pays a design partner:
 *
 *   good dies per wafer  = gross dies (diesPerWafer.ts) × yield (dieYield.ts)
 *   logic die            = wafer price ÷ good dies per wafer
 *   HBM                  = stacks × GB per stack × USD per GB
 *   packaged chip        = logic die + HBM + packaging (interposer, substrate, bonding) + test and assembly
 *   module               = packaged chip + board (PCB, voltage regulators, connectors)
 *   price                = module ÷ (1 − partner's gross margin)
 *
 * The partner's margin is a gross margin on the price, like a merchant vendor's (silicon.partnerMargin), so a 20%
 * margin adds cost × 0.2 / 0.8. Packaging and test are per packaged chip: a package that fails in assembly is not
 * modelled separately (its loss is inside the per-chip figures the sources give).
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

/** The parts of a chip's price, in display order; they sum to `priceUsd`. */
export const CHIP_COST_PARTS = ["logicDie", "hbm", "packaging", "testAssembly", "board", "partnerMargin"] as const;
export type ChipCostPart = (typeof CHIP_COST_PARTS)[number];

export interface ChipUnitCostResult {
  grossDiesPerWafer: number;
  /** Share of dies that work (0–1]. */
  yieldFraction: number;
  /** gross dies × yield (fractional: an expectation). */
  goodDiesPerWafer: number;
  /** USD per good logic die. */
  costPerGoodDieUsd: number;
  /** Die, HBM, packaging, test and assembly, USD. */
  packagedChipUsd: number;
  /** Packaged chip and its board, USD. */
  moduleUsd: number;
  /** What the buyer pays: module ÷ (1 − partner margin), USD. */
  priceUsd: number;
  /** USD by part; the parts sum to priceUsd. */
  breakdownUsd: Record<ChipCostPart, number>;
}

function requireNonNegative(value: number, what: string): void {
  if (!(value >= 0) || !Number.isFinite(value))
    throw new RangeError(`${what}: expected a finite number >= 0, found ${value}`);
}

/**
 * The unit cost of one chip and its parts.
 *
 * Throws: RangeError for a die beyond the reticle limit or a non-positive area (grossDiesPerWafer), a defect density
 * or α out of range (dieYield), a non-positive wafer price, a negative HBM, packaging, test or board figure, a
 * non-integer stack count, a partner margin outside [0, 1), or a die so large and defective that no die works.
 */
export function chipUnitCost(input: ChipUnitCostInput): ChipUnitCostResult {
  if (!(input.priceUsdPerWafer > 0) || !Number.isFinite(input.priceUsdPerWafer)) {
    throw new RangeError(`wafer price: expected USD per wafer > 0, found ${input.priceUsdPerWafer}`);
  }
  if (!Number.isInteger(input.hbmStacks) || input.hbmStacks < 0) {
    throw new RangeError(`HBM stacks: expected a whole number >= 0, found ${input.hbmStacks}`);
  }
  requireNonNegative(input.hbmGbPerStack, "HBM GB per stack");
  requireNonNegative(input.hbmUsdPerGb, "HBM USD per GB");
  requireNonNegative(input.packagingUsdPerChip, "packaging USD per chip");
  requireNonNegative(input.testAssemblyUsdPerChip, "test and assembly USD per chip");
  requireNonNegative(input.boardUsdPerChip, "board USD per chip");
  if (!(input.partnerMarginFraction >= 0 && input.partnerMarginFraction < 1)) {
    throw new RangeError(`partner margin: expected a fraction in [0, 1), found ${input.partnerMarginFraction}`);
  }
  const gross = grossDiesPerWafer({dieAreaMm2: input.dieAreaMm2});
  const yieldFraction = dieYield({
    dieAreaCm2: input.dieAreaMm2 / 100,
    defectDensityPerCm2: input.defectDensityPerCm2,
    clusteringAlpha: input.clusteringAlpha
  });
  const goodDiesPerWafer = gross * yieldFraction;
  if (!(goodDiesPerWafer > 0)) {
    throw new RangeError(
      `good dies per wafer: expected more than 0, found ${goodDiesPerWafer} (${gross} gross dies at ${yieldFraction} yield)`
    );
  }
  const logicDie = input.priceUsdPerWafer / goodDiesPerWafer;
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
    costPerGoodDieUsd: logicDie,
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
