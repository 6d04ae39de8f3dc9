/**
 * Finds the supplier table the user points at and reads it, without ever writing to it.
 *
 * The table is the Excel table under the selection (ExcelApi 1.9), else the current region around the
 * selection (the block bounded by blank rows and columns, ExcelApi 1.7). Its first row is the header.
 * Rows are read in chunks: Excel on the web caps one request/response at about 5 MB, so a 100,000-row
 * list cannot travel in one `context.sync()`.
 */
import type { CellValue } from "../../src/engine";
import { yieldToEventLoop, type ExcelSupport } from "./host";

export interface SupplierTableSource {
  kind: "table" | "region";
  sheetName: string;
  /** The Excel table's name; null for a plain range. */
  tableName: string | null;
  /** The whole block including the header, e.g. "Suppliers!A1:I201". */
  address: string;
  /** 0-based sheet row of the header, and 0-based sheet column of the first column. */
  headerRow: number;
  firstColumn: number;
  columnCount: number;
  /** Data rows below the header. */
  rowCount: number;
  headers: string[];
}

export type FindTableResult =
  | { ok: true; source: SupplierTableSource }
  | { ok: false; code: "api_unsupported" | "no_table_at_selection" };

/** One data row as read, with its 0-based position in the sheet (so the pane can select it later). */
export interface SheetRecord {
  sheetRow: number;
  cells: CellValue[];
}

export const DEFAULT_CHUNK_ROWS = 5_000;
/** Bounds a chunk by cells too, so a very wide table still stays far under the per-request payload cap. */
export const MAX_CELLS_PER_CHUNK = 100_000;

export interface ReadOptions {
  chunkRows?: number;
  onProgress?: (rowsRead: number, rowsTotal: number) => void;
  /** Called between chunks; the default gives the event loop a turn so the pane stays responsive. */
  pause?: () => Promise<void>;
  /** Checked between chunks; a newer request cancels an older read. */
  isCancelled?: () => boolean;
}

function headerText(cell: unknown): string {
  return cell === null || cell === undefined ? "" : String(cell).trim();
}

function isBlankCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

export function sourceKey(source: Pick<SupplierTableSource, "kind" | "sheetName" | "tableName" | "headerRow" | "firstColumn">): string {
  return source.kind === "table" && source.tableName
    ? `table:${source.tableName}`
    : `range:${source.sheetName}!R${source.headerRow + 1}C${source.firstColumn + 1}`;
}

export async function findSupplierTable(context: Excel.RequestContext, support: ExcelSupport): Promise<FindTableResult> {
  if (!support.readTables) return { ok: false, code: "api_unsupported" };
  const selected = context.workbook.getSelectedRange();

  let block: Excel.Range | null = null;
  let tableName: string | null = null;
  if (support.tableUnderSelection) {
    const tables = selected.getTables(false);
    const count = tables.getCount();
    await context.sync();
    if (count.value > 0) {
      const table = tables.getFirst();
      table.load("name");
      block = table.getRange();
      await context.sync();
      tableName = table.name;
    }
  }
  block ??= selected.getSurroundingRegion();
  block.load("address, rowIndex, columnIndex, rowCount, columnCount");
  const sheet = block.worksheet;
  sheet.load("name");
  await context.sync();

  if (block.rowCount < 2) return { ok: false, code: "no_table_at_selection" };
  const header = sheet.getRangeByIndexes(block.rowIndex, block.columnIndex, 1, block.columnCount);
  header.load("values");
  await context.sync();
  const headers = (header.values[0] ?? []).map(headerText);
  if (headers.every((h) => h === "")) return { ok: false, code: "no_table_at_selection" };

  return {
    ok: true,
    source: {
      kind: tableName === null ? "region" : "table",
      sheetName: sheet.name,
      tableName,
      address: block.address,
      headerRow: block.rowIndex,
      firstColumn: block.columnIndex,
      columnCount: block.columnCount,
      rowCount: block.rowCount - 1,
      headers,
    },
  };
}

export function chunkRowsFor(columnCount: number, requested = DEFAULT_CHUNK_ROWS): number {
  return Math.max(1, Math.min(requested, Math.floor(MAX_CELLS_PER_CHUNK / Math.max(1, columnCount))));
}

/**
 * Reads every data row below the header, chunk by chunk, reporting progress after each chunk. Entirely
 * blank rows are skipped (they are spacing, not suppliers). Returns null when cancelled.
 */
export async function readSupplierRows(
  context: Excel.RequestContext,
  source: SupplierTableSource,
  options: ReadOptions = {},
): Promise<SheetRecord[] | null> {
  const chunkRows = chunkRowsFor(source.columnCount, options.chunkRows);
  const pause = options.pause ?? yieldToEventLoop;
  const sheet = context.workbook.worksheets.getItem(source.sheetName);
  const records: SheetRecord[] = [];
  const firstDataRow = source.headerRow + 1;
  options.onProgress?.(0, source.rowCount);

  for (let offset = 0; offset < source.rowCount; offset += chunkRows) {
    if (options.isCancelled?.()) return null;
    const rows = Math.min(chunkRows, source.rowCount - offset);
    const chunk = sheet.getRangeByIndexes(firstDataRow + offset, source.firstColumn, rows, source.columnCount);
    chunk.load("values");
    await context.sync();
    chunk.values.forEach((cells, i) => {
      if (!cells.every(isBlankCell)) records.push({ sheetRow: firstDataRow + offset + i, cells: cells as CellValue[] });
    });
    options.onProgress?.(offset + rows, source.rowCount);
    if (offset + rows < source.rowCount) await pause();
  }
  return records;
}
