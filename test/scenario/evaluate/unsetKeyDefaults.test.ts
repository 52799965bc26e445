import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {calibratedEfficiencies} from "../../../src/inference/calibratedEfficiencies.js";
import {
  UNSET_KEY_DEFAULT_PATHS,
  UNSET_KEY_INSTEAD,
  UNSET_WITHOUT_ONE_VALUE,
  unsetKeyDefault,
  unsetKeyDefaultsOf,
  unsetKeyTakes
} from "../../../src/scenario/evaluate/unsetKeyDefaults.js";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {SCENARIO_KEYS} from "../../../src/scenario/file/schema.js";
import {resolveScenario} from "../../../src/scenario/resolve/resolveScenario.js";
import {scenarioIndex} from "../../../src/scenario/resolve/scenarioIndex.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();
/** A scenario's values as unsetKeyDefault reads them: `values` by path, unset where not given. */
const context = (values: Record<string, unknown>) => ({
  valueOf: (path: string) => values[path] ?? null,
  hardware: catalogs.hardware
});

describe("unsetKeyDefault", () => {
  it("sorts every key of default null into one kind: follows a key, resolves to one value, or has none", () => {
    // The schema's keys without a default (ScenarioKeyDef.default null); a key added there must be placed here.
    const nullDefault = SCENARIO_KEYS.filter((key) => key.default === null).map((key) => key.path);
    for (const path of nullDefault) {
      const kinds = [
        "follows" in SCENARIO_KEYS.find((key) => key.path === path)!,
        UNSET_KEY_DEFAULT_PATHS.includes(path),
        path in UNSET_WITHOUT_ONE_VALUE
      ];
      expect(kinds.filter(Boolean), path).toHaveLength(1);
    }
    // And nothing else: each listed key is one of them.
    for (const path of [...UNSET_KEY_DEFAULT_PATHS, ...Object.keys(UNSET_WITHOUT_ONE_VALUE)])
      expect(nullDefault, path).toContain(path);
  });

  it("gives the KV cache the weights' default format (FP8 under fp8 and fp4 weights, BF16 under bf16)", () => {
    // The schema's serving.kvCache: "When not set: FP8 under fp8 or fp4 weights, BF16 under bf16"
    // (DEFAULT_KV_CACHE_DTYPE).
    const kv = (precision: string) => unsetKeyDefault("serving.kvCache", context({"serving.precision": precision}));
    expect(kv("fp8")).toEqual({value: "fp8", note: "default for fp8 weights"});
    expect(kv("fp4")).toEqual({value: "fp8", note: "default for fp4 weights"});
    expect(kv("bf16")).toEqual({value: "bf16", note: "default for bf16 weights"});
  });

  it("gives the serving chip's stack, catalog price and the node's mask set", () => {
    // defaultStackFor: TensorRT-LLM on an NVIDIA chip, vLLM on any other (the schema's serving.stack).
    expect(unsetKeyDefault("serving.stack", context({"serving.hardware": "h100-sxm"}))).toEqual({
      value: "trtllm",
      note: "default on h100-sxm"
    });
    const amd = catalogs.hardware.find((row) => /amd/i.test(row.vendor))!;
    expect(unsetKeyDefault("serving.stack", context({"serving.hardware": amd.id}))?.value).toBe("vllm");
    // data/hardware.csv h100-sxm price_usd 31120 (the schema's silicon.systemCost source: "$31,120 … per HGX H100").
    expect(unsetKeyDefault("hardware.price", context({"serving.hardware": "h100-sxm"}))).toEqual({
      value: 31120,
      note: "catalog price of h100-sxm"
    });
    // MASK_SET_PRICES n5: "$20 million-plus", taken for N5 (src/silicon/programNre.ts).
    expect(unsetKeyDefault("silicon.respinCost", context({"silicon.node": "n5"}))).toEqual({
      value: 20e6,
      note: "mask set of n5"
    });
    // An id the rows do not hold resolves to nothing (the dash stays), as does a key that is not resolved.
    expect(unsetKeyDefault("serving.stack", context({"serving.hardware": "no-such-chip"}))).toBeNull();
    expect(unsetKeyDefault("fleet.chips", context({}))).toBeNull();
  });

  it("lists only keys left unset", () => {
    const defaults = unsetKeyDefaultsOf(context({"serving.precision": "fp8", "serving.kvCache": "bf16"}).valueOf, []);
    expect(defaults["serving.kvCache"]).toBeUndefined();
    // serving.stack needs the chip's row, not given here.
    expect(defaults["serving.stack"]).toBeUndefined();
  });

  it.each(library.index.ids)("is the value the model takes: %s evaluates alike with each such key set to it", (id) => {
    const bound = bindScenario(library.resolve(id), catalogs);
    const point = scenarioMedianPoint(bound.resolved);
    const defaults = unsetKeyDefaultsOf((path) => point[path], catalogs.hardware);
    const metrics = evaluateScenarioPoint(bound, point).metrics;
    for (const [path, resolved] of Object.entries(defaults)) {
      expect(evaluateScenarioPoint(bound, {...point, [path]: resolved.value}).metrics, path).toEqual(metrics);
    }
  });
});

