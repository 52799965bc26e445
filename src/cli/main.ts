import {Command, CommanderError, Help} from "commander";
import {isUserError, UserError, type UserErrors} from "../errors/userError.js";
import {checkFlagValues, commanderUserError} from "./commanderErrors.js";
import {COMMAND_SUMMARIES} from "./commandSummaries.js";
import {checkSplitSetValues} from "./splitSetValue.js";
import {catalogNoteWritten, forgetCatalogNotes, writeCatalogNote} from "../node/catalogNoteLog.js";
import {packageVersion} from "../node/paths.js";

/** A module of commands, imported only when one of its commands runs (the library behind them is slow to load). */
interface CommandModule {
  /** The commands the module registers, in help order. */
  names: readonly string[];
  load(): Promise<(program: Command) => void>;
}

/** Every command module, in the order `--help` lists their commands. */
export const COMMAND_MODULES: readonly CommandModule[] = [
  {names: ["catalog"], load: async () => (await import("./commands/catalog.js")).registerCatalog},
  {names: ["inference"], load: async () => (await import("./commands/inference.js")).registerInference},
  {names: ["training"], load: async () => (await import("./commands/training.js")).registerTraining},
  {names: ["training-runs"], load: async () => (await import("./commands/trainingRuns.js")).registerTrainingRuns},
  {
    names: ["reference", "validate", "run", "compare"],
    load: async () => (await import("./commands/scenarios.js")).registerScenarioCommands
  },
  {names: ["sweep"], load: async () => (await import("./commands/sweep.js")).registerSweep},
  {names: ["calibration"], load: async () => (await import("./commands/calibration.js")).registerCalibration},
  {names: ["preview", "build", "serve"], load: async () => (await import("./commands/site.js")).registerSite},
  {names: ["new"], load: async () => (await import("./commands/new.js")).registerNew},
  {names: ["pdf"], load: async () => (await import("./commands/pdf.js")).registerPdf}
];

/**
 * Builds the command line. Only the modules of the commands named in `load` are imported (every one when `load` is
 * "all"); each other command is a stand-in with the name and help line of COMMAND_SUMMARIES, enough for `--help` and
 * for commander's "unknown command" suggestions. `run` parses argv and turns user mistakes into one line on stderr and
 * exit code 1.
 *
 * @param load The commands to load for real: names, or "all".
 */
export async function buildProgram(load: readonly string[] | "all" = "all"): Promise<Command> {
  const program = new Command("token-ledger")
    .description("Economics of producing AI tokens: catalogs, inference and training costs, scenarios.")
    // `--version` read "unknown option … expected no options" (new-user trial); -V, as commander writes it.
    .version(packageVersion(), "-V, --version", "print token-ledger's version")
    .exitOverride();
  const stubTerms = new Map<Command, string>();
  for (const module of COMMAND_MODULES) {
    if (load === "all" || module.names.some((name) => load.includes(name))) {
      (await module.load())(program);
      continue;
    }
    for (const name of module.names) {
      const summary = COMMAND_SUMMARIES[name]!;
      stubTerms.set(program.command(name).description(summary.description), summary.term);
    }
  }
  // A stand-in lists as its real command would (`run [options] <scenario>`), not as a bare name.
  program.configureHelp({
    subcommandTerm: (command) => stubTerms.get(command) ?? new Help().subcommandTerm(command)
  });
  // Defaults in --help as a person writes them: "(default: none)" for a repeatable flag's empty list and a string
  // unquoted, "(default: bf16)" as the other commands' help reads (they read `(default: [])` and `(default: "bf16")`;
  // new user).
  for (const option of program.commands.flatMap((command) => [...command.options, ...command.registeredArguments])) {
    if (option.defaultValueDescription !== undefined) continue;
    if (Array.isArray(option.defaultValue) && option.defaultValue.length === 0) option.defaultValueDescription = "none";
    else if (typeof option.defaultValue === "string") option.defaultValueDescription = option.defaultValue;
  }
  // Commander's own errors become one `token-ledger: …` line with expected and found, like every user error.
  for (const command of [program, ...program.commands]) {
    command.configureOutput({outputError: () => {}});
    command.exitOverride((error) => {
      throw commanderUserError(command, error);
    });
  }
  return program;
}

/**
 * Runs the command line on `argv` (without node and the script). Returns the exit code: 0, or 1 after printing each
 * user error as one `token-ledger: …` line on stderr. A failure to write the output (a full disk, a closed pipe) is
 * such an error too; anything else is a bug and is thrown.
 */
