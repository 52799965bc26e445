import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {scenarioFilesIn} from "../../../src/node/scenarioFiles.js";
import {formatScenarioValue} from "../../../src/scenario/file/formatScenario.js";
import {isInRange, parseRange} from "../../../src/units/range.js";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {
  isQuantityKey,
  keyRange,
  keyValueComesFrom,
  SCENARIO_GROUPS,
  SCENARIO_KEYS,
  scenarioKey,
  type ScenarioKeyDef
} from "../../../src/scenario/file/schema.js";
import {DIMENSIONS} from "../../../src/units/quantity.js";

const KEYS = SCENARIO_KEYS as readonly ScenarioKeyDef[];

describe("sources", () => {
  /** A source a reader can follow: no file outside the repository, and an assumption says what it rests on. */
  function expectRealSource(source: string, where: string): void {
    expect(source, where).not.toMatch(/DESIGN\.md/);
    // A file name outside a link ("via Epoch AI energy.py", "facts.md §5") is not a source a reader can follow; a URL
    // in angle brackets may end in a file name (a published file).
    expect(source.replace(/<[^>]*>/g, ""), where).not.toMatch(/\b[\w-]+\.(py|ipynb|md)\b/);
    expect(source.trim(), where).not.toMatch(/^assumption\.?$/i);
    // "assumption: <what it rests on>" (or ", within …"; "; Bernstein's …"), a few words at least.
    if (/^assumption/i.test(source)) expect(source, where).toMatch(/^assumption\s*[:,;(]\s*\S+(\s+\S+){3,}/i);
  }

  it("fails a source that cites a file outside the repository", () => {
    expect(() => expectRealSource("US industrial average, via Epoch AI energy.py", "test")).toThrow();
    expect(() => expectRealSource("OpenAI API pricing, via facts.md §5", "test")).toThrow();
    expect(() =>
      expectRealSource("a published log <https://github.com/o/r/blob/main/summary.py>", "test")
    ).not.toThrow();
  });

  it.each(KEYS)("$path's default has a real source", (def) => expectRealSource(def.source, def.path));

  it("every catalog chip's sources are real", () => {
    for (const chip of loadCatalogs().hardware) {
      for (const source of [chip.priceSource, chip.systemSource, chip.hbmSource, chip.linksSource]) {
        if (source) expectRealSource(source, chip.id);
      }
    }
  });

  it("every bundled scenario's sources are real", () => {
    for (const file of scenarioFilesIn()) {
      const parsed = parseScenario({file, text: readFileSync(file, "utf8")});
      for (const [path, {text}] of Object.entries(parsed.sources)) expectRealSource(text, `${file}: ${path}`);
    }
  });
});

describe("SCENARIO_KEYS", () => {
  it.each(KEYS)("$path is documented, and its default is valid", (def) => {
    expect(def.path).toMatch(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/);
    expect(def.meaning.length).toBeGreaterThan(10);
    expect(def.source.length).toBeGreaterThan(0);
    if (isQuantityKey(def)) {
      expect(DIMENSIONS[def.type]).toBeDefined();
      if (def.default !== null) {
        expect(typeof def.default).toBe("number");
        expect(isInRange(def.default as number, keyRange(def))).toBe(true);
        if (def.integer) expect(Number.isInteger(def.default)).toBe(true);
      }
    } else {
      expect(def.distribution).toBe(false);
      // A choice without a default (serving.stack) takes one from another key; the meaning must say which.
      if (def.type === "choice" && def.default !== null) expect(def.choices).toContain(def.default);
      if (def.type === "choice" && def.default === null) expect(def.meaning).toMatch(/When not set/);
    }
    if (def.integer) expect(def.distribution).toBe(false);
  });

  it("writes every default so that a scenario file reads it back", () => {
    const lines = KEYS.filter((def) => def.default !== null).map(
      (def) => `${def.path}: ${formatScenarioValue(def, def.default as number | string)}`
    );
    const parsed = parseScenario({file: "defaults.md", text: `---\n${lines.join("\n")}\n---\n`});
    for (const def of KEYS) {
      if (def.default === null) continue;
      const value = parsed.values[def.path]?.value;
      if (typeof def.default === "number") expect(value).toBeCloseTo(def.default, 9);
      else expect(value).toBe(def.default);
    }
  });

  it("derives groups from paths, so new sections such as strategy.* need only new keys", () => {
    expect(SCENARIO_GROUPS).toEqual(
      expect.arrayContaining(["serving", "power", "finance", "hardware", "silicon", "demand", "training", "horizon"])
    );
    expect(scenarioKey("serving.utilization")?.type).toBe("fraction");
    expect(scenarioKey("serving")).toBeUndefined();
  });
});

describe("parseRange", () => {
  it("reads interval notation", () => {
    expect(parseRange("(0, 1]")).toEqual({min: 0, max: 1, minExclusive: true, maxExclusive: false});
    expect(parseRange("[1, ∞)")).toEqual({min: 1, max: Infinity, minExclusive: false, maxExclusive: true});
    expect(() => parseRange("0..1")).toThrow("malformed range");
    expect(() => parseRange("[2, 1]")).toThrow("malformed range");
  });
});

describe("keyValueComesFrom", () => {
  it("gives an unset key the key it follows, and a set key or one that follows none itself", () => {
    // schema.ts: training.hardware follows serving.hardware, training.model serving.model; serving.hardware none.
    expect(keyValueComesFrom("training.hardware", false)).toBe("serving.hardware");
    expect(keyValueComesFrom("training.model", false)).toBe("serving.model");
    expect(keyValueComesFrom("training.hardware", true)).toBe("training.hardware");
    expect(keyValueComesFrom("serving.hardware", false)).toBe("serving.hardware");
    // Every key that follows another follows one of the schema's own keys, which follows none (no chains).
    for (const key of KEYS.filter((k) => k.follows !== undefined)) {
      expect(scenarioKey(key.follows!)?.follows).toBeUndefined();
    }
  });
});
