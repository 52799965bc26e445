// The fuzz suite's inputs (issue 18), generated with fast-check from the schema and the catalogs: scenario files
// mutated key by key, command lines, catalog rows with one bad cell or more, and share-link states. Each kind is an
// arbitrary; test/fuzz/checks.ts runs one case and says what came of it.
import {readFileSync} from "node:fs";
import fc from "fast-check";
import {HARDWARE_COLUMNS} from "../../src/catalog/parseHardwareCsv.js";
import {MODEL_COLUMNS} from "../../src/catalog/parseModelsCsv.js";
import {DISTRIBUTION_PARAMETERS} from "../../src/scenario/file/readValue.js";
import {isQuantityKey, keyRange, SCENARIO_KEYS, type ScenarioKeyDef} from "../../src/scenario/file/schema.js";
import {DIMENSIONS, type Dimension} from "../../src/units/quantity.js";
import {scenarioFilesIn} from "../../src/node/scenarioFiles.js";
import {resolve} from "node:path";
import {DATA_DIR} from "../../src/node/paths.js";

const HARDWARE_CSV = resolve(DATA_DIR, "hardware.csv");
const MODELS_CSV = resolve(DATA_DIR, "models.csv");

/** Numbers that break things: the ends of the double range, subnormals, signed zero, and JavaScript's other numerals. */
const HOSTILE_NUMBERS = [
  "0",
  "-0",
  "-1",
  "1e308",
  "-1e308",
  "1e309",
  "1e-320",
  "5e-324",
  "1e300",
  "1e-300",
  ".nan",
  ".inf",
  "-.inf",
  "NaN",
  "Infinity",
  "0x10",
  "0b11",
  "0o7",
  "1_000",
  "1,000",
  "",
  " ",
  "9".repeat(400)
];

/** Text that breaks lines, quoting, YAML or terminals. */
const HOSTILE_TEXT = [
  "\n",
  "\r",
  "\r\n",
  "\u0000",
  "\u202e",
  "\uFEFF",
  '"',
  "'",
  ",",
  ":",
  "#",
  "&a",
  "*a",
  "!!binary",
  "{",
  "}",
  "[",
  "]",
  "|",
  ">",
  "- ",
  "---",
  "...",
  "<script>alert(1)</script>",
  "${1+1}",
  "%",
  "=",
  "--set",
  "to"
];

const hostileNumber = fc.constantFrom(...HOSTILE_NUMBERS);
const junk = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({maxLength: 6})), {maxLength: 4})
  .map((parts) => parts.join(""));

/** A number written as a plain decimal (never more than 17 significant digits). */
function decimal(value: number): string {
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : value.toPrecision(6);
}

/** A number in a key's range, or near its ends (the range's own ends, just outside, and far outside). */
function numberNear(def: ScenarioKeyDef): fc.Arbitrary<number> {
  const range = keyRange(def);
  const min = Number.isFinite(range.min) ? range.min : -1e12;
  const max = Number.isFinite(range.max) ? range.max : 1e12;
  const inside = fc
    .double({min, max, noNaN: true, noDefaultInfinity: true})
    .map((v) => (def.integer ? Math.round(v) : v));
  const span = max - min || 1;
  return fc.oneof(
    {weight: 6, arbitrary: inside},
    {weight: 2, arbitrary: fc.constantFrom(min, max, min - span * 1e-9, max + span * 1e-9, min - 1, max + 1)},
    {weight: 1, arbitrary: fc.constantFrom(min * 10 - 1, max * 10 + 1, 1e308, -1e308)}
  );
}

/** A unit the key's dimension accepts, or one of another dimension. */
function unitFor(dimension: Dimension): fc.Arbitrary<string> {
  const own = [...DIMENSIONS[dimension].units.keys()].filter((unit) => unit !== "" && !unit.startsWith("$"));
  const other = Object.values(DIMENSIONS).flatMap((info) => [...info.units.keys()].slice(0, 2));
  return fc.oneof(
    {weight: 1, arbitrary: fc.constant("")},
    {weight: own.length ? 3 : 0, arbitrary: fc.constantFrom(...(own.length ? own : [""]))},
    {weight: 1, arbitrary: fc.constantFrom(...other.filter((unit) => unit !== ""))}
  );
}

