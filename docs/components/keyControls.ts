// Sliders for scenario keys, built from the schema: each key's label and slider (display unit, scale, min, max, step)
// live in its entry in src/scenario/file/schema.ts, and nowhere else. Two renderings share them: the scenario pages'
// panel (ScenarioControls: a slider and a number box per key, value {path: display value}) and the story pages'
// slider (KeySlider: an Observable Inputs range in display units whose value is in the key's base unit).
import * as Inputs from "@observablehq/inputs";
import {formatRange, isInRange, type NumberRange} from "../lib/units/range.js";
import {DIMENSIONS, readQuantity} from "../lib/units/quantity.js";
import {formatAssumption} from "./format.js";
import {UnusedNote} from "./unusedNote.js";
import {Term} from "./glossaryTerm.js";
import {commitTypedNumbers, keyRefusal, onBoxCommit, RefusalNote} from "./rangeBox.js";
import {scenarioKeyHint} from "../lib/scenario/file/keyPathHint.js";
import {keyReading} from "../lib/scenario/file/countWords.js";
import {
  isQuantityKey,
  keyRange,
  scenarioKey,
  type ScenarioKeyDef,
  type KeySlider as SchemaSlider
} from "../lib/scenario/file/schema.js";

/**
 * A key's slider as the schema gives it, with the key's path and label: the slider shows `base × scale` in `unit`,
 * from `min` to `max` in steps of `step`.
 */
export interface KeyControl extends SchemaSlider {
  readonly path: string;
  readonly label: string;
}

/**
 * A key's schema entry, for a component a report page calls with key paths (`caller`: its name, as the page wrote
 * it).
 *
 * @throws Error "StoryAssumptions: unknown key power.electricty (did you mean power.electricity? …)" for a path that
 *   is no scenario key: the page shows it in the cell, and `pdf` refuses the page.
 */
export function pageKey(path: string, caller: string): ScenarioKeyDef {
  const def = scenarioKey(path);
  if (def) return def;
  const hint = scenarioKeyHint(path);
  throw new Error(
    `${caller}: unknown key ${JSON.stringify(path)} (${hint ? `${hint} ` : ""}every key is on the Scenario file ` +
      "reference page, /reference)"
  );
}

/**
 * The slider of a key: its schema entry's `slider`, or, for a numeric key without one, a slider built from `bounds`
 * (numbers in the key's base unit, both needed, both inside the key's range, whole numbers for a whole-number key):
 * in the key's base unit (a fraction in %, a rate per year in %/yr, money in USD thousands, millions or billions by
 * its upper bound) in 100 to 250 steps of 1, 2 or 5 × a power of ten (whole steps for a whole-number key), its ends
 * moved out to the steps' grid (a browser snaps a range input to min + k × step: an end between steps could not be
 * reached) but never past the key's range. A page's own report can so put a slider on any numeric key (only 31 keys
 * have one in the schema; new-user trial: `power.pue` failed in every cell of the page).
 *
 * @throws Error naming the key and what to write, for an unknown key, a catalog id or a choice (no slider can set
 *   them), a key without a schema slider given no bounds, bounds that are not finite numbers, not whole for a
 *   whole-number key, reversed, outside the key's range or too close for a slider: a page shows it in the cell, and
 *   `pdf` refuses the page.
 */
