// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {isInRange} from "../../src/units/range.js";
import {
  controlBounds,
  controlToBase,
  controlToDisplay,
  keyControl,
  KeySlider,
  ScenarioControls,
  snapSlider,
  startBoxNumber,
  startStep,
  stretchText
} from "../../docs/components/keyControls.js";
import {formatAssumption} from "../../docs/components/format.js";
import {GENERAL_CONTROL_KEYS} from "../../docs/components/scenarioTopics.js";
import {keyRange, SCENARIO_KEYS, scenarioKey, type ScenarioKeyDef} from "../../src/scenario/file/schema.js";
import {SCENARIO_PAGE_SAMPLES} from "../../docs/components/scenarioPage.js";
import {SITE_SAMPLES} from "../../src/node/siteData.js";

const SLIDER_KEYS = (SCENARIO_KEYS as readonly ScenarioKeyDef[]).filter((def) => def.slider).map((def) => def.path);

describe("keyControl", () => {
  it.each(SLIDER_KEYS)("%s: both ends and every step of its schema slider lie inside the key's range", (path) => {
    const control = keyControl(path);
    const range = keyRange(scenarioKey(path)!);
    expect(control.min).toBeLessThan(control.max);
    expect(isInRange(controlToBase(control, control.min), range)).toBe(true);
    expect(isInRange(controlToBase(control, control.max), range)).toBe(true);
    expect(Number.isInteger(Math.round((control.max - control.min) / control.step))).toBe(true);
  });

  it("reads the label and slider from the schema, and refuses a key without one", () => {
    const def = scenarioKey("power.electricity")!;
    expect(keyControl("power.electricity")).toEqual({path: "power.electricity", label: def.label, ...def.slider});
    expect(() => keyControl("power.pue")).toThrow(/no slider in the schema: give its bounds in ratio, e\.g\./);
    expect(() => keyControl("power.nope")).toThrow(/unknown key/);
  });

  it("builds a slider from bounds for a key the schema gives none (a report page's power.pue failed in every cell)", () => {
    const label = (path: string) => scenarioKey(path)!.label;
    // (1.5 − 1) ÷ 100 = 0.005: the largest 1-2-5 step not above it is 0.005.
    expect(keyControl("power.pue", {min: 1, max: 1.5})).toEqual({
      path: "power.pue",
      label: label("power.pue"),
      unit: "",
      scale: 1,
      min: 1,
      max: 1.5,
      step: 0.005
    });
    // A fraction in %: 20–60% over 100 steps is 0.4 → 0.2 (2 × 10⁻¹).
    expect(keyControl("training.mfu", {min: 0.2, max: 0.6})).toMatchObject({
      unit: "%",
      scale: 100,
      min: 20,
      max: 60,
      step: 0.2
    });
    // Money by its upper bound: $100M = 100 USD millions, steps of (100 − 10) ÷ 100 = 0.9 → 0.5.
    expect(keyControl("silicon.respinCost", {min: 10e6, max: 100e6})).toMatchObject({
      unit: "USD millions",
      scale: 1e-6,
      min: 10,
      max: 100,
      step: 0.5
    });
    // A whole-number key steps by whole numbers: (8,192 − 128) ÷ 100 = 80.6 → 50.
    expect(keyControl("serving.inputTokens", {min: 128, max: 8192})).toMatchObject({unit: "tokens", step: 50});
    expect(keyControl("finance.usefulLife", {min: 3, max: 7})).toMatchObject({
      unit: "years",
      min: 3,
      max: 7,
      step: 0.02
    });
  });

  it("refuses bounds reversed or outside the key's range, and keys no slider can set, saying what to write", () => {
    expect(() => keyControl("power.pue", {min: 1.5, max: 1})).toThrow(
      /power\.pue's min must be below its max, both within the key's range \[1, 3\] in ratio \(found min 1\.5, max 1\)/
    );
    expect(() => keyControl("power.pue", {min: 0.5, max: 1.5})).toThrow(/within the key's range/);
    expect(() => keyControl("serving.hardware", {min: 0, max: 1})).toThrow(/a catalog id: no slider can set it/);
    expect(() => keyControl("serving.precision", {min: 0, max: 1})).toThrow(/a choice: no slider can set it/);
  });

  it("refuses bounds that are not finite numbers, not whole for a whole-number key, or too close (breaker)", () => {
    // Strings from page code read as "must be increasing and within [1, 3]" beside 1 and 2, both true.
    expect(() => keyControl("power.pue", {min: "1", max: "2"})).toThrow(
      /min and max must be finite numbers within the key's range \[1, 3\] in ratio \(found min "1", max "2"\)/
    );
    expect(() => keyControl("power.pue", {min: null, max: 2})).toThrow(/finite numbers/);
    expect(() => keyControl("power.pue", {min: 1, max: Infinity})).toThrow(/finite numbers/);
    // A rate's range is given in its base unit, with what 5%/yr is: bounds of 5 and 15 read as inside [0%, 100%].
    expect(() => keyControl("finance.discountRate", {min: 5, max: 15})).toThrow(
      /\(a number in per year: 0\.05 is 5%\/yr\)/
    );
    expect(() => keyControl("serving.tensorParallel", {min: 1.5, max: 8.5})).toThrow(/takes whole numbers/);
    expect(() => keyControl("power.pue", {min: 1, max: 1 + 1e-12})).toThrow(/too close for a slider/);
  });

  it("checks a page's bounds on a schema slider too, and names a missing bound (second-round trial)", () => {
    // Percentages for a fraction: serving.utilization's schema slider ran to 9,000%.
    expect(() => keyControl("serving.utilization", {min: 30, max: 90})).toThrow(
      /within the key's range \[0\.01, 1\] in fraction \(a number in fraction: 0\.05 is 5%\)/
    );
    expect(() => keyControl("serving.utilization", {max: 1.5})).toThrow(/found min undefined, max 1\.5/);
    expect(keyControl("serving.utilization", {max: 0.8})).toEqual(keyControl("serving.utilization"));
    expect(() => keyControl("finance.usefulLife", {min: 3})).toThrow(/\(max is missing\)$/);
    // Money per MW in USD millions/MW, as money in USD millions.
    expect(keyControl("finance.facilityCapexPerMw", {min: 5e6, max: 2e7})).toMatchObject({
      unit: "USD millions/MW",
      scale: 1e-6,
      min: 5,
      max: 20
    });
  });

  it("puts a built slider's ends on its steps' grid, inside the key's range, so each end can be reached (breaker)", () => {
    // (1.433 − 1.1) ÷ 100 = 0.00333 → step 0.002; 1.433 is not on the grid from 1.1 (166.5 steps): the top moves out
    // to 1.434, 167 steps.
    expect(keyControl("power.pue", {min: 1.1, max: 1.433})).toMatchObject({min: 1.1, max: 1.434, step: 0.002});
    // $1 to $1B in USD billions, step 0.005: the bottom moves to 0 ($0, in the key's range), not 1e-9.
    const respin = keyControl("silicon.respinCost", {min: 1, max: 1e9});
    expect(respin).toMatchObject({unit: "USD billions", min: 0, max: 1, step: 0.005});
    for (const [path, min, max] of [
      ["power.pue", 1.1, 1.433],
      ["finance.usefulLife", 0.5, 30],
      ["serving.inputTokens", 1, 1e8],
      ["silicon.respinCost", 1, 1e9]
    ] as const) {
      const control = keyControl(path, {min, max});
      const steps = (control.max - control.min) / control.step;
      expect(Math.abs(steps - Math.round(steps)), path).toBeLessThan(1e-6);
      expect(control.min, path).toBeLessThanOrEqual(min * control.scale);
      expect(isInRange(control.min / control.scale, keyRange(scenarioKey(path)!)), path).toBe(true);
      expect(isInRange(control.max / control.scale, keyRange(scenarioKey(path)!)), path).toBe(true);
    }
  });
});

describe("controlBounds", () => {
  const nre = keyControl("silicon.nre");
  const utilization = keyControl("serving.utilization");

  it("widens the slider to include the scenario's value, and above the max to twice the value", () => {
    // NRE's slider: $10–2,000M. $5B is past its max: the slider runs to $10B, so the reader can move it both ways.
    expect(controlBounds(nre, 5e9)).toEqual({min: 10, max: 10000});
    expect(controlBounds(nre, 1e6)).toEqual({min: 1, max: 2000});
    // deepseek-one-day's batch of 12,686 (data/scenarios/deepseek-one-day.md) on a 1–1,024 slider: to 25,372.
    expect(controlBounds(keyControl("serving.batch"), 12686)).toEqual({min: 1, max: 25372});
  });

  it("widens to the value itself where twice it is past the key's range", () => {
    // serving.cacheHit's slider ends at 95%; 97% doubled is past 100%, past the key's end.
    expect(controlBounds(keyControl("serving.cacheHit"), 0.97)).toEqual({min: 0, max: 97});
  });

  it("never widens past the key's range", () => {
    expect(controlBounds(utilization, 0.5)).toEqual({min: 5, max: 100});
  });

  it("widens to the value as the slider shows it, never a rounding above or below it", () => {
    // $1,234.56789 in k USD: the raw product is 1.2345678900000001, the slider's value 1.23456789 (breaker: the
    // bound above the value made the slider reject it, and /custom-silicon filled with NaN errors).
    const unitCost = keyControl("silicon.unitCost");
    expect(controlBounds(unitCost, 1234.56789).min).toBe(controlToDisplay(unitCost, 1234.56789));
    for (const value of [1234.56789, 1413135.5926072746, 0.000123456789, 9.87654321e9]) {
      for (const control of [unitCost, nre]) {
        const {min, max} = controlBounds(control, value);
        const shown = controlToDisplay(control, value);
        if (isInRange(shown / control.scale, keyRange(scenarioKey(control.path)!))) {
          expect(min).toBeLessThanOrEqual(shown);
          expect(max).toBeGreaterThanOrEqual(shown);
        }
      }
    }
  });
});

describe("controlToBase and controlToDisplay", () => {
  it("remove binary noise", () => {
    const utilization = keyControl("serving.utilization");
    expect(controlToBase(utilization, 70)).toBe(0.7);
    expect(controlToBase(utilization, 57)).toBe(0.57);
    expect(controlToDisplay(utilization, 0.3)).toBe(30);
    expect(controlToBase(keyControl("silicon.nre"), 270)).toBe(270e6);
  });
});

describe("SCENARIO_PAGE_SAMPLES", () => {
  it("equals the static site's sample count, so a page's first render and its recomputation agree", () => {
    expect(SCENARIO_PAGE_SAMPLES).toBe(SITE_SAMPLES);
  });
});

describe("KeySlider", () => {
  it("shows the schema's label and slider in display units and gives its value in base units", () => {
    const slider = KeySlider("silicon.nre", {value: 300e6, testid: "control-nre"});
    const range = slider.querySelector<HTMLInputElement>("input[type=range]")!;
    expect(slider.dataset.testid).toBe("control-nre");
    expect(slider.path).toBe("silicon.nre");
    expect(slider.textContent).toContain("Chip program cost (NRE), USD millions");
    expect([range.min, range.max, range.step]).toEqual(["10", "2000", "10"]);
    expect(slider.value).toBe(300e6);
    const events: number[] = [];
    slider.addEventListener("input", () => events.push(slider.value));
    range.value = "450";
    range.dispatchEvent(new Event("input", {bubbles: true}));
    expect(events).toEqual([450e6]);
  });

  it("puts a slider on a key without a schema slider from its bounds, labelled without a unit for a plain number", () => {
    const slider = KeySlider("power.pue", {value: 1.2, min: 1, max: 1.5});
    const range = slider.querySelector<HTMLInputElement>("input[type=range]")!;
    expect([range.min, range.max, range.step]).toEqual(["1", "1.5", "0.005"]);
    expect(slider.querySelector("label")!.textContent).toBe(scenarioKey("power.pue")!.label);
    expect(slider.value).toBe(1.2);
  });

  it("reaches the scenario's own value when it lies outside a page's bounds (PUE 1.6 under 1–1.5 computed 1.5)", () => {
    const slider = KeySlider("power.pue", {value: 1.6, min: 1, max: 1.5});
    expect(slider.querySelector<HTMLInputElement>("input[type=range]")!.max).toBe("1.6");
    expect(slider.value).toBe(1.6);
  });

  it("takes narrower bounds in base units where the model allows less", () => {
    const slider = KeySlider("serving.utilization", {value: 0.5, max: 0.8});
    expect(slider.querySelector<HTMLInputElement>("input[type=range]")!.max).toBe("80");
  });
});

describe("ScenarioControls", () => {
  it("draws one row per key with a number, labelled from the schema, its value in display units", () => {
    const controls = ScenarioControls(
      GENERAL_CONTROL_KEYS.map((path) => keyControl(path)),
      {
        "serving.utilization": 0.6,
        "silicon.nre": {kind: "point"}
      }
    );
    const rows = [...controls.querySelectorAll<HTMLElement>(".scenario-control")];
    expect(rows.map((row) => row.dataset.key)).toEqual(["serving.utilization"]);
    expect(rows[0]!.textContent).toContain(scenarioKey("serving.utilization")!.label);
    expect(controls.value).toEqual({"serving.utilization": 60});
  });

  it("links a label's term to the glossary on its first use among the sliders (NRE unexplained; reader's review)", () => {
    // silicon.nre's label, "Chip program cost (NRE)", names the glossary's entry nre (schema.ts `glossary`).
    const controls = ScenarioControls(
      ["silicon.nre", "silicon.nre"].map((path) => keyControl(path)),
      {"silicon.nre": 150e6}
    );
    const labels = [...controls.querySelectorAll<HTMLElement>(".scenario-control-label")];
    expect(labels[0]!.textContent).toBe("Chip program cost (NRE)silicon.nre");
    const links = [...controls.querySelectorAll<HTMLAnchorElement>("a.glossary-term")];
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([["NRE", "/glossary#nre"]]);
    // A label without a glossary term stays text.
    const plain = ScenarioControls([keyControl("serving.utilization")], {"serving.utilization": 0.6});
    expect(plain.querySelector("a")).toBeNull();
  });

  it("gives every row one unit column, as wide in characters as the longest unit of the keys drawn", () => {
    // "USD millions" beside "%": sized by its own unit, each row's slider had its own length.
    const controls = ScenarioControls(
      ["serving.utilization", "silicon.nre", "silicon.designCycle"].map((path) => keyControl(path)),
      {"serving.utilization": 0.6, "silicon.nre": 150e6, "silicon.designCycle": {kind: "point"}}
    );
    expect(keyControl("silicon.nre").unit).toBe("USD millions");
    expect(controls.style.getPropertyValue("--unit-chars")).toBe("12");
  });

  it("snaps a dragged slider's thumb to the step the figures use, and keeps a typed number as typed", () => {
    const controls = ScenarioControls([keyControl("serving.utilization")], {"serving.utilization": 0.6});
    const range = controls.querySelector<HTMLInputElement>("input[type=range]")!;
    const number = controls.querySelector<HTMLInputElement>("input[type=number]")!;
    const step = keyControl("serving.utilization").step;
    range.value = String(60 + step * 0.399); // a mouse drag lands between steps
    range.dispatchEvent(new Event("input", {bubbles: true}));
    expect(controls.value["serving.utilization"]).toBe(60);
    expect([range.value, number.value]).toEqual(["60", "60"]);
    number.value = "55.5";
    number.dispatchEvent(new Event("input", {bubbles: true}));
    expect([range.value, controls.value["serving.utilization"]]).toEqual(["55.5", 55.5]);
  });

  it("keeps a snapped slider and a typed number inside the bounds, and shows the value used", () => {
    // A share link's serving.cacheHit=0.996 stretches the 0–95% slider to 99.6; its right end snapped to 100 (out of
    // the key's [0, 1)) and the page refused its own link (breaker, session 10).
    const controls = ScenarioControls([keyControl("serving.cacheHit")], {"serving.cacheHit": 0.996});
    const range = controls.querySelector<HTMLInputElement>("input[type=range]")!;
    const number = controls.querySelector<HTMLInputElement>("input[type=number]")!;
    range.value = range.max;
    range.dispatchEvent(new Event("input", {bubbles: true}));
    expect(controls.value["serving.cacheHit"]).toBe(99.6);
    number.value = "1e9";
    number.dispatchEvent(new Event("input", {bubbles: true}));
    number.dispatchEvent(new Event("change", {bubbles: true}));
    expect([controls.value["serving.cacheHit"], number.value]).toEqual([99.6, "99.6"]);
    // Refused, not clamped (it went to 0 with no word; tester): the value kept, and a line saying why.
    number.value = "-5";
    number.dispatchEvent(new Event("input", {bubbles: true}));
    number.dispatchEvent(new Event("change", {bubbles: true}));
    expect([controls.value["serving.cacheHit"], number.value]).toEqual([99.6, "99.6"]);
    const refusal = controls.querySelector<HTMLElement>(".typed-refusal")!;
    expect(refusal.hidden).toBe(false);
    // In the box's percent, as typed (it read "found -0.05" under "-5 % typed"; trial).
    expect(refusal.dataset.typedRefusal).toMatch(/^serving\.cacheHit=-5% — out of range: .*found -5%$/);
  });

  it.each(SLIDER_KEYS)("%s: a slider dragged away and back to a start between steps is at the start itself", (path) => {
    // base.md's electricity, 0.0826 USD/kWh, started a 0.001-step slider that snapped back to 0.083: the page listed
    // "Electricity price: 0.083 USD/kWh; as filed, 0.0826" and put the change in the share link.
    const control = keyControl(path);
    const start = Number((control.min + 3.4 * control.step).toPrecision(12));
    const controls = ScenarioControls([control], {[path]: controlToBase(control, start)});
    const range = controls.querySelector<HTMLInputElement>("input[type=range]")!;
    const number = controls.querySelector<HTMLInputElement>("input[type=number]")!;
    const drag = (display: number) => {
      range.value = String(display);
      range.dispatchEvent(new Event("input", {bubbles: true}));
    };
    drag(start + 5.2 * control.step);
    expect(controls.value[path]).not.toBe(start);
    drag(start + 0.3 * control.step); // the pointer back on the thumb's start, a little off
    expect(controls.value[path]).toBe(start);
    expect(number.value).toBe(String(start));
    drag(start - 0.45 * control.step);
    expect(controls.value[path]).toBe(start);
  });
});

describe("startBoxNumber", () => {
  it("writes a median as the page's text writes the key (formatAssumption), in the slider's unit", () => {
    // A catch-up median of 5.91 months read "5.91" in the box beside "5.9 months" in the text (reader's audit).
    expect(formatAssumption("moat.catchUpMonths", 5.9123)).toBe("5.9 months");
    expect(startBoxNumber(keyControl("moat.catchUpMonths"), 5.9123, true)).toBe(5.9);
    expect(startBoxNumber(keyControl("silicon.designCycle"), 13.4164, true)).toBe(13.4);
    // "$273M" in a slider of USD millions; "58%" in one of %; a multiple's "0.981×" without its sign.
    expect(startBoxNumber(keyControl("silicon.nre"), 273.46e6, true)).toBe(273);
    expect(formatAssumption("serving.utilization", 0.579347)).toBe("58%");
    expect(startBoxNumber(keyControl("serving.utilization"), 0.579347, true)).toBe(58);
    expect(startBoxNumber(keyControl("silicon.relativeThroughput"), 0.98123, true)).toBe(
      Number(formatAssumption("silicon.relativeThroughput", 0.98123).replace("×", ""))
    );
  });

  it("writes any other start as the value itself, to twelve digits", () => {
    expect(startBoxNumber(keyControl("moat.catchUpMonths"), 5.9123, false)).toBe(5.9123);
    expect(startBoxNumber(keyControl("serving.utilization"), 0.123456789, false)).toBe(12.3456789);
  });
});

describe("a box typed back to its start", () => {
  it("is the start, not the rounded number the box shows (57.9 typed for a median of 57.93 was a change)", () => {
    // serving.utilization's median in a scenario with a 0.45–0.75 interval is 0.5793…: the box writes it as the text
    // does, "58" for "58%" (helper's trial, session 20).
    const controls = ScenarioControls(
      [keyControl("serving.utilization")],
      {"serving.utilization": 0.579347},
      {
        medianKeys: ["serving.utilization"]
      }
    );
    const number = controls.querySelector<HTMLInputElement>("input[type=number]")!;
    const shown = number.value;
    expect(shown).toBe("58");
    number.value = "50";
    number.dispatchEvent(new Event("input", {bubbles: true}));
    expect(controls.value["serving.utilization"]).toBe(50);
    number.value = shown;
    number.dispatchEvent(new Event("input", {bubbles: true}));
    expect(controls.value["serving.utilization"]).toBe(57.9347);
    // Left, the box keeps writing the start as it did (it read 57.9347 once the reader tabbed out; breaker).
    number.dispatchEvent(new Event("change", {bubbles: true}));
    expect(number.value).toBe(shown);
  });
});

describe("a refusal's line once the box is typed in again", () => {
  /** Types `text` in `box` (one "input"), then commits it with Enter. */
  const type = (box: HTMLInputElement, text: string) => {
    box.value = text;
    box.dispatchEvent(new Event("input", {bubbles: true}));
  };
  const enter = (box: HTMLInputElement) => box.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));

  // 1e3 typed in the utilisation box was refused; the box cleared, the line stood on over the value it had kept, and
  // went on standing once the box was left (new-user trial).
  it("goes on a scenario page when the box is cleared, the slider keeping its value", () => {
    const controls = ScenarioControls([keyControl("serving.utilization")], {"serving.utilization": 0.6});
    const number = controls.querySelector<HTMLInputElement>("input[type=number]")!;
    const note = controls.querySelector<HTMLElement>(".typed-refusal")!;
    type(number, "1e3");
    enter(number);
    expect(note.hidden).toBe(false);
    expect(number.value).toBe("60");
    type(number, "");
    expect(note.hidden).toBe(true);
    enter(number);
    expect(note.hidden).toBe(true);
    expect([number.value, controls.value["serving.utilization"]]).toEqual(["60", 60]);
  });

  it("goes on a chapter page's slider when the box is cleared, the slider keeping its value", () => {
    const slider = KeySlider("serving.utilization", {value: 0.6});
    const number = slider.querySelector<HTMLInputElement>("input[type=number]")!;
    const note = slider.querySelector<HTMLElement>(".typed-refusal")!;
    type(number, "1e3");
    enter(number);
    expect(note.hidden).toBe(false);
    type(number, "");
    expect(note.hidden).toBe(true);
    enter(number);
    expect(note.hidden).toBe(true);
    expect([number.value, slider.value]).toEqual(["60", 0.6]);
  });
});

