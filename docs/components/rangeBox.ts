// The number box of a slider, committed once the reader leaves it (or presses Enter), for the story pages' Observable
// Inputs ranges and the scenario pages' panel (ScenarioControls) alike. A typed number the slider takes is snapped to
// its steps; one it does not take is refused with a line under the slider saying why, in the words a share link's
// notice gives for the same value (urlState's settingProblem), and the slider, the box and the page keep the value
// they had: 150 typed in a utilisation box became 100% without a word, and 0 became the slider's 5% where the key's
// floor is 1% (tester). An empty box shows the value in use again; the line goes as soon as the box is typed in again.
import {formatShareSet, settingProblem} from "./urlState.js";

/** An Inputs.range form: its value in the range's own (display) units. */
export interface RangeForm extends HTMLElement {
  value: number;
}

/** The scenario key a slider sets, and how its box shows it. */
export interface TypedKey {
  /** The key's path (`serving.utilization`); without one, only the slider's ends are checked. */
  path?: string;
  /** Display units per base unit: 100 for a fraction shown in %. Default 1. */
  scale?: number;
  /** The box's display unit ("%", "mm²"); "" for none. */
  unit?: string;
}

/**
 * Why the key refuses a number typed in its box (display units), as a share link's notice says it for the same value:
 * "serving.utilization=150% — out of range: expected a fraction in [0.01, 1], or a percentage in [1%, 100%], found
 * 150%"; undefined when the key takes it (or there is no key). A box in % is checked as the percentage typed, so the
 * refusal quotes it: "150 % typed … found 1.5" mixed the box's percent with the link's fraction (trial).
 */
export function keyRefusal(typed: number, {path, scale = 1, unit}: TypedKey): string | undefined {
  if (path === undefined) return undefined;
  const set =
    unit === "%" && scale === 100
      ? `${path}=${Number(typed.toPrecision(12))}%`
      : formatShareSet(path, Number((typed / scale).toPrecision(12)));
  const problem = settingProblem(set);
  return problem === undefined ? undefined : `${set} — ${problem}`;
}

/**
 * Why a slider refuses a typed number (display units): the key's refusal (keyRefusal), else, for a number the key takes
 * beyond the slider's ends, the ends: a page narrows a slider where its model or its text takes less than the key (the
 * largest batch that fits in memory, a die no larger than the reticle). Undefined when the slider takes it.
 */
export function sliderRefusal(typed: number, [low, high]: [number, number], key: TypedKey = {}): string | undefined {
  const refusal = keyRefusal(typed, key);
  if (refusal !== undefined || (typed >= low && typed <= high)) return refusal;
  const unit = key.unit ? ` ${key.unit}` : "";
  return (
    `${key.path ?? "this slider"}: out of this slider's range: expected ${low} to ${high}${unit}, found ${typed}${unit}` +
    (key.path ? " (the page narrows the key's own range here; a scenario file or a scenario page's link takes it)" : "")
  );
}

/** The line under a slider that says why a typed number was refused: hidden until `show`. */
export interface RefusalNote {
  readonly element: HTMLElement;
  /** Shows the refusal of `typedText` (as the reader typed it) and the value the slider keeps, both in display units. */
  show(typedText: string, refusal: string, kept: string): void;
  hide(): void;
}

/** A refusal line (class typed-refusal, role alert, data-typed-refusal holding the refusal). */
export function RefusalNote({unit = ""}: TypedKey = {}): RefusalNote {
  const element = document.createElement("p");
  element.className = "typed-refusal";
  element.setAttribute("role", "alert");
  element.hidden = true;
  const withUnit = (text: string) => (unit ? `${text} ${unit}` : text);
  return {
    element,
    show(typedText, refusal, kept) {
      element.textContent = `Not applied: ${withUnit(typedText.trim())} typed. ${refusal}. Kept ${withUnit(kept)}.`;
      element.dataset.typedRefusal = refusal;
      element.hidden = false;
    },
    hide() {
      element.hidden = true;
      element.textContent = "";
      delete element.dataset.typedRefusal;
    }
  };
}

/**
 * Calls `commit` when the reader commits what they typed in `box`: Enter, or the box left, after any keystroke. Not on
 * "change" alone: chromium fires none when the box reads what a script last set it to, so "70" typed again over a
 * refusal that kept 70 left the refusal line standing over the 70 it had just taken (breaker). Leaving the box without
 * typing commits nothing (a refusal line stays). Returns `box`.
 */
export function onBoxCommit(box: HTMLInputElement, commit: () => void): HTMLInputElement {
  let typed = false;
  const run = () => {
    if (!typed) return;
    typed = false;
    commit();
  };
  box.addEventListener("input", () => (typed = true));
  box.addEventListener("keydown", (event) => {
    if (event.key === "Enter") run();
  });
  box.addEventListener("change", run);
  box.addEventListener("blur", run);
  return box;
}

/**
 * Commits a range form's typed numbers (onBoxCommit): a number the slider takes (sliderRefusal) is snapped to `step`
 * counted from `low` and set as the form's value with an "input" event when it differs (so `view()` and Inputs.form
 * see it); any other is refused with a line under the slider (RefusalNote), and the form goes back to the value it had
 * when the reader began typing (Inputs.range applies each keystroke it takes: "150" passes through "15"). Returns the
 * form.
 */
export function commitTypedNumbers<T extends RangeForm>(
  form: T,
  [low, high]: [number, number],
  step: number,
  key: TypedKey = {}
): T {
  const box = form.querySelector<HTMLInputElement>("input[type=number]");
  if (!box) return form;
  const note = RefusalNote(key);
  form.append(note.element);
  let before = form.value;
  box.addEventListener("focus", () => (before = form.value));
  form.querySelector("input[type=range]")?.addEventListener("input", () => note.hide());
  // Typing again in the box: the line was of the number typed before (cleared, the box left it standing; trial).
  box.addEventListener("input", () => note.hide());
  onBoxCommit(box, () => {
    const typedText = box.value;
    const typed = Number(typedText);
    if (typedText.trim() !== "" && Number.isFinite(typed)) {
      const refusal = sliderRefusal(typed, [low, high], key);
      const value = refusal
        ? before
        : Math.min(high, Math.max(low, Number((low + Math.round((typed - low) / step) * step).toPrecision(12))));
      const changed = value !== form.value;
      // Set even when unchanged: Inputs.range moved the thumb to a refused number (it moves it at every keystroke).
      form.value = value;
      if (changed) form.dispatchEvent(new Event("input", {bubbles: true}));
      if (refusal) note.show(typedText, refusal, String(value));
      else note.hide();
    }
    box.value = String(form.value);
    before = form.value;
  });
  return form;
}
