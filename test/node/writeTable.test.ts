// writeFileAtomic is the one writer of whole files (the pdf command's PDF, the library's tables): a path it cannot
// write is one UserError naming the flag and the path, with the error the write met, never the error of its cleanup.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {checkOutPath} from "../../src/node/site/pdf.js";
import {DATA_DIR, PACKAGE_ROOT, SCENARIOS_DIR} from "../../src/node/paths.js";
import {removeTemporary, tableFormat, writeFileAtomic} from "../../src/node/writeTable.js";

const dir = mkdtempSync(join(tmpdir(), "token-ledger-write-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const aFile = join(dir, "a-file");
writeFileSync(aFile, "not a folder\n");
const aFolder = join(dir, "a-folder");
mkdirSync(aFolder);

/** The message of the UserError `run` throws (anything else fails the test). */
function userErrorOf(run: () => void): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).message;
  }
  throw new Error("no error");
}

describe("writeFileAtomic", () => {
  it("a folder that does not exist: named, nothing written (calibration --write, sweep --out: it read ENOENT)", () => {
    const folder = join(dir, "missing", "deeper");
    expect(userErrorOf(() => writeFileAtomic(join(folder, "x.ts"), new Uint8Array(3), "--write"))).toBe(
      `--write: the folder ${folder} does not exist: expected a file path in an existing folder, found ` +
        `${join(folder, "x.ts")} (create the folder first (mkdir -p ${folder}), or write the file elsewhere)`
    );
    expect(readdirSync(dir)).not.toContain("missing");
  });

  it("a path under a file: the write's ENOTDIR, naming the flag and the path", () => {
    // Breaker: `pdf --out /etc/passwd/x.pdf` printed the cleanup's ENOTDIR (rmSync's lstat) with a stack trace.
    const out = join(aFile, "x.pdf");
    expect(userErrorOf(() => writeFileAtomic(out, new Uint8Array(3)))).toBe(
      `--out: cannot write the file (ENOTDIR): expected a writable path, found ${out}`
    );
  });

  it("a path that is a folder: the rename's EISDIR, and no temporary file is left beside it", () => {
    // Breaker: `pdf --out /tmp/somedir` printed renameSync's EISDIR with a stack trace.
    expect(userErrorOf(() => writeFileAtomic(aFolder, new Uint8Array(3), "--out"))).toBe(
      `--out: cannot write the file (EISDIR): expected a writable path, found ${aFolder}`
    );
    expect(readdirSync(dir).sort()).toEqual(["a-file", "a-folder"]);
  });

  it("a read-only file: refused, and left as it was (the rename replaced it, mode and all; breaker)", () => {
    const readOnly = join(dir, "read-only.csv");
    writeFileSync(readOnly, "old\n");
    chmodSync(readOnly, 0o444);
    expect(userErrorOf(() => writeFileAtomic(readOnly, new Uint8Array(3)))).toBe(
      `--out: cannot write the file (EACCES: it is read-only): expected a writable path, found ${readOnly}`
    );
    expect(readFileSync(readOnly, "utf8")).toBe("old\n");
    expect(statSync(readOnly).mode & 0o777).toBe(0o444);
    rmSync(readOnly);
  });

  it("a file the commands read (a catalog): refused (a sweep's --out data/hardware.csv replaced it; breaker)", () => {
    const catalog = join(DATA_DIR, "hardware.csv");
    const before = readFileSync(catalog, "utf8");
    expect(userErrorOf(() => writeFileAtomic(catalog, new Uint8Array(3)))).toBe(
      "--out: a file the commands read as input (a catalog, a scenario, or a package.json token-ledger reads): expected " +
        "the path of an " +
        `output file of its own, found ${catalog}`
    );
    expect(readFileSync(catalog, "utf8")).toBe(before);
    // token-ledger's own package.json too: a sweep's --out package.json in the checkout broke every later command.
    const manifest = join(PACKAGE_ROOT, "package.json");
    expect(userErrorOf(() => writeFileAtomic(manifest, new Uint8Array(3)))).toContain(
      "a file the commands read as input"
    );
  });
});

describe("pdf --out onto a scenario file", () => {
  it("a .pdf link to a bundled scenario is refused before the page is printed (breaker: sweep --out replaced one)", () => {
    const link = join(dir, "base.pdf");
    symlinkSync(join(SCENARIOS_DIR, "base.md"), link);
    expect(userErrorOf(() => checkOutPath(link))).toContain("--out: a file the commands read as input");
    rmSync(link);
  });
});

