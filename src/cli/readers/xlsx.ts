/**
 * XLSX → spreadsheet rows, streamed: the workbook's zip directory is read, then the sheet's XML is inflated
 * and scanned piece by piece, so memory follows the rows being scored, not the sheet. Only the cells present
 * in the file are visited: a stray cell at XFD1048576 costs one cell, not a billion, and the sheet's declared
 * dimensions are never trusted. Shared strings are held (each cut to Excel's cell limit); what the workbook
 * may unpack to and how many cells a sheet may hold are capped (see XLSX_LIMITS and docs/cli.md).
 *
 * Cells become plain values: rich text → its text, a formula → its saved result (a formula without one is
 * reported on its row), a date-formatted number → YYYY-MM-DD, an error → its text (#N/A), which the
 * engine reports. Without --sheet, the first visible sheet whose first rows hold a header is read, so a
 * cover sheet in front is passed over; the search is reported when no sheet has one.
 */
import { stat } from "node:fs/promises";
import { findHeaderRow, HEADER_SEARCH_ROWS, type ColumnMap } from "../../engine/columns";
import type { CellValue } from "../../engine/types";
import { XmlScanner, type XmlHandler } from "./xml";
import { openZip, ZipError, type InflateBudget, type ZipArchive, type ZipEntry } from "./zip";
import {
  MAX_CELL_CHARACTERS,
  nonBlankBatches,
  TableReadFailure,
  type HeaderSearchPlace,
  type OpenTableResult,
  type RowIssue,
  type TableReadError,
  type TableRecord,
} from "./table";

export const XLSX_BATCH_ROWS = 2000;

export interface XlsxLimits {
  /** Bytes all the parts read from one workbook may inflate to. */
  maxDecompressedBytes: number;
  /** Bytes the shared-string table (held in memory) may inflate to. */
  maxSharedStringBytes: number;
  /** Cells present in the sheet read (any column). */
  maxCells: number;
}

export const XLSX_LIMITS: Readonly<XlsxLimits> = {
  maxDecompressedBytes: 2 * 1024 ** 3,
  maxSharedStringBytes: 256 * 1024 ** 2,
  maxCells: 30_000_000,
};

/** Small parts (workbook, relationships, styles) are read whole; none is near this. */
const LARGEST_SMALL_PART = 32 * 1024 ** 2;
/** Excel's last column (XFD) and row. */
const LAST_COLUMN = 16_384;

interface SheetInfo {
  name: string;
  hidden: boolean;
  entry: ZipEntry | null;
}

interface Workbook {
  zip: ZipArchive;
  budget: InflateBudget;
  sheets: SheetInfo[];
  sharedStrings: string[];
  /** Shared strings that were cut, with their full length. */
  longStrings: Map<number, number>;
  dateStyles: Set<number>;
  date1904: boolean;
}

class WorkbookInvalid extends Error {}

function asFailure(path: string, error: unknown, limits: XlsxLimits): TableReadFailure {
  if (error instanceof TableReadFailure) return error;
  if (error instanceof ZipError && error.code === "zip_too_large") return new TableReadFailure({ code: "xlsx_too_large", path, limit: limits.maxDecompressedBytes });
  const cause = error instanceof Error ? error.message : String(error);
  return new TableReadFailure({ code: "workbook_invalid", path, cause });
}

async function* partText(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget, onCompressed?: (bytes: number) => void): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of zip.read(entry, budget, onCompressed)) {
    // XML parts are UTF-8; a UTF-16 part announces itself with its byte-order mark.
    decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? "utf-16le" : chunk[0] === 0xfe && chunk[1] === 0xff ? "utf-16be" : "utf-8");
    yield decoder.decode(chunk, { stream: true });
  }
  if (decoder) yield decoder.decode();
}

