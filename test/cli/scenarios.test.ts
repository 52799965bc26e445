import {spawnSync} from "node:child_process";
import {DEFAULT_PRICES_NOTE, metricFormat} from "../../src/scenario/run/reportFormat.js";
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {describe, expect, it} from "vitest";
import {runScenarioRequest} from "../../src/node/scenarioRun.js";
import {scenarioFilesIn} from "../../src/node/scenarioFiles.js";
import {SCENARIO_METRICS} from "../../src/scenario/evaluate/evaluateScenario.js";
import {METRIC_INFO} from "../../src/scenario/evaluate/metricInfo.js";
import {SHARED_PREFILL_UNREAD} from "../../src/scenario/evaluate/unreadKeys.js";
import {SCENARIO_KEY_PATHS} from "../../src/scenario/file/schema.js";
import {runCli} from "./runCli.js";

const bin = fileURLToPath(new URL("../../bin/token-ledger.js", import.meta.url));
const fixture = (name: string) => `test/fixtures/scenarios/${name}`;
const BUNDLED = ["agent-era", "asic-24-months", "asic-9-months", "base", "cost-lead-vs-model-lead"];
/** Few samples keep the suite fast; the statistics are not what these tests check. */
const FEW = ["--samples", "200"];

/** The error lines of stderr, without the program-name prefix. */
/**
 * The error lines on stderr, without the "token-ledger: " prefix. Notes are left out: fixtures/ holds a base.md, which
 * a fixture extending base passes by, and each process notes once (the process test below checks the note).
 */
function errorLines(stderr: string): string[] {
  return stderr
    .trimEnd()
    .split("\n")
    .filter((line) => !line.startsWith("token-ledger: note: "))
    .map((line) => line.replace(/^token-ledger: /, ""));
}

/** `file:line:column: path: …` split into its parts (undefined when a line does not have that shape). */
function located(line: string) {
  const match = /^([^:]+\.md):(\d+):(\d+): (?:([\w.]+): )?(.*)$/.exec(line);
  return match
    ? {file: match[1]!, line: Number(match[2]), column: Number(match[3]), path: match[4] ?? "-", rest: match[5]!}
    : undefined;
}

