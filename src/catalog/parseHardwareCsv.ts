import type {NumberRange} from "../units/range.js";
import {BYTES_PER_GB, BYTES_PER_GIB, BYTES_PER_TB} from "../units/bytes.js";
import {TERA} from "../units/si.js";
import {CellReader, readCatalogRows, scaled, type CellUnit} from "./csvCells.js";
import {didYouMean} from "../errors/suggest.js";
import {fp8BelowBf16Hint, type Hardware} from "./hardware.js";
import {CHIP_FAMILIES, type ChipFamily} from "./chipFamily.js";
import {CHIP_FAMILY_VENDORS, KNOWN_CHIP_VENDORS, knownVendorNearMiss, sameVendor} from "./chipVendor.js";
import {SCALE_UP_TOPOLOGIES, TOPOLOGY_WITHOUT_COLUMN, type ScaleUpTopology} from "./scaleUpTopology.js";
import {CHIP_HOUR_COST_RANGES} from "../strategy/servingChip.js";
import {catalogChipSystem} from "../tco/chipSystem.js";
import {groupThousands} from "../units/groupThousands.js";
import {farAboveBundled, farAboveCellHint} from "./mostBundledFigures.js";
import {HARDWARE_COLUMNS} from "./catalogColumns.js";

export {HARDWARE_COLUMNS};

export type HardwareColumn = (typeof HARDWARE_COLUMNS)[number];

/**
 * The columns of a data/hardware.csv written before the `family` column: HARDWARE_COLUMNS without it (and without
 * `scale_up_topology`, which came later). A project's file may still have this header; its rows take their family
 * from the bundled row of the same id, else "other", and their topology as HARDWARE_COLUMNS_WITHOUT_TOPOLOGY's.
 */
export const HARDWARE_COLUMNS_WITHOUT_FAMILY: readonly HardwareColumn[] = HARDWARE_COLUMNS.filter(
  (c) => c !== "family" && c !== "scale_up_topology"
);

/**
 * The columns of a data/hardware.csv written before the `scale_up_topology` column: HARDWARE_COLUMNS without it. A
 * project's file may still have this header; its rows take their topology from the bundled row of the same id, else
 * TOPOLOGY_WITHOUT_COLUMN (switch, what every domain was modelled as before the column).
 */
export const HARDWARE_COLUMNS_WITHOUT_TOPOLOGY: readonly HardwareColumn[] = HARDWARE_COLUMNS.filter(
  (c) => c !== "scale_up_topology"
);

/** Allowed values of the `kind` column. */
export const HARDWARE_KINDS = ["gpu", "tpu", "asic"] as const;

/**
 * CSV column → Hardware field, used to translate the `estimated` list (`power_w;price_usd`) into field names
 * (`["powerW", "priceUsd"]`). Every column may be flagged except the bookkeeping ones.
 */
export const HARDWARE_FIELD_OF_COLUMN: Partial<Record<HardwareColumn, keyof Hardware>> = {
  name: "name",
  vendor: "vendor",
  kind: "kind",
  bf16_tflops: "bf16FlopsPerS",
  fp8_tflops: "fp8FlopsPerS",
  fp4_tflops: "fp4FlopsPerS",
  hbm_gb: "hbmBytes",
  hbm_tbps: "hbmBandwidthBytesPerS",
  hbm_gib: "hbmCapacityBytes",
  scale_up_gbps: "scaleUpBandwidthBytesPerS",
  scale_up_chips: "scaleUpChips",
  scale_up_topology: "scaleUpTopology",
  scale_out_gbps: "scaleOutBandwidthBytesPerS",
  power_w: "powerW",
  price_usd: "priceUsd",
  hourly_usd: "hourlyPriceUsd",
  system_overhead: "systemOverheadFraction",
  system_power_w: "systemPowerW"
};

/**
 * The physical range of each numeric column, in the column's unit: wide enough for any chip that could be built for
 * decades (a million TFLOP/s, 100 TB of HBM), narrow enough that converting to base units cannot overflow to Infinity
 * or underflow to 0 (`hbm_tbps` of 1e-320). `price_usd` is hardware.price's range in the scenario schema (a test
 * checks they agree).
 */
