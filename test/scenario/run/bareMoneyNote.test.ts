import {describe, expect, it} from "vitest";
import {bareMoneyNote} from "../../../src/scenario/run/bareMoneyNote.js";
import {runCli} from "../../cli/runCli.js";

describe("bareMoneyNote", () => {
  it("notes a bare number under $1,000 where the key costs thousands, with the scale it is written in (breaker)", () => {
    // `--set hardware.price=31` ran at 0.442 USD/Mtok against base's 1.89, with no word.
    expect(bareMoneyNote({"hardware.price": {value: 31, written: "31"}})).toBe(
      "hardware.price 31 is $31 (a bare number is US dollars), where a chip costs thousands: write $31k if that was meant."
    );
    expect(bareMoneyNote({"silicon.nre": {value: 150, written: "150"}})).toBe(
      "silicon.nre 150 is $150 (a bare number is US dollars), where a chip program costs millions: write $150M if that was meant."
    );
  });

  it("notes an interval of bare numbers each under $1,000 once (a distribution, or a sweep's axis)", () => {
    expect(
      bareMoneyNote({
        "silicon.nre": {value: {kind: "lognormal" as const, mu: 1.35, sigma: 0.16}, written: "100 to 200"}
      })
    ).toBe(
      "silicon.nre 100 to 200 is $100 to $200 (a bare number is US dollars), where a chip program costs millions: " +
        "write $100M to $200M if that was meant."
    );
    expect(
      bareMoneyNote({
        "silicon.nre": {value: {kind: "lognormal" as const, mu: 1.35, sigma: 0.16}, written: "100 to 2000"}
      })
    ).toBeNull();
  });

  it("notes an explicit distribution of bare numbers each under $1,000 once, as an interval", () => {
    const value = {kind: "uniform" as const, min: 100, max: 200};
    expect(bareMoneyNote({"silicon.nre": {value, written: "{dist: uniform, min: 100, max: 200}"}})).toBe(
      "silicon.nre {dist: uniform, min: 100, max: 200} is $100 to $200 (a bare number is US dollars), where a chip " +
        "program costs millions: write {dist: uniform, min: $100M, max: $200M} if that was meant."
    );
    expect(bareMoneyNote({"hardware.price": {value, written: "{dist: normal, mean: 30, sd: 5}"}})).toBe(
      "hardware.price {dist: normal, mean: 30, sd: 5} is $30 (a bare number is US dollars), where a chip costs " +
        "thousands: write {dist: normal, mean: $30k, sd: $5k} if that was meant."
    );
    expect(bareMoneyNote({"silicon.nre": {value, written: "{dist: uniform, min: 100, max: 2000}"}})).toBeNull();
    expect(bareMoneyNote({"silicon.nre": {value, written: "{dist: uniform, min: $100M, max: $200M}"}})).toBeNull();
    // A bare end beside one with a unit is judged alone, as a sweep's `hardware.price=20:$40k:3` (breaker).
    expect(bareMoneyNote({"hardware.price": {value, written: "{dist: uniform, min: 20, max: $40k}"}})).toBe(
      "hardware.price {dist: uniform, min: 20, max: $40k} has min 20, which is $20 (a bare number is US dollars), " +
        "where a chip costs thousands: write {dist: uniform, min: $20k, max: $40k} if that was meant."
    );
    expect(bareMoneyNote({"hardware.price": {value, written: "{dist: uniform, min: 2000, max: $40k}"}})).toBeNull();
  });

  it("takes money written with a currency or a scale, a number from 1,000, a default and other keys as meant", () => {
    const none = {
      "hardware.price": {value: 31, written: "$31"},
      "silicon.unitCost": {value: 900, written: "900 USD"},
      "silicon.nre": {value: 1500, written: "1500"},
      "silicon.respinCost": {value: 5e6, written: null},
      // A part of a chip's price may cost hundreds.
      "silicon.packagingCost": {value: 150, written: "150"}
    };
    expect(bareMoneyNote(none)).toBeNull();
  });
});

// `inference --chip-price 31` priced a chip-hour at 0.427 USD/h (0.874 at the catalog's price) with no word, and
// `training --chip-price 31` a run's owned chips at $14.0M, where `run --set hardware.price=31` noted it (breaker).
describe("a bare chip price under $1,000 on the command line", () => {
  const INFERENCE = ["inference", "--hardware", "h100-sxm", "--model", "llama-3.1-70b"];
  const TRAINING = "training --model llama-3.1-8b --tokens 1e12 --hardware h100-sxm --chips 1000 --mfu 0.4".split(" ");
  const NOTE =
    "token-ledger: note: --chip-price 31 is $31 (a bare number is US dollars), where a chip costs thousands: " +
    "write --chip-price '$31k' if that was meant.\n";

  it.each([
    ["inference", INFERENCE],
    ["training", TRAINING]
  ])("%s notes --chip-price 31, and not $31 or 31000", async (_, command) => {
    const bare = await runCli([...command, "--chip-price", "31"]);
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stderr).toBe(NOTE);
    for (const meant of ["$31", "31000"]) {
      const result = await runCli([...command, "--chip-price", meant]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe("");
    }
  });
});
