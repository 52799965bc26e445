import {describe, expect, it} from "vitest";
import type {Hardware} from "../../src/catalog/hardware.js";
import {SOFTWARE_STACKS} from "../../src/inference/calibration/measurement.js";
import {prepareMeasurements} from "../../src/inference/calibration/calibrate.js";
import {parseMeasurementsCsv} from "../../src/inference/calibration/parseMeasurementsCsv.js";
import {stackProblem} from "../../src/inference/servingChecks.js";
import {defaultStackFor, stackRunsOn, stacksFor} from "../../src/inference/stackChips.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadMeasurements} from "../../src/node/measurementFiles.js";

const catalogs = loadCatalogs();
const chip = (id: string) => catalogs.hardware.find((h) => h.id === id)!;

describe("stackRunsOn", () => {
  it.each([
    ["h100-sxm", ["trtllm", "vllm", "sglang", "jax", "other"]],
    ["mi300x", ["vllm", "sglang", "jax", "other"]],
    ["tpu-v6e", ["vllm", "sglang", "jax", "other"]],
    ["trainium2", ["vllm", "sglang", "jax", "neuron", "other"]],
    // A hypothetical chip's software is as hypothetical as the chip: every stack (stackChips.ts).
    ["custom-inference-asic", [...SOFTWARE_STACKS]]
  ])("%s runs %j", (id, stacks) => {
    expect(stacksFor(chip(id))).toEqual(stacks);
  });

  it("compares vendors without regard to case, and accepts every stack on a vendor it cannot rule on", () => {
    expect(stackRunsOn("trtllm", {vendor: "nvidia"})).toBe(true);
    expect(stackRunsOn("neuron", {vendor: "nvidia"})).toBe(false);
    expect(stackRunsOn("trtllm", {vendor: "custom"} as Pick<Hardware, "vendor">)).toBe(true);
  });
});

describe("stackProblem", () => {
  it("names the stack, the chip, where the stack runs and the stacks that run on the chip", () => {
    expect(stackProblem(chip("h100-sxm"), "neuron")).toEqual({
      setting: "stack",
      message: "Neuron does not run on h100-sxm, made by NVIDIA: it runs on AWS chips only",
      expected: "a stack that runs on NVIDIA chips: trtllm, vllm, sglang, jax, other",
      found: "neuron"
    });
    expect(stackProblem(chip("h100-sxm"), "trtllm")).toBeNull();
  });
});

describe("a measurement row whose stack does not run on its chip", () => {
  it("is an error at the row's stack cell", () => {
    const {text, file} = loadMeasurements();
    const lines = text.split("\n");
    const index = lines.findIndex((line) => line.startsWith("neuron-trn2-"));
    const column = lines[index]!.indexOf(",neuron,") + 2;
    lines[index] = lines[index]!.replace(",neuron,", ",trtllm,");
    const measurements = parseMeasurementsCsv(lines.join("\n"), {file});
    let error: unknown;
    try {
      prepareMeasurements(measurements, catalogs, file);
    } catch (e) {
      error = e;
    }
    expect((error as {detail: unknown}).detail).toMatchObject({
      file,
      line: index + 1,
      column,
      path: "stack",
      message: "TensorRT-LLM does not run on trainium2, made by AWS: it runs on NVIDIA chips only",
      expected: "a stack that runs on AWS chips: vllm, sglang, jax, neuron, other",
      found: "trtllm"
    });
  });
});

describe("defaultStackFor", () => {
  it("is TensorRT-LLM where it runs (NVIDIA, a hypothetical chip), else vLLM", () => {
    expect(defaultStackFor(chip("h100-sxm"))).toBe("trtllm");
    expect(defaultStackFor(chip("tpu-v6e"))).toBe("vllm");
    expect(defaultStackFor(chip("trainium2"))).toBe("vllm");
    expect(defaultStackFor(chip("custom-inference-asic"))).toBe("trtllm");
  });
});
