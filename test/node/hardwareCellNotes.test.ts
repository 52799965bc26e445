// A project's data/hardware.csv row with a cell too many (`"NVIDIA H100" SXM5`, or ` "NVIDIA H100, SXM5"` split at its
// comma) got its error, then notes on its shifted cells: `price_usd 700 is $700 … write 700000` for power_w's 700,
// `system_power_w 0.5 is 0.5 W …` for system_overhead's 0.5 (tester). Following them would wreck the row: such a row,
// and every row of a file whose header is in error, has no cell notes.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, afterEach, describe, expect, it, vi} from "vitest";
import {hardwareCellNotes} from "../../src/node/catalogFiles.js";

const dir = mkdtempSync(join(tmpdir(), "tl-cell-notes-"));
mkdirSync(join(dir, "data", "scenarios"), {recursive: true});
const file = join(dir, "data", "hardware.csv");
const [HEADER, ...rows] = readFileSync(new URL("../../data/hardware.csv", import.meta.url), "utf8").split("\n");
// The bundled H100 row as a chip of the project's own, its price written in thousands (a note on its own).
const CHEAP = rows
  .find((row) => row.startsWith("h100-sxm,"))!
  .replace("h100-sxm,", "my-h100,")
  .replace(",31120,", ",31.12,");

/** The note on the price of `row` (CHEAP, or CHEAP with another id) on `line`. */
function note(line: number, row = CHEAP): string {
  const column = row.indexOf(",31.12,") + 2;
  return (
    `${file}:${line}:${column}: price_usd 31.12 is $31.12 (the column is in US dollars), ` +
    "where a chip costs thousands: write 31120 if $31.12k was meant"
  );
}

/** hardwareCellNotes of a project whose data/hardware.csv is `text`. */
function notesOf(text: string): string[] {
  writeFileSync(file, text);
  vi.stubEnv("TOKEN_LEDGER_PROJECT", dir);
  return hardwareCellNotes();
}

afterEach(() => vi.unstubAllEnvs());
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("hardwareCellNotes", () => {
  it("notes a row whose cells are one per column", () => {
    expect(notesOf(`${HEADER}\n${CHEAP}\n`)).toEqual([note(2)]);
  });

  it.each([
    ["text after a closing quote", '"NVIDIA H100" SXM5'],
    ["a quote after a space, its comma splitting the cell", ' "NVIDIA H100, SXM5"']
  ])("gives none for a row with %s (its cells shifted), and still notes the next row", (_, name) => {
    const shifted = CHEAP.replace(",31.12,", ",31120,").replace("NVIDIA H100 SXM5 80GB", name);
    const next = CHEAP.replace("my-h100,", "my-h100-b,");
    expect(notesOf(`${HEADER}\n${shifted}\n${next}\n`)).toEqual([note(3, next)]);
  });

  // 989400 for the H100's 989.4 TFLOP/s, in GFLOP/s: with fp8_tflops blank no other check names it (breaker).
  it("notes a bf16_tflops over ten times any bundled chip's, likely GFLOP/s", () => {
    const row = CHEAP.replace(",31.12,", ",31120,").replace(",989.4,1979,", ",989400,,");
    const column = row.indexOf(",989400,") + 2;
    expect(notesOf(`${HEADER}\n${row}\n`)).toEqual([
      `${file}:2:${column}: bf16_tflops 989400 is 989,400 TFLOP/s, over ten times any bundled chip's (the most, ` +
        "gb200's, is 2500 TFLOP/s): write 989.4 if 989400 GFLOP/s was meant"
    ]);
  });

  // An fp8_tflops in GFLOP/s within the column's range (to a million TFLOP/s), as bf16_tflops is noted: only when the
  // figure offered is 1 to 4 times bf16_tflops (60000 beside 989.4 was offered 60, under the BF16 peak; breaker).
  it("notes an fp8_tflops over ten times any bundled chip's, likely GFLOP/s, when plausible beside bf16_tflops", () => {
    const row = CHEAP.replace(",31.12,", ",31120,").replace(",989.4,1979,", ",30,60000,");
    const column = row.indexOf(",60000,") + 2;
    expect(notesOf(`${HEADER}\n${row}\n`)).toEqual([
      `${file}:2:${column}: fp8_tflops 60000 is 60,000 TFLOP/s, over ten times any bundled chip's (the most, ` +
        "gb200's, is 5000 TFLOP/s): write 60 if 60000 GFLOP/s was meant"
    ]);
    // Beside 989.4, 60 is no FP8 peak: the note says how far above any chip's 60000 is, offering no figure.
    const implausible = CHEAP.replace(",31.12,", ",31120,").replace(",989.4,1979,", ",989.4,60000,");
    expect(notesOf(`${HEADER}\n${implausible}\n`)).toEqual([
      `${file}:2:${implausible.indexOf(",60000,") + 2}: fp8_tflops 60000 is 60,000 TFLOP/s, over ten times any bundled chip's (the most, ` +
        "gb200's, is 5000 TFLOP/s)"
    ]);
  });

  // The cell refuses `50%` ("not a number … write 0.5"): the note advised it (breaker).
  it("advises a system_overhead's fraction, which the cell accepts, not a percentage", () => {
    const row = CHEAP.replace(",31.12,", ",31120,").replace(",0.5,1275,", ",50,1275,");
    const column = row.indexOf(",50,1275,") + 2;
    expect(notesOf(`${HEADER}\n${row}\n`)).toEqual([
      `${file}:2:${column}: system_overhead 50 is 5,000% (a bare number is a fraction: 0.5 is 50%): write 0.5 if 50% ` +
        "was meant"
    ]);
  });

  // The error at the cell said it already: "is ∞ TFLOP/s … write Infinity if …" with its 400 digits beside "it
  // overflows", and a bf16_tflops above fp8_tflops had its error's hint repeated by a note at the same cell (breaker).
  it.each([
    ["a number too large for a double", `9${"0".repeat(400)},,`],
    ["a far-above bf16_tflops above fp8_tflops (its error's hint says it)", "989400,1979,"],
    ["an fp8_tflops above its range (its error's hint says it)", "989.4,1979000,"]
  ])("gives none for a cell in error: %s", (_, cells) => {
    const row = CHEAP.replace(",31.12,", ",31120,").replace(",989.4,1979,", `,${cells}`);
    expect(notesOf(`${HEADER}\n${row}\n`)).toEqual([]);
  });

  it("gives none for a file whose header is in error (two columns swapped)", () => {
    const swapped = HEADER!.replace("power_w,price_usd", "price_usd,power_w");
    expect(swapped).not.toBe(HEADER);
    expect(notesOf(`${swapped}\n${CHEAP}\n`)).toEqual([]);
  });
});
