#!/usr/bin/env node
// The command line is TypeScript; tsx compiles it on the fly so there is no build step to forget.
import {register} from "tsx/esm/api";

register();
const {run, outputError} = await import("../src/cli/main.ts");
// A reader that closes the pipe early (`token-ledger calibration --json | head`) is not an error: stop quietly. Any
// other failure to write the output (`> /dev/full`) is one line on stderr and exit code 1, not a stack trace.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  const userError = outputError(error);
  if (!userError) throw error;
  process.stderr.write(`token-ledger: ${userError.message}\n`);
  process.exit(1);
});
process.exitCode = await run(process.argv.slice(2));
