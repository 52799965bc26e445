import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync
} from "node:fs";
import {execFileSync} from "node:child_process";
import {tmpdir} from "node:os";
import {join} from "node:path";
import fc from "fast-check";
import {parquetMetadata, parquetReadObjects} from "hyparquet";
import {ByteWriter, ParquetWriter, schemaFromColumnData} from "hyparquet-writer";
import {afterAll, describe, expect, it} from "vitest";
import {UserError} from "../../src/errors/userError.js";
import {openTableFile} from "../../src/node/tableFileWriter.js";
import {atomicPaths, encodeTable, writeFileAtomic} from "../../src/node/writeTable.js";

const dir = mkdtempSync(join(tmpdir(), "token-ledger-table-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const COLUMNS = ["x", "y"];
/** Two blocks of rows: 0.1, 1e21, a null (NaN) and negative zero are the awkward numbers to print. */
const BLOCKS: [number, Record<string, Float64Array>][] = [
  [2, {x: Float64Array.of(0.1, 2, 99), y: Float64Array.of(1e21, NaN, 99)}],
  [1, {x: Float64Array.of(-3.5), y: Float64Array.of(-0)}]
];
const ROWS = [
  {x: 0.1, y: 1e21},
  {x: 2, y: null},
  {x: -3.5, y: -0}
];

function writeBlocks(name: string, format: ".csv" | ".json" | ".parquet", metadata?: Record<string, string>) {
  const path = join(dir, name);
  const file = openTableFile(path, format, {columns: COLUMNS, ...(metadata ? {metadata} : {})});
  for (const [rows, values] of BLOCKS) file.append(rows, values);
  file.finish();
  return path;
}

describe("openTableFile", () => {
  it.each([".csv", ".json"] as const)(
    "writes %s block by block with the bytes encodeTable gives the whole table",
    (ext) => {
      const path = writeBlocks(`t${ext}`, ext);
      expect(readFileSync(path)).toEqual(Buffer.from(encodeTable(ROWS, ext)));
    }
  );

  it.each([".csv", ".json"] as const)(
    "writes a %s block longer than the text it builds at a time with the bytes encodeTable gives",
    (ext) => {
      // 2,500 rows: more than two of the writer's 1,024-row pieces of text, the last one short, in one block.
      const rows = 2_500;
      const x = Float64Array.from({length: rows}, (_, i) => i / 7);
      const y = Float64Array.from({length: rows}, (_, i) => (i % 3 === 0 ? NaN : -i));
      const path = join(dir, `long${ext}`);
      const file = openTableFile(path, ext, {columns: COLUMNS});
      file.append(rows, {x, y});
      file.finish();
      const whole = Array.from({length: rows}, (_, i) => ({x: x[i]!, y: Number.isNaN(y[i]!) ? null : y[i]!}));
      expect(readFileSync(path)).toEqual(Buffer.from(encodeTable(whole, ext)));
    }
  );

  it.each([".csv", ".json"] as const)("writes an empty %s table as encodeTable does", (ext) => {
    const path = join(dir, `empty${ext}`);
    const file = openTableFile(path, ext, {columns: COLUMNS});
    file.finish();
    const expected = ext === ".csv" ? "x,y\n" : "[]\n";
    expect(readFileSync(path, "utf8")).toBe(expected);
  });

  it("writes Parquet with one row group per block, null for NaN, and the metadata given", async () => {
    const path = writeBlocks("t.parquet", ".parquet", {"token-ledger.units": '{"x":"W","y":"USD"}'});
    const bytes = readFileSync(path);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await parquetReadObjects({file})).toEqual(ROWS);
    const metadata = parquetMetadata(file);
    expect(metadata.row_groups.map((group) => Number(group.num_rows))).toEqual([2, 1]);
    expect(metadata.schema.slice(1).map((e) => [e.name, e.type, e.repetition_type])).toEqual([
      ["x", "DOUBLE", "OPTIONAL"],
      ["y", "DOUBLE", "OPTIONAL"]
    ]);
    expect(metadata.key_value_metadata).toEqual([{key: "token-ledger.units", value: '{"x":"W","y":"USD"}'}]);
  });

  it("writes the requiredColumns REQUIRED (no definition levels) and refuses NaN in one", async () => {
    const path = join(dir, "required.parquet");
    const file = openTableFile(path, ".parquet", {columns: COLUMNS, requiredColumns: ["x"]});
    for (const [rows, values] of BLOCKS) file.append(rows, values);
    file.finish();
    const bytes = readFileSync(path);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await parquetReadObjects({file: buffer})).toEqual(ROWS);
    expect(
      parquetMetadata(buffer)
        .schema.slice(1)
        .map((e) => [e.name, e.repetition_type])
    ).toEqual([
      ["x", "REQUIRED"],
      ["y", "OPTIONAL"]
    ]);
    const bad = openTableFile(join(dir, "bad.parquet"), ".parquet", {columns: COLUMNS, requiredColumns: ["y"]});
    expect(() => bad.append(BLOCKS[0]![0], BLOCKS[0]![1])).toThrow("NaN in the REQUIRED Parquet column y");
    bad.abort();
  });

  it("compresses a column with SNAPPY only while it shrinks, and tries again every 8 row groups", async () => {
    // 10 blocks of 4,096 rows: `axis` repeats (a sweep's axis: 8 values, each 512 times), `metric` varies at every
    // row (no 4-byte run repeats in the 32 KB window SNAPPY searches), `late` varies in the first block, then repeats.
    const rows = 4_096;
    const path = join(dir, "codecs.parquet");
    const file = openTableFile(path, ".parquet", {columns: ["axis", "metric", "late"], requiredColumns: []});
    const expected: {axis: number; metric: number; late: number}[] = [];
    for (let block = 0; block < 10; block++) {
      const values = {axis: new Float64Array(rows), metric: new Float64Array(rows), late: new Float64Array(rows)};
      for (let i = 0; i < rows; i++) {
        const row = block * rows + i;
        values.axis[i] = 0.3 + Math.floor(i / 512) * 0.1;
        values.metric[i] = Math.sin(row) + row / 3;
        values.late[i] = block === 0 ? Math.cos(row) : 7;
        expected.push({axis: values.axis[i]!, metric: values.metric[i]!, late: values.late[i]!});
      }
      file.append(rows, values);
    }
    file.finish();
    const bytes = readFileSync(path);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await parquetReadObjects({file: buffer})).toEqual(expected);
    const codecs = (column: number) =>
      parquetMetadata(buffer).row_groups.map((group) => group.columns[column]!.meta_data!.codec[0]);
    // S: SNAPPY, U: UNCOMPRESSED. The metric is tried in block 0, then again 8 blocks after (block 9); `late` shrinks
    // from block 1 on, but is tried again only in block 9.
    expect(codecs(0).join("")).toBe("SSSSSSSSSS");
    expect(codecs(1).join("")).toBe("SUUUUUUUUS");
    expect(codecs(2).join("")).toBe("SUUUUUUUUS");
  });

  it("writes each chunk's statistics as hyparquet-writer's own would be (NaN as null, signed zeros, infinities)", () => {
    // The writer computes min, max and the null count itself (doubleColumnStatistics) instead of hyparquet-writer's
    // getStatistics: the same blocks written by hyparquet-writer with its statistics on must give the same footer
    // statistics, row group by row group.
    const value = fc.oneof(
      fc.double(),
      fc.constantFrom(NaN, 0, -0, Infinity, -Infinity, Number.MIN_VALUE, -Number.MAX_VALUE)
    );
    const block = fc
      .integer({min: 0, max: 40})
      .chain((rows) =>
        fc.tuple(
          fc.constant(rows),
          fc.array(fc.array(value, {minLength: rows, maxLength: rows}), {minLength: 2, maxLength: 2})
        )
      );
    let run = 0;
    fc.assert(
      fc.property(fc.array(block, {minLength: 1, maxLength: 4}), (blocks) => {
        const path = join(dir, `statistics-${run++}.parquet`);
        const file = openTableFile(path, ".parquet", {columns: COLUMNS});
        for (const [rows, [x, y]] of blocks) file.append(rows, {x: Float64Array.from(x!), y: Float64Array.from(y!)});
        file.finish();
        const ours = readFileSync(path);
        rmSync(path);
        const writer = new ByteWriter();
        const schema = schemaFromColumnData({
          columnData: COLUMNS.map((name) => ({name, data: [], type: "DOUBLE" as const, nullable: true}))
        });
        const library = new ParquetWriter({writer, schema});
        for (const [rows, columns] of blocks) {
          const columnData = COLUMNS.map((name, j) => ({
            name,
            data: columns[j]!.map((v) => (Number.isNaN(v) ? null : v)),
            encoding: "PLAIN" as const
          }));
          void library.write({columnData, rowGroupSize: Math.max(rows, 1), pageSize: 0});
        }
        void library.finish();
        const statistics = (bytes: Uint8Array) =>
          parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer)
            .row_groups.filter((group) => group.num_rows > 0n)
            .map((group) => group.columns.map((chunk) => chunk.meta_data!.statistics));
        expect(statistics(ours)).toEqual(statistics(writer.getBytes()));
      }),
      {numRuns: 200}
    );
  });

  it.each([".csv", ".json", ".parquet"] as const)(
    "a path under a file (%s): the open's ENOTDIR as a UserError naming --out, not the cleanup's",
    (ext) => {
      // Breaker: the abort after the failed open removed the temporary file with rmSync(force), which throws ENOTDIR
      // (force ignores ENOENT only), so the user saw that error's stack trace instead of this line.
      const parent = join(dir, `a-file${ext}`);
      writeFileSync(parent, "not a folder\n");
      const out = join(parent, `x${ext}`);
      expect(() => openTableFile(out, ext, {columns: COLUMNS})).toThrow(
        new UserError({
          flag: "--out",
          message: "cannot write the file (ENOTDIR)",
          expected: "a writable path",
          found: out
        })
      );
    }
  );

  it("abort removes the temporary file and leaves an existing target as it was", () => {
    const path = join(dir, "kept.csv");
    writeFileSync(path, "previous\n");
    const file = openTableFile(path, ".csv", {columns: COLUMNS});
    file.append(BLOCKS[0]![0], BLOCKS[0]![1]);
    expect(readdirSync(dir)).toContain(atomicPaths(path).temporary.split("/").at(-1));
    file.abort();
    file.abort();
    expect(readFileSync(path, "utf8")).toBe("previous\n");
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("an output path that is a link or a long name (breaker)", () => {
  it.each([".csv", ".parquet"] as const)("%s: a symbolic link to a file is written through, the link kept", (ext) => {
    // Renaming onto the link replaced it with a file and left its target as it was.
    const target = join(dir, `target${ext}`);
    const link = join(dir, `link${ext}`);
    writeFileSync(target, "orig");
    symlinkSync(target, link);
    const file = openTableFile(link, ext, {columns: COLUMNS});
    file.append(BLOCKS[0]![0], BLOCKS[0]![1]);
    file.finish();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).not.toBe("orig");
    writeFileAtomic(link, new TextEncoder().encode("whole"));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("whole");
  });

  it("refuses a named pipe or a device, or a link to one, which the rename would replace (breaker: /dev/full became a CSV)", () => {
    const fifo = join(dir, "pipe.csv");
    execFileSync("mkfifo", [fifo]);
    const link = join(dir, "to-null.csv");
    symlinkSync("/dev/null", link);
    const message = (run: () => void) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
        return (error as UserError).message;
      }
      return "no error";
    };
    expect(message(() => openTableFile(fifo, ".csv", {columns: COLUMNS}))).toBe(
      `--out: not a regular file (a named pipe): expected the path of a regular file, or of one that does not exist yet, found ${fifo}`
    );
    expect(message(() => writeFileAtomic(link, new Uint8Array(1), "--pdf-out"))).toBe(
      `--pdf-out: not a regular file (a character device: the link leads to /dev/null): expected the path of a regular file, or of one that does not exist yet, found ${link}`
    );
    // Both left as they were, and no temporary file beside them.
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(lstatSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("refuses a link that leads to nothing or round in a loop, leaving it as it was (second-round breaker)", () => {
    const dangling = join(dir, "dangling.csv");
    symlinkSync(join(dir, "nowhere", "x.csv"), dangling);
    const loop = join(dir, "loop.csv");
    symlinkSync(loop, loop);
    expect(() => openTableFile(dangling, ".csv", {columns: COLUMNS})).toThrow(
      `--out: a link that leads to nothing (ENOENT): expected the path of a regular file, or of one that does not exist yet, found ${dangling}`
    );
    expect(() => writeFileAtomic(loop, new Uint8Array(1))).toThrow("--out: a link that leads round in a loop");
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(lstatSync(loop).isSymbolicLink()).toBe(true);
  });

  it("writes a file whose name is as long as the file system allows (255 bytes), through a shorter temporary", () => {
    // `.NAME.PID.tmp` of a valid 250-character name was too long a name: ENAMETOOLONG for a path `touch` creates.
    const path = join(dir, `${"a".repeat(251)}.csv`);
    const file = openTableFile(path, ".csv", {columns: COLUMNS});
    file.append(BLOCKS[0]![0], BLOCKS[0]![1]);
    file.finish();
    expect(readFileSync(path, "utf8").split("\n")[0]).toBe(COLUMNS.join(","));
    writeFileAtomic(path, new TextEncoder().encode("x"));
    expect(readFileSync(path, "utf8")).toBe("x");
  });
});

describe("openTableFile with short writes", () => {
  it.each([".csv", ".json", ".parquet"] as const)(
    "%s: a write that takes fewer bytes than given is resumed until every byte is written",
    (ext) => {
      const path = join(dir, `short${ext}`);
      // At most 5 bytes per call, as a nearly full disk or a pipe may take them.
      const writeBytes = (fd: number, bytes: Uint8Array, offset: number, length: number) =>
        writeSync(fd, bytes, offset, Math.min(5, length));
      const file = openTableFile(path, ext, {columns: COLUMNS, writeBytes});
      for (const [rows, values] of BLOCKS) file.append(rows, values);
      file.finish();
      const whole = writeBlocks(`whole${ext}`, ext);
      expect(readFileSync(path)).toEqual(readFileSync(whole));
    }
  );

  it.each([".csv", ".json", ".parquet"] as const)(
    "%s: a write that makes no progress (a full disk) is ENOSPC naming --out; no file, an existing one untouched",
    (ext) => {
      // Breaker: a sweep onto a full 200 KB tmpfs reported "wrote …" and left a cut-off CSV (the count was ignored).
      const path = join(dir, `full${ext}`);
      writeFileSync(path, "previous\n");
      let room = 20;
      const writeBytes = (fd: number, bytes: Uint8Array, offset: number, length: number) => {
        const n = Math.min(room, length);
        room -= n;
        return n === 0 ? 0 : writeSync(fd, bytes, offset, n);
      };
      expect(() => {
        const file = openTableFile(path, ext, {columns: COLUMNS, writeBytes});
        for (const [rows, values] of BLOCKS) file.append(rows, values);
        file.finish();
      }).toThrow(
        new UserError({
          flag: "--out",
          message: "cannot write the file (ENOSPC)",
          expected: "a writable path",
          found: path
        })
      );
      expect(readFileSync(path, "utf8")).toBe("previous\n");
      expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    }
  );
});
