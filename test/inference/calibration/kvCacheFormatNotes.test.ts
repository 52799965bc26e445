// The KV cache's format each bundled measurement is modelled with (its kv_cache_dtype cell, or, left empty, its
// weights' default: DEFAULT_KV_BYTES_PER_ELEMENT) agrees with what the row's own notes say of the cache. 29 rows said
// "KV cache not quantized, i.e. BF16", "KV cache default (BF16)" or "KV cache BF16" with the cell empty and FP8 weights,
// so the model ran them with an FP8 cache (half the bytes a step, twice the sequences that fit): dstack's 8×H100
// Llama 3.1 405B run at 32,784-token prompts was modelled with all 16 sequences fitting, where 11 do.
import {describe, expect, it} from "vitest";
import {kvBytesPerElementFor} from "../../../src/inference/precision.js";
import {loadMeasurements} from "../../../src/node/measurementFiles.js";

/** A 16-bit cache stated in a row's notes, as the rows' notes write it. */
const SIXTEEN_BIT = /KV cache not quantized, i\.e\. BF16|KV cache default \(BF16\)|KV cache (BF16|FP16)|BF16 KV cache/i;
/** An FP8 cache stated in a row's notes. */
const EIGHT_BIT = /FP8 KV[- ]cache|--kv-cache-dtype fp8|KV cache FP8|activations and KV cache\)|and KV cache FP8/i;

describe("the bundled measurements' KV cache format", () => {
  const {measurements} = loadMeasurements();
  const modelled = measurements.map((m) => ({
    id: m.id,
    bytes: kvBytesPerElementFor(m.precision, m.kvCacheDtype),
    sixteen: SIXTEEN_BIT.test(m.notes),
    eight: EIGHT_BIT.test(m.notes)
  }));

  it("is 2 bytes an element wherever a row's notes state a BF16 or FP16 cache", () => {
    const stated = modelled.filter((row) => row.sixteen);
    // 30 rows at the time of writing (dstack's H100 405B and DeepSeek-R1 runs, InferenceX's H200 SGLang runs, …).
    expect(stated.length).toBeGreaterThanOrEqual(30);
    expect(stated.filter((row) => row.bytes !== 2).map((row) => row.id)).toEqual([]);
  });

  it("is 1 byte an element wherever a row's notes state an FP8 cache and no 16-bit one", () => {
    const stated = modelled.filter((row) => row.eight && !row.sixteen);
    expect(stated.length).toBeGreaterThanOrEqual(30);
    expect(stated.filter((row) => row.bytes !== 1).map((row) => row.id)).toEqual([]);
  });
});
