import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {servingEfficienciesFrom} from "../../../src/scenario/evaluate/servingInput.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";

const library = loadScenarioLibrary();
const catalogs = loadCatalogs();
const from = (id: string, point: Record<string, unknown> = {}) => {
  const bound = bindScenario(library.resolve(id), catalogs);
  return servingEfficienciesFrom(bound, {...scenarioMedianPoint(bound.resolved), ...point} as never);
};

describe("servingEfficienciesFrom", () => {
  it("says in words which calibration group the efficiencies come from", () => {
    // base: an H100 (Hopper) on TensorRT-LLM, a group of its own in servingCalibration.generated.ts.
    expect(from("base")).toBe("fitted on Hopper chips on TensorRT-LLM");
    // deepseek-one-day: an H800 (Hopper) on DeepSeek's own stack ("other"): the Hopper family over all stacks.
    expect(from("deepseek-one-day")).toBe("fitted on Hopper chips, all stacks");
    // openai-2024: an A100 (Ampere) on OpenAI's own stack: the Ampere family, fitted on its TensorRT-LLM rows.
    expect(from("openai-2024")).toBe("fitted on Ampere chips, all stacks");
    expect(from("base", {"serving.achievableCompute": 0.5})).toBe(
      "fitted on Hopper chips on TensorRT-LLM, compute set by the scenario"
    );
  });
});
