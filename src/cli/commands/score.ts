/**
 * `chokepoint score FILE`: reads a supplier list (CSV streamed, or XLSX), scores each row with the engine
 * the formulas use, and writes a table, CSV or JSON report. Exit 0 once the file is scored, even with bad
 * rows; 2 when the input cannot be used (file, columns, rules, options).
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { finished } from "node:stream/promises";
import bundledRules from "../../rules/default-rules.json";
import {
  DecimalMarkTally,
  describeColumnIssue,
  recordToRow,
  type ColumnIssue,
  type ColumnMap,
  type DecimalMarkDecision,
  type SupplierRecord,
} from "../../engine/columns";
import { compileRules, scoreRows } from "../../engine/index";
import { isoDateOrNull, todayIso } from "../../engine/dates";
import { singleLine } from "../../engine/text-safety";
import { formatIssue, parseRules } from "../../rules/parse";
import type { RulesDocument } from "../../rules/schema";
import { describeRulesError } from "../../rules/status-codes";
import { EXIT, type CommandIo, type ExitCode } from "../io";
import { csvWriter } from "../output/csv";
import { jsonWriter } from "../output/json";
import { rowReport, SummaryAccumulator, unscoredRowReport, type ReportedRow } from "../output/report";
import { SinkWriteError, terminalSafe, textSink, type TextSink, type WritableLike } from "../output/sink";
import { tableWriter } from "../output/table";
import type { ReportWriter } from "../output/writer";
import { startProgress } from "../progress";
import { openCsv } from "../readers/csv";
import { describeRowIssue, describeTableReadError, TableReadFailure, type OpenTableResult, type TableRecord } from "../readers/table";
import { openXlsx } from "../readers/xlsx";
import { loadRulesSource } from "../rules-source";

export const SCORE_FORMATS = ["table", "csv", "json"] as const;
export type ScoreFormat = (typeof SCORE_FORMATS)[number];

export interface ScoreArgs {
  file: string;
  /** Rules file path or https URL (http only for localhost); the bundled rules when absent. */
  rules?: string;
  /** YYYY-MM-DD; today (local calendar day) when absent. */
  asOf?: string;
  format?: string;
  /** Write the report to this file instead of stdout. */
  out?: string;
  /** XLSX only: the sheet to read instead of the first. */
  sheet?: string;
  /** CSV only: the legacy encoding of a file that is not UTF-8 and has no byte-order mark. */
  encoding?: string;
}

const CSV_EXTENSIONS = new Set([".csv", ".txt", ".tsv"]);
const XLSX_EXTENSIONS = new Set([".xlsx", ".xlsm"]);

function isTerminal(stream: unknown): boolean {
  return (stream as { isTTY?: boolean } | undefined)?.isTTY === true;
}

/**
 * An explicit --format wins; then the extension of --out; then table on a terminal and JSON for a pipe or
 * file, because a program reading the output wants the structured form.
 */
function chooseFormat(args: ScoreArgs, io: CommandIo): ScoreFormat | null {
  if (args.format !== undefined) {
    const wanted = args.format.trim().toLowerCase();
    return (SCORE_FORMATS as readonly string[]).includes(wanted) ? (wanted as ScoreFormat) : null;
  }
  if (args.out !== undefined) {
    const extension = extname(args.out).toLowerCase();
    if (extension === ".csv") return "csv";
    if (extension === ".txt") return "table";
    return "json";
  }
  return isTerminal(io.stdout) ? "table" : "json";
}

type LoadedRules = { ok: true; rules: RulesDocument; source: string } | { ok: false; lines: string[] };

async function loadRules(location: string | undefined): Promise<LoadedRules> {
  if (location === undefined) {
    const parsed = parseRules(bundledRules);
    if (parsed.ok) return { ok: true, rules: parsed.rules, source: "bundled" };
    return { ok: false, lines: ["the bundled rules are invalid:", ...parsed.issues.map(formatIssue)] };
  }
  const loaded = await loadRulesSource(location);
  if (loaded.ok) return { ok: true, rules: loaded.rules, source: location };
  return { ok: false, lines: [describeRulesError(loaded.error), ...(loaded.error.issues ?? []).map((issue) => `  ${formatIssue(issue)}`)] };
}

