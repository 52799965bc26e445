import {UNMEASURED_CHIP_PRIOR} from "../../inference/unmeasuredChipPrior.js";
import {FLYWHEEL_RANGES} from "../../strategy/flywheel.js";
import {INFERENCE_TAX_RANGES} from "../../strategy/inferenceTax.js";
import {MOAT_RANGES} from "../../strategy/moat.js";
import {PRICE_LIST_RANGES} from "../../tco/priceList.js";
import {CHIP_UNIT_COST_RANGES} from "../../silicon/chipUnitCost.js";
import {CUSTOM_CHIP_COST} from "../../silicon/customChipCost.js";
import {WAFER_NODES} from "../../silicon/waferPrices.js";
import {CUSTOM_PROGRAM_NRE} from "../../silicon/programNre.js";
import {CHIP_HOUR_COST_RANGES, SERVING_CHIP_RANGES} from "../../strategy/servingChip.js";
import {SILICON_PROGRAM_RANGES} from "../../strategy/siliconProgram.js";
import {TRAINING_VS_INFERENCE_RANGES} from "../../strategy/trainingVsInference.js";
import {DEFAULT_GOODPUT_FRACTION, TRAINING_RUN_RANGES} from "../../training/trainingRun.js";
import {KV_CACHE_DTYPES, PRECISIONS} from "../../inference/precision.js";
import {DEFAULT_PREFILL_STEP_TOKENS_PER_CHIP} from "../../inference/prefillReplica.js";
import {OUTPUT_TOKENS_CV_RANGE} from "../../inference/inflightLength.js";
import {SOFTWARE_STACK_NAMES, SOFTWARE_STACKS} from "../../inference/calibration/measurement.js";
import type {Dimension} from "../../units/quantity.js";
import {ANY_NUMBER, parseRange, type NumberRange} from "../../units/range.js";
import {MARKDOWN_EXTENSION_WORDS} from "./markdownExtensions.js";

/**
 * The type of a scenario key's value: a dimension of units/quantity.ts (a number in that dimension's base unit),
 * "id" (a catalog id such as `h100-sxm`), or "choice" (one of the key's `choices`).
 */
export type KeyType = Dimension | "id" | "choice";

/** One assumption a scenario file may set. Adding a key is adding one entry to SCENARIO_KEYS. */
export interface ScenarioKeyDef {
  /** Dotted key path, `group.name`; groups may nest (`strategy.moat.leadMonths`). */
  readonly path: string;
  /** What the value is: a dimension (its base unit is the unit of the default and of bare numbers), "id" or "choice". */
  readonly type: KeyType;
  /** For an "id" key, the catalog its id must name (checked when the scenario is evaluated against the catalogs). */
  readonly catalog?: "hardware" | "models";
  /** The allowed values of a "choice" key. */
  readonly choices?: readonly string[];
  /**
   * How a reader knows each choice, where that differs from the value written ("TensorRT-LLM" for `trtllm`): the
   * pages write it (assumptionValueText), and a file or --set that writes the name is told the value to write.
   */
  readonly choiceNames?: Readonly<Record<string, string>>;
  /** True when the value must be a whole number (after unit conversion: `16k` is 16000). */
  readonly integer?: boolean;
  /**
   * A plain number that is a multiple of something (5 × the final run, 2.4× a generation): written with × in the
   * assumption tables (displayValue), as its slider and the metrics write it ("Training spend multiplier 5" read as a
   * count; reader audit). A scenario file reads `5×` back.
   */
  readonly multiple?: true;
  /**
   * What a count counts, as a plural noun ("users"): the assumptions tables and a narrative's live value write it after
   * the number ("5.00B users"; "Addressable users cap 5.00B" read without a unit; audit). A file writes the number alone.
   */
  readonly countOf?: string;
  /**
   * Allowed values in base units: interval notation (`(0, 1]`, `[1, ∞)`), or the range table entry of the model input
   * the key sets (`CHIP_HOUR_COST_RANGES.pue`), so that the key and the model share one range. Omitted means any
   * finite number. test/scenario/evaluate/keyAgreement.test.ts checks every key a model reads against the model.
   */
  readonly range?: string | NumberRange;
  /** Default in base units, or null when the key has none (an optional override such as `hardware.price`). */
  readonly default: number | string | null;
  /** What the key means, one sentence, for the reference page. */
  readonly meaning: string;
  /** Where the default comes from: a citation, or "assumption" (our judgement) with any reasoning after it. */
  readonly source: string;
  /** Whether the value may be a distribution (uncertain) rather than a single value. */
  readonly distribution: boolean;
  /**
   * The key whose value this one takes when not set (training.hardware is serving.hardware's chip unless set): what
   * `compare` lists in its place when the scenarios leave it unset.
   */
  readonly follows?: string;
  /** A short label for tables, sliders and charts ("Electricity price"). */
  readonly label: string;
  /**
   * The words of `label` a glossary entry explains, and that entry's anchor in docs/glossary.md (`{words: "NRE",
   * anchor: "nre"}`): a scenario page's slider links them there, on their first use among its sliders, as the chapters
   * link a term (a strategy reader met "Chip program cost (NRE)" with no word of what NRE is). The words must be in
   * the label and the anchor in the glossary (test/components/glossaryTerm.test.ts).
   */
  readonly glossary?: {readonly words: string; readonly anchor: string};
  /**
   * The slider a page offers for the key, in display units: the slider shows `base × scale` in `unit`, from `min` to
   * `max` in steps of `step`. Both ends lie inside `range` (test/scenario/file/schema.test.ts checks it). Omitted
   * for keys no page offers a slider for.
   */
  readonly slider?: KeySlider;
}