export const HARDWARE_CELL_RANGES = {
  bf16_tflops: {min: 0.01, max: 1e6},
  fp8_tflops: {min: 0.01, max: 1e6},
  fp4_tflops: {min: 0.01, max: 1e6},
  hbm_gb: {min: 0.01, max: 1e5},
  hbm_tbps: {min: 0.01, max: 1e4},
  // Down to hbm_gb's least in GiB (0.01 GB = 0.0093 GiB): a custom chip's --hbm-capacity 0.01, in range, failed on the
  // row's hardware.hbmCapacityBytes (second-round breaker).
  hbm_gib: {min: 0.005, max: 1e5},
  scale_up_gbps: {min: 0.01, max: 1e6},
  scale_up_chips: {min: 1, max: 1e6},
  scale_out_gbps: {min: 0.01, max: 1e6},
  power_w: {min: 1, max: 1e5},
  price_usd: {min: 1, max: 1e7},
  hourly_usd: {min: 0.01, max: 1e4},
  // Servers and network bought with a chip, as a fraction of its price: a complete system needs none. The range is
  // finance.systemOverhead's, which replaces it (a test checks they agree; the cell stopped at 10, the key at 50).
  system_overhead: {min: 0, max: 50},
  system_power_w: {min: 1, max: 1e5}
} as const satisfies Partial<Record<HardwareColumn, NumberRange>>;

/**
 * The unit of each numeric column, for a cell written with one (`700W`, `80GB`, `$31,120`): offered as the plain
 * number the column takes (CellUnit).
 */
export const HARDWARE_CELL_UNITS = {
  bf16_tflops: {dimension: "flopsPerSecond", factor: TERA, label: "in TFLOP/s"},
  fp8_tflops: {dimension: "flopsPerSecond", factor: TERA, label: "in TFLOP/s"},
  fp4_tflops: {dimension: "flopsPerSecond", factor: TERA, label: "in TFLOP/s"},
  hbm_gb: {dimension: "bytes", factor: BYTES_PER_GB, label: "in GB"},
  hbm_tbps: {dimension: "bytesPerSecond", factor: BYTES_PER_TB, label: "in TB/s"},
  hbm_gib: {dimension: "bytes", factor: BYTES_PER_GIB, label: "in GiB"},
  scale_up_gbps: {dimension: "bytesPerSecond", factor: BYTES_PER_GB, label: "in GB/s"},
  scale_up_chips: {dimension: "count", factor: 1, label: "in chips"},
  scale_out_gbps: {dimension: "bytesPerSecond", factor: BYTES_PER_GB, label: "in GB/s"},
  power_w: {dimension: "power", factor: 1, label: "in W"},
  price_usd: {dimension: "money", factor: 1, label: "in USD"},
  hourly_usd: {dimension: "usdPerHour", factor: 1, label: "in USD/h"},
  // A fraction of the chip's price: `50%` is 0.5.
  system_overhead: {dimension: "fraction", factor: 1, label: "as a fraction of the chip's price"},
  system_power_w: {dimension: "power", factor: 1, label: "in W"}
} as const satisfies Partial<Record<HardwareColumn, CellUnit>>;

/**
 * Most HBM bandwidth a row may give per GB of HBM, TB/s per GB (reading all of it in 1 ms): 20× the bundled rows'
 * largest, 0.051 (TPU v5e: 0.819 TB/s for 16 GB). The custom-chip flags (src/cli/customSpecs.ts) use it too.
 */
export const MAX_HBM_TBPS_PER_GB = 1;

/**
 * Least memory, GB, a chip has for its bandwidth to be held to MAX_HBM_TBPS_PER_GB: below it the memory is on-chip
 * SRAM (Groq's LPU, 0.23 GB at 80 TB/s; d-Matrix's Corsair, 2 GB at 150 TB/s), not HBM, whose smallest bundled part
 * carries 16 GB (TPU v5e).
 */
export const MIN_HBM_CHECKED_GB = 8;

