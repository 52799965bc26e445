// A copy of base.md set on a B200 with a batch of 128 still cited "NVIDIA H100 SXM5 80GB" and "64 sequences per
// replica" for them, and took base's title, with no word (new-user trial of the README's `cp base.md` recipe).
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {copiedFromNote} from "../../../src/scenario/file/copiedFrom.js";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {runCli} from "../../cli/runCli.js";

const parse = (file: string, text: string) => parseScenario({file, text});
const BASE = parse(
  "base.md",
  '---\ntitle: Base\nserving:\n  batch: 64\n  utilization: 0.6\nsources:\n  serving.batch: "64 per replica"\n' +
    '  serving.utilization: "measured fleets"\n---\n'
);

describe("copiedFromNote", () => {
  it("names a changed value that keeps another file's source word for word, and a title another file has", () => {
    const copy = parse(
      "copy.md",
      '---\ntitle: Base\nserving:\n  batch: 128\n  utilization: 0.6\nsources:\n  serving.batch: "64 per replica"\n' +
        '  serving.utilization: "measured fleets"\n---\n'
    );
    expect(copiedFromNote(copy, [BASE, copy])).toBe(
      "copy.md cites, for a value it changed, the source another file gives for another value: serving.batch (line " +
        "7: 128, where base.md gives it for 64); its pages would cite it for this file's value (write what this value " +
        'rests on under sources:). copy.md has the title of base.md ("Base"): the navigation and /compare would list ' +
        "both by one name (give it a title: of its own)"
    );
  });

  it("is null for the same value with the same source, a new source, or a title of its own", () => {
    const own = parse(
      "own.md",
      '---\ntitle: Mine\nserving:\n  batch: 128\n  utilization: 0.6\nsources:\n  serving.batch: "our load test"\n' +
        '  serving.utilization: "measured fleets"\n---\n'
    );
    expect(copiedFromNote(own, [BASE, own])).toBeNull();
    // Alone, a file has no other to have copied.
    expect(copiedFromNote(BASE, [BASE])).toBeNull();
  });
});

describe("validate of a copied scenario", () => {
  const dir = mkdtempSync(join(tmpdir(), "copied-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));

  it("notes the sources it kept for the values it changed, and base's title", async () => {
    const file = join(dir, "my-lab.md");
    const text = readFileSync("data/scenarios/base.md", "utf8");
    const edited = text
      .replace(/^ {2}hardware: h100-sxm$/m, "  hardware: b200")
      .replace(/^ {2}batch: 64$/m, "  batch: 128");
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const {code, stdout, stderr} = await runCli(["validate", file]);
    expect(code, stderr).toBe(0);
    expect(stdout).toBe("1 scenario file valid\n");
    expect(stderr).toMatch(
      /serving\.hardware \(line \d+: b200, where data\/scenarios\/base\.md gives it for h100-sxm\)/
    );
    expect(stderr).toMatch(/serving\.batch \(line \d+: 128, where data\/scenarios\/base\.md gives it for 64\)/);
    expect(stderr).toContain('has the title of data/scenarios/base.md ("Base case — merchant GPUs")');
  });
});
