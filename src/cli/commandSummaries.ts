// How `token-ledger --help` lists each command, without importing the command's module (which loads the library and
// is slow): the term (name, options, arguments) and the description. test/cli/commandSummaries.test.ts checks that
// every entry equals what the real command registers, so the two cannot drift apart.

/** One command's line in the top-level help. */
export interface CommandSummary {
  /** As commander writes it: `run [options] <scenario>`. */
  term: string;
  description: string;
}

export const COMMAND_SUMMARIES: Readonly<Record<string, CommandSummary>> = {
  catalog: {term: "catalog [options] <which>", description: "list the accelerator or model catalog"},
  inference: {
    term: "inference [options]",
    description: "throughput, latency and cost per million tokens of one model on one chip (serving model + TCO)"
  },
  training: {
    term: "training [options]",
    description:
      "compute, time, energy and cost of a pre-training run (6·N·D plus causal attention), steady state and whole run"
  },
  "training-runs": {
    term: "training-runs [options]",
    description:
      "the training model beside every published run of data/training-runs.csv: whole-run chip-hours at the run's reported MFU and the default goodput, the ratio to the published hours, and the median error"
  },
  reference: {
    term: "reference",
    description: "print the scenario file reference (every key with unit, range, default, meaning, source) as Markdown"
  },
  validate: {
    term: "validate [files...]",
    description:
      "check scenario files, each distribution at its median and at run's draws holding each uncertain key's extremes; print every error as file:line:column: message"
  },
  run: {
    term: "run [options] <scenario>",
    description: "evaluate a scenario: its resolved assumptions and headline metrics"
  },
  compare: {
    term: "compare [options] <scenarios...>",
    description: "assumptions that differ and metrics side by side"
  },
  sweep: {
    term: "sweep [options] <scenario>",
    description:
      "evaluate a scenario over a grid of one or more assumptions and write one row per point; then write run's " +
      "notes, checked at the grid's corners, on stderr"
  },
  calibration: {
    term: "calibration [options]",
    description:
      "fit the serving model's efficiencies on data/measurements.csv and print every measurement beside the model, with the error on the measurements held out of the fit"
  },
  preview: {
    term: "preview [options]",
    description: "preview the site; edits to scenarios, catalogs and pages show on the open pages without a restart"
  },
  build: {
    term: "build",
    description: "check every scenario file, then build the site into dist/ (replaced only when the build succeeds)"
  },
  serve: {
    term: "serve [options] [dir]",
    description: "serve the built site (dist/) with clean URLs, as a static host would"
  },
  new: {
    term: "new [options] <dir>",
    description:
      "start a report project in an empty folder: config, pages, a scenario extending a bundled one, catalog extensions, a test"
  },
  pdf: {
    term: "pdf [options] <page>",
    description: "print a page of the built site to PDF with the system's chromium, in the state its share link gives"
  }
};
