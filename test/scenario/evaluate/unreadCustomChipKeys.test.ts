// The fresh-user trial: `run` listed an inherited silicon.unitCost ($12,000 from asic-9-months) among the inputs of a
// scenario whose chip price is built from its die, where the evaluation never reads it. unreadCustomChipKeys names
// such keys; here a recording point checks that the evaluation indeed reads none of them, and reads the ones it keeps.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {unreadCustomChipKeys} from "../../../src/scenario/evaluate/customChipSpec.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {applyOverrides} from "../../../src/scenario/resolve/applyOverrides.js";
import type {ResolvedScenario} from "../../../src/scenario/resolve/resolveScenario.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";
import {siliconScenarioFile} from "../helpers.js";

const catalogs = loadCatalogs();
const dir = mkdtempSync(join(tmpdir(), "token-ledger-unread-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** The keys one evaluation at the median point reads (a Proxy records every key looked up). */
function keysRead(resolved: ResolvedScenario): Set<string> {
  const read = new Set<string>();
  const point = new Proxy(scenarioMedianPoint(resolved), {
    get(target, key, receiver) {
      if (typeof key === "string") read.add(key);
      return Reflect.get(target, key, receiver);
    }
  });
  evaluateScenarioPoint(bindScenario(resolved, catalogs), point);
  return read;
}

describe("unreadCustomChipKeys", () => {
  it("names an inherited silicon.unitCost when the file describes a die, which the evaluation does not read", () => {
    // asic-9-months sets silicon.unitCost $12,000; this file, extending it, sets a die: the die's price wins.
    const {resolved} = siliconScenarioFile(dir, "die", "  dieArea: 600 mm²\n  node: n5\n");
    const unread = unreadCustomChipKeys(resolved);
    expect(Object.keys(unread)).toEqual(["silicon.unitCost"]);
    expect(unread["silicon.unitCost"]).toMatch(/built from its die/);
    const read = keysRead(resolved);
    expect(read.has("silicon.unitCost")).toBe(false);
    expect(read.has("silicon.dieArea") && read.has("silicon.node")).toBe(true);
  });

  it("names the die keys when a --set silicon.unitCost is more direct, and the evaluation reads only the unit cost", () => {
    const {resolved: file} = siliconScenarioFile(dir, "die-priced", "  dieArea: 600 mm²\n  node: n5\n");
    const resolved = applyOverrides(file, ["silicon.unitCost=9000"]);
    expect(Object.keys(unreadCustomChipKeys(resolved)).sort()).toEqual(["silicon.dieArea", "silicon.node"]);
    const read = keysRead(resolved);
    expect(read.has("silicon.unitCost")).toBe(true);
    expect(read.has("silicon.dieArea") || read.has("silicon.node")).toBe(false);
  });

  it("says a silicon.unitCost unset beside no die key leaves the price built from the die keys' defaults", () => {
    // asic-9-months sets no die key (data/scenarios/asic-9-months.md, base.md): unset, the unit cost gives way to a
    // die no one described. The reason read "described more directly" (helper item); the defaults named are the
    // schema's (silicon.dieArea: CUSTOM_CHIP_COST's 800 mm², src/silicon/customChipCost.ts; silicon.node: n3).
    const {resolved: file} = siliconScenarioFile(dir, "unset", "  power: 500 W\n");
    const resolved = applyOverrides(file, ["silicon.unitCost=null"]);
    const why = unreadCustomChipKeys(resolved, {defaults: true})["silicon.unitCost"];
    expect(why).toBe(
      "the custom chip's price is built from its die, every die key at its default " +
        "(silicon.dieArea 800 mm², silicon.node n3, …)"
    );
    const read = keysRead(resolved);
    expect(read.has("silicon.unitCost")).toBe(false);
    expect(read.has("silicon.dieArea") && read.has("silicon.node")).toBe(true);
  });

  it("names an inherited silicon.relativeThroughput when the file names a catalog chip", () => {
    // asic-9-months sets silicon.relativeThroughput 0.8 to 1.2; silicon.chip, set more directly, derives it.
    const {resolved} = siliconScenarioFile(dir, "row", "  chip: custom-inference-asic\n");
    const unread = unreadCustomChipKeys(resolved);
    expect(Object.keys(unread)).toEqual(["silicon.relativeThroughput"]);
    expect(keysRead(resolved).has("silicon.relativeThroughput")).toBe(false);
  });

  it("names nothing for asic-9-months itself, whose unit cost and relative throughput are both read", () => {
    const {resolved} = siliconScenarioFile(dir, "plain", "  power: 500 W\n");
    expect(unreadCustomChipKeys(resolved)).toEqual({});
    const read = keysRead(resolved);
    expect(read.has("silicon.unitCost") && read.has("silicon.relativeThroughput")).toBe(true);
  });
});