/**
 * A value for a key in the scenario file notation (one line): mostly plausible (in range, with units, intervals and
 * distributions of every kind), sometimes hostile (the numbers and text above, another key's kind of value).
 */
export function valueFor(def: ScenarioKeyDef): fc.Arbitrary<string> {
  if (!isQuantityKey(def)) {
    const good = def.type === "choice" ? [...(def.choices ?? [])] : CATALOG_IDS;
    return fc.oneof(
      {weight: 5, arbitrary: fc.constantFrom(...good)},
      {weight: 2, arbitrary: junk},
      {weight: 1, arbitrary: hostileNumber}
    );
  }
  const dimension = def.type as Dimension;
  const n = numberNear(def);
  const withUnit = fc.tuple(n, unitFor(dimension)).map(([v, unit]) => (unit ? `${decimal(v)} ${unit}` : decimal(v)));
  const interval = fc.tuple(n, n).map(([a, b]) => `${decimal(a)} to ${decimal(b)}`);
  const dist = fc.oneof(
    fc.tuple(n, n).map(([a, b]) => `{dist: uniform, min: ${decimal(a)}, max: ${decimal(b)}}`),
    fc.tuple(n, n).map(([a, b]) => `{dist: lognormal, p5: ${decimal(a)}, p95: ${decimal(b)}}`),
    fc.tuple(n, n).map(([a, b]) => `{dist: normal, p5: ${decimal(a)}, p95: ${decimal(b)}}`),
    fc
      .tuple(n, fc.oneof(n, fc.constantFrom(1e300, 1e-300, 0, -1)))
      .map(([m, sd]) => `{dist: normal, mean: ${decimal(m)}, sd: ${decimal(sd)}}`),
    fc
      .tuple(n, n, n)
      .map(([a, b, c]) => `{dist: triangular, min: ${decimal(a)}, mode: ${decimal(b)}, max: ${decimal(c)}}`),
    n.map((v) => `{dist: point, value: ${decimal(v)}}`),
    fc.constantFrom(...Object.keys(DISTRIBUTION_PARAMETERS)).map((kind) => `{dist: ${kind}}`)
  );
  return fc.oneof(
    {weight: 6, arbitrary: withUnit},
    {weight: def.distribution ? 2 : 1, arbitrary: interval},
    {weight: def.distribution ? 2 : 1, arbitrary: dist},
    {weight: 2, arbitrary: hostileNumber},
    {weight: 1, arbitrary: junk}
  );
}

/** Catalog ids that exist, and a few that do not. */
const CATALOG_IDS = [
  ...new Set([...csvIds(HARDWARE_CSV), ...csvIds(MODELS_CSV), "h100", "llama-3.1-405", "H100-SXM", "a".repeat(300)])
];

function csvIds(path: string): string[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .slice(1)
    .map((line) => line.split(",")[0] ?? "")
    .filter((id) => /^[a-z0-9]/.test(id));
}

// ---------------------------------------------------------------------------------------------------------------
// Scenario files

/** The bundled scenario files: the texts that mutations start from, and the parents they may extend. */
export const SCENARIO_TEXTS: readonly {file: string; text: string}[] = scenarioFilesIn().map((path) => ({
  file: `data/scenarios/${path.split("/").pop()}`,
  text: readFileSync(path, "utf8")
}));

/** One change to a scenario file. */
export type Mutation =
  | {kind: "set"; path: string; value: string}
  | {kind: "deleteLine"; at: number}
  | {kind: "duplicateLine"; at: number}
  | {kind: "insertLine"; at: number; text: string}
  | {kind: "unknownKey"; key: string; value: string};

/** A scenario file to check: which bundled file it starts from, and the changes made to it. */
export interface ScenarioCase {
  base: number;
  mutations: Mutation[];
}

const keyMutation: fc.Arbitrary<Mutation> = fc
  .constantFrom(...SCENARIO_KEYS)
  .chain((def) => valueFor(def).map((value) => ({kind: "set" as const, path: def.path, value})));

