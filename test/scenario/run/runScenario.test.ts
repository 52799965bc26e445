import {describe, expect, it} from "vitest";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {
  bindScenario,
  evaluateScenarioPoint,
  SCENARIO_METRICS,
  type BoundScenario
} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {isInRange, parseRange} from "../../../src/units/range.js";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {resolveScenario} from "../../../src/scenario/resolve/resolveScenario.js";
import {BAND_SKETCH_ACCURACY, runScenario, type MetricSummary} from "../../../src/scenario/run/runScenario.js";
import {scenarioDistributions, scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {keyRange, scenarioKey} from "../../../src/scenario/file/schema.js";
import {clampToRange} from "../../../src/scenario/run/scenarioDraws.js";
import type {Distribution} from "../../../src/uncertainty/distribution.js";
import {monteCarlo} from "../../../src/uncertainty/monteCarlo.js";
import {percentiles} from "../../../src/uncertainty/quantiles.js";
import {userErrorsOf} from "../helpers.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();

/** A scenario written inline, extending the bundled ones when it says so. */
function inline(frontMatter: string): BoundScenario {
  const parsed = parseScenario({file: "inline.md", text: `---\n${frontMatter}\n---\n`});
  const lookup = (id: string) => (id === parsed.id ? parsed : library.index.lookup(id));
  return bindScenario(resolveScenario(parsed.id, lookup), catalogs);
}

describe("runScenario", () => {
  it("reports plain numbers and monteCarlo null for a scenario without distributions", () => {
    const bound = inline("serving.utilization: 0.7\nsilicon.nre: $200M");
    const result = runScenario(bound, {samples: 100, seed: 1});
    expect(result.monteCarlo).toBeNull();
    expect(result.uncertainKeys).toEqual([]);
    expect(result.metrics).toEqual(result.point.metrics);
    for (const name of SCENARIO_METRICS) {
      const value = result.metrics[name];
      expect(value === null || typeof value === "number", name).toBe(true);
    }
  });

  it("summarises every metric as {mean, p5, p50, p95, nullShare} when a key is a distribution", () => {
    const result = runScenario(inline("serving.utilization: 0.5 to 0.8"), {samples: 400, seed: 7});
    expect(result.monteCarlo).toEqual({samples: 400, seed: 7});
    expect(result.uncertainKeys).toEqual(["serving.utilization"]);
    for (const name of SCENARIO_METRICS) {
      const summary = result.metrics[name] as MetricSummary;
      expect(Object.keys(summary).sort(), name).toEqual(["mean", "nullShare", "p5", "p50", "p95"]);
      if (summary.mean === null) continue;
      expect(summary.p5, name).toBeLessThanOrEqual(summary.p50);
      expect(summary.p50, name).toBeLessThanOrEqual(summary.p95);
    }
    // Cost per token falls as utilisation rises, so its spread is real; the chip-hour does not depend on it.
    const cost = result.metrics.costPerMillionTokensUsd as MetricSummary;
    expect(cost.p95).toBeGreaterThan(cost.p5 * 1.2);
    const hour = result.metrics.chipHourCostUsd as MetricSummary;
    expect(hour.p95).toBe(hour.p5);
  });

  it("bands each month by the percentiles of that month's values over the same draws", () => {
    const bound = inline("serving.utilization: 0.5 to 0.8\nsilicon.nre: $150M to $500M\nhorizon.months: 24");
    const samples = 300;
    const result = runScenario(bound, {samples, seed: 3});
    expect(runScenario(inline("serving.utilization: 0.7"), {samples: 10, seed: 1}).bands).toBeNull();
    // The same draws, kept: monteCarlo samples each input from its own seeded stream.
    const draws = monteCarlo({
      samples,
      seed: 3,
      inputs: scenarioDistributions(bound.resolved) as Record<string, Distribution>,
      outputs: ["none"],
      keepSamples: true,
      evaluateAt: () => {}
    }).inputSamples!;
    const median = scenarioMedianPoint(bound.resolved);
    const spend = Array.from({length: 24}, () => new Float64Array(samples));
    const silicon = Array.from({length: 25}, () => new Float64Array(samples));
    const cycles = Array.from({length: 25}, () => new Float64Array(samples));
    const taxYears = ["merchantSpendUsd", "inHouseSpendUsd", "recoveredUsd"] as const;
    const tax = taxYears.map(() => Array.from({length: 2}, () => new Float64Array(samples))); // a 24-month horizon
    for (let i = 0; i < samples; i++) {
      const point = {...median};
      for (const [path, values] of Object.entries(draws)) {
        point[path] = clampToRange(values[i]!, keyRange(scenarioKey(path)!));
      }
      const evaluation = evaluateScenarioPoint(bound, point);
      evaluation.spend.months.forEach((m, t) => (spend[t]![i] = m.cumulativeInferenceSpendUsd));
      evaluation.silicon.months.forEach((m, t) => (silicon[t]![i] = m.cumulativeDiscountedCashFlowUsd));
      evaluation.silicon.npvByDesignCycle.forEach((c, t) => (cycles[t]![i] = c.npvUsd));
      taxYears.forEach((field, k) => evaluation.tax.years.forEach((y, t) => (tax[k]![t]![i] = y[field])));
    }
    const bands = result.bands!;
    expect(bands.cumulativeInferenceSpendUsd).toHaveLength(24);
    expect(bands.siliconCumulativeDiscountedCashFlowUsd).toHaveLength(25);
    expect(bands.siliconNpvByDesignCycleUsd).toHaveLength(25); // design cycles 0 to the 24-month horizon
    for (const [rows, columns] of [
      [bands.cumulativeInferenceSpendUsd, spend],
      [bands.siliconCumulativeDiscountedCashFlowUsd, silicon],
      [bands.siliconNpvByDesignCycleUsd, cycles],
      [bands.inferenceTaxMerchantSpendByYearUsd, tax[0]!],
      [bands.inferenceTaxInHouseSpendByYearUsd, tax[1]!],
      [bands.inferenceTaxRecoveredByYearUsd, tax[2]!]
    ] as const) {
      expect(rows).toHaveLength(columns.length);
      rows.forEach((row, t) => {
        const [p5, p25, p50, p75, p95] = percentiles(columns[t]!, [0.05, 0.25, 0.5, 0.75, 0.95]);
        expect(row).toEqual({step: t, p5, p25, p50, p75, p95});
      });
    }
    expect(bands.quantiles).toBe("exact");
    // A run of more than exactBandValues samples × months finds the same percentiles in passes of bounded memory
    // (a sketch, then the values near each percentile; here 1,000 values a pass, so several passes).
    const passes = runScenario(bound, {samples, seed: 3, exactBandValues: 1000});
    expect(passes.bands).toEqual(bands);
    for (const name of SCENARIO_METRICS) {
      const [exactMetric, passMetric] = [result.metrics[name], passes.metrics[name]] as MetricSummary[];
      expect({...passMetric, mean: 0}, name).toEqual({...exactMetric, mean: 0});
      if (exactMetric!.mean !== null) expect(passMetric!.mean, name).toBeCloseTo(exactMetric!.mean, 6);
    }
    // Sketched bands (sketchOnly: the first pass alone) lie within the sketch's bound of the exact ones: α × the
    // larger magnitude of the two order statistics each percentile lies between.
    const sketched = runScenario(bound, {samples, seed: 3, exactBandValues: 0, sketchOnly: true});
    // The metrics are sketched too: the same means (running sums) and null shares, percentiles within the bound.
    for (const name of SCENARIO_METRICS) {
      const [exactMetric, sketchedMetric] = [result.metrics[name], sketched.metrics[name]] as MetricSummary[];
      expect(sketchedMetric!.nullShare, name).toBe(exactMetric!.nullShare);
      if (exactMetric!.mean === null) continue;
      expect(sketchedMetric!.mean, name).toBeCloseTo(exactMetric!.mean, 6);
      const scale = 2 * Math.max(Math.abs(exactMetric!.p5), Math.abs(exactMetric!.p95));
      for (const key of ["p5", "p50", "p95"] as const) {
        expect(Math.abs(sketchedMetric![key] - exactMetric![key]), `${name} ${key}`).toBeLessThanOrEqual(
          BAND_SKETCH_ACCURACY * scale
        );
      }
    }
    expect(sketched.bands!.quantiles).toEqual({sketch: "log-buckets", relativeAccuracy: BAND_SKETCH_ACCURACY});
    for (const [rows, exactRows, columns] of [
      [sketched.bands!.cumulativeInferenceSpendUsd, bands.cumulativeInferenceSpendUsd, spend],
      [sketched.bands!.siliconCumulativeDiscountedCashFlowUsd, bands.siliconCumulativeDiscountedCashFlowUsd, silicon],
      [sketched.bands!.siliconNpvByDesignCycleUsd, bands.siliconNpvByDesignCycleUsd, cycles],
      [sketched.bands!.inferenceTaxRecoveredByYearUsd, bands.inferenceTaxRecoveredByYearUsd, tax[2]!]
    ] as const) {
      rows.forEach((row, t) => {
        const sorted = columns[t]!.slice().sort();
        for (const [key, p] of [
          ["p5", 0.05],
          ["p25", 0.25],
          ["p50", 0.5],
          ["p75", 0.75],
          ["p95", 0.95]
        ] as const) {
          const h = (samples - 1) * p;
          const bound = Math.max(Math.abs(sorted[Math.floor(h)]!), Math.abs(sorted[Math.ceil(h)]!));
          const error = Math.abs(row[key] - exactRows[t]![key]);
          expect(error, `month ${t} ${key}`).toBeLessThanOrEqual(BAND_SKETCH_ACCURACY * bound * (1 + 1e-12));
        }
      });
    }
    // Month 0 of the program holds the NRE alone; its band spans the NRE's 90% interval, within sampling error.
    const month0 = bands.siliconCumulativeDiscountedCashFlowUsd[0]!;
    expect(-month0.p95).toBeGreaterThan(150e6 * 0.9);
    expect(-month0.p5).toBeLessThan(500e6 * 1.1);
  });

  it("finds the same percentiles in passes over more samples than the first pass gathers at once (1,024)", () => {
    // 2,500 samples: the first pass adds its values to the sketches in blocks of 1,024, 1,024 and 452 samples.
    const bound = inline("serving.utilization: 0.5 to 0.8\nsilicon.nre: $150M to $500M\nhorizon.months: 12");
    const exact = runScenario(bound, {samples: 2500, seed: 5});
    const passes = runScenario(bound, {samples: 2500, seed: 5, exactBandValues: 20_000});
    expect(exact.bands!.quantiles).toBe("exact");
    expect(passes.bands).toEqual(exact.bands);
    for (const name of SCENARIO_METRICS) {
      const [e, p] = [exact.metrics[name], passes.metrics[name]] as MetricSummary[];
      expect({...p, mean: 0}, name).toEqual({...e, mean: 0});
      if (e!.mean !== null) expect(p!.mean, name).toBeCloseTo(e!.mean, 6);
    }
  });

  it("bands NPV by design cycle so that its median at a cycle is the median of the scenario at that cycle", () => {
    // asic-24-months.md extends asic-9-months.md and changes silicon.designCycle alone: the same uncertain keys, so
    // the same draws. The 9-month program's NPV-by-cycle band at 24 months is then, draw by draw, the 24-month
    // scenario's NPV, and /custom-silicon's curve reads the front page's "$2.32B vs $1.72B" (issue #13: one number).
    const run = (id: string) => runScenario(bindScenario(library.resolve(id), catalogs), {samples: 1000, seed: 1});
    const nine = run("asic-9-months");
    const twentyFour = run("asic-24-months");
    const curve = nine.bands!.siliconNpvByDesignCycleUsd;
    // The curve sums the same discounted savings in another order (siliconProgram.ts npvCurve): equal to 1e-12.
    const same = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.abs(b));
    const npv = (run: typeof nine) => run.metrics.siliconNpvUsd as MetricSummary;
    for (const key of ["p5", "p50", "p95"] as const) {
      same(curve[9]![key], npv(nine)[key]);
      same(curve[24]![key], npv(twentyFour)[key]);
    }
    expect(twentyFour.bands!.siliconNpvByDesignCycleUsd).toEqual(curve);
  });

  it("bands the inference tax's years so that year 1's recovered median is the metric's", () => {
    // /inference-tax labels each year's bar with the tax recovered and says "$333M in the first year" (the front page
    // too): the same draws, the same value in year 1 (inferenceTax.ts recoveredUsdPerYear = years[0].recoveredUsd).
    const base = runScenario(bindScenario(library.resolve("base"), catalogs), {samples: 1000, seed: 1});
    const metric = base.metrics.inferenceTaxRecoveredFirstYearUsd as MetricSummary;
    const recovered = base.bands!.inferenceTaxRecoveredByYearUsd;
    expect(recovered).toHaveLength(5); // base's 60-month horizon
    expect([recovered[0]!.p5, recovered[0]!.p50, recovered[0]!.p95]).toEqual([metric.p5, metric.p50, metric.p95]);
    // Base draws serving.utilization (the only key the tax reads) and silicon.nre: each year's spends and recovered
    // tax move together with utilisation, so the medians keep merchant − in-house = recovered (to rounding).
    // The cost stack's merchant parts sum to the cost per token's median (the same single driver).
    const merchantParts = base.bands!.inferenceTaxStackUsdPerMTok.filter(
      (_, k) => base.point.tax.stack[k]!.fleet === "merchant"
    );
    const cost = base.metrics.costPerMillionTokensUsd as MetricSummary;
    expect(merchantParts.reduce((sum, r) => sum + r.p50, 0)).toBeCloseTo(cost.p50, 9);
    base.bands!.inferenceTaxMerchantSpendByYearUsd.forEach((merchant, t) => {
      const inHouse = base.bands!.inferenceTaxInHouseSpendByYearUsd[t]!;
      expect(merchant.p50 - inHouse.p50).toBeCloseTo(recovered[t]!.p50, 0);
    });
  });

  it("evaluates the series (point) at the median of each key's draws, which is the median of a figure monotone in it", () => {
    const bound = inline("serving.utilization: 0.4 to 0.9\nsilicon.nre: $100M to $500M");
    const run = runScenario(bound, {samples: 1000, seed: 7});
    // The draws of serving.utilization, as the Monte Carlo makes them (its own stream of seed 7), and their median.
    const draws = monteCarlo({
      samples: 1000,
      seed: 7,
      inputs: {"serving.utilization": scenarioDistributions(bound.resolved)["serving.utilization"]!},
      outputs: ["u"],
      keepSamples: true,
      evaluateAt: (input, i, output) => (output.u![i] = input["serving.utilization"]![i]!)
    });
    const [drawnMedian] = percentiles(draws.outputSamples!.u!, [0.5]);
    const atDrawnMedian = runScenario(inline(`serving.utilization: ${drawnMedian}\nsilicon.nre: $100M to $500M`), {
      samples: 1000,
      seed: 7
    });
    expect(run.point.metrics.costPerMillionTokensUsd).toBe(atDrawnMedian.point.metrics.costPerMillionTokensUsd);
    // The cost per token is c ÷ u (falls as utilisation rises, moves with no other key): at the draws' median it is the
    // median over the draws but for interpolation. Type 7 takes the mean of the 500th and 501st draws a and b either
    // way; c ÷ ((a + b) / 2) against (c/a + c/b) / 2 differ by the factor 1 − ((b − a) / (a + b))², and b − a, two
    // neighbouring draws of 1,000 from [0.4, 0.9], is far below 0.004 (so under (0.004 / 0.8)² = 2.5e-5).
    const cost = run.metrics.costPerMillionTokensUsd as MetricSummary;
    expect(Math.abs(run.point.metrics.costPerMillionTokensUsd / cost.p50 - 1)).toBeLessThan(2.5e-5);
    // The distribution's own median (√(0.4 × 0.9)) misses it by the median's sampling error.
    const atDistributionMedian = runScenario(inline(`serving.utilization: ${Math.sqrt(0.4 * 0.9)}`), {
      samples: 1,
      seed: 1
    });
    expect(Math.abs(atDistributionMedian.point.metrics.costPerMillionTokensUsd / cost.p50 - 1)).toBeGreaterThan(1e-4);
  });

  it("is deterministic: the same seed gives the same result, another seed other numbers", () => {
    const bound = inline("serving.utilization: 0.5 to 0.8\nsilicon.nre: $100M to $500M");
    const a = runScenario(bound, {samples: 300, seed: 42});
    const b = runScenario(bound, {samples: 300, seed: 42});
    const c = runScenario(bound, {samples: 300, seed: 43});
    expect(b.metrics).toEqual(a.metrics);
    expect(c.metrics.costPerMillionTokensUsd).not.toEqual(a.metrics.costPerMillionTokensUsd);
    expect(c.metrics.siliconNpvUsd).not.toEqual(a.metrics.siliconNpvUsd);
  });

  it("reports the share of samples in which an event does not happen within the horizon", () => {
    // A payback after the design cycle, which straddles the 60-month horizon.
    const result = runScenario(inline("extends: asic-9-months\nsilicon.designCycle: 30 months to 70 months"), {
      samples: 400,
      seed: 3
    });
    const payback = result.metrics.siliconPaybackMonth as MetricSummary;
    expect(payback.nullShare).toBeGreaterThan(0);
    expect(payback.nullShare).toBeLessThan(1);
    expect(payback.p95).toBeLessThanOrEqual(60);
    // Every sample has an NPV.
    expect((result.metrics.siliconNpvUsd as MetricSummary).nullShare).toBe(0);
  });

  it("a sample that breaks a model is an error naming the key and the Monte Carlo", () => {
    // 1e6 tokens × 1e3 calls × 365.25 days = 3.65e11 tokens a year per user: the median, 3.2e7 users, asks 1.2e19
    // tokens a year, inside the inference tax model's 1e20; draws above 2.7e8 users ask more, and break it.
    const bound = inline("demand.tokensPerUserPerDay: 1e6\ndemand.agentMultiplier: 1000\ndemand.users: 1e6 to 1e9");
    const [error] = userErrorsOf(() => runScenario(bound, {samples: 200, seed: 1}));
    expect(error!.path).toBe("demand.users");
    expect(error!.message).toMatch(/in a Monte Carlo sample/);
  });

  it("rejects a bad sample count or seed", () => {
    const bound = inline("serving.utilization: 0.5 to 0.8");
    expect(userErrorsOf(() => runScenario(bound, {samples: 0, seed: 1}))[0]!.path).toBe("samples");
    expect(userErrorsOf(() => runScenario(bound, {samples: 10, seed: 1.5}))[0]!.message).toMatch(/seed/);
  });
});

