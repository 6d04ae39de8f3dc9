/**
 * "Insert example": writes the example supplier list to a NEW worksheet as an Excel table and selects its
 * first supplier, so the pane can then analyse it like any list. The sheet gets a name no sheet has
 * ("Example suppliers", "Example suppliers (2)", …); nothing else in the workbook is touched. Number
 * formats are set before values and formula-like text is kept as text, as in the report (./new-sheet.ts).
 */
import type { ExampleList } from "../example-list";
import { asCellValue, freshSheetName } from "./new-sheet";

export const EXAMPLE_SHEET_BASE_NAME = "Example suppliers";
const EXAMPLE_TABLE_STYLE = "TableStyleMedium2";
const TEXT_FORMAT = "@";

export async function writeExampleSheet(context: Excel.RequestContext, list: ExampleList): Promise<{ sheetName: string }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const sheetName = freshSheetName(worksheets.items.map((sheet) => sheet.name), EXAMPLE_SHEET_BASE_NAME);
  const sheet = worksheets.add(sheetName);

  const block = sheet.getRangeByIndexes(0, 0, list.rows.length + 1, list.headers.length);
  block.numberFormat = [list.headers.map(() => TEXT_FORMAT), ...list.rows.map(() => [...list.numberFormats])];
  block.values = [list.headers.map(asCellValue), ...list.rows.map((row) => row.map(asCellValue))];
  const table = sheet.tables.add(block, true);
  table.style = EXAMPLE_TABLE_STYLE;
  block.format.autofitColumns();

  sheet.activate();
  sheet.getRangeByIndexes(1, 0, 1, 1).select();
  await context.sync();
  return { sheetName };
}
