// The figures README.md quotes from a command's output, read from the README and checked against that command run
// now. A refit of the serving calibration moved four of them unnoticed (0.829 → 0.858 USD/Mtok, 3.878 → 3.983,
// 252% → 257%, and the silicon NPV bands of the `run --json` example; new-user trial, session 35): a figure the
// README quotes is a claim about the tool, so it is tested like one.
import {mkdtempSync, readFileSync, writeFileSync} from "node:fs";
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

describe("figures the story pages type in prose", () => {
  it("/flywheel's range of savings over design cycles, from the sweep the page names", async () => {
    const page = readFileSync(new URL("../../docs/flywheel.md", import.meta.url), "utf8").replace(/\s+/g, " ");
    const [low, high, fromMonths, toMonths] = /between about (\d+)% and (\d+)% for cycles of (\d+) to (\d+) months/
      .exec(page)!
      .slice(1)
      .map(Number);
    const [minimumMonths] = /L_min, (\d+) months\), models have nothing to shorten and the saving is zero/
      .exec(page)!
      .slice(1)
      .map(Number);
    // The page's command: sweep base --vary silicon.designCycle=6:36:31 --metrics flywheelCostReduction.
    const out = join(mkdtempSync(join(tmpdir(), "flywheel-sweep-")), "cycle.csv");
    const args = ["sweep", "base", "--vary", "silicon.designCycle=6:36:31", "--metrics", "flywheelCostReduction"];
    const {code, stderr} = await runCli([...args, "--out", out]);
    expect(code, stderr).toBe(0);
    const rows = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(",").map(Number));
    const savings = rows
      .filter(([months]) => months! >= fromMonths! && months! <= toMonths!)
      .map(([, saving]) => saving!);
    expect([low, high]).toEqual([Math.min(...savings), Math.max(...savings)].map((share) => Math.round(100 * share)));
    // The rows of 6, 7, 8 and 9 months.
    expect(rows.filter(([months]) => months! <= minimumMonths!).map(([, saving]) => saving)).toEqual([0, 0, 0, 0]);
  });
});

