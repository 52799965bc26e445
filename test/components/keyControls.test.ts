import {describe, expect, it} from "vitest";
import {inRange} from "../../src/scenario/file/keyRange.js";
import {controlBounds, controlToBase, KEY_CONTROLS} from "../../docs/components/keyControls.js";
import {keyRange, scenarioKey} from "../../src/scenario/file/schema.js";
import {SCENARIO_PAGE_SAMPLES} from "../../docs/components/scenarioPage.js";
import {SITE_SAMPLES} from "../../src/node/siteData.js";

describe("KEY_CONTROLS", () => {
  it.each(KEY_CONTROLS.map((control) => [control.path, control] as const))(
    "%s: both ends and every step lie inside the key's range",
    (path, control) => {
      const def = scenarioKey(path);
      expect(def, path).toBeDefined();
      const range = keyRange(def!);
      expect(control.min).toBeLessThan(control.max);
      expect(inRange(controlToBase(control, control.min), range)).toBe(true);
      expect(inRange(controlToBase(control, control.max), range)).toBe(true);
      expect(Number.isInteger(Math.round((control.max - control.min) / control.step))).toBe(true);
    }
  );
});

describe("controlBounds", () => {
  const nre = KEY_CONTROLS.find((control) => control.path === "silicon.nre")!;
  const utilization = KEY_CONTROLS.find((control) => control.path === "serving.utilization")!;

  it("widens the slider to include the scenario's value", () => {
    expect(controlBounds(nre, 5e9)).toEqual({min: 10, max: 5000});
    expect(controlBounds(nre, 1e6)).toEqual({min: 1, max: 2000});
  });

  it("never widens past the key's range", () => {
    expect(controlBounds(utilization, 0.5)).toEqual({min: 5, max: 100});
  });
});

describe("controlToBase", () => {
  it("removes binary noise", () => {
    expect(controlToBase(utilization(), 70)).toBe(0.7);
    expect(controlToBase(utilization(), 57)).toBe(0.57);
  });
});

describe("SCENARIO_PAGE_SAMPLES", () => {
  it("equals the static site's sample count, so a page's first render and its recomputation agree", () => {
    expect(SCENARIO_PAGE_SAMPLES).toBe(SITE_SAMPLES);
  });
});

function utilization() {
  return KEY_CONTROLS.find((control) => control.path === "serving.utilization")!;
}