describe("runScenario without options", () => {
  it("runs at run's defaults, 1,000 samples and seed 1 (a call without them threw a TypeError; modeller's trial)", () => {
    const bound = bindScenario(library.resolve("base"), catalogs);
    const result = runScenario(bound);
    expect(result.monteCarlo).toEqual({samples: 1000, seed: 1});
    expect(result).toEqual(runScenario(bound, {samples: 1000, seed: 1}));
  });

  it("refuses an exactBandValues that is no count (−1 or NaN sent every run down the slow sketching path; breaker)", () => {
    const bound = bindScenario(library.resolve("base"), catalogs);
    for (const bad of [-1, NaN, 1.5]) {
      expect(() => runScenario(bound, {samples: 10, seed: 1, exactBandValues: bad})).toThrow(/^exactBandValues: /);
    }
  });
});

describe("clampToRange", () => {
  it.each([
    ["(0, 1]", 0.5, 0.5],
    ["(0, 1]", 1.5, 1],
    ["(0, 1]", -0.2, 1e-9],
    ["[0, 1)", 1.2, 1 - 1e-9],
    ["[0, 1)", -3, 0],
    ["(-1, 100]", -2, -1 + 1e-9],
    ["[3, 120]", 1, 3],
    ["[1, ∞)", 1e300, 1e300],
    ["(0, 1e6)", 2e6, 1e6 - 1e-3]
  ])("pulls a draw into %s: %d → %d", (text, value, expected) => {
    const range = parseRange(text);
    const clamped = clampToRange(value, range);
    expect(isInRange(clamped, range)).toBe(true);
    expect(clamped).toBeCloseTo(expected, 12);
  });
});

describe("a key the evaluation does not read", () => {
  it("is not drawn in the Monte Carlo, nor listed among the uncertain keys", () => {
    // A parent makes silicon.relativeThroughput uncertain; its child names a catalog chip, which is set more directly
    // and decides the throughput (customChipMode), so the relative throughput is not read (unreadCustomChipKeys).
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-unread-"));
    try {
      const parent = join(dir, "p.md");
      const child = join(dir, "c.md");
      writeFileSync(parent, "---\ntitle: p\nextends: asic-9-months\nsilicon:\n  relativeThroughput: 0.8 to 1.2\n---\n");
      writeFileSync(child, "---\ntitle: c\nextends: p\nsilicon:\n  chip: custom-inference-asic\n---\n");
      const files = loadScenarioLibrary([parent, child]);
      const bound = bindScenario(files.resolve("c"), loadCatalogs());
      const withoutChip = bindScenario(files.resolve("p"), loadCatalogs());
      expect(runScenario(withoutChip, {samples: 20, seed: 1}).uncertainKeys).toContain("silicon.relativeThroughput");
      expect(runScenario(bound, {samples: 20, seed: 1}).uncertainKeys).not.toContain("silicon.relativeThroughput");
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
