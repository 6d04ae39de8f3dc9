/**
 * "Insert example" over the office-addin-mock workbook: the bundled example list goes to a new sheet with a
 * name of its own, as an Excel table with typed cells, and the user's sheets are not touched. The expected
 * cells are read off examples/suppliers.csv by eye (its first rows), not computed by the code under test.
 */
import { exampleList } from "../../taskpane/example-list";
import { writeExampleSheet } from "../../taskpane/excel/example-sheet";
import { MockWorkbook, type Cell } from "./mock-workbook";

const USER_CELLS: Cell[][] = [["Budget 2027", null], ["Travel", 120_000], ["=SUM(B2:B2)", "050400"]];

function userWorkbook(): MockWorkbook {
  return new MockWorkbook({
    sheets: [
      { name: "Budget", cells: USER_CELLS.map((row) => [...row]), formats: [["@", "@"], ["@", "General"], ["@", "@"]] },
      { name: "Example suppliers", cells: [["my own notes"]] },
    ],
    selection: { sheet: "Budget", row: 10, column: 5 },
  });
}

test("the bundled list is examples/suppliers.csv with shares as numbers 0–1, spend as numbers and text as text", () => {
  const list = exampleList();
  expect(list.headers).toEqual([
    "Supplier", "Commodity", "Supplier country", "Site country", "China input share", "China technology", "China equipment", "China personnel", "Annual spend (USD)", "Notes",
  ]);
  expect(list.rows).toHaveLength(40);
  // Row 1: Hoshino Magnetics KK,NdFeB magnet N52SH,Japan,Japan,85%,,,,"6,200,000",Rotor magnets for the 150 kW drive
  expect(list.rows[0]).toEqual(["Hoshino Magnetics KK", "NdFeB magnet N52SH", "Japan", "Japan", 0.85, "", "", "", 6_200_000, "Rotor magnets for the 150 kW drive"]);
  // Row 2 writes its share as 0.9; row 4's spend "480,000" has one group of three digits, read with the column's decimal point.
  expect(list.rows[1][4]).toBe(0.9);
  expect(list.rows[3][8]).toBe(480_000);
  expect(list.numberFormats).toEqual(["@", "@", "@", "@", "0%", "0%", "0%", "0%", "#,##0", "@"]);
});

test("the list goes to a new sheet named afresh, as a table with typed cells; the user's sheets are untouched", async () => {
  const workbook = userWorkbook();
  const before = JSON.stringify(workbook.sheets);
  const { sheetName } = await writeExampleSheet(workbook.context, exampleList());

  expect(sheetName).toBe("Example suppliers (2)");
  expect(workbook.sheets.map((s) => s.name)).toEqual(["Budget", "Example suppliers", "Example suppliers (2)"]);
  expect(JSON.stringify(workbook.sheets.slice(0, 2))).toBe(before);
  expect(new Set(workbook.writes.map((w) => w.sheet))).toEqual(new Set([sheetName]));

  const cells = workbook.sheet(sheetName).cells;
  expect(cells).toHaveLength(41);
  expect(cells[0][0]).toBe("Supplier");
  expect(cells[1].slice(0, 5)).toEqual(["Hoshino Magnetics KK", "NdFeB magnet N52SH", "Japan", "Japan", 0.85]);
  expect(cells[1][8]).toBe(6_200_000);
  expect(workbook.sheet(sheetName).formats?.[1]?.[4]).toBe("0%");
  expect(workbook.tablesAdded).toEqual([{ sheet: sheetName, hasHeaders: true }]);
  expect(workbook.sheet(sheetName).tables).toEqual([{ name: "Table1", row: 0, column: 0, rows: 41, columns: 10 }]);
  expect(workbook.activated).toEqual([sheetName]);
  expect(workbook.selections).toEqual([`${sheetName}!A2:A2`]);
});

test("text that looks like a number or a formula stays text on the new sheet", async () => {
  const workbook = userWorkbook();
  const csv = 'Supplier,Commodity,Annual spend (USD)\n050400,8505.11,"6,200,000"\n"=HYPERLINK(""http://x"")",3-4,\n';
  const { sheetName } = await writeExampleSheet(workbook.context, exampleList(csv));
  const cells = workbook.sheet(sheetName).cells;
  expect(cells[1]).toEqual(["050400", "8505.11", 6_200_000]);
  expect(cells[2].slice(0, 2)).toEqual(['=HYPERLINK("http://x")', "3-4"]);
  const written = workbook.writes.find((w) => w.property === "values")!.value as unknown[][];
  expect(written[2][0]).toBe('\'=HYPERLINK("http://x")');
});
