import {renameSync, rmSync, writeFileSync} from "node:fs";
import {basename, dirname, extname, join} from "node:path";
import {csvFormat} from "d3-dsv";
import {parquetWriteBuffer} from "hyparquet-writer";
import {UserError} from "../errors/userError.js";

export const TABLE_FORMATS = [".csv", ".json", ".parquet"] as const;

/** The format of an output file, from its extension; anything else is an error naming the flag. */
export function tableFormat(path: string, flag = "--out"): (typeof TABLE_FORMATS)[number] {
  const ext = extname(path).toLowerCase();
  if ((TABLE_FORMATS as readonly string[]).includes(ext)) return ext as (typeof TABLE_FORMATS)[number];
  throw new UserError({
    flag,
    message: "unknown output format",
    expected: "a file ending in .csv, .json or .parquet",
    found: path
  });
}

/** Encodes rows (all with the same keys, numbers or null) as CSV, JSON (an array of objects) or Parquet (DOUBLE columns). */
export function encodeTable(
  rows: readonly Record<string, number | null>[],
  format: (typeof TABLE_FORMATS)[number]
): Uint8Array {
  const columns = rows.length ? Object.keys(rows[0]!) : [];
  if (format === ".csv")
    return new TextEncoder().encode(csvFormat(rows as Record<string, number | null>[], columns) + "\n");
  if (format === ".json") return new TextEncoder().encode(JSON.stringify(rows, null, 1) + "\n");
  const buffer = parquetWriteBuffer({
    columnData: columns.map((name) => ({name, data: rows.map((row) => row[name] ?? null), type: "DOUBLE" as const}))
  });
  return new Uint8Array(buffer);
}

/**
 * Writes the whole file or nothing: the bytes go to a temporary file beside the target, which is then renamed over
 * it, so an error (or an interrupted run) never leaves a partial output.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array, flag = "--out"): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, {force: true});
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UserError({flag, message: `cannot write the file (${code})`, expected: "a writable path", found: path});
  }
}