describe("stale temporary files", () => {
  it("a write removes those a killed write of the same file left (a dead PID), not a running process's or others'", () => {
    // Breaker: `timeout -s KILL` on a sweep left a 34 MB .k.csv.PID.tmp that later sweeps to k.csv left in place.
    const folder = join(dir, "stale");
    mkdirSync(folder);
    // A process id no process has: the largest Linux allows (pid_max is at most 2^22) and beyond.
    const dead = 2 ** 22 + 12_345;
    const names = {
      dead: `.k.csv.${dead}.tmp`,
      // process.ppid: the test runner's parent, running; this process's own id is the write's own temporary.
      running: `.k.csv.${process.ppid}.tmp`,
      otherTarget: `.other.csv.${dead}.tmp`,
      notOurs: `.k.csv.old.${dead}.tmp`
    };
    for (const name of Object.values(names)) writeFileSync(join(folder, name), "partial");
    writeFileAtomic(join(folder, "k.csv"), new Uint8Array([49, 10]));
    expect(readdirSync(folder).sort()).toEqual([names.running, names.notOurs, names.otherTarget, "k.csv"].sort());
  });
});

describe("removeTemporary", () => {
  it("never throws: not there (ENOENT) or under a file (ENOTDIR, which rmSync's force does not ignore)", () => {
    expect(() => removeTemporary(join(dir, "absent.tmp"))).not.toThrow();
    expect(() => removeTemporary(join(aFile, ".x.tmp"))).not.toThrow();
  });
});

describe("tableFormat (sweep --out)", () => {
  it("a folder, existing or written with a trailing slash: said to be one, not 'unknown output format' (breaker)", () => {
    for (const out of [aFolder, `${join(dir, "new-folder")}/`]) {
      expect(userErrorOf(() => tableFormat(out))).toBe(
        `--out: a folder, not a file: expected a file path ending in .csv, .json or .parquet, found ${out} (--out takes a file path: write a file inside the folder, e.g. ${join(out, "sweep.csv")})`
      );
    }
    // A folder named like a table file is still a folder.
    const named = join(dir, "grid.csv");
    mkdirSync(named);
    expect(userErrorOf(() => tableFormat(named))).toContain("a folder, not a file");
    expect(tableFormat(join(aFolder, "grid.parquet"))).toBe(".parquet");
    expect(userErrorOf(() => tableFormat(join(aFolder, "grid.xlsx")))).toContain("unknown output format");
  });
});

describe("tableFormat of an ending with no name before it", () => {
  // `--out .csv` read "expected a file ending in .csv, .json or .parquet, found .csv" (breaker).
  it("says the file name is missing, and offers one beside it", () => {
    expect(userErrorOf(() => tableFormat(".csv"))).toBe(
      "--out: no file name before .csv: expected a file name before its ending, like sweep.csv, found .csv"
    );
    expect(userErrorOf(() => tableFormat(join(dir, ".PARQUET")))).toBe(
      `--out: no file name before .PARQUET: expected a file name before its ending, like ${join(dir, "sweep.PARQUET")}, ` +
        `found ${join(dir, ".PARQUET")}`
    );
    expect(tableFormat(join(dir, "a.json"))).toBe(".json");
    expect(userErrorOf(() => tableFormat(".txt"))).toContain("unknown output format");
  });
});

describe("checkOutPath (pdf --out, before the page is rendered)", () => {
  it.each([
    [join(aFile, "x.pdf"), `--out: ${aFile} is a file, not a folder: expected a file in an existing folder`],
    // Under a file: ENOTDIR, left by checkOutputFolder to this check (it was a stack trace from statSync).
    [
      join(aFile, "deeper", "x.pdf"),
      "--out: no such folder (a file stands on its path): expected a file in an existing folder"
    ]
  ])("%s → %s", (out, message) => {
    expect(userErrorOf(() => checkOutPath(out))).toBe(`${message}, found ${out}`);
  });

  it("a folder that does not exist is named, with the command that makes it (it read: no such folder)", () => {
    const folder = join(dir, "no-such-folder");
    const out = join(folder, "x.pdf");
    expect(userErrorOf(() => checkOutPath(out))).toBe(
      `--out: the folder ${folder} does not exist: expected a file path in an existing folder, found ${out} ` +
        `(create the folder first (mkdir -p ${folder}), or write the file elsewhere)`
    );
  });

  it("a folder is told it is one, with the file path --out takes (as sweep's --out tells it)", () => {
    expect(userErrorOf(() => checkOutPath(aFolder))).toBe(
      `--out: a folder, not a file: expected a file path ending in .pdf, found ${aFolder} (--out takes a file path: write a file inside the folder, e.g. ${join(aFolder, "report.pdf")})`
    );
  });

  it("accepts a new file in an existing folder", () => {
    expect(() => checkOutPath(join(dir, "new.pdf"))).not.toThrow();
  });
});
