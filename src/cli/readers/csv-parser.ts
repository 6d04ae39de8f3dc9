/**
 * A streaming CSV parser that reports what it could not read instead of re-aligning quietly. Text goes in
 * piece by piece; complete records come out. A record ends at CRLF, LF or a lone CR (old Mac files), so a
 * file that mixes line endings keeps every row. A quoted cell may hold separators, `""` and line breaks;
 * text after a closing quote is kept but flagged; a cell longer than `maxCell` characters is cut while it is
 * read (the rest is only counted) and flagged; a quote still open at the end of the text is an error for the
 * caller, with the row it opened on.
 */
import type { RowIssue } from "./table";

export interface ParsedRecord {
  /** 1-based count of records, blank lines included: the row number a spreadsheet shows. */
  row: number;
  cells: string[];
  issues: RowIssue[];
}

/** Most cells kept from one record: Excel's column limit. Further cells are counted, not stored. */
const MOST_CELLS = 16_384;

const QUOTE = 34;
const CR = 13;
const LF = 10;

type State = "fieldStart" | "unquoted" | "quoted" | "quoteInQuoted" | "afterQuote";

export class CsvParser {
  private state: State = "fieldStart";
  private cells: string[] = [];
  private cellCount = 0;
  private field = "";
  private fieldLength = 0;
  private issues: RowIssue[] = [];
  private rows = 0;
  /** A CR ended the last record; a LF right after it belongs to the same line break. */
  private afterCr = false;
  /** Line breaks seen, for the unclosed-quote message. */
  private lineBreaks = 0;
  private quoteOpenedAtRow = 0;
  private breaksBeforeQuote = 0;
  readonly lineEndings = { crlf: 0, lf: 0, cr: 0 };
  private readonly delimiterCode: number;

  constructor(
    delimiter: string,
    private readonly maxCell: number,
  ) {
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Rows started so far (the row number of the record being read, once it has begun). */
  get rowCount(): number {
    return this.rows;
  }

  private append(text: string): void {
    if (text === "") return;
    this.fieldLength += text.length;
    if (this.field.length < this.maxCell) this.field += text.length > this.maxCell ? text.slice(0, this.maxCell) : text;
  }

  private endField(): void {
    if (this.fieldLength > this.maxCell) {
      this.issues.push({ code: "cell_too_long", column: this.cellCount, length: this.fieldLength });
      this.field = this.field.slice(0, this.maxCell);
    }
    if (this.cellCount < MOST_CELLS) this.cells.push(this.field);
    this.cellCount += 1;
    this.field = "";
    this.fieldLength = 0;
    this.state = "fieldStart";
  }

  private endRecord(emit: (record: ParsedRecord) => void): void {
    this.endField();
    this.rows += 1;
    const record: ParsedRecord = { row: this.rows, cells: this.cells, issues: this.issues };
    if (this.cellCount > this.cells.length) record.issues.push({ code: "row_cells_mismatch", cells: this.cellCount, expected: MOST_CELLS });
    this.cells = [];
    this.cellCount = 0;
    this.issues = [];
    emit(record);
  }

  push(text: string, emit: (record: ParsedRecord) => void): void {
    const delimiter = this.delimiterCode;
    let i = 0;
    const length = text.length;
    if (this.afterCr && length > 0) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) {
        this.lineEndings.cr -= 1;
        this.lineEndings.crlf += 1;
        i = 1;
      }
    }
    while (i < length) {
      const state = this.state;
      if (state === "quoted") {
        const close = text.indexOf('"', i);
        const piece = close < 0 ? text.slice(i) : text.slice(i, close);
        this.countBreaks(piece);
        this.append(piece);
        if (close < 0) return;
        this.state = "quoteInQuoted";
        i = close + 1;
        continue;
      }
      const code = text.charCodeAt(i);
      if (state === "quoteInQuoted") {
        if (code === QUOTE) {
          this.append('"');
          this.state = "quoted";
          i += 1;
          continue;
        }
        this.state = "afterQuote";
      }
      if (code === delimiter) {
        this.endField();
        i += 1;
      } else if (code === LF || code === CR) {
        this.endRecord(emit);
        this.lineBreaks += 1;
        if (code === LF) {
          this.lineEndings.lf += 1;
          i += 1;
        } else if (i + 1 < length) {
          const crlf = text.charCodeAt(i + 1) === LF;
          this.lineEndings[crlf ? "crlf" : "cr"] += 1;
          i += crlf ? 2 : 1;
        } else {
          this.lineEndings.cr += 1;
          this.afterCr = true;
          i += 1;
        }
      } else if (this.state === "fieldStart" && code === QUOTE) {
        this.state = "quoted";
        this.quoteOpenedAtRow = this.rows + 1;
        this.breaksBeforeQuote = this.lineBreaks;
        i += 1;
      } else {
        if (this.state === "afterQuote" && !this.issues.some((issue) => issue.code === "quote_misplaced" && issue.column === this.cellCount)) {
          this.issues.push({ code: "quote_misplaced", column: this.cellCount });
        }
        if (this.state === "fieldStart") this.state = "unquoted";
        // Take the rest of the unquoted text up to the next separator or line break in one slice.
        let end = i + 1;
        while (end < length) {
          const next = text.charCodeAt(end);
          if (next === delimiter || next === LF || next === CR) break;
          end += 1;
        }
        this.append(text.slice(i, end));
        i = end;
      }
    }
  }

  private countBreaks(piece: string): void {
    for (let at = piece.indexOf("\n"); at >= 0; at = piece.indexOf("\n", at + 1)) this.lineBreaks += 1;
  }

  /** True while a quoted cell is open (its closing quote not yet seen). */
  get inQuotedCell(): boolean {
    return this.state === "quoted";
  }

  /**
   * Ends the text: the last record is emitted if it has any content. Returns the unclosed quote, if any: the
   * row it opened on and how many line breaks it swallowed.
   */
  end(emit: (record: ParsedRecord) => void): { row: number; lines: number } | null {
    if (this.state === "quoted") return { row: this.quoteOpenedAtRow, lines: this.lineBreaks - this.breaksBeforeQuote };
    if (this.state !== "fieldStart" || this.cells.length > 0) this.endRecord(emit);
    return null;
  }
}
