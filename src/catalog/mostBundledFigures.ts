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
 * How many times a chip's BF16 peak its FP8 peak is, at least and at most: 1.95 (trainium2, 1299 vs 667 TFLOP/s) to
 * 3.75 (trainium3, 2517 vs 671) among the bundled rows of data/hardware.csv with both, 2 on every other (H100, B200,
 * MI300X, TPU v7…); test/catalog/mostBundledFigures.test.ts checks every bundled row is within it.
 */
export const FP8_PER_BF16 = {least: 1, most: 4} as const;

/** The other column of a chip's pair of peaks: the figure a cell's suggestion is checked beside. */
export const PAIRED_FIGURE: Readonly<Record<MostBundledColumn, MostBundledColumn>> = {
  bf16_tflops: "fp8_tflops",
  fp8_tflops: "bf16_tflops"
};

/**
 * Whether `meant` (a figure of `column`, in its unit) is plausible beside the same row's paired figure written
 * `pairWritten` (bf16_tflops for fp8_tflops, and the reverse): FP8 is FP8_PER_BF16 times BF16. The paired figure is
 * read as it is, or a thousandth of it when it too is far above any chip's (both cells in GFLOP/s); a paired cell that
 * is empty (a chip without FP8) or no plain number (its own error) leaves `meant` unchecked, so plausible.
 */
export function plausibleBesidePair(column: MostBundledColumn, meant: number, pairWritten: string): boolean {
  const pair = PAIRED_FIGURE[column];
  const cell = notedCellNumber(pairWritten);
  if (cell === null || cell.value <= 0) return true;
  const other = farAboveBundled(pair, cell.value) ? cell.value / 1000 : cell.value;
  const ratio = column === "fp8_tflops" ? meant / other : other / meant;
  return ratio >= FP8_PER_BF16.least && ratio <= FP8_PER_BF16.most;
}

/**
 * The sentence for a data/hardware.csv cell of `column` written `written`, when farAboveBundled, else null:
 * "bf16_tflops 989400 is 989,400 TFLOP/s, over ten times any bundled chip's (the most, gb200's, is 2500 TFLOP/s):
 * write 989.4 if 989400 GFLOP/s was meant". A cell that is not a plain number, or too large to be finite, is left to
 * the cell's own error (notedCellNumber). With `pairWritten`, the same row's paired cell (bf16_tflops for fp8_tflops,
 * fp8_tflops for bf16_tflops), the sentence offers no figure when the one it would offer is implausible beside it
 * (plausibleBesidePair): fp8_tflops 9000000 beside a bf16_tflops of 989.4 was offered 9000, nine times the BF16 peak
 * (breaker); it says only how far above any chip's the cell is, which a note still tells a project's author (60000
 * beside 989.4 passed validate without a word once the offer was dropped; review).
 */
export function farAboveCellSentence(column: MostBundledColumn, written: string, pairWritten = ""): string | null {
  const slip = farAboveSlip(column, written, pairWritten);
  return slip && (slip.offer ? `${slip.far}: ${slip.offer}` : slip.far);
}

/**
 * The hint for a cell of `column` above its range (CellReader's aboveHint): farAboveCellSentence when it offers a
 * figure, else null (the range error says the rest: "out of range … found '9000000'").
 */
export function farAboveCellHint(column: MostBundledColumn, written: string, pairWritten = ""): string | null {
  const slip = farAboveSlip(column, written, pairWritten);
  return slip?.offer ? `${slip.far}: ${slip.offer}` : null;
}

/** How far above any chip's a cell is, and the figure offered for it (null when implausible beside the pair). */
function farAboveSlip(
  column: MostBundledColumn,
  written: string,
  pairWritten: string
): {far: string; offer: string | null} | null {
  const cell = notedCellNumber(written);
  if (cell === null || !farAboveBundled(column, cell.value)) return null;
  const {text, value} = cell;
  const {most, chip, unit, smaller} = MOST_BUNDLED_FIGURES[column];
  const meant = Number((value / 1000).toPrecision(12));
  const far =
    `${column} ${text} is ${notedNumberText(groupThousands(value))} ${unit}, over ten times any bundled chip's ` +
    `(the most, ${chip}'s, is ${most} ${unit})`;
  const offer = plausibleBesidePair(column, meant, pairWritten)
    ? `write ${meant} if ${text} ${smaller} was meant`
    : null;
  return {far, offer};
}