/** Scans a whole part with `handler`, within its own byte budget and the workbook's. */
async function scanPart(zip: ZipArchive, entry: ZipEntry, budget: InflateBudget, partLimit: number, handler: XmlHandler, tooLarge: () => Error): Promise<void> {
  const scanner = new XmlScanner(handler, MAX_CELL_CHARACTERS);
  const before = budget.used;
  for await (const text of partText(zip, entry, budget)) {
    if (budget.used - before > partLimit) throw tooLarge();
    scanner.push(text);
  }
  scanner.end();
}

function partPath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

async function readRelationships(zip: ZipArchive, budget: InflateBudget, part: string): Promise<Map<string, { target: string; type: string }>> {
  const relationships = new Map<string, { target: string; type: string }>();
  const entry = zip.entries.get(relsPathOf(part).toLowerCase());
  if (!entry) return relationships;
  await scanPart(zip, entry, budget, LARGEST_SMALL_PART, {
    open(name, attributes) {
      if (name === "Relationship" && attributes.Id && attributes.Target && attributes.TargetMode !== "External") {
        relationships.set(attributes.Id, { target: partPath(part, attributes.Target), type: attributes.Type ?? "" });
      }
    },
    close() {},
    text() {},
  }, () => new WorkbookInvalid("a relationships part is too large"));
  return relationships;
}

/** Built-in number formats that show a date or time. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom number format shows a date or time when, outside quotes, escapes and brackets, it has y m d h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, "").replace(/\\./g, "").replace(/\[[^\]]*\]/g, "").replace(/_.|\*./g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

async function readDateStyles(zip: ZipArchive, budget: InflateBudget, part: string | undefined): Promise<Set<number>> {
  const dateStyles = new Set<number>();
  const entry = part ? zip.entries.get(part.toLowerCase()) : undefined;
  if (!entry) return dateStyles;
  const customDates = new Set<number>();
  const formats: number[] = [];
  let inCellXfs = false;
  await scanPart(zip, entry, budget, LARGEST_SMALL_PART, {
    open(name, attributes, selfClosing) {
      if (name === "numFmt" && attributes.numFmtId && isDateFormat(attributes.formatCode ?? "")) customDates.add(Number(attributes.numFmtId));
      else if (name === "cellXfs") inCellXfs = !selfClosing;
      else if (name === "xf" && inCellXfs) formats.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
    text() {},
  }, () => new WorkbookInvalid("the styles part is too large"));
  formats.forEach((format, index) => {
    if (BUILT_IN_DATE_FORMATS.has(format) || customDates.has(format)) dateStyles.add(index);
  });
  return dateStyles;
}

/**
 * Text of a string item (`<si>` or `<is>`): its `<t>` runs, leaving out phonetic guides (`<rPh>`), which
 * Japanese workbooks add beside the text they annotate.
 */
class StringItemText {
  private text = "";
  private length = 0;
  private inT = false;
  private phonetic = 0;

  open(name: string): void {
    if (name === "t") this.inT = true;
    else if (name === "rPh") this.phonetic += 1;
  }

  close(name: string): void {
    if (name === "t") this.inT = false;
    else if (name === "rPh") this.phonetic -= 1;
  }

  add(text: string, length: number): void {
    if (!this.inT || this.phonetic > 0) return;
    this.length += length;
    if (this.text.length < MAX_CELL_CHARACTERS) this.text += text;
  }

  take(): { text: string; length: number } {
    const result = { text: this.text.slice(0, MAX_CELL_CHARACTERS), length: this.length };
    this.text = "";
    this.length = 0;
    this.inT = false;
    this.phonetic = 0;
    return result;
  }
}

