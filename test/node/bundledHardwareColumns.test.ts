import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {loadHardware} from "../../src/node/catalogFiles.js";
import {REPO_ROOT} from "../projectCopy.js";

const BUNDLED = join(REPO_ROOT, "data/hardware.csv");
const LINES = readFileSync(BUNDLED, "utf8").trimEnd().split("\n");
// Each line with the 14th cell (scale_up_topology) or the 5th (family) taken out: the cells before them are unquoted.
const withoutTopology = (line: string) => line.replace(/^((?:[^,]*,){13})[^,]*,/, "$1");
const withoutFamily = (line: string) => line.replace(/^((?:[^,]*,){4})[^,]*,/, "$1");

const dir = mkdtempSync(join(tmpdir(), "bundled-hardware-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
const write = (name: string, lines: string[]) => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
};

function errorOf(load: () => unknown): string {
  try {
    load();
  } catch (e) {
    return (e as Error).message;
  }
  return "no error";
}

describe("loadHardware: the first (bundled) file takes every column", () => {
  // Breaker: the checkout's own data/hardware.csv without scale_up_topology loaded silently as switch (validate exit
  // 0, no note; MI300X TP 4 40% faster), the tolerance meant for a project's older file applying to it too.
  it("names a missing scale_up_topology column of the first file", () => {
    expect(withoutTopology(LINES[0]!)).not.toContain("scale_up_topology");
    const path = write("no-topology.csv", LINES.map(withoutTopology));
    expect(errorOf(() => loadHardware([path]))).toMatch(
      /no-topology\.csv:1:\d+: scale_up_topology: missing column: expected column 'scale_up_topology' at position 14/
    );
  });

  it("names a missing family column of the first file", () => {
    expect(withoutFamily(LINES[0]!)).not.toContain(",family,");
    const path = write("no-family.csv", LINES.map(withoutFamily));
    expect(errorOf(() => loadHardware([path]))).toMatch(
      /no-family\.csv:1:\d+: family: missing column: expected column 'family' at position 5/
    );
  });

  it("still reads a later (project) file without them, each row taking the earlier row's family and topology", () => {
    const own = write(
      "project.csv",
      [LINES[0]!, ...LINES.filter((line) => line.startsWith("mi300x,"))].map(withoutTopology)
    );
    const mi300x = loadHardware([BUNDLED, own]).find((h) => h.id === "mi300x")!;
    expect(mi300x.scaleUpTopology).toBe("full-mesh");
    const both = write(
      "project-old.csv",
      [LINES[0]!, LINES[1]!].map((l) => withoutFamily(withoutTopology(l)))
    );
    expect(loadHardware([BUNDLED, both]).length).toBe(LINES.length - 1);
  });
});