export function keyControl(path: string, bounds: {min?: unknown; max?: unknown} = {}): KeyControl {
  const def = pageKey(path, "keyControl");
  if (def.type === "id" || def.type === "choice") {
    throw new Error(`keyControl: ${path} is ${def.type === "id" ? "a catalog id" : "a choice"}: no slider can set it`);
  }
  const {baseUnit} = DIMENSIONS[def.type];
  const range = keyRange(def);
  const {unit, scale} =
    def.slider ?? derivedDisplay(def.type, baseUnit, typeof bounds.max === "number" ? bounds.max : 0);
  // The range in base units, with what a number in it is where the slider shows a percentage (0.05 is 5%).
  const within =
    `within the key's range ${formatRange(range)} in ${baseUnit}` +
    (scale === 100 ? ` (a number in ${baseUnit}: 0.05 is 5${unit})` : "");
  const {min, max} = bounds;
  if (def.slider && min === undefined && max === undefined) return {path, label: def.label, ...def.slider};
  if (!def.slider && (min === undefined || max === undefined)) {
    const missing = min === undefined && max === undefined ? "" : ` (${min === undefined ? "min" : "max"} is missing)`;
    throw new Error(
      `keyControl: ${path} has no slider in the schema: give its bounds in ${baseUnit}, e.g. ` +
        `{path: "${path}", min: …, max: …}, ${within}${missing}`
    );
  }
  // A page's bounds are checked whether they make the slider or narrow the schema's: 30 and 90 for a utilisation
  // made a schema slider run to 9,000% (second-round trial).
  const found = `found min ${JSON.stringify(min)}, max ${JSON.stringify(max)}`;
  const given = [min, max].filter((bound) => bound !== undefined);
  if (given.some((bound) => typeof bound !== "number" || !Number.isFinite(bound))) {
    throw new Error(`keyControl: ${path}'s min and max must be finite numbers ${within} (${found})`);
  }
  if (def.integer && given.some((bound) => !Number.isInteger(bound))) {
    throw new Error(`keyControl: ${path} takes whole numbers: its min and max must be whole (${found})`);
  }
  if (
    given.some((bound) => !isInRange(bound as number, range)) ||
    (given.length === 2 && !((min as number) < (max as number)))
  ) {
    throw new Error(`keyControl: ${path}'s min must be below its max, both ${within} (${found})`);
  }
  if (def.slider) return {path, label: def.label, ...def.slider};
  // Both given here (a slider without a schema entry needs both), and numbers (checked above).
  const [minBase, maxBase] = [min as number, max as number];
  const round = (value: number) => Number(value.toPrecision(12));
  const step = def.integer
    ? Math.max(1, Math.round(niceStep((maxBase - minBase) / 100)))
    : niceStep(((maxBase - minBase) * scale) / 100);
  // The ends on the steps' grid, outward (a hair's tolerance for binary noise: 1.1 ÷ 0.002 is 549.9999…). Where the
  // grid's end below min is outside the key's range, min itself starts the grid; where the one above max is, the
  // grid's last step below it ends it.
  let low = round(Math.floor((minBase * scale) / step + 1e-9) * step);
  if (!isInRange(low / scale, range)) low = round(minBase * scale);
  let high = round(low + Math.ceil((maxBase * scale - low) / step - 1e-9) * step);
  if (!isInRange(high / scale, range)) high = round(low + Math.floor((maxBase * scale - low) / step + 1e-9) * step);
  if (!(high > low)) {
    throw new Error(`keyControl: ${path}'s min and max are too close for a slider (${found})`);
  }
  return {path, label: def.label, unit, scale, min: low, max: high, step};
}

/** The display unit and scale of a slider built from bounds: as the schema's sliders write such keys. */
function derivedDisplay(type: string, baseUnit: string, maxBase: number): {unit: string; scale: number} {
  if (type === "fraction") return {unit: "%", scale: 100};
  if (type === "ratePerYear") return {unit: "%/yr", scale: 100};
  // A plain number (PUE, a multiplier) has no unit word: "PUE", not "PUE, ratio".
  if (type === "plain") return {unit: "", scale: 1};
  if (type === "money" || type === "usdPerMw") {
    const per = type === "usdPerMw" ? "/MW" : "";
    for (const [word, factor] of [
      ["billions", 1e9],
      ["millions", 1e6],
      ["thousands", 1e3]
    ] as const) {
      if (maxBase >= factor) return {unit: `USD ${word}${per}`, scale: 1 / factor};
    }
  }
  return {unit: baseUnit, scale: 1};
}

/** 1, 2 or 5 × a power of ten, the largest not above `span` (a slider's step). */
function niceStep(span: number): number {
  const power = 10 ** Math.floor(Math.log10(span));
  const step = [5, 2, 1].map((m) => m * power).find((candidate) => candidate <= span) ?? power;
  return Number(step.toPrecision(12));
}

