/** Shows the user a supplier's row: activates its sheet and selects the row across the table's columns. */
import type { SupplierTableSource } from "./table-source";

export async function selectSheetRow(context: Excel.RequestContext, source: SupplierTableSource, sheetRow: number): Promise<string> {
  const sheet = context.workbook.worksheets.getItem(source.sheetName);
  const row = sheet.getRangeByIndexes(sheetRow, source.firstColumn, 1, source.columnCount);
  sheet.activate();
  row.select();
  row.load("address");
  await context.sync();
  return row.address;
}
