// The number box of an Observable Inputs range, committed once the reader leaves it: Inputs.range takes a typed number
// only when it is within the bounds and on a step, and otherwise leaves it in the box while the page computes with the
// previous value (99999 mm² shown beside a 600 mm² die; 3.7 beside batch 64). As on the scenario pages
// (ScenarioControls), a typed number is snapped to the slider's steps and clamped to its ends, and the box then shows
// the value the page computes with ("010" → 10, "-0" → 0, an empty box → the value in use).

/** An Inputs.range form: its value in the range's own (display) units. */
export interface RangeForm extends HTMLElement {
  value: number;
}

/**
 * Commits a range form's typed numbers on "change": snapped to `step` counted from `low`, clamped to [low, high], set
 * as the form's value with an "input" event when it differs (so `view()` and Inputs.form see it). Returns the form.
 */
export function commitTypedNumbers<T extends RangeForm>(form: T, [low, high]: [number, number], step: number): T {
  const box = form.querySelector<HTMLInputElement>("input[type=number]");
  box?.addEventListener("change", () => {
    const typed = Number(box.value);
    if (box.value.trim() !== "" && Number.isFinite(typed)) {
      const onStep = Number((low + Math.round((typed - low) / step) * step).toPrecision(12));
      const value = Math.min(high, Math.max(low, onStep));
      if (value !== form.value) {
        form.value = value;
        form.dispatchEvent(new Event("input", {bubbles: true}));
      }
    }
    box.value = String(form.value);
  });
  return form;
}
