/**
 * `chokepoint score FILE`: reads a supplier list (CSV streamed, or XLSX), scores each row with the engine
 * the formulas use, and writes a table, CSV or JSON report. Exit 0 once the file is scored, even with bad
 * rows; 2 when the input cannot be used (file, columns, rules, options).
 */
import { open } from "node:fs/promises";
import { extname } from "node:path";
import bundledRules from "../../rules/default-rules.json";
import { describeColumnIssue, mapColumns, recordToRow, type ColumnIssue } from "../../engine/columns";
import { compileRules, scoreRows } from "../../engine/index";
import { staticNomenclature } from "../../engine/hs";
import { checkUserAliases, describeUserAliasIssue, withUserAliases } from "../../engine/user-aliases";
import hsDescriptions from "../../engine/data/hs2022.json";
import { loadAliasesFile } from "../aliases-source";
import { isoDateOrNull, todayIso } from "../../engine/dates";
import { formatIssue, parseRules } from "../../rules/parse";
import type { RulesDocument } from "../../rules/schema";
import { describeRulesError } from "../../rules/status-codes";
import { EXIT, type CommandIo, type ExitCode } from "../io";
import { csvWriter } from "../output/csv";
import { jsonWriter } from "../output/json";
import { rowReport, SummaryAccumulator, type ReportedRow } from "../output/report";
import { textSink, type TextSink } from "../output/sink";
import { tableWriter } from "../output/table";
import type { ReportWriter } from "../output/writer";
import { startProgress } from "../progress";
import { openCsv } from "../readers/csv";
import { describeTableReadError, type OpenTableResult } from "../readers/table";
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
  /** A CSV of the workbook's own aliases (`commodity,item`), applied before any other reading. */
  aliases?: string;
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
  if (CSV_EXTENSIONS.has(extension)) return openCsv(args.file);
  if (XLSX_EXTENSIONS.has(extension)) return openXlsx(args.file, { sheet: args.sheet });
  return null;
}

function columnNotes(issues: readonly ColumnIssue[]): string[] {
  const unknown = issues.filter((issue) => issue.code === "unknown_column").map((issue) => `"${issue.header}"`);
  const notes = issues.filter((issue) => issue.code === "duplicate_column").map(describeColumnIssue);
  if (unknown.length > 0) notes.push(`columns not used for scoring (carried through to CSV output): ${unknown.join(", ")}`);
  return notes;
}

interface OutputTarget {
  sink: TextSink;
  close: () => Promise<void>;
}

async function openOutput(out: string | undefined, io: CommandIo): Promise<OutputTarget | { error: string }> {
  if (out === undefined) return { sink: textSink(io.stdout), close: async () => undefined };
  try {
    const handle = await open(out, "w");
    const stream = handle.createWriteStream();
    return { sink: textSink(stream), close: () => new Promise<void>((resolve) => stream.end(resolve)) };
  } catch (error) {
    return { error: `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
}

export async function scoreCommand(args: ScoreArgs, io: CommandIo): Promise<ExitCode> {
  const fail = (message: string): ExitCode => {
    io.stderr.write(`chokepoint score: ${message}\n`);
    return EXIT.unusable;
  };

  const asOf = args.asOf ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf.trim()) || isoDateOrNull(asOf) === null) {
    return fail(`--as-of must be a calendar date written YYYY-MM-DD; got "${asOf}"`);
  }
  const format = chooseFormat(args, io);
  if (format === null) return fail(`--format must be one of ${SCORE_FORMATS.join(", ")}; got "${args.format}"`);

  const rules = await loadRules(args.rules);
  if (!rules.ok) return fail(rules.lines.join("\n"));
  const aliases = args.aliases === undefined ? null : await loadAliasesFile(args.aliases);
  if (aliases !== null && !aliases.ok) return fail(aliases.message);

  const opening = openTable(args);
  if (opening === null) return fail(`${args.file}: unsupported file type; give a .csv or .xlsx file`);
  const opened = await opening;
  if (!opened.ok) return fail(describeTableReadError(opened.error));
  const { reader } = opened;
  if (args.sheet !== undefined && !XLSX_EXTENSIONS.has(extname(args.file).toLowerCase())) {
    io.stderr.write("chokepoint score: note: --sheet applies to XLSX files only and was ignored\n");
  }

  const columns = mapColumns(reader.header.cells);
  if (!columns.ok) {
    reader.close();
    return fail(`${args.file}: ${describeColumnIssue(columns.error)}`);
  }
  for (const note of columnNotes(columns.map.issues)) io.stderr.write(`chokepoint score: note: ${note}\n`);

  const output = await openOutput(args.out, io);
  if ("error" in output) {
    reader.close();
    return fail(output.error);
  }
  const writer: ReportWriter =
    format === "json" ? jsonWriter(output.sink) : format === "csv" ? csvWriter(output.sink, columns.map.headers) : tableWriter(output.sink);

  let compiled = compileRules(rules.rules, { hsNomenclature: staticNomenclature(hsDescriptions) });
  if (aliases !== null && aliases.ok) {
    for (const issue of checkUserAliases(aliases.aliases, compiled)) io.stderr.write(`chokepoint score: note: ${describeUserAliasIssue(issue)}\n`);
    compiled = withUserAliases(compiled, aliases.aliases);
  }
  const summary = new SummaryAccumulator();
  const progress = startProgress(io.stderr, reader.progress);
  try {
    await writer.begin({ asOf, rules: { version: rules.rules.version, source: rules.source } });
    for await (const batch of reader.batches) {
      const records = batch.map((record) => recordToRow(record.cells, columns.map));
      const results = scoreRows(
        records.map((record) => record.input),
        compiled,
        { asOf },
      );
      const reported: ReportedRow[] = batch.map((record, i) => {
        summary.add(results[i], records[i].spend);
        return { report: rowReport(record.row, records[i], results[i]), cells: record.cells };
      });
      await writer.rows(reported);
      progress?.update();
    }
    progress?.stop();
    await writer.end(summary.summary());
  } catch (error) {
    progress?.stop();
    reader.close();
    await output.close();
    return fail(`reading ${args.file} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  await output.close();
  return EXIT.ok;
}