describe("UNSET_KEY_INSTEAD", () => {
  /** base's median point evaluated, and again with `set` over it: what the model did with the keys unset. */
  const base = bindScenario(library.resolve("base"), catalogs);
  const basePoint = scenarioMedianPoint(base.resolved);
  const baseEvaluation = evaluateScenarioPoint(base, basePoint);
  const baseWith = (set: Record<string, number>) => evaluateScenarioPoint(base, {...basePoint, ...set}).metrics;

  it("says what stands in for the efficiencies, the HBM reserve, the overheads and the custom chip's system", () => {
    // Each read a bare "—" in compare, run and the pages: what the model uses is said in a few words instead.
    expect(UNSET_KEY_INSTEAD["serving.achievableBandwidth"]).toBe("calibrated per chip family and stack");
    expect(UNSET_KEY_INSTEAD["serving.achievableCompute"]).toBe("calibrated per chip family and stack");
    // TensorRT-LLM's free_gpu_memory_fraction 0.9 of what the weights leave; vLLM's gpu_memory_utilization 0.9 of all
    // HBM (the schema's serving.hbmReserve source).
    expect(UNSET_KEY_INSTEAD["serving.hbmReserve"]).toBe("10% of HBM; TensorRT-LLM: 10% of what the weights leave");
    expect(UNSET_KEY_INSTEAD["power.hostOverhead"]).toBe("each chip's catalog system power");
    expect(UNSET_KEY_INSTEAD["finance.systemOverhead"]).toBe("each chip's catalog system overhead");
    expect(UNSET_KEY_INSTEAD["silicon.systemCost"]).toBe("the merchant chip's overhead × the dearer price");
  });

  it("is what the model uses: base evaluates alike with each such key set to what its words name", () => {
    expect(base.hardware.id).toBe("h100-sxm");
    // The calibration's fit for Hopper chips on TensorRT-LLM (base's H100 on its default stack).
    const {efficiencies, group} = calibratedEfficiencies(base.hardware, "trtllm");
    expect(group).toBe("hopper/trtllm");
    const metrics = baseEvaluation.metrics;
    expect(baseWith({"serving.achievableBandwidth": efficiencies.bandwidthFraction})).toEqual(metrics);
    expect(baseWith({"serving.achievableCompute": efficiencies.computeFraction})).toEqual(metrics);
    // TensorRT-LLM: (1 − 0.9) of the HBM the weights leave, over base's serving.tensorParallel 8 chips of 80 GB. Its
    // batch of 64 is far below what fits (372), so the metrics do not show the reserve: the HBM usable does.
    const weightBytes = baseEvaluation.serving.memory.weightBytes;
    const replicaHbmBytes = base.hardware.hbmCapacityBytes * 8;
    const reserve = {"serving.hbmReserve": (1 - 0.9) * (1 - weightBytes / replicaHbmBytes)};
    expect(evaluateScenarioPoint(base, {...basePoint, ...reserve}).serving.memory).toEqual(
      baseEvaluation.serving.memory
    );
    expect(baseWith(reserve)).toEqual(metrics);
    // data/hardware.csv h100-sxm: system_power_w 1275 ÷ power_w 700 − 1 = 0.82 (DGX H100), system_overhead 0.5.
    expect(baseWith({"power.hostOverhead": 1275 / 700 - 1})).toEqual(metrics);
    expect(baseWith({"finance.systemOverhead": 0.5})).toEqual(metrics);
    // base's silicon.unitCost $12,000 is below the H100's $31,120: the dearer is the H100, 31,120 × 0.5 = $15,560 (the
    // schema's silicon.systemCost source).
    expect(baseWith({"silicon.systemCost": 31120 * 0.5})).toEqual(metrics);
  });

  it("is 10% of all HBM on a stack other than TensorRT-LLM: openai-2024 alike with serving.hbmReserve 0.1", () => {
    // openai-2024.md sets serving.stack: other (DEFAULT_HBM_RESERVE_FRACTION, vLLM's gpu_memory_utilization 0.9).
    const bound = bindScenario(library.resolve("openai-2024"), catalogs);
    const point = scenarioMedianPoint(bound.resolved);
    expect(point["serving.stack"]).toBe("other");
    // The HBM usable, as above: the metrics do not show the reserve below the batch that fits.
    const memory = evaluateScenarioPoint(bound, point).serving.memory;
    expect(evaluateScenarioPoint(bound, {...point, "serving.hbmReserve": 0.1}).serving.memory).toEqual(memory);
  });
});