export const scenarioCase: fc.Arbitrary<ScenarioCase> = fc.record({
  base: fc.nat({max: SCENARIO_TEXTS.length - 1}),
  mutations: fc.array(
    fc.oneof(
      {weight: 8, arbitrary: keyMutation},
      {weight: 1, arbitrary: fc.nat({max: 60}).map((at) => ({kind: "deleteLine" as const, at}))},
      {weight: 1, arbitrary: fc.nat({max: 60}).map((at) => ({kind: "duplicateLine" as const, at}))},
      {weight: 1, arbitrary: fc.record({kind: fc.constant("insertLine" as const), at: fc.nat({max: 60}), text: junk})},
      {
        weight: 1,
        arbitrary: fc.record({kind: fc.constant("unknownKey" as const), key: junk, value: junk})
      }
    ),
    {minLength: 1, maxLength: 3}
  )
});

/** The line (1-based) where a `set` mutation wrote its key, when that is certain; used to check error locations. */
export interface MutatedScenario {
  file: string;
  text: string;
  /** Key path → the line its value is on, for keys set by a mutation on a line of their own. */
  setLines: Map<string, number>;
}

/**
 * Applies the mutations to the bundled text. A `set` replaces the value of a key written `path: value` on one line
 * (dotted, or nested one level under its group) or, when the file does not set it, adds `path: value` before the
 * closing `---`. Line edits act inside the front matter.
 */
export function mutateScenario({base, mutations}: ScenarioCase): MutatedScenario {
  const source = SCENARIO_TEXTS[base]!;
  const lines = source.text.split("\n");
  let setLines = new Map<string, number>();
  const close = () => lines.findIndex((line, i) => i > 0 && line.trimEnd() === "---");
  // Once any text with a line break (\n, \r, U+2028/2029, NEL) is written, later lines can no longer be told apart
  // reliably: stop recording where keys were set.
  let tracking = true;
  for (const mutation of mutations) {
    const written =
      mutation.kind === "set"
        ? mutation.value
        : mutation.kind === "insertLine"
          ? mutation.text
          : mutation.kind === "unknownKey"
            ? `${mutation.key}${mutation.value}`
            : "";
    if (/[\r\n\u2028\u2029\u0085]/.test(written)) tracking = false;
    const end = close();
    const inside = (at: number) => 1 + (at % Math.max(1, end - 1));
    switch (mutation.kind) {
      case "set": {
        const line = `${mutation.path}: ${mutation.value}`;
        const oneLine = !/[\r\n\u2028\u2029]/.test(mutation.value);
        const at = findKeyLine(lines, end, mutation.path);
        if (at >= 0) {
          const indent = /^\s*/.exec(lines[at]!)![0];
          const leaf = indent ? mutation.path.slice(mutation.path.indexOf(".") + 1) : mutation.path;
          lines[at] = `${indent}${leaf}: ${mutation.value}`;
          if (oneLine) setLines.set(mutation.path, at + 1);
        } else {
          lines.splice(end, 0, line);
          // Lines after the insertion moved down by one.
          setLines = new Map([...setLines].map(([path, n]) => [path, n > end ? n + 1 : n]));
          if (oneLine) setLines.set(mutation.path, end + 1);
        }
        break;
      }
      case "deleteLine":
        lines.splice(inside(mutation.at), 1);
        setLines.clear();
        break;
      case "duplicateLine":
        lines.splice(inside(mutation.at), 0, lines[inside(mutation.at)] ?? "");
        setLines.clear();
        break;
      case "insertLine":
        lines.splice(inside(mutation.at), 0, mutation.text);
        setLines.clear();
        break;
      case "unknownKey":
        lines.splice(end, 0, `${mutation.key}: ${mutation.value}`);
        setLines.clear();
        break;
    }
  }
  return {file: source.file, text: lines.join("\n"), setLines: tracking ? setLines : new Map()};
}

