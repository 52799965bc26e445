import {describe, expect, it} from "vitest";
import {UserError, UserErrors} from "../../src/errors/userError.js";
import {loadCatalogs, loadTrainingRuns} from "../../src/node/catalogFiles.js";
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

  it("refuses a number past a column's physical range at its cell (tokens_t 1e300 read as Infinity, no position)", () => {
    // tokens_t is models.csv's training_tokens_t range, [1e-6, 1e5] trillion tokens; chips at most 1e8.
    const row = GOOD.replace(",16384,15.6,", ",1e9,1e300,");
    expect(errorsOf(`${HEADER}\n${row}`)).toEqual([
      [2, cellColumn(row, 5), "chips"],
      [2, cellColumn(row, 6), "tokens_t"]
    ]);
  });

  describe("a file with no run that reports an MFU (the runs training-runs compares; its median error read NaN%)", () => {
    // The mfu header cell: after the 8 header names before it and their 8 commas.
    const mfuColumn = cellColumn(HEADER, 9);
    function messageOf(text: string): string {
      try {
        parseTrainingRunsCsv(text, {file: FILE, ...IDS});
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
        return (error as UserError).message;
      }
      throw new Error("expected a UserError");
    }

    it("refuses the header alone, at the mfu header cell", () => {
      expect(messageOf(`${HEADER}\n`)).toBe(
        `${FILE}:1:${mfuColumn}: mfu: no run reports an MFU: expected at least one row with an mfu cell (the runs ` +
          `the training model is compared with), found no rows`
      );
    });

    it("refuses rows whose mfu cells are all empty", () => {
      // GOOD without its MFU (0.41) and the MFU's basis (Table 4).
      const noMfu = GOOD.replace(",0.41,Table 4,", ",,,");
      expect(messageOf(`${HEADER}\n${noMfu}\n${noMfu.replace("llama-3.1-405b,", "other,")}`)).toBe(
        `${FILE}:1:${mfuColumn}: mfu: no run reports an MFU: expected at least one row with an mfu cell (the runs ` +
          `the training model is compared with), found 2 rows, every mfu cell empty`
      );
    });

    it("accepts one run with an MFU among runs without", () => {
      const noMfu = GOOD.replace(",0.41,Table 4,", ",,,").replace("llama-3.1-405b,", "other,");
      expect(parseTrainingRunsCsv(`${HEADER}\n${noMfu}\n${GOOD}`, {file: FILE, ...IDS})).toHaveLength(2);
    });
  });

  it("reads precision through the shared choice reader: 'BF16' is told its spelling", () => {
    const row = GOOD.replace(",bf16,", ",BF16,");
    try {
      parseTrainingRunsCsv(`${HEADER}\n${row}`, {file: FILE, ...IDS});
      throw new Error("expected UserErrors");
    } catch (error) {
      expect((error as UserErrors).errors.map((e) => e.message)).toEqual([
        `${FILE}:2:${cellColumn(row, 4)}: precision: unknown precision: expected one of bf16, fp8, fp4, found ` +
          "'BF16' (did you mean bf16?)"
      ]);
    }
  });

  describe("chip_hours against the FLOPs they imply on the run's chip", () => {
    const catalogs = loadCatalogs();
    // The Llama 3.1 405B row without its sequence length, so that its FLOPs are 6·N·D alone (no attention term):
    //   FLOPs            = 6 × 405.85e9 (active_params_b) × 15.6e12 (tokens_t)      = 3.798756e25 FLOP
    //   one chip-hour    = 989.4e12 FLOP/s (H100 bf16_tflops) × 3600 s              = 3.56184e18 FLOP at full peak
    //   implied MFU      = FLOPs ÷ (peak × chip_hours × 3600), goodput 1
    //     chip_hours 1    → 3.798756e25 ÷ 3.56184e18 = 10,665,151 (shown as 3 digits: 10,700,000)
    //     chip_hours 1e20 → 10,665,151 ÷ 1e20        = 1.07e-13
    //   bounds: MFU ≤ 1 needs at least 10,665,151 chip-hours; MFU ≥ 0.01 at most 1,066,515,060.
    //   tokens_t 0.00001 → FLOPs 6 × 405.85e9 × 1e7 = 2.43510e19; at chip_hours 30840000 the MFU is
    //     2.43510e19 ÷ (3.56184e18 × 30840000) = 2.2168e-7; at most 30840000 × 2.2168e-7 ÷ 0.01 = 684 chip-hours, or
    //     tokens_t at least 0.00001 × 0.01 ÷ 2.2168e-7 = 0.451.
    const row = (chipHours: string, precision = "bf16", tokensT = "15.6") =>
      `llama-3.1-405b,llama-3.1-405b,h100-sxm,${precision},16384,${tokensT},,${chipHours},0.41,Table 4,model card hours,Llama 3,https://arxiv.org/abs/2407.21783,`;
    const parse = (chipHours: string, precision?: string, tokensT?: string) =>
      parseTrainingRunsCsv(`${HEADER}\n${row(chipHours, precision, tokensT)}`, {file: FILE, ...IDS, catalogs});
    const messageOf = (chipHours: string, precision?: string, tokensT?: string) => {
      try {
        parse(chipHours, precision, tokensT);
      } catch (error) {
        expect(error).toBeInstanceOf(UserErrors);
        return (error as UserErrors).errors.map((e) => e.message);
      }
      throw new Error("expected UserErrors");
    };
    const at = `${FILE}:2:${cellColumn(row("1"), 8)}: chip_hours`;
    const peak = "h100-sxm bf16 peak 989.4 TFLOP/s × chip_hours × 3600 s";

    it("refuses hours too few to train the FLOPs at the chip's full peak, naming both cells and the MFU they imply", () => {
      expect(messageOf("1")).toEqual([
        `${at}: tokens_t and chip_hours imply an MFU above 1: expected an implied MFU from 0.01 to 1 (FLOPs, ` +
          `3.8e25 FLOP from tokens_t, ÷ (${peak})): with tokens_t 15.6, chip_hours at least 10,700,000; with ` +
          `chip_hours 1, tokens_t at most 1.46e-6, found MFU 10,700,000 from tokens_t 15.6 and chip_hours 1 ` +
          `(chip_hours is likelier the cell off: 1 is outside its usual range (1,000–1,000,000,000 chip-hours), ` +
          `tokens_t 15.6 within its own; the implied MFU is at goodput 1, all of the hours training; is a digit or a ` +
          `unit (thousands, millions) missing from chip_hours, or extra in tokens_t?)`
      ]);
    });

    it("refuses hours so many that the MFU they imply is under 1%", () => {
      const [message, ...rest] = messageOf("1e20");
      expect(rest).toEqual([]);
      expect(message).toContain(`${at}: tokens_t and chip_hours imply an MFU under 1%`);
      expect(message).toContain(
        "with tokens_t 15.6, chip_hours at most 1,070,000,000; with chip_hours 1e20, no tokens_t"
      );
      expect(message).toContain("found MFU 1.07e-13 from tokens_t 15.6 and chip_hours 1e20");
    });

    it("names tokens_t as the likelier typo, at its cell, when it alone is outside its usual range (breaker)", () => {
      const tokensAt = `${FILE}:2:${cellColumn(row("30840000", "bf16", "0.00001"), 6)}: tokens_t`;
      expect(messageOf("30840000", "bf16", "0.00001")).toEqual([
        `${tokensAt}: tokens_t and chip_hours imply an MFU under 1%: expected an implied MFU from 0.01 to 1 (FLOPs, ` +
          `2.44e19 FLOP from tokens_t, ÷ (${peak})): with tokens_t 0.00001, chip_hours at most 684; with chip_hours ` +
          `30840000, tokens_t at least 0.451, found MFU 2.22e-7 from tokens_t 0.00001 and chip_hours 30840000 ` +
          `(tokens_t is likelier the cell off: 0.00001 is outside its usual range (0.01–1,000 trillion tokens), ` +
          `chip_hours 30840000 within its own; the implied MFU is at goodput 1, all of the hours training; is a digit ` +
          `or a unit (thousands, millions) missing from tokens_t, or extra in chip_hours?)`
      ]);
    });

    it("offers no tokens_t past its range [0.000001, 100,000] (chip_hours 1e30 offered 1.4e+22; breaker)", () => {
      // MFU 10,665,151 ÷ 1e30 = 1.07e-23; tokens_t at least 15.6 × 0.01 ÷ 1.0665e-23 = 1.46e22 trillion.
      expect(messageOf("1e30")).toEqual([
        `${at}: tokens_t and chip_hours imply an MFU under 1%: expected an implied MFU from 0.01 to 1 (FLOPs, ` +
          `3.8e25 FLOP from tokens_t, ÷ (${peak})): with tokens_t 15.6, chip_hours at most 1,070,000,000; with ` +
          `chip_hours 1e30, no tokens_t in its range [0.000001, 100,000] fits (it would need at least 1.46e22), ` +
          `found MFU 1.07e-23 from tokens_t 15.6 and chip_hours 1e30 (chip_hours is likelier the cell off: 1e30 is ` +
          `outside its usual range (1,000–1,000,000,000 chip-hours), tokens_t 15.6 within its own; the implied MFU ` +
          `is at goodput 1, all of the hours training; is a digit or a unit (thousands, millions) extra in ` +
          `chip_hours, or missing from tokens_t?)`
      ]);
    });

    it("offers no tokens_t under its range either, in one number format (chip_hours 0.5 offered 7.02e-7; breaker)", () => {
      // MFU 10,665,151 ÷ 0.5 = 21,330,302; tokens_t at most 15.6 ÷ 21,330,302 = 7.31e-7 trillion, under 0.000001.
      expect(messageOf("0.5")).toEqual([
        `${at}: tokens_t and chip_hours imply an MFU above 1: expected an implied MFU from 0.01 to 1 (FLOPs, ` +
          `3.8e25 FLOP from tokens_t, ÷ (${peak})): with tokens_t 15.6, chip_hours at least 10,700,000; with ` +
          `chip_hours 0.5, no tokens_t in its range [0.000001, 100,000] fits (it would need at most 7.31e-7), ` +
          `found MFU 21,300,000 from tokens_t 15.6 and chip_hours 0.5 (chip_hours is likelier the cell off: 0.5 is ` +
          `outside its usual range (1,000–1,000,000,000 chip-hours), tokens_t 15.6 within its own; the implied MFU ` +
          `is at goodput 1, all of the hours training; is a digit or a unit (thousands, millions) missing from ` +
          `chip_hours, or extra in tokens_t?)`
      ]);
    });

    it("writes an MFU under 0.0001 as 3.6e-6 and 2.31e-7 alike (it wrote 0.0000036 and 2.31e-7; breaker)", () => {
      // MFU 10,665,151 ÷ 3e12 = 3.56e-6; ÷ 4.6e13 = 2.32e-7.
      expect(messageOf("3e12")[0]).toContain("found MFU 3.56e-6 from tokens_t 15.6 and chip_hours 3e12");
      expect(messageOf("4.6e13")[0]).toContain("found MFU 2.32e-7 from tokens_t 15.6 and chip_hours 4.6e13");
    });

    it("asks to check both cells when both are within their usual ranges", () => {
      const [message] = messageOf("3084");
      expect(message).toContain(`${at}: tokens_t and chip_hours imply an MFU above 1`);
      expect(message).toContain(
        "found MFU 3,460 from tokens_t 15.6 and chip_hours 3084 (check both: each is within its usual range " +
          "(tokens_t 0.01–1,000 trillion, chip_hours 1,000–1,000,000,000); "
      );
    });

    it("accepts hours just inside either bound", () => {
      expect(parse("10665200")[0]!.chipHours).toBe(10665200);
      expect(parse("1066500000")[0]!.chipHours).toBe(1066500000);
      expect(messageOf("10665100")[0]).toContain("above 1");
      expect(messageOf("1066600000")[0]).toContain("under 1%");
    });

    it("refuses a precision the chip has no peak in, at the precision cell", () => {
      expect(messageOf("30840000", "fp4")).toEqual([
        expect.stringContaining(`${FILE}:2:${cellColumn(row("1"), 4)}: precision: no peak in this precision`)
      ]);
    });

    it("accepts every bundled run (their implied MFUs are 0.13–0.49 at goodput 1)", () => {
      expect(() => loadTrainingRuns(catalogs)).not.toThrow();
    });
  });
});
