import {describe, expect, it} from "vitest";
import {UserErrors} from "../../src/errors/userError.js";
import {TRAINING_RUN_COLUMNS, parseTrainingRunsCsv} from "../../src/training/parseTrainingRunsCsv.js";
import {cellColumn} from "../catalog/cellColumn.js";

const FILE = "data/training-runs.csv";
const HEADER = TRAINING_RUN_COLUMNS.join(",");
const IDS = {modelIds: ["llama-3.1-405b"], hardwareIds: ["h100-sxm"]};
const GOOD =
  "llama-3.1-405b,llama-3.1-405b,h100-sxm,bf16,16384,15.6,8192,30840000,0.41,Table 4,model card hours,Llama 3,https://arxiv.org/abs/2407.21783,";

function errorsOf(text: string) {
  try {
    parseTrainingRunsCsv(text, {file: FILE, ...IDS});
  } catch (error) {
    expect(error).toBeInstanceOf(UserErrors);
    return (error as UserErrors).errors.map((e) => [e.detail.line, e.detail.column, e.detail.path]);
  }
  throw new Error("expected UserErrors");
}

describe("parseTrainingRunsCsv", () => {
  it("reads a run in base units", () => {
    const [run] = parseTrainingRunsCsv(`${HEADER}\n${GOOD}`, {file: FILE, ...IDS});
    expect(run).toMatchObject({id: "llama-3.1-405b", tokens: 15.6e12, chips: 16384, chipHours: 30840000, mfu: 0.41});
  });

  it("reports every bad cell at file:line:column", () => {
    const rows = [
      // line 3: unknown model (field 2), unknown chip (field 3), bad precision (field 4), MFU above 1 (field 9)
      "x,gpt-9,h999,int3,8,1,2048,100,1.5,basis,inc,T,https://x.org,",
      // line 4: zero chip-hours (field 8), an MFU without its basis (field 10), http URL (field 13)
      "y,llama-3.1-405b,h100-sxm,bf16,8,1,,0,0.4,,inc,T,http://x.org,"
    ];
    // Each column is the character column of the field's first character (cellColumn counts the cells before it).
    const at = (line: number, field: number, path: string) => [line, cellColumn(rows[line - 3]!, field), path];
    expect(errorsOf([HEADER, GOOD, ...rows].join("\n"))).toEqual([
      at(3, 2, "model"),
      at(3, 3, "hardware"),
      at(3, 4, "precision"),
      at(3, 9, "mfu"),
      at(4, 8, "chip_hours"),
      at(4, 10, "mfu_basis"),
      at(4, 13, "source_url")
    ]);
    // Line 3's model 'gpt-9' follows `x,` at 3.
    expect(errorsOf([HEADER, GOOD, ...rows].join("\n"))[0]).toEqual([3, 3, "model"]);
  });
});