/**
 * Why an HBM bandwidth of `tbps` TB/s is too high for `gb` GB of HBM (more than MAX_HBM_TBPS_PER_GB), as a cell or a
 * flag reports it, naming the bandwidth's and the capacity's cell or flag; undefined when it is not (or the memory is
 * SRAM: under MIN_HBM_CHECKED_GB). The hint reads the bandwidth as GB/s when that reading would be accepted, and names
 * the capacity as the other cell that may be wrong.
 */
export function hbmBandwidthProblem(
  tbps: number | undefined,
  gb: number | undefined,
  bandwidthName: string,
  capacityName: string
): {message: string; expected: string; hint: string} | undefined {
  if (tbps === undefined || gb === undefined || gb < MIN_HBM_CHECKED_GB || tbps <= gb * MAX_HBM_TBPS_PER_GB) {
    return undefined;
  }
  const asGbPerS = Number((tbps / 1000).toPrecision(6));
  const gbReadingFits = asGbPerS >= HARDWARE_CELL_RANGES.hbm_tbps.min && asGbPerS <= gb * MAX_HBM_TBPS_PER_GB;
  return {
    message: "HBM bandwidth too high for the chip's HBM",
    expected: `at most ${grouped(gb * MAX_HBM_TBPS_PER_GB)} TB/s for ${capacityName} ${grouped(gb)} GB (${MAX_HBM_TBPS_PER_GB} TB/s per GB: the whole HBM read in 1 ms; the bundled chips take 20–43 ms)`,
    hint: `${gbReadingFits ? `${bandwidthName} is in TB/s: ${grouped(tbps)} GB/s is ${grouped(asGbPerS)} TB/s; or ` : ""}check ${capacityName}`
  };
}

/** A number as a message writes it: exactly, its thousands grouped ("3,350"; it read "3350 GB/s"). */
function grouped(value: number): string {
  return groupThousands(value, 20);
}

/** The known vendors as a message lists them. */
const KNOWN_VENDOR_LIST = KNOWN_CHIP_VENDORS.join(", ");

/** `estimated` value that marks a wholly hypothetical row. */
const ALL = "all";

/** A source cell must name at least one URL in angle brackets: `Title <https://...>`. */
const SOURCE_URL = /<https:\/\/[^\s<>]+>/;

/**
 * Parses and validates data/hardware.csv. Converts to base units: TFLOP/s → FLOP/s, decimal GB → bytes,
 * TB/s → bytes/s, GiB → bytes, GB/s → bytes/s. Every bad cell is reported at once as a UserErrors naming file, line,
 * column and column name.
 *
 * Units of the columns: `hbm_gb` the marketed capacity in decimal GB; `hbm_tbps` TB/s; `hbm_gib` the capacity the
 * runtime reports, in GiB (binary); `scale_up_gbps` and `scale_out_gbps` GB/s (bytes, decimal) in each direction per
 * chip; `scale_up_chips` chips per scale-up domain; `scale_up_topology` how they are wired, one of SCALE_UP_TOPOLOGIES
 * (`switch`, `full-mesh`, `torus`, `hybrid-cube-mesh`), its source in `links_source`. `hbm_source` and `links_source` name their sources as
 * `Title <https://...>` (a hypothetical row may give its basis without a URL). `system_overhead` is the server and
 * cluster network bought with each chip beyond what `price_usd` includes, as a fraction of it (>= 0); `system_power_w`
 * the IT power per chip with its host share at peak, W (>= power_w); `system_source` names the source of both.
 * `fp8_tflops`, when given, is at least `bf16_tflops` (FP8 is twice BF16 on every chip with FP8: NVIDIA H100 and AMD
 * MI300X datasheets), so a lower value, a typo or swapped cells, is an error at its cell. `family` is one of
 * CHIP_FAMILIES (the calibration group its serving efficiencies come from).
 *
 * A file without the `family` column (HARDWARE_COLUMNS_WITHOUT_FAMILY: a project's file written before it) is read
 * too, with or without `scale_up_topology`: a row's family is then `familyOf(id)` (the bundled row's), or "other" where
 * that gives none. So is a file without the `scale_up_topology` column (HARDWARE_COLUMNS_WITHOUT_TOPOLOGY, or without
 * both): a row's topology is
 * then `topologyOf(id)`, or TOPOLOGY_WITHOUT_COLUMN (switch: the model before the column) where that gives none.
 * With `allColumns` (the package's own data/hardware.csv, which is never older than the code) neither is: every
 * column of HARDWARE_COLUMNS is required, and a missing one is an error naming it, as for any other column (breaker:
 * the checkout's file without `scale_up_topology` loaded silently as switch, MI300X TP 4 40% faster).
 */