async function readSharedStrings(zip: ZipArchive, budget: InflateBudget, part: string | undefined, limits: XlsxLimits, path: string) {
  const strings: string[] = [];
  const long = new Map<number, number>();
  const entry = part ? zip.entries.get(part.toLowerCase()) : undefined;
  if (!entry) return { strings, long };
  const item = new StringItemText();
  let inItem = false;
  await scanPart(zip, entry, budget, limits.maxSharedStringBytes, {
    open(name, _attributes, selfClosing) {
      if (name === "si") {
        inItem = !selfClosing;
        if (selfClosing) strings.push("");
      } else if (inItem) item.open(name);
    },
    close(name) {
      if (name === "si" && inItem) {
        inItem = false;
        const { text, length } = item.take();
        if (length > MAX_CELL_CHARACTERS) long.set(strings.length, length);
        strings.push(text);
        if (strings.length > limits.maxCells) throw new TableReadFailure({ code: "too_many_cells", path, limit: limits.maxCells });
      } else if (inItem) item.close(name);
    },
    text(text, length) {
      if (inItem) item.add(text, length);
    },
  }, () => new TableReadFailure({ code: "xlsx_too_large", path, limit: limits.maxSharedStringBytes }));
  return { strings, long };
}

async function readWorkbook(path: string, zip: ZipArchive, budget: InflateBudget, limits: XlsxLimits): Promise<Workbook> {
  const rootRelationships = await readRelationships(zip, budget, "");
  const officeDocument = [...rootRelationships.values()].find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  const workbookEntry = zip.entries.get(officeDocument.toLowerCase());
  if (!workbookEntry) throw new WorkbookInvalid("it has no workbook part (is it an .xlsx file?)");
  const listed: { name: string; hidden: boolean; id: string }[] = [];
  let date1904 = false;
  await scanPart(zip, workbookEntry, budget, LARGEST_SMALL_PART, {
    open(name, attributes) {
      if (name === "sheet" && attributes.name !== undefined) {
        listed.push({ name: attributes.name, hidden: attributes.state === "hidden" || attributes.state === "veryHidden", id: attributes.id ?? "" });
      } else if (name === "workbookPr") {
        date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
      }
    },
    close() {},
    text() {},
  }, () => new WorkbookInvalid("the workbook part is too large"));
  const relationships = await readRelationships(zip, budget, officeDocument);
  // Excel always links these parts; a part at the usual place is used when the link is missing.
  const partOfType = (suffix: string) => [...relationships.values()].find((r) => r.type.endsWith(suffix))?.target ?? partPath(officeDocument, `${suffix.slice(1)}.xml`);
  const sheets = listed.map((sheet) => {
    const target = relationships.get(sheet.id)?.target;
    return { name: sheet.name, hidden: sheet.hidden, entry: target ? (zip.entries.get(target.toLowerCase()) ?? null) : null };
  });
  const dateStyles = await readDateStyles(zip, budget, partOfType("/styles"));
  const { strings, long } = await readSharedStrings(zip, budget, partOfType("/sharedStrings"), limits, path);
  return { zip, budget, sheets, sharedStrings: strings, longStrings: long, dateStyles, date1904 };
}

const DAY_MS = 86_400_000;
/** Days from Excel's day 0 (1899-12-30 in the 1900 system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
const DATE_1904_OFFSET = 1_462;

function isoDay(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

function serialToIso(serial: number, date1904: boolean): string | null {
  const days = serial + (date1904 ? DATE_1904_OFFSET : 0);
  const date = new Date(Math.round((days - UNIX_EPOCH_SERIAL) * DAY_MS));
  return Number.isNaN(date.getTime()) ? null : isoDay(date);
}

/** "XFD1048576" → 16383 (0-based); null for a reference without letters. */
function columnOf(reference: string): number | null {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i += 1) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return i === 0 ? null : column - 1;
}

interface RawRow {
  row: number;
  /** Sparse: only the columns present are set. */
  cells: CellValue[];
  issues: RowIssue[];
  /** Cells at or right of `keepColumns`: counted, not stored. */
  ignored: number;
  firstIgnored: string | null;
}

interface CellState {
  column: number;
  reference: string;
  type: string;
  style: number;
  formula: boolean;
  value: string | null;
  valueLength: number;
}

