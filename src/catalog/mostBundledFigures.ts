import {groupThousands} from "../units/groupThousands.js";
import {notedCellNumber, notedNumberText} from "./notedCellNumber.js";

/**
 * The most each of these data/hardware.csv columns takes among the bundled rows, the chip that gives it, the column's
 * unit and the next-smaller unit its figure is also published in (a spec sheet's "989,400 GFLOPS"): the mirror of
 * leastBundledFigures.ts. test/catalog/mostBundledFigures.test.ts checks each against the bundled file. The column's
 * range (HARDWARE_CELL_RANGES, to a million TFLOP/s) takes a figure in GFLOP/s, which only fp8_tflops below it caught,
 * blamed on fp8_tflops (breaker); one above it read "out of range" alone (fp8_tflops 1979000; breaker).
 */
export const MOST_BUNDLED_FIGURES = {
  bf16_tflops: {most: 2500, chip: "gb200", unit: "TFLOP/s", smaller: "GFLOP/s"},
  fp8_tflops: {most: 5000, chip: "gb200", unit: "TFLOP/s", smaller: "GFLOP/s"}
} as const satisfies Readonly<Record<string, {most: number; chip: string; unit: string; smaller: string}>>;

/** A column of MOST_BUNDLED_FIGURES. */
export type MostBundledColumn = keyof typeof MOST_BUNDLED_FIGURES;

/**
 * A figure over this many times the most bundled chip's in its column is far above any accelerator built, and more
 * likely the figure in the next-smaller unit, a thousand times what was meant: the smallest bundled chip's BF16 in
 * GFLOP/s (tpu-v3's 123,000) is 49 times the most, and the smallest FP8 (custom-inference-asic's 1,000,000) 200 times.
 * Ten leaves room for chips a few generations ahead.
 */
export const FAR_ABOVE_FACTOR = 10;

/** Whether `value` (in the column's unit) is over FAR_ABOVE_FACTOR times the most bundled chip's in `column`. */
export function farAboveBundled(column: MostBundledColumn, value: number): boolean {
  return value > MOST_BUNDLED_FIGURES[column].most * FAR_ABOVE_FACTOR;
}

/**
 * The sentence for a data/hardware.csv cell of `column` written `written`, when farAboveBundled, else null:
 * "bf16_tflops 989400 is 989,400 TFLOP/s, over ten times any bundled chip's (the most, gb200's, is 2500 TFLOP/s):
 * write 989.4 if 989400 GFLOP/s was meant". A cell that is not a plain number, or too large to be finite, is left to
 * the cell's own error (notedCellNumber).
 */
export function farAboveCellSentence(column: MostBundledColumn, written: string): string | null {
  const cell = notedCellNumber(written);
  if (cell === null || !farAboveBundled(column, cell.value)) return null;
  const {text, value} = cell;
  const {most, chip, unit, smaller} = MOST_BUNDLED_FIGURES[column];
  const meant = Number((value / 1000).toPrecision(12));
  return (
    `${column} ${text} is ${notedNumberText(groupThousands(value))} ${unit}, over ten times any bundled chip's (the most, ${chip}'s, ` +
    `is ${most} ${unit}): write ${meant} if ${text} ${smaller} was meant`
  );
}
