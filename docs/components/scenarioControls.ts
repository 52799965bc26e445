// Sliders for a scenario's key assumptions. The element's value is {path: display value}; it fires "input" as any
// slider moves, so a page can use it with view().
import {controlBounds, type KeyControl} from "./keyControls.js";

export interface ScenarioControlsElement extends HTMLElement {
  value: Record<string, number>;
}

/** Formats a slider's display value for its readout. */
function readout(control: KeyControl, value: number): string {
  const digits = Math.max(0, -Math.floor(Math.log10(control.step) + 1e-9));
  return `${value.toFixed(digits)} ${control.unit}`;
}

/**
 * One slider per control, starting at `values[path]` (base units), with a number box beside it. A control whose key
 * has no number (a distribution is passed as its median) is left out.
 */
export function ScenarioControls(controls: readonly KeyControl[], values: Record<string, unknown>) {
  const root = document.createElement("div") as unknown as ScenarioControlsElement;
  root.className = "scenario-controls";
  const current: Record<string, number> = {};
  for (const control of controls) {
    const base = values[control.path];
    if (typeof base !== "number") continue;
    const {min, max} = controlBounds(control, base);
    const start = Number((base * control.scale).toPrecision(12));
    current[control.path] = start;
    const row = document.createElement("label");
    row.className = "scenario-control";
    row.dataset.key = control.path;
    const name = document.createElement("span");
    name.className = "scenario-control-label";
    name.textContent = control.label;
    const key = document.createElement("code");
    key.textContent = control.path;
    name.append(document.createElement("br"), key);
    const range = document.createElement("input");
    range.type = "range";
    range.min = String(min);
    range.max = String(max);
    range.step = "any";
    range.value = String(start);
    range.setAttribute("aria-label", `${control.label}, ${control.unit}`);
    const number = document.createElement("input");
    number.type = "number";
    number.min = String(min);
    number.max = String(max);
    number.step = String(control.step);
    number.value = String(Number(start.toPrecision(4)));
    number.setAttribute("aria-label", `${control.label}, ${control.unit}`);
    const unit = document.createElement("span");
    unit.className = "scenario-control-unit";
    unit.textContent = control.unit;
    unit.title = readout(control, start);
    const update = (raw: string, from: HTMLInputElement) => {
      let value = Number(raw);
      if (!Number.isFinite(value) || raw.trim() === "") return;
      value = Math.min(max, Math.max(min, value));
      // Sliders snap to the control's step; typed numbers are kept as typed (within the bounds).
      if (from === range)
        value = Number((min + Math.round((value - min) / control.step) * control.step).toPrecision(12));
      if (from !== range) range.value = String(value);
      if (from !== number) number.value = String(value);
      if (current[control.path] === value) return;
      current[control.path] = value;
      unit.title = readout(control, value);
      root.dispatchEvent(new Event("input", {bubbles: true}));
    };
    range.addEventListener("input", (event) => {
      event.stopPropagation();
      update(range.value, range);
    });
    number.addEventListener("input", (event) => {
      event.stopPropagation();
      update(number.value, number);
    });
    row.append(name, range, number, unit);
    root.append(row);
  }
  Object.defineProperty(root, "value", {get: () => ({...current})});
  return root;
}
