// The package's entry points (package.json "exports"): the main entry is pure (no module it reaches imports node:,
// fs, path or process), so a Framework page can import it; the Node entry is where file access lives.
import {readdirSync, readFileSync} from "node:fs";
import {dirname, join, resolve} from "node:path";
import {describe, expect, it} from "vitest";
import {REPO_ROOT} from "./projectCopy.js";

/** Every module reachable from `entry` by relative imports, and the bare specifiers they import. */
function importGraph(entry: string): {files: string[]; bare: Set<string>} {
  const files = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    // Type-only imports are erased by the compiler: they load nothing.
    const text = readFileSync(file, "utf8").replace(/(?:import|export) type [^;]*;/g, "");
    for (const [, specifier] of text.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g)) {
      if (!specifier) continue;
      if (specifier.startsWith(".")) visit(resolve(dirname(file), specifier.replace(/\.js$/, ".ts")));
      else bare.add(specifier);
    }
  };
  visit(entry);
  return {files: [...files], bare};
}

describe("package entry points", () => {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8"));

  it("export the library, the Node entry and the components, compiled", () => {
    expect(pkg.exports["."].default).toBe("./dist-lib/lib/index.js");
    expect(pkg.exports["./node"].default).toBe("./dist-lib/lib/node/index.js");
    expect(pkg.exports["./components/*"]).toBe("./dist-lib/components/*");
    expect(pkg.scripts.prepare).toBe("node scripts/build-lib.js");
  });

  it("keep the main entry free of Node-only imports", () => {
    const {files, bare} = importGraph(join(REPO_ROOT, "src/index.ts"));
    expect(
      files.filter((file) => file.includes(`${join("src", "node")}`) || file.includes(join("src", "cli")))
    ).toEqual([]);
    expect([...bare].filter((specifier) => /^(node:|fs$|path$|child_process$|url$)/.test(specifier))).toEqual([]);
  });

  it("export the formatters alone, pure and apart from the evaluation pipeline (a page that only shows figures loads ~0.07 MB)", () => {
    expect(pkg.exports["./format"].default).toBe("./dist-lib/lib/scenario/run/reportFormat.js");
    const {files, bare} = importGraph(join(REPO_ROOT, "src/scenario/run/reportFormat.ts"));
    expect([...bare].filter((specifier) => /^(node:|fs$|path$)/.test(specifier))).toEqual([]);
    // The schema brings the models' defaults and ranges, but not the evaluation pipeline or the Monte Carlo runs.
    const entry = importGraph(join(REPO_ROOT, "src/index.ts")).files;
    expect(files.length, `${files.length} modules of the entry's ${entry.length}`).toBeLessThan(entry.length / 2);
    expect(
      files.filter((file) => /src[\\/]scenario[\\/](evaluate[\\/]evaluateScenario|run[\\/]runScenario)\.ts$/.test(file))
    ).toEqual([]);
  });

  it("keep the components free of Node-only imports", () => {
    const {bare} = importGraph(join(REPO_ROOT, "docs/components/story.ts"));
    expect([...bare].filter((specifier) => specifier.startsWith("node:"))).toEqual([]);
  });

  it("give the components every name they import from the library through its entry (build-lib's rule)", async () => {
    // The packed components import the library as "token-ledger" (scripts/build-lib.js), so each value a component
    // takes from ../lib/… must be exported by src/index.ts: a component importing SOFTWARE_STACK_NAMES, which it did
    // not export, made build-lib (npm ci's prepare) fail on a clean clone while tsc and every test passed.
    const library = await import("../src/index.js");
    const dir = join(REPO_ROOT, "docs/components");
    const missing: string[] = [];
    for (const name of readdirSync(dir).filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"))) {
      const text = readFileSync(join(dir, name), "utf8");
      for (const [, names] of text.matchAll(/import \{([^}]*)\} from "\.\.\/lib\/[^"]+";/g)) {
        for (const part of names!.split(",")) {
          const imported = part.trim().split(/\s+as\s+/)[0]!;
          if (imported && !imported.startsWith("type ") && !(imported in library)) missing.push(`${name}: ${imported}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("the main entry prices tokens as `inference` does (a modeller's script reproduces the command)", () => {
  it("calibratedEfficiencies, defaultStackFor, catalogChipHour and sharedOwnership give the command's figures", async () => {
    const lib = await import("../src/index.js");
    const {loadCatalogs} = await import("../src/node/catalogFiles.js");
    const {runInference} = await import("../src/cli/commands/inference.js");
    const {hardware, models} = loadCatalogs();
    const h100 = lib.findById(hardware, "h100-sxm", "hardware");
    const defaults = lib.schemaDefaults();
    const stack = lib.defaultStackFor(h100);
    const evaluated = lib.evaluateServing({
      hardware: h100,
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
      efficiencies: lib.calibratedEfficiencies(h100, stack).efficiencies,
      ownership: lib.catalogChipHour(
        lib.sharedOwnership(defaults),
        h100,
        h100.priceUsd!,
        defaults["finance.vendorGrossMargin"] as number
      ),
      utilizationFraction: 0.6,
      rentedUsdPerChipHour: null
    });
    // The expected figures are the command's own: `inference --hardware h100-sxm --model llama-3.1-70b --batch 64`
    // at every other flag's default (the README's example, precision fp8 and TP 2 being the defaults).
    const command = runInference({
      hardware: "h100-sxm",
      model: "llama-3.1-70b",
      precision: "fp8",
      batch: 64,
      inputTokens: 4096,
      outputTokens: 512,
      cacheHit: 0,
      tp: 2,
      ep: 1,
      utilization: 0.6,
      electricity: defaults["power.electricity"] as number,
      pue: defaults["power.pue"] as number
    });
    expect(stack).toBe(command.stack);
    expect(evaluated.ok && evaluated.cost.costPerMillionOutputTokensUsd).toBe(command.costPerMillionOutputTokensUsd);
    expect(evaluated.ok && evaluated.cost.costPerMillionInputTokensUsd).toBe(command.costPerMillionInputTokensUsd);
    expect(evaluated.ok && evaluated.cost.chipHourCostUsd).toBe(command.chipHourCostUsd);
  });
});

describe("a modeller's script through the main entry is told what it got wrong (modeller trial)", () => {
  it("evaluateScenarioPoint names a misspelt key of the point, which it passed over (the scenario's figures)", async () => {
    const lib = await import("../src/index.js");
    const {loadCatalogs, loadScenarioLibrary} = await import("../src/node/index.js");
    const bound = lib.bindScenario(loadScenarioLibrary().resolve("base"), loadCatalogs());
    const median = lib.scenarioMedianPoint(bound.resolved);
    let thrown: unknown;
    try {
      lib.evaluateScenarioPoint(bound, {...median, "serving.utilisation": 0.3});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(lib.UserErrors);
    expect((thrown as Error).message).toBe(
      'point["serving.utilisation"]: unknown key: expected a scenario key path, like serving.utilization (the ' +
        "reference lists them all), found serving.utilisation (did you mean serving.utilization?)"
    );
  });

  it("evaluateScenarioPoint names a key whose value is not a number, with what it found and the unit", async () => {
    const lib = await import("../src/index.js");
    const {loadCatalogs, loadScenarioLibrary} = await import("../src/node/index.js");
    const bound = lib.bindScenario(loadScenarioLibrary().resolve("base"), loadCatalogs());
    const median = lib.scenarioMedianPoint(bound.resolved);
    // It threw a plain Error, "scenario key serving.utilization has no number", without what was found.
    expect(() => lib.evaluateScenarioPoint(bound, {...median, "serving.utilization": "0.7"})).toThrow(
      new lib.UserError({
        path: 'point["serving.utilization"]',
        message: "not a number",
        expected: "a number in the key's base unit (fraction), as scenarioMedianPoint gives it",
        found: '"0.7"'
      })
    );
  });

  it("sweep names an evaluate that returns a bare number, which gave a table of the varied column alone", async () => {
    const lib = await import("../src/index.js");
    const base = {nreUsd: 1e8};
    const run = () =>
      lib.sweep({
        base,
        vary: [{path: "nreUsd", values: [1e8, 2e8]}],
        evaluate: ((input: typeof base) => input.nreUsd * 2) as unknown as (input: typeof base) => {}
      });
    expect(run).toThrow(lib.UserError);
    expect(run).toThrow(
      "evaluate: returned no object of metrics at nreUsd=100000000: expected an object of named numbers, like " +
        "(input) => ({npvUsd: siliconProgram(input).npvUsd}), found 200000000"
    );
  });
});

describe("applyOverrides given one string instead of a list (modeller trial)", () => {
  it("is one error naming the flag, not one 'missing =' per letter", async () => {
    const lib = await import("../src/index.js");
    const {loadScenarioLibrary} = await import("../src/node/index.js");
    const resolved = loadScenarioLibrary().resolve("base");
    const sets = "serving.utilization=0.7" as unknown as string[];
    let thrown: unknown;
    try {
      lib.applyOverrides(resolved, sets, "--set");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(lib.UserErrors);
    expect((thrown as InstanceType<typeof lib.UserErrors>).errors.map((error) => error.message)).toEqual([
      '--set: not a list of texts: expected a list of path=value texts, like ["serving.utilization=0.7"], found ' +
        '"serving.utilization=0.7"'
    ]);
  });
});

describe("a row or catalogs left out of a script's call is named, not a TypeError (modeller trial)", () => {
  it("defaultStackFor, calibratedEfficiencies and bindScenario name the argument and what to give", async () => {
    const lib = await import("../src/index.js");
    const {loadScenarioLibrary} = await import("../src/node/index.js");
    const row = 'a hardware row, e.g. findById(catalogs.hardware, id, "hardware")';
    // Each read "Cannot read properties of undefined (reading 'vendor' / 'family' / 'hardware')".
    const missing = (path: string, expected: string) =>
      new lib.UserError({path, message: "missing", expected, found: "undefined"});
    expect(() => lib.defaultStackFor(undefined as never)).toThrow(missing("hardware", row));
    expect(() => lib.calibratedEfficiencies(undefined as never, "vllm")).toThrow(missing("hardware", row));
    const resolved = loadScenarioLibrary().resolve("base");
    expect(() => lib.bindScenario(resolved, undefined as never)).toThrow(
      missing("catalogs", "the catalogs' rows, e.g. loadCatalogs() of token-ledger/node")
    );
  });
});

// Each call read a TypeError ("Cannot convert undefined or null to object", "Cannot read properties of undefined
// (reading 'toLowerCase')", "evaluate is not a function", …) or gave a silent result: a point's serving.hardware
// "b200" priced the bound h100-sxm, a kvCache "FP8" was read as none, calibratedEfficiencies({}) took the pooled fit,
// an async evaluate's Promise and a Map swept to the varied column alone (breaker). Each is now a UserError naming the
// argument, what was expected and what was found.
describe("the main entry names a wrong argument's type, never a TypeError or a silent result (breaker)", async () => {
  const lib = await import("../src/index.js");
  const {loadCatalogs, loadScenarioLibrary} = await import("../src/node/index.js");
  const catalogs = loadCatalogs();
  const resolved = loadScenarioLibrary().resolve("base");
  const bound = lib.bindScenario(resolved, catalogs);
  const median = lib.scenarioMedianPoint(bound.resolved);
  const h100 = lib.findById(catalogs.hardware, "h100-sxm", "hardware");
  const row = 'a hardware row, e.g. findById(catalogs.hardware, id, "hardware")';
  const point = 'one value per scenario key, e.g. {...scenarioMedianPoint(bound.resolved), "serving.batch": 64}';
  const scenario = "a resolved scenario, e.g. loadScenarioLibrary().resolve(id)";
  const metrics = "an object of named numbers, like (input) => ({npvUsd: siliconProgram(input).npvUsd})";
  const sweepOf = (evaluate: unknown) => () =>
    lib.sweep({base: {nreUsd: 1e8}, vary: [{path: "nreUsd", values: [1e8]}], evaluate: evaluate as () => {}});
  it.each<[string, () => unknown, string]>([
    [
      "a point of null",
      () => lib.evaluateScenarioPoint(bound, null as never),
      `point: not an object of key values: expected ${point}, found null`
    ],
    [
      "a point as a Map",
      () => lib.evaluateScenarioPoint(bound, new Map(Object.entries(median)) as never),
      `point: not an object of key values: expected ${point}, found a Map of 110 entries`
    ],
    [
      "another row's id in the point",
      () => lib.evaluateScenarioPoint(bound, {...median, "serving.hardware": "b200"}),
      'point["serving.hardware"]: not the bound row: expected "h100-sxm", the row bindScenario bound, found "b200" ' +
        '(a point cannot change a catalog row: applyOverrides(resolved, ["serving.hardware=…"]), then bindScenario)'
    ],
    [
      "a choice not one of the key's",
      () => lib.evaluateScenarioPoint(bound, {...median, "serving.kvCache": "FP8"}),
      'point["serving.kvCache"]: not one of the choices: expected bf16, fp16 or fp8, or null to leave it unset, found "FP8"'
    ],
    [
      "no bound scenario",
      () => lib.evaluateScenarioPoint(undefined as never, median),
      "bound: missing: expected a bound scenario, e.g. bindScenario(resolved, catalogs), found undefined"
    ],
    [
      "applyOverrides on null",
      () => lib.applyOverrides(null as never, ["serving.batch=3"]),
      `resolved: missing: expected ${scenario}, found null`
    ],
    [
      "applyOverrides on {}",
      () => lib.applyOverrides({} as never, ["serving.batch=3"]),
      `resolved: not a resolved scenario: expected ${scenario}, found an object with no values (nothing)`
    ],
    [
      "a list with a hole",
      () => lib.applyOverrides(resolved, [, "serving.batch=3"] as never),
      '--set: not a list of texts: expected a list of path=value texts, like ["serving.utilization=0.7"], found [null,"serving.batch=3"]'
    ],
    [
      "bindScenario on {}",
      () => lib.bindScenario({} as never, catalogs),
      `resolved: not a resolved scenario: expected ${scenario}, found an object with no values (nothing)`
    ],
    [
      "catalogs without models",
      () => lib.bindScenario(resolved, {hardware: catalogs.hardware} as never),
      "catalogs.models: not a list of rows: expected the models rows, e.g. loadCatalogs().models of token-ledger/node, found nothing"
    ],
    [
      "defaultStackFor({})",
      () => lib.defaultStackFor({} as never),
      `hardware.vendor: not a text: expected ${row}, found nothing`
    ],
    [
      "calibratedEfficiencies({})",
      () => lib.calibratedEfficiencies({} as never, "vllm"),
      `hardware.family: not a text: expected ${row}, found nothing`
    ],
    [
      "a calibration of null",
      () => lib.calibratedEfficiencies(h100, "vllm", null as never),
      "calibration: missing: expected a serving calibration, or nothing for SERVING_CALIBRATION, found null"
    ],
    [
      "an async evaluate",
      sweepOf(async () => ({x: 1})),
      `evaluate: returned no object of metrics at nreUsd=100000000: expected ${metrics}, found a Promise (sweep does not wait: evaluate must return its metrics, not an async function's Promise)`
    ],
    [
      "an evaluate returning a Map",
      sweepOf(() => new Map([["x", 1]])),
      `evaluate: returned no object of metrics at nreUsd=100000000: expected ${metrics}, found a Map`
    ],
    [
      "a metric of text",
      sweepOf(() => ({x: "1"})),
      `evaluate: metric "x" is no number at nreUsd=100000000: expected ${metrics}, or null where a metric has no value, found "1"`
    ],
    [
      "no evaluate",
      sweepOf(undefined),
      "evaluate: not a function: expected (input) => ({metric: number}), found nothing"
    ],
    [
      "no vary",
      () => lib.sweep({base: {nreUsd: 1}, evaluate: () => ({x: 1})} as never),
      'vary: not a list of axes: expected one or two axes, like [{path: "nreUsd", values: [1e8, 2e8]}], found nothing'
    ]
  ])("%s", (_, call, message) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown instanceof lib.UserError || thrown instanceof lib.UserErrors, String(thrown)).toBe(true);
    expect((thrown as Error).message).toBe(message);
  });
});