/** The rows of one sheet as they are scanned. `keepColumns()` is read for every cell, so it may shrink once the header is known. */
async function* sheetRows(
  path: string,
  workbook: Workbook,
  entry: ZipEntry,
  limits: XlsxLimits,
  keepColumns: () => number,
  onCompressed: (bytes: number) => void,
): AsyncGenerator<RawRow> {
  const ready: RawRow[] = [];
  let row: RawRow | null = null;
  let lastRow = 0;
  let lastColumn = -1;
  let cell: CellState | null = null;
  let inValue = false;
  let inFormula = false;
  let inline: StringItemText | null = null;
  let inSheetData = false;
  let cells = 0;

  const finishCell = (state: CellState, target: RawRow) => {
    const { column } = state;
    const long = (length: number) => target.issues.push({ code: "cell_too_long", column, length });
    let value: CellValue = null;
    if (state.type === "inlineStr") {
      const text = inline?.take() ?? { text: "", length: 0 };
      if (text.length > MAX_CELL_CHARACTERS) long(text.length);
      value = text.text;
    } else if (state.value === null) {
      if (state.formula) target.issues.push({ code: "formula_without_value", column });
    } else {
      if (state.valueLength > MAX_CELL_CHARACTERS) long(state.valueLength);
      const text = state.value;
      switch (state.type) {
        case "s": {
          const index = Number(text);
          value = workbook.sharedStrings[index] ?? null;
          const length = workbook.longStrings.get(index);
          if (length !== undefined) long(length);
          break;
        }
        case "b":
          value = text === "1" || text.toLowerCase() === "true";
          break;
        case "str":
        case "e":
          value = text;
          break;
        case "d":
          value = text.replace(/T00:00:00(?:\.0+)?Z?$/, "");
          break;
        default: {
          const number = Number(text);
          if (text.trim() === "" || !Number.isFinite(number)) value = text;
          else value = workbook.dateStyles.has(state.style) ? (serialToIso(number, workbook.date1904) ?? number) : number;
        }
      }
    }
    if (column < keepColumns()) target.cells[column] = value;
    else if (value !== null || state.formula) {
      target.ignored += 1;
      target.firstIgnored ??= state.reference || `${columnLetters(column)}${target.row}`;
    }
  };

  const handler: XmlHandler = {
    open(name, attributes, selfClosing) {
      if (name === "sheetData") inSheetData = !selfClosing;
      if (!inSheetData) return;
      if (name === "row") {
        const number = Number(attributes.r);
        lastRow = Number.isInteger(number) && number > 0 ? number : lastRow + 1;
        lastColumn = -1;
        row = { row: lastRow, cells: [], issues: [], ignored: 0, firstIgnored: null };
        if (selfClosing) {
          ready.push(row);
          row = null;
        }
      } else if (name === "c" && row !== null) {
        cells += 1;
        if (cells > limits.maxCells) throw new TableReadFailure({ code: "too_many_cells", path, limit: limits.maxCells });
        const reference = attributes.r ?? "";
        const column = columnOf(reference) ?? lastColumn + 1;
        lastColumn = column;
        if (column >= LAST_COLUMN) throw new WorkbookInvalid(`cell ${reference} is beyond Excel's last column`);
        cell = { column, reference: reference === "" ? "" : reference, type: attributes.t ?? "n", style: Number(attributes.s ?? 0), formula: false, value: null, valueLength: 0 };
        if (cell.type === "inlineStr") inline = new StringItemText();
        if (selfClosing) {
          finishCell(cell, row);
          cell = null;
        }
      } else if (cell !== null) {
        if (name === "v") {
          inValue = !selfClosing;
          if (selfClosing) cell.value = "";
          else cell.value ??= "";
        } else if (name === "f") {
          cell.formula = true;
          inFormula = !selfClosing;
        } else if (inline !== null) {
          inline.open(name);
        }
      }
    },
    close(name) {
      if (name === "sheetData") inSheetData = false;
      if (name === "row" && row !== null) {
        ready.push(row);
        row = null;
      } else if (name === "c" && cell !== null && row !== null) {
        finishCell(cell, row);
        cell = null;
        inline = null;
      } else if (name === "v") {
        inValue = false;
      } else if (name === "f") {
        inFormula = false;
      } else if (inline !== null) {
        inline.close(name);
      }
    },
    text(text, length) {
      if (cell === null || inFormula) return;
      if (inValue) {
        cell.value = (cell.value ?? "") + text;
        cell.valueLength += length;
      } else if (inline !== null) {
        inline.add(text, length);
      }
    },
  };

  const scanner = new XmlScanner(handler, MAX_CELL_CHARACTERS);
  try {
    for await (const text of partText(workbook.zip, entry, workbook.budget, onCompressed)) {
      scanner.push(text);
      if (ready.length > 0) {
        yield* ready;
        ready.length = 0;
      }
    }
    scanner.end();
  } catch (error) {
    throw asFailure(path, error, limits);
  }
  yield* ready;
}