/**
 * The step of a slider whose number box starts at `shown` (display units; startBoxNumber) and whose steps count from
 * `low`: the control's step where `shown` lies on that grid, else the largest of the step ÷ 2, 5, 10, 20, 50, … on
 * whose grid it lies (whole for a whole-number key), so that the thumb sits at the number the box shows. A browser
 * snaps a range input to low + k × step: a catch-up median written "5.9" months put the thumb of a 0.5-month slider
 * at 6 beside it (reader's audit); its slider steps by 0.1. A divisor of the control's step keeps its own steps on the
 * grid. The control's step if no step down to a millionth of it fits (a link's 12.3456789%).
 */
export function startStep(control: Pick<KeyControl, "step" | "path">, low: number, shown: number): number {
  const onGrid = (step: number) => {
    const steps = (shown - low) / step;
    return Math.abs(steps - Math.round(steps)) < 1e-6;
  };
  if (!Number.isFinite(shown) || !Number.isFinite(low) || onGrid(control.step)) return control.step;
  const integer = scenarioKey(control.path)?.integer === true;
  for (let power = 1; power <= 1e6; power *= 10) {
    for (const divisor of [2, 5, 10]) {
      const step = Number((control.step / (divisor * power)).toPrecision(12));
      if (integer && !Number.isInteger(step)) continue;
      if (onGrid(step)) return step;
    }
  }
  return control.step;
}

/** A slider's label: the key's label and its display unit, or the label alone for a plain number. */
function controlLabel(control: KeyControl): string {
  return control.unit ? `${control.label}, ${control.unit}` : control.label;
}

/**
 * The slider's bounds for a scenario whose value of the key is `value` (base units): the control's bounds, widened to
 * include the value, and never past the key's range. A value above the control's max widens it to twice the value
 * (where the key's range allows), so that the reader can move it both ways: deepseek-one-day's batch of 12,686
 * sequences ended a slider of 1–1,024 at itself, and no larger batch could be tried (session 39).
 */
export function controlBounds(control: KeyControl, value: number): {min: number; max: number} {
  // The value as the slider shows it (rounded as controlToDisplay rounds it): a raw product lowered a link's bound
  // above its own value ($1,234.56789 → min 1.2345678900000001 k against 1.23456789), the slider rejected the value
  // and /custom-silicon filled with NaN errors (breaker).
  const display = controlToDisplay(control, value);
  const def = scenarioKey(control.path);
  const range = def ? keyRange(def) : undefined;
  let min = Math.min(control.min, display);
  let max = display > control.max ? Number((2 * display).toPrecision(12)) : control.max;
  if (range && !isInRange(min / control.scale, range)) min = control.min;
  if (range && !isInRange(max / control.scale, range))
    max = isInRange(display / control.scale, range) ? display : control.max;
  return {min, max};
}

/** A slider's display value in the key's base unit, rounded to 12 significant digits (70 % → 0.7, not 0.7000…01). */
export function controlToBase(control: KeyControl, display: number): number {
  return Number((display / control.scale).toPrecision(12));
}

/** A base-unit value in the slider's display unit, rounded to 12 significant digits (0.3 → 30 %, not 30.000…04). */
export function controlToDisplay(control: KeyControl, base: number): number {
  return Number((base * control.scale).toPrecision(12));
}

/**
 * Where a dragged slider lands, in display units: its start itself within half a step or `pixel` of it, else the
 * nearest whole step. A start between steps (base.md's 0.0826 USD/kWh on a 0.001 step) is a position of its own, so a
 * slider dragged away and back reads as the scenario as filed; snapping it to 0.083 listed "Electricity price: 0.083
 * USD/kWh; as filed, 0.0826" and put the change in the share link. `pixel` is what one pixel of the slider is worth
 * (0.0015 USD/kWh at 1280 px, more than a step): a pointer back on the thumb's start is within a pixel of it. The
 * steps a start covers (0.083) are then reached by typing them.
 */
export function snapSlider(control: Pick<KeyControl, "step">, display: number, start: number, pixel = 0): number {
  if (Math.abs(display - start) < Math.max(control.step / 2, pixel)) return start;
  return Number((Math.round(display / control.step) * control.step).toPrecision(12));
}

