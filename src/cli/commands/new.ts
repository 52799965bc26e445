import type {Command} from "commander";
import {createProject} from "../../node/newProject.js";

/** `new DIR`: start a report project (src/node/newProject.ts). */
export function registerNew(program: Command): void {
  program
    .command("new")
    .description(
      "start a report project in an empty folder: config, pages, a scenario extending a bundled one, catalog extensions, a test"
    )
    .argument("<dir>", "the project's folder (new or empty)")
    .option("--title <text>", "the site's title (default: the folder's name)")
    .option(
      "--token-ledger <spec>",
      "token-ledger's version or location in package.json (default: ^VERSION when installed from the registry, else this package packed into vendor/)"
    )
    .action((dir: string, options: {title?: string; tokenLedger?: string}) => {
      const files = createProject(dir, {
        ...(options.title !== undefined ? {title: options.title} : {}),
        ...(options.tokenLedger !== undefined ? {tokenLedgerSpec: options.tokenLedger} : {})
      });
      process.stdout.write(
        `token-ledger: created ${files.length} files in ${dir}\n\n  cd ${dir}\n  npm install\n  npm run build   # or npm run dev\n  npm test\n`
      );
    });
}
