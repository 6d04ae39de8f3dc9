/**
 * `chokepoint score FILE`: reads a supplier list (CSV streamed, or XLSX), scores each row with the engine
 * the formulas use, and writes a table, CSV or JSON report. Exit 0 once the file is scored, even with bad
 * rows; 2 when the input cannot be used (file, columns, rules, options).
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { finished } from "node:stream/promises";
import {
  DecimalMarkTally,
  describeColumnIssue,
  recordToRow,
  type ColumnIssue,
  type DecimalMarkDecision,
} from "../../engine/columns";
import { compileRules, scoreRows } from "../../engine/index";
import { staticNomenclature } from "../../engine/hs";
import { checkUserAliases, describeUserAliasIssue, withUserAliases } from "../../engine/user-aliases";
import hsDescriptions from "../../engine/data/hs2022.json";
import { loadAliasesFile } from "../aliases-source";
import { isoDateOrNull, todayIso } from "../../engine/dates";
import { singleLine } from "../../engine/text-safety";
import { EXIT, type CommandIo, type ExitCode } from "../io";
import { csvWriter } from "../output/csv";
import { jsonWriter } from "../output/json";
import { scoredReportedRow, SummaryAccumulator, unscoredRowReport, type ReportedRow } from "../output/report";
import { SinkWriteError, terminalSafe, textSink, type TextSink, type WritableLike } from "../output/sink";
import { tableWriter } from "../output/table";
import type { ReportWriter } from "../output/writer";
import { startProgress } from "../progress";
import { describeTableReadError, TableReadFailure } from "../readers/table";
import { loadCommandRules } from "../rules-source";
import { columnNamer, isXlsxFile, openSupplierTable, readingProblems } from "../supplier-table";

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
  /** A CSV of the workbook's own aliases (`commodity,item`), applied before any other reading. */
  aliases?: string;
}

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

  const rules = await loadCommandRules(args.rules);
  if (!rules.ok) return fail(rules.lines.join("\n"));
  const aliases = args.aliases === undefined ? null : await loadAliasesFile(args.aliases);
  if (aliases !== null && !aliases.ok) return fail(aliases.message);

  const opening = openSupplierTable(args.file, { sheet: args.sheet, encoding: args.encoding });
  if (opening === null) return fail(`${args.file}: unsupported file type; give a .csv or .xlsx file`);
  const openedTable = await opening;
  if (!openedTable.ok) return fail(singleLine(describeTableReadError(openedTable.error)));
  const { reader } = openedTable;
  const isXlsx = isXlsxFile(args.file);
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

  let compiled = compileRules(rules.rules, { hsNomenclature: staticNomenclature(hsDescriptions) });
  if (aliases !== null && aliases.ok) {
    for (const issue of checkUserAliases(aliases.aliases, compiled)) io.stderr.write(`chokepoint score: note: ${describeUserAliasIssue(issue)}\n`);
    compiled = withUserAliases(compiled, aliases.aliases);
  }
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
        return scoredReportedRow(record.cells, { row: record.row, record: supplier, result, readWarnings: warnings });
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
