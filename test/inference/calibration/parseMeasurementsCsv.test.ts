import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {csvFormatRows, csvParseRows} from "d3-dsv";
import {loadMeasurements} from "../../../src/node/measurementFiles.js";
import {describe, expect, it} from "vitest";
import {MEASUREMENT_COLUMNS, parseMeasurementsCsv} from "../../../src/inference/calibration/parseMeasurementsCsv.js";
import {userErrorsOf} from "../../scenario/helpers.js";
import {formatUserError} from "../../../src/errors/userError.js";
import {cellColumn} from "../../catalog/cellColumn.js";
import {comparableMeasurement} from "../../../src/inference/calibration/measurementShape.js";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";

const header = MEASUREMENT_COLUMNS.join(",");
const good = [
  "m-1,h100-sxm,8,llama-2-70b,fp8,,2,1,offline,whole,222.33,290.3,,,,TensorRT-LLM 0.12,trtllm,unknown,,3065.6,,,,2024-08,",
  "MLPerf v4.1,https://example.org/a,Tokens per second: 24524.9,per-chip = 24524.9 / 8"
].join("");
const file = "measurements.csv";

function withCell(column: (typeof MEASUREMENT_COLUMNS)[number], value: string, row = good): string {
  const cells = row.split(",");
  cells[MEASUREMENT_COLUMNS.indexOf(column)] = value;
  return `${header}\n${cells.join(",")}\n`;
}

/** `good` as a prefill measurement: phase prefill, 7209.25 prompt tokens/s per chip, its output cells empty. */
const prefillRow = (
  [
    ["phase", "prefill"],
    ["output_tokens", ""],
    ["output_tokens_per_s_per_chip", ""],
    ["input_tokens_per_s_per_chip", "7209.25"]
  ] as const
).reduce((row, [column, value]) => withCell(column, value, row).split("\n")[1]!, good);

