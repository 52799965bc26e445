// evaluateServing from a script: what the flags and the scenario schema refuse before it is refused here too, with
// the field named, instead of priced silently (a utilisation of 60 for 60% priced tokens 100 times too cheap).
import {describe, expect, it} from "vitest";
import {findById} from "../../src/catalog/lookup.js";
import {calibratedEfficiencies} from "../../src/inference/calibratedEfficiencies.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {catalogChipHour, sharedOwnership} from "../../src/scenario/evaluate/ownershipInput.js";
import {schemaDefaults} from "../../src/scenario/file/schema.js";
import {evaluateServing, type ServingEconomicsInput} from "../../src/tco/evaluateServing.js";

const {hardware, models} = loadCatalogs();
const chip = findById(hardware, "h100-sxm", "hardware");
const defaults = schemaDefaults();
const ownership = catalogChipHour(sharedOwnership(defaults), chip, chip.priceUsd!, 0.75);
const input: ServingEconomicsInput = {
  hardware: chip,
  model: findById(models, "llama-3.1-70b", "model"),
  precision: "fp8",
  batchSize: 64,
  inputTokens: 4096,
  outputTokens: 512,
  cacheHitFraction: 0,
  tensorParallel: 2,
  expertParallel: 1,
  stack: "trtllm",
  hbmReserveFraction: null,
  efficiencies: calibratedEfficiencies(chip, "trtllm").efficiencies,
  ownership,
  utilizationFraction: 0.6,
  rentedUsdPerChipHour: null
};

