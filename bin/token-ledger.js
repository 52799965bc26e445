#!/usr/bin/env node
// The command line is TypeScript; tsx compiles it on the fly so there is no build step to forget.
import {register} from "tsx/esm/api";

register();
// A reader that closes the pipe early (`token-ledger calibration --json | head`) is not an error: stop quietly.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const {run} = await import("../src/cli/main.ts");
process.exitCode = await run(process.argv.slice(2));
