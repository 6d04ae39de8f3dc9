import { asCellValue, freshSheetName, writeReport, type ReportContent } from "../../taskpane/excel/report";
import { MockWorkbook, type Cell } from "./mock-workbook";

const CONTENT: ReportContent = {
  title: "Chokepoint exposure report",
  facts: [["As of", "2026-06-01"], ["Rows scored", 2]],
  categories: [["Minerals", 40], ["Technology", 10], ["Equipment", 0], ["Personnel", 5]],
  header: ["Row", "Supplier", "Score"],
  rows: [[2, "=HYPERLINK(\"http://evil\")", 73.4], [3, "Beta", 12]],
  scoreColumns: [2],
};

const USER_CELLS: Cell[][] = [["Supplier", "Commodity"], ["Alpha", "gallium"]];

function workbookWith(sheetNames: string[]): MockWorkbook {
  return new MockWorkbook({
    sheets: sheetNames.map((name) => ({ name, cells: USER_CELLS.map((row) => [...row]) })),
    selection: { sheet: sheetNames[0], row: 0, column: 0 },
  });
}

test("report sheet names: the base name, then (2), (3)… skipping every taken name, case-insensitively", () => {
  expect(freshSheetName(["Sheet1"])).toBe("Chokepoint report");
  expect(freshSheetName(["Sheet1", "chokepoint REPORT"])).toBe("Chokepoint report (2)");
  expect(freshSheetName(["Chokepoint report", "Chokepoint report (2)"])).toBe("Chokepoint report (3)");
  expect(freshSheetName([], "A very long base name for a sheet in Excel")).toHaveLength(31);
});

test("writing twice where the name is taken creates two new sheets and leaves the user's sheets untouched", async () => {
  const workbook = workbookWith(["Suppliers", "Chokepoint report"]);
  const first = await writeReport(workbook.context, CONTENT, { pause: async () => undefined });
  const second = await writeReport(workbook.context, CONTENT, { pause: async () => undefined });
  expect(first.sheetName).toBe("Chokepoint report (2)");
  expect(second.sheetName).toBe("Chokepoint report (3)");
  expect(workbook.sheets.map((s) => s.name)).toEqual(["Suppliers", "Chokepoint report", "Chokepoint report (2)", "Chokepoint report (3)"]);

  const writtenSheets = new Set(workbook.writes.map((w) => w.sheet));
  expect([...writtenSheets].sort()).toEqual(["Chokepoint report (2)", "Chokepoint report (3)"]);
  expect(workbook.sheet("Suppliers").cells).toEqual(USER_CELLS);
  expect(workbook.sheet("Chokepoint report").cells).toEqual(USER_CELLS);

  expect(workbook.charts).toEqual([
    { sheet: "Chokepoint report (2)", type: "BarClustered", seriesBy: "Columns" },
    { sheet: "Chokepoint report (3)", type: "BarClustered", seriesBy: "Columns" },
  ]);
  expect(workbook.tablesAdded).toEqual([
    { sheet: "Chokepoint report (2)", hasHeaders: true },
    { sheet: "Chokepoint report (3)", hasHeaders: true },
  ]);
  expect(workbook.activated).toEqual(["Chokepoint report (2)", "Chokepoint report (3)"]);
});

test("the results are written as values, with formula-like text kept as text", async () => {
  const workbook = workbookWith(["Suppliers"]);
  await writeReport(workbook.context, CONTENT, { pause: async () => undefined });
  const valueWrites = workbook.writes.filter((w) => w.property === "values").map((w) => w.value as unknown[][]);
  const body = valueWrites.find((values) => values.length === 2 && values[0].length === 3 && values[0][0] === 2);
  expect(body).toEqual([[2, "'=HYPERLINK(\"http://evil\")", 73.4], [3, "Beta", 12]]);
  const categories = valueWrites.find((values) => values[0][0] === "Category");
  expect(categories?.slice(1)).toEqual([["Minerals", 40], ["Technology", 10], ["Equipment", 0], ["Personnel", 5]]);
  expect(asCellValue("-5 kg")).toBe("'-5 kg");
  expect(asCellValue(-5)).toBe(-5);
});

test("a large report is written in chunks with progress", async () => {
  const workbook = workbookWith(["Suppliers"]);
  const rows = Array.from({ length: 12_000 }, (_, i) => [i + 2, `S${i}`, i % 100]);
  const progress: number[] = [];
  await writeReport(workbook.context, { ...CONTENT, rows }, { onProgress: (done) => progress.push(done), pause: async () => undefined });
  expect(progress).toEqual([0, 5_000, 10_000, 12_000]);
});

test.each(["=", "+", "-", "@", "\t", "\r"])("the report sheet keeps text led by %j as text, also across line breaks", (lead) => {
  expect(asCellValue(`${lead}SUM(A1)`)).toBe(`'${lead}SUM(A1)`);
  expect(asCellValue(`${lead}HYPERLINK("http://evil")\nsecond line`)).toBe(`'${lead}HYPERLINK("http://evil")\nsecond line`);
  expect(asCellValue("Acme\n=1")).toBe("Acme\n=1");
});