/** Index of the line that writes `path` on one line of the front matter (before line `end`), or -1. */
function findKeyLine(lines: readonly string[], end: number, path: string): number {
  const dot = path.indexOf(".");
  const group = path.slice(0, dot);
  const leaf = path.slice(dot + 1);
  let inGroup = false;
  for (let i = 1; i < end; i++) {
    const line = lines[i]!;
    if (line.startsWith(`${path}:`)) return i;
    if (/^\S/.test(line)) inGroup = line.startsWith(`${group}:`) && line.trim() === `${group}:`;
    else if (inGroup && line.trimStart().startsWith(`${leaf}:`) && /^ {2}\S/.test(line)) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------------------------
// Command lines

/** Each command's flags that take a value, with the kind of value they take, and its boolean flags. */
const COMMANDS: Record<string, {args: fc.Arbitrary<string[]>; flags: Record<string, fc.Arbitrary<string>>}> = {};

const keyFor = (path: string) => SCENARIO_KEYS.find((def) => def.path === path)!;
const numberText = (path: string) =>
  fc.oneof(
    {weight: 4, arbitrary: numberNear(keyFor(path)).map(decimal)},
    {weight: 2, arbitrary: hostileNumber},
    {weight: 1, arbitrary: junk}
  );
const anyNumber = fc.oneof(fc.double({noNaN: true, min: -1e6, max: 1e6}).map(decimal), hostileNumber);
const idText = fc.oneof({weight: 5, arbitrary: fc.constantFrom(...CATALOG_IDS)}, {weight: 1, arbitrary: junk});
const scenarioArg = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom("base", "asic-9-months", "asic-24-months", "agent-era", "cost-lead-vs-model-lead")
  },
  {weight: 1, arbitrary: junk},
  {weight: 1, arbitrary: fc.constantFrom("data/scenarios/base.md", "nope.md", "/dev/null", "data")}
);
const setArg = fc.constantFrom(...SCENARIO_KEYS).chain((def) => valueFor(def).map((value) => `${def.path}=${value}`));
const varyArg = fc.oneof(
  fc
    .constantFrom(...SCENARIO_KEYS.filter(isQuantityKey))
    .chain((def) =>
      fc
        .tuple(numberNear(def), numberNear(def), fc.oneof(fc.integer({min: 1, max: 6}).map(String), hostileNumber))
        .map(([a, b, steps]) => `${def.path}=${decimal(a)}:${decimal(b)}:${steps}`)
    ),
  junk
);

COMMANDS.inference = {
  args: fc.constant([]),
  flags: {
    "--hardware": idText,
    "--model": idText,
    "--precision": fc.constantFrom("bf16", "fp8", "fp4", "int4", ""),
    "--batch": numberText("serving.batch"),
    "--input-tokens": numberText("serving.inputTokens"),
    "--output-tokens": numberText("serving.outputTokens"),
    "--cache-hit": numberText("serving.cacheHit"),
    "--tp": numberText("serving.tensorParallel"),
    "--ep": numberText("serving.expertParallel"),
    "--utilization": numberText("serving.utilization"),
    "--electricity": numberText("power.electricity"),
    "--pue": numberText("power.pue"),
    "--chip-price": numberText("hardware.price"),
    "--hourly-price": anyNumber,
    "--stack": fc.constantFrom("trtllm", "vllm", "sglang", "tgi"),
    "--context": anyNumber
  }
};
COMMANDS.training = {
  args: fc.constant([]),
  flags: {
    "--model": idText,
    "--hardware": idText,
    "--tokens": numberText("training.tokens"),
    "--chips": numberText("training.chips"),
    "--mfu": numberText("training.mfu"),
    "--precision": fc.constantFrom("bf16", "fp8", "fp4", "int4"),
    "--chip-price": numberText("hardware.price"),
    "--hourly-price": anyNumber
  }
};
const runFlags = {
  "--set": setArg,
  "--seed": fc.oneof(fc.integer().map(String), hostileNumber),
  "--samples": fc.oneof(fc.integer({min: -2, max: 60}).map(String), hostileNumber)
};
COMMANDS.run = {args: scenarioArg.map((s) => [s]), flags: runFlags};
COMMANDS.compare = {args: fc.array(scenarioArg, {minLength: 0, maxLength: 3}), flags: runFlags};
COMMANDS.sweep = {
  args: scenarioArg.map((s) => [s]),
  flags: {"--vary": varyArg, "--set": setArg, "--out": fc.constantFrom("OUT.csv", "OUT.json", "OUT.parquet", "OUT.txt")}
};
COMMANDS.validate = {args: fc.array(scenarioArg, {maxLength: 2}), flags: {}};
COMMANDS.catalog = {args: fc.constantFrom(["hardware"], ["models"], ["chips"], []), flags: {}};

/** Boolean flags a command may be given. */
const SWITCHES = ["--json", "--rent", "--help", "--frob"];

