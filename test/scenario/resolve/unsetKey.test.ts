// `null` written for a key takes back what a parent set: the key has the value it would have with no file setting it.
import {describe, expect, it} from "vitest";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {resolveScenario} from "../../../src/scenario/resolve/resolveScenario.js";
import {scenarioIndex} from "../../../src/scenario/resolve/scenarioIndex.js";
import {applyOverrides} from "../../../src/scenario/resolve/applyOverrides.js";
import {compareByOrigin} from "../../../src/scenario/resolve/originOrder.js";
import {scenarioKey} from "../../../src/scenario/file/schema.js";
import {formatUserError} from "../../../src/errors/userError.js";
import {userErrorsOf} from "../helpers.js";

// A parent as deepseek-one-day is (serving.kvCache: bf16), with a batch and a custom chip's specs set too.
const PARENT = `---
serving:
  kvCache: bf16
  batch: 64
silicon.bf16Flops: 1000 TFLOP/s
---
`;

const parse = (file: string, text: string) => parseScenario({file, text});

function resolveChild(child: string, grandchild?: string) {
  const files = [parse("parent.md", PARENT), parse("child.md", child)];
  if (grandchild !== undefined) files.push(parse("grandchild.md", grandchild));
  const index = scenarioIndex(files);
  return (id: string) => resolveScenario(id, index.lookup, index.ids);
}

// The schema's entries: what "the value it would have had with no file setting it" is for each key.
const KV_CACHE = scenarioKey("serving.kvCache")!;
const BATCH = scenarioKey("serving.batch")!;
const BF16_FLOPS = scenarioKey("silicon.bf16Flops")!;
/** The hint an empty value gets, as src/scenario/file/explicitNull.ts's emptyValueHint writes it. */
const EMPTY_HINT = "an empty value sets nothing: to take the key back to its default, write null";

