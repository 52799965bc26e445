import {truncate} from "../errors/truncate.js";

/**
 * Longest text of a cell's number a note quotes, in characters: a cell's figure is a few digits, and a note's sentence
 * quoted all 400 of a bf16_tflops written as 9 followed by 400 zeros (breaker).
 */
export const NOTED_CELL_CHARS = 40;

/**
 * A catalog cell written as a plain number (`989400`, `0.45`, `+7`), as a cell's note reads it: its text, trimmed and
 * cut to NOTED_CELL_CHARS with an ellipsis (truncate), and its value. Null for any other text, which is left to the
 * cell's own error, and for a number too large for a double: it reads as Infinity, and a note saying "is ∞ TFLOP/s …
 * write Infinity if …" repeated what the cell's error says ("it overflows"; breaker).
 */
export function notedCellNumber(written: string): {text: string; value: number} | null {
  const text = written.trim();
  const value = Number(text);
  if (!/^\+?\d*\.?\d+$/.test(text) || !Number.isFinite(value)) return null;
  return {text: truncate(text, NOTED_CELL_CHARS), value};
}

/** `text` (a number as a note writes it: grouped, scaled) cut to NOTED_CELL_CHARS, as notedCellNumber cuts a cell's. */
export function notedNumberText(text: string): string {
  return truncate(text, NOTED_CELL_CHARS);
}