export function parseHardwareCsv(
  text: string,
  {
    file,
    familyOf = () => undefined,
    topologyOf = () => undefined,
    allColumns = false
  }: {
    file: string;
    familyOf?: (id: string) => ChipFamily | undefined;
    topologyOf?: (id: string) => ScaleUpTopology | undefined;
    allColumns?: boolean;
  }
): Hardware[] {
  const familyFromFile = (id: string | undefined) => (id === undefined ? "other" : (familyOf(id) ?? "other"));
  const topologyFromFile = (id: string | undefined) =>
    (id === undefined ? undefined : topologyOf(id)) ?? TOPOLOGY_WITHOUT_COLUMN;
  return readCatalogRows(text, {
    file,
    columns: (header) => (allColumns ? HARDWARE_COLUMNS : hardwareColumnsOf(header?.cells)),
    ranges: HARDWARE_CELL_RANGES,
    units: HARDWARE_CELL_UNITS,
    readRow: (cells, columns) =>
      readRow(
        cells,
        columns.includes("family") ? readFamily : familyFromFile,
        columns.includes("scale_up_topology") ? readTopology : topologyFromFile,
        columns.includes("family")
      )
  });
}

/**
 * The columns a header (its raw cells) is read with: HARDWARE_COLUMNS without `family`, without `scale_up_topology` or
 * without both (OLDER_HEADERS) when it is exactly one of them (a file written before those columns), else
 * HARDWARE_COLUMNS, so that any other header's errors name the header to write.
 */
export function hardwareColumnsOf(header: readonly string[] | undefined): readonly HardwareColumn[] {
  const written = header?.map((cell) => cell.trim()).join(",");
  return OLDER_HEADERS.find((columns) => written === columns.join(",")) ?? HARDWARE_COLUMNS;
}

/** The columns a file may leave out, each on its own or with the others (a project's file written before them). */
const NEWER_COLUMNS: readonly HardwareColumn[] = ["family", "scale_up_topology"];

/**
 * HARDWARE_COLUMNS without each non-empty subset of NEWER_COLUMNS: a file without `family` but with
 * `scale_up_topology` was a "missing column" error, where the README says a file without `family` loads (breaker).
 */
const OLDER_HEADERS: readonly (readonly HardwareColumn[])[] = [1, 2, 3].map((mask) =>
  HARDWARE_COLUMNS.filter((c) => !NEWER_COLUMNS.some((newer, bit) => c === newer && mask & (1 << bit)))
);

/**
 * Whether a header (its raw cells) is read with the `family` column: true unless it is exactly one of OLDER_HEADERS
 * without it. Any other header, `family` misplaced or missing beside other faults, is checked
 * against HARDWARE_COLUMNS, so its errors name the header to write.
 */
export function hasFamilyColumn(header: readonly string[] | undefined): boolean {
  return hardwareColumnsOf(header).includes("family");
}

/** Whether a header (its raw cells) is read with the `scale_up_topology` column, as hasFamilyColumn. */
export function hasTopologyColumn(header: readonly string[] | undefined): boolean {
  return hardwareColumnsOf(header).includes("scale_up_topology");
}

