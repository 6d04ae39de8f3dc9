import { asCellValue, freshSheetName, writeReport, MOST_ROWS_WITH_CARDS, type ReportContent } from "../../taskpane/excel/report";
import { excelStores, MockWorkbook, type Cell } from "./mock-workbook";

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

test("the mock stores text the way Excel reads typing, unless the cell is formatted as text", () => {
  // Excel (en-US): 050400 → 50400, 8505.11 → 8505.11, 3-4 → 4 March, 2026-06-01 → serial 46174, 12% → 0.12.
  expect(["050400", "8505.11", "3-4", "2026-06-01", "12%", "TRUE", "Beta"].map((text) => excelStores(text, "General"))).toEqual([
    50400, 8505.11, 46085, 46174, 0.12, true, "Beta",
  ]);
  expect(["050400", "8505.11", "3-4"].map((text) => excelStores(text, "@"))).toEqual(["050400", "8505.11", "3-4"]);
  expect(excelStores("'=SUM(A1)", "General")).toBe("=SUM(A1)");
});

test("text in the report stays text: text cells are formatted as text before their values are written", async () => {
  const workbook = workbookWith(["Suppliers"]);
  const risky: ReportContent = {
    title: "2026-06-01",
    facts: [["As of", "2026-06-01"], ["Rules", "2026.01.15"], ["Rows scored", 2]],
    categories: [["Minerals", 40], ["Technology", 10], ["Equipment", 0], ["Personnel", 5]],
    header: ["Row", "Supplier", "Commodity", "Score"],
    rows: [
      [2, "3-4", "8505.11", 73.4],
      [3, "050400", "TRUE", 12],
      [4, "Gamma", "12%", ""],
    ],
    scoreColumns: [3],
  };
  await writeReport(workbook.context, risky, { pause: async () => undefined });
  const cells = workbook.sheet("Chokepoint report").cells;
  const header = cells.findIndex((row) => row?.[0] === "Row");
  expect(cells[0][0]).toBe("2026-06-01");
  expect(cells.slice(2, 5).map((row) => row.slice(0, 2))).toEqual([["As of", "2026-06-01"], ["Rules", "2026.01.15"], ["Rows scored", 2]]);
  expect(cells.slice(header, header + 4).map((row) => row.slice(0, 4))).toEqual([
    ["Row", "Supplier", "Commodity", "Score"],
    [2, "3-4", "8505.11", 73.4],
    [3, "050400", "TRUE", 12],
    [4, "Gamma", "12%", ""],
  ]);
  const formats = workbook.sheet("Chokepoint report").formats!;
  expect(formats[header + 1].slice(0, 4)).toEqual(["General", "@", "@", "0.0"]);
});

test("the Alternatives table is a second Excel table with a title, shares formatted as percentages and formula-like text kept as text", async () => {
  const workbook = workbookWith(["Suppliers"]);
  const alternatives = {
    title: "Alternatives",
    header: ["Item", "China share", "Producers outside China"],
    rows: [["Lithium carbonate", 0.702, "Chile 20.4%"], ["=cmd|'/c calc'!A1", ">97%", "no country breakdown"]] as (string | number)[][],
    percentColumns: [1],
  };
  await writeReport(workbook.context, { ...CONTENT, alternatives }, { pause: async () => undefined });
  const writes = (property: string) => workbook.writes.filter((w) => w.property === property).map((w) => w.value as unknown[][]);
  expect(writes("values")).toContainEqual([["Alternatives"]]);
  expect(writes("values")).toContainEqual([
    ["Item", "China share", "Producers outside China"],
    ["Lithium carbonate", 0.702, "Chile 20.4%"],
    ["'=cmd|'/c calc'!A1", ">97%", "no country breakdown"],
  ]);
  // Formats before values: text as text ("@", so ">97%" stays text), numeric shares as percentages.
  expect(writes("numberFormat")).toContainEqual([
    ["@", "@", "@"],
    ["@", "0.0%", "@"],
    ["@", "@", "@"],
  ]);
  expect(workbook.tablesAdded).toEqual([
    { sheet: "Chokepoint report", hasHeaders: true },
    { sheet: "Chokepoint report", hasHeaders: true },
  ]);
});

test("a report without alternatives writes one table, as before", async () => {
  const workbook = workbookWith(["Suppliers"]);
  await writeReport(workbook.context, CONTENT, { pause: async () => undefined });
  expect(workbook.tablesAdded).toHaveLength(1);
});

