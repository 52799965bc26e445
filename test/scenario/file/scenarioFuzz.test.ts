import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {UserError, UserErrors} from "../../../src/errors/userError.js";
import {applyOverrides} from "../../../src/scenario/resolve/applyOverrides.js";
import {scenarioToMarkdown} from "../../../src/scenario/file/formatScenario.js";
import {isInRange} from "../../../src/units/range.js";
import {parseScenario, type ParsedScenario} from "../../../src/scenario/file/parseScenario.js";
import type {ScenarioValue} from "../../../src/scenario/file/readValue.js";
import {resolveScenario, type ResolvedScenario} from "../../../src/scenario/resolve/resolveScenario.js";
import {
  keyRange,
  RESERVED_KEYS,
  SCENARIO_GROUPS,
  SCENARIO_KEY_PATHS,
  SCENARIO_KEYS,
  type ScenarioKeyDef
} from "../../../src/scenario/file/schema.js";
import {fixture, parseFixture} from "../helpers.js";

const base = parseFixture("base.md");
const valid = fixture("base.md").text;

/** Values worth trying: valid and invalid units, intervals, distributions and YAML oddities. */
const VALUES = [
  "700 W",
  "30 kWh",
  "0.5 to 0.8",
  "0.8 to 0.5",
  "-1e308 to 1e308",
  "1e-320 to 1e308",
  "1e400",
  "-0",
  ".nan",
  ".inf",
  "-.inf",
  "~",
  "null",
  "yes",
  "[1, 2]",
  "{}",
  "*x",
  "&a 3",
  "'quoted'",
  "!!binary aGVsbG8=",
  "!custom 3",
  "$1.2B",
  "$-1M",
  "15T tokens",
  "10%/yr",
  "35%",
  "16k",
  "2.5",
  "0",
  "b200",
  "fp8",
  "{dist: uniform, min: 1, max: 0}",
  "{dist: uniform, min: 0.2, max: 0.3}",
  "{dist: lognormal, p5: -1, p95: 2}",
  "{dist: lognormal, p5: 1e-300, p95: 1e300}",
  "{dist: normal, mean: 1e308, sd: 1e308}",
  "{dist: normal, p5: -1e308, p95: 1e308}",
  "{dist: normal, mean: 1, sd: 0}",
  "{dist: triangular, min: 0, mode: 2, max: 1}",
  "{dist: point}",
  "{dist: point, value: *x}",
  "{dist: [1]}",
  "{? [a] : 1}",
  "{dist: uniform, min: 0.1, max: 0.2, max: 0.3}"
];
const SPECIAL = [
  ":",
  " ",
  "\n",
  "\t",
  "-",
  "{",
  "}",
  "[",
  "]",
  ",",
  "#",
  "&",
  "*",
  "!",
  "|",
  ">",
  "'",
  '"',
  "%",
  "@",
  "`",
  "?",
  "$",
  "."
];
const KEYS = [
  ...SCENARIO_KEY_PATHS,
  ...SCENARIO_GROUPS,
  ...RESERVED_KEYS.map((r) => r.key),
  "__proto__",
  "constructor"
];

const keyArb = fc.oneof(fc.constantFrom(...KEYS), fc.string({maxLength: 12}));
const valueArb = fc.oneof(
  fc.constantFrom(...VALUES),
  fc.double().map(String),
  fc.string({maxLength: 12}),
  fc.constantFrom("base", "fuzz", "missing", "child").map((id) => id)
);
const lineArb = fc
  .tuple(fc.nat({max: 3}), keyArb, valueArb)
  .map(([indent, key, value]) => `${"  ".repeat(indent)}${key}: ${value}\n`);

type Edit =
  | {op: "delete"; at: number; length: number}
  | {op: "duplicate"; at: number; length: number}
  | {op: "replace"; at: number; text: string}
  | {op: "insert"; at: number; text: string}
  | {op: "line"; at: number; text: string};

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({op: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({min: 1, max: 6})}),
  fc.record({op: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({min: 1, max: 12})}),
  fc.record({op: fc.constant("replace" as const), at: fc.nat(), text: fc.constantFrom(...SPECIAL)}),
  fc.record({
    op: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...SPECIAL), fc.string({maxLength: 4}))
  }),
  fc.record({op: fc.constant("line" as const), at: fc.nat(), text: lineArb})
);

function applyEdit(text: string, edit: Edit): string {
  const at = text.length ? edit.at % (text.length + 1) : 0;
  switch (edit.op) {
    case "delete":
      return text.slice(0, at) + text.slice(at + edit.length);
    case "duplicate":
      return text.slice(0, at + edit.length) + text.slice(at, at + edit.length) + text.slice(at + edit.length);
    case "replace":
      return text.slice(0, at) + edit.text + text.slice(at + 1);
    case "insert":
      return text.slice(0, at) + edit.text + text.slice(at);
    case "line": {
      // Insert a whole `key: value` line at a line boundary inside the front matter.
      const lines = text.split("\n");
      const index = 1 + (edit.at % Math.max(1, lines.length - 1));
      lines.splice(index, 0, edit.text.replace(/\n$/, ""));
      return lines.join("\n");
    }
  }
}

/** Every number inside a resolved value, distributions included. */
function numbersOf(value: ScenarioValue | null): number[] {
  if (typeof value === "number") return [value];
  if (value === null || typeof value === "string") return [];
  return Object.values(value).filter((v): v is number => typeof v === "number");
}

