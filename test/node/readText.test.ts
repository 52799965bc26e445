import {execFileSync} from "node:child_process";
import {mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {readUtf8File} from "../../src/node/readText.js";
import {runCli} from "../cli/runCli.js";
import {userErrorsOf} from "../scenario/helpers.js";

const dir = mkdtempSync(join(tmpdir(), "tl-utf8-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** The UserError readUtf8File throws for `bytes`, as {line, column, found}. */
function errorOf(bytes: number[] | string): {line?: number; column?: number; found?: string} {
  const path = join(dir, "f.md");
  writeFileSync(path, typeof bytes === "string" ? Buffer.from(bytes, "latin1") : Buffer.from(bytes));
  try {
    readUtf8File(path, "f.md");
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const {line, column, found, message, expected} = (error as UserError).detail;
    expect([message, expected]).toEqual(["not UTF-8 text", "a file saved as UTF-8"]);
    return {line, column, found};
  }
  throw new Error("no error");
}

describe("readUtf8File", () => {
  it("reads UTF-8, including characters of several bytes", () => {
    const path = join(dir, "ok.md");
    writeFileSync(path, "café 👩‍💻\n");
    expect(readUtf8File(path, "ok.md")).toBe("café 👩‍💻\n");
  });

  // Node's "utf8" reading put U+FFFD in place of each bad byte, and validate passed the file (breaker).
  it.each([
    [
      "a Latin-1 é before a line break: its byte, where it is",
      "---\ntitle: caf\xe9\n---\n",
      {line: 2, column: 11, found: "byte 0xE9"}
    ],
    ["bytes that never start a character", "---\n---\n\xff\xfe bad\n", {line: 3, column: 1, found: "byte 0xFF"}],
    ["after a character of two bytes, counted as one column", "é\xff", {line: 1, column: 2, found: "byte 0xFF"}]
  ])("names %s", (_, text, expected) => {
    // "é" in the third case is UTF-8 (two bytes): written as such, the bad byte after it.
    const bytes = text.startsWith("é") ? [0xc3, 0xa9, 0xff] : text;
    expect(errorOf(bytes)).toEqual(expected);
  });

  // Excel's "Unicode Text" and Notepad's "Unicode" are UTF-16 with a byte-order mark: it was "found byte 0xFF"; and
  // UTF-16 without one, with a letter past ASCII ("é" is 0xE9 0x00), "found byte 0xE9" (breaker). Both name UTF-16.
  it.each([
    ["little-endian with its byte-order mark", [0xff, 0xfe], "utf16le", "a UTF-16 little-endian byte-order mark"],
    ["big-endian with its byte-order mark", [0xfe, 0xff], "utf16be", "a UTF-16 big-endian byte-order mark"],
    [
      "little-endian without one, a letter past ASCII in it",
      [],
      "utf16le",
      "UTF-16 little-endian without a byte-order mark (a NUL byte beside every letter)"
    ]
  ])("says a file in UTF-16 %s is UTF-16, once, at its start", (_, mark, encoding, found) => {
    const path = join(dir, "utf16.csv");
    const text = Buffer.from("id,name\ncafe,café\n", "utf16le");
    if (encoding === "utf16be") text.swap16();
    writeFileSync(path, Buffer.concat([Buffer.from(mark), text]));
    expect(() => readUtf8File(path, "utf16.csv")).toThrow(
      new UserError({
        file: "utf16.csv",
        line: 1,
        column: 1,
        message: "UTF-16 text, not UTF-8",
        expected: "a text file in UTF-8",
        found,
        hint: "save it as UTF-8: in Excel as CSV UTF-8 (Comma delimited), in an editor from its encoding menu"
      })
    );
  });

  it("is validate's error at that line, exit 1", async () => {
    const path = join(dir, "latin1.md");
    writeFileSync(path, Buffer.from("---\nextends: base\ntitle: caf\xe9\n---\n", "latin1"));
    const {code, stderr} = await runCli(["validate", path]);
    expect(code).toBe(1);
    expect(stderr).toBe(
      `token-ledger: ${path}:3:11: not UTF-8 text: expected a file saved as UTF-8, found byte 0xE9\n`
    );
  });
});

describe("a catalog file that cannot be read", () => {
  // A directory where a project's data/hardware.csv should be gave Node's EISDIR stack trace (breaker).
  it("is a UserError naming the file, as a scenario file's is", async () => {
    const {loadHardware, loadModels} = await import("../../src/node/catalogFiles.js");
    const folder = join(dir, "hardware.csv");
    mkdirSync(folder);
    for (const load of [loadHardware, loadModels]) {
      const error = (() => {
        try {
          load([folder]);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).detail).toMatchObject({
        message: "cannot read the catalog file (a directory)",
        expected: "a readable CSV file",
        found: folder
      });
    }
  });

  // A named pipe there made `catalog` wait for a writer for ever (second-round breaker).
  it.skipIf(process.platform === "win32")("is an error for a named pipe, at once", async () => {
    const {loadModels} = await import("../../src/node/catalogFiles.js");
    const fifo = join(dir, "models.csv");
    execFileSync("mkfifo", [fifo]);
    expect(() => loadModels([fifo])).toThrow("cannot read the catalog file (not a regular file)");
  });
});

describe("a scenario file that is not a regular file (breaker: every command waited on a named pipe in data/scenarios/)", () => {
  it.skipIf(process.platform === "win32")(
    "is an error naming it, at once: a named pipe, a link to /dev/zero",
    async () => {
      const {parseScenarioFiles} = await import("../../src/node/scenarioFiles.js");
      const fifo = join(dir, "waits.md");
      execFileSync("mkfifo", [fifo]);
      const zero = join(dir, "endless.md");
      symlinkSync("/dev/zero", zero);
      const errors = userErrorsOf(() => parseScenarioFiles([fifo, zero])).map((e) => `${e.message}: found ${e.found}`);
      expect(errors).toEqual([
        "not a regular file (a named pipe): found " + fifo,
        "not a regular file (a character device): found " + zero
      ]);
    }
  );
});
