// A chip's power written as a bare number far below any chip's is likely kilowatts: `--set silicon.power=3` (3 W)
// priced asic-24-months' custom chip's tokens at 0.877 USD/Mtok and its NPV at $2.15B, with no word (3 kW: 2.19 and
// −$220M; breaker).
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {barePowerNote} from "../../../src/scenario/run/barePowerNote.js";
import {runCli} from "../../cli/runCli.js";

describe("barePowerNote", () => {
  it("notes a bare chip power under a tenth of the least bundled chip's (tpu-v5e, 140 W)", () => {
    expect(barePowerNote({"silicon.power": {value: 3, written: "3"}})).toBe(
      "silicon.power 3 is 3 W (a bare number is in watts), under a tenth of any bundled chip's (the least, " +
        "tpu-v5e's, is 140 W): write 3 kW if that was meant."
    );
    expect(barePowerNote({"silicon.power": {value: 1.2, written: "1.2"}})).toContain("write 1.2 kW if that was meant.");
  });

  it("notes a distribution whose bare ends are both that far below, as a single value is (tester)", () => {
    expect(
      barePowerNote({"silicon.power": {value: {kind: "lognormal", mu: 1.35, sigma: 0.16}, written: "3 to 5"}})
    ).toBe(
      "silicon.power 3 to 5 is 3 W to 5 W (a bare number is in watts), under a tenth of any bundled chip's (the " +
        "least, tpu-v5e's, is 140 W): write 3 kW to 5 kW if that was meant."
    );
    expect(
      barePowerNote({
        "silicon.power": {value: {kind: "lognormal" as const, mu: 1.35, sigma: 0.16}, written: "3 to 500"}
      })
    ).toBeNull();
    expect(
      barePowerNote({
        "silicon.power": {value: {kind: "lognormal" as const, mu: 1.35, sigma: 0.16}, written: "3 to 5 kW"}
      })
    ).toBeNull();
  });

  it("notes an explicit distribution on the parameters an interval's note reads: its range's ends or centre", () => {
    const sentence = (written: string, meant: string, read = "3 W to 5 W") =>
      `silicon.power ${written} is ${read} (a bare number is in watts), under a tenth of any bundled chip's (the ` +
      `least, tpu-v5e's, is 140 W): write ${meant} if that was meant.`;
    const dist = {kind: "uniform" as const, min: 3, max: 5};
    const cases: [string, string, string?][] = [
      ["{dist: uniform, min: 3, max: 5}", "{dist: uniform, min: 3 kW, max: 5 kW}"],
      ["{dist: triangular, min: 3, mode: 4, max: 5}", "{dist: triangular, min: 3 kW, mode: 4 kW, max: 5 kW}"],
      ["{dist: lognormal, p5: 3, p95: 5}", "{dist: lognormal, p5: 3 kW, p95: 5 kW}"],
      ["{dist: normal, p5: 3, p95: 5}", "{dist: normal, p5: 3 kW, p95: 5 kW}"],
      // A normal's mean is what a single value's note reads; its spread is rewritten with it.
      ["{dist: normal, mean: 3, sd: 0.5}", "{dist: normal, mean: 3 kW, sd: 0.5 kW}", "3 W"],
      ["{dist: point, value: 3}", "{dist: point, value: 3 kW}", "3 W"],
      // A block map, one line as its value's text reads it.
      ["dist: uniform min: 3 max: 5", "{dist: uniform, min: 3 kW, max: 5 kW}"]
    ];
    for (const [written, meant, read] of cases) {
      expect(barePowerNote({"silicon.power": {value: dist, written}}), written).toBe(sentence(written, meant, read));
    }
    for (const written of [
      "{dist: uniform, min: 3, max: 500}",
      "{dist: uniform, min: 3 kW, max: 5 kW}",
      "{dist: uniform, min: 300, max: 5 kW}",
      "{dist: normal, mean: 300, sd: 1}"
    ]) {
      expect(barePowerNote({"silicon.power": {value: dist, written}}), written).toBeNull();
    }
  });

  it("notes a distribution's bare parameter alone when the others have a unit, as a sweep notes an axis's end", () => {
    // `{dist: uniform, min: 3, max: 5 kW}` had no note where `--vary silicon.power=3:5kW:3` noted 3 (breaker).
    const dist = {kind: "uniform" as const, min: 3, max: 5000};
    const sentence = (written: string, bare: string, read: string, meant: string) =>
      `silicon.power ${written} has ${bare}, which is ${read} (a bare number is in watts), under a tenth of any ` +
      `bundled chip's (the least, tpu-v5e's, is 140 W): write ${meant} if that was meant.`;
    const cases: [string, string, string, string][] = [
      ["{dist: uniform, min: 3, max: 5 kW}", "min 3", "3 W", "{dist: uniform, min: 3 kW, max: 5 kW}"],
      ["{dist: lognormal, p5: 2 kW, p95: 5}", "p95 5", "5 W", "{dist: lognormal, p5: 2 kW, p95: 5 kW}"],
      // An unjudged bare parameter is rewritten with the judged one, as when all are bare.
      [
        "{dist: triangular, min: 3, mode: 4, max: 5 kW}",
        "min 3",
        "3 W",
        "{dist: triangular, min: 3 kW, mode: 4 kW, max: 5 kW}"
      ],
      ["dist: uniform min: 3 max: 5kW", "min 3", "3 W", "{dist: uniform, min: 3 kW, max: 5kW}"]
    ];
    for (const [written, bare, read, meant] of cases) {
      expect(barePowerNote({"silicon.power": {value: dist, written}}), written).toBe(
        sentence(written, bare, read, meant)
      );
    }
  });

  it("is noted by validate for a distribution with one bare end in a file that extends base", async () => {
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-bare-power-"));
    try {
      const file = join(dir, "p1.md");
      writeFileSync(
        file,
        "---\ntitle: p1\nid: p1\nextends: base\nsilicon:\n  power: {dist: uniform, min: 3, max: 5 kW}\n---\n"
      );
      const validate = await runCli(["validate", file]);
      expect(validate.code, validate.stderr).toBe(0);
      expect(validate.stderr).toContain(
        `token-ledger: note: p1: silicon.power {dist: uniform, min: 3, max: 5 kW} (${file}:6) has min 3, which is ` +
          "3 W (a bare number is in watts)"
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });

  it("is noted by run for --set silicon.power={dist: uniform, min: 3, max: 5}, as for '3 to 5'", async () => {
    const set = "silicon.power={dist: uniform, min: 3, max: 5}";
    const bare = await runCli(["run", "asic-24-months", "--set", set, "--samples", "10"]);
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stderr).toContain(
      `token-ledger: note: asic-24-months: silicon.power {dist: uniform, min: 3, max: 5} (--set ${set}) is 3 W to ` +
        "5 W (a bare number is in watts), under a tenth of any bundled chip's (the least, tpu-v5e's, is 140 W): " +
        "write {dist: uniform, min: 3 kW, max: 5 kW} if that was meant.\n"
    );
  });

  it("is noted by run for --set silicon.power='3 to 5'", async () => {
    const bare = await runCli(["run", "asic-24-months", "--set", "silicon.power=3 to 5", "--samples", "10"]);
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stderr).toContain(
      "token-ledger: note: asic-24-months: silicon.power 3 to 5 (--set silicon.power=3 to 5) is 3 W to 5 W (a bare " +
        "number is in watts), under a tenth of any bundled chip's (the least, tpu-v5e's, is 140 W): write 3 kW to 5 kW " +
        "if that was meant.\n"
    );
  });

  it("takes a power with a unit, one from 14 W, a default and other keys as meant", () => {
    expect(barePowerNote({"silicon.power": {value: 3, written: "3 W"}})).toBeNull();
    expect(barePowerNote({"silicon.power": {value: 3000, written: "3 kW"}})).toBeNull();
    expect(barePowerNote({"silicon.power": {value: 14, written: "14"}})).toBeNull();
    expect(barePowerNote({"silicon.power": {value: 600, written: null}})).toBeNull();
    expect(barePowerNote({"power.pue": {value: 1.2, written: "1.2"}})).toBeNull();
  });

  it("is noted by run for --set silicon.power=3, and not for 3kW", async () => {
    const bare = await runCli(["run", "asic-24-months", "--set", "silicon.power=3", "--samples", "10"]);
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stderr).toContain(
      "token-ledger: note: asic-24-months: silicon.power 3 (--set silicon.power=3) is 3 W (a bare number is in watts), " +
        "under a tenth of any bundled chip's (the least, tpu-v5e's, is 140 W): write 3 kW if that was meant.\n"
    );
    const meant = await runCli(["run", "asic-24-months", "--set", "silicon.power=3kW", "--samples", "10"]);
    expect(meant.code, meant.stderr).toBe(0);
    expect(meant.stderr).not.toContain("silicon.power");
  });

  it("names where a value was written: a file's by file:line, a flag's as typed (ch said nothing of 3; tester)", () => {
    const origin = {scenario: "p1", file: "p1.md", line: 4, column: 10};
    const sentence =
      "is 3 W (a bare number is in watts), under a tenth of any bundled chip's (the least, tpu-v5e's, is";
    const parent = {"silicon.power": {value: 3, written: "3", origin: {kind: "parent" as const, ...origin}}};
    const own = {"silicon.power": {value: 3, written: "3", origin: {kind: "file" as const, ...origin}}};
    expect(barePowerNote(parent)).toContain(`silicon.power 3 (p1.md:4) ${sentence}`);
    // Its own file's too, as compare named it: `run p1.md` said "p1: silicon.power 3 is 3 W" with no line (tester).
    expect(barePowerNote(own)).toBe(barePowerNote(parent));
    // `run base --set silicon.power=3` said "base: silicon.power 3 is 3 W", blaming base for the flag's value (tester).
    const set = {kind: "override" as const, flag: "--set", written: "silicon.power=3"};
    const overridden = {"silicon.power": {value: 3, written: "3", origin: set}};
    expect(barePowerNote(overridden)).toContain(`silicon.power 3 (--set silicon.power=3) ${sentence}`);
    // A page names its link's settings in its own words; a default has no place.
    expect(barePowerNote(overridden, {overridePlace: () => "set on this page"})).toContain(
      `silicon.power 3 (set on this page) ${sentence}`
    );
    expect(barePowerNote(overridden, {overridePlace: () => null})).toContain(`silicon.power 3 ${sentence}`);
    const unplaced = {"silicon.power": {value: 3, written: "3", origin: {kind: "default" as const}}};
    expect(barePowerNote(unplaced)).toContain(`silicon.power 3 ${sentence}`);
  });

  it("is noted by validate for each valid file, and by compare once for a parent and its child", async () => {
    const dir = mkdtempSync(join(tmpdir(), "token-ledger-bare-power-"));
    try {
      const [p1, ch] = [join(dir, "p1.md"), join(dir, "ch.md")];
      writeFileSync(p1, "---\ntitle: p1\nid: p1\nextends: base\nsilicon:\n  power: 3\n---\n");
      writeFileSync(ch, "---\ntitle: ch\nid: ch\nextends: p1\n---\n");
      const tail =
        "is 3 W (a bare number is in watts), under a tenth of any bundled chip's (the least, tpu-v5e's, is 140 W)";
      const validate = await runCli(["validate", p1, ch]);
      expect(validate.code, validate.stderr).toBe(0);
      // One note for both now that p1's own file is named too, as compare writes it.
      expect(validate.stderr).toContain(`token-ledger: note: p1, ch: silicon.power 3 (${p1}:6) ${tail}`);
      const compare = await runCli(["compare", ch, p1, "--samples", "10"]);
      expect(compare.code, compare.stderr).toBe(0);
      expect(compare.stderr).toBe(
        `token-ledger: note: ch, p1: silicon.power 3 (${p1}:6) ${tail}: write 3 kW if that was meant.\n`
      );
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});
