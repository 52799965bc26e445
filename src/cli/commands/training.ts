import type {Command} from "commander";
import type {Hardware} from "../../catalog/hardware.js";
import {findById} from "../../catalog/lookup.js";
import type {ModelArchitecture} from "../../catalog/model.js";
import {UserError} from "../../errors/userError.js";
import {PRECISIONS, type Precision} from "../../inference/precision.js";
import {supportedPrecisions} from "../../inference/servingChecks.js";
import {sharedOwnership} from "../../scenario/evaluate/ownershipInput.js";
import {TRAINING_AVERAGE_DRAW_FRACTION, trainingSetupInput} from "../../scenario/evaluate/trainingInput.js";
import {schemaDefaults} from "../../scenario/file/schema.js";
import {num} from "../../scenario/evaluate/modelKeys.js";
import {trainingRun} from "../../training/trainingRun.js";
import {
  EPOCH_INTERCONNECT_FRACTION,
  EPOCH_PUE,
  EPOCH_SERVER_TDP_FRACTION,
  epochServerCostOverhead,
  epochTrainingCost
} from "../../tco/epochTrainingCost.js";
import {loadCatalogs} from "../../node/catalogFiles.js";
import {keyFlag, nonNegativeNumber, oneOf, positiveInteger, positiveNumber, unitFraction} from "../flags.js";
import {formatKeyValues, formatNumber} from "../table.js";

export interface TrainingOptions {
  model?: string;
  params?: number;
  activeParams?: number;
  layers?: number;
  heads?: number;
  headDim?: number;
  tokens: number;
  sequenceLength: number;
  hardware?: string;
  peakFlops?: number;
  chipPower?: number;
  systemPower?: number;
  systemOverhead?: number;
  chips: number;
  mfu: number;
  goodput: number;
  precision: Precision;
  chipPrice?: number;
  hourlyPrice?: number;
  hardwareAge: number;
  hyperscaler?: boolean;
  chipHours?: number;
  electricity: number;
  json?: boolean;
}

const DEFAULTS = schemaDefaults();
const numberDefault = (path: string) => num(DEFAULTS[path], path);