describe("parseMeasurementsCsv", () => {
  it("reads a row in base units, blanks as null", () => {
    const [row] = parseMeasurementsCsv(`${header}\n${good}\n`, {file});
    expect(row).toMatchObject({
      id: "m-1",
      line: 2,
      chips: 8,
      tensorParallel: 2,
      inputTokens: 222.33,
      concurrency: null,
      outputTokensPerSecondPerChip: 3065.6,
      outputTokensPerSecondPerUser: null,
      stack: "trtllm",
      graphCapture: "unknown",
      phase: "whole",
      kvCacheDtype: null
    });
  });

  // A CSV of other columns (a file given to calibration --measurements by mistake) was 31 errors, each expected column
  // missing and each of its own unexpected (breaker); so was a one-line text file ('hello', 29).
  it("says a header with none of the columns is not this file's header, in one error", () => {
    expect(userErrorsOf(() => parseMeasurementsCsv("a,b,c\n1,2,3\n", {file}))).toEqual([
      {
        file,
        line: 1,
        column: 1,
        message: "no column names on the first line",
        expected: `the header ${header}`,
        found: "3 cells, none a column name ('a', …)"
      }
    ]);
    expect(userErrorsOf(() => parseMeasurementsCsv("hello\n", {file}))).toEqual([
      {
        file,
        line: 1,
        column: 1,
        message: "no column names on the first line",
        expected: `the header ${header}`,
        found: "1 cell, none a column name ('hello')"
      }
    ]);
  });

  it("reads the KV cache's format where a row states it, and a file written before the column as the precision's", () => {
    // TensorRT-LLM's H200 DeepSeek-R1 run keeps a BF16 cache under FP8 weights (data/measurements.csv).
    expect(parseMeasurementsCsv(withCell("kv_cache_dtype", "bf16"), {file})[0]!.kvCacheDtype).toBe("bf16");
    const [error] = userErrorsOf(() => parseMeasurementsCsv(withCell("kv_cache_dtype", "int8"), {file}));
    expect(error).toMatchObject({
      path: "kv_cache_dtype",
      message: "unknown kv cache dtype",
      expected: "one of bf16, fp16, fp8"
    });
    expect(userErrorsOf(() => parseMeasurementsCsv(withCell("kv_cache_dtype", "BF16"), {file}))[0]!.hint).toBe(
      "did you mean bf16?"
    );
    const older = (text: string) =>
      text
        .split("\n")
        .map((line) =>
          line
            .split(",")
            .filter((_, i) => i !== MEASUREMENT_COLUMNS.indexOf("kv_cache_dtype"))
            .join(",")
        )
        .join("\n");
    const [row] = parseMeasurementsCsv(older(`${header}\n${good}\n`), {file});
    expect(row).toMatchObject({id: "m-1", kvCacheDtype: null, tensorParallel: 2});
  });

  it.each([
    ["chips", "8.5", "not a whole number"],
    // A concurrency of 0.5 ran a batch of half a request and entered the fit at a ratio of 0.0014 (breaker).
    ["concurrency", "0.5", "not a whole number"],
    ["output_tokens_per_s_per_chip", "-3", "out of range"],
    ["input_tokens", "222 tokens", "not a number"],
    ["stack", "tgi", "unknown stack"],
    ["graph_capture", "eager", "unknown graph capture"],
    ["kv_cache_dtype", "int4", "unknown kv cache dtype"],
    ["phase", "prefilling", "unknown phase"],
    ["date", "Aug 2024", "bad date"],
    ["source_url", "http://example.org", "bad URL"]
  ] as const)("a bad %s cell (%s) is an error at file:line:column", (column, value, message) => {
    const [error] = userErrorsOf(() => parseMeasurementsCsv(withCell(column, value), {file}));
    expect(error).toMatchObject({
      file,
      line: 2,
      // The character column of the cell's first character (its field number is the column's place in the header).
      column: cellColumn(withCell(column, value).split("\n")[1]!, MEASUREMENT_COLUMNS.indexOf(column) + 1),
      path: column,
      message
    });
  });

  describe("a choice cell (one reader for every catalog's choice columns)", () => {
    const errorOf = (column: (typeof MEASUREMENT_COLUMNS)[number], value: string) => {
      const [error, ...rest] = userErrorsOf(() => parseMeasurementsCsv(withCell(column, value), {file}));
      expect(rest).toEqual([]);
      return error;
    };

    it("an empty graph_capture lists the values it may take (it said only 'a non-empty cell'; breaker)", () => {
      expect(errorOf("graph_capture", "")).toMatchObject({
        message: "missing value",
        expected: "one of yes, no, unknown",
        found: "an empty cell"
      });
    });

    it("'Yes' is told its spelling", () => {
      expect(errorOf("graph_capture", "Yes")).toMatchObject({
        message: "unknown graph capture",
        expected: "one of yes, no, unknown",
        found: "'Yes'",
        hint: "did you mean yes?"
      });
      expect(errorOf("stack", "TRTLLM")).toMatchObject({message: "unknown stack", hint: "did you mean trtllm?"});
      expect(errorOf("precision", "FP8")).toMatchObject({message: "unknown precision", hint: "did you mean fp8?"});
    });

    it("'True', 'y' and '0' are offered the yes or no the column takes (they had no hint; breaker)", () => {
      expect(errorOf("graph_capture", "True")).toMatchObject({hint: "did you mean yes?"});
      expect(errorOf("graph_capture", "y")).toMatchObject({hint: "did you mean yes?"});
      expect(errorOf("graph_capture", "0")).toMatchObject({hint: "did you mean no?"});
    });
  });

  describe("the throughput a row states follows its phase", () => {
    const onlyError = (text: string) => {
      const [error, ...rest] = userErrorsOf(() => parseMeasurementsCsv(text, {file}));
      expect(rest).toEqual([]);
      return error;
    };
    const at = (text: string, column: (typeof MEASUREMENT_COLUMNS)[number]) => ({
      file,
      line: 2,
      column: cellColumn(text.split("\n")[1]!, MEASUREMENT_COLUMNS.indexOf(column) + 1),
      path: column
    });
    const prefillEmpty =
      "an empty cell: a prefill measurement generates no output tokens (its throughput is input_tokens_per_s_per_chip)";

    it("reads a prefill row: its prompt tokens per second per chip, no output rate", () => {
      const [row] = parseMeasurementsCsv(`${header}\n${prefillRow}\n`, {file});
      expect(row).toMatchObject({
        phase: "prefill",
        inputTokensPerSecondPerChip: 7209.25,
        outputTokensPerSecondPerChip: null,
        outputTokens: null
      });
    });

    it("a prefill row without input_tokens_per_s_per_chip is a missing value at the cell", () => {
      const text = withCell("input_tokens_per_s_per_chip", "", prefillRow);
      expect(onlyError(text)).toMatchObject({
        ...at(text, "input_tokens_per_s_per_chip"),
        message: "missing value",
        expected: "a number > 0",
        found: "an empty cell"
      });
    });

    it.each([
      ["output_tokens_per_s_per_chip", "3065.6"],
      ["output_tokens", "290.3"],
      ["output_tokens_per_s_per_user", "30"],
      ["tpot_s", "0.03"]
    ] as const)(
      "a prefill row with %s (%s) is an error at the cell: it generates no output tokens",
      (column, value) => {
        const text = withCell(column, value, prefillRow);
        expect(onlyError(text)).toMatchObject({
          ...at(text, column),
          message: `${column} on a prefill row`,
          expected: prefillEmpty,
          found: `'${value}'`
        });
      }
    );

    it.each(["whole", "decode"] as const)(
      "a %s row with input_tokens_per_s_per_chip is an error at the cell",
      (phase) => {
        const text = withCell("input_tokens_per_s_per_chip", "5000", withCell("phase", phase).split("\n")[1]!);
        expect(onlyError(text)).toMatchObject({
          ...at(text, "input_tokens_per_s_per_chip"),
          message: `input tokens per second on a ${phase} row`,
          expected:
            "an empty cell: a whole or decode row states output_tokens_per_s_per_chip; prompt tokens per second are a " +
            "prefill row's",
          found: "'5000'",
          hint: "for a prefill measurement write phase prefill"
        });
      }
    );

    it("a whole row without output_tokens_per_s_per_chip is a missing value at the cell, as before", () => {
      const text = withCell("output_tokens_per_s_per_chip", "");
      expect(onlyError(text)).toMatchObject({
        ...at(text, "output_tokens_per_s_per_chip"),
        message: "missing value",
        expected: "a number > 0",
        found: "an empty cell"
      });
    });

    it("a misspelt input_tokens_per_s_per_chip header is offered the column", () => {
      const text = `${header}\n${good}\n`.replace("input_tokens_per_s_per_chip", "input_tokens_per_s_per_chp");
      const errors = userErrorsOf(() => parseMeasurementsCsv(text, {file, allColumns: true}));
      expect(errors.map((e) => [e.message, e.path, e.expected, e.hint])).toEqual([
        [
          "unknown column",
          "input_tokens_per_s_per_chp",
          "column 'input_tokens_per_s_per_chip' at position 19",
          "did you mean input_tokens_per_s_per_chip?"
        ]
      ]);
    });

    it("a project's file written before the column loads, every row's input rate null", () => {
      const without = `${header}\n${good}\n`
        .split("\n")
        .map((line) => {
          const cells = line.split(",");
          if (cells.length > 1) cells.splice(MEASUREMENT_COLUMNS.indexOf("input_tokens_per_s_per_chip"), 1);
          return cells.join(",");
        })
        .join("\n");
      expect(parseMeasurementsCsv(without, {file})[0]).toMatchObject({
        inputTokensPerSecondPerChip: null,
        outputTokensPerSecondPerChip: 3065.6
      });
      expect(userErrorsOf(() => parseMeasurementsCsv(without, {file, allColumns: true}))[0]).toMatchObject({
        path: "input_tokens_per_s_per_chip",
        message: "missing column"
      });
    });
  });

  it("a catalog's header is one error naming the catalog, whatever the file's name (it was 47 errors)", () => {
    // Breaker: `calibration --measurements data/hardware.csv` printed a missing or unexpected column each.
    const catalog = readFileSync(new URL("../../../data/hardware.csv", import.meta.url), "utf8");
    const errors = userErrorsOf(() => parseMeasurementsCsv(catalog, {file: "data/hardware.csv"}));
    expect(errors.map((e) => [e.line, e.column, e.message, e.hint])).toEqual([
      [
        1,
        1,
        "this is the header of data/hardware.csv, not of the file this command reads",
        "data/hardware.csv is a catalog: name a file with these columns"
      ]
    ]);
    const models = readFileSync(new URL("../../../data/models.csv", import.meta.url), "utf8");
    expect(userErrorsOf(() => parseMeasurementsCsv(models, {file: "mine.csv"})).map((e) => e.message)).toEqual([
      "this is the header of data/models.csv, not of mine.csv"
    ]);
  });

  it("data/training-runs.csv's header is one error naming it, though it shares 8 of its 14 columns (it was 28)", () => {
    // Tester: `calibration --measurements data/training-runs.csv` printed a missing or out-of-place column each.
    const runs = readFileSync(new URL("../../../data/training-runs.csv", import.meta.url), "utf8");
    const errors = userErrorsOf(() => parseMeasurementsCsv(runs, {file: "data/training-runs.csv"}));
    expect(errors.map((e) => [e.line, e.column, e.message, e.found, e.hint])).toEqual([
      [
        1,
        1,
        "this is the header of data/training-runs.csv, not of the file this command reads",
        "14 column names, 6 of them data/training-runs.csv's only ('tokens_t', …)",
        "data/training-runs.csv is a catalog: name a file with these columns"
      ]
    ]);
  });

  it("a misspelt header column is one error offering the column (it was a missing and an unexpected one)", () => {
    const text = withCell("graph_capture", "yes").replace("graph_capture", "graph_captur");
    const errors = userErrorsOf(() => parseMeasurementsCsv(text, {file, allColumns: true}));
    expect(errors.map((e) => [e.message, e.path, e.expected, e.found, e.hint])).toEqual([
      [
        "unknown column",
        "graph_captur",
        "column 'graph_capture' at position 18",
        "'graph_captur'",
        "did you mean graph_capture?"
      ]
    ]);
  });

  it("a day in the date column is told the month to write", () => {
    const [error] = userErrorsOf(() => parseMeasurementsCsv(withCell("date", "2026-12-05"), {file}));
    expect(error).toMatchObject({
      path: "date",
      message: "bad date",
      expected: "a month as YYYY-MM, e.g. 2025-04",
      found: "'2026-12-05'",
      hint: "the column holds the month only: write 2026-12"
    });
  });

  describe("the max_batch cell (the engine's cap on sequences per replica)", () => {
    it("reads a whole number, and an empty cell as null (not published)", () => {
      // 896: NVIDIA's MLPerf v4.1 llama2-70b Offline gpu_batch_size per TP2 engine (data/measurements.csv's notes).
      expect(parseMeasurementsCsv(withCell("max_batch", "896"), {file})[0]!.maxBatch).toBe(896);
      expect(parseMeasurementsCsv(withCell("max_batch", ""), {file})[0]!.maxBatch).toBeNull();
    });

    it.each([
      ["0", "out of range", "a whole number > 0"],
      ["-4", "out of range", "a whole number > 0"],
      ["1.5", "not a whole number", "a whole number > 0"],
      ["512/GPU", "not a number", "a whole number > 0 (plain decimal, no units or thousands separators)"]
    ])("refuses %s at the cell: %s", (value, message, expected) => {
      const text = withCell("max_batch", value);
      const [error, ...rest] = userErrorsOf(() => parseMeasurementsCsv(text, {file}));
      expect(rest).toEqual([]);
      expect(error).toMatchObject({
        file,
        line: 2,
        column: cellColumn(text.split("\n")[1]!, MEASUREMENT_COLUMNS.indexOf("max_batch") + 1),
        path: "max_batch",
        message,
        expected,
        found: `'${value}'`
      });
    });

    it("a project's file written before the column loads, every row's cap null; the package's own file must have it", () => {
      const without = `${header}\n${withCell("max_batch", "").split("\n")[1]}\n`
        .split("\n")
        .map((line) => {
          const cells = line.split(",");
          if (cells.length > 1) cells.splice(MEASUREMENT_COLUMNS.indexOf("max_batch"), 1);
          return cells.join(",");
        })
        .join("\n");
      expect(parseMeasurementsCsv(without, {file})[0]).toMatchObject({
        id: "m-1",
        concurrency: null,
        maxBatch: null,
        software: "TensorRT-LLM 0.12",
        outputTokensPerSecondPerChip: 3065.6
      });
      expect(userErrorsOf(() => parseMeasurementsCsv(without, {file, allColumns: true}))[0]).toMatchObject({
        path: "max_batch",
        message: "missing column"
      });
    });
  });

  describe("the output_tokens_cv cell (the spread of output lengths)", () => {
    it("reads a number >= 0, and an empty cell as null (the model takes every request the same length)", () => {
      // 0.778: MLPerf's Mixtral 8x7B set, standard deviation 112.71 ÷ mean 144.84 (data/measurements.csv's notes).
      expect(parseMeasurementsCsv(withCell("output_tokens_cv", "0.778"), {file})[0]!.outputTokensCv).toBe(0.778);
      expect(parseMeasurementsCsv(withCell("output_tokens_cv", "0"), {file})[0]!.outputTokensCv).toBe(0);
      expect(parseMeasurementsCsv(withCell("output_tokens_cv", ""), {file})[0]!.outputTokensCv).toBeNull();
    });

    it.each([
      ["-0.5", "out of range"],
      ["11", "out of range"],
      ["78%", "not a number"]
    ])("refuses %s at the cell: %s, naming the range", (value, message) => {
      const text = withCell("output_tokens_cv", value);
      const [error, ...rest] = userErrorsOf(() => parseMeasurementsCsv(text, {file}));
      expect(rest).toEqual([]);
      expect(error).toMatchObject({
        file,
        line: 2,
        column: cellColumn(text.split("\n")[1]!, MEASUREMENT_COLUMNS.indexOf("output_tokens_cv") + 1),
        path: "output_tokens_cv",
        message,
        found: `'${value}'`
      });
      expect(error!.expected).toContain("[0, 10]");
    });

    it("refuses a spread on a prefill row, which generates no output tokens", () => {
      const cells = prefillRow.split(",");
      cells[MEASUREMENT_COLUMNS.indexOf("output_tokens_cv")] = "0.5";
      const [error] = userErrorsOf(() => parseMeasurementsCsv(`${header}\n${cells.join(",")}\n`, {file}));
      expect(error).toMatchObject({path: "output_tokens_cv", message: "output_tokens_cv on a prefill row"});
    });

    it("loadMeasurements says in a note that a file without the column takes every answer the same length", () => {
      const folder = mkdtempSync(join(tmpdir(), "token-ledger-no-cv-"));
      try {
        const path = join(folder, "old.csv");
        const cut = (line: string) => {
          const cells = line.split(",");
          if (cells.length > 1) cells.splice(MEASUREMENT_COLUMNS.indexOf("output_tokens_cv"), 1);
          return cells.join(",");
        };
        writeFileSync(path, `${cut(header)}\n${cut(good)}\n`);
        expect(loadMeasurements(path).notes).toEqual([
          `${path}:1:1: no 'output_tokens_cv' column, so its measurement takes every answer the same length; where a ` +
            "benchmark's answers vary, add an 'output_tokens_cv' column after 'output_tokens' holding their spread " +
            "(standard deviation ÷ mean, e.g. 0.778 for MLPerf's Mixtral set), empty where they do not vary"
        ]);
      } finally {
        rmSync(folder, {recursive: true});
      }
    });

    it("refuses a spread on a row with no mean answer length to spread", () => {
      const cells = withCell("output_tokens", "").split("\n")[1]!.split(",");
      cells[MEASUREMENT_COLUMNS.indexOf("output_tokens_cv")] = "1.5";
      const [error] = userErrorsOf(() => parseMeasurementsCsv(`${header}\n${cells.join(",")}\n`, {file}));
      expect(error).toMatchObject({path: "output_tokens_cv", message: "output_tokens_cv without output_tokens"});
    });

    it("a project's file written before the column loads, every row's spread null", () => {
      const without = `${header}\n${good}\n`
        .split("\n")
        .map((line) => {
          const cells = line.split(",");
          if (cells.length > 1) cells.splice(MEASUREMENT_COLUMNS.indexOf("output_tokens_cv"), 1);
          return cells.join(",");
        })
        .join("\n");
      expect(parseMeasurementsCsv(without, {file})[0]).toMatchObject({
        id: "m-1",
        outputTokens: 290.3,
        outputTokensCv: null
      });
      expect(userErrorsOf(() => parseMeasurementsCsv(without, {file, allColumns: true}))[0]).toMatchObject({
        path: "output_tokens_cv",
        message: "missing column"
      });
    });
  });

  describe("a file without the input_tokens_per_s_per_chip column", () => {
    const withoutInput = (text: string) => {
      const at = MEASUREMENT_COLUMNS.indexOf("input_tokens_per_s_per_chip");
      return csvFormatRows(csvParseRows(text).map((cells) => cells.filter((_, i) => i !== at))) + "\n";
    };
    // The header cell where the column belongs: the one after graph_capture (output_tokens_per_s_per_chip's).
    const where = (text: string) => text.indexOf(",output_tokens_per_s_per_chip,") + 2;

    it("loads when no row is a prefill one", () => {
      const text = withoutInput(`${header}\n${good}\n`);
      expect(parseMeasurementsCsv(text, {file})[0]).toMatchObject({id: "m-1", inputTokensPerSecondPerChip: null});
    });

    it("with a prefill row: one error at the header naming the column and the row's line", () => {
      const text = withoutInput(`${header}\n${good}\n${prefillRow.replace("m-1", "m-2")}\n`);
      const errors = userErrorsOf(() => parseMeasurementsCsv(text, {file}));
      expect(errors.map(formatUserError)).toEqual([
        `${file}:1:${where(text)}: input_tokens_per_s_per_chip: missing column, which phase prefill rows need ` +
          "(line 3): expected column 'input_tokens_per_s_per_chip' after 'graph_capture' (a prefill row's prompt " +
          "tokens per second per chip), found no such column"
      ]);
    });

    it("the bundled file without it: one error at the header naming the prefill rows' lines, not one per row", () => {
      const bundled = readFileSync(new URL("../../../data/measurements.csv", import.meta.url), "utf8");
      const lines = parseMeasurementsCsv(bundled, {file})
        .filter((m) => m.phase === "prefill")
        .map((m) => m.line);
      // data/measurements.csv's six LMSYS prefill rows, one run of lines.
      expect(lines).toEqual([62, 63, 64, 65, 66, 67]);
      const text = withoutInput(bundled);
      const errors = userErrorsOf(() => parseMeasurementsCsv(text, {file}));
      expect(errors.map(formatUserError)).toEqual([
        `${file}:1:${where(text)}: input_tokens_per_s_per_chip: missing column, which phase prefill rows need ` +
          "(lines 62\u201367): expected column 'input_tokens_per_s_per_chip' after 'graph_capture' (a prefill row's " +
          "prompt tokens per second per chip), found no such column"
      ]);
    });
  });

  describe("a file written before the graph_capture column", () => {
    const without = (text: string) =>
      text
        .split("\n")
        .map((line) => {
          const cells = line.split(",");
          if (cells.length > 1) cells.splice(MEASUREMENT_COLUMNS.indexOf("graph_capture"), 1);
          return cells.join(",");
        })
        .join("\n");

    it("loads, each row's graph_capture unknown", () => {
      const [row] = parseMeasurementsCsv(without(`${header}\n${good}\n`), {file});
      expect(row).toMatchObject({
        id: "m-1",
        stack: "trtllm",
        graphCapture: "unknown",
        outputTokensPerSecondPerChip: 3065.6
      });
    });

    it("is refused as the package's own file (allColumns), naming the column", () => {
      const [error] = userErrorsOf(() =>
        parseMeasurementsCsv(without(`${header}\n${good}\n`), {file, allColumns: true})
      );
      expect(error).toMatchObject({path: "graph_capture", message: "missing column"});
    });

    it("loadMeasurements says so in a note (calibration --measurements prints it)", () => {
      const folder = mkdtempSync(join(tmpdir(), "token-ledger-old-measurements-"));
      try {
        const path = join(folder, "old.csv");
        writeFileSync(path, without(`${header}\n${good}\n`));
        const {measurements, notes} = loadMeasurements(path);
        expect(measurements.map((m) => m.graphCapture)).toEqual(["unknown"]);
        expect(notes).toEqual([
          `${path}:1:1: no 'graph_capture' column, so its measurement takes graph_capture 'unknown'; to say whether ` +
            "a run captured its steps as graphs, add a 'graph_capture' column after 'stack' holding one of yes, no, " +
            "unknown on every row"
        ]);
        expect(loadMeasurements().notes).toEqual([]);
      } finally {
        rmSync(folder, {recursive: true});
      }
    });
  });

  it("reports a wrong header and a duplicate id", () => {
    expect(userErrorsOf(() => parseMeasurementsCsv(`id,chips\n`, {file}))[0]).toMatchObject({
      file,
      line: 1,
      message: "missing column"
    });
    const twice = `${header}\n${good}\n${good}\n`;
    expect(userErrorsOf(() => parseMeasurementsCsv(twice, {file}))[0]).toMatchObject({
      line: 3,
      message: "duplicate id"
    });
  });

  it("reports chips and precision swapped as one error naming both (it said 'expected model, found model'; breaker)", () => {
    const swapped = header.replace(",chips,model,precision,", ",precision,model,chips,");
    const errors = userErrorsOf(() => parseMeasurementsCsv(`${swapped}\n${good}\n`, {file}));
    expect(errors).toEqual([
      expect.objectContaining({
        file,
        line: 1,
        column: 13,
        path: "precision",
        message: "columns 'precision' and 'chips' swapped",
        expected: `'chips' at position 3 and 'precision' at position 5 (header: ${header})`,
        found: "'precision' at position 3 and 'chips' at position 5"
      })
    ]);
  });

  it.each([
    ["2024/08", "write 2024-08"],
    ["2024-8", "write 2024-08"],
    ["08-2024", "write 2024-08"],
    ["2024\u201108", "write 2024-08"],
    ["2024.08", "write 2024-08"],
    ["2024-08-15", "the column holds the month only: write 2024-08"]
  ])("a date %j is told the month to write (breaker: the format only)", (value, hint) => {
    const errors = userErrorsOf(() => parseMeasurementsCsv(withCell("date", value), {file}));
    expect(errors).toEqual([
      expect.objectContaining({message: "bad date", expected: "a month as YYYY-MM, e.g. 2025-04", hint})
    ]);
  });

  it("refuses a month before 2015-01, saying why (1899-01 was accepted; breaker)", () => {
    const now = new Date(Date.UTC(2025, 5, 15, 12));
    const errors = userErrorsOf(() => parseMeasurementsCsv(withCell("date", "1899-01"), {file, now}));
    expect(errors).toEqual([
      expect.objectContaining({
        message: "date too early",
        expected: "a month from 2015-01 (before any published LLM serving measurement) to the current month (2025-06)",
        found: "'1899-01'",
        hint: "is the year mistyped?"
      })
    ]);
    expect(parseMeasurementsCsv(withCell("date", "2015-01"), {file, now})[0]!.date).toBe("2015-01");
  });

  describe("a date after the current month", () => {
    // A fixed "now", so that the test does not depend on today's date: 15 June 2025, 12:00 UTC.
    const now = new Date("2025-06-15T12:00:00Z");
    const dateColumn = cellColumn(withCell("date", "2099-01").split("\n")[1]!, MEASUREMENT_COLUMNS.indexOf("date") + 1);

    it.each(["2099-01", "2025-07", "2026-01"])("refuses %s at the date cell, naming the current month", (date) => {
      const errors = userErrorsOf(() => parseMeasurementsCsv(withCell("date", date), {file, now}));
      expect(errors).toEqual([
        expect.objectContaining({
          file,
          line: 2,
          column: dateColumn,
          path: "date",
          message: "date in the future",
          expected: "the month the measurement was published, at latest the current month (2025-06)",
          found: `'${date}'`
        })
      ]);
    });

    it.each(["2025-06", "2025-05", "2019-12"])("accepts %s", (date) => {
      expect(parseMeasurementsCsv(withCell("date", date), {file, now})[0]!.date).toBe(date);
    });

    it("takes the current month as the latest on any clock: on 30 June at 11:00 UTC it is 1 July at UTC+14", () => {
      expect(
        parseMeasurementsCsv(withCell("date", "2025-07"), {file, now: new Date("2025-06-30T11:00:00Z")}).length
      ).toBe(1);
      expect(() =>
        parseMeasurementsCsv(withCell("date", "2025-07"), {file, now: new Date("2025-06-30T09:59:59Z")})
      ).toThrow(/date in the future/);
    });
  });

  it("reads the bundled data/measurements.csv", () => {
    const text = readFileSync(new URL("../../../data/measurements.csv", import.meta.url), "utf8");
    expect(parseMeasurementsCsv(text, {file: "data/measurements.csv"}).length).toBeGreaterThanOrEqual(30);
  });
});

