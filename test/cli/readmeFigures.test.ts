// The figures README.md quotes from a command's output, read from the README and checked against that command run
// now. A refit of the serving calibration moved four of them unnoticed (0.829 → 0.858 USD/Mtok, 3.878 → 3.983,
// 252% → 257%, and the silicon NPV bands of the `run --json` example; new-user trial, session 35): a figure the
// README quotes is a claim about the tool, so it is tested like one.
import {mkdtempSync, readFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** The capture groups of `pattern` in the README (whitespace in the pattern matches a line break too). */
function quoted(pattern: RegExp): string[] {
  const match = new RegExp(pattern.source.replace(/ /g, "\\s+"), pattern.flags).exec(readme);
  if (!match) throw new Error(`README no longer says ${pattern}: update this test with the README`);
  return match.slice(1);
}

async function json(args: string[]): Promise<any> {
  const {code, stdout, stderr} = await runCli([...args, "--json"]);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout);
}

/** `value` to `digits` significant digits, as a number (the README's way of quoting a figure). */
const sig = (value: number, digits: number) => Number(value.toPrecision(digits));

describe("README figures are what the commands print", () => {
  it("a copy of h100-sxm costs what h100-sxm costs: inference --model llama-3.1-70b --batch 64", async () => {
    const [catalogRows] = quoted(
      /costs what `h100-sxm` costs \(([\d.]+) USD\/Mtok, `inference --model llama-3\.1-70b --batch 64`\)/
    );
    const [libraryExample] = quoted(/\(([\d.]+), as `inference … --batch 64` prints\)/);
    const printed = await json(["inference", "--hardware", "h100-sxm", "--model", "llama-3.1-70b", "--batch", "64"]);
    expect(Number(catalogRows)).toBe(sig(printed.costPerMillionOutputTokensUsd, 3));
    expect(Number(libraryExample)).toBe(sig(printed.costPerMillionOutputTokensUsd, 3));
  });

  it("the same row of family other takes the pooled efficiencies: the README's library example with that row", async () => {
    const [pooled] = quoted(
      /"at the efficiencies calibrated on every measured chip \(pooled\)"; ([\d.]+) USD\/Mtok for the same row\)/
    );
    const lib = await import("../../src/index.js");
    const {loadCatalogs} = await import("../../src/node/index.js");
    const {hardware, models} = loadCatalogs();
    // The README's evaluateServing example, its chip a copy of h100-sxm under a new id with family other.
    const chip = {...lib.findById(hardware, "h100-sxm", "hardware"), id: "my-h100", family: "other" as const};
    const defaults = lib.schemaDefaults();
    const stack = lib.defaultStackFor(chip);
    const calibrated = lib.calibratedEfficiencies(chip, stack);
    expect(calibrated.group).toBe("pooled");
    const result = lib.evaluateServing({
      hardware: chip,
      model: lib.findById(models, "llama-3.1-70b", "model"),
      precision: "fp8",
      batchSize: 64,
      inputTokens: 4096,
      outputTokens: 512,
      cacheHitFraction: 0,
      tensorParallel: 2,
      expertParallel: 1,
      stack,
      hbmReserveFraction: null,
      efficiencies: calibrated.efficiencies,
      ownership: lib.catalogChipHour(
        lib.sharedOwnership(defaults),
        chip,
        chip.priceUsd!,
        defaults["finance.vendorGrossMargin"] as number
      ),
      utilizationFraction: 0.6,
      rentedUsdPerChipHour: null
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problem));
    expect(Number(pooled)).toBe(sig(result.cost.costPerMillionOutputTokensUsd, 3));
  });

  it("base's point cost is inference at the point's utilisation to the last digit, and at the median's", async () => {
    const [pointUtilization, medianUtilization] = quoted(
      /base's utilisation ([\d.]+), where the distribution's median is ([\d.]+)\)/
    );
    const [pointCost, exactUtilization, medianCost, roundedMedian] = quoted(
      /Its cost of output tokens, ([\d.]+) USD\/Mtok, is `inference --hardware h100-sxm --model llama-3\.1-405b --tp 8 --batch 64 --input-tokens 2048 --output-tokens 512` at `--utilization ([\d.]+)` to the last digit, and ([\d.]+) at the distribution's median, `--utilization ([\d.]+)`/
    );
    const args = ["inference", "--hardware", "h100-sxm", "--model", "llama-3.1-405b", "--tp", "8", "--batch", "64"];
    const shape = ["--input-tokens", "2048", "--output-tokens", "512"];
    const atPoint = await json([...args, ...shape, "--utilization", exactUtilization!]);
    const atMedian = await json([...args, ...shape, "--utilization", roundedMedian!]);
    expect(Number(pointCost)).toBe(sig(atPoint.costPerMillionOutputTokensUsd, 4));
    expect(Number(medianCost)).toBe(sig(atMedian.costPerMillionOutputTokensUsd, 4));
    expect(Number(pointUtilization)).toBe(sig(Number(exactUtilization), 4));
    // The median of base's lognormal utilisation is e^mu (run --json gives mu).
    const {mu} = (await json(["run", "base"])).assumptions["serving.utilization"].value;
    expect(Number(medianUtilization)).toBe(sig(Math.exp(mu), 4));
    expect(Number(roundedMedian)).toBe(sig(Math.exp(mu), 3));
    // The point's utilisation is run base's point, whose cost the README quotes (run --json's point is not printed:
    // the library's runScenarioRequest gives it, and the page charts it).
    const {runScenarioRequest} = await import("../../src/node/scenarioRun.js");
    const {result} = runScenarioRequest({scenario: "base"});
    expect(result.point.cost.costPerMillionOutputTokensUsd).toBe(atPoint.costPerMillionOutputTokensUsd);
  });

  it("base over 240 months: the training spend of year 20 the world-GDP note names", async () => {
    const [spend] = quoted(/`base` over 240 months spends (\$[\d.]+E\d+) in year 20/);
    const {code, stderr} = await runCli(["run", "base", "--set", "horizon.months=240", "--samples", "10"]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`spends ${spend} in year 20`);
  });

  it("deepseek-one-day's fleet utilisation needed", async () => {
    const [percent] = quoted(/`deepseek-one-day` is at (\d+)%/);
    const printed = await json(["run", "deepseek-one-day"]);
    const value = printed.metrics.fleetUtilizationNeeded;
    expect(Number(percent)).toBe(Math.round(100 * (typeof value === "number" ? value : value.p50)));
  });

  it("run base --json's example: the cost per token's summary and the first month of each band", async () => {
    const printed = await json(["run", "base"]);
    const [summary] = quoted(/"costPerMillionTokensUsd": (\{[^}]*\})/);
    const written = JSON.parse(summary!) as Record<string, number>;
    for (const [key, value] of Object.entries(written)) {
      expect(value, key).toBe(
        key === "nullShare"
          ? printed.metrics.costPerMillionTokensUsd[key]
          : sig(printed.metrics.costPerMillionTokensUsd[key], 5)
      );
    }
    const bands = [...readme.matchAll(/"(\w+)": \[(\{"step": 0, [^}]*\}), "…"\]/g)];
    expect(bands.map((band) => band[1])).toEqual(
      Object.keys(printed.bands).filter((name) => name !== "quantiles" && readme.includes(`"${name}": [{"step": 0`))
    );
    expect(bands.length).toBeGreaterThanOrEqual(3);
    for (const [, name, text] of bands) {
      const first = JSON.parse(text!) as Record<string, number>;
      for (const [key, value] of Object.entries(first)) {
        expect(value, `${name}.${key}`).toBe(key === "step" ? 0 : sig(printed.bands[name!][0][key], 4));
      }
    }
  });
  it("run's table writes base's cost per token as the median of the draws and its 90% interval", async () => {
    const [written] = quoted(
      /the median of the draws and its 90% interval, "([\d.]+ USD\/Mtok \[[\d.]+–[\d.]+ USD\/Mtok\])"/
    );
    const {code, stdout, stderr} = await runCli(["run", "base"]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(
      new RegExp(`cost per million tokens \\(blended\\) +${written!.replace(/[.[\]]/g, "\\$&")}\n`)
    );
  });

  it("the charts' point: base's cost per token at the distributions' own medians against the draws' median", async () => {
    const [atMedians, draws] = quoted(
      /the distributions' own medians gave ([\d.]+) USD per million tokens against the draws' ([\d.]+) in `base`/
    );
    const lib = await import("../../src/index.js");
    const {loadCatalogs} = await import("../../src/node/catalogFiles.js");
    const {loadScenarioLibrary} = await import("../../src/node/scenarioLibrary.js");
    const bound = lib.bindScenario(loadScenarioLibrary().resolve("base"), loadCatalogs());
    const point = lib.evaluateScenarioPoint(bound, lib.scenarioMedianPoint(bound.resolved));
    expect(Number(atMedians)).toBe(sig(point.metrics.costPerMillionTokensUsd!, 4));
    const printed = await json(["run", "base"]);
    expect(Number(draws)).toBe(sig(printed.metrics.costPerMillionTokensUsd.p50, 4));
  });

  it("a sweep's row at the scenario's own values is run's median to about eight digits (asic-9-months)", async () => {
    const [swept, median] = quoted(/to about eight digits, ([\d.]+) against ([\d.]+) on asic-9-months/);
    const out = join(mkdtempSync(join(tmpdir(), "readme-sweep-")), "cycle.csv");
    const args = ["sweep", "asic-9-months", "--vary", "silicon.designCycle=9:9:1"];
    const {code, stderr} = await runCli([...args, "--metrics", "costPerMillionTokensUsd", "--out", out]);
    expect(code, stderr).toBe(0);
    expect(readFileSync(out, "utf8").trim().split("\n")[1]).toBe(`9,${swept}`);
    const printed = await json(["run", "asic-9-months"]);
    expect(String(printed.metrics.costPerMillionTokensUsd.p50)).toBe(median);
  });
});

