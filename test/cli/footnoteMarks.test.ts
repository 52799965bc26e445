// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {ScenarioMetricsTable, metricNotes} from "../../docs/components/scenarioMetrics.js";
import {metricRows} from "../../docs/components/scenarioPage.js";
import {runScenarioRequest} from "../../src/node/scenarioRun.js";
import {FOOTNOTE_MARKS} from "../../src/scenario/run/footnoteMarks.js";
import {runCli} from "./runCli.js";

const FEW = ["--samples", "200"];

describe("FOOTNOTE_MARKS", () => {
  it("gives every note a mark of its own", () => {
    const marks = Object.values(FOOTNOTE_MARKS);
    expect(new Set(marks).size).toBe(marks.length);
  });
});

describe("one footnote, one mark", () => {
  it("marks 'the same figure twice' alike in run, compare and the scenario page", async () => {
    // openai-2024 buys its custom chip at cost (silicon.partnerMargin 0): the inference tax is the vendor's share.
    // It read ‡ in `run`, ¶ in `compare`, † on the page, where ‡ marked the cost lead's note (new-user trial).
    const mark = FOOTNOTE_MARKS.vendorShare;
    const run = (await runCli(["run", "openai-2024", ...FEW])).stdout;
    expect(run).toMatch(new RegExp(`vendor gross profit, share of token cost ${mark}`));
    expect(run).toContain(`${mark} The same figure twice`);
    const compare = (await runCli(["compare", "base", "openai-2024", ...FEW])).stdout;
    expect(compare).toMatch(new RegExp(`vendor gross profit, share of token cost +[\\d.]+% ${mark} +[\\d.]+% ${mark}`));
    expect(compare).toMatch(new RegExp(`\n${mark} (base and )?openai-2024: The same figure twice`));

    const {resolved, result} = runScenarioRequest({scenario: "openai-2024", samples: 200});
    const table = ScenarioMetricsTable(metricRows(result.metrics), {notes: metricNotes(resolved, result.metrics)});
    const markOf = (metric: string) =>
      table.querySelector(`[data-testid="metric-note-${metric}"]`)?.textContent ?? null;
    expect(markOf("vendorShareOfTokenCost")).toBe(mark);
    expect(markOf("inferenceTaxShare")).toBe(mark);
    expect(markOf("costLeadValueUsd")).toBe(FOOTNOTE_MARKS.derivedCostLead);
    const footnotes = [...table.querySelectorAll(".scenario-footnotes p")].map((p) => p.textContent!);
    expect(footnotes.filter((text) => text.includes("The same figure twice"))).toEqual([
      expect.stringMatching(new RegExp(`^${mark} The same figure twice`))
    ]);
  });
});
