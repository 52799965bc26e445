import type {Command} from "commander";
import {
  addCustomChipOptions,
  addCustomModelOptions,
  resolveChipFlags,
  resolveModelFlags,
  type CustomChipFlags,
  type CustomModelFlags,
  type ResolvedModel
} from "../customSpecs.js";
import {UserError} from "../../errors/userError.js";
import {PRECISIONS, type Precision} from "../../inference/precision.js";
import {supportedPrecisions} from "../../inference/servingChecks.js";
import {sharedOwnership} from "../../scenario/evaluate/ownershipInput.js";
import {TRAINING_AVERAGE_DRAW_FRACTION, trainingSetupInput} from "../../scenario/evaluate/trainingInput.js";
import {keyRange, schemaDefaults, scenarioKey} from "../../scenario/file/schema.js";
import {num} from "../../scenario/evaluate/modelKeys.js";
import {trainingRun} from "../../training/trainingRun.js";
import {
  EPOCH_INTERCONNECT_FRACTION,
  EPOCH_PUE,
  EPOCH_SERVER_TDP_FRACTION,
  epochServerCostOverhead,
  epochTrainingCost
} from "../../tco/epochTrainingCost.js";
import {loadCatalogs, noteCatalogOverrides} from "../../node/catalogFiles.js";
import {keyFlag, oneOf, rangeFlag} from "../flags.js";
import {HARDWARE_CELL_RANGES} from "../../catalog/parseHardwareCsv.js";
import {CHIP_HOUR_COMPONENT_NAMES, CHIP_HOUR_COMPONENTS} from "../../tco/chipHourCost.js";
import {
  formatCount,
  formatPercent,
  formatPriceNumber,
  formatUsd,
  usdColumnFormat
} from "../../scenario/run/reportFormat.js";
import {formatKeyValues, formatNumber, formatStatedNumber} from "../table.js";
import {EPOCH_PRICE_PERFORMANCE_OOMS_PER_YEAR} from "../../tco/epochTrainingCost.js";
import {trainingDurationNote} from "../../scenario/run/trainingLengthNote.js";
import {groupThousands} from "../../units/groupThousands.js";
import {formatBeyondBound} from "../../units/range.js";
import {catalogCellName} from "../../catalog/rowOrigin.js";
import {countNoun} from "../../units/countNoun.js";

export interface TrainingOptions extends CustomModelFlags, CustomChipFlags {
  tokens: number;
  /** Unset: the schema default (8,192), or a catalog model's context window when shorter. */
  sequenceLength?: number;
  chips: number;
  /** Required unless --chip-hours gives the run's hours (which imply it). */
  mfu?: number;
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
  const command = program
    .command("training")
    .description(
      "compute, time, energy and cost of a pre-training run (6·N·D plus causal attention), steady state and whole run"
    )
    .option("--model <id>", "model id from data/models.csv (its active parameters are N); or a custom model's --params")
    .requiredOption("--tokens <n>", "training tokens D (e.g. 15.6e12)", keyFlag("--tokens", "training.tokens"))
    .option(
      "--sequence-length <n>",
      `training sequence length, tokens (sets the attention term; default: ${numberDefault("training.sequenceLength")}, or a catalog model's context window when shorter)`,
      keyFlag("--sequence-length", "training.sequenceLength")
    )
    .option(
      "--hardware <id>",
      "accelerator id from data/hardware.csv; or a custom chip's --peak-flops and --chip-power"
    )
    .requiredOption("--chips <n>", "chips in the cluster", keyFlag("--chips", "training.chips"))
    .option(
      "--mfu <f>",
      "steady-state model FLOPs utilisation, in [0.01, 1] or a percentage (40%) (training.mfu); not with --chip-hours, which imply it",
      keyFlag("--mfu", "training.mfu")
    )
    .option(
      "--goodput <f>",
      "share of the run's chip time that trains (effective training time), or a percentage (90%)",
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
      "purchase price per chip, USD, or '$30k' (default: the catalog's)",
      keyFlag("--chip-price", "hardware.price")
    )
    .option(
      "--hourly-price <usd>",
      'rental price per chip-hour, USD, or "2.5 USD/h" (default: the catalog\'s)',
      rangeFlag(
        "--hourly-price",
        HARDWARE_CELL_RANGES.hourly_usd,
        "the range of hourly_usd in data/hardware.csv",
        "usdPerHour"
      )
    )
    .option(
      "--chip-hours <n>",
      "price these whole-run chip-hours (a published figure) instead of the computed ones; mfu then shows the MFU they imply",
      // A published run's chip-hours: 100 million chips for a year is under 10^12.
      rangeFlag("--chip-hours", {min: 1, max: 1e12}, "chip-hours of one run")
    )
    .option(
      "--electricity <usd-per-kwh>",
      'electricity price, USD/kWh (or with a unit: "60 USD/MWh")',
      keyFlag("--electricity", "power.electricity"),
      numberDefault("power.electricity")
    )
    .option(
      "--hardware-age <years>",
      "Epoch AI method: years from buying the chips to starting the run (depreciated at 0.14 orders of magnitude a year)",
      rangeFlag("--hardware-age", {min: 0, max: 30}, "years; no accelerator is in service for longer"),
      0
    )
    .option("--hyperscaler", "Epoch AI method: PUE 1.1 (Google, Microsoft, Amazon, Meta) instead of 1.25");
  addCustomModelOptions(command, {serving: false});
  addCustomChipOptions(command, {serving: false});
  command
    .option("--json", "print one JSON object (keys documented in the README)")
    .action((options: TrainingOptions) => {
      const result = runTraining(options);
      noteCatalogOverrides();
      const note = trainingDurationNote(result.wallClockDays, result.chips);
      if (note) process.stderr.write(`token-ledger: note: ${note}\n`);
      process.stdout.write(options.json ? JSON.stringify(result, null, 2) + "\n" : formatTraining(result) + "\n");
    });
}

