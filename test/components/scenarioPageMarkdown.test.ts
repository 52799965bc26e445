// The scenario page's Markdown (docs/components/scenarioPageMarkdown.ts), printed by this site's page loader and by a
// report project's: the same page, only the import specifiers differ. A project's page can only import what the
// package exports, so every name it imports from `token-ledger` must be in the library's entry (src/index.ts) and
// every component it names must exist.
import {existsSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import * as library from "../../src/index.js";
import {scenarioPageMarkdown} from "../../docs/components/scenarioPageMarkdown.js";
import {checkScenarioFiles} from "../../src/node/scenarioCheck.js";
import {glossaryPageMarkdown} from "../../src/node/glossary.js";
import {REPO_ROOT} from "../projectCopy.js";
import {siteMentions} from "../siteMentions.js";

const check = checkScenarioFiles();

/** Each `import {…} from "…"` of the page's code: the names and the specifier. */
function pageImports(markdown: string): {names: string[]; from: string}[] {
  return [...markdown.matchAll(/^import \{([^}]*)\} from "([^"]+)";$/gm)].map((match) => ({
    names: match[1]!.split(",").map((name) => name.trim()),
    from: match[2]!
  }));
}

describe("scenarioPageMarkdown", () => {
  const repository = scenarioPageMarkdown("asic-9-months", check, "v1", "repository");
  const pkg = scenarioPageMarkdown("asic-9-months", check, "v1", "package");

  it("prints the same page for a project, with the package's specifiers and no stylesheet link", () => {
    const specifiers = pageImports(pkg).map((i) => i.from);
    expect(specifiers.length).toBeGreaterThan(20);
    for (const from of specifiers) expect(from).toMatch(/^token-ledger(\/components\/[\w]+\.js)?$/);
    expect(pkg).not.toContain("../components/");
    expect(pkg).not.toContain("../lib/");
    expect(pkg).toContain('import.meta.resolve("token-ledger/components/scenarioRunWorker.js")');
    expect(repository).toContain('<link rel="stylesheet" href="../components/scenarioStyle.css">');
    // Everything else is the same text.
    const neutral = (markdown: string) =>
      markdown
        .replace(/^import \{[^}]*\} from "[^"]+";$/gm, "import")
        .replace(/import\.meta\.resolve\("[^"]+"\)/, "resolve")
        .replace('<link rel="stylesheet" href="../components/scenarioStyle.css">\n', "");
    expect(neutral(pkg)).toBe(neutral(repository));
  });

  it("imports in a project only what the package exports: the library entry's names and existing components", () => {
    for (const {names, from} of pageImports(pkg)) {
      if (from === "token-ledger") {
        for (const name of names) expect(library, `${name} from token-ledger`).toHaveProperty(name);
      } else {
        const file = from.replace("token-ledger/components/", "docs/components/").replace(/\.js$/, ".ts");
        expect(existsSync(join(REPO_ROOT, file)), file).toBe(true);
      }
    }
  });

  it("lists a file's errors, and says when no file has the id any longer", () => {
    const broken = {
      ...check,
      files: [{...check.files[0]!, name: "broken", errors: [new Error("data/scenarios/broken.md:3:1: bad")]}]
    } as unknown as typeof check;
    const page = scenarioPageMarkdown("broken", broken, "v1", "package");
    expect(page).toContain("data/scenarios/broken.md:3:1: bad");
    expect(page).not.toContain("stylesheet");
    expect(scenarioPageMarkdown("gone", check, "v1", "package")).toContain("data-missing");
  });
});

describe("glossaryPageMarkdown", () => {
  const site = readFileSync(join(REPO_ROOT, "docs/glossary.md"), "utf8");
  const project = glossaryPageMarkdown();

  it("has every term and anchor of this site's glossary, which the scenario page's terms link to", () => {
    const anchors = (markdown: string) => [...markdown.matchAll(/<span id="([\w-]+)">/g)].map((m) => m[1]);
    expect(anchors(project)).toEqual(anchors(site));
    expect(anchors(project)).toContain("nre");
  });

  it("leaves out what only this site has (its chapters, its bundled scenarios), which this site's page keeps", () => {
    // An author's trial: "Chapter 2's base case" and "the 9- and 24-month scenarios" in a project's glossary.
    expect(site).toContain("[Chapter 2](./training-vs-inference)'s base case shows them all.");
    expect(site).toContain("(the 9- and 24-month scenarios' NPV gap ÷ 15 months)");
    expect(siteMentions(project)).toEqual([]);
    expect(project).toContain("not every draw has them. |");
    expect(project).toContain("The average over a longer cut can differ. |");
    expect(project).not.toContain('class="site-only"');
    // No link to a page of this site is left (any other would be reduced to its words).
    expect(project).not.toMatch(/\]\((\.{1,2})?\//);
  });
});
