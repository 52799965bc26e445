import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {componentStyles, scenarioPagePaths, scenarioPages, sitePages} from "../../src/node/sitePages.js";

let docs: string;
beforeAll(() => {
  docs = join(mkdtempSync(join(tmpdir(), "token-ledger-pages-")), "docs");
  const write = (path: string, text: string) => {
    mkdirSync(join(docs, path, ".."), {recursive: true});
    writeFileSync(join(docs, path), text);
  };
  write("index.md", "# Home\n");
  write("404.md", "# Page not found\n");
  write("report.md", "---\ntitle: What a token costs\n---\n\n# Something else\n");
  write("notes.md", "Some text\n\n# Field notes\n");
  write("chips/h200.md", "# The H200\n");
  write("reference.md.ts", "process.stdout.write('# x')\n");
  write("glossary.md.ts", "process.stdout.write('# x')\n");
  write("scenarios/[id].md.ts", "");
  write("components/chart.md", "# not a page\n");
  write("data/site.json.ts", "");
  write("_draft.md", "# hidden\n");
});
afterAll(() => rmSync(join(docs, ".."), {recursive: true, force: true}));

describe("sitePages", () => {
  it("lists every page of docs/ (not the front page or the 404 page) by its title, top level first, then a section per folder, then the scenarios", () => {
    const pages = sitePages({root: docs});
    expect(pages.slice(0, 2)).toEqual([
      {name: "Field notes", path: "/notes"},
      {name: "What a token costs", path: "/report"}
    ]);
    expect(pages[2]).toEqual({name: "Chips", pages: [{name: "The H200", path: "/chips/h200"}]});
    // This repository's own scenario files: one page each, named by the file's title.
    expect(pages[3]).toEqual({name: "Scenarios", pages: scenarioPages()});
    // token-ledger's reference pages last (a new project's glossary and reference loaders), named as they are titled.
    expect(pages[4]).toEqual({
      name: "Reference",
      pages: [
        {name: "Scenario file reference", path: "/reference"},
        {name: "Glossary", path: "/glossary"}
      ]
    });
    expect(scenarioPagePaths()).toContain("/scenarios/base");
  });

  it("names each scenario page by its file's title, not its id", () => {
    const pages = scenarioPages();
    expect(pages.map((page) => page.path)).toEqual(scenarioPagePaths());
    expect(pages).toContainEqual({
      name: "Custom inference ASIC, 9-month design cycle",
      path: "/scenarios/asic-9-months"
    });
    expect(pages.find((page) => page.path === "/scenarios/base")?.name).toBe("Base case — merchant GPUs");
  });

  it("lists base first, then the rest in natural order: the 9-month ASIC before the 24-month one", () => {
    const paths = scenarioPages().map((page) => page.path);
    expect(paths[0]).toBe("/scenarios/base");
    expect(paths.indexOf("/scenarios/asic-9-months")).toBeLessThan(paths.indexOf("/scenarios/asic-24-months"));
  });

  it("keeps an explicit list as given and appends what it leaves out", () => {
    const explicit = [{name: "Report", pages: [{name: "The report", path: "/report"}]}];
    const pages = sitePages({root: docs, explicit});
    expect(pages[0]).toEqual(explicit[0]);
    expect(pages.at(-1)).toEqual({
      name: "More pages",
      pages: [
        {name: "The H200", path: "/chips/h200"},
        {name: "Glossary", path: "/glossary"},
        {name: "Field notes", path: "/notes"},
        {name: "Scenario file reference", path: "/reference"}
      ]
    });
  });

  it("inlines the print styles for a config's head", () => {
    const style = componentStyles(["print.css"]);
    expect(style).toMatch(/^<style>/);
    expect(style).toContain("@media print");
  });
});
