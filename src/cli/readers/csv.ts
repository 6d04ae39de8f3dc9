/**
 * CSV → spreadsheet rows, streamed: the file is read in 16 KB chunks, parsed by papaparse and handed on in
 * batches, so a file of any length is never held whole. Row numbers are those a spreadsheet shows: a quoted
 * field with line breaks inside stays one row, and blank lines count but are not returned.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline, Transform, type TransformCallback } from "node:stream";
import Papa from "papaparse";
import { isBlankRecord, nonBlankBatches, type OpenTableResult, type TableRecord } from "./table";

// Small reads on purpose: papaparse's stream mode re-copies the unparsed rest of a chunk as it hands out
// rows, so its cost grows with the square of the chunk size (1 MB chunks were 45x slower than 16 KB).
const READ_CHUNK_BYTES = 16 * 1024;
export const CSV_BATCH_ROWS = 2000;

/** Separators Excel writes: "," in most locales, ";" where the comma is the decimal mark, tab for "Text". */
const CANDIDATE_DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * The separator of a CSV file, judged from its first non-blank line (the header), counting only outside
 * quotes. Headers rarely contain separators of another kind, whereas data rows often hold decimal commas.
 */
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

/**
 * Bytes → text. UTF-8 (a byte-order mark is dropped); if the first chunk is not valid UTF-8 the file is
 * taken to be Windows-1252, what older Excel versions write for "CSV (Comma delimited)".
 */
class TextDecodingTransform extends Transform {
  private decoder: TextDecoder | null = null;
  bytesRead = 0;

  constructor() {
    super({ decodeStrings: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytesRead += chunk.length;
    if (this.decoder === null) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(chunk, { stream: true });
        this.decoder = new TextDecoder("utf-8");
      } catch {
        this.decoder = new TextDecoder("windows-1252");
      }
    }
    callback(null, this.decoder.decode(chunk, { stream: true }));
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.decoder?.decode() ?? "");
  }
}

function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  return error instanceof Error ? error.message : String(error);
}

export async function openCsv(path: string): Promise<OpenTableResult> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, error: { code: "file_unreadable", path, cause: "it is a folder" } };
    size = info.size;
  } catch (error) {
    return { ok: false, error: { code: "file_unreadable", path, cause: causeOf(error) } };
  }

  const source = createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
  const decoding = new TextDecodingTransform();
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: guessDelimiter, skipEmptyLines: false });
  // Errors reach the consumer through the parser's iterator; the callback only keeps pipeline from throwing.
  pipeline(source, decoding, parser, () => undefined);
  const rows: AsyncIterator<string[]> = parser[Symbol.asyncIterator]();
  let rowNumber = 0;

  let header: TableRecord | null = null;
  try {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      rowNumber += 1;
      if (!isBlankRecord(next.value)) {
        header = { row: rowNumber, cells: next.value };
        break;
      }
    }
  } catch (error) {
    source.destroy();
    return { ok: false, error: { code: "file_unreadable", path, cause: causeOf(error) } };
  }
  if (header === null) return { ok: false, error: { code: "file_empty", path } };

  async function* records(): AsyncGenerator<TableRecord> {
    for (let next = await rows.next(); !next.done; next = await rows.next()) {
      rowNumber += 1;
      yield { row: rowNumber, cells: next.value };
    }
  }

  return {
    ok: true,
    reader: {
      header,
      batches: nonBlankBatches(records(), CSV_BATCH_ROWS),
      progress: { unit: "bytes", total: size, done: () => decoding.bytesRead },
      close: () => source.destroy(),
    },
  };
}
