import type {Command} from "commander";
import {findById} from "../../catalog/lookup.js";
import {UserError} from "../../errors/userError.js";
import {PRECISIONS, peakFlopsPerS, type Precision} from "../../inference/precision.js";
import {supportedPrecisions} from "../../inference/servingChecks.js";
import {chipHourCost} from "../../tco/chipHourCost.js";
import {chipHourInput, sharedOwnership} from "../../scenario/evaluate/ownershipInput.js";
import {schemaDefaults} from "../../scenario/file/schema.js";
import {num} from "../../scenario/evaluate/modelKeys.js";
import {trainingRun} from "../../training/trainingRun.js";
import {loadCatalogs} from "../../node/catalogFiles.js";
import {keyFlag, oneOf, rangeFlag} from "../flags.js";
import {HARDWARE_CELL_RANGES} from "../../catalog/parseHardwareCsv.js";
import {formatKeyValues, formatNumber} from "../table.js";

interface TrainingOptions {
  model: string;
  tokens: number;
  hardware: string;
  chips: number;
  mfu: number;
  precision: Precision;
  chipPrice?: number;
  hourlyPrice?: number;
  json?: boolean;
}

export function registerTraining(program: Command): void {
  program
    .command("training")
    .description("compute, time, energy and cost of a pre-training run (6·N·D)")
    .requiredOption("--model <id>", "model id from data/models.csv (its active parameters are N)")
    .requiredOption("--tokens <n>", "training tokens D (e.g. 15.6e12)", keyFlag("--tokens", "training.tokens"))
    .requiredOption("--hardware <id>", "accelerator id from data/hardware.csv")
    .requiredOption("--chips <n>", "chips in the cluster", keyFlag("--chips", "training.chips"))
    .requiredOption(
      "--mfu <f>",
      "model FLOPs utilisation, in [0.01, 1] (training.mfu)",
      keyFlag("--mfu", "training.mfu")
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
      keyFlag("--chip-price", "hardware.price")
    )
    .option(
      "--hourly-price <usd>",
      "rental price per chip-hour, USD (default: the catalog's)",
      rangeFlag("--hourly-price", HARDWARE_CELL_RANGES.hourly_usd, "the range of hourly_usd in data/hardware.csv")
    )
    .option("--json", "print one JSON object (keys documented in the README)")
    .action((options: TrainingOptions) => {
      const result = runTraining(options);
      process.stdout.write(options.json ? JSON.stringify(result, null, 2) + "\n" : formatTraining(result) + "\n");
    });
}

export function runTraining(options: TrainingOptions) {
  const catalogs = loadCatalogs();
  const model = findById(catalogs.models, options.model, "model", "--model");
  const hardware = findById(catalogs.hardware, options.hardware, "hardware", "--hardware");
  const peak = peakFlopsPerS(hardware, options.precision);
  if (peak === null) {
    throw new UserError({
      flag: "--precision",
      message: `${hardware.id} has no ${options.precision} support`,
      expected: `one of ${supportedPrecisions(hardware).join(", ")}`,
      found: options.precision
    });
  }
  const chipPriceUsd = options.chipPrice ?? hardware.priceUsd;
  // Ownership as a scenario file with no keys set would have it: the schema's defaults (src/scenario/file/schema.ts).
  const defaults = schemaDefaults();
  const shared = sharedOwnership(defaults);
  const margin = num(defaults["finance.vendorGrossMargin"], "finance.vendorGrossMargin");
  const ownedChipHour =
    chipPriceUsd === null
      ? null
      : // Training runs flat out: the chip-hour is priced at full draw, as its energy is (and as a scenario's is).
        chipHourCost({...chipHourInput(shared, chipPriceUsd, hardware.powerW, margin), averageDrawFraction: 1});
  const itPowerKwPerChip = (hardware.powerW * (1 + shared.hostPowerFraction)) / 1000;
  const run = trainingRun({
    activeParams: model.activeParams,
    tokens: options.tokens,
    peakFlopsPerS: peak,
    mfu: options.mfu,
    chips: options.chips,
    itPowerKwPerChip,
    // Training keeps chips near full power: an assumption of 1.0 rather than the serving fleet's average draw.
    averageDrawFraction: 1,
    pue: shared.pue,
    ownedUsdPerChipHour: ownedChipHour?.totalUsdPerChipHour ?? 0,
    rentedUsdPerChipHour: options.hourlyPrice ?? hardware.hourlyPriceUsd
  });
  return {
    model: model.id,
    hardware: hardware.id,
    precision: options.precision,
    activeParams: model.activeParams,
    tokens: options.tokens,
    chips: options.chips,
    mfu: options.mfu,
    flops: run.flops,
    chipHours: run.chipHours,
    wallClockDays: run.wallClockDays,
    energyMwh: run.energyMwh,
    ownedChipHourCostUsd: ownedChipHour?.totalUsdPerChipHour ?? null,
    costOwnedUsd: ownedChipHour ? run.costOwnedUsd : null,
    rentedChipHourCostUsd: options.hourlyPrice ?? hardware.hourlyPriceUsd,
    costRentedUsd: run.costRentedUsd
  };
}

function formatTraining(r: ReturnType<typeof runTraining>): string {
  const n = (v: number | null) => formatNumber(v);
  const title = `${r.model} (${formatNumber(r.activeParams / 1e9)}B active parameters) on ${r.chips} × ${r.hardware} at MFU ${r.mfu} (${r.precision} peak)`;
  return (
    `${title}\n\n` +
    formatKeyValues([
      ["training tokens", n(r.tokens), "tokens"],
      ["compute", n(r.flops), "FLOP"],
      ["chip-hours", n(r.chipHours), "chip-hours"],
      ["wall-clock time", n(r.wallClockDays), "days"],
      ["energy", n(r.energyMwh), "MWh"],
      [
        "cost, owned chips",
        r.costOwnedUsd === null ? "— (no chip price; pass --chip-price)" : n(r.costOwnedUsd),
        "USD"
      ],
      [
        "cost, rented chips",
        r.costRentedUsd === null ? "— (no hourly price; pass --hourly-price)" : n(r.costRentedUsd),
        "USD"
      ]
    ])
  );
}
