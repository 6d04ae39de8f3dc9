import { findSupplierTable, readSupplierRows, sourceKey, chunkRowsFor } from "../../taskpane/excel/table-source";
import type { ExcelSupport } from "../../taskpane/excel/host";
import { MockWorkbook, type Cell } from "./mock-workbook";

const ALL: ExcelSupport = { readTables: true, tableUnderSelection: true, workbookSettings: true, dataTypes: true };
const HEADER: Cell[] = ["Supplier", "Material", "Country of origin", "Plant country", "China share (%)", "Annual spend"];

function supplierRows(count: number): Cell[][] {
  return Array.from({ length: count }, (_, i) => [`Supplier ${i + 1}`, i % 2 ? "gallium" : "NdFeB magnets", "China", "Germany", 0.5, 1000 + i]);
}

/** A sheet with a note in A1, a blank row, then the supplier block from B3 (header) onwards. */
function sheetWithBlock(rows: number): Cell[][] {
  return [["Supplier list, FY2026"], [], ...[HEADER, ...supplierRows(rows)].map((row) => [null, ...row])];
}

test("the Excel table under the selection is found, with its header and size", async () => {
  const workbook = new MockWorkbook({
    sheets: [{ name: "Suppliers", cells: sheetWithBlock(20), tables: [{ name: "SupplierTable", row: 2, column: 1, rows: 21, columns: 6 }] }],
    selection: { sheet: "Suppliers", row: 7, column: 3 },
  });
  const found = await findSupplierTable(workbook.context, ALL);
  expect(found).toEqual({
    ok: true,
    source: {
      kind: "table",
      sheetName: "Suppliers",
      tableName: "SupplierTable",
      address: "Suppliers!B3:G23",
      headerRow: 2,
      firstColumn: 1,
      columnCount: 6,
      rowCount: 20,
      headers: HEADER,
    },
  });
  if (found.ok) expect(sourceKey(found.source)).toBe("table:SupplierTable");
});

test("without a table, the current region around the selection is used (the note above it is not)", async () => {
  const workbook = new MockWorkbook({
    sheets: [{ name: "Suppliers", cells: sheetWithBlock(12) }],
    selection: { sheet: "Suppliers", row: 9, column: 2 },
  });
  const found = await findSupplierTable(workbook.context, ALL);
  expect(found.ok && found.source).toMatchObject({ kind: "region", tableName: null, address: "Suppliers!B3:G15", headerRow: 2, rowCount: 12, headers: HEADER });
  if (found.ok) expect(sourceKey(found.source)).toBe("range:Suppliers!R3C2");
});

test("when Range.getTables is not supported (ExcelApi < 1.9) the current region is used even inside a table", async () => {
  const workbook = new MockWorkbook({
    sheets: [{ name: "Suppliers", cells: sheetWithBlock(5), tables: [{ name: "SupplierTable", row: 2, column: 1, rows: 6, columns: 6 }] }],
    selection: { sheet: "Suppliers", row: 4, column: 1 },
  });
  const found = await findSupplierTable(workbook.context, { ...ALL, tableUnderSelection: false });
  expect(found.ok && found.source.kind).toBe("region");
});

test("an empty cell far from any data is not a supplier table; without ExcelApi 1.7 nothing is tried", async () => {
  const workbook = new MockWorkbook({ sheets: [{ name: "Suppliers", cells: sheetWithBlock(5) }], selection: { sheet: "Suppliers", row: 30, column: 10 } });
  expect(await findSupplierTable(workbook.context, ALL)).toEqual({ ok: false, code: "no_table_at_selection" });
  expect(await findSupplierTable(workbook.context, { ...ALL, readTables: false })).toEqual({ ok: false, code: "api_unsupported" });
});

test("12,345 rows are read in 5,000-row chunks, one sync each, with progress after every chunk", async () => {
  const workbook = new MockWorkbook({
    sheets: [{ name: "Suppliers", cells: [HEADER, ...supplierRows(12_345)] }],
    selection: { sheet: "Suppliers", row: 0, column: 0 },
  });
  const found = await findSupplierTable(workbook.context, ALL);
  if (!found.ok) throw new Error(found.code);
  const progress: [number, number][] = [];
  let pauses = 0;
  workbook.loadedRangeRows.length = 0;
  const rows = await readSupplierRows(workbook.context, found.source, {
    chunkRows: 5_000,
    onProgress: (done, total) => progress.push([done, total]),
    pause: async () => {
      pauses += 1;
    },
  });
  expect(workbook.loadedRangeRows).toEqual([5_000, 5_000, 2_345]);
  expect(progress).toEqual([[0, 12_345], [5_000, 12_345], [10_000, 12_345], [12_345, 12_345]]);
  expect(pauses).toBe(2);
  expect(rows).toHaveLength(12_345);
  expect(rows![0]).toEqual({ sheetRow: 1, cells: ["Supplier 1", "NdFeB magnets", "China", "Germany", 0.5, 1000] });
  expect(rows![12_344].sheetRow).toBe(12_345);
  expect(rows![12_344].cells[0]).toBe("Supplier 12345");
  expect(workbook.writes).toEqual([]);
});

test("blank rows inside a table are skipped but keep the sheet positions of the rows after them", async () => {
  const cells: Cell[][] = [HEADER, ...supplierRows(2), ["", "", "", "", "", ""], ...supplierRows(1)];
  const workbook = new MockWorkbook({
    sheets: [{ name: "S", cells, tables: [{ name: "T", row: 0, column: 0, rows: 5, columns: 6 }] }],
    selection: { sheet: "S", row: 1, column: 0 },
  });
  const found = await findSupplierTable(workbook.context, ALL);
  if (!found.ok) throw new Error(found.code);
  const rows = await readSupplierRows(workbook.context, found.source, { pause: async () => undefined });
  expect(rows!.map((r) => r.sheetRow)).toEqual([1, 2, 4]);
});

test("a wide table gets smaller chunks so one request stays small", () => {
  expect(chunkRowsFor(9)).toBe(5_000);
  expect(chunkRowsFor(200)).toBe(500);
});

test("reading stops between chunks when a newer request cancels it", async () => {
  const workbook = new MockWorkbook({ sheets: [{ name: "S", cells: [HEADER, ...supplierRows(30)] }], selection: { sheet: "S", row: 0, column: 0 } });
  const found = await findSupplierTable(workbook.context, ALL);
  if (!found.ok) throw new Error(found.code);
  let chunks = 0;
  const rows = await readSupplierRows(workbook.context, found.source, {
    chunkRows: 10,
    onProgress: () => (chunks += 1),
    isCancelled: () => chunks >= 2,
    pause: async () => undefined,
  });
  expect(rows).toBeNull();
});
