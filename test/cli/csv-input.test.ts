/**
 * Messy and hostile CSV files: each case is generated here, labelled with what a person reading the file
 * would say it holds, and the CLI must read exactly that or refuse with a coded reason.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AS_OF, runCli, scoreToJson as score, type ReportRow as Row } from "./helpers";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "chokepoint-csv-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileCount = 0;
function file(content: string | Buffer, extension = "csv"): string {
  const path = join(dir, `case-${(fileCount += 1)}.${extension}`);
  writeFileSync(path, content);
  return path;
}


const errorCode = (row: Row) => row.error?.split(":")[0] ?? null;

describe("quotes", () => {
  it("refuses (exit 2) a file whose unclosed quote would swallow the rest of it, naming the row", async () => {
    const lines = ["supplier,commodity"];
    for (let i = 0; i < 200_000; i++) lines.push(i === 2 ? '"Acme, Inc.,gallium' : `Supplier ${i},gallium`);
    const result = await score(file(`${lines.join("\n")}\n`));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unclosed_quote: .*row 4/);
  });

  it("reports a quoted cell followed by more text as an error on that row, and reads the others", async () => {
    const result = await score(file('supplier,commodity\n"Acme" Inc,gallium\nGood Co,gallium\n'));
    expect(result.code).toBe(0);
    expect(result.report!.rows.map((r) => [r.row, errorCode(r)])).toEqual([
      [2, "quote_misplaced"],
      [3, null],
    ]);
  });
});

describe("line endings", () => {
  it("reads every row of a file that switches from CRLF to LF", async () => {
    const crlf = Array.from({ length: 1_000 }, (_, i) => `A${i},gallium`).join("\r\n");
    const lf = Array.from({ length: 1_000 }, (_, i) => `B${i},gallium`).join("\n");
    const result = await score(file(`supplier,commodity\r\n${crlf}\r\n${lf}\n`));
    expect(result.code).toBe(0);
    const rows = result.report!.rows;
    expect(rows).toHaveLength(2_000);
    expect(rows[999]).toMatchObject({ row: 1_001, supplier: "A999" });
    expect(rows[1_000]).toMatchObject({ row: 1_002, supplier: "B0" });
    expect(rows.at(-1)).toMatchObject({ row: 2_001, supplier: "B999" });
  });

  it("reads old Mac files that end lines with CR alone", async () => {
    const result = await score(file("supplier,commodity\rA,gallium\rB,gallium\r"));
    expect(result.report!.rows.map((r) => [r.row, r.supplier])).toEqual([
      [2, "A"],
      [3, "B"],
    ]);
  });
});

describe("rows whose cell count differs from the header", () => {
  it("makes an unquoted separator inside a cell an error on that row instead of shifting the cells", async () => {
    const result = await score(file("supplier,commodity,supplier_country\nAcme, Inc.,gallium,Germany\nGood Co,gallium,Germany\n"));
    expect(result.code).toBe(0);
    const [bad, good] = result.report!.rows;
    expect(bad).toMatchObject({ row: 2, score: null });
    expect(bad.error).toMatch(/^row_cells_mismatch: .*4 cells.*3/);
    expect(good).toMatchObject({ row: 3, supplier: "Good Co", error: null });
  });

  it("makes a row with cells missing an error rather than reading blanks into the wrong columns", async () => {
    const result = await score(file("supplier,commodity,supplier_country,spend\nAcme,gallium\n"));
    expect(errorCode(result.report!.rows[0])).toBe("row_cells_mismatch");
  });

  it("accepts rows that stop before trailing columns whose header is blank", async () => {
    const result = await score(file("supplier,commodity,,\nAcme,gallium\nBeta,gallium,,\n"));
    expect(result.report!.rows.map(errorCode)).toEqual([null, null]);
  });
});

describe("text encodings", () => {
  it("refuses a file that is UTF-8 at first and not later, and asks for --encoding", async () => {
    const ascii = Buffer.from(`supplier,commodity\n${Array.from({ length: 2_000 }, (_, i) => `Supplier ${i},gallium`).join("\n")}\n`);
    const late = Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x2c, 0x67, 0x61, 0x6c, 0x6c, 0x69, 0x75, 0x6d, 0x0a]); // "Müller,gallium" in Windows-1252
    const path = file(Buffer.concat([ascii, late]));
    const refused = await score(path);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/encoding_unknown: .*not UTF-8.*line 2002.*--encoding/);

    const declared = await score(path, ["--encoding", "windows-1252"]);
    expect(declared.code).toBe(0);
    expect(declared.report!.rows.at(-1)).toMatchObject({ row: 2_002, supplier: "Müller" });
    expect(declared.stderr).toMatch(/windows-1252/);
  });

  it("reads Shift-JIS when it is declared", async () => {
    // 磁石 ("magnet") and 株式会社 ("company") in Shift-JIS.
    const bytes = Buffer.concat([
      Buffer.from("supplier,commodity\n"),
      Buffer.from([0x8a, 0x94, 0x8e, 0xae, 0x89, 0xef, 0x8e, 0xd0]),
      Buffer.from(",NdFeB "),
      Buffer.from([0x8e, 0xa5, 0x90, 0xce]),
      Buffer.from("\n"),
    ]);
    const result = await score(file(bytes), ["--encoding", "shift_jis"]);
    expect(result.code).toBe(0);
    expect(result.report!.rows[0]).toMatchObject({ supplier: "株式会社", commodity: "NdFeB 磁石" });
  });

  it("reads Excel's 'Unicode Text' (UTF-16LE with a byte-order mark, tab-separated) and says so", async () => {
    const text = "\ufeffSupplier\tCommodity\tSupplier country\nMüller Magnete\tNdFeB magnet\tGermany\n";
    const result = await score(file(Buffer.from(text, "utf16le"), "txt"));
    expect(result.code).toBe(0);
    expect(result.report!.rows[0]).toMatchObject({ row: 2, supplier: "Müller Magnete", error: null });
    expect(result.stderr).toMatch(/UTF-16LE/);
  });

  it("reads UTF-16BE with a byte-order mark", async () => {
    const text = "\ufeffsupplier,commodity\nÅland Oy,gallium\n";
    const bytes = Buffer.from(text, "utf16le").swap16();
    const result = await score(file(bytes));
    expect(result.report!.rows[0]).toMatchObject({ supplier: "Åland Oy" });
  });

  it("refuses an encoding name it does not know (exit 2)", async () => {
    const result = await score(file("supplier,commodity\nA,gallium\n"), ["--encoding", "klingon-8"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--encoding/);
  });
});

describe("finding the header row", () => {
  it("skips ERP title rows above the header and keeps spreadsheet row numbers", async () => {
    const result = await score(file("Supplier master export;;\nPrinted 2025-06-01;;\n\nSupplier;Commodity;Spend\nAcme;gallium;100\n"));
    expect(result.code).toBe(0);
    expect(result.report!.rows).toEqual([expect.objectContaining({ row: 5, supplier: "Acme", commodity: "gallium" })]);
    expect(result.stderr).toMatch(/header on row 4/);
  });

  it("honours Excel's sep= line", async () => {
    const result = await score(file("sep=;\nsupplier;commodity;spend\nAcme, Inc.;gallium;1,5\n"));
    expect(result.code).toBe(0);
    expect(result.report!.rows).toEqual([expect.objectContaining({ supplier: "Acme, Inc.", commodity: "gallium", error: null })]);
  });

  it("takes the row that maps the most columns", async () => {
    // Row 1 names one known column ("Product"), row 2 is the real header with four.
    const result = await score(file("Product,Catalogue 2025,,\nSupplier,Commodity,Country,Spend\nAcme,gallium,Japan,100\n"));
    expect(result.report!.rows).toEqual([expect.objectContaining({ row: 3, supplier: "Acme", commodity: "gallium" })]);
  });

  it("on failure says which rows it looked at", async () => {
    const result = await score(file("Supplier,Country,Spend\nAcme,Japan,100\nBeta,Korea,200\n"));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/header_not_found: .*rows 1–3/);
  });
});

describe("very long cells", () => {
  it("cuts a 20 MB cell at read time and reports it on its row", async () => {
    const huge = "x".repeat(20 * 1024 * 1024);
    const result = await score(file(`supplier,commodity,notes\nAcme,gallium,${huge}\nBeta,gallium,ok\n`));
    expect(result.code).toBe(0);
    const [long, fine] = result.report!.rows;
    expect(long.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^cell_too_long: notes .*32,767/)]));
    expect(fine).toMatchObject({ row: 3, supplier: "Beta", error: null });
  });

  it("makes an over-long cell in a column the scorer reads an error on that row", async () => {
    const result = await score(file(`supplier,commodity\nAcme,${"magnet ".repeat(6_000)}\n`));
    expect(errorCode(result.report!.rows[0])).toBe("cell_too_long");
  });

  it("carries the cut cell, not the whole one, into CSV output", async () => {
    const huge = "y".repeat(100_000);
    const result = await runCli(["score", file(`supplier,commodity,notes\nAcme,gallium,${huge}\n`), "--as-of", AS_OF, "--format", "csv"]);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeLessThan(40_000);
  });
});

describe("spend", () => {
  const tenth = (x: number) => Math.round(x * 10) / 10;

  it("decides the decimal mark per column: €1.234 weighs 1234 when EUR 1.234,50 is in the same column", async () => {
    const result = await score(file("supplier;commodity;spend\nA;gallium;€1.234\nB;NdFeB magnet;EUR 1.234,50\n"));
    const [a, b] = result.report!.rows;
    expect(a.score).not.toBe(b.score);
    expect(result.report!.summary.spendWeightedScore).toBe(tenth((1234 * a.score! + 1234.5 * b.score!) / (1234 + 1234.5)));
    expect(result.stderr).toMatch(/decimal comma/);
  });

  it("warns, and does not guess, when no value shows the column's decimal mark", async () => {
    const result = await score(file("supplier,commodity,spend\nA,gallium,1.234\nB,NdFeB magnet,5.678\n"));
    const [a, b] = result.report!.rows;
    expect(result.stderr).toMatch(/warning: spend_ambiguous: 2 spend values .*rows 2, 3/);
    // Neither spend is used, so the summary is the plain mean of the matched rows.
    expect(result.report!.summary.spendWeightedScore).toBe(tenth((a.score! + b.score!) / 2));
  });

  it("makes a spend that would overflow the weighted sum an error for its row, not a NaN portfolio score", async () => {
    const huge = `1${"0".repeat(300)}`;
    const result = await score(file(`supplier,commodity,spend\nA,gallium,${huge}\nB,gallium,${huge}\nC,NdFeB magnet,100\n`));
    const [a, b, c] = result.report!.rows;
    expect(errorCode(a)).toBe("spend_too_large");
    expect(errorCode(b)).toBe("spend_too_large");
    expect(result.report!.summary).toMatchObject({ rows: 3, errors: 2, spendWeightedScore: c.score });
  });
});