export async function run(argv: string[]): Promise<number> {
  forgetCatalogNotes();
  try {
    // `help run` and `run --help` need the run command's own options; `--help` alone needs none of the modules.
    const named = argv[0] === "help" ? argv[1] : argv[0];
    const program = await buildProgram(named === undefined ? [] : [named]);
    const command = program.commands.find((sub) => sub.name() === argv[0]);
    if (command) {
      checkFlagValues(command, argv.slice(1));
      await checkSplitSetValues(command, argv.slice(1));
    }
    await program.parseAsync(argv, {from: "user"});
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    const userError = isUserError(error) ? error : outputError(error);
    if (userError) {
      process.stderr.write(`token-ledger: ${userError.message.split("\n").join("\ntoken-ledger: ")}\n`);
      await noteOverridesBehind(userError);
      if (CATALOG_NOTE_COMMANDS.has(argv[0] ?? "")) (await import("../node/catalogFiles.js")).noteCatalogAfterErrors();
      else await noteCellsBeside(userError);
      return 1;
    }
    throw error;
  }
}

/**
 * The commands that print the catalog notes on success (noteCatalogOverrides: a project's row overriding a bundled
 * one, its cells' notes, …), which print them after their errors too, each once: validate, run and compare dropped
 * them when a scenario erred, exactly when they would explain it (tester).
 */
const CATALOG_NOTE_COMMANDS: ReadonlySet<string> = new Set([
  "validate",
  "run",
  "compare",
  "sweep",
  "inference",
  "training",
  "catalog"
]);

/**
 * After errors in token-ledger's own files (a bundled scenario or measurement no longer fits a chip), the project's
 * catalog rows that override bundled ones, which are the likely cause: a project's h100-sxm row with 8 GB of HBM
 * made base.md:8 and measurements.csv:2 fail inside node_modules, and the override's note, printed on success, was
 * missing (breaker). Nothing when no error is in a bundled file or the project overrides no row.
 */
async function noteOverridesBehind(error: UserError | UserErrors): Promise<void> {
  const [{DATA_DIR}, {catalogOverrides}, {resolve, sep}] = await Promise.all([
    import("../node/paths.js"),
    import("../node/catalogFiles.js"),
    import("node:path")
  ]);
  const files = ("errors" in error ? error.errors : [error]).map((e) => e.detail.file);
  if (!files.some((file) => file !== undefined && resolve(file).startsWith(DATA_DIR + sep))) return;
  let overrides: {message: string}[] = [];
  try {
    overrides = catalogOverrides();
  } catch {
    return; // A project catalog that cannot be read has its own error above.
  }
  if (!overrides.length) return;
  // Rows a command noted before it failed (sweep) are pointed back to, not written twice.
  const fresh = overrides.filter((override) => !catalogNoteWritten(override.message));
  const rows = overrides.length === 1 ? "this row overrides a bundled one" : "these rows override bundled ones";
  process.stderr.write(
    "token-ledger: note: the errors above are in token-ledger's bundled files, evaluated with this project's " +
      `catalog rows; ${fresh.length ? `${rows}:` : `${rows}, noted above`}\n`
  );
  for (const override of fresh) writeCatalogNote(override.message);
}

/**
 * After errors in a project's data/hardware.csv or data/models.csv, its cells' notes (hardwareCellNotes: a chip priced
 * under $1,000, …; modelCellNotes), which a load that succeeds prints: `31.12` for $31.12k vanished when another row
 * erred, and was seen only once that row was fixed (breaker). Nothing when no error is in that file.
 */
async function noteCellsBeside(error: UserError | UserErrors): Promise<void> {
  const {hardwareCellNotes, modelCellNotes} = await import("../node/catalogFiles.js");
  const files = new Set(("errors" in error ? error.errors : [error]).map((e) => e.detail.file));
  let notes: string[] = [];
  try {
    notes = [...hardwareCellNotes(), ...modelCellNotes()];
  } catch {
    return; // A project catalog that cannot be read has its own error above.
  }
  for (const note of notes) {
    if ([...files].some((file) => file !== undefined && note.startsWith(`${file}:`))) writeCatalogNote(note);
  }
}

/**
 * A system error from writing the output (ENOSPC on `> /dev/full`, EPIPE, EIO, EBADF) as a UserError, or undefined for
 * any other error.
 */
export function outputError(error: unknown): UserError | undefined {
  const system = error as NodeJS.ErrnoException | null;
  if (!(error instanceof Error) || system?.syscall !== "write" || typeof system.code !== "string") return undefined;
  return new UserError({
    message: `cannot write the output (${system.code})`,
    expected: "a writable standard output",
    found: system.message.split("\n")[0] ?? system.code
  });
}
