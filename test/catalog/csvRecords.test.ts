// readCsvRecords reads CSV by d3-dsv's rules (csvParseRows) while counting lines: the cells must be d3-dsv's, and the
// line of each record the one it starts on. Issue 18: a stray quote inside a cell followed by a multi-line quoted
// cell was reported on the wrong line (the old line count toggled on every quote; d3-dsv opens a quoted cell only at a
// cell's first character).
import {csvParseRows} from "d3-dsv";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {readCsvRecords} from "../../src/catalog/csvCells.js";
import {UserError} from "../../src/errors/userError.js";

const FILE = {file: "t.csv"};

/**
 * True when `text` has a quoted cell that no lone quote closes, by an independent walk over d3-dsv's rules: a quote
 * opens a quoted cell only as a cell's first character; the cell closes at the first quote not doubled; the character
 * after the closing quote is taken as the delimiter, whatever it is (a \r\n as one); a bare cell ends after the next
 * comma or line break.
 */
function hasUnterminatedQuote(text: string): boolean {
  let at = 0;
  while (at < text.length) {
    if (text[at] === '"') {
      const close = /^(?:[^"]|"")*"(?!")/.exec(text.slice(at + 1));
      if (!close) return true;
      at += 1 + close[0].length;
    } else {
      while (at < text.length && !",\n\r".includes(text[at]!)) at++;
    }
    at += text.startsWith("\r\n", at) ? 2 : 1;
  }
  return false;
}

describe("readCsvRecords", () => {
  it("gives the same cells as d3-dsv's csvParseRows for any text of quotes, commas and line breaks, or throws at an unterminated quote", () => {
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom("a", '"', ",", "\n", "\r", " ", "b")}), (text) => {
        if (/\r(?!\n)/.test(text)) {
          // A lone \r in a file whose rows end in \n: one error at it, before any other reading (see below).
          expect(() => readCsvRecords(`h\n${text}`, FILE)).toThrow("carriage return alone");
          return;
        }
        if (hasUnterminatedQuote(`h\n${text}`)) {
          expect(() => readCsvRecords(`h\n${text}`, FILE)).toThrow("unterminated quoted cell");
          return;
        }
        const {header, records} = readCsvRecords(`h\n${text}`, FILE);
        const ours = [header, ...records].filter((record) => record !== undefined).map((record) => record.cells);
        const theirs = csvParseRows(`h\n${text}`).filter((row) => !(row.length === 1 && row[0]!.trim() === ""));
        expect(ours).toEqual(theirs);
      }),
      {numRuns: 2000}
    );
  });

  it("gives d3-dsv's cells for a file whose header ends in \\r alone (old Mac files; \\n or \\r\\n may follow)", () => {
    fc.assert(
      // (A body starting with \n would make the header's end \r\n: a file of \n rows.)
      fc.property(
        fc.string({unit: fc.constantFrom("a", ",", "\r", "\n", " ", "b")}).filter((t) => !t.startsWith("\n")),
        (text) => {
          const {header, records} = readCsvRecords(`h\r${text}`, FILE);
          const ours = [header, ...records].filter((record) => record !== undefined).map((record) => record.cells);
          const theirs = csvParseRows(`h\r${text}`).filter((row) => !(row.length === 1 && row[0]!.trim() === ""));
          expect(ours).toEqual(theirs);
        }
      ),
      {numRuns: 500}
    );
  });

  it.each([
    // Line 2 is `a,NVIDIA\rH100,x`: `a,NVIDIA` is 8 characters, so the \r is at column 9, in column "name".
    ["id,name,notes\na,NVIDIA\rH100,x\n", 2, 9, "name"],
    // The same in a CRLF file, on line 3, in the last cell.
    ["id,name,notes\r\na,b,c\r\nd,e,two\rparts\r\n", 3, 8, "notes"],
    // In the header, after its \n row end was seen first: no column is named.
    ["id\n,na\rme\na,b\n", 2, 4, undefined]
  ])(
    "a lone \\r in a file of \\n rows is one error at it, naming its column: %j → %i:%i %s",
    (text, line, column, path) => {
      // It was read as a row end: two 'wrong number of cells' errors with a hint about commas (breaker).
      let error: unknown;
      try {
        readCsvRecords(text, FILE);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).detail).toMatchObject({
        file: "t.csv",
        line,
        column,
        message: "carriage return alone"
      });
      expect((error as UserError).detail.path).toBe(path);
    }
  );

  // It was read as part of its cell: "power_w: not a number … found "70\u00000"" (tester); a scenario file said
  // this already.
  // A file saved as UTF-16 without a byte-order mark reads as UTF-8 with a NUL beside every ASCII letter: it was the
  // NUL error, "as in a binary or corrupted file", naming UTF-16 only in its hint (breaker).
  it.each([
    ["little-endian", (c: string) => `${c}\u0000`],
    ["big-endian", (c: string) => `\u0000${c}`]
  ])("says a file in UTF-16 %s without a byte-order mark is UTF-16, once, at its start", (order, encode) => {
    const text = [..."id,power_w\na,700\nb,700\n"].map(encode).join("");
    expect(() => readCsvRecords(text, FILE)).toThrow(
      new UserError({
        file: "t.csv",
        line: 1,
        column: 1,
        message: "UTF-16 text, not UTF-8",
        expected: "a text file in UTF-8",
        found: `UTF-16 ${order} without a byte-order mark (a NUL byte beside every letter)`,
        hint: "save it as UTF-8: in Excel as CSV UTF-8 (Comma delimited), in an editor from its encoding menu"
      })
    );
  });

  it("a NUL byte is one error at the first, naming its column, as in a scenario file", () => {
    expect(() => readCsvRecords("id,power_w\na,70\u00000\nb,\u0000\n", FILE)).toThrow(
      new UserError({
        file: "t.csv",
        line: 2,
        column: 5,
        path: "power_w",
        message: "a NUL byte (\\0), as in a binary or corrupted file",
        expected: "a text file in UTF-8",
        found: 'a NUL after "a,70", then 1 more at line 3, column 3',
        hint:
          "delete it in a text editor, or restore the file; a file saved as UTF-16 has one beside every letter: " +
          "save it as UTF-8"
      })
    );
    expect(() => readCsvRecords("id,power_w\na,70\u00000\n", FILE)).toThrow(
      "t.csv:2:5: power_w: a NUL byte (\\0), as in a binary or corrupted file: expected a text file in UTF-8, " +
        'found a NUL after "a,70" (delete it'
    );
  });

  it("reads a file of \\r rows whose quoted cells hold \\n or \\r\\n (Excel's CSV (Macintosh)) as d3-dsv does", () => {
    const text = 'id,notes\ra,"two\nlines"\rb,"crlf\r\ninside"\rc,x\r\n';
    expect(readCsvRecords(text, FILE).records.map((record) => record.cells)).toEqual(csvParseRows(text).slice(1));
  });

  it("places a record after a stray quote and a multi-line quoted cell on the line it starts on", () => {
    // Line 1 header; line 2 has a literal quote mid-cell; line 3 opens a quoted cell that spans lines 3-5; line 6.
    const text = 'id,notes\na,say "hi\nb,"multi\nline\ncell"\nc,x\n';
    expect(readCsvRecords(text, FILE).records.map((record) => [record.line, record.cells])).toEqual([
      [2, ["a", 'say "hi']],
      [3, ["b", "multi\nline\ncell"]],
      [6, ["c", "x"]]
    ]);
  });

  it("counts \\r\\n, \\r and \\n each as one line break (\\r alone only in a file with no \\n: see below)", () => {
    expect(readCsvRecords("id,notes\r\na,1\nb,2\r\nc,3", FILE).records.map((record) => record.line)).toEqual([2, 3, 4]);
    expect(readCsvRecords("id,notes\ra,1\rb,2\rc,3", FILE).records.map((record) => record.line)).toEqual([2, 3, 4]);
  });

  it("places each cell at the line and character column of its first character (a quoted cell at its quote)", () => {
    // Line 2: `a,"b,""c""",d`: 'a' at 1; the quoted cell opens at 3 and is 9 characters ("b,""c"""), so its closing
    // comma is at 12 and 'd' starts at 13. Line 3 opens a quoted cell over two lines; 'y' follows `l2",` (4
    // characters) on line 4, at 5. A \r\n ends line 4; the empty cell of line 5 starts after `z,` at 3.
    const text = 'h1,h2,h3\na,"b,""c""",d\nx,"l1\nl2",y\r\nz,,w\n';
    const {records} = readCsvRecords(text, FILE);
    expect(records.map((record) => [record.cells, record.positions])).toEqual([
      [
        ["a", 'b,"c"', "d"],
        [
          {line: 2, column: 1},
          {line: 2, column: 3},
          {line: 2, column: 13}
        ]
      ],
      [
        ["x", "l1\nl2", "y"],
        [
          {line: 3, column: 1},
          {line: 3, column: 3},
          {line: 4, column: 5}
        ]
      ],
      [
        ["z", "", "w"],
        [
          {line: 5, column: 1},
          {line: 5, column: 3},
          {line: 5, column: 4}
        ]
      ]
    ]);
    // The end of line 2's record is just past its 13 characters.
    expect(records[0]!.end).toEqual({line: 2, column: 14});
  });

  it("puts every cell's written text (quoted and escaped, or bare) at its position, for any text", () => {
    fc.assert(
      fc.property(fc.string({unit: fc.constantFrom("a", '"', ",", "\n", "\r", " ", "b")}), (body) => {
        // A body with a lone \r is read as a file of \r rows (its \n dropped): a lone \r beside \n is an error.
        const text = /\r(?!\n)/.test(body) ? `h\r${body.replace(/\n/g, "")}` : `h\n${body}`;
        // Offsets of line starts, counted independently: after each \r\n, lone \r or \n.
        const lineStarts = [0];
        for (const match of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(match.index + match[0].length);
        if (hasUnterminatedQuote(text)) return;
        const {header, records} = readCsvRecords(text, FILE);
        for (const record of [header!, ...records]) {
          record.cells.forEach((cell, i) => {
            const {line, column} = record.positions[i]!;
            const offset = lineStarts[line - 1]! + column - 1;
            const written = text[offset] === '"' ? `"${cell.replace(/"/g, '""')}` : cell;
            expect(text.slice(offset).startsWith(written), JSON.stringify({text, i})).toBe(true);
          });
        }
      }),
      {numRuns: 2000}
    );
  });

  it.each([
    // Line 2 is `a,"X, unterminated`: 'a' and its comma are 2 characters, so the quote opens at column 3 (the cell of
    // column "name"). With a final newline, without one, and with later rows that d3-dsv would swallow into the cell.
    ['id,name\na,"X, unterminated\n', 2, 3],
    ['id,name\na,"X, unterminated', 2, 3],
    ['id,name\na,"X, unterminated\nb,ok\nc,ok\n', 2, 3],
    // Line 3, after a record with a closed quoted cell and an escaped quote (`b,"say ""hi"""` is closed); the open
    // quote is the first character of line 3's second cell: `c,` is 2 characters, so column 3.
    ['id,name\nb,"say ""hi"""\nc,"open ""quote"" then nothing\nd,ok', 3, 3],
    // A quoted cell that opens on line 2 and spans a line break closes; the one on line 4 at column 1 does not.
    ['id,name\na,"two\nlines"\n"no end,x\n', 4, 1]
  ])("an unterminated quoted cell is an error at its opening quote: %j → line %i, column %i", (text, line, column) => {
    let error: unknown;
    try {
      readCsvRecords(text, FILE);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).detail).toMatchObject({
      file: "t.csv",
      line,
      column,
      message: "unterminated quoted cell"
    });
  });

  it("names the column of the unterminated cell from the header, in one line", () => {
    expect(() => readCsvRecords('id,name\na,"X, unterminated\nb,ok\n', FILE)).toThrow(
      't.csv:2:3: name: unterminated quoted cell: expected a closing " (a quote inside a quoted cell is written ""), found the end of the file (a cell that starts with a quote runs to the next lone quote)'
    );
  });
});
