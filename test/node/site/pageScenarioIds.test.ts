import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {pageScenarioIdErrors, storyIds} from "../../../src/node/site/pageScenarioIds.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";

const dir = mkdtempSync(join(tmpdir(), "tl-page-ids-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("storyIds", () => {
  it("reads loadStory's written-out id in runnable ```js blocks, with its line and column", () => {
    const page = [
      "# A page", // 1
      "",
      "```js", // 3
      "import {loadStory} from 'token-ledger/components/story.js';",
      'const story = await loadStory(FileAttachment("./data/site.json"), "my-scenario");', // 5
      "```",
      "",
      "```js echo",
      "const other = await loadStory(site, 'asic-9-months');", // 9
      "```"
    ].join("\n");
    expect(storyIds(page)).toEqual([
      {id: "my-scenario", line: 5, column: 68},
      {id: "asic-9-months", line: 9, column: 38}
    ]);
  });

  it("leaves out code that does not run (run=false, another language, prose) and an id computed at run time", () => {
    const page = [
      'Call `loadStory(FileAttachment("./data/site.json"), "prose")` in a block.',
      "```js run=false",
      'loadStory(file, "not-run");',
      "```",
      "```JS",
      'loadStory(file, "not-js-to-framework");',
      "```",
      "```js run=FALSE",
      'loadStory(file, "not-run-either");',
      "```",
      "````md",
      "```js",
      'loadStory(file, "inside-an-example");',
      "```",
      "````",
      "```js",
      "loadStory(file, `${prefix}-base`);",
      "loadStory(file, id);",
      "```"
    ].join("\n");
    expect(storyIds(page)).toEqual([]);
  });
});