describe("null in a scenario file", () => {
  it("takes a parent's value back to the schema default, its origin the default unset at the line that says so", () => {
    // Line 1 `---`, 2 `extends`, 3 `serving:`, 4 `  kvCache: null` (column 12), 5 `  batch: ~`, 6 bf16Flops: null.
    const child = resolveChild(
      "---\nextends: parent\nserving:\n  kvCache: null\n  batch: ~\nsilicon.bf16Flops: null\n---\n"
    )("child");
    // serving.kvCache's default is null (not set: the cache follows serving.precision), and so is silicon.bf16Flops's.
    expect(KV_CACHE.default).toBeNull();
    expect(child.values["serving.kvCache"]).toEqual({
      path: "serving.kvCache",
      value: null,
      written: null,
      origin: {kind: "default", unset: {kind: "file", scenario: "child", file: "child.md", line: 4, column: 12}},
      source: KV_CACHE.source
    });
    // serving.batch's default is 32 sequences (schema.ts), not the parent's 64.
    expect(BATCH.default).toBe(32);
    expect(child.values["serving.batch"]).toMatchObject({value: 32, written: null, source: BATCH.source});
    expect(child.values["serving.batch"]!.origin).toEqual({
      kind: "default",
      unset: {kind: "file", scenario: "child", file: "child.md", line: 5, column: 10}
    });
    expect(child.values["silicon.bf16Flops"]).toMatchObject({value: BF16_FLOPS.default, source: BF16_FLOPS.source});
    expect(BF16_FLOPS.default).toBeNull();
  });

  it("is inherited as the parent's null, and a grandchild may set the key again", () => {
    const resolve = resolveChild(
      "---\nextends: parent\nserving.kvCache: null\n---\n",
      "---\nextends: child\nserving.batch: 16\n---\n"
    );
    // The grandchild does not write kvCache: it takes child's null (line 3, column 18), not parent's bf16.
    expect(resolve("grandchild").values["serving.kvCache"]).toMatchObject({
      value: null,
      origin: {kind: "default", unset: {kind: "parent", scenario: "child", file: "child.md", line: 3, column: 18}}
    });
    const again = resolveChild(
      "---\nextends: parent\nserving.kvCache: null\n---\n",
      "---\nextends: child\nserving.kvCache: fp8\n---\n"
    );
    expect(again("grandchild").values["serving.kvCache"]).toMatchObject({value: "fp8", origin: {kind: "file"}});
  });

  it('reads ~, Null and NULL as null; an empty value and a quoted "null" are still errors', () => {
    for (const word of ["~", "Null", "NULL"]) {
      const scenario = parse("c.md", `---\nserving.kvCache: ${word}\n---\n`);
      expect(scenario.unset["serving.kvCache"]?.written).toBe(word);
      expect(scenario.values["serving.kvCache"]).toBeUndefined();
    }
    const [empty] = userErrorsOf(() => parse("c.md", "---\nextends: parent\nserving.kvCache:\n---\n"));
    // It said "found nothing" alone, no word of null, to an author who meant to take the key back (new-user trial).
    expect(empty).toMatchObject({path: "serving.kvCache", line: 3, found: "nothing", hint: EMPTY_HINT});
    const [quoted] = userErrorsOf(() => parse("c.md", '---\nserving.kvCache: "null"\n---\n'));
    expect(quoted).toMatchObject({path: "serving.kvCache", message: "not one of the choices"});
  });

  it("tells a quoted null word it is text, and how to take the key back, in a file and in --set", () => {
    // It read "serving.batch: not a number: … found null", nothing said of the quotes; an id key offered catalog ids
    // ('custom-inference-asic', 'b200' or 'gb200') for "null".
    const hint = (word: string) =>
      `in quotes ${word} is text: to take the key back to its default, write null without quotes`;
    const [batch] = userErrorsOf(() => parse("c.md", '---\nserving.batch: "null"\n---\n'));
    expect(batch).toMatchObject({path: "serving.batch", message: "not a number", hint: hint("null")});
    const [id] = userErrorsOf(() => parse("c.md", "---\nserving.hardware: '~'\n---\n"));
    expect(id).toMatchObject({path: "serving.hardware", hint: hint("~")});
    const child = resolveChild("---\nextends: parent\n---\n")("child");
    const [flag] = userErrorsOf(() => applyOverrides(child, ['serving.kvCache="NULL"']));
    expect(flag).toMatchObject({flag: "--set", message: "not one of the choices", hint: hint("NULL")});
    // Any other quoted text keeps its own hint (a choice's "did you mean").
    const [other] = userErrorsOf(() => parse("c.md", '---\nserving.kvCache: "fp9"\n---\n'));
    expect(other!.hint).toMatch(/did you mean fp8/);
  });

  it("changes nothing in a scenario with no parent that sets the key", () => {
    // Harmless: null names the value the key has anyway; an error would break the file the day it gains `extends:`.
    const index = scenarioIndex([
      parse("root.md", "---\nserving.kvCache: null\n---\n"),
      parse("plain.md", "---\n---\n")
    ]);
    const root = resolveScenario("root", index.lookup, index.ids);
    const plain = resolveScenario("plain", index.lookup, index.ids);
    expect(root.values["serving.kvCache"]!.value).toBe(plain.values["serving.kvCache"]!.value);
    expect(root.values["serving.kvCache"]!.origin).toMatchObject({kind: "default", unset: {kind: "file", line: 2}});
  });

  it("is an error on a group, on a reserved key and with a source, each naming the line", () => {
    const errors = userErrorsOf(() =>
      parse(
        "c.md",
        "---\ntitle: null\nextends: ~\nfinance: null\nserving.kvCache: null\nsources:\n  serving.kvCache: reason\n---\n"
      )
    ).map((detail) => formatUserError(detail));
    // The group's example is its first key in the schema's order (groupKeyPaths("finance")[0]: finance.costOfCapital).
    expect(errors).toEqual([
      "c.md:2:8: title: title cannot be unset: expected text for title, found null " +
        "(a scenario's title is its own, never inherited: leave the key out)",
      "c.md:3:10: extends: extends cannot be unset: expected the id of the scenario to extend, found ~ " +
        "(a scenario without `extends:` builds on none: leave the key out)",
      "c.md:4:10: finance: a group cannot be unset: expected a map of keys under finance, " +
        "each key to take back to its " +
        "default written with null, like finance.costOfCapital: null, found finance: null",
      "c.md:7:20: sources.serving.kvCache: source for a key this file does not set: expected a key set in this file " +
        "(a source describes this file's value of serving.kvCache), found serving.kvCache, " +
        "which line 5 takes back to " +
        "its default with null (a key at its default shows the reference's source for it; say why in the " +
        "narrative, or set a value here)"
    ]);
  });
});