export function registerTraining(program: Command): void {
  program
    .command("training")
    .description(
      "compute, time, energy and cost of a pre-training run (6·N·D plus causal attention), steady state and whole run"
    )
    .option("--model <id>", "model id from data/models.csv (its active parameters are N); or give --params")
    .option("--params <n>", "custom model: total parameters (e.g. 70e9)", positiveNumber("--params"))
    .option(
      "--active-params <n>",
      "custom model: parameters used per token (default --params)",
      positiveNumber("--active-params")
    )
    .option(
      "--layers <n>",
      "custom model: layers (with --heads and --head-dim, adds the attention term)",
      positiveInteger("--layers")
    )
    .option("--heads <n>", "custom model: attention (query) heads", positiveInteger("--heads"))
    .option("--head-dim <n>", "custom model: width of one head", positiveInteger("--head-dim"))
    .requiredOption("--tokens <n>", "training tokens D (e.g. 15.6e12)", positiveNumber("--tokens"))
    .option(
      "--sequence-length <n>",
      "training sequence length, tokens (sets the attention term)",
      keyFlag("--sequence-length", "training.sequenceLength"),
      numberDefault("training.sequenceLength")
    )
    .option("--hardware <id>", "accelerator id from data/hardware.csv; or give --peak-flops and --chip-power")
    .option(
      "--peak-flops <flops>",
      "custom chip: dense peak in the training precision, FLOP/s (e.g. 989.4e12)",
      positiveNumber("--peak-flops")
    )
    .option("--chip-power <w>", "custom chip: board power, W", positiveNumber("--chip-power"))
    .option(
      "--system-power <w>",
      "custom chip: IT power per chip with its host share, W (default 1.82 × --chip-power)",
      positiveNumber("--system-power")
    )
    .option(
      "--system-overhead <f>",
      "custom chip: server and network as a fraction of --chip-price (default 0.5)",
      nonNegativeNumber("--system-overhead")
    )
    .requiredOption("--chips <n>", "chips in the cluster", positiveInteger("--chips"))
    .requiredOption("--mfu <f>", "steady-state model FLOPs utilisation, in (0, 1]", unitFraction("--mfu"))
    .option(
      "--goodput <f>",
      "share of the run's chip time that trains (effective training time)",
      keyFlag("--goodput", "training.goodput"),
      numberDefault("training.goodput")
    )
    .option(
      "--precision <p>",
      `training precision whose peak MFU refers to: ${PRECISIONS.join("|")}`,
      oneOf("--precision", PRECISIONS),
      "bf16"
    )
    .option(
      "--chip-price <usd>",
      "purchase price per chip, USD (default: the catalog's)",
      positiveNumber("--chip-price")
    )
    .option(
      "--hourly-price <usd>",
      "rental price per chip-hour, USD (default: the catalog's)",
      positiveNumber("--hourly-price")
    )
    .option(
      "--hardware-age <years>",
      "Epoch AI method: years from buying the chips to starting the run (depreciated at 0.14 orders of magnitude a year)",
      nonNegativeNumber("--hardware-age"),
      0
    )
    .option("--hyperscaler", "Epoch AI method: PUE 1.1 (Google, Microsoft, Amazon, Meta) instead of 1.25")
    .option(
      "--chip-hours <n>",
      "price these whole-run chip-hours (a published figure) instead of the computed ones; mfu then shows the MFU they imply",
      positiveNumber("--chip-hours")
    )
    .option(
      "--electricity <usd-per-kwh>",
      "electricity price, USD/kWh",
      keyFlag("--electricity", "power.electricity"),
      numberDefault("power.electricity")
    )
    .option("--json", "print one JSON object (keys documented in the README)")
    .action((options: TrainingOptions) => {
      const result = runTraining(options);
      process.stdout.write(options.json ? JSON.stringify(result, null, 2) + "\n" : formatTraining(result) + "\n");
    });
}

/** The model: a catalog row (--model) or one given by its numbers (--params, --active-params, ...). */
function trainingModel(options: TrainingOptions, models: readonly ModelArchitecture[]) {
  const custom = options.params !== undefined || options.activeParams !== undefined;
  if (options.model !== undefined && custom) {
    throw new UserError({
      flag: "--params",
      message: "a catalog model and custom parameters together",
      expected: "either --model ID or --params N (with --active-params for an MoE)",
      found: `--model ${options.model} and --params`
    });
  }
  if (options.model !== undefined) {
    const model = findById(models, options.model, "model", "--model");
    return model;
  }
  if (options.params === undefined) {
    throw new UserError({
      flag: "--model",
      message: "no model",
      expected: "--model ID (data/models.csv) or --params N for a custom model",
      found: "neither"
    });
  }
  const activeParams = options.activeParams ?? options.params;
  if (activeParams > options.params) {
    throw new UserError({
      flag: "--active-params",
      message: "active parameters exceed total parameters",
      expected: `at most --params (${options.params})`,
      found: String(activeParams)
    });
  }
  const shape = [options.layers, options.heads, options.headDim];
  const attention = shape.every((v) => v !== undefined);
  if (!attention && shape.some((v) => v !== undefined)) {
    throw new UserError({
      flag: options.layers === undefined ? "--layers" : options.heads === undefined ? "--heads" : "--head-dim",
      message: "an incomplete attention shape",
      expected: "--layers, --heads and --head-dim together (or none: the attention term is then left out)",
      found: "only some of them"
    });
  }
  return {
    id: "custom",
    params: options.params,
    activeParams,
    layers: options.layers ?? 1,
    attentionHeads: options.heads ?? 1,
    headDim: options.headDim ?? 1,
    mlaRopeDim: null,
    hasAttentionShape: attention
  };
}

