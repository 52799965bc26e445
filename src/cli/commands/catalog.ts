import type {Command} from "commander";
import {UserError} from "../../errors/userError.js";
import {didYouMean} from "../../errors/suggest.js";
import {loadHardware, loadModels, noteCatalogOverrides} from "../../node/catalogFiles.js";
import {formatTable, wrapProse} from "../table.js";
import {groupThousands} from "../../units/groupThousands.js";

export function registerCatalog(program: Command): void {
  program
    .command("catalog")
    .description("list the accelerator or model catalog")
    .argument("<which>", "hardware or models")
    .option("--json", "print the rows as a JSON array, in base units")
    .action((which: string, options: {json?: boolean}) => {
      const text = runCatalog(which, options);
      noteCatalogOverrides();
      process.stdout.write(text + "\n");
    });
}

export function runCatalog(which: string, options: {json?: boolean}): string {
  // As stated, thousands grouped as every other command writes them ("31,120", not "31120"; new-user trial).
  const n = (v: number | null, scale = 1) => (v === null ? "—" : groupThousands(v / scale, 6));
  if (which === "hardware") {
    const rows = loadHardware();
    if (options.json) return JSON.stringify(rows, null, 2);
    const table = formatTable(
      // family: the calibration group of the chip's serving efficiencies (the README: "Your catalog rows").
      [
        "id",
        "family",
        "BF16 TFLOP/s",
        "FP8 TFLOP/s",
        "FP4 TFLOP/s",
        "HBM GB",
        "HBM TB/s",
        "power W",
        "price USD",
        "USD/chip-h"
      ],
      rows.map((h) => [
        h.hypothetical ? `${h.id} (hypothetical)` : h.id,
        h.family,
        n(h.bf16FlopsPerS, 1e12),
        n(h.fp8FlopsPerS, 1e12),
        n(h.fp4FlopsPerS, 1e12),
        n(h.hbmBytes, 1e9),
        n(h.hbmBandwidthBytesPerS, 1e12),
        n(h.powerW),
        n(h.priceUsd),
        n(h.hourlyPriceUsd)
      ])
    );
    // The rental prices are not on one basis (H200's was AWS's list price beside Lambda's H100: new-user trial).
    return (
      table +
      "\n\n" +
      wrapProse(
        "USD/chip-h: one published on-demand price per chip, from different providers and dates (a hyperscaler's " +
          "list price can be several times a neocloud's); each row's priceSource in --json names them. Compare chips' " +
          "rental prices with that in mind."
      )
    );
  }
  if (which === "models") {
    const rows = loadModels();
    if (options.json) return JSON.stringify(rows, null, 2);
    return formatTable(
      ["id", "params B", "active B", "layers", "hidden", "heads", "KV heads", "head dim", "experts", "context"],
      rows.map((m) => [
        m.id,
        n(m.params, 1e9),
        n(m.activeParams, 1e9),
        String(m.layers),
        String(m.hiddenSize),
        String(m.attentionHeads),
        String(m.kvHeads),
        String(m.headDim),
        m.experts > 1 ? `${m.expertsPerToken}/${m.experts}` : "dense",
        String(m.contextTokens)
      ])
    );
  }
  const hint = didYouMean(which, ["hardware", "models"]);
  throw new UserError({
    flag: "<which>",
    message: "unknown catalog",
    expected: "hardware or models",
    found: which,
    ...(hint ? {hint} : {})
  });
}
