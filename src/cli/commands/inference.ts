import type {Command} from "commander";
import {findById} from "../../catalog/lookup.js";
import {UserError} from "../../errors/userError.js";
import {
  DEFAULT_ACHIEVABLE_BANDWIDTH_FRACTION,
  DEFAULT_ACHIEVABLE_COMPUTE_FRACTION
} from "../../inference/servingPerformance.js";
import {DEFAULT_HBM_RESERVE_FRACTION} from "../../inference/memoryFit.js";
import {PRECISIONS, type Precision} from "../../inference/precision.js";
import {CHIP_HOUR_COMPONENTS} from "../../tco/chipHourCost.js";
import {precisionProblem} from "../../inference/servingChecks.js";
import {DEFAULT_OWNERSHIP} from "../../tco/defaults.js";
import {evaluateServing} from "../../tco/evaluateServing.js";
import {loadCatalogs} from "../../node/catalogFiles.js";
import {atLeast, nonNegativeNumber, oneOf, positiveInteger, positiveNumber, unitFraction} from "../flags.js";
import {formatKeyValues, formatNumber, formatTable} from "../table.js";

interface InferenceOptions {
  hardware: string;
  model: string;
  precision: Precision;
  batch: number;
  context: number;
  tp: number;
  utilization: number;
  electricity: number;
  pue: number;
  chipPrice?: number;
  hourlyPrice?: number;
  rent?: boolean;
  json?: boolean;
}

/** Flag name for each setting a ServingProblem can name. */
const PROBLEM_FLAGS = {precision: "--precision", batch: "--batch", tensorParallel: "--tp"} as const;

export const DEFAULT_SERVING = {precision: "bf16", batch: 32, context: 2048, tp: 1, utilization: 0.6} as const;

export function registerInference(program: Command): void {
  program
    .command("inference")
    .description("throughput, latency and cost per million tokens of one model on one chip (roofline + TCO)")
    .requiredOption("--hardware <id>", "accelerator id from data/hardware.csv")
    .requiredOption("--model <id>", "model id from data/models.csv")
    .option(
      "--precision <p>",
      `weights precision: ${PRECISIONS.join("|")}`,
      oneOf("--precision", PRECISIONS),
      DEFAULT_SERVING.precision
    )
    .option("--batch <n>", "sequences decoded together per replica", positiveInteger("--batch"), DEFAULT_SERVING.batch)
    .option(
      "--context <n>",
      "prompt length and average KV context per sequence, tokens",
      positiveInteger("--context"),
      DEFAULT_SERVING.context
    )
    .option("--tp <n>", "chips per replica (tensor parallelism)", positiveInteger("--tp"), DEFAULT_SERVING.tp)
    .option(
      "--utilization <f>",
      "fraction of each hour the chips are busy, in (0, 1]",
      unitFraction("--utilization"),
      DEFAULT_SERVING.utilization
    )
    .option(
      "--electricity <usd_per_kwh>",
      "electricity price, USD/kWh",
      nonNegativeNumber("--electricity"),
      DEFAULT_OWNERSHIP.electricityUsdPerKwh
    )
    .option("--pue <f>", "power usage effectiveness, >= 1", atLeast("--pue", 1), DEFAULT_OWNERSHIP.pue)
    .option(
      "--chip-price <usd>",
      "purchase price per chip, USD (default: the catalog's)",
      positiveNumber("--chip-price")
    )
    .option(
      "--hourly-price <usd>",
      "price tokens on rented chips at this USD per chip-hour",
      positiveNumber("--hourly-price")
    )
    .option("--rent", "price tokens on rented chips at the catalog's hourly price")
    .option("--json", "print one JSON object (keys documented in the README)")
    .action((options: InferenceOptions) => {
      const result = runInference(options);
      process.stdout.write(options.json ? JSON.stringify(result, null, 2) + "\n" : formatInference(result) + "\n");
    });
}

