/**
 * `chokepoint upcoming [--rules R] [--days 90] [--as-of DATE] [--suppliers FILE] [--format …]`: every
 * dated status change of the rules in the window (a suspension ending, an announced control taking
 * effect), and with a supplier list, the rows that move on those days and why. Exit 0 when listed, 2 when
 * an input cannot be used.
 */
import { addDays, compileRules, parseHorizonDays, todayIso, upcomingChanges, LONGEST_HORIZON_DAYS, DEFAULT_HORIZON_DAYS } from "../../engine";
import { impactOfDate } from "../../engine/date-impact";
import { EXIT, type CommandIo, type ExitCode } from "../io";
import { calendarDate, chooseFormat, loadRules } from "./change-inputs";
import { CHANGE_FORMATS, upcomingCsv, upcomingJson, upcomingTable, type UpcomingReport } from "./change-report";
import { shown } from "./change-text";
import { readSupplierList } from "./supplier-list";

export interface UpcomingArgs {
  /** Rules file path or https URL; the bundled rules when absent. */
  rules?: string;
  /** Days to look ahead (default 90). */
  days?: string;
  /** The first day: the window runs from the day after it. Today when absent. */
  asOf?: string;
  suppliers?: string;
  sheet?: string;
  /** CSV only: the legacy encoding of a supplier list that is not UTF-8 and has no byte-order mark. */
  encoding?: string;
  format?: string;
}

export async function upcomingCommand(args: UpcomingArgs, io: CommandIo): Promise<ExitCode> {
  const fail = (...lines: string[]): ExitCode => {
    io.stderr.write(lines.map((line) => `chokepoint upcoming: ${shown(line)}\n`).join(""));
    return EXIT.unusable;
  };
  const from = calendarDate(args.asOf ?? todayIso());
  if (from === null) return fail(`--as-of must be a calendar date written YYYY-MM-DD; got "${args.asOf}"`);
  const days = parseHorizonDays(args.days ?? null);
  if (!days.ok) return fail(`--days must be a whole number of days from 1 to ${LONGEST_HORIZON_DAYS} (default ${DEFAULT_HORIZON_DAYS}); got "${days.received}"`);
  const format = chooseFormat(args.format, io);
  if (format === null) return fail(`--format must be one of ${CHANGE_FORMATS.join(", ")}; got "${args.format}"`);

  const loaded = await loadRules(args.rules);
  if (!loaded.ok) return fail(...loaded.lines);
  const rules = compileRules(loaded.rules);

  let suppliers: UpcomingReport["suppliers"] = null;
  if (args.suppliers !== undefined) {
    const read = await readSupplierList(args.suppliers, { sheet: args.sheet, encoding: args.encoding });
    if (!read.ok) return fail(read.message);
    for (const text of read.notes) io.stderr.write(`chokepoint upcoming: note: ${shown(text)}\n`);
    suppliers = { file: args.suppliers, list: read.list, impact: impactOfDate(read.list.rows, rules, from, addDays(from, days.days)) };
  } else if (args.sheet !== undefined) {
    io.stderr.write("chokepoint upcoming: note: --sheet applies to a --suppliers workbook and was ignored\n");
  }

  const report: UpcomingReport = {
    horizon: upcomingChanges(rules, from, days.days),
    days: days.days,
    rules: { version: loaded.rules.version, source: loaded.source },
    suppliers,
  };
  io.stdout.write(format === "json" ? upcomingJson(report) : format === "csv" ? upcomingCsv(report) : upcomingTable(report));
  return EXIT.ok;
}
