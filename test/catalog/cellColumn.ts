import {readFileSync} from "node:fs";

/**
 * The 1-based character column at which the 1-based field `field` of a CSV row that quotes nothing starts: one past
 * the characters of the fields before it and one comma after each. Tests use it to state where an editor's cursor
 * lands for `file:line:column` without counting characters by hand.
 */
export function cellColumn(row: string, field: number): number {
  return (
    row
      .split(",")
      .slice(0, field - 1)
      .reduce((sum, cell) => sum + cell.length + 1, 0) + 1
  );
}

/**
 * `data/models.csv:LINE:COLUMN` of the bundled model `id`'s cell of `column`, as a message names it from the
 * repository's root (cellColumn: the cells before it quote nothing).
 */
export function bundledModelCell(id: string, column: string): string {
  const lines = readFileSync(new URL("../../data/models.csv", import.meta.url), "utf8").split("\n");
  const index = lines.findIndex((line) => line.startsWith(`${id},`));
  return `data/models.csv:${index + 1}:${cellColumn(lines[index]!, lines[0]!.split(",").indexOf(column) + 1)}`;
}
