// A scenario extending base on B200s kept base's training.chips ("up to 16,384 H100s"), training.mfu and
// serving.tensorParallel, whose sources name H100s, with no word to its author (session 46's left list).
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {parseModelsCsv} from "../../../src/catalog/parseModelsCsv.js";
import {parseScenario, type ParsedScenario} from "../../../src/scenario/file/parseScenario.js";
import {inheritedSourcesNote} from "../../../src/scenario/resolve/inheritedSources.js";
import {resolveScenario} from "../../../src/scenario/resolve/resolveScenario.js";

const BASE = parseScenario({
  file: "data/scenarios/base.md",
  text: readFileSync(new URL("../../../data/scenarios/base.md", import.meta.url), "utf8")
});
/** Names of the catalog rows these tests use, as data/hardware.csv and data/models.csv give them. */
const NAMES: Record<string, string> = {
  "h100-sxm": "NVIDIA H100 SXM5 80GB",
  "h800-sxm": "NVIDIA H800 SXM5 80GB",
  b200: "NVIDIA B200 (HGX/DGX, 8 GPUs)",
  gb200: "NVIDIA GB200 (per Blackwell GPU in NVL72, 1200 W)",
  "llama-3.1-405b": "Llama 3.1 405B",
  "llama-3.1-70b": "Llama 3.1 70B",
  "a100-sxm-80gb": "NVIDIA A100 SXM4 80GB",
  "tpu-v6e": "Google Cloud TPU v6e (Trillium)",
  "tpu-v7": "Google Cloud TPU7x (Ironwood)",
  "custom-inference-asic": "Hypothetical custom inference ASIC (illustrative)",
  "my-chip": "X",
  "tpu-v3": "Google Cloud TPU v3"
};
/** Chip families as data/hardware.csv's family column gives them, for the rows that have one here. */
const FAMILIES: Record<string, string> = {b200: "blackwell", gb200: "blackwell", "h100-sxm": "hopper"};
const ROWS = {
  hardware: Object.entries(NAMES).map(([id, name]) => ({id, name, family: FAMILIES[id]})),
  models: Object.entries(NAMES).map(([id, name]) => ({id, name}))
};

/** The note for a child of base written as `front` (front matter lines after `extends: base`). */
function noteFor(front: string): string | null {
  const child = parseScenario({file: "mine.md", text: `---\nid: mine\nextends: base\n${front}---\n`});
  const files = new Map<string, ParsedScenario>([
    ["base", BASE],
    ["mine", child]
  ]);
  const lookup = (id: string) => files.get(id);
  return inheritedSourcesNote(resolveScenario("mine", lookup), resolveScenario("base", lookup), ROWS);
}

/**
 * The note for `child` (front matter after `extends: parent`) of a scenario `parent` written as `parentFront`, against
 * `rows` (ROWS unless given).
 */
function noteBetween(parentFront: string, childFront: string, rows: typeof ROWS = ROWS): string | null {
  const parent = parseScenario({file: "parent.md", text: `---\nid: parent\n${parentFront}---\n`});
  const child = parseScenario({file: "mine.md", text: `---\nid: mine\nextends: parent\n${childFront}---\n`});
  const files = new Map<string, ParsedScenario>([
    ["parent", parent],
    ["mine", child]
  ]);
  const lookup = (id: string) => files.get(id);
  return inheritedSourcesNote(resolveScenario("mine", lookup), resolveScenario("parent", lookup), rows);
}

/** base.md's line of a key (`  chips: 16384` under training:), so that the test follows edits to base.md. */
function baseLine(path: string): number {
  return BASE.values[path]!.position.line;
}

