// serving.kvCache: the KV cache's format a scenario states (precision.ts KV_CACHE_DTYPES), or, unset, the weights'
// default (DEFAULT_KV_CACHE_DTYPE: fp8 under fp8 or fp4 weights, bf16 under bf16). The serving model reads it as bytes
// per cached element: what a decode step reads per token in the cache and how many sequences fit.
import {describe, expect, it} from "vitest";
import {runScenarioRequest} from "../../../src/node/scenarioRun.js";
import {runCli} from "../../cli/runCli.js";

const serving = (sets: string[]) =>
  (runScenarioRequest({scenario: "base", samples: 20, sets}) as {result: {point: {serving: any}}}).result.point.serving;

describe("serving.kvCache", () => {
  it("keeps base's FP8 cache unset, and a BF16 one holds twice the bytes a sequence and decodes slower", () => {
    const unset = serving([]);
    const fp8 = serving(["serving.kvCache=fp8"]);
    const bf16 = serving(["serving.kvCache=bf16"]);
    // Unset under base's fp8 weights is fp8: the same result to the last digit.
    expect(fp8.decodeTokensPerSecondPerChip).toBe(unset.decodeTokensPerSecondPerChip);
    expect(bf16.memory.kvBytesPerSequence).toBe(2 * unset.memory.kvBytesPerSequence);
    expect(bf16.decodeTokensPerSecondPerChip).toBeLessThan(unset.decodeTokensPerSecondPerChip);
    // BF16 weights keep a BF16 cache unless told (on a 70B model: base's 405B in BF16 does not fit on 8 H100s).
    const seventy = "serving.model=llama-3.1-70b";
    const bytes = (sets: string[]) => serving([seventy, ...sets]).memory.kvBytesPerSequence;
    expect(bytes(["serving.precision=bf16"])).toBe(bytes(["serving.kvCache=bf16"]));
    expect(bytes(["serving.precision=bf16", "serving.kvCache=fp8"])).toBe(bytes([]));
    expect(bytes(["serving.kvCache=bf16"])).toBe(2 * bytes([]));
  });

  it("deepseek-one-day keeps its cache in BF16, as DeepSeek's MLA runs (its sources)", async () => {
    const {code, stdout, stderr} = await runCli(["run", "deepseek-one-day", "--json", "--samples", "20"]);
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout).assumptions["serving.kvCache"]).toMatchObject({value: "bf16", written: "bf16"});
  });

  it("refuses a format it does not know, naming the key and the choices", async () => {
    const {code, stdout, stderr} = await runCli(["run", "base", "--set", "serving.kvCache=int8"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "token-ledger: --set: serving.kvCache: not one of the choices: expected one of bf16, fp16 or fp8, found int8\n"
    );
  });
});
