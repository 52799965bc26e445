// A 5 MB name or a 100,000-character id in a catalog CSV passed validate, then filled every table and page (breaker):
// each cell is now capped by what its column is for, and the error names the cap and the length found.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {userErrorList} from "../../src/errors/userError.js";
import {readCsvRecords} from "../../src/catalog/csvCells.js";
import {HARDWARE_COLUMNS, parseHardwareCsv} from "../../src/catalog/parseHardwareCsv.js";
import {MODEL_COLUMNS, parseModelsCsv} from "../../src/catalog/parseModelsCsv.js";
import {ID_MAX_CHARS, NAME_MAX_CHARS, TEXT_MAX_CHARS, textCellCap} from "../../src/catalog/textCellCaps.js";

const SOURCES =
  "Epoch <https://epoch.ai/data>,vLLM <https://github.com/vllm-project/vllm/issues/27508>,NVIDIA <https://nvidia.com>,DGX H100 <https://docs.nvidia.com/dgx>";
// data/hardware.csv's H100 SXM row, one cell at a time replaced below.
const H100 = `h100-sxm,NVIDIA H100 SXM5 80GB,NVIDIA,gpu,hopper,989.4,1979,,80,3.35,79.11,450,8,switch,50,700,31120,2.99,0.5,1275,${SOURCES},,NVIDIA datasheet,https://www.nvidia.com/en-us/data-center/h100/,`;
const TINY = "tiny,Tiny,1,1,2,64,4,2,16,,,1,1,256,false,512,0.1,Paper,https://arxiv.org/abs/0000.00000,";

/** The messages of the errors data/hardware.csv gives with the H100 row's `column` cell set to `value`. */
function hardwareErrors(column: (typeof HARDWARE_COLUMNS)[number], value: string): string[] {
  const cells = H100.split(",");
  cells[HARDWARE_COLUMNS.indexOf(column)] = value;
  try {
    parseHardwareCsv(`${HARDWARE_COLUMNS.join(",")}\n${cells.join(",")}`, {file: "data/hardware.csv"});
  } catch (error) {
    return userErrorList(error).map((e) => e.message);
  }
  return [];
}

describe("catalog text cell caps", () => {
  it("refuses a 5 MB name, naming the file, line, column, cap and length, with the start of the text", () => {
    expect(hardwareErrors("name", "N".repeat(5_000_000))).toEqual([
      "data/hardware.csv:2:10: name: cell too long: expected at most 120 characters (a name labels charts and " +
        `tables), found 5,000,000 characters, starting '${"N".repeat(39)}…'`
    ]);
  });

  it("refuses a 100,000-character id", () => {
    expect(hardwareErrors("id", "h".repeat(100_000))).toEqual([
      "data/hardware.csv:2:1: id: cell too long: expected at most 100 characters (an id is typed on the command " +
        `line), found 100,000 characters, starting '${"h".repeat(39)}…'`
    ]);
  });

  it("refuses a free-text cell past its cap, shown on one line", () => {
    const errors = hardwareErrors("notes", `"${"note\n".repeat(3000)}"`);
    expect(errors).toEqual([
      "data/hardware.csv:2:335: notes: cell too long: expected at most 10,000 characters (a cell is read by " +
        "people, on pages and in tables), found 14,999 characters, starting 'note note note note note note note note…'"
    ]);
  });

  it("takes a cell at its cap, and caps data/models.csv's cells too", () => {
    expect(hardwareErrors("name", "N".repeat(NAME_MAX_CHARS))).toEqual([]);
    const id = `m${"-x".repeat(60)}`;
    expect(() => parseModelsCsv(`${MODEL_COLUMNS.join(",")}\n${TINY.replace("tiny", id)}`, {file: "m.csv"})).toThrow(
      `m.csv:2:1: id: cell too long: expected at most 100 characters (an id is typed on the command line), found 121`
    );
  });

  it.each(["hardware.csv", "models.csv", "measurements.csv", "training-runs.csv"])(
    "leaves every bundled cell of data/%s far under its cap (under 60% of it)",
    (name) => {
      const text = readFileSync(new URL(`../../data/${name}`, import.meta.url), "utf8");
      const {header, records} = readCsvRecords(text, {file: name});
      const over = records.flatMap((record) =>
        record.cells.flatMap((cell, i) => {
          const column = header!.cells[i]!;
          return cell.trim().length > textCellCap(column).max * 0.6 ? [`${record.line} ${column}`] : [];
        })
      );
      expect(over).toEqual([]);
    }
  );

  it("caps ids below names and names far below free text", () => {
    expect(ID_MAX_CHARS).toBeLessThan(NAME_MAX_CHARS);
    expect(NAME_MAX_CHARS * 10).toBeLessThan(TEXT_MAX_CHARS);
    expect(textCellCap("hardware").max).toBe(ID_MAX_CHARS);
  });
});
