import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {parseHardwareCsv} from "../../src/catalog/parseHardwareCsv.js";
import {calibratedEfficiencies, SERVING_CALIBRATION} from "../../src/inference/calibratedEfficiencies.js";

const hardware = parseHardwareCsv(readFileSync(new URL("../../data/hardware.csv", import.meta.url), "utf8"), {
  file: "data/hardware.csv"
});
const h100 = hardware.find((h) => h.id === "h100-sxm")!;

describe("calibratedEfficiencies", () => {
  it("serves a project's own chip of family hopper with the hopper fit, as it serves h100-sxm", () => {
    // A copy of the bundled h100-sxm row under a new id (README, "Your catalog rows"), its family cell copied too.
    const mine = {...h100, id: "my-h100", name: "My H100"};
    const own = calibratedEfficiencies(mine, "trtllm");
    // src/inference/servingCalibration.generated.ts has a "hopper/trtllm" group (fitted on H100/H200/H800 runs).
    expect(own.group).toBe("hopper/trtllm");
    expect(own).toEqual(calibratedEfficiencies(h100, "trtllm"));
    expect(own.efficiencies).toEqual(SERVING_CALIBRATION.groups["hopper/trtllm"]);
  });

  it("serves a chip by its family, not its id: other takes the pooled fit, a stack without a fit the family's", () => {
    expect(calibratedEfficiencies({...h100, family: "other"}, "trtllm").group).toBe("pooled");
    // The generated file has no "cdna3/trtllm" group but a "cdna3" one (the doc comment's example).
    expect(calibratedEfficiencies({family: "cdna3"}, "trtllm").group).toBe("cdna3");
  });
});

describe("calibratedEfficiencies with a stack it does not know", () => {
  it("throws a UserError naming the stack and the known ones ('foo' silently took the family's fit)", () => {
    expect(() => calibratedEfficiencies(h100, "foo" as never)).toThrow(
      /^stack: unknown serving stack: expected one of trtllm, vllm, sglang, jax, neuron, other, found foo/
    );
  });
});

describe("calibratedEfficiencies with a family named like an Object member", () => {
  it("takes the pooled fit, not Object.prototype ('__proto__' returned {} as group '__proto__'; breaker)", () => {
    for (const family of ["__proto__", "constructor", "toString"]) {
      expect(calibratedEfficiencies({family} as never, "trtllm")).toEqual({
        efficiencies: SERVING_CALIBRATION.pooled,
        group: "pooled"
      });
    }
  });
});
