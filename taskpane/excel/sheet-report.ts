/**
 * Writes a report of several tables to a NEW worksheet: a title, a few facts, then each table under its
 * heading, as a formatted Excel table. Used for "What changed" and "Coming up"; the sheet gets a name no
 * other sheet has, and nothing else in the workbook is touched. Cells get their number format before their
 * value and formula-like text is kept as text, exactly as in the exposure report (./report.ts).
 */
import { asCellValue, freshSheetName } from "./new-sheet";
import { formatFor, type ReportCell } from "./report";
import { yieldToEventLoop } from "./host";

export interface SheetTable {
  heading: string;
  header: string[];
  rows: ReportCell[][];
  /** Columns holding scores, shown with one decimal. */
  scoreColumns?: number[];
}

export interface SheetReport {
  /** The sheet's name before any "(2)": "Chokepoint changes". */
  baseName: string;
  title: string;
  facts: [label: string, value: ReportCell][];
  tables: SheetTable[];
}

const CHUNK_ROWS = 5_000;

export async function writeSheetReport(
  context: Excel.RequestContext,
  report: SheetReport,
  options: { pause?: () => Promise<void> } = {},
): Promise<{ sheetName: string }> {
  const pause = options.pause ?? yieldToEventLoop;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const sheetName = freshSheetName(worksheets.items.map((sheet) => sheet.name), report.baseName);
  const sheet = worksheets.add(sheetName);

  const title = sheet.getRange("A1");
  title.numberFormat = [[formatFor(report.title)]];
  title.values = [[asCellValue(report.title)]];
  title.format.font.bold = true;
  title.format.font.size = 14;

  let top = 2;
  if (report.facts.length > 0) {
    const facts = sheet.getRangeByIndexes(top, 0, report.facts.length, 2);
    facts.numberFormat = report.facts.map(([label, value]) => [formatFor(label), formatFor(value)]);
    facts.values = report.facts.map(([label, value]) => [asCellValue(label), asCellValue(value)]);
    sheet.getRangeByIndexes(top, 0, report.facts.length, 1).format.font.bold = true;
    top += report.facts.length + 1;
  }
  const widest = Math.max(2, ...report.tables.map((table) => table.header.length));

  for (const table of report.tables) {
    const heading = sheet.getRangeByIndexes(top, 0, 1, 1);
    heading.numberFormat = [[formatFor(table.heading)]];
    heading.values = [[asCellValue(table.heading)]];
    heading.format.font.bold = true;
    top += 1;
    const width = table.header.length;
    const header = sheet.getRangeByIndexes(top, 0, 1, width);
    header.numberFormat = [table.header.map((label) => formatFor(label))];
    header.values = [table.header.map(asCellValue)];
    await context.sync();
    const scores = new Set(table.scoreColumns ?? []);
    const rows = table.rows.length > 0 ? table.rows : [table.header.map((_, column) => (column === 0 ? "(none)" : ""))];
    for (let offset = 0; offset < rows.length; offset += CHUNK_ROWS) {
      const chunk = rows.slice(offset, offset + CHUNK_ROWS);
      const target = sheet.getRangeByIndexes(top + 1 + offset, 0, chunk.length, width);
      target.numberFormat = chunk.map((row) => row.map((value, column) => formatFor(value, scores.has(column))));
      target.values = chunk.map((row) => row.map(asCellValue));
      await context.sync();
      if (offset + chunk.length < rows.length) await pause();
    }
    const excelTable = sheet.tables.add(sheet.getRangeByIndexes(top, 0, rows.length + 1, width), true);
    excelTable.style = "TableStyleLight9";
    top += rows.length + 2;
  }
  sheet.getRangeByIndexes(0, 0, Math.min(top, 1 + CHUNK_ROWS), widest).format.autofitColumns();
  sheet.activate();
  await context.sync();
  return { sheetName };
}
