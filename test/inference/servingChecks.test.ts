import {describe, expect, it} from "vitest";
import {requestProblem, servingInputProblem} from "../../src/inference/servingChecks.js";
import type {SoftwareStack} from "../../src/inference/calibration/measurement.js";
import type {Precision} from "../../src/inference/precision.js";
import type {ServingInput} from "../../src/inference/servingPerformance.js";
import {findById} from "../../src/catalog/lookup.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {MODEL_COLUMNS, parseModelsCsv} from "../../src/catalog/parseModelsCsv.js";
import {COMMAND_LINE_ROW_SOURCE, copyRowOrigin, setFlagsOrigin} from "../../src/catalog/rowOrigin.js";
import {resolveModelFlags} from "../../src/cli/customSpecs.js";
import {cellColumn} from "../catalog/cellColumn.js";

describe("requestProblem: a cache-hit share out of range, as a person writes it (breaker)", () => {
  it.each([
    [1.47160458537, "1.47"],
    [1.0000000001, "1.0000000001"],
    [-0.25, "-0.25"]
  ])("%s reads %s", (cacheHitFraction, found) => {
    expect(requestProblem({inputTokens: 1000, outputTokens: 100, cacheHitFraction})).toEqual({
      setting: "cacheHitFraction",
      message: "out of range",
      expected: "a fraction in [0, 1)",
      found
    });
  });
});

describe("requestProblem: a spread of answer lengths the request cannot have", () => {
  const model = {id: "llama-3.1-70b", contextTokens: 131_072};
  it.each([NaN, -1, 11, Infinity])("refuses a CV of %s, naming the range", (outputTokensCv) => {
    expect(requestProblem({inputTokens: 4096, outputTokens: 512, outputTokensCv, cacheHitFraction: 0})).toEqual({
      setting: "outputTokensCv",
      message: "out of range",
      expected: "a number in [0, 10] (standard deviation ÷ mean of the answer lengths)",
      found: `${outputTokensCv}`
    });
  });

  it("refuses answers in flight longer than the context window leaves, offering the largest CV that fits", () => {
    // 8,192 × (1 + 10²) = 827,392 tokens in flight on average, past 131,072 − 4,096; the largest CV that fits is
    // √((131,072 − 4,096) ÷ 8,192 − 1) = √14.5 = 3.807…, written 3.8.
    const problem = requestProblem({
      inputTokens: 4096,
      outputTokens: 8192,
      outputTokensCv: 10,
      cacheHitFraction: 0,
      model
    });
    expect(problem).toMatchObject({setting: "outputTokensCv", expected: expect.stringMatching(/^at most 3\.8, /)});
    expect(problem!.message).toContain("average 827,392 tokens in flight");
    expect(
      requestProblem({inputTokens: 4096, outputTokens: 8192, outputTokensCv: 3.8, cacheHitFraction: 0, model})
    ).toBeNull();
  });

  it("refuses a spread of answers of 1 token on average: none is shorter, so all are 1 token", () => {
    expect(
      requestProblem({inputTokens: 4096, outputTokens: 1, outputTokensCv: 0.5, cacheHitFraction: 0})
    ).toMatchObject({
      setting: "outputTokensCv",
      expected: "0",
      found: "0.5"
    });
    expect(requestProblem({inputTokens: 4096, outputTokens: 1, outputTokensCv: 0, cacheHitFraction: 0})).toBeNull();
  });
});

describe("requestProblem: where the context window a request exceeds comes from, by the row's origin", () => {
  const request = {inputTokens: 1000, outputTokens: 100, cacheHitFraction: 0};

  it("names --context-window for a model built from flags, and for a copy given its origin", () => {
    // No source title: the origin alone tells a model from flags (rowOrigin.ts setFlagsOrigin).
    const model = setFlagsOrigin({id: "custom", contextTokens: 512});
    const expected = "input + output at most 512 tokens (--context-window)";
    expect(requestProblem({...request, model})?.expected).toBe(expected);
    expect(requestProblem({...request, model: copyRowOrigin(model, {...model})})?.expected).toBe(expected);
    // As the inference command builds one (customSpecs.ts), with --context-window 512.
    const shape = {params: 1e9, layers: 2, hiddenSize: 64, heads: 4, headDim: 16, vocab: 256, contextWindow: 512};
    const built = resolveModelFlags(shape, [], {serving: true, requestTokens: 1100});
    expect(requestProblem({...request, model: built})?.expected).toBe(expected);
  });

  it("names the file's cell for a row read from a file, whatever its source_title says", () => {
    // A project's row whose source_title is the text a flags-built row carries: it was told --context-window.
    const row = `tiny,Tiny,1,1,2,64,4,2,16,,,1,1,256,false,512,0.1,${COMMAND_LINE_ROW_SOURCE},https://example.org/,`;
    const [model] = parseModelsCsv(`${MODEL_COLUMNS.join(",")}\n${row}`, {file: "my/models.csv"});
    // context_tokens is the 16th field (MODEL_COLUMNS) of line 2, the row under the header; cellColumn counts its
    // character column (43).
    const at = `my/models.csv:2:${cellColumn(row, MODEL_COLUMNS.indexOf("context_tokens") + 1)}`;
    expect(requestProblem({...request, model})?.expected).toBe(
      `input + output at most 512 tokens (context_tokens at ${at})`
    );
  });
});

describe("servingInputProblem: what a script can pass that the flags and the schema refuse before", () => {
  const {hardware, models} = loadCatalogs();
  const input: ServingInput = {
    hardware: findById(hardware, "h100-sxm", "hardware"),
    model: findById(models, "llama-3.1-70b", "model"),
    precision: "fp8",
    batchSize: 32,
    inputTokens: 1000,
    outputTokens: 100,
    cacheHitFraction: 0,
    tensorParallel: 2,
    expertParallel: 1,
    stack: "vllm",
    hbmReserveFraction: null
  };

  it("finds nothing wrong with a configuration that runs", () => {
    expect(servingInputProblem(input)).toBeNull();
  });

  it.each([0, -5, 2.5, Number.NaN])("a batch of %s is a batch problem, not a NaN or negative cost", (batchSize) => {
    expect(servingInputProblem({...input, batchSize})).toEqual({
      setting: "batch",
      message: "out of range",
      expected: "a whole number of requests >= 1",
      found: `${batchSize}`
    });
  });

  it('a batch given as a string is quoted in "found" (it read found 64)', () => {
    expect(servingInputProblem({...input, batchSize: "64" as unknown as number})?.found).toBe('"64"');
  });

  it("a precision no model knows is a precision problem (it read 'weights NaN GB', blamed on --tp)", () => {
    expect(servingInputProblem({...input, precision: "fp16" as Precision})).toEqual({
      setting: "precision",
      message: "unknown precision",
      expected: "one of bf16, fp8, fp4",
      found: "fp16"
    });
  });

  it("a stack no model knows is a stack problem (it threw a TypeError)", () => {
    expect(servingInputProblem({...input, stack: "tensorrt-llm" as SoftwareStack})).toEqual({
      setting: "stack",
      message: "unknown serving stack",
      expected: "one of trtllm, vllm, sglang, jax, neuron, other",
      found: "tensorrt-llm"
    });
  });
});
