// A copy of base.md set on a B200 with a batch of 128 still cited "NVIDIA H100 SXM5 80GB" and "64 sequences per
// replica" for them, and took base's title, with no word (new-user trial of the README's `cp base.md` recipe).
import {mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {afterAll, describe, expect, it, vi} from "vitest";
import {copiedFromNote, mayBeCopyOf} from "../../../src/scenario/file/copiedFrom.js";
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

describe("copiedFromNote of a copy's prose", () => {
  const ASIC = parse(
    "asic-9-months.md",
    '---\ntitle: ASIC\ndescription: "A chip designed in 9 months."\nsilicon:\n  designCycle: 9 months\n---\n\n' +
      "# A custom inference chip in 9 months\n"
  );
  const copy = (description: string, cycle: string, body: string, more = "") =>
    parse(
      "my-asic.md",
      `---\ntitle: Mine\ndescription: "${description}"\nsilicon:\n  designCycle: ${cycle}\n${more}---\n\n${body}`
    );

  // A copy of asic-9-months.md set to 12 months still said "designed in 9 months" and "A custom inference chip in 9
  // months", and validate noted only its sources (author trial).
  it("names a description and narrative kept word for word while a value changed, in the one note", () => {
    expect(copiedFromNote(copy("A chip designed in 9 months.", "12 months", ASIC.body), [ASIC])).toBe(
      "my-asic.md keeps asic-9-months.md's description and narrative word for word, while silicon.designCycle " +
        "changed (12 months, where that file gives 9 months): rewrite them for this scenario's values"
    );
    expect(copiedFromNote(copy("Mine, in 12 months.", "12 months", ASIC.body), [ASIC])).toBe(
      "my-asic.md keeps asic-9-months.md's narrative word for word, while silicon.designCycle changed " +
        "(12 months, where that file gives 9 months): rewrite it for this scenario's values"
    );
    // A key the other file leaves to its parent is a change too; past one key, the keys without their values.
    expect(copiedFromNote(copy("A chip designed in 9 months.", "9 months", "Mine\n", "  power: 400 W\n"), [ASIC])).toBe(
      "my-asic.md keeps asic-9-months.md's description word for word, while silicon.power changed (400 W, where that " +
        "file leaves it to its parent): rewrite it for this scenario's values"
    );
    expect(
      copiedFromNote(copy("A chip designed in 9 months.", "12 months", "Mine\n", "  power: 400 W\n"), [ASIC])
    ).toContain("while silicon.designCycle and silicon.power changed: rewrite it");
  });

  it("says nothing of prose kept with every value, prose of its own, or an empty narrative", () => {
    expect(copiedFromNote(copy("A chip designed in 9 months.", "9 months", ASIC.body), [ASIC])).toBeNull();
    expect(copiedFromNote(copy("Mine, in 12 months.", "12 months", "# Mine\n"), [ASIC])).toBeNull();
    const bare = parse("bare.md", "---\ntitle: Bare\nsilicon:\n  designCycle: 9 months\n---\n");
    const bareCopy = parse("copy.md", "---\ntitle: Copy\nsilicon:\n  designCycle: 12 months\n---\n");
    expect(copiedFromNote(bareCopy, [bare])).toBeNull();
    // A parent is not told of its child's copy of its prose; the child is.
    const child = parse(
      "child.md",
      `---\ntitle: Child\nextends: asic-9-months\nsilicon:\n  designCycle: 12 months\n---\n${ASIC.body}`
    );
    expect(copiedFromNote(ASIC, [child])).toBeNull();
    expect(copiedFromNote(child, [ASIC])).toContain("child.md keeps asic-9-months.md's narrative word for word");
  });
});

describe("copiedFromNote of prose too short to tell of a copy", () => {
  const file = (name: string, utilization: string, description: string, body: string) =>
    parse(
      name,
      `---\ntitle: ${name}\ndescription: "${description}"\nserving:\n  utilization: ${utilization}\n---\n${body}`
    );

  // Two unrelated files whose narratives were both "Text." were told one "keeps" the other's (new-user trial).
  it("says nothing of a placeholder under five words, with no figure, that two files share", () => {
    expect(
      copiedFromNote(file("two.md", "0.7", "Mine.", "Text.\n"), [file("one.md", "0.5", "Yours.", "Text.\n")])
    ).toBeNull();
    for (const placeholder of ["TODO", "To be written.", "Notes go here.", "# Narrative goes here"]) {
      const [one, two] = [file("one.md", "0.5", "Yours.", placeholder), file("two.md", "0.7", "Mine.", placeholder)];
      expect(copiedFromNote(two, [one]), placeholder).toBeNull();
    }
    expect(
      copiedFromNote(file("two.md", "0.7", "A scenario.", "Mine.\n"), [
        file("one.md", "0.5", "A scenario.", "Yours.\n")
      ])
    ).toBeNull();
  });

  it("still names five words, or fewer with a figure in them", () => {
    const one = file("one.md", "0.5", "Runs on H100s.", "Serving on owned chips at half load.\n");
    expect(copiedFromNote(file("two.md", "0.7", "Runs on H100s.", "Mine.\n"), [one])).toContain(
      "two.md keeps one.md's description word for word"
    );
    expect(copiedFromNote(file("two.md", "0.7", "Mine.", "Serving on owned chips at half load.\n"), [one])).toContain(
      "two.md keeps one.md's narrative word for word"
    );
  });
});

// A copy and its original validated together: the original was told it cites, "for a value it changed", the source
// the copy gives for another value, and to rewrite its own prose (tester).
describe("which of two files is the copy", () => {
  const copy = parse(
    "copy.md",
    '---\ntitle: Base\nserving:\n  batch: 128\n  utilization: 0.6\nsources:\n  serving.batch: "64 per replica"\n' +
      '  serving.utilization: "measured fleets"\n---\n'
  );

  it("is a file that is not bundled beside a bundled one, else the one modified a minute or more later", () => {
    const minute = 60_000;
    expect(mayBeCopyOf({bundled: false, modified: 1}, {bundled: true, modified: 2 * minute})).toBe(true);
    expect(mayBeCopyOf({bundled: true, modified: 2 * minute}, {bundled: false, modified: 1})).toBe(false);
    expect(mayBeCopyOf({bundled: false, modified: 2 * minute}, {bundled: false, modified: minute})).toBe(true);
    expect(mayBeCopyOf({bundled: false, modified: minute}, {bundled: false, modified: 2 * minute})).toBe(false);
    expect(mayBeCopyOf({bundled: true, modified: 1}, {bundled: true, modified: 1})).toBe(true);
    expect(mayBeCopyOf({bundled: false, modified: undefined}, {bundled: false, modified: 2})).toBe(true);
    // A clone writes a project's files milliseconds apart, in no order that says which was copied: each is told.
    expect(mayBeCopyOf({bundled: false, modified: 5}, {bundled: false, modified: 12})).toBe(true);
    expect(mayBeCopyOf({bundled: false, modified: 12}, {bundled: false, modified: 5})).toBe(true);
  });

  it("gives the note to the copy only", () => {
    const facts = (file: string) => ({bundled: file === "base.md", modified: file === "base.md" ? 120_000 : 1});
    expect(copiedFromNote(copy, [BASE, copy], facts)).toContain("copy.md cites, for a value it changed");
    expect(copiedFromNote(BASE, [BASE, copy], facts)).toBeNull();
    // Without what tells them apart, each may be the copy of the other.
    expect(copiedFromNote(BASE, [BASE, copy])).toContain("base.md cites, for a value it changed");
  });

  // In a project's data/scenarios/, where each file is another's `others`: both were told.
  it("validate notes the file of a project modified later, not its original", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "copied-pair-")), "project");
    try {
      expect((await runCli(["new", dir, "--token-ledger", "^0.1.0"])).code).toBe(0);
      vi.stubEnv("TOKEN_LEDGER_PROJECT", dir);
      const text = readFileSync("data/scenarios/base.md", "utf8");
      const original = join(dir, "data", "scenarios", "original.md");
      const copied = join(dir, "data", "scenarios", "copied.md");
      writeFileSync(original, text.replace(/^title: .*$/m, "title: Original"));
      writeFileSync(copied, text.replace(/^title: .*$/m, "title: Copied").replace(/^ {2}batch: 64$/m, "  batch: 128"));
      utimesSync(original, new Date(2026, 0, 1), new Date(2026, 0, 1));
      utimesSync(copied, new Date(2026, 0, 2), new Date(2026, 0, 2));
      const {code, stderr} = await runCli(["validate"]);
      expect(code, stderr).toBe(0);
      const notes = stderr.split("\n").filter((line) => / note: .* cites, for a value it changed/.test(line));
      expect(notes).toHaveLength(1);
      // The copy's note; it names the bundled base.md first, which both files were copied from.
      expect(notes[0]).toMatch(/note: \S*\/copied\.md cites, /);
    } finally {
      vi.unstubAllEnvs();
      rmSync(dirname(dir), {recursive: true, force: true});
    }
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
    expect(stderr).toContain("keeps data/scenarios/base.md's description and narrative word for word");
    // One note for the file, every sentence in it.
    expect(stderr.split("\n").filter((line) => line.includes(`note: ${file} cites`))).toHaveLength(1);
    expect(stderr.match(/keeps data\/scenarios/g)).toHaveLength(1);
  });

  it("notes a copy of asic-9-months.md set to 12 months that keeps its prose about 9 months", async () => {
    const file = join(dir, "my-asic.md");
    const text = readFileSync("data/scenarios/asic-9-months.md", "utf8");
    const edited = text
      .replace(/^ {2}designCycle: 9 months$/m, "  designCycle: 12 months")
      .replace(/^title: .*$/m, "title: Mine");
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const {code, stderr} = await runCli(["validate", file]);
    expect(code, stderr).toBe(0);
    const notes = stderr.split("\n").filter((line) => line.startsWith("token-ledger: note:"));
    expect(notes).toHaveLength(1);
    expect(
      notes[0]!.endsWith(
        `. ${file} keeps data/scenarios/asic-9-months.md's description and narrative word for word, while ` +
          "silicon.designCycle changed (12 months, where that file gives 9 months): rewrite them for this " +
          "scenario's values"
      )
    ).toBe(true);
  });
});
