// Issue 18, item 4: catalog cells that overflowed after unit conversion. hbm_gb or bf16_tflops of 1e300 became
// Infinity (printed by `catalog hardware`, null in --json, accepted by `validate`), and an hbm_tbps of 1e-320 was
// blamed on a scenario's serving.batch. Each numeric column now has a physical range, checked at load, and a cell
// outside it is an error at its file:line:column.
import {describe, expect, it} from "vitest";
import {UserErrors} from "../../src/errors/userError.js";
import {HARDWARE_CELL_RANGES, HARDWARE_COLUMNS, parseHardwareCsv} from "../../src/catalog/parseHardwareCsv.js";
import {MODEL_CELL_RANGES, MODEL_COLUMNS, parseModelsCsv} from "../../src/catalog/parseModelsCsv.js";
import {cellColumn} from "./cellColumn.js";
import {keyRange, scenarioKey} from "../../src/scenario/file/schema.js";

const SOURCES =
  "Epoch <https://epoch.ai/data>,vLLM <https://github.com/vllm-project/vllm/issues/27508>,NVIDIA <https://nvidia.com>,DGX H100 <https://docs.nvidia.com/dgx>";
// data/hardware.csv's H100 SXM row (NVIDIA datasheet; system: DGX H100 10.2 kW for 8 GPUs, HGX board price + 50%), one
// cell at a time replaced below.
const H100 = `h100-sxm,NVIDIA H100 SXM5 80GB,NVIDIA,gpu,hopper,989.4,1979,,80,3.35,79.11,450,8,switch,50,700,31120,2.99,0.5,1275,${SOURCES},,NVIDIA datasheet,https://www.nvidia.com/en-us/data-center/h100/,`;
const TINY = "tiny,Tiny,1,1,2,64,4,2,16,,,1,1,100,false,512,0.1,Paper,https://arxiv.org/abs/0000.00000,";

/** The CSV row with the cell of `column` replaced (cells split on commas; the rows above quote nothing). */
function withCell(row: string, columns: readonly string[], column: string, value: string): string {
  const cells = row.split(",");
  cells[columns.indexOf(column)] = value;
  return cells.join(",");
}

function errorsOf(fn: () => unknown): UserErrors["errors"] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserErrors);
    return (error as UserErrors).errors;
  }
  throw new Error("expected UserErrors, nothing was thrown");
}

describe("catalog cells outside their physical range", () => {
  it.each([
    ["hbm_gb", "1e300"],
    ["bf16_tflops", "1e300"],
    ["hbm_tbps", "1e-320"],
    ["hbm_gib", "1e300"],
    ["power_w", "1e300"],
    ["price_usd", "1e300"]
  ])("hardware.csv %s = %s is an error at its line and column", (column, value) => {
    const row = withCell(H100, HARDWARE_COLUMNS, column, value);
    const text = `${HARDWARE_COLUMNS.join(",")}\n${row}`;
    const [error, ...rest] = errorsOf(() => parseHardwareCsv(text, {file: "data/hardware.csv"}));
    expect(rest).toEqual([]);
    expect(error!.detail).toMatchObject({
      file: "data/hardware.csv",
      line: 2,
      // The character column of the cell's first character (its field number is the column's place in the header).
      column: cellColumn(row, HARDWARE_COLUMNS.indexOf(column as (typeof HARDWARE_COLUMNS)[number]) + 1),
      path: column,
      message: "out of range",
      found: `'${value}'`
    });
    expect(error!.detail.expected).toContain(`the physical range of ${column}`);
  });

  it("calls hardware.csv hbm_tbps = 1e400 too large, an overflow, not 'not a number' (exponents are read: breaker)", () => {
    const row = withCell(H100, HARDWARE_COLUMNS, "hbm_tbps", "1e400");
    const [error, ...rest] = errorsOf(() => parseHardwareCsv(`${HARDWARE_COLUMNS.join(",")}\n${row}`, {file: "h.csv"}));
    expect(rest).toEqual([]);
    expect(error!.detail).toMatchObject({
      path: "hbm_tbps",
      message: "number too large",
      found: "'1e400'",
      hint: "it overflows: past the largest number a double holds, about 1.8e308"
    });
    expect(error!.detail.expected).toContain("the physical range of hbm_tbps");
    const negative = withCell(H100, HARDWARE_COLUMNS, "hbm_tbps", "-1e400");
    const [below] = errorsOf(() => parseHardwareCsv(`${HARDWARE_COLUMNS.join(",")}\n${negative}`, {file: "h.csv"}));
    expect(below!.detail).toMatchObject({message: "out of range", found: "'-1e400'"});
  });

  it.each([
    ["params_b", "1e300"],
    ["layers", "1e300"],
    ["context_tokens", "1e300"],
    ["vocab_size", "1e300"]
  ])("models.csv %s = %s is an error at its line and column", (column, value) => {
    const text = `${MODEL_COLUMNS.join(",")}\n${withCell(TINY, MODEL_COLUMNS, column, value)}`;
    const errors = errorsOf(() => parseModelsCsv(text, {file: "data/models.csv"}));
    expect(errors.map((e) => e.detail)).toContainEqual(
      expect.objectContaining({line: 2, path: column, message: "out of range"})
    );
  });

  it("accepts every row of the bundled catalogs (the ranges hold every real chip and model)", async () => {
    const {loadCatalogs} = await import("../../src/node/catalogFiles.js");
    const {hardware, models} = loadCatalogs();
    expect(hardware.length).toBeGreaterThan(10);
    expect(models.length).toBeGreaterThan(5);
  });

  it("price_usd has hardware.price's range (one definition of a chip's price range)", () => {
    const key = keyRange(scenarioKey("hardware.price")!);
    expect([HARDWARE_CELL_RANGES.price_usd.min, HARDWARE_CELL_RANGES.price_usd.max]).toEqual([key.min, key.max]);
  });

  it("system_overhead has finance.systemOverhead's range, the key that replaces it (breaker: 10 against 50)", () => {
    const key = keyRange(scenarioKey("finance.systemOverhead")!);
    expect([HARDWARE_CELL_RANGES.system_overhead.min, HARDWARE_CELL_RANGES.system_overhead.max]).toEqual([
      key.min,
      key.max
    ]);
  });

  it("training_tokens_t stops where training.tokens does (1e17 tokens)", () => {
    expect(MODEL_CELL_RANGES.training_tokens_t.max * 1e12).toBe(keyRange(scenarioKey("training.tokens")!).max);
  });

  it("rejects 7 KV heads for 64 attention heads at the cell (issue 18, item 6)", () => {
    const row = withCell(withCell(TINY, MODEL_COLUMNS, "attention_heads", "64"), MODEL_COLUMNS, "kv_heads", "7");
    const errors = errorsOf(() => parseModelsCsv(`${MODEL_COLUMNS.join(",")}\n${row}`, {file: "data/models.csv"}));
    expect(errors.map((e) => e.detail)).toContainEqual(expect.objectContaining({line: 2, path: "kv_heads"}));
  });
});