/** A command line: a command (or a wrong one), its arguments, flags with values (or missing ones), switches. */
export const argvCase: fc.Arbitrary<string[]> = fc
  .constantFrom(...Object.keys(COMMANDS), "bogus", "")
  .chain((command) => {
    const spec = COMMANDS[command] ?? {args: fc.constant([]), flags: {}};
    const names = Object.keys(spec.flags);
    const flag = names.length
      ? fc
          .constantFrom(...names)
          .chain((name) =>
            fc.oneof(
              {weight: 10, arbitrary: spec.flags[name]!.map((value) => [name, value])},
              {weight: 1, arbitrary: fc.constant([name])}
            )
          )
      : fc.constant([] as string[]);
    return fc
      .tuple(
        spec.args,
        fc.array(flag, {maxLength: 6}),
        fc.subarray(SWITCHES, {maxLength: 2}),
        fc.oneof(
          {weight: 8, arbitrary: fc.constant([] as string[])},
          {weight: 1, arbitrary: fc.array(junk, {maxLength: 2})}
        )
      )
      .map(([args, flags, switches, extra]) =>
        [command, ...args, ...flags.flat(), ...switches, ...extra].filter((a, i) => i > 0 || a !== "")
      );
  });

// ---------------------------------------------------------------------------------------------------------------
// Catalog rows

/** A catalog text to check: which catalog, and a row of it with some cells replaced. */
export interface CatalogCase {
  catalog: "hardware" | "models";
  row: number;
  cells: {column: number; value: string}[];
}

const HARDWARE_TEXT = readFileSync(HARDWARE_CSV, "utf8");
const MODELS_TEXT = readFileSync(MODELS_CSV, "utf8");

export const catalogCase: fc.Arbitrary<CatalogCase> = fc
  .constantFrom("hardware" as const, "models" as const)
  .chain((catalog) => {
    const columns = catalog === "hardware" ? HARDWARE_COLUMNS.length : MODEL_COLUMNS.length;
    const rows = (catalog === "hardware" ? HARDWARE_TEXT : MODELS_TEXT).trimEnd().split("\n").length - 1;
    const cell = fc.record({
      column: fc.nat({max: columns - 1}),
      value: fc.oneof(
        {weight: 4, arbitrary: hostileNumber},
        {weight: 3, arbitrary: fc.double({noNaN: true, noDefaultInfinity: true}).map(decimal)},
        {weight: 2, arbitrary: junk},
        {weight: 1, arbitrary: fc.constantFrom('"', '"a\nb"', 'a"b', '"a,b"', "\r\n", "")}
      )
    });
    return fc.record({
      catalog: fc.constant(catalog),
      row: fc.nat({max: rows - 1}),
      cells: fc.array(cell, {minLength: 1, maxLength: 3})
    });
  });

/**
 * The catalog text with the case's cells replaced in its row (a CSV whose rows hold no quoted commas, so splitting
 * on "," finds the cells), and the 1-based line of that row.
 */
export function mutateCatalog({catalog, row, cells}: CatalogCase): {file: string; text: string; line: number} {
  const text = catalog === "hardware" ? HARDWARE_TEXT : MODELS_TEXT;
  const lines = text.split("\n");
  const index = row + 1;
  const parts = splitCsvLine(lines[index] ?? "");
  for (const {column, value} of cells) parts[column] = value;
  lines[index] = parts.join(",");
  return {file: `data/${catalog === "hardware" ? "hardware" : "models"}.csv`, text: lines.join("\n"), line: index + 1};
}

/** Cells of one CSV line that may quote cells with commas (`"a, b"`), kept with their quotes. */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    if (c === "," && !quoted) {
      cells.push(cell);
      cell = "";
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

// ---------------------------------------------------------------------------------------------------------------
// Share links

/** A page's query string: `set` parameters (good and bad), sometimes other parameters, on one of the scenarios. */
export interface ShareCase {
  scenario: string;
  query: string;
}

export const shareCase: fc.Arbitrary<ShareCase> = fc.record({
  scenario: fc.constantFrom("base", "asic-9-months", "asic-24-months", "agent-era", "cost-lead-vs-model-lead"),
  query: fc
    .array(
      fc.oneof(
        {weight: 8, arbitrary: setArg.map((set) => ["set", set] as [string, string])},
        {weight: 1, arbitrary: fc.tuple(fc.constantFrom("set", "x", "<img src=x>", ""), junk)}
      ),
      {maxLength: 4}
    )
    .map((params) => `?${new URLSearchParams(params)}`)
});
