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

/** Signals that end a command line run; a pending temporary file is removed before the process exits on one. */
const ENDING_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Exit code of a process ended by a signal, as a shell reports it (128 + the signal's number). */
const SIGNAL_EXIT_CODES: Record<(typeof ENDING_SIGNALS)[number], number> = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129};

/** Temporary files being written now: removed by the signal handler. */
const pendingTemporaries = new Set<string>();
let signalHandlerInstalled = false;

/**
 * Installs, once, a handler for the ending signals that removes every pending temporary file and exits with
 * 128 + the signal's number. It stays installed: a signal that arrives during a synchronous write is delivered on a
 * later turn of the event loop, and a handler removed by then would drop it (the process would then ignore Ctrl-C).
 * It is installed at the first write only, so that Ctrl-C during a long computation before it still ends the process
 * at once.
 */
function installSignalHandler(): void {
  if (signalHandlerInstalled) return;
  signalHandlerInstalled = true;
  for (const signal of ENDING_SIGNALS) {
    process.on(signal, () => {
      for (const temporary of pendingTemporaries) rmSync(temporary, {force: true});
      process.exit(SIGNAL_EXIT_CODES[signal]);
    });
  }
}

/**
 * Writes the whole file or nothing: the bytes go to a temporary file beside the target, which is then renamed over
 * it, so an error never leaves a partial output, and an interrupt (Ctrl-C, SIGTERM, SIGHUP) during the write ends the
 * process with 128 + the signal's number without leaving the temporary file (see installSignalHandler).
 *
 * Throws: UserError naming `flag` and the path when the file cannot be written.
 */
export function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  flag = "--out",
  /** Called between the write and the rename: a test sends itself a signal here. */
  beforeRename?: () => void
): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  installSignalHandler();
  pendingTemporaries.add(temporary);
  try {
    writeFileSync(temporary, bytes);
    beforeRename?.();
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, {force: true});
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UserError({flag, message: `cannot write the file (${code})`, expected: "a writable path", found: path});
  } finally {
    pendingTemporaries.delete(temporary);
  }
}
