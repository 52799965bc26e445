import {type Dimension, DIMENSIONS, type DimensionInfo, formatQuantity, readQuantity} from "../../units/quantity.js";
import {groupThousands} from "../../units/groupThousands.js";
import {isInRange} from "../../units/range.js";
import {orList} from "../../units/wordList.js";
import {countWordsOf} from "./countWords.js";
import {formatScenarioValue} from "./formatScenario.js";
import {formatRange} from "../../units/range.js";
import {DISTRIBUTION_PARAMETERS} from "./readValue.js";
import {isQuantityKey, keyRange, RESERVED_KEYS, SCENARIO_GROUPS, SCENARIO_KEYS, type ScenarioKeyDef} from "./schema.js";
import {MARKDOWN_EXTENSION_WORDS} from "./markdownExtensions.js";
import {MAX_ERRORS_PER_FILE} from "../../errors/capErrors.js";

/** An example scenario file, shown on the reference page (and parsed by the tests, so it stays valid). */
export const EXAMPLE_SCENARIO = `---
title: Blackwell at a cheaper power contract
label: B200, cheaper power
description: The base case on B200s, with a long-term power purchase agreement.
extends: base
serving:
  hardware: b200
  utilization: 0.5 to 0.8
power.electricity: 60 USD/MWh
finance:
  usefulLife: {dist: triangular, min: 3 years, mode: 5 years, max: 6 years}
silicon:
  nre: $150M to $400M
  power: {dist: normal, p5: 600 W, p95: 800 W}
sources:
  power.electricity: "Assumed PPA price, in line with US industrial averages (EIA)"
---

# Why this scenario

The narrative, in Markdown.
`;

/**
 * An example child scenario that takes back a key its parent sets (base sets training.model: llama-3.1-405b; unset, it
 * follows serving.model), shown on the reference page (and resolved by the tests, so it stays valid). It extends base,
 * the one bundled scenario a report project's reference may name.
 */
export const EXAMPLE_UNSET = `---
title: The base case on a 70B model, trained as it is served
extends: base
serving.model: llama-3.1-70b
training.model: null
---
`;

/**
 * A scenario file shown as its parts: the front matter, with its two `---` lines, in a `yaml` fence, then the
 * narrative, if any, in a `markdown` fence. One `markdown` fence read the front matter as Markdown, whose highlighter
 * (highlight.js, in Framework's pages) took the last key line above the closing `---` for a setext heading
 * and drew it as a bold heading.
 *
 * @param text A scenario file's text, starting with its opening `---` line.
 * @returns Markdown lines.
 */
export function scenarioFileFences(text: string): string[] {
  const close = /^---[ \t]*$/m.exec(text.slice(4));
  if (!text.startsWith("---\n") || close === null)
    throw new Error("scenarioFileFences: no front matter between --- lines");
  const end = 4 + close.index + close[0].length;
  const narrative = text.slice(end).trim();
  const frontMatter = ["```yaml", text.slice(0, end), "```"];
  return narrative === ""
    ? frontMatter
    : [
        ...frontMatter,
        "",
        "After the closing `---`, the file's narrative, in Markdown:",
        "",
        "```markdown",
        narrative,
        "```"
      ];
}

/**
 * The scenario file reference, generated from the schema table and the units table so the documentation cannot
 * drift from what the parser accepts: file layout, reserved keys, units, distribution notation, and every key with
 * its unit, accepted units, range, default, meaning and source.
 */