/** The chip: a catalog row (--hardware) or one given by its numbers (--peak-flops, --chip-power, ...). */
function trainingHardware(options: TrainingOptions, hardware: readonly Hardware[]): Hardware {
  const custom = options.peakFlops !== undefined || options.chipPower !== undefined;
  if (options.hardware !== undefined && custom) {
    throw new UserError({
      flag: "--peak-flops",
      message: "a catalog chip and custom chip numbers together",
      expected: "either --hardware ID or --peak-flops and --chip-power",
      found: `--hardware ${options.hardware} and --peak-flops/--chip-power`
    });
  }
  if (options.hardware !== undefined) return findById(hardware, options.hardware, "hardware", "--hardware");
  if (options.peakFlops === undefined || options.chipPower === undefined) {
    throw new UserError({
      flag: options.peakFlops === undefined ? "--peak-flops" : "--chip-power",
      message: "no chip",
      expected: "--hardware ID (data/hardware.csv), or --peak-flops FLOP/s and --chip-power W for a custom chip",
      found: "neither"
    });
  }
  // DGX H100: 10.2 kW / 8 GPUs / 700 W = 1.82 (data/hardware.csv system_power_w); an HGX-board price's 0.5 overhead.
  const systemPowerW = options.systemPower ?? options.chipPower * (1275 / 700);
  if (systemPowerW < options.chipPower) {
    throw new UserError({
      flag: "--system-power",
      message: "system power below chip power",
      expected: `at least --chip-power (${options.chipPower} W)`,
      found: String(systemPowerW)
    });
  }
  const peak = options.peakFlops;
  // Only the fields a training run reads are meaningful; memory and links do not enter it.
  return {
    id: "custom",
    name: "custom chip",
    vendor: "custom",
    kind: "asic",
    bf16FlopsPerS: peak,
    fp8FlopsPerS: options.precision === "fp8" ? peak : null,
    fp4FlopsPerS: options.precision === "fp4" ? peak : null,
    hbmBytes: 1,
    hbmBandwidthBytesPerS: 1,
    hbmCapacityBytes: 1,
    scaleUpBandwidthBytesPerS: 1,
    scaleUpChips: 1,
    scaleOutBandwidthBytesPerS: 1,
    powerW: options.chipPower,
    priceUsd: null,
    hourlyPriceUsd: null,
    systemOverheadFraction: options.systemOverhead ?? 0.5,
    systemPowerW,
    systemSource: "--system-power / --system-overhead",
    priceSource: "",
    hbmSource: "",
    linksSource: "",
    estimated: ["all"],
    hypothetical: true,
    sourceTitle: "command-line flags",
    sourceUrl: "https://example.invalid/",
    notes: ""
  };
}

