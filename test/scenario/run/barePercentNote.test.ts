// A fraction key whose range passes 1, written as a bare whole number, is likely a percentage: a hardware.csv
// system_overhead of 50 priced tokens at 23.0 USD/Mtok against 0.874, and moat.pricePremium 5 is 500% (breaker).
import {describe, expect, it} from "vitest";
import {barePercentNote, barePercentSentence} from "../../../src/scenario/run/barePercentNote.js";

describe("barePercentNote", () => {
  it("notes a bare whole number from 2 to 100 for a fraction key that goes past 1", () => {
    expect(barePercentNote({"moat.pricePremium": {value: 5, written: "5"}})).toBe(
      "moat.pricePremium 5 is 500% (a bare number is a fraction: 0.05 is 5%): write 5% if that was meant."
    );
    expect(barePercentNote({"finance.systemOverhead": {value: 12, written: "12"}})).toBe(
      "finance.systemOverhead 12 is 1,200% (a bare number is a fraction: 0.12 is 12%): write 12% if that was meant."
    );
  });

  it("notes an interval of such numbers once (a sweep's axis `moat.pricePremium=5:10:3`)", () => {
    expect(barePercentNote({"moat.pricePremium": {value: 5, written: "5 to 10"}})).toBe(
      "moat.pricePremium 5 to 10 is 500% to 1,000% (a bare number is a fraction: 0.05 is 5%): write 5% to 10% if that " +
        "was meant."
    );
  });

  it("notes an explicit distribution of such numbers once, on its range's ends", () => {
    const value = {kind: "triangular" as const, min: 5, mode: 6, max: 10};
    expect(
      barePercentNote({"moat.pricePremium": {value, written: "{dist: triangular, min: 5, mode: 6, max: 10}"}})
    ).toBe(
      "moat.pricePremium {dist: triangular, min: 5, mode: 6, max: 10} is 500% to 1,000% (a bare number is a " +
        "fraction: 0.05 is 5%): write {dist: triangular, min: 5%, mode: 6%, max: 10%} if that was meant."
    );
    expect(barePercentNote({"moat.pricePremium": {value, written: "{dist: uniform, min: 0.5, max: 10}"}})).toBeNull();
  });

  it("takes a percentage, a decimal, 1, a key up to 1 and a default as meant", () => {
    expect(barePercentNote({"moat.pricePremium": {value: 5, written: "500%"}})).toBeNull();
    expect(barePercentNote({"moat.pricePremium": {value: 0.3, written: "0.3"}})).toBeNull();
    expect(barePercentNote({"moat.pricePremium": {value: 1, written: "1"}})).toBeNull();
    // serving.utilization stops at 1: a bare 60 is refused there ("did you mean 60%?"), never read.
    expect(barePercentNote({"serving.utilization": {value: 0.6, written: "0.6"}})).toBeNull();
    expect(barePercentNote({"moat.pricePremium": {value: 0.3, written: null}})).toBeNull();
  });
});

describe("barePercentSentence", () => {
  // A catalog cell refuses `50%` ("not a number … write 0.5"), so its note advises the fraction (breaker).
  it("advises the fraction where the value is written as a plain number only (a catalog cell)", () => {
    const place = {name: "system_overhead", plainNumber: true};
    expect(barePercentSentence("finance.systemOverhead", "50", 50, place)).toBe(
      "system_overhead 50 is 5,000% (a bare number is a fraction: 0.5 is 50%): write 0.5 if 50% was meant."
    );
    expect(barePercentSentence("finance.systemOverhead", "7", 7, place)).toBe(
      "system_overhead 7 is 700% (a bare number is a fraction: 0.07 is 7%): write 0.07 if 7% was meant."
    );
  });
});
