import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {checkScenarioFiles} from "../../src/node/scenarioCheck.js";

describe("checkScenarioFiles", () => {
  const dir = mkdtempSync(join(tmpdir(), "token-ledger-check-"));
  afterAll(() => rmSync(dir, {recursive: true, force: true}));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it("lists a parent's error met again through its child once, whatever the files' order (helper item)", () => {
    // d's unknown parent is an error at d.md:3:10 in d's check and in e's, whose "known: …" hints differ (each leaves
    // out the ids of the chain it resolved): `validate d.md e.md` printed it twice.
    const d = file("d.md", "---\ntitle: D\nextends: bse\nserving:\n  hardware: h100-sxn\n---\n\nText.\n");
    const e = file("e.md", "---\ntitle: E\nextends: d\nserving:\n  batch: 32\n---\n\nText.\n");
    for (const files of [
      [d, e],
      [e, d]
    ]) {
      const check = checkScenarioFiles(files);
      // Each file's check still names what stops it (e's page lists d's error).
      expect(check.files.map((f) => f.errors.length)).toEqual(files[0] === d ? [2, 1] : [1, 2]);
      // d's two errors (the unknown parent, the unknown hardware id), each once, at d's lines.
      expect(check.errors.map((error) => [error.detail.file, error.detail.line, error.detail.message])).toEqual([
        [expect.stringMatching(/d\.md$/), 3, "unknown scenario"],
        [expect.stringMatching(/d\.md$/), 5, "unknown hardware id 'h100-sxn'"]
      ]);
    }
  });

  it("checks the front matter of a file whose narrative has an error as that of one without (helper item)", () => {
    // Only a file whose front matter had errors was checked further: a live value naming no metric hid the unknown
    // parent and the unknown hardware id.
    const f = file(
      "f.md",
      "---\ntitle: F\nextends: bse\nserving:\n  hardware: h100-sxn\n---\n\nIt is {{metrics.nope}}.\n"
    );
    const check = checkScenarioFiles([f]);
    const said = [
      [3, 10, "unknown scenario"],
      [5, 13, "unknown hardware id 'h100-sxn'"],
      [8, 7, "unknown live value in the narrative"]
    ];
    const where = (errors: typeof check.errors) =>
      errors.map((error) => [error.detail.line, error.detail.column, error.detail.message]);
    expect(where(check.files[0]!.errors)).toEqual(said);
    expect(where(check.errors)).toEqual(said);
    expect(check.errors.every((error) => error.detail.file?.endsWith("f.md"))).toBe(true);
    expect(check.library.index.ids).not.toContain("f");
  });

  it("tells a file with a narrative error in an extends cycle of the cycle, not to fix itself first", () => {
    const g = file("g.md", "---\ntitle: G\nextends: h\n---\n\nIt is {{metrics.nope}}.\n");
    file("h.md", "---\ntitle: H\nextends: g\n---\n\nText.\n");
    const messages = checkScenarioFiles([g]).errors.map((error) => error.detail.message);
    expect(messages).toEqual(["unknown live value in the narrative", "extends cycle"]);
  });

  it("checks the front matter of a file in error only for its id as that of one without (helper item)", () => {
    // A file whose only error was another file's giving its id was checked no further: `validate a.md b.md`, both
    // `id: zz`, printed the two duplicate-id errors and hid a.md's unknown parent and unknown hardware id.
    const frontMatter = "---\nid: dupe\ntitle: Dup 1\nextends: bse\nserving:\n  hardware: h100-sxn\n---\n\nText.\n";
    const one = file("dup1.md", frontMatter);
    const two = file("dup2.md", "---\nid: dupe\ntitle: Dup 2\n---\n\nText.\n");
    const check = checkScenarioFiles([one, two]);
    const where = (errors: typeof check.errors) =>
      errors.map((error) => [
        error.detail.file?.replace(/.*\//, ""),
        error.detail.line,
        error.detail.column,
        error.detail.message
      ]);
    expect(where(check.errors)).toEqual([
      ["dup1.md", 2, 5, "duplicate scenario id"],
      ["dup1.md", 4, 10, "unknown scenario"],
      ["dup1.md", 6, 13, "unknown hardware id 'h100-sxn'"],
      ["dup2.md", 2, 5, "duplicate scenario id"]
    ]);
    expect(check.library.index.ids).not.toContain("dupe");
  });

  it("tells a file in error for its id, in an extends cycle, of the cycle, not to fix the files of its id", () => {
    const one = file("cyc1.md", "---\nid: loop\ntitle: Cyc 1\nextends: ring\n---\n\nText.\n");
    const two = file("cyc2.md", "---\nid: loop\ntitle: Cyc 2\n---\n\nText.\n");
    file("ring.md", "---\ntitle: Ring\nextends: loop\n---\n\nText.\n");
    const check = checkScenarioFiles([one, two]);
    expect(check.files[0]!.errors.map((error) => error.detail.message)).toEqual([
      "duplicate scenario id",
      "extends cycle"
    ]);
  });

  it("lets a path refused for its trailing slash claim no id: agent-era extends the library's base", () => {
    // `validate data/scenarios/base.md/ data/scenarios/agent-era.md`: the refused path still claimed the id base, so
    // agent-era was told its parent "has errors (fix data/scenarios/base.md first)".
    const check = checkScenarioFiles(["data/scenarios/base.md/", "data/scenarios/agent-era.md"]);
    expect(check.errors.map((error) => error.detail.message)).toEqual(["a file written with a trailing slash"]);
    expect(check.files[1]!.errors).toEqual([]);
    expect(check.library.index.ids).toContain("base");
    // Given beside the file it would name, it stands for no file: base.md is checked as itself, in no error.
    const both = checkScenarioFiles(["data/scenarios/base.md/", "data/scenarios/base.md"]);
    expect(both.files.map((file) => file.errors.map((error) => error.detail.message))).toEqual([
      ["a file written with a trailing slash"],
      []
    ]);
  });
});
