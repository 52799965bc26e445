// What a reader of the site reads in a bundled scenario: its narrative and its sources' texts (the assumptions tables
// show each beside its value), and in the schema: each key's source and label. A strategy reader met raw key paths there ("the page leaves serving.outputTokensCv at
// 0", "…at the 75% input share of demand.inputShare"): names of the file format, not words. A live value
// (`{{silicon.nre}}`, which the page writes as a value) and a code span (`token-ledger calibration`) are not prose.
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {SCENARIO_KEYS, type ScenarioKeyDef} from "../../../src/scenario/file/schema.js";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";

const PATHS = new Set((SCENARIO_KEYS as readonly ScenarioKeyDef[]).map((def) => def.path));
const GROUPS = new Set([...PATHS].map((path) => path.split(".")[0]!));

/**
 * The key paths `text` names: a schema key's whole path (`serving.prefill`), or a group's wildcard (`pricing.*`). A
 * file name such as hardware.csv is neither.
 */
function keyPathsIn(text: string): string[] {
  return [...text.matchAll(/\b([a-z]+)\.([A-Za-z]+(?:\.[A-Za-z]+)*|\*)/g)]
    .filter((m) => (m[2] === "*" ? GROUPS.has(m[1]!) : PATHS.has(m[0])))
    .map((m) => m[0]);
}

/** Prose as a reader reads it: without live values and code spans. */
const readerText = (markdown: string) => markdown.replace(/\{\{[^}]*\}\}/g, " ").replace(/`[^`]*`/g, " ");

const DIR = join(process.cwd(), "data", "scenarios");
const FILES = readdirSync(DIR).filter((name) => name.endsWith(".md"));

describe("keyPathsIn", () => {
  it("finds a key path and a group's wildcard, not a file name or a live value", () => {
    expect(keyPathsIn("leaves serving.outputTokensCv at 0 (the price list, pricing.*), data/hardware.csv")).toEqual([
      "serving.outputTokensCv",
      "pricing.*"
    ]);
    expect(keyPathsIn(readerText("{{silicon.nre}} at the median; `serving.prefill=shared`"))).toEqual([]);
  });
});

describe.each(FILES)("%s shows a reader words, not key paths", (file) => {
  const text = readFileSync(join(DIR, file), "utf8");
  const scenario = parseScenario({file, text});

  it("in its narrative", () => {
    expect(keyPathsIn(readerText(scenario.body))).toEqual([]);
  });

  it("in its sources' texts", () => {
    const named = Object.entries(scenario.sources).flatMap(([path, source]) =>
      keyPathsIn(readerText(source.text)).map((key) => `${path}: ${key}`)
    );
    expect(named).toEqual([]);
  });
});

// A schema key's source is shown beside its default on each scenario page (the "N more assumptions at their defaults"
// section), on the assumptions register (/assumptions) and on the chapters' assumption lists, and its label on those
// and on the sliders: both are a reader's. Eighteen sources named other keys by path ("the mask set of silicon.node",
// "serving.hardware when not set"); each now names the key by its label. A key's `meaning` is left out: only the
// scenario file reference shows it (/reference and `token-ledger reference`, src/scenario/file/reference.ts), a table
// of key paths for authors, where a path is what they type. A source is shown as plain text (SourceText links only web
// addresses), so a code span in it is read as written and is not left out here.
const KEYS = SCENARIO_KEYS as readonly ScenarioKeyDef[];

describe("the schema's texts a reader is shown", () => {
  it.each(["source", "label"] as const)("every key's %s names other keys in words, not by path", (field) => {
    const named = KEYS.flatMap((def) => keyPathsIn(def[field]).map((key) => `${def.path}: ${key}`));
    expect(named).toEqual([]);
  });
});
