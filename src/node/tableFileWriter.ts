import {closeSync, openSync, renameSync, writeSync} from "node:fs";
import {ByteWriter, ParquetWriter, schemaFromColumnData} from "hyparquet-writer";
import {compressSync} from "snappy";
import {doubleColumnStatistics} from "./doubleColumnStatistics.js";
import {UserError} from "../errors/userError.js";
import {
  atomicPaths,
  onEndingSignal,
  removeStaleTemporaries,
  removeTemporary,
  type TABLE_FORMATS
} from "./writeTable.js";

/**
 * A table written to a file block by block, whole or not at all: the blocks go to a temporary file beside the target
 * (`.NAME.PID.tmp`), which `finish` renames over the target and `abort` removes. Memory is one block, whatever the
 * table's length. The bytes are those encodeTable (writeTable.ts) gives for the same rows: CSV with a header and
 * empty cells for null, JSON as an indented array of objects, Parquet with one DOUBLE column per name (OPTIONAL, or
 * REQUIRED for the names in `requiredColumns`) and one row group per block (hyparquet-writer's ParquetWriter, SNAPPY
 * pages, each column chunk one PLAIN page: see parquetEncoder).
 */
export interface TableFileWriter {
  /** Appends rows 0 … rows − 1 of each column (NaN is written as null). */
  append(rows: number, values: Readonly<Record<string, Float64Array>>): void;
  /** Writes the end of the file and renames it into place. */
  finish(): void;
  /** Removes the temporary file; the target is left as it was. Safe to call twice or after finish. */
  abort(): void;
}

export interface TableFileOptions {
  /** Column names, in order. */
  columns: readonly string[];
  /** Parquet only: key–value metadata written in the footer (e.g. each column's unit). */
  metadata?: Record<string, string>;
  /**
   * Parquet only: columns that never hold NaN (a sweep's varied keys and the metrics that are never null), written
   * REQUIRED, without definition levels:
   * a third less time to encode such a column (bench/sweep.bench.ts). Appending NaN to one throws an Error.
   */
  requiredColumns?: readonly string[];
  /** The flag a write error names (default --out). */
  flag?: string;
  /** Writes bytes to the file and returns how many it wrote (default fs.writeSync); a test injects a short write. */
  writeBytes?: (fd: number, bytes: Uint8Array, offset: number, length: number) => number;
}

/**
 * Writes every byte of `bytes` to `fd`, calling `writeBytes` again after a short write (a write may take fewer bytes
 * than it was given without throwing, as the last one before a full disk does). A write that takes none is an
 * ENOSPC error: retrying it would loop forever, and ignoring it left a sweep's CSV cut off with "wrote …" reported.
 */
export function writeAll(
  fd: number,
  bytes: Uint8Array,
  writeBytes: (fd: number, bytes: Uint8Array, offset: number, length: number) => number = writeSync
): void {
  for (let at = 0; at < bytes.length;) {
    const written = writeBytes(fd, bytes, at, bytes.length - at);
    if (!(written > 0)) {
      throw Object.assign(new Error(`no progress writing ${bytes.length - at} bytes`), {code: "ENOSPC"});
    }
    at += written;
  }
}

/**
 * Opens a TableFileWriter on `path` in `format`. Throws a UserError naming the flag and the path when the file cannot
 * be created or written (the temporary file is removed first).
 */
