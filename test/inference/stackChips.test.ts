import {describe, expect, it} from "vitest";
import type {Hardware} from "../../src/catalog/hardware.js";
import {SOFTWARE_STACKS} from "../../src/inference/calibration/measurement.js";
import {prepareMeasurements} from "../../src/inference/calibration/calibrate.js";
import {parseMeasurementsCsv} from "../../src/inference/calibration/parseMeasurementsCsv.js";
import {stackProblem} from "../../src/inference/servingChecks.js";
import {defaultStackFor, STACK_CHIP_VENDORS, stackRunsOn, stacksFor} from "../../src/inference/stackChips.js";
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
    // A chip of a maker the catalog does not know runs the vendor-neutral stacks only (stackChips.ts).
    ["custom-inference-asic", ["vllm", "sglang", "jax", "other"]]
  ])("%s runs %j", (id, stacks) => {
    expect(stacksFor(chip(id))).toEqual(stacks);
  });

  it("compares vendors without regard to case", () => {
    expect(stackRunsOn("trtllm", {vendor: "nvidia"})).toBe(true);
    expect(stackRunsOn("neuron", {vendor: "nvidia"})).toBe(false);
    expect(stackRunsOn("neuron", {vendor: "aws"})).toBe(true);
  });

  // Breaker: a chip of an unknown maker ("Advanced Micro Devices", "Cerebras", a chip given by its specs) ran every
  // stack, NVIDIA's TensorRT-LLM and AWS's Neuron included, and defaulted to TensorRT-LLM.
  it.each(["custom", "Cerebras", "Hypothetical"])("runs only the vendor-neutral stacks on a %s chip", (vendor) => {
    const hardware = {vendor} as Pick<Hardware, "vendor">;
    expect(stacksFor(hardware)).toEqual(SOFTWARE_STACKS.filter((s) => STACK_CHIP_VENDORS[s] === null));
    expect(stacksFor(hardware)).toEqual(["vllm", "sglang", "jax", "other"]);
    expect(stackRunsOn("trtllm", hardware)).toBe(false);
    expect(stackRunsOn("neuron", hardware)).toBe(false);
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

  it("refuses TensorRT-LLM on a chip of a maker the catalog does not know", () => {
    expect(stackProblem({...chip("mi300x"), id: "my-chip", vendor: "Cerebras"}, "trtllm")).toEqual({
      setting: "stack",
      message: "TensorRT-LLM does not run on my-chip, made by Cerebras: it runs on NVIDIA chips only",
      expected: "a stack that runs on Cerebras chips: vllm, sglang, jax, other",
      found: "trtllm"
    });
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
  it("is TensorRT-LLM where it runs (NVIDIA), else vLLM (an unknown maker's chip included)", () => {
    expect(defaultStackFor(chip("h100-sxm"))).toBe("trtllm");
    expect(defaultStackFor(chip("tpu-v6e"))).toBe("vllm");
    expect(defaultStackFor(chip("trainium2"))).toBe("vllm");
    expect(defaultStackFor(chip("custom-inference-asic"))).toBe("vllm");
    expect(defaultStackFor({vendor: "custom"})).toBe("vllm");
  });
});
