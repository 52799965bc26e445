import {extname} from "node:path";
import type {Command} from "commander";
import {UserError} from "../../errors/userError.js";
import {printPagePdf} from "../../node/site/pdf.js";
import {bareEndingError, folderOutputError} from "../../node/writeTable.js";

/** `pdf PAGE`: a page of the built site as a PDF (src/node/site/pdf.ts). */
export function registerPdf(program: Command): void {
  program
    .command("pdf")
    .description("print a page of the built site to PDF with the system's chromium, in the state its share link gives")
    .argument(
      "<page>",
      "a route with its share-link query, e.g. /report or '/scenarios/base?set=serving.utilization%3D0.7'"
    )
    .option("--out <file>", "the PDF to write (default: the page's name, e.g. report.pdf)")
    .option("--site <dir>", "the built site", "dist")
    .option("--chromium <path>", "the browser (default /usr/bin/chromium, or TOKEN_LEDGER_CHROMIUM)")
    .action(async (page: string, options: {out?: string; site: string; chromium?: string}) => {
      // A PDF written into report.txt is a file no viewer opens by its name (breaker): say so before printing.
      const folder =
        options.out === undefined
          ? undefined
          : (folderOutputError(options.out, {flag: "--out", endings: [".pdf"], name: "report.pdf"}) ??
            bareEndingError(options.out, {flag: "--out", endings: [".pdf"], name: "report.pdf"}));
      if (folder) throw folder;
      if (options.out !== undefined && extname(options.out).toLowerCase() !== ".pdf") {
        throw new UserError({
          flag: "--out",
          message: "not a PDF file name",
          expected: "a file ending in .pdf",
          found: options.out
        });
      }
      const out = await printPagePdf(page, {
        site: options.site,
        ...(options.out !== undefined ? {out: options.out} : {}),
        ...(options.chromium !== undefined ? {chromium: options.chromium} : {})
      });
      process.stdout.write(`token-ledger: wrote ${out}\n`);
    });
}
