import type {Command} from "commander";
import {loadCatalogs, loadTrainingRuns} from "../../node/catalogFiles.js";
import {schemaDefaults} from "../../scenario/file/schema.js";
import {num} from "../../scenario/evaluate/modelKeys.js";
import {trainingRunsReport, type TrainingRunsReport} from "../../training/trainingRunsReport.js";
import {keyFlag} from "../flags.js";
import {formatComputedPercent, formatPercent} from "../../scenario/run/reportFormat.js";
import {formatNumber, formatTable} from "../table.js";

export function registerTrainingRuns(program: Command): void {
  const defaults = schemaDefaults();
  program
    .command("training-runs")
    .description(
      "the training model beside every published run of data/training-runs.csv: whole-run chip-hours at the run's " +
        "reported MFU and the default goodput, the ratio to the published hours, and the median error"
    )
    .option(
      "--goodput <f>",
      "effective training time used for every run, or a percentage (90%) (the schema's training.goodput by default)",
      keyFlag("--goodput", "training.goodput"),
      num(defaults["training.goodput"], "training.goodput")
    )
    .option("--json", "print {goodputFraction, rows, comparedCount, medianAbsoluteError, medianRatio} as JSON")
    .action((options: {goodput: number; json?: boolean}) => {
      const catalogs = loadCatalogs();
      const report = trainingRunsReport(loadTrainingRuns(catalogs), catalogs, options.goodput);
      process.stdout.write((options.json ? JSON.stringify(report, null, 2) : formatTrainingRuns(report)) + "\n");
    });
}

/** The report as text: one row per run, the median error, and the notes on runs that miss by more than 35%. */
export function formatTrainingRuns(report: TrainingRunsReport): string {
  const n = formatNumber;
  const table = formatTable(
    ["run", "chip", "FLOP", "published chip-h", "reported MFU", "tool chip-h", "tool ÷ published", "implied MFU"],
    report.rows.map((r) => [
      r.id,
      r.hardware,
      n(r.flops),
      n(r.publishedChipHours),
      // MFU as a percentage, as the training model's table on /model-accuracy writes it (it read 0.410 here, 41%
      // there), with the precision whose peak it is of: DeepSeek-V3's 22% is of the FP8 peak, 44% of the BF16 one.
      r.reportedMfu === null ? "—" : `${formatPercent(r.reportedMfu)} ${r.precision}`,
      r.toolChipHours === null ? "—" : n(r.toolChipHours),
      r.ratio === null ? "—" : n(r.ratio),
      `${formatPercent(r.impliedMfu)} ${r.precision}`
    ])
  );
  const misses = report.rows.filter((r) => r.missNote !== null);
  const notes = misses.length
    ? `\n\nMissing by more than 35% (what the published hours include):\n${misses.map((r) => `  ${r.id}: ${r.missNote}`).join("\n")}`
    : "";
  return (
    `Whole-run chip-hours = FLOPs (6·N·D + causal attention) ÷ (peak × reported MFU × 3600) ÷ goodput ${formatPercent(report.goodputFraction)}\n` +
    `(the peak, and every MFU, at the run's training precision, written beside the MFU)\n\n` +
    `${table}\n\n` +
    `Over the ${report.comparedCount} runs that report an MFU: median |tool ÷ published − 1| = ${formatComputedPercent(report.medianAbsoluteError)}, ` +
    `median ratio ${n(report.medianRatio)}. Runs without a reported MFU show the steady-state MFU their hours imply at ` +
    `goodput ${formatPercent(report.goodputFraction)}.${notes}`
  );
}