function openTable(args: ScoreArgs): Promise<OpenTableResult> | null {
  const extension = extname(args.file).toLowerCase();
  if (CSV_EXTENSIONS.has(extension)) return openCsv(args.file, { encoding: args.encoding });
  if (XLSX_EXTENSIONS.has(extension)) return openXlsx(args.file, { sheet: args.sheet });
  return null;
}

function columnNotes(issues: readonly ColumnIssue[]): string[] {
  const unknown = issues.filter((issue) => issue.code === "unknown_column").map((issue) => `"${issue.header}"`);
  const notes = issues.filter((issue) => issue.code === "duplicate_column").map(describeColumnIssue);
  if (unknown.length > 0) notes.push(`columns not used for scoring (carried through to CSV output): ${unknown.join(", ")}`);
  return notes;
}

/** What the end of the run says about the spend column's decimal mark, if anything. */
function decimalMarkNotes(decision: DecimalMarkDecision, ambiguousRows: readonly number[]): { notes: string[]; warnings: string[] } {
  if (decision.ambiguous === 0) return { notes: [], warnings: [] };
  if (decision.mark !== null) {
    const example = decision.mark === "comma" ? "1.234 means 1234 and 1,5 means 1.5" : "1,234 means 1234 and 1.5 means 1.5";
    return { notes: [`the spend column writes a decimal ${decision.mark}, so ${example}`], warnings: [] };
  }
  const rows = ambiguousRows.length > 0 ? ` (rows ${ambiguousRows.join(", ")}${decision.ambiguous > ambiguousRows.length ? ", …" : ""})` : "";
  const why = decision.conflicting
    ? `the column mixes a decimal point (${decision.point} values) and a decimal comma (${decision.comma} values)`
    : "no other value in the column shows whether it writes a decimal point or a decimal comma";
  return {
    notes: [],
    warnings: [
      `spend_ambiguous: ${decision.ambiguous.toLocaleString("en-US")} spend value${decision.ambiguous === 1 ? "" : "s"} such as 1.234 or 1,234${rows} could be read either way and ${why}; ` +
        "they were left out of the spend-weighted score (write them with cents, e.g. 1,234.00, to decide)",
    ],
  };
}

/** Where the report goes. A file is written beside its final name and renamed there at the end (`commit`). */
interface OutputTarget {
  sink: TextSink;
  label: string;
  toStdout: boolean;
  commit: () => Promise<void>;
  discard: () => Promise<void>;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch {
    return null;
  }
}

function opened(stream: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once("ready", () => resolve());
    stream.once("error", reject);
  });
}

async function openOutput(args: ScoreArgs, io: CommandIo, format: ScoreFormat): Promise<OutputTarget | { error: string }> {
  const forFormat = (stream: WritableLike) => (format === "table" ? terminalSafe(stream) : stream);
  if (args.out === undefined) {
    const sink = textSink(forFormat(io.stdout));
    return { sink, label: "the report to stdout", toStdout: true, commit: () => sink.settle(), discard: async () => undefined };
  }
  const out = args.out;
  const [existing, input] = await Promise.all([statOrNull(out), statOrNull(args.file)]);
  if (existing && input && existing.dev === input.dev && existing.ino === input.ino) {
    return { error: `output_is_input: --out ${out} is the input file itself; writing there would destroy it while it is read` };
  }
  // A device or pipe (/dev/stdout, a FIFO) is written in place; a file is replaced only once complete.
  const direct = existing !== null && !existing.isFile();
  const temporary = direct ? null : join(dirname(out), `.${basename(out)}.${process.pid}-${Date.now().toString(36)}.tmp`);
  const stream = createWriteStream(temporary ?? out, { flags: direct ? "w" : "wx" });
  try {
    await opened(stream);
  } catch (error) {
    return { error: `cannot write ${out}: ${errorCode(error)}` };
  }
  const sink = textSink(forFormat(stream));
  return {
    sink,
    label: out,
    toStdout: false,
    commit: async () => {
      await sink.settle();
      try {
        stream.end();
        await finished(stream);
        if (temporary !== null) await rename(temporary, out);
      } catch (error) {
        throw new SinkWriteError(errorCode(error));
      }
    },
    discard: async () => {
      stream.destroy();
      if (temporary !== null) await unlink(temporary).catch(() => undefined);
    },
  };
}