/**
 * The number a slider's box starts at, in display units. A start that is the median of a key's draws (`median`) reads
 * as the page's text writes the same value (formatAssumption: "5.9 months", "58%", "$273M"), so the box beside the
 * text never shows another figure for it (a catch-up median read "5.91" in the box beside "5.9 months"; the boxes
 * wrote every median at three significant digits, a figure's own rule for months and shares being another); the page
 * computes with the exact median until the reader sets one. Any other start is the value itself, to twelve digits (a
 * link's or a file's own, which the page computes with as written: a link's 12.3456789% read "12.35"; breaker).
 */
export function startBoxNumber(control: KeyControl, base: number, median: boolean): number {
  const exact = Number(controlToDisplay(control, base).toPrecision(12));
  if (!median) return exact;
  const written = writtenValue(control.path, base);
  return written === undefined ? Number(exact.toPrecision(3)) : controlToDisplay(control, written);
}

/** The value, in the key's base unit, that formatAssumption's text for it reads as ("5.9 months" → 5.9); undefined if none. */
function writtenValue(path: string, base: number): number | undefined {
  const def = scenarioKey(path);
  if (!def || !Number.isFinite(base)) return undefined;
  // The text's minus is U+2212; a multiple carries "×", a plain number no unit.
  const text = formatAssumption(path, base).replace(/\u2212/g, "-");
  if (def.type === "plain") {
    const value = Number(text.replace(/×$/, "").replace(/,/g, ""));
    return Number.isFinite(value) ? value : undefined;
  }
  if (!isQuantityKey(def)) return undefined;
  // A count's noun is read as the text writes it ("117M users"): the box started at three digits (117,000,000).
  const reading = readQuantity(text, def.type, keyReading(def));
  return reading.ok ? reading.value : undefined;
}

/** A number in a slider's display unit as the lines under it write it: up to twelve digits, thousands grouped. */
const DISPLAY_NUMBER = new Intl.NumberFormat("en-US", {maximumSignificantDigits: 12});

/**
 * What the line under a scenario page's slider says when a number typed in its box (`value`, display units) lies
 * beyond the slider's ends (`low`, `high`) but within the key's range, so that the page applies it and stretches the
 * slider to it: "Applied 4 %, below this slider's 5 to 100 %: serving.utilization takes 1 to 100 %, so the slider now
 * starts at 4 %." A slider narrower than its key took 4% typed beside a thumb that stopped at 5%, without a word
 * (new-user trial); the box takes what a share link takes (2%), so the slider follows it and the line says why.
 */
export function stretchText(control: KeyControl, value: number, [low, high]: [number, number]): string {
  const def = scenarioKey(control.path);
  const range = def ? keyRange(def) : undefined;
  const unit = control.unit ? ` ${control.unit}` : "";
  const number = (display: number) => DISPLAY_NUMBER.format(display).replace("-", "\u2212");
  const below = value < low;
  const takes = range
    ? keyRangeWords(number(controlToDisplay(control, range.min)), number(controlToDisplay(control, range.max)), range) +
      unit
    : "it";
  const applied = `${number(value)}${unit}`;
  return (
    `Applied ${applied}, ${below ? "below" : "above"} this slider's ${number(low)} to ${number(high)}${unit}: ` +
    `${control.path} takes ${takes}, so the slider now ${below ? "starts" : "ends"} at ${applied}.`
  );
}

/**
 * A key's range in words, from its ends as written: "1 to 100", "0 up to, not including, 100", "more than 0, up to
 * 858".
 */
function keyRangeWords(low: string, high: string, {minExclusive, maxExclusive}: NumberRange): string {
  if (minExclusive && maxExclusive) return `more than ${low} and less than ${high}`;
  if (minExclusive) return `more than ${low}, up to ${high}`;
  if (maxExclusive) return `${low} up to, not including, ${high}`;
  return `${low} to ${high}`;
}

export interface ScenarioControlsElement extends HTMLElement {
  value: Record<string, number>;
}

/** Formats a slider's display value for its readout. */
function readout(control: KeyControl, value: number): string {
  const digits = Math.max(0, -Math.floor(Math.log10(control.step) + 1e-9));
  return control.unit ? `${value.toFixed(digits)} ${control.unit}` : value.toFixed(digits);
}

