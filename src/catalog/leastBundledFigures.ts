import {notedCellNumber} from "./notedCellNumber.js";

/**
 * The least value each of these data/hardware.csv columns takes among the bundled rows, the chip that gives it, the
 * column's unit and the next-larger unit its figure is also published in (a datasheet's "2.25 PFLOPS", "1.8 TB/s
 * NVLink", "1.2 kW"). test/catalog/leastBundledFigures.test.ts checks each against the bundled file.
 *
 * The other unit-bearing columns are left out: `hbm_gb` and `hbm_gib` are held to each other already (a capacity in TB
 * fails the hbm_gib check), `fp8_tflops` is at least `bf16_tflops` already, `hbm_tbps` has no larger unit anyone
 * writes, `fp4_tflops` has two bundled rows (both Blackwell: no anchor for a smaller chip) and `scale_out_gbps` is
 * read by no price per token.
 */
export const LEAST_BUNDLED_FIGURES = {
  bf16_tflops: {least: 123, chip: "tpu-v3", unit: "TFLOP/s", larger: "PFLOP/s"},
  scale_up_gbps: {least: 80, chip: "tpu-v3", unit: "GB/s", larger: "TB/s"},
  power_w: {least: 140, chip: "tpu-v5e", unit: "W", larger: "kW"},
  system_power_w: {least: 218, chip: "tpu-v5e", unit: "W", larger: "kW"}
} as const satisfies Readonly<Record<string, {least: number; chip: string; unit: string; larger: string}>>;

/** A column of LEAST_BUNDLED_FIGURES. */
export type LeastBundledColumn = keyof typeof LEAST_BUNDLED_FIGURES;

/**
 * A figure under this fraction of the least bundled chip's in its column is far below any accelerator the models
 * price, and more likely the figure in the next-larger unit, a thousandth of what was meant: a scale_up_gbps of 0.45
 * (NVLink's 0.45 TB/s each way) priced tokens at 29.6 USD/Mtok against 0.874 with no word (breaker). A tenth leaves
 * room for a chip smaller than the bundled ones (an edge part at 14 W, a link at 8 GB/s, which is still a quarter of
 * PCIe 4.0 x16's 32 GB/s each way), while a figure a thousand times too small falls far below it. A note, not an
 * error: such a chip may be meant.
 */
export const FAR_BELOW_FRACTION = 0.1;

/** Whether `value` (in the column's unit) is under FAR_BELOW_FRACTION of the least bundled chip's in `column`. */
export function farBelowBundled(column: LeastBundledColumn, value: number): boolean {
  return value > 0 && value < LEAST_BUNDLED_FIGURES[column].least * FAR_BELOW_FRACTION;
}

/**
 * Why a figure farBelowBundled is noted, for a note's sentence: "under a tenth of any bundled chip's (the least,
 * tpu-v3's, is 80 GB/s)".
 */
export function farBelowReason(column: LeastBundledColumn): string {
  const {least, chip, unit} = LEAST_BUNDLED_FIGURES[column];
  return `under a tenth of any bundled chip's (the least, ${chip}'s, is ${least} ${unit})`;
}

/**
 * The note's sentence for a data/hardware.csv cell of `column` written `written`, when farBelowBundled, else null:
 * "scale_up_gbps 0.45 is 0.45 GB/s, under a tenth of any bundled chip's (the least, tpu-v3's, is 80 GB/s): write 450
 * if 0.45 TB/s was meant". A cell that is not a plain number is left to the cell's own error. `name` stands for the
 * column where another place takes the same figure in the same unit (a flag: "--chip-power").
 */
export function farBelowCellSentence(
  column: LeastBundledColumn,
  written: string,
  name: string = column
): string | null {
  const cell = notedCellNumber(written);
  if (cell === null || !farBelowBundled(column, cell.value)) return null;
  const {text, value} = cell;
  const {unit, larger} = LEAST_BUNDLED_FIGURES[column];
  const meant = Number((value * 1000).toPrecision(12));
  const reason = farBelowReason(column);
  return `${name} ${text} is ${text} ${unit}, ${reason}: write ${meant} if ${text} ${larger} was meant`;
}
