// A context_tokens far below any model's window is likely written in thousands (128 for a model card's 128k): every
// request was then refused as past the window, with no word on the cell (tester).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readCsvRecords} from "../../src/catalog/csvCells.js";
import {
  FAR_BELOW_CONTEXT_TOKENS,
  LEAST_MODEL_CONTEXT_TOKENS,
  thousandsContextSentence
} from "../../src/catalog/contextTokensCell.js";

const text = readFileSync(new URL("../../data/models.csv", import.meta.url), "utf8");
const {header, records} = readCsvRecords(text, {file: "data/models.csv"});

describe("LEAST_MODEL_CONTEXT_TOKENS", () => {
  it("gives the shortest bundled window and a model with it, and no bundled row is noted", () => {
    const index = header!.cells.indexOf("context_tokens");
    const rows = records.map((record) => ({id: record.cells[0]!, tokens: Number(record.cells[index])}));
    const least = Math.min(...rows.map((row) => row.tokens));
    expect(LEAST_MODEL_CONTEXT_TOKENS.tokens).toBe(least);
    expect(rows.filter((row) => row.tokens === least).map((row) => row.id)).toContain(LEAST_MODEL_CONTEXT_TOKENS.model);
    expect(rows.filter((row) => thousandsContextSentence(String(row.tokens)) !== null)).toEqual([]);
  });
});

describe("thousandsContextSentence", () => {
  it("notes a window under 512 tokens, offering it × 1,000", () => {
    expect(thousandsContextSentence("128")).toBe(
      "context_tokens 128 is 128 tokens, under a quarter of any bundled model's window (the least bundled, " +
        "gpt-3-175b's, is 2,048 tokens): write 128000 if 128k was meant"
    );
    expect(thousandsContextSentence("1")).toMatch(/^context_tokens 1 is 1 token, .*: write 1000 if 1k was meant$/);
  });

  it("gives none from 512 tokens up, nor for a cell that is not a plain number", () => {
    expect(thousandsContextSentence(String(FAR_BELOW_CONTEXT_TOKENS))).toBeNull();
    expect(thousandsContextSentence("131072")).toBeNull();
    expect(thousandsContextSentence("128k")).toBeNull();
    expect(thousandsContextSentence("")).toBeNull();
  });
});
