import {Command, CommanderError} from "commander";
import {isUserError, UserError} from "../errors/userError.js";
import {checkFlagValues, commanderUserError} from "./commanderErrors.js";
import {registerCalibration} from "./commands/calibration.js";
import {registerCatalog} from "./commands/catalog.js";
import {registerInference} from "./commands/inference.js";
import {registerScenarioCommands} from "./commands/scenarios.js";
import {registerSite} from "./commands/site.js";
import {registerSweep} from "./commands/sweep.js";
import {registerTraining} from "./commands/training.js";
import {registerTrainingRuns} from "./commands/trainingRuns.js";

/** Builds the command line; `run` parses argv and turns user mistakes into one line on stderr and exit code 1. */
export function buildProgram(): Command {
  const program = new Command("token-ledger")
    .description("Economics of producing AI tokens: catalogs, inference and training costs, scenarios.")
    .exitOverride();
  registerCatalog(program);
  registerInference(program);
  registerTraining(program);
  registerTrainingRuns(program);
  registerScenarioCommands(program);
  registerSweep(program);
  registerCalibration(program);
  registerSite(program);
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
  try {
    const program = buildProgram();
    const command = program.commands.find((sub) => sub.name() === argv[0]);
    if (command) checkFlagValues(command, argv.slice(1));
    await program.parseAsync(argv, {from: "user"});
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    const userError = isUserError(error) ? error : outputError(error);
    if (userError) {
      process.stderr.write(`token-ledger: ${userError.message.split("\n").join("\ntoken-ledger: ")}\n`);
      return 1;
    }
    throw error;
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
