import {UserError} from "../../errors/userError.js";
import type {Command} from "commander";
import {buildSite} from "../../node/site/build.js";
import {previewSite} from "../../node/site/preview.js";
import {serveSite} from "../../node/site/serve.js";
import {stopWithParent} from "../../node/site/parentWatch.js";
import {positiveInteger} from "../flags.js";

/** A TCP port from 1 to 65535, as commander's parser; its bounds written as every flag's are ("[1, 65,535]"). */
function portFlag(text: string): number {
  return positiveInteger("--port", 65535)(text);
}

/** `preview`, `build` and `serve`: the report site's authoring loop (docs/, data/, observablehq.config.ts). */
export function registerSite(program: Command): void {
  program
    .command("preview")
    .description("preview the site; edits to scenarios, catalogs and pages show on the open pages without a restart")
    .option("--port <n>", "port of the preview server (default 3000, or the next free one)", portFlag)
    .option("--no-open", "do not open a browser")
    .action(async (options: {port?: number; open: boolean}) => {
      process.exitCode = await previewSite({
        ...(options.port !== undefined ? {port: options.port} : {}),
        open: options.open
      });
    });

  program
    .command("build")
    .description("check every scenario file, then build the site into dist/ (replaced only when the build succeeds)")
    .action(async () => {
      await buildSite();
      process.stdout.write("token-ledger: built dist/; open it with `npm run serve`\n");
    });

  program
    .command("serve")
    .description("serve the built site (dist/) with clean URLs, as a static host would")
    .argument("[dir]", "the built site", "dist")
    .option("--port <n>", "port to listen on", portFlag, 3000)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .action(async (dir: string, options: {port: number; host: string}) => {
      // An empty host listened on every interface and printed http://:3000/; a bracketed IPv6 address is a URL's
      // spelling, not an address (second-round breaker).
      const bracketed = /^\[(.*)\]$/.exec(options.host);
      if (options.host.trim() === "" || bracketed) {
        throw new UserError({
          flag: "--host",
          message: options.host.trim() === "" ? "empty" : "an address in brackets",
          expected: "an address of this machine to listen on, such as 127.0.0.1, 0.0.0.0, ::1 or localhost",
          found: JSON.stringify(options.host),
          ...(bracketed ? {hint: `did you mean ${bracketed[1]}?`} : {})
        });
      }
      const server = await serveSite(dir, {port: options.port, host: options.host});
      process.stdout.write(`token-ledger: serving ${dir} at ${server.url}/ (Ctrl-C to stop)\n`);
      await new Promise<void>((done) => {
        const close = () => void server.close().then(done);
        process.once("SIGINT", close);
        process.once("SIGTERM", close);
        // With the process that started it: `kill` of `npm run serve` left the server answering (new-user trial).
        stopWithParent(close, "serve");
      });
    });
}