function readRow(
  cells: CellReader<HardwareColumn>,
  family: (id: string | undefined, cells: CellReader<HardwareColumn>) => ChipFamily | undefined,
  topology: (id: string | undefined, cells: CellReader<HardwareColumn>) => ScaleUpTopology | undefined,
  familyWritten: boolean
): Hardware | undefined {
  const id = cells.id("id");
  const name = cells.text("name");
  const written = cells.text("vendor");
  const kind = readKind(cells);
  const chipFamily = family(id, cells);
  const vendor = checkVendor(cells, written, familyWritten ? chipFamily : undefined);
  // A figure above the column's range and far above any chip's is likely in GFLOP/s (fp8_tflops 1979000 for the
  // H100's 1979 read "out of range" alone; breaker): the hint says so.
  // Offered only when the figure meant is plausible beside the row's other peak (FP8 1–4× BF16): 9000000 beside a BF16
  // of 989.4 was offered 9000 (breaker).
  const bf16Slip = farAboveCellHint("bf16_tflops", cells.raw("bf16_tflops"), cells.raw("fp8_tflops"));
  const bf16 = cells.positive("bf16_tflops", {aboveHint: bf16Slip});
  const fp8 = cells.optionalPositive("fp8_tflops", {
    aboveHint: farAboveCellHint("fp8_tflops", cells.raw("fp8_tflops"), cells.raw("bf16_tflops"))
  });
  // FP8 tensor throughput is twice BF16's on every chip that has FP8: NVIDIA H100 datasheet 3,958 vs 1,979 TFLOPS
  // (sparse; <https://www.nvidia.com/en-us/data-center/h100/>), AMD Instinct MI300X datasheet 2,614.9 vs 1,307.4
  // TFLOPS (<https://www.amd.com/en/products/accelerators/instinct/mi300/mi300x.html>); B200 4,500 vs 2,250 dense
  // (Glenn K. Lockwood's B200 table, this catalog's source). Less than BF16 is a typo or a swapped pair of cells; a
  // chip without FP8 leaves the cell blank. A BF16 far above any chip's is the cell wrong, by its unit (989400 for
  // 989.4 TFLOP/s, in GFLOP/s): it was blamed on fp8_tflops, whose 1979 was right (breaker).
  // Far above any chip's with no figure offered (implausible beside FP8's), it is still the BF16 cell that is wrong.
  if (bf16 !== undefined && fp8 !== undefined && fp8 !== null && fp8 < bf16 && farAboveBundled("bf16_tflops", bf16)) {
    const expected = `dense TFLOP/s, at most fp8_tflops (${fp8} TFLOP/s)`;
    const hint = bf16Slip ?? undefined;
    cells.fail("bf16_tflops", "BF16 throughput above FP8's, and far above any chip's", expected, undefined, hint);
  } else if (bf16 !== undefined && fp8 !== undefined && fp8 !== null && fp8 < bf16) {
    cells.fail(
      "fp8_tflops",
      "FP8 throughput below BF16",
      `at least bf16_tflops (${bf16} TFLOP/s), or blank for a chip without FP8`,
      undefined,
      fp8BelowBf16Hint("cells")
    );
  }
  const fp4 = cells.optionalPositive("fp4_tflops");
  const hbmGb = cells.positive("hbm_gb");
  const hbmTbps = cells.positive("hbm_tbps");
  const hbmGib = cells.positive("hbm_gib");
  const scaleUpGbps = cells.positive("scale_up_gbps");
  const scaleUpChips = cells.positive("scale_up_chips", {integer: true});
  const scaleUpTopology = topology(id, cells);
  const scaleOutGbps = cells.positive("scale_out_gbps");
  const powerW = cells.positive("power_w");
  const priceUsd = cells.optionalPositive("price_usd");
  const hourlyUsd = cells.optionalPositive("hourly_usd");
  // What the runtime can use is at most what the chip carries: hbm_gb as GiB (an "80 GB" H100 carries 80 GiB and its
  // runtime reports 79.1 GiB), and at least half of hbm_gb's bytes (every row uses 93–100% of them; below half is a
  // typo or GB written for GiB). Out of these, a batch the chip cannot hold was served (hbm_gib 800 for an 80 GB
  // H100; breaker).
  if (hbmGb !== undefined && hbmGib !== undefined) {
    const least = (hbmGb * BYTES_PER_GB) / BYTES_PER_GIB / 2;
    if (hbmGib > hbmGb || hbmGib < least) {
      cells.fail(
        "hbm_gib",
        hbmGib > hbmGb ? "more usable HBM than the chip carries" : "less than half the chip's HBM usable",
        `a capacity in GiB from ${grouped(Number(least.toPrecision(4)))} (half of hbm_gb) to ${grouped(hbmGb)} (hbm_gb read as GiB)`
      );
    }
  }
  // HBM reads at most its capacity in a millisecond: 1 TB/s per GB, 20× every bundled row's 0.023–0.051 (MI325X to
  // TPU v5e; HBM4's 2 TB/s stacks of 24–64 GB are 0.03–0.08). Above it is GB/s written for TB/s, which the range let
  // through and priced a chip's tokens at half their cost (3350 for the H100's 3.35; breaker). A part with less memory
  // than any HBM chip (MIN_HBM_CHECKED_GB) is on-chip SRAM, which reads far faster (Groq's LPU: 80 TB/s from 0.23 GB).
  const bandwidthProblem = hbmBandwidthProblem(hbmTbps, hbmGb, "hbm_tbps", "hbm_gb");
  if (bandwidthProblem)
    cells.fail("hbm_tbps", bandwidthProblem.message, bandwidthProblem.expected, undefined, bandwidthProblem.hint);
  const systemOverhead = cells.nonNegative("system_overhead");
  const systemPowerW = cells.positive("system_power_w");
  if (powerW !== undefined && systemPowerW !== undefined && systemPowerW < powerW) {
    cells.fail("system_power_w", "system power below chip power", `at least power_w (${groupThousands(powerW)} W)`);
  } else if (powerW !== undefined && systemPowerW !== undefined) {
    // The host power a scenario takes from the row (catalogChipSystem: system_power_w ÷ power_w − 1) lies in
    // power.hostOverhead's range, as the key set by hand does: past it, every scenario on the chip failed on that key
    // at line 1, at its default, with "set it in this file's front matter" (5000 for 700 W; tester).
    const hostMax = CHIP_HOUR_COST_RANGES.hostPowerFraction.max;
    const host = catalogChipSystem({systemOverheadFraction: 0, systemPowerW, powerW}).hostPowerFraction;
    if (host > hostMax) {
      cells.fail(
        "system_power_w",
        "more host power than a scenario takes",
        `at most ${hostMax + 1} × power_w (${groupThousands((hostMax + 1) * powerW)} W), ` +
          `the host power a scenario takes (power.hostOverhead ≤ ${hostMax})`
      );
    }
  }
  const estimated = readEstimated(cells);
  const priceSource = readPriceSource(cells, priceUsd, hourlyUsd, estimated);
  const hbmSource = readSource(cells, "hbm_source", estimated);
  const linksSource = readSource(cells, "links_source", estimated);
  const systemSource = readSource(cells, "system_source", estimated);
  const sourceTitle = cells.text("source_title", {lines: true});
  const sourceUrl = cells.httpsUrl("source_url");
  const notes = cells.raw("notes");
  if (
    id === undefined ||
    name === undefined ||
    vendor === undefined ||
    kind === undefined ||
    chipFamily === undefined ||
    bf16 === undefined ||
    fp8 === undefined ||
    fp4 === undefined ||
    hbmGb === undefined ||
    hbmTbps === undefined ||
    hbmGib === undefined ||
    scaleUpGbps === undefined ||
    scaleUpChips === undefined ||
    scaleUpTopology === undefined ||
    scaleOutGbps === undefined ||
    powerW === undefined ||
    priceUsd === undefined ||
    hourlyUsd === undefined ||
    systemOverhead === undefined ||
    systemPowerW === undefined ||
    systemSource === undefined ||
    estimated === undefined ||
    priceSource === undefined ||
    hbmSource === undefined ||
    linksSource === undefined ||
    sourceTitle === undefined ||
    sourceUrl === undefined
  ) {
    return undefined;
  }
  const hypothetical = estimated.includes(ALL);
  return {
    id,
    name,
    vendor,
    kind,
    family: chipFamily,
    bf16FlopsPerS: scaled(bf16, TERA),
    fp8FlopsPerS: fp8 === null ? null : scaled(fp8, TERA),
    fp4FlopsPerS: fp4 === null ? null : scaled(fp4, TERA),
    hbmBytes: scaled(hbmGb, BYTES_PER_GB),
    hbmBandwidthBytesPerS: scaled(hbmTbps, BYTES_PER_TB),
    hbmCapacityBytes: hbmGib * BYTES_PER_GIB,
    scaleUpBandwidthBytesPerS: scaled(scaleUpGbps, BYTES_PER_GB),
    scaleUpChips,
    scaleUpTopology,
    scaleOutBandwidthBytesPerS: scaled(scaleOutGbps, BYTES_PER_GB),
    powerW,
    priceUsd,
    hourlyPriceUsd: hourlyUsd,
    systemOverheadFraction: systemOverhead,
    systemPowerW,
    systemSource,
    priceSource,
    hbmSource,
    linksSource,
    estimated: hypothetical ? [ALL] : estimated.map((column) => HARDWARE_FIELD_OF_COLUMN[column as HardwareColumn]!),
    hypothetical,
    sourceTitle,
    sourceUrl,
    notes
  };
}