/**
 * The run's sequence length, tokens: --sequence-length, or the schema default capped at a catalog model's context
 * window (GPT-3's 2,048 tokens). Throws a UserError at --sequence-length above a catalog model's context window: a
 * 1M-token sequence on Llama 3.1 70B (131,072) ran with the attention term 9× the 6·N·D one, where `inference`
 * refuses a request past the window (breaker).
 */
function trainingSequenceTokens(options: TrainingOptions, model: ResolvedModel): number {
  const context = options.model !== undefined ? model.contextTokens : Infinity;
  if (options.sequenceLength === undefined) return Math.min(numberDefault("training.sequenceLength"), context);
  if (options.sequenceLength > context) {
    const contextCell = catalogCellName(model, "context_tokens", "data/models.csv");
    throw new UserError({
      flag: "--sequence-length",
      message: `longer than ${model.id}'s context window`,
      expected: `at most ${countNoun(groupThousands(context), "token")} (${contextCell})`,
      found: groupThousands(options.sequenceLength)
    });
  }
  return options.sequenceLength;
}

export function runTraining(options: TrainingOptions) {
  // --chip-hours imply the MFU (the hours' ratio to the computed ones cancels any MFU given), so the two are one or
  // the other: --mfu was required, then silently replaced by the hours' (new-user trial).
  if (options.chipHours === undefined && options.mfu === undefined) {
    throw new UserError({
      flag: "--mfu",
      message: "required option not given",
      expected: "--mfu <f> (or --chip-hours, a published run's hours, which imply it)",
      found: "nothing"
    });
  }
  if (options.chipHours !== undefined && options.mfu !== undefined) {
    throw new UserError({
      flag: "--mfu",
      message: "given with --chip-hours, which imply the MFU",
      expected: "--mfu or --chip-hours, not both",
      found: `--mfu ${options.mfu} and --chip-hours ${options.chipHours}`
    });
  }
  // Any MFU gives the same run under --chip-hours (the implied MFU replaces it below); 0.5 is a placeholder.
  const givenMfu = options.mfu ?? 0.5;
  const catalogs = loadCatalogs();
  const model = resolveModelFlags(options, catalogs.models, {serving: false});
  const hardware = resolveChipFlags(options, catalogs.hardware, {serving: false, precision: options.precision});
  const chipPriceUsd = options.chipPrice ?? hardware.priceUsd;
  // Ownership as a scenario file with no keys set would have it: the schema's defaults (src/scenario/file/schema.ts).
  const shared = sharedOwnership({...DEFAULTS, "power.electricity": options.electricity});
  const sequenceTokens = model.hasAttentionShape ? trainingSequenceTokens(options, model) : null;
  const setup = trainingSetupInput({
    model,
    hardware,
    precision: options.precision,
    tokens: options.tokens,
    sequenceTokens,
    mfu: givenMfu,
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
  const mfu = options.chipHours === undefined ? givenMfu : (givenMfu * computed.chipHours) / options.chipHours;
  if (mfu > 1) {
    // Fewer hours than the chips take at their full peak (it printed "MFU 12343.95" for --chip-hours 1000).
    throw new UserError({
      flag: "--chip-hours",
      message: `${groupThousands(options.chipHours!)} chip-hours imply an MFU of ${formatBeyondBound(mfu, 1)}, above 1`,
      expected: `at least ${groupThousands(Math.ceil(givenMfu * computed.chipHours))} chip-hours (this run at MFU 1, goodput ${options.goodput})`,
      found: String(options.chipHours)
    });
  }
  // As many hours as imply an MFU below --mfu's floor: refused as --mfu 0.001 is (it printed "MFU 1.23E−5" and a
  // 2,543,132-day run; second-round breaker).
  const mfuMin = keyRange(scenarioKey("training.mfu")!).min;
  if (mfu < mfuMin) {
    throw new UserError({
      flag: "--chip-hours",
      message: `${groupThousands(options.chipHours!)} chip-hours imply an MFU of ${formatBeyondBound(mfu, mfuMin)}, below ${mfuMin}`,
      expected: `at most ${groupThousands(Math.floor((givenMfu * computed.chipHours) / mfuMin))} chip-hours (this run at MFU ${mfuMin}, goodput ${options.goodput})`,
      found: String(options.chipHours)
    });
  }
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
  const computed = (v: number) => formatPriceNumber(v);
  const dayNoun = (days: number) => (computed(days) === computed(1) ? "day" : "days");
  // Money as run and the site write it ("$56.2M"); it was every digit of a dollar amount ("56,242,062 USD").
  const usd = (v: number | null) => (v === null ? "—" : formatUsd(v));
  // MFU and goodput as percentages, as `run`'s assumptions and /model-accuracy write them ("MFU 41%"); the title read
  // "MFU 0.410 (bf16 peak), goodput 0.9" beside run's "training.mfu 41%".
  const title = `${r.model} (${formatStatedNumber(r.activeParams / 1e9)}B active parameters) on ${groupThousands(r.chips)} × ${r.hardware} at MFU ${formatPercent(r.mfu)} (${r.precision} peak), goodput ${formatPercent(r.goodputFraction)}`;
  const e = r.energyConvention;
  return (
    `${title}\n\n` +
    formatKeyValues([
      ["training tokens", formatCount(r.tokens), "tokens"],
      ...(r.sequenceTokens === null
        ? []
        : [
            ["sequence length", groupThousands(r.sequenceTokens), "tokens (sets the attention term)"] as [
              string,
              string,
              string
            ]
          ]),
      ["compute", n(r.flops), `FLOP (6·N·D ${n(r.parameterFlops)} + attention ${n(r.attentionFlops)})`],
      ["chip-hours, steady state", formatCount(r.steadyStateChipHours), "chip-hours"],
      ["chip-hours, whole run", formatCount(r.chipHours), "chip-hours (steady state ÷ goodput)"],
      // A computed length and energy as `run` writes its days (metricFormat, formatPriceNumber): three significant
      // digits, a whole one too ("53.0 days" beside "76.6 days"; it read "53 days"), and from a thousand ("1,250 days",
      // "46,100 MWh"; they read "1,254" and "46,064"). One day is "1.00 day" (it read "1 days").
      ["wall-clock, steady state", computed(r.steadyStateDays), dayNoun(r.steadyStateDays)],
      ["wall-clock, whole run", computed(r.wallClockDays), dayNoun(r.wallClockDays)],
      [
        "energy, whole run",
        computed(r.energyMwh),
        `MWh (${n(e.itPowerKwPerChip)} kW IT per chip × draw ${e.averageDrawFraction} × PUE ${e.pue})`
      ],
      [
        "cost, owned chips",
        r.costOwnedUsd === null
          ? "— (no chip price; pass --chip-price)"
          : `${usd(r.costOwnedSteadyStateUsd)} steady / ${usd(r.costOwnedUsd)} whole run`,
        ""
      ],
      [
        "cost, rented chips",
        r.costRentedUsd === null ? "— (no hourly price; pass --hourly-price)" : usd(r.costRentedUsd),
        // The unit column qualifies a figure; beside the note it read "… --hourly-price)  whole run" (new user).
        r.costRentedUsd === null ? "" : "whole run"
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
  // One notation down the column: the totals' scale word on every part from a thousand (usdColumnFormat).
  const n = usdColumnFormat([r.costOwnedUsd!, e.costUsd]);
  return (
    "\n\nOwned cost by part, whole run:\n" +
    formatKeyValues([
      ["annuity (default)", n(r.costOwnedUsd!), "capital recovered at the cost of capital over the useful life"],
      // The parts named as inference's cost table and the site's cost stack name them.
      ...CHIP_HOUR_COMPONENTS.map((part): [string, string, string] => [
        `  ${CHIP_HOUR_COMPONENT_NAMES[part]}`,
        n(b[part]),
        ""
      ]),
      [
        "Epoch AI method",
        n(e.costUsd),
        // "OOM/yr" was left unexplained (new-user trial): the trend in words, and as a factor a year.
        `written off as GPU price-performance gains ${EPOCH_PRICE_PERFORMANCE_OOMS_PER_YEAR} orders of magnitude a year ` +
          `(×${formatNumber(10 ** EPOCH_PRICE_PERFORMANCE_OOMS_PER_YEAR)}); no cost of capital, facility or operations`
      ],
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
