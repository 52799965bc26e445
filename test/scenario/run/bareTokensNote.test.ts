// A run's training tokens written as a bare number far below any published run's are likely trillions:
// `--set training.tokens=15` (15 tokens) priced base's final training run at $5.41E−5, and `training --tokens 15` ran
// for 2.17E−10 days, with no word (tester).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {readCsvRecords} from "../../../src/catalog/csvCells.js";
import {bareTokensNote} from "../../../src/scenario/run/bareTokensNote.js";
import {billionsInTrillionsSentence, MOST_MODEL_TRAINING_TOKENS_T} from "../../../src/catalog/trainingTokensCell.js";
import {runCli} from "../../cli/runCli.js";

describe("bareTokensNote", () => {
  it("notes bare training tokens under a tenth of the fewest published run's (gopher-280b, 300B)", () => {
    expect(bareTokensNote({"training.tokens": {value: 15, written: "15"}})).toBe(
      "training.tokens 15 is 15 tokens, where a pre-training run reads billions to trillions (the fewest in " +
        "data/training-runs.csv, gopher-280b's, are 300B): write 15T if 15 trillion was meant."
    );
    // From 100, billions: no published run reached 100T.
    expect(bareTokensNote({"training.tokens": {value: 300, written: "300"}})).toContain(
      "write 300B if 300 billion was meant."
    );
    expect(bareTokensNote({"training.tokens": {value: 1e6, written: "1000000"}})).toBe(
      "training.tokens 1000000 is 1,000,000 tokens, where a pre-training run reads billions to trillions (the fewest " +
        "in data/training-runs.csv, gopher-280b's, are 300B): write its scale (300B, 15T) if another was meant."
    );
  });

  it("notes an interval whose bare ends are both that far below", () => {
    expect(
      bareTokensNote({"training.tokens": {value: {kind: "lognormal", mu: 2.8, sigma: 0.1}, written: "15 to 20"}})
    ).toBe(
      "training.tokens 15 to 20 is 15 to 20 tokens, where a pre-training run reads billions to trillions (the " +
        "fewest in data/training-runs.csv, gopher-280b's, are 300B): write 15T to 20T if 15 to 20 trillion was meant."
    );
  });

  it("notes an explicit distribution whose bare ends or centre are that far below, once", () => {
    const value = {kind: "lognormal" as const, mu: 2.8, sigma: 0.1};
    expect(bareTokensNote({"training.tokens": {value, written: "{dist: lognormal, p5: 15, p95: 20}"}})).toBe(
      "training.tokens {dist: lognormal, p5: 15, p95: 20} is 15 to 20 tokens, where a pre-training run reads " +
        "billions to trillions (the fewest in data/training-runs.csv, gopher-280b's, are 300B): write {dist: " +
        "lognormal, p5: 15T, p95: 20T} if 15 to 20 trillion was meant."
    );
    expect(bareTokensNote({"training.tokens": {value, written: "{dist: normal, mean: 15, sd: 2}"}})).toContain(
      "write {dist: normal, mean: 15T, sd: 2T} if 15 trillion was meant."
    );
    expect(bareTokensNote({"training.tokens": {value, written: "{dist: lognormal, p5: 15T, p95: 20T}"}})).toBeNull();
  });

  it("takes tokens with a scale, a unit or an exponent, one from 30B, and other keys as meant", () => {
    for (const written of ["15T", "15 tokens", "15e12", "15e0"]) {
      expect(bareTokensNote({"training.tokens": {value: 15, written}}), written).toBeNull();
    }
    expect(bareTokensNote({"training.tokens": {value: 3e10, written: "30000000000"}})).toBeNull();
    expect(bareTokensNote({"training.tokens": {value: 15.6e12, written: null}})).toBeNull();
    expect(bareTokensNote({"serving.inputTokens": {value: 15, written: "15"}})).toBeNull();
  });

  it("is noted by run for --set training.tokens=15 and by training for --tokens 15", async () => {
    const set = await runCli(["run", "base", "--set", "training.tokens=15", "--samples", "10"]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toContain(
      "token-ledger: note: base: training.tokens 15 (--set training.tokens=15) is 15 tokens, where a pre-training " +
        "run reads billions to trillions (the fewest in data/training-runs.csv, gopher-280b's, are 300B): write 15T if 15 trillion was meant.\n"
    );
    const flag = await runCli(
      ["training", "--model", "llama-3.1-70b", "--hardware", "h100-sxm", "--chips", "1024", "--mfu", "0.4"].concat([
        "--tokens",
        "15"
      ])
    );
    expect(flag.code, flag.stderr).toBe(0);
    expect(flag.stderr).toContain(
      "token-ledger: note: --tokens 15 is 15 tokens, where a pre-training run reads billions to trillions (the fewest " +
        "in data/training-runs.csv, gopher-280b's, are 300B): write --tokens 15T if 15 trillion was meant.\n"
    );
    const meant = await runCli(
      ["training", "--model", "llama-3.1-70b", "--hardware", "h100-sxm", "--chips", "1024", "--mfu", "0.4"].concat([
        "--tokens",
        "15T"
      ])
    );
    expect(meant.stderr).not.toContain("--tokens 15 ");
  });
});

describe("billionsInTrillionsSentence", () => {
  it("gives the most training tokens of data/models.csv and its model", () => {
    const text = readFileSync(new URL("../../../data/models.csv", import.meta.url), "utf8");
    const {header, records} = readCsvRecords(text, {file: "data/models.csv"});
    const index = header!.cells.indexOf("training_tokens_t");
    const rows = records
      .map((record) => ({id: record.cells[0]!, tokensT: Number(record.cells[index])}))
      .filter((row) => holdsNumber(row.tokensT));
    const most = Math.max(...rows.map((row) => row.tokensT));
    expect(MOST_MODEL_TRAINING_TOKENS_T.tokensT).toBe(most);
    expect(rows.filter((row) => row.tokensT === most).map((row) => row.id)).toContain(
      MOST_MODEL_TRAINING_TOKENS_T.model
    );
    // No bundled row is noted.
    expect(records.map((record) => billionsInTrillionsSentence(record.cells[index] ?? ""))).not.toContainEqual(
      expect.any(String)
    );
  });

  it("notes a training_tokens_t of 1,000 or more, likely billions written in the trillions column", () => {
    expect(billionsInTrillionsSentence("15000")).toBe(
      "training_tokens_t 15000 is 15,000T tokens, where the most in data/models.csv, llama-4-maverick's, is 22T: " +
        "write 15 if 15000B was meant"
    );
    expect(billionsInTrillionsSentence("1000")).toContain("write 1 if 1000B was meant");
    for (const written of ["999", "15.6", "", "15T", "1e4"])
      expect(billionsInTrillionsSentence(written), written).toBeNull();
  });

  it("notes a training_tokens_t under a tenth of the fewest published run's (0.03T), likely too small", () => {
    // 0.015 is 15B tokens, where the file's column is trillions: accepted with no word (tester).
    expect(billionsInTrillionsSentence("0.015")).toBe(
      "training_tokens_t 0.015 is 15B tokens, under a tenth of any published run's (the fewest in " +
        "data/training-runs.csv, gopher-280b's, are 300B): write 15 if 15T was meant, or keep 0.015 if 15B was"
    );
    expect(billionsInTrillionsSentence("0.0005")).toContain("0.0005 is 500M tokens");
    for (const written of ["0.03", "0.3", "0", "0.015T"])
      expect(billionsInTrillionsSentence(written), written).toBeNull();
  });
});

/** A cell that holds a number (an empty training_tokens_t is unknown). */
function holdsNumber(value: number): boolean {
  return Number.isFinite(value) && value > 0;
}
