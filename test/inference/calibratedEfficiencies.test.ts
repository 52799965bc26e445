import {describe, expect, it} from "vitest";
import {readFileSync} from "node:fs";
import {parseHardwareCsv} from "../../src/catalog/parseHardwareCsv.js";
import {
  calibratedEfficiencies,
  heldOutBand,
  SERVING_CALIBRATION,
  servingModelError
} from "../../src/inference/calibratedEfficiencies.js";
import {UNMEASURED_CHIP_PRIOR} from "../../src/inference/unmeasuredChipPrior.js";

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

describe("servingModelError and heldOutBand", () => {
  const error = (ratioP10: number, ratioP90: number) => ({
    count: 10,
    medianAbsoluteError: 0.1,
    shareWithin25: 0.9,
    shareWithin35: 0.95,
    medianRatio: 1,
    ratioP10,
    ratioP90
  });
  const calibration = {...SERVING_CALIBRATION, heldOut: error(0.8, 1.2), heldOutBySystem: error(0.7, 1.25)};

  it("is the error on whole systems held out, the one to expect on a system nobody has measured", () => {
    expect(servingModelError(calibration)).toBe(calibration.heldOutBySystem);
    // A cost per token ∝ 1 ÷ throughput: $2 × [0.7, 1.25] = [1.4, 2.5]; 100 tokens/s ÷ [1.25, 0.7] = [80, 142.86].
    expect(heldOutBand(2, "cost", calibration)).toEqual({low: 1.4, high: 2.5});
    expect(heldOutBand(100, "throughput", calibration).low).toBe(80);
    expect(heldOutBand(100, "throughput", calibration).high).toBeCloseTo(142.857, 3);
  });

  it("falls back to the stated split when the system split was not refitted (null)", () => {
    const stated = {...calibration, heldOutBySystem: null};
    expect(servingModelError(stated)).toBe(stated.heldOut);
    expect(heldOutBand(2, "cost", stated)).toEqual({low: 1.6, high: 2.4});
  });

  it("is the committed calibration's system split, from which the unmeasured chip's prior is squared", () => {
    expect(servingModelError()).toEqual(SERVING_CALIBRATION.heldOutBySystem);
    const {ratioP10, ratioP90} = SERVING_CALIBRATION.heldOutBySystem!;
    // unmeasuredChipPrior.ts: p10 = 1 ÷ ratioP90², p90 = 1 ÷ ratioP10².
    expect(UNMEASURED_CHIP_PRIOR.p10).toBeCloseTo(1 / ratioP90 ** 2, 12);
    expect(UNMEASURED_CHIP_PRIOR.p90).toBeCloseTo(1 / ratioP10 ** 2, 12);
  });
});
