import type { CellValue } from "../../engine/types";

/** One spreadsheet row as read from a file: its row number as a spreadsheet shows it (first row = 1) and its cells. */
export interface TableRecord {
  row: number;
  cells: CellValue[];
}

/**
 * A supplier table being read: the header, then the data rows in batches, blank rows already left out.
 * `progress` reports how far the reader has got, in bytes of the file or in rows of the sheet.
 */
export interface TableReader {
  header: TableRecord;
  batches: AsyncIterable<TableRecord[]>;
  progress: { unit: "bytes" | "rows"; total: number; done: () => number };
  /** Releases the file when reading stops early. */
  close: () => void;
}

/** Why a table could not be read at all (exit 2 in the CLI). */
export type TableReadError =
  | { code: "file_unreadable"; path: string; cause: string }
  | { code: "file_type_unsupported"; path: string }
  | { code: "file_empty"; path: string }
  | { code: "sheet_not_found"; path: string; sheet: string; sheets: string[] }
  | { code: "workbook_invalid"; path: string; cause: string };

export type OpenTableResult = { ok: true; reader: TableReader } | { ok: false; error: TableReadError };

export function isBlankRecord(cells: readonly CellValue[]): boolean {
  return cells.every((cell) => cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === ""));
}

/** Data rows in batches of `size`, blank rows left out (they still count in the row numbers). */
export async function* nonBlankBatches(records: AsyncIterable<TableRecord> | Iterable<TableRecord>, size: number): AsyncGenerator<TableRecord[]> {
  let batch: TableRecord[] = [];
  for await (const record of records) {
    if (isBlankRecord(record.cells)) continue;
    batch.push(record);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

export function describeTableReadError(error: TableReadError): string {
  switch (error.code) {
    case "file_unreadable":
      return `cannot read ${error.path}: ${error.cause}`;
    case "file_type_unsupported":
      return `${error.path} is neither a .csv nor an .xlsx file`;
    case "file_empty":
      return `${error.path} has no header row (the file is empty)`;
    case "sheet_not_found":
      return `${error.path} has no sheet named "${error.sheet}"; its sheets are: ${error.sheets.map((s) => `"${s}"`).join(", ")}`;
    case "workbook_invalid":
      return `${error.path} is not a readable XLSX workbook: ${error.cause}`;
  }
}