describe("inheritedSourcesNote", () => {
  it("names each inherited value whose source names chip the scenario moved off, with its line", () => {
    const note = noteFor('serving:\n  hardware: b200\nsources:\n  serving.hardware: "NVIDIA B200 datasheet"\n');
    expect(note).toBe(
      "mine.md moves off base's h100-sxm (serving.hardware and training.hardware are b200 here) but keeps " +
        "3 values from base whose sources name H100: " +
        `serving.tensorParallel (8, line ${baseLine("serving.tensorParallel")} of data/scenarios/base.md), ` +
        `training.mfu (0.41, line ${baseLine("training.mfu")} of data/scenarios/base.md) and ` +
        `training.chips (16384, line ${baseLine("training.chips")} of data/scenarios/base.md); its pages show them, ` +
        "marked inherited, as this scenario's. Set each in this file with a source for what it uses now, or set the " +
        "same value with a source that says why it still holds"
    );
  });

  it("leaves out a value the scenario sets again, and is null once every such value is its own", () => {
    const some = noteFor(
      "serving:\n  hardware: b200\n  tensorParallel: 4\ntraining:\n  chips: 8192\n  mfu: 0.4\n" +
        'sources:\n  serving.hardware: "B200"\n  serving.tensorParallel: "a"\n  training.chips: "b"\n'
    );
    // training.mfu is set in mine.md without a source: its own value, not base's, so not this note's.
    expect(some).toBeNull();
    const one = noteFor(
      'serving:\n  hardware: b200\ntraining:\n  chips: 8192\n  mfu: 0.4\nsources:\n  serving.hardware: "B200"\n'
    );
    expect(one).toMatch(/keeps a value from base whose source names H100: serving\.tensorParallel \(8, line/);
  });

  it("reads each value against its own group's chips: training kept on the H100, serving moved to the B200", () => {
    // training.mfu and training.chips speak of the H100 the training still runs on: not noted. serving.tensorParallel
    // ("one 8-GPU H100 server") is read against serving.hardware, which moved.
    const training =
      'serving:\n  hardware: b200\ntraining:\n  hardware: h100-sxm\nsources:\n  serving.hardware: "B200"\n';
    expect(noteFor(training)).toMatch(
      /^mine\.md moves off base's h100-sxm \(serving\.hardware is b200 here\) but keeps a value from base whose source names H100: serving\.tensorParallel \(8, line \d+ of data\/scenarios\/base\.md\);/
    );
    // The training alone moved (breaker): the training values are noted, serving's not.
    const trainingOnly = 'training:\n  hardware: mi300x\nsources:\n  training.hardware: "MI300X"\n';
    const note = noteFor(trainingOnly)!;
    expect(note).toMatch(/^mine\.md moves off base's h100-sxm \(training\.hardware is mi300x here\)/);
    expect(note).toMatch(/training\.mfu \(0\.41, line \d+ of data\/scenarios\/base\.md\) and training\.chips/);
    expect(note).not.toMatch(/serving\.tensorParallel/);
    expect(noteFor("serving:\n  batch: 32\n")).toBeNull();
  });

  it("does not take a word both chips' names share (SXM5) for the chip left", () => {
    // h100-sxm → h800-sxm: "SXM5" is in both names; base's sources name H100, which the scenario left.
    const note = noteFor('serving:\n  hardware: h800-sxm\nsources:\n  serving.hardware: "H800"\n');
    expect(note).toMatch(/name H100:/);
    expect(note).not.toMatch(/SXM5/);
  });

  it("speaks of a model left too (405B in base's 'Llama 3 405B'), whichever keys used it", () => {
    const note = noteFor(
      "serving:\n  model: llama-3.1-70b\ntraining:\n  model: llama-3.1-70b\n" +
        'sources:\n  serving.model: "Llama 3.1 70B"\n  training.model: "the served model"\n'
    );
    expect(note).toMatch(/^mine\.md moves off base's llama-3\.1-405b \(training\.model is llama-3\.1-70b here\)/);
    // "Llama 3 405B pre-training: 15.6T tokens", "Llama 3 405B: 41% BF16 MFU …", "Llama 3 405B: up to 16,384 H100s".
    expect(note).toMatch(/name 405B: training\.tokens \(15\.6T tokens, line \d+ of data\/scenarios\/base\.md\)/);
    expect(note).toMatch(/training\.mfu \(0\.41, line/);
    // The training values are read against training.model, the move the note names; one row left, named once.
    expect(note!.match(/moves off/g)).toHaveLength(1);
  });

  it("looks for a row whose name has no word of letters and digits by its proper nouns and its id", () => {
    const parent = (hardware: string, sources: string) =>
      `serving:\n  hardware: ${hardware}\n  tensorParallel: 2\n  utilization: 0.7\nsources:\n${sources}`;
    const moved = 'serving:\n  hardware: h100-sxm\nsources:\n  serving.hardware: "H100"\n';
    // The id, and the name's proper noun (Hypothetical); not its small words (custom, inference) nor ASIC, an acronym.
    const asic = noteBetween(
      parent(
        "custom-inference-asic",
        '  serving.tensorParallel: "as for data/hardware.csv custom-inference-asic"\n' +
          '  serving.utilization: "a custom inference chip runs busier: ASICs do one job"\n'
      ),
      moved
    );
    expect(asic).toMatch(/^mine\.md moves off parent's custom-inference-asic \(serving\.hardware is h100-sxm here\)/);
    expect(asic).toMatch(/keeps a value from parent whose source names custom-inference-asic: serving\.tensorParallel/);
    expect(noteBetween(parent("custom-inference-asic", '  serving.utilization: "Hypothetical: 70%"\n'), moved)).toMatch(
      /whose source names Hypothetical: serving\.utilization/
    );
    // Ironwood, a word no other row's name has; Google and Cloud are every TPU's.
    const tpu = parent(
      "tpu-v7",
      '  serving.tensorParallel: "Ironwood pods"\n  serving.utilization: "Google Cloud TPU fleets"\n'
    );
    const toTrillium = 'serving:\n  hardware: tpu-v6e\nsources:\n  serving.hardware: "v6e"\n';
    expect(noteBetween(tpu, toTrillium)).toMatch(/whose source names Ironwood: serving\.tensorParallel \(2, line \d+/);
    // A project's row named X, read with its capital (2 x 4 is no X).
    const x = parent("my-chip", '  serving.tensorParallel: "X\'s datasheet"\n  serving.utilization: "2 x 4 racks"\n');
    expect(noteBetween(x, moved)).toMatch(/keeps a value from parent whose source names X: serving\.tensorParallel/);
  });

  it("does not read a chip family's word as the row whose name alone has it (Blackwell: B200 is one too)", () => {
    const parent =
      "serving:\n  hardware: gb200\n  tensorParallel: 8\n  utilization: 0.7\nsources:\n" +
      '  serving.tensorParallel: "Blackwell GPUs serve at TP8"\n  serving.utilization: "NVL72 racks run busy"\n';
    const toB200 = 'serving:\n  hardware: b200\nsources:\n  serving.hardware: "B200"\n';
    const note = noteBetween(parent, toB200);
    expect(note).toMatch(/whose source names NVL72: serving\.utilization/);
    expect(note).not.toMatch(/Blackwell/);
  });

  it("reads a two-character name word with the word before it: TPU v3, not DeepSeek-V3", () => {
    const parent = (source: string) =>
      `serving:\n  hardware: tpu-v3\n  tensorParallel: 8\nsources:\n  serving.tensorParallel: "${source}"\n`;
    const toB200 = 'serving:\n  hardware: b200\nsources:\n  serving.hardware: "B200"\n';
    expect(noteBetween(parent("as DeepSeek-V3 is served"), toB200)).toBeNull();
    expect(noteBetween(parent("a v3 of the paper"), toB200)).toBeNull();
    expect(noteBetween(parent("one TPU v3 pod slice"), toB200)).toMatch(/source names TPU v3:/);
    expect(noteBetween(parent("8 TPU-v3 chips"), toB200)).toMatch(/source names TPU v3\b/);
  });

  it("reads H-100 and H 100 as H100, but not a 100 as A100", () => {
    const parent = (hardware: string, source: string) =>
      `serving:\n  hardware: ${hardware}\n  tensorParallel: 8\nsources:\n  serving.tensorParallel: "${source}"\n`;
    const toB200 = 'serving:\n  hardware: b200\nsources:\n  serving.hardware: "B200"\n';
    expect(noteBetween(parent("h100-sxm", "one 8-GPU H-100 server"), toB200)).toMatch(/source names H100:/);
    expect(noteBetween(parent("h100-sxm", "one 8-GPU H 100 server"), toB200)).toMatch(/source names H100:/);
    expect(noteBetween(parent("a100-sxm-80gb", "A 100-GPU cluster at a 100% duty"), toB200)).toBeNull();
    expect(noteBetween(parent("a100-sxm-80gb", "8 a-100 GPUs"), toB200)).toMatch(/source names A100:/);
  });

  it("reads a model row by its own name, not another model it is compared with (gpt-4o-class-200b)", () => {
    // data/models.csv as bundled: gpt-4o-class-200b's shape is Llama 3.1 405B's at half depth (its notes), and its name
    // once said so ("GPT-4o-class, 200B (estimate: Llama 3.1 405B at half depth)"), so a source naming Llama 3.1 405B
    // was read as naming it.
    const models = parseModelsCsv(readFileSync(new URL("../../../data/models.csv", import.meta.url), "utf8"), {
      file: "data/models.csv"
    });
    const rows = {...ROWS, models: models.map(({id, name}) => ({id, name}))};
    const parent = (source: string) =>
      "serving:\n  model: gpt-4o-class-200b\n  tensorParallel: 8\nsources:\n" +
      `  serving.tensorParallel: "${source}"\n`;
    const to70b = 'serving:\n  model: llama-3.1-70b\nsources:\n  serving.model: "Llama 3.1 70B"\n';
    expect(noteBetween(parent("one 8-GPU server per replica, as for Llama 3.1 405B"), to70b, rows)).toBeNull();
    // Its own words still name it: 200B and GPT-4o.
    expect(noteBetween(parent("410 GB of a 200B model's weights on one server"), to70b, rows)).toMatch(
      /^mine\.md moves off parent's gpt-4o-class-200b \(serving\.model is llama-3\.1-70b here\).*source names 200B:/
    );
    expect(noteBetween(parent("GPT-4o on one 8-GPU server"), to70b, rows)).toMatch(/source names GPT 4o:/);
  });

  it("does not read Chinchilla scaling, a law, as the Chinchilla 70B model", () => {
    const parent = (source: string) =>
      "training:\n  model: chinchilla-70b\n  tokens: 1.4T tokens\nsources:\n" + `  training.tokens: "${source}"\n`;
    const to70b = 'training:\n  model: llama-3.1-70b\nsources:\n  training.model: "Llama 3.1 70B"\n';
    // chinchilla-70b's name as data/models.csv gives it; Chinchilla is its proper noun (no other row's name has it).
    const rows = {...ROWS, models: [...ROWS.models, {id: "chinchilla-70b", name: "Chinchilla 70B"}]};
    for (const law of [
      "Chinchilla scaling: 20 tokens per parameter",
      "Chinchilla-optimal: 20 tokens per parameter",
      "the Chinchilla law's 20 tokens a parameter",
      "Chinchilla's scaling law: 20 tokens per parameter",
      "a Chinchilla ratio of 20 tokens per parameter"
    ]) {
      expect(noteBetween(parent(law), to70b, rows), law).toBeNull();
    }
    // The model itself is still read, also beside the law.
    expect(noteBetween(parent("Chinchilla scaling, as Chinchilla was trained: 1.4T tokens"), to70b, rows)).toMatch(
      /moves off parent's chinchilla-70b \(training\.model is llama-3\.1-70b here\).*source names Chinchilla:/
    );
  });
});