export function openTableFile(
  path: string,
  format: (typeof TABLE_FORMATS)[number],
  {columns, metadata, requiredColumns = [], flag = "--out", writeBytes = writeSync}: TableFileOptions
): TableFileWriter {
  const {target, temporary} = atomicPaths(path, flag);
  let fd: number | null = null;
  let done = false;
  const fail = (error: unknown): never => {
    abort();
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UserError({flag, message: `cannot write the file (${code})`, expected: "a writable path", found: path});
  };
  // Cleanup never throws: it runs after the error to report (one that ENOTDIR or EBADF from here would replace) or on
  // the way to an exit on a signal.
  function abort(): void {
    if (done) return;
    done = true;
    forget();
    if (fd !== null) {
      try {
        closeSync(fd);
      } catch {
        // The file is being removed anyway.
      }
    }
    fd = null;
    removeTemporary(temporary);
  }
  // SIGINT, SIGTERM, SIGHUP or SIGQUIT before finish or abort removes the temporary file (writeTable.ts,
  // onEndingSignal).
  const forget = onEndingSignal(abort);
  const write = (bytes: Uint8Array | string) => {
    try {
      // A text block is written as its UTF-8 bytes, so that a short write's count (in bytes) can be resumed from.
      writeAll(fd!, typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes, writeBytes);
    } catch (error) {
      fail(error);
    }
  };
  try {
    fd = openSync(temporary, "w");
  } catch (error) {
    fail(error);
  }
  const encoder = format === ".csv" ? csvEncoder(columns) : format === ".json" ? jsonEncoder(columns) : null;
  const parquet = format === ".parquet" ? parquetEncoder(columns, requiredColumns, metadata, write) : null;
  if (encoder) write(encoder.start);
  let rowsWritten = 0;
  return {
    append(rows, values) {
      if (rows === 0) return;
      if (encoder) {
        // Text is written TEXT_ROWS rows at a time: a block's text built whole (a sweep of every metric, 16,384 rows
        // of 40 cells) peaked at 347 MB for 65,000 points to CSV, against 138 MB to Parquet (breaker).
        for (let start = 0; start < rows; start += TEXT_ROWS) {
          const count = Math.min(TEXT_ROWS, rows - start);
          const part: Record<string, Float64Array> = {};
          for (const name of columns) part[name] = values[name]!.subarray(start, start + count);
          write(encoder.rows(count, part, rowsWritten + start));
        }
      } else parquet!.append(rows, values);
      rowsWritten += rows;
    },
    finish() {
      if (encoder) write(encoder.end(rowsWritten));
      else parquet!.finish();
      try {
        closeSync(fd!);
        fd = null;
        renameSync(temporary, target);
        done = true;
        forget();
        removeStaleTemporaries(temporary);
      } catch (error) {
        fail(error);
      }
    },
    abort
  };
}

/** Rows of CSV or JSON text built and written at a time. */
const TEXT_ROWS = 1_024;

interface TextEncoderOf {
  start: string;
  rows(rows: number, values: Readonly<Record<string, Float64Array>>, before: number): string;
  end(total: number): string;
}

