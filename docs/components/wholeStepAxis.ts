// An x axis of whole steps (months, years, design cycles): ticks only at whole numbers ("1", never "1.000000" or
// "0.2"), and a single step centred with a step's room on either side, where Plot would stretch one value across the
// frame.

/** Plot x-scale options for steps `values` (whole numbers): merge into the plot's `x`. */
export function wholeStepAxis(values: readonly number[]): {
  tickFormat: (v: number) => string;
  domain?: [number, number];
  ticks?: number[];
} {
  const distinct = [...new Set(values)];
  if (distinct.length !== 1) return {tickFormat: wholeTickFormat};
  const only = distinct[0]!;
  return {tickFormat: wholeTickFormat, domain: [only - 1, only + 1], ticks: [only - 1, only, only + 1]};
}

/** A y axis of whole counts from 0 to `max` (chip generations): a tick at every whole number up to ten, else only
 * whole-number labels. Merge into the plot's `y`. */
export function wholeCountAxis(max: number): {ticks?: number[]; tickFormat: (v: number) => string} {
  const top = Math.ceil(max);
  return top <= 10
    ? {ticks: Array.from({length: top + 1}, (_, i) => i), tickFormat: wholeTickFormat}
    : {tickFormat: wholeTickFormat};
}

/** A tick label only at whole numbers ("1", never "1.000000" or "0.5"). */
function wholeTickFormat(v: number): string {
  return Number.isInteger(v) ? String(v) : "";
}
