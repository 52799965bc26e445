import {describe, expect, it} from "vitest";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {countWordsOf} from "../../../src/scenario/file/countWords.js";
import {scenarioKey} from "../../../src/scenario/file/schema.js";
import {applyOverrides} from "../../../src/scenario/resolve/applyOverrides.js";
import type {ResolvedScenario} from "../../../src/scenario/resolve/resolveScenario.js";
import {readQuantity} from "../../../src/units/quantity.js";
import {userErrorsOf} from "../helpers.js";

const parse = (front: string) => parseScenario({file: "data/scenarios/test.md", text: `---\n${front}\n---\nText.\n`});
const set = (assignment: string) =>
  applyOverrides({values: {}} as unknown as ResolvedScenario, [assignment], "--set").values[
    assignment.slice(0, assignment.indexOf("="))
  ]?.value;

describe("countWordsOf", () => {
  it("is a count key's noun, plural and singular: its countOf, else its slider's unit at scale 1", () => {
    expect(countWordsOf(scenarioKey("serving.batch")!)).toEqual(["sequences", "sequence"]);
    expect(countWordsOf(scenarioKey("silicon.hbmStacks")!)).toEqual(["stacks", "stack"]);
    expect(countWordsOf(scenarioKey("demand.users")!)).toEqual(["users", "user"]);
    expect(countWordsOf(scenarioKey("flywheel.usersCap")!)).toEqual(["users", "user"]);
  });

  it("is none for a count without a noun, or a key of another kind", () => {
    expect(countWordsOf(scenarioKey("training.chips")!)).toEqual([]);
    expect(countWordsOf(scenarioKey("serving.tensorParallel")!)).toEqual([]);
    expect(countWordsOf(scenarioKey("serving.utilization")!)).toEqual([]);
  });
});

describe("a count key written with its own noun", () => {
  it("reads in a scenario file as the slider writes it (new-user trial: 'wrong unit … found 128 sequences')", () => {
    expect(parse("serving:\n  batch: 128 sequences").values["serving.batch"]!.value).toBe(128);
    expect(parse("serving:\n  batch: 1 sequence").values["serving.batch"]!.value).toBe(1);
    expect(parse("silicon:\n  hbmStacks: 6 stacks").values["silicon.hbmStacks"]!.value).toBe(6);
    expect(parse("demand:\n  users: 100M users").values["demand.users"]!.value).toBe(100e6);
    expect(parse("demand:\n  users: 1 user").values["demand.users"]!.value).toBe(1);
  });

  it("reads in an interval and a distribution's parameters", () => {
    const users = parse("demand:\n  users: 50M to 200M users").values["demand.users"]!.value;
    expect(users).toMatchObject({kind: "lognormal"});
    const cap = parse("flywheel:\n  usersCap: {dist: uniform, min: 1B users, max: 2B users}").values[
      "flywheel.usersCap"
    ]!.value;
    expect(cap).toEqual({kind: "uniform", min: 1e9, max: 2e9});
  });

  it("reads under --set and in a share link, which applyOverrides reads", () => {
    expect(set("serving.batch=64 sequences")).toBe(64);
    expect(set("demand.users=2.5M users")).toBe(2.5e6);
  });

  it("refuses another key's noun, or a noun on a count without one, with the message it had", () => {
    const [batch] = userErrorsOf(() => parse("serving:\n  batch: 128 chips"));
    expect(batch).toMatchObject({
      path: "serving.batch",
      message: "wrong unit",
      expected: "a whole number: a count like 16384, 16k, 1.5M or 2B",
      found: "128 chips"
    });
    const [chips] = userErrorsOf(() => parse("training:\n  chips: 16k sequences"));
    expect(chips).toMatchObject({path: "training.chips", message: "wrong unit", found: "16k sequences"});
    const [whole] = userErrorsOf(() => parse("serving:\n  batch: 64.5 sequences"));
    expect(whole).toMatchObject({message: "not a whole number", found: "64.5 sequences"});
  });
});

describe("readQuantity's countWords", () => {
  it("reads a given word after the number and its scale letter, after a space, in any case", () => {
    const words = {countWords: ["sequences", "sequence"]};
    expect(readQuantity("16k sequences", "count", words)).toMatchObject({ok: true, value: 16000});
    expect(readQuantity("128 Sequences", "count", words)).toMatchObject({ok: true, value: 128});
    expect(readQuantity("128sequences", "count", words)).toMatchObject({ok: false, reason: "unit"});
    expect(readQuantity("128 sequences", "count")).toMatchObject({ok: false, reason: "unit"});
  });
});

describe("a count key written with another noun", () => {
  const error = (front: string) => userErrorsOf(() => parse(front)).map((e) => `${e.found} (${e.hint})`);

  it("is told the key's own noun (breaker: 'wrong unit … found 128 seqs' alone, where 128 sequences is read)", () => {
    expect(error("serving:\n  batch: 128 seqs")).toEqual([
      "128 seqs (a count of sequences: write 128 sequences, or 128 alone)"
    ]);
    expect(error("demand:\n  users: 100M people")).toEqual([
      "100M people (a count of users: write 100M users, or 100M alone)"
    ]);
  });

  it("is offered nothing that drops a scale letter or a dollar sign, nor for a key without a noun", () => {
    for (const [key, value] of [
      ["users", "100 Musers"],
      ["users", "$5 users"],
      ["batch", "128sequences"]
    ] as const) {
      const reading = readQuantity(value, "count", {countWords: key === "users" ? ["users", "user"] : ["sequences"]});
      expect(reading.ok ? "" : (reading.hint ?? "")).not.toMatch(/write/);
    }
    expect(error("training:\n  chips: 16384 chips")).toEqual(["16384 chips (undefined)"]);
  });
});
