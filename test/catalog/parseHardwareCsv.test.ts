import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {UserErrors} from "../../src/errors/userError.js";
import {
  HARDWARE_COLUMNS,
  HARDWARE_COLUMNS_WITHOUT_FAMILY,
  HARDWARE_COLUMNS_WITHOUT_TOPOLOGY,
  hasFamilyColumn,
  hasTopologyColumn,
  parseHardwareCsv
} from "../../src/catalog/parseHardwareCsv.js";
import type {Hardware} from "../../src/catalog/hardware.js";
import {CHIP_HOUR_COST_RANGES} from "../../src/strategy/servingChip.js";
import {cellColumn} from "./cellColumn.js";
import {MODEL_COLUMNS} from "../../src/catalog/parseModelsCsv.js";

const FILE = "data/hardware.csv";
const text = readFileSync(new URL("../../data/hardware.csv", import.meta.url), "utf8");
const HEADER = HARDWARE_COLUMNS.join(",");

/** Relative closeness: |a − b| ≤ tol × |b|. */
function expectClose(actual: number | null, expected: number, tol = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tol * Math.abs(expected));
}

/** Runs `fn` and returns the UserErrors it throws (fails the test if it throws nothing or something else). */
function errorsOf(fn: () => unknown): UserErrors["errors"] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserErrors);
    return (error as UserErrors).errors;
  }
  throw new Error("expected UserErrors, nothing was thrown");
}

const SOURCES =
  "Epoch <https://epoch.ai/data>,vLLM <https://github.com/vllm-project/vllm/issues/27508>,NVIDIA <https://nvidia.com>,DGX H100 <https://github.com/epoch-research/training-cost-trends>";
const GOOD_ROW = `h100-sxm,NVIDIA H100 SXM5 80GB,NVIDIA,gpu,hopper,989.4,1979,,80,3.35,79.11,450,8,switch,50,700,31120,2.99,0.5,1275,${SOURCES},,NVIDIA datasheet,https://www.nvidia.com/en-us/data-center/h100/,`;

