import {readFileSync, statSync} from "node:fs";
import {isUserError, UserError} from "../errors/userError.js";
import {specialFileKind} from "./fileKind.js";
import {noteInputFile} from "./paths.js";
import {utf16Error} from "../errors/utf16.js";

/**
 * A text file a user writes (a scenario, a catalog), read as UTF-8. Node's "utf8" reading puts U+FFFD in place of each
 * byte that is not UTF-8, so a file saved in another encoding (Latin-1's "é" is the byte 0xE9) passed `validate` with
 * "�" in its text (breaker); here it is an error at the first such byte.
 *
 * The file is noted as one the command read (noteInputFile), which no --out may then replace.
 *
 * @param path The file to read.
 * @param file The file as messages name it (displayPath).
 * @returns The file's text.
 * @throws UserError at `file`:line:column of the first byte that is not UTF-8 ("not UTF-8 text", found "byte 0xE9");
 *   UserError at `file` when it is a named pipe, a device or a socket (specialFileKind), which would never be read whole;
 *   the error of readFileSync (ENOENT, EISDIR, …) when the file cannot be read.
 */
export function readUtf8File(path: string, file: string): string {
  const kind = specialFileKind(path);
  if (kind !== undefined) {
    // A named pipe in data/scenarios/ made every command wait for a writer, and a link to /dev/zero read until 8 GB
    // (breaker).
    throw new UserError({file, message: `not a regular file (${kind})`, expected: "a text file", found: path});
  }
  const bytes = readFileSync(path);
  // A file read as input is one no --out may replace (commandInputFiles).
  noteInputFile(path);
  try {
    return new TextDecoder("utf-8", {fatal: true}).decode(bytes);
  } catch {
    throw notUtf8(bytes, file);
  }
}

/**
 * A data file's text (a catalog, the measurements), read as readUtf8File reads it.
 *
 * @param path The file to read.
 * @param file The file as messages name it (displayPath).
 * @param what What the file is, as the message names it: "catalog", "measurements".
 * @throws UserError at `file` when it cannot be read, saying why: "cannot read the catalog file (a directory)" (a
 *   directory where the CSV should be gave a stack trace from EISDIR; breaker), "(ENOENT)", "(not a regular file)"
 *   (a named pipe or a device, which would be read until a writer closes it: `catalog` waited for ever on a FIFO;
 *   second-round breaker); or at its first byte that is not UTF-8 (readUtf8File). The measurements file's said
 *   neither that nor why ("cannot read the measurements file" for a folder; breaker): one reader for both.
 */
export function readCsvText(path: string, file: string, what: string): string {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) {
      throw Object.assign(new Error("not a regular file"), {
        code: stat.isDirectory() ? "EISDIR" : "not a regular file"
      });
    }
    return readUtf8File(path, file);
  } catch (error) {
    if (isUserError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new UserError({
      file,
      message: `cannot read the ${what} file (${code === "EISDIR" ? "a directory" : code})`,
      expected: "a readable CSV file",
      found: path
    });
  }
}

function notUtf8(bytes: Uint8Array, file: string): UserError {
  // A file saved as UTF-16: its byte-order mark, or a letter past ASCII ("é" is 0xE9 0x00), is no UTF-8.
  const utf16 = utf16Error(bytes, {file, line: 1, column: 1});
  if (utf16) return utf16;
  // The first line that does not decode, then the shortest prefix of it that fails (a stream decode fails at an
  // invalid byte and waits at a sequence cut short, so the prefix ending at the bad byte is the first to fail).
  let start = 0;
  let line = 1;
  for (;;) {
    const end = bytes.indexOf(0x0a, start);
    const text = bytes.subarray(start, end < 0 ? bytes.length : end + 1);
    if (!decodes(text, false)) {
      let low = 1;
      let high = text.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (decodes(text.subarray(0, mid), true)) low = mid + 1;
        else high = mid;
      }
      let bad = Math.min(low, text.length) - 1;
      // A sequence cut short fails at the byte after it ("é" in Latin-1, 0xE9, then a line break): blame its first byte.
      while (bad > 0 && !decodes(text.subarray(0, bad), false)) bad--;
      const column = new TextDecoder("utf-8").decode(text.subarray(0, bad), {stream: true}).length + 1;
      return new UserError({
        file,
        line,
        column,
        message: "not UTF-8 text",
        expected: "a file saved as UTF-8",
        found: `byte 0x${text[bad]!.toString(16).toUpperCase().padStart(2, "0")}`
      });
    }
    if (end < 0) break;
    start = end + 1;
    line++;
  }
  // A sequence cut short at the end of the file.
  return new UserError({
    file,
    message: "not UTF-8 text",
    expected: "a file saved as UTF-8",
    found: "a cut-off character at its end"
  });
}

function decodes(bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder("utf-8", {fatal: true}).decode(bytes, {stream});
    return true;
  } catch {
    return false;
  }
}
