// A count written with a point before three digits is likely thousands grouped the European way: `demand.users: 1.500`
// ran base with 1.5 users, with no word (breaker). A whole-number key refuses it (pointGroupedWhole).
import {describe, expect, it} from "vitest";
import {pointGroupedNote} from "../../../src/scenario/run/pointGroupedNote.js";
import {runCli} from "../../cli/runCli.js";

describe("pointGroupedNote", () => {
  it("notes a count or tokens key written with a point before three digits", () => {
    expect(pointGroupedNote({"demand.users": {value: 1.5, written: "1.500"}})).toBe(
      "demand.users 1.500 is 1.5 (a point is a decimal point): write 1500 or 1,500 if the point grouped thousands."
    );
    expect(pointGroupedNote({"demand.tokensPerUserPerDay": {value: 16.384, written: "16.384"}})).toBe(
      "demand.tokensPerUserPerDay 16.384 is 16.384 (a point is a decimal point): write 16384 or 16,384 if the point " +
        "grouped thousands."
    );
  });

  it("takes other decimals, a unit, a default and other keys as meant", () => {
    const none = {
      "demand.users": {value: 1.5, written: "1.5"},
      "fleet.chips": {value: 1.5, written: "1.50"},
      "demand.tokensPerUserPerDay": {value: 1500, written: "1.500k"},
      "training.tokens": {value: 1.5e12, written: "1.500T"},
      "flywheel.usersCap": {value: 5e9, written: null},
      // A fraction key, and a whole-number key (which refuses `1.500`: "a point in a whole number").
      "serving.utilization": {value: 0.5, written: "0.500"},
      "serving.batch": {value: 1, written: "1.000"}
    };
    expect(pointGroupedNote(none)).toBeNull();
  });

  it("is noted by run for --set demand.users=1.500, and not for 1,500", async () => {
    const grouped = await runCli(["run", "base", "--set", "demand.users=1.500", "--samples", "10"]);
    expect(grouped.code, grouped.stderr).toBe(0);
    expect(grouped.stderr).toContain(
      "token-ledger: note: base: demand.users 1.500 (--set demand.users=1.500) is 1.5 (a point is a decimal point): " +
        "write 1500 or 1,500 if the point grouped thousands.\n"
    );
    const meant = await runCli(["run", "base", "--set", "demand.users=1,500", "--samples", "10"]);
    expect(meant.code, meant.stderr).toBe(0);
    expect(meant.stderr).not.toContain("demand.users");
  });
});
