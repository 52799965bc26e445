import {describe, expect, it} from "vitest";
import {tipPlacement} from "../../docs/components/systemComparisonChart.js";

describe("tipPlacement", () => {
  it("puts the tooltip above a dot with room above, and below one near the top", () => {
    expect(tipPlacement(300, 250, 640, 320)).toEqual({anchor: "bottom", dx: 0, dy: -8});
    expect(tipPlacement(300, 40, 640, 320)).toEqual({anchor: "top", dx: 0, dy: 8});
  });

  it("turns a phone's tooltip to the side of a dot near the chart's edge that has room (GB200 at 390 px)", () => {
    // A 330 px chart: GB200 at x 270 has no room for a 225 px tip centred on it, nor to its right.
    expect(tipPlacement(270, 220, 330, 320).anchor).toBe("bottom-right");
    expect(tipPlacement(70, 220, 330, 320).anchor).toBe("bottom-left");
    expect(tipPlacement(70, 40, 330, 320).anchor).toBe("top-left");
  });

  it("ends the tip's pointer off the dot, whichever way it turns", () => {
    for (const [x, y] of [
      [300, 250],
      [300, 40],
      [270, 220],
      [70, 40],
      [160, 160]
    ] as const) {
      const {dx, dy} = tipPlacement(x, y, 330, 320);
      expect(Math.hypot(dx, dy), `${x}, ${y}`).toBeGreaterThan(6);
    }
  });
});