export function runInference(options: InferenceOptions) {
  const catalogs = loadCatalogs();
  const hardware = findById(catalogs.hardware, options.hardware, "hardware", "--hardware");
  const model = findById(catalogs.models, options.model, "model", "--model");
  const precision = precisionProblem(hardware, options.precision);
  if (precision) {
    throw new UserError({
      flag: "--precision",
      message: precision.message,
      expected: precision.expected,
      found: precision.found
    });
  }
  const chipPriceUsd = options.chipPrice ?? hardware.priceUsd;
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
  if (chipPriceUsd === null && rentedUsdPerChipHour === null) {
    throw new UserError({
      flag: "--chip-price",
      message: `${hardware.id} has no published purchase price in the catalog`,
      expected: "--chip-price USD (or --hourly-price USD to price rented chips)",
      found: "nothing"
    });
  }
  const evaluated = evaluateServing({
    hardware,
    model,
    precision: options.precision,
    batchSize: options.batch,
    contextTokens: options.context,
    tensorParallel: options.tp,
    achievableBandwidthFraction: DEFAULT_ACHIEVABLE_BANDWIDTH_FRACTION,
    achievableComputeFraction: DEFAULT_ACHIEVABLE_COMPUTE_FRACTION,
    hbmReserveFraction: DEFAULT_HBM_RESERVE_FRACTION,
    ownership: {
      ...DEFAULT_OWNERSHIP,
      // Rented without a purchase price: the owned figures are not reported (see `owned` below), so 0 stands in.
      chipPriceUsd: chipPriceUsd ?? 0,
      chipPowerW: hardware.powerW,
      electricityUsdPerKwh: options.electricity,
      pue: options.pue
    },
    utilizationFraction: options.utilization,
    rentedUsdPerChipHour
  });
  if (!evaluated.ok) {
    const {problem} = evaluated;
    throw new UserError({
      flag: PROBLEM_FLAGS[problem.setting],
      message: problem.message,
      expected: problem.expected,
      found: problem.found
    });
  }
  const {serving, cost} = evaluated;
  const ownedKnown = chipPriceUsd !== null;
  const perMillion = (breakdown: typeof cost.output) =>
    Object.fromEntries(CHIP_HOUR_COMPONENTS.map((component) => [component, breakdown[component]]));
  return {
    hardware: hardware.id,
    model: model.id,
    precision: options.precision,
    batchSize: options.batch,
    contextTokens: options.context,
    tensorParallel: options.tp,
    utilizationFraction: options.utilization,
    tokensPerSecondPerChip: serving.tokensPerSecondPerChip,
    tokensPerSecondPerReplica: serving.tokensPerSecondPerReplica,
    tokensPerSecondPerSequence: serving.tokensPerSecondPerSequence,
    timePerOutputTokenSeconds: serving.timePerOutputTokenSeconds,
    timeToFirstTokenSeconds: serving.timeToFirstTokenSeconds,
    prefillTokensPerSecondPerChip: serving.prefillTokensPerSecondPerChip,
    decodeBound: serving.decode.bound,
    maxBatchSize: serving.memory.maxBatchSize,
    weightBytes: serving.memory.weightBytes,
    kvBytesPerSequence: serving.memory.kvBytesPerSequence,
    owned: rentedUsdPerChipHour === null,
    chipHourCostUsd: cost.chipHourCostUsd,
    costPerMillionOutputTokensUsd: cost.costPerMillionOutputTokensUsd,
    costPerMillionInputTokensUsd: cost.costPerMillionInputTokensUsd,
    ownedChipHourCostUsd: ownedKnown ? cost.chipHour.totalUsdPerChipHour : null,
    ownedChipHourBreakdownUsd: ownedKnown
      ? Object.fromEntries(
          CHIP_HOUR_COMPONENTS.map((component) => [component, cost.chipHour[`${component}UsdPerChipHour`]])
        )
      : null,
    ownedCostPerMillionOutputTokensBreakdownUsd: ownedKnown ? perMillion(cost.output) : null,
    vendorMarginShare: ownedKnown ? cost.output.vendorMarginShare : null,
    outputTokensPerSecondPerMw: cost.outputTokensPerSecondPerMw
  };
}

function formatInference(r: ReturnType<typeof runInference>): string {
  const n = (v: number | null, digits = 4) => formatNumber(v, digits);
  const title =
    `${r.model} on ${r.hardware}: ${r.precision}, batch ${r.batchSize}, context ${r.contextTokens} tokens, ` +
    `TP ${r.tensorParallel}, utilisation ${r.utilizationFraction}, ${r.owned ? "owned" : "rented"} chips`;
  const rows: [string, string, string][] = [
    ["throughput per chip", n(r.tokensPerSecondPerChip), "output tokens/s"],
    ["throughput per replica", n(r.tokensPerSecondPerReplica), "output tokens/s"],
    ["speed per sequence", n(r.tokensPerSecondPerSequence), "tokens/s"],
    ["time per output token", n(r.timePerOutputTokenSeconds * 1e3), "ms"],
    ["time to first token", n(r.timeToFirstTokenSeconds * 1e3), "ms"],
    ["decode bound", r.decodeBound, ""],
    ["largest batch that fits", String(r.maxBatchSize), "sequences"],
    ["chip-hour cost", n(r.chipHourCostUsd), "USD/chip-hour"],
    ["cost per million output tokens", n(r.costPerMillionOutputTokensUsd), "USD/Mtok"],
    ["cost per million input tokens", n(r.costPerMillionInputTokensUsd), "USD/Mtok"],
    ["output tokens per MW", n(r.outputTokensPerSecondPerMw), "tokens/s per MW"]
  ];
  let breakdown = "";
  if (r.ownedChipHourBreakdownUsd && r.ownedCostPerMillionOutputTokensBreakdownUsd && r.vendorMarginShare !== null) {
    const parts = Object.entries(r.ownedChipHourBreakdownUsd).map(([component, usdPerHour]) => [
      component,
      n(usdPerHour),
      n(r.ownedCostPerMillionOutputTokensBreakdownUsd?.[component] ?? null)
    ]);
    parts.push(["total", n(r.ownedChipHourCostUsd), n(r.owned ? r.costPerMillionOutputTokensUsd : null)]);
    breakdown =
      `\n\nOwned cost, by component\n\n${formatTable(["component", "USD/chip-hour", "USD/Mtok output"], parts)}` +
      `\n\nThe hardware vendor's margin is ${n(r.vendorMarginShare * 100, 3)}% of the owned cost of an output token.`;
  }
  return `${title}\n\n${formatKeyValues(rows)}${breakdown}`;
}
