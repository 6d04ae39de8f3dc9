/**
 * A whole supplier list in memory, for the commands that compare scorings of it (`diff --suppliers`,
 * `upcoming --suppliers`): read with the same readers, header search, column mapping and row checks as
 * `chokepoint score`, each row with its spreadsheet row number, and the spend column's decimal mark decided
 * from all its values (as the task pane does). Comparing needs every row twice, so the list is held rather
 * than streamed. A row that cannot be read whole is left out of the comparison and listed in `notes`.
 */
import { decideDecimalMark, recordToRow, type DecimalMarkDecision } from "../../engine/columns";
import type { PortfolioRowInput } from "../../engine/types";
import { singleLine } from "../../engine/text-safety";
import { describeTableReadError, TableReadFailure, type TableRecord } from "../readers/table";
import { columnNamer, openSupplierTable, readingProblems } from "../supplier-table";

export interface SupplierList {
  rows: PortfolioRowInput[];
  /** Spreadsheet row number of each row (header = 1), parallel to `rows`. */
  sheetRows: number[];
  /** The commodity cell as read, parallel to `rows`. */
  commodities: (string | null)[];
}

export type ReadSupplierListResult = { ok: true; list: SupplierList; notes: string[] } | { ok: false; message: string };

/** Rows left out of the comparison that are named one by one; more are counted. */
const SKIPPED_ROWS_NAMED = 10;

/** Reads a .csv or .xlsx supplier list; a message (for exit code 2) when it cannot be used. */
export async function readSupplierList(file: string, options: { sheet?: string; encoding?: string } = {}): Promise<ReadSupplierListResult> {
  const opening = openSupplierTable(file, options);
  if (opening === null) return { ok: false, message: `${file}: unsupported file type; give a .csv or .xlsx file` };
  const opened = await opening;
  if (!opened.ok) return { ok: false, message: describeTableReadError(opened.error) };
  const { reader } = opened;
  const { columns } = reader;
  const records: TableRecord[] = [];
  try {
    for await (const batch of reader.batches) records.push(...batch);
  } catch (error) {
    reader.close();
    if (error instanceof TableReadFailure) return { ok: false, message: singleLine(error.message) };
    return { ok: false, message: `reading ${file} failed: ${error instanceof Error ? error.message : String(error)}` };
  }

  const spendColumn = columns.columns.spend;
  const decimalMark: DecimalMarkDecision = decideDecimalMark(spendColumn === undefined ? [] : records.map((record) => record.cells[spendColumn]));
  const nameOf = columnNamer(columns);
  const readColumns = new Set(Object.values(columns.columns));
  const list: SupplierList = { rows: [], sheetRows: [], commodities: [] };
  const skipped: string[] = [];
  for (const record of records) {
    const supplier = recordToRow(record.cells, columns, { decimalMark: decimalMark.mark });
    const { error } = readingProblems(record, supplier, readColumns, nameOf);
    if (error !== null) {
      skipped.push(`row ${record.row}: ${error}`);
      continue;
    }
    list.rows.push({ input: supplier.input, supplier: supplier.supplier ?? undefined, spend: supplier.spend });
    list.sheetRows.push(record.row);
    list.commodities.push(supplier.commodity);
  }
  const notes = [...reader.notes];
  if (skipped.length > 0) {
    const more = skipped.length > SKIPPED_ROWS_NAMED ? `; and ${skipped.length - SKIPPED_ROWS_NAMED} more` : "";
    notes.push(`${skipped.length} row(s) could not be read whole and are left out of the comparison: ${skipped.slice(0, SKIPPED_ROWS_NAMED).join("; ")}${more}`);
  }
  return { ok: true, list, notes };
}
