import {Command, CommanderError} from "commander";
import {isUserError} from "../errors/userError.js";
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
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerCatalog(program);
  registerInference(program);
  registerTraining(program);
  registerTrainingRuns(program);
  registerScenarioCommands(program);
  registerSweep(program);
  registerCalibration(program);
  registerSite(program);
  return program;
}

export async function run(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, {from: "user"});
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    if (isUserError(error)) {
      process.stderr.write(`token-ledger: ${error.message.split("\n").join("\ntoken-ledger: ")}\n`);
      return 1;
    }
    throw error;
  }
}