describe("README figures of the scenario format", () => {
  it("silicon.servingFactor's prior for an unmeasured chip: the band and the 90% interval the reference gives", async () => {
    const [p10, p90, low, high] = quoted(
      /for an unmeasured chip is ([\d.]+)–([\d.]+) between its 10th and 90th percentiles, written as a 90% interval `([\d.]+) to ([\d.]+)`/
    );
    // unmeasuredChipPrior.ts: servingModelError's held-out band squared and inverted; two decimals, as the
    // schema's source (and so `token-ledger reference`) writes it.
    const {UNMEASURED_CHIP_PRIOR} = await import("../../src/inference/unmeasuredChipPrior.js");
    const {p10: bandLow, p90: bandHigh, interval90} = UNMEASURED_CHIP_PRIOR;
    expect([p10, p90, low, high]).toEqual(
      [bandLow, bandHigh, interval90.low, interval90.high].map((v) => v.toFixed(2))
    );
    const {stdout} = await runCli(["reference"]);
    expect(stdout).toContain(`${p10} to ${p90} between its 10th and 90th percentiles`);
    expect(stdout).toContain(`the 90% interval \`${low} to ${high}\``);
  });
});

describe("README figures of the scenario limits", () => {
  it("the front matter's limits, the errors a file reports and the schema's key count", async () => {
    const [lines, chars, keys, errors] = quoted(
      /a front matter of more than ([\d,]+) lines or ([\d,]+) characters is refused with one line \(the schema has (\d+) keys, which `token-ledger reference` lists\); a file reports at most (\d+) errors/
    );
    const count = (text: string | undefined) => Number(text!.replace(/,/g, ""));
    const {MAX_FRONT_MATTER_LINES, MAX_FRONT_MATTER_CHARS} = await import("../../src/scenario/file/parseScenario.js");
    const {MAX_ERRORS_PER_FILE} = await import("../../src/errors/capErrors.js");
    const {SCENARIO_KEYS} = await import("../../src/scenario/file/schema.js");
    expect([lines, chars, errors].map(count)).toEqual([
      MAX_FRONT_MATTER_LINES,
      MAX_FRONT_MATTER_CHARS,
      MAX_ERRORS_PER_FILE
    ]);
    expect(count(keys!)).toBe(SCENARIO_KEYS.length);
    // The reference has one table row per key.
    const {stdout} = await runCli(["reference"]);
    expect(SCENARIO_KEYS.filter((key) => !stdout.includes(`| \`${key.path}\` |`))).toEqual([]);
  });
});
