// @vitest-environment jsdom
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {describe, expect, it} from "vitest";
import {GLOSSARY_PATH, Term} from "../../docs/components/glossaryTerm.js";
import {SCENARIO_KEYS, type ScenarioKeyDef} from "../../src/scenario/file/schema.js";

/** docs/, from the repository root, where vitest runs (jsdom gives import.meta.url no file scheme). */
const DOCS = join(process.cwd(), "docs");

/** The anchors the glossary's rows carry: `<span id="nre"></span>**NRE**`. */
const glossaryAnchors = (markdown: string): Set<string> =>
  new Set([...markdown.matchAll(/<span id="([^"]+)"><\/span>/g)].map((m) => m[1]!));

/** The anchors a page's source names: `Term("nre", …)` (also `$\{Term(` in a generated page) and `glossary#nre`. */
const linkedAnchors = (source: string): string[] => [
  ...[...source.matchAll(/\bTerm\(\s*"([^"]+)"/g)].map((m) => m[1]!),
  ...[...source.matchAll(/glossary#([\w-]+)/g)].map((m) => m[1]!)
];

/** "page: anchor" for every anchor a page names that the glossary does not have. */
const missingAnchors = (pages: Record<string, string>, glossary: Set<string>): string[] =>
  Object.entries(pages).flatMap(([page, source]) =>
    linkedAnchors(source)
      .filter((anchor) => !glossary.has(anchor))
      .map((anchor) => `${page}: ${anchor}`)
  );

/** Every page of the site: docs/*.md, and the scenario page (its Markdown, components/scenarioPageMarkdown.ts). */
const PAGES: Record<string, string> = Object.fromEntries(
  [
    ...readdirSync(DOCS).filter((name) => name.endsWith(".md") || name.endsWith(".md.ts")),
    "components/scenarioPageMarkdown.ts"
  ].map((name) => [name, readFileSync(join(DOCS, name), "utf8")])
);
const GLOSSARY = glossaryAnchors(PAGES["glossary.md"]!);

/** The bundled scenarios' narratives, which link the glossary in Markdown: `[KV cache](../glossary#kv-cache)`. */
const SCENARIOS_DIR = join(process.cwd(), "data", "scenarios");
const SCENARIOS: Record<string, string> = Object.fromEntries(
  readdirSync(SCENARIOS_DIR)
    .filter((name) => name.endsWith(".md"))
    .map((name) => [name, readFileSync(join(SCENARIOS_DIR, name), "utf8")])
);

describe("glossary links", () => {
  it("gives every row of the glossary's table an anchor", () => {
    const rows = PAGES["glossary.md"]!.split("\n").filter(
      (line) => line.startsWith("| ") && !line.startsWith("| Term")
    );
    expect(rows.length).toBeGreaterThan(25);
    for (const row of rows.filter((line) => !line.startsWith("| ---")))
      expect(row).toMatch(/^\| <span id="[\w-]+"><\/span>/);
    expect(GLOSSARY.size).toBe(rows.length - 1);
  });

  it("names only anchors the glossary has, on every page", () => {
    expect(missingAnchors(PAGES, GLOSSARY)).toEqual([]);
  });

  it("names only anchors the glossary has, in every bundled scenario's narrative", () => {
    expect(missingAnchors(SCENARIOS, GLOSSARY)).toEqual([]);
    // deepseek-one-day's narrative links its jargon (new-user trial: "no glossary links in scenario narratives").
    const linked = linkedAnchors(SCENARIOS["deepseek-one-day.md"]!);
    for (const anchor of ["prefill-decode", "expert-all-to-all", "kv-cache", "attention-data-parallel", "mlperf"])
      expect(linked).toContain(anchor);
  });

  it("names only anchors the glossary has, and words the label has, in the schema's slider labels", () => {
    // A scenario page's slider links the words its key's schema entry names (keyControls.ts labelNodes).
    const named = (SCENARIO_KEYS as readonly ScenarioKeyDef[]).filter((def) => def.glossary);
    expect(named.map((def) => def.path)).toContain("silicon.nre");
    for (const def of named) {
      expect(GLOSSARY, def.path).toContain(def.glossary!.anchor);
      expect(def.label, def.path).toContain(def.glossary!.words);
    }
  });

  it("reports an anchor the glossary does not have", () => {
    // The check above would fail for a page that linked a term the glossary lacks, or misspelt one.
    const pages = {
      "page.md": 'the ${Term("nre", "NRE")} and the ${Term("no-such-term", "jargon")}; [x](/glossary#nrre)'
    };
    expect(missingAnchors(pages, GLOSSARY)).toEqual(["page.md: no-such-term", "page.md: nrre"]);
  });

  it("links the field's jargon from the chapters and the scenario page", () => {
    const chapters = [
      "index.md",
      "token-economics.md",
      "training-vs-inference.md",
      "inference-tax.md",
      "custom-silicon.md",
      "moat.md",
      "flywheel.md",
      "components/scenarioPageMarkdown.ts"
    ];
    for (const page of chapters) expect(linkedAnchors(PAGES[page]!).length, page).toBeGreaterThan(0);
    const linked = new Set(chapters.flatMap((page) => linkedAnchors(PAGES[page]!)));
    // fp8-bf16: chapter 1 opened "serves Llama 3.1 405B in FP8" with no word what FP8 is (reader's audit).
    const jargon = ["nre", "pue", "hbm", "mfu", "mtok", "ttft-tpot", "kv-cache", "tp-ep", "p5-p95", "npv", "fp8-bf16"];
    for (const anchor of [...jargon, "payback-month", "crossover", "cost-of-capital"])
      expect(linked, anchor).toContain(anchor);
  });

  it("Term links the glossary's entry and keeps the sentence's colour, underlined as a link", () => {
    const a = Term("kv-cache", "KV cache");
    expect(a.getAttribute("href")).toBe(`${GLOSSARY_PATH}#kv-cache`);
    expect(a.textContent).toBe("KV cache");
    expect(a.style.color).toBe("inherit");
    // A solid underline in the links' colour, not a dotted one (which read as an <abbr>; reader's audit).
    expect(a.style.textDecorationStyle).toBe("solid");
    expect(a.style.textDecorationColor).toBe("var(--theme-foreground-focus)");
    // 2 px, off the letters: a 1 px line read at 1× as a plain dark underline (new-user trial); hover in link blue.
    expect(a.style.textDecorationThickness).toBe("2px");
    expect(document.head.querySelectorAll("style[data-glossary-term]").length).toBe(1);
    Term("nre", "NRE");
    expect(document.head.querySelectorAll("style[data-glossary-term]").length).toBe(1);
    expect(GLOSSARY.has("kv-cache")).toBe(true);
  });

  it("links the glossary of the site the page is on, when the site is served under a path (author trial)", () => {
    // A page of a site served from https://user.github.io/my-report/: Framework links its client module relatively,
    // which the browser resolves under the site's path.
    const link = Object.assign(document.createElement("link"), {
      rel: "modulepreload",
      href: "https://user.github.io/my-report/_observablehq/client.d10d8454.js"
    });
    document.head.append(link);
    try {
      expect(Term("nre", "NRE").getAttribute("href")).toBe("/my-report/glossary#nre");
    } finally {
      link.remove();
    }
    expect(Term("nre", "NRE").getAttribute("href")).toBe("/glossary#nre");
  });
});
