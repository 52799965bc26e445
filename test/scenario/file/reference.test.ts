import hljs from "highlight.js";
import {describe, expect, it} from "vitest";
import {
  EXAMPLE_SCENARIO,
  EXAMPLE_UNSET,
  scenarioReferenceMarkdown,
  scenarioReferencePageMarkdown
} from "../../../src/scenario/file/reference.js";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {isQuantityKey, keyValueComesFrom, RESERVED_KEYS, SCENARIO_KEYS} from "../../../src/scenario/file/schema.js";
import {type Dimension, DIMENSIONS, readQuantity} from "../../../src/units/quantity.js";
import {siteMentions} from "../../siteMentions.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {resolveScenario} from "../../../src/scenario/resolve/resolveScenario.js";

describe("scenarioReferenceMarkdown", () => {
  const reference = scenarioReferenceMarkdown();

  it("documents every key, dimension and reserved key", () => {
    for (const def of SCENARIO_KEYS) expect(reference).toContain(`| \`${def.path}\` |`);
    for (const info of Object.values(DIMENSIONS)) expect(reference).toContain(`| ${info.name} |`);
    for (const reserved of RESERVED_KEYS) expect(reference).toContain(`| \`${reserved.key}\` |`);
    expect(reference).toContain("## Distributions");
  });

  it("names no page, chapter or bundled scenario of this site but base, as a report project prints it too", () => {
    // An author's trial: "/compare's legends" in a project's reference; "the story's chip" beside it.
    expect(siteMentions(reference)).toEqual([]);
  });

  it("shows each key's unit, range, default and source in its row", () => {
    const row = reference.split("\n").find((line) => line.startsWith("| `power.electricity` |"));
    expect(row).toBe(
      "| `power.electricity` | USD/kWh | in USD/kWh, USD/MWh or $/kWh | [0 USD/kWh, 10 USD/kWh] | `0.0826 USD/kWh` | yes | " +
        "Price of electricity delivered to the facility. | US industrial average 2025 of the U.S. Energy Information " +
        "Administration (EIA), as in Epoch AI's code for Cottier et al. 2024, 'The rising costs of training frontier AI " +
        "models' (github.com/epoch-research/training-cost-trends) |"
    );
  });

  it("rounds a derived default to five significant digits, marked, and writes counts in millions", () => {
    const row = (path: string) => reference.split("\n").find((line) => line.startsWith(`| \`${path}\` |`)) ?? "";
    // silicon.packagingCost's default is the H100's $12,000 CoWoS wafer ÷ 28 packages = $428.571428571…
    expect(row("silicon.packagingCost")).toContain("| ≈ `$428.57` |");
    expect(row("demand.users")).toContain("| `100M` |");
    // Thousands grouped as the site writes them (an audit read "4096 tokens" here beside "2,048 tokens" elsewhere),
    // and read back by a scenario file as written.
    expect(row("training.chips")).toContain("| `16,384` |");
    expect(row("serving.inputTokens")).toContain("| `4,096 tokens` |");
    expect(row("serving.prefillTokensPerChip")).toContain("| `16,384 tokens` |");
    let checked = 0;
    for (const def of SCENARIO_KEYS) {
      const written = /\| `([^`]*)` \| (?:yes|no) \|/.exec(row(def.path))?.[1];
      if (typeof def.default !== "number" || !isQuantityKey(def) || written === undefined) continue;
      const reading = readQuantity(written, def.type as Dimension);
      expect(reading.ok && Math.abs(reading.value - def.default) <= 1e-12 * Math.abs(def.default), def.path).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    // Ranges as the defaults and the error messages write them (the breaker read "[0, 1e11]" beside "100M").
    expect(row("demand.users")).toContain("| [0, 100B] |");
    expect(row("silicon.unitCost")).toContain("| [$1, $10M] |");
  });

  it("says what a custom chip's catalog row, inherited unit cost and the fleet's default tokens mean (issue 16 trial)", () => {
    const row = (path: string) => reference.split("\n").find((line) => line.startsWith(`| \`${path}\` |`)) ?? "";
    // A new user naming trainium2 expected its 500 W and got silicon.power's 600 W.
    expect(row("silicon.chip")).toContain("not the row's power_w or price_usd");
    // A file extending base (unit cost $12,000) that sets die keys gets the die's price, not base's.
    expect(row("silicon.unitCost")).toContain("gets the price built from its die");
    // Which day's demand sizes the fleet when fleet.*TokensPerDay is not set: the first, before growth.
    expect(row("fleet.inputTokensPerDay")).toContain("month 1, before growth");
    expect(row("fleet.outputTokensPerDay")).toContain("month 1, before growth");
    expect(row("fleet.chipHourPrice")).toContain("| [0.01 USD/h, 10,000 USD/h] |");
  });

  it("offers a count or token key only examples in its range (TP was offered 2B; new-user trial)", () => {
    const accepts = (path: string) =>
      reference
        .split("\n")
        .find((line) => line.startsWith(`| \`${path}\` |`))!
        .split(" | ")[2];
    // serving.tensorParallel: whole, [1, 1,024], default 2 (schema.ts); none of 16384, 16k, 1.5M, 2B lies in it.
    expect(accepts("serving.tensorParallel")).toBe("a whole number, like 2");
    // serving.batch: whole, [1, 1M]: 16384 and 16k do, 1.5M and 2B do not.
    // Its noun too, as its slider writes it (countWordsOf; `batch: 128 sequences` was refused; new-user trial).
    expect(accepts("serving.batch")).toBe("like 16384 or 16k, or followed by `sequences`");
    // serving.outputTokens: whole, up to 100M tokens: not 15T tokens.
    expect(accepts("serving.outputTokens")).toBe("like 4096, 1e6, 32k tokens or 2.5M");
    // demand.users: [0, 100B]: every example.
    expect(accepts("demand.users")).toBe("like 16384, 16k, 1.5M or 2B, or followed by `users`");
    expect(accepts("silicon.hbmStacks")).toBe("a whole number, like 4, or followed by `stacks`");
  });

  it("has a table row with the same number of cells as its header on every table line", () => {
    for (const line of reference.split("\n").filter((l) => l.startsWith("| `") && l.includes("` | "))) {
      const cells = line.split(/(?<!\\)\|/).length - 2;
      expect([2, 4, 8]).toContain(cells);
    }
  });

  it("shows an example that parses", () => {
    const example = parseScenario({file: "example.md", text: EXAMPLE_SCENARIO});
    expect(example.extends?.id).toBe("base");
    expect(Object.keys(example.values)).toContain("silicon.nre");
  });

  it("fences each example's front matter as YAML, in which the page's highlighter draws no heading", () => {
    // Framework highlights a fence with highlight.js in the fence's language (framework/src/html.ts). As `markdown`,
    // a key line above the closing `---` is a setext heading: hljs-section, drawn as a bold blue heading on /reference.
    const fences = [...reference.matchAll(/^```(\w+)\n([\s\S]*?)\n```$/gm)].map(([, language, body]) => ({
      language: language!,
      body: body!
    }));
    for (const example of [EXAMPLE_SCENARIO, EXAMPLE_UNSET]) {
      const frontMatter = example.slice(0, example.indexOf("\n---", 3) + "\n---".length);
      expect(fences.find((fence) => fence.body.includes(frontMatter))?.language).toBe("yaml");
    }
    // Every fence with a `---` line (front matter); the narrative's own `# heading` is a heading.
    for (const {language, body} of fences.filter((fence) => /^---$/m.test(fence.body))) {
      expect(hljs.highlight(body, {language}).value, `${language} fence:\n${body}`).not.toContain("hljs-section");
    }
  });

  it("shows, under its own heading, a child of base that takes base's training model back to the default", () => {
    expect(reference).toContain("## Taking a key back to its default");
    expect(reference).toContain(EXAMPLE_UNSET.trimEnd());
    const example = parseScenario({file: "example.md", text: EXAMPLE_UNSET});
    const library = loadScenarioLibrary();
    // base.md sets training.model: llama-3.1-405b; the example's null leaves it unset (the schema's default, null), so
    // it follows serving.model (schema `follows`).
    expect(library.resolve("base").values["training.model"]!.value).toBe("llama-3.1-405b");
    const resolved = resolveScenario("example", (id) => (id === "example" ? example : library.index.lookup(id)));
    expect(resolved.values["training.model"]).toMatchObject({value: null, origin: {kind: "default"}});
    expect(keyValueComesFrom("training.model", false)).toBe("serving.model");
  });
});

