import type {Command} from "commander";
import {
  addCustomChipOptions,
  addCustomModelOptions,
  resolveChipFlags,
  resolveModelFlags,
  type CustomChipFlags,
  type CustomModelFlags
} from "../customSpecs.js";
import {UserError} from "../../errors/userError.js";
import {calibratedBandNote} from "../../inference/calibratedBandNote.js";
import {calibratedEfficiencies} from "../../inference/calibratedEfficiencies.js";
import {SOFTWARE_STACKS, type SoftwareStack} from "../../inference/calibration/measurement.js";
import {
  KV_CACHE_DTYPES,
  kvBytesPerElementFor,
  kvCacheDtypeFor,
  PRECISIONS,
  type KvCacheDtype,
  type Precision
} from "../../inference/precision.js";
import {defaultServingPrecision, ServingSettingError, type ServingSetting} from "../../inference/servingChecks.js";
import type {PrefillReplica} from "../../inference/prefillReplica.js";
import {defaultStackFor, PREFERRED_STACK} from "../../inference/stackChips.js";
import {CHIP_HOUR_COMPONENT_NAMES, CHIP_HOUR_COMPONENTS, type ChipHourComponent} from "../../tco/chipHourCost.js";
import {formatPercent, formatPriceNumber, formatRate} from "../../scenario/run/reportFormat.js";
import {METRIC_INFO} from "../../scenario/evaluate/metricInfo.js";
import {catalogChipHour, sharedOwnership} from "../../scenario/evaluate/ownershipInput.js";
import {schemaDefaults} from "../../scenario/file/schema.js";
import {num} from "../../scenario/evaluate/modelKeys.js";
import {evaluateServing} from "../../tco/evaluateServing.js";
import {CHIP_HOUR_COST_RANGES} from "../../strategy/servingChip.js";
import {loadCatalogs, noteCatalogOverrides} from "../../node/catalogFiles.js";
import {keyFlag, oneOf, rangeFlag} from "../flags.js";
import {HARDWARE_CELL_RANGES} from "../../catalog/parseHardwareCsv.js";
import {formatKeyValues, formatNumber, formatTable, wrapProse} from "../table.js";
import {countNoun} from "../../units/countNoun.js";
import {groupThousands} from "../../units/groupThousands.js";

interface InferenceOptions extends CustomModelFlags, CustomChipFlags {
  /** Unset: the chip's default (defaultServingPrecision; fp8 for a custom chip, whose --peak-flops is in fp8). */
  precision?: Precision;
  /** Unset: the precision's default (kvBytesPerElementFor: fp8 under fp8 or fp4 weights, bf16 under bf16). */
  kvCache?: KvCacheDtype;
  batch: number;
  inputTokens: number;
  outputTokens: number;
  /** Unset: the schema's serving.outputTokensCv default (0, every answer the same length). */
  outputTokensCv?: number;
  cacheHit: number;
  tp: number;
  ep: number;
  /** Unset: shared (the schema's serving.prefill default). */
  prefill?: "shared" | "disaggregated";
  /** Unset: --tp's (the schema's serving.prefillTensorParallel follows serving.tensorParallel). */
  prefillTp?: number;
  /** Unset: --ep's. */
  prefillEp?: number;
  /** Unset: the schema's serving.prefillTokensPerChip default. */
  prefillTokens?: number;
  utilization: number;
  electricity: number;
  pue: number;
  chipPrice?: number;
  hourlyPrice?: number;
  rent?: boolean;
  /** Absent: defaultStackFor the chip. */
  stack?: SoftwareStack;
  json?: boolean;
}

/** Flag name for each setting a ServingProblem can name. */
const PROBLEM_FLAGS: Record<ServingSetting, string> = {
  precision: "--precision",
  stack: "--stack",
  batch: "--batch",
  tensorParallel: "--tp",
  expertParallel: "--ep",
  inputTokens: "--input-tokens",
  outputTokens: "--output-tokens",
  outputTokensCv: "--output-tokens-cv",
  cacheHitFraction: "--cache-hit",
  prefillTensorParallel: "--prefill-tp",
  prefillExpertParallel: "--prefill-ep",
  prefillStepTokens: "--prefill-tokens"
};

/** Every default the flags use: the scenario schema's (src/scenario/file/schema.ts), so a flag and a key agree. */
const DEFAULTS = schemaDefaults();
const numberDefault = (path: string) => num(DEFAULTS[path], path);