/** A key's slider, in display units (display value = base-unit value × scale). */
export interface KeySlider {
  /** Display unit ("%", "USD/kWh", "months", "M USD", "×"). */
  readonly unit: string;
  readonly scale: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** Catalog ids: lowercase kebab-case, dots allowed (`llama-3.1-70b`). */
export const CATALOG_ID_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;

const LLAMA_3 = "The Llama 3 Herd of Models (Meta, arXiv 2407.21783)";

/**
 * Every key a scenario may set, grouped by the first segment of its path, in reference-page order. Every numeric
 * range is finite at both ends that matter (batch, request tokens, training tokens and chips stop far beyond any
 * real system), so no combination of values in range overflows a model to Infinity or a null in JSON.
 */
export const SCENARIO_KEYS = [
  // serving: what is served, on what, and how busy the chips are
  {
    path: "serving.hardware",
    label: "Serving accelerator",
    type: "id",
    catalog: "hardware",
    default: "h100-sxm",
    meaning: "Accelerator the tokens are served on: an id from data/hardware.csv.",
    source:
      "assumption: the H100 SXM, the most widely deployed frontier-serving GPU of 2024-25 and the chip with the most published serving measurements in data/measurements.csv",
    distribution: false
  },
  {
    path: "serving.model",
    label: "Model served",
    type: "id",
    catalog: "models",
    default: "llama-3.1-70b",
    meaning: "Model served: an id from data/models.csv.",
    source:
      "assumption: a 70B-class dense model (Llama 3.1 70B), a common open-weight serving target with published benchmarks; the bundled scenarios serve 405B",
    distribution: false
  },
  {
    path: "serving.precision",
    label: "Number format",
    type: "choice",
    choices: PRECISIONS,
    default: "fp8",
    meaning:
      "Number format of the weights (and, unless serving.kvCache says otherwise, of the KV cache: FP8 under fp8 and fp4 weights, BF16 under bf16).",
    source:
      "assumption: FP8, as in MLPerf Inference Hopper submissions and most production serving on H100-class chips",
    distribution: false
  },
  {
    path: "serving.kvCache",
    label: "KV-cache format",
    type: "choice",
    choices: KV_CACHE_DTYPES,
    choiceNames: {bf16: "BF16", fp16: "FP16", fp8: "FP8"},
    default: null,
    meaning:
      "Number format of the KV cache: bf16 or fp16 (2 bytes an element) or fp8 (1 byte). It sets the bytes a decode step reads per token in the cache and how many sequences fit in HBM, and attention runs at the format's peak (BF16 for a 16-bit cache, FP8 where the chip has it for fp8). When not set: FP8 under fp8 or fp4 weights, BF16 under bf16 (src/inference/precision.ts).",
    source:
      "when not set, assumption: an FP8 cache beside FP8 or FP4 weights, as NVIDIA's MLPerf Inference v5.1 configs set kv_cache_dtype fp8 (closed/NVIDIA/configs); vLLM and SGLang keep BF16 unless told (--kv-cache-dtype auto: the model's dtype)",
    distribution: false
  },
  {
    path: "serving.batch",
    label: "Batch per replica",
    slider: {unit: "sequences", scale: 1, min: 1, max: 1024, step: 1},
    type: "count",
    integer: true,
    range: "[1, 1000000]",
    default: 32,
    meaning: "Sequences decoded together by one replica.",
    source:
      "assumption: 32 sequences, a throughput-oriented batch that fits in HBM for a 70B model at the default prompt and answer lengths",
    distribution: false
  },
  {
    path: "serving.inputTokens",
    label: "Input tokens per request",
    type: "tokens",
    integer: true,
    range: "[1, 100000000]",
    default: 4096,
    meaning:
      "Prompt tokens per request (the KV cache a request holds is its mean live length, input + output ÷ 2, more when answers vary in length: serving.outputTokensCv).",
    source: "assumption: 4,096-token prompts, chat with history or retrieved documents; set it per workload",
    distribution: false
  },
  {
    path: "serving.outputTokens",
    label: "Output tokens per request",
    type: "tokens",
    integer: true,
    range: "[1, 100000000]",
    default: 512,
    meaning: "Tokens generated per request, the first one by prefill (the mean, when answers vary in length).",
    source: "assumption: 512-token answers, a chat reply; reasoning models write many more",
    distribution: false
  },
  {
    path: "serving.outputTokensCv",
    label: "Spread of answer lengths",
    type: "plain",
    range: OUTPUT_TOKENS_CV_RANGE,
    default: 0,
    meaning:
      "How much answer lengths vary: the coefficient of variation (CV) of the tokens generated per request, standard deviation ÷ mean (0: every answer the same length; 1: as spread as exponentially distributed lengths). Long answers stay in the batch longer, so the requests in flight hold more KV cache than the average request: input + output × (1 + CV²) ÷ 2 tokens each.",
    source:
      "assumption: every answer the same length (0), as the fixed-length benchmarks most of the serving calibration rests on; measured sets spread more: MLPerf Inference's Llama 3.1 405B set 0.38, Mixtral 8x7B set 0.78, OpenOrca GPT-4 answers 0.79, DeepSeek-R1 set 1.25 (per-sample lengths: openshift-psap/performance-dashboard, mlperf-data/summaries)",
    distribution: false
  },
  {
    path: "serving.cacheHit",
    label: "Share of input read from the prefix cache",
    slider: {unit: "%", scale: 100, min: 0, max: 95, step: 1},
    type: "fraction",
    range: "[0, 1)",
    default: 0,
    meaning: "Share of each prompt found in the prefix cache: no prefill compute, its KV read from HBM.",
    source:
      "assumption: no prefix caching, the conservative case; providers price cached input at about half (GPT-4o: $1.25 against $2.50 per Mtok, OpenAI pricing)",
    distribution: false
  },
  {
    path: "serving.tensorParallel",
    label: "Tensor-parallel degree",
    type: "count",
    integer: true,
    range: "[1, 1024]",
    default: 2,
    meaning:
      "Chips each attention layer and every non-expert weight is split over (tensor-parallel degree); a replica is max(tensor, expert) chips (serving.expertParallel).",
    source: "assumption: Llama 3.1 70B in FP8 (~71 GB of weights) plus its KV cache needs two 80 GB chips",
    distribution: false
  },
  {
    path: "serving.utilization",
    label: "Serving utilisation",
    slider: {unit: "%", scale: 100, min: 5, max: 100, step: 1},
    type: "fraction",
    range: SERVING_CHIP_RANGES.utilizationFraction,
    default: 0.6,
    meaning: "Fraction of each hour a chip spends serving at full batch (the rest is idle or headroom).",
    source:
      "assumption: busy 60% of each hour at full batch, leaving room for daily swings in demand and for headroom; set it per fleet",
    distribution: true
  },
  {
    path: "serving.stack",
    label: "Serving software",
    type: "choice",
    choices: SOFTWARE_STACKS,
    // "other" is a stack the model has no calibration for: "another stack" reads in prose ("runs on other" did not).
    choiceNames: {...SOFTWARE_STACK_NAMES, other: "another stack"},
    default: null,
    meaning:
      "Serving software family; with the chip's family it picks the efficiencies calibrated on published measurements (src/inference/servingCalibration.generated.ts) and the KV-cache policy. It must run on serving.hardware: trtllm on NVIDIA GPUs only, neuron on AWS Trainium and Inferentia only, the others (vllm, sglang, jax, other) on any chip, and only those on a chip of any other maker, a hypothetical one included (src/inference/stackChips.ts). When not set: trtllm on a chip it runs on, vllm on any other.",
    source:
      "when not set, assumption: TensorRT-LLM, the stack of NVIDIA's MLPerf submissions, where it runs; vLLM, which runs on every chip, elsewhere",
    distribution: false
  },
  {
    path: "serving.expertParallel",
    label: "Expert-parallel degree",
    type: "count",
    integer: true,
    range: "[1, 1024]",
    default: 1,
    meaning:
      "Chips the routed experts of an MoE model are spread over (1: experts split by tensor parallelism); a replica is max(tensor, expert) chips.",
    source: "assumption: experts split by tensor parallelism alone (dense models need nothing else)",
    distribution: false
  },
  {
    path: "serving.prefill",
    label: "Prefill placement",
    type: "choice",
    choices: ["shared", "disaggregated"],
    choiceNames: {shared: "on the decode chips", disaggregated: "on chips of its own"},
    default: "shared",
    meaning:
      "Where prompts are prefilled: shared, by each replica between its decode steps (a decode step waits while a prefill runs, as in offline benchmarks); disaggregated, on replicas of their own laid out by serving.prefillTensorParallel and serving.prefillExpertParallel, whose KV caches are handed to replicas that only decode (the transfer is not modelled). Input tokens are priced at the prefill replicas' rate and output tokens at the decode replicas'; the fleet splits its chips between them in that proportion.",
    source:
      "assumption: prefill shares the chips, as the calibration's offline benchmarks run; DeepSeek disaggregates ('Day 6: DeepSeek-V3/R1 Inference System Overview', open-infra-index, 2025), as SGLang's large-scale expert parallelism does (LMSYS, 2025)",
    distribution: false
  },
  {
    path: "serving.prefillTensorParallel",
    label: "Prefill tensor-parallel degree",
    type: "count",
    integer: true,
    range: "[1, 1024]",
    default: null,
    meaning:
      "Tensor-parallel degree of a prefill replica when serving.prefill is disaggregated; serving.tensorParallel when not set.",
    source: "the tensor-parallel degree when not set",
    distribution: false,
    follows: "serving.tensorParallel"
  },
  {
    path: "serving.prefillExpertParallel",
    label: "Prefill expert-parallel degree",
    type: "count",
    integer: true,
    range: "[1, 1024]",
    default: null,
    meaning:
      "Chips a prefill replica's routed experts are spread over when serving.prefill is disaggregated; serving.expertParallel when not set.",
    source: "the expert-parallel degree when not set",
    distribution: false,
    follows: "serving.expertParallel"
  },
  {
    path: "serving.prefillTokensPerChip",
    label: "Prefill step, new tokens per chip",
    type: "tokens",
    integer: true,
    range: "[1, 100000000]",
    default: DEFAULT_PREFILL_STEP_TOKENS_PER_CHIP,
    meaning:
      "New (uncached) prompt tokens each chip of a prefill replica computes in one prefill step when serving.prefill is disaggregated; a larger step spreads the weights' reads and the step's fixed time over more tokens.",
    source:
      "16,384 tokens per GPU, the step of DeepSeek's profiled EP32 prefill (deepseek-ai/profile-data README) and of LMSYS's (2025)",
    distribution: false
  },
  {
    path: "serving.achievableBandwidth",
    label: "Achievable HBM bandwidth",
    type: "fraction",
    range: "[0.05, 1]",
    default: null,
    meaning:
      "Fraction of peak HBM bandwidth decode reaches; overrides the calibrated value for the chip family and serving.stack when set (at least 0.05: no serving stack reaches less).",
    source: "calibrated on data/measurements.csv when not set (token-ledger calibration)",
    distribution: true
  },
  {
    path: "serving.achievableCompute",
    label: "Achievable compute",
    type: "fraction",
    range: "[0.05, 1]",
    default: null,
    meaning:
      "Fraction of dense peak FLOP/s serving matrix multiplies reach; overrides the calibrated value for the chip family and serving.stack when set (at least 0.05).",
    source: "calibrated on data/measurements.csv when not set (token-ledger calibration)",
    distribution: true
  },
  {
    path: "serving.hbmReserve",
    label: "HBM held back",
    type: "fraction",
    range: "[0, 1)",
    default: null,
    meaning:
      "Fraction of each replica's HBM held back for activations and runtime workspace; when not set, serving.stack's: TensorRT-LLM gives its KV cache 90% of the HBM left after the weights and reserves each request's whole length, other stacks hold back 10% of all HBM and count each request's live tokens.",
    source:
      "the serving software's defaults when not set: TensorRT-LLM free_gpu_memory_fraction 0.9 ('How to Change KV Cache Behavior') with its GUARANTEED_NO_EVICT scheduler; vLLM gpu_memory_utilization 0.9",
    distribution: true
  },

  // power: electricity and the facility around the chips
  {
    path: "power.electricity",
    label: "Electricity price",
    slider: {unit: "USD/kWh", scale: 1, min: 0.01, max: 0.4, step: 0.001},
    type: "energyPrice",
    range: CHIP_HOUR_COST_RANGES.electricityUsdPerKwh,
    default: 0.0826,
    meaning: "Price of electricity delivered to the facility.",
    source:
      "US industrial average 2025 of the U.S. Energy Information Administration (EIA), as in Epoch AI's code for Cottier et al. 2024, 'The rising costs of training frontier AI models' (github.com/epoch-research/training-cost-trends)",
    distribution: true
  },
  {
    path: "power.pue",
    label: "PUE",
    type: "plain",
    range: CHIP_HOUR_COST_RANGES.pue,
    default: 1.2,
    meaning: "Power usage effectiveness: facility power ÷ IT power.",
    source:
      'assumption, within SemiAnalysis\'s "Most AI Datacenter specs aim for lower than 1.3" (quoted by Epoch AI); Google and Microsoft report PUEs close to 1.1 (Patterson et al. 2021, arXiv 2104.10350, Table 4)',
    distribution: true
  },
  {
    path: "power.averageDraw",
    label: "Average power draw",
    type: "fraction",
    range: CHIP_HOUR_COST_RANGES.averageDrawFraction,
    default: 0.7,
    meaning: "Average power over the year as a fraction of peak (chip + host) power.",
    source:
      "assumption: 70% of peak power averaged over a year of serving: idle time and memory-bound decode keep chips below their TDP",
    distribution: true
  },
  {
    path: "power.hostOverhead",
    label: "Host power overhead",
    type: "fraction",
    range: CHIP_HOUR_COST_RANGES.hostPowerFraction,
    default: null,
    meaning:
      "Host, network and in-rack power per chip, as a fraction of the chip's board power; unset, each chip's catalog system power (data/hardware.csv system_power_w ÷ power_w − 1).",
    source:
      "data/hardware.csv system_power_w per chip: DGX H100 10.2 kW / 8 GPUs = 1,275 W → 0.82 (NVIDIA DGX H100 User Guide); GB200 NVL72 ~120 kW / 72 = 1,667 W → 0.39",
    distribution: true
  },

  // finance: capital, its cost, and the vendor's margin
  {
    path: "finance.costOfCapital",
    label: "Cost of capital",
    slider: {unit: "%/yr", scale: 100, min: 0, max: 30, step: 0.5},
    type: "ratePerYear",
    range: CHIP_HOUR_COST_RANGES.costOfCapitalPerYear,
    default: 0.1,
    meaning: "Cost of capital used to annualise hardware and facility spending.",
    source:
      "assumption: 10% a year, a round figure for a large technology company's cost of capital on data-centre assets",
    distribution: true
  },
  {
    path: "finance.usefulLife",
    label: "Useful life of IT equipment",
    type: "durationYears",
    range: CHIP_HOUR_COST_RANGES.usefulLifeYears,
    default: 5,
    meaning: "Years over which accelerators and their systems are recovered.",
    source: 'IT equipment life 5 years (Epoch AI, "AI data center cost breakdown", 2026)',
    distribution: true
  },
  {
    path: "finance.facilityCapexPerMw",
    label: "Facility capital per MW",
    type: "usdPerMw",
    range: CHIP_HOUR_COST_RANGES.facilityCapexUsdPerMw,
    default: 12_000_000,
    meaning: "Facility build cost (shell, power, cooling) per MW of IT load.",
    source:
      "assumption; Bernstein's GB200 NVL72 estimate ($2.5M physical infrastructure per ~120 kW rack, via investing.com) implies ~$21M/MW including power equipment",
    distribution: true
  },
  {
    path: "finance.facilityLife",
    label: "Facility life",
    type: "durationYears",
    range: CHIP_HOUR_COST_RANGES.facilityLifeYears,
    default: 14,
    meaning: "Years over which the facility is recovered.",
    source: 'Facility life 14 years (Epoch AI, "AI data center cost breakdown", 2026)',
    distribution: true
  },
  {
    path: "finance.operationsPerChipHour",
    label: "Operations per chip-hour",
    type: "usdPerHour",
    range: CHIP_HOUR_COST_RANGES.operationsUsdPerChipHour,
    default: 0.1,
    meaning: "Staff, maintenance, software and support per accelerator-hour.",
    source:
      "assumption: $0.10 per accelerator-hour of staff, maintenance, software and support. Epoch AI's 1 GW data centre spends $0.9B a year to operate, $0.6B of it on energy (epoch.ai/data-insights/ai-datacenter-cost-breakdown); the other $0.3B is about $0.06 per GPU-hour over ~600,000 GPUs at ~1.67 kW, so $0.10 sits above a hyperscale operator's (energy is charged apart, from the electricity price, PUE, average power draw and host power overhead)",
    distribution: true
  },
  {
    path: "finance.systemOverhead",
    label: "System overhead on chip price",
    type: "fraction",
    range: CHIP_HOUR_COST_RANGES.systemOverheadFraction,
    default: null,
    meaning:
      "Servers and cluster network bought with each accelerator beyond what its price includes, as a fraction of its price; unset, each chip's catalog figure (data/hardware.csv system_overhead). The custom chip's are silicon.systemCost, in USD (by default the merchant chip's, this fraction × its price).",
    source:
      "data/hardware.csv system_overhead per chip: HGX-board prices 0.50 (DGX/HGX H100 per GPU +21.8%, Epoch AI Hardware prices; then network at 19% of cluster cost, Epoch AI training-cost-trends), DGX or rack prices 0.235 (network only)",
    distribution: true
  },
  {
    path: "finance.vendorGrossMargin",
    label: "Vendor gross margin",
    slider: {unit: "%", scale: 100, min: 0, max: 90, step: 1},
    type: "fraction",
    range: CHIP_HOUR_COST_RANGES.vendorGrossMarginFraction,
    default: 0.75,
    meaning: "The hardware vendor's gross margin on the accelerator price (the inference tax).",
    source: "NVIDIA gross margin FY2025 ≈ 75% (Q2 75.1%, Q3 74.6%, Q4 73.0% GAAP; 10-Q/10-K via reportify.ai)",
    distribution: true
  },
  {
    path: "finance.discountRate",
    label: "Discount rate",
    type: "ratePerYear",
    range: SILICON_PROGRAM_RANGES.discountRatePerYear,
    default: 0.1,
    meaning: "Discount rate for net present values of programs and strategies.",
    source: "assumption: equal to the default cost of capital",
    distribution: true
  },

  // hardware: overrides of the catalog row of serving.hardware
  {
    path: "hardware.price",
    label: "Chip purchase price",
    slider: {unit: "USD", scale: 1, min: 5000, max: 80000, step: 10},
    type: "money",
    range: CHIP_HOUR_COST_RANGES.chipPriceUsd,
    default: null,
    meaning: "Purchase price of one accelerator; overrides the catalog price of serving.hardware when set.",
    source: "data/hardware.csv (price_usd) when not set",
    distribution: true
  },

  // silicon: an in-house inference chip program
  {
    path: "silicon.designCycle",
    label: "Chip design cycle",
    slider: {unit: "months", scale: 1, min: 3, max: 48, step: 1},
    type: "durationMonths",
    range: FLYWHEEL_RANGES.baseDesignCycleMonths,
    default: 18,
    meaning: "Months from program start to chips in service.",
    source:
      "assumption, within the 12–24 months reported for ASIC programs (kkwisdom.com; bcanalog.com quoting SemiEngineering)",
    distribution: true
  },
  {
    path: "silicon.respinProbability",
    label: "Respin probability",
    glossary: {words: "Respin", anchor: "mask-set"},
    slider: {unit: "%", scale: 100, min: 0, max: 100, step: 1},
    type: "fraction",
    range: SILICON_PROGRAM_RANGES.respinProbability,
    default: 0,
    meaning:
      "Chance that the first silicon fails and needs a respin, which adds silicon.respinMonths to the design cycle and silicon.respinCost to the NRE; the program's cash flows are their expected values over the two outcomes.",
    source:
      'assumption: 0, the chip program cost (NRE) and the chip design cycle taken to include any respin. The Siemens EDA / Wilson Research Group 2022 functional verification study: "only about 24 percent of today\'s projects can achieve first silicon success" (a respin probability of 0.76; 14% success in the 2024 study)',
    distribution: true
  },
  {
    path: "silicon.respinMonths",
    label: "Months a respin adds",
    type: "durationMonths",
    range: SILICON_PROGRAM_RANGES.respinMonths,
    default: CUSTOM_PROGRAM_NRE.input.respinMonths,
    meaning: "Months a respin adds to the design cycle.",
    source: CUSTOM_PROGRAM_NRE.sources.respinMonths,
    distribution: true
  },
  {
    path: "silicon.respinCost",
    label: "Cost of a respin",
    type: "money",
    range: SILICON_PROGRAM_RANGES.respinCostUsd,
    default: null,
    meaning: "What a respin costs (a second mask set); not set: the mask set of silicon.node.",
    source:
      "the mask set of the custom chip's process node when not set (src/silicon/programNre.ts MASK_SET_PRICES: N3 $40M, N5 $20M, N7 $10M, from SemiAnalysis and Alphawave via gigora.com)",
    distribution: true
  },
  {
    path: "silicon.nre",
    label: "Chip program cost (NRE)",
    glossary: {words: "NRE", anchor: "nre"},
    slider: {unit: "USD millions", scale: 1e-6, min: 10, max: 2000, step: 10},
    type: "money",
    range: SILICON_PROGRAM_RANGES.nreUsd,
    default: 150e6,
    meaning: "One-off cost of the chip program: design, IP, masks, software.",
    source: "midpoint of $100–200M for a whole AI chip program (Alphawave's Sudhir Mallya via gigora.com)",
    distribution: true
  },
  {
    path: "silicon.unitCost",
    label: "Custom chip unit cost",
    slider: {unit: "USD thousands", scale: 1e-3, min: 2, max: 40, step: 0.5},
    type: "money",
    range: CHIP_HOUR_COST_RANGES.chipPriceUsd,
    default: null,
    meaning:
      "Price the lab pays per custom chip (no merchant GPU margin); when not set, built from the die up (silicon.dieArea, silicon.node, silicon.hbmStacks, …) at silicon.partnerMargin. A scenario that inherits a unit cost (base sets $12,000) and sets a die key (silicon.dieArea, silicon.node, silicon.defectDensity, silicon.yieldClustering, silicon.hbmStacks, silicon.hbmPerStack, silicon.hbmPrice, silicon.packagingCost, silicon.testCost, silicon.boardCost) gets the price built from its die; setting a unit cost and a die key in one file is an error, except silicon.hbmStacks and silicon.hbmPerStack, which a chip given by its specs also reads (beside a unit cost and no specs they are read by nothing, and `run` lists them as not used).",
    source:
      "built from the die when not set (src/silicon/chipUnitCost.ts: wafer price ÷ good dies + HBM + packaging + test + board, ÷ (1 − partner margin))",
    distribution: true
  },
  {
    path: "silicon.dieArea",
    label: "Custom chip die area",
    slider: {unit: "mm²", scale: 1, min: 100, max: 858, step: 1},
    type: "areaMm2",
    range: CHIP_UNIT_COST_RANGES.dieAreaMm2,
    default: CUSTOM_CHIP_COST.input.dieAreaMm2,
    meaning: "Area of the custom chip's logic die, at most the 858 mm² (26 × 33 mm) reticle field.",
    source: CUSTOM_CHIP_COST.sources.dieAreaMm2,
    distribution: true
  },
  {
    path: "silicon.node",
    label: "Custom chip process node",
    type: "choice",
    choices: WAFER_NODES,
    default: "n3",
    meaning:
      "TSMC process node of the custom die; sets the wafer price (src/silicon/waferPrices.ts, each with its source).",
    source: CUSTOM_CHIP_COST.sources.priceUsdPerWafer,
    distribution: false
  },
  {
    path: "silicon.defectDensity",
    label: "Defect density",
    type: "defectsPerCm2",
    range: CHIP_UNIT_COST_RANGES.defectDensityPerCm2,
    default: CUSTOM_CHIP_COST.input.defectDensityPerCm2,
    meaning: "Killer defects per cm² of the node: with the die area it sets the die yield.",
    source: CUSTOM_CHIP_COST.sources.defectDensityPerCm2,
    distribution: true
  },
  {
    path: "silicon.yieldClustering",
    label: "Defect clustering α",
    type: "plain",
    range: CHIP_UNIT_COST_RANGES.clusteringAlpha,
    default: CUSTOM_CHIP_COST.input.clusteringAlpha,
    meaning:
      "Clustering parameter α of the negative-binomial yield (1 + area × defect density ÷ α)^−α; large α is Poisson.",
    source: CUSTOM_CHIP_COST.sources.clusteringAlpha,
    distribution: false
  },
  {
    path: "silicon.hbmStacks",
    label: "HBM stacks",
    glossary: {words: "HBM", anchor: "hbm"},
    slider: {unit: "stacks", scale: 1, min: 0, max: 12, step: 1},
    type: "count",
    integer: true,
    range: CHIP_UNIT_COST_RANGES.hbmStacks,
    default: CUSTOM_CHIP_COST.input.hbmStacks,
    meaning: "HBM stacks on the custom chip's package.",
    source: CUSTOM_CHIP_COST.sources.hbmStacks,
    distribution: false
  },
  {
    path: "silicon.hbmPerStack",
    label: "HBM per stack",
    type: "bytes",
    // From 0.1 GB (HBM1's stacks held 1 GB): a bare 24 was read as 24 bytes and showed as "usable HBM 0.0 GB" (breaker).
    range: {min: 1e8, max: 1e12},
    default: CUSTOM_CHIP_COST.input.hbmGbPerStack * 1e9,
    meaning: "Capacity of one HBM stack.",
    source: CUSTOM_CHIP_COST.sources.hbmGbPerStack,
    distribution: false
  },
  {
    path: "silicon.hbmPrice",
    label: "HBM price",
    type: "usdPerGb",
    range: CHIP_UNIT_COST_RANGES.hbmUsdPerGb,
    default: CUSTOM_CHIP_COST.input.hbmUsdPerGb,
    meaning:
      "Price of HBM per GB (decimal gigabytes). Published estimates span about $12.5–16/GB for HBM3 and HBM3E in 2024–26 (see source); no contract price is public.",
    source: CUSTOM_CHIP_COST.sources.hbmUsdPerGb,
    distribution: true
  },
  {
    path: "silicon.packagingCost",
    label: "Advanced packaging per chip",
    type: "money",
    range: CHIP_UNIT_COST_RANGES.packagingUsdPerChip,
    default: CUSTOM_CHIP_COST.input.packagingUsdPerChip,
    meaning:
      "Interposer (CoWoS-class), substrate and bonding per chip. Estimates run from about $430 for a one-die CoWoS-S package (H100) to $1,000–1,200 for a two-die CoWoS-L package (B200, Epoch AI); no foundry price is public.",
    source: CUSTOM_CHIP_COST.sources.packagingUsdPerChip,
    distribution: true
  },
  {
    path: "silicon.testCost",
    label: "Test and assembly per chip",
    type: "money",
    range: CHIP_UNIT_COST_RANGES.testAssemblyUsdPerChip,
    default: CUSTOM_CHIP_COST.input.testAssemblyUsdPerChip,
    meaning: "Final test, burn-in and assembly per chip.",
    source: CUSTOM_CHIP_COST.sources.testAssemblyUsdPerChip,
    distribution: true
  },
  {
    path: "silicon.boardCost",
    label: "Board per chip",
    type: "money",
    range: CHIP_UNIT_COST_RANGES.boardUsdPerChip,
    default: CUSTOM_CHIP_COST.input.boardUsdPerChip,
    meaning: "Module board, voltage regulators and connectors per chip.",
    source: CUSTOM_CHIP_COST.sources.boardUsdPerChip,
    distribution: true
  },
  {
    path: "silicon.relativeThroughput",
    label: "Custom chip throughput",
    slider: {unit: "× merchant", scale: 1, min: 0.3, max: 2, step: 0.05},
    type: "plain",
    multiple: true,
    range: "[0.01, 100]",
    default: 1,
    meaning:
      "Tokens per second of the custom chip relative to serving.hardware, same model and batch, when the chip is not described by silicon.chip or its specs (silicon.bf16Flops, silicon.hbmBandwidth, …); then it is derived, and setting it beside them in the same file is an error. The description set most directly wins: a `--set` over the file, the file over an ancestor's, a nearer ancestor over a farther (a scenario naming silicon.chip over its parent's relative throughput).",
    source:
      "assumption: as fast as the merchant chip on the same model (1×); the ASIC scenarios set a range of 0.8-1.2×",
    distribution: true
  },
  {
    path: "silicon.chip",
    label: "Custom chip (catalog row)",
    type: "id",
    catalog: "hardware",
    default: null,
    meaning:
      "The custom chip as a row of data/hardware.csv (or a project's rows), served by the calibrated serving model on serving.model at serving.precision; its throughput relative to serving.hardware (× silicon.servingFactor) replaces silicon.relativeThroughput. Only the row's speeds, HBM capacity and links are read: its power stays silicon.power and its price silicon.unitCost or the die keys (silicon.dieArea, silicon.hbmStacks, …), not the row's power_w or price_usd.",
    source:
      "not set: the custom chip runs at the custom chip throughput (× merchant) times the merchant chip's throughput",
    distribution: false
  },
  {
    path: "silicon.bf16Flops",
    label: "Custom chip BF16 peak",
    type: "flopsPerSecond",
    // From 1 TFLOP/s (an inference chip's least; data/hardware.csv's cells allow 0.01 up to the same 10^18): a bare
    // 1000 was read as 1,000 FLOP/s and failed on a computed value, naming neither the key nor the unit (breaker).
    range: "[1e12, 1e18]",
    default: null,
    meaning:
      "Dense BF16 peak of a custom chip given by its specs (with silicon.hbmBandwidth; its HBM is silicon.hbmStacks × silicon.hbmPerStack, its power silicon.power, its links those of serving.hardware).",
    source: "not set: no inline specs",
    distribution: false
  },
  {
    path: "silicon.fp8Flops",
    label: "Custom chip FP8 peak",
    type: "flopsPerSecond",
    // From 1 TFLOP/s (an inference chip's least; data/hardware.csv's cells allow 0.01 up to the same 10^18): a bare
    // 1000 was read as 1,000 FLOP/s and failed on a computed value, naming neither the key nor the unit (breaker).
    range: "[1e12, 1e18]",
    default: null,
    meaning: "Dense FP8 peak of a custom chip given by its specs; not set: the chip has no FP8.",
    source: "not set: no FP8",
    distribution: false
  },
  {
    path: "silicon.fp4Flops",
    label: "Custom chip FP4 peak",
    type: "flopsPerSecond",
    // From 1 TFLOP/s (an inference chip's least; data/hardware.csv's cells allow 0.01 up to the same 10^18): a bare
    // 1000 was read as 1,000 FLOP/s and failed on a computed value, naming neither the key nor the unit (breaker).
    range: "[1e12, 1e18]",
    default: null,
    meaning: "Dense FP4 peak of a custom chip given by its specs; not set: the chip has no FP4.",
    source: "not set: no FP4",
    distribution: false
  },
  {
    path: "silicon.hbmBandwidth",
    label: "Custom chip HBM bandwidth",
    type: "bytesPerSecond",
    // data/hardware.csv's hbm_tbps range, [0.01, 10,000] TB/s (a bare 3.35 was read as 3.35 bytes/s).
    range: "[1e10, 1e16]",
    default: null,
    meaning: "HBM bandwidth of a custom chip given by its specs (required with silicon.bf16Flops).",
    source: "not set: no inline specs",
    distribution: false
  },
  {
    path: "silicon.servingFactor",
    label: "Custom chip measured ÷ modelled",
    type: "plain",
    multiple: true,
    range: "[0.1, 10]",
    default: 1,
    meaning:
      "Tokens/s a custom chip given by silicon.chip or its specs would measure ÷ what the calibrated serving model gives it: multiplies its derived throughput. Only read with silicon.chip or inline specs.",
    source: `assumption: 1, the calibrated model's estimate. For a chip nobody has measured the stated prior is the calibration's band on systems held out of its fit, squared: ${UNMEASURED_CHIP_PRIOR.p10.toFixed(2)} to ${UNMEASURED_CHIP_PRIOR.p90.toFixed(2)} between its 10th and 90th percentiles (src/inference/unmeasuredChipPrior.ts), i.e. the 90% interval \`${UNMEASURED_CHIP_PRIOR.interval90.low.toFixed(2)} to ${UNMEASURED_CHIP_PRIOR.interval90.high.toFixed(2)}\` of the lognormal through them`,
    distribution: true
  },
  {
    path: "silicon.systemCost",
    label: "Server and network per custom chip",
    type: "money",
    range: "[0, 1e6]",
    default: null,
    meaning:
      "Server and cluster network bought with each custom chip, in USD rather than as a fraction of its price; not set: what the merchant chip comes with (its price × its system overhead), or the custom chip's price × that fraction when the custom chip is dearer.",
    source:
      "not set: the serving accelerator's figure, $31,120 × 0.50 = $15,560 per HGX H100 (data/hardware.csv: DGX vs HGX per GPU +21.8%, Epoch AI Hardware prices; network at 19% of cluster cost, Epoch AI training-cost-trends); assumption: the custom chip is installed in the same kind of server and network",
    distribution: true
  },
  {
    path: "silicon.power",
    label: "Custom chip power",
    type: "power",
    range: CHIP_HOUR_COST_RANGES.chipPowerW,
    default: 600,
    meaning: "Board power (TDP) of the custom chip.",
    source:
      "assumption: 600 W, between Trainium2's ~500 W (Epoch AI chip database citing SemiAnalysis) and an H100's 700 W",
    distribution: true
  },
  {
    path: "silicon.utilization",
    label: "Custom chip utilisation",
    type: "fraction",
    range: SERVING_CHIP_RANGES.utilizationFraction,
    default: 0.7,
    meaning: "Fraction of each hour the custom chip spends serving.",
    source: "assumption: a single-purpose in-house fleet runs busier than the serving utilisation",
    distribution: true
  },

  // demand: who uses the tokens
  {
    path: "demand.users",
    label: "Users",
    type: "count",
    countOf: "users",
    range: TRAINING_VS_INFERENCE_RANGES.initialUsers,
    default: 100_000_000,
    meaning: "Active users at the start of the horizon.",
    source: "assumption: 100 million daily users, the order of one leading lab's products; set it per lab",
    distribution: true
  },
  {
    path: "demand.tokensPerUserPerDay",
    label: "Tokens per user per day",
    type: "tokens",
    range: TRAINING_VS_INFERENCE_RANGES.tokensPerUserPerDay,
    default: 5000,
    meaning: "Tokens generated per user per day without agents.",
    source:
      "assumption: 5,000 tokens (prompt and answer) a day per user, a few chat exchanges: 0.5 trillion tokens a day at the default users, against Google's reported ~16 trillion a day across its products (Google I/O, May 2025)",
    distribution: true
  },
  {
    path: "demand.agentMultiplier",
    label: "Agent multiplier",
    slider: {unit: "×", scale: 1, min: 1, max: 100, step: 0.5},
    type: "plain",
    multiple: true,
    range: TRAINING_VS_INFERENCE_RANGES.agentCallsPerTask,
    default: 1,
    meaning: "Factor by which agents multiply the tokens each user consumes.",
    source: "assumption: one model call per task (plain chat, no agents)",
    distribution: true
  },
  {
    path: "demand.growthPerYear",
    label: "User growth",
    slider: {unit: "%/yr", scale: 100, min: 0, max: 200, step: 1},
    type: "ratePerYear",
    range: TRAINING_VS_INFERENCE_RANGES.userGrowthPerYear,
    default: 1,
    meaning: "Growth of users per year (1 = doubles each year).",
    source: "assumption: users double each year, an early-market pace; the base scenario uses 30%",
    distribution: true
  },
  {
    path: "demand.tokensPerUserGrowth",
    label: "Tokens-per-user growth",
    type: "ratePerYear",
    range: TRAINING_VS_INFERENCE_RANGES.tokensPerUserGrowthPerYear,
    default: 0.5,
    meaning: "Growth of tokens per user per day, per year (longer contexts, reasoning).",
    source: "assumption: 50% more tokens per user each year as contexts lengthen and reasoning models write more",
    distribution: true
  },
  {
    path: "demand.agentGrowth",
    label: "Agent multiplier growth",
    type: "ratePerYear",
    range: TRAINING_VS_INFERENCE_RANGES.agentCallsGrowthPerYear,
    default: 1,
    meaning: "Growth of the agent multiplier (model calls per task), per year.",
    source: "assumption: model calls per task double each year once agents are in use (no effect at a multiplier of 1)",
    distribution: true
  },
  {
    path: "demand.inputShare",
    label: "Input share of tokens",
    type: "fraction",
    range: "[0, 1)",
    default: 0.75,
    meaning:
      "Share of demanded tokens that are input (prompt) tokens, priced at the input cost; the rest are output tokens.",
    source: "assumption: chat and agent workloads read several prompt tokens for each token they write",
    distribution: true
  },

  // training: a frontier pre-training run
  {
    path: "training.tokens",
    label: "Training tokens",
    type: "tokens",
    range: "(0, 100000000000000000]",
    default: 15e12,
    meaning: "Pre-training tokens of one model generation.",
    source: `Llama 3 405B: pre-trained on over 15T tokens (${LLAMA_3})`,
    distribution: true
  },
  {
    path: "training.mfu",
    label: "Training MFU",
    type: "fraction",
    range: "[0.01, 1]",
    default: 0.4,
    meaning: "Model FLOPs utilisation of the training cluster.",
    source: `Llama 3 405B reached 38–43% BF16 MFU on 8k–16k H100s (${LLAMA_3})`,
    distribution: true
  },
  {
    path: "training.chips",
    label: "Training cluster size",
    type: "count",
    integer: true,
    range: "[1, 100000000]",
    default: 16384,
    meaning: "Accelerators in the training cluster.",
    source: `Llama 3 405B trained on up to 16,384 H100s (${LLAMA_3})`,
    distribution: false
  },

  {
    path: "training.goodput",
    label: "Training goodput",
    type: "fraction",
    range: TRAINING_RUN_RANGES.goodputFraction,
    default: DEFAULT_GOODPUT_FRACTION,
    meaning:
      "Share of the training cluster's time that trains (effective training time): whole-run chip-hours are steady-state chip-hours ÷ goodput.",
    source: `Llama 3 405B: "higher than 90% effective training time" on 16K H100s (${LLAMA_3}, §3.3.4)`,
    distribution: true
  },
  {
    path: "training.sequenceLength",
    label: "Training sequence length",
    type: "tokens",
    integer: true,
    range: "[1, 100000000]",
    default: 8192,
    meaning: "Sequence length of pre-training, which sets the causal attention FLOPs beside 6·N·D.",
    source: `Llama 3 405B pre-trained at an 8K-token sequence length before long-context training (${LLAMA_3}, §3.4)`,
    distribution: false
  },

  // spend over time: model generations and the falling cost of serving
  {
    path: "serving.costDeclinePerYear",
    label: "Serving cost decline",
    slider: {unit: "%/yr", scale: 100, min: 0, max: 90, step: 1},
    type: "ratePerYear",
    range: TRAINING_VS_INFERENCE_RANGES.servingCostDeclinePerYear,
    default: 0.5,
    meaning: "Rate at which the cost per token falls each year (hardware, kernels, distillation).",
    source:
      "assumption: the cost of a token of a fixed model halves each year (newer hardware, kernels, quantisation); the base scenario uses 20% for a frontier model, whose size keeps growing",
    distribution: true
  },
  {
    path: "training.hardware",
    label: "Training accelerator",
    type: "id",
    catalog: "hardware",
    default: null,
    meaning: "Accelerator id the training cluster uses; serving.hardware when not set.",
    source: "the serving accelerator when not set",
    distribution: false,
    follows: "serving.hardware"
  },
  {
    path: "training.model",
    label: "Model trained",
    type: "id",
    catalog: "models",
    default: null,
    meaning: "Model id each generation's training run is costed as (the frontier model); serving.model when not set.",
    source: "the model served when not set",
    distribution: false,
    follows: "serving.model"
  },
  {
    path: "training.spendMultiplier",
    label: "Training spend multiplier",
    type: "plain",
    multiple: true,
    range: "[1, 1000]",
    default: 1,
    meaning:
      "Training compute spent per generation as a multiple of the final run's cost (experiments, ablations, restarts).",
    source: "assumption: 1 counts the final run alone",
    distribution: true
  },
  {
    path: "training.firstGenerationSpend",
    label: "First generation's training spend",
    type: "money",
    range: "[0, 1e13]",
    default: null,
    meaning:
      "Training compute spent on the first generation, final run and experiments together, when it is known rather than built up: replaces training.spendMultiplier × the modelled run's cost. Later generations grow from it by training.costGrowth.",
    source:
      "unset: the training spend multiplier × the cost of the run that the model trained, the training tokens and the training cluster size describe",
    distribution: true
  },
  {
    path: "training.cadence",
    label: "Generation cadence",
    type: "durationMonths",
    integer: true,
    range: TRAINING_VS_INFERENCE_RANGES.generationCadenceMonths,
    default: 12,
    meaning: "Months between the starts of successive model generations' training runs.",
    source: "assumption: one frontier generation a year",
    distribution: false
  },
  {
    path: "training.runMonths",
    label: "Training run length",
    type: "durationMonths",
    integer: true,
    range: TRAINING_VS_INFERENCE_RANGES.trainingRunMonths,
    default: 4,
    meaning: "Months one training run lasts; its cost is spread evenly over them.",
    source: "assumption: about four months of cluster time per frontier pre-training run",
    distribution: false
  },
  {
    path: "training.costGrowth",
    label: "Training cost growth per generation",
    slider: {unit: "×", scale: 1, min: 0.5, max: 5, step: 0.1},
    type: "plain",
    multiple: true,
    range: TRAINING_VS_INFERENCE_RANGES.trainingCostGrowthPerGeneration,
    default: 2.4,
    meaning: "Factor by which each generation's training cost exceeds the previous one's.",
    source: 'Cottier et al., "The rising costs of training frontier AI models" (Epoch AI, 2024): ~2.4× a year',
    distribution: true
  },

  // silicon program: ramp and margin
  {
    path: "silicon.rampMonths",
    label: "Custom chip ramp",
    type: "durationMonths",
    range: SILICON_PROGRAM_RANGES.deploymentRampMonths,
    default: 6,
    meaning: "Months over which custom chips ramp from none to all of demand after the design cycle.",
    source:
      "assumption: six months from the first production chips to all of demand: volume ramp, fleet build-out and software qualification",
    distribution: true
  },
  {
    path: "silicon.partnerMargin",
    label: "Design partner's margin",
    slider: {unit: "%", scale: 100, min: 0, max: 60, step: 1},
    type: "fraction",
    range: INFERENCE_TAX_RANGES.inHouseMarginFraction,
    default: 0,
    meaning: "Gross margin paid on each custom chip (0 = at cost; a design partner's margin otherwise).",
    source:
      "assumption: bought at cost, the lab designing the chip itself and paying the foundry, packaging and memory directly",
    distribution: true
  },

  // pricing: a provider's price menu (src/tco/priceList.ts)
  {
    path: "pricing.inputCacheHit",
    label: "Price of cached input tokens",
    slider: {unit: "USD/Mtok", scale: 1, min: 0, max: 5, step: 0.01},
    type: "usdPerMTok",
    range: PRICE_LIST_RANGES.inputCacheHitUsdPerMTok,
    default: 1.25,
    meaning: "List price of a million input tokens found in the prefix cache.",
    source: "GPT-4o cached input $1.25 per Mtok (OpenAI API pricing, platform.openai.com/docs/pricing)",
    distribution: true
  },
  {
    path: "pricing.inputCacheMiss",
    label: "Price of input tokens (not cached)",
    slider: {unit: "USD/Mtok", scale: 1, min: 0.05, max: 10, step: 0.01},
    type: "usdPerMTok",
    range: PRICE_LIST_RANGES.inputCacheMissUsdPerMTok,
    default: 2.5,
    meaning: "List price of a million input tokens not in the prefix cache.",
    source: "GPT-4o input $2.50 per Mtok (OpenAI API pricing, platform.openai.com/docs/pricing)",
    distribution: true
  },
  {
    path: "pricing.output",
    label: "Price of output tokens",
    slider: {unit: "USD/Mtok", scale: 1, min: 0.1, max: 20, step: 0.01},
    type: "usdPerMTok",
    range: PRICE_LIST_RANGES.outputUsdPerMTok,
    default: 10,
    meaning: "List price of a million output tokens (reasoning tokens are billed as output).",
    source: "GPT-4o output $10.00 per Mtok (OpenAI API pricing, platform.openai.com/docs/pricing)",
    distribution: true
  },
  {
    path: "pricing.batchShare",
    label: "Batch-tier share",
    type: "fraction",
    range: PRICE_LIST_RANGES.batchShareFraction,
    default: 0,
    meaning: "Share of tokens sold on the batch tier (asynchronous, discounted).",
    source: "assumption: no batch tier unless the scenario sets one",
    distribution: true
  },
  {
    path: "pricing.batchDiscount",
    label: "Batch-tier discount",
    type: "fraction",
    range: PRICE_LIST_RANGES.batchDiscountFraction,
    default: 0.5,
    meaning: "Discount of the batch tier off the list price.",
    source: "OpenAI Batch API: 50% off the list price (OpenAI API pricing, platform.openai.com/docs/pricing)",
    distribution: false
  },
  {
    path: "pricing.priorityShare",
    label: "Priority-tier share",
    type: "fraction",
    range: PRICE_LIST_RANGES.priorityShareFraction,
    default: 0,
    meaning: "Share of tokens sold on the priority tier (batch share + priority share at most 1).",
    source: "assumption: no priority tier unless the scenario sets one",
    distribution: true
  },
  {
    path: "pricing.priorityPremium",
    label: "Priority-tier premium",
    type: "fraction",
    range: PRICE_LIST_RANGES.priorityPremiumFraction,
    default: 0,
    meaning: "Premium of the priority tier over the list price.",
    source: "assumption: none (no published premium found); set it with the priority-tier share",
    distribution: false
  },

  // fleet: one day of serving, priced on the menu (src/tco/priceList.ts)
  {
    path: "fleet.inputTokensPerDay",
    label: "Input tokens per day",
    type: "tokens",
    range: PRICE_LIST_RANGES.tokens,
    default: null,
    meaning: "Input tokens the fleet reads in a day, cache hits included.",
    source:
      "the first day's demand (users × tokens per user per day × the agent multiplier at month 1, before growth) × the input share of tokens when not set",
    distribution: true
  },
  {
    path: "fleet.outputTokensPerDay",
    label: "Output tokens per day",
    type: "tokens",
    range: PRICE_LIST_RANGES.tokens,
    default: null,
    meaning: "Output tokens (reasoning included) the fleet writes in a day.",
    source: "the first day's demand (month 1, before growth) × (1 − the input share of tokens) when not set",
    distribution: true
  },
  {
    path: "fleet.chips",
    label: "Chips serving (daily average)",
    type: "count",
    // At least one chip: a fleet of 1e-320 chips costs nothing, and the cost profit margin divided by it (breaker).
    range: "[1, 100000000]",
    default: null,
    meaning: "Average number of chips serving over the day (at least 1; fractional for a day's average).",
    source:
      "sized by the serving model when not set: tokens per day ÷ (blended tokens/s per chip × 86,400 × the serving utilisation)",
    distribution: true
  },
  {
    path: "fleet.chipHourPrice",
    label: "Rented price of a chip-hour",
    glossary: {words: "chip-hour", anchor: "chip-hour"},
    slider: {unit: "USD/h", scale: 1, min: 0.5, max: 6, step: 0.05},
    type: "usdPerHour",
    // A cent an hour at least, far below any rented accelerator-hour: a price near 0 (1e-320) made the day cost nothing
    // and the cost profit margin NaN (breaker).
    range: "[0.01, 10000]",
    default: null,
    meaning:
      "What one chip-hour of the serving fleet costs when it is rented (at least 0.01 USD; leave it unset for owned chips). When set, every serving cost is priced from it: the cost per token, the inference bill over the horizon and the fleet's daily cost (chips × this × 24); the inference-tax and custom-silicon comparisons still price owned chips.",
    source:
      "unset: the chips are owned, and a chip-hour costs the owned chip-hour of the serving accelerator (src/tco/chipHourCost.ts)",
    distribution: true
  },

  // market and moat: model lead vs cost lead
  {
    path: "market.price",
    label: "Market token price",
    type: "usdPerMTok",
    range: MOAT_RANGES.marketPriceUsdPerMTok,
    default: 2,
    meaning: "Market price of a million tokens (blended input and output) at the start.",
    source:
      "assumption: about GPT-4o's Batch API price at the default 75% input share of tokens, $2.19 (half of 0.75 × $2.50 in + 0.25 × $10 out; OpenAI API pricing, platform.openai.com/docs/pricing): a bulk price, below the $4.38 its list prices give at that share",
    distribution: true
  },
  {
    path: "market.priceDeclinePerYear",
    label: "Market price decline",
    type: "ratePerYear",
    range: MOAT_RANGES.priceDeclinePerYear,
    default: 0.4,
    meaning: "Rate at which the market price of tokens falls each year.",
    source: "assumption: conservative against Epoch AI's reported falls in inference prices (2025)",
    distribution: true
  },
  {
    path: "moat.pricePremium",
    label: "Model-lead price premium",
    slider: {unit: "%", scale: 100, min: 0, max: 100, step: 1},
    type: "fraction",
    range: MOAT_RANGES.modelLeadPricePremiumFraction,
    default: 0.3,
    meaning: "Price premium a full model lead commands, as a fraction of the market price.",
    source:
      "assumption: a 30% premium for the leading model; list prices of frontier and smaller models differ far more (GPT-4o $2.50/$10 against GPT-4o mini $0.15/$0.60 per Mtok in/out, OpenAI pricing), but a rival of similar quality caps what a lead can charge",
    distribution: true
  },
  {
    path: "moat.volumeGain",
    label: "Model-lead volume gain",
    type: "fraction",
    range: MOAT_RANGES.modelLeadVolumeGainFraction,
    default: 0.2,
    meaning: "Extra volume a full model lead wins, as a fraction of baseline volume.",
    source: "assumption: the leading model wins 20% more volume while it leads",
    distribution: true
  },
  {
    path: "moat.catchUpMonths",
    label: "Time for competitors to catch up",
    slider: {unit: "months", scale: 1, min: 0, max: 36, step: 0.5},
    type: "durationMonths",
    range: MOAT_RANGES.catchUpMonths,
    default: 6,
    meaning: "Months until competitors have fully caught up with a model lead.",
    source:
      "assumption: 6 months, between the lag Epoch AI measures for the best open-weight models behind the state of the art (about 4 months, epoch.ai/data-insights/open-closed-eci-gap, May 2026) and its earlier estimate of about a year (How Far Behind Are Open Models?, 2024)",
    distribution: true
  },
  {
    path: "moat.costAdvantage",
    label: "Cost-per-token advantage",
    slider: {unit: "%", scale: 100, min: 0, max: 80, step: 1},
    type: "fraction",
    range: MOAT_RANGES.costAdvantageFraction,
    default: null,
    meaning:
      "Structural cost-per-token advantage, as a fraction of the baseline cost; when not set, the custom chip's saving over serving.hardware.",
    source: "derived from the silicon program when not set",
    distribution: true
  },

  // flywheel: better models → faster chip design → cheaper tokens → more users and data
  {
    path: "flywheel.addressableUsers",
    label: "Addressable users",
    type: "count",
    countOf: "users",
    range: FLYWHEEL_RANGES.initialAddressableUsers,
    default: 300_000_000,
    meaning:
      "Users who would use the product at the starting cost per token: at least demand.users (a smaller value written is an error; left at its default, it is raised to demand.users where that is larger; with either drawn, each draw takes the larger, and a range wholly below is an error).",
    source:
      "assumption: three times the default users: people who would use the product at today's cost per token if it were offered to them",
    distribution: true
  },
  {
    path: "flywheel.usersCap",
    label: "Addressable users cap",
    type: "count",
    countOf: "users",
    range: FLYWHEEL_RANGES.addressableUsersCap,
    default: 5_000_000_000,
    meaning:
      "Most users the market can ever hold: at least flywheel.addressableUsers (a smaller value written is an error; left at its default, it is raised to flywheel.addressableUsers where that is larger; with either drawn, each draw takes the larger, and a range wholly below is an error).",
    source: 'assumption: ~5.5 billion people online (ITU, "Facts and Figures 2024"), rounded down',
    distribution: true
  },
  {
    path: "flywheel.adoptionRate",
    label: "Adoption rate",
    type: "fraction",
    range: FLYWHEEL_RANGES.adoptionRatePerMonth,
    default: 0.1,
    meaning: "Monthly growth of users while the market is far from full (logistic adoption rate).",
    source: "assumption: users grow 10% a month while the market is far from full (logistic adoption)",
    distribution: true
  },
  {
    path: "flywheel.costElasticity",
    label: "Market elasticity to cost",
    // An exponent, not a multiple: no "×" (the table writes it bare; new-user trial).
    slider: {unit: "", scale: 1, min: 0, max: 2, step: 0.05},
    type: "plain",
    range: FLYWHEEL_RANGES.addressableUsersElasticityToCost,
    default: 0.5,
    meaning: "Elasticity of addressable users to the cost per token (users ∝ cost^−elasticity).",
    source: "assumption: halving the cost per token grows the addressable market by 2^0.5, about 1.4×",
    distribution: true
  },
  {
    path: "flywheel.dataCapture",
    label: "Data captured per token",
    type: "fraction",
    range: FLYWHEEL_RANGES.dataCaptureFraction,
    default: 0.01,
    meaning: "Fraction of tokens served that is kept as training data.",
    source: "assumption: 1% of tokens served are kept as usable training data (consented and filtered)",
    distribution: true
  },
  {
    path: "flywheel.initialData",
    label: "Initial data",
    type: "tokens",
    range: FLYWHEEL_RANGES.initialDataTokens,
    default: 0,
    meaning: "Product data held at the start.",
    source: "assumption: no product data at the start: the loop starts empty",
    distribution: true
  },
  {
    path: "flywheel.referenceData",
    label: "Reference data",
    type: "tokens",
    range: FLYWHEEL_RANGES.referenceDataTokens,
    default: 1_000_000_000_000,
    meaning:
      "Data scale at which product data starts to improve the model (quality rises per doubling of data + this).",
    source:
      "assumption: 10^12 tokens, below the scale of one frontier pre-training corpus (Llama 3: 15.6T tokens), so product data adds little until it is that large",
    distribution: true
  },
  {
    path: "flywheel.qualityPerDataDoubling",
    label: "Quality per data doubling",
    // In the file's and the tables' unit (0.05 of the starting quality), not as a percentage: the slider read "5"
    // beside the assumptions table's 0.05 for the same key (new-user trial).
    slider: {unit: "× starting quality", scale: 1, min: 0, max: 0.5, step: 0.01},
    type: "plain",
    range: FLYWHEEL_RANGES.qualityGainPerDataDoubling,
    default: 0.05,
    meaning: "Model quality gained per doubling of data, as a share of the starting quality (quality starts at 1).",
    source:
      "assumption: quality 5% above its start per doubling of data (0.05), a stylised scaling-law slope (no published figure maps data to chip-design quality)",
    distribution: true
  },
  {
    path: "flywheel.cycleShorteningPerQuality",
    label: "Design speed-up per quality gain",
    // A coefficient (L = L₀ ÷ (1 + k × (Q − 1))), not a multiple: no "×", as the table writes it.
    slider: {unit: "", scale: 1, min: 0, max: 10, step: 0.1},
    type: "plain",
    range: FLYWHEEL_RANGES.designCycleShorteningPerQualityPoint,
    default: 1,
    meaning:
      "How strongly a quality gain shortens chip design, k (no unit): cycle = silicon.designCycle ÷ (1 + k × (quality − 1)).",
    source:
      "assumption: design time inversely proportional to model quality (k = 1): a model twice as good halves the cycle, down to the shortest design cycle",
    distribution: true
  },
  {
    path: "flywheel.minDesignCycle",
    label: "Shortest design cycle",
    type: "durationMonths",
    range: FLYWHEEL_RANGES.minDesignCycleMonths,
    default: 9,
    meaning: "Shortest design cycle better models can bring chip design to (capped at silicon.designCycle).",
    source:
      "assumption: 9 months, a short cycle; ASIC schedules on record are 12-24 months (kkwisdom.com; bcanalog.com quoting SemiEngineering), so 9 is a target, not a record",
    distribution: true
  },
  {
    path: "flywheel.costReductionPerGeneration",
    label: "Cost cut per chip generation",
    slider: {unit: "%", scale: 100, min: 0, max: 60, step: 1},
    type: "fraction",
    range: FLYWHEEL_RANGES.costReductionPerChipGeneration,
    default: 0.3,
    meaning: "Fraction by which each new chip generation cuts the cost per token.",
    source: "assumption: each chip generation cuts the cost per token by 30%",
    distribution: true
  },

  // horizon: how far time-stepped models run
  {
    path: "horizon.months",
    label: "Horizon",
    slider: {unit: "months", scale: 1, min: 6, max: 120, step: 6},
    type: "durationMonths",
    integer: true,
    range: SILICON_PROGRAM_RANGES.horizonMonths,
    default: 60,
    meaning: "Months simulated by time-stepped models (spend over time, silicon program, moat, flywheel).",
    source: "assumption: one useful life of the hardware (5 years)",
    distribution: false
  }
] as const satisfies readonly ScenarioKeyDef[];

/** A key path of SCENARIO_KEYS (`"serving.utilization"`). */
export type ScenarioPath = (typeof SCENARIO_KEYS)[number]["path"];

/** The top-level keys that are not assumptions. */
export const RESERVED_KEYS = [
  {
    key: "id",
    meaning:
      `Scenario id; defaults to the file name without its extension (${MARKDOWN_EXTENSION_WORDS}). Other scenarios ` +
      "extend it by this id. ASCII letters, " +
      "digits, `.`, `_` and `-`, starting with a letter or digit; a file named otherwise (`ñandu.md`) must set `id:`."
  },
  {key: "title", meaning: "Title shown on the scenario's page; defaults to the id."},
  {
    key: "label",
    meaning:
      "Short name for charts that draw several scenarios side by side (their legends and bar labels), at most " +
      "24 characters; defaults to the id. Not inherited. Like title and description, it may not hold control, " +
      "direction-changing or zero-width characters; a zero-width joiner or non-joiner only inside an emoji " +
      "sequence (👩‍💻) or between letters of a word that uses it (Persian, Indic scripts)."
  },
  {key: "description", meaning: "One-paragraph summary shown in scenario lists."},
  {key: "extends", meaning: "Id of a scenario to inherit from: every key not set here takes the parent's value."},
  {
    key: "sources",
    meaning:
      'Map of key path → where this file\'s value comes from (`sources: {power.pue: "Meta 2022 sustainability report"}`). ' +
      "Only keys this file sets: a source describes this file's value, not an inherited one. Shown as written, it " +
      "may span lines but not hold control, direction-changing or zero-width characters, as a title may not."
  }
] as const;

export type ReservedKey = (typeof RESERVED_KEYS)[number]["key"];

/**
 * Longest `label:` a scenario may have, in characters a reader sees (grapheme clusters, visibleLength): the width
 * /compare's charts give a scenario's name.
 */
export const SCENARIO_LABEL_MAX_CHARS = 24;

const KEYS_BY_PATH = new Map<string, ScenarioKeyDef>(SCENARIO_KEYS.map((def) => [def.path, def]));
const RANGES = new Map<string, NumberRange>();
for (const def of SCENARIO_KEYS as readonly ScenarioKeyDef[]) {
  if (KEYS_BY_PATH.get(def.path) !== def) throw new Error(`scenario key ${def.path} is defined twice`);
  if (def.range !== undefined) RANGES.set(def.path, typeof def.range === "string" ? parseRange(def.range) : def.range);
}

/** Every key path, in table order. */
export const SCENARIO_KEY_PATHS: readonly string[] = SCENARIO_KEYS.map((def) => def.path);

/** Every group path (proper prefix of a key path: `serving`, `strategy.moat`), in table order. */
export const SCENARIO_GROUPS: readonly string[] = [
  ...new Set(
    SCENARIO_KEY_PATHS.flatMap((path) => {
      const parts = path.split(".");
      return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join("."));
    })
  )
];
const GROUP_SET = new Set(SCENARIO_GROUPS);