/**
 * The `vendor` cell, `written` (undefined when it is bad), checked: a near miss of a known vendor (knownVendorNearMiss:
 * `NVDIA`, `ADM`) or another name of one (`Amazon`, `Advanced Micro Devices`) is an error with the name to write, since
 * a chip of an unknown maker runs the vendor-neutral serving stacks only (no TensorRT-LLM on an MI300X written
 * `Advanced Micro Devices`, and no vendor check at all for it); a vendor other than the one `family` implies (CHIP_FAMILY_VENDORS: hopper → NVIDIA) is an
 * error too. A vendor none of the known ones is near ("Cerebras") is a new maker, and loads.
 */
function checkVendor(
  cells: CellReader<HardwareColumn>,
  written: string | undefined,
  family: ChipFamily | undefined
): string | undefined {
  if (written === undefined) return undefined;
  const nearMiss = knownVendorNearMiss(written);
  if (nearMiss !== undefined) {
    cells.fail(
      "vendor",
      nearMiss.kind === "alias" ? "another name of a known chip vendor" : "misspelt chip vendor",
      `a known vendor as written (${KNOWN_VENDOR_LIST}), or a maker none of them is near`,
      undefined,
      `did you mean '${nearMiss.known}'? The serving stacks a chip runs are decided by its vendor, and an unknown ` +
        "maker's chip runs only the vendor-neutral ones"
    );
    return undefined;
  }
  const implied = family === undefined ? null : CHIP_FAMILY_VENDORS[family];
  if (implied !== null && !sameVendor(written, implied)) {
    cells.fail(
      "vendor",
      "vendor does not make the chip's family",
      `'${implied}', the maker of family '${family}' (or family 'other' for another maker's chip)`,
      undefined,
      `did you mean '${implied}'?`
    );
    return undefined;
  }
  return written;
}

