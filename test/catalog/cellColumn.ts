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
