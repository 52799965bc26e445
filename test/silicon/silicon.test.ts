import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {CHIP_COST_PARTS, chipUnitCost, type ChipUnitCostInput} from "../../src/silicon/chipUnitCost.js";
import {grossDiesPerWafer, RETICLE_LIMIT_MM2} from "../../src/silicon/diesPerWafer.js";
import {dieYield, poissonYield} from "../../src/silicon/dieYield.js";
import {H100_PUBLISHED_COST_USD, H100_UNIT_COST} from "../../src/silicon/h100UnitCost.js";
import {
  B200_PUBLISHED_COST_RANGE_USD,
  B200_PUBLISHED_COST_USD,
  B200_UNIT_COST
} from "../../src/silicon/b200UnitCost.js";
import {waferPrice, WAFER_PRICES} from "../../src/silicon/waferPrices.js";

describe("gross dies per wafer", () => {
  it("fits 61 dies of 840 mm² on a 300 mm wafer", () => {
    // π·150²/840 − π·300/√1680 = 84.15 − 22.99 = 61.16 → 61 (hand derivation; issue 16's must-show figure)
    expect(grossDiesPerWafer({dieAreaMm2: 840})).toBe(61);
  });

  it("fits 63 H100-sized dies (814 mm²)", () => {
    // 86.84 − 23.36 = 63.48 → 63
    expect(grossDiesPerWafer({dieAreaMm2: 814})).toBe(63);
  });

  it("refuses a die beyond the 858 mm² reticle limit, naming it", () => {
    expect(() => grossDiesPerWafer({dieAreaMm2: 900})).toThrow(/reticle limit of 858 mm².*found 900/);
    expect(() => grossDiesPerWafer({dieAreaMm2: 0})).toThrow(RangeError);
  });

  it("never gives more dies to a larger die", () => {
    fc.assert(
      fc.property(
        fc.double({min: 1, max: RETICLE_LIMIT_MM2, noNaN: true}),
        fc.double({min: 0, max: 200, noNaN: true}),
        (a, d) => {
          const b = Math.min(RETICLE_LIMIT_MM2, a + d);
          return grossDiesPerWafer({dieAreaMm2: b}) <= grossDiesPerWafer({dieAreaMm2: a});
        }
      )
    );
  });
});

describe("die yield", () => {
  it("is 0.263 for 8.4 cm² at 0.2 defects/cm², α = 3 (negative binomial)", () => {
    // (1 + 8.4 × 0.2 / 3)^−3 = 1.56^−3 = 0.2634 (hand derivation; issue 16's must-show figure)
    expect(dieYield({dieAreaCm2: 8.4, defectDensityPerCm2: 0.2, clusteringAlpha: 3})).toBeCloseTo(0.263, 3);
  });

  it("tends to Poisson exp(−A·D0) as α grows, and is Poisson at α = ∞", () => {
    expect(poissonYield(8.4, 0.2)).toBeCloseTo(Math.exp(-1.68), 12);
    expect(dieYield({dieAreaCm2: 8.4, defectDensityPerCm2: 0.2, clusteringAlpha: 1e9})).toBeCloseTo(Math.exp(-1.68), 6);
  });

  it("never rises with die area or defect density", () => {
    fc.assert(
      fc.property(
        fc.double({min: 0.01, max: 8.58, noNaN: true}),
        fc.double({min: 0, max: 2, noNaN: true}),
        fc.double({min: 0.1, max: 50, noNaN: true}),
        fc.double({min: 0, max: 1, noNaN: true}),
        (area, d0, alpha, step) => {
          const y = dieYield({dieAreaCm2: area, defectDensityPerCm2: d0, clusteringAlpha: alpha});
          const largerDie = dieYield({dieAreaCm2: area + step, defectDensityPerCm2: d0, clusteringAlpha: alpha});
          const dirtier = dieYield({dieAreaCm2: area, defectDensityPerCm2: d0 + step, clusteringAlpha: alpha});
          return largerDie <= y && dirtier <= y;
        }
      )
    );
  });

  it("rejects a negative defect density", () => {
    expect(() => dieYield({dieAreaCm2: 1, defectDensityPerCm2: -0.1, clusteringAlpha: 3})).toThrow(/defect density/);
  });
});

describe("wafer prices", () => {
  it("gives every node a source, and names the known nodes for an unknown one", () => {
    for (const row of WAFER_PRICES) expect(row.source.length).toBeGreaterThan(20);
    // TSMC April 2020 list: 7 nm $9,346, 5 nm $16,988 (TechPowerUp)
    expect(waferPrice("n7").priceUsdPerWafer).toBe(9346);
    expect(waferPrice("n5").priceUsdPerWafer).toBe(16988);
    expect(() => waferPrice("n2")).toThrow(/expected one of n28, .*found n2/);
  });
});

