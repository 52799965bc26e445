// A nonzero numeral too small for a double (`1e-400`) read as 0, silently, where `1e400` was refused as out of range.
// Each reader now refuses it: "number too small", with "too small for a double: write 0 if zero was meant".
import {describe, expect, it} from "vitest";
import {errorOf} from "../fixtures/userErrorDetail.js";
import {keyFlag, positiveInteger} from "../../src/cli/flags.js";
import {userErrorList} from "../../src/errors/userError.js";
import {applyOverrides} from "../../src/scenario/resolve/applyOverrides.js";
import type {ResolvedScenario} from "../../src/scenario/resolve/resolveScenario.js";
import {HARDWARE_COLUMNS, parseHardwareCsv} from "../../src/catalog/parseHardwareCsv.js";
import {readDecimal, UNDERFLOW_HINT} from "../../src/units/decimal.js";
import {readQuantity} from "../../src/units/quantity.js";
import {parseScenario} from "../../src/scenario/file/parseScenario.js";
import {userErrorsOf} from "../scenario/helpers.js";

describe("readDecimal", () => {
  it("refuses a nonzero numeral that underflows to 0, and reads zero written any way as 0", () => {
    expect(readDecimal("1e-400")).toBeUndefined();
    expect(readDecimal("-2.5e-999")).toBeUndefined();
    for (const zero of ["0", "0e-400", "0.000", "-0"]) expect(readDecimal(zero), zero).toBe(0);
    // Subnormal, not zero: still read.
    expect(readDecimal("1e-320")).toBeGreaterThan(0);
  });
});

describe("a number too small for a double", () => {
  it("is refused by readQuantity with a hint, where it read 0", () => {
    expect(readQuantity("1e-400", "fraction")).toMatchObject({ok: false, reason: "underflow", hint: UNDERFLOW_HINT});
    expect(readQuantity("$1e-400", "money")).toMatchObject({ok: false, reason: "underflow"});
    expect(readQuantity("0e-400", "fraction")).toMatchObject({ok: true, value: 0});
  });

  it("is refused by --set, a key's flag and a count flag", () => {
    const fromSet = errorOf(() =>
      applyOverrides({values: {}} as unknown as ResolvedScenario, ["power.electricity=1e-400"])
    );
    expect(fromSet).toMatchObject({message: "number too small", found: "1e-400", hint: UNDERFLOW_HINT});
    expect(errorOf(() => keyFlag("--electricity", "power.electricity")("1e-400"))).toMatchObject({
      flag: "--electricity",
      message: "number too small",
      hint: UNDERFLOW_HINT
    });
    expect(errorOf(() => keyFlag("--utilization", "serving.utilization")("1e-400"))).toMatchObject({
      message: "number too small"
    });
    expect(errorOf(() => positiveInteger("--samples")("1e-400"))).toMatchObject({
      message: "number too small",
      hint: UNDERFLOW_HINT
    });
  });

  it("is refused in a catalog cell as too small, not 'out of range' or 'not a number'", () => {
    const header = HARDWARE_COLUMNS.join(",");
    const cells: string[] = HARDWARE_COLUMNS.map(() => "");
    const set = (column: (typeof HARDWARE_COLUMNS)[number], value: string) =>
      (cells[HARDWARE_COLUMNS.indexOf(column)] = value);
    set("system_overhead", "1e-400");
    let all: ReturnType<typeof userErrorList> = [];
    try {
      parseHardwareCsv(`${header}\n${cells.join(",")}`, {file: "h.csv"});
    } catch (error) {
      all = userErrorList(error);
    }
    expect(all.map((e) => e.detail).find((d) => d.path === "system_overhead")).toMatchObject({
      message: "number too small",
      hint: UNDERFLOW_HINT
    });
  });

  // `1e-322 USD/MWh` is nonzero as written and 0 once divided by its unit's 1000: it was taken as 0 USD/kWh.
  it("is refused when nonzero as written but 0 after its unit's conversion", () => {
    expect(readQuantity("1e-322 USD/MWh", "energyPrice")).toMatchObject({
      ok: false,
      reason: "underflow",
      hint: UNDERFLOW_HINT
    });
    expect(readQuantity("1e-325%", "fraction")).toMatchObject({ok: false, reason: "underflow"});
    // Still read: zero as written, and a subnormal that survives the conversion.
    expect(readQuantity("0 USD/MWh", "energyPrice")).toMatchObject({ok: true, value: 0});
    expect(readQuantity("1e-318 USD/MWh", "energyPrice")).toMatchObject({ok: true});
  });

  it("is refused after its unit's conversion by --set, a scenario file and a flag", () => {
    const fromSet = errorOf(() =>
      applyOverrides({values: {}} as unknown as ResolvedScenario, ["power.electricity=1e-322 USD/MWh"])
    );
    expect(fromSet).toMatchObject({message: "number too small", found: "1e-322 USD/MWh", hint: UNDERFLOW_HINT});
    const text = "---\npower:\n  electricity: 1e-322 USD/MWh\n---\n";
    expect(userErrorsOf(() => parseScenario({file: "tiny.md", text}))).toEqual([
      expect.objectContaining({
        message: "number too small",
        path: "power.electricity",
        found: "1e-322 USD/MWh",
        hint: UNDERFLOW_HINT
      })
    ]);
    expect(errorOf(() => keyFlag("--electricity", "power.electricity")("5e-324 USD/MWh"))).toMatchObject({
      flag: "--electricity",
      message: "number too small",
      hint: UNDERFLOW_HINT
    });
  });
});