test.each(["=", "+", "-", "@", "\t", "\r"])("the report sheet keeps text led by %j as text, also across line breaks", (lead) => {
  expect(asCellValue(`${lead}SUM(A1)`)).toBe(`'${lead}SUM(A1)`);
  expect(asCellValue(`${lead}HYPERLINK("http://evil")\nsecond line`)).toBe(`'${lead}HYPERLINK("http://evil")\nsecond line`);
  expect(asCellValue("Acme\n=1")).toBe("Acme\n=1");
});

describe("PROFILE cards in the report's item column", () => {
  const card = (name: string, padding = 0): Excel.EntityCellValue => ({
    type: "Entity",
    text: name,
    properties: { Item: { type: "String", basicValue: name }, Note: { type: "String", basicValue: "x".repeat(padding) } },
  });
  const content = (padding = 0): ReportContent => ({
    ...CONTENT,
    header: ["Row", "Item", "Score"],
    rows: [[2, "Gallium", 96], [3, "(not recognised)", 0], [4, "Antimony", 40]],
    cards: { column: 1, cardFor: (row) => (row === 1 ? null : card(row === 0 ? "Gallium" : "Antimony", padding)) },
  });
  const bodyRows = (workbook: MockWorkbook) => {
    const cells = workbook.sheet("Chokepoint report").cells;
    const header = cells.findIndex((row) => row?.[0] === "Row");
    return cells.slice(header + 1, header + 4);
  };

  test("where the host takes data types, matched rows get their card and the others keep their plain value", async () => {
    const workbook = workbookWith(["Suppliers"]);
    await writeReport(workbook.context, content(), { pause: async () => undefined, dataTypes: true });
    const items = bodyRows(workbook).map((row) => row[1]);
    expect(items).toEqual([card("Gallium"), "(not recognised)", card("Antimony")]);
    expect(workbook.sheet("Suppliers").cells).toEqual(USER_CELLS);
  });

  test("without data types only plain values are written, and a host below ExcelApi 1.16 is never asked for valuesAsJson", async () => {
    const workbook = new MockWorkbook({ sheets: [{ name: "Suppliers", cells: [] }], selection: { sheet: "Suppliers", row: 0, column: 0 }, excelApi: "1.15" });
    await writeReport(workbook.context, content(), { pause: async () => undefined, dataTypes: false });
    expect(bodyRows(workbook).map((row) => row[1])).toEqual(["Gallium", "(not recognised)", "Antimony"]);
    expect(workbook.writes.map((w) => w.property)).not.toContain("valuesAsJson");
  });

  test("the mock refuses valuesAsJson below ExcelApi 1.16, as Office.js would", async () => {
    const workbook = new MockWorkbook({ sheets: [{ name: "Suppliers", cells: [] }], selection: { sheet: "Suppliers", row: 0, column: 0 }, excelApi: "1.15" });
    await expect(writeReport(workbook.context, content(), { pause: async () => undefined, dataTypes: true })).rejects.toThrow(/ApiNotFound/);
  });

  test("cards go out in batches that stay under the request size budget", async () => {
    const workbook = workbookWith(["Suppliers"]);
    // Two cards of ~1.2 million characters cannot share one batch of at most 2 million.
    await writeReport(workbook.context, content(1_200_000), { pause: async () => undefined, dataTypes: true });
    const batches = workbook.writes.filter((w) => w.property === "valuesAsJson").map((w) => (w.value as unknown[][]).length);
    expect(batches).toEqual([2, 1]);
    expect(bodyRows(workbook).map((row) => (typeof row[1] === "object" ? (row[1] as Excel.EntityCellValue).text : row[1]))).toEqual([
      "Gallium",
      "(not recognised)",
      "Antimony",
    ]);
  });

  test("a report with more rows than MOST_ROWS_WITH_CARDS keeps its item column plain", async () => {
    const workbook = workbookWith(["Suppliers"]);
    const rows = Array.from({ length: MOST_ROWS_WITH_CARDS + 1 }, (_, i) => [i + 2, "Gallium", 96]);
    let asked = 0;
    const many: ReportContent = { ...content(), rows, cards: { column: 1, cardFor: () => (asked++, card("Gallium")) } };
    await writeReport(workbook.context, many, { pause: async () => undefined, dataTypes: true });
    expect(asked).toBe(0);
    expect(workbook.writes.map((w) => w.property)).not.toContain("valuesAsJson");
  });
});
