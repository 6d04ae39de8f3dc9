import { CsvParser, type ParsedRecord } from "../../../src/cli/readers/csv-parser";

function parse(pieces: readonly string[], delimiter = ",", maxCell = 1000) {
  const parser = new CsvParser(delimiter, maxCell);
  const records: ParsedRecord[] = [];
  for (const piece of pieces) parser.push(piece, (record) => records.push(record));
  const unclosed = parser.end((record) => records.push(record));
  return { records: records.map((r) => ({ row: r.row, cells: r.cells, issues: r.issues })), unclosed, lineEndings: { ...parser.lineEndings } };
}

const TEXT = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\n\n"q" r,,last\rend,"",\r\nplain,"quoted"';

describe("CsvParser", () => {
  it("reads quotes, escaped quotes, line breaks in cells, blank lines and every line ending as a person would", () => {
    expect(parse([TEXT])).toEqual({
      records: [
        { row: 1, cells: ["a", "b", "c"], issues: [] },
        { row: 2, cells: ["x, y", 'say "hi"', "two\nlines"], issues: [] },
        { row: 3, cells: [""], issues: [] },
        { row: 4, cells: ["q r", "", "last"], issues: [{ code: "quote_misplaced", column: 0 }] },
        { row: 5, cells: ["end", "", ""], issues: [] },
        { row: 6, cells: ["plain", "quoted"], issues: [] },
      ],
      unclosed: null,
      lineEndings: { crlf: 2, lf: 2, cr: 1 },
    });
  });

  it("gives the same records however the text is split into chunks", () => {
    const whole = parse([TEXT]);
    for (let size = 1; size <= 30; size += 1) {
      const pieces: string[] = [];
      for (let at = 0; at < TEXT.length; at += size) pieces.push(TEXT.slice(at, at + size));
      expect(parse(pieces)).toEqual(whole);
    }
  });

  it("cuts a long cell while reading it and says how long it was", () => {
    const { records } = parse(["a,", "x".repeat(700), "y".repeat(700), ",b\n"], ",", 1000);
    expect(records[0].cells[1]).toBe("x".repeat(700) + "y".repeat(300));
    expect(records[0].issues).toEqual([{ code: "cell_too_long", column: 1, length: 1400 }]);
  });

  it("reports a quote left open at the end with the row it opened on and the lines it swallowed", () => {
    expect(parse(['h\nok\n"open\nrow 4\nrow 5\n']).unclosed).toEqual({ row: 3, lines: 3 });
  });
});
