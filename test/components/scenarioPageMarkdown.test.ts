// The scenario page's Markdown (docs/components/scenarioPageMarkdown.ts), printed by this site's page loader and by a
// report project's: the same page, only the import specifiers differ. A project's page can only import what the
// package exports, so every name it imports from `token-ledger` must be in the library's entry (src/index.ts) and
// every component it names must exist.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it, vi} from "vitest";
import * as library from "../../src/index.js";
import {scenarioPageMarkdown} from "../../docs/components/scenarioPageMarkdown.js";
import {checkScenarioFiles} from "../../src/node/scenarioCheck.js";
import {glossaryPageMarkdown} from "../../src/node/glossary.js";
import {scenarioPages} from "../../src/node/sitePages.js";
import {escapeHtml} from "../../docs/components/escapeHtml.js";
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

  it("gives a short cost-by-part chart a full-width card, never a half beside a taller chart (new-user trial)", () => {
    const base = scenarioPageMarkdown("base", check, "v1", "repository");
    // Each grid of paired cards and the charts in it; every other card stands alone at full width.
    const grids = [...base.matchAll(/<div class="grid grid-cols-2 scenario-charts">([\s\S]*?)\n<\/div>\n/g)].map((m) =>
      [...m[1]!.matchAll(/data-chart="([\w-]+)"/g)].map((c) => c[1])
    );
    const charts = [...base.matchAll(/<div class="card" data-chart="([\w-]+)"/g)].map((m) => m[1]);
    expect(charts).toContain("cost");
    expect(grids.flat()).not.toContain("cost");
    expect(grids.flat()).not.toContain("silicon-cost");
    for (const grid of grids) expect(grid.length % 2).toBe(0);
  });

  it("says its spend charts price inference on merchant chips, custom silicon or not (strategy reader's trial)", () => {
    // asic-9-months drew the same inference bill as base, with no word why, beside a custom chip that serves it for
    // less: the metric's label says "merchant chips throughout"; the two charts of the same spend say so too.
    const subtitle = (chart: string) =>
      repository.match(
        new RegExp(`<div class="card[^"]*" data-chart="${chart}"[^>]*>[\\s\\S]*?<h3>([\\s\\S]*?)</h3>`)
      )?.[1];
    expect(subtitle("spend-band")).toContain("every token priced on merchant chips, custom silicon or not");
    expect(subtitle("spend")).toContain("inference priced on merchant chips, custom silicon or not");
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
    expect(scenarioPageMarkdown("gone", check, "v1", "package")).toContain("any\nlonger");
  });

  it("says of a bundled scenario a project's page route reaches that it is bundled, not gone (new-user trial)", () => {
    // In a report project, base is a parent the files may extend; no file of the project has its name.
    const project = {...check, files: check.files.filter((f) => f.name !== "base")} as typeof check;
    const page = scenarioPageMarkdown("base", project, "v1", "package");
    expect(page).toContain("<code>base</code> is a scenario bundled with token-ledger");
    expect(page).not.toContain("any\nlonger");
  });
});

describe("a scenario file's page and its entry in the navigation", () => {
  // An author's trial: a file that failed to load got a page titled by its id, the sidebar its front matter's title.
  const files: Record<string, string> = {
    // A wrong key: the title still reads, as an escaped YAML string.
    "wrong-key": '---\ntitle: "Cheaper power: a \\"draft\\""\nextends: base\nserving.utilisation: 0.5\n---\n',
    // A wrong key and no title: the file's id, which is not its name.
    "named-file": "---\nid: its-id\nextends: base\nserving.utilisation: 0.5\n---\n",
    // Malformed YAML: nothing reads, so the file's name.
    malformed: "---\ntitle: Half-edited\nserving: [0.5\n---\n"
  };
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), "token-ledger-titles-"));
    mkdirSync(join(project, "data/scenarios"), {recursive: true});
    for (const [name, text] of Object.entries(files)) writeFileSync(join(project, `data/scenarios/${name}.md`), text);
    vi.stubEnv("TOKEN_LEDGER_PROJECT", project);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(project, {recursive: true, force: true});
  });

  it("has one name, the file's title where it reads (even beside an error), else its id", () => {
    const check = checkScenarioFiles();
    const navigation = new Map(scenarioPages().map((page) => [page.path, page.name]));
    const titles = Object.keys(files).map((name) => {
      const page = scenarioPageMarkdown(name, check, "v1", "package");
      const heading = /^# (.*)$/m.exec(page)?.[1];
      const title = JSON.parse(/^title: (.*)$/m.exec(page)![1]!) as string;
      expect(title).toMatch(/: \d+ errors?$/);
      expect(title.replace(/: \d+ errors?$/, "")).toBe(navigation.get(`/scenarios/${name}`));
      expect(heading).toBe(escapeHtml(navigation.get(`/scenarios/${name}`)!));
      return navigation.get(`/scenarios/${name}`);
    });
    expect(titles).toEqual(['Cheaper power: a "draft"', "its-id", "malformed"]);
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
