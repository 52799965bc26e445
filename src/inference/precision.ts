import type {Hardware} from "../catalog/hardware.js";

/** Number formats a model can be served in. */
export const PRECISIONS = ["bf16", "fp8", "fp4"] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Bytes per weight: BF16 is 16 bits, FP8 8 bits, FP4 4 bits (block scales ignored; they add ~3% for MXFP4). */
export const BYTES_PER_PARAM: Record<Precision, number> = {bf16: 2, fp8: 1, fp4: 0.5};

/**
 * Element formats a KV cache is kept in: BF16 or FP16 (2 bytes), or FP8 (1 byte). A measurement's kv_cache_dtype
 * cell (data/measurements.csv) and a scenario's serving.kvCache name one; where neither does, the weights' precision
 * gives it (DEFAULT_KV_CACHE_DTYPE). vLLM's and SGLang's default ("auto") is the activations' format, BF16, whatever
 * the weights, unless the checkpoint names a KV format; TensorRT-LLM's FP8 DeepSeek-R1 checkpoint kept a BF16 cache in
 * its H200 max-throughput run.
 */
export const KV_CACHE_DTYPES = ["bf16", "fp16", "fp8"] as const;
export type KvCacheDtype = (typeof KV_CACHE_DTYPES)[number];

/** Bytes per KV-cache element of each KV_CACHE_DTYPES format. */
export const KV_CACHE_DTYPE_BYTES: Readonly<Record<KvCacheDtype, number>> = {bf16: 2, fp16: 2, fp8: 1};

/**
 * The KV cache's format when nothing names it, by the weights' precision: BF16 next to BF16 weights, FP8 next to FP8
 * or FP4 weights (FP4 KV caches are not common practice), as NVIDIA's MLPerf Inference v5.1 configs set
 * kv_cache_dtype fp8 for FP8 and FP4 models (closed/NVIDIA/configs); an assumption for other stacks.
 */
export const DEFAULT_KV_CACHE_DTYPE: Readonly<Record<Precision, KvCacheDtype>> = {bf16: "bf16", fp8: "fp8", fp4: "fp8"};

/** Bytes per cached key/value element when nothing names the cache's format: DEFAULT_KV_CACHE_DTYPE's bytes. */
export const DEFAULT_KV_BYTES_PER_ELEMENT: Readonly<Record<Precision, number>> = {
  bf16: KV_CACHE_DTYPE_BYTES[DEFAULT_KV_CACHE_DTYPE.bf16],
  fp8: KV_CACHE_DTYPE_BYTES[DEFAULT_KV_CACHE_DTYPE.fp8],
  fp4: KV_CACHE_DTYPE_BYTES[DEFAULT_KV_CACHE_DTYPE.fp4]
};

/** The KV cache's format: `kvCacheDtype`, or when that is null the default for weights in `precision`. */
export function kvCacheDtypeFor(precision: Precision, kvCacheDtype: KvCacheDtype | null): KvCacheDtype {
  return kvCacheDtype ?? DEFAULT_KV_CACHE_DTYPE[precision];
}

/** Bytes per KV-cache element (1 or 2) of a cache kept in kvCacheDtypeFor(precision, kvCacheDtype). */
export function kvBytesPerElementFor(precision: Precision, kvCacheDtype: KvCacheDtype | null): number {
  return KV_CACHE_DTYPE_BYTES[kvCacheDtypeFor(precision, kvCacheDtype)];
}

/**
 * Bytes per KV-cache element of a serving input or measured run: its `kvBytesPerElement` where given, else the default
 * for weights in its `precision` (DEFAULT_KV_BYTES_PER_ELEMENT): what the serving model, its checks and the calibration
 * read the cache at.
 */
export function kvBytesPerElementOf(input: {precision: Precision; kvBytesPerElement?: number | undefined}): number {
  return input.kvBytesPerElement ?? DEFAULT_KV_BYTES_PER_ELEMENT[input.precision];
}

/** Dense peak FLOP/s of a chip in a precision, or null when the chip has no such format. */
export function peakFlopsPerS(hardware: Hardware, precision: Precision): number | null {
  switch (precision) {
    case "bf16":
      return hardware.bf16FlopsPerS;
    case "fp8":
      return hardware.fp8FlopsPerS;
    case "fp4":
      return hardware.fp4FlopsPerS;
  }
}