/** The message evaluateServing throws for `change`, or "no error". */
function thrown(change: Partial<ServingEconomicsInput>): string {
  try {
    evaluateServing({...input, ...change});
    return "no error";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("evaluateServing: values out of range throw, naming the field", () => {
  it("prices a configuration in range", () => {
    expect(thrown({})).toBe("no error");
  });

  it("a utilisation given as a percent, 0 or NaN (SERVING_CHIP_RANGES: [0.01, 1])", () => {
    expect(thrown({utilizationFraction: 60})).toBe(
      "utilizationFraction: out of range: expected a number in [0.01, 1], found 60"
    );
    expect(thrown({utilizationFraction: 0})).toMatch(/^utilizationFraction: out of range/);
    expect(thrown({utilizationFraction: Number.NaN})).toMatch(/^utilizationFraction: out of range/);
  });

  it("an ownership fraction given as a percent, a negative price, a string, a missing ownership", () => {
    expect(thrown({ownership: {...ownership, costOfCapitalPerYear: 10}})).toBe(
      "ownership.costOfCapitalPerYear: out of range: expected a number in [0, 1], found 10"
    );
    expect(thrown({ownership: {...ownership, vendorGrossMarginFraction: 75}})).toMatch(
      /^ownership\.vendorGrossMarginFraction: out of range/
    );
    expect(thrown({ownership: {...ownership, chipPriceUsd: -1}})).toMatch(/^ownership\.chipPriceUsd: out of range/);
    expect(thrown({ownership: {...ownership, chipPriceUsd: "31120" as unknown as number}})).toMatch(
      /^ownership\.chipPriceUsd: not a number: .*found "31120"$/
    );
    expect(thrown({ownership: undefined as unknown as ServingEconomicsInput["ownership"]})).toBe(
      "ownership: missing: expected chip-hour cost inputs, found undefined"
    );
  });

  it("missing efficiencies name the function that gives them (it threw a TypeError)", () => {
    expect(thrown({efficiencies: undefined as unknown as ServingEconomicsInput["efficiencies"]})).toBe(
      "efficiencies: missing: expected serving efficiencies, e.g. calibratedEfficiencies(hardware, stack).efficiencies, " +
        "found undefined"
    );
  });

  it("a rented price out of hourly_usd's range; on rented chips a purchase price of 0 is not read", () => {
    expect(thrown({rentedUsdPerChipHour: -2})).toMatch(/^rentedUsdPerChipHour: out of range/);
    // `inference --rent` of a chip with no purchase price passes 0 for it (src/cli/commands/inference.ts).
    expect(thrown({rentedUsdPerChipHour: 2.99, ownership: {...ownership, chipPriceUsd: 0}})).toBe("no error");
    // Still a number: NaN gave a NaN owned chip-hour beside the rented figures (breaker).
    expect(thrown({rentedUsdPerChipHour: 2.99, ownership: {...ownership, chipPriceUsd: Number.NaN}})).toBe(
      "ownership.chipPriceUsd: out of range: expected a number in [0, 10,000,000], found NaN"
    );
    // Left out, it read "expected a number in [0.01, 10,000]", as if a rented price were required (breaker).
    expect(thrown({rentedUsdPerChipHour: undefined})).toBe(
      "rentedUsdPerChipHour: missing: expected null (owned chips) or a number in [0.01, 10,000], found nothing"
    );
  });
});

describe("evaluateServing on rented chips whose owned chip-hour is 0", () => {
  it("prices tokens at the rented price, not NaN (2 ÷ 0 × 0)", () => {
    // Purchase price 0 (not read on rented chips, above) with free power, facility and operations: the owned chip-hour
    // is 0 USD, and the rented cost was the owned cost (0) scaled by 2 ÷ 0.
    const free = {...ownership, chipPriceUsd: 0, electricityUsdPerKwh: 0, facilityCapexUsdPerMw: 0};
    const result = evaluateServing({
      ...input,
      ownership: {...free, operationsUsdPerChipHour: 0},
      rentedUsdPerChipHour: 2
    });
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.cost.chipHour.totalUsdPerChipHour).toBe(0);
    // costPerToken.ts: chip-hour cost ÷ tokens per chip-hour (tokens/s × utilisation × 3,600) × 10^6.
    const perMTok = (tokensPerSecond: number) => (2 / (tokensPerSecond * 0.6 * 3600)) * 1e6;
    expect(result.cost.costPerMillionOutputTokensUsd).toBeCloseTo(
      perMTok(result.serving.decodeTokensPerSecondPerChip),
      12
    );
    expect(result.cost.costPerMillionInputTokensUsd).toBeCloseTo(
      perMTok(result.serving.prefillTokensPerSecondPerChip),
      12
    );
    expect(result.cost.costPerMillionOutputTokensAllInUsd).toBeCloseTo(
      perMTok(result.serving.outputTokensPerSecondPerChip),
      12
    );
    // The same figures as on a chip whose owned chip-hour is not 0: a rented cost does not depend on ownership.
    const paid = evaluateServing({...input, rentedUsdPerChipHour: 2});
    if (!paid.ok) throw new Error(paid.problem.message);
    expect(result.cost.costPerMillionOutputTokensUsd).toBeCloseTo(paid.cost.costPerMillionOutputTokensUsd, 12);
  });
});

describe("evaluateServing: efficiencies out of their documented ranges throw, naming the field", () => {
  it("an object without them, or one out of range (src/inference/efficiencies.ts's docstrings)", () => {
    // {} priced tokens at NaN and returned ok.
    expect(thrown({efficiencies: {} as never})).toBe(
      "efficiencies.bandwidthFraction: missing: expected a number in (0, 1], found nothing"
    );
    const calibrated = input.efficiencies;
    expect(thrown({efficiencies: {...calibrated, computeFraction: 0}})).toMatch(/^efficiencies.computeFraction: out/);
    expect(thrown({efficiencies: {...calibrated, kernelOverlapFraction: 1.5}})).toMatch(
      /^efficiencies.kernelOverlapFraction: out of range/
    );
    expect(thrown({efficiencies: {...calibrated, stepOverheadSeconds: -1e-3}})).toMatch(
      /^efficiencies.stepOverheadSeconds: out of range/
    );
    // The range ends: all of a roof reached, no overhead, full overlap.
    const ends = {bandwidthFraction: 1, computeFraction: 1, communicationFraction: 1, kernelOverlapFraction: 1};
    expect(thrown({efficiencies: {...calibrated, ...ends, collectiveLatencySeconds: 0, stepOverheadSeconds: 0}})).toBe(
      "no error"
    );
  });
});

describe("evaluateServing: efficiencies each in range but extreme", () => {
  const efficiencies = input.efficiencies;

  it("throws a UserError naming the efficiencies, not a cost of Infinity", () => {
    // Before: ok, with every cost per million tokens Infinity or NaN (a bandwidth fraction of 5e-324 is in (0, 1]).
    expect(thrown({efficiencies: {...efficiencies, bandwidthFraction: 5e-324}})).toMatch(
      new RegExp(
        "^efficiencies\\.bandwidthFraction, efficiencies\\.computeFraction, .*: inputs too extreme together " +
          "\\(.*bandwidthFraction 5e-324"
      )
    );
    // A step overhead of 10^308 s: 3.2e-307 output tokens/s per chip, a chip-hour over them overflows.
    expect(thrown({efficiencies: {...efficiencies, stepOverheadSeconds: 1e308}})).toMatch(
      /inputs too extreme together \(.*efficiencies\.stepOverheadSeconds 1e308/
    );
  });

  it("still prices slow but finite efficiencies", () => {
    // A step overhead of 10^300 s gives a cost near 2.6e301 USD/Mtok: absurd, but a finite figure.
    expect(thrown({efficiencies: {...efficiencies, stepOverheadSeconds: 1e300}})).toBe("no error");
  });
});

describe("evaluateServing's other inputs a script may get wrong (modeller's trial)", () => {
  it("names a missing hardware or model row instead of a TypeError deep in the roofline", () => {
    expect(thrown({hardware: undefined as never})).toMatch(/^hardware: missing: expected a hardware row/);
    expect(thrown({model: undefined as never})).toMatch(/^model: missing: expected a model row/);
  });

  it("checks hbmReserveFraction in [0, 1) (null: the stack's) and kvBytesPerElement in (0, 4]", () => {
    // −0.5 returned ok; 1.5 and NaN blamed tensorParallel for a negative or NaN usable HBM.
    for (const value of [-0.5, 1, 1.5, NaN])
      expect(thrown({hbmReserveFraction: value})).toMatch(/^hbmReserveFraction: /);
    expect(thrown({hbmReserveFraction: 0.1})).toBe("no error");
    // 0 bytes priced tokens below the real cost and returned ok.
    for (const value of [0, -1, 8, NaN]) expect(thrown({kvBytesPerElement: value})).toMatch(/^kvBytesPerElement: /);
    expect(thrown({kvBytesPerElement: 2})).toBe("no error");
  });

  it("checks every number of the hardware and model rows against the catalog's ranges (breaker)", () => {
    // A bandwidth of −1 priced tokens at −$10B per million and returned ok; a string was read as its number.
    expect(thrown({hardware: {...chip, scaleUpBandwidthBytesPerS: -1}})).toMatch(
      /^hardware\.scaleUpBandwidthBytesPerS: /
    );
    expect(thrown({hardware: {...chip, hbmBandwidthBytesPerS: "3.35e12" as never}})).toMatch(
      /^hardware\.hbmBandwidthBytesPerS: not a number/
    );
    expect(thrown({hardware: {...chip, fp8FlopsPerS: NaN}})).toMatch(/^hardware\.fp8FlopsPerS: /);
    expect(thrown({hardware: {} as never})).toMatch(/^hardware\.bf16FlopsPerS: /);
    expect(thrown({model: {...input.model, layers: 0}})).toMatch(/^model\.layers: /);
    expect(thrown({model: {...input.model, params: NaN}})).toMatch(/^model\.params: /);
    // A catalog row passes, and a chip without FP4 (null) too.
    expect(thrown({hardware: {...chip, fp4FlopsPerS: null}})).toBe("no error");
  });
});
