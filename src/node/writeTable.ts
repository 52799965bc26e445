import {shellWord} from "../errors/shellWord.js";
import {createHash} from "node:crypto";
import {
  accessSync,
  constants,
  lstatSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs";
import {basename, dirname, extname, join, resolve} from "node:path";
import {csvFormat} from "d3-dsv";
import {parquetWriteBuffer} from "hyparquet-writer";
import {UserError} from "../errors/userError.js";
import {specialFileKind} from "./fileKind.js";
import {commandInputFiles, isFolder, realPath, siteOutputHolding} from "./paths.js";
import {orList} from "../units/wordList.js";

export const TABLE_FORMATS = [".csv", ".json", ".parquet"] as const;

/**
 * The error for an output path that is a folder (an existing one, or written with a trailing slash): `--out /tmp` read
 * "unknown output format" (breaker). `endings` are the file endings the flag takes (`[".csv", ".json", ".parquet"]`),
 * `name` a file name to offer inside the folder (`sweep.csv`). Undefined for a path that is no folder.
 */
export function folderOutputError(
  path: string,
  {flag, endings, name}: {flag: string; endings: readonly string[]; name: string}
): UserError | undefined {
  if (!/[\\/]$/.test(path) && !isFolder(path)) return undefined;
  return new UserError({
    flag,
    message: "a folder, not a file",
    expected: `a file path ending in ${orList(endings)}`,
    found: path,
    hint: `${flag} takes a file path: write a file inside the folder, e.g. ${join(path, name)}`
  });
}

/**
 * The error for an output path that is an ending only, with no name before it (`--out .csv`, `out/.parquet`): it read
 * "expected a file ending in .csv, .json or .parquet, found .csv" (breaker), as Node's extname gives a name that starts
 * with its only dot none. `endings` and `name` as folderOutputError's. Undefined for a path with a name.
 */
export function bareEndingError(
  path: string,
  {flag, endings, name}: {flag: string; endings: readonly string[]; name: string}
): UserError | undefined {
  const ending = basename(path);
  if (!endings.includes(ending.toLowerCase())) return undefined;
  const named = join(dirname(path), `${name.replace(/\.[^.]*$/, "")}${ending}`);
  return new UserError({
    flag,
    message: `no file name before ${ending}`,
    expected: `a file name before its ending, like ${named}`,
    found: path
  });
}

/** The format of an output file, from its extension; anything else is an error naming the flag. */
export function tableFormat(path: string, flag = "--out"): (typeof TABLE_FORMATS)[number] {
  const folder = folderOutputError(path, {flag, endings: TABLE_FORMATS, name: "sweep.csv"});
  if (folder) throw folder;
  const bare = bareEndingError(path, {flag, endings: TABLE_FORMATS, name: "sweep.csv"});
  if (bare) throw bare;
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
// SIGQUIT (Ctrl-\) too: it left a sweep's temporary file beside --out when the three others did not (breaker).
const ENDING_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const;

/** Exit code of a process ended by a signal, as a shell reports it (128 + the signal's number). */
const SIGNAL_EXIT_CODES: Record<(typeof ENDING_SIGNALS)[number], number> = {
  SIGINT: 130,
  SIGTERM: 143,
  SIGHUP: 129,
  SIGQUIT: 131
};

/** What to do before the process exits on an ending signal: remove a temporary file, stop a progress bar. */
const pendingCleanups = new Set<() => void>();
let signalHandlerInstalled = false;

/**
 * Installs, once, a handler for the ending signals that runs every pending cleanup and exits with 128 + the signal's
 * number. It stays installed: a signal that arrives during a synchronous write is delivered on a later turn of the
 * event loop, and a handler removed by then would drop it (the process would then ignore Ctrl-C). It is installed at
 * the first write only, so that Ctrl-C during a long computation before it still ends the process at once.
 */
function installSignalHandler(): void {
  if (signalHandlerInstalled) return;
  signalHandlerInstalled = true;
  for (const signal of ENDING_SIGNALS) {
    process.on(signal, () => {
      for (const cleanup of pendingCleanups) {
        try {
          cleanup();
        } catch {
          // One cleanup that fails must not keep the others from running, nor the process from exiting.
        }
      }
      process.exit(SIGNAL_EXIT_CODES[signal]);
    });
  }
}

/**
 * Runs `cleanup` if the process is ended by SIGINT, SIGTERM, SIGHUP or SIGQUIT before the returned function is called,
 * then exits with 128 + the signal's number. Every writer of a temporary file registers its removal here, so that each
 * of the four signals leaves no temporary file behind (a command that listened for SIGINT alone once left a sweep's
 * 15 MB temporary file on SIGTERM and SIGHUP).
 *
 * @returns The function that unregisters `cleanup` (call it once the temporary file is renamed or removed).
 */
export function onEndingSignal(cleanup: () => void): () => void {
  installSignalHandler();
  pendingCleanups.add(cleanup);
  return () => void pendingCleanups.delete(cleanup);
}

/**
 * Removes a temporary file if it is there, and never throws: a cleanup runs after an error that is the one to report
 * (the temporary file could not be opened because the target's parent is a file: removing it fails with ENOTDIR, which
 * `force` does not ignore), or on the way to an exit.
 */
export function removeTemporary(path: string): void {
  try {
    rmSync(path, {force: true});
  } catch {
    // Nothing there to remove, or nothing this process can do about it.
  }
}

/** Longest file name (UTF-8 bytes) a temporary file keeps whole: file systems allow 255, and it adds ~20. */
const MAX_NAMED_TEMPORARY_BYTES = 200;

/**
 * Where an output file is written: `target`, the file `path` names (a symbolic link's final target, so a link to a
 * file is written through as other tools do; renaming onto the link replaced it, breaker), and `temporary`, a file in
 * the target's folder that is renamed onto it when whole. The temporary's name is `.NAME.PID.tmp`, or for a name too
 * long to take those characters more (a valid 250-character --out failed with ENAMETOOLONG; breaker) a hash of it.
 *
 * Throws: a UserError naming `flag` when the path (or the file a link leads to) is a device, a named pipe or a socket,
 * which the rename would replace.
 */
export function atomicPaths(path: string, flag = "--out"): {target: string; temporary: string} {
  let target = path;
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {
    // Missing: written at `path` itself.
  }
  if (link) {
    try {
      target = realpathSync(path);
    } catch (error) {
      // A link that leads nowhere, or round in a loop, was replaced by a regular file (second-round breaker).
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError({
        flag,
        message:
          code === "ELOOP" ? "a link that leads round in a loop" : `a link that leads to nothing (${code ?? "error"})`,
        expected: "the path of a regular file, or of one that does not exist yet",
        found: path
      });
    }
  }
  checkOutputFolder(path, flag, target);
  const kind = specialFileKind(target);
  if (kind !== undefined) {
    // The temporary file renamed over a device or a named pipe replaces it: `--out` through a link to /dev/full made
    // /dev/full a 2,646-byte CSV for a root user (breaker).
    throw new UserError({
      flag,
      message: `not a regular file (${kind}${target === path ? "" : `: the link leads to ${target}`})`,
      expected: "the path of a regular file, or of one that does not exist yet",
      found: path
    });
  }
  // The temporary file renamed over the target replaced a file the user cannot write (a read-only file came out
  // rewritten, mode 644, where `echo > file` is refused) and the files the commands read: a sweep's --out
  // data/hardware.csv replaced the catalog, --out package.json the project's manifest, and --out through a link to
  // data/scenarios/base.md the scenario (breakers).
  const real = realPath(target);
  const input = commandInputFiles().find((file) => realPath(file) === real);
  if (input !== undefined) {
    throw new UserError({
      flag,
      message:
        "a file the commands read as input (a catalog, a scenario, or a package.json token-ledger reads" +
        `${real === resolve(path) ? "" : `: the link leads to ${real}`})`,
      expected: "the path of an output file of its own",
      found: path
    });
  }
  // A built site is output of `build`, replaced whole by the next one; a file written into it (a pdf's --out through
  // a link to dist/report.html) replaced a built page (breaker).
  const site = siteOutputHolding(real);
  if (site !== undefined) {
    throw new UserError({
      flag,
      message: `a file in the built site ${site} (build writes it${real === resolve(path) ? "" : `; the link leads to ${real}`})`,
      expected: "the path of an output file outside the built site",
      found: path
    });
  }
  if (isFileNotWritable(target)) {
    throw new UserError({
      flag,
      message: "cannot write the file (EACCES: it is read-only)",
      expected: "a writable path",
      found: path
    });
  }
  const name = basename(target);
  const short =
    Buffer.byteLength(name) > MAX_NAMED_TEMPORARY_BYTES
      ? createHash("sha256").update(name).digest("hex").slice(0, 16)
      : name;
  return {target, temporary: join(dirname(target), `.${short}.${process.pid}.tmp`)};
}

/**
 * Throws for an output path whose folder does not exist (`--out no-such-folder/x.csv`): the folder named, and the
 * command that makes it. It read "cannot write the file (ENOENT): expected a writable path" for sweep's --out, and "no
 * such folder", unnamed, for pdf's (breaker). A folder that is a file, or under one, is left to the caller (the open's
 * ENOTDIR). `target` is the file `path` leads to, when it is a link.
 *
 * Throws: UserError naming `flag`, the folder and the path as given.
 */
export function checkOutputFolder(path: string, flag = "--out", target = path): void {
  const folder = dirname(target);
  try {
    statSync(folder);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") return;
  }
  // The folder as the user wrote it, unless a link led elsewhere.
  const shown = target === path ? dirname(path) : folder;
  throw new UserError({
    flag,
    message: `the folder ${shown} does not exist`,
    expected: "a file path in an existing folder",
    found: path,
    hint: `create the folder first (mkdir -p ${shellWord(shown)}), or write the file elsewhere`
  });
}

/**
 * Whether `path` is an existing file this process may not write, or one marked read-only for everyone (no write bit:
 * `chmod 444`, which a root user may write but was told not to). False when it is missing.
 */
function isFileNotWritable(path: string): boolean {
  try {
    if ((statSync(path).mode & 0o222) === 0) return true;
  } catch {
    return false;
  }
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EACCES" || (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary files an earlier write of `temporary`'s target left behind when its process was killed
 * outright (SIGKILL, the out-of-memory killer: no handler runs): the files `.NAME.PID.tmp` beside it, as atomicPaths
 * names them, whose PID is no running process. A killed 1M-point sweep left 34 MB, and later sweeps to the same
 * --out left it there (breaker). A file of a running process (another write of the same target) is kept.
 *
 * @param temporary This write's temporary file (atomicPaths), whose name gives the pattern.
 */
export function removeStaleTemporaries(temporary: string): void {
  const match = /^(\..*)\.(\d+)\.tmp$/.exec(basename(temporary));
  if (!match) return;
  const folder = dirname(temporary);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const other = name.startsWith(`${match[1]}.`) ? /^\.(\d+)\.tmp$/.exec(name.slice(match[1]!.length)) : null;
    if (!other || other[1] === match[2] || isRunning(Number(other[1]))) continue;
    removeTemporary(join(folder, name));
  }
}

/** True when a process with this id runs (signal 0 checks without sending; EPERM: it runs as another user). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Writes the whole file or nothing: the bytes go to a temporary file beside the target, which is then renamed over
 * it, so an error never leaves a partial output, and an interrupt (Ctrl-C, Ctrl-\, SIGTERM, SIGHUP) during the write
 * ends the process with 128 + the signal's number without leaving the temporary file (see onEndingSignal).
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
  const {target, temporary} = atomicPaths(path, flag);
  const forget = onEndingSignal(() => removeTemporary(temporary));
  try {
    writeFileSync(temporary, bytes);
    beforeRename?.();
    renameSync(temporary, target);
    removeStaleTemporaries(temporary);
  } catch (error) {
    removeTemporary(temporary);
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UserError({flag, message: `cannot write the file (${code})`, expected: "a writable path", found: path});
  } finally {
    forget();
  }
}