describe("a typed number beyond a scenario slider's ends that its key takes", () => {
  const commit = (box: HTMLInputElement, text: string) => {
    box.value = text;
    box.dispatchEvent(new Event("input", {bubbles: true}));
    box.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
  };

  // The utilisation slider stopped at 5% and 4% typed was applied without a word, the key's floor being 1% (new-user
  // trial): the slider stretches to it, and a line says why the box took it.
  it("is applied, the slider stretched to it, with a line saying the key takes it", () => {
    const controls = ScenarioControls([keyControl("serving.utilization")], {"serving.utilization": 0.6});
    const range = controls.querySelector<HTMLInputElement>("input[type=range]")!;
    const number = controls.querySelector<HTMLInputElement>("input[type=number]")!;
    const line = controls.querySelector<HTMLElement>(".typed-stretch")!;
    expect(line.hidden).toBe(true);
    commit(number, "4");
    expect([controls.value["serving.utilization"], range.min, range.value]).toEqual([4, "4", "4"]);
    expect(line.hidden).toBe(false);
    expect(line.textContent).toBe(
      "Applied 4 %, below this slider's 5 to 100 %: serving.utilization takes 1 to 100 %, so the slider now starts " +
        "at 4 %."
    );
    // Within the slider's ends: no line. Dragged: the line goes.
    commit(number, "50");
    expect(line.hidden).toBe(true);
    commit(number, "3");
    expect(line.hidden).toBe(false);
    range.value = "40";
    range.dispatchEvent(new Event("input", {bubbles: true}));
    expect(line.hidden).toBe(true);
    // Refused by the key: the refusal's line alone.
    commit(number, "0.5");
    expect(line.hidden).toBe(true);
    expect(controls.querySelector<HTMLElement>(".typed-refusal")!.hidden).toBe(false);
  });

  it("says an end the key excludes as such, and a number above the slider's end", () => {
    expect(stretchText(keyControl("serving.cacheHit"), 97, [0, 95])).toBe(
      "Applied 97 %, above this slider's 0 to 95 %: serving.cacheHit takes 0 up to, not including, 100 %, so the " +
        "slider now ends at 97 %."
    );
  });

  it.each(SLIDER_KEYS)("%s: a number just beyond each end, if the key takes it, is applied with the line", (path) => {
    const control = keyControl(path);
    const range = keyRange(scenarioKey(path)!);
    for (const beyond of [control.min - control.step, control.max + control.step]) {
      if (!isInRange(controlToBase(control, beyond), range)) continue;
      const controls = ScenarioControls([control], {[path]: controlToBase(control, (control.min + control.max) / 2)});
      const number = controls.querySelector<HTMLInputElement>("input[type=number]")!;
      const line = controls.querySelector<HTMLElement>(".typed-stretch")!;
      commit(number, String(Number(beyond.toPrecision(12))));
      expect(controls.value[path]).toBe(Number(beyond.toPrecision(12)));
      expect(line.hidden).toBe(false);
      expect(line.textContent).toMatch(/^Applied .*, (below|above) this slider's .* takes .*, so the slider now/);
      expect(line.textContent).not.toMatch(/NaN|Infinity|undefined/);
    }
  });
});

describe("ScenarioControls under a share link", () => {
  it("takes the file's value into each slider's bounds, so that the reader can slide back to it", () => {
    // deepseek-one-day sets serving.batch 8192 (data/scenarios/deepseek-one-day.md); a link's 64 gave a slider of
    // 1–1,024 (the control's own bounds), and typing 8192 was clamped to 1,024 (breaker).
    const control = keyControl("serving.batch");
    const expected = controlBounds(control, 8192).max;
    expect(expected).toBeGreaterThanOrEqual(8192);
    const withLink = ScenarioControls([control], {"serving.batch": 64}, {filed: {"serving.batch": 8192}});
    const range = withLink.querySelector<HTMLInputElement>("input[type=range]")!;
    expect(Number(range.max)).toBe(expected);
    expect(Number(range.value)).toBe(64);
    const alone = ScenarioControls([control], {"serving.batch": 64});
    expect(Number(alone.querySelector<HTMLInputElement>("input[type=range]")!.max)).toBe(
      controlBounds(control, 64).max
    );
  });
});

describe("snapSlider", () => {
  const electricity = keyControl("power.electricity");

  it("snaps within half a step of the start to the start, and elsewhere to the nearest whole step", () => {
    expect(electricity.step).toBe(0.001);
    expect(snapSlider(electricity, 0.0829, 0.0826)).toBe(0.0826);
    expect(snapSlider(electricity, 0.0822, 0.0826)).toBe(0.0826);
    expect(snapSlider(electricity, 0.0833, 0.0826)).toBe(0.083);
    expect(snapSlider(electricity, 0.0902, 0.0826)).toBe(0.09);
    expect(snapSlider(electricity, 0.0602, 0.06)).toBe(0.06);
  });

  it("snaps within a pixel of the start to the start where a pixel is worth more than half a step", () => {
    // At 1280 px the electricity slider's pixel is worth about 0.0015 USD/kWh: a pointer put back on the thumb's
    // start lands up to a pixel away.
    expect(snapSlider(electricity, 0.0838, 0.0826, 0.0015)).toBe(0.0826);
    expect(snapSlider(electricity, 0.0843, 0.0826, 0.0015)).toBe(0.084);
  });
});

describe("startStep", () => {
  it("keeps the control's step where the box's start lies on its grid, and refines it where it does not", () => {
    // The catch-up median of 5.91 months, written "5.9", put a 0.5-month slider's thumb at 6 (reader's audit).
    const catchUp = keyControl("moat.catchUpMonths");
    expect(startStep(catchUp, 0, 6)).toBe(catchUp.step);
    expect(startStep({...catchUp, step: 0.5}, 0, 5.9)).toBe(0.1);
    // "$273M" on a USD-millions slider of step 10; base.md's 0.0826 USD/kWh on a 0.001 step.
    expect(startStep(keyControl("silicon.nre"), 10, 273)).toBe(1);
    expect(startStep({path: "power.electricity", step: 0.001}, 0, 0.0826)).toBe(0.0002);
    // A whole-number key keeps whole steps (5 → 1, never 2.5).
    expect(startStep({path: "serving.batch", step: 5}, 0, 64)).toBe(1);
  });
});

describe("a slider's thumb and its box at load", () => {
  it.each(SLIDER_KEYS)("%s: the thumb sits at the number the box shows, for a median and a file's value", (path) => {
    const control = keyControl(path);
    const def = scenarioKey(path)!;
    // A start between steps (1.37 steps above the bottom), as a median and as a file's own value.
    const display = control.min + 1.37 * control.step;
    const base = controlToBase(control, def.integer ? Math.round(display) : display);
    for (const median of [true, false]) {
      const slider = KeySlider(path, {value: base, median});
      const thumb = slider.querySelector<HTMLInputElement>("input[type=range]")!;
      const box = slider.querySelector<HTMLInputElement>("input[type=number]")!;
      expect(Number(thumb.value), `${path} KeySlider median=${median}`).toBe(Number(box.value));
      const controls = ScenarioControls([control], {[path]: base}, {medianKeys: median ? [path] : []});
      const range = controls.querySelector<HTMLInputElement>("input[type=range]")!;
      const number = controls.querySelector<HTMLInputElement>("input[type=number]")!;
      expect(Number(range.value), `${path} ScenarioControls median=${median}`).toBe(Number(number.value));
    }
  });
});