describe("storyIds, breaker's pages", () => {
  it("reads ```ts, ```jsx and ```tsx blocks, which Framework transpiles and runs", () => {
    const page = ["```ts", 'loadStory(f, "a");', "```", "```jsx", 'loadStory(f, "b");', "```", "~~~tsx echo"];
    page.push('loadStory(f, "c");', "~~~");
    expect(storyIds(page.join("\n")).map(({id}) => id)).toEqual(["a", "b", "c"]);
  });

  it("skips a call commented out, and reads an id after a comment between the arguments, at its column", () => {
    const page = [
      "```js",
      '// const old = await loadStory(f, "renamed-long-ago");',
      '/* loadStory(f, "in-a-block-comment") */',
      'const s = await loadStory(FileAttachment("https://x.org/site.json"), /* the id */ "base");',
      "const t = await loadStory(f, // the id",
      '  "two");',
      "```"
    ].join("\n");
    expect(storyIds(page)).toEqual([
      {id: "base", line: 4, column: 84},
      {id: "two", line: 6, column: 4}
    ]);
  });

  it("reads the id after a first argument holding two calls, nested calls or a string with a bracket", () => {
    const page = ["```js", 'loadStory(f(a) ?? g(b), "two");', 'loadStory(f(g(a)), "nested");'];
    page.push('loadStory(pick(a, ")"), "string");', 'loadStory(a(1), b(2), "third-argument");', "```");
    expect(storyIds(page.join("\n"))).toEqual([
      {id: "two", line: 2, column: 26},
      {id: "nested", line: 3, column: 21},
      {id: "string", line: 4, column: 26}
    ]);
  });

  it("reads inline ${…} expressions in the Markdown, which Framework runs, and not where it does not", () => {
    const page = [
      "---",
      'title: ${loadStory(f, "front-matter")}',
      "---",
      'The NPV is ${(await loadStory(FileAttachment("./data/site.json"), "inline")).npv}.', // 4
      'Not `${loadStory(f, "code-span")}`, \\${loadStory(f, "escaped")} nor <!-- ${loadStory(f, "comment")} -->',
      "<b>${loadStory(g, 'in-html')}</b>", // 6
      "```md",
      '${loadStory(f, "fenced-example")}',
      "```",
      "${loadStory(f,", // 10
      '  "two-lines")}'
    ].join("\n");
    expect(storyIds(page)).toEqual([
      {id: "inline", line: 4, column: 68},
      {id: "in-html", line: 6, column: 20},
      {id: "two-lines", line: 11, column: 4}
    ]);
  });

  it("reads a long first argument in linear time", () => {
    const started = Date.now();
    expect(storyIds("```js\nloadStory(" + "a".repeat(200_000) + "\n```\n")).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("storyIds, code read as JavaScript reads it (acorn), which a bracket-counting scanner misread", () => {
  // The 1-based column of the id's first character: its 0-based index in the line (that of its opening quote + 1), + 1.
  const at = (line: string, id: string) => line.indexOf(id) + 1;

  it("reads the id after a template literal whose ${…} holds a template and a brace", () => {
    const line = 'loadStory(pick(`${a ? `{` : "}"}`), "template");';
    expect(storyIds(["```js", line, "```"].join("\n"))).toEqual([
      {id: "template", line: 2, column: at(line, "template")}
    ]);
  });

  it("reads the id after a comment inside the call's argument list, in an inline ${…} too", () => {
    const line = 'The ${loadStory(f /* not the end: } */, "inline")} and';
    expect(storyIds(line)).toEqual([{id: "inline", line: 1, column: at(line, "inline")}]);
  });

  it("reads the id after a string holding a bracket, after a regular expression holding a quote", () => {
    const line = 'loadStory(split(text, /\'/, "("), "after-a-regex");';
    const inline = 'See ${loadStory(pick(names, "<!-- ["), "inline")}.';
    expect(storyIds(["```js", line, "```", inline].join("\n"))).toEqual([
      {id: "after-a-regex", line: 2, column: at(line, "after-a-regex")},
      {id: "inline", line: 4, column: at(inline, "inline")}
    ]);
  });

  it("reads an inline call split across lines, past a line comment holding a brace, its id a template", () => {
    const page = ["${loadStory(f, // no } here", '  "split")} and ${loadStory(f,', "  `template`)}"].join("\n");
    expect(storyIds(page)).toEqual([
      {id: "split", line: 2, column: 4},
      {id: "template", line: 3, column: 4}
    ]);
  });

  it("reads only calls of loadStory itself, each once, in the order the ids are written", () => {
    const page = ['${`a ${loadStory(f, "nested")}`}', "```js", 'story.loadStory(f, "member"); $loadStory(f, "other");'];
    page.push('loadStory(loadStory(f, "inner"), "outer");', "```");
    expect(storyIds(page.join("\n")).map(({id}) => id)).toEqual(["member", "inner", "outer", "nested"]);
  });

  it("reads the tokens of a block acorn does not parse: TypeScript, JSX text with a quote, a syntax error", () => {
    const page = [
      "```ts",
      'const s: Story = await loadStory(f as File, "ts");',
      "```",
      "```jsx",
      'const p = <p>It\'s {loadStory(f, "jsx")}</p>;',
      "```",
      "```js",
      'const a = "unclosed;',
      'loadStory(f, "js");',
      "```"
    ];
    expect(storyIds(page.join("\n"))).toEqual([
      {id: "ts", line: 2, column: 46}, // 'const s: Story = await loadStory(f as File, ' is 44 characters, the quote 45
      {id: "jsx", line: 5, column: 34}, // "const p = <p>It's {loadStory(f, " is 32 characters, the quote 33
      {id: "js", line: 9, column: 15} // 'loadStory(f, ' is 13 characters, the quote 14
    ]);
  });
});

describe("pageScenarioIdErrors", () => {
  it("is an error per unknown id at its page's line, with the closest id; none for a known one", () => {
    mkdirSync(join(dir, "docs/part"), {recursive: true});
    mkdirSync(join(dir, "docs/components"), {recursive: true});
    writeFileSync(join(dir, "docs/report.md"), '```js\nconst s = await loadStory(f, "my-scenario");\n```\n');
    writeFileSync(join(dir, "docs/part/ok.md"), '```js\nconst s = await loadStory(f, "base");\n```\n');
    const errors = pageScenarioIdErrors(join(dir, "docs"), ["base", "my-scenari0"]);
    expect(errors.map((error) => error.message)).toEqual([
      `${join(dir, "docs/report.md")}:2:31: the page reads a scenario no scenario file gives: expected the id of ` +
        "one of the site's scenarios (base, my-scenari0), found my-scenario (did you mean my-scenari0? If a scenario " +
        "file was renamed or removed, write its new id here, or the id of another scenario)"
    ]);
    expect(pageScenarioIdErrors(join(dir, "no-docs"), ["base"])).toEqual([]);
  });

  it("reads pages in lib and components folders, which Framework builds, but not in its .observablehq cache", () => {
    const docs = join(dir, "folders/docs");
    for (const folder of ["components", "part/lib", ".observablehq/cache", "part/.observablehq"]) {
      mkdirSync(join(docs, folder), {recursive: true});
      writeFileSync(
        join(docs, folder, "page.md"),
        `\`\`\`js\nloadStory(f, "${folder.replace(/\W/g, "-")}");\n\`\`\`\n`
      );
    }
    expect(pageScenarioIdErrors(docs, ["base"]).map((error) => error.detail.found)).toEqual(["components", "part-lib"]);
  });

  it("finds every bundled page's scenario among the bundled scenarios", () => {
    const ids = loadScenarioLibrary().index.ids;
    expect(pageScenarioIdErrors(join(import.meta.dirname, "../../../docs"), ids)).toEqual([]);
  });
});
