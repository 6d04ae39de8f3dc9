/**
 * A whole supplier list in memory, for the commands that compare scorings of it (`diff --suppliers`,
 * `upcoming --suppliers`): read with the same readers and column mapping as `chokepoint score`, each row
 * with its spreadsheet row number. Comparing needs every row twice, so the list is held rather than streamed.
 */
import { extname } from "node:path";
import { describeColumnIssue, mapColumns, recordToRow } from "../../engine/columns";
import type { PortfolioRowInput } from "../../engine/types";
import { openCsv } from "../readers/csv";
import { describeTableReadError, type OpenTableResult } from "../readers/table";
import { openXlsx } from "../readers/xlsx";

export interface SupplierList {
  rows: PortfolioRowInput[];
  /** Spreadsheet row number of each row (header = 1), parallel to `rows`. */
  sheetRows: number[];
  /** The commodity cell as read, parallel to `rows`. */
  commodities: (string | null)[];
}

export type ReadSupplierListResult = { ok: true; list: SupplierList } | { ok: false; message: string };

const CSV_EXTENSIONS = new Set([".csv", ".txt", ".tsv"]);
const XLSX_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

function openTable(file: string, sheet: string | undefined): Promise<OpenTableResult> | null {
  const extension = extname(file).toLowerCase();
  if (CSV_EXTENSIONS.has(extension)) return openCsv(file);
  if (XLSX_EXTENSIONS.has(extension)) return openXlsx(file, { sheet });
  return null;
}

/** Reads a .csv or .xlsx supplier list with a header row; a message (for exit code 2) when it cannot be used. */
export async function readSupplierList(file: string, sheet?: string): Promise<ReadSupplierListResult> {
  const opening = openTable(file, sheet);
  if (opening === null) return { ok: false, message: `${file}: unsupported file type; give a .csv or .xlsx file` };
  const opened = await opening;
  if (!opened.ok) return { ok: false, message: describeTableReadError(opened.error) };
  const { reader } = opened;
  const columns = mapColumns(reader.header.cells);
  if (!columns.ok) {
    reader.close();
    return { ok: false, message: `${file}: ${describeColumnIssue(columns.error)}` };
  }
  const list: SupplierList = { rows: [], sheetRows: [], commodities: [] };
  try {
    for await (const batch of reader.batches) {
      for (const record of batch) {
        const row = recordToRow(record.cells, columns.map);
        list.rows.push({ input: row.input, supplier: row.supplier ?? undefined, spend: row.spend });
        list.sheetRows.push(record.row);
        list.commodities.push(row.commodity);
      }
    }
  } catch (error) {
    reader.close();
    return { ok: false, message: `reading ${file} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, list };
}
