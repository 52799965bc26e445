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
  const tickFormat = (v: number) => (Number.isInteger(v) ? String(v) : "");
  if (distinct.length !== 1) return {tickFormat};
  const only = distinct[0]!;
  return {tickFormat, domain: [only - 1, only + 1], ticks: [only - 1, only, only + 1]};
}
