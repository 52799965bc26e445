// A project's data/models.csv row with a cell too many (` "Llama 2, 7B"` split at its comma) got its error, then a
// note on the cell shifted into training_tokens_t: `training_tokens_t 4096 is 4,096T tokens …` for context_tokens'
// 4096 (breaker), as hardwareCellNotes did before it skipped such rows. modelCellNotes skips them the same way.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, afterEach, describe, expect, it, vi} from "vitest";
import {modelCellNotes} from "../../src/node/catalogFiles.js";

const dir = mkdtempSync(join(tmpdir(), "tl-model-notes-"));
mkdirSync(join(dir, "data", "scenarios"), {recursive: true});
const file = join(dir, "data", "models.csv");
const [HEADER, ...rows] = readFileSync(new URL("../../data/models.csv", import.meta.url), "utf8").split("\n");
// The bundled Llama 2 7B row as a model of the project's own, its 2T training tokens written in billions (a note).
const BILLIONS = rows
  .find((row) => row.startsWith("llama-2-7b,"))!
  .replace("llama-2-7b,", "my-llama,")
  .replace(",4096,2,", ",4096,2000,");

/** The note on the training tokens of `row` on `line`. */
function note(line: number, row: string): string {
  const column = row.indexOf(",2000,") + 2;
  return (
    `${file}:${line}:${column}: training_tokens_t 2000 is 2,000T tokens, where the most in data/models.csv, ` +
    "llama-4-maverick's, is 22T: write 2 if 2000B was meant"
  );
}

/** modelCellNotes of a project whose data/models.csv is `text`. */
function notesOf(text: string): string[] {
  writeFileSync(file, text);
  vi.stubEnv("TOKEN_LEDGER_PROJECT", dir);
  return modelCellNotes();
}

afterEach(() => vi.unstubAllEnvs());
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe("modelCellNotes", () => {
  it("notes a row whose cells are one per column", () => {
    expect(notesOf(`${HEADER}\n${BILLIONS}\n`)).toEqual([note(2, BILLIONS)]);
  });

  it.each([
    ["text after a closing quote", '"Llama 2" 7B'],
    ["a quote after a space, its comma splitting the cell", ' "Llama 2, 7B"']
  ])("gives none for a row with %s (its cells shifted), and still notes the next row", (_, name) => {
    // Shifted one cell right, context_tokens' 4096 is read where training_tokens_t is.
    const shifted = BILLIONS.replace(",2000,", ",2,").replace(",Llama 2 7B,", `,${name},`);
    const next = BILLIONS.replace("my-llama,", "my-llama-b,");
    expect(notesOf(`${HEADER}\n${shifted}\n${next}\n`)).toEqual([note(3, next)]);
  });

  it("gives none for a file whose header is in error (two columns swapped)", () => {
    const swapped = HEADER!.replace("context_tokens,training_tokens_t", "training_tokens_t,context_tokens");
    expect(swapped).not.toBe(HEADER);
    expect(notesOf(`${swapped}\n${BILLIONS}\n`)).toEqual([]);
  });
});
