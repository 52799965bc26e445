import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {catalogChipHour, sharedOwnership} from "../../src/scenario/evaluate/ownershipInput.js";
import {schemaDefaults} from "../../src/scenario/file/schema.js";
import {builtUpParts, chipUnitCost} from "../../src/silicon/chipUnitCost.js";
import {H100_UNIT_COST} from "../../src/silicon/h100UnitCost.js";
import {chipHourCost} from "../../src/tco/chipHourCost.js";
import {costPerMillionTokensUsd} from "../../src/tco/costPerToken.js";
import {tokenCostWaterfall, WATERFALL_BARS, type WaterfallInput} from "../../src/tco/tokenCostWaterfall.js";

const h100 = loadCatalogs().hardware.find((h) => h.id === "h100-sxm")!;
const shared = sharedOwnership(schemaDefaults());
const merchantHour = catalogChipHour(shared, h100, h100.priceUsd!, 0.75);
const h100Parts = builtUpParts(chipUnitCost(H100_UNIT_COST.input));

const merchant: WaterfallInput = {
  chipHour: merchantHour,
  builtUpUsd: h100Parts,
  tokensPerSecondPerChip: 1000,
  utilizationFraction: 0.6,
  listPriceUsdPerMTok: 2
};

const sum = (bars: Record<string, number>) => WATERFALL_BARS.reduce((s, bar) => s + bars[bar]!, 0);

describe("the inference-tax waterfall", () => {
  it("sums to the list price, and its cost bars to costPerToken.ts's cost at the utilisation", () => {
    const w = tokenCostWaterfall(merchant);
    expect(sum(w.barsUsdPerMTok)).toBeCloseTo(2, 12);
    const cost = costPerMillionTokensUsd({
      chipHourCostUsd: chipHourCost(merchantHour).totalUsdPerChipHour,
      tokensPerSecondPerChip: 1000,
      utilizationFraction: 0.6
    });
    expect(w.costUsdPerMTok).toBeCloseTo(cost, 12);
    expect(sum(w.barsUsdPerMTok) - w.barsUsdPerMTok.providerMargin).toBeCloseTo(cost, 12);
  });

  it("charges idle hours as cost × (1 − u)", () => {
    const w = tokenCostWaterfall(merchant);
    expect(w.barsUsdPerMTok.idleCapacity).toBeCloseTo(w.costUsdPerMTok * 0.4, 12);
  });

  it("splits the chip's depreciation by its price: the vendor's 75% margin is 3× its cost of sales", () => {
    // $31,120 at 75%: margin $23,340; cost of sales $7,780 = built-up $2,583 + other $5,197.
    const b = tokenCostWaterfall(merchant).barsUsdPerMTok;
    const costOfSales = b.logicDie + b.hbm + b.packagingAndTest + b.otherCostOfSales;
    expect(b.sellerMargin / costOfSales).toBeCloseTo(3, 12);
    expect(b.otherCostOfSales / (b.logicDie + b.hbm + b.packagingAndTest)).toBeCloseTo((7780 - 2582.66) / 2582.66, 3);
  });

  it("has no other cost of sales for a chip bought at its built-up cost plus a partner's margin", () => {
    const built = chipUnitCost({...H100_UNIT_COST.input, partnerMarginFraction: 0.2});
    const chipHour = {...merchantHour, chipPriceUsd: built.priceUsd, vendorGrossMarginFraction: 0.2};
    const b = tokenCostWaterfall({...merchant, chipHour, builtUpUsd: builtUpParts(built)}).barsUsdPerMTok;
    expect(b.otherCostOfSales).toBeCloseTo(0, 12);
    expect(b.sellerMargin / (b.logicDie + b.hbm + b.packagingAndTest)).toBeCloseTo(0.25, 12);
  });

  it("has no cost of capital at a zero rate", () => {
    const b = tokenCostWaterfall({...merchant, chipHour: {...merchantHour, costOfCapitalPerYear: 0}}).barsUsdPerMTok;
    expect(b.costOfCapital).toBeCloseTo(0, 9);
  });

  it("always sums to the list price (property)", () => {
    fc.assert(
      fc.property(
        fc.double({min: 1, max: 1e5, noNaN: true}),
        fc.double({min: 0.01, max: 1, noNaN: true}),
        fc.double({min: 0, max: 0.2, noNaN: true}),
        fc.double({min: 0, max: 0.9, noNaN: true}),
        fc.double({min: 0, max: 100, noNaN: true}),
        (tps, u, rate, margin, price) => {
          const w = tokenCostWaterfall({
            ...merchant,
            chipHour: {...merchantHour, costOfCapitalPerYear: rate, vendorGrossMarginFraction: margin},
            tokensPerSecondPerChip: tps,
            utilizationFraction: u,
            listPriceUsdPerMTok: price
          });
          return Math.abs(sum(w.barsUsdPerMTok) - price) <= 1e-9 * Math.max(1, price, w.costUsdPerMTok);
        }
      )
    );
  });
});

describe("a scenario's waterfalls", () => {
  it("itemise the H100 and put an unbuilt chip's cost of sales in one bar, each summing to the list price", async () => {
    const {scenarioWaterfalls} = await import("../../src/scenario/evaluate/scenarioWaterfalls.js");
    const custom = {
      chipHour: {...merchantHour, chipPriceUsd: 12000, vendorGrossMarginFraction: 0},
      tokensPerSecondPerChip: 900,
      utilizationFraction: 0.7
    };
    const ev = {
      merchant: {chipHour: merchantHour, tokensPerSecondPerChip: 1000, utilizationFraction: 0.6},
      custom,
      customUnitCost: null
    };
    const w = scenarioWaterfalls(ev, "h100-sxm", 2);
    expect(w.merchant.barsUsdPerMTok.logicDie).toBeGreaterThan(0);
    expect(w.custom.barsUsdPerMTok.logicDie).toBe(0);
    expect(w.custom.barsUsdPerMTok.sellerMargin).toBe(0);
    expect(w.custom.barsUsdPerMTok.otherCostOfSales).toBeGreaterThan(0);
    for (const side of [w.merchant, w.custom]) expect(sum(side.barsUsdPerMTok)).toBeCloseTo(2, 12);
    expect(scenarioWaterfalls(ev, "b200", 2).merchant.barsUsdPerMTok.logicDie).toBe(0);
  });
});
