// A second `---` block of assumptions after the front matter: Markdown (markdown-it, which Framework and the narrative
// use) reads its `---` as a rule and the lines up to the next `---` as a setext heading, so `serving: batch: 32`
// became a heading and its value was never read, with `validate` passing (breaker).
import {describe, expect, it} from "vitest";
import {formatUserError} from "../../../src/errors/userError.js";
import {parseScenario} from "../../../src/scenario/file/parseScenario.js";
import {userErrorsOf} from "../helpers.js";

const parse = (text: string) => parseScenario({file: "data/scenarios/two.md", text});
const FRONT = "---\ntitle: Two blocks\nid: two\n---\n\nSome narrative.\n\n";

describe("parseScenario: a second front matter block", () => {
  it("is an error at its opening line, naming its lines and the keys it sets", () => {
    const text = `${FRONT}---\nserving:\n  batch: 32\npower.pue: 1.3\n---\n\nMore text.\n`;
    const errors = userErrorsOf(() => parse(text));
    expect(errors.map((error) => formatUserError(error))).toEqual([
      // Line 8: the four front matter lines, a blank, the narrative's line and a blank before it.
      "data/scenarios/two.md:8:1: a second front matter block: expected one front matter block, at the top of the " +
        "file (lines 1–4), and Markdown after it, found a --- block on lines 8 to 12 setting serving, power.pue " +
        "(move its keys into the front matter at the top: Markdown reads this block as a rule and a heading, and its " +
        "values are not used; for a rule in the narrative, write *** instead)"
    ]);
  });

  it("leaves Markdown alone: a rule and a setext heading of prose, a block in a code fence, a lone rule", () => {
    const prose = `${FRONT}---\n\nA section\n---\n\nText.\n`;
    expect(parse(prose).body).toContain("A section");
    const fenced = `${FRONT}An example:\n\n~~~yaml\n---\nserving:\n  batch: 32\n---\n~~~\n`;
    expect(parse(fenced).body).toContain("batch: 32");
    expect(parse(`${FRONT}---\n\nThe end.\n`).body).toContain("The end.");
    // A map whose keys no front matter takes is prose that happens to have a colon.
    expect(parse(`${FRONT}---\nNote: read the sources\n---\n`).body).toContain("Note:");
  });

  it("leaves a block inside an HTML comment alone: Markdown shows nothing of it", () => {
    // markdown-it (html: true, as Framework) reads lines 8 to 13 as one html_block, rendered as the comment it is.
    const commented = `${FRONT}<!--\n---\nserving:\n  batch: 32\n---\n-->\n\nThe end.\n`;
    expect(parse(commented).body).toContain("batch: 32");
  });

  it("leaves a line of prose between two rules alone, though it starts with a key and a colon (breaker)", () => {
    // Each block is one YAML entry: a group given text (serving takes a map of its keys), a key given a value it does
    // not read (power.pue takes a number such as 1.3), a single field (title: text a line of prose may also be), and
    // a word no front matter takes (note).
    for (const line of [
      "serving: we assume the chips run flat out, as the vendors' own benchmarks do",
      "power.pue: we take the hyperscalers' reported figures at face value",
      "title: why the bill is mostly electricity",
      "note: the sources are listed below"
    ]) {
      expect(parse(`${FRONT}---\n${line}\n---\n\nText.\n`).body).toContain(line);
    }
  });

  it("is an error for one key whose value reads as the key's, or for two fields: prose writes neither", () => {
    const key = userErrorsOf(() => parse(`${FRONT}---\npower.pue: 1.3\n---\n`));
    // Line 8 as above; the block's lines are 8 to 10: the rule, the key and the closing rule.
    expect(key.map((error) => error.found)).toEqual(["a --- block on lines 8 to 10 setting power.pue"]);
    // 13 is out of power.pue's range (the front matter would say so), but a number is no prose: the block is caught.
    const outOfRange = userErrorsOf(() => parse(`${FRONT}---\npower.pue: 13\n---\n`));
    expect(outOfRange.map((error) => error.found)).toEqual(["a --- block on lines 8 to 10 setting power.pue"]);
    const fields = userErrorsOf(() => parse(`${FRONT}---\ntitle: Two\ndescription: The second block\n---\n`));
    expect(fields.map((error) => error.found)).toEqual(["a --- block on lines 8 to 11 setting title, description"]);
  });

  it("is an error when its rules are indented one to three spaces, which CommonMark reads as rules too", () => {
    // CommonMark 0.31 §4.1: a thematic break may be indented up to three spaces (four make a code block), and a
    // setext underline likewise (§4.3), so Markdown reads this block as a rule and a heading as it does unindented.
    for (const indent of [" ", "  ", "   "]) {
      const errors = userErrorsOf(() => parse(`${FRONT}${indent}---\nserving:\n  batch: 32\n${indent}---\n`));
      // Line 8 as above, to line 11: the rule, two lines of keys and the closing rule.
      expect(errors.map((error) => [error.line, error.found])).toEqual([
        [8, "a --- block on lines 8 to 11 setting serving"]
      ]);
    }
    // Four spaces: an indented code block (§4.4), shown as written.
    expect(parse(`${FRONT}    ---\n    serving:\n      batch: 32\n    ---\n`).body).toContain("batch: 32");
  });

  it("leaves a block in a block quote or a list item alone: it is the quote's or the item's content", () => {
    // markdown-it reads `> ---` as a rule inside the quote and `- …` then an indented `---` as one inside the item: a
    // front matter quoted as an example, which Markdown shows as the quote or the item it is.
    const quoted = `${FRONT}As the base case has it:\n\n> ---\n> serving:\n>   batch: 32\n> ---\n`;
    expect(parse(quoted).body).toContain(">   batch: 32");
    const listed = `${FRONT}- The base case:\n\n  ---\n  serving:\n    batch: 32\n  ---\n`;
    expect(parse(listed).body).toContain("    batch: 32");
  });

  it("is an error when the block runs to the end of the file, never closed: a rule and a paragraph", () => {
    const text = `${FRONT}---\nserving:\n  batch: 32\n`;
    const errors = userErrorsOf(() => parse(text));
    expect(errors.map((error) => formatUserError(error))).toEqual([
      // Line 8 as above: the four front matter lines, a blank, the narrative's line and a blank before it.
      "data/scenarios/two.md:8:1: a second front matter block: expected one front matter block, at the top of the " +
        "file (lines 1–4), and Markdown after it, found a --- block from line 8 on, never closed, setting serving " +
        "(move its keys into the front matter at the top: Markdown reads this block as a rule and a paragraph, and its " +
        "values are not used; for a rule in the narrative, write *** instead)"
    ]);
  });
});
