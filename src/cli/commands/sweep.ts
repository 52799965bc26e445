import type {Command} from "commander";
import {SingleBar} from "cli-progress";
import {loadCatalogs} from "../../node/catalogFiles.js";
import {locateScenario} from "../../node/scenarioFiles.js";
import {encodeTable, tableFormat, writeFileAtomic} from "../../node/writeTable.js";
import {applyOverrides} from "../../scenario/resolve/applyOverrides.js";
import {bindScenario} from "../../scenario/evaluate/evaluateScenario.js";
import {parseSweepAxis, sweepScenario} from "../../scenario/run/sweepScenario.js";
import {UserError} from "../../errors/userError.js";

/** Grids at least this large show a progress bar on a terminal. */
const PROGRESS_BAR_POINTS = 200;

export function registerSweep(program: Command): void {
  program
    .command("sweep")
    .description("evaluate a scenario over a grid of one or more assumptions and write one row per point")
    .argument("<scenario>", "a scenario id from data/scenarios/ or a path to a .md file")
    .option(
      "--vary <path=FROM:TO:STEPS>",
      "an axis of the grid (repeatable), e.g. --vary silicon.designCycle=6:36:31",
      (v: string, p: string[]) => [...p, v],
      []
    )
    .option(
      "--set <path=value>",
      "override an assumption first (repeatable)",
      (v: string, p: string[]) => [...p, v],
      []
    )
    .requiredOption("--out <file>", "output file: .csv, .json or .parquet (written whole, or not at all)")
    .action((scenario: string, options: {vary: string[]; set: string[]; out: string}) => {
      const format = tableFormat(options.out);
      if (options.vary.length === 0) {
        throw new UserError({
          flag: "--vary",
          message: "nothing to sweep",
          expected: "at least one --vary path=FROM:TO:STEPS",
          found: "none"
        });
      }
      const axes = options.vary.map((text) => parseSweepAxis(text));
      const {id, library} = locateScenario(scenario);
      const bound = bindScenario(applyOverrides(library.resolve(id), options.set), loadCatalogs());
      const total = axes.reduce((product, axis) => product * axis.values.length, 1);
      const bar =
        process.stderr.isTTY && total >= PROGRESS_BAR_POINTS
          ? new SingleBar({
              format: "sweep [{bar}] {percentage}% | {value}/{total} points | ETA {eta}s",
              stream: process.stderr
            })
          : null;
      bar?.start(total, 0);
      let rows;
      try {
        rows = sweepScenario({bound, axes, onProgress: bar ? (done) => bar.update(done) : undefined});
      } finally {
        bar?.stop();
      }
      writeFileAtomic(options.out, encodeTable(rows, format));
      process.stdout.write(
        `wrote ${rows.length} rows × ${Object.keys(rows[0] ?? {}).length} columns to ${options.out}\n`
      );
    });
}
