// readCsvRecords reads CSV by d3-dsv's rules (csvParseRows) while counting lines: the cells must be d3-dsv's, and the
// line of each record the one it starts on. Issue 18: a stray quote inside a cell followed by a multi-line quoted
// cell was reported on the wrong line (the old line count toggled on every quote; d3-dsv opens a quoted cell only at a
// cell's first character).
import {csvParseRows} from "d3-dsv";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {readCsvRecords} from "../../src/catalog/csvCells.js";

describe("readCsvRecords", () => {
  it("gives the same cells as d3-dsv's csvParseRows for any text of quotes, commas and line breaks", () => {
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom("a", '"', ",", "\n", "\r", " ", "b")}), (text) => {
        const {header, records} = readCsvRecords(`h\n${text}`);
        const ours = [header, ...records].filter((record) => record !== undefined).map((record) => record.cells);
        const theirs = csvParseRows(`h\n${text}`).filter((row) => !(row.length === 1 && row[0]!.trim() === ""));
        expect(ours).toEqual(theirs);
      }),
      {numRuns: 2000}
    );
  });

  it("places a record after a stray quote and a multi-line quoted cell on the line it starts on", () => {
    // Line 1 header; line 2 has a literal quote mid-cell; line 3 opens a quoted cell that spans lines 3-5; line 6.
    const text = 'id,notes\na,say "hi\nb,"multi\nline\ncell"\nc,x\n';
    expect(readCsvRecords(text).records.map((record) => [record.line, record.cells])).toEqual([
      [2, ["a", 'say "hi']],
      [3, ["b", "multi\nline\ncell"]],
      [6, ["c", "x"]]
    ]);
  });

  it("counts \\r\\n, \\r and \\n each as one line break", () => {
    const text = "id,notes\r\na,1\rb,2\nc,3";
    expect(readCsvRecords(text).records.map((record) => record.line)).toEqual([2, 3, 4]);
  });
});
