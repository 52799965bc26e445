import {inRange} from "../lib/scenario/file/keyRange.js";
import {keyRange, scenarioKey} from "../lib/scenario/file/schema.js";

/**
 * A slider for one key assumption, in display units: the slider shows `base × scale` in `unit`, from `min` to `max`
 * in steps of `step`. Every end lies inside the key's range (test/scenario/keyControls.test.ts checks it).
 */
export interface KeyControl {
  path: string;
  label: string;
  /** Display unit of the slider ("%", "USD/kWh", "months", "M USD", "×"). */
  unit: string;
  /** Display value = base-unit value × scale. */
  scale: number;
  min: number;
  max: number;
  step: number;
}

/** The key assumptions a scenario page offers sliders for, in page order. */
export const KEY_CONTROLS: readonly KeyControl[] = [
  {path: "serving.utilization", label: "Serving utilisation", unit: "%", scale: 100, min: 5, max: 100, step: 1},
  {path: "power.electricity", label: "Electricity", unit: "USD/kWh", scale: 1, min: 0.01, max: 0.4, step: 0.001},
  {path: "finance.costOfCapital", label: "Cost of capital", unit: "%/yr", scale: 100, min: 0, max: 30, step: 0.5},
  {path: "silicon.designCycle", label: "Chip design cycle", unit: "months", scale: 1, min: 3, max: 48, step: 1},
  {path: "silicon.nre", label: "Chip program cost (NRE)", unit: "M USD", scale: 1e-6, min: 10, max: 2000, step: 10},
  {path: "demand.agentMultiplier", label: "Agent multiplier", unit: "×", scale: 1, min: 1, max: 100, step: 0.5}
];

/**
 * The slider's bounds for a scenario whose value of the key is `value` (base units): the control's bounds, widened to
 * include the value, and never past the key's range.
 */
export function controlBounds(control: KeyControl, value: number): {min: number; max: number} {
  const display = value * control.scale;
  const def = scenarioKey(control.path);
  const range = def ? keyRange(def) : undefined;
  let min = Math.min(control.min, display);
  let max = Math.max(control.max, display);
  if (range && !inRange(min / control.scale, range)) min = control.min;
  if (range && !inRange(max / control.scale, range)) max = control.max;
  return {min, max};
}

/** A slider's display value in the key's base unit, rounded to 12 significant digits (70 % → 0.7, not 0.7000…01). */
export function controlToBase(control: KeyControl, display: number): number {
  return Number((display / control.scale).toPrecision(12));
}
