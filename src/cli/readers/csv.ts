/**
 * CSV → spreadsheet rows, streamed. Before any row is handed on, the whole file is checked once for its
 * text encoding (a byte-order mark decides; otherwise it must be valid UTF-8 from the first byte to the
 * last, or in the encoding given with --encoding), and the first rows are searched for the separator and
 * the header row. Then the file is parsed in chunks and handed on in batches, so a file of any length is
 * never held whole. Row numbers are those a spreadsheet shows: a quoted cell with line breaks stays one
 * row, blank lines and title rows count, an Excel `sep=` line does not (Excel hides it).
 */
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
import { findHeaderRow, HEADER_SEARCH_ROWS, type ColumnMap } from "../../engine/columns";
import { CsvParser, type ParsedRecord } from "./csv-parser";
import {
  MAX_CELL_CHARACTERS,
  nonBlankBatches,
  TableReadFailure,
  type OpenTableResult,
  type TableReadError,
  type TableRecord,
} from "./table";

// Small reads on purpose: a cell is a slice of its chunk's text, and the engine's commodity memo keeps
// commodity texts as keys, so each distinct commodity keeps its whole chunk alive (1M rows: 64 KB chunks
// peaked at 336 MB, 8 KB at 238 MB, parsing no slower).
const READ_CHUNK_BYTES = 8 * 1024;
const CHECK_CHUNK_BYTES = 1024 * 1024;
/** How much of the file's start is read to find the separator and the header row. */
const SNIFF_BYTES = 1024 * 1024;
/**
 * Rows scored and written together. Smaller batches keep less of the file and its output alive at once: on the
 * bench's 1M-row CSV to JSON, 2,000 rows a batch peaked at 297 MB (22.6 s), 500 at 266 MB (19.9 s), one run each.
 */
export const CSV_BATCH_ROWS = 500;

/** Separators Excel writes: "," in most locales, ";" where the comma is the decimal mark, tab for "Text". */
const CANDIDATE_DELIMITERS = [",", ";", "\t", "|"] as const;

const DELIMITER_NAMES: Readonly<Record<string, string>> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "bar" };

interface Encoding {
  /** The WHATWG label TextDecoder uses. */
  label: string;
  /** Bytes of byte-order mark to skip. */
  skip: number;
  how: string;
}

function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  return error instanceof Error ? error.message : String(error);
}

/** The index of the first byte that is not part of a valid UTF-8 sequence, or -1 (an incomplete tail is valid). */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      if (i + k >= bytes.length) return -1;
      if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    if (length > 1 && !isUtf8(bytes.subarray(i, i + length))) return i;
    i += length;
  }
  return -1;
}

function countLineFeeds(bytes: Buffer, end: number): number {
  let count = 0;
  for (let at = bytes.indexOf(10); at >= 0 && at < end; at = bytes.indexOf(10, at + 1)) count += 1;
  return count;
}

/** Bytes at the end of `bytes` that may begin a UTF-8 sequence not yet complete. */
function incompleteUtf8Tail(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * Checks the whole file in the chosen encoding. UTF-8 is checked with `isUtf8` (no text is made); other
 * encodings are decoded and the text dropped. Returns the line of the first bad byte, or null.
 */
async function firstBadLine(path: string, encoding: Encoding): Promise<number | null> {
  const stream = createReadStream(path, { start: encoding.skip, highWaterMark: CHECK_CHUNK_BYTES });
  let lineFeeds = 0;
  try {
    if (encoding.label === "utf-8") {
      let carry: Buffer = Buffer.alloc(0);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
        const tail = incompleteUtf8Tail(bytes);
        const whole = bytes.subarray(0, bytes.length - tail);
        if (!isUtf8(whole)) {
          const bad = firstInvalidUtf8(whole);
          return lineFeeds + countLineFeeds(whole, bad < 0 ? whole.length : bad) + 1;
        }
        lineFeeds += countLineFeeds(whole, whole.length);
        carry = Buffer.from(bytes.subarray(bytes.length - tail));
      }
      return carry.length > 0 ? lineFeeds + 1 : null;
    }
    const decoder = new TextDecoder(encoding.label, { fatal: true });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return lineFeeds + 1;
      }
      lineFeeds += countLineFeeds(chunk, chunk.length);
    }
    try {
      decoder.decode();
    } catch {
      return lineFeeds + 1;
    }
    return null;
  } finally {
    stream.destroy();
  }
}

/** The WHATWG name of an encoding label, or null when TextDecoder does not know it. */
function encodingName(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}

