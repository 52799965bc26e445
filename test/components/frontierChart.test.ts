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

  it("never draws a label over another, nor nearer another dot than its own, where the curve's top is crowded", () => {
    // The base scenario's flat top at 1280 px, px as drawn before the x axis's inset: 372 at the left end, on the
    // plot's edge, 256 just right of it, then 128 and the served 64. "372" sat under 256's dot, crowding "128".
    const spots: Record<number, {x: number; y: number}> = {
      372: {x: 60, y: 110},
      256: {x: 72, y: 111},
      128: {x: 104, y: 114},
      64: {x: 153, y: 120},
      32: {x: 212, y: 130}
    };
    const rows = [32, 64, 128, 256, 372].map((b) => ({...row(b, 1), outputTokensPerSecondPerChip: b}));
    const at = (r: {outputTokensPerSecondPerUser: number | null; outputTokensPerSecondPerChip: number}) =>
      spots[r.outputTokensPerSecondPerChip]!;
    for (const width of [260, 320, 414, 640]) {
      const placed = placeBatchLabels(rows, 64, [], at, {width, height: 300, tickRows: [95, 117, 171]});
      const boxes = placed.map((l) => {
        const w = String(l.row.batchSize).length * 6 + 3;
        const {x, y} = spots[l.row.batchSize]!;
        const left = x + l.dx - (l.textAnchor === "start" ? 0 : l.textAnchor === "end" ? w : w / 2);
        return {batch: l.row.batchSize, x0: left, x1: left + w, y0: y + l.dy - 6, y1: y + l.dy + 6};
      });
      expect(placed.map((l) => l.row.batchSize)).toContain(372);
      for (const a of boxes) {
        for (const b of boxes) {
          if (a === b) continue;
          const apart = a.x1 <= b.x0 || b.x1 <= a.x0 || a.y1 <= b.y0 || b.y1 <= a.y0;
          expect(apart, `${a.batch} and ${b.batch} at ${width} px`).toBe(true);
        }
        const [cx, cy] = [(a.x0 + a.x1) / 2, (a.y0 + a.y1) / 2];
        const distance = (b: number) => Math.hypot(spots[b]!.x - cx, spots[b]!.y - cy);
        const nearest = Object.keys(spots)
          .map(Number)
          .sort((p, q) => distance(p) - distance(q))[0];
        expect(nearest, `${a.batch}'s label at ${width} px`).toBe(a.batch);
      }
    }
  });
});
