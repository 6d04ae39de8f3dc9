/**
 * Writes a report to a NEW worksheet: a heading, a few facts, the four category scores with a native
 * Excel bar chart over them, and the per-row results as a formatted Excel table. The sheet gets a name
 * no other sheet has ("Chokepoint report", "Chokepoint report (2)", …); nothing else in the workbook is
 * touched. Rows are written in chunks for the same per-request payload cap that reading respects.
 *
 * Excel reads text written into a General cell as if it were typed: a supplier called `050400` would
 * become the number 50400, an HS code `8505.11` a number, `3-4` a date. So every block gets its number
 * formats first — text ("@") for text, a number format for numbers — and its values after.
 */
import { columnLetter } from "./addresses";
import { yieldToEventLoop } from "./host";

export type ReportCell = string | number;

export interface ReportContent {
  title: string;
  facts: [label: string, value: ReportCell][];
  /** Chart data: category label → score 0–100. */
  categories: [label: string, score: number][];
  header: string[];
  rows: ReportCell[][];
  /** Columns of `rows` holding scores, shown with one decimal. */
  scoreColumns: number[];
}

export const REPORT_SHEET_BASE_NAME = "Chokepoint report";
/** Excel's own limit on worksheet names. */
const MAX_SHEET_NAME = 31;
const REPORT_CHUNK_ROWS = 5_000;
const CATEGORY_HEADER = ["Category", "Exposure (0–100)"];
const TEXT_FORMAT = "@";
const NUMBER_FORMAT = "General";
const SCORE_FORMAT = "0.0";

/** The number format a cell gets before its value is written: text stays text; scores show one decimal. */
export function formatFor(value: ReportCell, isScore = false): string {
  if (isScore && (typeof value === "number" || value === "")) return SCORE_FORMAT;
  return typeof value === "number" ? NUMBER_FORMAT : TEXT_FORMAT;
}

/** The first of "Chokepoint report", "Chokepoint report (2)", … that no sheet uses (Excel compares names case-insensitively). */
export function freshSheetName(existing: readonly string[], base = REPORT_SHEET_BASE_NAME): string {
  const taken = new Set(existing.map((name) => name.toLocaleLowerCase()));
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(name.toLocaleLowerCase())) return name;
  }
}

/**
 * Text that starts like a formula would be evaluated by Excel when written as a value; a supplier called
 * "=HYPERLINK(…)" must stay text. Excel's leading apostrophe marks a cell as text and is not displayed.
 */
export function asCellValue(value: ReportCell): ReportCell {
  return typeof value === "string" && /^[=+\-@]/.test(value) ? `'${value}` : value;
}


export interface WriteReportOptions {
  onProgress?: (rowsWritten: number, rowsTotal: number) => void;
  pause?: () => Promise<void>;
}

export async function writeReport(
  context: Excel.RequestContext,
  content: ReportContent,
  options: WriteReportOptions = {},
): Promise<{ sheetName: string; tableAddress: string }> {
  const pause = options.pause ?? yieldToEventLoop;
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const sheetName = freshSheetName(worksheets.items.map((sheet) => sheet.name));
  const sheet = worksheets.add(sheetName);

  const title = sheet.getRange("A1");
  title.numberFormat = [[formatFor(content.title)]];
  title.values = [[asCellValue(content.title)]];
  title.format.font.bold = true;
  title.format.font.size = 14;

  const factsTop = 2;
  if (content.facts.length > 0) {
    const facts = sheet.getRangeByIndexes(factsTop, 0, content.facts.length, 2);
    facts.numberFormat = content.facts.map(([label, value]) => [formatFor(label), formatFor(value)]);
    facts.values = content.facts.map(([label, value]) => [asCellValue(label), asCellValue(value)]);
    sheet.getRangeByIndexes(factsTop, 0, content.facts.length, 1).format.font.bold = true;
  }

  const categoriesTop = factsTop + content.facts.length + 1;
  const categoryBlock = sheet.getRangeByIndexes(categoriesTop, 0, content.categories.length + 1, 2);
  categoryBlock.numberFormat = [CATEGORY_HEADER.map(() => TEXT_FORMAT), ...content.categories.map(([label, score]) => [formatFor(label), formatFor(score, true)])];
  categoryBlock.values = [CATEGORY_HEADER, ...content.categories.map(([label, score]) => [label, score])];
  sheet.getRangeByIndexes(categoriesTop, 0, 1, 2).format.font.bold = true;

  const chart = sheet.charts.add("BarClustered", categoryBlock, "Columns");
  chart.title.text = "Exposure by category (0–100)";
  chart.legend.visible = false;
  chart.setPosition(`D${factsTop + 1}`, `K${categoriesTop + content.categories.length + 8}`);

  const tableTop = Math.max(categoriesTop + content.categories.length + 2, factsTop + 18);
  const width = content.header.length;
  const headerRange = sheet.getRangeByIndexes(tableTop, 0, 1, width);
  headerRange.numberFormat = [content.header.map((label) => formatFor(label))];
  headerRange.values = [content.header.map(asCellValue)];
  await context.sync();

  const scoreColumns = new Set(content.scoreColumns);
  options.onProgress?.(0, content.rows.length);
  for (let offset = 0; offset < content.rows.length; offset += REPORT_CHUNK_ROWS) {
    const chunk = content.rows.slice(offset, offset + REPORT_CHUNK_ROWS);
    const target = sheet.getRangeByIndexes(tableTop + 1 + offset, 0, chunk.length, width);
    target.numberFormat = chunk.map((row) => row.map((value, column) => formatFor(value, scoreColumns.has(column))));
    target.values = chunk.map((row) => row.map(asCellValue));
    await context.sync();
    options.onProgress?.(offset + chunk.length, content.rows.length);
    if (offset + chunk.length < content.rows.length) await pause();
  }

  const lastRow = tableTop + 1 + Math.max(content.rows.length, 1);
  const tableAddress = `A${tableTop + 1}:${columnLetter(width - 1)}${lastRow}`;
  const table = sheet.tables.add(sheet.getRangeByIndexes(tableTop, 0, lastRow - tableTop, width), true);
  table.style = "TableStyleMedium2";
  sheet.getRangeByIndexes(0, 0, Math.min(lastRow, tableTop + 1 + REPORT_CHUNK_ROWS), width).format.autofitColumns();
  sheet.activate();
  await context.sync();
  return { sheetName, tableAddress };
}
