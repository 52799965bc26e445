import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {UserError, UserErrors} from "../../../src/errors/userError.js";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {customChipServing} from "../../../src/scenario/evaluate/customChipServing.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {siliconScenarioFile} from "../helpers.js";

const catalogs = loadCatalogs();
const dir = mkdtempSync(join(tmpdir(), "token-ledger-chip-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** A scenario file extending asic-9-months (which sets silicon.relativeThroughput 0.8 to 1.2), bound and at its median. */
function scenario(id: string, silicon: string) {
  const {path, resolved} = siliconScenarioFile(dir, id, silicon);
  const bound = bindScenario(resolved, catalogs);
  return {path, bound, point: scenarioMedianPoint(resolved)};
}

function errorsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof UserErrors) return error.errors.map((e) => e.message);
    if (error instanceof UserError) return [error.message];
    throw error;
  }
  return [];
}

const row = (id: string) => catalogs.hardware.find((h) => h.id === id)!;

describe("a scenario's custom chip by catalog row or inline specs", () => {
  it("derives × serving.hardware's throughput from silicon.chip through the serving model, × silicon.servingFactor", () => {
    const {bound, point} = scenario("by-row", "  chip: custom-inference-asic\n  servingFactor: 0.9\n");
    const ev = evaluateScenarioPoint(bound, point);
    // The same serving model called directly on the row (customChipServing.test.ts checks its band).
    const direct = customChipServing(bound, point, row("custom-inference-asic")).relativeThroughput;
    expect(ev.customServing!.relativeThroughput).toBeCloseTo(direct, 12);
    expect(ev.metrics.siliconRelativeThroughput).toBeCloseTo(direct * 0.9, 12);
    // The custom chip's tokens/s are that multiple of the merchant's blended rate.
    expect(ev.custom.tokensPerSecondPerChip).toBeCloseTo(ev.blendedTokensPerSecondPerChip * direct * 0.9, 6);
  });

  it("naming the merchant chip itself gives exactly the old path at silicon.relativeThroughput 1", () => {
    // Same chip, same family calibration, same workload: the derived multiple is 1 (hand: x ÷ x).
    const same = scenario("same-chip", "  chip: h100-sxm\n");
    const old = scenario("old-path", "  relativeThroughput: 1\n");
    const a = evaluateScenarioPoint(same.bound, same.point);
    const b = evaluateScenarioPoint(old.bound, old.point);
    expect(a.metrics.siliconRelativeThroughput).toBeCloseTo(1, 12);
    expect(a.metrics.siliconNpvUsd).toBeCloseTo(b.metrics.siliconNpvUsd, 0);
    expect(a.metrics.siliconCostPerMillionTokensUsd).toBeCloseTo(b.metrics.siliconCostPerMillionTokensUsd, 12);
  });

  it("inline specs equal to the catalog's custom-inference-asic row give the row's throughput", () => {
    // data/hardware.csv custom-inference-asic: 500 BF16 / 1,000 FP8 TFLOP/s, 144 GB (6 × 24 GB stacks here) at 5 TB/s,
    // links of an HGX H100 (as serving.hardware's, which inline specs take).
    const specs = scenario(
      "by-specs",
      "  bf16Flops: 500 TFLOP/s\n  fp8Flops: 1000 TFLOP/s\n  hbmBandwidth: 5 TB/s\n  hbmStacks: 6\n  hbmPerStack: 24 GB\n  power: 500 W\n"
    );
    const byRow = scenario("by-row-2", "  chip: custom-inference-asic\n");
    const a = evaluateScenarioPoint(specs.bound, specs.point).metrics.siliconRelativeThroughput;
    const b = evaluateScenarioPoint(byRow.bound, byRow.point).metrics.siliconRelativeThroughput;
    expect(a).toBeCloseTo(b, 12);
  });

  it("keeps silicon.relativeThroughput for scenarios that set it (asic-9-months: its median, 1)", () => {
    const {bound, point} = scenario("legacy", "  power: 500 W\n");
    const ev = evaluateScenarioPoint(bound, point);
    expect(ev.customServing).toBeNull();
    // asic-9-months: 0.8 to 1.2, a lognormal 90% interval, median √(0.8 × 1.2) = 0.9798.
    expect(ev.metrics.siliconRelativeThroughput).toBeCloseTo(Math.sqrt(0.96), 12);
  });

  it("refuses FP8 below BF16 at silicon.fp8Flops, as data/hardware.csv's fp8_tflops (it ran at 0.48× an H100; breaker)", () => {
    const specs = "  bf16Flops: 1 PFLOP/s\n  fp8Flops: 0.5 PFLOP/s\n  hbmBandwidth: 3 TB/s\n";
    expect(errorsOf(() => scenario("fp8-low", specs))).toEqual([
      `${join(dir, "fp8-low.md")}:6:13: silicon.fp8Flops: FP8 throughput below BF16: expected at least silicon.bf16Flops (1 PFLOP/s), found 0.5 PFLOP/s (FP8 is twice BF16 on Hopper, Blackwell and MI300, per the NVIDIA H100 and AMD MI300X datasheets; check for swapped values)`
    ]);
    expect(errorsOf(() => scenario("fp8-ok", specs.replace("0.5 PFLOP/s", "2 PFLOP/s")))).toEqual([]);
  });

  it("blames the one set more directly when a child's BF16 passes its parent's FP8 (second-round breaker)", () => {
    // The parent is valid (BF16 1, FP8 2 PFLOP/s); its child raises BF16 to 3: the error is at the child's line.
    siliconScenarioFile(dir, "fp8-parent", "  bf16Flops: 1 PFLOP/s\n  fp8Flops: 2 PFLOP/s\n  hbmBandwidth: 8 TB/s\n");
    const child = join(dir, "fp8-child.md");
    writeFileSync(child, "---\ntitle: child\nextends: fp8-parent\nsilicon.bf16Flops: 3 PFLOP/s\n---\n");
    const resolved = () =>
      bindScenario(loadScenarioLibrary([join(dir, "fp8-parent.md"), child]).resolve("fp8-child"), catalogs);
    expect(errorsOf(resolved)).toEqual([
      `${child}:4:20: silicon.bf16Flops: BF16 throughput above FP8: expected at most silicon.fp8Flops (2 PFLOP/s), found 3 PFLOP/s (FP8 is twice BF16 on Hopper, Blackwell and MI300, per the NVIDIA H100 and AMD MI300X datasheets; check for swapped values)`
    ]);
  });

  it("reads the spec keys in their physical ranges, so that a bare number is told its unit (breaker)", () => {
    // A bare 1000 was 1,000 FLOP/s and failed on a computed value; a bare 24 GB per stack was 24 bytes.
    const errors = errorsOf(() => scenario("bare", "  bf16Flops: 1000\n  hbmBandwidth: 3.35\n  hbmPerStack: 24\n"));
    expect(errors).toEqual([
      `${join(dir, "bare.md")}:5:14: silicon.bf16Flops: out of range: expected a compute rate in [1 TFLOP/s, 1,000 PFLOP/s], found 1000`,
      `${join(dir, "bare.md")}:6:17: silicon.hbmBandwidth: out of range: expected a bandwidth in [10 GB/s, 10,000 TB/s], found 3.35 (did you mean 3.35 TB/s?)`,
      `${join(dir, "bare.md")}:7:16: silicon.hbmPerStack: out of range: expected a size in [100 MB, 1 TB], found 24`
    ]);
  });

  it("names the key, file and line of a conflicting or incomplete description", () => {
    const errors = errorsOf(() =>
      scenario("both", "  chip: custom-inference-asic\n  relativeThroughput: 0.9\n  bf16Flops: 500 TFLOP/s\n")
    );
    const file = join(dir, "both.md");
    expect(errors).toContain(
      `${file}:7:14: silicon.bf16Flops: a custom chip is either a catalog row (silicon.chip) or inline specs, not both: expected silicon.chip, or the inline specs, not both, found silicon.chip custom-inference-asic and silicon.bf16Flops 500 TFLOP/s`
    );
    expect(
      errors.find((e) =>
        e.startsWith(`${file}:6:23: silicon.relativeThroughput: the custom chip's throughput is derived`)
      )
    ).toBeDefined();
    expect(errorsOf(() => scenario("no-bw", "  bf16Flops: 500 TFLOP/s\n"))).toEqual([
      `${join(dir, "no-bw.md")}:5:14: silicon.bf16Flops: a custom chip given by its specs needs silicon.hbmBandwidth: expected silicon.bf16Flops and silicon.hbmBandwidth with the other specs, found silicon.bf16Flops without silicon.hbmBandwidth`
    ]);
    // Both missing: one error naming both (it was two errors at one place).
    expect(errorsOf(() => scenario("no-both", "  fp8Flops: 1000 TFLOP/s\n"))).toEqual([
      `${join(dir, "no-both.md")}:5:13: silicon.fp8Flops: a custom chip given by its specs needs silicon.bf16Flops and silicon.hbmBandwidth: expected silicon.bf16Flops and silicon.hbmBandwidth with the other specs, found silicon.fp8Flops without silicon.bf16Flops and silicon.hbmBandwidth`
    ]);
    expect(errorsOf(() => scenario("lone-factor", "  servingFactor: 0.9\n"))[0]).toMatch(
      /lone-factor\.md:5:18: silicon\.servingFactor: .*none is given/
    );
    expect(errorsOf(() => scenario("typo", "  chip: custom-inference-asci\n"))[0]).toMatch(
      /typo\.md:5:9: silicon\.chip: unknown hardware id 'custom-inference-asci'.*did you mean 'custom-inference-asic'/
    );
  });

  it("names silicon.chip when the chip cannot serve the workload (a precision it lacks)", () => {
    // a100-sxm4-80gb has no FP8 (data/hardware.csv); asic-9-months serves at FP8.
    const a100 = catalogs.hardware.find((h) => h.fp8FlopsPerS === null && h.kind === "gpu")!;
    const {bound, point} = scenario("no-fp8", `  chip: ${a100.id}\n`);
    expect(errorsOf(() => evaluateScenarioPoint(bound, point))[0]).toMatch(
      /no-fp8\.md:5:9: silicon\.chip: the custom chip cannot serve this configuration: .*fp8/
    );
  });

  it("tells a chip given by its specs without silicon.fp8Flops which key gives it FP8 (breaker: no word of it)", () => {
    const specs = scenario("specs-bf16", "  bf16Flops: 1000 TFLOP/s\n  hbmBandwidth: 3 TB/s\n");
    const [error] = errorsOf(() => evaluateScenarioPoint(specs.bound, specs.point));
    expect(error).toMatch(/specs-bf16\.md:5:14: silicon\.bf16Flops: .* no fp8 support \(serving\.precision\)/);
    expect(error).toMatch(/expected one of bf16, found fp8 \(give the chip's FP8 throughput with silicon\.fp8Flops, /);
    expect(error).toMatch(/or set serving\.precision to bf16\)$/);
    // A catalog chip has no key to give: no such hint.
    const a100 = catalogs.hardware.find((h) => h.fp8FlopsPerS === null && h.kind === "gpu")!;
    const row = scenario("row-bf16", `  chip: ${a100.id}\n`);
    expect(errorsOf(() => evaluateScenarioPoint(row.bound, row.point))[0]).not.toContain("silicon.fp8Flops");
  });
});