export function runTraining(options: TrainingOptions) {
  const catalogs = loadCatalogs();
  const model = trainingModel(options, catalogs.models);
  const hardware = trainingHardware(options, catalogs.hardware);
  const chipPriceUsd = options.chipPrice ?? hardware.priceUsd;
  // Ownership as a scenario file with no keys set would have it: the schema's defaults (src/scenario/file/schema.ts).
  const shared = sharedOwnership({...DEFAULTS, "power.electricity": options.electricity});
  const sequenceTokens = "hasAttentionShape" in model && !model.hasAttentionShape ? null : options.sequenceLength;
  const setup = trainingSetupInput({
    model,
    hardware,
    precision: options.precision,
    tokens: options.tokens,
    sequenceTokens,
    mfu: options.mfu,
    goodputFraction: options.goodput,
    chips: options.chips,
    chipPriceUsd,
    rentedUsdPerChipHour: options.hourlyPrice ?? hardware.hourlyPriceUsd,
    shared,
    vendorGrossMarginFraction: numberDefault("finance.vendorGrossMargin")
  });
  if (setup === null) {
    throw new UserError({
      flag: "--precision",
      message: `${hardware.id} has no ${options.precision} support`,
      expected: `one of ${supportedPrecisions(hardware).join(", ")}`,
      found: options.precision
    });
  }
  const computed = trainingRun(setup.input);
  // --chip-hours prices a published whole-run figure: the run keeps its FLOPs and goodput, and its MFU becomes the
  // one those hours imply.
  const mfu = options.chipHours === undefined ? options.mfu : (options.mfu * computed.chipHours) / options.chipHours;
  const run = options.chipHours === undefined ? computed : trainingRun({...setup.input, mfu});
  const hour = setup.chipHour;
  const electricityUsdPerKwh = shared.electricityUsdPerKwh;
  // Epoch AI's method on the same whole-run chip-hours. The catalog's system_overhead counts the server and a 19%
  // network share, so the server price per chip Epoch depreciates is price × (1 + overhead) × (1 − 0.19): a DGX
  // price as is, an HGX-board price × 1.22, a chip-alone price × 1.64 (Epoch's own server overheads).
  const epochInputs =
    chipPriceUsd === null
      ? null
      : {
          serverPriceUsdPerChip:
            chipPriceUsd * (1 + hardware.systemOverheadFraction) * (1 - EPOCH_INTERCONNECT_FRACTION),
          yearsAcquisitionToStart: options.hardwareAge,
          chipHours: run.chipHours,
          chipPowerW: hardware.powerW,
          chipToServerPower: hardware.systemPowerW / hardware.powerW,
          serverTdpFraction: hardware.kind === "tpu" ? EPOCH_SERVER_TDP_FRACTION.tpu : EPOCH_SERVER_TDP_FRACTION.gpu,
          pue: options.hyperscaler ? EPOCH_PUE.hyperscaler : EPOCH_PUE.other,
          electricityUsdPerKwh,
          serverCostOverhead: epochServerCostOverhead(hardware.name)
        };
  const epoch = epochInputs === null ? null : epochTrainingCost(epochInputs);
  return {
    model: model.id,
    hardware: hardware.id,
    precision: options.precision,
    params: model.params,
    activeParams: model.activeParams,
    tokens: options.tokens,
    sequenceTokens,
    chips: options.chips,
    mfu,
    goodputFraction: options.goodput,
    flops: run.flops,
    parameterFlops: setup.flops.parameterFlops,
    attentionFlops: setup.flops.attentionFlops,
    steadyStateChipHours: run.steadyStateChipHours,
    chipHours: run.chipHours,
    steadyStateDays: run.steadyStateDays,
    wallClockDays: run.wallClockDays,
    energyMwh: run.energyMwh,
    energyConvention: {
      averageDrawFraction: TRAINING_AVERAGE_DRAW_FRACTION,
      pue: setup.input.pue,
      itPowerKwPerChip: setup.input.itPowerKwPerChip
    },
    ownedChipHourCostUsd: hour?.totalUsdPerChipHour ?? null,
    ownedChipHourBreakdownUsd:
      hour === null
        ? null
        : {
            chipCapital: hour.chipCapitalUsdPerChipHour,
            systemCapital: hour.systemCapitalUsdPerChipHour,
            facilityCapital: hour.facilityCapitalUsdPerChipHour,
            energy: hour.energyUsdPerChipHour,
            operations: hour.operationsUsdPerChipHour
          },
    costOwnedSteadyStateUsd: hour ? run.costOwnedSteadyStateUsd : null,
    costOwnedUsd: hour ? run.costOwnedUsd : null,
    costOwnedBreakdownUsd:
      hour === null
        ? null
        : {
            chipCapital: hour.chipCapitalUsdPerChipHour * run.chipHours,
            systemCapital: hour.systemCapitalUsdPerChipHour * run.chipHours,
            facilityCapital: hour.facilityCapitalUsdPerChipHour * run.chipHours,
            energy: hour.energyUsdPerChipHour * run.chipHours,
            operations: hour.operationsUsdPerChipHour * run.chipHours
          },
    epochMethod:
      epoch === null || epochInputs === null
        ? null
        : {
            assumptions: {
              serverPriceUsdPerChip: epochInputs.serverPriceUsdPerChip,
              yearsAcquisitionToStart: epochInputs.yearsAcquisitionToStart,
              chipToServerPower: epochInputs.chipToServerPower,
              serverTdpFraction: epochInputs.serverTdpFraction,
              pue: epochInputs.pue,
              electricityUsdPerKwh
            },
            costUsd: epoch.totalUsd,
            breakdownUsd: {
              aiChips: epoch.aiChipsUsd,
              otherServer: epoch.otherServerUsd,
              interconnect: epoch.interconnectUsd,
              energy: epoch.energyUsd
            }
          },
    rentedChipHourCostUsd: setup.input.rentedUsdPerChipHour,
    costRentedUsd: run.costRentedUsd
  };
}

