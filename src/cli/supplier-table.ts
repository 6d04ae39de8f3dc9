/**
 * A supplier list file as every command reads it (`score`, and `diff`/`upcoming` with --suppliers): the
 * reader chosen by extension, the names of its columns for messages, and what a row's reading problems
 * mean for scoring it.
 */
import { extname } from "node:path";
import type { ColumnMap, SupplierRecord } from "../engine/columns";
import { singleLine } from "../engine/text-safety";
import { openCsv } from "./readers/csv";
import { describeRowIssue, type OpenTableResult, type TableRecord } from "./readers/table";
import { openXlsx } from "./readers/xlsx";

const CSV_EXTENSIONS = new Set([".csv", ".txt", ".tsv"]);
const XLSX_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

export function isXlsxFile(file: string): boolean {
  return XLSX_EXTENSIONS.has(extname(file).toLowerCase());
}

/** The reader for a .csv (.txt, .tsv) or .xlsx (.xlsm) file; null for any other extension. */
export function openSupplierTable(file: string, options: { sheet?: string; encoding?: string } = {}): Promise<OpenTableResult> | null {
  const extension = extname(file).toLowerCase();
  if (CSV_EXTENSIONS.has(extension)) return openCsv(file, { encoding: options.encoding });
  if (XLSX_EXTENSIONS.has(extension)) return openXlsx(file, { sheet: options.sheet });
  return null;
}

/** A column as messages name it: the field it was mapped to, else its header, else its position. */
export function columnNamer(columns: ColumnMap): (column: number) => string {
  const fieldOf = new Map(Object.entries(columns.columns).map(([field, column]) => [column, field]));
  return (column) => {
    const header = singleLine(columns.headers[column] ?? "").slice(0, 60);
    return fieldOf.get(column) ?? (header !== "" ? header : `column ${column + 1}`);
  };
}

const NO_PROBLEMS: { error: null; warnings: string[] } = { error: null, warnings: [] };

/**
 * A row's reading problems: an error (the row is not scored) when the problem is in a column the scorer
 * reads or shifts every column, otherwise warnings; plus the record's own error (a spend too large).
 */
export function readingProblems(record: TableRecord, supplier: SupplierRecord, readColumns: ReadonlySet<number>, nameOf: (column: number) => string) {
  if (record.issues === undefined && supplier.error === null) return NO_PROBLEMS;
  let error: string | null = supplier.error ? `${supplier.error.code}: ${supplier.error.message}` : null;
  const warnings: string[] = [];
  for (const issue of record.issues ?? []) {
    const text = describeRowIssue(issue, nameOf);
    const blocking = issue.code === "row_cells_mismatch" || readColumns.has(issue.column);
    if (blocking && error === null) error = text;
    else if (!blocking) warnings.push(text);
  }
  return { error, warnings };
}