const HELP_AFTER = `
A request has --input-tokens prompt tokens (a --cache-hit share of them found in the prefix cache) and generates
--output-tokens tokens. A replica of max(--tp, --ep) chips serves --batch requests at a time. A decode step reads each
sequence's KV cache at its mean live length (input + output ÷ 2; with answers of varied length, --output-tokens-cv
above 0, long answers crowd the batch: input + output × (1 + CV²) ÷ 2). The largest batch that fits follows --stack's
KV-cache policy: trtllm gives its KV cache 90% of the HBM left after the weights and reserves each request's whole
length, input + output (the live length in flight where that is more, past CV 1), when it admits it; the other stacks hold back 10% of all HBM and count the mean live length
(hbmReserveFraction and kvAdmission in --json).

Throughput (JSON keys):
  outputTokensPerSecondPerChip     output tokens/s per chip over whole requests, prefill included (what offline
                                   benchmarks such as MLPerf Offline measure)
  outputTokensPerSecondPerReplica  the same per replica (--prefill disaggregated: one decode replica's)
  decodeTokensPerSecondPerChip     output tokens/s per chip counting decode steps only (not whole requests)
  requestsPerSecondPerReplica      requests completed per second by one replica
Latency:
  timePerOutputTokenSeconds        one decode step of the batch; tokensPerSecondPerSequence is its inverse
  timeToFirstTokenSeconds          prefill of one prompt on an idle replica (one per rank under --ep above --tp);
                                   --prefill disaggregated: the prefill replica's step that carries it
  prefillChipShare                 share of the chip time of whole requests spent prefilling
  outputTokensPerSecondPerUser     output tokens/s one user sees over a whole request in steady state
Figures are model estimates at the efficiencies calibrated on published measurements for the chip's family and
--stack ("efficienciesFrom" names the fit; \`token-ledger calibration\` prints the model's error), not measurements.
A layout the model is not calibrated on (--ep above --tp with prefill shared) is said to be under the table, with
the model ÷ measured of the published runs of such layouts ("calibratedBandNote"; null otherwise).
Defaults are the scenario schema's (the /reference page).`;

