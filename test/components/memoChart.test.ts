import {describe, expect, it} from "vitest";
import {memoChart} from "../../docs/components/memoChart.js";

/** A stand-in chart: a fresh object per draw, counting the draws. */
function counted() {
  let draws = 0;
  const render = (rows: readonly unknown[], options: Record<string, unknown> = {}) =>
    ({draw: ++draws, rows, options}) as unknown as Element;
  return {render, draws: () => draws};
}

describe("memoChart", () => {
  it("gives back the last element for the same rows and options, and draws again when they change", () => {
    const {render, draws} = counted();
    const draw = memoChart(render);
    const first = draw([{x: 1, y: 2}], {width: 640});
    expect(draw([{x: 1, y: 2}], {width: 640})).toBe(first);
    expect(draws()).toBe(1);
    const wider = draw([{x: 1, y: 2}], {width: 700});
    expect(wider).not.toBe(first);
    expect(draw([{x: 1, y: 3}], {width: 700})).not.toBe(wider);
    expect(draws()).toBe(3);
  });

  it("tells NaN, ±Infinity, null and undefined apart, and functions by their source", () => {
    const {render, draws} = counted();
    const draw = memoChart(render);
    for (const y of [NaN, Infinity, -Infinity, null, undefined, 0]) draw([{y}]);
    expect(draws()).toBe(6);
    draw([], {format: (v: number) => `${v} USD`});
    draw([], {format: (v: number) => `${v} USD`});
    expect(draws()).toBe(7);
    draw([], {format: (v: number) => `${v} MUSD`});
    expect(draws()).toBe(8);
  });
});