async function chooseEncoding(path: string, declared: string | undefined): Promise<{ ok: true; encoding: Encoding } | { ok: false; error: TableReadError }> {
  const handle = await open(path, "r");
  const head = Buffer.alloc(3);
  let read: number;
  try {
    ({ bytesRead: read } = await handle.read(head, 0, 3, 0));
  } finally {
    await handle.close();
  }
  let encoding: Encoding;
  const declaredName = declared === undefined ? null : encodingName(declared);
  if (declared !== undefined && declaredName === null) return { ok: false, error: { code: "encoding_unsupported", path, encoding: declared } };
  if (read >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) encoding = { label: "utf-8", skip: 3, how: "UTF-8 (byte-order mark)" };
  else if (read >= 2 && head[0] === 0xff && head[1] === 0xfe) encoding = { label: "utf-16le", skip: 2, how: "UTF-16LE (byte-order mark)" };
  else if (read >= 2 && head[0] === 0xfe && head[1] === 0xff) encoding = { label: "utf-16be", skip: 2, how: "UTF-16BE (byte-order mark)" };
  else if (declaredName !== null) encoding = { label: declaredName, skip: 0, how: `${declaredName} (--encoding)` };
  else encoding = { label: "utf-8", skip: 0, how: "UTF-8" };
  if (declaredName !== null && encoding.skip > 0 && declaredName !== encoding.label) encoding.how += `; --encoding ${declaredName} was overruled by the mark`;
  const bad = await firstBadLine(path, encoding);
  if (bad !== null) {
    return { ok: false, error: { code: "encoding_unknown", path, encoding: encoding.label, line: bad, declared: encoding.skip > 0 || declaredName !== null } };
  }
  return { ok: true, encoding };
}

/** The separator the header line uses most, outside quotes: a fallback when no separator finds a header. */
export function guessDelimiter(text: string): string {
  const firstLine = text.replace(/^[\r\n]+/, "").split(/\r?\n|\r/, 1)[0] ?? "";
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = CANDIDATE_DELIMITERS[0];
  for (const delimiter of CANDIDATE_DELIMITERS) if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}

/** The first records of `text` parsed with `delimiter` (at most the header search depth). */
function firstRecords(text: string, delimiter: string, complete: boolean): ParsedRecord[] {
  const parser = new CsvParser(delimiter, MAX_CELL_CHARACTERS);
  const records: ParsedRecord[] = [];
  parser.push(text, (record) => records.push(record));
  if (complete) parser.end((record) => records.push(record));
  return records.slice(0, HEADER_SEARCH_ROWS);
}

interface Layout {
  delimiter: string;
  /** An Excel `sep=` line opens the file: it is dropped and not counted as a row. */
  sepLine: boolean;
  /** Row number of the header (1 = first row after any sep= line). */
  headerRow: number;
  header: string[];
  columns: ColumnMap;
}

const SEP_LINE = /^sep=(.)[ \t]*(?:\r\n|\n|\r|$)/i;

function findLayout(path: string, text: string, complete: boolean): { ok: true; layout: Layout } | { ok: false; error: TableReadError } {
  const sep = SEP_LINE.exec(text);
  const body = sep ? text.slice(sep[0].length) : text;
  const candidates = sep ? [sep[1]] : CANDIDATE_DELIMITERS;
  let best: (Layout & { fields: number; width: number }) | null = null;
  for (const delimiter of candidates) {
    const records = firstRecords(body, delimiter, complete);
    const found = findHeaderRow(records.map((record) => record.cells));
    if (!found.ok) continue;
    const header = records[found.index].cells;
    const fields = Object.keys(found.map.columns).length;
    if (best === null || fields > best.fields || (fields === best.fields && header.length > best.width)) {
      best = { delimiter, sepLine: sep !== null, headerRow: records[found.index].row, header, columns: found.map, fields, width: header.length };
    }
  }
  if (best !== null) return { ok: true, layout: best };
  const records = firstRecords(body, sep ? sep[1] : guessDelimiter(body), complete);
  if (records.length === 0 || records.every((record) => record.cells.every((cell) => cell.trim() === ""))) {
    return { ok: false, error: { code: "file_empty", path } };
  }
  const search = findHeaderRow(records.map((record) => record.cells));
  const found = search.ok ? [] : (search.firstError?.found ?? []);
  return { ok: false, error: { code: "header_not_found", path, places: [{ rows: [1, records.at(-1)!.row], found }] } };
}

