import {BYTES_PER_GB, BYTES_PER_TB} from "../units/bytes.js";
import {TERA} from "../units/si.js";
import {CellReader, checkHeader, checkUniqueIds, readCsvRecords, scaled, throwIfAny} from "./csvCells.js";
import type {Hardware} from "./hardware.js";

/** The columns of data/hardware.csv, exactly and in order. */
export const HARDWARE_COLUMNS = [
  "id",
  "name",
  "vendor",
  "kind",
  "bf16_tflops",
  "fp8_tflops",
  "fp4_tflops",
  "hbm_gb",
  "hbm_tbps",
  "power_w",
  "price_usd",
  "hourly_usd",
  "price_source",
  "estimated",
  "source_title",
  "source_url",
  "notes"
] as const;

export type HardwareColumn = (typeof HARDWARE_COLUMNS)[number];

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
  power_w: "powerW",
  price_usd: "priceUsd",
  hourly_usd: "hourlyPriceUsd"
};

/** `estimated` value that marks a wholly hypothetical row. */
const ALL = "all";

/** A price source must name at least one URL in angle brackets: `Title <https://...>`. */
const PRICE_SOURCE_URL = /<https:\/\/[^\s<>]+>/;

/**
 * Parses and validates data/hardware.csv. Converts to base units: TFLOP/s → FLOP/s, decimal GB → bytes,
 * TB/s → bytes/s. Every bad cell is reported at once as a UserErrors naming file, line, column and column name.
 */
export function parseHardwareCsv(text: string, {file}: {file: string}): Hardware[] {
  const {header, records} = readCsvRecords(text);
  throwIfAny(checkHeader(header, HARDWARE_COLUMNS, file));
  const cells = new CellReader<HardwareColumn>(HARDWARE_COLUMNS, file);
  const rows: (Hardware & {line: number})[] = [];
  for (const record of records) {
    if (!cells.start(record)) continue;
    const before = cells.errors.length;
    const row = readRow(cells);
    if (row && cells.errors.length === before) rows.push({...row, line: cells.line});
  }
  const idColumn = HARDWARE_COLUMNS.indexOf("id") + 1;
  throwIfAny([...cells.errors, ...checkUniqueIds(rows, idColumn, file)]);
  return rows.map(({line: _line, ...hardware}) => hardware);
}

function readRow(cells: CellReader<HardwareColumn>): Hardware | undefined {
  const id = cells.id("id");
  const name = cells.text("name");
  const vendor = cells.text("vendor");
  const kind = readKind(cells);
  const bf16 = cells.positive("bf16_tflops");
  const fp8 = cells.optionalPositive("fp8_tflops");
  const fp4 = cells.optionalPositive("fp4_tflops");
  const hbmGb = cells.positive("hbm_gb");
  const hbmTbps = cells.positive("hbm_tbps");
  const powerW = cells.positive("power_w");
  const priceUsd = cells.optionalPositive("price_usd");
  const hourlyUsd = cells.optionalPositive("hourly_usd");
  const estimated = readEstimated(cells);
  const priceSource = readPriceSource(cells, priceUsd, hourlyUsd, estimated);
  const sourceTitle = cells.text("source_title");
  const sourceUrl = cells.httpsUrl("source_url");
  const notes = cells.raw("notes");
  if (
    id === undefined ||
    name === undefined ||
    vendor === undefined ||
    kind === undefined ||
    bf16 === undefined ||
    fp8 === undefined ||
    fp4 === undefined ||
    hbmGb === undefined ||
    hbmTbps === undefined ||
    powerW === undefined ||
    priceUsd === undefined ||
    hourlyUsd === undefined ||
    estimated === undefined ||
    priceSource === undefined ||
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
    bf16FlopsPerS: scaled(bf16, TERA),
    fp8FlopsPerS: fp8 === null ? null : scaled(fp8, TERA),
    fp4FlopsPerS: fp4 === null ? null : scaled(fp4, TERA),
    hbmBytes: scaled(hbmGb, BYTES_PER_GB),
    hbmBandwidthBytesPerS: scaled(hbmTbps, BYTES_PER_TB),
    powerW,
    priceUsd,
    hourlyPriceUsd: hourlyUsd,
    priceSource,
    estimated: hypothetical ? [ALL] : estimated.map((column) => HARDWARE_FIELD_OF_COLUMN[column as HardwareColumn]!),
    hypothetical,
    sourceTitle,
    sourceUrl,
    notes
  };
}

function readKind(cells: CellReader<HardwareColumn>): Hardware["kind"] | undefined {
  const value = cells.text("kind");
  if (value === undefined) return undefined;
  if (!(HARDWARE_KINDS as readonly string[]).includes(value)) {
    cells.fail("kind", "unknown kind", `one of ${HARDWARE_KINDS.join(", ")}`);
    return undefined;
  }
  return value as Hardware["kind"];
}

/** `power_w;price_usd` → the column names (validated), `all` → ["all"], empty → []. */
function readEstimated(cells: CellReader<HardwareColumn>): (HardwareColumn | typeof ALL)[] | undefined {
  const value = cells.raw("estimated");
  if (value === "") return [];
  if (value === ALL) return [ALL];
  const names = value.split(";").map((name) => name.trim());
  const allowed = Object.keys(HARDWARE_FIELD_OF_COLUMN);
  const bad = names.filter((name) => !allowed.includes(name));
  if (bad.length > 0) {
    cells.fail(
      "estimated",
      "unknown column in estimated list",
      `'all', or column names separated by ';' from: ${allowed.join(", ")}`,
      bad.map((name) => `'${name}'`).join(", ")
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
  if (!estimated?.includes(ALL) && !PRICE_SOURCE_URL.test(value)) {
    cells.fail("price_source", "price source without a URL", "'Title <https://...>' (the URL in angle brackets)");
    return undefined;
  }
  return value;
}