describe("parseHardwareCsv on data/hardware.csv", () => {
  const rows = parseHardwareCsv(text, {file: FILE});
  const byId = new Map(rows.map((row) => [row.id, row]));

  it("parses every row without error", () => {
    expect(rows.length).toBeGreaterThanOrEqual(13);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it("has the rows other modules rely on", () => {
    for (const id of [
      "a100-sxm-80gb",
      "h100-sxm",
      "h800-sxm",
      "h200-sxm",
      "b200",
      "gb200",
      "mi300x",
      "mi325x",
      "tpu-v5e",
      "tpu-v5p",
      "tpu-v6e",
      "trainium2",
      "custom-inference-asic",
      "v100-sxm2-32gb",
      "a100-sxm-40gb",
      "tpu-v3",
      "tpu-v4",
      "trainium3"
    ]) {
      expect(byId.has(id), id).toBe(true);
    }
  });

  // The family each bundled chip had when the families were a table in src/catalog/chipFamily.ts (FAMILY_OF_ID, and
  // "tpu" for kind tpu, "other" for the rest; commit e050157), so that the family column changed no calibration group.
  it.each([
    ["a100-sxm-80gb", "ampere"],
    ["a100-sxm-40gb", "ampere"],
    ["h100-sxm", "hopper"],
    ["h200-sxm", "hopper"],
    ["h800-sxm", "hopper"],
    ["b200", "blackwell"],
    ["gb200", "blackwell"],
    ["mi300x", "cdna3"],
    ["mi325x", "cdna3"],
    ["trainium2", "trainium"],
    ["tpu-v3", "tpu"],
    ["tpu-v4", "tpu"],
    ["tpu-v5e", "tpu"],
    ["tpu-v5p", "tpu"],
    ["tpu-v6e", "tpu"],
    ["tpu-v7", "tpu"],
    ["v100-sxm2-32gb", "other"],
    ["trainium3", "other"],
    ["custom-inference-asic", "other"]
  ])("gives %s the family %s", (id, family) => {
    expect(byId.get(id)?.family).toBe(family);
  });

  it("lists every row in the family table above", () => {
    expect(rows).toHaveLength(19);
  });

  // Spot values against /work/shared/reference/facts.md §1 and the row's own source.
  // [id, BF16 dense FLOP/s, FP8 dense FLOP/s or null, HBM bytes, HBM bytes/s, TDP W]
  describe.each<[string, number, number | null, number, number, number]>([
    // NVIDIA A100 datasheet; Epoch chip DB "NVIDIA A100 SXM4 80 GB": 312 TFLOPS, 80 GB, 2.039 TB/s, 400 W.
    ["a100-sxm-80gb", 312e12, null, 80e9, 2.039e12, 400],
    // Epoch chip DB: BF16 9.894e14, 80 GB, 3.35e12 B/s, 700 W; NVIDIA datasheet FP8 3,958 sparse = 1,979 dense.
    ["h100-sxm", 989.4e12, 1979e12, 80e9, 3.35e12, 700],
    // NVIDIA H200 datasheet: 141 GB HBM3e, 4.8 TB/s, 700 W (MLPerf v4.1 system "H200 TGP 700W").
    ["h200-sxm", 989.4e12, 1979e12, 141e9, 4.8e12, 700],
    // Lockwood, B200 HGX at 1,000 W: BF16 2,250, FP8 4,500 dense; DGX B200 1,440 GB / 8 = 180 GB; 64 TB/s / 8.
    ["b200", 2250e12, 4500e12, 180e9, 8e12, 1000],
    // Lockwood, GB200 at 1,200 W: BF16 2,500, FP8 5,000 dense; NVL72 13.4 TB / 72 ≈ 186 GB; 576 TB/s / 72.
    ["gb200", 2500e12, 5000e12, 186e9, 8e12, 1200],
    // AMD MI300X datasheet via Epoch: 1,307.4 / 2,614.9 TFLOPS, 192 GB, 5.3 TB/s, 750 W.
    ["mi300x", 1307.4e12, 2614.9e12, 192e9, 5.3e12, 750],
    // awesomeagents.ai / Epoch: MI325X same compute as MI300X, 256 GB, 6 TB/s, 1,000 W.
    ["mi325x", 1307.4e12, 2614.9e12, 256e9, 6e12, 1000],
    // cloud.google.com/tpu/docs/v5e: "197 TFLOPs", "16 GB, 819 GBps"; TDP 140 W is Epoch's (estimated).
    ["tpu-v5e", 197e12, null, 16e9, 819e9, 140],
    // cloud.google.com/tpu/docs/v5p: "459 TFLOPs", "95GB, 2765 GBps"; TDP is our estimate.
    ["tpu-v5p", 459e12, null, 95e9, 2.765e12, 400],
    // cloud.google.com/tpu/docs/v6e: "918 TFLOPs", "32 GB", "1638 GBps"; TDP is our estimate.
    ["tpu-v6e", 918e12, null, 32e9, 1.638e12, 390],
    // AWS Neuron trainium2.rst: "667 BF16/FP16/TF32 TFLOPS", "1,299 FP8 TFLOPS", 96 GiB, 2.9 TB/sec.
    ["trainium2", 667e12, 1299e12, 96 * 1024 ** 3, 2.9e12, 500],
    // Epoch chip DB "NVIDIA Tesla V100 SXM2 32 GB": FP16 tensor 125 TFLOPS (no BF16 on Volta), 32 GB, 300 W;
    // NVIDIA 900 GB/s (Epoch 898e9).
    ["v100-sxm2-32gb", 125e12, null, 32e9, 0.9e12, 300],
    // facts.md §1 and LLM-Viewer: A100 40 GB has 1.555 TB/s and the A100's 312 TFLOPS and 400 W.
    ["a100-sxm-40gb", 312e12, null, 40e9, 1.555e12, 400],
    // Epoch chip DB "Google TPU v3": 123 TFLOPS, 32e9 B, 900e9 B/s, TDP 220 W.
    ["tpu-v3", 123e12, null, 32e9, 0.9e12, 220],
    // Epoch chip DB "Google TPU v4": 275 TFLOPS, 32e9 B, 1.2e12 B/s, TDP 170 W.
    ["tpu-v4", 275e12, null, 32e9, 1.2e12, 170],
    // AWS Neuron trainium3.rst (facts.md §1): 671 BF16, 2,517 MXFP8 TFLOPS, 144 GiB, 4.9 TB/s; power assumed.
    ["trainium3", 671e12, 2517e12, 144 * 1024 ** 3, 4.9e12, 1000]
  ])("%s", (id, bf16, fp8, hbmBytes, bandwidth, powerW) => {
    const row = () => byId.get(id)!;
    it("has the sourced peak FLOP/s", () => {
      expectClose(row().bf16FlopsPerS, bf16);
      if (fp8 === null) expect(row().fp8FlopsPerS).toBeNull();
      else expectClose(row().fp8FlopsPerS, fp8);
    });
    it("has the sourced memory capacity and bandwidth", () => {
      expectClose(row().hbmBytes, hbmBytes, 1e-4); // 96 GiB is entered as 103.08 GB
      expectClose(row().hbmBandwidthBytesPerS, bandwidth);
    });
    it("has the sourced power", () => {
      expect(row().powerW).toBe(powerW);
    });
  });

  // Ridge points (peak BF16 FLOP/s ÷ bytes/s, FLOP per byte), facts.md §1 (D).
  describe.each<[string, number]>([
    ["h100-sxm", 295],
    ["a100-sxm-80gb", 153],
    ["h200-sxm", 206],
    ["b200", 281],
    ["mi300x", 247],
    ["tpu-v5e", 241],
    ["tpu-v6e", 560],
    ["trainium2", 230]
  ])("ridge point of %s", (id, ridge) => {
    it(`is about ${ridge} FLOP/byte`, () => {
      const row = byId.get(id)!;
      expect(row.bf16FlopsPerS / row.hbmBandwidthBytesPerS).toBeCloseTo(ridge, -0.5); // within ±1.6
    });
  });

  it("keeps FP8 blank on TPUs v5e/v5p/v6e (no INT8 in the FP8 column)", () => {
    for (const id of ["tpu-v5e", "tpu-v5p", "tpu-v6e"]) expect(byId.get(id)!.fp8FlopsPerS).toBeNull();
  });

  it("flags the hypothetical ASIC as wholly estimated", () => {
    const asic = byId.get("custom-inference-asic")!;
    expect(asic.hypothetical).toBe(true);
    expect(asic.estimated).toEqual(["all"]);
    expect(asic.name).toMatch(/hypothetical/i);
    expect(rows.filter((r) => r.hypothetical).map((r) => r.id)).toEqual(["custom-inference-asic"]);
  });

  it("translates estimated column names into field names", () => {
    expect(byId.get("tpu-v5e")!.estimated).toEqual([
      "powerW",
      "hbmCapacityBytes",
      "systemOverheadFraction",
      "systemPowerW"
    ]);
    expect(byId.get("gb200")!.estimated).toEqual([
      "priceUsd",
      "hbmCapacityBytes",
      "scaleOutBandwidthBytesPerS",
      "systemPowerW"
    ]);
    expect(byId.get("h100-sxm")!.estimated).toEqual([]);
  });

  // [id, HBM the runtime reports (bytes), scale-up bytes/s per direction, chips per scale-up domain]
  describe.each<[string, number, number, number]>([
    // PyTorch on an H100 80GB HBM3: "GPU 0 has a total capacity of 79.11 GiB" (vLLM issue #27508); nvidia-smi shows
    // 81,559 MiB (NCCL issue #1264), of which the driver keeps ~550 MiB. NVLink 4: 900 GB/s bidirectional = 450 each way.
    ["h100-sxm", 79.11 * 2 ** 30, 450e9, 8],
    // H800: NVLink cut to 400 GB/s bidirectional (Philisun; DeepSeek-V3 report measures 160 GB/s achieved).
    ["h800-sxm", 79.11 * 2 ** 30, 200e9, 8],
    // NVLink 5: 1,800 GB/s per GPU (AI Infra Index); the GB200 NVL72 domain is the 72-GPU rack.
    ["b200", 178.35 * 2 ** 30, 900e9, 8],
    ["gb200", 184.31 * 2 ** 30, 900e9, 72],
    // HIP deviceQuery on MI300X: "196592: Total Global Memory (MB)" (MiB); 7 Infinity Fabric links × 64 GB/s each way.
    ["mi300x", 196_592 * 2 ** 20, 448e9, 8],
    // Google TPU v5e: "Bidirectional ICI bandwidth (per chip) 400 GBps", 256-chip pod.
    ["tpu-v5e", 16e9, 200e9, 256]
  ])("%s memory and links", (id, hbmCapacityBytes, scaleUpBytesPerS, scaleUpChips) => {
    it("has the sourced capacity the runtime reports and scale-up link", () => {
      const row = byId.get(id)!;
      expectClose(row.hbmCapacityBytes, hbmCapacityBytes, 1e-3); // tpu-v5e: 14.9 GiB entered for 16e9 B
      expectClose(row.scaleUpBandwidthBytesPerS, scaleUpBytesPerS);
      expect(row.scaleUpChips).toBe(scaleUpChips);
    });
  });

  // [id, scale-up topology]: the source of each is quoted in the row's links_source.
  it.each<[string, string]>([
    // NVSwitch: NVIDIA, 'Introducing NVIDIA HGX H100' ("Each NVSwitch is a fully non-blocking switch that fully
    // connects all eight H100"); DGX B200 and GB200 NVL72 carry NVSwitch 4.0 (AI Infra Index).
    ["h100-sxm", "switch"],
    ["gb200", "switch"],
    // "connected to its seven peer GPUs via xGMI links, forming a fully connected mesh" (AMD ROCm blog, 2025); the
    // MI325X platform is a drop-in replacement for the MI300X platform with seven links for full connectivity.
    ["mi300x", "full-mesh"],
    ["mi325x", "full-mesh"],
    // Google Cloud TPU v5e: "Interconnect topology 2D torus"; AWS Neuron: Trn2's "4 x 4 torus".
    ["tpu-v5e", "torus"],
    ["trainium2", "torus"],
    // NVIDIA DGX-1 with V100 white paper: "a hybrid cube-mesh network".
    ["v100-sxm2-32gb", "hybrid-cube-mesh"]
  ])("gives %s the scale-up topology %s", (id, topology) => {
    expect(byId.get(id)!.scaleUpTopology).toBe(topology);
  });

  it("flags a topology as an estimate where its row's links_source names no source for it", () => {
    for (const row of rows.filter((r) => / \(not re-read|assumed/i.test(r.linksSource.split("Topology:")[1] ?? ""))) {
      expect(row.estimated, row.id).toContain("scaleUpTopology");
    }
  });

  it("names a source with a URL for the memory and links of every real row", () => {
    for (const row of rows.filter((r) => !r.hypothetical)) {
      expect(row.hbmSource, row.id).toMatch(/<https:\/\/[^\s<>]+>/);
      expect(row.linksSource, row.id).toMatch(/<https:\/\/[^\s<>]+>/);
      // The runtime never reports more than the marketed capacity read in binary units plus 1%.
      expect(row.hbmCapacityBytes, row.id).toBeLessThanOrEqual((row.hbmBytes / 1e9) * 2 ** 30 * 1.01);
    }
  });

  it("gives a price source wherever a price is given, and https sources everywhere", () => {
    for (const row of rows) {
      if (row.priceUsd !== null || row.hourlyPriceUsd !== null) expect(row.priceSource, row.id).not.toBe("");
      expect(row.sourceUrl, row.id).toMatch(/^https:\/\//);
    }
  });

  it("keeps FLOP/s dense: FP8 never exceeds 2 × BF16", () => {
    // Trainium3 is the published exception: 2,517 MXFP8 vs 671 BF16 dense TFLOPS (AWS Neuron docs, trainium3.rst).
    for (const row of rows.filter((r) => r.id !== "trainium3")) {
      if (row.fp8FlopsPerS !== null)
        expect(row.fp8FlopsPerS, row.id).toBeLessThanOrEqual(2 * row.bf16FlopsPerS * 1.001);
    }
  });

  it("matches the Hardware type's units (an H100 has 80e9 bytes, not 80)", () => {
    const h100: Hardware = byId.get("h100-sxm")!;
    expect(h100.hbmBytes).toBe(80e9);
    expect(h100.priceUsd).toBe(31120);
    expect(h100.hourlyPriceUsd).toBe(2.99);
  });
});

describe("parseHardwareCsv validation", () => {
  it("reports every bad cell with its line and column", () => {
    const rows = [
      // line 3: bad id (field 1), bad kind (field 4), negative bf16 (field 6), unit in hbm_gb (field 9)
      "H100_SXM,X,NVIDIA,fpga,hopper,-1,,,80 GB,3.35,79.11,450,8,switch,50,700,,,0.5,1275,,H <https://h.org>,L <https://l.org>,S <https://s.org>,,T,https://x.org,",
      // line 4: missing power (field 16), price without source (field 21), bad estimated (field 25), http URL
      // (field 27)
      "b200,B200,NVIDIA,gpu,blackwell,2250,4500,9000,180,8,178.35,900,8,switch,50,,47409,,0.235,1787.5,,H <https://h.org>,L <https://l.org>,S <https://s.org>,power;price_usd,T,http://x.org,",
      // line 5: unit in hbm_gib (field 11), zero scale-up bandwidth (field 12), fractional domain (field 13), unknown
      // topology (field 14), negative system overhead (field 19), system power below chip power (field 20), HBM
      // source without a URL (field 22)
      "mi300x,MI300X,AMD,gpu,cdna3,1307.4,2614.9,,192,5.3,192 GiB,0,8.5,mesh,50,750,,,-0.1,700,,HIP deviceQuery,L <https://l.org>,S <https://s.org>,,T,https://x.org,"
    ];
    const bad = [HEADER, GOOD_ROW, ...rows].join("\n");
    const errors = errorsOf(() => parseHardwareCsv(bad, {file: FILE}));
    const where = errors.map((e) => [e.detail.line, e.detail.column, e.detail.path]);
    // Each column is the character column of the field's first character (cellColumn counts the cells before it).
    const at = (line: number, field: number, path: string) => [line, cellColumn(rows[line - 3]!, field), path];
    expect(where).toEqual([
      at(3, 1, "id"),
      at(3, 4, "kind"),
      at(3, 6, "bf16_tflops"),
      at(3, 9, "hbm_gb"),
      at(4, 16, "power_w"),
      at(4, 21, "price_source"),
      at(4, 25, "estimated"),
      at(4, 27, "source_url"),
      at(5, 11, "hbm_gib"),
      at(5, 12, "scale_up_gbps"),
      at(5, 13, "scale_up_chips"),
      at(5, 14, "scale_up_topology"),
      at(5, 19, "system_overhead"),
      at(5, 20, "system_power_w"),
      at(5, 22, "hbm_source")
    ]);
    // Line 3's kind: after `H100_SXM,X,NVIDIA,` (8 + 1 + 1 + 1 + 6 + 1 = 18 characters), at 19.
    expect(where[1]).toEqual([3, 19, "kind"]);
    expect(errors.every((e) => e.detail.file === FILE)).toBe(true);
    expect(errors[0]!.message).toBe(
      "data/hardware.csv:3:1: id: bad id: expected lowercase kebab-case such as 'h100-sxm' or 'llama-3.1-8b', found 'H100_SXM'"
    );
    expect(errors[3]!.detail.found).toBe("'80 GB'");
    expect(errors[6]!.detail.found).toBe("'power'");
  });

  it.each([
    // An 80 GB H100 carries 80 GiB (its runtime reports 79.11): usable HBM from 80e9 ÷ 2^30 ÷ 2 = 37.25 to 80 GiB.
    [
      "800",
      "more usable HBM than the chip carries",
      "a capacity in GiB from 37.25 (half of hbm_gb) to 80 (hbm_gb read as GiB)"
    ],
    [
      "0.02",
      "less than half the chip's HBM usable",
      "a capacity in GiB from 37.25 (half of hbm_gb) to 80 (hbm_gb read as GiB)"
    ]
  ])(
    "checks hbm_gib %s against hbm_gb (a batch the chip cannot hold was served; breaker)",
    (gib, message, expected) => {
      const row = GOOD_ROW.replace(",79.11,", `,${gib},`);
      const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
      expect(errors.map((e) => e.detail)).toEqual([
        expect.objectContaining({line: 2, column: cellColumn(row, 11), path: "hbm_gib", message, expected})
      ]);
    }
  );

  it("refuses an HBM bandwidth in GB/s where TB/s is meant (3350 for 3.35 priced a chip's tokens at half; breaker)", () => {
    const row = GOOD_ROW.replace(",3.35,", ",3350,");
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors.map((e) => e.detail)).toEqual([
      {
        file: FILE,
        line: 2,
        column: cellColumn(row, 10),
        path: "hbm_tbps",
        message: "HBM bandwidth too high for the chip's HBM",
        // 1 TB/s per GB × 80 GB (hbm_gb); bundled rows: 80 GB ÷ 3.35 TB/s = 24 ms for the H100.
        expected:
          "at most 80 TB/s for hbm_gb 80 GB (1 TB/s per GB: the whole HBM read in 1 ms; the bundled chips take 20–43 ms)",
        found: "'3350'",
        hint: "hbm_tbps is in TB/s: 3,350 GB/s is 3.35 TB/s; or check hbm_gb"
      }
    ]);
    // On-chip SRAM (less memory than any HBM part) reads far faster: Groq's LPU, 80 TB/s from 0.23 GB (second-round
    // breaker: refused, with a hint of 0.08 TB/s, a chip 1,000 times too slow).
    const sram = GOOD_ROW.replace(",80,3.35,79.11,", ",0.23,80,0.214,");
    expect(() => parseHardwareCsv(`${HEADER}\n${sram}`, {file: FILE})).not.toThrow();
    // At the bound it is read.
    expect(() => parseHardwareCsv(`${HEADER}\n${GOOD_ROW.replace(",3.35,", ",80,")}`, {file: FILE})).not.toThrow();
  });

  it("checks system_overhead against its physical range (1e6 passed validate and failed at run; breaker)", () => {
    const row = GOOD_ROW.replace(",0.5,1275,", ",1000000,1275,");
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors.map((e) => [e.detail.line, e.detail.column, e.detail.path, e.detail.message])).toEqual([
      [2, cellColumn(row, 19), "system_overhead", "out of range"]
    ]);
    expect(errors[0]!.detail.expected).toMatch(/\[0, 50\]/);
  });

  it("writes a system power below a chip power of a thousand watts or more with its thousands grouped", () => {
    // A B200 row's power_w 1000 read "at least power_w (1000 W)" beside the catalog table's 1,000 (new-user trial).
    const row = GOOD_ROW.replace(",700,", ",1000,").replace(",0.5,1275,", ",0.5,900,");
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors.map((e) => [e.detail.path, e.detail.expected])).toEqual([
      ["system_power_w", "at least power_w (1,000 W)"]
    ]);
  });

  it("refuses a system power past power.hostOverhead's range at its cell (it failed on the key at line 1; tester)", () => {
    const row = GOOD_ROW.replace(",0.5,1275,", ",0.5,5000,");
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors.map((e) => e.message)).toEqual([
      `data/hardware.csv:2:${cellColumn(row, 20)}: system_power_w: more host power than a scenario takes: expected at ` +
        "most 6 × power_w (4,200 W), the host power a scenario takes (power.hostOverhead ≤ 5), found '5000'"
    ]);
    // The bound is the key's range (one home): 6 × 700 W is at it, and parses.
    const max = CHIP_HOUR_COST_RANGES.hostPowerFraction.max;
    const atMax = GOOD_ROW.replace(",0.5,1275,", `,0.5,${(max + 1) * 700},`);
    expect(parseHardwareCsv(`${HEADER}\n${atMax}`, {file: FILE})[0]!.systemPowerW).toBe((max + 1) * 700);
  });

  it("names missing and unexpected header columns", () => {
    const header = HEADER.replace("hbm_tbps", "bandwidth");
    const errors = errorsOf(() => parseHardwareCsv(`${header}\n${GOOD_ROW}`, {file: FILE}));
    // Both at hbm_tbps's place, field 10 of the header, where the header's bandwidth cell starts.
    const column = cellColumn(header, 10);
    expect(errors.map((e) => [e.detail.message, e.detail.path, e.detail.column])).toEqual([
      ["missing column", "hbm_tbps", column],
      ["unexpected column", "bandwidth", column]
    ]);
    expect(errors.every((e) => e.detail.line === 1)).toBe(true);
  });

  it("names a misspelt header column once, offering the missing one (it was a missing and an unexpected one)", () => {
    const header = HEADER.replace("hbm_tbps", "hbm_gbps");
    const errors = errorsOf(() => parseHardwareCsv(`${header}\n${GOOD_ROW}`, {file: FILE}));
    expect(errors.map((e) => e.message)).toEqual([
      `data/hardware.csv:1:${cellColumn(header, 10)}: hbm_gbps: unknown column: expected column 'hbm_tbps' at ` +
        "position 10, found 'hbm_gbps' (did you mean hbm_tbps?)"
    ]);
  });

  // Excel in many locales saves CSV with ';' between cells, and "Text (Tab delimited)" with tabs: the header read as
  // one unknown column and every expected one missing, 29 errors and no word about the separator (breaker).
  it.each([
    [";", "semicolons (;)"],
    ["\t", "tabs"],
    // Any other character too: '|' was 29 errors (breaker).
    ["|", "'|'"]
  ])("says a header separated by %j is, once, at the header", (separator, word) => {
    const csv = `${HEADER}\n${GOOD_ROW}\n`.replace(/,/g, separator);
    expect(errorsOf(() => parseHardwareCsv(csv, {file: FILE})).map((e) => e.message)).toEqual([
      `data/hardware.csv:1:1: header separated by ${word}, not commas: expected the columns separated by commas ` +
        `(${HEADER}), found 28 column names separated by ${word}, 'id' to 'notes' ` +
        "(save the file as comma-separated CSV, in Excel as CSV UTF-8 (Comma delimited))"
    ]);
  });

  // A blank row as a spreadsheet saves it, commas only: it was one "missing value" error per column, 28 lines, the
  // first "id: missing value" (breaker). With fewer commas it was "wrong number of cells".
  it("says a row of empty cells is an empty row, in one error", () => {
    for (const blank of [",".repeat(27), " , ,"]) {
      const cells = blank.split(",").length;
      expect(
        errorsOf(() => parseHardwareCsv(`${HEADER}\n${GOOD_ROW}\n${blank}\n`, {file: FILE})).map((e) => e.message)
      ).toEqual([
        `data/hardware.csv:3:1: empty row: expected a row of 28 cells with values, or no line, found ${cells} empty ` +
          "cells (delete the line: a spreadsheet saves a blank row as commas)"
      ]);
    }
  });

  // The bundled catalog with its header line deleted: its first row read as a header separated by semicolons, for
  // the row's estimated cell `hbm_gib;system_overhead` names two columns (breaker).
  it("says a file whose first line is a row is missing its header (it said 'separated by semicolons')", () => {
    const headless = text.slice(text.indexOf("\n") + 1);
    expect(errorsOf(() => parseHardwareCsv(headless, {file: FILE})).map((e) => e.message)).toEqual([
      `data/hardware.csv:1:1: no column names on the first line: expected the header ${HEADER}, found 28 cells, ` +
        "none a column name ('a100-sxm-80gb', …) (line 1 reads as a row: put the header line above it)"
    ]);
  });

  it("says a header separated by ';' whose names are in another case is both, in the one error", () => {
    const csv = `${HEADER.toUpperCase()}\n${GOOD_ROW}\n`.replace(/,/g, ";");
    expect(errorsOf(() => parseHardwareCsv(csv, {file: FILE})).map((e) => e.message)).toEqual([
      "data/hardware.csv:1:1: header separated by semicolons (;), not commas, and 28 of its names in another case " +
        `(column names are case-sensitive): expected the columns separated by commas (${HEADER}), found 28 column ` +
        "names separated by semicolons (;), 'ID' to 'NOTES' (save the file as comma-separated CSV, in Excel as CSV " +
        "UTF-8 (Comma delimited))"
    ]);
  });

  // A row separated by ';' (or tabs) under a comma header read "wrong number of cells … found 1 (quote cells that
  // contain commas)" (breaker): said as the header's separator is, at the row's start.
  it.each([
    [";", "semicolons (;)"],
    ["\t", "tabs"]
  ])("says a row separated by %j under a comma header is, at the row", (separator, word) => {
    const row = GOOD_ROW.replace(/,/g, separator);
    // Its notes cell holding a comma, unquoted as a file saved with ';' writes it: the row read 2 cells, not 1.
    const noted = `${row}a note, with a comma`;
    for (const csv of [`${HEADER}\n${row}\n`, `${HEADER}\n${noted}\n`]) {
      expect(errorsOf(() => parseHardwareCsv(csv, {file: FILE})).map((e) => e.message)).toEqual([
        `data/hardware.csv:2:1: row separated by ${word}, not commas: expected 28 cells separated by commas, as ` +
          `the header's columns are, found 28 cells separated by ${word} ` +
          "(save the file as comma-separated CSV, in Excel as CSV UTF-8 (Comma delimited))"
      ]);
    }
    // A row with a cell too few by that separator too is the count's error, as before.
    const short = GOOD_ROW.replace(/,$/, "").replace(/,/g, separator);
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${short}\n`, {file: FILE}))[0]!.detail).toMatchObject({
      message: "wrong number of cells",
      found: "1",
      hint: "quote cells that contain commas"
    });
  });

  // Its first cell quoted (`"h100-sxm";…`), as a spreadsheet quotes text, the row read "text after a closing quote …
  // found ';NVIDIA H100…'": d3-dsv takes the ';' after the quote for a delimiter (breaker).
  it.each([
    [";", "semicolons (;)"],
    ["\t", "tabs"]
  ])("says a row separated by %j whose cells are quoted is, at the row", (separator, word) => {
    const cells = GOOD_ROW.split(",");
    const firstQuoted = [`"${cells[0]}"`, ...cells.slice(1)].join(separator);
    const allQuoted = cells.map((cell) => `"${cell}"`).join(separator);
    for (const row of [firstQuoted, allQuoted, `${firstQuoted}a note, with a comma`]) {
      expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}\n`, {file: FILE})).map((e) => e.message)).toEqual([
        `data/hardware.csv:2:1: row separated by ${word}, not commas: expected 28 cells separated by commas, as ` +
          `the header's columns are, found 28 cells separated by ${word} ` +
          "(save the file as comma-separated CSV, in Excel as CSV UTF-8 (Comma delimited))"
      ]);
    }
    // Text after a quote in a row separated by commas is still that error.
    const stray = GOOD_ROW.replace(/^[^,]*,[^,]*/, (start) => start.replace(/,(.*)$/, ',"$1" SXM5'));
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${stray}\n`, {file: FILE}))[0]!.detail).toMatchObject({
      message: "text after a closing quote",
      found: "' SXM5'"
    });
  });

  // data/models.csv's header in data/hardware.csv was 38 errors, a missing or unexpected column each (breaker).
  it("says a header that is data/models.csv's is, once, at the header", () => {
    const csv = `${MODEL_COLUMNS.join(",")}\n${GOOD_ROW}\n`;
    expect(errorsOf(() => parseHardwareCsv(csv, {file: FILE})).map((e) => e.message)).toEqual([
      "data/hardware.csv:1:1: this is the header of data/models.csv, not of hardware.csv: expected the columns " +
        `${HEADER}, found 20 column names, 15 of them data/models.csv's only ('params_b', …) (put these rows in ` +
        "data/models.csv)"
    ]);
  });

  it("names the header's columns that differ only in case once, with their spelling (it was one error each)", () => {
    const all = errorsOf(() => parseHardwareCsv(`${HEADER.toUpperCase()}\n${GOOD_ROW}\n`, {file: FILE}));
    expect(all.map((e) => e.message)).toEqual([
      "data/hardware.csv:1:1: 28 column names in another case: expected 'id', 'name', 'vendor', 'kind', 'family', " +
        "'bf16_tflops', …, found 'ID', 'NAME', 'VENDOR', 'KIND', 'FAMILY', 'BF16_TFLOPS', … (column names are " +
        "case-sensitive)"
    ]);
    // One, beside another fault of the header, which is still named.
    const two = HEADER.replace("hbm_gb,", "HBM_GB,").replace("power_w", "Power_W").replace("notes", "note");
    expect(errorsOf(() => parseHardwareCsv(`${two}\n${GOOD_ROW}\n`, {file: FILE})).map((e) => e.message)).toEqual([
      `data/hardware.csv:1:${cellColumn(two, 9)}: 2 column names in another case: expected 'hbm_gb', 'power_w', ` +
        "found 'HBM_GB', 'Power_W' (column names are case-sensitive)",
      `data/hardware.csv:1:${cellColumn(two, 28)}: note: unknown column: expected column 'notes' at position 28, ` +
        "found 'note' (did you mean notes?)"
    ]);
  });

  // Classic Mac OS and Excel's "CSV (Macintosh)" end rows in \r alone: read as rows, each error on its own line.
  it("reads a file whose rows end in \\r alone, its errors and rows on their lines", () => {
    const second = GOOD_ROW.replace("h100-sxm,", "my-h100,");
    const rows = parseHardwareCsv(`${HEADER}\r${GOOD_ROW}\r${second}\r`, {file: FILE});
    expect(rows.map((row) => [row.id, row.powerW, row.notes])).toEqual([
      ["h100-sxm", 700, ""],
      ["my-h100", 700, ""]
    ]);
    const bad = second.replace(",700,31120,", ",abc,31120,");
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\r${GOOD_ROW}\r\r${bad}\r`, {file: FILE}));
    expect(errors.map((e) => [e.detail.line, e.detail.column, e.detail.path])).toEqual([
      [4, cellColumn(bad, 16), "power_w"]
    ]);
  });

  // 989400 is the H100's 989.4 TFLOP/s written in GFLOP/s: it was "FP8 throughput below BF16" at fp8_tflops, whose
  // 1979 is right (breaker). The cell wrong by its units is bf16_tflops, told as the cell notes tell a unit slip.
  it("blames a BF16 far above any chip's, over FP8, on bf16_tflops and its unit, not on fp8_tflops", () => {
    const row = GOOD_ROW.replace(",989.4,1979,", ",989400,1979,");
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}\n`, {file: FILE})).map((e) => e.message)).toEqual([
      `data/hardware.csv:2:${cellColumn(row, 6)}: bf16_tflops: BF16 throughput above FP8's, and far above any ` +
        "chip's: expected dense TFLOP/s, at most fp8_tflops (1979 TFLOP/s), found '989400' (bf16_tflops 989400 is " +
        "989,400 TFLOP/s, over ten times any bundled chip's (the most, gb200's, is 2500 TFLOP/s): write 989.4 if " +
        "989400 GFLOP/s was meant)"
    ]);
  });

  // 1979000 is the H100's 1979 TFLOP/s written in GFLOP/s: it was "out of range" alone (breaker). Above the column's
  // range, the range error's hint says the unit, as bf16_tflops's error and the cell notes do; bf16_tflops too.
  it("tells an fp8_tflops or bf16_tflops above its range and far above any chip's its likely unit", () => {
    const fp8 = GOOD_ROW.replace(",989.4,1979,", ",989.4,1979000,");
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${fp8}\n`, {file: FILE})).map((e) => e.message)).toEqual([
      `data/hardware.csv:2:${cellColumn(fp8, 7)}: fp8_tflops: out of range: expected a number in [0.01, 1,000,000] ` +
        "(the physical range of fp8_tflops), found '1979000' (fp8_tflops 1979000 is 1,979,000 TFLOP/s, over ten " +
        "times any bundled chip's (the most, gb200's, is 5000 TFLOP/s): write 1979 if 1979000 GFLOP/s was meant)"
    ]);
    const bf16 = GOOD_ROW.replace(",989.4,1979,", ",2250000,,");
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${bf16}\n`, {file: FILE}))[0]!.detail).toMatchObject({
      path: "bf16_tflops",
      message: "out of range",
      hint:
        "bf16_tflops 2250000 is 2,250,000 TFLOP/s, over ten times any bundled chip's (the most, gb200's, is 2500 " +
        "TFLOP/s): write 2250 if 2250000 GFLOP/s was meant"
    });
    // Below the range, no such hint.
    const low = GOOD_ROW.replace(",989.4,1979,", ",989.4,0.001,");
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${low}\n`, {file: FILE}))[0]!.detail.hint).toBeUndefined();
  });

  // fp8_tflops 9000000 beside a BF16 of 989.4 was offered "write 9000", nine times the BF16 peak (breaker): the unit's
  // figure is offered only when FP8 is 1 to 4 times BF16 with it, else the range error alone; bf16_tflops the same.
  it("offers the GFLOP/s reading only when plausible beside the row's other peak", () => {
    const fp8 = GOOD_ROW.replace(",989.4,1979,", ",989.4,9000000,");
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${fp8}\n`, {file: FILE})).map((e) => e.message)).toEqual([
      `data/hardware.csv:2:${cellColumn(fp8, 7)}: fp8_tflops: out of range: expected a number in [0.01, 1,000,000] ` +
        "(the physical range of fp8_tflops), found '9000000'"
    ]);
    const bf16 = GOOD_ROW.replace(",989.4,1979,", ",30000000,1979,");
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${bf16}\n`, {file: FILE})).map((e) => e.message)).toEqual([
      `data/hardware.csv:2:${cellColumn(bf16, 6)}: bf16_tflops: out of range: expected a number in [0.01, ` +
        "1,000,000] (the physical range of bf16_tflops), found '30000000'"
    ]);
    // In range, far above any chip's and above FP8, implausible beside it: still blamed on bf16_tflops, no figure.
    const over = GOOD_ROW.replace(",989.4,1979,", ",400000,1979,");
    const detail = errorsOf(() => parseHardwareCsv(`${HEADER}\n${over}\n`, {file: FILE}))[0]!.detail;
    expect(detail).toMatchObject({
      path: "bf16_tflops",
      message: "BF16 throughput above FP8's, and far above any chip's"
    });
    expect(detail.hint).toBeUndefined();
  });

  // trim() and readDecimal take a byte-order mark for a space: fp8_tflops `\uFEFF1979` read as 1979, silently, where a
  // scenario file's value and a flag's refuse the mark (breaker). Refused at the cell, with the mark shown escaped.
  it.each([
    ["fp8_tflops", 7, "\uFEFF1979", '"\\ufeff1979"', "a number > 0"],
    ["power_w", 16, "700\uFEFF", '"700\\ufeff"', "a number > 0"],
    ["power_w", 16, "70\uFEFF0", '"70\\ufeff0"', "a number > 0"],
    ["scale_up_chips", 13, " \uFEFF8 ", '"\\ufeff8"', "a whole number > 0"],
    ["system_overhead", 19, "\uFEFF0.5", '"\\ufeff0.5"', "a number >= 0"],
    ["hourly_usd", 18, "\uFEFF", '"\\ufeff"', "a number > 0"],
    ["bf16_tflops", 6, "\uFEFF", '"\\ufeff"', "a number > 0"]
  ])("refuses a byte-order mark in %s's number (%#)", (column, field, cell, found, expected) => {
    const cells = GOOD_ROW.split(",");
    cells[HARDWARE_COLUMNS.indexOf(column as (typeof HARDWARE_COLUMNS)[number])] = cell;
    const row = cells.join(",");
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}\n`, {file: FILE})).map((e) => e.message)).toEqual([
      `data/hardware.csv:2:${cellColumn(row, field)}: ${column}: invisible character: expected ${expected} with no ` +
        `byte-order mark, found ${found} (a byte-order mark (U+FEFF), invisible in most editors, is in the value: ` +
        "remove it)"
    ]);
  });

  it("names a duplicate column with what was expected (it said only 'duplicate column … found')", () => {
    // vendor (field 3) written as name, which field 2 already is.
    const header = HEADER.replace("name,vendor,", "name,name,");
    const errors = errorsOf(() => parseHardwareCsv(`${header}\n${GOOD_ROW}`, {file: FILE}));
    const duplicate = errors.find((e) => e.detail.message === "duplicate column");
    expect(duplicate?.message).toBe(
      `data/hardware.csv:1:${cellColumn(header, 3)}: name: duplicate column: expected each column once ` +
        "('name' is already at position 2), found 'name'"
    );
  });

  it("names an empty header cell once, as the column that belongs there (it was a missing and an unexpected column)", () => {
    // The last header cell, notes (field 28), left empty.
    const header = HEADER.replace(/,notes$/, ",");
    const errors = errorsOf(() => parseHardwareCsv(`${header}\n${GOOD_ROW}`, {file: FILE}));
    expect(errors.map((e) => e.message)).toEqual([
      `data/hardware.csv:1:${header.length + 1}: notes: empty column header: expected column 'notes' at position 28, ` +
        "found an empty header cell"
    ]);
  });

  it("rejects columns in the wrong order", () => {
    const header = HEADER.replace("bf16_tflops,fp8_tflops", "fp8_tflops,bf16_tflops");
    const errors = errorsOf(() => parseHardwareCsv(`${header}\n${GOOD_ROW}`, {file: FILE}));
    expect(errors).toHaveLength(1);
    // Field 6 of the header, after `id,name,vendor,kind,family,` (2 + 4 + 6 + 4 + 6 characters and 5 commas = 27),
    // at 28.
    expect(errors[0]!.detail).toMatchObject({
      message: "columns 'fp8_tflops' and 'bf16_tflops' swapped",
      line: 1,
      column: 28
    });
  });

  it("reports a missing column and two swapped ones at once (it said only the missing one; breaker)", () => {
    const header = HARDWARE_COLUMNS.filter((c) => c !== "hbm_source")
      .join(",")
      .replace("bf16_tflops,fp8_tflops", "fp8_tflops,bf16_tflops");
    const errors = errorsOf(() => parseHardwareCsv(`${header}\n`, {file: FILE}));
    // fp8_tflops is field 6, at 28 (as above); hbm_source's place, field 22, holds links_source, after 21 cells and
    // their commas: 220 characters, at 221.
    expect(errors.map((e) => e.message)).toEqual([
      `data/hardware.csv:1:28: fp8_tflops: columns 'fp8_tflops' and 'bf16_tflops' swapped: expected 'bf16_tflops' at ` +
        `position 6 and 'fp8_tflops' at position 7 (header: ${HEADER}), found 'fp8_tflops' at position 6 and ` +
        "'bf16_tflops' at position 7",
      "data/hardware.csv:1:221: hbm_source: missing column: expected column 'hbm_source' at position 22, found no " +
        "such column"
    ]);
  });

  it("reports a column moved far once, at its cell, not every column it passed", () => {
    const header = HEADER.replace("kind,", "").replace(",notes", ",kind,notes");
    const errors = errorsOf(() => parseHardwareCsv(`${header}\n`, {file: FILE}));
    expect(errors.map((e) => e.message)).toEqual([
      `data/hardware.csv:1:${header.indexOf(",kind,") + 2}: kind: column out of place: expected 'kind' before 'family' ` +
        `(header: ${HEADER}), found 'kind' at position 27`
    ]);
  });

  it("reports two non-adjacent columns swapped as one error naming both (it said 'expected family, found family')", () => {
    // kind (field 4) and bf16_tflops (field 6) swapped, family between them in its place.
    const header = HEADER.replace("kind,family,bf16_tflops,", "bf16_tflops,family,kind,");
    const errors = errorsOf(() => parseHardwareCsv(`${header}\n`, {file: FILE}));
    expect(errors.map((e) => e.message)).toEqual([
      `data/hardware.csv:1:16: bf16_tflops: columns 'bf16_tflops' and 'kind' swapped: expected 'kind' at position 4 ` +
        `and 'bf16_tflops' at position 6 (header: ${HEADER}), found 'bf16_tflops' at position 4 and 'kind' at ` +
        "position 6"
    ]);
  });

  it("reports a swap beside a missing and a duplicate column, each once, never 'expected X, found X'", () => {
    // name and kind swapped (fields 2 and 4), hbm_source missing, notes written twice at the end.
    const header = HARDWARE_COLUMNS.filter((c) => c !== "hbm_source")
      .join(",")
      .replace("id,name,vendor,kind,", "id,kind,vendor,name,")
      .concat(",notes");
    const errors = errorsOf(() => parseHardwareCsv(`${header}\n`, {file: FILE}));
    expect(errors.map((e) => e.message)).toEqual([
      `data/hardware.csv:1:4: kind: columns 'kind' and 'name' swapped: expected 'name' at position 2 and 'kind' at ` +
        `position 4 (header: ${HEADER}), found 'kind' at position 2 and 'name' at position 4`,
      "data/hardware.csv:1:221: hbm_source: missing column: expected column 'hbm_source' at position 22, found no " +
        "such column",
      `data/hardware.csv:1:${header.length - 4}: notes: duplicate column: expected each column once ('notes' is ` +
        "already at position 27), found 'notes'"
    ]);
  });

  it("tells a misspelt column name in estimated its spelling", () => {
    const row = GOOD_ROW.replace(`,${SOURCES},,`, `,${SOURCES},power_W,`);
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors.map((e) => [e.detail.message, e.detail.found, e.detail.hint])).toEqual([
      ["unknown column in estimated list", "'power_W'", "did you mean power_w?"]
    ]);
  });

  it("reads kind through the shared choice reader: an empty cell lists the kinds, 'GPU' is told its spelling", () => {
    const empty = errorsOf(() => parseHardwareCsv(`${HEADER}\n${GOOD_ROW.replace(",gpu,", ",,")}`, {file: FILE}));
    expect(empty.map((e) => e.detail)).toEqual([
      expect.objectContaining({path: "kind", message: "missing value", expected: "one of gpu, tpu, asic"})
    ]);
    const capital = errorsOf(() => parseHardwareCsv(`${HEADER}\n${GOOD_ROW.replace(",gpu,", ",GPU,")}`, {file: FILE}));
    expect(capital.map((e) => e.message)).toEqual([
      `data/hardware.csv:2:${cellColumn(GOOD_ROW, 4)}: kind: unknown kind: expected one of gpu, tpu, asic, found ` +
        "'GPU' (did you mean gpu?)"
    ]);
  });

  it("rejects a family that is not one of the families, or a blank one, at its cell", () => {
    const bad = GOOD_ROW.replace(",hopper,", ",hoper,");
    const blank = GOOD_ROW.replace("h100-sxm,", "my-h100,").replace(",hopper,", ",,");
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${bad}\n${blank}`, {file: FILE}));
    // family is the fifth cell, after `h100-sxm,NVIDIA H100 SXM5 80GB,NVIDIA,gpu,` (8 + 21 + 6 + 3 characters and 4
    // commas = 42), at 43; `my-h100` is a character shorter.
    expect(errors.map((e) => e.message)).toEqual([
      "data/hardware.csv:2:43: family: unknown family: expected one of ampere, hopper, blackwell, cdna3, tpu, " +
        "trainium, other, found 'hoper' (did you mean hopper?)",
      "data/hardware.csv:3:42: family: missing value: expected one of ampere, hopper, blackwell, cdna3, tpu, " +
        "trainium, other, found an empty cell (the calibration group of the chip's architecture; 'other' prices it " +
        "with the pooled efficiencies)"
    ]);
  });

  it("refuses a name with a direction-changing character, which would make it read backwards (breaker)", () => {
    const row = GOOD_ROW.replace("NVIDIA H100 SXM5 80GB", "NVIDIA \u202eH100");
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
    // The name is the second cell, after `h100-sxm,` (9 characters), at 10; U+202E is its 8th character.
    expect(errors.map((e) => e.message)).toEqual([
      "data/hardware.csv:2:10: name: a name with a direction-changing character: expected text a reader sees as " +
        "written, found U+202E at character 8"
    ]);
  });

  it("refuses a name quoted over two lines, which passed and was shown on one; a source title may span lines", () => {
    const row = GOOD_ROW.replace("NVIDIA H100 SXM5 80GB", '"NVIDIA H100\nSXM5 80GB"');
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
    // The name is the second cell, after `h100-sxm,` (9 characters): its opening quote at 10, on the row's line 2.
    expect(errors.map((e) => e.message)).toEqual([
      'data/hardware.csv:2:10: name: a name over several lines: expected one line of text, found "NVIDIA H100\\nSXM5 80GB"'
    ]);
    const crlf = GOOD_ROW.replace("NVIDIA H100 SXM5 80GB", '"NVIDIA H100\r\nSXM5 80GB"');
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${crlf}`, {file: FILE}))[0]!.detail).toMatchObject({
      line: 2,
      column: 10,
      path: "name",
      expected: "one line of text"
    });
    const title = GOOD_ROW.replace(",NVIDIA datasheet,", ',"NVIDIA\ndatasheet",');
    expect(parseHardwareCsv(`${HEADER}\n${title}`, {file: FILE})[0]!.name).toBe("NVIDIA H100 SXM5 80GB");
  });

  it("tells a family in capitals, padded or far from any family what it is", () => {
    const row = (family: string) => GOOD_ROW.replace(",hopper,", `,${family},`);
    const hintOf = (family: string) =>
      errorsOf(() => parseHardwareCsv(`${HEADER}\n${row(family)}`, {file: FILE}))[0]!.detail.hint;
    expect(hintOf("Hopper")).toBe("did you mean hopper?");
    expect(hintOf("CDNA3")).toBe("did you mean cdna3?");
    expect(hintOf("volta")).toBe(
      "the calibration group of the chip's architecture; 'other' prices it with the pooled efficiencies"
    );
  });

  it("reads a file without the family column: a row's family from familyOf, else other", () => {
    // The header and row as written before the family column (and before scale_up_topology): both cells taken out.
    const header = HARDWARE_COLUMNS_WITHOUT_FAMILY.join(",");
    const row = GOOD_ROW.replace(",hopper,", ",").replace(",8,switch,", ",8,");
    const csv = `${header}\n${row}\n${row.replace("h100-sxm,", "my-h100,")}`;
    // familyOf stands for the bundled catalog, which knows h100-sxm (hopper, data/hardware.csv) and not my-h100.
    const familyOf = (id: string) => (id === "h100-sxm" ? "hopper" : undefined);
    const parsed = parseHardwareCsv(csv, {file: FILE, familyOf});
    expect(parsed.map((h) => [h.id, h.family])).toEqual([
      ["h100-sxm", "hopper"],
      ["my-h100", "other"]
    ]);
    // Every other cell reads as it does with the column: the same row, family and all.
    expect(parsed[0]).toEqual(parseHardwareCsv(`${HEADER}\n${GOOD_ROW}`, {file: FILE})[0]);
    // Without familyOf (no bundled catalog to ask), every row is other.
    expect(parseHardwareCsv(csv, {file: FILE}).map((h) => h.family)).toEqual(["other", "other"]);
  });

  it("reads a file without the scale_up_topology column: a row's topology from topologyOf, else switch", () => {
    // The header and row as written after the family column and before scale_up_topology: the 14th cell taken out.
    const header = HARDWARE_COLUMNS_WITHOUT_TOPOLOGY.join(",");
    const row = GOOD_ROW.replace(",8,switch,", ",8,");
    const mine = row.replace("h100-sxm,", "my-mi300x,");
    // topologyOf stands for the bundled catalog, which knows h100-sxm; my-mi300x is a chip of the project's own.
    const topologyOf = (id: string) => (id === "h100-sxm" ? ("full-mesh" as const) : undefined);
    const parsed = parseHardwareCsv(`${header}\n${row}\n${mine}`, {file: FILE, topologyOf});
    expect(parsed.map((h) => [h.id, h.scaleUpTopology])).toEqual([
      ["h100-sxm", "full-mesh"],
      // What every scale-up domain was modelled as before the column.
      ["my-mi300x", "switch"]
    ]);
    // Every other cell reads as it does with the column.
    expect({...parsed[0], scaleUpTopology: "switch"}).toEqual(
      parseHardwareCsv(`${HEADER}\n${GOOD_ROW}`, {file: FILE})[0]
    );
  });

  it("reads a file without family but with scale_up_topology (it was a 'missing column' error; breaker)", () => {
    const header = HARDWARE_COLUMNS.filter((c) => c !== "family").join(",");
    const row = GOOD_ROW.replace(",hopper,", ",").replace(",8,switch,", ",8,full-mesh,");
    const parsed = parseHardwareCsv(`${header}\n${row}`, {file: FILE, familyOf: () => "hopper"});
    expect(parsed.map((h) => [h.id, h.family, h.scaleUpTopology])).toEqual([["h100-sxm", "hopper", "full-mesh"]]);
    expect(hasFamilyColumn(header.split(","))).toBe(false);
    expect(hasTopologyColumn(header.split(","))).toBe(true);
  });

  it("rejects a scale-up topology that is not one of the topologies, or a blank one, at its cell", () => {
    const bad = GOOD_ROW.replace(",8,switch,", ",8,full mesh,");
    const blank = GOOD_ROW.replace("h100-sxm,", "my-h100,").replace(",8,switch,", ",8,,");
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${bad}\n${blank}`, {file: FILE}));
    expect(errors.map((e) => [e.detail.line, e.detail.column, e.detail.path])).toEqual([
      [2, cellColumn(bad, 14), "scale_up_topology"],
      [3, cellColumn(blank, 14), "scale_up_topology"]
    ]);
    expect(errors[0]!.message).toBe(
      `data/hardware.csv:2:${cellColumn(bad, 14)}: scale_up_topology: unknown scale-up topology: expected one of ` +
        "switch, full-mesh, torus, hybrid-cube-mesh, found 'full mesh' (did you mean full-mesh?)"
    );
    expect(errors[1]!.detail).toMatchObject({message: "missing value", found: "an empty cell"});
    expect(errors[1]!.detail.hint).toMatch(/^how the scale-up domain's chips are wired: switch \(NVSwitch\)/);
  });

  describe("the estimated list (breaker: self-contradictory, blank and duplicate entries)", () => {
    const COLUMNS =
      "name, vendor, kind, bf16_tflops, fp8_tflops, fp4_tflops, hbm_gb, hbm_tbps, hbm_gib, scale_up_gbps, " +
      "scale_up_chips, scale_up_topology, scale_out_gbps, power_w, price_usd, hourly_usd, system_overhead, " +
      "system_power_w";
    const estimatedError = (cell: string) => {
      const row = GOOD_ROW.replace(`,${SOURCES},,`, `,${SOURCES},${cell},`);
      const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
      return errors.map((e) => e.message.replace(`${FILE}:2:${cellColumn(row, 25)}: estimated: `, ""));
    };

    it("says 'all' stands alone (it said expected 'all', found 'all')", () => {
      expect(estimatedError("all;price_usd")).toEqual([
        "'all' with other entries in estimated list: expected 'all' alone (the whole row is hypothetical), or " +
          `column names separated by ';' from: ${COLUMNS}, found 'all;price_usd'`
      ]);
    });

    it("says an entry is empty (it said found '', '')", () => {
      expect(estimatedError(";")).toEqual([
        `empty entry in estimated list: expected column names separated by ';' from: ${COLUMNS}, each one a name ` +
          "(no ';' at either end, none doubled), found ';' (2 empty entries)"
      ]);
      expect(estimatedError("power_w;")).toEqual([
        `empty entry in estimated list: expected column names separated by ';' from: ${COLUMNS}, each one a name ` +
          "(no ';' at either end, none doubled), found 'power_w;' (an empty entry)"
      ]);
    });

    it("tells each misspelt name its spelling (it hinted power_w only)", () => {
      expect(estimatedError("Power_W;price")).toEqual([
        `unknown column in estimated list: expected 'all', or column names separated by ';' from: ${COLUMNS}, ` +
          "found 'Power_W', 'price' (did you mean power_w for 'Power_W', price_usd for 'price'?)"
      ]);
    });

    it("refuses a column named twice (it was accepted silently)", () => {
      expect(estimatedError("price_usd;power_w;price_usd")).toEqual([
        `column named twice in estimated list: expected each column once, from: ${COLUMNS}, found 'price_usd' ` +
          "more than once"
      ]);
    });
  });

  it("shows a non-breaking hyphen in a topology escaped, so that it differs from its did-you-mean (breaker)", () => {
    const bad = GOOD_ROW.replace(",8,switch,", ",8,full\u2011mesh,");
    const [error] = errorsOf(() => parseHardwareCsv(`${HEADER}\n${bad}`, {file: FILE}));
    expect(error!.message).toBe(
      `data/hardware.csv:2:${cellColumn(bad, 14)}: scale_up_topology: unknown scale-up topology: expected one of ` +
        'switch, full-mesh, torus, hybrid-cube-mesh, found "full\\u2011mesh" (did you mean full-mesh?)'
    );
  });

  it("names the header to write when family is out of place", () => {
    const header = HEADER.replace("kind,family,", "family,kind,");
    const errors = errorsOf(() => parseHardwareCsv(`${header}\n${GOOD_ROW}`, {file: FILE}));
    // Field 4 of the header, after `id,name,vendor,` (2 + 4 + 6 characters and 3 commas = 15), at 16.
    expect(errors.map((e) => e.message)).toEqual([
      `data/hardware.csv:1:16: family: columns 'family' and 'kind' swapped: expected 'kind' at position 4 and ` +
        `'family' at position 5 (header: ${HEADER}), found 'family' at position 4 and 'kind' at position 5`
    ]);
  });

  it("rejects an empty file", () => {
    expect(errorsOf(() => parseHardwareCsv("", {file: FILE}))[0]!.detail.message).toBe("empty file");
  });

  it("reports rows with the wrong number of cells", () => {
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${GOOD_ROW},extra`, {file: FILE}));
    expect(errors[0]!.detail).toMatchObject({line: 2, message: "wrong number of cells", found: "29"});
  });

  // `"NVIDIA H100" SXM5` read ` SXM5` as a cell of its own: "wrong number of cells … (quote cells that contain
  // commas)" at the row's end (tester). Now the quote's error, at the closing quote; in the header too.
  it("says text after a closing quote is one, at the quote, naming its column", () => {
    const row = GOOD_ROW.replace(",NVIDIA H100 SXM5 80GB,", ',"NVIDIA H100" SXM5,');
    // `h100-sxm,` is 9 characters: the opening quote is at 10, the closing one 12 characters later.
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE})).map((e) => e.message)).toEqual([
      `${FILE}:2:22: name: text after a closing quote: expected a comma or the end of the row after a quoted cell, ` +
        `found ' SXM5' (a quote inside a quoted cell is written "")`
    ]);
    const header = HEADER.replace("id,name,", 'id,"name" x,');
    expect(errorsOf(() => parseHardwareCsv(`${header}\n${GOOD_ROW}`, {file: FILE})).map((e) => e.message)).toEqual([
      `${FILE}:1:9: text after a closing quote: expected a comma or the end of the row after a quoted cell, ` +
        `found ' x' (a quote inside a quoted cell is written "")`
    ]);
  });

  // ` "NVIDIA H100, SXM5"` split at its comma, the hint "quote cells that contain commas" where the cell was (tester).
  it("says a quote after a space opens no quoted cell, in the hint of the wrong number of cells", () => {
    const row = GOOD_ROW.replace(",NVIDIA H100 SXM5 80GB,", ', "NVIDIA H100, SXM5",');
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors.map((e) => e.detail)).toMatchObject([
      {
        line: 2,
        message: "wrong number of cells",
        found: "29",
        hint:
          "the quote at line 2, column 11 opens no quoted cell, as a space is before it, so a comma after it ends " +
          "the cell: delete the space"
      }
    ]);
  });

  // It was "wrong number of cells" where the record ends, asking whether a closing quote is missing (breaker: the hint
  // spoke of commas); still the count's error, not the quote's (tester).
  it("says a quote left open that a later line's quote closes is unterminated, at the quote, naming its column", () => {
    // Line 2 opens a quote before 989.4 and closes none; line 3's first quote (its quoted name, ",""H100""" would be
    // a quote inside it) closes it: one cell over two lines, and too few cells on line 2.
    const open = GOOD_ROW.replace(",989.4,", ',"989.4,');
    const quoted = GOOD_ROW.replace(",NVIDIA H100 SXM5 80GB,", ',"NVIDIA H100 SXM5 80GB",').replace(
      "h100-sxm",
      "h100-b"
    );
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${open}\n${quoted}`, {file: FILE}));
    // HEADER is line 1; the quote is where ",989.4" starts, plus one for the comma, plus one for 1-based columns.
    const column = GOOD_ROW.indexOf(",989.4,") + 2;
    expect(errors.map((error) => error.message)).toEqual([
      `${FILE}:2:${column}: bf16_tflops: unterminated quoted cell: expected a closing " on line 2 (a quote inside a ` +
        `quoted cell is written ""), found the next quote only on line 3, so the row read 33 cells, not 28 ` +
        "(a cell that starts with a quote runs to the next lone quote)"
    ]);
    // A note meant to run over lines, in a row with a cell too many, is the count's error, the hint asking.
    const note = `${GOOD_ROW.replace(/,$/, ',"a note\nover, two lines"')},extra`;
    expect(errorsOf(() => parseHardwareCsv(`${HEADER}\n${note}`, {file: FILE}))[0]!.detail).toMatchObject({
      line: 3,
      message: "wrong number of cells",
      hint: `the cell at line 2, column ${GOOD_ROW.length + 1} is quoted over 2 lines: is its closing quote missing?`
    });
  });

  it("reports duplicate ids on the later line", () => {
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${GOOD_ROW}\n${GOOD_ROW}`, {file: FILE}));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.detail).toMatchObject({
      line: 3,
      column: 1,
      message: "duplicate id",
      hint: "first used on line 2"
    });
  });

  it("counts lines inside quoted multi-line cells, skips blank lines and a byte-order mark", () => {
    const multiline = GOOD_ROW.replace(/,$/, ',"a note\nover two lines"');
    const csv = `\uFEFF${HEADER}\n${multiline}\n\n${GOOD_ROW.replace("h100-sxm", "Bad Id")}\n`;
    const errors = errorsOf(() => parseHardwareCsv(csv, {file: FILE}));
    expect(errors.map((e) => e.detail.line)).toEqual([5]);
  });

  it("requires a URL in angle brackets in a real row's price source", () => {
    const row = GOOD_ROW.replace("Epoch <https://epoch.ai/data>", "Epoch");
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors[0]!.detail).toMatchObject({path: "price_source", message: "price source without a URL"});
  });

  it("accepts a hypothetical row whose price source has no URL", () => {
    const row = GOOD_ROW.replace("h100-sxm", "my-asic").replace(
      `${SOURCES},`,
      "Assumed,Assumed HBM,Assumed links,Assumed system,all"
    );
    const [asic] = parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE});
    expect(asic).toMatchObject({
      id: "my-asic",
      hypothetical: true,
      estimated: ["all"],
      priceSource: "Assumed",
      hbmSource: "Assumed HBM",
      linksSource: "Assumed links"
    });
  });

  it("rejects an FP8 throughput below BF16 at its cell, and accepts FP8 equal to BF16 or blank", () => {
    // GOOD_ROW is the H100: BF16 989.4, FP8 1979 dense TFLOPS (2×, NVIDIA H100 datasheet); 197.9 is a digit dropped.
    const row = GOOD_ROW.replace(",989.4,1979,", ",989.4,197.9,");
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
    // Line 2 (the header is line 1); fp8_tflops is the 7th cell, after
    // `h100-sxm,NVIDIA H100 SXM5 80GB,NVIDIA,gpu,hopper,989.4,` (8 + 21 + 6 + 3 + 6 + 5 characters and 6 commas = 55),
    // so at character column 56.
    expect(errors.map((e) => e.message)).toEqual([
      "data/hardware.csv:2:56: fp8_tflops: FP8 throughput below BF16: expected at least bf16_tflops (989.4 TFLOP/s), " +
        "or blank for a chip without FP8, found '197.9' (FP8 is twice BF16 on Hopper, Blackwell and MI300, per the " +
        "NVIDIA H100 and AMD MI300X datasheets; check for swapped cells)"
    ]);
    for (const fp8 of ["989.4", ""]) {
      const [h100] = parseHardwareCsv(`${HEADER}\n${GOOD_ROW.replace(",989.4,1979,", `,989.4,${fp8},`)}`, {file: FILE});
      expect(h100!.fp8FlopsPerS, fp8).toBe(fp8 === "" ? null : 989.4e12);
    }
  });

  it("counts a quoted cell's quotes, commas and doubled quotes in the column of a later cell", () => {
    // The fresh-user trial: `my-chip,"My, ""big"" chip",NVIDIA,gpu,989.4,abc` was reported at 2:6 (the field
    // number). The quoted name is 18 characters as written (1 + 16 + 1: `My, ` 4, `""big""` 7, ` chip` 5, and
    // its two quotes), so fp8_tflops starts after 7 + 18 + 6 + 3 + 6 (`hopper`) + 5 characters and 6 commas = 51,
    // at 52.
    const row = GOOD_ROW.replace("h100-sxm,NVIDIA H100 SXM5 80GB,", 'my-chip,"My, ""big"" chip",').replace(
      ",989.4,1979,",
      ",989.4,abc,"
    );
    const [error] = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(error!.detail).toMatchObject({line: 2, column: 52, path: "fp8_tflops", message: "not a number"});
    expect(`${HEADER}\n${row}`.split("\n")[1]!.slice(51, 54)).toBe("abc");
  });

  it("quotes a bad cell once: single quotes, or the message's escaped double quotes when it holds a tab", () => {
    // Breaker: a cell `5<TAB>00` was reported as found "'5\t00'" (quoted twice).
    const withTab = GOOD_ROW.replace(",989.4,1979,", ",989.4,5\t00,");
    const withText = GOOD_ROW.replace(",989.4,1979,", ",989.4,abc,");
    const [tab] = errorsOf(() => parseHardwareCsv(`${HEADER}\n${withTab}`, {file: FILE}));
    const [text] = errorsOf(() => parseHardwareCsv(`${HEADER}\n${withText}`, {file: FILE}));
    expect(tab!.message).toMatch(/found "5\\t00"$/);
    expect(text!.message).toMatch(/found 'abc'$/);
  });

  it("points a row with a cell too many at that cell, and one with cells missing at its end", () => {
    const long = `${GOOD_ROW},extra`;
    const short = GOOD_ROW.slice(0, GOOD_ROW.lastIndexOf(","));
    const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${long}\n${short}`, {file: FILE}));
    expect(errors.map((e) => [e.detail.line, e.detail.column, e.detail.found])).toEqual([
      // The 29th cell starts after the row's own characters and the comma before 'extra'.
      [2, GOOD_ROW.length + 2, "29"],
      // Just past the last character of a row that lost its last (empty) cell.
      [3, short.length + 1, "27"]
    ]);
  });

  it("rejects non-integer-looking numbers such as thousands separators, hex and Infinity", () => {
    for (const value of ['"1,000"', "0x10", "Infinity", "1e999", "NaN"]) {
      const row = GOOD_ROW.replace(",700,", `,${value},`);
      const errors = errorsOf(() => parseHardwareCsv(`${HEADER}\n${row}`, {file: FILE}));
      expect(errors[0]!.detail.path, value).toBe("power_w");
    }
  });
});