/** The start of the file as text, enough for the header search: up to SNIFF_BYTES or a few dozen lines. */
async function readStart(path: string, encoding: Encoding): Promise<{ text: string; complete: boolean }> {
  const stream = createReadStream(path, { start: encoding.skip, highWaterMark: READ_CHUNK_BYTES });
  const decoder = new TextDecoder(encoding.label);
  let text = "";
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      text += decoder.decode(chunk, { stream: true });
      bytes += chunk.length;
      if (bytes >= SNIFF_BYTES || (text.match(/\n|\r/g)?.length ?? 0) > HEADER_SEARCH_ROWS * 3) return { text, complete: false };
    }
    return { text: text + decoder.decode(), complete: true };
  } finally {
    stream.destroy();
  }
}

export interface CsvOptions {
  /** A legacy encoding for files that are not UTF-8 and have no byte-order mark (e.g. windows-1252, shift_jis). */
  encoding?: string;
}

export async function openCsv(path: string, options: CsvOptions = {}): Promise<OpenTableResult> {
  let size: number;
  let encoding: Encoding;
  let start: { text: string; complete: boolean };
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, error: { code: "file_unreadable", path, cause: "it is a folder" } };
    size = info.size;
    const chosen = await chooseEncoding(path, options.encoding);
    if (!chosen.ok) return chosen;
    encoding = chosen.encoding;
    start = await readStart(path, encoding);
  } catch (error) {
    return { ok: false, error: { code: "file_unreadable", path, cause: causeOf(error) } };
  }
  const found = findLayout(path, start.text.replace(/^\ufeff/, ""), start.complete);
  if (!found.ok) return found;
  const { layout } = found;

  // Opened when the rows are first read: a run that stops before (its --out refused, say) leaves no file
  // opening in the background, whose failure would surface later as an error nobody listens for.
  let source: ReturnType<typeof createReadStream> | null = null;
  let closed = false;
  let bytesRead = encoding.skip;
  const parser = new CsvParser(layout.delimiter, MAX_CELL_CHARACTERS);
  const rowShift = layout.sepLine ? 1 : 0;
  const width = layout.header.length;
  const needed = layout.header.reduce((last, cell, column) => (cell.trim() === "" ? last : column + 1), 0);

  const toRecord = (parsed: ParsedRecord): TableRecord | null => {
    const row = parsed.row - rowShift;
    if (row <= layout.headerRow) return null;
    const record: TableRecord = { row, cells: parsed.cells };
    const issues = parsed.issues;
    const count = parsed.cells.length;
    const blank = parsed.cells.every((cell) => cell.trim() === "");
    if (!blank && (count > width || count < needed) && !issues.some((issue) => issue.code === "row_cells_mismatch")) {
      issues.push({ code: "row_cells_mismatch", cells: count, expected: width });
    }
    if (issues.length > 0) record.issues = issues;
    return record;
  };

  async function* records(): AsyncGenerator<TableRecord> {
    const decoder = new TextDecoder(encoding.label, { fatal: true });
    const ready: TableRecord[] = [];
    const collect = (parsed: ParsedRecord) => {
      const record = toRecord(parsed);
      if (record !== null) ready.push(record);
    };
    if (closed) return;
    source = createReadStream(path, { start: encoding.skip, highWaterMark: READ_CHUNK_BYTES });
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        // The file was checked before; it changed while being read.
        throw new TableReadFailure({ code: "encoding_unknown", path, encoding: encoding.label, line: parser.rowCount + 1, declared: true });
      }
      parser.push(text, collect);
      yield* ready;
      ready.length = 0;
    }
    parser.push(decoder.decode(), collect);
    const unclosed = parser.end(collect);
    yield* ready;
    if (unclosed !== null) throw new TableReadFailure({ code: "unclosed_quote", path, row: unclosed.row - rowShift, lines: unclosed.lines });
  }

  const separator = DELIMITER_NAMES[layout.delimiter] ?? `"${layout.delimiter}"`;
  const notes = [`read as ${encoding.how}, ${separator}-separated${layout.sepLine ? ' (from its "sep=" line)' : ""}, header on row ${layout.headerRow}`];
  return {
    ok: true,
    reader: {
      header: { row: layout.headerRow, cells: layout.header },
      columns: layout.columns,
      notes,
      batches: nonBlankBatches(records(), CSV_BATCH_ROWS),
      progress: { unit: "bytes", total: size, done: () => bytesRead },
      closingNotes: () => {
        const { crlf, lf, cr } = parser.lineEndings;
        const kinds = [crlf > 0 ? "CRLF" : null, lf > 0 ? "LF" : null, cr > 0 ? "CR" : null].filter((kind) => kind !== null);
        return kinds.length > 1 ? [`the file mixes line endings (${kinds.join(", ")}); each one ended a row`] : [];
      },
      close: () => {
        closed = true;
        source?.destroy();
      },
    },
  };
}