/**
 * The scenario pages' panel: one slider per control, starting at `values[path]` (base units), with a number box
 * beside it. The element's value is {path: display value}; it fires "input" as any slider moves, so a page can use it
 * with view(). A control whose key has no number (a distribution is passed as its median) is left out.
 *
 * `medianKeys`: the keys whose start is the median of their draws (a distribution in the scenario). Their number box
 * starts at the median as the page's text writes it, every other box at the value itself (startBoxNumber).
 */
export function ScenarioControls(
  controls: readonly KeyControl[],
  values: Record<string, unknown>,
  {
    medianKeys = [],
    filed = {}
  }: {
    medianKeys?: readonly string[];
    /**
     * The scenario's own values (as its file sets them), when `values` are a share link's: each slider's bounds also
     * take in the file's value, so that the reader can slide back to it (a link's batch of 64 made deepseek-one-day's
     * 8,192 unreachable; breaker).
     */
    filed?: Record<string, unknown>;
  } = {}
) {
  const root = document.createElement("div") as unknown as ScenarioControlsElement;
  root.className = "scenario-controls";
  const current: Record<string, number> = {};
  // The glossary entries a label has linked already: a term links on its first use among the sliders only.
  const linked = new Set<string>();
  for (const control of controls) {
    const base = values[control.path];
    if (typeof base !== "number") continue;
    const own = filed[control.path];
    const atStart = controlBounds(control, base);
    const atFiled = typeof own === "number" ? controlBounds(control, own) : atStart;
    let min = Math.min(atStart.min, atFiled.min);
    let max = Math.max(atStart.max, atFiled.max);
    const start = controlToDisplay(control, base);
    current[control.path] = start;
    const row = document.createElement("label");
    row.className = "scenario-control";
    row.dataset.key = control.path;
    const name = document.createElement("span");
    name.className = "scenario-control-label";
    name.append(...labelNodes(control, linked));
    const key = document.createElement("code");
    key.textContent = control.path;
    name.append(document.createElement("br"), key);
    const range = document.createElement("input");
    range.type = "range";
    range.min = String(min);
    range.max = String(max);
    range.step = "any";
    range.setAttribute("aria-label", controlLabel(control));
    const number = document.createElement("input");
    number.type = "number";
    number.min = String(min);
    number.max = String(max);
    const shown = startBoxNumber(control, base, medianKeys.includes(control.path));
    // The box's step (its spinner's, and what it accepts as valid) lets it hold the start it shows (startStep).
    number.step = String(startStep(control, min, shown));
    number.value = String(shown);
    // The thumb at the number the box shows (5.9, not the median's 5.91): the page computes with the start itself.
    range.value = number.value;
    number.setAttribute("aria-label", controlLabel(control));
    const unit = document.createElement("span");
    unit.className = "scenario-control-unit";
    unit.textContent = control.unit;
    // The start as its box writes it (0.0826 USD/kWh, not the step's 0.083; an uncertain key's median at three
    // digits), in the box and the readout again whenever the slider is back at its start.
    const startText = number.value;
    unit.title = `${startText} ${control.unit}`;
    // The slider's width in pixels, kept by a ResizeObserver (its callback comes after a layout, when reading it costs
    // nothing): read in the input handler, clientWidth forced a layout of the whole page whenever the previous move's
    // redraw had left it dirty (18 ms of an 80 ms task in a drag's first moves; chromium's trace, issue #17).
    let rangeWidth: number | undefined;
    if (typeof ResizeObserver === "function") {
      new ResizeObserver(() => (rangeWidth = range.clientWidth)).observe(range);
    }
    // A number the key refuses (typed, or out of its range) is said under the slider, in a share link's words.
    const note = RefusalNote(control);
    // A typed number beyond the slider's ends that the key takes stretches the slider, and this line says so
    // (stretchText).
    const stretched = document.createElement("p");
    stretched.className = "typed-stretch";
    stretched.setAttribute("role", "status");
    stretched.hidden = true;
    const hideNotes = () => {
      note.hide();
      stretched.hidden = true;
      stretched.textContent = "";
    };
    // The value in use when the reader began typing in the box: a refused number puts it back (the keystrokes of "150"
    // pass through "15", which is applied as typed).
    let before = start;
    const apply = (value: number) => {
      const thumb = value === start ? startText : String(value);
      if (range.value !== thumb) range.value = thumb;
      if (current[control.path] === value) return;
      current[control.path] = value;
      unit.title = value === start ? `${startText} ${control.unit}` : readout(control, value);
      root.dispatchEvent(new Event("input", {bubbles: true}));
    };
    range.addEventListener("input", (event) => {
      event.stopPropagation();
      let value = Number(range.value);
      if (!Number.isFinite(value)) return;
      hideNotes();
      // Sliders snap to the control's steps (whole multiples of it) or to their start (snapSlider), the thumb with
      // them (the range's own step is "any": its bounds need not be whole steps, a link's 99.6% stretching a 0–95%
      // slider), and then to the bounds, so that a snap never leaves them (99.6 snapped to 100, out of a fraction's
      // [0, 1); breaker).
      const width = rangeWidth ?? range.clientWidth;
      const pixel = width > 0 ? (max - min) / width : 0;
      value = Math.min(max, Math.max(min, snapSlider(control, value, start, pixel)));
      number.value = value === start ? startText : String(value);
      apply(value);
    });
    // Typed numbers are kept as typed. At each keystroke, one within the slider's ends that the key takes is applied;
    // any other waits for the box to be committed (Enter, or the box left): "30" typed passes through "3".
    const typedValue = (raw: string): number | undefined => {
      const typed = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(typed)) return undefined;
      // The start as its box writes it, typed back, is the start (57.9 for a median of 57.93 counted as a change).
      return typed === Number(startText) ? start : typed;
    };
    number.addEventListener("focus", () => (before = current[control.path]!));
    number.addEventListener("input", (event) => {
      event.stopPropagation();
      // The reader is typing again: a refusal's line was of the number typed before (cleared, the box left it standing
      // over the value it had kept; new-user trial).
      hideNotes();
      const value = typedValue(number.value);
      if (value !== undefined && value >= min && value <= max && keyRefusal(value, control) === undefined) apply(value);
    });
    // Committed: a number beyond the slider's ends but within the key's range stretches the slider (a link's 2% is
    // accepted, so the box takes it too; breaker), with a line saying so (stretchText); one the key refuses (150%, 0%
    // under a floor of 1%) is refused with the note, and the page goes back to the value it had when the typing began.
    // Either way the box then shows the value in use, so it never reads "1e9" while the page computes with 60; the
    // start as its box wrote it (a median's "57.9" typed back read "57.8625917374" once left; breaker).
    onBoxCommit(number, () => {
      const value = typedValue(number.value);
      if (value !== undefined) {
        const refusal = keyRefusal(value, control);
        if (refusal !== undefined) {
          apply(before);
          note.show(number.value, refusal, before === start ? startText : String(before));
        } else {
          hideNotes();
          if (value < min || value > max) {
            stretched.textContent = stretchText(control, value, [min, max]);
            stretched.hidden = false;
          }
          if (value < min) min = value;
          if (value > max) max = value;
          range.min = number.min = String(min);
          range.max = number.max = String(max);
          apply(value);
        }
      }
      const now = current[control.path]!;
      before = now;
      const shown = now === start ? startText : String(now);
      if (Number(number.value) !== Number(shown)) number.value = shown;
    });
    row.append(name, range, number, unit, note.element, stretched);
    root.append(row);
  }
  // Every control's unit column as wide as the page's longest unit, in characters (scenarioStyle.css): sized by its
  // own unit, "USD millions" left its slider 16 px shorter than "months"' beside it, 27 px for "USD thousands".
  const unitChars = Math.max(
    0,
    ...controls.filter((c) => typeof values[c.path] === "number").map((c) => c.unit.length)
  );
  root.style.setProperty("--unit-chars", String(unitChars));
  Object.defineProperty(root, "value", {get: () => ({...current})});
  return root;
}