describe("null on sources", () => {
  it("is an error on sources: and on a group under it, as on a group of keys (both were accepted in silence)", () => {
    // A parent's sources describe the values a child inherits, and there is no default source to go back to: like
    // `serving: null`, `sources: null` would read as something taken back while it changed nothing. `serving:` empty
    // under sources was already an error ("empty group"); `serving: null` there was not.
    const hint =
      "(a parent's sources stay with the values this file inherits from it; a key taken back with null shows the " +
      "reference's source: leave the key out)";
    const errorsOf = (text: string) => userErrorsOf(() => parse("c.md", text)).map((detail) => formatUserError(detail));
    expect(errorsOf("---\nextends: parent\nsources: ~\n---\n")).toEqual([
      "c.md:3:10: sources: sources cannot be unset: expected a map of key path → source text, like `sources: " +
        `{power.pue: "Meta 2022"}\`, found sources: ~ ${hint}`
    ]);
    // The group's example is its first key in the schema's order (groupKeyPaths("serving")[0]: serving.hardware).
    expect(errorsOf("---\nextends: parent\nsources:\n  serving: null\n---\n")).toEqual([
      "c.md:4:12: sources.serving: a group of sources cannot be unset: expected a map of key paths under serving → " +
        `source text, like serving.hardware: …, found serving: null ${hint}`
    ]);
  });
});

describe("--set path=null", () => {
  const parent = resolveChild("---\nextends: parent\n---\n")("child");

  it("takes the key back to its default, as null in a file does, recording the flag and the value replaced", () => {
    const set = applyOverrides(parent, ["serving.kvCache=null", "serving.batch=~"]);
    expect(set.values["serving.kvCache"]).toEqual({
      path: "serving.kvCache",
      value: null,
      written: null,
      origin: {
        kind: "default",
        unset: {kind: "override", flag: "--set", written: "serving.kvCache=null", replaced: "bf16"}
      },
      source: KV_CACHE.source
    });
    // 32, the schema's default, in place of the parent's 64.
    expect(set.values["serving.batch"]).toMatchObject({value: 32, origin: {unset: {replaced: 64}}});
  });

  it("still refuses an empty value", () => {
    const [error] = userErrorsOf(() => applyOverrides(parent, ["serving.kvCache="]));
    expect(error).toMatchObject({flag: "--set", path: "serving.kvCache", found: "nothing", hint: EMPTY_HINT});
    // A key of another kind is told the same (a number's "wrong type", an id's "not a catalog id").
    for (const set of ["serving.batch=", "serving.hardware="]) {
      expect(userErrorsOf(() => applyOverrides(parent, [set]))[0]!.hint, set).toBe(EMPTY_HINT);
    }
  });
});

describe("compareByOrigin", () => {
  it("lists a key a null took back with its file's keys, by line, not among the defaults", () => {
    const child = resolveChild("---\nextends: parent\nserving.batch: 8\nserving.kvCache: null\n---\n")("child");
    const order = Object.values(child.values)
      .sort(compareByOrigin(child.chain))
      .map((value) => value.path);
    // child.md: batch (line 3), kvCache (line 4); then parent.md's bf16Flops (its only key child does not write).
    expect(order.slice(0, 3)).toEqual(["serving.batch", "serving.kvCache", "silicon.bf16Flops"]);
  });
});
