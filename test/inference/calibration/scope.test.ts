import {describe, expect, it} from "vitest";
import {outsideCalibratedBand} from "../../../src/inference/calibration/scope.js";

// scope.ts: out of the band is wide expert parallelism (EP > TP: data-parallel attention) under unified scheduling
// (phase whole), where one rank prefilling holds up the others' decoding (LMSYS, large-scale EP blog, May 2025).
describe("the calibrated band", () => {
  it.each<[number, number, "whole" | "decode" | "prefill", boolean]>([
    [1, 8, "whole", true], // MLPerf v5.1 DeepSeek-R1, TensorRT-LLM enable_attention_dp: out
    [1, 72, "decode", false], // LMSYS's EP72 decode, prefill on other nodes: in
    [1, 144, "decode", false], // DeepSeek's EP144 production decode: in
    [1, 32, "prefill", false], // LMSYS's EP32 prefill and DeepSeek's EP32 prefill profile, decode elsewhere: in
    [8, 8, "whole", false], // tensor-parallel attention, experts over the same 8 chips: in
    [8, 1, "whole", false] // a dense TP8 replica: in
  ])("TP%i EP%i, phase %s: outside %s", (tensorParallel, expertParallel, phase, outside) => {
    expect(outsideCalibratedBand({tensorParallel, expertParallel}, phase)).toBe(outside);
  });
});
