// @vitest-environment jsdom
// The throughput–latency frontier drawn from throughputLatencyFrontier's points: a request of one output token has
// no speed per user (servingPerformance: no decode step), so its points are not drawn and the chart says why.
import {describe, expect, it} from "vitest";
import {FrontierChart, type FrontierRow} from "../../docs/components/frontierChart.js";

const row = (batchSize: number, perUser: number | null): FrontierRow => ({
  batchSize,
  outputTokensPerSecondPerChip: 100 * batchSize,
  outputTokensPerSecondPerUser: perUser,
  timePerOutputTokenSeconds: 0.02,
  bound: "memory"
});

describe("FrontierChart", () => {
  it("draws a point and a label per batch when each has a speed per user", () => {
    const chart = FrontierChart([row(1, 50), row(2, 45), row(4, 40)], {width: 640});
    expect(chart.querySelectorAll("circle")).toHaveLength(3);
    expect(chart.textContent).not.toContain("No speed per user");
  });

  it("says there is no speed per user for requests of one output token instead of drawing an empty frame", () => {
    const chart = FrontierChart([row(1, null), row(2, null)], {width: 640, current: row(2, null)});
    expect(chart.querySelectorAll("circle")).toHaveLength(0);
    expect(chart.textContent).toContain("No speed per user: a request of one output token has no decode step");
  });
});
