import {createHash} from "node:crypto";
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";
import type {Command} from "commander";
import {
  calibrationReport,
  checkCalibrationFinite,
  fitCalibration,
  fitSplitOf,
  prepareMeasurements,
  systemHeldOutError,
  systemSplitShortfall,
  type CalibrationError,
  type CalibrationReport
} from "../../inference/calibration/calibrate.js";
import {servingCalibrationSource} from "../../inference/calibration/generatedSource.js";
import {loadCatalogs} from "../../node/catalogFiles.js";
import {loadMeasurements} from "../../node/measurementFiles.js";
import {UserError} from "../../errors/userError.js";
import {PACKAGE_ROOT, slashedFileError} from "../../node/paths.js";
import {writeFileAtomic} from "../../node/writeTable.js";
import {formatComputedPercent, formatDisplayNumber, formatPriceNumber} from "../../scenario/run/reportFormat.js";
import {formatNumber, formatTable} from "../table.js";
import {capMarks, ENGINE_CAPPED_NOTE, MEMORY_CAPPED_NOTE} from "../../inference/calibration/capNotes.js";
import {CALIBRATED_BAND_CRITERION, CALIBRATED_BAND_REASON} from "../../inference/calibration/scope.js";

/** Where `--write` puts the fitted efficiencies: the module the serving model reads them from. */
export const SERVING_CALIBRATION_FILE = resolve(PACKAGE_ROOT, "src/inference/servingCalibration.generated.ts");

/**
 * The file `calibration --write` writes: {@link SERVING_CALIBRATION_FILE} of a token-ledger checkout.
 *
 * @param packageRoot token-ledger's folder (default: the running package's).
 * @throws UserError naming --write when the package has no src/ (an installed package, as in a report project): the
 *   fitted efficiencies are a module compiled into token-ledger, so writing them into a project would change nothing
 *   the serving model reads. Refused before any fitting, nothing written.
 */
export function calibrationWriteTarget(packageRoot = PACKAGE_ROOT): string {
  const file = resolve(packageRoot, "src/inference/servingCalibration.generated.ts");
  if (!existsSync(join(packageRoot, "src"))) {
    throw new UserError({
      flag: "--write",
      message:
        "this token-ledger is an installed package: its fitted efficiencies are compiled in, and a file written in " +
        "your project would not be read; run `calibration --write` in a checkout of token-ledger (then npm pack it), " +
        "or leave out --write to see the fit",
      expected: "a checkout with src/inference/",
      found: `${packageRoot} (no src/)`
    });
  }
  return file;
}

/**
 * Writes the generated module `source` to `target` whole or not at all: to a temporary file beside it, then renamed
 * over it (writeFileAtomic, as sweep's --out), so that an interrupted write never leaves a partial module for every
 * later command to fail importing (it was a plain write; breaker). `beforeRename` is writeFileAtomic's test hook.
 *
 * @throws UserError naming --write and the path when the file cannot be written.
 */
export function writeCalibrationModule(target: string, source: string, beforeRename?: () => void): void {
  writeFileAtomic(target, Buffer.from(source), "--write", beforeRename);
}

export function registerCalibration(program: Command): void {
  program
    .command("calibration")
    .description(
      "fit the serving model's efficiencies on data/measurements.csv and print every measurement beside the model, " +
        "with the error on the measurements held out of the fit"
    )
    .option("--measurements <file>", "measurements CSV (default data/measurements.csv)")
    .option(
      "--json",
      "print {efficiencies, rows, skipped, outOfBand, outOfBandError, fit, heldOut, heldOutBySystem, families} as JSON"
    )
    .option("--write", `write the fitted efficiencies to ${"src/inference/servingCalibration.generated.ts"}`)
    .action((options: {json?: boolean; write?: boolean; measurements?: string}) => {
      // `--measurements data/measurements.csv/` was read as the file (resolve drops the slash), where run, validate and
      // --out refuse a file's path written with one: refused the same way, naming the flag (helper item).
      const slashed =
        options.measurements === undefined
          ? undefined
          : slashedFileError(options.measurements, {flag: "--measurements"});
      if (slashed) throw slashed;
      const target = options.write ? calibrationWriteTarget() : undefined;
      const {measurements, file, text, notes} = loadMeasurements(options.measurements && resolve(options.measurements));
      for (const note of notes) process.stderr.write(`token-ledger: note: ${note}\n`);
      const prepared = prepareMeasurements(measurements, loadCatalogs(), file);
      const fitSplit = fitSplitOf(prepared, file);
      if (process.stderr.isTTY) process.stderr.write(`fitting on ${fitSplit.length} measurements of ${file} …\n`);
      const efficiencies = fitCalibration(fitSplit);
      if (process.stderr.isTTY) process.stderr.write("refitting without every third system, to report its error …\n");
      const report = calibrationReport(prepared, efficiencies, systemHeldOutError(prepared));
      // Before --write: a fit that failed is never saved.
      checkCalibrationFinite(report, prepared, file);
      const shortfall = systemSplitShortfall(prepared);
      if (shortfall) process.stderr.write(`token-ledger: note: whole systems held out: not computed: ${shortfall}\n`);
      if (target) {
        const sha256 = createHash("sha256").update(text).digest("hex");
        writeCalibrationModule(target, servingCalibrationSource(report, sha256));
        process.stderr.write(`wrote ${target}\n`);
      }
      process.stdout.write((options.json ? JSON.stringify(report, null, 2) : formatCalibration(report)) + "\n");
    });
}