export function registerInference(program: Command): void {
  const command = program
    .command("inference")
    .description("throughput, latency and cost per million tokens of one model on one chip (serving model + TCO)")
    .option("--hardware <id>", "accelerator id from data/hardware.csv; or a custom chip's numbers (--peak-flops, ...)")
    .option("--model <id>", "model id from data/models.csv; or a custom model's numbers (--params, ...)")
    .option(
      "--precision <p>",
      `weights precision: ${PRECISIONS.join("|")} (default: ${DEFAULTS["serving.precision"]} where the chip has it, else ` +
        "bf16)",
      oneOf("--precision", PRECISIONS)
    )
    .option(
      "--kv-cache <format>",
      `KV-cache format: ${KV_CACHE_DTYPES.join("|")} (default: fp8 under fp8 or fp4 weights, bf16 under bf16; vLLM and ` +
        "SGLang keep bf16 unless told)",
      oneOf("--kv-cache", KV_CACHE_DTYPES, "serving.kvCache")
    )
    .option(
      "--batch <n>",
      "requests in flight per replica",
      keyFlag("--batch", "serving.batch"),
      numberDefault("serving.batch")
    )
    .option(
      "--input-tokens <n>",
      "prompt tokens per request",
      keyFlag("--input-tokens", "serving.inputTokens"),
      numberDefault("serving.inputTokens")
    )
    .option(
      "--output-tokens <n>",
      "generated tokens per request (the first comes from prefill)",
      keyFlag("--output-tokens", "serving.outputTokens"),
      numberDefault("serving.outputTokens")
    )
    .option(
      "--output-tokens-cv <x>",
      "spread of answer lengths: their coefficient of variation, standard deviation ÷ mean, in [0, 10] (0: all the " +
        "same length; MLPerf's datasets 0.38–1.25)",
      keyFlag("--output-tokens-cv", "serving.outputTokensCv"),
      numberDefault("serving.outputTokensCv")
    )
    .option(
      "--cache-hit <f>",
      "share of the prompt found in the prefix cache, in [0, 1) or a percentage (50%)",
      keyFlag("--cache-hit", "serving.cacheHit"),
      numberDefault("serving.cacheHit")
    )
    .option("--context <n>", "removed: use --input-tokens and --output-tokens")
    .option(
      "--tp <n>",
      "tensor parallelism: chips each attention layer is split over",
      keyFlag("--tp", "serving.tensorParallel"),
      numberDefault("serving.tensorParallel")
    )
    .option(
      "--ep <n>",
      "expert parallelism: chips the routed experts of an MoE are spread over (replica = max(tp, ep) chips)",
      keyFlag("--ep", "serving.expertParallel"),
      numberDefault("serving.expertParallel")
    )
    .option(
      "--prefill <where>",
      "where prompts are prefilled: shared (by each replica between its decode steps) or disaggregated (on replicas " +
        `of their own, laid out by --prefill-tp and --prefill-ep) (default: ${DEFAULTS["serving.prefill"]})`,
      oneOf("--prefill", ["shared", "disaggregated"] as const, "serving.prefill")
    )
    .option(
      "--prefill-tp <n>",
      "tensor parallelism of a prefill replica under --prefill disaggregated (default: --tp)",
      keyFlag("--prefill-tp", "serving.prefillTensorParallel")
    )
    .option(
      "--prefill-ep <n>",
      "expert parallelism of a prefill replica under --prefill disaggregated (default: --ep)",
      keyFlag("--prefill-ep", "serving.prefillExpertParallel")
    )
    .option(
      "--prefill-tokens <n>",
      "new prompt tokens each prefill chip computes per step under --prefill disaggregated (default: " +
        `${groupThousands(numberDefault("serving.prefillTokensPerChip"))})`,
      keyFlag("--prefill-tokens", "serving.prefillTokensPerChip")
    )
    .option(
      "--utilization <f>",
      "fraction of each hour the chips are busy, or a percentage (60%)",
      keyFlag("--utilization", "serving.utilization"),
      numberDefault("serving.utilization")
    )
    .option(
      "--electricity <usd_per_kwh>",
      'electricity price, USD/kWh (or with a unit: "60 USD/MWh")',
      keyFlag("--electricity", "power.electricity"),
      numberDefault("power.electricity")
    )
    .option(
      "--pue <f>",
      "power usage effectiveness (facility ÷ IT power)",
      keyFlag("--pue", "power.pue"),
      numberDefault("power.pue")
    )
    .option(
      "--chip-price <usd>",
      "purchase price per chip, USD, or '$30k' (default: the catalog's)",
      keyFlag("--chip-price", "hardware.price")
    )
    .option(
      "--hourly-price <usd>",
      'price tokens on rented chips at this USD per chip-hour (or "2.5 USD/h")',
      rangeFlag(
        "--hourly-price",
        HARDWARE_CELL_RANGES.hourly_usd,
        "the range of hourly_usd in data/hardware.csv",
        "usdPerHour"
      )
    )
    .option("--rent", "price tokens on rented chips at the catalog's hourly price")
    .option(
      "--stack <name>",
      `serving software, which picks the calibrated efficiencies with the chip's family: ${SOFTWARE_STACKS.join("|")}; it must run on the chip (trtllm: NVIDIA only; neuron: AWS only) (default: ${PREFERRED_STACK} where it runs, else vllm)`,
      oneOf("--stack", SOFTWARE_STACKS, "serving.stack")
    )
    .option("--json", "print one JSON object (keys below and in the README)");
  addCustomModelOptions(command, {serving: true});
  addCustomChipOptions(command, {serving: true});
  command.addHelpText("after", HELP_AFTER).action((options: InferenceOptions & {context?: string}) => {
    if (options.context !== undefined) {
      throw new UserError({
        flag: "--context",
        message: "removed: a request has input and output tokens",
        expected: "--input-tokens N (prompt) and --output-tokens N (generated)",
        found: `--context ${options.context}`
      });
    }
    let result: ReturnType<typeof runInference>;
    try {
      result = runInference(options);
    } catch (error) {
      // A setting the user left at its default is said to be the default (`--batch: a batch of 32 does not fit` read
      // as blaming a flag never typed; new user).
      if (!(error instanceof ServingSettingError)) throw error;
      const {detail} = error;
      const source = (long: string) => {
        const found = command.options.find((candidate) => candidate.long === long);
        return found ? command.getOptionValueSource(found.attributeName()) : undefined;
      };
      // A request over the context window is the typed flag's, when only --output-tokens was typed.
      if (
        error.setting === "inputTokens" &&
        / context window$/.test(detail.message) &&
        source("--input-tokens") === "default" &&
        source("--output-tokens") !== "default"
      ) {
        throw new UserError({...detail, flag: "--output-tokens"});
      }
      const flag = detail.flag;
      const option = command.options.find((candidate) => candidate.long === flag);
      // Only where the value found is the default itself (a context check finds input + output tokens, 4,608, not
      // --input-tokens's default 4,096; second-round breaker).
      const value = option?.defaultValue as unknown;
      const isDefault =
        typeof value === "number" && (detail.found === String(value) || detail.found === groupThousands(value));
      const fromDefault = option !== undefined && command.getOptionValueSource(option.attributeName()) === "default";
      if (fromDefault && isDefault) {
        throw new UserError({...detail, found: `${detail.found} (the default: ${flag} was not given)`});
      }
      // A value computed with the default (input + output tokens against a context window): the default named too
      // (a catalog row's small context window read as blaming --input-tokens, never typed; breaker).
      if (fromDefault && typeof value === "number") {
        throw new UserError({
          ...detail,
          found: `${detail.found} (${flag} was not given: its default is ${groupThousands(value)})`
        });
      }
      throw error;
    }
    // A project's chip row that replaces a bundled one, or a file without the family column, says so (stderr).
    noteCatalogOverrides();
    process.stdout.write(options.json ? JSON.stringify(result, null, 2) + "\n" : formatInference(result) + "\n");
  });
}

