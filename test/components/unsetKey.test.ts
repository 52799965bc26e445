// @vitest-environment jsdom
// A key taken back to its default by `null` on a scenario page: its origin, its row, a share link's and a download's.
import {describe, expect, it} from "vitest";
import {assumptionRows, describeOrigin, editedScenarioMarkdown, originAt} from "../../docs/components/scenarioPage.js";
import {ScenarioAssumptionsTable} from "../../docs/components/scenarioAssumptionsTable.js";
import {NarrativeChangedNote} from "../../docs/components/narrativeChangedNote.js";
import {applyShareSets} from "../../docs/components/urlState.js";
import {parseScenario} from "../../src/scenario/file/parseScenario.js";
import {resolveScenario} from "../../src/scenario/resolve/resolveScenario.js";
import {scenarioIndex} from "../../src/scenario/resolve/scenarioIndex.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";

const inFile = {kind: "file", scenario: "kid", file: "data/scenarios/kid.md", line: 4, column: 12} as const;
const inParent = {kind: "parent", scenario: "base", file: "data/scenarios/base.md", line: 9, column: 3} as const;
const onPage = {kind: "override", flag: "URL", written: "serving.kvCache=null", replaced: "bf16"} as const;

describe("describeOrigin and originAt for a default a null took back", () => {
  it("say it is the default and where it was unset", () => {
    expect(describeOrigin({kind: "default", unset: inFile})).toBe("default: unset in this scenario's file");
    expect(describeOrigin({kind: "default", unset: inParent}, {base: "Base case"})).toBe("default: unset in Base case");
    expect(describeOrigin({kind: "default", unset: onPage})).toBe("default: unset on this page (URL)");
    expect(originAt({kind: "default", unset: inFile})).toBe("data/scenarios/kid.md:4, scenario id kid");
    expect(originAt({kind: "default", unset: onPage})).toBe("");
  });
});

describe("a scenario page's assumptions table", () => {
  it("lists the key among the values set, at its default, not in the collapsed defaults", () => {
    const index = scenarioIndex([
      parseScenario({file: "parent.md", text: "---\nserving.kvCache: bf16\n---\n"}),
      parseScenario({file: "kid.md", text: "---\nextends: parent\nserving.kvCache: null\n---\n"})
    ]);
    const kid = resolveScenario("kid", index.lookup, index.ids);
    const rows = assumptionRows(kid);
    // kid.md writes one key: it is the first row (compareByOrigin), unset, with its origin said, at the value the model
    // gives it under base's fp8 weights (DEFAULT_KV_CACHE_DTYPE, precision.ts) and why.
    expect(rows[0]).toMatchObject({
      path: "serving.kvCache",
      value: "FP8 (default for fp8 weights)",
      origin: "default: unset in this scenario's file",
      originAt: "kid.md:3, scenario id kid",
      originKind: "default",
      unset: true
    });
    const table = ScenarioAssumptionsTable(rows);
    const visible = table.querySelector(":scope > .scenario-table-wrap")!;
    expect([...visible.querySelectorAll("tr[data-key]")].map((tr) => tr.getAttribute("data-key"))).toEqual([
      "serving.kvCache"
    ]);
    expect(table.querySelector("details tr[data-key='serving.kvCache']")).toBeNull();
  });
});

describe("a share link's serving.kvCache=null on deepseek-one-day (which sets bf16)", () => {
  const filed = loadScenarioLibrary().resolve("deepseek-one-day");
  const {resolved, applied, ignored} = applyShareSets(filed, ["serving.kvCache=null"]);

  it("is applied and kept in the link, the key at its default", () => {
    expect(ignored).toEqual([]);
    expect(applied).toEqual(["serving.kvCache=null"]);
    expect(resolved.values["serving.kvCache"]!.value).toBeNull();
  });

  it("is named in the note above the narrative", () => {
    // The schema's label "KV-cache format" and choice name "BF16"; the unset key at the FP8 cache the model gives fp8
    // weights (DEFAULT_KV_CACHE_DTYPE, precision.ts), and why.
    const items = [...NarrativeChangedNote(filed, resolved).querySelectorAll("li")].map((li) => li.textContent);
    expect(items).toEqual(["KV-cache format: FP8 (default for fp8 weights); as filed, BF16"]);
  });

  it("is written as null in the downloaded scenario, without a source, and parses back unset", () => {
    const text = editedScenarioMarkdown(resolved, applied);
    expect(text).toMatch(/^ {2}kvCache: null$/m);
    const parsed = parseScenario({file: "deepseek-one-day-edited.md", text});
    expect(parsed.unset["serving.kvCache"]?.written).toBe("null");
    expect(parsed.values).toEqual({});
    expect(parsed.sources).toEqual({});
  });
});