export interface KeySliderOptions {
  /** Where the slider starts, in base units (its thumb and box at the number startBoxNumber writes; startStep). */
  value: number;
  /** data-testid of the element. */
  testid?: string;
  /**
   * Bounds in base units where the model allows less than the schema's slider (the largest batch that fits in
   * memory); the schema's otherwise, widened to include `value` as far as the key's range allows.
   */
  min?: number;
  max?: number;
  /**
   * `value` is the median of the key's draws: the number box starts at it as the page's text writes it (startBoxNumber:
   * 5.9 for a median of 5.91 months, 273 for $273M, not the step's 270). Default false: the box writes `value` itself.
   * The thumb sits at the box's number (the slider's steps let it: startStep), and an untouched slider leaves the
   * page computing with `value` itself.
   */
  median?: boolean;
  /**
   * Why the evaluation does not read this key at the page's state (unreadKeys: silicon.relativeThroughput
   * beside a link's silicon.chip); the slider is then disabled with the reason under it, as moving it would change
   * nothing.
   */
  unused?: string;
}

/**
 * A slider's label as nodes: the words the key's schema entry names (`glossary`) linked to their glossary entry (Term)
 * when no label before it in `linked` has linked that entry, which it then holds; else the label as text. "Chip program
 * cost (NRE)" was a strategy reader's first meeting with NRE on a scenario page, unexplained.
 */