/** The name a message gives a column: its field when the scorer reads it, else its header, else its letter-free number. */
function columnNamer(columns: ColumnMap): (column: number) => string {
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
function readingProblems(record: TableRecord, supplier: SupplierRecord, readColumns: ReadonlySet<number>, nameOf: (column: number) => string) {
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

export async function scoreCommand(args: ScoreArgs, io: CommandIo): Promise<ExitCode> {
  const fail = (message: string): ExitCode => {
    io.stderr.write(`chokepoint score: ${message}\n`);
    return EXIT.unusable;
  };
  const note = (text: string) => io.stderr.write(`chokepoint score: note: ${singleLine(text)}\n`);
  const warn = (text: string) => io.stderr.write(`chokepoint score: warning: ${singleLine(text)}\n`);

  const asOf = args.asOf ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf.trim()) || isoDateOrNull(asOf) === null) {
    return fail(`--as-of must be a calendar date written YYYY-MM-DD; got "${asOf}"`);
  }
  const format = chooseFormat(args, io);
  if (format === null) return fail(`--format must be one of ${SCORE_FORMATS.join(", ")}; got "${args.format}"`);

  const rules = await loadRules(args.rules);
  if (!rules.ok) return fail(rules.lines.join("\n"));

  const opening = openTable(args);
  if (opening === null) return fail(`${args.file}: unsupported file type; give a .csv or .xlsx file`);
  const openedTable = await opening;
  if (!openedTable.ok) return fail(singleLine(describeTableReadError(openedTable.error)));
  const { reader } = openedTable;
  const isXlsx = XLSX_EXTENSIONS.has(extname(args.file).toLowerCase());
  if (args.sheet !== undefined && !isXlsx) note("--sheet applies to XLSX files only and was ignored");
  if (args.encoding !== undefined && isXlsx) note("--encoding applies to CSV files only and was ignored");

  const columns = reader.columns;
  for (const text of [...reader.notes, ...columnNotes(columns.issues)]) note(text);

  const output = await openOutput(args, io, format);
  if ("error" in output) {
    reader.close();
    return fail(output.error);
  }
  const writer: ReportWriter =
    format === "json" ? jsonWriter(output.sink) : format === "csv" ? csvWriter(output.sink, columns.headers) : tableWriter(output.sink);

  const compiled = compileRules(rules.rules);
  const summary = new SummaryAccumulator();
  const decimalMarks = new DecimalMarkTally();
  const nameOf = columnNamer(columns);
  const readColumns = new Set(Object.values(columns.columns));
  const progress = startProgress(io.stderr, reader.progress);
  let decision: DecimalMarkDecision;
  try {
    await writer.begin({ asOf, rules: { version: rules.rules.version, source: rules.source } });
    for await (const batch of reader.batches) {
      const prepared = batch.map((record) => {
        const supplier = recordToRow(record.cells, columns);
        decimalMarks.add(supplier.spendReading);
        return { record, supplier, ...readingProblems(record, supplier, readColumns, nameOf) };
      });
      const scorable = prepared.filter((row) => row.error === null);
      const results = scoreRows(
        scorable.map((row) => row.supplier.input),
        compiled,
        { asOf },
      );
      let next = 0;
      const reported: ReportedRow[] = prepared.map(({ record, supplier, error, warnings }) => {
        if (error !== null) {
          summary.addError();
          return { report: unscoredRowReport(record.row, supplier, error, warnings), cells: record.cells };
        }
        const result = results[next++];
        summary.add(result, supplier.spendReading, record.row);
        return { report: rowReport(record.row, supplier, result, warnings), cells: record.cells };
      });
      await writer.rows(reported);
      progress?.update();
    }
    progress?.stop();
    decision = decimalMarks.decision();
    await writer.end(summary.summary(decision.mark));
    await output.commit();
  } catch (error) {
    progress?.stop();
    reader.close();
    await output.discard();
    if (error instanceof SinkWriteError) {
      // A reader that stopped listening (`| head`) has all it wanted: end quietly.
      if (output.toStdout && error.code === "EPIPE") return EXIT.ok;
      return fail(`cannot write ${output.label}: ${error.code}`);
    }
    if (error instanceof TableReadFailure) return fail(singleLine(error.message));
    return fail(`reading ${args.file} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const marks = decimalMarkNotes(decision, summary.ambiguousRows);
  for (const text of [...reader.closingNotes(), ...marks.notes]) note(text);
  for (const text of marks.warnings) warn(text);
  return EXIT.ok;
}