export function scenarioReferenceMarkdown(): string {
  const out: string[] = [];
  out.push(
    "# Scenario file reference",
    "",
    "A scenario is a Markdown file in `data/scenarios/`, saved as UTF-8: YAML front matter of assumptions between two",
    "`---` lines, then the narrative. Its id is the file name without its extension",
    `(${MARKDOWN_EXTENSION_WORDS}) unless \`id:\` says otherwise. A key may be written`,
    "nested (`serving:` then `  utilization: 0.7`) or dotted (`serving.utilization: 0.7`); both are the same key, and",
    "a group with nothing indented under it is an error.",
    "A key that is not set takes its value from the scenario named by `extends:`, and from the default below when no",
    "scenario in the chain sets it. Unknown keys, wrong units, values out of range, inverted distribution bounds,",
    "cycles in `extends` and malformed YAML are errors that name the file, line, column and key path; every error",
    `in a file is reported at once (the first ${MAX_ERRORS_PER_FILE}, then a line counting the rest). The same notation works`,
    "on the command line: `--set serving.utilization=0.7`.",
    "",
    ...scenarioFileFences(EXAMPLE_SCENARIO),
    "",
    "## Taking a key back to its default",
    "",
    "A key written `null` (or `~`) has the value it would have if no file set it: the default below, or unset for a",
    'key whose default is "not set" (`serving.kvCache` then follows `serving.precision`; `silicon.bf16Flops` leaves',
    "the custom chip to `silicon.chip` or `silicon.relativeThroughput`), whatever the scenario's parents set. The",
    "scenario's page, `run` and `run --json` show it as a default and say where it was unset. An empty value",
    "(`serving.kvCache:` with nothing after it) is still an error, as a value forgotten, whose message says to write",
    '`null` to take the key back, and a quoted `"null"` is the text null. A child of `base`, which trains',
    "`llama-3.1-405b`, that trains the model it serves (`training.model` unset follows `serving.model`):",
    "",
    ...scenarioFileFences(EXAMPLE_UNSET),
    "",
    "On the command line and in a share link, `--set serving.kvCache=null` does the same. In a scenario without",
    "`extends:`, or for a key no parent sets, `null` changes nothing and is accepted: it says the value is the",
    "default, and stays true if the file later extends another. A group cannot be unset as a whole (`serving: null`",
    "is an error: write `null` under each key), nor can the reserved keys below, which are never inherited; a",
    "`sources:` entry for a key written `null` is an error, since the default's source is the one shown, and so is",
    "`sources: null` (or a group under it written `null`): a parent's sources stay with the values inherited.",
    "",
    "## Reserved keys",
    "",
    "| Key | Meaning |",
    "| --- | --- |",
    ...RESERVED_KEYS.map((reserved) => row([code(reserved.key), reserved.meaning])),
    "",
    "## The narrative",
    "",
    "The Markdown after the front matter is the scenario page's text (its `#` headings become the page's `##`). To",
    "state one of the page's own numbers, write a live value: `{{metrics.<metric>}}` (a metric of `run --json`,",
    "e.g. `{{metrics.siliconNpvUsd}}`, shown as the page's cards show it) or `{{<key>}}` (an assumption at the",
    "page's value, e.g. `{{serving.utilization}}`). Both are recomputed when a reader moves a slider. A month that",
    'does not come within the horizon (a payback, a crossover) reads "none within the horizon", as the cards read it,',
    'or "no point within the horizon" after "at". A sentence that says the month comes reads wrong when it does not',
    '("overtakes for good at no point …"): name such a month in brackets',
    "(`the month inference stays ahead for good ({{metrics.inferenceOvertakesTrainingMonth}})`). An unknown name",
    "is an error at its line and column. A narrative is text, not page code: `${…}` shows as written, code blocks are",
    'shown and never run, and `<script>`, an event handler, a `javascript:` address or a local file (`<img src="chart.png">`)',
    "is an error, as are an image over plain `http:` or from `//host` and a style that moves a box over the page",
    "(`position: fixed`, `transform`); an image or link to an absolute `https:` address is fine. A narrative is at most",
    "50,000 characters.",
    "",
    "## Values and units",
    "",
    "A bare number is in the key's base unit. A value may carry a unit (`700 W`, `0.06 USD/kWh`, `$500M`, `35%`);",
    "units are case-sensitive (`MW` is not `mW`). Magnitude suffixes are decimal: `k` = 10³, `M` = 10⁶, `B` = 10⁹",
    "(billion), `T` = 10¹² (trillion); in sizes `B` is a byte, and GB (10⁹ B) is kept apart from GiB (2³⁰ B). A capital",
    "`K` is read only in money (`$30K`): a count's `16K` may mean 16,384, so it is refused with both readings offered.",
    "Thousands may be grouped with commas (`12,000 USD`). A count the pages write with a noun may end in that noun,",
    "singular or plural (`128 sequences` for serving.batch, `100M users`, `1 user`); the Accepts column names it.",
    "",
    "| Dimension | Base unit | Accepted units | Examples |",
    "| --- | --- | --- | --- |",
    ...Object.values(DIMENSIONS).map((info) =>
      row([info.name, info.baseUnit || "(none)", acceptedUnits(info), info.examples.map(code).join(", ")])
    ),
    "",
    "## Distributions",
    "",
    "A key marked *uncertain* may be a distribution instead of a single value. Every bound may carry a unit, and",
    "every bound (all parameters but `sd`) must lie in the key's range.",
    "",
    "| Notation | Meaning |",
    "| --- | --- |",
    row([
      code("0.5 to 0.8"),
      "A 90% interval: 5% chance below the low end, 5% above the high end. Lognormal when the key's range has no " +
        "negative values and the low end is positive, normal otherwise. A bare low end takes the high end's unit " +
        '(`600 to 800 W` is 600 W to 800 W), a scale letter too (`1 to 2M` is 1M to 2M, as one says "1 to 2 million"); ' +
        "where that makes the interval inverted or out of range, the error says how the low end was read. The " +
        "assumptions tables write an interval `45–75% (90% interval)`; a file does not take that form back, nor " +
        "one typed with a hyphen (`45%-75%`): the error gives the value in this notation, `45% to 75%`. A negative " +
        "value takes an ASCII minus (`-10% to 40%`)."
    ]),
    row([code("{dist: uniform, min: 0.4, max: 0.7}"), "Uniform between min and max (min < max)."]),
    row([code("{dist: normal, p5: 600 W, p95: 800 W}"), "Normal with the given 90% interval (p5 < p95)."]),
    row([code("{dist: normal, mean: 700 W, sd: 60 W}"), "Normal by mean and standard deviation (sd > 0)."]),
    row([code("{dist: lognormal, p5: 0.05, p95: 0.2}"), "Lognormal with the given 90% interval (0 < p5 < p95)."]),
    row([
      code("{dist: triangular, min: 3 years, mode: 5 years, max: 6 years}"),
      "Triangular (min <= mode <= max, min < max)."
    ]),
    row([code("{dist: point, value: 0.7}"), "A single value, the same as writing `0.7`."]),
    "",
    `Parameter names by distribution: ${Object.entries(DISTRIBUTION_PARAMETERS)
      .map(([kind, sets]) => `${kind}: ${sets.map((set) => set.join(", ")).join(" or ")}`)
      .join("; ")}.`,
    "",
    "## Keys",
    "",
    "Ranges and defaults are in the base unit. *Source* says where a default comes from; `assumption` marks our",
    "judgement. A scenario's own `sources:` entries replace these for the values it sets."
  );
  const topGroups = SCENARIO_GROUPS.filter((group) => !group.includes("."));
  // The groups as links to their tables: the page has no table of contents beside it (its tables take its width).
  out.push("", `Groups: ${topGroups.map((group) => `[${group}](#${group})`).join(", ")}.`);
  for (const group of topGroups) {
    out.push(
      "",
      `### ${group}`,
      "",
      "| Key | Unit | Accepts | Range | Default | Uncertain | Meaning | Source |",
      "| --- | --- | --- | --- | --- | --- | --- | --- |"
    );
    for (const def of SCENARIO_KEYS as readonly ScenarioKeyDef[]) {
      if (def.path.startsWith(`${group}.`)) out.push(keyRow(def));
    }
  }
  return `${out.join("\n")}\n`;
}

function keyRow(def: ScenarioKeyDef): string {
  const quantity = isQuantityKey(def);
  const unit = quantity ? DIMENSIONS[def.type].baseUnit || "(none)" : def.type === "id" ? "catalog id" : "choice";
  const accepts = quantity
    ? acceptsText(def)
    : def.type === "choice"
      ? (def.choices ?? []).map(code).join(", ")
      : `an id from data/${def.catalog ?? "hardware"}.csv`;
  // Ends written as the error messages and flags write them (formatBound: "[$0, $10,000B]", a count in full as
  // "[0, 100,000,000,000]", never "[0, 1e11]": breaker).
  const range = quantity ? `${def.integer ? "whole, " : ""}${formatRange(keyRange(def), def.type as Dimension)}` : "";
  return row([
    code(def.path),
    unit,
    accepts,
    range,
    defaultText(def),
    def.distribution ? "yes" : "no",
    def.meaning,
    def.source
  ]);
}

/** Dimensions whose "Accepts" is a list of example values, not of units: the examples are the key's own. */
const EXAMPLE_DIMENSIONS: ReadonlySet<Dimension> = new Set(["count", "tokens"]);

/**
 * What a numeric key accepts, as the reference's Accepts column says it: the dimension's units (unitsText), or for a
 * count or a token count, the dimension's examples that lie in the key's range ("like 16384, 16k, 1.5M or 2B" was
 * offered for serving.tensorParallel, whole in [1, 1,024], and "15T tokens" for serving.outputTokens; new-user trial),
 * or "a whole number, like" its default when none does; for a count with a noun (countWordsOf), ", or followed by
 * `sequences`" after it (`batch: 128 sequences` was refused as the slider writes it; new-user trial).
 */
function acceptsText(def: ScenarioKeyDef): string {
  const dimension = def.type as Dimension;
  const info = DIMENSIONS[dimension];
  if (!EXAMPLE_DIMENSIONS.has(dimension)) return info.unitsText;
  const range = {...keyRange(def), integer: def.integer === true};
  const fitting = info.examples.filter((example) => {
    const reading = readQuantity(example, dimension);
    return reading.ok && isInRange(reading.value, range);
  });
  const [word] = countWordsOf(def);
  const withWord = word === undefined ? "" : `, or followed by \`${word}\``;
  if (fitting.length) return `like ${orList(fitting)}${withWord}`;
  return def.default === null
    ? `a whole number${withWord}`
    : `a whole number, like ${formatScenarioValue(def, def.default)}${withWord}`;
}

/**
 * A key's default as a scenario file would write it, its thousands grouped as the site's pages write numbers ("16,384
 * tokens", which a file reads back as written; "16384 tokens" stood beside the Range column's "[1, 1,024]"), or, where
 * that takes more than five significant digits (a default derived by a division, such as silicon.packagingCost's
 * $12,000 ÷ 28), rounded to five and marked "≈": the file notation keeps twelve digits so that it reads back exactly,
 * which no reader needs here ("$428.571428571").
 */
function defaultText(def: ScenarioKeyDef): string {
  if (def.default === null) return "none";
  const exact = formatScenarioValue(def, def.default);
  if (typeof def.default !== "number" || !isQuantityKey(def)) return code(exact);
  const dimension = def.type as Dimension;
  const rounded = formatQuantity(def.default, dimension, (x) => String(Number(x.toPrecision(5))));
  if (rounded !== exact) return `≈ ${code(groupedQuantity(def.default, dimension, 5))}`;
  return code(groupedQuantity(def.default, dimension, 12));
}

/**
 * formatQuantity's text at `digits` significant digits, the integer part of its number grouped in thousands
 * (groupThousands: "16,384 tokens", "$12,000"); a number in exponent notation as formatNumber writes it.
 */
function groupedQuantity(value: number, dimension: Dimension, digits: number): string {
  return formatQuantity(value, dimension, (x) => {
    const plain = String(Number(x.toPrecision(digits)));
    if (/e/i.test(plain)) return plain;
    return groupThousands(Number(plain), plain.split(".")[1]?.length ?? 0);
  });
}

function acceptedUnits(info: DimensionInfo): string {
  const spellings = [...info.units.keys()].filter((unit) => unit !== "");
  return spellings.length ? spellings.map(code).join(", ") : "a bare number";
}

function code(text: string): string {
  return `\`${text}\``;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(/\|/g, "\\|").replace(/\n/g, " ")).join(" | ")} |`;
}

/**
 * The scenario file reference as a site's page: front matter (title "Scenario file reference"; no table of contents
 * beside it, so that the keys tables take the page's width: at 1280 px an 8-column table scrolled sideways inside the
 * 704 px the contents left it, Meaning and Source out of sight), `head` (HTML before the text, such as a page's
 * stylesheet link; default none), and the reference with its wide tables at the page's full width (story.css's
 * `.story-wide-tables`), key paths breaking after their dots and long paths in a meaning or source anywhere. Printed by this site's page loader
 * (docs/reference.md.ts) and by a report project's (templates/project/docs/reference.md.ts).
 */
export function scenarioReferencePageMarkdown(head = ""): string {
  return `---
title: Scenario file reference
toc: false
---

${head ? `${head}\n\n` : ""}<div class="story-wide-tables reference-tables">

${breakableKeyPaths(scenarioReferenceMarkdown())}

</div>
`;
}

/**
 * The Markdown with each key path in a table's code span (\`serving.costDeclinePerYear\`) written as HTML code with a
 * line-break opportunity after each dot: unbroken, the longest paths set the Key column's width (233 px at 1280 px)
 * and the keys tables scrolled sideways inside a 704 px column, Meaning and Source out of sight. The page's only:
 * the CLI prints the Markdown as it is.
 */
function breakableKeyPaths(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) =>
      line.startsWith("|")
        ? line.replace(
            /`([a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)`/g,
            (_, path: string) => `<code>${path.split(".").join(".<wbr>")}</code>`
          )
        : line
    )
    .join("\n");
}