function formatTraining(r: ReturnType<typeof runTraining>): string {
  const n = (v: number | null) => formatNumber(v);
  const title = `${r.model} (${formatNumber(r.activeParams / 1e9)}B active parameters) on ${r.chips} × ${r.hardware} at MFU ${r.mfu} (${r.precision} peak), goodput ${r.goodputFraction}`;
  const e = r.energyConvention;
  return (
    `${title}\n\n` +
    formatKeyValues([
      ["training tokens", n(r.tokens), "tokens"],
      ["compute", n(r.flops), `FLOP (6·N·D ${n(r.parameterFlops)} + attention ${n(r.attentionFlops)})`],
      ["chip-hours, steady state", n(r.steadyStateChipHours), "chip-hours"],
      ["chip-hours, whole run", n(r.chipHours), "chip-hours (steady state ÷ goodput)"],
      ["wall-clock, steady state", n(r.steadyStateDays), "days"],
      ["wall-clock, whole run", n(r.wallClockDays), "days"],
      [
        "energy, whole run",
        n(r.energyMwh),
        `MWh (${n(e.itPowerKwPerChip)} kW IT per chip × draw ${e.averageDrawFraction} × PUE ${e.pue})`
      ],
      [
        "cost, owned chips",
        r.costOwnedUsd === null
          ? "— (no chip price; pass --chip-price)"
          : `${n(r.costOwnedSteadyStateUsd)} steady / ${n(r.costOwnedUsd)} whole run`,
        "USD"
      ],
      [
        "cost, rented chips",
        r.costRentedUsd === null ? "— (no hourly price; pass --hourly-price)" : n(r.costRentedUsd),
        "USD (whole run)"
      ]
    ]) +
    formatParts(r)
  );
}

/** The owned cost by part under both methods, and why they differ. */
function formatParts(r: ReturnType<typeof runTraining>): string {
  const b = r.costOwnedBreakdownUsd;
  const e = r.epochMethod;
  if (b === null || e === null) return "";
  const n = (v: number) => formatNumber(v);
  return (
    "\n\nOwned cost by part, whole run (USD):\n" +
    formatKeyValues([
      ["annuity (default)", n(r.costOwnedUsd!), "capital recovered at the cost of capital over the useful life"],
      ["  chip capital", n(b.chipCapital), ""],
      ["  system capital (server, network)", n(b.systemCapital), ""],
      ["  facility capital", n(b.facilityCapital), ""],
      ["  energy", n(b.energy), ""],
      ["  operations", n(b.operations), ""],
      ["Epoch AI method", n(e.costUsd), "depreciation at 0.14 OOM/yr, no cost of capital, facility or operations"],
      ["  AI chips", n(e.breakdownUsd.aiChips), ""],
      ["  other server parts", n(e.breakdownUsd.otherServer), ""],
      ["  cluster interconnect (19%)", n(e.breakdownUsd.interconnect), ""],
      [
        "  energy",
        n(e.breakdownUsd.energy),
        `server TDP × ${e.assumptions.serverTdpFraction} × PUE ${e.assumptions.pue} (Epoch's convention)`
      ]
    ])
  );
}