describe("unsetKeyTakes", () => {
  /** What `path` takes in a scenario of `values` (unset where not given or null), its defaults from the catalog. */
  const takes = (path: string, values: Record<string, unknown>) => {
    const valueOf = (key: string) => values[key];
    return unsetKeyTakes(path, valueOf, unsetKeyDefaultsOf(valueOf, catalogs.hardware));
  };

  it("gives a key the model resolves its value and why", () => {
    // kvCacheDtypeFor: FP8 under fp8 weights (the schema's serving.kvCache, as unsetKeyDefault above).
    expect(takes("serving.kvCache", {"serving.precision": "fp8"})).toEqual({
      kind: "default",
      value: "fp8",
      note: "default for fp8 weights"
    });
    // data/hardware.csv h100-sxm price_usd 31120, as unsetKeyDefault above.
    expect(takes("hardware.price", {"serving.hardware": "h100-sxm"})).toEqual({
      kind: "default",
      value: 31120,
      note: "catalog price of h100-sxm"
    });
  });

  it("says serving.hbmReserve's reserve for the scenario's own stack, set or its chip's default", () => {
    // kvCacheAdmission: TensorRT-LLM holds back 1 − free_gpu_memory_fraction 0.9 of the HBM the weights leave; any
    // other stack DEFAULT_HBM_RESERVE_FRACTION 0.1 of all HBM. TensorRT-LLM is the default on an NVIDIA chip, vLLM on
    // AMD's (defaultStackFor). Both read on a TensorRT-LLM scenario as if either might apply (breaker).
    const trtllm = {kind: "none", instead: "10% of what the weights leave, as TensorRT-LLM holds back"};
    const other = {kind: "none", instead: "10% of HBM"};
    expect(takes("serving.hbmReserve", {"serving.hardware": "h100-sxm"})).toEqual(trtllm);
    expect(takes("serving.hbmReserve", {"serving.hardware": "mi300x"})).toEqual(other);
    expect(takes("serving.hbmReserve", {"serving.hardware": "h100-sxm", "serving.stack": "vllm"})).toEqual(other);
    expect(takes("serving.hbmReserve", {"serving.hardware": "mi300x", "serving.stack": "sglang"})).toEqual(other);
    // A chip the catalog does not hold has no default stack: both policies, as UNSET_KEY_INSTEAD words them.
    expect(takes("serving.hbmReserve", {"serving.hardware": "no-such-chip"})).toEqual({
      kind: "none",
      instead: UNSET_KEY_INSTEAD["serving.hbmReserve"]
    });
  });

  it("gives a key that follows another that key and its value", () => {
    // The schema's training.hardware: follows serving.hardware; training.model follows serving.model.
    expect(takes("training.hardware", {"serving.hardware": "b200"})).toEqual({
      kind: "follows",
      path: "serving.hardware",
      value: "b200"
    });
    expect(takes("training.model", {"serving.model": "llama-3.1-70b"})).toEqual({
      kind: "follows",
      path: "serving.model",
      value: "llama-3.1-70b"
    });
  });

  it("gives nothing for a key with no one value, or one the model cannot resolve here", () => {
    // UNSET_WITHOUT_ONE_VALUE: fleet.chipHourPrice unset means owned chips, no price; what is used instead is said
    // (UNSET_KEY_INSTEAD: rentedUsdPerChipHour null prices the fleet at the owned chip-hour, priceListInput.ts).
    expect(takes("fleet.chipHourPrice", {})).toEqual({kind: "none", instead: "owned chips"});
    // fleetDay: the day's chips sized by the serving model, its tokens from the first day's demand.
    expect(takes("fleet.chips", {})).toEqual({kind: "none", instead: "sized by the serving model"});
    expect(takes("fleet.inputTokensPerDay", {})).toEqual({kind: "none", instead: "from the first day's demand"});
    // servingInput: the calibration's fit for the chip's family and stack (calibratedEfficiencies).
    expect(takes("serving.achievableBandwidth", {})).toEqual({
      kind: "none",
      instead: "calibrated per chip family and stack"
    });
    // A key with no one value and nothing in its place: a chip given by its specs without FP4 has none (the schema's
    // silicon.fp4Flops: "not set: no FP4"); nothing more.
    expect(takes("silicon.fp4Flops", {})).toEqual({kind: "none"});
    // A chip the hardware rows do not hold: no stack to name (unsetKeyDefault above).
    expect(takes("serving.stack", {"serving.hardware": "no-such-chip"})).toEqual({kind: "none"});
    // A key that follows another without a value: nothing to take.
    expect(takes("training.hardware", {})).toEqual({kind: "none"});
  });

  it("gives null for a key the scenario sets, what it resolves or follows notwithstanding", () => {
    expect(takes("serving.kvCache", {"serving.precision": "fp8", "serving.kvCache": "bf16"})).toBeNull();
    expect(takes("training.hardware", {"serving.hardware": "b200", "training.hardware": "h100-sxm"})).toBeNull();
    expect(takes("fleet.chipHourPrice", {"fleet.chipHourPrice": 2})).toBeNull();
  });

  it("reads a key taken back with null as unset, and takes what it takes", () => {
    const index = scenarioIndex([
      parseScenario({
        file: "parent.md",
        text: "---\nserving.hardware: h200-sxm\nserving.kvCache: bf16\ntraining.hardware: b200\n---\n"
      }),
      parseScenario({
        file: "kid.md",
        text: "---\nextends: parent\nserving.kvCache: null\ntraining.hardware: null\n---\n"
      })
    ]);
    const of = (id: string) => {
      const resolved = resolveScenario(id, index.lookup, index.ids);
      const valueOf = (key: string) => resolved.values[key]?.value;
      return (path: string) => unsetKeyTakes(path, valueOf, unsetKeyDefaultsOf(valueOf, catalogs.hardware));
    };
    // The parent sets both: each shows its own value.
    expect(of("parent")("serving.kvCache")).toBeNull();
    expect(of("parent")("training.hardware")).toBeNull();
    // The kid takes them back: the KV cache is the default for the schema's default serving.precision (fp8), and the
    // training chip the serving chip the parent sets.
    expect(of("kid")("serving.kvCache")).toEqual({kind: "default", value: "fp8", note: "default for fp8 weights"});
    expect(of("kid")("training.hardware")).toEqual({kind: "follows", path: "serving.hardware", value: "h200-sxm"});
  });
});
