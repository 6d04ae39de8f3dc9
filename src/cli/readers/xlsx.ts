/**
 * XLSX → spreadsheet rows with exceljs. The workbook is loaded whole (an XLSX sheet holds at most
 * 1,048,576 rows); the rows are then handed on in batches like the CSV reader's, so scoring and output
 * stay incremental. Cells become plain values: rich text → its text, a formula → its cached result,
 * a hyperlink → its text, a date → YYYY-MM-DD, an error → its text (#N/A), which the engine reports.
 */
import { stat } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { CellValue } from "../../engine/types";
import { isBlankRecord, nonBlankBatches, type OpenTableResult, type TableRecord } from "./table";

export const XLSX_BATCH_ROWS = 2000;

function isoDay(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

export function plainCellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return isoDay(value);
  if ("richText" in value) return value.richText.map((run) => run.text).join("");
  if ("error" in value) return value.error;
  if ("formula" in value || "sharedFormula" in value) return plainCellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("hyperlink" in value) return plainCellValue(value.text as ExcelJS.CellValue);
  return String(value);
}

function pickSheet(workbook: ExcelJS.Workbook, wanted: string | undefined): ExcelJS.Worksheet | null {
  const sheets = workbook.worksheets;
  if (wanted === undefined) return sheets[0] ?? null;
  return (
    sheets.find((sheet) => sheet.name === wanted) ??
    sheets.find((sheet) => sheet.name.toLowerCase() === wanted.trim().toLowerCase()) ??
    null
  );
}

export async function openXlsx(path: string, options: { sheet?: string } = {}): Promise<OpenTableResult> {
  try {
    if ((await stat(path)).isDirectory()) return { ok: false, error: { code: "file_unreadable", path, cause: "it is a folder" } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: { code: "file_unreadable", path, cause: code === "ENOENT" ? "no such file" : String(error) } };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    return { ok: false, error: { code: "workbook_invalid", path, cause: error instanceof Error ? error.message : String(error) } };
  }
  const sheet = pickSheet(workbook, options.sheet);
  if (sheet === null) {
    if (options.sheet === undefined) return { ok: false, error: { code: "file_empty", path } };
    return { ok: false, error: { code: "sheet_not_found", path, sheet: options.sheet, sheets: workbook.worksheets.map((s) => s.name) } };
  }

  const lastRow = sheet.rowCount;
  const width = sheet.columnCount;
  const cellsOf = (rowNumber: number): CellValue[] => {
    const row = sheet.getRow(rowNumber);
    const cells: CellValue[] = [];
    for (let column = 1; column <= width; column += 1) cells.push(plainCellValue(row.getCell(column).value));
    return cells;
  };

  let rowNumber = 0;
  let header: TableRecord | null = null;
  while (header === null && rowNumber < lastRow) {
    rowNumber += 1;
    const cells = cellsOf(rowNumber);
    if (!isBlankRecord(cells)) header = { row: rowNumber, cells };
  }
  if (header === null) return { ok: false, error: { code: "file_empty", path } };

  function* records(): Generator<TableRecord> {
    while (rowNumber < lastRow) {
      rowNumber += 1;
      yield { row: rowNumber, cells: cellsOf(rowNumber) };
    }
  }

  return {
    ok: true,
    reader: { header, batches: nonBlankBatches(records(), XLSX_BATCH_ROWS), progress: { unit: "rows", total: lastRow, done: () => rowNumber }, close: () => undefined },
  };
}