describe("scenarioReferencePageMarkdown", () => {
  const page = scenarioReferencePageMarkdown();

  it("breaks the key paths of its tables after each dot, and keeps the rest of the reference as the CLI prints it", () => {
    expect(page).toContain("| <code>power.<wbr>electricity</code> |");
    expect(page).toContain("<code>flywheel.<wbr>costReductionPerGeneration</code>");
    // Outside a table (the example scenario, the prose), code is left alone.
    const unbroken = page.replace(
      /<code>([^<]*(?:<wbr>[^<]*)*)<\/code>/g,
      (_, path: string) => `\`${path.replace(/<wbr>/g, "")}\``
    );
    expect(unbroken).toContain(scenarioReferenceMarkdown());
  });

  it("has no table of contents beside its tables, and links each group's table instead", () => {
    expect(page).toMatch(/^---\ntitle: Scenario file reference\ntoc: false\n---/);
    expect(page).toContain("Groups: [serving](#serving), ");
  });
});

describe("the reference's word on how many errors a file reports", () => {
  // It said "every error in a file is reported at once", where a file reports the first MAX_ERRORS_PER_FILE and a
  // line counting the rest (capErrors.ts; the README's "Limits").
  it("names the cap, and a file of more bad keys than that reports the cap and one line more", async () => {
    const {MAX_ERRORS_PER_FILE} = await import("../../../src/errors/capErrors.js");
    const {UserErrors} = await import("../../../src/errors/userError.js");
    expect(scenarioReferenceMarkdown()).toContain(
      `reported at once (the first ${MAX_ERRORS_PER_FILE}, then a line counting the rest)`
    );
    const badKeys = Array.from({length: MAX_ERRORS_PER_FILE + 10}, (_, i) => `serving.nokey${i}: 1`);
    let reported: number | undefined;
    try {
      parseScenario({file: "many.md", text: `---\ntitle: Many bad keys\n${badKeys.join("\n")}\n---\n`});
    } catch (error) {
      if (!(error instanceof UserErrors)) throw error;
      reported = error.errors.length;
    }
    expect(reported).toBe(MAX_ERRORS_PER_FILE + 1);
  });
});