describe("comparableMeasurement", () => {
  it("skips a latency-bound run of one output token per request: it has no speed per user to match", () => {
    const catalogs = loadCatalogs();
    const row = (output: string) => {
      const cells = good.split(",");
      const set = (column: (typeof MEASUREMENT_COLUMNS)[number], value: string) =>
        (cells[MEASUREMENT_COLUMNS.indexOf(column)] = value);
      set("scenario", "server");
      set("output_tokens", output);
      set("output_tokens_per_s_per_user", "30");
      return parseMeasurementsCsv(`${header}\n${cells.join(",")}\n`, {file})[0]!;
    };
    expect(comparableMeasurement(row("1"), catalogs, file)).toMatchObject({
      reason: "a latency-bound run of one output token per request has no speed per user to match"
    });
    expect(comparableMeasurement(row("2"), catalogs, file)).toMatchObject({batching: "latency"});
  });
});

// A row with its hardware and model cells swapped was told edit-distance guesses ("unknown hardware id
// 'llama-2-70b' (did you mean 'b200', …)"; breaker).
describe("comparableMeasurement of a row with hardware and model swapped", () => {
  it("says the cells look swapped", () => {
    const cells = good.split(",");
    cells[MEASUREMENT_COLUMNS.indexOf("hardware")] = "llama-2-70b";
    cells[MEASUREMENT_COLUMNS.indexOf("model")] = "h100-sxm";
    const [row] = parseMeasurementsCsv(`${header}\n${cells.join(",")}\n`, {file});
    let detail: unknown;
    try {
      comparableMeasurement(row!, loadCatalogs(), file);
    } catch (error) {
      detail = (error as {detail: unknown}).detail;
    }
    expect(detail).toMatchObject({
      message: "unknown hardware id 'llama-2-70b'",
      hint: "llama-2-70b is a model id: are the hardware and model cells swapped?"
    });
  });
});
