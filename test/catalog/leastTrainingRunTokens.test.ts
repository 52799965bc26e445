// The fewest tokens of a published run, whose tenth is the threshold below which a run's bare tokens (bareTokensNote)
// and a models.csv training_tokens_t cell (trainingTokensCell) are noted.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readCsvRecords} from "../../src/catalog/csvCells.js";
import {LEAST_TRAINING_RUN_TOKENS} from "../../src/catalog/leastTrainingRunTokens.js";

describe("LEAST_TRAINING_RUN_TOKENS", () => {
  it("gives the fewest tokens of data/training-runs.csv and a run that trained on them", () => {
    const text = readFileSync(new URL("../../data/training-runs.csv", import.meta.url), "utf8");
    const {header, records} = readCsvRecords(text, {file: "data/training-runs.csv"});
    const index = header!.cells.indexOf("tokens_t");
    const rows = records.map((record) => ({id: record.cells[0]!, tokens: Number(record.cells[index]) * 1e12}));
    const least = Math.min(...rows.map((row) => row.tokens));
    expect(LEAST_TRAINING_RUN_TOKENS.tokens).toBe(least);
    expect(rows.filter((row) => row.tokens === least).map((row) => row.id)).toContain(LEAST_TRAINING_RUN_TOKENS.run);
  });
});