function readKind(cells: CellReader<HardwareColumn>): Hardware["kind"] | undefined {
  return cells.choice("kind", HARDWARE_KINDS);
}

/** The `family` cell: one of CHIP_FAMILIES (required when the column is there; "other" says no family fit). */
function readFamily(_id: string | undefined, cells: CellReader<HardwareColumn>): ChipFamily | undefined {
  // A family misspelt, in capitals or padded ("Hopper", "hoper") is told its spelling (new-user trial); anything else
  // what the families are.
  return cells.choice("family", CHIP_FAMILIES, {
    unknown: "unknown family",
    help: "the calibration group of the chip's architecture; 'other' prices it with the pooled efficiencies"
  });
}

/** The `scale_up_topology` cell: one of SCALE_UP_TOPOLOGIES (required when the column is there). */
function readTopology(_id: string | undefined, cells: CellReader<HardwareColumn>): ScaleUpTopology | undefined {
  return cells.choice("scale_up_topology", SCALE_UP_TOPOLOGIES, {
    unknown: "unknown scale-up topology",
    help:
      "how the scale-up domain's chips are wired: switch (NVSwitch), full-mesh (a direct link to every other chip, " +
      "as 8 MI300X), torus (TPU, Trainium2), hybrid-cube-mesh (DGX-1); name its source in links_source"
  });
}

