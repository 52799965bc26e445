#!/usr/bin/env node
// The command line. An installed package runs its compiled JavaScript (dist-lib/, built by `prepare`). Inside the
// source repository it runs the compiled code only while it is fresh (no file in src/ or docs/components/ newer than
// dist-lib/.stamp); otherwise tsx compiles src/ on the fly, so an edit is never hidden behind stale output.
import {existsSync} from "node:fs";
import {compiledIsFresh} from "./compiledIsFresh.js";

const root = new URL("../", import.meta.url);
const compiled = new URL("dist-lib/lib/cli/main.js", root);
const source = new URL("src/cli/main.ts", root);

let cli;
if (existsSync(compiled) && (!existsSync(source) || (process.env.TOKEN_LEDGER_TSX !== "1" && compiledIsFresh(root)))) {
  cli = await import(compiled.href);
} else {
  const {register} = await import("tsx/esm/api");
  register();
  cli = await import(source.href);
}
const {run, outputError} = cli;
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