/**
 * The prefill replica of --prefill disaggregated (--prefill-tp and --prefill-ep default to --tp and --ep), or null.
 * Throws: a UserError at --prefill-tp, --prefill-ep or --prefill-tokens given without --prefill disaggregated (they
 * would change nothing).
 */
function prefillReplica(options: InferenceOptions): PrefillReplica | null {
  if (options.prefill === "disaggregated") {
    return {
      tensorParallel: options.prefillTp ?? options.tp,
      expertParallel: options.prefillEp ?? options.ep,
      stepTokensPerChip: options.prefillTokens ?? numberDefault("serving.prefillTokensPerChip")
    };
  }
  const given = (
    [
      ["--prefill-tp", options.prefillTp],
      ["--prefill-ep", options.prefillEp],
      ["--prefill-tokens", options.prefillTokens]
    ] as const
  ).find(([, value]) => value !== undefined);
  if (given) {
    throw new UserError({
      flag: given[0],
      message: "sets a prefill replica of its own, but prefill shares the decode replica's chips",
      expected: `--prefill disaggregated with ${given[0]}, or no ${given[0]}`,
      found: `${given[0]} ${given[1]} with --prefill ${options.prefill ?? "shared (the default)"}`
    });
  }
  return null;
}

export function runInference(options: InferenceOptions) {
  const catalogs = loadCatalogs();
  const preferred = DEFAULTS["serving.precision"] as Precision;
  const hardware = resolveChipFlags(options, catalogs.hardware, {
    serving: true,
    precision: options.precision ?? preferred
  });
  // A chip without the preferred precision (a TPU v6e has no fp8) serves at one it has, as the stack follows the chip;
  // the title and --json say which (it was an error blaming --precision, a flag never typed; new-user trial).
  const precision = options.precision ?? defaultServingPrecision(hardware, preferred);
  const outputTokensCv = options.outputTokensCv ?? numberDefault("serving.outputTokensCv");
  const model = resolveModelFlags(options, catalogs.models, {
    serving: true,
    requestTokens: options.inputTokens + options.outputTokens
  });
  const chipPriceUsd = options.chipPrice ?? hardware.priceUsd;
  // Two prices for one chip-hour: one of them would be ignored (the usage line writes them as alternatives).
  if (options.rent && options.hourlyPrice !== undefined) {
    throw new UserError({
      flag: "--rent",
      message: "two hourly prices",
      expected: "--rent (the catalog's hourly price) or --hourly-price USD, not both",
      found: `--rent and --hourly-price ${options.hourlyPrice}`
    });
  }
  let rentedUsdPerChipHour: number | null = options.hourlyPrice ?? null;
  if (options.rent && rentedUsdPerChipHour === null) {
    if (hardware.hourlyPriceUsd === null) {
      throw new UserError({
        flag: "--rent",
        message: `${hardware.id} has no hourly price in the catalog`,
        expected: "--hourly-price USD",
        found: "--rent"
      });
    }
    rentedUsdPerChipHour = hardware.hourlyPriceUsd;
  }
  const stack = options.stack ?? defaultStackFor(hardware);
  const {efficiencies, group: efficienciesFrom} = calibratedEfficiencies(hardware, stack);
  // The ownership keys the flags do not set take the scenario schema's defaults, as a scenario file would.
  const shared = sharedOwnership({
    ...DEFAULTS,
    "power.electricity": options.electricity,
    "power.pue": options.pue
  });
  const serve = (ownedPriceUsd: number) =>
    evaluateServing({
      hardware,
      model,
      precision,
      kvBytesPerElement: kvBytesPerElementFor(precision, options.kvCache ?? null),
      batchSize: options.batch,
      inputTokens: options.inputTokens,
      outputTokens: options.outputTokens,
      outputTokensCv,
      cacheHitFraction: options.cacheHit,
      tensorParallel: options.tp,
      expertParallel: options.ep,
      stack,
      hbmReserveFraction: null,
      prefillReplica: prefillReplica(options),
      efficiencies,
      ownership: catalogChipHour(shared, hardware, ownedPriceUsd, numberDefault("finance.vendorGrossMargin")),
      utilizationFraction: options.utilization,
      rentedUsdPerChipHour
    });
  // Without a purchase price the owned figures are not reported (see `owned` below; unrented, the error after the
  // serving checks says so), so the smallest price evaluateServing takes stands in (0 is out of its range).
  const evaluated = serve(chipPriceUsd ?? CHIP_HOUR_COST_RANGES.chipPriceUsd.min);
  if (!evaluated.ok) {
    const {problem} = evaluated;
    // A request longer than a custom model's --context-window is that flag's value too small, said as such (it
    // blamed --input-tokens and pointed at data/models.csv for a window the flag gave; breaker).
    if (
      (problem.setting === "inputTokens" || problem.setting === "outputTokens") &&
      / context window$/.test(problem.message) &&
      options.contextWindow !== undefined
    ) {
      const requestTokens = options.inputTokens + options.outputTokens;
      throw new UserError({
        flag: "--context-window",
        message: `too short for a request of ${groupThousands(options.inputTokens)} input and ${groupThousands(options.outputTokens)} output tokens`,
        expected: `at least ${groupThousands(requestTokens)} tokens, or a shorter request (--input-tokens, --output-tokens)`,
        found: groupThousands(options.contextWindow)
      });
    }
    // A custom chip whose typed capacity no layout holds the weights in is that flag's value too small (it blamed --tp,
    // "the default: --tp was not given", for --hbm-capacity 0.08; breaker).
    if (problem.noLayoutHolds && options.hbmCapacity !== undefined) {
      throw new UserError({
        flag: "--hbm-capacity",
        message: problem.message,
        expected: problem.expected,
        found: `${options.hbmCapacity} GB per chip`
      });
    }
    throw new ServingSettingError(problem, {flag: PROBLEM_FLAGS[problem.setting]});
  }
  if (chipPriceUsd === null && rentedUsdPerChipHour === null) {
    throw new UserError({
      flag: "--chip-price",
      // A chip given by its numbers has no catalog row to have a price in.
      message:
        options.hardware === undefined
          ? "a custom chip has no purchase price"
          : `${hardware.id} has no published purchase price in the catalog`,
      expected: "--chip-price USD (or --hourly-price USD to price rented chips)",
      found: "nothing",
      // The catalog's hourly price is one flag away (new-user trial: the A100's $1.50/h went unmentioned).
      ...(options.hardware !== undefined && hardware.hourlyPriceUsd !== null
        ? {
            hint: `the catalog rents ${hardware.id} at ${hardware.hourlyPriceUsd.toFixed(2)} USD/h: --rent prices tokens at that`
          }
        : {})
    });
  }
  const {serving, cost} = evaluated;
  const ownedKnown = chipPriceUsd !== null;
  // A request of one output token has no decode step (its token comes from prefill): the figures of decoding are null
  // rather than those of a step that never runs (it printed a speed per user of 1 ÷ TPOT; breaker).
  const decodes = serving.decodeStepsPerRequest > 0;
  const ifDecodes = <T>(value: T): T | null => (decodes ? value : null);
  const perMillion = (breakdown: typeof cost.output) =>
    Object.fromEntries(CHIP_HOUR_COMPONENTS.map((component) => [component, breakdown[component]]));
  return {
    hardware: hardware.id,
    model: model.id,
    precision,
    kvCache: kvCacheDtypeFor(precision, options.kvCache ?? null),
    batchSize: options.batch,
    inputTokens: options.inputTokens,
    outputTokens: options.outputTokens,
    outputTokensCv,
    // Why the decode figures are null for one output token (second-round trial: --json gave no reason).
    decodeStepsPerRequest: serving.decodeStepsPerRequest,
    cacheHitFraction: options.cacheHit,
    tensorParallel: options.tp,
    expertParallel: options.ep,
    chipsPerReplica: serving.layout.chips,
    // Where prompts are prefilled: the decode replica's layout when shared.
    prefill: serving.disaggregated ? ("disaggregated" as const) : ("shared" as const),
    prefillTensorParallel: serving.prefillLayout.tensorParallel,
    prefillExpertParallel: serving.prefillLayout.expertParallel,
    prefillChipsPerReplica: serving.prefillLayout.chips,
    prefillStepTokensPerChip: serving.disaggregated
      ? (options.prefillTokens ?? numberDefault("serving.prefillTokensPerChip"))
      : null,
    prefillPromptsPerStep: serving.prefillPrompts,
    prefillChipShare: serving.prefillChipShare,
    utilizationFraction: options.utilization,
    stack,
    efficiencies,
    efficienciesFrom,
    // A layout whose published runs fell far short of the model (calibratedBandNote.ts); null inside the band.
    calibratedBandNote: calibratedBandNote(serving, "--prefill disaggregated"),
    outputTokensPerSecondPerChip: serving.outputTokensPerSecondPerChip,
    outputTokensPerSecondPerReplica: serving.outputTokensPerSecondPerReplica,
    decodeTokensPerSecondPerChip: ifDecodes(serving.decodeTokensPerSecondPerChip),
    requestsPerSecondPerReplica: serving.requestsPerSecondPerReplica,
    tokensPerSecondPerSequence: ifDecodes(serving.tokensPerSecondPerSequence),
    outputTokensPerSecondPerUser: serving.outputTokensPerSecondPerUser,
    timePerOutputTokenSeconds: ifDecodes(serving.timePerOutputTokenSeconds),
    timeToFirstTokenSeconds: serving.timeToFirstTokenSeconds,
    prefillTokensPerSecondPerChip: serving.prefillTokensPerSecondPerChip,
    decodeBound: ifDecodes(serving.decode.bound),
    decodeStepSeconds: ifDecodes({
      total: serving.decode.seconds,
      kernels: serving.decode.busySeconds,
      memory: serving.decode.memorySeconds,
      compute: serving.decode.computeSeconds,
      communication: serving.decode.communicationSeconds,
      overhead: serving.decode.overheadSeconds
    }),
    // The prefill step the prefill rate comes from (prefillPromptsPerStep prompts together), as decodeStepSeconds: a
    // modeller can see what bounds it (trial: TP8's all-reduce against TP2's compute, with nothing to check it by).
    prefillStepSeconds: {
      total: serving.batchPrefill.seconds,
      kernels: serving.batchPrefill.busySeconds,
      memory: serving.batchPrefill.memorySeconds,
      compute: serving.batchPrefill.computeSeconds,
      communication: serving.batchPrefill.communicationSeconds,
      overhead: serving.batchPrefill.overheadSeconds
    },
    maxBatchSize: serving.memory.maxBatchSize,
    kvTokensPerSequence: serving.memory.kvTokensPerSequence,
    kvTokensBasis: serving.kvTokensBasis,
    kvAdmission: serving.memory.admission,
    hbmReserveFraction: serving.memory.reserveFraction,
    weightBytes: serving.memory.weightBytes,
    kvBytesPerSequence: serving.memory.kvBytesPerSequence,
    owned: rentedUsdPerChipHour === null,
    chipHourCostUsd: cost.chipHourCostUsd,
    costPerMillionOutputTokensUsd: ifDecodes(cost.costPerMillionOutputTokensUsd),
    costPerMillionInputTokensUsd: cost.costPerMillionInputTokensUsd,
    costPerMillionOutputTokensAllInUsd: cost.costPerMillionOutputTokensAllInUsd,
    ownedChipHourCostUsd: ownedKnown ? cost.chipHour.totalUsdPerChipHour : null,
    ownedChipHourBreakdownUsd: ownedKnown
      ? Object.fromEntries(
          CHIP_HOUR_COMPONENTS.map((component) => [component, cost.chipHour[`${component}UsdPerChipHour`]])
        )
      : null,
    ownedCostPerMillionOutputTokensBreakdownUsd: ownedKnown && decodes ? perMillion(cost.output) : null,
    vendorMarginShare: ownedKnown ? cost.output.vendorMarginShare : null,
    // The energy convention of serving: the fleet draws power.averageDraw of peak IT power (chip + host share,
    // data/hardware.csv system_power_w) on average, × PUE. Training runs at full draw (TRAINING_AVERAGE_DRAW_FRACTION).
    energyConvention: {
      averageDrawFraction: shared.averageDrawFraction,
      pue: shared.pue,
      itPowerKwPerChip: cost.chipHour.itPowerKw
    },
    outputTokensPerSecondPerMw: cost.outputTokensPerSecondPerMw
  };
}