/** Runs the whole pipeline; returns the resolved scenario, or undefined after checking the error is a user error. */
function pipeline(text: string): ResolvedScenario | undefined {
  const lineCount = text.split(/\r?\n/).length;
  try {
    const parsed = parseScenario({file: "data/scenarios/fuzz.md", text});
    const lookup = (id: string): ParsedScenario | undefined =>
      id === parsed.id ? parsed : id === "base" ? base : undefined;
    return resolveScenario(parsed.id, lookup, ["base", parsed.id]);
  } catch (error) {
    const errors = error instanceof UserErrors ? error.errors : error instanceof UserError ? [error] : undefined;
    if (!errors) throw error;
    expect(errors.length).toBeGreaterThan(0);
    for (const {detail} of errors) {
      expect(detail.message.length).toBeGreaterThan(0);
      if (detail.line !== undefined) {
        expect(detail.line).toBeGreaterThanOrEqual(1);
        expect(detail.line).toBeLessThanOrEqual(lineCount);
        expect(detail.column).toBeGreaterThanOrEqual(1);
      }
    }
    return undefined;
  }
}

function expectFinite(resolved: ResolvedScenario): void {
  for (const resolvedValue of Object.values(resolved.values)) {
    for (const n of numbersOf(resolvedValue.value)) expect(Number.isFinite(n)).toBe(true);
  }
}

describe("parseScenario + resolveScenario under random input", () => {
  it("returns a valid scenario or throws user errors for mutated scenario files, never NaN", () => {
    fc.assert(
      fc.property(fc.array(editArb, {minLength: 1, maxLength: 6}), (edits) => {
        const resolved = pipeline(edits.reduce(applyEdit, valid));
        if (resolved) expectFinite(resolved);
      }),
      {numRuns: 300}
    );
  });

  it("does the same for generated front matter of random keys and values", () => {
    fc.assert(
      fc.property(fc.array(lineArb, {maxLength: 8}), fc.string({maxLength: 20}), (lines, body) => {
        const resolved = pipeline(`---\n${lines.join("")}---\n${body}`);
        if (resolved) expectFinite(resolved);
      }),
      {numRuns: 200}
    );
  });

  it("does the same for random --set flags", () => {
    const resolvedBase = resolveScenario("base", (id) => (id === "base" ? base : undefined));
    const setArb = fc.oneof(
      fc.tuple(keyArb, valueArb).map(([key, value]) => `${key}=${value}`),
      fc.string({maxLength: 16})
    );
    fc.assert(
      fc.property(fc.array(setArb, {maxLength: 4}), (sets) => {
        let resolved: ResolvedScenario;
        try {
          resolved = applyOverrides(resolvedBase, sets);
        } catch (error) {
          expect(error).toBeInstanceOf(UserErrors);
          for (const {detail} of (error as UserErrors).errors) expect(detail.flag).toBe("--set");
          return;
        }
        expectFinite(resolved);
      }),
      {numRuns: 300}
    );
  });
});

/** A value the key accepts: a point in its range, or (when allowed) a uniform or 90% interval inside it. */
function valueArbFor(def: ScenarioKeyDef): fc.Arbitrary<ScenarioValue> {
  if (def.type === "choice") return fc.constantFrom(...(def.choices ?? []));
  if (def.type === "id") return fc.constantFrom("h100-sxm", "b200", "llama-3.1-8b");
  const range = keyRange(def);
  const lo = Math.max(range.min, -1e12);
  const hi = Math.min(range.max, 1e12);
  if (def.integer) {
    return fc.integer({min: Math.ceil(lo), max: Math.min(Math.floor(hi), 1e9)}).filter((v) => isInRange(v, range));
  }
  const point = fc.double({min: lo, max: hi, noNaN: true}).filter((v) => isInRange(v, range));
  if (!def.distribution) return point;
  const apart = (a: number, b: number) => b - a > 1e-6 * Math.max(Math.abs(a), Math.abs(b), 1e-6);
  const uniform = fc
    .tuple(point, point)
    .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)
    .filter(([a, b]) => apart(a, b))
    .map(([min, max]): ScenarioValue => ({kind: "uniform", min, max}));
  return fc.oneof(point, uniform);
}

describe("scenarioToMarkdown", () => {
  it("writes files that parseScenario reads back to the same values", () => {
    const defs = SCENARIO_KEYS as readonly ScenarioKeyDef[];
    const valuesArb = fc
      .subarray([...defs], {minLength: 1})
      .chain((chosen) => fc.tuple(...chosen.map((def) => valueArbFor(def).map((value) => [def.path, value] as const))));
    fc.assert(
      fc.property(valuesArb, (entries) => {
        const values = Object.fromEntries(entries);
        const parsed = parseScenario({file: "round-trip.md", text: scenarioToMarkdown({title: "Round: trip", values})});
        expect(parsed.title).toBe("Round: trip");
        for (const [path, value] of entries) {
          const back = parsed.values[path]?.value;
          if (typeof value !== "object") {
            if (typeof value === "number")
              expect(back as number).toBeCloseTo(value, 6 - Math.ceil(Math.log10(Math.abs(value) + 1)));
            else expect(back).toBe(value);
            continue;
          }
          expect(typeof back === "object" && back.kind).toBe(value.kind);
          const written = numbersOf(value);
          const read = numbersOf(back ?? null);
          written.forEach((n, i) =>
            expect(Math.abs((read[i] ?? NaN) - n)).toBeLessThanOrEqual(Math.abs(n) * 1e-9 + 1e-12)
          );
        }
      }),
      {numRuns: 100}
    );
  });
});
