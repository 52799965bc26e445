import {describe, expect, it} from "vitest";
import {bareMoneyNote} from "../../../src/scenario/run/bareMoneyNote.js";

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