function pickSheets(sheets: readonly SheetInfo[], wanted: string | undefined): SheetInfo[] | null {
  if (wanted !== undefined) {
    const exact = sheets.find((sheet) => sheet.name === wanted) ?? sheets.find((sheet) => sheet.name.toLowerCase() === wanted.trim().toLowerCase());
    return exact ? [exact] : null;
  }
  const visible = sheets.filter((sheet) => !sheet.hidden);
  return visible.length > 0 ? visible : [...sheets];
}

interface FoundSheet {
  sheet: SheetInfo;
  header: TableRecord;
  columns: ColumnMap;
  /** Rows read during the search that come after the header. */
  after: RawRow[];
  rows: AsyncGenerator<RawRow>;
  width: { columns: number };
  compressedRead: { bytes: number };
}

async function searchSheet(path: string, workbook: Workbook, sheet: SheetInfo, limits: XlsxLimits): Promise<FoundSheet | HeaderSearchPlace> {
  if (sheet.entry === null) return { sheet: sheet.name, rows: null, found: [] };
  const width = { columns: LAST_COLUMN };
  const compressedRead = { bytes: 0 };
  const rows = sheetRows(path, workbook, sheet.entry, limits, () => width.columns, (bytes) => (compressedRead.bytes += bytes));
  const top: RawRow[] = [];
  let lookahead: RawRow | null = null;
  for (let next = await rows.next(); !next.done; next = await rows.next()) {
    if (next.value.row > HEADER_SEARCH_ROWS) {
      lookahead = next.value;
      break;
    }
    top.push(next.value);
  }
  const lastRow = top.at(-1)?.row ?? 0;
  const dense: CellValue[][] = Array.from({ length: lastRow }, () => []);
  for (const row of top) dense[row.row - 1] = row.cells;
  const found = findHeaderRow(dense);
  if (!found.ok) {
    await rows.return(undefined);
    return { sheet: sheet.name, rows: lastRow > 0 ? [1, lastRow] : null, found: found.firstError?.found ?? [] };
  }
  const headerRow = found.index + 1;
  const headerCells = dense[found.index];
  width.columns = Math.max(1, headerCells.reduce<number>((last, cell, column) => (cell === null || cell === undefined || cell === "" ? last : column + 1), 0));
  const header: TableRecord = { row: headerRow, cells: Array.from({ length: width.columns }, (_, i) => headerCells[i] ?? null) };
  const after = top.filter((row) => row.row > headerRow);
  if (lookahead !== null) after.push(lookahead);
  for (const row of after) trimRow(row, width.columns);
  return { sheet, header, columns: found.map, after, rows, width, compressedRead };
}