/**
 * `power_w;price_usd` → the column names (validated), `all` → ["all"], empty → []. `all` stands alone (`all;price_usd`
 * was told "expected 'all', …, found 'all'"), an entry is never empty (`;` read as two unknown columns '', ''), each
 * misspelt name is told its spelling (`Power_W;price` hinted power_w only) and a name given twice is refused (it was
 * accepted silently; breaker).
 */
function readEstimated(cells: CellReader<HardwareColumn>): (HardwareColumn | typeof ALL)[] | undefined {
  const value = cells.raw("estimated");
  if (value === "") return [];
  if (value === ALL) return [ALL];
  const names = value.split(";").map((name) => name.trim());
  const allowed = Object.keys(HARDWARE_FIELD_OF_COLUMN);
  const list = `column names separated by ';' from: ${allowed.join(", ")}`;
  if (names.includes(ALL)) {
    cells.fail(
      "estimated",
      "'all' with other entries in estimated list",
      `'all' alone (the whole row is hypothetical), or ${list}`,
      `'${value}'`
    );
    return undefined;
  }
  if (names.includes("")) {
    const empty = names.filter((name) => name === "").length;
    cells.fail(
      "estimated",
      "empty entry in estimated list",
      `${list}, each one a name (no ';' at either end, none doubled)`,
      `'${value}' (${empty === 1 ? "an empty entry" : `${empty} empty entries`})`
    );
    return undefined;
  }
  const bad = names.filter((name) => !allowed.includes(name));
  if (bad.length > 0) {
    // Each misspelt column name is told its spelling, as a choice cell is (CellReader.choice).
    const offers = bad.flatMap((name) => {
      const offer = didYouMean(name, allowed)?.replace(/^did you mean (.*)\?$/, "$1");
      return offer === undefined ? [] : [bad.length === 1 ? offer : `${offer} for '${name}'`];
    });
    cells.fail(
      "estimated",
      "unknown column in estimated list",
      `'all', or ${list}`,
      bad.map((name) => `'${name}'`).join(", "),
      offers.length === 0 ? undefined : `did you mean ${offers.join(", ")}?`
    );
    return undefined;
  }
  const twice = names.filter((name, i) => names.indexOf(name) !== i);
  if (twice.length > 0) {
    cells.fail(
      "estimated",
      "column named twice in estimated list",
      `each column once, from: ${allowed.join(", ")}`,
      [...new Set(twice)].map((name) => `'${name}'`).join(", ") + " more than once"
    );
    return undefined;
  }
  return names as HardwareColumn[];
}

function readPriceSource(
  cells: CellReader<HardwareColumn>,
  priceUsd: number | null | undefined,
  hourlyUsd: number | null | undefined,
  estimated: string[] | undefined
): string | undefined {
  const value = cells.raw("price_source");
  const hasPrice = (priceUsd !== null && priceUsd !== undefined) || (hourlyUsd !== null && hourlyUsd !== undefined);
  if (!hasPrice) return value;
  if (value === "") {
    cells.fail("price_source", "missing price source", "'Title <https://...>' whenever price_usd or hourly_usd is set");
    return undefined;
  }
  // A wholly hypothetical row has no published price to link to; its basis lives in notes.
  if (!estimated?.includes(ALL) && !SOURCE_URL.test(value)) {
    cells.fail("price_source", "price source without a URL", "'Title <https://...>' (the URL in angle brackets)");
    return undefined;
  }
  return value;
}

/** A required source cell (`hbm_source`, `links_source`): `Title <https://...>`, or any text on a hypothetical row. */
function readSource(
  cells: CellReader<HardwareColumn>,
  column: "hbm_source" | "links_source" | "system_source",
  estimated: string[] | undefined
): string | undefined {
  const value = cells.text(column, {lines: true});
  if (value === undefined) return undefined;
  if (!estimated?.includes(ALL) && !SOURCE_URL.test(value)) {
    cells.fail(column, "source without a URL", "'Title <https://...>' (the URL in angle brackets)");
    return undefined;
  }
  return value;
}