describe("README figures of the scenario format", () => {
  it("the example scenario file: its front matter and narrative fenced as /reference fences a file, and valid", async () => {
    const {scenarioFileFences} = await import("../../src/scenario/file/reference.js");
    const [frontMatter, narrative] = quoted(
      /```yaml\n(---\ntitle: Custom inference ASIC[^`]*?\n---\n)```\n\nAfter the closing `---`, the file's narrative, in Markdown:\n\n```markdown\n([^`]*?)```/
    );
    const text = `${frontMatter}\n${narrative}`;
    // One markdown fence read the front matter as Markdown, and its last key line as a setext heading.
    expect(readme).toContain(scenarioFileFences(text).join("\n"));
    const file = join(mkdtempSync(join(tmpdir(), "readme-example-")), "example.md");
    writeFileSync(file, text);
    const {code, stdout, stderr} = await runCli(["validate", file]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain("1 scenario file valid");
  });

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

/** The calibration report at the committed efficiencies, as `calibration` prints it (not a refit, about 25 s here). */
async function committedCalibration() {
  const {SERVING_CALIBRATION} = await import("../../src/inference/calibratedEfficiencies.js");
  const {calibrationReport, prepareMeasurements} = await import("../../src/inference/calibration/calibrate.js");
  const {loadCatalogs} = await import("../../src/node/catalogFiles.js");
  const {loadMeasurements} = await import("../../src/node/measurementFiles.js");
  const {measurements: all, file} = loadMeasurements();
  const prepared = prepareMeasurements(all, loadCatalogs(), file);
  const report = calibrationReport(prepared, SERVING_CALIBRATION, SERVING_CALIBRATION.heldOutBySystem);
  /** Model ÷ measured of the row `id`, in the band or outside it. */
  const ratio = (id: string) => [...report.rows, ...report.outOfBand].find((row) => row.id === id)!.ratio;
  return {all, prepared, report, ratio};
}

describe("README figures of training, training-runs and calibration", () => {
  const llama = ["training", "--model", "llama-3.1-405b", "--tokens", "15.6e12", "--hardware", "h100-sxm"];
  /** `usd` in millions to `digits` significant digits, as the README's tables write "28.2M". */
  const millions = (usd: number, digits = 3) => sig(usd / 1e6, digits);

  it("Llama 3.1 405B at 41% MFU: the two methods by part, and the Epoch column without --hyperscaler", async () => {
    const row = (part: string) => quoted(new RegExp(`\\| ${part} \\| ([\\d.]+)M \\|[^|]*\\| ([^|]+) \\|`));
    const run = [...llama, "--chips", "16384", "--mfu", "0.41"];
    const printed = await json([...run, "--hyperscaler"]);
    const [chipHours] = quoted(/For Llama 3\.1 405B at its 41% MFU \(([\d.]+)M whole-run H100-hours/);
    expect(Number(chipHours)).toBe(millions(printed.chipHours));
    const annuity = printed.costOwnedBreakdownUsd;
    const epoch = printed.epochMethod.breakdownUsd;
    // The table's parts: annuity (costOwnedBreakdownUsd), Epoch AI (epochMethod.breakdownUsd); "—" where Epoch has none.
    const expected: [string, number, string][] = [
      ["chips", annuity.chipCapital, `${millions(epoch.aiChips)}M`],
      [
        "server and network",
        annuity.systemCapital,
        `${millions(epoch.otherServer)}M + ${millions(epoch.interconnect, 2)}M`
      ],
      ["facility", annuity.facilityCapital, "—"],
      ["energy", annuity.energy, `${millions(epoch.energy, 2)}M`],
      ["operations", annuity.operations, "—"],
      ["total", printed.costOwnedUsd, `${millions(printed.epochMethod.costUsd)}M`]
    ];
    for (const [part, annuityUsd, epochText] of expected) {
      const [annuityWritten, epochWritten] = row(part);
      expect(Number(annuityWritten), part).toBe(millions(annuityUsd, annuityUsd < 10e6 ? 2 : 3));
      expect(epochWritten!.trim(), part).toBe(epochText);
    }
    const [energy, total] = quoted(/without it the Epoch column's energy is ([\d.]+)M and its total ([\d.]+)M\)/);
    const onPremises = (await json(run)).epochMethod;
    expect([Number(energy), Number(total)]).toEqual([
      millions(onPremises.breakdownUsd.energy),
      millions(onPremises.costUsd)
    ]);
  });

  it("Epoch AI's own inputs for Llama 3.1 405B: the total and its parts", async () => {
    const [hours, price, age, electricity, total, hardware, interconnect, energy] = quoted(
      /\(`--chip-hours (\d+) --chip-price ([\d.]+) --hardware-age ([\d.]+) --hyperscaler --electricity ([\d.]+)`: \$([\d.]+)M; hardware \$([\d.]+)M, interconnect \$([\d.]+)M, energy \$([\d.]+)M\)/
    );
    const args = [
      "--chip-hours",
      hours!,
      "--chip-price",
      price!,
      "--hardware-age",
      age!,
      "--electricity",
      electricity!
    ];
    const {costUsd, breakdownUsd} = (await json([...llama, "--chips", "16384", ...args, "--hyperscaler"])).epochMethod;
    expect(Number(total)).toBe(millions(costUsd, 4));
    // "hardware" is Epoch's AI chips and other server parts together.
    expect(Number(hardware)).toBe(millions(breakdownUsd.aiChips + breakdownUsd.otherServer));
    expect(Number(interconnect)).toBe(millions(breakdownUsd.interconnect, 2));
    expect(Number(energy)).toBe(millions(breakdownUsd.energy));
  });

  it("training-runs: the runs, those that report an MFU with their ratios, and the median error", async () => {
    const [runs, reporting, ratios, median] = quoted(
      /With the bundled (\d+) runs, the (\d+) that report an MFU\s+\(([^)]*)\) have a\s+median error of (\d+)%/
    );
    const printed = await json(["training-runs"]);
    expect(printed.rows).toHaveLength(Number(runs));
    expect(printed.comparedCount).toBe(Number(reporting));
    expect(Math.round(100 * printed.medianAbsoluteError)).toBe(Number(median));
    // "Llama 3.1 405B 0.98, PaLM 540B 0.73, …": each reporting run's tool ÷ published, in the table's order, to two
    // decimals (the README writes 0.73 for PaLM's 0.7349).
    const written = ratios!.split(", ").map((entry) => Number(entry.slice(entry.lastIndexOf(" ") + 1)));
    const compared = printed.rows.filter((row: any) => row.ratio != null).map((row: any) => row.ratio as number);
    expect(written).toEqual(compared.map((ratio: number) => Number(ratio.toFixed(2))));
  });

  it("calibration: the measurements, the two held-out splits and the rows outside the band", async () => {
    // Read from the committed calibration, not a refit (about 25 s here): test/inference/calibration/
    // servingCalibration.test.ts checks that the committed efficiencies and held-out error are what a fresh fit gives,
    // and `calibration` prints this report at them (test/cli/calibration.test.ts).
    const [measurements, compared, outside, heldOut, heldOutMedian, heldOutWithin35, heldOutP10, heldOutP90] = quoted(
      /With the bundled (\d+) measurements \((\d+) compared, (\d+) of them outside the band\): on the (\d+) held out, the median error is (\d+)% and (\d+)% lie within 35%; model ÷ measured runs ([\d.]+)–([\d.]+)/
    );
    const [systemRows, systemsOut, systems, sysMedian, sysWithin25, sysWithin35, sysP10, sysP90] = quoted(
      /\((\d+) measurements of (\d+) of the (\d+) systems\): the median error is (\d+)%, (\d+)% lie within 25% and (\d+)% within 35%, and model ÷ measured runs ([\d.]+)–([\d.]+)/
    );
    const [outLow, outHigh] = quoted(/The \d+ rows outside the band run ([\d.]+)–([\d.]+), the model too fast/);
    const {measurementSystem} = await import("../../src/inference/calibration/split.js");
    const {all, prepared, report} = await committedCalibration();
    const percent = (share: number) => Math.round(100 * share);
    const {rows, skipped, outOfBand, heldOut: held} = report;
    const bySystem = report.heldOutBySystem!;
    expect(Number(measurements)).toBe(all.length);
    expect(Number(measurements)).toBe(rows.length + outOfBand.length + skipped.length);
    expect(Number(compared)).toBe(rows.length + outOfBand.length);
    expect(Number(outside)).toBe(outOfBand.length);
    expect([heldOut, heldOutMedian, heldOutWithin35, heldOutP10, heldOutP90].map(Number)).toEqual([
      held.count,
      percent(held.medianAbsoluteError),
      percent(held.shareWithin35),
      sig(held.ratioP10, 3),
      sig(held.ratioP90, 3)
    ]);
    expect([systemRows, sysMedian, sysWithin25, sysWithin35, sysP10, sysP90].map(Number)).toEqual([
      bySystem.count,
      percent(bySystem.medianAbsoluteError),
      percent(bySystem.shareWithin25),
      percent(bySystem.shareWithin35),
      sig(bySystem.ratioP10, 3),
      sig(bySystem.ratioP90, 3)
    ]);
    // A system is a chip and count, model, precision, tensor parallelism and stack (split.ts measurementSystem); the
    // rows' systemSplit says whether theirs was held out. Only the compared rows in the band are split.
    const byId = new Map(prepared.comparable.map((m) => [m.measurement.id, m]));
    const system = (row: {id: string}) => measurementSystem(byId.get(row.id)!);
    const allSystems = new Set(rows.map(system));
    const out = new Set(rows.filter((row) => row.systemSplit === "held-out").map(system));
    expect([Number(systemsOut), Number(systems)]).toEqual([out.size, allSystems.size]);
    const ratios = outOfBand.map((row) => row.ratio);
    expect([Number(outLow), Number(outHigh)]).toEqual([sig(Math.min(...ratios), 3), sig(Math.max(...ratios), 3)]);
  });

  it("calibration: the runs outside the band by name, and the wide expert-parallel decodes in the band", async () => {
    const {ratio} = await committedCalibration();
    // The rows of data/measurements.csv the README's sentences describe.
    const [trtllm7168, trtllm3072, trtllm1024] = quoted(
      /\(([\d.]+), ([\d.]+) and ([\d.]+) times on TensorRT-LLM's three fixed-length runs/
    );
    expect([trtllm7168, trtllm3072, trtllm1024].map(Number)).toEqual(
      [
        "trtllm-bestperf-dsr1-0528-1k2k-c7168-b200x8",
        "trtllm-bestperf-dsr1-1k2k-c3072-b200x8",
        "trtllm-bestperf-dsr1-1k2k-c1024-h200x8"
      ].map((id) => sig(ratio(id), 3))
    );
    // It said 4.1–4.4 where the two rows are 4.175 and 4.351.
    const [serverB200, serverGb200] = quoted(/MLPerf's server rows read higher still \(([\d.]+) and ([\d.]+)\)/);
    expect([serverB200, serverGb200].map(Number)).toEqual(
      ["mlperf51-deepseek-r1-server-b200x8-nvidia", "mlperf51-deepseek-r1-server-gb200x72-nvidia"].map((id) =>
        sig(ratio(id), 3)
      )
    );
    const [lmsys, deepseek] = quoted(/is in the band, where the model gives ([\d.]+) and ([\d.]+) of the measured/);
    const decodes = ["lmsys-sglang-dsv3-decode-pd-ep72-h100x72", "deepseek-prod-v3r1-decode-h800-ep144"];
    expect([lmsys, deepseek].map(Number)).toEqual(decodes.map((id) => sig(ratio(id), 2)));
    // /model-accuracy types the same two to three digits in its account of the KV cache's format.
    const page = readFileSync(new URL("../../docs/model-accuracy.md", import.meta.url), "utf8").replace(/\s+/g, " ");
    const written = /the model now gives ([\d.]+) and ([\d.]+) of LMSYS's and DeepSeek's wide expert-parallel decodes/
      .exec(page)!
      .slice(1);
    expect(written.map(Number)).toEqual(decodes.map((id) => sig(ratio(id), 3)));
  });
});

describe("README figures of run's metrics table", () => {
  it("flywheelUserGain in base and asic-9-months; trainingDays of base on one chip, in years", async () => {
    const [gain, asic] = quoted(/\((0\.\d+) in `base`: [\d.]+% more users; (\d+) where models cannot shorten/);
    expect(Number(gain)).toBe(sig((await json(["run", "base"])).metrics.flywheelUserGain.p50, 2));
    expect(Number(asic)).toBe((await json(["run", "asic-9-months"])).metrics.flywheelUserGain.p50);
    const [years] = quoted(/`--set training\.chips=1` on `base` takes ([\d,]+) years/);
    const {metrics} = await json(["run", "base", "--set", "training.chips=1"]);
    // 365.25 days a year (a Julian year, the tool's month of 365.25 ÷ 12 days), at three significant figures, as the
    // note `run` prints writes it: the README read "3,435", every digit, beside the note's "(3,430 years)".
    expect(Number(years!.replace(",", ""))).toBe(sig(metrics.trainingDays.p50 / 365.25, 3));
    const {stderr} = await runCli(["run", "base", "--set", "training.chips=1", "--samples", "100"]);
    expect(stderr).toContain(`(${years} years)`);
  });
});

describe("README on the metrics that may be null", () => {
  it("counts them as NULLABLE_METRICS does, and the metrics table says null on each one's row", async () => {
    // costPerMillionOutputTokensUsd, tokensPerSecondPerChip and timePerOutputTokenSeconds (null without a decode
    // step) were missing: the README counted ten where the code has thirteen.
    const {NULLABLE_METRICS} = await import("../../src/scenario/evaluate/metrics.js");
    const words = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"];
    const [which] = quoted(/the metrics table above says which (\w+) can be\)/);
    const [optional] = quoted(/the (\w+) metrics that may be null, such as `siliconPaybackMonth`, are OPTIONAL/);
    expect([which, optional]).toEqual([words[NULLABLE_METRICS.length - 10], words[NULLABLE_METRICS.length - 10]]);
    const table = readme.slice(readme.indexOf("| metric | unit | meaning |")).split("\n");
    const rowOf = (name: string) => table.find((line) => line.startsWith(`| \`${name}\` |`)) ?? "";
    expect(NULLABLE_METRICS.filter((name) => !/\bnull\b/.test(rowOf(name)))).toEqual([]);
  });

  it("a request of one output token has no decode step: its decode metrics are null in run --json", async () => {
    const {metrics} = await json(["run", "base", "--set", "serving.outputTokens=1", "--samples", "10"]);
    for (const name of ["costPerMillionOutputTokensUsd", "tokensPerSecondPerChip", "timePerOutputTokenSeconds"]) {
      expect(metrics[name].nullShare, name).toBe(1);
    }
  });
});
