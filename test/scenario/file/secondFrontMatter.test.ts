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
