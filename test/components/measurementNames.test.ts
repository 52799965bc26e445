import {describe, expect, it} from "vitest";
import {
  catalogName,
  efficienciesName,
  measurementNames,
  skippedMeasurementName
} from "../../docs/components/measurementNames.js";

const catalogs = {
  hardware: [{id: "h100-sxm", name: "NVIDIA H100 SXM5 80GB"}],
  models: [{id: "llama-2-70b", name: "Llama 2 70B"}]
};
const row = {
  id: "mlperf41-llama2-70b-offline-h100x8-nvidia",
  hardware: "h100-sxm",
  model: "llama-2-70b",
  precision: "fp8",
  tensorParallel: 2,
  expertParallel: 1,
  inputTokens: 222.33,
  outputTokens: 290.3,
  scenario: "offline"
};

describe("measurementNames", () => {
  it("names a measurement by its model on its chip and its request shape, not its id", () => {
    expect(measurementNames(row, catalogs)).toEqual({
      chip: "NVIDIA H100 SXM5 80GB",
      model: "Llama 2 70B",
      name: "Llama 2 70B on NVIDIA H100 SXM5 80GB",
      shape: "FP8, TP2, 222 → 290 tokens, offline"
    });
  });

  it("writes expert parallelism, a two-word scenario, and an id no catalog row has", () => {
    const names = measurementNames({...row, hardware: "mi300x", expertParallel: 8, scenario: "fixed-batch"}, catalogs);
    expect(names.chip).toBe("mi300x");
    expect(names.shape).toBe("FP8, TP2 EP8, 222 → 290 tokens, fixed batch");
    expect(catalogName(catalogs.models, "llama-2-70b")).toBe("Llama 2 70B");
  });

  it("names a prefill-only measurement by its prompt length: it generates no output tokens", () => {
    // LMSYS's EP32 prefill of 4K prompts (data/measurements.csv): 4,096 prompt tokens, output 1 in the model's terms.
    const names = measurementNames(
      {...row, expertParallel: 32, tensorParallel: 1, inputTokens: 4096, outputTokens: 1, phase: "prefill"},
      catalogs
    );
    expect(names.shape).toBe("FP8, TP1 EP32, 4,096-token prompts, prefill only, offline");
  });

  it("names a decode-only measurement by its KV length: its output count of 1 is a placeholder (new-user trial)", () => {
    // DeepSeek's production decode on H800 EP144 (data/measurements.csv): KV length 4,989, no output count published.
    const names = measurementNames(
      {...row, expertParallel: 144, tensorParallel: 1, inputTokens: 4989, outputTokens: 1, phase: "decode"},
      catalogs
    );
    expect(names.shape).toBe("FP8, TP1 EP144, KV length 4,989 tokens, decode only, offline");
    expect(names.shape).not.toContain("→");
  });
});

describe("efficienciesName", () => {
  it("names the chip family and the stack", () => {
    expect(efficienciesName("hopper/trtllm")).toBe("Hopper, TensorRT-LLM");
    expect(efficienciesName("cdna3")).toBe("AMD CDNA 3");
    expect(efficienciesName("pooled")).toBe("all chips (pooled)");
  });
});

describe("skippedMeasurementName", () => {
  const catalogs = {
    hardware: [{id: "gb200", name: "NVIDIA GB200"}],
    models: [{id: "deepseek-v3", name: "DeepSeek-V3"}]
  };
  const row = {hardware: "gb200", chips: 48, model: "deepseek-v3", precision: "fp8", date: "2025-09"};

  it("names the model on its chips, the precision, the stack and the month", () => {
    expect(skippedMeasurementName({...row, stack: "sglang", software: "SGLang (PD)"}, catalogs)).toBe(
      "DeepSeek-V3 on 48 × NVIDIA GB200, FP8, SGLang, 2025-09"
    );
  });

  it("names an other stack by its software as published, and an unknown id as given", () => {
    expect(
      skippedMeasurementName(
        {...row, chips: 1, model: "x", stack: "other", software: "In-house system (EP144 decode)"},
        catalogs
      )
    ).toBe("x on NVIDIA GB200, FP8, In-house system, 2025-09");
  });

  it("says a prefill-only measurement is one (LMSYS's GB200 prefill of 4 ranks, skipped: TP not published)", () => {
    expect(
      skippedMeasurementName({...row, chips: 4, stack: "sglang", software: "SGLang", phase: "prefill"}, catalogs)
    ).toBe("DeepSeek-V3 on 4 × NVIDIA GB200, FP8, prefill only, SGLang, 2025-09");
  });

  it("says a decode-only measurement is one, as a prefill-only one", () => {
    expect(skippedMeasurementName({...row, stack: "sglang", software: "SGLang", phase: "decode"}, catalogs)).toBe(
      "DeepSeek-V3 on 48 × NVIDIA GB200, FP8, decode only, SGLang, 2025-09"
    );
  });
});