/** What a row's tokens/s per chip count, as the table writes it: prompt tokens prefilled, or output tokens generated. */
const TOKENS_WORD: Readonly<Record<"input" | "output", string>> = {input: "input (prompt)", output: "output"};

/**
 * The report as text: one row per measurement of the calibrated band (its tokens column saying whether its tokens/s
 * per chip count prompt tokens prefilled or output tokens generated), then those outside it (scope.ts) apart with
 * the criterion and why, then the summary by split and by chip family, with the out-of-band rows' own line.
 */
export function formatCalibration(report: CalibrationReport): string {
  const n = formatNumber;
  // A ratio to three digits with its zeros, as a price is written: the ampere group's median ratio read "1" beside
  // "0.994" and "1.09" (new-user trial).
  const ratio = formatPriceNumber;
  const rows = formatTable(
    ["measurement", "split", "efficiencies", "tokens", "measured tok/s/chip", "model tok/s/chip", "model ÷ measured"],
    report.rows.map((r) => [
      r.id,
      r.split,
      r.efficiencies,
      TOKENS_WORD[r.tokens],
      n(r.measuredTokensPerSecondPerChip),
      `${n(r.predictedTokensPerSecondPerChip)}${capMarks(r)}`,
      ratio(r.ratio)
    ])
  );
  const prompts = [...report.rows, ...report.outOfBand].some((r) => r.tokens === "input")
    ? `\n${TOKENS_WORD.input}: a prefill measurement (decode on other chips): prompt tokens prefilled per second per ` +
      "chip, measured and modelled; output: tokens generated per second per chip"
    : "";
  const capped = [...report.rows, ...report.outOfBand].some((r) => r.memoryCapped)
    ? `\n\u2020 ${MEMORY_CAPPED_NOTE}`
    : "";
  const engineCapped = [...report.rows, ...report.outOfBand].some((r) => r.engineCapped)
    ? `\n\u2021 ${ENGINE_CAPPED_NOTE}`
    : "";
  const error = (label: string, e: CalibrationError) => [
    label,
    String(e.count),
    // Computed shares, as /model-accuracy writes them: "9.0%" beside "9.2%" in one column (it read "9%").
    formatComputedPercent(e.medianAbsoluteError),
    formatComputedPercent(e.shareWithin25),
    formatComputedPercent(e.shareWithin35),
    ratio(e.medianRatio),
    formatDisplayNumber.range(e.ratioP10, e.ratioP90)
  ];
  const summary = formatTable(
    ["measurements", "n", "median |model/measured − 1|", "within 25%", "within 35%", "median ratio", "ratio p10–p90"],
    [
      error("held out of the fit", report.heldOut),
      ...(report.heldOutBySystem ? [error("whole systems held out", report.heldOutBySystem)] : []),
      error("fitted", report.fit),
      ...report.families.map((f) => error(`${f.family} (all)`, f.all)),
      ...(report.outOfBandError ? [error("outside the band (not fitted)", report.outOfBandError)] : [])
    ]
  );
  const outOfBand = report.outOfBand.length
    ? `\n\nOutside the calibrated band: ${CALIBRATED_BAND_CRITERION}. ` +
      `Decided by layout and scheduling, from what the model lacks, not from the ratios: ${CALIBRATED_BAND_REASON}.\n` +
      formatTable(
        [
          "measurement",
          "TP",
          "EP",
          "efficiencies",
          "tokens",
          "measured tok/s/chip",
          "model tok/s/chip",
          "model ÷ measured"
        ],
        report.outOfBand.map((r) => [
          r.id,
          String(r.tensorParallel),
          String(r.expertParallel),
          r.efficiencies,
          TOKENS_WORD[r.tokens],
          n(r.measuredTokensPerSecondPerChip),
          `${n(r.predictedTokensPerSecondPerChip)}${capMarks(r)}`,
          ratio(r.ratio)
        ])
      )
    : "";
  const skipped = report.skipped.length
    ? `\n\nNot compared (a shape the model needs was not published):\n${report.skipped.map((s) => `  ${s.id}: ${s.reason}`).join("\n")}`
    : "";
  const efficiencies = formatTable(
    ["efficiencies", "bandwidth", "compute", "communication", "step overhead ms"],
    Object.entries({pooled: report.efficiencies.pooled, ...report.efficiencies.groups}).map(([group, e]) => [
      group,
      n(e!.bandwidthFraction),
      n(e!.computeFraction),
      n(e!.communicationFraction),
      n(e!.stepOverheadSeconds * 1e3)
    ])
  );
  return `${rows}${prompts}${capped}${engineCapped}${outOfBand}\n\n${summary}\n\n${efficiencies}${skipped}`;
}