describe("parseHardwareCsv: the vendor cell", () => {
  // The vendor decides the serving stacks a chip runs (src/inference/stackChips.ts); an unknown maker's chip ran
  // every one, so `NVDIA` on the H100 let `inference --stack neuron` price it (breaker), and still runs only the
  // vendor-neutral ones, so a real chip under another name must not pass for one.
  const vendorAt = `${FILE}:2:${cellColumn(GOOD_ROW, 3)}: vendor`;
  const withVendor = (vendor: string, family = "hopper") =>
    `${HEADER}\n${GOOD_ROW.replace(",NVIDIA,gpu,hopper,", `,${vendor},gpu,${family},`)}`;

  it.each([
    ["NVDIA", "NVIDIA"],
    ["NIVIDA", "NVIDIA"],
    ["NVIDIA Corporation", "NVIDIA"],
    ["AMDD", "AMD"],
    ["Gogle", "Google"],
    ["AWSS", "AWS"],
    // A transposition is one edit (breaker: ADM and ASW, two Levenshtein edits, loaded as new makers).
    ["ADM", "AMD"],
    ["ASW", "AWS"],
    ["Amazn", "AWS"]
  ])("refuses %s, a near miss of a known vendor: did you mean '%s'?", (vendor, meant) => {
    const errors = errorsOf(() => parseHardwareCsv(withVendor(vendor, "other"), {file: FILE}));
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining(`${vendorAt}: misspelt chip vendor`)]);
    expect(errors[0]!.detail.hint).toMatch(new RegExp(`^did you mean '${meant}'\\?`));
  });

  it("refuses a misspelt vendor on a family's chip as a misspelling, not as another maker", () => {
    const [error, ...rest] = errorsOf(() => parseHardwareCsv(withVendor("NVDIA"), {file: FILE}));
    expect(rest).toEqual([]);
    expect(error!.message).toBe(
      `${vendorAt}: misspelt chip vendor: expected a known vendor as written (NVIDIA, AMD, Google, AWS), or a maker ` +
        "none of them is near, found 'NVDIA' (did you mean 'NVIDIA'? The serving stacks a chip runs are decided by its " +
        "vendor, and an unknown maker's chip runs only the vendor-neutral ones)"
    );
  });

  // Breaker: these loaded as new makers and ran TensorRT-LLM.
  it.each([
    ["Advanced Micro Devices", "AMD"],
    ["Advanced Micro Devices Inc.", "AMD"],
    ["Amazon.com", "AWS"],
    ["Amazon", "AWS"],
    ["Amazon Web Services", "AWS"],
    ["Annapurna Labs", "AWS"],
    ["Alphabet", "Google"]
  ])("refuses %s, another name of %s", (vendor, meant) => {
    const errors = errorsOf(() => parseHardwareCsv(withVendor(vendor, "other"), {file: FILE}));
    expect(errors.map((e) => e.message)).toEqual([
      expect.stringContaining(`${vendorAt}: another name of a known chip vendor`)
    ]);
    expect(errors[0]!.detail.hint).toMatch(new RegExp(`^did you mean '${meant}'\\?`));
  });

  // A three-letter name one letter changed from AMD or AWS is another company as often as a slip (AMS is ams OSRAM's
  // ticker), so only a transposition, insertion or deletion is refused there (chipVendor.ts slipFor).
  it("accepts a known vendor in any case, a new maker, and a three-letter maker a substitution from AMD or AWS", () => {
    const makers = ["Cerebras", "Groq", "Arm", "Intel", "Huawei", "AMS", "AWZ", "Alphawave", "Hypothetical", "custom"];
    for (const vendor of ["NVIDIA", "nvidia", ...makers]) {
      const family = vendor.toLowerCase() === "nvidia" ? "hopper" : "other";
      expect(parseHardwareCsv(withVendor(vendor, family), {file: FILE})[0]!.vendor, vendor).toBe(vendor);
    }
  });

  it.each([
    ["AMD", "hopper", "NVIDIA"],
    ["Cerebras", "ampere", "NVIDIA"],
    ["NVIDIA", "blackwell", null],
    ["NVIDIA", "cdna3", "AMD"],
    ["AWS", "tpu", "Google"],
    ["Cerebras", "trainium", "AWS"]
  ])("vendor %s with family %s: the family's maker %s", (vendor, family, maker) => {
    const parse = () => parseHardwareCsv(withVendor(vendor, family), {file: FILE});
    if (maker === null) {
      expect(parse()[0]!.family).toBe(family);
      return;
    }
    const [error, ...rest] = errorsOf(parse);
    expect(rest).toEqual([]);
    expect(error!.message).toBe(
      `${vendorAt}: vendor does not make the chip's family: expected '${maker}', the maker of family '${family}' (or ` +
        `family 'other' for another maker's chip), found '${vendor}' (did you mean '${maker}'?)`
    );
  });

  it("checks the vendor against a family written in the file, not one a file without the column inherits", () => {
    // A file written before the family column: the bundled h100-sxm's family (hopper) is inherited, not written.
    const header = HARDWARE_COLUMNS_WITHOUT_FAMILY.join(",");
    const row = GOOD_ROW.replace(",NVIDIA,gpu,hopper,", ",Acme,gpu,").replace(",switch,", ",");
    const [chip] = parseHardwareCsv(`${header}\n${row}`, {file: FILE, familyOf: () => "hopper"});
    expect(chip).toMatchObject({vendor: "Acme", family: "hopper"});
    // A misspelt vendor is refused there too.
    const typo = row.replace(",Acme,", ",NVDIA,");
    expect(errorsOf(() => parseHardwareCsv(`${header}\n${typo}`, {file: FILE}))[0]!.detail.path).toBe("vendor");
  });
});