/** `text` as a regular expression that matches it literally. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("token-ledger validate", () => {
  it("with no files checks every scenario in data/scenarios/, whatever their number: all valid, exit 0", async () => {
    const files = scenarioFilesIn();
    for (const id of BUNDLED) expect(files.map((path) => path.replace(/^.*\//, ""))).toContain(`${id}.md`);
    const {code, stdout, stderr} = await runCli(["validate"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toBe(`${files.length} scenario files valid\n`);
  });

  it("runs every scenario in data/scenarios/ (an author's own files too) to finite metrics", async () => {
    for (const path of scenarioFilesIn()) {
      const {code, stdout, stderr} = await runCli(["run", path, "--json", "--samples", "50"]);
      // Nothing on stderr (deepseek-one-day's 1,814 H800s are enough for the serving model since it prefills on
      // nodes of its own: test/scenario/evaluate/deepseekOneDay.test.ts), but for one note:
      if (path.endsWith("/openai-2024.md")) {
        // And the one whose custom chip ships after its horizon (an 18-month cycle in 2024's 12 months): that note.
        expect(stderr, path).toMatch(
          /^token-ledger: note: openai-2024: the custom chip ships after the horizon[^\n]*\n$/
        );
      } else expect(stderr, path).toBe("");
      expect(code, path).toBe(0);
      const metrics = JSON.parse(stdout).metrics as Record<string, unknown>;
      for (const [name, value] of Object.entries(metrics)) {
        const numbers = typeof value === "object" && value !== null ? Object.values(value) : [value];
        for (const n of numbers) if (n !== null) expect(Number.isFinite(n), `${path} ${name}`).toBe(true);
      }
    }
  });

  it("gives no central month to a crossover most draws never reach, and says so", async () => {
    // The base case with training at 16 times its final run (experiments and restarts; base.md has 5): 607 of 1,000
    // draws never see the inference bill pass training's (nullShare 0.607, December 2026; at 14 times 280, at 20 times
    // 969). deepseek-one-day at 3.5 times base's agent demand was the case until it took DeepSeek-V3's own training run
    // (session 45): both sides of its bill now scale with its 37B active parameters, and it crosses as base does.
    const heavyTraining = ["--set", "training.spendMultiplier=16"];
    const json = await runCli(["run", "base", "--json", ...heavyTraining]);
    // The first pass, which some of these draws reach (none overtakes training for good: that row reads "none within
    // the horizon").
    const metrics = JSON.parse(json.stdout).metrics;
    const crossover = metrics.inferenceFirstPassesTrainingMonth as {nullShare: number};
    expect(crossover.nullShare).toBeGreaterThanOrEqual(0.5); // the premise: most draws never cross
    expect(crossover.nullShare).toBeLessThan(1); // … and some do
    expect(metrics.inferenceOvertakesTrainingMonth.nullShare).toBe(1);
    const {stdout} = await runCli(["run", "base", ...heavyTraining]);
    expect(stdout).toMatch(
      /month inference first passes training \(may be brief\) +— \(never in [\d.]+% of draws\); month \d+(–\d+)? in the others\n/
    );
    expect(stdout).toMatch(/month inference overtakes training for good +none within the horizon\n/);
    // Never "100%" beside "in the others" (formatShareOfDraws; fresh-user trial: 995 of 1,000 draws wrote 100%).
    const share = (1 - crossover.nullShare) * 100;
    if (share > 0) expect(stdout).not.toContain("in 100% of draws");
  });

  it("reports every error of every file given, one line each as file:line:column: path: …, and nothing on stdout", async () => {
    const files = [
      "malformed-yaml.md",
      "unknown-key.md",
      "wrong-unit.md",
      "out-of-range.md",
      "inverted-bounds.md",
      "extends-missing.md",
      "cycle-a.md",
      "cycle-b.md"
    ];
    const {code, stdout, stderr} = await runCli(["validate", ...files.map(fixture)]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = errorLines(stderr);
    const where = lines.map((line) => {
      const parts = located(line);
      expect(parts, line).toBeDefined();
      expect(parts!.rest, line).toMatch(/: expected .+, found /);
      return `${parts!.file.replace("test/fixtures/scenarios/", "")}:${parts!.line}:${parts!.column} ${parts!.path}`;
    });
    expect(where).toEqual([
      "malformed-yaml.md:5:3 -",
      "unknown-key.md:3:3 serving.utilisation",
      "unknown-key.md:4:1 powr",
      "unknown-key.md:7:3 sources.power.pu",
      "wrong-unit.md:3:10 silicon.power",
      "wrong-unit.md:4:20 power.electricity",
      "out-of-range.md:2:22 serving.utilization",
      "out-of-range.md:4:8 power.pue",
      "out-of-range.md:5:16 serving.batch",
      "inverted-bounds.md:2:22 serving.utilization",
      "inverted-bounds.md:4:8 silicon.nre",
      "inverted-bounds.md:5:13 silicon.unitCost",
      "extends-missing.md:3:10 extends",
      "cycle-b.md:2:10 extends",
      "cycle-a.md:2:10 extends"
    ]);
    // What was expected and what was found, as the user wrote it.
    expect(lines).toContain(
      "test/fixtures/scenarios/wrong-unit.md:3:10: silicon.power: wrong unit: expected a power in W, kW or MW, found 30 kWh (kWh measures an energy)"
    );
    expect(lines).toContain(
      "test/fixtures/scenarios/out-of-range.md:2:22: serving.utilization: out of range: expected a fraction in [0.01, 1], or a percentage in [1%, 100%], found 1.5"
    );
    expect(lines.find((line) => line.includes("serving.utilisation"))).toMatch(/did you mean serving\.utilization\?/);
    expect(lines.find((line) => line.includes("extends-missing"))).toMatch(/found bsae \(did you mean base\?/);
    // The cycle is closed in cycle-b.md; the hint says where the chain resolved (cycle-a's) started.
    expect(lines.find((line) => line.startsWith(fixture("cycle-b.md")))).toMatch(
      /found cycle-a → cycle-b → cycle-a \(it starts at test\/fixtures\/scenarios\/cycle-a\.md:2, where cycle-a extends cycle-b\)$/
    );
  });

  it("also evaluates each file: a batch that does not fit says the largest that fits", async () => {
    const {code, stdout, stderr} = await runCli(["validate", fixture("batch-too-large.md")]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    // base's stack is TensorRT-LLM: 8 × H100 at 79.11 GiB = 679.5 GB, 405.85 GB of FP8 weights; its KV cache takes 90%
    // of the 273.7 GB left, 246.3 GB, and reserves each request whole, 2,048 + 512 = 2,560 tokens × 258,048 B =
    // 0.66 GB → 372 fit (kvCacheAdmission.ts).
    expect(errorLines(stderr)).toEqual([
      "test/fixtures/scenarios/batch-too-large.md:5:10: serving.batch: a batch of 4,096 does not fit in memory " +
        "(KV cache 0.661 GB per sequence for its whole 2,560 tokens, reserved at admission by TensorRT-LLM, 246.3 GB " +
        "of usable HBM left after weights): expected at most 372, the largest batch that fits, found 4,096"
    ]);
  });

  it("a batch that does not fit, blamed on --set serving.inputTokens: expected in tokens, the scenario's settings named", async () => {
    // base's replica keeps 246.3 GB for KV cache (above); a batch of 64 fits 3.85 GB, 14,915 tokens × 258,048 B, each:
    // 14,403 input + 512 output tokens.
    const {code, stderr} = await runCli(["run", "base", "--set", "serving.inputTokens=100000"]);
    expect(code).toBe(1);
    expect(errorLines(stderr)).toEqual([
      "--set: serving.inputTokens: a batch of 64 does not fit in memory (KV cache 25.9 GB per sequence for its whole " +
        "100,512 tokens, reserved at admission by TensorRT-LLM, 246.3 GB of usable HBM left after weights), with serving.batch 64: " +
        "expected at most 14,403 tokens, the largest serving.inputTokens that fits, with serving.tensorParallel 8 from " +
        "the scenario, found 100000"
    ]);
  });

  it("fails DeepSeek-V3 at TP8 on H200s with serving.batch 1024: the MLA latent is on every rank (issue 11)", async () => {
    // 8 × 139.86 GiB = 1,201.4 GB, 671.05 GB of weights; TensorRT-LLM's KV cache takes 90% of the 530.3 GB left,
    // 477.3 GB, and reserves a request's whole 4,097 tokens: 4,097 × 8 ranks × 35,136 B = 1.15 GB of latent → 414 fit,
    // not 1,024.
    const {code, stderr} = await runCli(["validate", fixture("deepseek-batch-too-large.md")]);
    expect(code).toBe(1);
    expect(errorLines(stderr)).toEqual([
      "test/fixtures/scenarios/deepseek-batch-too-large.md:9:10: serving.batch: a batch of 1,024 does not fit in " +
        "memory (KV cache 1.15 GB per sequence for its whole 4,097 tokens, reserved at admission by TensorRT-LLM, " +
        "477.3 GB of usable HBM left after weights): expected at most 414, the largest batch that fits, found 1,024"
    ]);
  });

  it("also evaluates each file: every unknown catalog id, each with the closest ids", async () => {
    const {code, stderr} = await runCli(["validate", fixture("unknown-catalog-id.md"), fixture("model-range.md")]);
    expect(code).toBe(1);
    const lines = errorLines(stderr);
    expect(lines.map((line) => located(line)?.path)).toEqual(["serving.hardware", "serving.model", "demand.users"]);
    expect(lines[0]).toMatch(
      /unknown-catalog-id\.md:4:13: serving\.hardware: unknown hardware id 'h100-sxn': expected a hardware id of the catalog \(`token-ledger catalog hardware` lists them\), found h100-sxn \(did you mean 'h100-sxm'/
    );
    expect(lines[1]).toMatch(/unknown-catalog-id\.md:5:10: .*found llama-3\.1-70c \(did you mean 'llama-3\.1-70b'/);
    // Each key in its range, but a computed model input is not: reported at the line of the key that drives it.
    expect(lines[2]).toMatch(
      // 1e20 tokens a year ÷ (1e9 tokens per user per day × 1000 × 365.25 days) = 273,785 users, offered as 273,000.
      /model-range\.md:4:10: demand\.users: out of range \(the inference tax model's tokens per year, computed from this key, demand\.tokensPerUserPerDay and demand\.agentMultiplier: the model expects a number in \[0, 1e20\], found 3\.65e22\): expected at most 273,000 \(the largest demand\.users the model accepts with the other keys as they are\), found 100M$/
    );
  });

  it("reports two given files with the same id instead of checking only one of them", async () => {
    const {code, stderr} = await runCli(["validate", "data/scenarios/base.md", fixture("base.md")]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/base\.md:1:1: id: duplicate scenario id: .*found base/);
  });

  it("checks a file named twice once", async () => {
    const {code, stdout} = await runCli(["validate", "data/scenarios/base.md", "./data/scenarios/base.md"]);
    expect(code).toBe(0);
    expect(stdout).toBe("1 scenario file valid\n");
  });

  it("valid files that extend the bundled scenarios pass", async () => {
    const {code, stdout} = await runCli(["validate", fixture("child.md"), fixture("grandchild.md")]);
    expect(code).toBe(0);
    expect(stdout).toBe("2 scenario files valid\n");
  });

  it("notes a key a valid file sets without a source, with its line: its pages show — as the source (trial)", async () => {
    // child.md sets power.electricity with a source and serving.hardware (line 6) without one.
    const {code, stdout, stderr} = await runCli(["validate", fixture("child.md")]);
    expect(code).toBe(0);
    expect(stdout).toBe("1 scenario file valid\n");
    expect(stderr).toBe(
      `token-ledger: note: ${fixture("child.md")} sets a key without a source: serving.hardware (line 6); its pages ` +
        'show "—" as its source (give it a line under sources:)\n' +
        // The B200 it moves to keeps base's values whose sources name H100s (inheritedSources.ts).
        `token-ledger: note: ${fixture("child.md")} moves off base's h100-sxm (serving.hardware and training.hardware ` +
        "are b200 here) but keeps 3 values from base whose sources name H100: serving.tensorParallel (8, line " +
        "8 of data/scenarios/base.md), training.mfu (0.41, line 30 of data/scenarios/base.md) and training.chips " +
        "(16384, line 31 of data/scenarios/base.md); its pages show them, marked inherited, as this scenario's. Set " +
        "each in this file with a source for what it uses now, or set the same value with a source that says why it " +
        "still holds\n"
    );
  });

  it("notes inherited sources speaking of a chip left when the parent is a file beside the child (breaker)", async () => {
    // The note resolved the parent from the scenarios folder alone: a parent beside the file gave none.
    const dir = mkdtempSync(join(tmpdir(), "tl-beside-parent-"));
    try {
      writeFileSync(
        join(dir, "on-b200.md"),
        "---\nextends: base\nserving.hardware: b200\ntraining.chips: 16384\nsources:\n" +
          '  serving.hardware: "B200"\n  training.chips: "16,384 B200s, as planned"\n---\nText.\n'
      );
      writeFileSync(
        join(dir, "back.md"),
        '---\nextends: on-b200\nserving.hardware: h100-sxm\nsources:\n  serving.hardware: "H100"\n---\nText.\n'
      );
      const {code, stderr} = await runCli(["validate", join(dir, "back.md")]);
      expect(code).toBe(0);
      expect(stderr).toContain(
        // training.chips is read against the training keys: the move the note names is training.hardware's.
        `back.md moves off on-b200's b200 (training.hardware is h100-sxm here) but keeps a ` +
          `value from on-b200 whose source names B200: training.chips (16384, line 4 of `
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("as a process: exit status 1, the errors on stderr, stdout empty, no stack trace", () => {
    const result = spawnSync(
      process.execPath,
      [bin, "validate", fixture("wrong-unit.md"), fixture("batch-too-large.md")],
      {encoding: "utf8"}
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(errorLines(result.stderr)).toHaveLength(3);
    // batch-too-large extends base, and fixtures/base.md beside it is not that parent (scenarioSources.ts).
    expect(result.stderr).toContain(
      `token-ledger: note: ${fixture("base.md")}: id 'base' is also data/scenarios/base.md's, which batch-too-large ` +
        "extends, not this file (give this file another id to extend it)\n"
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("token-ledger validate: an id from the file's name", () => {
  it("refuses ñandu.md (no `id:`) at line 1 with exit 1, naming the file as the id's source", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tl-ids-"));
    const file = join(dir, "ñandu.md");
    writeFileSync(file, "---\ntitle: Ñandú\n---\n");
    const {code, stderr} = await runCli(["validate", file]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${file}:1:1: id: not a scenario id: expected an id of ASCII letters a–z, A–Z, digits, \`.\`, \`_\` and \`-\`, ` +
        "starting with a letter or digit, like base-2025, found ñandu " +
        "(the file's name gives the id; rename the file or set `id:` in its front matter)"
    );
  });
});

describe("token-ledger run", () => {
  it("lists a broken file's errors as validate does, its unknown catalog id with them (new-user trial: run left it out)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tl-four-"));
    const file = join(dir, "my-lab.md");
    writeFileSync(
      file,
      "---\ntitle: My lab\nextends: base\nserving:\n  hardware: h100-sxn\n  utilization: 1.5\npower:\n  pue: 1.2 kW\n" +
        "silicon:\n  designCycle: 18 monts\n---\nText\n"
    );
    const run = await runCli(["run", file]);
    const validate = await runCli(["validate", file]);
    expect(run.code).toBe(1);
    const lines = (stderr: string) => stderr.trim().split("\n");
    expect(lines(run.stderr).map((line) => line.split(": ")[1])).toEqual([
      `${file}:5:13`,
      `${file}:6:16`,
      `${file}:8:8`,
      `${file}:10:16`
    ]);
    expect(lines(run.stderr)).toEqual(lines(validate.stderr));
  });

  it("reports an unknown parent and an unknown catalog id together, in validate and run (new-user trial)", async () => {
    // The id was reported only once `extends: bse` was fixed: it is checked against the catalog, without the parent.
    const dir = mkdtempSync(join(tmpdir(), "tl-extends-id-"));
    const file = join(dir, "trial.md");
    writeFileSync(file, "---\ntitle: Trial\nextends: bse\nserving:\n  hardware: b200-sxm\n---\nText.\n");
    const validate = await runCli(["validate", file]);
    const run = await runCli(["run", file, ...FEW]);
    expect(validate.code).toBe(1);
    expect(run.code).toBe(1);
    const lines = errorLines(validate.stderr);
    expect(lines.map((line) => located(line)?.path)).toEqual(["extends", "serving.hardware"]);
    expect(lines[0]).toMatch(/trial\.md:3:10: extends: unknown scenario: .*found bse \(did you mean base\?/);
    expect(lines[1]).toMatch(
      /trial\.md:5:13: serving\.hardware: unknown hardware id 'b200-sxm': .*found b200-sxm \(did you mean 'b200', /
    );
    expect(errorLines(run.stderr)).toEqual(lines);
    rmSync(dir, {recursive: true});
  });

  it("reports a parent with errors and the child's unknown catalog id together", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tl-parent-id-"));
    writeFileSync(join(dir, "parent.md"), "---\nextends: base\nserving:\n  utilization: 7\n---\nText.\n");
    const child = join(dir, "child.md");
    writeFileSync(child, "---\nextends: parent\nserving:\n  model: llama-3.1-7b\n---\nText.\n");
    const {code, stderr} = await runCli(["validate", child]);
    expect(code).toBe(1);
    const lines = errorLines(stderr);
    expect(lines.map((line) => `${line.split(":")[0]!.replace(/^.*\//, "")} ${located(line)?.path}`)).toEqual([
      "parent.md serving.utilization",
      "child.md extends",
      "child.md serving.model"
    ]);
    expect(lines[2]).toMatch(/unknown model id 'llama-3\.1-7b'.*did you mean 'llama-3\.1-70b'/);
    rmSync(dir, {recursive: true});
  });

  it("runs a file whose narrative names an unknown live value, with a note where it is (it said nothing; author trial)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tl-narrative-"));
    const file = join(dir, "narr.md");
    writeFileSync(file, "---\nextends: base\n---\n\nCost {{metrics.costPerMillionTokenUsd}}.\n");
    const {code, stdout, stderr} = await runCli(["run", file, ...FEW]);
    expect(code).toBe(0);
    expect(stdout).toContain("cost per million tokens (blended)");
    expect(stderr).toMatch(
      new RegExp(
        `^token-ledger: note: ${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:5:6: unknown live value in the narrative: .*; ` +
          "the figures do not read the narrative, so run goes on, but validate fails on it\n$"
      )
    );
    expect((await runCli(["validate", file])).code).toBe(1);
  });

  it("--json prints the scenario, every assumption in base units with unit, origin and source, and the metrics", async () => {
    const {code, stdout, stderr} = await runCli(["run", "base", "--json", ...FEW]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual([
      "scenario",
      "assumptions",
      "metrics",
      "metricUnits",
      "monteCarlo",
      "uncertainKeys",
      "bands",
      "notes"
    ]);
    // base has nothing to note; the notes are run's stderr lines, for a script (calibratedBand.test.ts has some).
    expect(report.notes).toEqual([]);
    // Each metric's unit beside the bare numbers (modeller trial: the unit was only in the metric's name).
    expect(Object.keys(report.metricUnits)).toEqual([...SCENARIO_METRICS]);
    expect(report.metricUnits).toMatchObject({
      costPerMillionTokensUsd: "USD/Mtok",
      chipHourCostUsd: "USD/h",
      siliconNpvUsd: "USD"
    });
    expect(report.scenario).toEqual({
      id: "base",
      title: "Base case — merchant GPUs",
      label: "Base case",
      description: expect.stringContaining("Llama 3.1 405B"),
      file: "data/scenarios/base.md",
      chain: ["base"]
    });
    expect(Object.keys(report.assumptions)).toEqual(SCENARIO_KEY_PATHS);
    for (const [path, assumption] of Object.entries(report.assumptions)) {
      expect(Object.keys(assumption as object).sort(), path).toEqual(["origin", "source", "unit", "value", "written"]);
    }
    expect(report.assumptions["power.electricity"]).toEqual({
      value: 0.0826,
      unit: "USD/kWh",
      written: "0.0826 USD/kWh",
      origin: {kind: "file", scenario: "base", file: "data/scenarios/base.md", line: 14, column: 16},
      source: "US industrial average 2025, $0.0826/kWh (EIA, via Epoch AI)"
    });
    // Base units: 18 months, $150M to $500M as a lognormal in USD, a default with the schema's source.
    expect(report.assumptions["silicon.designCycle"]).toMatchObject({value: 18, unit: "months"});
    expect(report.assumptions["silicon.nre"]).toMatchObject({value: {kind: "lognormal"}, unit: "USD"});
    expect(Math.exp(report.assumptions["silicon.nre"].value.mu)).toBeCloseTo(Math.sqrt(150e6 * 500e6), 0);
    expect(report.assumptions["hardware.price"]).toMatchObject({value: null, origin: {kind: "default"}});
    expect(report.assumptions["finance.usefulLife"]).toMatchObject({
      value: 5,
      unit: "years",
      origin: {kind: "default"}
    });
    expect(report.assumptions["finance.usefulLife"].source).toMatch(/Epoch AI/);

    expect(Object.keys(report.metrics)).toEqual([...SCENARIO_METRICS]);
    for (const name of [
      "costPerMillionTokensUsd",
      "tokensPerSecondPerChip",
      "chipHourCostUsd",
      "inferenceTaxShare",
      "trainingCostUsd",
      "inferenceOvertakesTrainingMonth",
      "siliconBreakevenUnits",
      "siliconPaybackMonth",
      "siliconNpvUsd"
    ]) {
      expect(Object.keys(report.metrics[name]).sort(), name).toEqual(["mean", "nullShare", "p5", "p50", "p95"]);
    }
    expect(report.monteCarlo).toEqual({samples: 200, seed: 1});
    expect(report.uncertainKeys).toEqual(["serving.utilization", "silicon.nre"]);
    // Monthly bands: 60 months of spend, months 0–60 of the silicon program; ordered percentiles every month.
    expect(report.bands.cumulativeInferenceSpendUsd).toHaveLength(60);
    expect(report.bands.siliconCumulativeDiscountedCashFlowUsd).toHaveLength(61);
    for (const row of [
      ...report.bands.cumulativeInferenceSpendUsd,
      ...report.bands.siliconCumulativeDiscountedCashFlowUsd
    ]) {
      expect(row.p5).toBeLessThanOrEqual(row.p25);
      expect(row.p25).toBeLessThanOrEqual(row.p50);
      expect(row.p50).toBeLessThanOrEqual(row.p75);
      expect(row.p75).toBeLessThanOrEqual(row.p95);
    }
    // The NRE is the only cash flow at month 0, and its band is the NRE's: the lognormal $150M–$500M 90% interval
    // (sampling error at 200 draws allowed).
    const month0 = report.bands.siliconCumulativeDiscountedCashFlowUsd[0];
    expect(-month0.p95).toBeGreaterThan(150e6 * 0.85);
    expect(-month0.p5).toBeLessThan(500e6 * 1.15);
    // About two dollars per million tokens of a 405B-class model on owned H100s (the base narrative's order of
    // magnitude; the serving model's held-out band is 0.76–1.33×, so a sanity bound, not a published figure).
    expect(report.metrics.costPerMillionTokensUsd.mean).toBeGreaterThan(0.5);
    expect(report.metrics.costPerMillionTokensUsd.mean).toBeLessThan(3);
  });

  it("is deterministic: the same seed gives identical JSON for every bundled scenario", async () => {
    for (const id of BUNDLED) {
      const first = await runCli(["run", id, "--json", "--seed", "11", "--samples", "100"]);
      const second = await runCli(["run", id, "--json", "--seed", "11", "--samples", "100"]);
      expect(first.code, id).toBe(0);
      expect(second.stdout, id).toBe(first.stdout);
    }
  });

  it("another seed gives other numbers for the uncertain metrics only", async () => {
    const one = JSON.parse((await runCli(["run", "base", "--json", "--seed", "1", ...FEW])).stdout);
    const two = JSON.parse((await runCli(["run", "base", "--json", "--seed", "2", ...FEW])).stdout);
    expect(two.monteCarlo.seed).toBe(2);
    expect(two.metrics.costPerMillionTokensUsd.mean).not.toBe(one.metrics.costPerMillionTokensUsd.mean);
    expect(two.metrics.siliconNpvUsd.p95).not.toBe(one.metrics.siliconNpvUsd.p95);
    // The chip-hour cost depends on neither uncertain key.
    expect(two.metrics.chipHourCostUsd).toEqual(one.metrics.chipHourCostUsd);
  });

  it("prints plain numbers and monteCarlo null when --set removes every distribution", async () => {
    const {code, stdout} = await runCli([
      "run",
      "base",
      "--json",
      "--set",
      "serving.utilization=0.6",
      "--set",
      "silicon.nre=$300M"
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.monteCarlo).toBeNull();
    expect(report.uncertainKeys).toEqual([]);
    expect(typeof report.metrics.siliconNpvUsd).toBe("number");
    expect(report.assumptions["serving.utilization"]).toMatchObject({
      value: 0.6,
      written: "0.6",
      origin: {kind: "override", flag: "--set", written: "serving.utilization=0.6"}
    });
  });

  it("lists the assumptions as the files read: the --set keys, the scenario's own file by line, then its parent's", async () => {
    // run listed them in the schema's order: base.md's serving.tensorParallel (line 8) after serving.inputTokens (line
    // 10), serving.costDeclinePerYear (line 12) among the training keys (new-user trial).
    const {code, stdout} = await runCli(["run", "asic-9-months", "--set", "power.pue=1.3", ...FEW]);
    expect(code).toBe(0);
    const table = stdout.slice(stdout.indexOf("Assumptions set by"));
    const from = table
      .split("\n")
      .map((line) => /(--set|data\/scenarios\/[\w.-]+:\d+)\s*$/.exec(line)?.[1])
      .filter((cell): cell is string => cell !== undefined);
    expect(from[0]).toBe("--set");
    const place = (cell: string) => {
      const [file, line] = cell.split(":");
      return [file === "data/scenarios/asic-9-months.md" ? 0 : 1, Number(line)] as const;
    };
    const files = from.slice(1).map(place);
    // The child's keys, then base's, each by line.
    expect(files).toEqual([...files].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(files[0]![0]).toBe(0);
    expect(files.at(-1)![0]).toBe(1);
  });

  it("lists the --set keys in the order typed, not the schema's (tester)", async () => {
    const sets = ["--set", "power.electricity=0.1", "--set", "serving.outputTokens=500"];
    const {code, stdout} = await runCli(["run", "base", ...sets, ...FEW]);
    expect(code).toBe(0);
    const table = stdout.slice(stdout.indexOf("Assumptions set by"));
    const overridden = table
      .split("\n")
      .filter((line) => /--set\s*$/.test(line))
      .map((line) => line.split(/\s+/)[0]);
    expect(overridden).toEqual(["power.electricity", "serving.outputTokens"]);
  });

  it("prints a table of metrics with display units and the assumptions the scenario sets", async () => {
    const {code, stdout} = await runCli(["run", "asic-9-months", ...FEW]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Custom inference ASIC, 9-month design cycle \(asic-9-months, data\/scenarios\/asic-9-months\.md\)/
    );
    expect(stdout).toMatch(/extends: base/);
    // The median of the draws with its 90% interval, each written as the site's cards write it (reportFormat.ts).
    const json = JSON.parse((await runCli(["run", "asic-9-months", "--json", ...FEW])).stdout);
    const npv = json.metrics.siliconNpvUsd;
    const format = metricFormat("siliconNpvUsd");
    expect(stdout).toContain(`silicon program NPV`);
    expect(stdout).toMatch(
      new RegExp(`silicon program NPV\\s+${escapeRegExp(`${format(npv.p50)} [${format.range(npv.p5, npv.p95)}]`)}`)
    );
    // The header wraps at 100 columns (wrapProse): a line break may fall between the words.
    expect(stdout).toMatch(/median of [\d,]+ draws\s\[5th–95th percentile\]/);
    expect(stdout).toMatch(/silicon\.designCycle\s+9 months\s+data\/scenarios\/asic-9-months\.md:6/);
    // A value reads with its unit, as the pages' assumptions tables write it: base.md line 11 is "utilization: 0.45 to
    // 0.75", a 90% interval (reference: "A to B" is a lognormal's); line 34 "nre: $150M to $500M".
    expect(stdout).toMatch(/serving\.utilization\s+45–75% \(90% interval\)\s+data\/scenarios\/base\.md:11/);
    expect(stdout).toMatch(/silicon\.nre\s+\$150–500M \(90% interval\)\s+data\/scenarios\/base\.md:34/);
  });

  it("says one draw gives no interval, in run and compare, where it promised a [5th–95th percentile] (tester)", async () => {
    const run = await runCli(["run", "base", "--samples", "1"]);
    expect(run.code, run.stderr).toBe(0);
    // The header wraps at 100 columns (wrapProse): a line break may fall between the words.
    expect(run.stdout.replace(/\s+/g, " ")).toContain(
      "uncertain: serving.utilization, silicon.nre; 1 draw, seed 1: one draw gives no interval (--samples 2 or more " +
        "for the 5th–95th percentile)"
    );
    expect(run.stdout).not.toContain("[5th–95th percentile]");
    // No value has an interval beside it, and --json's percentiles are that one draw, as the table's value is.
    const cost = run.stdout.split("\n").find((line) => line.startsWith("cost per million tokens (blended)"))!;
    expect(cost).toMatch(/^cost per million tokens \(blended\)\s+[\d.]+ USD\/Mtok$/);
    const json = JSON.parse((await runCli(["run", "base", "--samples", "1", "--json"])).stdout);
    const {p5, p50, p95} = json.metrics.costPerMillionTokensUsd;
    expect([p5, p95]).toEqual([p50, p50]);
    expect(cost).toContain(`${metricFormat("costPerMillionTokensUsd")(p50)}`);
    const compare = await runCli(["compare", "base", "agent-era", "--samples", "1"]);
    expect(compare.code, compare.stderr).toBe(0);
    // compare says it in run's words (ONE_DRAW_NO_INTERVAL), not a sentence of its own.
    expect(compare.stdout.replace(/\s+/g, " ")).toContain(
      "Metrics (1 draw where uncertain): one draw gives no interval (--samples 2 or more for the 5th–95th percentile)."
    );
    expect(compare.stdout).not.toContain("[5th–95th percentile]");
  });

  it("marks the price-list metrics of a scenario that sets no prices as priced at the default list, and not otherwise", async () => {
    // openai-2024 sets no pricing.*: its margins are GPT-4o's API list prices' (the schema's defaults), not OpenAI's.
    const openai = (await runCli(["run", "openai-2024", ...FEW])).stdout;
    expect(openai).toMatch(/gross margin at list prices \*\s+[−\d]/);
    expect(openai).toContain("* at the default price list, GPT-4o's API prices: this scenario sets no prices.");
    expect(openai).not.toMatch(/fleet cost of one day \*/);
    // deepseek-one-day sets DeepSeek-R1's prices.
    const deepseek = (await runCli(["run", "deepseek-one-day", ...FEW])).stdout;
    expect(deepseek).not.toContain("default price list");
    expect(deepseek).toMatch(/gross margin at list prices\s+\d/);
  });

  it("says the tax and the vendor's share of token cost are one figure when the custom chip is bought at cost", async () => {
    // base: silicon.partnerMargin 0 (the default), so the tax is the vendor's whole margin; both read 38% (trial).
    const base = (await runCli(["run", "base", ...FEW])).stdout;
    expect(base).toMatch(/vendor gross profit, share of token cost ¶/);
    expect(base).toContain("¶ The same figure twice: the inference tax is the vendor's share of token cost by");
    // The share of capex rounds alike (38%): marked, and the same footnote says it is another figure (tester).
    expect(base).toMatch(/vendor gross profit, share of data-centre capex ¶/);
    expect(base.replace(/\s+/g, " ")).toMatch(
      /The vendor's share of data-centre capex is another figure that rounds alike: .* \d+\.\d% of capex against \d+\.\d% of token cost here\./
    );
    const json = JSON.parse((await runCli(["run", "base", "--json", ...FEW])).stdout);
    expect(json.metrics.inferenceTaxShare.p50).toBeCloseTo(json.metrics.vendorShareOfTokenCost.p50, 12);
    // A design partner's margin makes the tax the smaller: no note.
    const partner = (await runCli(["run", "base", "--set", "silicon.partnerMargin=0.2", ...FEW])).stdout;
    expect(partner).not.toContain("The same figure twice");
    expect(partner).not.toMatch(/inference tax \(vendor's margin − partner's\), share\s+of token cost ¶/);
  });

  it("notes demand compounded past world GDP at the horizon on stderr, runs, and leaves stdout the report", async () => {
    const sets = [
      "horizon.months=240",
      "demand.growthPerYear=10",
      "demand.tokensPerUserGrowth=10",
      "demand.agentGrowth=10"
    ];
    const {code, stdout, stderr} = await runCli(["run", "base", ...sets.flatMap((set) => ["--set", set]), ...FEW]);
    // Each key within its range (src/strategy/trainingVsInference.ts: growth up to 10, horizon up to 240): a notice.
    expect(code).toBe(0);
    expect(stderr).toMatch(/^token-ledger: note: base: the demand this scenario implies at the horizon \(month 240\)/);
    expect(stderr).toContain("more than world GDP");
    expect(stdout).not.toContain("world GDP");
  });

  it("notes a training run longer than the months the spend model gives each generation (breaker: 3,706 years, silent, at 38% MFU)", async () => {
    const {code, stdout, stderr} = await runCli(["run", "base", "--set", "training.chips=1", ...FEW]);
    expect(code).toBe(0);
    // base's run is 76.6 days on its chips; on one chip the same chip-hours take 1,254,467 days (3,435 years), past
    // its 4-month runs and its 12-month cadence; each at three significant figures, as a time is (formatPriceNumber).
    expect(stderr).toContain(
      "token-ledger: note: base: the final training run takes 1,250,000 days (3,430 years) on training.chips at " +
        "training.mfu, longer than the 4 months (training.runMonths)"
    );
    expect(stderr).toContain("and longer than the 12 months between generations (training.cadence)");
    expect(stdout).not.toContain("training.runMonths");
    // base itself: no note.
    expect((await runCli(["run", "base", ...FEW])).stderr).not.toContain("training run takes");
  });

  it.each([["demand.users=0"], ["demand.tokensPerUserPerDay=0"]])(
    "with %s, says the metrics of the day's tokens have no demand, not a share of nothing",
    async (set) => {
      const {stdout} = await runCli(["run", "base", "--set", set, ...FEW]);
      const value = (label: string) =>
        stdout
          .split("\n")
          .find((line) => line.startsWith(label))!
          .slice(label.length)
          .trim();
      // No tokens: a model-sized fleet has 0 chips and costs $0 (chips × price × 24 h), true zeros; the share of its
      // hours the day needs read serving.utilization (58%), and the margins read "no revenue at these prices" and "no
      // cost" as if the prices or the chips were to blame.
      expect(value("chips serving one day's tokens")).toBe("0 chips");
      expect(value("fleet cost of one day")).toBe("$0");
      expect(value("day's chip-hours needed ÷ fleet's chip-hours")).toBe("none (no demand)");
      expect(value("gross margin at list prices *")).toBe("none (no demand)");
      expect(value("markup on cost (DeepSeek's cost profit margin) *")).toBe("none (no demand)");
      // The flywheel's user gain is of users: none with no users (it read a bare "—"), a number with users who spend
      // no tokens.
      const gain = value("flywheel: extra users at the horizon");
      if (set === "demand.users=0") expect(gain).toMatch(/none \(no users\)$/);
      else expect(gain).toMatch(/\d%$/);
      const json = JSON.parse((await runCli(["run", "base", "--json", "--set", set, ...FEW])).stdout);
      // --json keeps null for a metric that does not occur, as for every other (README "run --json").
      expect(json.metrics.fleetUtilizationNeeded.p50).toBeNull();
    }
  );

  it.each([
    [
      ["--set", "serving.utilisation=0.7"],
      "--set: serving.utilisation: unknown key: expected a scenario key path, like serving.utilization, found serving.utilisation (did you mean serving.utilization?)"
    ],
    [
      ["--set", "power.electricity=30 kWh"],
      "--set: power.electricity: wrong unit: expected an electricity price in USD/kWh, USD/MWh or $/kWh, found 30 kWh"
    ],
    [
      ["--set", "serving.utilization=1.5"],
      "--set: serving.utilization: out of range: expected a fraction in [0.01, 1], or a percentage in [1%, 100%], found 1.5"
    ],
    [
      ["--set", "serving.utilization"],
      "--set: missing =: expected path=value, like serving.utilization=0.7, found serving.utilization"
    ],
    [["--set", "serving.batch=100000"], "--set: serving.batch: a batch of 100,000 does not fit in memory"],
    [["--set", "serving.hardware=h100"], "--set: serving.hardware: unknown hardware id 'h100'"],
    [["--seed", "1.5"], "--seed: not an integer: expected a whole number, in decimal, found 1.5"],
    // Past 2^53 − 1 a double cannot hold the seed as written (…993 reads as …992).
    [
      ["--seed", "9007199254740993"],
      "--seed: out of range: expected a whole number within ±9,007,199,254,740,991 (2^53 − 1), found 9007199254740993"
    ],
    [["--samples", "0"], "--samples: out of range: expected a whole number in [1, 2,000,000], found 0"],
    [["--samples", "3000000"], "--samples: out of range: expected a whole number in [1, 2,000,000], found 3000000"]
  ])("rejects %j: exit 1, one line naming the flag, nothing on stdout", async (args, message) => {
    const {code, stdout, stderr} = await runCli(["run", "base", "--json", ...args]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    const lines = errorLines(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(message), lines[0]).toBe(true);
  });

  it("reports every bad --set together", async () => {
    const {code, stderr} = await runCli(["run", "base", "--set", "powr.pue=1", "--set", "serving.batch=x"]);
    expect(code).toBe(1);
    expect(errorLines(stderr)).toEqual([
      "--set: powr.pue: unknown key: expected a scenario key path, like serving.utilization, found powr.pue (did you mean power.pue?)",
      "--set: serving.batch: not a number: expected a whole number: a count like 16384, 16k, 1.5M or 2B, found x"
    ]);
  });

  it("rejects an unknown scenario, listing the known ones", async () => {
    const {code, stdout, stderr} = await runCli(["run", "bsae"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /SCENARIO: unknown scenario 'bsae': expected a path to a Markdown file ending in \.md or \.markdown, or one of: agent-era, /
    );
  });

  it("runs a scenario file given by path, resolving its extends among the bundled ones", async () => {
    const {code, stdout} = await runCli([
      "run",
      fixture("batch-too-large.md"),
      "--set",
      "serving.batch=128",
      "--json",
      ...FEW
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.scenario.chain).toEqual(["batch-too-large", "base"]);
    expect(report.assumptions["serving.batch"].value).toBe(128);
  });
});

describe("the 9-month ASIC against the 24-month one", () => {
  const request = (scenario: string) => runScenarioRequest({scenario, sets: [], samples: 500, seed: 1});

  it("has the higher NPV at the median point and in the Monte Carlo mean, same seed", async () => {
    const nine = request("asic-9-months");
    const twentyFour = request("asic-24-months");
    expect(nine.result.point.metrics.siliconNpvUsd).toBeGreaterThan(twentyFour.result.point.metrics.siliconNpvUsd);
    const npv = async (id: string) =>
      JSON.parse((await runCli(["run", id, "--json", "--samples", "500", "--seed", "1"])).stdout).metrics.siliconNpvUsd;
    const [nineMc, twentyFourMc] = [await npv("asic-9-months"), await npv("asic-24-months")];
    expect(nineMc.mean).toBeGreaterThan(twentyFourMc.mean);
    expect(nineMc.p50).toBeGreaterThan(twentyFourMc.p50);
    // Same seed, same draws: the difference is the 15 months of design cycle alone, so it holds draw by draw.
    expect(nineMc.p5).toBeGreaterThan(twentyFourMc.p5);
  });

  it("and the 9-month narrative explains why", () => {
    const text = readFileSync(new URL("../../data/scenarios/asic-9-months.md", import.meta.url), "utf8");
    expect(text).toContain("**Why the 9-month cycle beats the 24-month one.**");
    expect(text).toContain("starts saving 15 months earlier");
    expect(text.replace(/\s+/g, " ")).toContain("the savings are proportional to demand, which grows every month");
  });

  it("and both narratives count the months between the two design cycles their files set", () => {
    // Each "15" of the two narratives is asic-24-months.md's silicon.designCycle less asic-9-months.md's: typed, as
    // the live values give one scenario's value only.
    const file = (id: string) => readFileSync(new URL(`../../data/scenarios/${id}.md`, import.meta.url), "utf8");
    const cycle = (id: string) => Number(/^ {2}designCycle: (\d+) months$/m.exec(file(id))![1]);
    const months = cycle("asic-24-months") - cycle("asic-9-months");
    const narrative = (id: string) => file(id).split(/^---$/m)[2]!.replace(/\s+/g, " ");
    const counts = (id: string) => [...narrative(id).matchAll(/\b(\d+)( fewer)? months\b/g)].map((m) => Number(m[1]));
    // asic-24-months also names the 12–24 months ASIC programs often span (its silicon.designCycle's source).
    // asic-9-months's heading names its own cycle ("# A custom inference chip in 9 months").
    expect(counts("asic-9-months")).toEqual([cycle("asic-9-months"), months, months, months]);
    expect(narrative("asic-24-months")).toContain("the long end of the 12–24 months that ASIC programs often span");
    expect(counts("asic-24-months")).toEqual([24, months, months, months]);
  });
});

describe("token-ledger compare", () => {
  it("--json lists the assumptions that differ (base units) and every metric side by side", async () => {
    const {code, stdout, stderr} = await runCli(["compare", "asic-9-months", "asic-24-months", "--json", ...FEW]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const comparison = JSON.parse(stdout);
    expect(comparison.scenarios).toEqual(["asic-9-months", "asic-24-months"]);
    expect(comparison.differingAssumptions).toEqual({"silicon.designCycle": [9, 24]});
    // The units of both, as run --json gives them.
    expect(comparison.assumptionUnits).toEqual({"silicon.designCycle": "months"});
    expect(comparison.metricUnits.siliconNpvUsd).toBe("USD");
    expect(Object.keys(comparison.metrics)).toEqual([...SCENARIO_METRICS]);
    for (const name of SCENARIO_METRICS) expect(comparison.metrics[name], name).toHaveLength(2);
    expect(comparison.notes).toEqual([[], []]);
    const [nine, twentyFour] = comparison.metrics.siliconNpvUsd;
    expect(nine.mean).toBeGreaterThan(twentyFour.mean);
    // Nothing but the design cycle differs, so the cost per token is identical.
    expect(comparison.metrics.costPerMillionTokensUsd[0]).toEqual(comparison.metrics.costPerMillionTokensUsd[1]);
  });

  it("matches what run --json reports for each scenario at the same seed", async () => {
    const comparison = JSON.parse((await runCli(["compare", "base", "agent-era", "--json", ...FEW])).stdout);
    const agents = JSON.parse((await runCli(["run", "agent-era", "--json", ...FEW])).stdout);
    expect(comparison.metrics.siliconNpvUsd[1]).toEqual(agents.metrics.siliconNpvUsd);
    // agent-era sets tokensPerUserGrowth to the base case's 30%: not a difference.
    expect(comparison.differingAssumptions).toEqual({
      "demand.agentMultiplier": [1, 5],
      "demand.agentGrowth": [0, 0.4]
    });
  });

  it("lists an unset key that follows a differing one, with the value it takes (training.hardware)", async () => {
    // h200-serving.md sets serving.hardware: h200-sxm and no training.hardware, which is then serving.hardware's chip
    // (bindScenario): its training run moves to H200s too. compare listed only serving.hardware (trial).
    const json = await runCli(["compare", "base", fixture("h200-serving.md"), "--json", ...FEW]);
    const comparison = JSON.parse(json.stdout);
    // Neither sets hardware.price: each pays its chip's catalog price (data/hardware.csv price_usd: h100-sxm 31120,
    // h200-sxm 33821), listed as the default it is.
    expect(comparison.differingAssumptions).toEqual({
      "serving.hardware": ["h100-sxm", "h200-sxm"],
      "hardware.price": [31120, 33821],
      "training.hardware": ["h100-sxm", "h200-sxm"]
    });
    expect(comparison.follows).toEqual({"training.hardware": ["serving.hardware", "serving.hardware"]});
    expect(comparison.defaults).toEqual({"hardware.price": ["catalog price of h100-sxm", "catalog price of h200-sxm"]});
    const {stdout} = await runCli(["compare", "base", fixture("h200-serving.md"), ...FEW]);
    expect(stdout).toMatch(/\ntraining\.hardware +h100-sxm ‡ +h200-sxm ‡\n/);
    expect(stdout).toContain("‡ not set: the value of the key it follows (training.hardware is serving.hardware's)");
    // No listed key is left without a value (hardware.price has its catalog price): no note on dashes.
    expect(stdout).not.toContain("— not set");
  });

  it("does not compare a key a scenario's evaluation does not read at the value it would follow", async () => {
    // tp16.md extends base and sets serving.tensorParallel: 16. Neither sets serving.prefillTensorParallel, which
    // follows serving.tensorParallel (schema.ts) but is read only when serving.prefill is disaggregated; both share
    // prefill (the schema's default). compare listed it as a second difference, "8 ‡ | 16 ‡", that neither models.
    const json = await runCli(["compare", "base", fixture("tp16.md"), "--json", ...FEW]);
    const comparison = JSON.parse(json.stdout);
    expect(comparison.differingAssumptions).toEqual({"serving.tensorParallel": [8, 16]});
    expect(comparison.follows).toEqual({});
    // Beside a scenario that reads it (deepseek-one-day disaggregates, with serving.prefillTensorParallel 1 and
    // serving.prefillExpertParallel 32), base's is "—", as `run base --json` gives it (null), not its TP 8 or EP 1.
    const other = JSON.parse((await runCli(["compare", "base", "deepseek-one-day", "--json", ...FEW])).stdout);
    const run = JSON.parse((await runCli(["run", "base", "--json", ...FEW])).stdout);
    expect(run.assumptions["serving.prefillTensorParallel"].value).toBeNull();
    expect(other.differingAssumptions["serving.prefillTensorParallel"]).toEqual([null, 1]);
    expect(other.differingAssumptions["serving.prefillExpertParallel"]).toEqual([null, 32]);
    expect(other.follows["serving.prefillTensorParallel"]).toBeUndefined();
    const {stdout} = await runCli(["compare", "base", "deepseek-one-day", ...FEW]);
    expect(stdout).toMatch(/\nserving\.prefillTensorParallel +— † +1\n/);
  });

  it("marks a dash nothing reads as not read, not as a key whose default applies", async () => {
    // base-disagg.md extends base and sets serving.prefill: disaggregated, its prefill layout unset: it follows
    // serving.tensorParallel 8 and serving.expertParallel 1 (base.md; schema `follows`). base shares prefill (the
    // schema's default), which reads neither (unreadKeys.ts): its "—" was footnoted "— not set: the key's default
    // applies", where none does.
    const args = ["compare", "base", fixture("base-disagg.md"), ...FEW];
    const comparison = JSON.parse((await runCli([...args, "--json"])).stdout);
    expect(comparison.differingAssumptions).toEqual({
      "serving.prefill": ["shared", "disaggregated"],
      "serving.prefillTensorParallel": [null, 8],
      "serving.prefillExpertParallel": [null, 1]
    });
    expect(comparison.notUsed).toEqual({
      "serving.prefillTensorParallel": [SHARED_PREFILL_UNREAD, null],
      "serving.prefillExpertParallel": [SHARED_PREFILL_UNREAD, null]
    });
    const {stdout} = await runCli(args);
    expect(stdout).toMatch(/\nserving\.prefillTensorParallel +— † +8 ‡\n/);
    expect(stdout).toContain("† not read by that scenario:");
    expect(stdout).not.toContain("— not set");
  });

  it("says what a dash in the assumptions means when a scenario leaves a differing key unset", async () => {
    // openai-2024 rents its chips at 1.30 USD/h (fleet.chipHourPrice); base leaves it unset: owned chips
    // (rentedUsdPerChipHour null: the owned chip-hour prices the fleet; UNSET_KEY_INSTEAD). It was footnoted "the key's
    // default applies", where the key has no default (tester).
    const {stdout} = await runCli(["compare", "base", "openai-2024", ...FEW]);
    expect(stdout).toMatch(/\nfleet\.chipHourPrice +— \(owned chips\) +1\.30 USD\/h\n/);
    expect(stdout).not.toContain("— not set");
    expect(stdout).not.toContain("default applies");
    // A dash nothing stands in for: a custom chip given by its specs without silicon.fp4Flops has no FP4 (the schema's
    // "not set: no FP4"; UNSET_WITHOUT_ONE_VALUE, not in UNSET_KEY_INSTEAD).
    const dir = mkdtempSync(join(tmpdir(), "tl-compare-dash-"));
    try {
      const specs = join(dir, "specs.md");
      const specsKeys = "  bf16Flops: 1000 TFLOP/s\n  fp8Flops: 2000 TFLOP/s\n  hbmBandwidth: 4 TB/s\n";
      writeFileSync(specs, `---\nextends: base\nsilicon:\n${specsKeys}---\n`);
      const fp4 = join(dir, "fp4.md");
      writeFileSync(fp4, "---\nextends: specs\nsilicon:\n  fp4Flops: 4000 TFLOP/s\n---\n");
      const dash = await runCli(["compare", specs, fp4, ...FEW]);
      expect(dash.stdout).toMatch(/\nsilicon\.fp4Flops +— +4 PFLOP\/s\n/);
      expect(dash.stdout).toContain(
        "— not set: no one value takes its place (`token-ledger reference` says what the model uses)"
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("says beside a dash what the model uses for the efficiencies, the HBM reserve and the overheads", async () => {
    // unset-keys-set.md extends base and sets each key base leaves unset, which read a bare "—" there. In their place
    // the model uses (UNSET_KEY_INSTEAD): the calibration's fit for the chip's family and stack
    // (calibratedEfficiencies), serving.stack's reserve (kvCacheAdmission: TensorRT-LLM, base's stack on its H100,
    // holds back 1 − 0.9 of what the weights leave, others 10% of the HBM), each chip's catalog system power and
    // overhead (catalogChipSystem), and for the custom chip's server and network the merchant chip's overhead × the
    // dearer price (customSystemUsd).
    const set = fixture("unset-keys-set.md");
    const {stdout} = await runCli(["compare", "base", set, ...FEW]);
    expect(stdout).toMatch(/\nserving\.achievableBandwidth +— \(calibrated per chip family and stack\) +70%\n/);
    expect(stdout).toMatch(/\nserving\.achievableCompute +— \(calibrated per chip family and stack\) +50%\n/);
    expect(stdout).toMatch(
      /\nserving\.hbmReserve +— \(10% of what the weights leave, as TensorRT-LLM holds back\) +10%\n/
    );
    expect(stdout).toMatch(/\npower\.hostOverhead +— \(each chip's catalog system power\) +30%\n/);
    expect(stdout).toMatch(/\nfinance\.systemOverhead +— \(each chip's catalog system overhead\) +50%\n/);
    expect(stdout).toMatch(/\nsilicon\.systemCost +— \(the merchant chip's overhead × the dearer price\) +\$30,000\n/);
    // No bare dash is left to footnote.
    expect(stdout).not.toContain("— not set");
    const json = JSON.parse((await runCli(["compare", "base", set, "--json", ...FEW])).stdout);
    expect(json.instead).toEqual({
      "serving.achievableBandwidth": ["calibrated per chip family and stack", null],
      "serving.achievableCompute": ["calibrated per chip family and stack", null],
      "serving.hbmReserve": ["10% of what the weights leave, as TensorRT-LLM holds back", null],
      "power.hostOverhead": ["each chip's catalog system power", null],
      "finance.systemOverhead": ["each chip's catalog system overhead", null],
      "silicon.systemCost": ["the merchant chip's overhead × the dearer price", null]
    });
    // run says it of a key taken back with null, as compare does.
    const run = await runCli(["run", set, "--set", "power.hostOverhead=null", ...FEW]);
    expect(run.stdout).toMatch(
      /\npower\.hostOverhead +— \(each chip's catalog system power\) +default, unset by --set\n/
    );
  });

  it("says beside a dash what the model computes in its place: base's fleet day comes from its demand", async () => {
    // deepseek-one-day sets fleet.inputTokensPerDay, fleet.outputTokensPerDay, fleet.chips and fleet.chipHourPrice;
    // base sets none: its day is the first day's demand split by demand.inputShare, its chips sized by the serving
    // model at serving.utilization, its chip-hour owned (fleetDay, priceListInput.ts). They read "—" under "— not set:
    // the key's default applies", where none has a default (tester).
    const {stdout} = await runCli(["compare", "base", "deepseek-one-day", ...FEW]);
    expect(stdout).toMatch(/\nfleet\.inputTokensPerDay +— \(from the first day's demand\) +608B tokens\n/);
    expect(stdout).toMatch(/\nfleet\.outputTokensPerDay +— \(from the first day's demand\) +168B tokens\n/);
    expect(stdout).toMatch(/\nfleet\.chips +— \(sized by the serving model\) +1,814\n/);
    expect(stdout).toMatch(/\nfleet\.chipHourPrice +— \(owned chips\) +2\.00 USD\/h\n/);
    expect(stdout).not.toContain("default applies");
    const json = JSON.parse((await runCli(["compare", "base", "deepseek-one-day", "--json", ...FEW])).stdout);
    expect(json.differingAssumptions["fleet.chips"]).toEqual([null, 1814]);
    expect(json.instead["fleet.chips"]).toEqual(["sized by the serving model", null]);
    // run says it of a key taken back with null, as compare does.
    const run = await runCli(["run", "deepseek-one-day", "--set", "fleet.chips=null", ...FEW]);
    expect(run.stdout).toMatch(/\nfleet\.chips +— \(sized by the serving model\) +default, unset by --set\n/);
  });

  it("lists an unset key the model resolves at the value it takes, marked, and not where it is the same", async () => {
    // kv-cache-set.md extends base and sets serving.kvCache: fp8 and serving.stack: vllm. base sets neither: its fp8
    // weights (serving.precision) give an FP8 cache (DEFAULT_KV_CACHE_DTYPE), so the two caches are alike; its H100
    // (serving.hardware h100-sxm, an NVIDIA chip) is served on TensorRT-LLM (defaultStackFor), not vLLM. compare read
    // "— | fp8" and "— | vllm", both differences.
    const json = await runCli(["compare", "base", fixture("kv-cache-set.md"), "--json", ...FEW]);
    const comparison = JSON.parse(json.stdout);
    expect(comparison.differingAssumptions).toEqual({"serving.stack": ["trtllm", "vllm"]});
    expect(comparison.defaults).toEqual({"serving.stack": ["default on h100-sxm", null]});
    const {stdout} = await runCli(["compare", "base", fixture("kv-cache-set.md"), ...FEW]);
    expect(stdout).toMatch(/\nserving\.stack +trtllm \(default on h100-sxm\) +vllm\n/);
    expect(stdout).not.toContain("serving.kvCache");
    expect(stdout).not.toContain("— not set");
    // Where the resolved values differ, both are shown: openai-2024's bf16 weights give a BF16 cache, base's fp8 an
    // FP8 one; its hardware.price $15,000 against base's H100 at data/hardware.csv's $31,120.
    const other = await runCli(["compare", "base", "openai-2024", ...FEW]);
    expect(other.stdout).toMatch(
      /\nserving\.kvCache +fp8 \(default for fp8 weights\) +bf16 \(default for bf16 weights\)\n/
    );
    expect(other.stdout).toMatch(/\nhardware\.price +\$31,120 \(catalog price of h100-sxm\) +\$15,000\n/);
  });

  it("puts three scenarios to a table, so six read in two tables of each kind (one was 236 columns wide)", async () => {
    const six = ["base", "agent-era", "asic-9-months", "asic-24-months", "cost-lead-vs-model-lead", "openai-2024"];
    const {code, stdout} = await runCli(["compare", ...six, ...FEW]);
    expect(code).toBe(0);
    const headers = stdout.split("\n").filter((line) => /^\s*(key)?\s+(base|asic-24-months)\s/.test(line));
    expect(headers).toHaveLength(4); // assumptions and metrics, each for base… and for asic-24-months…
    expect(headers[0]).toMatch(/^key\s+base\s+agent-era\s+asic-9-months$/);
    expect(headers[1]).toMatch(/^key\s+asic-24-months\s+cost-lead-vs-model-lead\s+openai-2024$/);
    for (const line of stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(140);
  });

  it("prints the differing assumptions and a metrics table", async () => {
    const {code, stdout} = await runCli(["compare", "asic-9-months", "asic-24-months", ...FEW]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/silicon\.designCycle\s+9 months\s+24 months/);
    // Each figure's 90% interval on the line below its median, so the table reads in about 100 columns (it was 204).
    expect(stdout).toMatch(/\nsilicon program NPV\s+−?\$[\d.]+[KMB]?\s+−?\$[\d.]+[KMB]?\n\s+\[[^\n]+\]\s+\[[^\n]+\]\n/);
  });

  it("stars a price-list metric of a scenario that sets no prices, as run does (compare printed it bare: trial)", async () => {
    // base sets no pricing.*: its revenue at list prices is the default list's; deepseek-one-day sets its own prices.
    const {code, stdout} = await runCli(["compare", "base", "deepseek-one-day", ...FEW]);
    expect(code).toBe(0);
    const line = stdout.split("\n").find((l) => l.startsWith("revenue of one day at list prices"))!;
    expect(line).toMatch(/^revenue of one day at list prices\s+\$[\d.]+[KMB]? \*\s+\$[\d,.]+[KMB]?$/);
    // The footnote names the starred scenarios (with three, "this scenario sets no prices" read wrong: trial).
    expect(stdout).toContain(
      `* ${DEFAULT_PRICES_NOTE.replace("this scenario sets no prices", "base sets no prices")}.`
    );
    const three = await runCli(["compare", "base", "openai-2024", "deepseek-one-day", ...FEW]);
    expect(three.stdout).toContain("GPT-4o's API prices: base and openai-2024 set no prices.");
  });

  it("marks a flywheel saving at the design-cycle floor and says why, as run does (compare printed a bare 0%: trial)", async () => {
    // asic-9-months: silicon.designCycle 9 (data/scenarios/asic-9-months.md) = flywheel.minDesignCycle (default 9), so
    // better models have nothing to shorten; asic-24-months's 24-month cycle is above the floor.
    const {code, stdout} = await runCli(["compare", "asic-9-months", "asic-24-months", ...FEW]);
    expect(code).toBe(0);
    const line = stdout.split("\n").find((l) => l.startsWith("flywheel: cost per token saved"))!;
    expect(line).toMatch(/\s0% §\s+[\d.]+%$/);
    expect(stdout).toContain(
      "§ asic-9-months: the flywheel's cost per token and users, nothing gained: a design cycle of 9 months"
    );
  });

  it("notes a scenario's too-small fleet once, naming it, with stdout the comparison alone", async () => {
    // deepseek-one-day prefilling on its decode GPUs (serving.prefill shared) needs more than its 1,814 H800s; naming
    // one scenario twice is an error now (badInput.test.ts), so the note is once per scenario compared.
    const dir = mkdtempSync(join(tmpdir(), "too-small-fleet-"));
    try {
      const file = join(dir, "shared-prefill.md");
      writeFileSync(file, "---\nextends: deepseek-one-day\nserving.prefill: shared\n---\n");
      const {code, stdout, stderr} = await runCli(["compare", file, "base", "--json", ...FEW]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).scenarios).toEqual(["shared-prefill", "base"]);
      // --json has them too, one list per scenario in order: the two below for shared-prefill, none for base.
      const {notes} = JSON.parse(stdout);
      expect(notes.map((list: string[]) => list.length)).toEqual([2, 0]);
      expect(stderr).toContain(`token-ledger: note: shared-prefill: ${notes[0][1]}\n`);
      // Two notes, each once: the fleet, and the layout (TP 1 × EP 144 prefilling on its decode chips) the serving
      // model is not calibrated on (calibratedBandNote.ts).
      expect(stderr).toMatch(
        /^token-ledger: note: shared-prefill: fleet\.chips \(1,814 chips\)[^\n]*\ntoken-ledger: note: shared-prefill: the serving layout, TP 1 × EP 144 [^\n]*not calibrated on[^\n]*\n$/
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("marks the inference tax share that is the vendor's share by construction ¶, as run marks it", async () => {
    // base and asic-9-months buy the custom chip at cost (silicon.partnerMargin 0): tax = vendor margin − 0
    // (src/strategy/inferenceTax.ts), one quantity (reportFormat.ts taxIsVendorShareNote).
    const {code, stdout} = await runCli(["compare", "base", "asic-9-months", ...FEW]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/inference tax \(vendor's margin −[^\n]*¶[^\n]*¶/);
    expect(stdout).toMatch(/vendor gross profit, share of token cost +[\d.]+% ¶ +[\d.]+% ¶/);
    expect(stdout.replace(/\s+/g, " ")).toContain(
      "¶ base and asic-9-months: The same figure twice: the inference tax is the vendor's share of token cost by construction here"
    );
  });

  it("needs two or more scenarios", async () => {
    const {code, stdout, stderr} = await runCli(["compare", "base"]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/nothing to compare: expected two or more scenarios, found base/);
  });
});

describe("README", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

  it("documents every metric of run --json with its unit", () => {
    for (const name of SCENARIO_METRICS) expect(readme).toContain(`| \`${name}\` | ${METRIC_INFO[name].unit} |`);
  });

  it("lists every bundled scenario", () => {
    for (const id of BUNDLED) expect(readme).toContain(`| \`${id}\` |`);
  });
});