/** CSV as d3-dsv's csvFormat writes numbers (String(n)) and null (an empty cell); names quoted where needed. */
function csvEncoder(columns: readonly string[]): TextEncoderOf {
  const quote = (name: string) => (/[",\n\r]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name);
  return {
    start: columns.map(quote).join(",") + "\n",
    rows(rows, values) {
      const cols = columns.map((name) => values[name]!);
      const lines: string[] = new Array(rows);
      for (let i = 0; i < rows; i++) {
        let line = "";
        for (let c = 0; c < cols.length; c++) {
          const v = cols[c]![i]!;
          line += (c ? "," : "") + (v === v ? String(v) : "");
        }
        lines[i] = line;
      }
      return lines.join("\n") + "\n";
    },
    end: () => ""
  };
}

/** JSON as JSON.stringify(rows, null, 1) writes an array of objects, null for NaN. */
function jsonEncoder(columns: readonly string[]): TextEncoderOf {
  const keys = columns.map((name) => JSON.stringify(name));
  return {
    start: "[",
    rows(rows, values, before) {
      const cols = columns.map((name) => values[name]!);
      let text = "";
      for (let i = 0; i < rows; i++) {
        text += before + i > 0 ? ",\n {" : "\n {";
        for (let c = 0; c < cols.length; c++) {
          const v = cols[c]![i]!;
          text += `${c ? "," : ""}\n  ${keys[c]}: ${v === v && Number.isFinite(v) ? String(v) : "null"}`;
        }
        text += "\n }";
      }
      return text;
    },
    end: (total) => (total ? "\n]\n" : "]\n")
  };
}

/**
 * Parquet: one row group per appended block, flushed to the file as soon as it is encoded. Each column chunk is one
 * PLAIN-encoded page (min/max statistics kept): hyparquet-writer's default tries a dictionary per column and splits
 * pages at 1 MB by measuring every value, which took 1.8× as long to encode three 1M-row DOUBLE columns (273 → 154 ms,
 * median of 7, warm) and the whole 1M-point sweep 0.65 → 0.54 s (bench/sweep.bench.ts), for a file 8% larger
 * (8.2 → 8.9 MB: SNAPPY still packs a sweep axis's repeated values).
 *
 * SNAPPY is used where it pays: a column whose last SNAPPY chunk kept more than INCOMPRESSIBLE_RATIO of its bytes is
 * written UNCOMPRESSED, and tried with SNAPPY again every SNAPPY_RETRY_GROUPS row groups. A metric that varies at every
 * point (base's cost per token over a grid) does not shrink at all, and compressing it took 56 of the 130 ms that
 * three 1M-row columns took to encode (the same file size, 8.89 MB; the axes' columns, which repeat, shrink 3× and
 * stay SNAPPY). Those figures are for hyparquet-writer's own SNAPPY, written in JavaScript; see snappyCompress.
 *
 * Each chunk's min/max statistics are computed here (doubleColumnStatistics, one pass over the typed array) and
 * written into the row group's metadata before the footer is written from it, in place of hyparquet-writer's own
 * (36 of the ~190 ms, CPU, the three columns took): a test checks they are the statistics the library writes.
 */
/** A SNAPPY column chunk that keeps more than this share of its bytes has the next chunks written UNCOMPRESSED. */
const INCOMPRESSIBLE_RATIO = 0.9;

/** Row groups after which a column written UNCOMPRESSED is tried with SNAPPY again (its values may change). */
const SNAPPY_RETRY_GROUPS = 8;

/**
 * Raw (unframed) SNAPPY, as Parquet's SNAPPY codec is: the `snappy` package (napi-rs bindings to the Rust `snap` crate,
 * prebuilt per platform) in place of hyparquet-writer's JavaScript SNAPPY, which took 41–45 of the ~190 ms, CPU, that
 * three 1M-row columns of a sweep took to encode, cold (about a quarter of the writing). The file is 9.8 MB, against
 * 8.9 MB: `snap` finds fewer matches in the faster axis's repeats, which shrink 5.8 times, not 16. `copyOutputData`
 * gives each page a buffer V8 counts and collects with the rest: without it the native buffers, which V8 does not see,
 * were collected late and a 1M-point sweep's peak memory rose ~30 MB, 1.15× a 100k one's (bench/sweep.bench.ts; with
 * it 1.00×).
 */
function snappyCompress(bytes: Uint8Array): Uint8Array {
  return compressSync(bytes, {copyOutputData: true});
}

function parquetEncoder(
  columns: readonly string[],
  requiredColumns: readonly string[],
  metadata: Record<string, string> | undefined,
  write: (bytes: Uint8Array) => void
): {append(rows: number, values: Readonly<Record<string, Float64Array>>): void; finish(): void} {
  const writer = new ByteWriter();
  const flush = () => {
    // writer.offset keeps counting the file's bytes (the footer's offsets); only the buffer is emptied.
    write(new Uint8Array(writer.buffer, 0, writer.index));
    writer.index = 0;
  };
  const required = new Set(requiredColumns);
  const schema = schemaFromColumnData({
    columnData: columns.map((name) => ({name, data: [], type: "DOUBLE" as const, nullable: !required.has(name)}))
  });
  const kvMetadata = metadata ? Object.entries(metadata).map(([key, value]) => ({key, value})) : undefined;
  const parquet = new ParquetWriter({
    writer,
    schema,
    compressors: {SNAPPY: snappyCompress},
    ...(kvMetadata ? {kvMetadata} : {})
  });
  // Per column: whether its next chunk is compressed, and row groups since it was last tried with SNAPPY.
  const snappy = columns.map(() => true);
  const sinceTried = columns.map(() => 0);
  return {
    append(rows, values) {
      const codecs: ("SNAPPY" | "UNCOMPRESSED")[] = columns.map((_, j) =>
        snappy[j] || sinceTried[j]! >= SNAPPY_RETRY_GROUPS ? "SNAPPY" : "UNCOMPRESSED"
      );
      const statistics = columns.map((name) => doubleColumnStatistics(values[name]!, rows));
      const columnData = columns.map((name, j) => {
        const codec = codecs[j]!;
        const source = values[name]!;
        const nulls = statistics[j]!.null_count > 0n;
        if (nulls && required.has(name)) throw new Error(`NaN in the REQUIRED Parquet column ${name}`);
        // A column without NaN is written from its typed array as it is (the same values, no copy per cell).
        if (!nulls) return {name, data: source.subarray(0, rows), encoding: "PLAIN" as const, codec, statistics: false};
        const data: (number | null)[] = new Array(rows);
        for (let i = 0; i < rows; i++) data[i] = source[i] === source[i] ? source[i]! : null;
        return {name, data, encoding: "PLAIN" as const, codec, statistics: false};
      });
      void parquet.write({columnData, rowGroupSize: rows, pageSize: 0});
      const chunks = parquet.row_groups.at(-1)!.columns;
      chunks.forEach((chunk, j) => {
        // The footer is written from row_groups at finish: the statistics go there as hyparquet-writer's own would.
        chunk.meta_data!.statistics = statistics[j]!;
        if (codecs[j] === "UNCOMPRESSED") {
          sinceTried[j]! += 1;
          return;
        }
        const {total_compressed_size: compressed, total_uncompressed_size: uncompressed} = chunk.meta_data!;
        snappy[j] = Number(compressed) <= INCOMPRESSIBLE_RATIO * Number(uncompressed);
        sinceTried[j] = 0;
      });
      flush();
    },
    finish() {
      void parquet.finish();
      flush();
    }
  };
}