/** The key paths under `group` (`horizon` → [horizon.months]), in reference order; [] for a name that is no group. */
export function groupKeyPaths(group: string): string[] {
  return SCENARIO_KEY_PATHS.filter((path) => path.startsWith(`${group}.`));
}

/** The definition of a key path, or undefined if there is none. */
export function scenarioKey(path: string): ScenarioKeyDef | undefined {
  return KEYS_BY_PATH.get(path);
}

/**
 * The key whose value `path` takes in a scenario: the key it follows (schema `follows`: an unset training.hardware
 * takes serving.hardware's chip) when the scenario leaves it unset, else `path` itself. The one home of that rule:
 * bindScenario binds catalog rows by it, `compare` and /compare compare values by it.
 */
export function keyValueComesFrom(path: string, isSet: boolean): string {
  const follows = KEYS_BY_PATH.get(path)?.follows;
  return isSet || follows === undefined ? path : follows;
}

export function isScenarioGroup(path: string): boolean {
  return GROUP_SET.has(path);
}

export function isReservedKey(key: string): key is ReservedKey {
  return RESERVED_KEYS.some((reserved) => reserved.key === key);
}

/** The key's allowed values, in base units. */
export function keyRange(def: ScenarioKeyDef): NumberRange {
  return RANGES.get(def.path) ?? ANY_NUMBER;
}

/** True for keys whose value is a number in a dimension (not an id or a choice). */
export function isQuantityKey(def: ScenarioKeyDef): def is ScenarioKeyDef & {type: Dimension} {
  return def.type !== "id" && def.type !== "choice";
}

/**
 * Every key's default, by path (numbers in base units, ids, choices, or null for an optional override): the values a
 * command uses for what its flags do not set, so that a command and a scenario file agree on every default.
 */
export function schemaDefaults(): Readonly<Record<string, number | string | null>> {
  return Object.fromEntries(SCENARIO_KEYS.map((def) => [def.path, def.default]));
}