/**
 * The units `run` and the site write a chip-hour's cost and throughputs in (METRIC_INFO), so that the same figure reads
 * the same in every command; the labels say which tokens are counted (this table wrote "USD/chip-hour", "output
 * tokens/s" and "tokens/s per MW"; new-user trial and breaker).
 */
const CHIP_HOUR_UNIT = METRIC_INFO.chipHourCostUsd.displayUnit;
const THROUGHPUT_UNIT = METRIC_INFO.outputTokensPerSecondPerChip.displayUnit;
const PER_MW_UNIT = METRIC_INFO.tokensPerSecondPerMw.displayUnit;

/** "calibrated for hopper/trtllm", or for the pooled fit "calibrated on every measured chip (pooled)". */
function calibratedOn(group: string): string {
  return group === "pooled" ? "calibrated on every measured chip (pooled)" : `calibrated for ${group}`;
}

function formatInference(r: ReturnType<typeof runInference>): string {
  // "—" for a figure of decoding when the request has no decode step (one output token).
  const n = (v: number | null) => (v === null ? "—" : formatNumber(v));
  // A throughput is a modelled rate: three significant figures, as `run` and the pages write it (formatRate).
  const rate = (v: number | null) => (v === null ? "—" : formatRate(v));
  // Prices and times as `run` writes them (formatPriceNumber): three significant digits, a whole one too ("2.00 USD/h",
  // "53.0 ms" beside "37.7 ms"), and from a thousand ("1,230 ms").
  const usd = (v: number | null) => (v === null ? "—" : formatPriceNumber(v));
  const ms = usd;
  const layoutOf = (tp: number, ep: number) => (ep > 1 ? `TP ${tp} EP ${ep}` : `TP ${tp}`);
  const layout = layoutOf(r.tensorParallel, r.expertParallel);
  const prefill =
    r.prefill === "disaggregated"
      ? `; prefill on replicas of its own, ${layoutOf(r.prefillTensorParallel, r.prefillExpertParallel)} ` +
        `(${countNoun(r.prefillChipsPerReplica, "chip")}), ${groupThousands(r.prefillStepTokensPerChip!)} new tokens ` +
        "per chip per step"
      : "";
  const cache = r.cacheHitFraction > 0 ? ` (${formatPercent(r.cacheHitFraction)} cached)` : "";
  // The spread of answer lengths, when set: it moves the figures with nothing else in the title changed (trial).
  const spread = r.outputTokensCv > 0 ? ` (lengths spread at CV ${r.outputTokensCv})` : "";
  // The cache's format, said where it is not the weights' default (--kv-cache bf16 under fp8 weights).
  // "an fp8", "an fp16" as read aloud ("an eff-pee"), "a bf16" ("a bee"): it printed "a fp8" (breaker).
  const article = r.kvCache.startsWith("f") ? "an" : "a";
  const kv = r.kvCache === kvCacheDtypeFor(r.precision, null) ? "" : ` with ${article} ${r.kvCache} KV cache`;
  const title =
    `${r.model} on ${r.hardware}: ${r.precision}${kv}, ${n(r.inputTokens)} input${cache} + ${n(r.outputTokens)} output${spread} tokens ` +
    `per request, batch ${groupThousands(r.batchSize)}, ${layout} (${countNoun(r.chipsPerReplica, "chip")} per replica)${prefill}, utilisation ` +
    `${formatPercent(r.utilizationFraction)}, ${r.owned ? "owned" : "rented"} chips; ${r.stack} at the efficiencies ` +
    calibratedOn(r.efficienciesFrom);
  // The batch's count and its noun sit in separate columns, so the noun agrees with the count here (countNoun's rule):
  // it read "1  sequences of 40,500 KV tokens" (trial).
  const sequences = r.maxBatchSize === 1 ? "sequence" : "sequences";
  const rows: [string, string, string][] = [
    // The figures `run` also prints carry its labels (METRIC_INFO), so that the same figure reads the same.
    [METRIC_INFO.outputTokensPerSecondPerChip.label, rate(r.outputTokensPerSecondPerChip), THROUGHPUT_UNIT],
    [
      r.prefill === "disaggregated"
        ? "output tokens per second per decode replica"
        : "output tokens per second per replica, whole requests",
      rate(r.outputTokensPerSecondPerReplica),
      THROUGHPUT_UNIT
    ],
    [METRIC_INFO.tokensPerSecondPerChip.label, rate(r.decodeTokensPerSecondPerChip), THROUGHPUT_UNIT],
    [
      r.prefill === "disaggregated" ? "requests per decode replica" : "requests per replica",
      rate(r.requestsPerSecondPerReplica),
      "requests/s"
    ],
    ["speed per sequence while decoding", rate(r.tokensPerSecondPerSequence), THROUGHPUT_UNIT],
    ["speed per user over a request", rate(r.outputTokensPerSecondPerUser), THROUGHPUT_UNIT],
    [
      METRIC_INFO.timePerOutputTokenSeconds.label,
      ms(r.timePerOutputTokenSeconds === null ? null : r.timePerOutputTokenSeconds * 1e3),
      "ms"
    ],
    [
      METRIC_INFO.timeToFirstTokenSeconds.label,
      ms(r.timeToFirstTokenSeconds * METRIC_INFO.timeToFirstTokenSeconds.scale),
      METRIC_INFO.timeToFirstTokenSeconds.displayUnit
    ],
    [
      r.prefill === "disaggregated"
        ? "share of chips prefilling (replicas of their own)"
        : "share of chip time prefilling",
      formatPercent(r.prefillChipShare),
      ""
    ],
    ["decode bound", r.decodeBound ?? "—", ""],
    [
      "largest batch that fits",
      groupThousands(r.maxBatchSize),
      r.kvAdmission === "whole"
        ? `${sequences} of ${n(r.kvTokensPerSequence)} KV tokens, reserved whole at admission`
        : `${sequences} at ${n(r.kvTokensPerSequence)} live KV tokens`
    ],
    [METRIC_INFO.chipHourCostUsd.label, usd(r.chipHourCostUsd), CHIP_HOUR_UNIT],
    [METRIC_INFO.costPerMillionOutputTokensUsd.label, usd(r.costPerMillionOutputTokensUsd), "USD/Mtok"],
    [METRIC_INFO.costPerMillionInputTokensUsd.label, usd(r.costPerMillionInputTokensUsd), "USD/Mtok"],
    ["cost per million output tokens, all-in", usd(r.costPerMillionOutputTokensAllInUsd), "USD/Mtok"],
    ["output tokens per second per MW, whole requests", rate(r.outputTokensPerSecondPerMw), PER_MW_UNIT]
  ];
  let breakdown = "";
  if (r.ownedChipHourBreakdownUsd && r.vendorMarginShare !== null) {
    // Without a decode step there is no cost per output token of decoding: the chip-hour column alone.
    const perMtokByComponent = r.ownedCostPerMillionOutputTokensBreakdownUsd;
    const parts = Object.entries(r.ownedChipHourBreakdownUsd).map(([component, usdPerHour]) => [
      CHIP_HOUR_COMPONENT_NAMES[component as ChipHourComponent],
      usd(usdPerHour),
      ...(perMtokByComponent ? [usd(perMtokByComponent[component] ?? null)] : [])
    ]);
    // On rented chips the owned cost is the comparison, not the price: its total is the sum of its parts (it read "—"
    // under parts that sum to 1.41; new-user trial).
    const ownedPerMtok = perMtokByComponent
      ? r.owned
        ? r.costPerMillionOutputTokensUsd
        : Object.values(perMtokByComponent).reduce((sum, v) => sum + v, 0)
      : null;
    parts.push(["total", usd(r.ownedChipHourCostUsd), ...(perMtokByComponent ? [usd(ownedPerMtok)] : [])]);
    const headers = ["component", CHIP_HOUR_UNIT, ...(perMtokByComponent ? ["USD/Mtok output (decode)"] : [])];
    breakdown =
      `\n\nOwned cost, by component${r.owned ? "" : " (what the same chips would cost to own, beside the rented price above)"}\n\n${formatTable(headers, parts)}` +
      "\n\n" +
      wrapProse(
        // "gross profit" and "share of token cost", as run's "vendor gross profit, share of token cost".
        `The hardware vendor's gross profit is ${formatPercent(r.vendorMarginShare)} of the owned cost of ` +
          `${perMtokByComponent ? "an output token" : "a chip-hour, and so of every token"} (its share of token cost).` +
          ` Energy: ${n(r.energyConvention.itPowerKwPerChip)} kW of IT power per chip (with its host share) × average ` +
          `draw ${formatPercent(r.energyConvention.averageDrawFraction)} × PUE ${r.energyConvention.pue}.`
      );
  }
  // What "—" above stands for (one output token: nothing to decode).
  const noDecode =
    r.decodeStepsPerRequest > 0
      ? ""
      : wrapProse(
          "A request of one output token has no decode step (its token comes from prefill), so the figures of " +
            "decoding (decode-step throughput, speeds, time per output token, decode-time cost) are — here and " +
            "null in --json; the whole-request figures and the input tokens' cost stand."
        ) + "\n\n";
  // A layout outside the calibrated band says so before the figures are trusted (it printed MLPerf's DeepSeek-R1
  // layout at 2.3–4.4 times the measured with no word of it).
  const outsideBand = r.calibratedBandNote
    ? wrapProse(`Read these figures with care: ${r.calibratedBandNote}`) + "\n\n"
    : "";
  const note = wrapProse(
    `Model estimates at the efficiencies ${calibratedOn(r.efficienciesFrom)} (bandwidth, compute, communication ` +
      "fractions and fixed times in --json), not measurements; `token-ledger calibration` prints the model's error " +
      "on published measurements."
  );
  return `${wrapProse(title)}\n\n${formatKeyValues(rows)}${breakdown}\n\n${noDecode}${outsideBand}${note}`;
}
