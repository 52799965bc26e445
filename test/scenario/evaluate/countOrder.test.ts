// The breaker: `--set flywheel.usersCap=1` ran, listed the 1 among the inputs and modelled a cap of 300M (the
// addressable market) without a word. A written count below the count it must reach is now an error at the key.
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {countOrderErrors} from "../../../src/scenario/evaluate/countOrder.js";
import {bindScenario} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {applyOverrides} from "../../../src/scenario/resolve/applyOverrides.js";
import {sweepScenario} from "../../../src/scenario/run/sweepScenario.js";
import {userErrorsOf} from "../helpers.js";

const dir = mkdtempSync(join(tmpdir(), "token-ledger-count-order-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const base = loadScenarioLibrary().resolve("base");

function scenarioFile(id: string, frontMatter: string) {
  const path = join(dir, `${id}.md`);
  writeFileSync(path, `---\ntitle: ${id}\nextends: base\n${frontMatter}---\n`);
  return {path, resolved: loadScenarioLibrary([path]).resolve(id)};
}

describe("countOrderErrors", () => {
  it("names each written count below the count it must reach, at its line", () => {
    const {path, resolved} = scenarioFile("low", "flywheel:\n  usersCap: 1\n  addressableUsers: 5\n");
    const errors = countOrderErrors(resolved).map((e) => e.detail);
    expect(errors).toEqual([
      expect.objectContaining({
        file: path,
        line: 6,
        path: "flywheel.addressableUsers",
        message: "flywheel.addressableUsers is smaller than demand.users",
        expected: "at least demand.users, 100M", // base.md: users: 100M
        found: "5"
      }),
      expect.objectContaining({
        file: path,
        line: 5,
        path: "flywheel.usersCap",
        expected: "at least flywheel.addressableUsers, 5",
        found: "1"
      })
    ]);
    // bindScenario, which every run, page and validate goes through, raises them.
    expect(userErrorsOf(() => bindScenario(resolved, loadCatalogs()))).toHaveLength(2);
  });

  it("blames the setting the user just made: a --set above a written limit is 'larger than' it", () => {
    const {resolved} = scenarioFile("market", "flywheel:\n  addressableUsers: 200M\n");
    const [error] = countOrderErrors(applyOverrides(resolved, ["demand.users=400M"])).map((e) => e.detail);
    expect(error).toEqual(
      expect.objectContaining({
        flag: "--set",
        path: "demand.users",
        message: "demand.users is larger than flywheel.addressableUsers",
        expected: "at most flywheel.addressableUsers, 200M",
        found: "400M"
      })
    );
  });

  it("takes a range wholly below the count it must reach as the mistake a value is (breaker)", () => {
    // flywheel.usersCap 1 to 2 (95th percentile ≈ 2) under the default market (300M): every draw was raised to 300M.
    const [error] = countOrderErrors(applyOverrides(base, ["flywheel.usersCap=1 to 2"])).map((e) => e.detail);
    expect(error).toEqual(
      expect.objectContaining({path: "flywheel.usersCap", found: expect.stringMatching(/ \(its 95th percentile\)$/)})
    );
  });

  it("checks the cap against the users through a market left at its default (breaker)", () => {
    // demand.users 1B raises the default market (300M) to 1B; a written cap of 500M is below both.
    const errors = countOrderErrors(applyOverrides(base, ["demand.users=1B", "flywheel.usersCap=500M"]));
    expect(errors.map((e) => e.detail)).toEqual([
      expect.objectContaining({path: "flywheel.usersCap", expected: "at least demand.users, 1B", found: "500M"})
    ]);
  });

  it("checks a sweep's grid at its worst end, naming --vary (a grid from usersCap 1 wrote rows it modelled as 300M)", () => {
    const bound = bindScenario(base, loadCatalogs());
    const axis = (path: string, from: number, to: number) => ({path, values: [from, (from + to) / 2, to]});
    expect(
      userErrorsOf(() =>
        sweepScenario({bound, axes: [axis("flywheel.usersCap", 1, 1e9)], metrics: ["flywheelUserGain"]})
      )
    ).toEqual(
      expect.arrayContaining([expect.objectContaining({flag: "--vary", path: "flywheel.usersCap", found: "1"})])
    );
    // Users swept past the default market still run: the market follows them.
    expect(sweepScenario({bound, axes: [axis("demand.users", 1e8, 1e9)], metrics: ["flywheelUserGain"]})).toHaveLength(
      3
    );
  });

  it("leaves a count at its default to follow the smaller one, and distributions to each draw", () => {
    // base leaves flywheel.addressableUsers at its default (300M): more users raise it, as before.
    expect(countOrderErrors(applyOverrides(base, ["demand.users=1B"]))).toEqual([]);
    expect(countOrderErrors(applyOverrides(base, ["flywheel.addressableUsers=200M to 400M"]))).toEqual([]);
    expect(countOrderErrors(base)).toEqual([]);
    for (const id of loadScenarioLibrary().index.ids) {
      expect(countOrderErrors(loadScenarioLibrary().resolve(id)), id).toEqual([]);
    }
  });
});
