/**
 * `chokepoint diff OLD NEW [--suppliers FILE] [--as-of DATE] [--format table|csv|json]`: what changed from
 * one rules file to another (controls, items, edition, the rule owner's list beside it), and with a
 * supplier list, which rows move and why. Exit 0 when compared, 2 when an input cannot be used.
 */
import { compileRules, todayIso } from "../../engine";
import { impactOfChange } from "../../engine/impact";
import { diffRules } from "../../engine/diff";
import { EXIT, type CommandIo, type ExitCode } from "../io";
import { calendarDate, chooseFormat, loadRules } from "./change-inputs";
import { CHANGE_FORMATS, diffCsv, diffJson, diffTable, type DiffReport } from "./change-report";
import { shown } from "./change-text";
import { readSupplierList } from "./supplier-list";

export interface DiffArgs {
  /** The earlier rules file: a path or an https URL. */
  old: string;
  /** The later rules file. */
  new: string;
  /** A supplier list (.csv or .xlsx) to score with both. */
  suppliers?: string;
  /** XLSX only: the sheet of the supplier list. */
  sheet?: string;
  /** CSV only: the legacy encoding of a supplier list that is not UTF-8 and has no byte-order mark. */
  encoding?: string;
  /** The day both editions score the list on; today when absent. */
  asOf?: string;
  format?: string;
}

export async function diffCommand(args: DiffArgs, io: CommandIo): Promise<ExitCode> {
  const fail = (...lines: string[]): ExitCode => {
    io.stderr.write(lines.map((line) => `chokepoint diff: ${shown(line)}\n`).join(""));
    return EXIT.unusable;
  };
  const asOf = calendarDate(args.asOf ?? todayIso());
  if (asOf === null) return fail(`--as-of must be a calendar date written YYYY-MM-DD; got "${args.asOf}"`);
  const format = chooseFormat(args.format, io);
  if (format === null) return fail(`--format must be one of ${CHANGE_FORMATS.join(", ")}; got "${args.format}"`);

  const [oldRules, newRules] = await Promise.all([loadRules(args.old), loadRules(args.new)]);
  if (!oldRules.ok) return fail(`old rules ${args.old}:`, ...oldRules.lines);
  if (!newRules.ok) return fail(`new rules ${args.new}:`, ...newRules.lines);

  let suppliers: DiffReport["suppliers"] = null;
  if (args.suppliers !== undefined) {
    const read = await readSupplierList(args.suppliers, { sheet: args.sheet, encoding: args.encoding });
    if (!read.ok) return fail(read.message);
    for (const text of read.notes) io.stderr.write(`chokepoint diff: note: ${shown(text)}\n`);
    const impact = impactOfChange(read.list.rows, compileRules(oldRules.rules), compileRules(newRules.rules), asOf);
    suppliers = { file: args.suppliers, list: read.list, impact };
  } else if (args.sheet !== undefined) {
    io.stderr.write("chokepoint diff: note: --sheet applies to a --suppliers workbook and was ignored\n");
  }

  const report: DiffReport = {
    diff: diffRules(oldRules.rules, newRules.rules),
    sources: { old: oldRules.source, new: newRules.source },
    asOf,
    suppliers,
  };
  io.stdout.write(format === "json" ? diffJson(report) : format === "csv" ? diffCsv(report) : diffTable(report));
  return EXIT.ok;
}
