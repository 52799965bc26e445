import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";

const dir = mkdtempSync(join(tmpdir(), "token-ledger-silicon-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function file(name: string, frontMatter: string): string {
  const path = join(dir, name);
  writeFileSync(path, `---\ntitle: ${name}\n${frontMatter}---\n`);
  return path;
}

describe("the custom chip's die keys", () => {
  it("name the key, its file:line:column, what was expected and what was found", async () => {
    const bad = file("bad-die.md", "silicon:\n  dieArea: 900 mm²\n  defectDensity: 3 /cm²\n  node: n2\n");
    const low = file(
      "low-yield.md",
      "silicon:\n  dieArea: 858 mm²\n  defectDensity: 2 /cm²\n  yieldClustering: 1000\n"
    );
    const {code, stdout, stderr} = await runCli(["validate", bad, low]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = stderr.trim().split("\n");
    // The reticle field is 26 × 33 mm = 858 mm² (diesPerWafer.ts).
    expect(lines).toContain(
      `token-ledger: ${bad}:4:12: silicon.dieArea: out of range: expected an area in (0 mm², 858 mm²], found 900 mm²`
    );
    expect(lines).toContain(
      `token-ledger: ${bad}:5:18: silicon.defectDensity: out of range: expected a defect density in [0 /cm², 2 /cm²], found 3 /cm²`
    );
    expect(lines.find((l) => l.includes(`${bad}:6:9: silicon.node`))).toMatch(/expected one of n28, .* n3, found n2/);
    // (1 + 8.58 × 2 ÷ 1000)^−1000 ≈ exp(−17.16): no working dies.
    // The yield of at least 1% is the model's; the die area's own bound follows: (1 + A × 2 ÷ 1000)^−1000 ≥ 0.01 for
    // A ≤ 1000 × (100^(1/1000) − 1) ÷ 2 = 2.3079 cm², offered as 230 mm².
    expect(lines.find((l) => l.includes(`${low}:4:12: silicon.dieArea: too few dies work`))).toMatch(
      /computed from this key, silicon.defectDensity and silicon.yieldClustering: the model expects a die yield of at least 1%.*\): expected at most 230 mm² \(the largest silicon\.dieArea the model accepts with the other keys as they are\), found 858 mm²$/
    );
  });

  it("blame a yield under 1% on the key the file sets, not on one left at its default", async () => {
    // asic-9-months leaves silicon.dieArea at its default (800 mm²); this file sets only the defect density, at line 5
    // ("---", title, extends, "silicon:", then "  defectDensity: 2 /cm²"), column 18 ("  defectDensity: " is 17
    // characters). At 800 mm² and 2 /cm² with the default clustering 0.394% of 64 gross dies work (dieYield.ts).
    const path = file("dense.md", "extends: asic-9-months\nsilicon:\n  defectDensity: 2 /cm²\n");
    const {code, stderr} = await runCli(["validate", path]);
    expect(code).toBe(1);
    expect(stderr).toContain(`${path}:5:18: silicon.defectDensity: too few dies work`);
    expect(stderr).not.toContain("is at its default");
  });

  it("build the custom chip's price when silicon.unitCost is not set", async () => {
    // 8 cm² = 800 mm² on N5 ($16,988 a wafer): 64 gross × 0.492 yield = 31.5 good → $539 a die; 4 × 24 GB × $15 =
    // $1,440 HBM; $428.57 packaging, $150 test, $250 board: $2,808 (the defaults' sources: src/silicon/customChipCost.ts).
    const ok = file("ok.md", "silicon:\n  dieArea: 8 cm²\n  node: n5\n");
    const {code, stdout} = await runCli(["run", ok, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).metrics.siliconUnitCostUsd).toBeCloseTo(
      16988 / (64 * 0.4920542) + 1440 + 12000 / 28 + 400,
      0
    );
  });
});

describe("the custom chip's description keys", () => {
  it("a chip and a relative throughput in one file stop validate with a non-zero exit, naming key, file and line", async () => {
    const both = file(
      "both.md",
      "extends: asic-9-months\nsilicon:\n  chip: custom-inference-asic\n  relativeThroughput: 0.9\n"
    );
    const {code, stdout, stderr} = await runCli(["validate", both]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim()).toBe(
      `token-ledger: ${both}:6:23: silicon.relativeThroughput: the custom chip's throughput is derived from silicon.chip: expected no silicon.relativeThroughput beside silicon.chip or inline specs (silicon.servingFactor scales them), found 0.9`
    );
  });

  it("the nearer ancestor's description wins: a grandchild of a chip over a relative throughput is valid", async () => {
    // asic-9-months sets silicon.relativeThroughput (0.8 to 1.2); the parent names a chip instead; the grandchild sets
    // neither. Both were ranked "inherited" alike, and validate blamed asic-9-months.md for a clash (trial).
    const parent = file("chip-parent.md", "extends: asic-9-months\nsilicon:\n  chip: custom-inference-asic\n");
    const child = file("chip-child.md", "extends: chip-parent\nserving:\n  utilization: 60%\n");
    const {code, stdout, stderr} = await runCli(["validate", child, parent]);
    // Nothing but validate's notes that the files' keys have no source (no clash blamed on asic-9-months.md).
    expect(stderr.split("\n").filter((line) => line && !/ without a source: /.test(line))).toEqual([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 scenario files valid/);
  });

  it("run --json reports the derived multiple of a catalog chip as siliconRelativeThroughput", async () => {
    const byRow = file("by-row.md", "extends: asic-9-months\nsilicon:\n  chip: h100-sxm\n");
    const {code, stdout} = await runCli(["run", byRow, "--json", "--samples", "200"]);
    expect(code).toBe(0);
    // serving.hardware is h100-sxm too: the same chip on the same workload is 1× itself.
    expect(JSON.parse(stdout).metrics.siliconRelativeThroughput.p50).toBeCloseTo(1, 12);
  });
});

describe("the custom chip's price: silicon.unitCost or its die", () => {
  it("a file extending base (unit cost $12,000) that sets a die key gets the price built from its die", async () => {
    // Before: base's inherited $12,000 was the price and silicon.dieArea and silicon.node were silently not read.
    const child = file("die-child.md", "extends: base\nsilicon:\n  dieArea: 8 cm²\n  node: n5\n");
    const own = file("die-own.md", "silicon:\n  dieArea: 8 cm²\n  node: n5\n");
    const a = await runCli(["run", child, "--json", "--samples", "200"]);
    const b = await runCli(["run", own, "--json"]);
    expect(a.code).toBe(0);
    const price = (out: string): number => {
      const metric = JSON.parse(out).metrics.siliconUnitCostUsd;
      return typeof metric === "number" ? metric : metric.p50;
    };
    // 8 cm² on N5: the same $2,808 as the file that extends nothing (see above).
    expect(price(a.stdout)).toBeCloseTo(price(b.stdout), 6);
    expect(price(b.stdout)).toBeCloseTo(16988 / (64 * 0.4920542) + 1440 + 12000 / 28 + 400, 0);
    // An override of the unit cost is more direct than the file's die keys, and wins.
    const set = await runCli(["run", child, "--json", "--samples", "200", "--set", "silicon.unitCost=5000"]);
    expect(price(set.stdout)).toBe(5000);
  });

  it("compare marks a differing value a scenario does not read (a die area beside a unit cost read as a difference)", async () => {
    // asic-9-months prices its chip at silicon.unitCost ($12,000), so its (default) 800 mm² die is read by nothing; this
    // child describes a 600 mm² die, whose price wins.
    const die = file("die-600.md", "extends: asic-9-months\nsilicon:\n  dieArea: 600 mm²\n");
    const text = await runCli(["compare", "asic-9-months", die, "--samples", "50"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^silicon\.dieArea\s+800 mm² †\s+600 mm²$/m);
    expect(text.stdout).toContain("† not read by that scenario: another description of the custom chip wins");
    const json = JSON.parse((await runCli(["compare", "asic-9-months", die, "--samples", "50", "--json"])).stdout);
    expect(json.notUsed["silicon.dieArea"]).toEqual([
      "the custom chip's price is silicon.unitCost, set more directly than its die",
      null
    ]);
  });

  it("run lists HBM stacks beside a unit cost and no specs as not used (they were listed as read; breaker)", async () => {
    const file_ = file("hbm-beside-cost.md", "extends: base\nsilicon:\n  unitCost: $9k\n  hbmStacks: 8\n");
    const json = JSON.parse((await runCli(["run", file_, "--json", "--samples", "50"])).stdout);
    expect(json.assumptions["silicon.hbmStacks"].unused).toBe(
      "the custom chip's price is silicon.unitCost and its throughput is not built from its specs"
    );
    expect(json.assumptions["silicon.unitCost"].unused).toBeUndefined();
    // Set alone over base's inherited unit cost, they describe the die, whose price wins: read.
    const die = file("hbm-alone.md", "extends: base\nsilicon:\n  hbmStacks: 8\n");
    const built = JSON.parse((await runCli(["run", die, "--json", "--samples", "50"])).stdout);
    expect(built.assumptions["silicon.hbmStacks"].unused).toBeUndefined();
  });

  it("run lists an inherited unit cost the die's price replaces apart, as not used (it was listed as an input)", async () => {
    // asic-9-months.md line 7 sets silicon.unitCost $12,000; this child describes a die, whose price wins.
    const child = file("die-of-asic.md", "extends: asic-9-months\nsilicon:\n  dieArea: 600 mm²\n  node: n5\n");
    const {code, stdout} = await runCli(["run", child, "--samples", "200"]);
    expect(code).toBe(0);
    const [used, unused] = stdout.split("Set but not used (what is used instead, in the last column):");
    expect(used).toMatch(/^silicon\.dieArea\s+600 mm²/m);
    expect(used).not.toMatch(/^silicon\.unitCost/m);
    expect(unused).toMatch(
      /^silicon\.unitCost\s+\$12,000\s+data\/scenarios\/asic-9-months\.md:7\s+the custom chip's price is built from its die/m
    );
    const json = JSON.parse((await runCli(["run", child, "--json", "--samples", "200"])).stdout);
    expect(json.assumptions["silicon.unitCost"].unused).toMatch(/built from its die/);
    expect(json.assumptions["silicon.dieArea"]).not.toHaveProperty("unused");
  });

  it("a unit cost and a die key in one file stop validate at the die key, naming both", async () => {
    const clash = file("die-clash.md", "extends: base\nsilicon:\n  unitCost: $9,000\n  dieArea: 600 mm²\n");
    const {code, stdout, stderr} = await runCli(["validate", clash]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(
      new RegExp(
        `^token-ledger: ${clash.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:6:12: silicon.dieArea: the custom chip's price is either silicon.unitCost or built from its die, not both: expected .* found silicon.dieArea 600 mm² and silicon.unitCost \\$9,000\\n$`
      )
    );
  });

  it("a sweep of silicon.partnerMargin on a die-described child of base moves the price", async () => {
    const child = file("die-sweep.md", "extends: base\nsilicon:\n  dieArea: 8 cm²\n  node: n5\n");
    const out = join(dir, "die-sweep.json");
    const {code} = await runCli([
      "sweep",
      child,
      "--vary",
      "silicon.partnerMargin=0:0.5:2",
      "--metrics",
      "siliconUnitCostUsd",
      "--out",
      out
    ]);
    expect(code).toBe(0);
    const rows = JSON.parse(readFileSync(out, "utf8")) as {siliconUnitCostUsd: number}[];
    // Half the price is the partner's margin: price ÷ (1 − 0.5) = twice the price at cost.
    expect(rows[1]!.siliconUnitCostUsd).toBeCloseTo(2 * rows[0]!.siliconUnitCostUsd, 6);
    // Varying silicon.unitCost itself on the same file makes it the price at each point.
    const byUnit = join(dir, "die-sweep-unit.json");
    await runCli([
      "sweep",
      child,
      "--vary",
      "silicon.unitCost=4000:8000:2",
      "--metrics",
      "siliconUnitCostUsd",
      "--out",
      byUnit
    ]);
    expect(
      JSON.parse(readFileSync(byUnit, "utf8")).map((r: {siliconUnitCostUsd: number}) => r.siliconUnitCostUsd)
    ).toEqual([4000, 8000]);
  });
});

describe("the price list and fleet keys", () => {
  it("batch and priority shares over 1 name both keys and the sum without floating-point noise", async () => {
    const {code, stdout, stderr} = await runCli([
      "run",
      "base",
      "--set",
      "pricing.batchShare=0.7",
      "--set",
      "pricing.priorityShare=0.6"
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      // The sum is the model's; the priority share's own bound follows: 1 − pricing.batchShare 0.7 = 0.3.
      "token-ledger: --set: pricing.priorityShare: batch and priority shares exceed all tokens (the price list model's tier shares, computed from this key and pricing.batchShare: the model expects batch share + priority share <= 1, found 1.3): expected at most 0.3 (the largest pricing.priorityShare the model accepts with the other keys as they are), found 0.6\n"
    );
  });

  it("a share sum over 1 at the model's tolerance offers 0, not 9.99e-13, and the value found in full where it rounds to the bound", async () => {
    // 1 + 1 > 1: the priority share may be at most 1 − 1 = 0 (the model's 1e-12 tolerance put 9.99e-13; breaker).
    const both = await runCli(["run", "base", "--set", "pricing.batchShare=1", "--set", "pricing.priorityShare=1"]);
    expect(both.stderr).toMatch(/: expected at most 0 \(the largest pricing\.priorityShare .*\), found 1\n$/);
    // 0.7 + 0.30000001 > 1: at most 0.3, found 0.30000001 (it read "found 0.3").
    const near = await runCli([
      "run",
      "base",
      "--set",
      "pricing.batchShare=0.7",
      "--set",
      "pricing.priorityShare=0.30000001"
    ]);
    expect(near.stderr).toMatch(/: expected at most 0\.3 \(.*\), found 0\.30000001\n$/);
  });

  it("blames the die's price on the key that can bring it into range (a 0.9999 partner margin, not the die area)", async () => {
    // Price = cost ÷ (1 − margin): $29M at 0.9999 from ~$2.9k; at most $10M, so a margin of at most 0.999 ($2.9M).
    const path = file("margin.md", "extends: base\nsilicon:\n  dieArea: 800 mm²\n  partnerMargin: 0.9999\n");
    const {code, stderr} = await runCli(["run", path]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      new RegExp(
        `^token-ledger: ${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:6:18: silicon\\.partnerMargin: out of range .*: expected at most 0\\.999 \\(the largest silicon\\.partnerMargin .*\\), found 0\\.9999\n$`
      )
    );
  });

  it("a chip-hour price of 0 is an error (a rented chip is never free; unset means owned)", async () => {
    const zero = file("free-chips.md", "extends: deepseek-one-day\nfleet.chipHourPrice: 0\n");
    const {code, stdout, stderr} = await runCli(["validate", zero]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `token-ledger: ${zero}:4:22: fleet.chipHourPrice: out of range: expected a cost per hour in [0.01 USD/h, 10,000 USD/h], found 0\n`
    );
  });
});

describe("a custom chip given by its specs that cannot serve the model", () => {
  it("is blamed on the key a --set changed (silicon.hbmStacks), not on the file's first spec key", async () => {
    const specs = file(
      "specs-fit.md",
      "extends: base\nsilicon:\n  bf16Flops: 800 TFLOP/s\n  fp8Flops: 1600 TFLOP/s\n  hbmBandwidth: 6 TB/s\n  hbmPerStack: 36 GB\n  hbmStacks: 6\n"
    );
    expect((await runCli(["validate", specs])).code).toBe(0);
    // 1 stack × 36 GB × 8 chips (serving.tensorParallel) is 288 GB, 259.2 GB usable, under the 405.9 GB of weights.
    const {code, stdout, stderr} = await runCli(["run", specs, "--set", "silicon.hbmStacks=1"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(
      /^token-ledger: --set: silicon\.hbmStacks: the custom chip cannot serve this configuration: the model does not fit: .* found 1, with serving\.tensorParallel 8\n$/
    );
    // Unchanged without an override: the first spec key of the file, at its line and column.
    const tiny = file(
      "specs-tiny.md",
      "extends: base\nsilicon:\n  bf16Flops: 800 TFLOP/s\n  fp8Flops: 1600 TFLOP/s\n  hbmBandwidth: 6 TB/s\n  hbmStacks: 1\n"
    );
    const fromFile = await runCli(["validate", tiny]);
    expect(fromFile.stderr).toMatch(
      new RegExp(
        `^token-ledger: ${tiny.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:5:14: silicon\\.bf16Flops: the custom chip cannot serve`
      )
    );
  });
});
