import type { ColumnMap } from "../../engine/columns";
import type { CellValue } from "../../engine/types";

/** A problem with one row found while reading it; the score command reports it on that row. */
export type RowIssue =
  /** CSV: the row has more cells than the header, or fewer than its last named column needs. */
  | { code: "row_cells_mismatch"; cells: number; expected: number }
  /** CSV: text follows a cell's closing quote (`"Acme" Inc`). */
  | { code: "quote_misplaced"; column: number }
  /** The cell is longer than MAX_CELL_CHARACTERS and was cut there. */
  | { code: "cell_too_long"; column: number; length: number }
  /** XLSX: a formula with no saved result (the file was written by a program that does not calculate). */
  | { code: "formula_without_value"; column: number };

/** One spreadsheet row as read from a file: its row number as a spreadsheet shows it (first row = 1) and its cells. */
export interface TableRecord {
  row: number;
  cells: CellValue[];
  issues?: RowIssue[];
}

/**
 * The longest cell kept, in characters: Excel's own limit for a cell. Longer cells are cut while they are
 * read (the rest is counted, not stored) and reported on their row.
 */
export const MAX_CELL_CHARACTERS = 32_767;

/**
 * A supplier table being read: the header row found and its column map, then the data rows in batches,
 * blank rows already left out. `progress` reports how far the reader has got, in bytes or rows. `notes`
 * say how the file was read (encoding, separator, sheet, header row) for stderr.
 */
export interface TableReader {
  header: TableRecord;
  columns: ColumnMap;
  notes: string[];
  batches: AsyncIterable<TableRecord[]>;
  progress: { unit: "bytes" | "rows"; total: number; done: () => number };
  /** Notes that are only known once every row has been read (cells ignored, line endings). */
  closingNotes: () => string[];
  /** Releases the file when reading stops early. */
  close: () => void;
}

/** Where a header row was looked for: a sheet (XLSX) or the file (CSV), and the rows looked at. */
export interface HeaderSearchPlace {
  sheet?: string;
  /** Row numbers looked at, first and last; null when the sheet is empty. */
  rows: [number, number] | null;
  /** The non-blank cells of the first row looked at, when it named no commodity column. */
  found: string[];
}

/** Why a table could not be read (exit 2 in the CLI). */
export type TableReadError =
  | { code: "file_unreadable"; path: string; cause: string }
  | { code: "file_type_unsupported"; path: string }
  | { code: "file_empty"; path: string }
  | { code: "sheet_not_found"; path: string; sheet: string; sheets: string[] }
  | { code: "workbook_invalid"; path: string; cause: string }
  | { code: "header_not_found"; path: string; places: HeaderSearchPlace[] }
  | { code: "encoding_unknown"; path: string; encoding: string; line: number; declared: boolean }
  | { code: "encoding_unsupported"; path: string; encoding: string }
  | { code: "unclosed_quote"; path: string; row: number; lines: number }
  | { code: "xlsx_too_large"; path: string; limit: number }
  | { code: "too_many_cells"; path: string; limit: number };

export type OpenTableResult = { ok: true; reader: TableReader } | { ok: false; error: TableReadError };

/** Thrown from a reader's batches when the file turns out unusable part-way (an unclosed quote, a cap). */
export class TableReadFailure extends Error {
  constructor(readonly tableError: TableReadError) {
    super(describeTableReadError(tableError));
  }
}

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

const quoted = (texts: readonly string[]) => texts.map((text) => `"${text}"`).join(", ");

function describePlace(place: HeaderSearchPlace): string {
  const rows = place.rows === null ? "empty" : `rows ${place.rows[0]}–${place.rows[1]}`;
  return place.sheet === undefined ? rows : `"${place.sheet}" (${rows})`;
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
      return `${error.path} has no sheet named "${error.sheet}"; its sheets are: ${quoted(error.sheets)}`;
    case "workbook_invalid":
      return `${error.path} is not a readable XLSX workbook: ${error.cause}`;
    case "header_not_found": {
      const where = error.places.map(describePlace).join("; ");
      const first = error.places.find((place) => place.found.length > 0);
      const found = first ? `; columns found: ${quoted(first.found)}${first.sheet === undefined ? "" : ` (sheet "${first.sheet}")`}` : "";
      return (
        `header_not_found: ${error.path}: no commodity column found (looked for a header such as commodity, material, item, ` +
        `product or part in ${error.places.length > 1 || error.places[0]?.sheet !== undefined ? `the sheets ${where}` : where})${found}`
      );
    }
    case "encoding_unknown":
      return error.declared
        ? `encoding_unknown: ${error.path} is not valid ${error.encoding} (first bad byte near line ${error.line}); check --encoding`
        : `encoding_unknown: ${error.path} is not UTF-8 (first bad byte on line ${error.line}); say which encoding it uses with --encoding, ` +
            `e.g. --encoding windows-1252 (Excel "CSV" on Western Windows) or --encoding shift_jis (Japanese Windows)`;
    case "encoding_unsupported":
      return `encoding_unsupported: --encoding "${error.encoding}" is not an encoding this tool knows (try utf-8, windows-1252, iso-8859-15, shift_jis, gb18030, big5, euc-kr)`;
    case "unclosed_quote":
      return (
        `unclosed_quote: ${error.path}: the quoted cell that starts on row ${error.row} is never closed, so it would swallow ` +
        `the rest of the file (${error.lines.toLocaleString("en-US")} more lines); close the quote or remove it`
      );
    case "xlsx_too_large":
      return `xlsx_too_large: ${error.path} unpacks to more than ${error.limit.toLocaleString("en-US")} bytes, the most this tool reads; save the list as CSV or split it`;
    case "too_many_cells":
      return `too_many_cells: ${error.path} holds more than ${error.limit.toLocaleString("en-US")} cells, the most this tool reads from one sheet; save the list as CSV or split it`;
  }
}

/**
 * "code: message" for a row issue; `column` names the cell's column (its field, or its header).
 */
export function describeRowIssue(issue: RowIssue, columnName: (column: number) => string): string {
  switch (issue.code) {
    case "row_cells_mismatch":
      return (
        `row_cells_mismatch: the row has ${issue.cells.toLocaleString("en-US")} cells but the header has ${issue.expected.toLocaleString("en-US")}; ` +
        "a separator inside an unquoted cell (or a missing one) would put values in the wrong columns, so the row is not scored (quote cells that contain the separator)"
      );
    case "quote_misplaced":
      return `quote_misplaced: ${columnName(issue.column)} has text after its closing quote; quote the whole cell and double any quote inside it ("Acme ""Inc""")`;
    case "cell_too_long":
      return (
        `cell_too_long: ${columnName(issue.column)} is ${issue.length.toLocaleString("en-US")} characters long; a cell holds at most ` +
        `${MAX_CELL_CHARACTERS.toLocaleString("en-US")} (Excel's limit), so it was cut there`
      );
    case "formula_without_value":
      return `formula_without_value: ${columnName(issue.column)} holds a formula without a saved value (open and save the file in Excel)`;
  }
}
