import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {UserError, UserErrors, type UserErrorDetail} from "../../../src/errors/userError.js";
import {peakFlopsPerS} from "../../../src/inference/precision.js";
import {calibratedEfficiencies} from "../../../src/inference/calibratedEfficiencies.js";
import {servingPerformance} from "../../../src/inference/servingPerformance.js";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {applyOverrides} from "../../../src/scenario/resolve/applyOverrides.js";
import {
  bindScenario,
  evaluateScenarioPoint,
  SCENARIO_METRICS,
  type BoundScenario
} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {isInRange, type NumberRange} from "../../../src/units/range.js";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {resolveScenario, type ResolvedScenario} from "../../../src/scenario/resolve/resolveScenario.js";
import {keyRange, scenarioKey, SCENARIO_KEY_PATHS} from "../../../src/scenario/file/schema.js";
import {scenarioMedianPoint, type ScenarioPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {chipHourCost, type ChipHourCostInput} from "../../../src/tco/chipHourCost.js";
import {servingCost} from "../../../src/tco/servingCost.js";
import {userErrorsOf} from "../helpers.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();

function bundled(id: string): BoundScenario {
  return bindScenario(library.resolve(id), catalogs);
}

/** A scenario written inline (no extends), resolved with every other key at its default. */
function inline(frontMatter: string): ResolvedScenario {
  const parsed = parseScenario({file: "inline.md", text: `---\n${frontMatter}\n---\n`});
  return resolveScenario(parsed.id, (id) => (id === parsed.id ? parsed : undefined));
}

function evaluate(bound: BoundScenario, changes: ScenarioPoint = {}) {
  return evaluateScenarioPoint(bound, {...scenarioMedianPoint(bound.resolved), ...changes});
}

/** |actual − expected| within `relative` of |expected|. */
function expectClose(actual: number | null, expected: number, relative = 1e-12): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe("evaluateScenarioPoint: wiring of scenario keys into the models", () => {
  const bound = bundled("base");
  const point = scenarioMedianPoint(bound.resolved);
  const num = (path: string) => point[path] as number;
  const evaluation = evaluateScenarioPoint(bound, point);
  const {metrics} = evaluation;

  // The same inputs, wired by hand as the docs of evaluateScenarioPoint describe.
  const serving = servingPerformance(
    {
      hardware: bound.hardware,
      model: bound.model,
      precision: "fp8",
      batchSize: num("serving.batch"),
      inputTokens: num("serving.inputTokens"),
      outputTokens: num("serving.outputTokens"),
      cacheHitFraction: num("serving.cacheHit"),
      tensorParallel: num("serving.tensorParallel"),
      expertParallel: num("serving.expertParallel"),
      // serving.stack is not set: TensorRT-LLM, which runs on the H100 (defaultStackFor); serving.hbmReserve is not
      // set: that stack's KV-cache policy.
      stack: "trtllm",
      hbmReserveFraction: null
    },
    // Neither fraction is set in the scenario: the efficiencies calibrated for the chip's family and serving.stack.
    calibratedEfficiencies(bound.hardware, "trtllm").efficiencies
  );
  const ownership: ChipHourCostInput = {
    chipPriceUsd: bound.hardware.priceUsd!,
    // finance.systemOverhead and power.hostOverhead are unset: the chip's catalog figures (data/hardware.csv).
    systemOverheadFraction: bound.hardware.systemOverheadFraction,
    chipPowerW: bound.hardware.powerW,
    hostPowerFraction: bound.hardware.systemPowerW / bound.hardware.powerW - 1,
    averageDrawFraction: num("power.averageDraw"),
    pue: num("power.pue"),
    electricityUsdPerKwh: num("power.electricity"),
    facilityCapexUsdPerMw: num("finance.facilityCapexPerMw"),
    facilityLifeYears: num("finance.facilityLife"),
    costOfCapitalPerYear: num("finance.costOfCapital"),
    usefulLifeYears: num("finance.usefulLife"),
    operationsUsdPerChipHour: num("finance.operationsPerChipHour"),
    vendorGrossMarginFraction: num("finance.vendorGrossMargin")
  };
  const utilization = num("serving.utilization");
  const cost = servingCost({serving, ownership, utilizationFraction: utilization, rentedUsdPerChipHour: null});

  it("prices output and input tokens exactly as servingCost() does for the same inputs", () => {
    expectClose(metrics.costPerMillionOutputTokensUsd, cost.costPerMillionOutputTokensUsd);
    expectClose(metrics.costPerMillionInputTokensUsd, cost.costPerMillionInputTokensUsd);
    expectClose(metrics.tokensPerSecondPerChip, serving.decodeTokensPerSecondPerChip);
    expectClose(metrics.timePerOutputTokenSeconds, serving.timePerOutputTokenSeconds);
    expectClose(metrics.chipHourCostUsd, chipHourCost(ownership).totalUsdPerChipHour);
  });

  it("blends input and output: chip-hour ÷ (blended tokens/s × 3600 × utilisation) × 1e6", () => {
    const s = num("demand.inputShare");
    const blended = 1 / (s / serving.prefillTokensPerSecondPerChip + (1 - s) / serving.decodeTokensPerSecondPerChip);
    expectClose(evaluation.blendedTokensPerSecondPerChip, blended);
    expectClose(metrics.costPerMillionTokensUsd, (metrics.chipHourCostUsd / (blended * 3600 * utilization)) * 1e6);
    // The blend lies between the input and the output price.
    expect(metrics.costPerMillionTokensUsd).toBeGreaterThan(metrics.costPerMillionInputTokensUsd);
    expect(metrics.costPerMillionTokensUsd).toBeLessThan(metrics.costPerMillionOutputTokensUsd ?? NaN);
  });

  it("with inputShare 0 the blended cost is the output cost", () => {
    const outputOnly = evaluate(bound, {"demand.inputShare": 0}).metrics;
    expectClose(outputOnly.costPerMillionTokensUsd, outputOnly.costPerMillionOutputTokensUsd ?? NaN, 1e-9);
  });

  it("costs the training run as 6·N·D plus causal attention at training.mfu and training.goodput, at a full-draw chip-hour", () => {
    const m = bound.trainingModel;
    // 6·N·D + 3 · layers · heads · sequence length · (head dim + head dim) · D (src/training/trainingFlops.ts)
    const flops =
      6 * m.activeParams * num("training.tokens") +
      3 * m.layers * m.attentionHeads * num("training.sequenceLength") * 2 * m.headDim * num("training.tokens");
    const steady = flops / (peakFlopsPerS(bound.trainingHardware, "bf16")! * num("training.mfu") * 3600);
    const chipHours = steady / num("training.goodput");
    const fullDraw = chipHourCost({...ownership, averageDrawFraction: 1}).totalUsdPerChipHour;
    expectClose(metrics.trainingCostUsd, chipHours * fullDraw, 1e-9);
    expectClose(metrics.trainingDays, chipHours / num("training.chips") / 24, 1e-9);
  });

  it("demand tokens per day are users × tokens per user per day × agent multiplier", () => {
    expect(evaluation.demandTokensPerDay).toBe(
      num("demand.users") * num("demand.tokensPerUserPerDay") * num("demand.agentMultiplier")
    );
  });

  it("doubling demand.users doubles the inference tax recovered and leaves the tax share alone", () => {
    const doubled = evaluate(bound, {"demand.users": 2 * num("demand.users")}).metrics;
    expectClose(doubled.inferenceTaxRecoveredFirstYearUsd, 2 * metrics.inferenceTaxRecoveredFirstYearUsd, 1e-12);
    expect(doubled.inferenceTaxShare).toBe(metrics.inferenceTaxShare);
    expect(doubled.costPerMillionTokensUsd).toBe(metrics.costPerMillionTokensUsd);
  });

  it("leaves moat.costAdvantage unset to mean 1 − custom ÷ merchant cost per token", () => {
    const asic = bundled("asic-9-months");
    const unset = evaluate(asic);
    expect(asic.resolved.values["moat.costAdvantage"]!.value).toBeNull();
    expect(unset.silicon.deployed).toBe(true);
    const derived = 1 - unset.silicon.customCostUsdPerMTok / unset.silicon.merchantCostUsdPerMTok;
    expect(derived).toBeGreaterThan(0);
    const set = evaluate(asic, {"moat.costAdvantage": derived});
    expectClose(set.metrics.costLeadValueUsd, unset.metrics.costLeadValueUsd, 1e-9);
    // A chip that is dearer than the merchant GPU is never deployed, and then the advantage is 0.
    const dear = evaluate(asic, {"silicon.unitCost": 5e6});
    expect(dear.silicon.deployed).toBe(false);
    expect(dear.metrics.costLeadValueUsd).toBe(
      evaluate(asic, {"silicon.unitCost": 5e6, "moat.costAdvantage": 0}).metrics.costLeadValueUsd
    );
  });

  it("feeds the custom chip silicon.relativeThroughput × the merchant's blended rate", () => {
    const asic = evaluate(bundled("asic-9-months"), {"silicon.relativeThroughput": 1.5});
    expectClose(asic.custom.tokensPerSecondPerChip, 1.5 * asic.blendedTokensPerSecondPerChip);
    expect(asic.custom.chipHour.chipPriceUsd).toBe(12000);
    expect(asic.custom.chipHour.chipPowerW).toBe(500);
  });

  it("a shorter design cycle never lowers the silicon program's NPV (asic-9-months vs asic-24-months)", () => {
    const nine = evaluate(bundled("asic-9-months")).metrics;
    const twentyFour = evaluate(bundled("asic-24-months")).metrics;
    expect(nine.siliconNpvUsd).toBeGreaterThan(twentyFour.siliconNpvUsd);
    expect(nine.siliconPaybackMonth!).toBeLessThan(twentyFour.siliconPaybackMonth!);
    expect(nine.costPerMillionTokensUsd).toBe(twentyFour.costPerMillionTokensUsd);
  });
});

describe("bindScenario and evaluation errors", () => {
  it("names an unknown catalog id at its key, with the closest ids", () => {
    const [error] = userErrorsOf(() => bindScenario(inline("serving.hardware: h100-sxn"), catalogs));
    expect(error).toMatchObject({file: "inline.md", line: 2, column: 19, path: "serving.hardware", found: "h100-sxn"});
    expect(error!.hint).toContain("'h100-sxm'");
  });

  it("reports every unknown id, not just the first", () => {
    const errors = userErrorsOf(() =>
      bindScenario(inline("serving:\n  hardware: h100-sxn\n  model: llama-3.1-70c\ntraining.hardware: b2000"), catalogs)
    );
    expect(errors.map((e) => e.path)).toEqual(["serving.hardware", "serving.model", "training.hardware"]);
    expect(errors[1]!.hint).toContain("'llama-3.1-70b'");
  });

  it("a batch that does not fit names serving.batch and the largest batch that fits", () => {
    const [error] = userErrorsOf(() => evaluate(bindScenario(inline("serving.batch: 4096"), catalogs)));
    expect(error).toMatchObject({path: "serving.batch", line: 2, found: "4,096"});
    expect(error!.expected).toMatch(/^at most \d+, the largest batch that fits$/);
  });

  it("a tensor-parallel degree that cannot shard the model names serving.tensorParallel and the degrees that work", () => {
    // The default model, Llama 3.1 70B: 64 attention heads and 8 KV heads (issue 11: --tp 3 is an error).
    const [error] = userErrorsOf(() => evaluate(bindScenario(inline("serving.tensorParallel: 3"), catalogs)));
    expect(error).toMatchObject({path: "serving.tensorParallel", line: 2, found: "3"});
    expect(error!.expected).toBe("one of 1, 2, 4, 8, 16, 32, 64");
  });

  it("reads a request as serving.inputTokens, serving.outputTokens and serving.cacheHit", () => {
    const bound = bundled("base");
    const plain = evaluate(bound).serving;
    const cached = evaluate(bound, {"serving.cacheHit": 0.5}).serving;
    expect(plain.kvContextTokens).toBe(2048 + 512 / 2); // base.md sets 2,048 input tokens; output keeps its default
    expect(cached.timeToFirstTokenSeconds).toBeLessThan(plain.timeToFirstTokenSeconds);
  });

  // A key shares its range with the model input it sets (test/scenario/evaluate/keyAgreement.test.ts), so a value a
  // model would reject is rejected where it is written, with the model's range in the message.
  it.each([
    ["serving.utilization=0.005", "serving.utilization", "[0.01, 1]"],
    ["demand.growthPerYear=50", "demand.growthPerYear", "[-100%/yr, 1,000%/yr]"],
    ["silicon.nre=$1000B", "silicon.nre", "[$0, $100B]"],
    ["hardware.price=$20M", "hardware.price", "[$1, $10M]"]
  ])("a value outside the model's range (%s) is rejected at its --set flag with that range", (set, path, range) => {
    const [error] = userErrorsOf(() => applyOverrides(library.resolve("base"), [set]));
    expect(error).toMatchObject({flag: "--set", path, message: "out of range"});
    expect(error!.expected).toContain(range);
  });

  it("places a computed model input's range error at the key that drives it, on the file line that set it", () => {
    // 1e11 users × 1e9 tokens × 1e4 calls × 365.25 days = 3.65e26 tokens a year, above the inference tax model's 1e20.
    const text = "title: t\ndemand.users: 1e11\ndemand.tokensPerUserPerDay: 1e9\ndemand.agentMultiplier: 1e4";
    const [error] = userErrorsOf(() => evaluate(bindScenario(inline(text), catalogs)));
    expect(error).toMatchObject({file: "inline.md", line: 3, path: "demand.users"});
    expect(error!.message).toContain(
      "tokens per year, computed from this key, demand.tokensPerUserPerDay and demand.agentMultiplier"
    );
  });
});

describe("evaluateScenarioPoint: properties over in-range values", () => {
  const KEYS = [
    "serving.utilization",
    "serving.batch",
    "power.electricity",
    "power.pue",
    "finance.costOfCapital",
    "finance.usefulLife",
    "silicon.designCycle",
    "silicon.nre",
    "silicon.relativeThroughput",
    "demand.users",
    "demand.inputShare",
    "demand.growthPerYear",
    "market.price",
    "moat.catchUpMonths",
    "horizon.months"
  ];
  /** Upper ends for keys whose range is open-ended: beyond these most draws are errors, not metrics. */
  const CAPS: Record<string, number> = {"serving.batch": 300, "demand.users": 1e10};
  const bound = bundled("asic-9-months");

  /** Any value in the key's range (infinite ends capped at ±`cap`); whole numbers for integer keys. */
  function inKeyRange(path: string, cap: number): fc.Arbitrary<number> {
    const def = scenarioKey(path)!;
    const range: NumberRange = keyRange(def);
    const max = Math.min(range.max, cap);
    if (def.integer) return fc.integer({min: Math.ceil(range.min), max: Math.floor(max)});
    const min = Math.max(range.min, -cap);
    // fc.double favours the ends and tiny magnitudes; half the draws are spread evenly across the range instead.
    const even = fc
      .integer({min: 1, max: 999})
      .map((k) => min + ((max - min) * k) / 1000)
      .filter((value) => isInRange(value, range));
    const edges = fc.double({
      min,
      max,
      minExcluded: range.minExclusive === true && min === range.min,
      maxExcluded: range.maxExclusive === true && max === range.max,
      noNaN: true
    });
    return fc.oneof(edges, even);
  }
  // Any subset of the keys, each anywhere in its range (present keys only: absent ones keep their medians).
  const changes = fc
    .record(Object.fromEntries(KEYS.map((path) => [path, inKeyRange(path, CAPS[path] ?? 1e12)])), {requiredKeys: []})
    .map((record) => record as ScenarioPoint);

  it("no metric is NaN: every metric is a finite number or null, or a UserError names a scenario key", () => {
    fc.assert(
      fc.property(changes, (change) => {
        let metrics;
        try {
          metrics = evaluate(bound, change).metrics;
        } catch (error) {
          const details: UserErrorDetail[] =
            error instanceof UserErrors ? error.errors.map((e) => e.detail) : [(error as UserError).detail];
          expect(error).toSatisfy((e) => e instanceof UserError || e instanceof UserErrors);
          for (const detail of details) expect(SCENARIO_KEY_PATHS).toContain(detail.path);
          return;
        }
        for (const name of SCENARIO_METRICS) {
          const value = metrics[name];
          if (value !== null) expect(Number.isFinite(value), `${name} = ${value}`).toBe(true);
        }
      }),
      {numRuns: 300}
    );
  });

  it("keeps every metric finite over the keys' ordinary ranges (no error, no NaN)", () => {
    const ordinary = fc.record({
      "serving.utilization": fc.double({min: 0.05, max: 1, noNaN: true}),
      "power.electricity": fc.double({min: 0, max: 10, noNaN: true}),
      "silicon.designCycle": fc.double({min: 3, max: 120, noNaN: true}),
      "silicon.nre": fc.double({min: 0, max: 1e10, noNaN: true}),
      "demand.users": fc.double({min: 0, max: 1e10, noNaN: true}),
      "demand.inputShare": fc.double({min: 0, max: 0.99, noNaN: true}),
      "horizon.months": fc.integer({min: 1, max: 240})
    });
    fc.assert(
      fc.property(ordinary, (change) => {
        const {metrics} = evaluate(bound, change);
        for (const name of SCENARIO_METRICS) {
          const value = metrics[name];
          expect(value === null || Number.isFinite(value), `${name} = ${value}`).toBe(true);
        }
      }),
      {numRuns: 200}
    );
  });

  it("is deterministic: the same point gives the same evaluation", () => {
    fc.assert(
      fc.property(changes, (change) => {
        let first;
        try {
          first = evaluate(bound, change);
        } catch {
          return;
        }
        expect(evaluate(bound, change)).toEqual(first);
      }),
      {numRuns: 50}
    );
  });
});

// `serving.hardware=llama-3.1-70b` was offered the hardware ids closest in spelling, hiding the swap (breaker).
describe("bindScenario with a model id as hardware", () => {
  it("says the keys look swapped", () => {
    const resolved = applyOverrides(library.resolve("base"), ["serving.hardware=llama-3.1-70b"]);
    const [error] = userErrorsOf(() => bindScenario(resolved, catalogs));
    expect(error?.hint).toBe("llama-3.1-70b is a model id: are serving.hardware and serving.model swapped?");
  });
});
