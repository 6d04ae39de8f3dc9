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

import { asCellValue, freshSheetName, type SheetCell } from "./new-sheet";

export { asCellValue, freshSheetName, REPORT_SHEET_BASE_NAME } from "./new-sheet";
export type ReportCell = SheetCell;

/** A small table written beside the results (the "Alternatives" table). */
export interface ReportSideTable {
  title: string;
  header: string[];
  rows: ReportCell[][];
  /** Columns holding shares 0–1, shown as percentages. */
  percentColumns: number[];
}

/** Excel data types for one column of the results, written over its plain values where the host takes them. */
export interface ReportCards {
  /** The column of `rows` the cards stand in. */
  column: number;
  /** The card of a row of `rows`, or null to keep the plain value. Called as its rows are written. */
  cardFor(row: number): Excel.EntityCellValue | null;
}

export interface ReportContent {
  title: string;
  facts: [label: string, value: ReportCell][];
  /** Chart data: category label → score 0–100. */
  categories: [label: string, score: number][];
  header: string[];
  rows: ReportCell[][];
  /** Columns of `rows` holding scores, shown with one decimal. */
  scoreColumns: number[];
  /** Where else each item is produced, written to the right of the results, one column apart. */
  alternatives?: ReportSideTable;
  cards?: ReportCards;
}

const REPORT_CHUNK_ROWS = 5_000;
const CATEGORY_HEADER = ["Category", "Exposure (0–100)"];
const TEXT_FORMAT = "@";
const NUMBER_FORMAT = "General";
const SCORE_FORMAT = "0.0";
/**
 * A card is a few kilobytes of JSON; cards go out in batches kept well under the 5 MB a request may carry
 * in Excel on the web.
 */
const CARD_BATCH_CHARACTERS = 2_000_000;
/**
 * A PROFILE card is 3–7 KB of JSON. Above this many result rows the item column stays plain text: tens of
 * megabytes of cards would make the report slow to write and the workbook heavy.
 */
export const MOST_ROWS_WITH_CARDS = 10_000;
/** A value Range.valuesAsJson skips: the cell keeps the plain value written before. */
const KEEP_PLAIN_VALUE: Excel.CellValue = { type: "String", basicValue: "", writable: false };

/** The number format a cell gets before its value is written: text stays text; scores show one decimal. */
export function formatFor(value: ReportCell, isScore = false): string {
  if (isScore && (typeof value === "number" || value === "")) return SCORE_FORMAT;
  return typeof value === "number" ? NUMBER_FORMAT : TEXT_FORMAT;
}

export interface WriteReportOptions {
  onProgress?: (rowsWritten: number, rowsTotal: number) => void;
  pause?: () => Promise<void>;
  /** The host takes Excel data types (ExcelApi 1.16): the content's cards replace their plain values. */
  dataTypes?: boolean;
}

/** Writes the cards of rows [first, first + count) of the results, which start at sheet row `top`, over their plain values. */
async function writeCards(context: Excel.RequestContext, sheet: Excel.Worksheet, top: number, first: number, count: number, cards: ReportCards): Promise<void> {
  let batchStart = 0;
  let batch: Excel.CellValue[][] = [];
  let characters = 0;
  const flush = async () => {
    sheet.getRangeByIndexes(top + batchStart, cards.column, batch.length, 1).valuesAsJson = batch;
    await context.sync();
    batchStart += batch.length;
    batch = [];
    characters = 0;
  };
  for (let offset = 0; offset < count; offset += 1) {
    const card = cards.cardFor(first + offset);
    const size = card === null ? 0 : JSON.stringify(card).length;
    if (batch.length > 0 && characters + size > CARD_BATCH_CHARACTERS) await flush();
    batch.push([card ?? KEEP_PLAIN_VALUE]);
    characters += size;
  }
  if (batch.length > 0) await flush();
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
  const cards = options.dataTypes && content.rows.length <= MOST_ROWS_WITH_CARDS ? content.cards : undefined;
  options.onProgress?.(0, content.rows.length);
  for (let offset = 0; offset < content.rows.length; offset += REPORT_CHUNK_ROWS) {
    const chunk = content.rows.slice(offset, offset + REPORT_CHUNK_ROWS);
    const target = sheet.getRangeByIndexes(tableTop + 1 + offset, 0, chunk.length, width);
    target.numberFormat = chunk.map((row) => row.map((value, column) => formatFor(value, scoreColumns.has(column))));
    target.values = chunk.map((row) => row.map(asCellValue));
    await context.sync();
    if (cards) await writeCards(context, sheet, tableTop + 1 + offset, offset, chunk.length, cards);
    options.onProgress?.(offset + chunk.length, content.rows.length);
    if (offset + chunk.length < content.rows.length) await pause();
  }

  const lastRow = tableTop + 1 + Math.max(content.rows.length, 1);
  const tableAddress = `A${tableTop + 1}:${columnLetter(width - 1)}${lastRow}`;
  const table = sheet.tables.add(sheet.getRangeByIndexes(tableTop, 0, lastRow - tableTop, width), true);
  table.style = "TableStyleMedium2";
  sheet.getRangeByIndexes(0, 0, Math.min(lastRow, tableTop + 1 + REPORT_CHUNK_ROWS), width).format.autofitColumns();
  if (content.alternatives) writeSideTable(sheet, content.alternatives, tableTop, width + 1);
  sheet.activate();
  await context.sync();
  return { sheetName, tableAddress };
}

const PERCENT_FORMAT = "0.0%";

/**
 * A titled Excel table whose header row is `top`, from column `left`; shares are shown as percentages. Like
 * the rest of the report, formats go first so text such as a year ("2024") or ">97%" stays text.
 */
function writeSideTable(sheet: Excel.Worksheet, side: ReportSideTable, top: number, left: number): void {
  const width = side.header.length;
  const title = sheet.getRangeByIndexes(top - 1, left, 1, 1);
  title.numberFormat = [[formatFor(side.title)]];
  title.values = [[asCellValue(side.title)]];
  title.format.font.bold = true;
  const body = side.rows.length > 0 ? side.rows : [side.header.map(() => "")];
  const block = sheet.getRangeByIndexes(top, left, body.length + 1, width);
  const percent = new Set(side.percentColumns);
  block.numberFormat = [
    side.header.map((label) => formatFor(label)),
    ...body.map((row) => row.map((value, column) => (percent.has(column) && typeof value === "number" ? PERCENT_FORMAT : formatFor(value)))),
  ];
  block.values = [side.header.map(asCellValue), ...body.map((row) => row.map(asCellValue))];
  const table = sheet.tables.add(block, true);
  table.style = "TableStyleMedium2";
  block.format.autofitColumns();
}