const anyChip: fc.Arbitrary<ChipUnitCostInput> = fc.record({
  dieAreaMm2: fc.double({min: 50, max: RETICLE_LIMIT_MM2, noNaN: true}),
  priceUsdPerWafer: fc.double({min: 1000, max: 30000, noNaN: true}),
  defectDensityPerCm2: fc.double({min: 0, max: 0.5, noNaN: true}),
  clusteringAlpha: fc.double({min: 0.5, max: 20, noNaN: true}),
  hbmStacks: fc.integer({min: 0, max: 12}),
  hbmGbPerStack: fc.double({min: 0, max: 64, noNaN: true}),
  hbmUsdPerGb: fc.double({min: 0, max: 40, noNaN: true}),
  packagingUsdPerChip: fc.double({min: 0, max: 3000, noNaN: true}),
  testAssemblyUsdPerChip: fc.double({min: 0, max: 1000, noNaN: true}),
  boardUsdPerChip: fc.double({min: 0, max: 1000, noNaN: true}),
  partnerMarginFraction: fc.double({min: 0, max: 0.9, noNaN: true})
});

describe("chip unit cost", () => {
  it("has parts that sum to the price, and module = packaged chip + board", () => {
    fc.assert(
      fc.property(anyChip, (input) => {
        const r = chipUnitCost(input);
        const sum = CHIP_COST_PARTS.reduce((s, part) => s + r.breakdownUsd[part], 0);
        return (
          Math.abs(sum - r.priceUsd) <= 1e-9 * r.priceUsd &&
          Math.abs(r.moduleUsd - r.packagedChipUsd - r.breakdownUsd.board) <= 1e-9 * r.moduleUsd
        );
      })
    );
  });

  it("never makes a good die cheaper when the defect density rises", () => {
    fc.assert(
      fc.property(anyChip, fc.double({min: 0, max: 0.5, noNaN: true}), (input, more) => {
        const base = chipUnitCost(input).costPerGoodDieUsd;
        let dirtier: number;
        try {
          dirtier = chipUnitCost({...input, defectDensityPerCm2: input.defectDensityPerCm2 + more}).costPerGoodDieUsd;
        } catch (error) {
          // A die so dirty that under 1% of dies work is refused (chipUnitCost's "too few dies work"), which is not
          // a cheaper die either (found by a run: 583 mm², α 10.1, D0 0.5 + 0.5 per cm²).
          if (error instanceof UserError && error.detail.message === "too few dies work") return true;
          throw error;
        }
        return dirtier >= base;
      })
    );
  });

  it("refuses a yield just under 1% with digits enough to show it under (it printed 'found 1.00%')", () => {
    // 858 mm² at D0 0.538/cm², α 1000 (near Poisson): (1 + 8.58 × 0.538 / 1000)^−1000 = 0.0099975, 0.99975% of dies;
    // three significant digits round it to "1.00", the bound itself; four give 0.9998.
    const input = {...H100_UNIT_COST.input, dieAreaMm2: 858, defectDensityPerCm2: 0.538, clusteringAlpha: 1000};
    expect(dieYield({dieAreaCm2: 8.58, defectDensityPerCm2: 0.538, clusteringAlpha: 1000})).toBeCloseTo(0.0099975, 7);
    let error: unknown;
    try {
      chipUnitCost(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).detail).toMatchObject({
      path: "dieYieldFraction",
      message: "too few dies work",
      found: `0.9998% of ${grossDiesPerWafer({dieAreaMm2: 858})} dies per wafer`
    });
  });

  it("adds a 20% gross margin as cost × 0.2 / 0.8", () => {
    const r = chipUnitCost({...H100_UNIT_COST.input, partnerMarginFraction: 0.2});
    expect(r.breakdownUsd.partnerMargin).toBeCloseTo(r.moduleUsd * 0.25, 9);
    expect(r.priceUsd).toBeCloseTo(r.moduleUsd / 0.8, 9);
  });

  it("reproduces the ~$3,320 H100 manufacturing cost within 25% from sourced parts", () => {
    // Inputs and their sources: src/silicon/h100UnitCost.ts. 814 mm² (NVIDIA whitepaper) on an N5-family wafer at
    // $16,988 (TSMC 2020 price list), D0 0.10/cm² (AnandTech, TSMC N5), α 3 (assumption): 63 gross × 0.487 yield =
    // 30.7 good dies → $554 per die; HBM 5 × 16 GB × $15/GB = $1,200; CoWoS $12,000 ÷ 28 = $429; test $150 and
    // board $250 (assumptions). Module $2,583, 22% below Raymond James's $3,320 (Aug 2023).
    const r = chipUnitCost(H100_UNIT_COST.input);
    expect(r.grossDiesPerWafer).toBe(63);
    expect(r.costPerGoodDieUsd).toBeCloseTo(554.1, 0);
    expect(r.breakdownUsd.hbm).toBe(1200);
    expect(r.moduleUsd).toBeCloseTo(2582.7, 0);
    expect(Math.abs(r.moduleUsd / H100_PUBLISHED_COST_USD - 1)).toBeLessThan(0.25);
    for (const source of Object.values(H100_UNIT_COST.sources)) expect(source.length).toBeGreaterThan(10);
  });

  it("reproduces Epoch AI's ~$6,400 B200 manufacturing cost within 25% from sourced parts, two dies yielded apart", () => {
    // Inputs and their sources: src/silicon/b200UnitCost.ts. Two 800 mm² dies (assumption: "reticle-limited", NVIDIA
    // Blackwell brief) on a 4NP wafer at $20,000 (Morgan Stanley's 2025 price via Tom's Hardware), D0 0.10/cm² and
    // α 3 as the H100: gross = floor(π·150²/800 − π·300/√1600) = floor(88.36 − 23.56) = 64; yield = (1 + 8·0.1/3)^−3
    // = 0.4921; 31.49 good dies → $635.09 a die, $1,270.19 for two. HBM 8 × 24 GB × $12.5/GB ($300 a HBM3E stack,
    // Korean press) = $2,400; CoWoS $12,000 × 1.2 ÷ 16 per wafer = $900; test $150 and board $250 (the H100's
    // assumptions). Module $4,970, 22.3% below Epoch AI's $6,400 and 13% below the low end of its $5,700–7,300 range:
    // the model has no package-assembly yield loss, which Epoch puts near $1,000 a B200.
    const r = chipUnitCost(B200_UNIT_COST.input, {logicDiesPerChip: B200_UNIT_COST.logicDiesPerChip});
    expect(r.grossDiesPerWafer).toBe(64);
    expect(r.yieldFraction).toBeCloseTo(0.4921, 4);
    expect(r.costPerGoodDieUsd).toBeCloseTo(635.09, 1);
    expect(r.breakdownUsd.logicDie).toBeCloseTo(1270.19, 1);
    expect(r.breakdownUsd.hbm).toBeCloseTo(2400, 9);
    expect(r.breakdownUsd.packaging).toBeCloseTo(900, 9);
    expect(r.moduleUsd).toBeCloseTo(4970.19, 1);
    expect(r.moduleUsd / B200_PUBLISHED_COST_USD - 1).toBeCloseTo(-0.2234, 3);
    expect(Math.abs(r.moduleUsd / B200_PUBLISHED_COST_USD - 1)).toBeLessThan(0.25);
    expect(r.moduleUsd).toBeLessThan(B200_PUBLISHED_COST_RANGE_USD[0]);
    for (const source of Object.values(B200_UNIT_COST.sources)) expect(source.length).toBeGreaterThan(10);
  });

  it("prices a chip of n identical dies as n good dies, and rejects a die count outside [1, 16]", () => {
    const one = chipUnitCost(H100_UNIT_COST.input);
    const two = chipUnitCost(H100_UNIT_COST.input, {logicDiesPerChip: 2});
    expect(two.costPerGoodDieUsd).toBeCloseTo(one.costPerGoodDieUsd, 9);
    expect(two.breakdownUsd.logicDie).toBeCloseTo(2 * one.breakdownUsd.logicDie, 9);
    expect(two.moduleUsd - one.moduleUsd).toBeCloseTo(one.breakdownUsd.logicDie, 9);
    expect(() => chipUnitCost(H100_UNIT_COST.input, {logicDiesPerChip: 0})).toThrow(/logicDiesPerChip/);
    expect(() => chipUnitCost(H100_UNIT_COST.input, {logicDiesPerChip: 1.5})).toThrow(/logicDiesPerChip/);
  });

  it("gives about as many good H100 dies per wafer as TrendForce's ~28", () => {
    // TrendForce (March 2024): TSMC gets about 28 usable H100 chips per wafer. The model's 30.7 is 10% above it.
    const r = chipUnitCost(H100_UNIT_COST.input);
    expect(Math.abs(r.goodDiesPerWafer / 28 - 1)).toBeLessThan(0.15);
  });
});