/** 16383 → "XFD": the letters of a 0-based column index. */
function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Cells read before the header was known, cut to its width (the cut ones counted as ignored). */
function trimRow(row: RawRow, width: number): void {
  for (let column = width; column < row.cells.length; column += 1) {
    if (row.cells[column] !== undefined && row.cells[column] !== null) {
      row.ignored += 1;
      row.firstIgnored ??= `${columnLetters(column)}${row.row}`;
    }
  }
  row.cells.length = Math.min(row.cells.length, width);
}

export interface XlsxOptions {
  sheet?: string;
  limits?: Partial<XlsxLimits>;
}

export async function openXlsx(path: string, options: XlsxOptions = {}): Promise<OpenTableResult> {
  const limits: XlsxLimits = { ...XLSX_LIMITS, ...options.limits };
  try {
    if ((await stat(path)).isDirectory()) return { ok: false, error: { code: "file_unreadable", path, cause: "it is a folder" } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: { code: "file_unreadable", path, cause: code === "ENOENT" ? "no such file" : String(error) } };
  }
  const budget: InflateBudget = { limit: limits.maxDecompressedBytes, used: 0 };
  let workbook: Workbook;
  try {
    workbook = await readWorkbook(path, await openZip(path), budget, limits);
  } catch (error) {
    return { ok: false, error: asFailure(path, error, limits).tableError };
  }
  const candidates = pickSheets(workbook.sheets, options.sheet);
  if (candidates === null) return { ok: false, error: { code: "sheet_not_found", path, sheet: options.sheet!, sheets: workbook.sheets.map((s) => s.name) } };
  if (candidates.length === 0) return { ok: false, error: { code: "file_empty", path } };

  const places: HeaderSearchPlace[] = [];
  let found: FoundSheet | null = null;
  for (const sheet of candidates) {
    let result: FoundSheet | HeaderSearchPlace;
    try {
      result = await searchSheet(path, workbook, sheet, limits);
    } catch (error) {
      return { ok: false, error: asFailure(path, error, limits).tableError };
    }
    if ("header" in result) {
      found = result;
      break;
    }
    places.push(result);
  }
  if (found === null) {
    const error: TableReadError = { code: "header_not_found", path, places };
    return { ok: false, error };
  }

  const notes = [
    ...places.map((place) => `passed over sheet "${place.sheet}": no header row with a commodity column in ${place.rows ? `rows ${place.rows[0]}–${place.rows[1]}` : "it (empty)"}`),
    `read sheet "${found.sheet.name}", header on row ${found.header.row}`,
  ];
  let ignored = 0;
  let firstIgnored: string | null = null;
  let rowsRead = found.header.row;
  const { after, rows } = found;

  function toRecord(raw: RawRow): TableRecord {
    ignored += raw.ignored;
    firstIgnored ??= raw.firstIgnored;
    rowsRead = raw.row;
    const record: TableRecord = { row: raw.row, cells: raw.cells };
    if (raw.issues.length > 0) record.issues = raw.issues;
    return record;
  }

  async function* records(): AsyncGenerator<TableRecord> {
    for (const raw of after) yield toRecord(raw);
    for await (const raw of rows) yield toRecord(raw);
  }

  const compressed = found.compressedRead;
  const total = found.sheet.entry?.compressedSize ?? 0;
  return {
    ok: true,
    reader: {
      header: found.header,
      columns: found.columns,
      notes,
      batches: nonBlankBatches(records(), XLSX_BATCH_ROWS),
      progress: { unit: "bytes", total, done: () => Math.min(compressed.bytes, total) },
      closingNotes: () =>
        ignored > 0
          ? [`${ignored.toLocaleString("en-US")} cell${ignored === 1 ? "" : "s"} right of the header's last column ${ignored === 1 ? "was" : "were"} ignored (the first at ${firstIgnored}); rows read up to ${rowsRead.toLocaleString("en-US")}`]
          : [],
      close: () => {
        rows.return(undefined).catch(() => undefined);
      },
    },
  };
}
