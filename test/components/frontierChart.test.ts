// @vitest-environment jsdom
// The throughput–latency frontier drawn from throughputLatencyFrontier's points: a request of one output token has
// no speed per user (servingPerformance: no decode step), so its points are not drawn and the chart says why.
import {describe, expect, it} from "vitest";
import {FrontierChart, placeBatchLabels, type FrontierRow} from "../../docs/components/frontierChart.js";

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

  it("puts a batch label on a side of its dot clear of a measurement square, and the curve's left end first", () => {
    // Two points 100 px apart; a square just up and to the right of batch 1, where its label would go by default.
    const rows = [row(1, 50), row(8, 10)];
    const at = (r: {outputTokensPerSecondPerUser: number | null; outputTokensPerSecondPerChip: number}) =>
      r.outputTokensPerSecondPerChip === 100 ? {x: 300, y: 200} : {x: 200, y: 100};
    const square = {id: "m", outputTokensPerSecondPerUser: 60, outputTokensPerSecondPerChip: 150};
    const atWithSquare = (r: Parameters<typeof at>[0]) =>
      r.outputTokensPerSecondPerChip === 150 ? {x: 314, y: 193} : at(r);
    const free = placeBatchLabels(rows, undefined, [], at, {width: 640, height: 300});
    expect(free.find((l) => l.row.batchSize === 1)).toMatchObject({dx: 9, dy: -7, textAnchor: "start"});
    const placed = placeBatchLabels(rows, undefined, [square], atWithSquare, {width: 640, height: 300});
    const one = placed.find((l) => l.row.batchSize === 1)!;
    expect(one.dx === 9 && one.dy === -7).toBe(false);
    // The largest batch is labelled above its dot, off the curve, where nothing is in the way.
    expect(placed.find((l) => l.row.batchSize === 8)).toMatchObject({dx: 0, dy: -13, textAnchor: "middle"});
  });
});