export function labelNodes(control: KeyControl, linked: Set<string>): (string | Node)[] {
  const glossary = scenarioKey(control.path)?.glossary;
  const at = glossary ? control.label.indexOf(glossary.words) : -1;
  if (!glossary || at < 0 || linked.has(glossary.anchor)) return [control.label];
  linked.add(glossary.anchor);
  return [
    control.label.slice(0, at),
    Term(glossary.anchor, glossary.words),
    control.label.slice(at + glossary.words.length)
  ].filter((part) => part !== "");
}

/** A story page's slider: its value (and "input" events) in the key's base unit. */
export interface KeySliderElement extends HTMLElement {
  readonly path: string;
  value: number;
}

/**
 * An Observable Inputs range for one key, labelled "<schema label>, <display unit>", in display units with the
 * schema's step. The element wraps the Inputs form: its `value` is the slider's value in the key's base unit (70 % →
 * 0.7), and the form's "input" events bubble through it, so `view(KeySlider(…))` gives base units.
 */
export function KeySlider(
  path: string,
  {value, testid, min, max, median = false, unused}: KeySliderOptions
): KeySliderElement {
  const control = keyControl(path, {min, max});
  const bounds = controlBounds(control, value);
  // A page's bounds narrow a schema slider; a derived one has them as its ends (on its steps' grid). Either way the
  // slider reaches the scenario's own value: a PUE of 1.6 under bounds 1–1.5 showed 1.6 and computed with 1.5 (breaker).
  const derived = scenarioKey(path)?.slider === undefined;
  const shown = controlToDisplay(control, value);
  const lowDisplay = Math.min(min === undefined || derived ? bounds.min : controlToDisplay(control, min), shown);
  const highDisplay = Math.max(max === undefined || derived ? bounds.max : controlToDisplay(control, max), shown);
  // The box starts at the value as the page's text writes it; the slider's steps let the thumb sit there (startStep).
  const startShown = startBoxNumber(control, value, median);
  const step = startStep(control, lowDisplay, startShown);
  const form = Inputs.range([lowDisplay, highDisplay], {
    label: controlLabel(control),
    step,
    // At the box's number (Inputs.range would snap the value itself: $1,234M to 1,230 beside a box of "1200").
    value: startShown,
    disabled: unused !== undefined
  });
  // A typed number is snapped to the steps once the box is left, or refused with a line saying why (rangeBox.ts).
  commitTypedNumbers(form, [lowDisplay, highDisplay], step, control);
  const box = form.querySelector<HTMLInputElement>("input[type=number]");
  if (box) box.value = String(startShown);
  const root = document.createElement("div") as unknown as KeySliderElement;
  root.className = "story-slider";
  root.dataset.key = path;
  if (testid) root.dataset.testid = testid;
  root.append(form);
  if (unused !== undefined) {
    root.dataset.unused = "";
    root.append(UnusedNote(`Not used: ${unused}.`, "p"));
  }
  Object.defineProperties(root, {
    path: {value: path},
    value: {
      get: () => controlToBase(control, form.value),
      set: (base: number) => (form.value = controlToDisplay(control, base))
    }
  });
  return root;
}
